/* tokenizer.c: turns UTF-8 source into Python 3.11 tokens, one at a time. */

/*
** The tokenizer works on a buffer that the parser has already decoded to
** UTF-8 (encoding declaration, BOM) and terminated with "\n\0", so it never
** has to ask for more input: `*cur == 0` is the end of the text.
**
** Tokens are produced on demand because error precedence depends on it:
** CPython reports a syntax error on line 5 before noticing a bad character
** on line 90, and we must report the same error.
**
** Indentation follows CPython: a line's column is computed twice, with tabs
** to multiples of 8 (col) and with tabs counted as 1 (altcol).  The two
** orders must agree with the indentation stack, or the use of tabs depends
** on the tab size, which is a TabError.
**
** A string token is only delimited here (prefix, quotes, escapes skipped);
** decoding and f-string splitting happen in parser_string.c.  In 3.11 an
** f-string is a single STRING token, so a quote of the same kind inside a
** replacement field ends it, as in CPython.
*/

#include "tokenizer.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unicode_tables.h"

#define TABSIZE 8

static const char *const tok_texts[] = {
#define S(n) #n,
#define O(n, s) s,
#define K(n, s) s,
    TOKEN_LIST(S, O, K)
#undef S
#undef O
#undef K
};

const char *tok_type_text(TokType t)
{
    if ((int)t < 0 || t >= T_COUNT)
        return "?";
    return tok_texts[t];
}

/* ---- Unicode helpers ---------------------------------------------------- */

static int in_ranges(const uint32_t (*r)[2], int n, unsigned c)
{
    int lo = 0, hi = n - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (c < r[mid][0])
            hi = mid - 1;
        else if (c > r[mid][1])
            lo = mid + 1;
        else
            return 1;
    }
    return 0;
}

int tok_is_xid_start(unsigned c)
{
    if (c < 128)
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    return in_ranges(uni_xid_start, (int)(sizeof uni_xid_start / sizeof uni_xid_start[0]), c);
}

int tok_is_xid_continue(unsigned c)
{
    if (c < 128)
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
               (c >= '0' && c <= '9');
    return in_ranges(uni_xid_continue,
                     (int)(sizeof uni_xid_continue / sizeof uni_xid_continue[0]), c);
}

static int is_printable(unsigned c)
{
    if (c < 0x20 || c == 0x7f)
        return 0;
    if (c < 0x7f)
        return 1;
    return !in_ranges(uni_nonprintable,
                      (int)(sizeof uni_nonprintable / sizeof uni_nonprintable[0]), c);
}

/* Decode one UTF-8 sequence (the buffer is valid UTF-8). */
static unsigned utf8_decode(const char *s, int *len)
{
    const unsigned char *p = (const unsigned char *)s;
    if (p[0] < 0x80) {
        *len = 1;
        return p[0];
    }
    if ((p[0] & 0xE0) == 0xC0 && p[1]) {
        *len = 2;
        return ((p[0] & 0x1Fu) << 6) | (p[1] & 0x3Fu);
    }
    if ((p[0] & 0xF0) == 0xE0 && p[1] && p[2]) {
        *len = 3;
        return ((p[0] & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
    }
    if ((p[0] & 0xF8) == 0xF0 && p[1] && p[2] && p[3]) {
        *len = 4;
        return ((p[0] & 0x07u) << 18) | ((p[1] & 0x3Fu) << 12) | ((p[2] & 0x3Fu) << 6) |
               (p[3] & 0x3Fu);
    }
    *len = 1;
    return p[0];
}

static int nfkd_lookup(unsigned cp, const char **to, unsigned *delta)
{
    int lo = 0, hi = (int)(sizeof uni_nfkd / sizeof uni_nfkd[0]) - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (cp < uni_nfkd[mid].start)
            hi = mid - 1;
        else if (cp >= uni_nfkd[mid].start + uni_nfkd[mid].len)
            lo = mid + 1;
        else {
            *to = uni_nfkd[mid].to;
            *delta = cp - uni_nfkd[mid].start;
            return 1;
        }
    }
    return 0;
}

static unsigned compose_pair(unsigned a, unsigned b)
{
    /* Hangul syllables compose algorithmically. */
    if (a >= 0x1100 && a < 0x1113 && b >= 0x1161 && b < 0x1176)
        return 0xAC00 + ((a - 0x1100) * 21 + (b - 0x1161)) * 28;
    if (a >= 0xAC00 && a < 0xD7A4 && (a - 0xAC00) % 28 == 0 && b > 0x11A7 && b < 0x11C3)
        return a + (b - 0x11A7);
    int lo = 0, hi = (int)(sizeof uni_compose / sizeof uni_compose[0]) - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (a < uni_compose[mid][0] || (a == uni_compose[mid][0] && b < uni_compose[mid][1]))
            hi = mid - 1;
        else if (a > uni_compose[mid][0] || b > uni_compose[mid][1])
            lo = mid + 1;
        else
            return uni_compose[mid][2];
    }
    return 0;
}

static unsigned ccc_of(unsigned c)
{
    if (c < 0x300)
        return 0;
    int lo = 0, hi = (int)(sizeof uni_ccc / sizeof uni_ccc[0]) - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (c < uni_ccc[mid][0])
            hi = mid - 1;
        else if (c > uni_ccc[mid][1])
            lo = mid + 1;
        else
            return uni_ccc[mid][2];
    }
    return 0;
}

