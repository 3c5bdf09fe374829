/* ast_from_obj.c - ast node objects as the compiler's C tree (compile() of an AST), with CPython's errors. */
#include "ast_module.h"
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/int.h"
#include "../objects/list.h"
#include "../vm/error.h"
#include "../compiler/compile.h"

/*
 * The inverse of ast_to_obj.c, as CPython 3.11's generated obj2ast_*
 * functions behave, because programs see the order of the checks through
 * the error they get:
 *
 *   - a node of a sum (expr, stmt...) may be None (an absent optional
 *     node); one of a product type (arguments, arg...) may not;
 *   - a sum's positions are read before its fields, a product's after;
 *     lineno and col_offset are required, end_lineno and end_col_offset
 *     default to them (pattern requires all four);
 *   - the constructor is found by isinstance() in ast.def order;
 *   - a missing attribute is TypeError 'required field "x" missing from
 *     Y'; a required node given as None is, once all fields are read,
 *     ValueError "field 'x' is required for Y".
 *
 * Everything else (contexts, empty bodies, constant types, positions) is
 * ast_validate()'s job, after the whole tree is converted.  Constants other
 * than None, bools, Ellipsis and exact str stay objects (CONST_OBJECT),
 * recorded in `pins` so the tree never holds the only reference.
 */

typedef struct {
    Arena *a;
    Value pins;
    /* The first node of a product type (alias, arg, keyword...) left without
    ** a required field: CPython does not check those and crashes later, so
    ** the error is raised only if the conversion otherwise succeeds. */
    const ASTKindInfo *missing_kind;
    const char *missing_field;
} FromObj;

static int node_from_obj(FromObj *c, Value obj, int sum, ASTNode **out);

/* getattr(obj, name), VNULL without an exception when it is missing. */
static Value lookup(Value obj, Value name, bool *failed) {
    Value v = obj_getattr_opt(obj, name);
    *failed = !v && err_occurred();
    return v;
}

static int missing(const char *field, const char *owner) {
    err_format(&exc_TypeError, "required field \"%s\" missing from %s", field, owner);
    return -1;
}

