/* csv.c - the _csv module: Dialect, the reader's state machine, the writer and the dialect registry. */
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/int.h"
#include "../objects/float.h"
#include "../objects/complex.h"
#include "../objects/tuple.h"
#include "../objects/list.h"
#include "../objects/dict.h"
#include "../objects/func.h"
#include "../objects/module.h"
#include "../gc/gc.h"
#include "../vm/error.h"
#include "datamod.h"

#include <limits.h>
#include <stdlib.h>

/*
 * csv.py is CPython's; this is the C half it imports.  The reader is
 * CPython's character state machine (START_RECORD, IN_FIELD,
 * IN_QUOTED_FIELD, ...), so every odd input -- a quote inside an unquoted
 * field, an escape before the end of a line, a stray CR -- parses the same,
 * and the errors come at the same moment.  Taipan strings are UTF-8, so
 * the machine runs over bytes: in the two states where almost all of the
 * input is spent (inside a field, quoted or not) a per-reader table marks
 * the bytes that can change the state, and the run of bytes before the
 * next one is copied into the field at once.  Characters outside ASCII go
 * through the machine one code point at a time only when the dialect uses
 * a non-ASCII delimiter, quote or escape character.
 *
 * The writer does the reverse: a field with no special character is
 * copied as is; otherwise it is escaped and, if the quoting style asks,
 * quoted, exactly as CPython's join_append does.  Records are built in a
 * malloc'd buffer and handed to the file's write() as one str.
 */

enum { QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE };

#define NOT_SET UINT32_MAX   /* a dialect character given as None */
#define EOL (UINT32_MAX - 1) /* the end of an input line */

static Value csv_error;      /* _csv.Error */
static Value dialects;       /* the registry: name -> Dialect */
static long field_limit = 128 * 1024;

static Type *error_type(void) { return (Type *)csv_error; }

/* ---- a growable UTF-8 buffer (malloc'd, holds no Values) ---- */

typedef struct CBuf {
    char *buf;
    size_t size, cap, len;   /* len: code points */
} CBuf;

static bool cb_reserve(CBuf *b, size_t n) {
    if (likely(b->size + n <= b->cap)) return true;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->size + n) {
        if (cap > SIZE_MAX / 4) {
            err_no_memory();
            return false;
        }
        cap *= 2;
    }
    char *nb = realloc(b->buf, cap);
    if (!nb) {
        err_no_memory();
        return false;
    }
    b->buf = nb;
    b->cap = cap;
    return true;
}

static bool cb_append(CBuf *b, const char *s, size_t n, size_t len) {
    if (!cb_reserve(b, n)) return false;
    memcpy(b->buf + b->size, s, n);
    b->size += n;
    b->len += len;
    return true;
}

static bool cb_char(CBuf *b, uint32_t c) {
    if (!cb_reserve(b, 4)) return false;
    if (c < 0x80) b->buf[b->size++] = (char)c;
    else b->size += (size_t)utf8_encode(c, b->buf + b->size);
    b->len++;
    return true;
}

static Value cb_str(CBuf *b) { return b->size ? str_new_len(b->buf, b->size, b->len) : str_empty(); }

/* Count the code points of n bytes of valid UTF-8. */
static size_t count_cps(const unsigned char *p, size_t n) {
    size_t k = 0;
    for (size_t i = 0; i < n; i++) k += (p[i] & 0xC0) != 0x80;
    return k;
}

/* The UTF-8 text of one code point, NUL-terminated (for messages). */
static const char *cp_text(uint32_t c, char out[5]) {
    int n = utf8_encode(c, out);
    out[n] = 0;
    return out;
}

/* ---- Dialect ---- */

typedef struct DialectObject {
    Object hdr;
    Value lineterminator;                       /* str */
    Value doublequote_v, skipinitialspace_v, strict_v;  /* the bools, as attributes */
    uint32_t delimiter, quotechar, escapechar;  /* code points, or NOT_SET */
    int quoting;
    bool doublequote, skipinitialspace, strict;
} DialectObject;

Type type_csv_dialect;

static void dialect_trace(Object *o) {
    DialectObject *d = (DialectObject *)o;
    gc_mark(d->lineterminator);
    gc_mark(d->doublequote_v);
    gc_mark(d->skipinitialspace_v);
    gc_mark(d->strict_v);
}

static int set_bool(Value src, bool dflt, bool *out) {
    if (!src) {
        *out = dflt;
        return 0;
    }
    int b = obj_is_true(src);
    if (b < 0) return -1;
    *out = b;
    return 0;
}

/* delimiter: a 1-character str. */
static int set_char(const char *name, Value src, uint32_t dflt, uint32_t *out) {
    if (!src) {
        *out = dflt;
        return 0;
    }
    if (!str_check(src)) {
        err_format(&exc_TypeError, "\"%s\" must be string, not %.200s", name, type_name(src));
        return -1;
    }
    if (str_len(src) != 1) {
        err_format(&exc_TypeError, "\"%s\" must be a 1-character string", name);
        return -1;
    }
    const unsigned char *p = (const unsigned char *)str_data(src);
    *out = utf8_decode(&p);
    return 0;
}

/* quotechar, escapechar: a 1-character str or None. */
static int set_char_or_none(const char *name, Value src, uint32_t dflt, uint32_t *out) {
    if (!src) {
        *out = dflt;
        return 0;
    }
    if (src == VNone) {
        *out = NOT_SET;
        return 0;
    }
    if (!str_check(src)) {
        err_format(&exc_TypeError, "\"%s\" must be string or None, not %.200s", name, type_name(src));
        return -1;
    }
    return set_char(name, src, dflt, out);
}

