/* sre.c - the _sre module: compile(), re.Pattern with match/search/findall/finditer/split/sub, and the scanner. */
#include "sre_module.h"
#include "../objects/str.h"
#include "../objects/bytes.h"
#include "../objects/memoryview.h"
#include "../objects/int.h"
#include "../objects/tuple.h"
#include "../objects/list.h"
#include "../objects/dict.h"
#include "../objects/func.h"
#include "../objects/misc.h"
#include "../objects/type.h"
#include "../objects/module.h"
#include "../gc/gc.h"
#include "../vm/error.h"

#include <limits.h>
#include <stdlib.h>

/*
 * CPython's re package compiles a pattern in Python and calls
 * _sre.compile() with the program; everything that runs a program lives
 * here and in sre_engine.c.  Where _sre reaches back into the Python
 * layer (re._subx for replacement templates, re._expand for
 * Match.expand) this does the same, so the package runs unchanged.
 */

extern Value import_name(Value name, Value globals, Value fromlist, int level);
extern Value mappingproxy_new(Value d);

/* ---- Subjects ---- */

int sre_subject_get(Value string, Subject *s) {
    s->obj = string;
    if (str_check(string)) {
        s->data = (const uint8_t *)str_data(string);
        s->size = str_size(string);
        s->len = str_len(string);
        s->isbytes = false;
        s->utf8 = s->len != s->size;
        return 0;
    }
    const char *d;
    size_t n;
    if (!val_is_int(string) && bytes_get_buffer(string, &d, &n)) {
        s->data = (const uint8_t *)d;
        s->size = s->len = n;
        s->isbytes = true;
        s->utf8 = false;
        return 0;
    }
    err_format(&exc_TypeError, "expected string or bytes-like object, got '%s'", type_name(string));
    return -1;
}

/*
 * The last known (index, byte offset) pair of one non-ASCII str, so the
 * usual scanning loop `m = p.match(text, pos); pos = m.end()` finds each
 * new pos next to the previous match's end instead of through the str's
 * index.  It holds an unrooted pointer, so it empties itself before every
 * collection (an address is only reused after a sweep).
 */
static struct {
    Value str;
    size_t index, byte;
} pos_cache;

static void pos_cache_clear(void) { pos_cache.str = VNULL; }

void sre_pos_cache_note(const Subject *s, size_t index, size_t byte) {
    static bool hooked;
    if (!s->utf8) return;
    if (!hooked) {
        gc_add_pre_mark_hook(pos_cache_clear);
        hooked = true;
    }
    pos_cache.str = s->obj;
    pos_cache.index = index;
    pos_cache.byte = byte;
}

/* The byte offset of character index i (0 <= i <= len). */
static size_t subject_byte(const Subject *s, size_t i) {
    if (!s->utf8) return i;
    if (i >= s->len) return s->size;
    if (pos_cache.str == s->obj && i >= pos_cache.index && i - pos_cache.index < 64) {
        size_t b = pos_cache.byte;
        for (size_t k = i - pos_cache.index; k; k--) b += sre_utf8_len[s->data[b]];
        return b;
    }
    size_t b = str_byte_offset(s->obj, i);
    sre_pos_cache_note(s, i, b);
    return b;
}

/* Far from the cursor, bisect the str's own position index instead of counting every byte
 * (a search that finds its match a megabyte later should not read that megabyte twice). */
#define FAR_BYTES 4096

static size_t index_by_bisection(const Subject *s, size_t byte) {
    size_t lo = 0, hi = s->len;   /* byte_offset(lo) <= byte < byte_offset(hi) */
    while (hi - lo > 32) {
        size_t mid = lo + (hi - lo) / 2;
        if (str_byte_offset(s->obj, mid) <= byte) lo = mid;
        else hi = mid;
    }
    size_t off = str_byte_offset(s->obj, lo);
    return lo + utf8_count((const char *)s->data + off, byte - off);
}

/* The character index of byte offset `byte`, counting from the cursor, which moves there. */
size_t sre_subject_index(const Subject *s, Cursor *cur, size_t byte) {
    if (!s->utf8) return byte;
    size_t index;
    if ((byte > cur->byte ? byte - cur->byte : cur->byte - byte) > FAR_BYTES)
        index = index_by_bisection(s, byte);
    else if (byte >= cur->byte)
        index = cur->index + utf8_count((const char *)s->data + cur->byte, byte - cur->byte);
    else
        index = cur->index - utf8_count((const char *)s->data + byte, cur->byte - byte);
    cur->byte = byte;
    cur->index = index;
    return index;
}

/* subject[b0:b1] by byte offsets: a str for str subjects, bytes for all bytes-likes (as CPython). */
Value sre_subject_slice(const Subject *s, size_t b0, size_t b1) {
    if (b1 > s->size) b1 = s->size;
    if (b0 > b1) b0 = b1;
    if (!s->isbytes) {
        if (b0 == 0 && b1 == s->size && str_check_exact(s->obj)) return s->obj;
        const char *p = (const char *)s->data + b0;
        return str_new_len(p, b1 - b0, s->utf8 ? utf8_count(p, b1 - b0) : b1 - b0);
    }
    if (b0 == 0 && b1 == s->size && !val_is_int(s->obj) && val_obj(s->obj)->type == &type_bytes) return s->obj;
    return bytes_new((const char *)s->data + b0, b1 - b0);
}

/* ---- Calling back into re ---- */

Value sre_call_re(const char *name, Value *args, size_t nargs) {
    Value mod = import_name(str_intern_cstr("re"), VNULL, VNULL, 0);
    if (!mod) return VNULL;
    Value f = obj_getattr_cstr(mod, name);
    if (!f) return VNULL;
    return obj_call(f, args, nargs, VNULL);
}

