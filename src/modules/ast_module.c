/* ast_module.c - the _ast module: ast.AST, the node classes generated from ast.def, PyCF_* flags. */
#include "ast_module.h"
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/int.h"
#include "../objects/tuple.h"
#include "../objects/list.h"
#include "../objects/dict.h"
#include "../objects/func.h"
#include "../objects/module.h"
#include "../objects/instance.h"
#include "../vm/error.h"
#include "../gc/gc.h"

/*
 * CPython builds its node classes at start-up by calling type() on each
 * (they are ordinary heap types: subclassable, with a __dict__, __module__
 * 'ast'); so do we, from the same table the parser's node structs come
 * from (ast.def), so the classes cannot drift from the C tree.  The base
 * ast.AST is a static type: its __init__ takes the fields positionally
 * (in _fields order) and by keyword, and stores nothing else; there are
 * no defaults in 3.11, except that optional fields (expr?) and the end
 * positions are None as class attributes.
 *
 * The schema (ast_kinds, ast_sums) caches, per node kind, its class and
 * its interned field names, for the converters in ast_to_obj.c and
 * ast_from_obj.c.  Every Value in it is also in `keepalive`, a rooted list.
 */

typedef struct ASTObject {
    Object hdr;
    AttrHeader attrs;
} ASTObject;

ASTKindInfo ast_kinds[AST_KIND_COUNT];
ASTSumInfo ast_sums[AST_SUM_COUNT];
Value ast_attr_names[4];
static Value keepalive;
static bool classes_ready;

/* ---- ast.AST ------------------------------------------------------------ */

static Value ast_tp_new(Type *t, Value *args, size_t nargs, Value kwnames) { return type_generic_alloc(t, 0); }

/* The type's name without its module, as CPython's _PyType_Name. */
static const char *short_type_name(Type *t) {
    const char *dot = strrchr(t->name, '.');
    return dot ? dot + 1 : t->name;
}

/* The position of `key` in the sequence `fields` (length n), -1 if absent. */
static ssize_t field_index(Value fields, ssize_t n, Value key) {
    if (tuple_check_exact(fields)) {
        for (ssize_t i = 0; i < n; i++) {
            Value f = tuple_get(fields, i);
            if (f == key) return i;
            int eq = obj_eq(f, key);
            if (eq < 0) return -2;
            if (eq) return i;
        }
        return -1;
    }
    int c = obj_contains(fields, key);
    if (c <= 0) return c < 0 ? -2 : -1;
    Value r = obj_call_method(fields, "index", &key, 1);
    if (!r) return -2;
    return num_as_ssize(r, &exc_OverflowError);
}

static int ast_tp_init(Value self, Value *args, size_t nargs, Value kwnames) {
    Type *t = val_type(self);
    Value fields = obj_getattr_opt(obj_val(t), intern_cstr_cached("_fields"));
    if (!fields && err_occurred()) return -1;
    ssize_t nfields = 0;
    if (fields) {
        nfields = obj_len(fields);
        if (nfields < 0) return -1;
    }
    if ((ssize_t)nargs > nfields) {
        err_format(&exc_TypeError, "%s constructor takes at most %zd positional argument%s", short_type_name(t),
                   nfields, nfields == 1 ? "" : "s");
        return -1;
    }
    for (size_t i = 0; i < nargs; i++) {
        Value name = tuple_check_exact(fields) ? tuple_get(fields, (ssize_t)i)
                                               : obj_getitem(fields, val_from_int((intptr_t)i));
        if (!name || obj_setattr(self, name, args[i]) < 0) return -1;
    }
    size_t nkw = kwnames ? (size_t)tuple_size(kwnames) : 0;
    for (size_t i = 0; i < nkw; i++) {
        Value key = tuple_get(kwnames, (ssize_t)i);
        if (fields && nargs) {
            ssize_t p = field_index(fields, nfields, key);
            if (p == -2) return -1;
            if (p >= 0 && (size_t)p < nargs) {
                err_format(&exc_TypeError, "%s got multiple values for argument '%U'", t->name, key);
                return -1;
            }
        }
        if (obj_setattr(self, key, args[nargs + i]) < 0) return -1;
    }
    return 0;
}

static Value ast_reduce_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("__reduce__", nargs, 0, 0) < 0 || arg_no_kw("__reduce__", kw) < 0) return VNULL;
    Value d = inst_dict(self);
    if (!d) return VNULL;
    return tuple_pack(3, obj_val(val_type(self)), tuple_empty(), d);
}

