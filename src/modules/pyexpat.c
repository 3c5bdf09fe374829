/* pyexpat.c - the pyexpat module over Debian's libexpat: ParserCreate, the xmlparser type, ExpatError, errors and model. */
#include "pyexpat.h"
#include "datamod.h"
#include "../objects/str.h"
#include "../objects/bytes.h"
#include "../objects/dict.h"
#include "../objects/list.h"
#include "../objects/tuple.h"
#include "../objects/module.h"
#include "../gc/gc.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

/*
 * CPython 3.11's Modules/pyexpat.c is the specification; xml.etree,
 * xml.dom.minidom (expatbuilder), xml.sax (expatreader) and plistlib are
 * its users.  Expat works in UTF-8 (XML_Char is char), so every string it
 * reports becomes a str without transcoding.  The expat callbacks live in
 * pyexpat_handlers.c; this file has the object, its methods and
 * attributes, errors and the module.
 */

#define READ_CHUNK 2048             /* ParseFile's read() size, as CPython's */
#define DEFAULT_BUFFER_SIZE 8192    /* buffer_text's default buffer_size */

static Value expat_error;          /* xml.parsers.expat.ExpatError */
static Type type_xmlparser;

/* ---- errors ---- */

/* ExpatError("<message>: line L, column C") with code, lineno and offset. */
static Value set_error(XmlParser *p, enum XML_Error code) {
    int line = (int)XML_GetErrorLineNumber(p->itself), col = (int)XML_GetErrorColumnNumber(p->itself);
    const char *msg = XML_ErrorString(code);
    Value text = str_printf("%s: line %d, column %d", msg ? msg : "(null)", line, col);
    if (!text) return VNULL;
    Value exc = obj_call1(expat_error, text);
    if (!exc) return VNULL;
    if (obj_setattr_cstr(exc, "code", val_from_int(code)) < 0 ||
        obj_setattr_cstr(exc, "offset", val_from_int(col)) < 0 ||
        obj_setattr_cstr(exc, "lineno", val_from_int(line)) < 0)
        return VNULL;
    err_set_object(exc);
    return VNULL;
}

/* What Parse and ParseFile return: the pending exception, ExpatError, or 1. */
static Value parse_result(XmlParser *p, int status) {
    if (err_occurred()) return VNULL;
    if (status == XML_STATUS_ERROR) return set_error(p, XML_GetErrorCode(p->itself));
    if (xml_flush_buffer(p) < 0) return VNULL;
    return val_from_int(status);
}

/* ---- encodings expat does not know: any single-byte Python codec ---- */

static int unknown_encoding(void *data, const XML_Char *name, XML_Encoding *info) {
    char all[256];
    for (int i = 0; i < 256; i++) all[i] = (char)i;
    Value u = bytes_decode(all, 256, name, "replace");
    if (!u) return XML_STATUS_ERROR;
    if (str_len(u) != 256) {
        err_set(&exc_ValueError, "multi-byte encodings are not supported");
        return XML_STATUS_ERROR;
    }
    for (int i = 0; i < 256; i++) {
        uint32_t c = str_char_at(u, (size_t)i);
        info->map[i] = c == 0xFFFD ? -1 : (int)c;
    }
    info->data = NULL;
    info->convert = NULL;
    info->release = NULL;
    return XML_STATUS_OK;
}

/* ---- the object ---- */

static void xp_trace(Object *o) {
    XmlParser *p = (XmlParser *)o;
    gc_mark_range(p->handlers, H_COUNT);
    gc_mark(p->intern);
    gc_mark(p->parent);
}

static void xp_finalize(Object *o) {
    XmlParser *p = (XmlParser *)o;
    XmlFamily *f = p->family;
    if (p->itself && f && p->itself != f->root) XML_ParserFree(p->itself);
    p->itself = NULL;
    if (f && --f->live == 0) {
        XML_ParserFree(f->root);
        free(f);
    }
    p->family = NULL;
    free(p->buffer);
    p->buffer = NULL;
}