/* re.Pattern[str] and re.Match[bytes] are generic aliases, like the builtin containers. */
Value sre_class_getitem(Value cls, Value *args, size_t nargs, Value kw) {
    extern Value generic_class_getitem(Value cls, Value *args, size_t nargs, Value kw);
    if (arg_no_kw("__class_getitem__", kw) < 0) return VNULL;
    return generic_class_getitem(cls, args, nargs, kw);
}

/* ---- Arguments ---- */

/* A Py_ssize_t argument as Argument Clinic converts it. */
static int arg_ssize(Value v, ssize_t *out) {
    Value i = num_index(v);
    if (!i) return -1;
    ssize_t n = int_as_ssize(i);
    if (n == -1 && err_occurred()) return -1;
    *out = n;
    return 0;
}

/* string, pos=0, endpos=sys.maxsize */
static int parse_string_pos(const char *fname, Value *args, size_t nargs, Value kw, Value *string,
                            ssize_t *pos, ssize_t *endpos) {
    static const char *const names[] = {"string", "pos", "endpos", NULL};
    Value a[3];
    if (arg_parse(fname, args, nargs, kw, names, 0, 1, a) < 0) return -1;
    *string = a[0];
    *pos = 0;
    *endpos = SSIZE_MAX;
    if (a[1] && arg_ssize(a[1], pos) < 0) return -1;
    if (a[2] && arg_ssize(a[2], endpos) < 0) return -1;
    return 0;
}

static void sre_error(ssize_t status) {
    if (status == SRE_ERROR_INTERRUPTED) return;   /* a signal handler's exception is pending */
    if (status == SRE_ERROR_MEMORY) err_no_memory();
    else err_set(&exc_RuntimeError, "internal error in regular expression engine");
}

/* ---- One operation over one subject ---- */

typedef struct Op {
    PatternObject *pat;
    Subject subj;
    ssize_t pos, endpos;   /* clamped character indices */
    Cursor cur;
    bool exported;         /* holding a bytearray export: it cannot be resized meanwhile */
    SreState st;
} Op;

static int op_init(Op *op, PatternObject *pat, Value string, ssize_t pos, ssize_t endpos) {
    op->pat = pat;
    op->exported = false;
    if (sre_subject_get(string, &op->subj) < 0) return -1;
    if (pat->isbytes == 0 && op->subj.isbytes) {
        err_set(&exc_TypeError, "cannot use a string pattern on a bytes-like object");
        return -1;
    }
    if (pat->isbytes == 1 && !op->subj.isbytes) {
        err_set(&exc_TypeError, "cannot use a bytes pattern on a string-like object");
        return -1;
    }
    ssize_t len = (ssize_t)op->subj.len;
    if (pos < 0) pos = 0;
    else if (pos > len) pos = len;
    if (endpos < 0) endpos = 0;
    else if (endpos > len) endpos = len;
    op->pos = pos;
    op->endpos = endpos;
    size_t b0 = subject_byte(&op->subj, (size_t)pos), b1 = subject_byte(&op->subj, (size_t)endpos);
    op->cur.byte = b0;
    op->cur.index = (size_t)pos;
    const uint8_t *d = op->subj.data;
    if (sre_state_init(&op->st, pat->groups, d, d + b0, d + b1, op->subj.utf8) < 0) {
        err_no_memory();
        return -1;
    }
    op->st.limit = d + op->subj.size;
    return 0;
}

/* Keep a bytearray subject from being resized while Python code (a sub() callback) runs. */
static void op_export(Op *op) {
    if (op->subj.isbytes && bytearray_check(op->subj.obj)) {
        ((ByteArrayObject *)op->subj.obj)->exports++;
        op->exported = true;
    }
}

static void op_fini(Op *op) {
    if (op->exported) ((ByteArrayObject *)op->subj.obj)->exports--;
    sre_state_fini(&op->st);
}

/* The next match from st.start; 1, 0, or -1 with an exception. */
static int op_search(Op *op) {
    sre_state_reset(&op->st);
    op->st.ptr = op->st.start;
    ssize_t status = sre_search(&op->st, &op->pat->prog);
    if (status < 0) {
        sre_error(status);
        return -1;
    }
    return status > 0;
}

/* After a match: continue from its end, and not with an empty match there if it was empty. */
static void op_advance(Op *op) {
    op->st.must_advance = op->st.ptr == op->st.start;
    op->st.start = op->st.ptr;
}

/* Group g (1-based) of the current match; None or "" when it did not take part. */
static Value op_group(Op *op, int g, bool empty) {
    SreState *st = &op->st;
    int i = (g - 1) * 2;
    if (i >= st->lastmark || !st->mark[i] || !st->mark[i + 1]) {
        if (!empty) return VNone;
        return sre_subject_slice(&op->subj, 0, 0);
    }
    if (st->mark[i] > st->mark[i + 1]) {
        err_set(&exc_SystemError, "The span of capturing group is wrong, please report a bug for the re module.");
        return VNULL;
    }
    return sre_subject_slice(&op->subj, (size_t)(st->mark[i] - st->beginning), (size_t)(st->mark[i + 1] - st->beginning));
}

/* ---- re.Pattern ---- */

static PatternObject *PAT(Value v) { return (PatternObject *)v; }

static void pattern_trace(Object *o) {
    PatternObject *p = (PatternObject *)o;
    gc_mark(p->pattern);
    if (p->groupindex) gc_mark(p->groupindex);
    if (p->indexgroup) gc_mark(p->indexgroup);
}

