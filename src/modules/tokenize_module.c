/* tokenize_module.c - _tokenize: the compiler's own tokenizer as an iterator (tokenize's C path). */
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/int.h"
#include "../objects/tuple.h"
#include "../objects/list.h"
#include "../objects/func.h"
#include "../objects/module.h"
#include "../compiler/tokenizer.h"
#include "../compiler/parser.h"
#include "../compiler/compile.h"
#include "../compiler/ast.h"
#include "../vm/error.h"
#include "../gc/gc.h"

#include <stdlib.h>
#include <string.h>

/*
 * _tokenize.TokenizerIter(source) yields, for each token of a str,
 * (string, type, lineno, end_lineno, col_offset, end_col_offset, line) as
 * CPython 3.11's does: types are token.py's numbers (keywords are NAME,
 * operators their exact type), columns are byte offsets, and `line` is
 * the source from the token's first line through the end of its last.
 * The tokens are produced up front; an error is raised after the tokens
 * before it have been yielded, as a lazy tokenizer would.
 */
typedef struct TokenizerIterObject {
    Object hdr;
    Value tokens;    /* list of tuples */
    Value error;     /* the exception to raise at the end, or VNULL */
    ssize_t next;
} TokenizerIterObject;

extern Type type_tokenizer_iter;

static void tokiter_trace(Object *o) {
    TokenizerIterObject *it = (TokenizerIterObject *)o;
    gc_mark(it->tokens);
    gc_mark(it->error);
}

/* token.py's number for a tokenizer kind: the operators from LPAR to
 * COLONEQUAL are in token.py's order, starting at 7. */
static int token_number(TokType t) {
    if (t >= T_LPAR && t <= T_COLONEQUAL) return 7 + (int)(t - T_LPAR);
    switch (t) {
    case T_ENDMARKER: return 0;
    case T_NUMBER: return 2;
    case T_STRING: return 3;
    case T_NEWLINE: return 4;
    case T_INDENT: return 5;
    case T_DEDENT: return 6;
    case T_OP: return 54;
    case T_TYPE_IGNORE: return 57;
    case T_TYPE_COMMENT: return 58;
    case T_ERRORTOKEN: return 60;
    case T_KW_AWAIT: return 55;
    case T_KW_ASYNC: return 56;
    default: return 1;   /* NAME and every keyword */
    }
}

/* The text of the lines from line_start through the line holding `end`. */
static Value lines_through(const char *line_start, const char *end, const char *buf_end) {
    if (!line_start) return str_from_cstr("");
    const char *e = end && end > line_start ? end : line_start;
    if (e > line_start && e[-1] == '\n') return str_new(line_start, (size_t)(e - line_start));
    while (e < buf_end && *e != '\n') e++;
    if (e < buf_end) e++;
    return str_new(line_start, (size_t)(e - line_start));
}

static Value token_tuple(const Token *tk, const char *first_line, const char *buf_end) {
    int type = token_number(tk->type);
    const char *s = tk->start, *e = tk->end;
    Value text = s && e && e >= s ? str_new(s, (size_t)(e - s)) : str_from_cstr("");
    if (!text) return VNULL;
    /* Columns are byte offsets, as CPython 3.11's iterator gives them. */
    int col = tk->col_offset < 0 ? -1 : tk->col_offset;
    int end_col = tk->end_col_offset < 0 ? -1 : tk->end_col_offset;
    Value line = lines_through(first_line && first_line < tk->line_start ? first_line : tk->line_start, e, buf_end);
    if (!line) return VNULL;
    return tuple_pack(7, text, int_from_i64(type), int_from_i64(tk->lineno), int_from_i64(tk->end_lineno),
                      int_from_i64(col), int_from_i64(end_col), line);
}

/* The tokenizer's error as the exception CPython's would raise. */
static Value token_error(Tokenizer *t, const char *buf_end) {
    TokError *te = &t->err;
    ParseError pe;
    memset(&pe, 0, sizeof pe);
    pe.kind = te->kind == PARSE_ERR_NONE ? PARSE_ERR_SYNTAX : te->kind;
    snprintf(pe.msg, sizeof pe.msg, "%s", te->kind == PARSE_ERR_NONE ? "unexpected EOF in multi-line statement"
                                                                    : te->msg);
    pe.lineno = te->lineno;
    pe.offset = te->col;
    pe.end_lineno = te->end_lineno;
    pe.end_offset = te->end_col;
    char *text = NULL;
    if (te->line_start) {
        const char *e = te->line_start;
        while (e < buf_end && *e != '\n') e++;
        if (e < buf_end && te->text_has_newline) e++;
        text = strndup(te->line_start, (size_t)(e - te->line_start));
        pe.text = text;
    }
    compile_raise_parse_error(&pe, str_intern_cstr("<string>"), PARSE_FLAG_STRING_INPUT);
    free(text);
    return err_fetch();
}