/* A new object around an expat parser just created (NULL: out of memory). */
static XmlParser *xp_wrap(XML_Parser x, XmlFamily *family, Value intern) {
    if (!x) {
        err_no_memory();
        return NULL;
    }
    XmlParser *p = (XmlParser *)gc_alloc(&type_xmlparser, sizeof(XmlParser));
    if (!p) {
        XML_ParserFree(x);
        return NULL;
    }
    gc_note_external(16 * 1024);   /* expat's parser state, freed by the finalizer */
    p->itself = x;
    if (!family) {
        family = malloc(sizeof *family);
        if (!family) {
            XML_ParserFree(x);
            p->itself = NULL;
            err_no_memory();
            return NULL;
        }
        family->live = 0;
        family->root = x;
    }
    family->live++;
    p->family = family;
    GC_WRITE(p, p->intern, intern);
    p->buffer_size = DEFAULT_BUFFER_SIZE;
    XML_SetUserData(x, p);
    XML_SetUnknownEncodingHandler(x, unknown_encoding, NULL);
    return p;
}

/* ParserCreate(encoding=None, namespace_separator=None, intern=<new dict>) */
static Value parser_create(Value self, Value *args, size_t nargs, Value kw) {
    static const char *const names[] = {"encoding", "namespace_separator", "intern", NULL};
    Value a[3];
    if (dm_parse("ParserCreate", args, nargs, kw, names, 0, 3, 0, a) < 0) return VNULL;
    const char *enc = NULL, *sep = NULL;
    for (int i = 0; i < 2; i++) {
        if (!a[i] || a[i] == VNone) continue;
        if (!str_check(a[i])) {
            err_format(&exc_TypeError, "ParserCreate() argument '%s' must be str or None, not %s", names[i],
                       type_name(a[i]));
            return VNULL;
        }
        if (strlen(str_data(a[i])) != str_size(a[i])) {
            err_set(&exc_ValueError, "embedded null character");
            return VNULL;
        }
        if (i == 0) enc = str_data(a[i]);
        else sep = str_data(a[i]);
    }
    if (sep && strlen(sep) > 1) {
        err_set(&exc_ValueError, "namespace_separator must be at most one character, omitted, or None");
        return VNULL;
    }
    Value intern;
    if (!a[2]) intern = dict_new();
    else if (a[2] == VNone) intern = VNULL;
    else if (dict_check(a[2])) intern = a[2];
    else {
        err_set(&exc_TypeError, "intern must be a dictionary");
        return VNULL;
    }
    if (a[2] != VNone && !intern) return VNULL;
    XML_Parser x = sep ? XML_ParserCreateNS(enc, *sep) : XML_ParserCreate(enc);
    XmlParser *p = xp_wrap(x, NULL, intern);
    return p ? obj_val(p) : VNULL;
}

/* Parse(data, isfinal=False, /) */
static Value xp_parse(Value self, Value *args, size_t nargs, Value kw) {
    XmlParser *p = (XmlParser *)self;
    static const char *const names[] = {"", "", NULL};
    Value a[2];
    if (dm_parse("Parse", args, nargs, kw, names, 2, 2, 1, a) < 0) return VNULL;
    int isfinal = 0;
    if (a[1] && clib_int(a[1], &isfinal) < 0) return VNULL;
    Buffer view = {0};
    const char *s;
    size_t n;
    if (str_check(a[0])) {
        /* Taipan's str is UTF-8 already: hand expat the bytes. */
        s = str_data(a[0]);
        n = str_size(a[0]);
        XML_SetEncoding(p->itself, "utf-8");
    } else {
        if (clib_buffer(a[0], &view) < 0) return VNULL;
        s = view.buf;
        n = (size_t)view.len;
    }
    /* expat takes an int length: feed very large inputs in pieces. */
    const size_t max_chunk = 1u << 30;
    int status;
    while (n > max_chunk) {
        status = XML_Parse(p->itself, s, (int)max_chunk, 0);
        if (status == XML_STATUS_ERROR || err_occurred()) goto done;
        s += max_chunk;
        n -= max_chunk;
    }
    status = XML_Parse(p->itself, s, (int)n, isfinal);
done:
    if (view.obj) buffer_release(&view);
    return parse_result(p, status);
}

