/* parser.c: parse_source(): source decoding, the token buffer, error reporting. */

/*
** The pipeline is: decode the bytes to UTF-8 (BOM, PEP 263 declaration,
** iconv for other encodings, universal newlines, a final '\n'), then run the
** start rule for the mode over tokens fetched lazily from the tokenizer.
** On failure, a second pass with the invalid-syntax checks enabled looks for
** a specific message; the error bookkeeping here reproduces the order in
** which CPython 3.11 prefers tokenizer errors, unclosed brackets and the
** generic "invalid syntax".
*/

#include "parser_internal.h"

#define TOKEN_BLOCK 1024

#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const int default_int_max_str_digits = 4300;
const int *parse_int_max_str_digits = &default_int_max_str_digits;

const char *parse_error_kind_name(ParseErrorKind kind)
{
    switch (kind) {
    case PARSE_ERR_NONE: return "None";
    case PARSE_ERR_SYNTAX: return "SyntaxError";
    case PARSE_ERR_INDENT: return "IndentationError";
    case PARSE_ERR_TAB: return "TabError";
    case PARSE_ERR_MEMORY: return "MemoryError";
    case PARSE_ERR_RECURSION: return "RecursionError";
    case PARSE_ERR_VALUE: return "ValueError";
    case PARSE_ERR_UNICODE: return "SyntaxError";
    case PARSE_ERR_DECODE: return "UnicodeDecodeError";
    }
    return "SyntaxError";
}

/* ---- Token buffer ----------------------------------------------------------- */

static Parser *root_of(Parser *p)
{
    while (p->parent)
        p = p->parent;
    return p;
}

static void set_tokenizer_error(Parser *p)
{
    TokError *e = &p->tok->err;
    Parser *r = root_of(p);
    if (r->error && r->perr->kind != PARSE_ERR_NONE) {
        p->error = 1;
        return;
    }
    ParseError *pe = r->perr;
    pe->kind = e->kind;
    pe->text_from_file = !e->raised;
    snprintf(pe->msg, sizeof pe->msg, "%s%s", p->fstring_level ? "f-string: " : "", e->msg);
    pe->lineno = e->lineno;
    pe->offset = e->col;
    pe->end_lineno = e->end_lineno;
    pe->end_offset = e->end_col;
    pe->text = NULL;
    if (e->line_start) {
        size_t n = strcspn(e->line_start, "\n");
        if (e->text_has_newline && e->line_start[n] == '\n' &&
            !(r->appended_newline && r->mode != PARSE_MODE_EXEC && e->line_start + n == r->src + r->src_len - 1))
            n++;
        pe->text = r->raw_bytes ? tok_utf8_replace(r->arena, e->line_start, n)
                                : ast_arena_strndup(r->arena, e->line_start, n);
    }
    r->error = 1;
    p->error = 1;
}

/* "'(' was never closed" at the innermost open bracket. */
static void raise_unclosed(Parser *p)
{
    Tokenizer *t = p->tok;
    int lvl = t->level - 1;
    int lineno = t->parenlinenostack[lvl];
    int col = t->parencolstack[lvl];
    p_error_at(p, PARSE_ERR_SYNTAX, lineno, col, lineno, -1, "'%c' was never closed",
               t->parenstack[lvl]);
    p->perr->end_offset = 0;
}

static int record_type_ignore(Parser *p, const Token *t)
{
    if (p->ntype_ignores == p->type_ignores_cap) {
        int nc = p->type_ignores_cap ? p->type_ignores_cap * 2 : 8;
        ASTNode **n = realloc(p->type_ignores, (size_t)nc * sizeof *n);
        if (!n)
            return -1;
        p->type_ignores = n;
        p->type_ignores_cap = nc;
    }
    ASTNode *ti = ast_node_new(p->arena, AST_TypeIgnore, 0, 0, 0, 0);
    const char *tag = ast_arena_strndup(p->arena, t->start, (size_t)(t->end - t->start));
    if (!ti || !tag)
        return -1;
    ti->v.TypeIgnore.lineno = t->lineno;
    ti->v.TypeIgnore.tag = tag;
    p->type_ignores[p->ntype_ignores++] = ti;
    return 0;
}

const char *p_type_comment(Parser *p, const Token *t)
{
    size_t n = (size_t)(t->end - t->start), a, b;
    const char *why;
    const char *s = ast_arena_strndup(p->arena, t->start, n);
    if (!s)
        return p_nomem(p);
    if (p->raw_bytes && tok_utf8_error(s, n, &a, &b, &why)) {
        /* CPython decodes the comment when it makes the node and lets the
        ** UnicodeDecodeError through. */
        Parser *r = root_of(p);
        p->error = r->error = 1;
        if (r->perr->kind == PARSE_ERR_NONE) {
            ParseError *pe = r->perr;
            memset(pe, 0, sizeof *pe);
            pe->kind = PARSE_ERR_DECODE;
            snprintf(pe->msg, sizeof pe->msg, "%s", why);
            pe->text = s;
            pe->offset = (int)a;
            pe->end_offset = (int)b;
        }
        return NULL;
    }
    return s;
}