static Value no_new(Type *t, Value *args, size_t nargs, Value kw) {
    err_format(&exc_TypeError, "cannot create '%s' instances", t->name);
    return VNULL;
}

enum { MODE_MATCH, MODE_FULLMATCH, MODE_SEARCH };

static Value pattern_run(Value self, Value *args, size_t nargs, Value kw, const char *fname, int mode) {
    Value string;
    ssize_t pos, endpos;
    if (parse_string_pos(fname, args, nargs, kw, &string, &pos, &endpos) < 0) return VNULL;
    Op op;
    if (op_init(&op, PAT(self), string, pos, endpos) < 0) return VNULL;
    ssize_t status;
    if (mode == MODE_SEARCH) {
        status = sre_search(&op.st, &PAT(self)->prog);
    } else {
        op.st.match_all = mode == MODE_FULLMATCH;
        status = sre_match(&op.st, &PAT(self)->prog);
    }
    Value r;
    if (status > 0) r = sre_match_new(PAT(self), &op.subj, &op.st, &op.cur, op.pos, op.endpos);
    else if (status == 0) r = VNone;
    else {
        sre_error(status);
        r = VNULL;
    }
    op_fini(&op);
    return r;
}

static Value pattern_match_m(Value self, Value *args, size_t nargs, Value kw) {
    return pattern_run(self, args, nargs, kw, "match", MODE_MATCH);
}
static Value pattern_fullmatch_m(Value self, Value *args, size_t nargs, Value kw) {
    return pattern_run(self, args, nargs, kw, "fullmatch", MODE_FULLMATCH);
}
static Value pattern_search_m(Value self, Value *args, size_t nargs, Value kw) {
    return pattern_run(self, args, nargs, kw, "search", MODE_SEARCH);
}

static Value pattern_findall_m(Value self, Value *args, size_t nargs, Value kw) {
    Value string;
    ssize_t pos, endpos;
    if (parse_string_pos("findall", args, nargs, kw, &string, &pos, &endpos) < 0) return VNULL;
    PatternObject *pat = PAT(self);
    Op op;
    if (op_init(&op, pat, string, pos, endpos) < 0) return VNULL;
    Value list = list_new(0);
    if (!list) goto error;
    while (op.st.start <= op.st.end) {
        int found = op_search(&op);
        if (found < 0) goto error;
        if (!found) break;
        Value item;
        if (pat->groups == 0) {
            item = sre_subject_slice(&op.subj, (size_t)(op.st.start - op.st.beginning),
                                     (size_t)(op.st.ptr - op.st.beginning));
        } else if (pat->groups == 1) {
            item = op_group(&op, 1, true);
        } else {
            item = tuple_new((size_t)pat->groups);
            for (int g = 0; item && g < pat->groups; g++) {
                Value v = op_group(&op, g + 1, true);
                if (!v) item = VNULL;
                else tuple_items(item)[g] = v;
            }
        }
        if (!item || list_append(list, item) < 0) goto error;
        op_advance(&op);
    }
    op_fini(&op);
    return list;
error:
    op_fini(&op);
    return VNULL;
}

/* ---- The scanner (Pattern.scanner, and finditer through it) ---- */

typedef struct ScannerObject {
    Object hdr;
    Value pattern;
    Value string;
    ssize_t pos, endpos;        /* clamped character indices, for the matches' pos/endpos */
    ssize_t start;              /* where the next attempt begins; -1: exhausted */
    size_t start_byte;
    size_t end_byte;
    bool must_advance;
    /* As in CPython, a scanner keeps the buffer of a subject other than
     * str and bytes (a bytearray) exported for its whole life, so it cannot
     * be resized under it: through a memoryview, whose export the collector
     * gives back once the scanner and it are unreachable. */
    Value export;
} ScannerObject;

static void scanner_trace(Object *o) {
    ScannerObject *s = (ScannerObject *)o;
    gc_mark(s->pattern);
    gc_mark(s->string);
    gc_mark(s->export);
}

static Value scanner_new_for(Value pattern, Value string, ssize_t pos, ssize_t endpos) {
    Op op;
    if (op_init(&op, PAT(pattern), string, pos, endpos) < 0) return VNULL;
    op_fini(&op);
    misc_ready_type(&type_sre_scanner);
    ScannerObject *s = gc_alloc(&type_sre_scanner, sizeof(ScannerObject));
    if (!s) return VNULL;
    s->pattern = pattern;
    s->string = string;
    s->pos = op.pos;
    s->endpos = op.endpos;
    s->start = op.pos;
    s->start_byte = (size_t)(op.st.start - op.st.beginning);
    s->end_byte = (size_t)(op.st.end - op.st.beginning);
    s->must_advance = false;
    s->export = VNULL;
    if (!str_check(string) && !bytes_check(string) && !(s->export = memoryview_from_object(string)))
        return VNULL;
    return obj_val(s);
}

