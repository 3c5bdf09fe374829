/* pyexpat_handlers.c - expat's callbacks: each converts its arguments and calls the Python handler the parser holds. */
#include "pyexpat.h"
#include "../objects/str.h"
#include "../objects/bytes.h"
#include "../objects/dict.h"
#include "../objects/list.h"
#include "../objects/tuple.h"
#include "../objects/int.h"
#include "../vm/error.h"
#include "../gc/gc.h"

#include <string.h>

/*
 * The protocol of every callback is CPython's: nothing happens once an
 * exception is pending (a handler raised earlier in this Parse call);
 * buffered character data is delivered first, so handlers see events in
 * document order; a handler that raises makes the parser drop all its
 * handlers (xml_flag_error), and Parse() then raises the exception.
 */

#define XML_HANDLER_NAME(name) #name,
const char *const xml_handler_names[H_COUNT] = {XML_HANDLERS(XML_HANDLER_NAME)};

/* Text from expat (always UTF-8) as a str; None for NULL. */
static Value conv(const XML_Char *s) { return s ? str_new(s, strlen(s)) : VNone; }
static Value conv_len(const XML_Char *s, int len) { return str_new(s, (size_t)len); }

Value xml_intern(XmlParser *p, const XML_Char *s) {
    if (!s) return VNone;
    Value v = conv(s);
    if (!v || !p->intern) return v;
    Value old = dict_get(p->intern, v);
    if (old) return old;
    if (err_occurred() || dict_set(p->intern, v, v) < 0) return VNULL;
    return v;
}

/* After an error, external entity references fail rather than call Python. */
static int error_external_entity_ref(XML_Parser parser, const XML_Char *context, const XML_Char *base,
                                     const XML_Char *sysid, const XML_Char *pubid) {
    return 0;
}

void xml_flag_error(XmlParser *p) {
    for (int h = 0; h < H_COUNT; h++) {
        p->handlers[h] = VNULL;
        xml_set_c_handler(p, h, false);
    }
    XML_SetExternalEntityRefHandler(p->itself, error_external_entity_ref);
}

/* Call handler h with args (none may be VNULL: a failed conversion); the result or VNULL. */
static Value call(XmlParser *p, int h, Value *args, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (!args[i]) {
            xml_flag_error(p);
            return VNULL;
        }
    Value fn = p->handlers[h];
    p->in_callback = true;
    Value r = obj_call(fn, args, n, VNULL);
    p->in_callback = false;
    if (!r) xml_flag_error(p);
    return r;
}

/* Should a callback for h run at all?  It also flushes buffered text. */
static bool ready(XmlParser *p, int h) {
    if (!p->handlers[h] || err_occurred()) return false;
    return xml_flush_buffer(p) == 0;
}

static void call_chardata(XmlParser *p, const XML_Char *s, int len) {
    if (!p->handlers[H_CharacterDataHandler]) return;
    Value a[1] = {conv_len(s, len)};
    call(p, H_CharacterDataHandler, a, 1);
}

int xml_flush_buffer(XmlParser *p) {
    if (!p->buffer || p->buffer_used == 0) return 0;
    int n = p->buffer_used;
    p->buffer_used = 0;
    call_chardata(p, p->buffer, n);
    return err_occurred() ? -1 : 0;
}

static void on_chardata(void *ud, const XML_Char *s, int len) {
    XmlParser *p = ud;
    if (err_occurred()) return;
    if (!p->buffer) {
        call_chardata(p, s, len);
        return;
    }
    if (p->buffer_used + len > p->buffer_size && xml_flush_buffer(p) < 0) return;
    if (!p->handlers[H_CharacterDataHandler]) return;
    if (len > p->buffer_size) {
        call_chardata(p, s, len);
        p->buffer_used = 0;
    } else {
        memcpy(p->buffer + p->buffer_used, s, (size_t)len);
        p->buffer_used += len;
    }
}

static void noop_chardata(void *ud, const XML_Char *s, int len) {}

void xml_set_noop_chardata(XmlParser *p) { XML_SetCharacterDataHandler(p->itself, noop_chardata); }