int p_check_version(Parser *p, int minor, const char *what)
{
    if (p->feature_version >= minor)
        return 1;
    p_error_last(p, PARSE_ERR_SYNTAX, "%s only supported in Python 3.%d and greater", what, minor);
    return 0;
}

Token *p_fetch(Parser *p, int i)
{
    while (p->fill <= i) {
        if (p->fill > 0) {
            Token *last = p->tokens[p->fill - 1];
            if (last->type == T_ENDMARKER || last->type == T_ERRORTOKEN)
                return last;
        }
        if (p->fill == p->cap) {
            int ncap = p->cap ? p->cap * 2 : 256;
            Token **nt = realloc(p->tokens, (size_t)ncap * sizeof(Token *));
            if (!nt)
                goto nomem;
            p->tokens = nt;
            p->cap = ncap;
        }
        if (!p->block || p->block_used == TOKEN_BLOCK) {
            if (p->nblocks == p->blocks_cap) {
                int nc = p->blocks_cap ? p->blocks_cap * 2 : 16;
                Token **nb = realloc(p->blocks, (size_t)nc * sizeof(Token *));
                if (!nb)
                    goto nomem;
                p->blocks = nb;
                p->blocks_cap = nc;
            }
            p->block = malloc(TOKEN_BLOCK * sizeof(Token));
            if (!p->block)
                goto nomem;
            p->blocks[p->nblocks++] = p->block;
            p->block_used = 0;
        }
        Token *t = &p->block[p->block_used++];
        p->tokens[p->fill] = t;
        tok_get(p->tok, t);
        while (t->type == T_TYPE_IGNORE) {
            /* "# type: ignore[...]" comments go to Module.type_ignores,
            ** never to the grammar. */
            if (record_type_ignore(p, t) < 0)
                goto nomem;
            tok_get(p->tok, t);
        }
        p->fill++;
        if (t->type == T_ERRORTOKEN && p->tok->err.kind != PARSE_ERR_NONE)
            set_tokenizer_error(p);
        else if (t->type == T_ERRORTOKEN && p->tok->eof_in_parens)
            raise_unclosed(p);   /* CPython raises as soon as the EOF token is read */
    }
    return p->tokens[i];
nomem:
    p_nomem(p);
    /* Hand back a token that matches nothing. */
    memset(&p->nomem_token, 0, sizeof p->nomem_token);
    p->nomem_token.type = T_ERRORTOKEN;
    return p->fill ? p->tokens[p->fill - 1] : &p->nomem_token;
}

void p_free_tokens(Parser *p)
{
    free(p->type_ignores);
    p->type_ignores = NULL;
    p->ntype_ignores = p->type_ignores_cap = 0;
    free(p->memo);
    p->memo = NULL;
    p->memo_cap = 0;
    for (int i = 0; i < p->nblocks; i++)
        free(p->blocks[i]);
    free(p->blocks);
    free(p->tokens);
    p->blocks = NULL;
    p->tokens = NULL;
}

int tok_is(const Token *t, const char *text)
{
    size_t n = strlen(text);
    return t->type == T_NAME && (size_t)(t->end - t->start) == n && !memcmp(t->start, text, n);
}

int p_at_soft(Parser *p, const char *kw)
{
    return tok_is(p_peek(p), kw);
}

Token *p_last_nonws(Parser *p)
{
    int i = p->mark - 1 < p->fill - 1 ? p->mark - 1 : p->fill - 1;
    while (i > 0 && (p->tokens[i]->type == T_NEWLINE || p->tokens[i]->type == T_INDENT ||
                     p->tokens[i]->type == T_DEDENT || p->tokens[i]->type == T_ENDMARKER))
        i--;
    return p->tokens[i < 0 ? 0 : i];
}

/* ---- Nodes and lists ---------------------------------------------------------- */

ASTNode *p_new_at(Parser *p, ASTKind kind, const Token *start, const Token *end)
{
    ASTNode *n = ast_node_new(p->arena, kind, start->lineno, start->col_offset,
                              end->end_lineno, end->end_col_offset);
    if (!n)
        return p_nomem(p);
    return n;
}

ASTNode *p_new(Parser *p, ASTKind kind, const Token *start)
{
    return p_new_at(p, kind, start, p_last_nonws(p));
}

ASTNode *p_new_span(Parser *p, ASTKind kind, const ASTNode *a, const ASTNode *b)
{
    ASTNode *n = ast_node_new(p->arena, kind, a->lineno, a->col_offset, b->end_lineno,
                              b->end_col_offset);
    if (!n)
        return p_nomem(p);
    return n;
}

void plist_init(PList *l)
{
    l->items = l->small;
    l->len = 0;
    l->cap = 8;
}