static Value scanner_step(Value self, int mode) {
    ScannerObject *sc = (ScannerObject *)self;
    if (sc->start < 0) return VNone;
    PatternObject *pat = PAT(sc->pattern);
    Subject subj;
    if (sre_subject_get(sc->string, &subj) < 0) return VNULL;
    /* A bytearray may have shrunk since the last step. */
    size_t b0 = sc->start_byte, b1 = sc->end_byte;
    if (b1 > subj.size) b1 = subj.size;
    if (b0 > b1) b0 = b1;
    SreState st;
    if (sre_state_init(&st, pat->groups, subj.data, subj.data + b0, subj.data + b1, subj.utf8) < 0) {
        err_no_memory();
        return VNULL;
    }
    st.limit = subj.data + subj.size;
    st.must_advance = sc->must_advance;
    ssize_t status = mode == MODE_MATCH ? sre_match(&st, &pat->prog) : sre_search(&st, &pat->prog);
    Value r;
    if (status > 0) {
        Cursor cur = {b0, (size_t)sc->start};
        r = sre_match_new(pat, &subj, &st, &cur, sc->pos, sc->endpos);
        sc->must_advance = st.ptr == st.start;
        sc->start_byte = (size_t)(st.ptr - subj.data);
        sc->start = (ssize_t)sre_subject_index(&subj, &cur, sc->start_byte);
    } else if (status == 0) {
        sc->start = -1;
        r = VNone;
    } else {
        sre_error(status);
        r = VNULL;
    }
    sre_state_fini(&st);
    return r;
}

static Value scanner_match_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("match", kw) < 0 || arg_count("match", nargs, 0, 0) < 0) return VNULL;
    return scanner_step(self, MODE_MATCH);
}

static Value scanner_search_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("search", kw) < 0 || arg_count("search", nargs, 0, 0) < 0) return VNULL;
    return scanner_step(self, MODE_SEARCH);
}

static Value scanner_get_pattern(Value self) { return ((ScannerObject *)self)->pattern; }

static const MethodDef scanner_methods[] = {
    {"match", scanner_match_m, 0, NULL},
    {"search", scanner_search_m, 0, NULL},
    {NULL},
};

static const GetSetDef scanner_getsets[] = {
    {"pattern", scanner_get_pattern, NULL, NULL},
    {NULL},
};

Type type_sre_scanner = {
    .hdr = {0, &type_type},
    .name = "_sre.SRE_Scanner",
    .basicsize = sizeof(ScannerObject),
    .trace = scanner_trace,
    .new = no_new,
    .methods = scanner_methods,
    .getsets = scanner_getsets,
};

static Value pattern_scanner_m(Value self, Value *args, size_t nargs, Value kw) {
    Value string;
    ssize_t pos, endpos;
    if (parse_string_pos("scanner", args, nargs, kw, &string, &pos, &endpos) < 0) return VNULL;
    return scanner_new_for(self, string, pos, endpos);
}

static Value pattern_finditer_m(Value self, Value *args, size_t nargs, Value kw) {
    Value string;
    ssize_t pos, endpos;
    if (parse_string_pos("finditer", args, nargs, kw, &string, &pos, &endpos) < 0) return VNULL;
    Value sc = scanner_new_for(self, string, pos, endpos);
    if (!sc) return VNULL;
    Value search = obj_getattr_cstr(sc, "search");
    if (!search) return VNULL;
    return callable_iter_new(search, VNone);
}

static Value pattern_split_m(Value self, Value *args, size_t nargs, Value kw) {
    static const char *const names[] = {"string", "maxsplit", NULL};
    Value a[2];
    if (arg_parse("split", args, nargs, kw, names, 0, 1, a) < 0) return VNULL;
    ssize_t maxsplit = 0;
    if (a[1] && arg_ssize(a[1], &maxsplit) < 0) return VNULL;
    PatternObject *pat = PAT(self);
    Op op;
    if (op_init(&op, pat, a[0], 0, SSIZE_MAX) < 0) return VNULL;
    Value list = list_new(0);
    if (!list) goto error;
    const uint8_t *last = op.st.start;
    for (ssize_t n = 0; !maxsplit || n < maxsplit; n++) {
        int found = op_search(&op);
        if (found < 0) goto error;
        if (!found) break;
        Value item = sre_subject_slice(&op.subj, (size_t)(last - op.st.beginning), (size_t)(op.st.start - op.st.beginning));
        if (!item || list_append(list, item) < 0) goto error;
        for (int g = 1; g <= pat->groups; g++) {
            item = op_group(&op, g, false);
            if (!item || list_append(list, item) < 0) goto error;
        }
        op_advance(&op);
        last = op.st.start;
    }
    Value tail = sre_subject_slice(&op.subj, (size_t)(last - op.st.beginning), (size_t)(op.st.end - op.st.beginning));
    if (!tail || list_append(list, tail) < 0) goto error;
    op_fini(&op);
    return list;
error:
    op_fini(&op);
    return VNULL;
}

/*
 * re._subx(pattern, template) parses a replacement template and returns
 * either a plain string or its own closure `filter(match, template=
 * template)`, which runs re._parser.expand_template for every match.
 * That closure is recognized here and its (groups, literals) template
 * expanded in C, with expand_template's results and errors, so a
 * template substitution builds no Match objects and runs no Python code
 * per match.  Anything else returned is called as a function.
 */
typedef struct Template {
    Value literals;       /* list: str/bytes pieces, None where a group goes */
    ssize_t n;
    int *slot_group;      /* per piece: the group number for a None piece, -1 for a literal */
    ssize_t bad_item;     /* the first literal of the wrong type for the subject, -1 if none */
} Template;