/* ParseFile(file, /): read(2048) until b''. */
static Value xp_parse_file(Value self, Value *args, size_t nargs, Value kw) {
    XmlParser *p = (XmlParser *)self;
    static const char *const names[] = {"", NULL};
    Value a[1];
    if (dm_parse("ParseFile", args, nargs, kw, names, 1, 1, 1, a) < 0) return VNULL;
    Value read = obj_getattr_cstr(a[0], "read");
    if (!read) {
        if (!err_matches(&exc_AttributeError)) return VNULL;
        err_clear();
        err_set(&exc_TypeError, "argument must have 'read' attribute");
        return VNULL;
    }
    Value size = val_from_int(READ_CHUNK);
    for (;;) {
        void *buf = XML_GetBuffer(p->itself, READ_CHUNK);
        if (!buf) return parse_result(p, XML_STATUS_ERROR);
        Value data = obj_call1(read, size);
        if (!data) return VNULL;
        const char *s;
        size_t n;
        if (bytes_check(data)) s = bytes_data(data), n = (size_t)bytes_size(data);
        else if (bytearray_check(data)) s = ((ByteArrayObject *)data)->data, n = (size_t)((ByteArrayObject *)data)->size;
        else {
            err_format(&exc_TypeError, "read() did not return a bytes object (type=%.400s)", type_name(data));
            return VNULL;
        }
        if (n > READ_CHUNK) {
            err_format(&exc_ValueError, "read() returned too much data: %d bytes requested, %zu returned", READ_CHUNK,
                       n);
            return VNULL;
        }
        memcpy(buf, s, n);
        int status = XML_ParseBuffer(p->itself, (int)n, n == 0);
        if (status == XML_STATUS_ERROR || err_occurred() || n == 0) return parse_result(p, status);
    }
}

static Value xp_set_base(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("xmlparser.SetBase", kw) < 0 || arg_count("xmlparser.SetBase", nargs, 1, 1) < 0) return VNULL;
    if (!str_check(args[0])) {
        err_format(&exc_TypeError, "SetBase() argument must be str, not %s", type_name(args[0]));
        return VNULL;
    }
    if (!XML_SetBase(((XmlParser *)self)->itself, str_data(args[0]))) {
        err_no_memory();
        return VNULL;
    }
    return VNone;
}

static Value xp_get_base(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("xmlparser.GetBase", kw) < 0 || arg_count("xmlparser.GetBase", nargs, 0, 0) < 0) return VNULL;
    const XML_Char *b = XML_GetBase(((XmlParser *)self)->itself);
    return b ? str_from_cstr(b) : VNone;
}

/* The bytes of the current event's surroundings, while a handler runs. */
static Value xp_get_input_context(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("xmlparser.GetInputContext", kw) < 0 || arg_count("xmlparser.GetInputContext", nargs, 0, 0) < 0)
        return VNULL;
    XmlParser *p = (XmlParser *)self;
    if (!p->in_callback) return VNone;
    int offset, size;
    const char *buf = XML_GetInputContext(p->itself, &offset, &size);
    return buf ? bytes_new(buf + offset, (size_t)(size - offset)) : VNone;
}