static Value ast_get_dict(Value self) { return inst_dict(self); }
static int ast_set_dict(Value self, Value v) {
    if (!v) {
        err_set(&exc_TypeError, "cannot delete __dict__");
        return -1;
    }
    if (!dict_check(v)) {
        err_format(&exc_TypeError, "__dict__ must be set to a dictionary, not a '%s'", type_name(v));
        return -1;
    }
    return inst_set_dict(self, v);
}

static const MethodDef ast_methods[] = {
    {"__reduce__", ast_reduce_m, 0, NULL},
    {NULL}
};

static const GetSetDef ast_getsets[] = {
    {"__dict__", ast_get_dict, ast_set_dict, NULL},
    {NULL}
};

Type type_ast = {
    .hdr = {0, &type_type},
    .name = "ast.AST",
    .basicsize = sizeof(ASTObject),
    .attrs_offset = offsetof(ASTObject, attrs),
    .flags = TF_BASETYPE,
    .trace = inst_trace_attrs,
    .new = ast_tp_new,
    .init = ast_tp_init,
    .methods = ast_methods,
    .getsets = ast_getsets,
};

/* ---- The schema and the classes ----------------------------------------- */

static const struct { const char *name; int attributes; } node_sums[] = {
#define AST_SUM(sum, attrs) {#sum, attrs},
#define AST_NODE(sum, name, fields)
#define AST_LEAF(sum, name)
#define AST_ENUM(sum, name)
#include "../compiler/ast.def"
#undef AST_SUM
#undef AST_NODE
#undef AST_LEAF
#undef AST_ENUM
};
_Static_assert(ARRAY_LEN(node_sums) == AST_FIRST_SIMPLE_SUM, "node sums come first in ASTSumId");

static const char *const simple_sum_names[] = {"expr_context", "boolop", "operator", "unaryop", "cmpop"};
_Static_assert(ARRAY_LEN(simple_sum_names) == AST_SUM_COUNT - AST_FIRST_SIMPLE_SUM, "five simple sums");

/* The members of the simple sums, in ast.def order, which is each C
** enum's order (ast.h), so a member's index within its sum is its value. */
static const struct { const char *sum, *name; } simple_members[] = {
#define AST_SUM(sum, attrs)
#define AST_NODE(sum, name, fields)
#define AST_LEAF(sum, name)
#define AST_ENUM(sum, name) {#sum, #name},
#include "../compiler/ast.def"
#undef AST_SUM
#undef AST_NODE
#undef AST_LEAF
#undef AST_ENUM
};
static const char *members_of[AST_SUM_COUNT][16];

static int sum_id(const char *name) {
    for (int i = 0; i < AST_SUM_COUNT; i++)
        if (strcmp(ast_sums[i].name, name) == 0) return i;
    return -1;
}

static const char *field_suffix(ASTFieldType t) {
    switch (t) {
    case ASTF_OPT: case ASTF_OIDENT: case ASTF_OSTR: case ASTF_OINT: return "?";
    case ASTF_SEQ: case ASTF_IDSEQ: case ASTF_CMPSEQ: return "*";
    default: return "";
    }
}

/* "Name(identifier id, expr_context ctx)", or "Pass". */
static void append_signature(StrBuilder *sb, const ASTKindDesc *d) {
    sb_append_cstr(sb, d->name);
    if (!d->nfields) return;
    sb_append_char(sb, '(');
    for (int i = 0; i < d->nfields; i++) {
        if (i) sb_append_cstr(sb, ", ");
        sb_printf(sb, "%s%s %s", d->fields[i].asdl, field_suffix(d->fields[i].type), d->fields[i].name);
    }
    sb_append_char(sb, ')');
}

static int keep(Value v) { return v ? list_append(keepalive, v) : -1; }

static Value new_class(const char *name, Value base, Value ns) {
    Value bases = tuple_pack(1, base);
    if (!bases) return VNULL;
    Value cls = type_new_class(&type_type, str_intern_cstr(name), bases, ns, VNULL);
    if (keep(cls) < 0) return VNULL;
    return cls;
}

/* The namespace every node class starts with. */
static Value class_ns(Value fields, Value doc) {
    Value ns = dict_new();
    if (!ns || dict_set_cstr(ns, "_fields", fields) < 0 || dict_set_cstr(ns, "__match_args__", fields) < 0 ||
        dict_set_cstr(ns, "__module__", intern_cstr_cached("ast")) < 0 || dict_set_cstr(ns, "__doc__", doc) < 0)
        return VNULL;
    return ns;
}

static Value attributes_tuple(int attributes) {
    if (!attributes) return tuple_empty();
    return tuple_from_array(ast_attr_names, 4);
}