static size_t put_utf8(char *out, unsigned t)
{
    if (t < 0x80) {
        out[0] = (char)t;
        return 1;
    }
    if (t < 0x800) {
        out[0] = (char)(0xC0 | (t >> 6));
        out[1] = (char)(0x80 | (t & 0x3F));
        return 2;
    }
    if (t < 0x10000) {
        out[0] = (char)(0xE0 | (t >> 12));
        out[1] = (char)(0x80 | ((t >> 6) & 0x3F));
        out[2] = (char)(0x80 | (t & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (t >> 18));
    out[1] = (char)(0x80 | ((t >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((t >> 6) & 0x3F));
    out[3] = (char)(0x80 | (t & 0x3F));
    return 4;
}

/* Identifiers are NFKC-normalized (PEP 3131), by the UAX #15 algorithm:
** compatibility decomposition (table, Hangul by arithmetic), canonical
** ordering of combining marks, canonical composition. */
char *tok_normalize_identifier(Arena *a, const char *s, size_t n)
{
    /* Code points after decomposition (at most 18 per character). */
    size_t cap = n * 18 + 1, m = 0;
    unsigned *cps = malloc(cap * sizeof(unsigned));
    if (!cps)
        return NULL;
    const char *e = s + n;
    while (s < e) {
        int len;
        unsigned cp = utf8_decode(s, &len);
        const char *to;
        unsigned delta;
        if (cp >= 0xAC00 && cp < 0xD7A4) {
            unsigned si = cp - 0xAC00;
            cps[m++] = 0x1100 + si / (21 * 28);
            cps[m++] = 0x1161 + (si % (21 * 28)) / 28;
            if (si % 28)
                cps[m++] = 0x11A7 + si % 28;
        } else if (cp >= 128 && nfkd_lookup(cp, &to, &delta)) {
            if (delta == 0) {
                while (*to) {
                    int tl;
                    cps[m++] = utf8_decode(to, &tl);
                    to += tl;
                }
            } else {
                int tl;
                cps[m++] = utf8_decode(to, &tl) + delta;
            }
        } else {
            cps[m++] = cp;
        }
        s += len;
    }
    /* Canonical ordering: a stable insertion sort of each run of marks. */
    for (size_t i = 1; i < m; i++) {
        unsigned c = cps[i], k = ccc_of(c);
        if (k == 0)
            continue;
        size_t j = i;
        while (j > 0 && ccc_of(cps[j - 1]) > k) {
            cps[j] = cps[j - 1];
            j--;
        }
        cps[j] = c;
    }
    /* Canonical composition. */
    size_t w = 0, starter = 0;
    int have_starter = 0;
    unsigned last_class = 0;
    for (size_t i = 0; i < m; i++) {
        unsigned c = cps[i], k = ccc_of(c), comp;
        if (have_starter && (last_class < k || (last_class == 0 && w == starter + 1)) &&
            (comp = compose_pair(cps[starter], c)) != 0) {
            cps[starter] = comp;
            continue;
        }
        if (k == 0) {
            starter = w;
            have_starter = 1;
        }
        last_class = k;
        cps[w++] = c;
    }
    char *out = ast_arena_alloc(a, w * 4 + 1);
    if (!out) {
        free(cps);
        return NULL;
    }
    size_t o = 0;
    for (size_t i = 0; i < w; i++)
        o += put_utf8(out + o, cps[i]);
    out[o] = 0;
    free(cps);
    return out;
}

int tok_utf8_error(const char *s, size_t n, size_t *start, size_t *end, const char **reason)
{
    const unsigned char *u = (const unsigned char *)s;
#define CONT(b) (((b) & 0xC0) == 0x80)
    for (size_t i = 0; i < n;) {
        unsigned c = u[i];
        size_t left = n - i, bad = 0;
        const char *why = "invalid continuation byte";
        if (c < 0x80) {
            i++;
            continue;
        } else if (c < 0xC2) {
            bad = 1, why = "invalid start byte";
        } else if (c < 0xE0) {
            if (left < 2) bad = left, why = "unexpected end of data";
            else if (!CONT(u[i + 1])) bad = 1;
            else { i += 2; continue; }
        } else if (c < 0xF0) {
            if (left >= 2 && (!CONT(u[i + 1]) || (c == 0xE0 && u[i + 1] < 0xA0) || (c == 0xED && u[i + 1] >= 0xA0))) bad = 1;
            else if (left < 3) bad = left, why = "unexpected end of data";
            else if (!CONT(u[i + 2])) bad = 2;
            else { i += 3; continue; }
        } else if (c < 0xF5) {
            if (left >= 2 && (!CONT(u[i + 1]) || (c == 0xF0 && u[i + 1] < 0x90) || (c == 0xF4 && u[i + 1] >= 0x90))) bad = 1;
            else if (left >= 3 && !CONT(u[i + 2])) bad = 2;
            else if (left < 4) bad = left, why = "unexpected end of data";
            else if (!CONT(u[i + 3])) bad = 3;
            else { i += 4; continue; }
        } else {
            bad = 1, why = "invalid start byte";
        }
        *start = i;
        *end = i + bad;
        *reason = why;
        return 1;
    }
#undef CONT
    return 0;
}

void tok_utf8_error_message(char *buf, size_t size, const char *s, size_t n)
{
    size_t a = 0, b = 0;
    const char *why = "";
    tok_utf8_error(s, n, &a, &b, &why);
    if (b - a == 1)
        snprintf(buf, size, "'utf-8' codec can't decode byte 0x%02x in position %zu: %s", (unsigned char)s[a], a, why);
    else
        snprintf(buf, size, "'utf-8' codec can't decode bytes in position %zu-%zu: %s", a, b - 1, why);
}

char *tok_utf8_replace(Arena *a, const char *s, size_t n)
{
    char *out = ast_arena_alloc(a, n * 3 + 1);
    if (!out)
        return NULL;
    size_t o = 0, i = 0, st, en;
    const char *why;
    while (i < n && tok_utf8_error(s + i, n - i, &st, &en, &why)) {
        memcpy(out + o, s + i, st);
        o += st;
        memcpy(out + o, "\xEF\xBF\xBD", 3);   /* U+FFFD */
        o += 3;
        i += en;
    }
    memcpy(out + o, s + i, n - i);
    out[o + n - i] = 0;
    return out;
}

int tok_char_offset(const char *s, size_t n)
{
    int count = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            count++;
    return count;
}

/* ---- Errors --------------------------------------------------------------- */

/* Record an error whose SyntaxError.offset is the number of characters
** from line_start to pos (CPython's tokenizer reports the offset of the
** last character it consumed), and end_offset likewise for endpos. */
static TokType tok_error_at(Tokenizer *t, ParseErrorKind kind, int lineno,
                            const char *line_start, const char *pos, const char *endpos,
                            const char *fmt, ...)
{
    if (t->err.kind != PARSE_ERR_NONE)
        return T_ERRORTOKEN;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(t->err.msg, sizeof t->err.msg, fmt, ap);
    va_end(ap);
    t->err.kind = kind;
    t->err.raised = 1;
    t->err.lineno = lineno;
    t->err.end_lineno = lineno;
    t->err.line_start = line_start;
    t->err.col = tok_char_offset(line_start, (size_t)(pos - line_start));
    t->err.end_col = endpos ? tok_char_offset(line_start, (size_t)(endpos - line_start)) : t->err.col;
    t->at_eof = 1;
    return T_ERRORTOKEN;
}

/* The common case: CPython's syntaxerror(tok, ...) reports the offset of the
** character just consumed, i.e. the count of characters before cur. */
#define SYNTAX_ERROR(t, ...) \
    tok_error_at((t), PARSE_ERR_SYNTAX, (t)->lineno, (t)->line_start, (t)->cur, NULL, __VA_ARGS__)

/* ---- Set-up ----------------------------------------------------------- */

void tok_init(Tokenizer *t, const char *buf, size_t len, int first_lineno,
              int first_col, Arena *arena)
{
    memset(t, 0, sizeof *t);
    t->buf = t->cur = t->line_start = buf;
    t->end = buf + len;
    t->lineno = first_lineno;
    t->buf_lineno = t->prev_buf_lineno = first_lineno;
    t->first_lineno = first_lineno;
    t->first_col = first_col;
    t->first_col_orig = first_col;
    t->atbol = 1;
    t->arena = arena;
}

/* ---- Tokens ----------------------------------------------------------- */

static void tok_newline(Tokenizer *t)
{
    /* cur is just past a '\n'. */
    t->lineno++;
    t->last_line_start = t->line_start;
    t->line_start = t->cur;
    t->prev_buf_lineno = t->buf_lineno;
    t->buf_lineno = t->lineno;
}

/* The same, for a line break inside a token (a string, a continuation). */
static void tok_newline_joined(Tokenizer *t)
{
    int b = t->buf_lineno;
    tok_newline(t);
    t->buf_lineno = b;
}

static int is_potential_identifier_char(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_' || c >= 128;
}

static int is_potential_identifier_start(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 128;
}

static void fill(Tokenizer *t, Token *tok, TokType type, const char *start,
                 int lineno, const char *line_start)
{
    tok->type = type;
    tok->start = start;
    tok->end = t->cur;
    tok->lineno = lineno;
    tok->line_start = line_start;
    tok->level = t->level;
    tok->col_offset = (int)(start - line_start);
    tok->end_lineno = t->lineno;
    tok->end_col_offset = (int)(t->cur - t->line_start);
    /* f-string expressions: tokens ending on the first line are shifted
    ** right by the column of the replacement field in the enclosing file
    ** (CPython decides on the token's end line, for both ends). */
    if (t->first_col && t->lineno == t->first_lineno) {
        tok->col_offset += t->first_col;
        tok->end_col_offset += t->first_col;
    }
}

/* Numbers ------------------------------------------------------------------- */

static int verify_end_of_number(Tokenizer *t, const char *kind)
{
    const unsigned char *p = (const unsigned char *)t->cur;
    int c = *p;
    /* A literal directly followed by a keyword that may legally follow one
    ** ("1if x else y") is accepted with a DeprecationWarning in 3.11. */
    int r = 0;
    if (c == 'a') r = !strncmp((const char *)p + 1, "nd", 2);
    else if (c == 'e') r = !strncmp((const char *)p + 1, "lse", 3);
    else if (c == 'f') r = !strncmp((const char *)p + 1, "or", 2);
    else if (c == 'i') r = p[1] == 'f' || p[1] == 'n' || p[1] == 's';
    else if (c == 'o') r = p[1] == 'r';
    else if (c == 'n') r = !strncmp((const char *)p + 1, "ot", 2);
    if (r) {
        if (t->arena) {
            char msg[64];
            snprintf(msg, sizeof msg, "invalid %s literal", kind);
            /* As an error, CPython's tokenizer reports the characters before
            ** the keyword, and the line without its newline. */
            int col = tok_char_offset(t->line_start, (size_t)(t->cur - t->line_start));
            const char *eol = strchr(t->line_start, '\n');
            size_t tlen = eol ? (size_t)(eol - t->line_start) : strlen(t->line_start);
            ast_arena_warn(t->arena, AST_WARN_SYNTAX, t->lineno, col, col, t->line_start, tlen, msg);
        }
        return 1;
    }
    if (is_potential_identifier_char(c)) {
        /* CPython reports at the literal's last character. */
        SYNTAX_ERROR(t, "invalid %s literal", kind);
        return 0;
    }
    return 1;
}

static int is_digit(int c) { return c >= '0' && c <= '9'; }

/* Digits with single underscores between them; on a bad underscore reports
** "invalid decimal literal" and returns 0. */
static int decimal_tail(Tokenizer *t)
{
    for (;;) {
        while (is_digit((unsigned char)*t->cur))
            t->cur++;
        if (*t->cur != '_')
            return 1;
        t->cur++;
        if (!is_digit((unsigned char)*t->cur)) {
            SYNTAX_ERROR(t, "invalid decimal literal");
            return 0;
        }
    }
}

static TokType tok_number(Tokenizer *t, Token *tok, const char *start)
{
    /* cur is at the first character: a digit, or '.' followed by a digit. */
    const char *p = t->cur;
    if (*p == '0' && (p[1] == 'x' || p[1] == 'X' || p[1] == 'o' || p[1] == 'O' ||
                      p[1] == 'b' || p[1] == 'B')) {
        char k = (char)(p[1] | 0x20);
        const char *kind = k == 'x' ? "hexadecimal" : k == 'o' ? "octal" : "binary";
        t->cur += 2;
        int any = 0;
        for (;;) {
            if (*t->cur == '_')
                t->cur++;
            int c = (unsigned char)*t->cur;
            int ok = k == 'x' ? (is_digit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f'))
                   : k == 'o' ? (c >= '0' && c <= '7') : (c == '0' || c == '1');
            if (!ok) {
                if (k != 'x' && is_digit(c)) {
                    t->cur++;
                    return SYNTAX_ERROR(t, "invalid digit '%c' in %s literal", c, kind);
                }
                if (!any || t->cur[-1] == '_')
                    return SYNTAX_ERROR(t, "invalid %s literal", kind);
                break;
            }
            any = 1;
            while (1) {
                c = (unsigned char)*t->cur;
                ok = k == 'x' ? (is_digit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f'))
                   : k == 'o' ? (c >= '0' && c <= '7') : (c == '0' || c == '1');
                if (!ok)
                    break;
                t->cur++;
            }
            if (*t->cur != '_')
                break;
        }
        if (k != 'x' && is_digit((unsigned char)*t->cur)) {
            int c = (unsigned char)*t->cur;
            t->cur++;
            return SYNTAX_ERROR(t, "invalid digit '%c' in %s literal", c, kind);
        }
        if (!verify_end_of_number(t, kind))
            return T_ERRORTOKEN;
        fill(t, tok, T_NUMBER, start, t->lineno, t->line_start);
        return T_NUMBER;
    }
    int is_float = 0;
    if (*p == '.') {
        /* Fraction without integer part. */
        t->cur++;
        if (!decimal_tail(t))
            return T_ERRORTOKEN;
        is_float = 1;
        goto exponent;
    }
    if (*p == '0') {
        /* A leading 0 may only be followed by more zeros in an integer
        ** (old-style octal is gone); 0123.5, 00e1 and 07j are fine. */
        t->cur++;
        for (;;) {
            if (*t->cur == '_') {
                t->cur++;
                if (!is_digit((unsigned char)*t->cur))
                    return SYNTAX_ERROR(t, "invalid decimal literal");
            }
            if (*t->cur != '0')
                break;
            t->cur++;
        }
        const char *zeros_end = t->cur;
        int nonzero = is_digit((unsigned char)*t->cur);
        if (nonzero && !decimal_tail(t))
            return T_ERRORTOKEN;
        if (*t->cur == '.' || *t->cur == 'e' || *t->cur == 'E' || *t->cur == 'j' || *t->cur == 'J') {
            /* a float or imaginary literal */
        } else if (nonzero) {
            /* CPython reports from the literal's start to just past the
            ** first nonzero digit. */
            return tok_error_at(t, PARSE_ERR_SYNTAX, t->lineno, t->line_start, start + 1, zeros_end + 1,
                                "leading zeros in decimal integer literals are not permitted; "
                                "use an 0o prefix for octal integers");
        }
    } else {
        if (!decimal_tail(t))
            return T_ERRORTOKEN;
    }
    if (*t->cur == '.') {
        t->cur++;
        is_float = 1;
        if (is_digit((unsigned char)*t->cur) && !decimal_tail(t))
            return T_ERRORTOKEN;
    }
exponent:
    if (*t->cur == 'e' || *t->cur == 'E') {
        const char *e = t->cur;
        t->cur++;
        if (*t->cur == '+' || *t->cur == '-') {
            t->cur++;
            if (!is_digit((unsigned char)*t->cur))
                return SYNTAX_ERROR(t, "invalid decimal literal");
        } else if (!is_digit((unsigned char)*t->cur)) {
            /* "1else": the e belongs to a keyword. */
            t->cur = e;
            if (!verify_end_of_number(t, "decimal"))
                return T_ERRORTOKEN;
            fill(t, tok, T_NUMBER, start, t->lineno, t->line_start);
            return T_NUMBER;
        }
        if (!decimal_tail(t))
            return T_ERRORTOKEN;
        is_float = 1;
    }
    if (*t->cur == 'j' || *t->cur == 'J') {
        t->cur++;
        if (!verify_end_of_number(t, "imaginary"))
            return T_ERRORTOKEN;
    } else if (!verify_end_of_number(t, is_float ? "decimal" : "decimal")) {
        return T_ERRORTOKEN;
    }
    fill(t, tok, T_NUMBER, start, t->lineno, t->line_start);
    return T_NUMBER;
}

/* Strings ------------------------------------------------------------------- */

static TokType tok_string(Tokenizer *t, Token *tok, const char *start)
{
    /* cur is at the opening quote. */
    int first_lineno = t->lineno;
    const char *first_line_start = t->line_start;
    char quote = *t->cur++;
    int quote_size = 1;
    if (t->cur[0] == quote && t->cur[1] == quote) {
        t->cur += 2;
        quote_size = 3;
    } else if (t->cur[0] == quote) {
        t->cur++;   /* the empty string */
        fill(t, tok, T_STRING, start, first_lineno, first_line_start);
        return T_STRING;
    }
    int end_quote_size = 0;
    while (end_quote_size != quote_size) {
        char c = *t->cur;
        if (c == 0 || (quote_size == 1 && c == '\n')) {
            if (c == 0 || t->cur == t->implicit_nl)
                t->hit_eof = 1;
            int detected = t->lineno;
            if (c == 0 && t->cur > t->buf && t->cur[-1] == '\n')
                detected--;
            return tok_error_at(t, PARSE_ERR_SYNTAX, first_lineno, first_line_start, start + 1, NULL,
                                quote_size == 3
                                    ? "unterminated triple-quoted string literal (detected at line %d)"
                                    : "unterminated string literal (detected at line %d)",
                                detected);
        }
        t->cur++;
        if (c == quote) {
            end_quote_size++;
        } else {
            end_quote_size = 0;
            if (c == '\n') {
                tok_newline_joined(t);
            } else if (c == '\\') {
                char d = *t->cur;
                if (d == 0)
                    continue;
                t->cur++;
                if (d == '\n')
                    tok_newline_joined(t);
            }
        }
    }
    fill(t, tok, T_STRING, start, first_lineno, first_line_start);
    return T_STRING;
}

/* Keywords ------------------------------------------------------------------ */

static TokType keyword_type(const char *s, size_t n)
{
    static const struct { const char *text; TokType type; } kws[] = {
#define S(n)
#define O(n, s)
#define K(n, s) {s, T_KW_##n},
        TOKEN_LIST(S, O, K)
#undef S
#undef O
#undef K
    };
    if (n < 2 || n > 8)
        return T_NAME;
    for (size_t i = 0; i < sizeof kws / sizeof kws[0]; i++)
        if (kws[i].text[0] == s[0] && strlen(kws[i].text) == n && !memcmp(kws[i].text, s, n))
            return kws[i].type;
    return T_NAME;
}

/* Operators ------------------------------------------------------------------ */

static TokType one_char(int c)
{
    switch (c) {
    case '(': return T_LPAR;
    case ')': return T_RPAR;
    case '[': return T_LSQB;
    case ']': return T_RSQB;
    case ':': return T_COLON;
    case ',': return T_COMMA;
    case ';': return T_SEMI;
    case '+': return T_PLUS;
    case '-': return T_MINUS;
    case '*': return T_STAR;
    case '/': return T_SLASH;
    case '|': return T_VBAR;
    case '&': return T_AMPER;
    case '<': return T_LESS;
    case '>': return T_GREATER;
    case '=': return T_EQUAL;
    case '.': return T_DOT;
    case '%': return T_PERCENT;
    case '{': return T_LBRACE;
    case '}': return T_RBRACE;
    case '~': return T_TILDE;
    case '^': return T_CIRCUMFLEX;
    case '@': return T_AT;
    default: return T_OP;
    }
}

static TokType two_chars(int c1, int c2)
{
    switch (c1) {
    case '=': if (c2 == '=') return T_EQEQUAL; break;
    case '!': if (c2 == '=') return T_NOTEQUAL; break;
    case '<':
        if (c2 == '=') return T_LESSEQUAL;
        if (c2 == '<') return T_LEFTSHIFT;
        break;
    case '>':
        if (c2 == '=') return T_GREATEREQUAL;
        if (c2 == '>') return T_RIGHTSHIFT;
        break;
    case '*':
        if (c2 == '*') return T_DOUBLESTAR;
        if (c2 == '=') return T_STAREQUAL;
        break;
    case '+': if (c2 == '=') return T_PLUSEQUAL; break;
    case '-':
        if (c2 == '=') return T_MINEQUAL;
        if (c2 == '>') return T_RARROW;
        break;
    case '/':
        if (c2 == '/') return T_DOUBLESLASH;
        if (c2 == '=') return T_SLASHEQUAL;
        break;
    case '%': if (c2 == '=') return T_PERCENTEQUAL; break;
    case '&': if (c2 == '=') return T_AMPEREQUAL; break;
    case '|': if (c2 == '=') return T_VBAREQUAL; break;
    case '^': if (c2 == '=') return T_CIRCUMFLEXEQUAL; break;
    case '@': if (c2 == '=') return T_ATEQUAL; break;
    case ':': if (c2 == '=') return T_COLONEQUAL; break;
    }
    return T_OP;
}

static TokType three_chars(int c1, int c2, int c3)
{
    if (c3 != '=') {
        if (c1 == '.' && c2 == '.' && c3 == '.')
            return T_ELLIPSIS;
        return T_OP;
    }
    if (c1 == '<' && c2 == '<') return T_LEFTSHIFTEQUAL;
    if (c1 == '>' && c2 == '>') return T_RIGHTSHIFTEQUAL;
    if (c1 == '*' && c2 == '*') return T_DOUBLESTAREQUAL;
    if (c1 == '/' && c2 == '/') return T_DOUBLESLASHEQUAL;
    return T_OP;
}

/* Indentation ------------------------------------------------------------------ */

/* At the beginning of a logical line: measure the indentation and queue
** INDENT/DEDENT tokens.  Returns 0 on error. */
static int tok_indentation(Tokenizer *t, int *blankline)
{
    int col = 0, altcol = 0, cont_line_col = 0;
    const char *p = t->cur;
    for (;;) {
        char c = *p;
        if (c == ' ')
            col++, altcol++;
        else if (c == '\t') {
            col = (col / TABSIZE + 1) * TABSIZE;
            altcol = altcol + 1;
        } else if (c == '\014')
            col = altcol = 0;   /* form feed resets, as in CPython */
        else if (c == '\\') {
            /* Indentation cannot be split over lines with backslashes: the
            ** first backslash's column is the line's indentation. */
            cont_line_col = cont_line_col ? cont_line_col : col;
            t->cur = p + 1;
            if (*t->cur != '\n') {
                t->cur++;
                SYNTAX_ERROR(t, "unexpected character after line continuation character");
                t->err.end_col = 0;
                t->err.text_has_newline = 1;
                t->err.raised = 0;
                return 0;
            }
            t->cur++;
            if (*t->cur == 0) {
                SYNTAX_ERROR(t, "unexpected EOF while parsing");
                t->err.end_col = -1;
                t->err.raised = 0;
                return 0;
            }
            tok_newline_joined(t);
            p = t->cur;
            continue;
        } else
            break;
        p++;
    }
    t->cur = p;
    char c = *p;
    /* Lines with only whitespace and/or a comment do not affect the
    ** indentation and produce no NEWLINE.  (A line holding only a backslash
    ** is not blank in 3.11; 3.12 changed that.) */
    *blankline = c == '#' || c == '\n' || c == '\r';
    if (*blankline || t->level > 0)
        return 1;
    if (cont_line_col)
        col = altcol = cont_line_col;
    if (c == 0) {
        t->hit_eof = 1;
        if (t->no_eof_dedent)
            return 1;
        col = altcol = 0;   /* EOF: dedent everything */
    }
    if (col == t->indstack[t->indent]) {
        if (altcol != t->altindstack[t->indent])
            goto tab_error;
    } else if (col > t->indstack[t->indent]) {
        if (t->indent + 1 >= TOK_MAXINDENT) {
            tok_error_at(t, PARSE_ERR_INDENT, t->lineno, t->line_start, t->line_start + 1, NULL,
                         "too many levels of indentation");
            t->err.end_col = 0;
            t->err.text_has_newline = 1;
            t->err.raised = 0;
            return 0;
        }
        if (altcol <= t->altindstack[t->indent])
            goto tab_error;
        t->pendin++;
        t->indent++;
        t->indstack[t->indent] = col;
        t->altindstack[t->indent] = altcol;
    } else {
        while (t->indent > 0 && col < t->indstack[t->indent]) {
            t->pendin--;
            t->indent--;
        }
        if (col != t->indstack[t->indent]) {
            /* CPython reports the offset of the end of the line. */
            const char *eol = t->cur;
            while (*eol && *eol != '\n')
                eol++;
            if (*eol)
                eol++;
            tok_error_at(t, PARSE_ERR_INDENT, t->lineno, t->line_start, eol, NULL,
                         "unindent does not match any outer indentation level");
            t->err.end_col = -1;
            t->err.text_has_newline = 1;
            t->err.raised = 0;
            return 0;
        }
        if (altcol != t->altindstack[t->indent])
            goto tab_error;
    }
    return 1;
tab_error:
    tok_error_at(t, PARSE_ERR_TAB, t->lineno, t->line_start, t->line_start + 1, NULL,
                 "inconsistent use of tabs and spaces in indentation");
    t->err.end_col = 0;
    t->err.text_has_newline = 1;
            t->err.raised = 0;
    return 0;
}

/* The main loop ------------------------------------------------------------------ */

static TokType tok_get_impl(Tokenizer *t, Token *tok);

/* Whether the next token after `s` is the name "def" (async_hacks). */
static int followed_by_def(const char *s)
{
    for (;;) {
        while (*s == ' ' || *s == '\t' || *s == '\014')
            s++;
        if (s[0] == '\\' && s[1] == '\n')
            s += 2;
        else
            break;
    }
    return s[0] == 'd' && s[1] == 'e' && s[2] == 'f' && !is_potential_identifier_char((unsigned char)s[3]);
}

TokType tok_get(Tokenizer *t, Token *tok)
{
    TokType type = tok_get_impl(t, tok);
    /* CPython reads one character past a token to end it: a token ending
    ** where the input ends has hit EOF. */
    if (t->implicit_nl && t->cur >= t->implicit_nl)
        t->hit_eof = 1;
    if (type == T_ERRORTOKEN && tok->type != T_ERRORTOKEN) {
        /* Errors return before a token was filled in. */
        tok->type = T_ERRORTOKEN;
        tok->start = tok->end = t->cur;
        tok->lineno = tok->end_lineno = t->lineno;
        tok->line_start = t->line_start;
        tok->col_offset = tok->end_col_offset = (int)(t->cur - t->line_start);
        tok->level = t->level;
    }
    tok->type = type;
    if (*t->cur == 0 && (type == T_ENDMARKER || type == T_DEDENT || type == T_ERRORTOKEN) &&
        t->cur > t->buf && t->cur[-1] == '\n' && t->err.kind == PARSE_ERR_NONE &&
        t->lineno > t->first_lineno) {
        /* At the end of the text CPython is still on the last line. */
        tok->lineno = tok->end_lineno = t->lineno - 1;
        tok->line_start = t->last_line_start;
        tok->err_col = (int)(t->cur - t->last_line_start) - (t->implicit_nl ? 1 : 0);
        tok->col_offset = tok->end_col_offset = -1;
    }
    if (type == T_ENDMARKER && t->implicit_nl_eof && t->cur == t->implicit_nl) {
        /* The EOF token has no position. */
        tok->err_col = (int)(t->cur - t->line_start);
        tok->col_offset = tok->end_col_offset = -1;
    }
    return type;
}

/* With PyCF_TYPE_COMMENTS, a comment that reads "# type: ..." (each space
** of the prefix standing for any run of blanks, none included) is a token:
** TYPE_IGNORE when the text is "ignore" followed by nothing or by an ASCII
** non-alphanumeric, its value the rest ("[code]"); TYPE_COMMENT otherwise,
** its value the text after the prefix.  The comment ends at t->cur (the
** '\n').  Returns T_ENDMARKER for an ordinary comment. */
static TokType tok_type_comment(Tokenizer *t, Token *tok, const char *hash)
{
    const char *prefix = "# type: ", *q = hash;
    /* CPython has read the '\n' when it matches: the prefix's last space
    ** may match nothing there ("# type:" at the end of the line). */
    while (*prefix && q <= t->cur) {
        if (*prefix == ' ') {
            while (*q == ' ' || *q == '\t')
                q++;
        } else if (*prefix == *q) {
            q++;
        } else {
            break;
        }
        prefix++;
    }
    if (*prefix)
        return T_ENDMARKER;
    const char *ign = q + 6;
    int is_ignore = t->cur >= ign && memcmp(q, "ignore", 6) == 0 &&
                    !(t->cur > ign && ((unsigned char)*ign >= 128 || is_digit((unsigned char)*ign) ||
                                        ((*ign | 0x20) >= 'a' && (*ign | 0x20) <= 'z')));
    if (!is_ignore) {
        fill(t, tok, T_TYPE_COMMENT, q, t->lineno, t->line_start);
        /* On a line of its own the comment is followed by a NEWLINE (a
        ** function's signature comment needs one). */
        t->blankline = 0;
        return T_TYPE_COMMENT;
    }
    fill(t, tok, T_TYPE_IGNORE, ign, t->lineno, t->line_start);
    if (t->blankline && *t->cur == '\n') {
        /* Alone on its line: the line's newline goes with it. */
        t->cur++;
        tok_newline(t);
        t->atbol = 1;
    }
    return T_TYPE_IGNORE;
}

static TokType tok_get_impl(Tokenizer *t, Token *tok)
{
    memset(tok, 0, sizeof *tok);
    if (t->err.kind != PARSE_ERR_NONE) {
        tok->type = T_ERRORTOKEN;
        tok->start = tok->end = t->cur;
        tok->lineno = tok->end_lineno = t->lineno;
        tok->line_start = t->line_start;
        tok->type = T_ERRORTOKEN;
        return T_ERRORTOKEN;
    }
nextline:
    if (t->atbol) {
        t->atbol = 0;
        if (!t->fstring_mode && !tok_indentation(t, &t->blankline)) {
            fill(t, tok, T_ERRORTOKEN, t->cur, t->lineno, t->line_start);
            return T_ERRORTOKEN;
        }
    }
    if (t->pendin != 0) {
        /* INDENT/DEDENT carry the position of the line's first token, zero
        ** width; only error messages look at them. */
        TokType type = t->pendin < 0 ? T_DEDENT : T_INDENT;
        if (t->pendin < 0)
            t->pendin++;
        else
            t->pendin--;
        fill(t, tok, type, t->cur, t->lineno, t->line_start);
        tok->err_col = tok->col_offset;
        tok->col_offset = tok->end_col_offset = -1;
        return type;
    }
    /* Leaving an async def (async_hacks): the first token of a line
    ** indented no deeper than the def. */
    if (t->async_def && !t->blankline && *t->cur != '\n' && t->level == 0 && t->async_def_nl &&
        t->async_def_indent >= t->indent)
        t->async_def = t->async_def_indent = t->async_def_nl = 0;
again:
    /* Skip spaces. */
    while (*t->cur == ' ' || *t->cur == '\t' || *t->cur == '\014')
        t->cur++;
    const char *start = t->cur;
    int c = (unsigned char)*t->cur;

    /* Comments run to the end of the line. */
    if (c == '#') {
        while (*t->cur && *t->cur != '\n')
            t->cur++;
        c = (unsigned char)*t->cur;
        if (t->type_comments) {
            TokType tc = tok_type_comment(t, tok, start);
            if (tc != T_ENDMARKER)
                return tc;
        }
    }
    if (c == '\n' && t->cur == t->implicit_nl && t->implicit_nl_eof)
        c = 0;   /* CPython's eval/func_type input ends without a newline */

    if (c == 0) {
        t->hit_eof = 1;
        if (t->level > 0 && !t->fstring_mode) {
            t->eof_in_parens = 1;
            t->at_eof = 1;
            fill(t, tok, T_ERRORTOKEN, start, t->lineno, t->line_start);
            return T_ERRORTOKEN;
        }
        t->at_eof = 1;
        fill(t, tok, T_ENDMARKER, start, t->lineno, t->line_start);
        return T_ENDMARKER;
    }

    /* Identifiers, keywords, and string prefixes. */
    if (is_potential_identifier_start(c)) {
        /* Up to two prefix letters from {b, r, u, f} may precede a quote. */
        int saw_b = 0, saw_r = 0, saw_u = 0, saw_f = 0;
        for (;;) {
            int d = *t->cur | 0x20;
            if (!(saw_b || saw_u || saw_f) && d == 'b') saw_b = 1;
            else if (!(saw_b || saw_u || saw_r || saw_f) && d == 'u') saw_u = 1;
            else if (!(saw_r || saw_u) && d == 'r') saw_r = 1;
            else if (!(saw_f || saw_b || saw_u) && d == 'f') saw_f = 1;
            else break;
            t->cur++;
            if (*t->cur == '"' || *t->cur == '\'')
                return tok_string(t, tok, start);
        }
        int nonascii = 0;
        while (is_potential_identifier_char((unsigned char)*t->cur)) {
            if ((unsigned char)*t->cur >= 128)
                nonascii = 1;
            t->cur++;
        }
        size_t ubad, uend;
        const char *why;
        if (nonascii && t->check_utf8 && tok_utf8_error(start, (size_t)(t->cur - start), &ubad, &uend, &why)) {
            /* CPython decodes each identifier as it reads it: the error is
            ** at the byte offset the tokenizer reached, without an end. */
            char m[200];
            tok_utf8_error_message(m, sizeof m, start, (size_t)(t->cur - start));
            tok_error_at(t, PARSE_ERR_UNICODE, t->lineno, t->line_start, t->cur, NULL, "(unicode error) %s", m);
            t->err.col = (int)(t->cur - t->line_start);
            t->err.end_col = -1;
            if (t->fstring_mode) {
                /* In an f-string's "(expr)" CPython subtracts the
                ** replacement field's column. */
                t->err.col -= t->first_col_orig;
                t->err.end_col = 0;
            }
            t->err.text_has_newline = 1;
            t->err.raised = 0;
            return T_ERRORTOKEN;
        }
        if (nonascii) {
            /* Validate against XID_Start / XID_Continue and report the first
            ** offending character. */
            const char *p = start;
            int first = 1;
            while (p < t->cur) {
                int len;
                unsigned cp = utf8_decode(p, &len);
                int ok = first ? tok_is_xid_start(cp) : tok_is_xid_continue(cp);
                if (!ok) {
                    t->cur = p + len;
                    char ch[8] = {0};
                    memcpy(ch, p, (size_t)len);
                    if (!is_printable(cp))
                        return SYNTAX_ERROR(t, "invalid non-printable character U+%04X", cp);
                    return SYNTAX_ERROR(t, "invalid character '%s' (U+%04X)", ch, cp);
                }
                first = 0;
                p += len;
            }
        }
        TokType type = keyword_type(start, (size_t)(t->cur - start));
        if (t->async_hacks && !t->async_def && (type == T_KW_ASYNC || type == T_KW_AWAIT)) {
            if (type == T_KW_ASYNC && followed_by_def(t->cur)) {
                t->async_def = 1;
                t->async_def_indent = t->indent;
            } else {
                type = T_NAME;
            }
        }
        fill(t, tok, type, start, t->lineno, t->line_start);
        return type;
    }

    /* Newline.  (The buffer has universal newlines: no '\r' here.)  Like
    ** CPython's, a NEWLINE token after a comment starts at the '#' and
    ** ends before the '\n'. */
    if (c == '\n') {
        const char *nl = t->cur;
        if (nl == t->implicit_nl)
            t->hit_eof = 1;
        t->cur++;
        if (t->level > 0 || t->fstring_mode || t->blankline) {
            tok_newline(t);
            if (t->blankline && t->level == 0 && !t->fstring_mode) {
                t->atbol = 1;
                goto nextline;
            }
            goto again;
        }
        const char *ls = t->line_start;
        int ln = t->lineno;
        t->cur = nl;
        fill(t, tok, T_NEWLINE, start, ln, ls);
        if (nl == t->implicit_nl && start == nl) {
            /* CPython makes this NEWLINE out of the EOF token: no position. */
            tok->err_col = tok->col_offset;
            tok->col_offset = tok->end_col_offset = -1;
        }
        t->cur = nl + 1;
        tok_newline(t);
        t->atbol = 1;
        t->cont_line = 0;
        if (t->async_def)
            t->async_def_nl = 1;   /* past the async def's signature */
        return T_NEWLINE;
    }

    /* Period or number starting with period. */
    if (c == '.') {
        if (is_digit((unsigned char)t->cur[1]))
            return tok_number(t, tok, start);
        if (t->cur[1] == '.' && t->cur[2] == '.') {
            t->cur += 3;
            fill(t, tok, T_ELLIPSIS, start, t->lineno, t->line_start);
            return T_ELLIPSIS;
        }
        t->cur++;
        fill(t, tok, T_DOT, start, t->lineno, t->line_start);
        return T_DOT;
    }

    if (is_digit(c))
        return tok_number(t, tok, start);

    if (c == '\'' || c == '"')
        return tok_string(t, tok, start);

    /* Line continuation. */
    if (c == '\\') {
        t->cur++;
        if (*t->cur == '\r' && t->cur[1] == '\n')
            t->cur++;
        if (*t->cur != '\n') {
            t->cur++;
            SYNTAX_ERROR(t, "unexpected character after line continuation character");
            t->err.end_col = 0;
            t->err.text_has_newline = 1;
            t->err.raised = 0;
            return T_ERRORTOKEN;
        }
        t->cur++;
        if (*t->cur == 0) {
            /* The backslash was on the last line. */
            SYNTAX_ERROR(t, "unexpected EOF while parsing");
            t->err.end_col = -1;
            t->err.raised = 0;
            t->hit_eof = 1;
            return T_ERRORTOKEN;
        }
        tok_newline_joined(t);
        t->cont_line = 1;
        goto again;
    }

    /* Operators. */
    {
        int c2 = (unsigned char)t->cur[1];
        TokType type = T_OP;
        int n = 1;
        if (c2) {
            int c3 = (unsigned char)t->cur[2];
            TokType t3 = c3 ? three_chars(c, c2, c3) : T_OP;
            if (t3 != T_OP) {
                type = t3;
                n = 3;
            } else {
                TokType t2 = two_chars(c, c2);
                if (t2 != T_OP) {
                    type = t2;
                    n = 2;
                }
            }
        }
        if (n == 1) {
            type = one_char(c);
            if (type == T_OP) {
                int len;
                unsigned cp = utf8_decode(t->cur, &len);
                if (!is_printable(cp)) {
                    t->cur += len;
                    return SYNTAX_ERROR(t, "invalid non-printable character U+%04X", cp);
                }
                n = len;
            }
        }
        /* Bracket bookkeeping. */
        if (type == T_LPAR || type == T_LSQB || type == T_LBRACE) {
            if (t->level >= TOK_MAXLEVEL) {
                t->cur += n;
                return SYNTAX_ERROR(t, "too many nested parentheses");
            }
            t->parenstack[t->level] = (char)c;
            t->parenlinenostack[t->level] = t->lineno;
            t->parencolstack[t->level] = (int)(t->cur - t->line_start);
            t->level++;
        } else if (type == T_RPAR || type == T_RSQB || type == T_RBRACE) {
            t->cur += n;
            if (!t->level)
                return SYNTAX_ERROR(t, "unmatched '%c'", c);
            t->level--;
            int opening = t->parenstack[t->level];
            if (!((opening == '(' && c == ')') || (opening == '[' && c == ']') ||
                  (opening == '{' && c == '}'))) {
                if (t->parenlinenostack[t->level] != t->lineno)
                    return SYNTAX_ERROR(t,
                        "closing parenthesis '%c' does not match opening parenthesis '%c' on line %d",
                        c, opening, t->parenlinenostack[t->level]);
                return SYNTAX_ERROR(t,
                    "closing parenthesis '%c' does not match opening parenthesis '%c'", c, opening);
            }
            fill(t, tok, type, start, t->lineno, t->line_start);
            return type;
        }
        t->cur += n;
        fill(t, tok, type, start, t->lineno, t->line_start);
        return type;
    }
    goto nextline;
}