static Value xp_external_entity_parser_create(Value self, Value *args, size_t nargs, Value kw) {
    XmlParser *p = (XmlParser *)self;
    const char *fname = "ExternalEntityParserCreate";
    static const char *const names[] = {"", "", NULL};
    Value a[2];
    if (dm_parse(fname, args, nargs, kw, names, 2, 2, 1, a) < 0) return VNULL;
    args = a;
    nargs = a[1] ? 2 : 1;
    const char *context = NULL, *enc = NULL;
    if (args[0] != VNone) {
        if (!str_check(args[0])) {
            err_format(&exc_TypeError, "%s() argument 1 must be str or None, not %s", fname, type_name(args[0]));
            return VNULL;
        }
        context = str_data(args[0]);
    }
    if (nargs > 1) {
        if (!str_check(args[1])) {
            err_format(&exc_TypeError, "%s() argument 2 must be str, not %s", fname, type_name(args[1]));
            return VNULL;
        }
        enc = str_data(args[1]);
    }
    XmlParser *c = xp_wrap(XML_ExternalEntityParserCreate(p->itself, context, enc), p->family, p->intern);
    if (!c) return VNULL;
    GC_WRITE(c, c->parent, self);
    c->buffer_size = p->buffer_size;
    c->ordered_attributes = p->ordered_attributes;
    c->specified_attributes = p->specified_attributes;
    c->ns_prefixes = p->ns_prefixes;
    if (p->buffer && !(c->buffer = malloc((size_t)c->buffer_size))) {
        err_no_memory();
        return VNULL;
    }
    for (int h = 0; h < H_COUNT; h++) {
        if (!p->handlers[h]) continue;
        GC_WRITE(c, c->handlers[h], p->handlers[h]);
        xml_set_c_handler(c, h, true);
    }
    return obj_val(c);
}

static Value xp_set_param_entity_parsing(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("xmlparser.SetParamEntityParsing", kw) < 0 ||
        arg_count("xmlparser.SetParamEntityParsing", nargs, 1, 1) < 0)
        return VNULL;
    int flag;
    if (clib_int(args[0], &flag) < 0) return VNULL;
    return val_from_int(XML_SetParamEntityParsing(((XmlParser *)self)->itself, (enum XML_ParamEntityParsing)flag));
}

static Value xp_use_foreign_dtd(Value self, Value *args, size_t nargs, Value kw) {
    XmlParser *p = (XmlParser *)self;
    static const char *const names[] = {"", NULL};
    Value a[1];
    if (dm_parse("UseForeignDTD", args, nargs, kw, names, 1, 1, 0, a) < 0) return VNULL;
    bool flag = true;
    if (a[0] && clib_bool(a[0], &flag) < 0) return VNULL;
    enum XML_Error rc = XML_UseForeignDTD(p->itself, flag ? XML_TRUE : XML_FALSE);
    if (rc != XML_ERROR_NONE) return set_error(p, rc);
    return VNone;
}

/* ---- attributes ---- */

static int no_delete(Value v) {
    if (v) return 0;
    err_set(&exc_RuntimeError, "Cannot delete attribute");
    return -1;
}

/* The handler attributes: one getter/setter pair per handler. */
static Value get_handler(Value self, int h) {
    Value v = ((XmlParser *)self)->handlers[h];
    return v ? v : VNone;
}

static int set_handler(Value self, int h, Value v) {
    XmlParser *p = (XmlParser *)self;
    if (no_delete(v) < 0) return -1;
    /* Text buffered for the old character-data handler goes to it first. */
    if (h == H_CharacterDataHandler && xml_flush_buffer(p) < 0) return -1;
    if (v == VNone) {
        GC_WRITE(p, p->handlers[h], VNULL);
        /* expat may be inside this very callback: swap in a no-op rather than NULL. */
        if (h == H_CharacterDataHandler && p->in_callback) xml_set_noop_chardata(p);
        else xml_set_c_handler(p, h, false);
        return 0;
    }
    GC_WRITE(p, p->handlers[h], v);
    xml_set_c_handler(p, h, true);
    return 0;
}

#define HANDLER_ACCESSORS(name)                                                                              \
    static Value get_##name(Value self) { return get_handler(self, H_##name); }                            \
    static int set_##name(Value self, Value v) { return set_handler(self, H_##name, v); }