static int int_from_obj(Value v, int *out) {
    if (!int_check(v)) {
        err_format(&exc_ValueError, "invalid integer value: %R", v);
        return -1;
    }
    int64_t i = int_as_i64(v);
    if ((i == -1 && err_occurred()) || i < INT32_MIN || i > INT32_MAX) {
        err_clear();
        err_set(&exc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *out = (int)i;
    return 0;
}

/* identifier and string fields: an exact str, or None (NULL). */
static int text_from_obj(FromObj *c, Value v, const char **out, bool identifier) {
    *out = NULL;
    if (v == VNone) return 0;
    if (!str_check_exact(v)) {
        err_set(&exc_TypeError, identifier ? "AST identifier must be of type str" : "AST string must be of type str");
        return -1;
    }
    char *s = ast_arena_strndup(c->a, str_data(v), str_size(v));
    if (!s) {
        err_no_memory();
        return -1;
    }
    *out = s;
    return 0;
}

static int const_from_obj(FromObj *c, Value v, ASTConst *k) {
    memset(k, 0, sizeof *k);
    if (v == VNone) k->kind = CONST_NONE;
    else if (v == VTrue) k->kind = CONST_TRUE;
    else if (v == VFalse) k->kind = CONST_FALSE;
    else if (v == VEllipsis) k->kind = CONST_ELLIPSIS;
    else if (str_check_exact(v)) {
        /* A str stays a CONST_STR so that docstrings are recognised. */
        k->kind = CONST_STR;
        k->len = str_size(v);
        k->s = ast_arena_strndup(c->a, str_data(v), k->len);
        if (!k->s) {
            err_no_memory();
            return -1;
        }
    } else {
        k->kind = CONST_OBJECT;
        k->obj = v;
        return list_append(c->pins, v);
    }
    return 0;
}

/* A member of a simple sum (Load(), Add()...): its index, or -1. */
static int member_from_obj(Value v, int sum) {
    const ASTSumInfo *si = &ast_sums[sum];
    Type *t = val_type(v);
    for (int i = 0; i < si->nmembers; i++)
        if ((Value)t == si->member_cls[i]) return i;
    for (int i = 0; i < si->nmembers; i++) {
        int r = obj_isinstance(v, si->member_cls[i]);
        if (r < 0) return -1;
        if (r) return i;
    }
    err_format(&exc_TypeError, "expected some sort of %s, but got %R", si->name, v);
    return -1;
}

/* A list field: the list, or an error naming the field. */
static Value list_field(Value v, const char *owner, const char *field) {
    if (!list_check(v)) {
        const char *tn = val_type(v)->name, *dot = strrchr(tn, '.');
        err_format(&exc_TypeError, "%s field \"%s\" must be a list, not a %.200s", owner, field, dot ? dot + 1 : tn);
        return VNULL;
    }
    return v;
}

static int changed_size(Value l, ssize_t n, const char *owner, const char *field) {
    if (list_size(l) == n) return 0;
    err_format(&exc_RuntimeError, "%s field \"%s\" changed size during iteration", owner, field);
    return -1;
}

/* One field of node `n` (constructor `ki`) from attribute value `v`
** (VNULL when the attribute is missing). */
static int field_from_obj(FromObj *c, const ASTKindInfo *ki, int i, Value v, ASTNode *n) {
    const ASTFieldDesc *f = &ki->d.fields[i];
    const char *owner = ki->d.name;
    void *fp = (char *)n + f->offset;
    if (!v) {
        switch (f->type) {
        case ASTF_OPT:
        case ASTF_OIDENT:
        case ASTF_OSTR:
        case ASTF_OINT: return 0;
        default: return missing(f->name, owner);
        }
    }
    switch (f->type) {
    case ASTF_OPT:
        if (v == VNone) return 0;
        /* fallthrough */
    case ASTF_NODE: return node_from_obj(c, v, ki->child[i], (ASTNode **)fp);
    case ASTF_SEQ: {
        Value l = list_field(v, owner, f->name);
        if (!l) return -1;
        ssize_t len = list_size(l);
        ASTSeq *s = ast_seq_new(c->a, (int)len);
        if (!s) return err_no_memory(), -1;
        for (ssize_t j = 0; j < len; j++) {
            ASTNode *e;
            if (node_from_obj(c, list_get(l, j), ki->child[i], &e) < 0 || changed_size(l, len, owner, f->name) < 0)
                return -1;
            s->elts[j] = e;
        }
        *(ASTSeq **)fp = s;
        return 0;
    }
    case ASTF_IDENT:
    case ASTF_OIDENT: return text_from_obj(c, v, (const char **)fp, true);
    case ASTF_OSTR:
    case ASTF_STR: return text_from_obj(c, v, (const char **)fp, false);
    case ASTF_IDSEQ: {
        Value l = list_field(v, owner, f->name);
        if (!l) return -1;
        ssize_t len = list_size(l);
        ASTSeq *s = ast_seq_new(c->a, (int)len);
        if (!s) return err_no_memory(), -1;
        for (ssize_t j = 0; j < len; j++) {
            const char *id;
            Value e = list_get(l, j);
            /* CPython accepts None here and then crashes in its compiler. */
            if (e == VNone) {
                err_set(&exc_TypeError, "AST identifier must be of type str");
                return -1;
            }
            if (text_from_obj(c, e, &id, true) < 0 || changed_size(l, len, owner, f->name) < 0) return -1;
            s->elts[j] = (void *)id;
        }
        *(ASTSeq **)fp = s;
        return 0;
    }
    case ASTF_OINT:
        if (v == VNone) return 0;
        /* fallthrough */
    case ASTF_INT: return int_from_obj(v, (int *)fp);
    case ASTF_CONST: return const_from_obj(c, v, (ASTConst *)fp);
    case ASTF_CTX:
    case ASTF_BOOLOP:
    case ASTF_BINOP:
    case ASTF_UNOP: {
        int sum = f->type == ASTF_CTX ? AST_SUM_expr_context : f->type == ASTF_BOOLOP ? AST_SUM_boolop
                : f->type == ASTF_BINOP ? AST_SUM_operator : AST_SUM_unaryop;
        int m = member_from_obj(v, sum);
        if (m < 0) return -1;
        *(int *)fp = m;
        return 0;
    }
    case ASTF_CMPSEQ: {
        Value l = list_field(v, owner, f->name);
        if (!l) return -1;
        ssize_t len = list_size(l);
        ASTIntSeq *s = ast_intseq_new(c->a, (int)len);
        if (!s) return err_no_memory(), -1;
        for (ssize_t j = 0; j < len; j++) {
            int m = member_from_obj(list_get(l, j), AST_SUM_cmpop);
            if (m < 0 || changed_size(l, len, owner, f->name) < 0) return -1;
            s->elts[j] = m;
        }
        *(ASTIntSeq **)fp = s;
        return 0;
    }
    }
    return 0;
}

/* lineno, col_offset, end_lineno, end_col_offset of a node of sum `si`. */
static int positions_from_obj(Value obj, const ASTSumInfo *si, int pos[4]) {
    for (int i = 0; i < 4; i++) {
        bool failed;
        Value v = lookup(obj, ast_attr_names[i], &failed);
        if (failed) return -1;
        bool end_optional = i >= 2 && si->attributes == 1;
        if (!v || (v == VNone && end_optional)) {
            if (!end_optional) return missing(str_data(ast_attr_names[i]), si->name);
            pos[i] = pos[i - 2];
            continue;
        }
        if (int_from_obj(v, &pos[i]) < 0) return -1;
    }
    return 0;
}

/* The constructor of sum `sum` that obj is an instance of: exact class
** first (the usual case), then isinstance() in ast.def order. */
static int kind_of_obj(Value obj, const ASTSumInfo *si) {
    Value t = obj_val(val_type(obj));
    for (int k = si->first_kind; k < si->first_kind + si->nkinds; k++)
        if (ast_kinds[k].cls == t) return k;
    for (int k = si->first_kind; k < si->first_kind + si->nkinds; k++) {
        int r = obj_isinstance(obj, ast_kinds[k].cls);
        if (r < 0) return -1;
        if (r) return k;
    }
    err_format(&exc_TypeError, "expected some sort of %s, but got %R", si->name, obj);
    return -1;
}

static int node_fields_from_obj(FromObj *c, Value obj, const ASTKindInfo *ki, ASTNode *n) {
    for (int i = 0; i < ki->d.nfields; i++) {
        bool failed;
        Value v = lookup(obj, ki->names[i], &failed);
        if (failed || field_from_obj(c, ki, i, v, n) < 0) return -1;
    }
    return 0;
}

/* The generated constructors' check: a required node or identifier given
** as None (deferred for product types, see FromObj). */
static int check_required(FromObj *c, const ASTKindInfo *ki, ASTNode *n, bool product) {
    for (int i = 0; i < ki->d.nfields; i++) {
        const ASTFieldDesc *f = &ki->d.fields[i];
        if ((f->type == ASTF_NODE || f->type == ASTF_IDENT || f->type == ASTF_STR) &&
            !*(void **)((char *)n + f->offset)) {
            if (product) {
                if (!c->missing_kind) c->missing_kind = ki, c->missing_field = f->name;
                return 0;
            }
            err_format(&exc_ValueError, "field '%s' is required for %s", f->name, ki->d.name);
            return -1;
        }
    }
    return 0;
}

static int node_from_obj_inner(FromObj *c, Value obj, int sum, ASTNode **out) {
    const ASTSumInfo *si = &ast_sums[sum];
    bool product = si->cls == ast_kinds[si->first_kind].cls;
    int pos[4] = {0, 0, 0, 0};
    if (!product && si->attributes && positions_from_obj(obj, si, pos) < 0) return -1;
    int k = product ? si->first_kind : kind_of_obj(obj, si);
    if (k < 0) return -1;
    const ASTKindInfo *ki = &ast_kinds[k];
    ASTNode *n = ast_node_new(c->a, (ASTKind)k, pos[0], pos[1], pos[2], pos[3]);
    if (!n) return err_no_memory(), -1;
    if (node_fields_from_obj(c, obj, ki, n) < 0) return -1;
    if (product && si->attributes) {
        if (positions_from_obj(obj, si, pos) < 0) return -1;
        n->lineno = pos[0], n->col_offset = pos[1], n->end_lineno = pos[2], n->end_col_offset = pos[3];
    }
    if (check_required(c, ki, n, product) < 0) return -1;
    *out = n;
    return 0;
}

static int node_from_obj(FromObj *c, Value obj, int sum, ASTNode **out) {
    *out = NULL;
    const ASTSumInfo *si = &ast_sums[sum];
    bool product = si->cls == ast_kinds[si->first_kind].cls;
    if (obj == VNone && !product) return 0;
    char where[64];
    snprintf(where, sizeof where, " while traversing '%s' node", si->name);
    if (err_enter_recursive(where) < 0) return -1;
    int r = node_from_obj_inner(c, obj, sum, out);
    err_leave_recursive();
    return r;
}

ASTNode *ast_from_object(Value obj, Arena *arena, ASTMode mode, Value pins) {
    if (ast_classes_init() < 0) return NULL;
    static const ASTKind wanted[] = {AST_Module, AST_Expression, AST_Interactive, AST_FunctionType};
    const ASTKindInfo *req = &ast_kinds[wanted[mode]];
    int r = obj_isinstance(obj, req->cls);
    if (r < 0) return NULL;
    if (!r) {
        err_format(&exc_TypeError, "expected %s node, got %.400s", req->d.name, val_type(obj)->name);
        return NULL;
    }
    FromObj c = {arena, pins, NULL, NULL};
    ASTNode *mod;
    if (node_from_obj(&c, obj, AST_SUM_mod, &mod) < 0) return NULL;
    if (c.missing_kind) {
        err_format(&exc_ValueError, "field '%s' is required for %s", c.missing_field, c.missing_kind->d.name);
        return NULL;
    }
    return mod;
}

Value ast_compile_object(Value tree, Value filename, ASTMode mode, int optimize, bool top_level_await) {
    Arena *arena = ast_arena_new();
    Value pins = list_new(0);
    if (!arena || !pins) {
        ast_arena_free(arena);
        if (!err_occurred()) err_no_memory();
        return VNULL;
    }
    ASTNode *mod = ast_from_object(tree, arena, mode, pins);
    Value code = VNULL;
    if (mod && ast_validate(mod) == 0) {
        static const int modes[] = {COMPILE_EXEC, COMPILE_EVAL, COMPILE_SINGLE, COMPILE_EXEC};
        int cmode = modes[mode] | (top_level_await ? COMPILE_TOP_LEVEL_AWAIT : 0);
        code = compile_ast_without_source(mod, arena, filename, cmode, optimize);
    }
    ast_arena_free(arena);
    /* The tree pointed at these objects until now. */
    __asm__ volatile("" : : "r"(pins) : "memory");
    return code;
}