/*
 * Dialect(dialect=None, delimiter=..., ...): the argument parsing of
 * PyArg_ParseTupleAndKeywords without a function name, whose messages say
 * "function" and "this function".
 */
static const char *const dialect_kws[] = {"dialect", "delimiter", "doublequote", "escapechar", "lineterminator",
                                          "quotechar", "quoting", "skipinitialspace", "strict", NULL};
enum { NKW = 9 };

static int dialect_parse(Value *args, size_t nargs, Value *kwvals, Value kwnames, Value out[NKW]) {
    size_t nkw = kwnames ? (size_t)tuple_size(kwnames) : 0;
    if (nargs + nkw > NKW) {
        err_format(&exc_TypeError, "function takes at most %d arguments (%zu given)", NKW, nargs + nkw);
        return -1;
    }
    for (size_t i = 0; i < NKW; i++) out[i] = i < nargs ? args[i] : VNULL;
    for (size_t k = 0; k < nkw; k++) {
        Value kn = tuple_get(kwnames, (ssize_t)k);
        size_t i = 0;
        while (i < NKW && !str_eq_cstr(kn, dialect_kws[i])) i++;
        if (i == NKW) {
            err_format(&exc_TypeError, "'%U' is an invalid keyword argument for this function", kn);
            return -1;
        }
        if (out[i]) {
            err_format(&exc_TypeError, "argument for function given by name ('%s') and position (%zu)",
                       dialect_kws[i], i + 1);
            return -1;
        }
        out[i] = kwvals[k];
    }
    return 0;
}

static Value dialect_lookup(Value name) {
    Value d = dict_get(dialects, name);
    if (!d && !err_occurred()) err_set(error_type(), "unknown dialect");
    return d;
}

/* The body of Dialect.__new__, also used by reader(), writer() and register_dialect(). */
static Value dialect_make(Type *t, Value *args, size_t nargs, Value *kwvals, Value kwnames) {
    Value a[NKW];
    if (dialect_parse(args, nargs, kwvals, kwnames, a) < 0) return VNULL;
    Value dialect = a[0];
    if (dialect) {
        if (str_check(dialect)) {
            dialect = dialect_lookup(dialect);
            if (!dialect) return VNULL;
        }
        bool overrides = false;
        for (int i = 1; i < NKW; i++) overrides |= a[i] != VNULL;
        /* An existing Dialect with nothing to change is shared. */
        if (!overrides && val_isinstance(dialect, &type_csv_dialect)) return dialect;
        /* Attributes the object lacks keep their defaults; any error from
         * the lookups is dropped, as CPython does. */
        for (int i = 1; i < NKW; i++) {
            if (!a[i]) {
                a[i] = obj_getattr_cstr(dialect, dialect_kws[i]);
                if (!a[i]) err_clear();
            }
        }
    }
    DialectObject *d = (DialectObject *)type_generic_alloc(t, 0);
    if (!d) return VNULL;
    Value delimiter = a[1], escapechar = a[3], lineterminator = a[4], quotechar = a[5], quoting = a[6];
    if (set_char("delimiter", delimiter, ',', &d->delimiter) < 0 ||
        set_bool(a[2], true, &d->doublequote) < 0 ||
        set_char_or_none("escapechar", escapechar, NOT_SET, &d->escapechar) < 0)
        return VNULL;
    if (!lineterminator) {
        lineterminator = str_from_cstr("\r\n");
        if (!lineterminator) return VNULL;
    } else if (lineterminator == VNone) {
        lineterminator = VNULL;
    } else if (!str_check(lineterminator)) {
        err_set(&exc_TypeError, "\"lineterminator\" must be a string");
        return VNULL;
    }
    GC_WRITE(d, d->lineterminator, lineterminator);
    if (set_char_or_none("quotechar", quotechar, '"', &d->quotechar) < 0) return VNULL;
    if (!quoting) {
        d->quoting = QUOTE_MINIMAL;
    } else {
        if (!int_check_exact(quoting)) {
            err_set(&exc_TypeError, "\"quoting\" must be an integer");
            return VNULL;
        }
        if (!val_is_int(quoting) || val_int(quoting) < INT_MIN || val_int(quoting) > INT_MAX) {
            err_set(&exc_OverflowError, "Python int too large to convert to C int");
            return VNULL;
        }
        d->quoting = (int)val_int(quoting);
    }
    if (set_bool(a[7], false, &d->skipinitialspace) < 0 || set_bool(a[8], false, &d->strict) < 0) return VNULL;
    if (d->quoting < QUOTE_MINIMAL || d->quoting > QUOTE_NONE) {
        err_set(&exc_TypeError, "bad \"quoting\" value");
        return VNULL;
    }
    if (d->delimiter == NOT_SET) {
        err_set(&exc_TypeError, "\"delimiter\" must be a 1-character string");
        return VNULL;
    }
    if (quotechar == VNone && !quoting) d->quoting = QUOTE_NONE;
    if (d->quoting != QUOTE_NONE && d->quotechar == NOT_SET) {
        err_set(&exc_TypeError, "quotechar must be set if quoting enabled");
        return VNULL;
    }
    if (!d->lineterminator) {
        err_set(&exc_TypeError, "lineterminator must be set");
        return VNULL;
    }
    d->doublequote_v = val_bool(d->doublequote);
    d->skipinitialspace_v = val_bool(d->skipinitialspace);
    d->strict_v = val_bool(d->strict);
    return obj_val(d);
}