XML_HANDLERS(HANDLER_ACCESSORS)

static int set_flag(Value v, bool *flag) {
    if (no_delete(v) < 0) return -1;
    return clib_bool(v, flag);
}

static Value get_buffer_text(Value self) { return val_bool(((XmlParser *)self)->buffer != NULL); }
static int set_buffer_text(Value self, Value v) {
    XmlParser *p = (XmlParser *)self;
    bool on;
    if (set_flag(v, &on) < 0) return -1;
    if (on && !p->buffer) {
        if (!(p->buffer = malloc((size_t)p->buffer_size))) {
            err_no_memory();
            return -1;
        }
        p->buffer_used = 0;
    } else if (!on && p->buffer) {
        if (xml_flush_buffer(p) < 0) return -1;
        free(p->buffer);
        p->buffer = NULL;
    }
    return 0;
}

static Value get_buffer_size(Value self) { return val_from_int(((XmlParser *)self)->buffer_size); }
static int set_buffer_size(Value self, Value v) {
    XmlParser *p = (XmlParser *)self;
    if (no_delete(v) < 0) return -1;
    if (!int_check(v)) {
        err_set(&exc_TypeError, "buffer_size must be an integer");
        return -1;
    }
    if (!val_is_int(v) && !int_fits_i64(v)) {
        err_format(&exc_OverflowError, "Python int too large to convert to C long");
        return -1;
    }
    int64_t n = val_is_int(v) ? val_int(v) : int_as_i64(v);
    if (n <= 0) {
        err_set(&exc_ValueError, "buffer_size must be greater than zero");
        return -1;
    }
    if (n > INT_MAX) {
        err_format(&exc_ValueError, "buffer_size must not be greater than %d", INT_MAX);
        return -1;
    }
    if (p->buffer) {
        if (p->buffer_size == n) return 0;
        if (xml_flush_buffer(p) < 0) return -1;
        char *nb = malloc((size_t)n);
        if (!nb) {
            err_no_memory();
            return -1;
        }
        free(p->buffer);
        p->buffer = nb;
    }
    p->buffer_size = (int)n;
    return 0;
}

static Value get_buffer_used(Value self) { return val_from_int(((XmlParser *)self)->buffer_used); }

static Value get_namespace_prefixes(Value self) { return val_bool(((XmlParser *)self)->ns_prefixes); }
static int set_namespace_prefixes(Value self, Value v) {
    XmlParser *p = (XmlParser *)self;
    if (set_flag(v, &p->ns_prefixes) < 0) return -1;
    XML_SetReturnNSTriplet(p->itself, p->ns_prefixes);
    return 0;
}

static Value get_ordered_attributes(Value self) { return val_bool(((XmlParser *)self)->ordered_attributes); }
static int set_ordered_attributes(Value self, Value v) { return set_flag(v, &((XmlParser *)self)->ordered_attributes); }
static Value get_specified_attributes(Value self) { return val_bool(((XmlParser *)self)->specified_attributes); }
static int set_specified_attributes(Value self, Value v) {
    return set_flag(v, &((XmlParser *)self)->specified_attributes);
}

#define POSITION_GETTER(name, call)                                                                          \
    static Value get_##name(Value self) { return int_from_i64((int64_t)call(((XmlParser *)self)->itself)); }
POSITION_GETTER(ErrorCode, XML_GetErrorCode)
POSITION_GETTER(ErrorLineNumber, XML_GetErrorLineNumber)
POSITION_GETTER(ErrorColumnNumber, XML_GetErrorColumnNumber)
POSITION_GETTER(ErrorByteIndex, XML_GetErrorByteIndex)
POSITION_GETTER(CurrentLineNumber, XML_GetCurrentLineNumber)
POSITION_GETTER(CurrentColumnNumber, XML_GetCurrentColumnNumber)
POSITION_GETTER(CurrentByteIndex, XML_GetCurrentByteIndex)

