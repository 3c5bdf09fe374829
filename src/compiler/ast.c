/* ast.c: the AST arena, node construction, and ast_dump() in CPython's format. */

/*
** ast_dump() must reproduce CPython's ast.dump(tree, include_attributes=True)
** byte for byte, because tools/ast_compare.sh diffs the two over the whole
** standard library.  That means reproducing Python's repr() of every constant
** kind: str (quote choice, escapes of non-printable code points), bytes, int
** (always decimal, whatever base the literal used), float (shortest
** round-trip digits, Python's switch to exponent notation) and complex.
** Fields whose value is None and whose ASDL type is optional are omitted,
** exactly as ast.dump() omits them.
*/

#include "ast.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "unicode_tables.h"

/* ---- Arena ------------------------------------------------------------- */

struct ArenaBlock {
    ArenaBlock *next;
    size_t size;
    /* payload follows, 16-aligned */
};

#define ARENA_BLOCK_SIZE (64 * 1024)
#define ARENA_HDR ((sizeof(ArenaBlock) + 15) & ~(size_t)15)

Arena *ast_arena_new(void)
{
    Arena *a = calloc(1, sizeof(Arena));
    return a;
}

void ast_arena_free(Arena *a)
{
    if (!a)
        return;
    ArenaBlock *b = a->head;
    while (b) {
        ArenaBlock *n = b->next;
        free(b);
        b = n;
    }
    free(a);
}

void *ast_arena_alloc(Arena *a, size_t size)
{
    size = (size + 7) & ~(size_t)7;
    if (size == 0)
        size = 8;
    if ((size_t)(a->end - a->cur) < size || !a->cur) {
        /* Large requests get a block of their own so that the current block's
        ** free tail is not wasted. */
        size_t bsize = size > ARENA_BLOCK_SIZE / 4 ? size : ARENA_BLOCK_SIZE;
        ArenaBlock *b = malloc(ARENA_HDR + bsize);
        if (!b)
            return NULL;
        b->size = bsize;
        char *payload = (char *)b + ARENA_HDR;
        if (bsize == size && a->head) {
            /* Keep the current block current: chain this one behind it. */
            b->next = a->head->next;
            a->head->next = b;
            memset(payload, 0, size);
            a->total += size;
            return payload;
        }
        b->next = a->head;
        a->head = b;
        a->cur = payload;
        a->end = payload + bsize;
    }
    void *p = a->cur;
    a->cur += size;
    a->total += size;
    memset(p, 0, size);
    return p;
}

char *ast_arena_strndup(Arena *a, const char *s, size_t len)
{
    char *p = ast_arena_alloc(a, len + 1);
    if (!p)
        return NULL;
    memcpy(p, s, len);
    p[len] = 0;
    return p;
}

void ast_arena_warn(Arena *a, ASTWarningKind kind, int lineno, int offset, int end_offset,
                    const char *text, size_t text_len, const char *message)
{
    ASTWarning *w = ast_arena_alloc(a, sizeof *w);
    if (!w)
        return;
    w->kind = kind;
    w->lineno = lineno;
    w->offset = offset;
    w->end_offset = end_offset;
    w->text = text ? ast_arena_strndup(a, text, text_len) : NULL;
    w->message = ast_arena_strndup(a, message, strlen(message));
    if (a->warnings_tail)
        a->warnings_tail->next = w;
    else
        a->warnings = w;
    a->warnings_tail = w;
}

ASTSeq *ast_seq_new(Arena *a, int len)
{
    ASTSeq *s = ast_arena_alloc(a, sizeof(ASTSeq) + (size_t)len * sizeof(void *));
    if (s)
        s->len = len;
    return s;
}

ASTIntSeq *ast_intseq_new(Arena *a, int len)
{
    ASTIntSeq *s = ast_arena_alloc(a, sizeof(ASTIntSeq) + (size_t)len * sizeof(int));
    if (s)
        s->len = len;
    return s;
}