static Value dialect_new(Type *t, Value *args, size_t nargs, Value kwnames) {
    return dialect_make(t, args, nargs, args + nargs, kwnames);
}

/* reader(), writer() and register_dialect() build their dialect from an optional positional and the keywords. */
static Value dialect_from_call(Value inst, Value *kwvals, Value kwnames) {
    return dialect_make(&type_csv_dialect, &inst, inst ? 1 : 0, kwvals, kwnames);
}

static Value char_or_none(uint32_t c) { return c == NOT_SET ? VNone : str_from_codepoint(c); }
static Value dialect_get_delimiter(Value self) { return char_or_none(((DialectObject *)self)->delimiter); }
static Value dialect_get_quotechar(Value self) { return char_or_none(((DialectObject *)self)->quotechar); }
static Value dialect_get_escapechar(Value self) { return char_or_none(((DialectObject *)self)->escapechar); }
static Value dialect_get_lineterminator(Value self) { return ((DialectObject *)self)->lineterminator; }
static Value dialect_get_quoting(Value self) { return val_from_int(((DialectObject *)self)->quoting); }

static Value dialect_reduce(Value self, Value *args, size_t nargs, Value kwnames) {
    const char *name = type_name(self), *dot = strrchr(name, '.');
    err_format(&exc_TypeError, "cannot pickle '%s' instances", dot ? dot + 1 : name);
    return VNULL;
}

static const MethodDef dialect_methods[] = {
    {"__reduce__", dialect_reduce, 0, "raises an exception to avoid pickling"},
    {"__reduce_ex__", dialect_reduce, 0, "raises an exception to avoid pickling"},
    {NULL}
};

static const GetSetDef dialect_getsets[] = {
    {"delimiter", dialect_get_delimiter, NULL, NULL},
    {"escapechar", dialect_get_escapechar, NULL, NULL},
    {"lineterminator", dialect_get_lineterminator, NULL, NULL},
    {"quotechar", dialect_get_quotechar, NULL, NULL},
    {"quoting", dialect_get_quoting, NULL, NULL},
    {NULL}
};

static const MemberDef dialect_members[] = {
    {"skipinitialspace", MEMBER_VALUE_RO, offsetof(DialectObject, skipinitialspace_v)},
    {"doublequote", MEMBER_VALUE_RO, offsetof(DialectObject, doublequote_v)},
    {"strict", MEMBER_VALUE_RO, offsetof(DialectObject, strict_v)},
    {NULL}
};

Type type_csv_dialect = {
    .hdr = {0, &type_type},
    .name = "_csv.Dialect",
    .basicsize = sizeof(DialectObject),
    .flags = TF_BASETYPE,
    .trace = dialect_trace,
    .new = dialect_new,
    .methods = dialect_methods,
    .getsets = dialect_getsets,
    .members = dialect_members,
    .doc = "CSV dialect\n\nThe Dialect type records CSV parsing and generation options.\n",
};

/* ---- reader ---- */

typedef enum {
    START_RECORD, START_FIELD, ESCAPED_CHAR, IN_FIELD, IN_QUOTED_FIELD, ESCAPE_IN_QUOTED_FIELD,
    QUOTE_IN_QUOTED_FIELD, EAT_CRNL, AFTER_ESCAPED_CRNL
} ParserState;

/* Bits of ReaderObject.stop: the byte ends a run of plain field text. */
enum { STOP_IN_FIELD = 1, STOP_IN_QUOTED = 2 };

typedef struct ReaderObject {
    Object hdr;
    Value input_iter;
    Value dialect;
    Value line_num;            /* an int, exposed read-only */
    unsigned char stop[256];   /* STOP_* bits per byte */
} ReaderObject;

Type type_csv_reader;

static void reader_trace(Object *o) {
    ReaderObject *r = (ReaderObject *)o;
    gc_mark(r->input_iter);
    gc_mark(r->dialect);
    gc_mark(r->line_num);
}

/* One record being parsed (Reader.__next__'s state; nothing outlives the call). */
typedef struct Parser {
    DialectObject *d;
    const unsigned char *stop;
    ParserState state;
    CBuf field;
    Value fields;   /* list */
    bool numeric_field;
} Parser;

static int field_too_large(void) {
    err_format(error_type(), "field larger than field limit (%ld)", field_limit);
    return -1;
}

static int add_char(Parser *p, uint32_t c) {
    if ((long)p->field.len >= field_limit) return field_too_large();
    return cb_char(&p->field, c) ? 0 : -1;
}

/* Append n bytes of field text holding k code points. */
static int add_run(Parser *p, const unsigned char *s, size_t n, size_t k) {
    if (field_limit < 0 || p->field.len + k > (unsigned long)field_limit) return field_too_large();
    return cb_append(&p->field, (const char *)s, n, k) ? 0 : -1;
}

static int save_field(Parser *p) {
    Value f;
    if (p->numeric_field) {
        p->numeric_field = false;
        f = float_from_string(p->field.buf ? p->field.buf : "", p->field.size);
    } else {
        f = cb_str(&p->field);
    }
    p->field.size = p->field.len = 0;
    if (!f) return -1;
    return list_append(p->fields, f);
}

static int eol_state(Parser *p, uint32_t c) {
    p->state = c == EOL ? START_RECORD : EAT_CRNL;
    return 0;
}

static int bad_quote(Parser *p) {
    char a[5], b[5];
    err_format(error_type(), "'%s' expected after '%s'", cp_text(p->d->delimiter, a), cp_text(p->d->quotechar, b));
    return -1;
}