int plist_push(Parser *p, PList *l, void *item)
{
    if (l->len == l->cap) {
        int ncap = l->cap * 2;
        void **ni;
        if (l->items == l->small) {
            ni = malloc((size_t)ncap * sizeof(void *));
            if (ni)
                memcpy(ni, l->small, sizeof l->small);
        } else {
            ni = realloc(l->items, (size_t)ncap * sizeof(void *));
        }
        if (!ni) {
            p_nomem(p);
            return 0;
        }
        l->items = ni;
        l->cap = ncap;
    }
    l->items[l->len++] = item;
    return 1;
}

void plist_free(PList *l)
{
    if (l->items != l->small)
        free(l->items);
    l->items = l->small;
    l->len = 0;
    l->cap = 8;
}

ASTSeq *plist_seq(Parser *p, PList *l)
{
    ASTSeq *s = ast_seq_new(p->arena, l->len);
    if (!s) {
        plist_free(l);
        return p_nomem(p);
    }
    if (l->len)
        memcpy(s->elts, l->items, (size_t)l->len * sizeof(void *));
    plist_free(l);
    return s;
}

ASTSeq *p_seq0(Parser *p)
{
    ASTSeq *s = ast_seq_new(p->arena, 0);
    if (!s)
        return p_nomem(p);
    return s;
}

ASTSeq *p_seq1(Parser *p, void *item)
{
    ASTSeq *s = ast_seq_new(p->arena, 1);
    if (!s)
        return p_nomem(p);
    s->elts[0] = item;
    return s;
}

const char *p_ident(Parser *p, const Token *t)
{
    size_t n = (size_t)(t->end - t->start);
    char *s = NULL;
    for (size_t i = 0; i < n; i++) {
        if ((unsigned char)t->start[i] >= 0x80) {
            s = tok_normalize_identifier(p->arena, t->start, n);
            if (!s)
                return p_nomem(p);
            return s;
        }
    }
    s = ast_arena_strndup(p->arena, t->start, n);
    if (!s)
        return p_nomem(p);
    return s;
}

ASTNode *p_name(Parser *p, const Token *t, ASTExprContext ctx)
{
    ASTNode *n = p_new_at(p, AST_Name, t, t);
    if (!n)
        return NULL;
    n->v.Name.id = p_ident(p, t);
    n->v.Name.ctx = ctx;
    return n;
}

/* ---- Errors ------------------------------------------------------------------------ */

/* The start of line `lineno` of the root source, or NULL. */
static const char *line_at(Parser *r, int lineno)
{
    const char *s = r->src, *e = r->src + r->src_len;
    if (!s || lineno < 1)
        return NULL;
    for (int l = 1; l < lineno; l++) {
        const char *nl = memchr(s, '\n', (size_t)(e - s));
        if (!nl)
            return NULL;
        s = nl + 1;
    }
    return s < e || (s == e && lineno >= 1) ? s : NULL;
}

/* Convert a 0-based byte column on `line` to CPython's 1-based character
** offset; byte columns past the line end count as bytes. */
static int char_col(Parser *r, const char *line, int col)
{
    if (!line || col < 0 || r->byte_offsets)
        return col + 1;
    if (r->raw_bytes) {
        /* CPython counts the characters of the first col bytes of the line
        ** decoded with "replace" and encoded again. */
        size_t n = strcspn(line, "\n") + (line[strcspn(line, "\n")] == '\n');
        const char *rl = tok_utf8_replace(r->arena, line, n);
        if (rl)
            return tok_char_offset(rl, (size_t)col + 1 < strlen(rl) ? (size_t)col + 1 : strlen(rl));
    }
    size_t n = strcspn(line, "\n");
    if ((size_t)col > n + 1)
        return tok_char_offset(line, n) + (int)((size_t)col - n) + 1;
    return tok_char_offset(line, (size_t)col) + 1;
}

/* SyntaxError.text: the line with its newline, except the one decoding
** appended to input that lacked it, which CPython's tokenizer only adds
** in exec mode. */
static const char *error_text(Parser *r, const char *line)
{
    size_t n = strcspn(line, "\n");
    int nl = line[n] == '\n';
    if (nl && r->appended_newline && r->mode != PARSE_MODE_EXEC && line + n == r->src + r->src_len - 1)
        nl = 0;
    /* Undeclared bytes may not be UTF-8: CPython decodes with "replace". */
    if (r->raw_bytes)
        return tok_utf8_replace(r->arena, line, n + nl);
    return ast_arena_strndup(r->arena, line, n + nl);
}