static Value tokiter_new(Type *type, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"source", NULL};
    Value a[1];
    if (arg_parse("TokenizerIter", args, nargs, kwnames, names, 1, 0, a) < 0) return VNULL;
    if (!str_check(a[0])) {
        err_format(&exc_TypeError, "TokenizerIter() argument 1 must be str, not %s", type_name(a[0]));
        return VNULL;
    }
    /* The tokenizer wants '\n' line ends and a final '\n' (CPython
     * translates newlines in string input the same way). */
    const char *src = str_data(a[0]);
    size_t n = str_size(a[0]);
    char *buf = malloc(n + 2);
    if (!buf) {
        err_no_memory();
        return VNULL;
    }
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (src[i] == '\r') {
            buf[k++] = '\n';
            if (i + 1 < n && src[i + 1] == '\n') i++;
        } else {
            buf[k++] = src[i];
        }
    }
    if (k == 0 || buf[k - 1] != '\n') buf[k++] = '\n';
    buf[k] = 0;
    TokenizerIterObject *it = gc_alloc(&type_tokenizer_iter, sizeof *it);
    Value list = it ? list_new(0) : VNULL;
    Arena *arena = list ? ast_arena_new() : NULL;
    Tokenizer *t = arena ? malloc(sizeof *t) : NULL;
    if (!t) {
        if (arena) ast_arena_free(arena);
        free(buf);
        if (!err_occurred()) err_no_memory();
        return VNULL;
    }
    it->tokens = list;
    tok_init(t, buf, k, 1, 0, arena);
    const char *buf_end = buf + k;
    const char *carry = NULL;   /* the first line of a multi-line string */
    int carry_line = 0;         /* and the line it ends on */
    Value result = obj_val(it);
    for (;;) {
        Token tk;
        TokType type = tok_get(t, &tk);
        if (type == T_ERRORTOKEN) {
            /* Errors CPython's tokenizer only flags (too deep, bad dedent,
             * EOF in brackets...) end the iteration without an exception. */
            if (t->err.kind == PARSE_ERR_NONE || !t->err.raised) break;
            it->error = token_error(t, buf_end);
            if (!it->error) result = VNULL;
            break;
        }
        if (type == T_ENDMARKER) break;   /* not yielded: CPython's iterator stops there */
        /* CPython quotes every line its tokenizer buffered for the token:
         * after a multi-line string or a backslash, from the first. */
        const char *first = buf;
        for (int ln = 1; ln < t->buf_lineno && first < buf_end; ln++) {
            const char *nl = memchr(first, '\n', (size_t)(buf_end - first));
            first = nl ? nl + 1 : buf_end;
        }
        if (type == T_STRING && tk.end_lineno > tk.lineno) {
            carry = tk.line_start;
            carry_line = tk.end_lineno;
        }
        if (carry && tk.lineno == carry_line && carry < first) first = carry;
        if (type == T_NEWLINE && tk.line_start) {
            /* Lines joined by backslashes are one buffer too. */
            const char *ls = first < tk.line_start ? first : tk.line_start;
            while (ls - 2 >= buf && ls[-1] == '\n' && ls[-2] == '\\') {
                const char *p = ls - 2;
                while (p > buf && p[-1] != '\n') p--;
                ls = p;
            }
            if (ls < first) first = ls;
        }
        Value tup = token_tuple(&tk, first, buf_end);
        if (!tup || list_append(list, tup) < 0) {
            result = VNULL;
            break;
        }
    }
    free(t);
    ast_arena_free(arena);
    free(buf);
    return result;
}

static Value tokiter_iter(Value self) { return self; }

static Value tokiter_next(Value self) {
    TokenizerIterObject *it = (TokenizerIterObject *)self;
    if (it->next < list_size(it->tokens)) return list_items(it->tokens)[it->next++];
    if (it->error) {
        Value e = it->error;
        it->error = VNULL;
        err_set_object(e);
    }
    return VNULL;
}

Type type_tokenizer_iter = {
    .hdr = {0, &type_type},
    .name = "_tokenize.TokenizerIter",
    .basicsize = sizeof(TokenizerIterObject),
    .trace = tokiter_trace,
    .new = tokiter_new,
    .iter = tokiter_iter,
    .iternext = tokiter_next,
};

Value tokenize_module_init(void) {
    type_ready(&type_tokenizer_iter);
    Value m = module_new_cstr("_tokenize");
    if (!m || module_add(m, "TokenizerIter", obj_val(&type_tokenizer_iter)) < 0) return VNULL;
    return m;
}