static bool template_from_filter(Value filter, PatternObject *pat, bool isbytes, Template *t) {
    if (!func_check(filter)) return false;
    FuncObject *f = (FuncObject *)filter;
    if (!f->qualname || !str_check(f->qualname) || !str_eq_cstr(f->qualname, "_subx.<locals>.filter")
        || !f->module || !str_check(f->module) || !str_eq_cstr(f->module, "re")
        || !f->defaults || !tuple_check_exact(f->defaults) || tuple_size(f->defaults) != 1)
        return false;
    Value tmpl = tuple_get(f->defaults, 0);
    if (!tuple_check_exact(tmpl) || tuple_size(tmpl) != 2) return false;
    Value groups = tuple_get(tmpl, 0), literals = tuple_get(tmpl, 1);
    if (!list_check_exact(groups) || !list_check_exact(literals)) return false;
    ssize_t n = list_size(literals);
    int *slot = malloc(((size_t)n + 1) * sizeof(int));
    if (!slot) return false;
    for (ssize_t i = 0; i < n; i++) slot[i] = -1;
    for (ssize_t k = 0; k < list_size(groups); k++) {
        Value g = list_get(groups, k);
        if (!tuple_check_exact(g) || tuple_size(g) != 2 || !val_is_int(tuple_get(g, 0)) || !val_is_int(tuple_get(g, 1)))
            goto no;
        intptr_t index = val_int(tuple_get(g, 0)), group = val_int(tuple_get(g, 1));
        if (index < 0 || index >= n || group < 0 || group > pat->groups || list_get(literals, index) != VNone)
            goto no;
        slot[index] = (int)group;
    }
    t->bad_item = -1;
    for (ssize_t i = 0; i < n; i++) {
        Value lit = list_get(literals, i);
        if (slot[i] >= 0) continue;
        if (lit == VNone) goto no;   /* expand_template would fail on it: let it */
        const char *d;
        size_t sz;
        bool ok = isbytes ? !val_is_int(lit) && bytes_get_buffer(lit, &d, &sz) : str_check(lit);
        if (!ok && t->bad_item < 0) t->bad_item = i;
    }
    t->literals = literals;
    t->n = n;
    t->slot_group = slot;
    return true;
no:
    free(slot);
    return false;
}

/*
 * sub() and subn().  The result is built directly instead of as a list of
 * pieces joined at the end, but the type rules are join's: every
 * replacement must be a str (bytes-like for bytes subjects), and the
 * error names its position in the list CPython would have built.
 */
static Value pattern_subx(PatternObject *pat, Value repl, Value string, ssize_t count, bool subn) {
    Value filter = repl;
    bool callable = val_type(repl)->call != NULL;
    if (!callable) {
        /* A template without backslashes is used as it is; others go through re._subx. */
        const char *d = NULL;
        size_t n = 0;
        bool literal = false;
        if (str_check(repl)) {
            d = str_data(repl);
            n = str_size(repl);
            literal = true;
        } else if (!val_is_int(repl) && bytes_get_buffer(repl, &d, &n)) {
            literal = true;
        }
        if (literal && n && memchr(d, '\\', n)) literal = false;
        if (!literal) {
            Value a[2] = {obj_val(pat), repl};
            filter = sre_call_re("_subx", a, 2);
            if (!filter) return VNULL;
            callable = val_type(filter)->call != NULL;
        }
    }

    Op op;
    if (op_init(&op, pat, string, 0, SSIZE_MAX) < 0) return VNULL;
    op_export(&op);
    bool isbytes = op.subj.isbytes;
    Template tmpl = {VNULL, 0, NULL, -1};
    bool expand = callable && filter != repl && template_from_filter(filter, pat, isbytes, &tmpl);
    StrBuilder sb;
    ByteBuilder bb;
    if (isbytes) bb_init(&bb);
    else sb_init(&sb);
    ssize_t nitems = 0, n = 0;
    size_t i = 0;   /* byte offset where the unreplaced text resumes */
    const uint8_t *base = op.st.beginning;

    while (!count || n < count) {
        int found = op_search(&op);
        if (found < 0) goto error;
        if (!found) break;
        size_t b = (size_t)(op.st.start - base), e = (size_t)(op.st.ptr - base);
        if (i < b) {
            if (isbytes) bb_append(&bb, base + i, b - i);
            else if (op.subj.utf8) sb_append(&sb, (const char *)base + i, b - i);
            else sb_append_utf8(&sb, (const char *)base + i, b - i, b - i);
            nitems++;
        }
        Value item = filter;
        if (expand) {
            /* expand_template: the pieces joined, groups in their slots ('' when unmatched). */
            if (tmpl.bad_item >= 0) {
                Value lit = list_get(tmpl.literals, tmpl.bad_item);
                if (isbytes)
                    err_format(&exc_TypeError, "sequence item %zd: expected a bytes-like object, %s found", tmpl.bad_item, type_name(lit));
                else
                    err_format(&exc_TypeError, "sequence item %zd: expected str instance, %s found", tmpl.bad_item, type_name(lit));
                goto error;
            }
            for (ssize_t k = 0; k < tmpl.n; k++) {
                int g = tmpl.slot_group[k];
                if (g < 0) {
                    Value lit = list_get(tmpl.literals, k);
                    const char *d;
                    size_t sz;
                    if (!isbytes) sb_append_str(&sb, lit);
                    else if (bytes_get_buffer(lit, &d, &sz)) bb_append(&bb, d, sz);
                    continue;
                }
                const uint8_t *gb, *ge;
                if (g == 0) {
                    gb = op.st.start;
                    ge = op.st.ptr;
                } else {
                    int i2 = (g - 1) * 2;
                    if (i2 >= op.st.lastmark || !op.st.mark[i2] || !op.st.mark[i2 + 1]) continue;
                    gb = op.st.mark[i2];
                    ge = op.st.mark[i2 + 1];
                    if (gb > ge) {
                        err_set(&exc_SystemError, "The span of capturing group is wrong, please report a bug for the re module.");
                        goto error;
                    }
                }
                if (isbytes) bb_append(&bb, gb, (size_t)(ge - gb));
                else if (op.subj.utf8) sb_append(&sb, (const char *)gb, (size_t)(ge - gb));
                else sb_append_utf8(&sb, (const char *)gb, (size_t)(ge - gb), (size_t)(ge - gb));
            }
            nitems++;
            i = e;
            n++;
            op_advance(&op);
            continue;
        }
        if (callable) {
            Value m = sre_match_new(pat, &op.subj, &op.st, &op.cur, op.pos, op.endpos);
            if (!m) goto error;
            item = obj_call1(filter, m);
            if (!item) goto error;
        }
        if (item != VNone) {
            if (isbytes) {
                const char *d;
                size_t sz;
                if (val_is_int(item) || !bytes_get_buffer(item, &d, &sz)) {
                    err_format(&exc_TypeError, "sequence item %zd: expected a bytes-like object, %s found", nitems, type_name(item));
                    goto error;
                }
                bb_append(&bb, d, sz);
            } else {
                if (!str_check(item)) {
                    err_format(&exc_TypeError, "sequence item %zd: expected str instance, %s found", nitems, type_name(item));
                    goto error;
                }
                sb_append_str(&sb, item);
            }
            nitems++;
        }
        i = e;
        n++;
        op_advance(&op);
    }

    Value result;
    size_t stop = (size_t)(op.st.end - base);
    if (n == 0) {
        /* Nothing replaced: CPython's join of the one slice hands back the string itself. */
        if (isbytes) bb_discard(&bb);
        else sb_discard(&sb);
        result = sre_subject_slice(&op.subj, 0, op.subj.size);
    } else {
        if (i < stop) {
            if (isbytes) bb_append(&bb, base + i, stop - i);
            else if (op.subj.utf8) sb_append(&sb, (const char *)base + i, stop - i);
            else sb_append_utf8(&sb, (const char *)base + i, stop - i, stop - i);
        }
        result = isbytes ? bb_finish(&bb) : sb_finish(&sb);
    }
    free(tmpl.slot_group);
    op_fini(&op);
    if (!result || !subn) return result;
    Value nv = int_from_i64(n);
    return nv ? tuple_pack(2, result, nv) : VNULL;
error:
    if (isbytes) bb_discard(&bb);
    else sb_discard(&sb);
    free(tmpl.slot_group);
    op_fini(&op);
    return VNULL;
}