/* One character (or EOL) through the state machine. */
static int process_char(Parser *p, uint32_t c) {
    DialectObject *d = p->d;
    switch (p->state) {
    case START_RECORD:
        if (c == EOL) return 0;   /* an empty line: the record is [] */
        if (c == '\n' || c == '\r') {
            p->state = EAT_CRNL;
            return 0;
        }
        p->state = START_FIELD;
        /* fall through */
    case START_FIELD:
        if (c == '\n' || c == '\r' || c == EOL) {
            if (save_field(p) < 0) return -1;
            return eol_state(p, c);
        }
        if (c == d->quotechar && d->quoting != QUOTE_NONE) {
            p->state = IN_QUOTED_FIELD;
        } else if (c == d->escapechar) {
            p->state = ESCAPED_CHAR;
        } else if (c == ' ' && d->skipinitialspace) {
            /* spaces at the start of a field are dropped */
        } else if (c == d->delimiter) {
            if (save_field(p) < 0) return -1;
        } else {
            if (d->quoting == QUOTE_NONNUMERIC) p->numeric_field = true;
            if (add_char(p, c) < 0) return -1;
            p->state = IN_FIELD;
        }
        return 0;
    case ESCAPED_CHAR:
        if (c == '\n' || c == '\r') {
            if (add_char(p, c) < 0) return -1;
            p->state = AFTER_ESCAPED_CRNL;
            return 0;
        }
        if (c == EOL) c = '\n';
        if (add_char(p, c) < 0) return -1;
        p->state = IN_FIELD;
        return 0;
    case AFTER_ESCAPED_CRNL:
        if (c == EOL) return 0;
        /* fall through */
    case IN_FIELD:
        if (c == '\n' || c == '\r' || c == EOL) {
            if (save_field(p) < 0) return -1;
            return eol_state(p, c);
        }
        if (c == d->escapechar) {
            p->state = ESCAPED_CHAR;
        } else if (c == d->delimiter) {
            if (save_field(p) < 0) return -1;
            p->state = START_FIELD;
        } else if (add_char(p, c) < 0) {
            return -1;
        }
        return 0;
    case IN_QUOTED_FIELD:
        if (c == EOL) return 0;
        if (c == d->escapechar) {
            p->state = ESCAPE_IN_QUOTED_FIELD;
        } else if (c == d->quotechar && d->quoting != QUOTE_NONE) {
            p->state = d->doublequote ? QUOTE_IN_QUOTED_FIELD : IN_FIELD;
        } else if (add_char(p, c) < 0) {
            return -1;
        }
        return 0;
    case ESCAPE_IN_QUOTED_FIELD:
        if (c == EOL) c = '\n';
        if (add_char(p, c) < 0) return -1;
        p->state = IN_QUOTED_FIELD;
        return 0;
    case QUOTE_IN_QUOTED_FIELD:
        if (d->quoting != QUOTE_NONE && c == d->quotechar) {
            if (add_char(p, c) < 0) return -1;   /* "" stands for " */
            p->state = IN_QUOTED_FIELD;
        } else if (c == d->delimiter) {
            if (save_field(p) < 0) return -1;
            p->state = START_FIELD;
        } else if (c == '\n' || c == '\r' || c == EOL) {
            if (save_field(p) < 0) return -1;
            return eol_state(p, c);
        } else if (!d->strict) {
            if (add_char(p, c) < 0) return -1;
            p->state = IN_FIELD;
        } else {
            return bad_quote(p);
        }
        return 0;
    case EAT_CRNL:
        if (c == '\n' || c == '\r') return 0;
        if (c == EOL) {
            p->state = START_RECORD;
            return 0;
        }
        err_set(error_type(), "new-line character seen in unquoted field - "
                              "do you need to open the file in universal-newline mode?");
        return -1;
    }
    return 0;
}

static int process_line(Parser *p, Value line) {
    const unsigned char *s = (const unsigned char *)str_data(line), *end = s + str_size(line);
    while (s < end) {
        /* Inside a field, copy the run of bytes that cannot change the state. */
        int bit = p->state == IN_FIELD ? STOP_IN_FIELD : p->state == IN_QUOTED_FIELD ? STOP_IN_QUOTED : 0;
        if (bit) {
            const unsigned char *run = s;
            while (s < end && !(p->stop[*s] & bit)) s++;
            if (s > run && add_run(p, run, (size_t)(s - run), count_cps(run, (size_t)(s - run))) < 0) return -1;
            if (s == end) break;
        }
        uint32_t c = *s < 0x80 ? *s++ : utf8_decode(&s);
        if (process_char(p, c) < 0) return -1;
    }
    return process_char(p, EOL);
}

static Value reader_iternext(Value self) {
    ReaderObject *r = (ReaderObject *)self;
    Parser p = {.d = (DialectObject *)r->dialect, .stop = r->stop, .state = START_RECORD};
    p.fields = list_new(0);
    if (!p.fields) return VNULL;
    Value result = VNULL;
    do {
        Value line = obj_next(r->input_iter);
        if (!line) {
            /* The end of the input (or an error from the iterator). */
            if (!err_occurred() && (p.field.len != 0 || p.state == IN_QUOTED_FIELD)) {
                if (p.d->strict) err_set(error_type(), "unexpected end of data");
                else if (save_field(&p) == 0) result = p.fields;
            }
            goto done;
        }
        if (!str_check(line)) {
            err_format(error_type(), "iterator should return strings, not %.200s "
                                     "(the file should be opened in text mode)", type_name(line));
            goto done;
        }
        Value n = int_add(r->line_num, val_from_int(1));
        if (!n) goto done;
        GC_WRITE(r, r->line_num, n);
        if (process_line(&p, line) < 0) goto done;
    } while (p.state != START_RECORD);
    result = p.fields;
done:
    free(p.field.buf);
    return result;
}