ASTNode *ast_node_new(Arena *a, ASTKind kind, int lineno, int col_offset,
                      int end_lineno, int end_col_offset)
{
    ASTNode *n = ast_arena_alloc(a, sizeof(ASTNode));
    if (!n)
        return NULL;
    n->kind = kind;
    n->lineno = lineno;
    n->col_offset = col_offset;
    n->end_lineno = end_lineno;
    n->end_col_offset = end_col_offset;
    return n;
}

/* ---- Tables generated from ast.def -------------------------------------- */

/* Per-sum attribute flag, looked up by the constructor entries below. */
#define AST_SUM(sum, attrs) enum { sum_attrs_##sum = attrs };
#define AST_NODE(sum, name, fields)
#define AST_LEAF(sum, name)
#define AST_ENUM(sum, name)
#include "ast.def"
#undef AST_SUM
#undef AST_NODE
#undef AST_LEAF

/* One descriptor function per constructor.  The block-scope typedef T lets
** the field macro name the constructor's struct without repeating the
** constructor's name on every field line of ast.def. */
#define AST_SUM(sum, attrs)
#define AST_LEAF(sum, name)
#define AST_ENUM(sum, name)
#define F(type, asdl, fname) {#fname, ASTF_##type, #asdl, offsetof(ASTNode, v) + offsetof(T, fname)},
#define AST_NODE(sum, name, fields)                                         \
    static const ASTFieldDesc *fields_of_##name(int *n)                        \
    {                                                                       \
        typedef struct ast_##name T;                                        \
        static const ASTFieldDesc d[] = { fields };                            \
        *n = (int)(sizeof d / sizeof d[0]);                                 \
        return d;                                                           \
    }
#include "ast.def"
#undef AST_NODE
#undef AST_LEAF
#undef F

/* The descriptor of a kind, built from constant data on every call: no
** mutable state, so dumping is safe from any thread. */
ASTKindDesc ast_kind_desc(ASTKind kind)
{
    ASTKindDesc d = {"?", "?", 0, 0, NULL};
    switch (kind) {
#define AST_NODE(S, N, FL)                                                  \
    case AST_##N:                                                           \
        d.name = #N;                                                        \
        d.sum = #S;                                                         \
        d.has_attributes = sum_attrs_##S;                                   \
        d.fields = fields_of_##N(&d.nfields);                               \
        break;
#define AST_LEAF(S, N)                                                      \
    case AST_##N:                                                           \
        d.name = #N;                                                        \
        d.sum = #S;                                                         \
        d.has_attributes = sum_attrs_##S;                                   \
        break;
#include "ast.def"
#undef AST_NODE
#undef AST_LEAF
    default:
        break;
    }
    return d;
}

#undef AST_SUM
#undef AST_ENUM

const char *ast_kind_name(ASTKind kind)
{
    return ast_kind_desc(kind).name;
}

int ast_kind_has_attributes(ASTKind kind)
{
    return ast_kind_desc(kind).has_attributes;
}

/* Names of the simple sums' members, in enum order. */
#define AST_SUM(sum, attrs)
#define AST_NODE(sum, name, fields)
#define AST_LEAF(sum, name)
#define AST_ENUM(sum, name) AST_ENUM_##sum(name)
#define AST_ENUM_expr_context(n)
#define AST_ENUM_boolop(n)
#define AST_ENUM_operator(n)
#define AST_ENUM_unaryop(n)
#define AST_ENUM_cmpop(n)
#undef AST_ENUM_expr_context
#define AST_ENUM_expr_context(n) #n,
static const char *const ctx_names[] = {
#include "ast.def"
};
#undef AST_ENUM_expr_context
#define AST_ENUM_expr_context(n)
#undef AST_ENUM_boolop
#define AST_ENUM_boolop(n) #n,
static const char *const boolop_names[] = {
#include "ast.def"
};
#undef AST_ENUM_boolop
#define AST_ENUM_boolop(n)
#undef AST_ENUM_operator
#define AST_ENUM_operator(n) #n,
static const char *const operator_names[] = {
#include "ast.def"
};
#undef AST_ENUM_operator
#define AST_ENUM_operator(n)
#undef AST_ENUM_unaryop
#define AST_ENUM_unaryop(n) #n,
static const char *const unaryop_names[] = {
#include "ast.def"
};
#undef AST_ENUM_unaryop
#define AST_ENUM_unaryop(n)
#undef AST_ENUM_cmpop
#define AST_ENUM_cmpop(n) #n,
static const char *const cmpop_names[] = {
#include "ast.def"
};
#undef AST_ENUM_cmpop
#undef AST_SUM
#undef AST_NODE
#undef AST_LEAF
#undef AST_ENUM