static void on_start_element(void *ud, const XML_Char *name, const XML_Char **atts) {
    XmlParser *p = ud;
    if (!ready(p, H_StartElementHandler)) return;
    int max = 0;
    if (p->specified_attributes) max = XML_GetSpecifiedAttributeCount(p->itself);
    else
        while (atts[max]) max += 2;
    Value container = p->ordered_attributes ? list_new((size_t)max) : dict_new();
    if (!container) {
        xml_flag_error(p);
        return;
    }
    for (int i = 0; i < max; i += 2) {
        Value k = xml_intern(p, atts[i]), v = k ? conv(atts[i + 1]) : VNULL;
        if (!v || (p->ordered_attributes ? list_append(container, k) < 0 || list_append(container, v) < 0
                                         : dict_set(container, k, v) < 0)) {
            xml_flag_error(p);
            return;
        }
    }
    Value a[2] = {xml_intern(p, name), container};
    call(p, H_StartElementHandler, a, 2);
}

static void on_end_element(void *ud, const XML_Char *name) {
    XmlParser *p = ud;
    if (!ready(p, H_EndElementHandler)) return;
    Value a[1] = {xml_intern(p, name)};
    call(p, H_EndElementHandler, a, 1);
}

static void on_pi(void *ud, const XML_Char *target, const XML_Char *data) {
    XmlParser *p = ud;
    if (!ready(p, H_ProcessingInstructionHandler)) return;
    Value a[2] = {xml_intern(p, target), conv(data)};
    call(p, H_ProcessingInstructionHandler, a, 2);
}

static void on_unparsed_entity_decl(void *ud, const XML_Char *entity, const XML_Char *base, const XML_Char *sysid,
                                    const XML_Char *pubid, const XML_Char *notation) {
    XmlParser *p = ud;
    if (!ready(p, H_UnparsedEntityDeclHandler)) return;
    Value a[5] = {xml_intern(p, entity), xml_intern(p, base), xml_intern(p, sysid), xml_intern(p, pubid),
                  xml_intern(p, notation)};
    call(p, H_UnparsedEntityDeclHandler, a, 5);
}

static void on_notation_decl(void *ud, const XML_Char *notation, const XML_Char *base, const XML_Char *sysid,
                             const XML_Char *pubid) {
    XmlParser *p = ud;
    if (!ready(p, H_NotationDeclHandler)) return;
    Value a[4] = {xml_intern(p, notation), xml_intern(p, base), xml_intern(p, sysid), xml_intern(p, pubid)};
    call(p, H_NotationDeclHandler, a, 4);
}

static void on_start_ns(void *ud, const XML_Char *prefix, const XML_Char *uri) {
    XmlParser *p = ud;
    if (!ready(p, H_StartNamespaceDeclHandler)) return;
    Value a[2] = {xml_intern(p, prefix), xml_intern(p, uri)};
    call(p, H_StartNamespaceDeclHandler, a, 2);
}

static void on_end_ns(void *ud, const XML_Char *prefix) {
    XmlParser *p = ud;
    if (!ready(p, H_EndNamespaceDeclHandler)) return;
    Value a[1] = {xml_intern(p, prefix)};
    call(p, H_EndNamespaceDeclHandler, a, 1);
}

static void on_comment(void *ud, const XML_Char *data) {
    XmlParser *p = ud;
    if (!ready(p, H_CommentHandler)) return;
    Value a[1] = {conv(data)};
    call(p, H_CommentHandler, a, 1);
}

static void on_start_cdata(void *ud) {
    XmlParser *p = ud;
    if (ready(p, H_StartCdataSectionHandler)) call(p, H_StartCdataSectionHandler, NULL, 0);
}

static void on_end_cdata(void *ud) {
    XmlParser *p = ud;
    if (ready(p, H_EndCdataSectionHandler)) call(p, H_EndCdataSectionHandler, NULL, 0);
}

static void on_default(void *ud, const XML_Char *s, int len) {
    XmlParser *p = ud;
    if (!ready(p, H_DefaultHandler)) return;
    Value a[1] = {conv_len(s, len)};
    call(p, H_DefaultHandler, a, 1);
}