#define HANDLER_GETSET(name) {#name, get_##name, set_##name, NULL},
static const GetSetDef xp_getsets[] = {
    XML_HANDLERS(HANDLER_GETSET)
    {"ErrorCode", get_ErrorCode, NULL, NULL},
    {"ErrorLineNumber", get_ErrorLineNumber, NULL, NULL},
    {"ErrorColumnNumber", get_ErrorColumnNumber, NULL, NULL},
    {"ErrorByteIndex", get_ErrorByteIndex, NULL, NULL},
    {"CurrentLineNumber", get_CurrentLineNumber, NULL, NULL},
    {"CurrentColumnNumber", get_CurrentColumnNumber, NULL, NULL},
    {"CurrentByteIndex", get_CurrentByteIndex, NULL, NULL},
    {"buffer_size", get_buffer_size, set_buffer_size, NULL},
    {"buffer_text", get_buffer_text, set_buffer_text, NULL},
    {"buffer_used", get_buffer_used, NULL, NULL},
    {"namespace_prefixes", get_namespace_prefixes, set_namespace_prefixes, NULL},
    {"ordered_attributes", get_ordered_attributes, set_ordered_attributes, NULL},
    {"specified_attributes", get_specified_attributes, set_specified_attributes, NULL},
    {NULL},
};

static const MemberDef xp_members[] = {
    {"intern", MEMBER_VALUE_OR_NONE_RO, offsetof(XmlParser, intern)},
    {NULL},
};

static const MethodDef xp_methods[] = {
    {"Parse", xp_parse, 0,
     "Parse XML data.\n\n`isfinal' should be true at end of input."},
    {"ParseFile", xp_parse_file, 0, "Parse XML data from file-like object."},
    {"SetBase", xp_set_base, 0, "Set the base URL for the parser."},
    {"GetBase", xp_get_base, 0, "Return base URL string for the parser."},
    {"GetInputContext", xp_get_input_context, 0,
     "Return the untranslated text of the input that caused the current event.\n\nIf the event was generated by "
     "a large amount of text (such as a start tag\nfor an element with many attributes), not all of the text may "
     "be available."},
    {"ExternalEntityParserCreate", xp_external_entity_parser_create, 0,
     "Create a parser for parsing an external entity based on the information passed to the "
     "ExternalEntityRefHandler."},
    {"SetParamEntityParsing", xp_set_param_entity_parsing, 0,
     "Controls parsing of parameter entities (including the external DTD subset).\n\nPossible flag values are "
     "XML_PARAM_ENTITY_PARSING_NEVER,\nXML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE and\n"
     "XML_PARAM_ENTITY_PARSING_ALWAYS. Returns true if setting the flag\nwas successful."},
    {"UseForeignDTD", xp_use_foreign_dtd, 0,
     "Allows the application to provide an artificial external subset if one is not specified as part of the "
     "document instance.\n\nThis readily allows the use of a 'default' document type controlled by the\n"
     "application, while still getting the advantage of providing document type\ninformation to the parser. "
     "'flag' defaults to True if not provided."},
    {NULL},
};

static Type type_xmlparser = {
    .hdr = {0, &type_type},
    .name = "pyexpat.xmlparser",
    .basicsize = sizeof(XmlParser),
    .trace = xp_trace,
    .finalize = xp_finalize,
    .new = clib_no_new,
    .methods = xp_methods,
    .getsets = xp_getsets,
    .members = xp_members,
    .doc = "XML parser",
};

/* ---- module ---- */

static Value error_string(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("pyexpat.ErrorString", kw) < 0 || arg_count("pyexpat.ErrorString", nargs, 1, 1) < 0) return VNULL;
    int64_t code;
    if (clib_i64(args[0], &code) < 0) return VNULL;
    const char *s = code >= INT_MIN && code <= INT_MAX ? XML_ErrorString((enum XML_Error)code) : NULL;
    return s ? str_from_cstr(s) : VNone;
}