static Value pattern_sub_common(Value self, Value *args, size_t nargs, Value kw, const char *fname, bool subn) {
    static const char *const names[] = {"repl", "string", "count", NULL};
    Value a[3];
    if (arg_parse(fname, args, nargs, kw, names, 0, 2, a) < 0) return VNULL;
    ssize_t count = 0;
    if (a[2] && arg_ssize(a[2], &count) < 0) return VNULL;
    return pattern_subx(PAT(self), a[0], a[1], count, subn);
}

static Value pattern_sub_m(Value self, Value *args, size_t nargs, Value kw) {
    return pattern_sub_common(self, args, nargs, kw, "sub", false);
}
static Value pattern_subn_m(Value self, Value *args, size_t nargs, Value kw) {
    return pattern_sub_common(self, args, nargs, kw, "subn", true);
}

static Value pattern_copy_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("__copy__", kw) < 0 || arg_count("__copy__", nargs, 0, 0) < 0) return VNULL;
    return self;
}

static Value pattern_deepcopy_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("__deepcopy__", kw) < 0 || arg_count("__deepcopy__", nargs, 1, 1) < 0) return VNULL;
    return self;
}

/* The repr truncated to n characters, as CPython's %.<n>R. */
static Value repr_truncated(Value v, size_t n) {
    Value r = obj_repr(v);
    if (!r || str_len(r) <= n) return r;
    return str_slice(r, 0, n);
}

static Value pattern_repr(Value self) {
    static const struct { const char *name; int value; } flag_names[] = {
        {"re.TEMPLATE", SRE_FLAG_TEMPLATE}, {"re.IGNORECASE", SRE_FLAG_IGNORECASE},
        {"re.LOCALE", SRE_FLAG_LOCALE}, {"re.MULTILINE", SRE_FLAG_MULTILINE},
        {"re.DOTALL", SRE_FLAG_DOTALL}, {"re.UNICODE", SRE_FLAG_UNICODE},
        {"re.VERBOSE", SRE_FLAG_VERBOSE}, {"re.DEBUG", SRE_FLAG_DEBUG},
        {"re.ASCII", SRE_FLAG_ASCII},
    };
    PatternObject *p = PAT(self);
    int flags = p->flags;
    /* re.UNICODE is the default for str patterns: not worth showing. */
    if (p->isbytes == 0 && (flags & (SRE_FLAG_LOCALE | SRE_FLAG_UNICODE | SRE_FLAG_ASCII)) == SRE_FLAG_UNICODE)
        flags &= ~SRE_FLAG_UNICODE;
    Value pr = repr_truncated(p->pattern, 200);
    if (!pr) return VNULL;
    StrBuilder sb;
    sb_init(&sb);
    sb_append_cstr(&sb, "re.compile(");
    sb_append_str(&sb, pr);
    bool first = true;
    for (size_t i = 0; i < ARRAY_LEN(flag_names); i++) {
        if (!(flags & flag_names[i].value)) continue;
        sb_append_cstr(&sb, first ? ", " : "|");
        sb_append_cstr(&sb, flag_names[i].name);
        flags &= ~flag_names[i].value;
        first = false;
    }
    if (flags) sb_printf(&sb, "%s0x%x", first ? ", " : "|", flags);
    sb_append_char(&sb, ')');
    return sb_finish(&sb);
}