static void on_default_expand(void *ud, const XML_Char *s, int len) {
    XmlParser *p = ud;
    if (!ready(p, H_DefaultHandlerExpand)) return;
    Value a[1] = {conv_len(s, len)};
    call(p, H_DefaultHandlerExpand, a, 1);
}

/* A handler's int result (CPython's PyLong_AsLong); errors flag the parser. */
static int int_result(XmlParser *p, Value r) {
    if (!r) return 0;
    if (!int_check(r)) {
        err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer", type_name(r));
        xml_flag_error(p);
        return 0;
    }
    return val_is_int(r) ? (int)val_int(r) : (int)int_as_i64(r);
}

static int on_not_standalone(void *ud) {
    XmlParser *p = ud;
    if (!ready(p, H_NotStandaloneHandler)) return 0;
    return int_result(p, call(p, H_NotStandaloneHandler, NULL, 0));
}

static int on_external_entity_ref(XML_Parser parser, const XML_Char *context, const XML_Char *base,
                                  const XML_Char *sysid, const XML_Char *pubid) {
    XmlParser *p = XML_GetUserData(parser);
    if (!ready(p, H_ExternalEntityRefHandler)) return 0;
    Value a[4] = {conv(context), xml_intern(p, base), xml_intern(p, sysid), xml_intern(p, pubid)};
    return int_result(p, call(p, H_ExternalEntityRefHandler, a, 4));
}

static void on_start_doctype(void *ud, const XML_Char *name, const XML_Char *sysid, const XML_Char *pubid,
                             int has_internal_subset) {
    XmlParser *p = ud;
    if (!ready(p, H_StartDoctypeDeclHandler)) return;
    Value a[4] = {xml_intern(p, name), xml_intern(p, sysid), xml_intern(p, pubid), val_from_int(has_internal_subset)};
    call(p, H_StartDoctypeDeclHandler, a, 4);
}

static void on_end_doctype(void *ud) {
    XmlParser *p = ud;
    if (ready(p, H_EndDoctypeDeclHandler)) call(p, H_EndDoctypeDeclHandler, NULL, 0);
}

static void on_entity_decl(void *ud, const XML_Char *entity, int is_param, const XML_Char *value, int value_len,
                           const XML_Char *base, const XML_Char *sysid, const XML_Char *pubid,
                           const XML_Char *notation) {
    XmlParser *p = ud;
    if (!ready(p, H_EntityDeclHandler)) return;
    Value a[7] = {xml_intern(p, entity), val_from_int(is_param), value ? conv_len(value, value_len) : VNone,
                  xml_intern(p, base), xml_intern(p, sysid), xml_intern(p, pubid), xml_intern(p, notation)};
    call(p, H_EntityDeclHandler, a, 7);
}

static void on_xml_decl(void *ud, const XML_Char *version, const XML_Char *encoding, int standalone) {
    XmlParser *p = ud;
    if (!ready(p, H_XmlDeclHandler)) return;
    Value a[3] = {conv(version), conv(encoding), val_from_int(standalone)};
    call(p, H_XmlDeclHandler, a, 3);
}

/* A content model as nested tuples: (type, quant, name, children). */
static Value conv_model(XML_Content *m) {
    Value children = tuple_new(m->numchildren);
    if (!children) return VNULL;
    /* A model nested 500,000 deep: RecursionError rather than a C stack overflow. */
    if (err_enter_recursive(" while converting an XML content model") < 0) return VNULL;
    for (unsigned i = 0; i < m->numchildren; i++) {
        Value c = conv_model(&m->children[i]);
        if (!c) {
            err_leave_recursive();
            return VNULL;
        }
        GC_WRITE(val_obj(children), ((TupleObject *)children)->items[i], c);
    }
    err_leave_recursive();
    Value name = conv(m->name);
    if (!name) return VNULL;
    return tuple_pack(4, val_from_int(m->type), val_from_int(m->quant), name, children);
}