static const MethodDef pyexpat_functions[] = {
    {"ParserCreate", parser_create, 0, "Return a new XML parser object."},
    {"ErrorString", error_string, 0, "Returns string error for given number."},
    {NULL},
};

/* The XML_ERROR_* names pyexpat.errors defines (CPython's list). */
static const struct { const char *name; enum XML_Error code; } error_names[] = {
#define E(n) {#n, n}
    E(XML_ERROR_NO_MEMORY), E(XML_ERROR_SYNTAX), E(XML_ERROR_NO_ELEMENTS), E(XML_ERROR_INVALID_TOKEN),
    E(XML_ERROR_UNCLOSED_TOKEN), E(XML_ERROR_PARTIAL_CHAR), E(XML_ERROR_TAG_MISMATCH),
    E(XML_ERROR_DUPLICATE_ATTRIBUTE), E(XML_ERROR_JUNK_AFTER_DOC_ELEMENT), E(XML_ERROR_PARAM_ENTITY_REF),
    E(XML_ERROR_UNDEFINED_ENTITY), E(XML_ERROR_RECURSIVE_ENTITY_REF), E(XML_ERROR_ASYNC_ENTITY),
    E(XML_ERROR_BAD_CHAR_REF), E(XML_ERROR_BINARY_ENTITY_REF), E(XML_ERROR_ATTRIBUTE_EXTERNAL_ENTITY_REF),
    E(XML_ERROR_MISPLACED_XML_PI), E(XML_ERROR_UNKNOWN_ENCODING), E(XML_ERROR_INCORRECT_ENCODING),
    E(XML_ERROR_UNCLOSED_CDATA_SECTION), E(XML_ERROR_EXTERNAL_ENTITY_HANDLING), E(XML_ERROR_NOT_STANDALONE),
    E(XML_ERROR_UNEXPECTED_STATE), E(XML_ERROR_ENTITY_DECLARED_IN_PE), E(XML_ERROR_FEATURE_REQUIRES_XML_DTD),
    E(XML_ERROR_CANT_CHANGE_FEATURE_ONCE_PARSING), E(XML_ERROR_UNBOUND_PREFIX), E(XML_ERROR_UNDECLARING_PREFIX),
    E(XML_ERROR_INCOMPLETE_PE), E(XML_ERROR_XML_DECL), E(XML_ERROR_TEXT_DECL), E(XML_ERROR_PUBLICID),
    E(XML_ERROR_SUSPENDED), E(XML_ERROR_NOT_SUSPENDED), E(XML_ERROR_ABORTED), E(XML_ERROR_FINISHED),
    E(XML_ERROR_SUSPEND_PE), E(XML_ERROR_RESERVED_PREFIX_XML), E(XML_ERROR_RESERVED_PREFIX_XMLNS),
    E(XML_ERROR_RESERVED_NAMESPACE_URI), E(XML_ERROR_INVALID_ARGUMENT), E(XML_ERROR_NO_BUFFER),
    E(XML_ERROR_AMPLIFICATION_LIMIT_BREACH),
#undef E
};

extern Value sys_modules_dict;

/* pyexpat.errors: XML_ERROR_* message strings, codes {message: code}, messages {code: message}. */
static Value errors_module(void) {
    Value m = module_new_cstr("pyexpat.errors");
    Value codes = dict_new(), messages = dict_new();
    if (!m || !codes || !messages) return VNULL;
    for (size_t i = 0; i < sizeof error_names / sizeof error_names[0]; i++) {
        Value msg = str_from_cstr(XML_ErrorString(error_names[i].code));
        Value code = val_from_int(error_names[i].code);
        if (!msg || module_add(m, error_names[i].name, msg) < 0 || dict_set(codes, msg, code) < 0 ||
            dict_set(messages, code, msg) < 0)
            return VNULL;
    }
    if (module_add(m, "codes", codes) < 0 || module_add(m, "messages", messages) < 0 ||
        module_add(m, "__doc__", str_from_cstr("Constants used to describe error conditions.")) < 0)
        return VNULL;
    return m;
}