static Value pattern_richcompare(Value a, Value b, int op) {
    if ((op != CMP_EQ && op != CMP_NE) || val_type(a) != &type_sre_pattern || val_type(b) != &type_sre_pattern)
        return VNotImplemented;
    bool equal = a == b;
    if (!equal) {
        PatternObject *x = PAT(a), *y = PAT(b);
        equal = x->flags == y->flags && x->isbytes == y->isbytes && x->prog.len == y->prog.len
                && memcmp(x->code, y->code, x->prog.len * sizeof(SreCode)) == 0;
        if (equal) {
            int r = obj_richcompare_bool(x->pattern, y->pattern, CMP_EQ);
            if (r < 0) return VNULL;
            equal = r;
        }
    }
    return val_bool(op == CMP_EQ ? equal : !equal);
}

static hash_t pattern_hash(Value self) {
    PatternObject *p = PAT(self);
    hash_t h = obj_hash(p->pattern);
    if (h == -1) return -1;
    h ^= str_hash_bytes(p->code, p->prog.len * sizeof(SreCode));
    h ^= p->flags;
    h ^= p->isbytes;
    h ^= (hash_t)p->prog.len;
    return h == -1 ? -2 : h;
}

static Value pattern_get_pattern(Value self) { return PAT(self)->pattern; }
static Value pattern_get_flags(Value self) { return val_from_int(PAT(self)->flags); }
static Value pattern_get_groups(Value self) { return val_from_int(PAT(self)->groups); }
static Value pattern_get_groupindex(Value self) {
    PatternObject *p = PAT(self);
    if (!p->groupindex) return dict_new();
    return mappingproxy_new(p->groupindex);
}

static const MethodDef pattern_methods[] = {
    {"match", pattern_match_m, 0, "Matches zero or more characters at the beginning of the string."},
    {"fullmatch", pattern_fullmatch_m, 0, "Matches against all of the string."},
    {"search", pattern_search_m, 0, "Scan through string looking for a match, and return a corresponding match object instance.\n\nReturn None if no position in the string matches."},
    {"sub", pattern_sub_m, 0, "Return the string obtained by replacing the leftmost non-overlapping occurrences of pattern in string by the replacement repl."},
    {"subn", pattern_subn_m, 0, "Return the tuple (new_string, number_of_subs_made) found by replacing the leftmost non-overlapping occurrences of pattern with the replacement repl."},
    {"findall", pattern_findall_m, 0, "Return a list of all non-overlapping matches of pattern in string."},
    {"split", pattern_split_m, 0, "Split string by the occurrences of pattern."},
    {"finditer", pattern_finditer_m, 0, "Return an iterator over all non-overlapping matches for the RE pattern in string.\n\nFor each match, the iterator returns a match object."},
    {"scanner", pattern_scanner_m, 0, NULL},
    {"__copy__", pattern_copy_m, 0, NULL},
    {"__deepcopy__", pattern_deepcopy_m, 0, NULL},
    {"__class_getitem__", sre_class_getitem, METH_CLASS, "See PEP 585"},
    {NULL},
};

static const GetSetDef pattern_getsets[] = {
    {"pattern", pattern_get_pattern, NULL, "The pattern string from which the RE object was compiled."},
    {"flags", pattern_get_flags, NULL, "The regex matching flags."},
    {"groups", pattern_get_groups, NULL, "The number of capturing groups in the pattern."},
    {"groupindex", pattern_get_groupindex, NULL, "A dictionary mapping group names to group numbers."},
    {NULL},
};

Type type_sre_pattern = {
    .hdr = {0, &type_type},
    .name = "re.Pattern",
    .flags = TF_WEAKREFABLE,
    .basicsize = sizeof(PatternObject),
    .trace = pattern_trace,
    .new = no_new,
    .repr = pattern_repr,
    .richcompare = pattern_richcompare,
    .hash = pattern_hash,
    .methods = pattern_methods,
    .getsets = pattern_getsets,
    .doc = "Compiled regular expression object.",
};

/* ---- Module functions ---- */