static void verror_at(Parser *p, ParseErrorKind kind, int lineno, int col, int end_lineno,
                      int end_col, const char *fmt, va_list ap)
{
    Parser *r = root_of(p);
    int had_error = r->error;
    p->error = 1;
    if (had_error && r->perr->kind != PARSE_ERR_NONE)
        return;
    r->error = 1;
    ParseError *pe = r->perr;
    pe->text_from_file = 1;
    char buf[sizeof pe->msg - 16];
    vsnprintf(buf, sizeof buf, fmt, ap);
    snprintf(pe->msg, sizeof pe->msg, "%s%s", p->fstring_level ? "f-string: " : "", buf);
    pe->kind = kind;
    pe->lineno = lineno;
    const char *line = line_at(r, lineno);
    if (p->tok && p->tok->fstring_mode) {
        /* Inside an f-string expression CPython reports byte offsets into
        ** the "(expr)" text it parsed. */
        int shift = p->tok->first_col_orig;
        pe->offset = col < 0 ? col : col - (lineno == p->tok->first_lineno ? shift : 0) + 1;
        pe->end_lineno = end_lineno;
        pe->end_offset = end_col < 0 ? 0 : end_col - (end_lineno == p->tok->first_lineno ? shift : 0) + 1;
        /* ... and quotes that text, not the file. */
        pe->text_from_file = 0;
        pe->text = NULL;
        const char *s = p->tok->buf;
        for (int k = p->tok->first_lineno; k < lineno && s; k++) {
            s = strchr(s, '\n');
            if (s)
                s++;
        }
        if (s && *s) {
            size_t n = strcspn(s, "\n");
            n += s[n] == '\n';
            pe->text = r->raw_bytes ? tok_utf8_replace(r->arena, s, n) : ast_arena_strndup(r->arena, s, n);
        }
        return;
    }
    pe->offset = col == P_COL_ZERO ? 0 : col < 0 ? col : char_col(r, line, col);
    pe->end_lineno = end_lineno;
    if (end_col == P_END_CURRENT && r->fill) {
        Token *ft = r == p ? p->tokens[p->fill - 1] : NULL;
        if (ft && ft->end_col_offset >= 0) {
            pe->end_lineno = ft->end_lineno;
            const char *eline = line_at(r, ft->end_lineno);
            pe->end_offset = char_col(r, eline, ft->end_col_offset) - 1;
        } else {
            pe->end_offset = -1;
        }
    } else if (end_col == P_END_ZERO) {
        pe->end_offset = 0;
    } else if (end_col < 0) {
        pe->end_offset = end_col;
    } else {
        const char *eline = end_lineno == lineno ? line : line_at(r, end_lineno);
        pe->end_offset = char_col(r, eline, end_col);
    }
    pe->text = line ? error_text(r, line) : NULL;
    /* The error is on the line the tokenizer reads: CPython quotes its
    ** whole buffer, from the first line a multi-line string or a
    ** continuation joined into it. */
    Tokenizer *t = r->tok;
    if (line && t && !t->fstring_mode) {
        int at_start = t->cur == t->line_start && t->lineno > t->first_lineno;
        int cur_line = at_start ? t->lineno - 1 : t->lineno;
        int first = at_start ? t->prev_buf_lineno : t->buf_lineno;
        const char *from = first < lineno ? line_at(r, first) : NULL;
        if (lineno >= cur_line && from) {
            const char *e = line + strcspn(line, "\n");
            if (*e == '\n' && !(r->appended_newline && r->mode != PARSE_MODE_EXEC && e == r->src + r->src_len - 1))
                e++;
            pe->text = r->raw_bytes ? tok_utf8_replace(r->arena, from, (size_t)(e - from))
                                    : ast_arena_strndup(r->arena, from, (size_t)(e - from));
        }
    }
}

void *p_error_at(Parser *p, ParseErrorKind kind, int lineno, int col, int end_lineno,
                 int end_col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verror_at(p, kind, lineno, col, end_lineno, end_col, fmt, ap);
    va_end(ap);
    return NULL;
}

void *p_error_tok(Parser *p, const Token *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verror_at(p, PARSE_ERR_SYNTAX, t->lineno, t->col_offset, t->end_lineno, t->end_col_offset,
              fmt, ap);
    va_end(ap);
    return NULL;
}

void *p_error_toks(Parser *p, const Token *a, const Token *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verror_at(p, PARSE_ERR_SYNTAX, a->lineno, a->col_offset, b->end_lineno, b->end_col_offset,
              fmt, ap);
    va_end(ap);
    return NULL;
}

void *p_error_node(Parser *p, const ASTNode *n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verror_at(p, PARSE_ERR_SYNTAX, n->lineno, n->col_offset, n->end_lineno, n->end_col_offset,
              fmt, ap);
    va_end(ap);
    return NULL;
}

void *p_error_range(Parser *p, const ASTNode *a, const ASTNode *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verror_at(p, PARSE_ERR_SYNTAX, a->lineno, a->col_offset, b->end_lineno, b->end_col_offset,
              fmt, ap);
    va_end(ap);
    return NULL;
}

void *p_error_last(Parser *p, ParseErrorKind kind, const char *fmt, ...)
{
    Token *t = p->fill ? p->tokens[p->fill - 1] : NULL;
    va_list ap;
    va_start(ap, fmt);
    if (!t) {
        verror_at(p, kind, 0, 0, 0, -1, fmt, ap);
    } else if (t->col_offset < 0) {
        /* INDENT/DEDENT: CPython uses the tokenizer's position. */
        verror_at(p, kind, t->lineno, P_TOK_RAW_COL(t), t->end_lineno, -1, fmt, ap);
    } else {
        verror_at(p, kind, t->lineno, t->col_offset, t->end_lineno, t->end_col_offset, fmt, ap);
    }
    va_end(ap);
    return NULL;
}