static Value reader_iter(Value self) { return self; }

/* Readers and writers are made by reader() and writer(), not by their types. */
static Value no_new(Type *t, Value *args, size_t nargs, Value kwnames) {
    err_format(&exc_TypeError, "cannot create '%s' instances", t->name);
    return VNULL;
}

static const MemberDef reader_members[] = {
    {"dialect", MEMBER_VALUE_RO, offsetof(ReaderObject, dialect)},
    {"line_num", MEMBER_VALUE_RO, offsetof(ReaderObject, line_num)},
    {NULL}
};

Type type_csv_reader = {
    .hdr = {0, &type_type},
    .name = "_csv.reader",
    .basicsize = sizeof(ReaderObject),
    .flags = TF_BASETYPE,
    .trace = reader_trace,
    .new = no_new,
    .iter = reader_iter,
    .iternext = reader_iternext,
    .members = reader_members,
    .doc = "CSV reader\n\nReader objects are responsible for reading and parsing tabular data\nin CSV format.\n",
};

/* PyArg_UnpackTuple(args, "", 1, 2, ...): its messages start with the empty name. */
static int unpack_1_2(size_t nargs) {
    if (nargs < 1) {
        err_format(&exc_TypeError, " expected at least 1 argument, got %zu", nargs);
        return -1;
    }
    if (nargs > 2) {
        err_format(&exc_TypeError, " expected at most 2 arguments, got %zu", nargs);
        return -1;
    }
    return 0;
}

static void reader_build_stops(ReaderObject *r) {
    DialectObject *d = (DialectObject *)r->dialect;
    bool wide = (d->delimiter != NOT_SET && d->delimiter >= 0x80) ||
                (d->quotechar != NOT_SET && d->quotechar >= 0x80) ||
                (d->escapechar != NOT_SET && d->escapechar >= 0x80);
    /* Non-ASCII text can only matter if a dialect character is non-ASCII. */
    for (int b = 0x80; b < 256; b++) r->stop[b] = wide ? STOP_IN_FIELD | STOP_IN_QUOTED : 0;
    r->stop['\n'] = r->stop['\r'] = STOP_IN_FIELD;
    if (d->delimiter < 0x80) r->stop[d->delimiter] |= STOP_IN_FIELD;
    if (d->escapechar < 0x80) r->stop[d->escapechar] |= STOP_IN_FIELD | STOP_IN_QUOTED;
    if (d->quotechar < 0x80 && d->quoting != QUOTE_NONE) r->stop[d->quotechar] |= STOP_IN_QUOTED;
}

static Value csv_reader(Value self, Value *args, size_t nargs, Value kwnames) {
    if (unpack_1_2(nargs) < 0) return VNULL;
    ReaderObject *r = gc_alloc(&type_csv_reader, sizeof(ReaderObject));
    if (!r) return VNULL;
    r->line_num = val_from_int(0);
    Value it = obj_iter(args[0]);
    if (!it) return VNULL;
    GC_WRITE(r, r->input_iter, it);
    Value d = dialect_from_call(nargs > 1 ? args[1] : VNULL, args + nargs, kwnames);
    if (!d) return VNULL;
    GC_WRITE(r, r->dialect, d);
    reader_build_stops(r);
    return obj_val(r);
}

/* ---- writer ---- */

typedef struct WriterObject {
    Object hdr;
    Value write;     /* the file's bound write() */
    Value dialect;
} WriterObject;

Type type_csv_writer;

static void writer_trace(Object *o) {
    WriterObject *w = (WriterObject *)o;
    gc_mark(w->write);
    gc_mark(w->dialect);
}

/* A record being joined. */
typedef struct Joiner {
    DialectObject *d;
    CBuf rec;
    int num_fields;
    unsigned char special[128];   /* ASCII characters that need quoting or escaping */
    bool wide;                    /* a special character is non-ASCII */
} Joiner;

static void joiner_init(Joiner *j, DialectObject *d) {
    memset(j, 0, sizeof *j);
    j->d = d;
    /* CR and LF are special only as part of the lineterminator (3.11). */
    uint32_t cs[3] = {d->delimiter, d->escapechar, d->quotechar};
    for (int i = 0; i < 3; i++) {
        if (cs[i] == NOT_SET) continue;
        if (cs[i] < 0x80) j->special[cs[i]] = 1;
        else j->wide = true;
    }
    const unsigned char *p = (const unsigned char *)str_data(d->lineterminator);
    for (size_t i = 0; i < str_size(d->lineterminator); i++) {
        if (p[i] < 0x80) j->special[p[i]] = 1;
        else j->wide = true;
    }
}

static bool in_lineterminator(DialectObject *d, uint32_t c) {
    const unsigned char *p = (const unsigned char *)str_data(d->lineterminator);
    const unsigned char *end = p + str_size(d->lineterminator);
    while (p < end)
        if (utf8_decode(&p) == c) return true;
    return false;
}

static bool is_special(Joiner *j, uint32_t c) {
    if (c < 0x80) return j->special[c];
    DialectObject *d = j->d;
    return c == d->delimiter || c == d->escapechar || c == d->quotechar || in_lineterminator(d, c);
}