/* ---- Output buffer ------------------------------------------------------ */

/* The dump is built in memory and written once: a dump of a large module is
** a few megabytes and stdio per character would dominate the run time. */
typedef struct {
    char *buf;
    size_t len, cap;
    int oom, too_deep;
} Out;

/* Deeper trees are refused rather than risking the C stack; CPython's
** ast.dump() gives up far earlier (RecursionError at ~1000 levels). */
#define AST_DUMP_MAX_DEPTH 5000

static void out_grow(Out *o, size_t need)
{
    if (o->oom)
        return;
    size_t cap = o->cap ? o->cap : 4096;
    while (cap < o->len + need)
        cap *= 2;
    char *nb = realloc(o->buf, cap);
    if (!nb) {
        o->oom = 1;
        return;
    }
    o->buf = nb;
    o->cap = cap;
}

static void out_mem(Out *o, const char *s, size_t n)
{
    if (n == 0)
        return;
    if (o->len + n > o->cap)
        out_grow(o, n);
    if (o->oom)
        return;
    memcpy(o->buf + o->len, s, n);
    o->len += n;
}

static void out_str(Out *o, const char *s) { out_mem(o, s, strlen(s)); }
static void out_ch(Out *o, char c) { out_mem(o, &c, 1); }

static void out_int(Out *o, long v)
{
    char b[32];
    int n = snprintf(b, sizeof b, "%ld", v);
    out_mem(o, b, (size_t)n);
}

/* ---- repr() of constants ------------------------------------------------ */

static int uni_nonprintable_cp(uint32_t c)
{
    if (c < 0x20 || c == 0x7f)
        return 1;
    if (c < 0x7f)
        return 0;
    int lo = 0, hi = (int)(sizeof uni_nonprintable / sizeof uni_nonprintable[0]) - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (c < uni_nonprintable[mid][0])
            hi = mid - 1;
        else if (c > uni_nonprintable[mid][1])
            lo = mid + 1;
        else
            return 1;
    }
    return 0;
}

/* Decode one code point of generalized UTF-8 (surrogates allowed); returns
** the number of bytes used, at least 1. */
static int wtf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
    unsigned c = s[0];
    if (c < 0x80 || n < 2) {
        *cp = c;
        return 1;
    }
    if ((c & 0xE0) == 0xC0) {
        *cp = ((c & 0x1F) << 6) | (s[1] & 0x3F);
        return 2;
    }
    if ((c & 0xF0) == 0xE0 && n >= 3) {
        *cp = ((c & 0x0F) << 12) | ((s[1] & 0x3F) << 6) | (s[2] & 0x3F);
        return 3;
    }
    if (n >= 4) {
        *cp = ((c & 0x07) << 18) | ((s[1] & 0x3F) << 12) | ((s[2] & 0x3F) << 6) | (s[3] & 0x3F);
        return 4;
    }
    *cp = c;
    return 1;
}