void *p_nomem(Parser *p)
{
    Parser *r = root_of(p);
    p->error = 1;
    r->error = 1;
    if (r->perr->kind == PARSE_ERR_NONE) {
        memset(r->perr, 0, sizeof *r->perr);
        r->perr->kind = PARSE_ERR_MEMORY;
    }
    return NULL;
}

void *p_too_deep(Parser *p)
{
    /* CPython 3.11's parser raises MemoryError when its rule stack passes
    ** MAXSTACK; the compiler gives RecursionError for shallower trees. */
    Parser *r = root_of(p);
    p->error = 1;
    r->error = 1;
    if (r->perr->kind == PARSE_ERR_NONE) {
        memset(r->perr, 0, sizeof *r->perr);
        r->perr->kind = PARSE_ERR_MEMORY;
        snprintf(r->perr->msg, sizeof r->perr->msg, "too complex");
    }
    return NULL;
}

/* ---- Source decoding --------------------------------------------------------------- */

/* Validate strict UTF-8 (no surrogates, no overlongs).  Returns the offset
** of the first bad byte, or len. */
static size_t utf8_check(const unsigned char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        unsigned c = s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t n;
        unsigned min;
        if (c >= 0xC2 && c <= 0xDF) n = 1, min = 0x80;
        else if (c >= 0xE0 && c <= 0xEF) n = 2, min = 0x800;
        else if (c >= 0xF0 && c <= 0xF4) n = 3, min = 0x10000;
        else return i;
        if (i + n >= len)
            return i;
        unsigned cp = c & (0x3F >> n);
        for (size_t k = 1; k <= n; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return i;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += n + 1;
    }
    return len;
}

/* Find a PEP 263 declaration on one line: "#...coding[:=][ \t]*NAME". */
static int find_coding(const char *line, size_t n, char *name, size_t namesz)
{
    size_t i = 0;
    while (i < n && (line[i] == ' ' || line[i] == '\t' || line[i] == '\014'))
        i++;
    if (i >= n || line[i] != '#')
        return 0;
    for (; i + 6 < n; i++) {
        if (memcmp(line + i, "coding", 6) != 0)
            continue;
        size_t j = i + 6;
        if (line[j] != ':' && line[j] != '=')
            continue;
        j++;
        while (j < n && (line[j] == ' ' || line[j] == '\t'))
            j++;
        size_t k = 0;
        while (j < n && k + 1 < namesz &&
               ((line[j] >= 'a' && line[j] <= 'z') || (line[j] >= 'A' && line[j] <= 'Z') ||
                (line[j] >= '0' && line[j] <= '9') || line[j] == '-' || line[j] == '_' ||
                line[j] == '.'))
            name[k++] = line[j++];
        name[k] = 0;
        if (k)
            return 1;
    }
    return 0;
}