/* _sre.compile(pattern, flags, code, groups, groupindex, indexgroup) */
static Value sre_compile_m(Value self, Value *args, size_t nargs, Value kw) {
    static const char *const names[] = {"pattern", "flags", "code", "groups", "groupindex", "indexgroup", NULL};
    Value a[6];
    if (arg_parse("compile", args, nargs, kw, names, 0, 6, a) < 0) return VNULL;
    Value pattern = a[0], code = a[2], groupindex = a[4], indexgroup = a[5];
    ssize_t flags, groups;
    if (arg_ssize(a[1], &flags) < 0) return VNULL;
    if (!list_check(code)) {
        err_format(&exc_TypeError, "compile() argument 'code' must be list, not %s", type_name(code));
        return VNULL;
    }
    if (arg_ssize(a[3], &groups) < 0) return VNULL;
    if (!dict_check(groupindex)) {
        err_format(&exc_TypeError, "compile() argument 'groupindex' must be dict, not %s", type_name(groupindex));
        return VNULL;
    }
    if (!tuple_check(indexgroup)) {
        err_format(&exc_TypeError, "compile() argument 'indexgroup' must be tuple, not %s", type_name(indexgroup));
        return VNULL;
    }
    if (groups < 0 || groups > SRE_MAXGROUPS) {
        err_set(&exc_RuntimeError, "invalid SRE code");
        return VNULL;
    }
    ssize_t n = list_size(code);
    SreCode *words = malloc(((size_t)n + 1) * sizeof(SreCode));
    if (!words) {
        err_no_memory();
        return VNULL;
    }
    for (ssize_t i = 0; i < n; i++) {
        Value o = list_get(code, i);
        const char *problem = NULL;
        if (!int_check(o)) {
            err_format(&exc_TypeError, "an integer is required (got type %s)", type_name(o));
        } else if (int_sign(o) < 0) {
            problem = "can't convert negative int to unsigned";
        } else if (!int_fits_i64(o) || int_as_i64(o) > (int64_t)UINT32_MAX) {
            problem = "regular expression code size limit exceeded";
        } else {
            words[i] = (SreCode)int_as_i64(o);
            continue;
        }
        if (problem) err_set(&exc_OverflowError, problem);
        free(words);
        return VNULL;
    }
    int isbytes = -1;
    if (pattern != VNone) {
        Subject s;
        if (sre_subject_get(pattern, &s) < 0) {
            free(words);
            return VNULL;
        }
        isbytes = s.isbytes;
    }
    uint32_t *sets;
    size_t nsets;
    int valid = sre_validate(words, (size_t)n, (int)groups, &sets, &nsets);
    if (valid <= 0) {
        free(words);
        if (valid < 0) err_no_memory();
        else err_set(&exc_RuntimeError, "invalid SRE code");
        return VNULL;
    }
    /* One object: the code, then a table index per code word, then the tables. */
    size_t code_bytes = (size_t)n * sizeof(SreCode);
    size_t size = sizeof(PatternObject) + 2 * code_bytes + nsets * 32;
    PatternObject *p = gc_alloc(&type_sre_pattern, size);
    if (!p) {
        free(words);
        free(sets);
        return VNULL;
    }
    memcpy(p->code, words, code_bytes);
    free(words);
    p->pattern = pattern;
    p->flags = (int)flags;
    p->groups = (int)groups;
    p->isbytes = isbytes;
    if (dict_size(groupindex) > 0) {
        p->groupindex = groupindex;
        if (tuple_size(indexgroup) > 0) p->indexgroup = indexgroup;
    }
    p->prog.code = p->code;
    p->prog.len = (size_t)n;
    uint32_t *cls = (uint32_t *)(p->code + n);
    sre_program_tables(&p->prog, sets, nsets, cls, (uint8_t(*)[32])(cls + n));
    free(sets);
    sre_program_analyze(&p->prog);
    return obj_val(p);
}

static Value sre_getcodesize_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("getcodesize", kw) < 0 || arg_count("getcodesize", nargs, 0, 0) < 0) return VNULL;
    return val_from_int(SRE_CODESIZE);
}

/* The `character: int` argument of the case helpers. */
static int char_arg(const char *fname, Value *args, size_t nargs, Value kw, uint32_t *out) {
    static const char *const names[] = {"character", NULL};
    Value a[1];
    if (arg_parse(fname, args, nargs, kw, names, 0, 1, a) < 0) return -1;
    if (!int_check(a[0])) {
        err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer", type_name(a[0]));
        return -1;
    }
    int64_t v = int_as_i64(a[0]);
    if (v == -1 && err_occurred()) return -1;
    if (v < INT_MIN || v > INT_MAX) {
        err_set(&exc_OverflowError, v < 0 ? "signed integer is less than minimum" : "signed integer is greater than maximum");
        return -1;
    }
    *out = (uint32_t)(int)v;
    return 0;
}

static Value sre_ascii_iscased_m(Value self, Value *args, size_t nargs, Value kw) {
    uint32_t c;
    if (char_arg("ascii_iscased", args, nargs, kw, &c) < 0) return VNULL;
    return val_bool(sre_ascii_iscased(c));
}
static Value sre_unicode_iscased_m(Value self, Value *args, size_t nargs, Value kw) {
    uint32_t c;
    if (char_arg("unicode_iscased", args, nargs, kw, &c) < 0) return VNULL;
    return val_bool(c <= 0x10FFFF && sre_unicode_iscased(c));
}
static Value sre_ascii_tolower_m(Value self, Value *args, size_t nargs, Value kw) {
    uint32_t c;
    if (char_arg("ascii_tolower", args, nargs, kw, &c) < 0) return VNULL;
    return int_from_i64((int)sre_lower_ascii(c));
}
static Value sre_unicode_tolower_m(Value self, Value *args, size_t nargs, Value kw) {
    uint32_t c;
    if (char_arg("unicode_tolower", args, nargs, kw, &c) < 0) return VNULL;
    return int_from_i64((int)(c <= 0x10FFFF ? sre_lower_unicode(c) : c));
}

static const MethodDef sre_functions[] = {
    {"compile", sre_compile_m, 0, NULL},
    {"getcodesize", sre_getcodesize_m, 0, NULL},
    {"ascii_iscased", sre_ascii_iscased_m, 0, NULL},
    {"unicode_iscased", sre_unicode_iscased_m, 0, NULL},
    {"ascii_tolower", sre_ascii_tolower_m, 0, NULL},
    {"unicode_tolower", sre_unicode_tolower_m, 0, NULL},
    {NULL},
};

Value sre_module_init(void) {
    misc_ready_type(&type_sre_pattern);
    misc_ready_type(&type_sre_match);
    misc_ready_type(&type_sre_scanner);
    Value m = module_new_cstr("_sre");
    if (!m || module_add_functions(m, sre_functions) < 0) return VNULL;
    if (module_add(m, "MAGIC", val_from_int(SRE_MAGIC)) < 0
        || module_add(m, "CODESIZE", val_from_int(SRE_CODESIZE)) < 0
        || module_add(m, "MAXREPEAT", int_from_u64(SRE_MAXREPEAT)) < 0
        || module_add(m, "MAXGROUPS", val_from_int(SRE_MAXGROUPS)) < 0
        || module_add(m, "copyright", str_from_cstr(" SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB ")) < 0)
        return VNULL;
    return m;
}