/* The byte offset of the first character of s[0..n) that needs quoting or escaping, or n. */
static size_t first_special(Joiner *j, const unsigned char *s, size_t n) {
    if (!j->wide) {
        size_t i = 0;
        while (i < n && (s[i] >= 0x80 || !j->special[s[i]])) i++;
        return i;
    }
    for (const unsigned char *q = s; q < s + n;) {
        const unsigned char *at = q;
        if (is_special(j, *q < 0x80 ? *q++ : utf8_decode(&q))) return (size_t)(at - s);
    }
    return n;
}

/* Append one field (field VNULL: None) to the record: CPython's join_append. */
static int join_append(Joiner *j, Value field, bool quoted) {
    DialectObject *d = j->d;
    if (j->num_fields > 0 && !cb_char(&j->rec, d->delimiter)) return -1;
    const unsigned char *s = field ? (const unsigned char *)str_data(field) : NULL;
    size_t n = field ? str_size(field) : 0;
    size_t i = first_special(j, s, n);
    if (i == n) {
        /* Nothing to escape: the field as is, quoted if the style says so. */
        if (quoted && !cb_char(&j->rec, d->quotechar)) return -1;
        if (n && !cb_append(&j->rec, (const char *)s, n, str_len(field))) return -1;
        if (quoted && !cb_char(&j->rec, d->quotechar)) return -1;
        j->num_fields++;
        return 0;
    }
    /* Write the body, escaping as we go; the opening quote is inserted in
     * front of it once we know whether one is needed. */
    size_t body = j->rec.size;
    if (!cb_append(&j->rec, (const char *)s, i, count_cps(s, i))) return -1;
    const unsigned char *q = s + i, *end = s + n;
    while (q < end) {
        uint32_t c = *q < 0x80 ? *q++ : utf8_decode(&q);
        if (is_special(j, c)) {
            bool want_escape = false;
            if (d->quoting == QUOTE_NONE) {
                want_escape = true;
            } else {
                if (c == d->quotechar) {
                    if (d->doublequote) {
                        if (!cb_char(&j->rec, d->quotechar)) return -1;
                    } else {
                        want_escape = true;
                    }
                } else if (c == d->escapechar) {
                    want_escape = true;
                }
                if (!want_escape) quoted = true;
            }
            if (want_escape) {
                if (d->escapechar == NOT_SET) {
                    err_set(error_type(), "need to escape, but no escapechar set");
                    return -1;
                }
                if (!cb_char(&j->rec, d->escapechar)) return -1;
            }
        }
        if (!cb_char(&j->rec, c)) return -1;
    }
    if (quoted) {
        char qb[4];
        size_t qn = (size_t)utf8_encode(d->quotechar, qb);
        if (!cb_reserve(&j->rec, qn)) return -1;
        memmove(j->rec.buf + body + qn, j->rec.buf + body, j->rec.size - body);
        memcpy(j->rec.buf + body, qb, qn);
        j->rec.size += qn;
        j->rec.len++;
        if (!cb_char(&j->rec, d->quotechar)) return -1;
    }
    j->num_fields++;
    return 0;
}

/* PyNumber_Check: the number slots, or complex. */
static bool number_check(Value v) {
    if (val_is_int(v)) return true;
    Type *t = val_type(v);
    return t->nb_index || t->nb_int || t->nb_float || val_isinstance(v, &type_complex);
}

static Value writerow(WriterObject *w, Value seq) {
    DialectObject *d = (DialectObject *)w->dialect;
    Value it = obj_iter(seq);
    if (!it) {
        if (err_matches(&exc_TypeError)) {
            err_clear();
            err_format(error_type(), "iterable expected, not %.200s", type_name(seq));
        }
        return VNULL;
    }
    Joiner j;
    joiner_init(&j, d);
    Value result = VNULL;
    Value field;
    while ((field = obj_next(it))) {
        bool quoted = d->quoting == QUOTE_ALL || (d->quoting == QUOTE_NONNUMERIC && !number_check(field));
        if (field == VNone) {
            field = VNULL;
        } else if (!str_check(field)) {
            field = obj_str(field);
            if (!field) goto done;
        }
        if (join_append(&j, field, quoted) < 0) goto done;
    }
    if (err_occurred()) goto done;
    if (j.num_fields > 0 && j.rec.size == 0) {
        if (d->quoting == QUOTE_NONE) {
            err_set(error_type(), "single empty field record must be quoted");
            goto done;
        }
        j.num_fields--;
        if (join_append(&j, VNULL, true) < 0) goto done;
    }
    if (!cb_append(&j.rec, str_data(d->lineterminator), str_size(d->lineterminator), str_len(d->lineterminator)))
        goto done;
    Value line = cb_str(&j.rec);
    if (line) result = obj_call1(w->write, line);
done:
    free(j.rec.buf);
    return result;
}

static Value writer_writerow(Value self, Value *args, size_t nargs, Value kwnames) {
    if (arg_no_kw("writerow", kwnames) < 0) return VNULL;
    if (nargs != 1) {
        err_format(&exc_TypeError, "writer.writerow() takes exactly one argument (%zu given)", nargs);
        return VNULL;
    }
    return writerow((WriterObject *)self, args[0]);
}

static Value writer_writerows(Value self, Value *args, size_t nargs, Value kwnames) {
    if (arg_no_kw("writerows", kwnames) < 0) return VNULL;
    if (nargs != 1) {
        err_format(&exc_TypeError, "writer.writerows() takes exactly one argument (%zu given)", nargs);
        return VNULL;
    }
    Value it = obj_iter(args[0]);
    if (!it) return VNULL;
    Value row;
    while ((row = obj_next(it))) {
        if (!writerow((WriterObject *)self, row)) return VNULL;
    }
    return err_occurred() ? VNULL : VNone;
}