/* Optional fields (and, where the ASDL says int?, the end positions) are
** None on the class, so a node built without them reads None. */
static int set_optional_defaults(Value ns, const ASTKindDesc *d, int attributes) {
    for (int i = 0; d && i < d->nfields; i++) {
        ASTFieldType t = d->fields[i].type;
        if ((t == ASTF_OPT || t == ASTF_OIDENT || t == ASTF_OSTR || t == ASTF_OINT) &&
            dict_set_cstr(ns, d->fields[i].name, VNone) < 0)
            return -1;
    }
    if (attributes == 1 &&
        (dict_set(ns, ast_attr_names[2], VNone) < 0 || dict_set(ns, ast_attr_names[3], VNone) < 0))
        return -1;
    return 0;
}

/* The class of one constructor (Name, Pass, or a product type such as
** arguments, which is its own sum). */
static int make_kind_class(int k, Value base, bool product) {
    ASTKindInfo *ki = &ast_kinds[k];
    const ASTKindDesc *d = &ki->d;
    Value names[AST_MAX_FIELDS];
    for (int i = 0; i < d->nfields; i++) names[i] = ki->names[i];
    Value fields = tuple_from_array(names, (size_t)d->nfields);
    StrBuilder sb;
    sb_init(&sb);
    append_signature(&sb, d);
    Value doc = sb_finish(&sb);
    if (!fields || !doc) return -1;
    Value ns = class_ns(fields, doc);
    if (!ns) return -1;
    int attributes = ast_sums[ki->sum].attributes;
    if (product && dict_set_cstr(ns, "_attributes", attributes_tuple(attributes)) < 0) return -1;
    if (set_optional_defaults(ns, d, product ? attributes : 0) < 0) return -1;
    ki->cls = new_class(d->name, base, ns);
    if (!ki->cls) return -1;
    if (product) ast_sums[ki->sum].cls = ki->cls;
    return 0;
}

static int make_node_sum(int s) {
    ASTSumInfo *si = &ast_sums[s];
    if (si->nkinds == 1 && strcmp(ast_kinds[si->first_kind].d.name, si->name) == 0)
        return make_kind_class(si->first_kind, obj_val(&type_ast), true);
    StrBuilder sb;
    sb_init(&sb);
    sb_printf(&sb, "%s = ", si->name);
    for (int k = si->first_kind; k < si->first_kind + si->nkinds; k++) {
        if (k > si->first_kind) {
            sb_append_char(&sb, '\n');
            sb_append_repeat(&sb, ' ', strlen(si->name) + 1);
            sb_append_cstr(&sb, "| ");
        }
        append_signature(&sb, &ast_kinds[k].d);
    }
    Value doc = sb_finish(&sb);
    Value ns = doc ? class_ns(tuple_empty(), doc) : VNULL;
    if (!ns || dict_set_cstr(ns, "_attributes", attributes_tuple(si->attributes)) < 0 ||
        set_optional_defaults(ns, NULL, si->attributes) < 0)
        return -1;
    si->cls = new_class(si->name, obj_val(&type_ast), ns);
    if (!si->cls) return -1;
    for (int k = si->first_kind; k < si->first_kind + si->nkinds; k++)
        if (make_kind_class(k, si->cls, false) < 0) return -1;
    return 0;
}

static int make_simple_sum(int s) {
    ASTSumInfo *si = &ast_sums[s];
    StrBuilder sb;
    sb_init(&sb);
    sb_printf(&sb, "%s = ", si->name);
    for (int i = 0; i < si->nmembers; i++) sb_printf(&sb, "%s%s", i ? " | " : "", si->members[i]);
    Value doc = sb_finish(&sb);
    Value ns = doc ? class_ns(tuple_empty(), doc) : VNULL;
    if (!ns || dict_set_cstr(ns, "_attributes", tuple_empty()) < 0) return -1;
    si->cls = new_class(si->name, obj_val(&type_ast), ns);
    if (!si->cls) return -1;
    for (int i = 0; i < si->nmembers; i++) {
        Value mdoc = str_from_cstr(si->members[i]);
        Value mns = mdoc ? class_ns(tuple_empty(), mdoc) : VNULL;
        if (!mns) return -1;
        si->member_cls[i] = new_class(si->members[i], si->cls, mns);
        if (!si->member_cls[i]) return -1;
        si->member_inst[i] = type_generic_alloc((Type *)si->member_cls[i], 0);
        if (keep(si->member_inst[i]) < 0) return -1;
    }
    return 0;
}

