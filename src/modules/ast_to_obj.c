/* ast_to_obj.c - the parser's C tree as ast node objects (compile(..., PyCF_ONLY_AST), ast.parse). */
#include "ast_module.h"
#include "../compiler/compile.h"
#include "../compiler/parser.h"
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/list.h"
#include "../objects/instance.h"
#include "../vm/error.h"
#include "../vm/thread.h"

/*
 * A walk over the field descriptors of ast.def: each node becomes an
 * instance of its class with its fields, then its four positions, stored
 * straight into the instance's attribute slots (the classes define no
 * descriptors for them), in CPython's order, so nodes of one kind share a
 * hidden-class map.  Members of the simple sums (Load, Add, Eq) are the
 * shared singletons, as in CPython.
 *
 * Depth is bounded as in CPython 3.11 (3 x the recursion limit, counting
 * the Python frames below): a deeper tree is "maximum recursion depth
 * exceeded during ast construction".
 */

typedef struct {
    int depth, limit;
} ToObj;

static Value node_to_obj(ToObj *c, ASTNode *n);

static Value seq_to_list(ToObj *c, ASTSeq *s) {
    int n = AST_SEQ_LEN(s);
    Value l = list_new((size_t)n);
    if (!l) return VNULL;
    for (int i = 0; i < n; i++) {
        Value v = node_to_obj(c, AST_SEQ_GET(s, i));
        if (!v || list_append(l, v) < 0) return VNULL;
    }
    return l;
}

static Value ident_to_obj(const char *s) { return s ? str_intern_cstr(s) : VNone; }

static Value field_to_obj(ToObj *c, const ASTFieldDesc *f, const void *fp) {
    switch (f->type) {
    case ASTF_NODE:
    case ASTF_OPT: return node_to_obj(c, *(ASTNode *const *)fp);
    case ASTF_SEQ: return seq_to_list(c, *(ASTSeq *const *)fp);
    case ASTF_IDENT:
    case ASTF_OIDENT: return ident_to_obj(*(const char *const *)fp);
    case ASTF_OSTR:
    case ASTF_STR: {
        const char *s = *(const char *const *)fp;
        return s ? str_new(s, strlen(s)) : VNone;
    }
    case ASTF_IDSEQ: {
        const ASTSeq *s = *(ASTSeq *const *)fp;
        int n = AST_SEQ_LEN(s);
        Value l = list_new((size_t)n);
        if (!l) return VNULL;
        for (int i = 0; i < n; i++) {
            Value v = ident_to_obj(s->elts[i]);
            if (!v || list_append(l, v) < 0) return VNULL;
        }
        return l;
    }
    case ASTF_INT:
    case ASTF_OINT: return val_from_int(*(const int *)fp);
    case ASTF_CONST: return compile_const_value((const ASTConst *)fp);
    case ASTF_CTX: return ast_sums[AST_SUM_expr_context].member_inst[*(const ASTExprContext *)fp];
    case ASTF_BOOLOP: return ast_sums[AST_SUM_boolop].member_inst[*(const ASTBoolOp *)fp];
    case ASTF_BINOP: return ast_sums[AST_SUM_operator].member_inst[*(const ASTOperator *)fp];
    case ASTF_UNOP: return ast_sums[AST_SUM_unaryop].member_inst[*(const ASTUnaryOp *)fp];
    case ASTF_CMPSEQ: {
        const ASTIntSeq *s = *(ASTIntSeq *const *)fp;
        int n = s ? s->len : 0;
        Value l = list_new((size_t)n);
        if (!l) return VNULL;
        for (int i = 0; i < n; i++)
            if (list_append(l, ast_sums[AST_SUM_cmpop].member_inst[s->elts[i]]) < 0) return VNULL;
        return l;
    }
    }
    return VNone;
}

static Value node_to_obj(ToObj *c, ASTNode *n) {
    if (!n) return VNone;
    if (++c->depth > c->limit) {
        err_set(&exc_RecursionError, "maximum recursion depth exceeded during ast construction");
        return VNULL;
    }
    const ASTKindInfo *ki = &ast_kinds[n->kind];
    Value obj = type_generic_alloc((Type *)ki->cls, 0);
    if (!obj) return VNULL;
    for (int i = 0; i < ki->d.nfields; i++) {
        const ASTFieldDesc *f = &ki->d.fields[i];
        Value v = field_to_obj(c, f, (const char *)n + f->offset);
        if (!v || inst_set(obj, ki->names[i], v) < 0) return VNULL;
    }
    if (ki->d.has_attributes) {
        const int pos[4] = {n->lineno, n->col_offset, n->end_lineno, n->end_col_offset};
        for (int i = 0; i < 4; i++)
            if (inst_set(obj, ast_attr_names[i], val_from_int(pos[i])) < 0) return VNULL;
    }
    c->depth--;
    return obj;
}

Value ast_to_object(ASTNode *node) {
    if (ast_classes_init() < 0) return VNULL;
    ToObj c = {0, ts->recursion_limit * 3 - ts->py_depth * 3};
    return node_to_obj(&c, node);
}

Value ast_parse_source(const char *src, size_t len, Value filename, ASTMode mode, int parse_flags) {
    if (ast_classes_init() < 0) return VNULL;
    Arena *arena = ast_arena_new();
    if (!arena) {
        err_no_memory();
        return VNULL;
    }
    static const ParseMode modes[] = {PARSE_MODE_EXEC, PARSE_MODE_EVAL, PARSE_MODE_SINGLE, PARSE_MODE_FUNC_TYPE};
    ParseError pe;
    memset(&pe, 0, sizeof pe);
    ASTNode *mod = parse_source(arena, src, len, str_data(filename), modes[mode], parse_flags, &pe);
    Value r = VNULL;
    if (!mod) {
        compile_raise_parse_error(&pe, filename, parse_flags);
    } else {
        compile_issue_warnings(arena, filename);
        if (!err_occurred()) r = ast_to_object(mod);
    }
    ast_arena_free(arena);
    return r;
}