static void repr_str(Out *o, const char *s, size_t n)
{
    /* Python picks single quotes unless the string holds ' and no ". */
    int has_sq = memchr(s, '\'', n) != NULL, has_dq = memchr(s, '"', n) != NULL;
    char q = (has_sq && !has_dq) ? '"' : '\'';
    out_ch(o, q);
    const unsigned char *p = (const unsigned char *)s, *e = p + n;
    char b[16];
    while (p < e) {
        uint32_t c;
        int k = wtf8_decode(p, (size_t)(e - p), &c);
        if (c == (uint32_t)q || c == '\\') {
            out_ch(o, '\\');
            out_ch(o, (char)c);
        } else if (c == '\t') {
            out_str(o, "\\t");
        } else if (c == '\n') {
            out_str(o, "\\n");
        } else if (c == '\r') {
            out_str(o, "\\r");
        } else if (uni_nonprintable_cp(c)) {
            if (c < 0x100)
                snprintf(b, sizeof b, "\\x%02x", (unsigned)c);
            else if (c < 0x10000)
                snprintf(b, sizeof b, "\\u%04x", (unsigned)c);
            else
                snprintf(b, sizeof b, "\\U%08x", (unsigned)c);
            out_str(o, b);
        } else {
            out_mem(o, (const char *)p, (size_t)k);
        }
        p += k;
    }
    out_ch(o, q);
}

static void repr_bytes(Out *o, const char *s, size_t n)
{
    int has_sq = memchr(s, '\'', n) != NULL, has_dq = memchr(s, '"', n) != NULL;
    char q = (has_sq && !has_dq) ? '"' : '\'';
    out_ch(o, 'b');
    out_ch(o, q);
    char b[8];
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == (unsigned char)q || c == '\\') {
            out_ch(o, '\\');
            out_ch(o, (char)c);
        } else if (c == '\t') {
            out_str(o, "\\t");
        } else if (c == '\n') {
            out_str(o, "\\n");
        } else if (c == '\r') {
            out_str(o, "\\r");
        } else if (c < 0x20 || c >= 0x7f) {
            snprintf(b, sizeof b, "\\x%02x", c);
            out_str(o, b);
        } else {
            out_ch(o, (char)c);
        }
    }
    out_ch(o, q);
}

/* Print an integer literal's text (any base, underscores already removed)
** in decimal, as repr(int) does.  Schoolbook base conversion on an array of
** base-10^9 limbs; literals in real code are short. */
static void repr_int(Out *o, const char *s, size_t n)
{
    int base = 10;
    if (n >= 2 && s[0] == '0' && (s[1] | 0x20) == 'x') base = 16, s += 2, n -= 2;
    else if (n >= 2 && s[0] == '0' && (s[1] | 0x20) == 'o') base = 8, s += 2, n -= 2;
    else if (n >= 2 && s[0] == '0' && (s[1] | 0x20) == 'b') base = 2, s += 2, n -= 2;
    if (base == 10) {
        while (n > 1 && s[0] == '0')
            s++, n--;
        out_mem(o, s, n);
        return;
    }
    size_t cap = n + 2, len = 1;
    uint32_t *limbs = calloc(cap, sizeof(uint32_t));
    if (!limbs) {
        o->oom = 1;
        return;
    }
    for (size_t i = 0; i < n; i++) {
        int c = s[i];
        int d = c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
        uint64_t carry = (uint64_t)d;
        for (size_t j = 0; j < len; j++) {
            uint64_t v = (uint64_t)limbs[j] * (uint64_t)base + carry;
            limbs[j] = (uint32_t)(v % 1000000000u);
            carry = v / 1000000000u;
        }
        if (carry && len < cap)
            limbs[len++] = (uint32_t)carry;
    }
    char b[16];
    snprintf(b, sizeof b, "%u", limbs[len - 1]);
    out_str(o, b);
    for (size_t j = len - 1; j-- > 0;) {
        snprintf(b, sizeof b, "%09u", limbs[j]);
        out_str(o, b);
    }
    free(limbs);
}

