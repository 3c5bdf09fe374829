/* parser_string.c: string literals: prefixes, escapes, concatenation, and 3.11 f-strings. */

/*
** In 3.11 an f-string is a single STRING token.  This file splits its body
** into literal text and replacement fields, and parses each field's
** expression with a sub-parser over the text "(expr)" — the parentheses
** let the expression span lines and start with whitespace, exactly as
** CPython 3.11 does (Parser/string_parser.c).  Node positions inside the
** field are shifted to the field's place in the file; the Constant and
** FormattedValue parts of a JoinedStr all carry the position of the whole
** concatenated literal, and a format spec's JoinedStr the position of its
** own token, both quirks of 3.11 that ast.dump() exposes.
**
** Decoded text is UTF-8; lone surrogates produced by \uD800-style escapes
** are encoded as 3-byte generalized UTF-8 ("WTF-8").
*/

#include "parser_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- A byte buffer ------------------------------------------------------------- */

typedef struct {
    char *buf;
    size_t len, cap;
} Buf;

static int buf_grow(Buf *b, size_t need)
{
    if (b->len + need <= b->cap)
        return 1;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + need)
        cap *= 2;
    char *n = realloc(b->buf, cap);
    if (!n)
        return 0;
    b->buf = n;
    b->cap = cap;
    return 1;
}

static int buf_add(Buf *b, const char *s, size_t n)
{
    if (!buf_grow(b, n))
        return 0;
    if (n)
        memcpy(b->buf + b->len, s, n);
    b->len += n;
    return 1;
}