static const MethodDef writer_methods[] = {
    {"writerow", writer_writerow, 0,
     "writerow(iterable)\n\nConstruct and write a CSV record from an iterable of fields.  Non-string\n"
     "elements will be converted to string."},
    {"writerows", writer_writerows, 0,
     "writerows(iterable of iterables)\n\nConstruct and write a series of iterables to a csv file.  Non-string\n"
     "elements will be converted to string."},
    {NULL}
};

static const MemberDef writer_members[] = {
    {"dialect", MEMBER_VALUE_RO, offsetof(WriterObject, dialect)},
    {NULL}
};

Type type_csv_writer = {
    .hdr = {0, &type_type},
    .name = "_csv.writer",
    .basicsize = sizeof(WriterObject),
    .flags = TF_BASETYPE,
    .trace = writer_trace,
    .new = no_new,
    .methods = writer_methods,
    .members = writer_members,
    .doc = "CSV writer\n\nWriter objects are responsible for generating tabular data\nin CSV format from sequence input.\n",
};

static Value csv_writer(Value self, Value *args, size_t nargs, Value kwnames) {
    if (unpack_1_2(nargs) < 0) return VNULL;
    WriterObject *w = gc_alloc(&type_csv_writer, sizeof(WriterObject));
    if (!w) return VNULL;
    Value write = obj_getattr_cstr(args[0], "write");
    if (!write) {
        if (!err_matches(&exc_AttributeError)) return VNULL;
        err_clear();
    }
    if (!write || !val_type(write)->call) {
        err_set(&exc_TypeError, "argument 1 must have a \"write\" method");
        return VNULL;
    }
    GC_WRITE(w, w->write, write);
    Value d = dialect_from_call(nargs > 1 ? args[1] : VNULL, args + nargs, kwnames);
    if (!d) return VNULL;
    GC_WRITE(w, w->dialect, d);
    return obj_val(w);
}

/* ---- the dialect registry and field_size_limit ---- */

static Value csv_register_dialect(Value self, Value *args, size_t nargs, Value kwnames) {
    if (unpack_1_2(nargs) < 0) return VNULL;
    if (!str_check(args[0])) {
        err_set(&exc_TypeError, "dialect name must be a string");
        return VNULL;
    }
    Value d = dialect_from_call(nargs > 1 ? args[1] : VNULL, args + nargs, kwnames);
    if (!d || dict_set(dialects, args[0], d) < 0) return VNULL;
    return VNone;
}

static Value csv_unregister_dialect(Value self, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"name", NULL};
    Value name;
    if (arg_parse("unregister_dialect", args, nargs, kwnames, names, 0, 1, &name) < 0) return VNULL;
    if (dict_del(dialects, name) < 0) {
        if (err_matches(&exc_KeyError)) {
            err_clear();
            err_set(error_type(), "unknown dialect");
        }
        return VNULL;
    }
    return VNone;
}

static Value csv_get_dialect(Value self, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"name", NULL};
    Value name;
    if (arg_parse("get_dialect", args, nargs, kwnames, names, 0, 1, &name) < 0) return VNULL;
    return dialect_lookup(name);
}

static Value csv_list_dialects(Value self, Value *args, size_t nargs, Value kwnames) {
    if (arg_no_kw("_csv.list_dialects", kwnames) < 0) return VNULL;
    if (nargs) {
        err_format(&exc_TypeError, "_csv.list_dialects() takes no arguments (%zu given)", nargs);
        return VNULL;
    }
    return dict_keys_list(dialects);
}

static Value csv_field_size_limit(Value self, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"new_limit", NULL};
    Value limit;
    if (arg_parse("field_size_limit", args, nargs, kwnames, names, 0, 0, &limit) < 0) return VNULL;
    long old = field_limit;
    if (limit) {
        if (!int_check_exact(limit)) {
            err_set(&exc_TypeError, "limit must be an integer");
            return VNULL;
        }
        int64_t v = int_as_i64(limit);
        if (v == -1 && err_occurred()) return VNULL;
        field_limit = (long)v;
    }
    return int_from_i64(old);
}

static const MethodDef csv_functions[] = {
    {"reader", csv_reader, 0,
     "    csv_reader = reader(iterable [, dialect='excel']\n"
     "                        [optional keyword args])\n"
     "    for row in csv_reader:\n"
     "        process(row)\n\n"
     "The \"iterable\" argument can be any object that returns a line\n"
     "of input for each iteration, such as a file object or a list.  The\n"
     "optional \"dialect\" parameter is discussed below.  The function\n"
     "also accepts optional keyword arguments which override settings\n"
     "provided by the dialect.\n\n"
     "The returned object is an iterator.  Each iteration returns a row\n"
     "of the CSV file (which can span multiple input lines).\n"},
    {"writer", csv_writer, 0,
     "    csv_writer = csv.writer(fileobj [, dialect='excel']\n"
     "                            [optional keyword args])\n"
     "    for row in sequence:\n"
     "        csv_writer.writerow(row)\n\n"
     "    [or]\n\n"
     "    csv_writer = csv.writer(fileobj [, dialect='excel']\n"
     "                            [optional keyword args])\n"
     "    csv_writer.writerows(rows)\n\n"
     "The \"fileobj\" argument can be any object that supports the file API.\n"},
    {"list_dialects", csv_list_dialects, 0, "Return a list of all know dialect names.\n    names = csv.list_dialects()"},
    {"get_dialect", csv_get_dialect, 0,
     "Return the dialect instance associated with name.\n\n    dialect = csv.get_dialect(name)"},
    {"register_dialect", csv_register_dialect, 0,
     "Create a mapping from a string name to a dialect class.\n    dialect = csv.register_dialect(name[, dialect[, **fmtparams]])"},
    {"unregister_dialect", csv_unregister_dialect, 0,
     "Delete the name/dialect mapping associated with a string name.\n\n    csv.unregister_dialect(name)"},
    {"field_size_limit", csv_field_size_limit, 0,
     "Sets an upper limit on parsed fields.\n\n    csv.field_size_limit([limit])\n\n"
     "Returns old limit. If limit is not given, no new limit is set and\nthe old limit is returned"},
    {NULL}
};