/* Python's repr(float): the shortest digit string that round-trips, printed
** in fixed notation when the decimal exponent is in [-4, 16), else as
** d.ddde+XX.  add_dot_0 distinguishes repr(1.0) "1.0" from complex's "1". */
static void format_double(char *out, size_t outsz, double v, int add_dot_0)
{
    if (isnan(v)) {
        snprintf(out, outsz, "nan");
        return;
    }
    if (isinf(v)) {
        snprintf(out, outsz, v < 0 ? "-inf" : "inf");
        return;
    }
    char buf[64];
    int prec;
    for (prec = 1; prec <= 17; prec++) {
        snprintf(buf, sizeof buf, "%.*e", prec - 1, v);
        if (strtod(buf, NULL) == v)
            break;
    }
    /* buf is [-]d[.ddd]e[+-]XX: collect the digits and the exponent. */
    char digits[32];
    int nd = 0, neg = 0;
    const char *p = buf;
    if (*p == '-')
        neg = 1, p++;
    for (; *p && *p != 'e'; p++)
        if (*p >= '0' && *p <= '9')
            digits[nd++] = *p;
    int exp10 = atoi(p + 1);
    while (nd > 1 && digits[nd - 1] == '0')
        nd--;
    digits[nd] = 0;
    int decpt = exp10 + 1;   /* position of the decimal point after digit 0 */
    char *w = out;
    char *end = out + outsz - 1;
#define PUT(c) do { if (w < end) *w++ = (c); } while (0)
    if (neg)
        PUT('-');
    if (decpt > -4 && decpt <= 16) {
        if (decpt <= 0) {
            PUT('0');
            PUT('.');
            for (int i = 0; i < -decpt; i++)
                PUT('0');
            for (int i = 0; i < nd; i++)
                PUT(digits[i]);
        } else {
            for (int i = 0; i < decpt; i++)
                PUT(i < nd ? digits[i] : '0');
            if (nd > decpt) {
                PUT('.');
                for (int i = decpt; i < nd; i++)
                    PUT(digits[i]);
            } else if (add_dot_0) {
                PUT('.');
                PUT('0');
            }
        }
    } else {
        PUT(digits[0]);
        if (nd > 1) {
            PUT('.');
            for (int i = 1; i < nd; i++)
                PUT(digits[i]);
        }
        char eb[16];
        snprintf(eb, sizeof eb, "e%c%02d", decpt - 1 < 0 ? '-' : '+', abs(decpt - 1));
        for (char *q = eb; *q; q++)
            PUT(*q);
    }
#undef PUT
    *w = 0;
}

static void repr_const(Out *o, const ASTConst *c)
{
    char b[80];
    switch (c->kind) {
    case CONST_NONE: out_str(o, "None"); break;
    case CONST_TRUE: out_str(o, "True"); break;
    case CONST_FALSE: out_str(o, "False"); break;
    case CONST_ELLIPSIS: out_str(o, "Ellipsis"); break;
    case CONST_INT: repr_int(o, c->s, c->len); break;
    case CONST_FLOAT:
        format_double(b, sizeof b, c->f, 1);
        out_str(o, b);
        break;
    case CONST_COMPLEX:
        format_double(b, sizeof b, c->f, 0);
        out_str(o, b);
        out_ch(o, 'j');
        break;
    case CONST_STR: repr_str(o, c->s, c->len); break;
    case CONST_BYTES: repr_bytes(o, c->s, c->len); break;
    case CONST_OBJECT: out_str(o, "<object>"); break;
    }
}

/* ---- The walk ------------------------------------------------------------ */

static void dump_node(Out *o, const ASTNode *n, int attrs, int depth);

static void dump_seq(Out *o, const ASTSeq *s, int attrs, int depth)
{
    out_ch(o, '[');
    for (int i = 0; s && i < s->len; i++) {
        if (i)
            out_str(o, ", ");
        dump_node(o, s->elts[i], attrs, depth);
    }
    out_ch(o, ']');
}