/* CPython's get_normal_name(): utf-8 and latin-1 aliases. */
static const char *normal_encoding(const char *s, char *buf, size_t bufsz)
{
    char low[13];
    size_t i;
    for (i = 0; i < 12 && s[i]; i++) {
        char c = s[i];
        low[i] = c == '_' ? '-' : (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
    }
    low[i] = 0;
    if (!strcmp(low, "utf-8") || !strncmp(low, "utf-8-", 6))
        return "utf-8";
    if (!strcmp(low, "latin-1") || !strcmp(low, "iso-8859-1") || !strcmp(low, "iso-latin-1") ||
        !strncmp(low, "latin-1-", 8) || !strncmp(low, "iso-8859-1-", 11) ||
        !strncmp(low, "iso-latin-1-", 12))
        return "iso-8859-1";
    snprintf(buf, bufsz, "%s", s);
    return buf;
}

static int is_blank_or_comment_line(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\014'))
        i++;
    return i == n || s[i] == '#' || s[i] == '\r' || s[i] == '\n';
}

static int count_lines_before(const char *s, size_t off)
{
    int l = 1;
    for (size_t i = 0; i < off; i++)
        if (s[i] == '\n')
            l++;
    return l;
}

static int decode_error(Parser *p, ParseErrorKind kind, int lineno, const char *fmt, ...)
{
    ParseError *pe = p->perr;
    memset(pe, 0, sizeof *pe);
    pe->kind = kind;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(pe->msg, sizeof pe->msg, fmt, ap);
    va_end(ap);
    pe->lineno = lineno;
    pe->offset = kind == PARSE_ERR_VALUE ? 0 : -1;
    p->error = 1;
    return 0;
}

/* Convert with iconv into a malloc'd buffer. */
static char *iconv_to_utf8(const char *enc, const char *s, size_t n, size_t *outlen, int *bad)
{
    *bad = 0;
    iconv_t cd = iconv_open("UTF-8", enc);
    if (cd == (iconv_t)-1)
        return NULL;
    size_t cap = n * 4 + 16;
    char *out = malloc(cap);
    if (!out) {
        iconv_close(cd);
        return NULL;
    }
    char *in = (char *)s, *o = out;
    size_t inleft = n, outleft = cap;
    if (iconv(cd, &in, &inleft, &o, &outleft) == (size_t)-1) {
        *bad = 1;
        free(out);
        iconv_close(cd);
        return NULL;
    }
    iconv_close(cd);
    *outlen = (size_t)(o - out);
    return out;
}

/* Whether src, with its null bytes left out, holds invalid UTF-8. */
static int utf8_check_skipping_nul(const unsigned char *src, size_t len)
{
    size_t i = 0;
    while (i < len) {
        const unsigned char *nul = memchr(src + i, 0, len - i);
        size_t n = nul ? (size_t)(nul - (src + i)) : len - i;
        if (utf8_check(src + i, n) < n)
            return 1;
        i += n + 1;
    }
    return 0;
}

/* Produce the UTF-8, '\n'-terminated, universal-newline buffer the
** tokenizer wants.  Returns a malloc'd buffer or NULL with the error set. */
static char *decode_source(Parser *p, const char *src, size_t len, size_t *outlen)
{
    const char *nul = memchr(src, 0, len);
    /* CPython 3.11 reads a file with fgets, which silently cuts a line at
    ** a null byte, so an undeclared non-UTF-8 byte anywhere in the file is
    ** the error it reports. */
    if (nul && !(p->flags & (PARSE_FLAG_STRING_INPUT | PARSE_FLAG_SOURCE_IS_UTF8)) &&
        utf8_check_skipping_nul((const unsigned char *)src, len))
        nul = NULL;
    if (nul) {
        if (p->flags & PARSE_FLAG_STRING_INPUT) {
            decode_error(p, PARSE_ERR_VALUE, 0, "source code string cannot contain null bytes");
        } else {
            decode_error(p, PARSE_ERR_SYNTAX, count_lines_before(src, (size_t)(nul - src)),
                         "source code cannot contain null bytes");
            p->perr->offset = -1;
        }
        return NULL;
    }
    char *conv = NULL;
    const char *text = src;
    size_t n = len;
    if (!(p->flags & PARSE_FLAG_SOURCE_IS_UTF8)) {
        int bom = 0;
        if (n >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3)) {
            text += 3;
            n -= 3;
            bom = 1;
        }
        /* The declaration may be on line 1, or on line 2 if line 1 is a
        ** comment or blank. */
        char name[64], nbuf[64];
        const char *enc = NULL;
        size_t l1 = 0;
        while (l1 < n && text[l1] != '\n' && text[l1] != '\r')
            l1++;
        int decl_line = 0;
        if (find_coding(text, l1, name, sizeof name)) {
            enc = normal_encoding(name, nbuf, sizeof nbuf);
            decl_line = 1;
        } else if (is_blank_or_comment_line(text, l1) && l1 < n) {
            size_t s2 = l1 + 1;
            if (text[l1] == '\r' && s2 < n && text[s2] == '\n')
                s2++;
            size_t l2 = s2;
            while (l2 < n && text[l2] != '\n' && text[l2] != '\r')
                l2++;
            if (find_coding(text + s2, l2 - s2, name, sizeof name)) {
                enc = normal_encoding(name, nbuf, sizeof nbuf);
                decl_line = 2;
            }
        }
        if (enc && bom && strcmp(enc, "utf-8") != 0) {
            decode_error(p, PARSE_ERR_SYNTAX, 0, "encoding problem: %s with BOM", enc);
            (void)decl_line;
            return NULL;
        }
        if (enc && strcmp(enc, "utf-8") != 0) {
            int bad;
            size_t cl;
            iconv_t cd = iconv_open("UTF-8", enc);
            if (cd == (iconv_t)-1) {
                if (p->flags & PARSE_FLAG_STRING_INPUT)
                    decode_error(p, PARSE_ERR_SYNTAX, 0, "unknown encoding: %s", enc);
                else
                    decode_error(p, PARSE_ERR_SYNTAX, 0, "encoding problem: %s", enc);
                return NULL;
            }
            iconv_close(cd);
            conv = iconv_to_utf8(enc, text, n, &cl, &bad);
            if (!conv) {
                if (bad)
                    decode_error(p, PARSE_ERR_UNICODE, 0,
                                 "(unicode error) '%s' codec can't decode bytes", enc);
                else
                    p_nomem(p);
                return NULL;
            }
            text = conv;
            n = cl;
        } else if (!enc && (p->flags & PARSE_FLAG_STRING_INPUT)) {
            p->raw_bytes = 1;   /* checked piecemeal: see Parser.raw_bytes */
            p->byte_offsets = !bom;
        } else {
            size_t bad = utf8_check((const unsigned char *)text, n);
            if (bad < n) {
                int line = count_lines_before(text, bad);
                if (enc || (p->flags & PARSE_FLAG_STRING_INPUT))
                    decode_error(p, PARSE_ERR_UNICODE, line,
                                 "(unicode error) 'utf-8' codec can't decode byte 0x%02x in "
                                 "position %d: invalid start byte",
                                 (unsigned char)text[bad], 0);
                else
                    decode_error(p, PARSE_ERR_SYNTAX, 0,
                                 "Non-UTF-8 code starting with '\\x%02x' in file %s on line %d, "
                                 "but no encoding declared; see "
                                 "https://peps.python.org/pep-0263/ for details",
                                 (unsigned char)text[bad], p->filename ? p->filename : "<string>",
                                 line);
                return NULL;
            }
        }
    } else {
        size_t bad = utf8_check((const unsigned char *)text, n);
        if (bad < n) {
            decode_error(p, PARSE_ERR_UNICODE, count_lines_before(text, bad),
                         "(unicode error) 'utf-8' codec can't decode byte 0x%02x",
                         (unsigned char)text[bad]);
            return NULL;
        }
    }
    /* Universal newlines, and a final newline. */
    char *out = malloc(n + 2);
    if (!out) {
        free(conv);
        p_nomem(p);
        return NULL;
    }
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        char c = text[i];
        if (c == '\r') {
            if (i + 1 < n && text[i + 1] == '\n')
                i++;
            c = '\n';
        }
        out[o++] = c;
    }
    if (o > 0 && out[o - 1] != '\n') {
        p->appended_newline = 1;
        out[o++] = '\n';
    }
    out[o] = 0;
    free(conv);
    *outlen = o;
    return out;
}