int ast_classes_init(void) {
    if (classes_ready) return 0;
    if (!keepalive) {
        keepalive = list_new(0);
        if (!keepalive) return -1;
        gc_add_root(&keepalive);
        type_ready(&type_ast);
        if (dict_set_cstr(type_ast.dict, "_fields", tuple_empty()) < 0 ||
            dict_set_cstr(type_ast.dict, "__match_args__", tuple_empty()) < 0 ||
            dict_set_cstr(type_ast.dict, "_attributes", tuple_empty()) < 0)
            return -1;
        type_modified(&type_ast);
    }
    static const char *const attr_names[4] = {"lineno", "col_offset", "end_lineno", "end_col_offset"};
    for (int i = 0; i < 4; i++) ast_attr_names[i] = str_intern_cstr(attr_names[i]);

    /* The schema. */
    for (int s = 0; s < AST_FIRST_SIMPLE_SUM; s++) {
        ast_sums[s].name = node_sums[s].name;
        ast_sums[s].attributes = node_sums[s].attributes;
        ast_sums[s].first_kind = -1;
    }
    for (int s = AST_FIRST_SIMPLE_SUM; s < AST_SUM_COUNT; s++) {
        ASTSumInfo *si = &ast_sums[s];
        si->name = simple_sum_names[s - AST_FIRST_SIMPLE_SUM];
        si->nmembers = 0;
        for (size_t m = 0; m < ARRAY_LEN(simple_members); m++)
            if (strcmp(simple_members[m].sum, si->name) == 0) members_of[s][si->nmembers++] = simple_members[m].name;
        si->members = members_of[s];
    }
    for (int k = 1; k < AST_KIND_COUNT; k++) {
        ASTKindInfo *ki = &ast_kinds[k];
        ki->d = ast_kind_desc((ASTKind)k);
        ki->sum = (ASTSumId)sum_id(ki->d.sum);
        ASTSumInfo *si = &ast_sums[ki->sum];
        if (si->first_kind < 0) si->first_kind = k;
        si->nkinds++;
        for (int i = 0; i < ki->d.nfields; i++) {
            ki->names[i] = str_intern_cstr(ki->d.fields[i].name);
            ASTFieldType t = ki->d.fields[i].type;
            ki->child[i] = (int8_t)(t == ASTF_NODE || t == ASTF_OPT || t == ASTF_SEQ ? sum_id(ki->d.fields[i].asdl) : -1);
        }
    }

    /* The classes, in the ASDL's order: the simple sums follow expr. */
    for (int s = 0; s < AST_FIRST_SIMPLE_SUM; s++) {
        if (make_node_sum(s) < 0) goto fail;
        if (s == AST_SUM_expr)
            for (int ss = AST_FIRST_SIMPLE_SUM; ss < AST_SUM_COUNT; ss++)
                if (make_simple_sum(ss) < 0) goto fail;
    }
    classes_ready = true;
    return 0;
fail:
    /* Start over next time (the classes made so far are simply dropped). */
    for (int s = 0; s < AST_SUM_COUNT; s++) {
        ast_sums[s].nkinds = 0;
        ast_sums[s].nmembers = 0;
    }
    return -1;
}

/* ---- The module ----------------------------------------------------------- */

Value ast_module_init(void) {
    if (ast_classes_init() < 0) return VNULL;
    Value m = module_new_cstr("_ast");
    if (!m || module_add(m, "AST", obj_val(&type_ast)) < 0) return VNULL;
    for (int s = 0; s < AST_SUM_COUNT; s++) {
        ASTSumInfo *si = &ast_sums[s];
        if (module_add(m, si->name, si->cls) < 0) return VNULL;
        for (int k = si->first_kind; s < AST_FIRST_SIMPLE_SUM && k < si->first_kind + si->nkinds; k++)
            if (module_add(m, ast_kinds[k].d.name, ast_kinds[k].cls) < 0) return VNULL;
        for (int i = 0; i < si->nmembers; i++)
            if (module_add(m, si->members[i], si->member_cls[i]) < 0) return VNULL;
    }
    if (module_add(m, "PyCF_ONLY_AST", val_from_int(PyCF_ONLY_AST)) < 0 ||
        module_add(m, "PyCF_TYPE_COMMENTS", val_from_int(PyCF_TYPE_COMMENTS)) < 0 ||
        module_add(m, "PyCF_ALLOW_TOP_LEVEL_AWAIT", val_from_int(PyCF_ALLOW_TOP_LEVEL_AWAIT)) < 0)
        return VNULL;
    return m;
}