static void dump_node(Out *o, const ASTNode *n, int attrs, int depth)
{
    if (!n) {
        out_str(o, "None");
        return;
    }
    if (depth > AST_DUMP_MAX_DEPTH || n->kind <= 0 || n->kind >= AST_KIND_COUNT) {
        o->too_deep = 1;
        return;
    }
    const ASTKindDesc kd = ast_kind_desc(n->kind);
    const ASTKindDesc *k = &kd;
    out_str(o, k->name);
    out_ch(o, '(');
    int first = 1;
    const char *base = (const char *)n;
    for (int i = 0; i < k->nfields; i++) {
        const ASTFieldDesc *f = &k->fields[i];
        const void *fp = base + f->offset;
        /* Optional fields holding None are left out, as ast.dump does. */
        if ((f->type == ASTF_OPT || f->type == ASTF_OIDENT || f->type == ASTF_OSTR) &&
            *(const void *const *)fp == NULL)
            continue;
        if (!first)
            out_str(o, ", ");
        first = 0;
        out_str(o, f->name);
        out_ch(o, '=');
        switch (f->type) {
        case ASTF_NODE:
        case ASTF_OPT:
            dump_node(o, *(ASTNode *const *)fp, attrs, depth + 1);
            break;
        case ASTF_SEQ:
            dump_seq(o, *(ASTSeq *const *)fp, attrs, depth + 1);
            break;
        case ASTF_IDENT:
        case ASTF_OIDENT:
        case ASTF_OSTR:
        case ASTF_STR: {
            const char *s = *(const char *const *)fp;
            if (s)
                repr_str(o, s, strlen(s));
            else
                out_str(o, "None");
            break;
        }
        case ASTF_IDSEQ: {
            const ASTSeq *s = *(ASTSeq *const *)fp;
            out_ch(o, '[');
            for (int j = 0; s && j < s->len; j++) {
                if (j)
                    out_str(o, ", ");
                repr_str(o, s->elts[j], strlen(s->elts[j]));
            }
            out_ch(o, ']');
            break;
        }
        case ASTF_INT:
        case ASTF_OINT:
            out_int(o, *(const int *)fp);
            break;
        case ASTF_CONST:
            repr_const(o, (const ASTConst *)fp);
            break;
        case ASTF_CTX:
            out_str(o, ctx_names[*(const ASTExprContext *)fp]);
            out_str(o, "()");
            break;
        case ASTF_BOOLOP:
            out_str(o, boolop_names[*(const ASTBoolOp *)fp]);
            out_str(o, "()");
            break;
        case ASTF_BINOP:
            out_str(o, operator_names[*(const ASTOperator *)fp]);
            out_str(o, "()");
            break;
        case ASTF_UNOP:
            out_str(o, unaryop_names[*(const ASTUnaryOp *)fp]);
            out_str(o, "()");
            break;
        case ASTF_CMPSEQ: {
            const ASTIntSeq *s = *(ASTIntSeq *const *)fp;
            out_ch(o, '[');
            for (int j = 0; s && j < s->len; j++) {
                if (j)
                    out_str(o, ", ");
                out_str(o, cmpop_names[s->elts[j]]);
                out_str(o, "()");
            }
            out_ch(o, ']');
            break;
        }
        }
    }
    if (attrs && k->has_attributes) {
        static const char *const names[] = {"lineno", "col_offset", "end_lineno", "end_col_offset"};
        const int vals[] = {n->lineno, n->col_offset, n->end_lineno, n->end_col_offset};
        for (int i = 0; i < 4; i++) {
            if (!first)
                out_str(o, ", ");
            first = 0;
            out_str(o, names[i]);
            out_ch(o, '=');
            out_int(o, vals[i]);
        }
    }
    out_ch(o, ')');
}

int ast_dump(FILE *out, const ASTNode *node, int include_attributes)
{
    Out o = {0};
    dump_node(&o, node, include_attributes, 0);
    int rc = 0;
    if (o.oom || o.too_deep)
        rc = -1;
    else if (o.len && fwrite(o.buf, 1, o.len, out) != o.len)
        rc = -1;
    free(o.buf);
    return rc;
}