static int buf_cp(Buf *b, unsigned cp)
{
    char u[4];
    size_t n;
    if (cp < 0x80) {
        u[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        u[0] = (char)(0xC0 | (cp >> 6));
        u[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        u[0] = (char)(0xE0 | (cp >> 12));
        u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        u[0] = (char)(0xF0 | (cp >> 18));
        u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    return buf_add(b, u, n);
}

/* ---- Escapes ------------------------------------------------------------------------ */

static int hexval(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static void warn_escape(Parser *p, const Token *t, const char *esc, int len)
{
    char msg[64];
    if (len == 1)
        snprintf(msg, sizeof msg, "invalid escape sequence '\\%c'", esc[0]);
    else
        snprintf(msg, sizeof msg, "invalid octal escape sequence '\\%.*s'", len, esc);
    /* As an error: at the whole token, with its line (newline included). */
    const char *eol = t->line_start ? strchr(t->line_start, '\n') : NULL;
    size_t tlen = !t->line_start ? 0 : eol ? (size_t)(eol - t->line_start) + 1 : strlen(t->line_start);
    ast_arena_warn(p->arena, AST_WARN_DEPRECATION, t->lineno, t->col_offset + 1,
                   t->end_lineno == t->lineno ? t->end_col_offset + 1 : t->col_offset + 1, t->line_start, tlen, msg);
}

/* Decode the body s[0..n) of a non-raw literal into b.  bytes selects the
** bytes escapes.  Returns 0 with an error set on failure. */
static int decode_escapes(Parser *p, const Token *t, const char *s, size_t n, int bytes, Buf *b)
{
    const char *e = s + n;
    while (s < e) {
        const char *bs = memchr(s, '\\', (size_t)(e - s));
        if (!bs) {
            if (!buf_add(b, s, (size_t)(e - s)))
                goto nomem;
            break;
        }
        if (!buf_add(b, s, (size_t)(bs - s)))
            goto nomem;
        s = bs + 1;
        if (s >= e) {
            /* A trailing backslash cannot happen: the tokenizer skipped the
            ** character after every backslash. */
            if (!buf_add(b, "\\", 1))
                goto nomem;
            break;
        }
        char c = *s++;
        unsigned v;
        switch (c) {
        case '\n': break;
        case '\\': buf_add(b, "\\", 1); break;
        case '\'': buf_add(b, "'", 1); break;
        case '"': buf_add(b, "\"", 1); break;
        case 'a': buf_add(b, "\a", 1); break;
        case 'b': buf_add(b, "\b", 1); break;
        case 'f': buf_add(b, "\f", 1); break;
        case 'n': buf_add(b, "\n", 1); break;
        case 'r': buf_add(b, "\r", 1); break;
        case 't': buf_add(b, "\t", 1); break;
        case 'v': buf_add(b, "\v", 1); break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            const char *os = s - 1;
            v = (unsigned)(c - '0');
            if (s < e && *s >= '0' && *s <= '7') {
                v = v * 8 + (unsigned)(*s++ - '0');
                if (s < e && *s >= '0' && *s <= '7')
                    v = v * 8 + (unsigned)(*s++ - '0');
            }
            if (v > 0377) {
                warn_escape(p, t, os, (int)(s - os));
                if (bytes)
                    v &= 0xFF;
            }
            if (bytes) {
                char ch = (char)v;
                buf_add(b, &ch, 1);
            } else {
                buf_cp(b, v);
            }
            break;
        }
        case 'x': {
            int h1 = s < e ? hexval(s[0]) : -1, h2 = s + 1 < e ? hexval(s[1]) : -1;
            if (h1 < 0 || h2 < 0) {
                if (bytes)
                    p_error_last(p, PARSE_ERR_SYNTAX, "(value error) invalid \\x escape at position %d",
                                 (int)(bs - (e - n)));
                else
                    p_error_last(p, PARSE_ERR_SYNTAX,
                                 "(unicode error) 'unicodeescape' codec can't decode bytes in "
                                 "position %d-%d: truncated \\xXX escape",
                                 (int)(bs - (e - n)), (int)(s - (e - n)) - 1 + (h1 >= 0));
                return 0;
            }
            s += 2;
            v = (unsigned)(h1 * 16 + h2);
            if (bytes) {
                char ch = (char)v;
                buf_add(b, &ch, 1);
            } else {
                buf_cp(b, v);
            }
            break;
        }
        case 'u':
        case 'U':
            if (!bytes) {
                int nd = c == 'u' ? 4 : 8;
                v = 0;
                int k;
                for (k = 0; k < nd && s + k < e && hexval(s[k]) >= 0; k++)
                    v = v * 16 + (unsigned)hexval(s[k]);
                if (k < nd) {
                    p_error_last(p, PARSE_ERR_SYNTAX,
                                 "(unicode error) 'unicodeescape' codec can't decode bytes in "
                                 "position %d-%d: truncated \\%c%s escape",
                                 (int)(bs - (e - n)), (int)(s + k - (e - n)) - 1, c,
                                 c == 'u' ? "XXXX" : "XXXXXXXX");
                    return 0;
                }
                if (v > 0x10FFFF) {
                    p_error_last(p, PARSE_ERR_SYNTAX,
                                 "(unicode error) 'unicodeescape' codec can't decode bytes in "
                                 "position %d-%d: illegal Unicode character",
                                 (int)(bs - (e - n)), (int)(s + k - (e - n)) - 1);
                    return 0;
                }
                s += nd;
                buf_cp(b, v);
                break;
            }
            /* fall through */
        case 'N':
            if (!bytes && c == 'N') {
                /* \N{NAME}: CPython's messages and byte positions within the
                ** literal's body. */
                int start = (int)(bs - (e - n));
                if (s >= e || *s != '{') {
                    p_error_last(p, PARSE_ERR_SYNTAX,
                                 "(unicode error) 'unicodeescape' codec can't decode bytes in "
                                 "position %d-%d: malformed \\N character escape",
                                 start, (int)(s - (e - n)) - 1 + (s < e));
                    return 0;
                }
                const char *nm = s + 1, *close = nm;
                while (close < e && *close != '}')
                    close++;
                uint32_t cp;
                if (close >= e || close == nm) {
                    p_error_last(p, PARSE_ERR_SYNTAX,
                                 "(unicode error) 'unicodeescape' codec can't decode bytes in "
                                 "position %d-%d: malformed \\N character escape",
                                 start, (int)((close < e ? close : e) - (e - n)) - (close >= e));
                    return 0;
                }
                if (!unicode_name_lookup(nm, (size_t)(close - nm), &cp)) {
                    p_error_last(p, PARSE_ERR_SYNTAX,
                                 "(unicode error) 'unicodeescape' codec can't decode bytes in "
                                 "position %d-%d: unknown Unicode character name",
                                 start, (int)(close - (e - n)));
                    return 0;
                }
                buf_cp(b, cp);
                s = close + 1;
                break;
            }
            /* fall through */
        default:
            warn_escape(p, t, s - 1, 1);
            buf_add(b, "\\", 1);
            s--;   /* the character itself is kept */
            break;
        }
    }
    return 1;
nomem:
    p_nomem(p);
    return 0;
}

/* ---- One token ---------------------------------------------------------------------- */

typedef struct {
    int bytes, raw, fmode, u;
    const char *body;     /* between the quotes */
    size_t len;
} StrTok;

/* Bytes without a coding declaration (Parser.raw_bytes) may hold invalid
** UTF-8: CPython decodes a string's text when it parses it, all at once
** when the text is raw or has no backslash, else run by run of non-ASCII
** bytes (in its escape decoder), and reports the first failure as
** "(unicode error) ..." at the last token read.  1 if the text is valid. */
static int check_utf8_text(Parser *p, const char *s, size_t n, int whole)
{
    if (!p->raw_bytes)
        return 1;
    char m[200];
    if (whole) {
        size_t a, b;
        const char *why;
        if (!tok_utf8_error(s, n, &a, &b, &why))
            return 1;
        tok_utf8_error_message(m, sizeof m, s, n);
    } else {
        size_t i = 0;
        for (;;) {
            while (i < n && !((unsigned char)s[i] & 0x80))
                i++;
            if (i == n)
                return 1;
            size_t j = i, a, b;
            const char *why;
            while (j < n && ((unsigned char)s[j] & 0x80))
                j++;
            if (tok_utf8_error(s + i, j - i, &a, &b, &why)) {
                tok_utf8_error_message(m, sizeof m, s + i, j - i);
                break;
            }
            i = j;
        }
    }
    p_error_last(p, PARSE_ERR_UNICODE, "(unicode error) %s", m);
    return 0;
}

static void split_token(const Token *t, StrTok *st)
{
    memset(st, 0, sizeof *st);
    const char *s = t->start;
    while (*s != '\'' && *s != '"') {
        switch (*s | 0x20) {
        case 'b': st->bytes = 1; break;
        case 'r': st->raw = 1; break;
        case 'f': st->fmode = 1; break;
        case 'u': st->u = 1; break;
        }
        s++;
    }
    char q = *s;
    size_t total = (size_t)(t->end - s);
    int qn = (total >= 6 && s[1] == q && s[2] == q) ? 3 : 1;
    st->body = s + qn;
    st->len = total - 2 * (size_t)qn;
}

/* ---- f-strings ------------------------------------------------------------------------ */

typedef struct {
    PList values;         /* Constant / FormattedValue nodes */
    Buf last;             /* pending literal text */
    int has_last;
    int fmode;
} FState;

typedef struct {
    const Token *first, *last;   /* the whole concatenation */
    const Token *t;              /* the current token */
    int raw;
} FCtx;

static ASTNode *make_str(Parser *p, FState *st, const Token *first, const Token *last)
{
    ASTNode *c = ast_node_new(p->arena, AST_Constant, first->lineno, first->col_offset,
                              last->end_lineno, last->end_col_offset);
    if (!c)
        return p_nomem(p);
    c->v.Constant.value.kind = CONST_STR;
    c->v.Constant.value.s = ast_arena_strndup(p->arena, st->last.buf ? st->last.buf : "", st->last.len);
    c->v.Constant.value.len = st->last.len;
    /* CPython looks at the first character of the first token only. */
    if (first->start[0] == 'u')
        c->v.Constant.kind = "u";
    st->last.len = 0;
    st->has_last = 0;
    return c;
}

static int fstate_add_text(Parser *p, FState *st, const char *s, size_t n)
{
    if (n == 0)
        return 1;
    if (!buf_add(&st->last, s, n)) {
        p_nomem(p);
        return 0;
    }
    st->has_last = 1;
    return 1;
}

static int fstring_parse(Parser *p, FCtx *cx, FState *st, const char **str, const char *end,
                         int recurse_lvl);

static ASTNode *finish_fstate(Parser *p, FState *st, const Token *first, const Token *last)
{
    if (!st->fmode) {
        ASTNode *c = make_str(p, st, first, last);
        plist_free(&st->values);
        return c;
    }
    if (st->has_last) {
        ASTNode *c = make_str(p, st, first, last);
        if (!c)
            return NULL;
        plist_push(p, &st->values, c);
    }
    ASTNode *j = ast_node_new(p->arena, AST_JoinedStr, first->lineno, first->col_offset,
                              last->end_lineno, last->end_col_offset);
    if (!j)
        return p_nomem(p);
    j->v.JoinedStr.values = plist_seq(p, &st->values);
    return j;
}

/* Parse one replacement field; *str is at its '{'. */
static ASTNode *fstring_find_expr(Parser *p, FCtx *cx, FState *st, const char **str, const char *end,
                                  int recurse_lvl)
{
    const char *s = *str + 1;
    const char *expr_start = s;
    char parenstack[TOK_MAXLEVEL];
    int nested = 0;
    char quote = 0;
    int string_type = 0;
    if (recurse_lvl >= 2)
        return p_error_last(p, PARSE_ERR_SYNTAX, "f-string: expressions nested too deeply");
    while (s < end) {
        char ch = *s;
        if (ch == '\\')
            return p_error_last(p, PARSE_ERR_SYNTAX, "f-string expression part cannot include a backslash");
        if (quote) {
            if (ch == quote) {
                if (string_type == 3) {
                    if (s + 2 < end && s[1] == ch && s[2] == ch) {
                        s += 3;
                        string_type = 0;
                        quote = 0;
                        continue;
                    }
                } else {
                    string_type = 0;
                    quote = 0;
                    s++;
                    continue;
                }
            }
            s++;
            continue;
        }
        if (ch == '\'' || ch == '"') {
            if (s + 2 < end && s[1] == ch && s[2] == ch) {
                string_type = 3;
                s += 2;
            } else {
                string_type = 1;
            }
            quote = ch;
        } else if (ch == '[' || ch == '{' || ch == '(') {
            if (nested >= TOK_MAXLEVEL)
                return p_error_last(p, PARSE_ERR_SYNTAX, "f-string: too many nested parenthesis");
            parenstack[nested++] = ch;
        } else if (ch == '#') {
            return p_error_last(p, PARSE_ERR_SYNTAX, "f-string expression part cannot include '#'");
        } else if (nested == 0 && (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' ||
                                   ch == '<')) {
            if (s + 1 < end) {
                char next = s[1];
                if (ch == '!' && next == '=') {
                    s += 2;
                    continue;
                }
                if (ch == '=' && next == '=') {
                    s += 2;
                    continue;
                }
                if ((ch == '<' || ch == '>') && next == '=') {
                    s += 2;
                    continue;
                }
            }
            if (ch == '>' || ch == '<') {
                s++;
                continue;
            }
            break;
        } else if (ch == ']' || ch == '}' || ch == ')') {
            if (!nested)
                return p_error_last(p, PARSE_ERR_SYNTAX, "f-string: unmatched '%c'", ch);
            char open = parenstack[--nested];
            if (!((open == '[' && ch == ']') || (open == '{' && ch == '}') || (open == '(' && ch == ')')))
                return p_error_last(p, PARSE_ERR_SYNTAX,
                                    "f-string: closing parenthesis '%c' does not match opening parenthesis '%c'",
                                    ch, open);
        }
        s++;
    }
    const char *expr_end = s;
    if (quote)
        return p_error_last(p, PARSE_ERR_SYNTAX, "f-string: unterminated string");
    if (nested)
        return p_error_last(p, PARSE_ERR_SYNTAX, "f-string: unmatched '%c'", parenstack[nested - 1]);
    if (s >= end)
        return p_error_last(p, PARSE_ERR_SYNTAX, "f-string: expecting '}'");

    /* The expression must not be empty or all whitespace. */
    const char *w = expr_start;
    while (w < expr_end && (*w == ' ' || *w == '\t' || *w == '\n' || *w == '\f'))
        w++;
    if (w == expr_end) {
        if (*expr_end == '!' || *expr_end == ':' || *expr_end == '=')
            return p_error_last(p, PARSE_ERR_SYNTAX, "f-string: expression required before '%c'", *expr_end);
        return p_error_last(p, PARSE_ERR_SYNTAX, "f-string: empty expression not allowed");
    }

    /* Where the field sits in the file: lines before the '{' within the
    ** token, and the column shift for the expression's first line. */
    const Token *t = cx->t;
    int lines = 0, cols = 0;
    {
        const char *brace = expr_start - 1;
        int newline_after_brace = 1;
        for (const char *q = expr_start; q < end && *q != '}' && *q != '\n'; q++) {
            if (*q != ' ' && *q != '\t' && *q != '\f') {
                newline_after_brace = 0;
                break;
            }
        }
        if (!newline_after_brace) {
            const char *q = brace;
            while (q > t->start && *q != '\n')
                q--;
            cols = (int)(brace - q);
            if (*q == '\n')
                cols -= 1;
        }
        for (const char *q = t->start; q < brace; q++)
            if (*q == '\n')
                lines++;
    }
    int first_col = lines != 0 ? cols : t->col_offset + cols;
    ASTNode *value = p_parse_fstring_expr(p, expr_start, (size_t)(expr_end - expr_start),
                                          t->lineno + lines, first_col);
    if (!value)
        return NULL;

    /* The '=' debug specifier keeps the expression text. */
    int debug = 0;
    if (*s == '=') {
        if (p->feature_version < 8)
            return p_error_last(p, PARSE_ERR_SYNTAX, "%sself documenting expressions are only supported in "
                                "Python 3.8 and greater", p->fstring_level ? "" : "f-string: ");
        s++;
        /* Whitespace after the '=' belongs to the text too. */
        while (s < end && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f' ||
                           *s == '\v'))
            s++;
        if (s >= end)
            return p_error_last(p, PARSE_ERR_SYNTAX, "f-string: expecting '}'");
        debug = 1;
        if (!fstate_add_text(p, st, expr_start, (size_t)(s - expr_start)))
            return NULL;
    }
    int conversion = -1;
    if (*s == '!') {
        s++;
        if (s >= end)
            return p_error_last(p, PARSE_ERR_SYNTAX, "f-string: expecting '}'");
        conversion = (unsigned char)*s++;
        if (conversion != 's' && conversion != 'r' && conversion != 'a')
            return p_error_last(p, PARSE_ERR_SYNTAX,
                                "f-string: invalid conversion character: expected 's', 'r', or 'a'");
    }
    if (s >= end)
        return p_error_last(p, PARSE_ERR_SYNTAX, "f-string: expecting '}'");
    ASTNode *spec = NULL;
    if (*s == ':') {
        s++;
        if (s >= end)
            return p_error_last(p, PARSE_ERR_SYNTAX, "f-string: expecting '}'");
        FState sub;
        memset(&sub, 0, sizeof sub);
        plist_init(&sub.values);
        sub.fmode = 1;
        if (!fstring_parse(p, cx, &sub, &s, end, recurse_lvl + 1)) {
            plist_free(&sub.values);
            free(sub.last.buf);
            return NULL;
        }
        spec = finish_fstate(p, &sub, cx->t, cx->t);
        free(sub.last.buf);
        if (!spec)
            return NULL;
    }
    if (s >= end || *s != '}')
        return p_error_last(p, PARSE_ERR_SYNTAX, "f-string: expecting '}'");
    s++;
    if (debug && conversion == -1 && !spec)
        conversion = 'r';
    *str = s;
    ASTNode *fv = ast_node_new(p->arena, AST_FormattedValue, cx->first->lineno,
                               cx->first->col_offset, cx->last->end_lineno, cx->last->end_col_offset);
    if (!fv)
        return p_nomem(p);
    fv->v.FormattedValue.value = value;
    fv->v.FormattedValue.conversion = conversion;
    fv->v.FormattedValue.format_spec = spec;
    return fv;
}

/* Literal text up to the next replacement field (or '}' ending a format
** spec).  Returns 1 when a doubled brace was consumed (scan again), 0
** otherwise, -1 on error. */
static int fstring_find_literal(Parser *p, FCtx *cx, FState *st, const char **str,
                                const char *end, int recurse_lvl)
{
    const char *s = *str, *lit = s;
    int result = 0;
    while (s < end) {
        char ch = *s++;
        if (!cx->raw && ch == '\\' && s < end) {
            ch = *s++;
            if (ch == 'N') {
                if (s < end && *s++ == '{') {
                    while (s < end && *s++ != '}')
                        ;
                    continue;
                }
                continue;
            }
            if (ch == '{')
                warn_escape(p, cx->t, "{", 1);
        }
        if (ch == '{' || ch == '}') {
            if (recurse_lvl == 0) {
                if (s < end && *s == ch) {
                    *str = s + 1;
                    result = 1;
                    goto done;
                }
                if (ch == '}') {
                    *str = s - 1;
                    p_error_last(p, PARSE_ERR_SYNTAX, "f-string: single '}' is not allowed");
                    return -1;
                }
            }
            s--;
            break;
        }
    }
    *str = s;
done:
    if (lit != s && !check_utf8_text(p, lit, (size_t)(s - lit), cx->raw))
        return -1;
    if (lit != s) {
        if (cx->raw) {
            if (!fstate_add_text(p, st, lit, (size_t)(s - lit)))
                return -1;
        } else {
            Buf b = {0};
            if (!decode_escapes(p, cx->t, lit, (size_t)(s - lit), 0, &b)) {
                free(b.buf);
                return -1;
            }
            int ok = fstate_add_text(p, st, b.buf, b.len);
            free(b.buf);
            if (!ok)
                return -1;
        }
    }
    return result;
}

static int fstring_parse(Parser *p, FCtx *cx, FState *st, const char **str, const char *end,
                         int recurse_lvl)
{
    st->fmode = 1;
    for (;;) {
        int r = fstring_find_literal(p, cx, st, str, end, recurse_lvl);
        if (r < 0)
            return 0;
        if (r == 1)
            continue;
        if (*str >= end || **str == '}')
            break;
        ASTNode *fv = fstring_find_expr(p, cx, st, str, end, recurse_lvl);
        if (!fv)
            return 0;
        if (st->has_last) {
            ASTNode *c = make_str(p, st, cx->first, cx->last);
            if (!c)
                return 0;
            plist_push(p, &st->values, c);
        }
        plist_push(p, &st->values, fv);
    }
    if (recurse_lvl == 0 && *str < end - 1) {
        p_error_last(p, PARSE_ERR_SYNTAX, "f-string: unexpected end of string");
        return 0;
    }
    if (recurse_lvl != 0 && (*str >= end || **str != '}')) {
        p_error_last(p, PARSE_ERR_SYNTAX, "f-string: expecting '}'");
        return 0;
    }
    return 1;
}

/* ---- Concatenation ------------------------------------------------------------------------ */

static int is_ascii(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0x80)
            return 0;
    return 1;
}

ASTNode *p_concat_strings(Parser *p, int first, int last)
{
    const Token *ft = p->tokens[first], *lt = p->tokens[last];
    FState st;
    memset(&st, 0, sizeof st);
    plist_init(&st.values);
    Buf bytes = {0};
    int bytesmode = 0;
    ASTNode *result = NULL;
    for (int i = first; i <= last; i++) {
        const Token *t = p->tokens[i];
        StrTok s;
        split_token(t, &s);
        if (s.fmode && !p_check_version(p, 6, "Format strings are"))
            goto out;
        if (s.bytes && !is_ascii(s.body, s.len)) {
            p_error_last(p, PARSE_ERR_SYNTAX, "bytes can only contain ASCII literal characters");
            goto out;
        }
        Buf dec = {0};
        if (!s.fmode && !s.bytes && !check_utf8_text(p, s.body, s.len, s.raw || !memchr(s.body, '\\', s.len)))
            goto out;
        if (!s.fmode) {
            if (s.raw) {
                if (!buf_add(&dec, s.body, s.len)) {
                    p_nomem(p);
                    goto out;
                }
            } else if (!decode_escapes(p, t, s.body, s.len, s.bytes, &dec)) {
                free(dec.buf);
                goto out;
            }
        }
        if (i != first && bytesmode != s.bytes) {
            free(dec.buf);
            p_error_last(p, PARSE_ERR_SYNTAX, "cannot mix bytes and nonbytes literals");
            goto out;
        }
        bytesmode = s.bytes;
        if (s.fmode) {
            FCtx cx = {.first = ft, .last = lt, .t = t, .raw = s.raw};
            const char *str = s.body;
            if (!fstring_parse(p, &cx, &st, &str, s.body + s.len, 0))
                goto out;
        } else if (bytesmode) {
            if (!buf_add(&bytes, dec.buf ? dec.buf : "", dec.len)) {
                free(dec.buf);
                p_nomem(p);
                goto out;
            }
        } else {
            if (!fstate_add_text(p, &st, dec.buf ? dec.buf : "", dec.len)) {
                free(dec.buf);
                goto out;
            }
        }
        free(dec.buf);
    }
    if (bytesmode) {
        result = ast_node_new(p->arena, AST_Constant, ft->lineno, ft->col_offset, lt->end_lineno,
                              lt->end_col_offset);
        if (!result) {
            p_nomem(p);
            goto out;
        }
        result->v.Constant.value.kind = CONST_BYTES;
        result->v.Constant.value.s = ast_arena_strndup(p->arena, bytes.buf ? bytes.buf : "", bytes.len);
        result->v.Constant.value.len = bytes.len;
    } else {
        result = finish_fstate(p, &st, ft, lt);
    }
out:
    if (!result)
        plist_free(&st.values);
    free(st.last.buf);
    free(bytes.buf);
    return result;
}

/* ---- The f-string expression sub-parser ------------------------------------------------------ */

ASTNode *p_parse_fstring_expr(Parser *p, const char *text, size_t len, int lineno, int col)
{
    char *buf = malloc(len + 4);
    if (!buf)
        return p_nomem(p);
    buf[0] = '(';
    memcpy(buf + 1, text, len);
    buf[len + 1] = ')';
    buf[len + 2] = '\n';
    buf[len + 3] = 0;
    Tokenizer tok;
    tok_init(&tok, buf, len + 3, lineno, col, p->arena);
    tok.fstring_mode = 1;
    tok.async_hacks = p->feature_version < 7;
    tok.check_utf8 = p->raw_bytes;
    Parser sub;
    memset(&sub, 0, sizeof sub);
    sub.arena = p->arena;
    sub.tok = &tok;
    sub.perr = p->perr;
    sub.mode = PARSE_MODE_EVAL;
    sub.flags = p->flags;
    sub.filename = p->filename;
    sub.parent = p;
    sub.fstring_level = p->fstring_level + 1;
    sub.depth = p->depth;
    sub.memo_gen = 1;
    sub.feature_version = p->feature_version;
    sub.raw_bytes = p->raw_bytes;
    sub.src = p->src;
    sub.src_len = p->src_len;
    ASTNode *e = NULL;
    for (int pass = 0; pass < 2 && !e && !sub.error; pass++) {
        sub.mark = 0;
        sub.invalid_pass = pass;
        sub.memo_gen++;
        e = p_star_expressions(&sub);
        if (e && !p_at(&sub, T_NEWLINE) && !p_at(&sub, T_ENDMARKER))
            e = NULL;
    }
    if (!e && !sub.error) {
        Token *last = sub.fill ? sub.tokens[sub.fill - 1] : NULL;
        if (last && last->type == T_ERRORTOKEN && tok.eof_in_parens) {
            p_error_last(&sub, PARSE_ERR_SYNTAX, "expecting '}'");
        } else if (last) {
            p_error_at(&sub, PARSE_ERR_SYNTAX, last->lineno, last->col_offset, last->end_lineno,
                       last->end_col_offset, "invalid syntax");
        } else {
            p_error_last(&sub, PARSE_ERR_SYNTAX, "invalid syntax");
        }
    }
    if (sub.error)
        p->error = 1;
    p_free_tokens(&sub);
    free(buf);
    return sub.error ? NULL : e;
}