static const char csv_doc[] =
    "CSV parsing and writing.\n"
    "\n"
    "This module provides classes that assist in the reading and writing\n"
    "of Comma Separated Value (CSV) files, and implements the interface\n"
    "described by PEP 305.  Although many CSV files are simple to parse,\n"
    "the format is not formally defined by a stable specification and\n"
    "is subtle enough that parsing lines of a CSV file with something\n"
    "like line.split(\",\") is bound to fail.  The module supports three\n"
    "basic APIs: reading, writing, and registration of dialects.\n"
    "\n"
    "\n"
    "DIALECT REGISTRATION:\n"
    "\n"
    "Readers and writers support a dialect argument, which is a convenient\n"
    "handle on a group of settings.  When the dialect argument is a string,\n"
    "it identifies one of the dialects previously registered with the module.\n"
    "If it is a class or instance, the attributes of the argument are used as\n"
    "the settings for the reader or writer:\n"
    "\n"
    "    class excel:\n"
    "        delimiter = ','\n"
    "        quotechar = '\"'\n"
    "        escapechar = None\n"
    "        doublequote = True\n"
    "        skipinitialspace = False\n"
    "        lineterminator = '\\r\\n'\n"
    "        quoting = QUOTE_MINIMAL\n"
    "\n"
    "SETTINGS:\n"
    "\n"
    "    * quotechar - specifies a one-character string to use as the\n"
    "        quoting character.  It defaults to '\"'.\n"
    "    * delimiter - specifies a one-character string to use as the\n"
    "        field separator.  It defaults to ','.\n"
    "    * skipinitialspace - specifies how to interpret spaces which\n"
    "        immediately follow a delimiter.  It defaults to False, which\n"
    "        means that spaces immediately following a delimiter is part\n"
    "        of the following field.\n"
    "    * lineterminator - specifies the character sequence which should\n"
    "        terminate rows.\n"
    "    * quoting - controls when quotes should be generated by the writer.\n"
    "        It can take on any of the following module constants:\n"
    "\n"
    "        csv.QUOTE_MINIMAL means only when required, for example, when a\n"
    "            field contains either the quotechar or the delimiter\n"
    "        csv.QUOTE_ALL means that quotes are always placed around fields.\n"
    "        csv.QUOTE_NONNUMERIC means that quotes are always placed around\n"
    "            fields which do not parse as integers or floating point\n"
    "            numbers.\n"
    "        csv.QUOTE_NONE means that quotes are never placed around fields.\n"
    "    * escapechar - specifies a one-character string used to escape\n"
    "        the delimiter when quoting is set to QUOTE_NONE.\n"
    "    * doublequote - controls the handling of quotes inside fields.  When\n"
    "        True, two consecutive quotes are interpreted as one during read,\n"
    "        and when writing, each quote character embedded in the data is\n"
    "        written as two quotes\n";

Value csv_module_init(void) {
    type_ready(&type_csv_dialect);
    type_ready(&type_csv_reader);
    type_ready(&type_csv_writer);
    Value m = module_new_cstr("_csv");
    if (!m || module_add_functions(m, csv_functions) < 0) return VNULL;
    Value ns = dict_new();
    if (!ns || dict_set_cstr(ns, "__module__", str_from_cstr("_csv")) < 0) return VNULL;
    csv_error = type_new_class(&type_type, str_from_cstr("Error"), tuple_pack(1, obj_val(&exc_Exception)), ns, VNULL);
    if (!csv_error) return VNULL;
    gc_add_root(&csv_error);
    dialects = dict_new();
    if (!dialects) return VNULL;
    gc_add_root(&dialects);
    if (module_add(m, "__doc__", str_from_cstr(csv_doc)) < 0 || module_add(m, "__version__", str_from_cstr("1.0")) < 0 ||
        module_add(m, "Error", csv_error) < 0 || module_add(m, "Dialect", obj_val(&type_csv_dialect)) < 0 ||
        module_add(m, "Reader", obj_val(&type_csv_reader)) < 0 ||
        module_add(m, "Writer", obj_val(&type_csv_writer)) < 0 || module_add(m, "_dialects", dialects) < 0 ||
        module_add(m, "QUOTE_MINIMAL", val_from_int(QUOTE_MINIMAL)) < 0 ||
        module_add(m, "QUOTE_ALL", val_from_int(QUOTE_ALL)) < 0 ||
        module_add(m, "QUOTE_NONNUMERIC", val_from_int(QUOTE_NONNUMERIC)) < 0 ||
        module_add(m, "QUOTE_NONE", val_from_int(QUOTE_NONE)) < 0)
        return VNULL;
    return m;
}