static void on_element_decl(void *ud, const XML_Char *name, XML_Content *model) {
    XmlParser *p = ud;
    if (ready(p, H_ElementDeclHandler)) {
        Value a[2] = {xml_intern(p, name), conv_model(model)};
        call(p, H_ElementDeclHandler, a, 2);
    }
    XML_FreeContentModel(p->itself, model);
}

static void on_attlist_decl(void *ud, const XML_Char *elname, const XML_Char *attname, const XML_Char *att_type,
                            const XML_Char *dflt, int isrequired) {
    XmlParser *p = ud;
    if (!ready(p, H_AttlistDeclHandler)) return;
    Value a[5] = {xml_intern(p, elname), xml_intern(p, attname), conv(att_type), conv(dflt), val_from_int(isrequired)};
    call(p, H_AttlistDeclHandler, a, 5);
}

static void on_skipped_entity(void *ud, const XML_Char *entity, int is_param) {
    XmlParser *p = ud;
    if (!ready(p, H_SkippedEntityHandler)) return;
    Value a[2] = {xml_intern(p, entity), val_from_int(is_param)};
    call(p, H_SkippedEntityHandler, a, 2);
}

void xml_set_c_handler(XmlParser *p, int h, bool on) {
    XML_Parser x = p->itself;
    switch (h) {
    case H_StartElementHandler: XML_SetStartElementHandler(x, on ? on_start_element : NULL); break;
    case H_EndElementHandler: XML_SetEndElementHandler(x, on ? on_end_element : NULL); break;
    case H_ProcessingInstructionHandler: XML_SetProcessingInstructionHandler(x, on ? on_pi : NULL); break;
    case H_CharacterDataHandler: XML_SetCharacterDataHandler(x, on ? on_chardata : NULL); break;
    case H_UnparsedEntityDeclHandler:
        XML_SetUnparsedEntityDeclHandler(x, on ? on_unparsed_entity_decl : NULL);
        break;
    case H_NotationDeclHandler: XML_SetNotationDeclHandler(x, on ? on_notation_decl : NULL); break;
    case H_StartNamespaceDeclHandler: XML_SetStartNamespaceDeclHandler(x, on ? on_start_ns : NULL); break;
    case H_EndNamespaceDeclHandler: XML_SetEndNamespaceDeclHandler(x, on ? on_end_ns : NULL); break;
    case H_CommentHandler: XML_SetCommentHandler(x, on ? on_comment : NULL); break;
    case H_StartCdataSectionHandler: XML_SetStartCdataSectionHandler(x, on ? on_start_cdata : NULL); break;
    case H_EndCdataSectionHandler: XML_SetEndCdataSectionHandler(x, on ? on_end_cdata : NULL); break;
    case H_DefaultHandler: XML_SetDefaultHandler(x, on ? on_default : NULL); break;
    case H_DefaultHandlerExpand: XML_SetDefaultHandlerExpand(x, on ? on_default_expand : NULL); break;
    case H_NotStandaloneHandler: XML_SetNotStandaloneHandler(x, on ? on_not_standalone : NULL); break;
    case H_ExternalEntityRefHandler: XML_SetExternalEntityRefHandler(x, on ? on_external_entity_ref : NULL); break;
    case H_StartDoctypeDeclHandler: XML_SetStartDoctypeDeclHandler(x, on ? on_start_doctype : NULL); break;
    case H_EndDoctypeDeclHandler: XML_SetEndDoctypeDeclHandler(x, on ? on_end_doctype : NULL); break;
    case H_EntityDeclHandler: XML_SetEntityDeclHandler(x, on ? on_entity_decl : NULL); break;
    case H_XmlDeclHandler: XML_SetXmlDeclHandler(x, on ? on_xml_decl : NULL); break;
    case H_ElementDeclHandler: XML_SetElementDeclHandler(x, on ? on_element_decl : NULL); break;
    case H_AttlistDeclHandler: XML_SetAttlistDeclHandler(x, on ? on_attlist_decl : NULL); break;
    case H_SkippedEntityHandler: XML_SetSkippedEntityHandler(x, on ? on_skipped_entity : NULL); break;
    }
}