/* ---- Start rules ------------------------------------------------------------------------- */

static ASTNode *run_start_rule(Parser *p)
{
    Token *start = p_peek(p);
    switch (p->mode) {
    case PARSE_MODE_EXEC: {
        ASTSeq *body = p_statements(p);
        if (!body || !p_expect(p, T_ENDMARKER))
            return NULL;
        ASTNode *m = p_new_at(p, AST_Module, start, start);
        if (!m)
            return NULL;
        m->v.Module.body = body;
        ASTSeq *ti = ast_seq_new(p->arena, p->ntype_ignores);
        if (!ti)
            return p_nomem(p);
        for (int i = 0; i < p->ntype_ignores; i++)
            ti->elts[i] = p->type_ignores[i];
        m->v.Module.type_ignores = ti;
        return m;
    }
    case PARSE_MODE_EVAL: {
        ASTNode *e = p_expressions(p);
        if (!e)
            return NULL;
        while (p_expect(p, T_NEWLINE))
            ;
        if (!p_expect(p, T_ENDMARKER))
            return NULL;
        ASTNode *m = p_new_at(p, AST_Expression, start, start);
        if (!m)
            return NULL;
        m->v.Expression.body = e;
        return m;
    }
    case PARSE_MODE_SINGLE: {
        ASTSeq *body = p_statement_newline(p);
        if (!body)
            return NULL;
        ASTNode *m = p_new_at(p, AST_Interactive, start, start);
        if (!m)
            return NULL;
        m->v.Interactive.body = body;
        return m;
    }
    case PARSE_MODE_FUNC_TYPE:
        return p_type_expressions_func_type(p);
    }
    return NULL;
}

/* After a parser error: tokenize the rest of the file, and let a
** tokenizer error there (or an unclosed bracket opened before the error
** line) replace it, as CPython does. */
static void check_rest_for_tokenizer_errors(Parser *p)
{
    int err_line = p->fill ? p->tokens[p->fill - 1]->lineno : p->perr->lineno;
    ParseError saved = *p->perr;
    Token t;
    for (;;) {
        TokType ty = tok_get(p->tok, &t);
        if (ty == T_ERRORTOKEN) {
            if (p->tok->err.kind != PARSE_ERR_NONE && p->tok->err.raised) {
                p->error = 0;
                p->perr->kind = PARSE_ERR_NONE;
                set_tokenizer_error(p);
                return;
            }
            if (p->tok->level != 0) {
                int l = p->tok->parenlinenostack[p->tok->level - 1];
                if (err_line > l) {
                    p->error = 0;
                    p->perr->kind = PARSE_ERR_NONE;
                    raise_unclosed(p);
                    return;
                }
            }
            break;
        }
        if (ty == T_ENDMARKER)
            break;
    }
    *p->perr = saved;
}