static Value model_module(void) {
    Value m = module_new_cstr("pyexpat.model");
    if (!m) return VNULL;
    static const struct { const char *name; int value; } c[] = {
        {"XML_CTYPE_EMPTY", XML_CTYPE_EMPTY}, {"XML_CTYPE_ANY", XML_CTYPE_ANY},
        {"XML_CTYPE_MIXED", XML_CTYPE_MIXED}, {"XML_CTYPE_NAME", XML_CTYPE_NAME},
        {"XML_CTYPE_CHOICE", XML_CTYPE_CHOICE}, {"XML_CTYPE_SEQ", XML_CTYPE_SEQ},
        {"XML_CQUANT_NONE", XML_CQUANT_NONE}, {"XML_CQUANT_OPT", XML_CQUANT_OPT},
        {"XML_CQUANT_REP", XML_CQUANT_REP}, {"XML_CQUANT_PLUS", XML_CQUANT_PLUS},
    };
    for (size_t i = 0; i < sizeof c / sizeof c[0]; i++)
        if (module_add(m, c[i].name, val_from_int(c[i].value)) < 0) return VNULL;
    if (module_add(m, "__doc__", str_from_cstr("Constants used to interpret content model information.")) < 0)
        return VNULL;
    return m;
}

Value pyexpat_module_init(void) {
    Value m = module_new_cstr("pyexpat");
    if (!m || module_add_functions(m, pyexpat_functions) < 0) return VNULL;
    type_ready(&type_xmlparser);
    gc_add_root(&expat_error);
    expat_error = clib_new_exception("xml.parsers.expat", "ExpatError", obj_val(&exc_Exception), NULL);
    if (!expat_error || module_add(m, "ExpatError", expat_error) < 0 || module_add(m, "error", expat_error) < 0 ||
        module_add(m, "XMLParserType", obj_val(&type_xmlparser)) < 0)
        return VNULL;
    XML_Expat_Version v = XML_ExpatVersionInfo();
    Value features = list_new(0);
    if (!features || module_add(m, "EXPAT_VERSION", str_from_cstr(XML_ExpatVersion())) < 0 ||
        module_add(m, "version_info", tuple_pack(3, val_from_int(v.major), val_from_int(v.minor),
                                                 val_from_int(v.micro))) < 0 ||
        module_add(m, "native_encoding", str_from_cstr("UTF-8")) < 0 ||
        module_add(m, "__doc__", str_from_cstr("Python wrapper for Expat parser.")) < 0)
        return VNULL;
    for (const XML_Feature *f = XML_GetFeatureList(); f && f->feature != XML_FEATURE_END; f++) {
        Value item = tuple_pack(2, str_from_cstr(f->name), int_from_i64(f->value));
        if (!item || list_append(features, item) < 0) return VNULL;
    }
    if (module_add(m, "features", features) < 0 ||
        module_add(m, "XML_PARAM_ENTITY_PARSING_NEVER", val_from_int(XML_PARAM_ENTITY_PARSING_NEVER)) < 0 ||
        module_add(m, "XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE",
                   val_from_int(XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE)) < 0 ||
        module_add(m, "XML_PARAM_ENTITY_PARSING_ALWAYS", val_from_int(XML_PARAM_ENTITY_PARSING_ALWAYS)) < 0)
        return VNULL;
    Value errors = errors_module(), model = model_module();
    if (!errors || !model || module_add(m, "errors", errors) < 0 || module_add(m, "model", model) < 0 ||
        dict_set_cstr(sys_modules_dict, "pyexpat.errors", errors) < 0 ||
        dict_set_cstr(sys_modules_dict, "pyexpat.model", model) < 0)
        return VNULL;
    return m;
}