ASTNode *parse_source(Arena *a, const char *src, size_t len, const char *filename,
                      ParseMode mode, int flags, ParseError *err)
{
    memset(err, 0, sizeof *err);
    Parser P;
    memset(&P, 0, sizeof P);
    Parser *p = &P;
    p->arena = a;
    p->perr = err;
    p->mode = mode;
    p->flags = flags;
    p->filename = filename;
    size_t n = 0;
    char *buf = decode_source(p, src ? src : "", src ? len : 0, &n);
    if (!buf)
        return NULL;
    p->src = buf;
    p->src_len = n;
    p->memo_gen = 1;
    p->feature_version = flags & PARSE_FLAG_HAS_FEATURE_VERSION ? (flags >> 8) & 0xff : 11;
    Tokenizer tok;
    tok_init(&tok, buf, n, 1, 0, a);
    tok.type_comments = (flags & PARSE_FLAG_TYPE_COMMENTS) != 0;
    tok.check_utf8 = p->raw_bytes;
    tok.async_hacks = p->feature_version < 7;
    tok.interactive = mode == PARSE_MODE_SINGLE;
    if (mode == PARSE_MODE_SINGLE && p->appended_newline) {
        /* CPython does not add the newline in single mode; the last line
        ** ends at EOF. */
        tok.implicit_nl = buf + n - 1;
        tok.no_eof_dedent = (flags & PARSE_FLAG_DONT_IMPLY_DEDENT) != 0;
    } else if ((mode == PARSE_MODE_EVAL || mode == PARSE_MODE_FUNC_TYPE) && p->appended_newline) {
        /* Nor in eval and func_type modes, where the parser gets no NEWLINE
        ** at the end either (single mode makes one of the EOF). */
        tok.implicit_nl = buf + n - 1;
        tok.implicit_nl_eof = 1;
    }
    p->tok = &tok;

    ASTNode *result = run_start_rule(p);
    if (!result && (flags & PARSE_FLAG_ALLOW_INCOMPLETE_INPUT) && tok.hit_eof &&
        err->kind != PARSE_ERR_MEMORY) {
        /* The input stopped in the middle of something: codeop asks for more.
        ** A tokenizer error keeps its position (CPython clears the error and
        ** raises at the tokenizer's position). */
        if (tok.err.kind != PARSE_ERR_NONE && err->kind != PARSE_ERR_NONE) {
            err->kind = PARSE_ERR_SYNTAX;
            snprintf(err->msg, sizeof err->msg, "incomplete input");
        } else {
            memset(err, 0, sizeof *err);
            p->error = 0;
            p_error_last(p, PARSE_ERR_SYNTAX, "incomplete input");
        }
        p_free_tokens(p);
        free(buf);
        return NULL;
    }
    if (!result && !p->error) {
        /* First pass failed without a specific error. */
        Token last = p->fill ? *p->tokens[p->fill - 1] : (Token){0};
        int tok_eof_in_parens = tok.eof_in_parens;
        p->mark = 0;
        p->invalid_pass = 1;
        p->depth = 0;
        p->memo_gen++;
        result = run_start_rule(p);
        if (result) {
            /* The checks only raise, never accept; a success here means the
            ** first failure was spurious.  Keep the tree. */
        } else if (!p->error) {
            if (p->fill == 0) {
                p_error_at(p, PARSE_ERR_SYNTAX, 0, 0, 0, -1, "error at start before reading any input");
            } else if (last.type == T_ERRORTOKEN && tok_eof_in_parens) {
                p->error = 0;
                raise_unclosed(p);
            } else if (last.type == T_INDENT || last.type == T_DEDENT) {
                /* The tokenizer sat at the line's first token. */
                p_error_at(p, PARSE_ERR_INDENT, last.lineno, P_TOK_RAW_COL(&last), last.lineno, -1,
                           last.type == T_INDENT ? "unexpected indent" : "unexpected unindent");
                if (last.err_col == 0)
                    err->offset = 0;
                /* CPython returns here without scanning the rest. */
            } else if (last.type == T_ENDMARKER) {
                /* Empty input has no line yet: CPython says line 0. */
                int line = p->src_len == 0 ? 0 : last.lineno;
                p_error_at(p, PARSE_ERR_SYNTAX, line, -1, line, P_END_ZERO, "invalid syntax");
                err->offset = 0;
                if (line == 0)
                    err->text = "";
                check_rest_for_tokenizer_errors(p);
            } else if (last.col_offset < 0) {
                /* Single mode's NEWLINE made of the EOF: no position. */
                p_error_at(p, PARSE_ERR_SYNTAX, last.lineno, P_COL_ZERO, last.end_lineno, P_END_ZERO,
                           "invalid syntax");
                check_rest_for_tokenizer_errors(p);
            } else {
                p_error_at(p, PARSE_ERR_SYNTAX, last.lineno, last.col_offset, last.end_lineno,
                           last.end_col_offset, "invalid syntax");
                check_rest_for_tokenizer_errors(p);
            }
        } else if (err->kind == PARSE_ERR_SYNTAX || err->kind == PARSE_ERR_INDENT) {
            if (tok.err.kind == PARSE_ERR_NONE)
                check_rest_for_tokenizer_errors(p);
        }
    } else if (!result && p->error && tok.err.kind == PARSE_ERR_NONE &&
               (err->kind == PARSE_ERR_SYNTAX || err->kind == PARSE_ERR_INDENT)) {
        check_rest_for_tokenizer_errors(p);
    }
    if (p->error || err->kind != PARSE_ERR_NONE)
        result = NULL;
    if (mode != PARSE_MODE_EXEC)
        err->text_from_file = 0;
    if (!result && err->kind == PARSE_ERR_NONE) {
        err->kind = PARSE_ERR_SYNTAX;
        snprintf(err->msg, sizeof err->msg, "invalid syntax");
    }
    p_free_tokens(p);
    free(buf);
    /* Error text points into the arena, so freeing buf is safe. */
    return result;
}
