/* sre_matchobj.c - re.Match: the groups of one successful match, by number or name. */
#include "sre_module.h"
#include "../objects/str.h"
#include "../objects/bytes.h"
#include "../objects/int.h"
#include "../objects/tuple.h"
#include "../objects/dict.h"
#include "../objects/func.h"
#include "../objects/type.h"
#include "../gc/gc.h"
#include "../vm/error.h"

/*
 * A Match keeps each group's span twice: as character indices (what
 * start()/span() return) and as byte offsets into the subject (what
 * group() slices with, so a non-ASCII str is never re-indexed).  For
 * bytes and ASCII subjects the two agree.
 */

static MatchObject *M(Value v) { return (MatchObject *)v; }
static ssize_t *cmarks(MatchObject *m) { return m->marks; }
static ssize_t *bmarks(MatchObject *m) { return m->utf8 ? m->marks + 2 * m->ngroups : m->marks; }

static void match_trace(Object *o) {
    MatchObject *m = (MatchObject *)o;
    gc_mark(m->string);
    gc_mark(m->pattern);
    if (m->regs) gc_mark(m->regs);
}

Value sre_match_new(PatternObject *pat, const Subject *subj, const SreState *st, Cursor *cur,
                    ssize_t pos, ssize_t endpos) {
    int ngroups = pat->groups + 1;
    size_t nmarks = (subj->utf8 ? 4 : 2) * (size_t)ngroups;
    MatchObject *m = gc_alloc(&type_sre_match, sizeof(MatchObject) + nmarks * sizeof(ssize_t));
    if (!m) return VNULL;
    m->utf8 = subj->utf8;
    m->string = subj->obj;
    m->pattern = obj_val(pat);
    m->pos = pos;
    m->endpos = endpos;
    m->lastindex = st->lastindex;
    m->ngroups = ngroups;
    m->isbytes = subj->isbytes;
    ssize_t *c = cmarks(m), *b = bmarks(m);
    const uint8_t *base = st->beginning;
    b[0] = st->start - base;
    b[1] = st->ptr - base;
    for (int i = 0, j = 0; i < pat->groups; i++, j += 2) {
        if (j + 1 <= st->lastmark && st->mark[j] && st->mark[j + 1]) {
            b[j + 2] = st->mark[j] - base;
            b[j + 3] = st->mark[j + 1] - base;
            if (b[j + 2] > b[j + 3]) {
                err_set(&exc_SystemError, "The span of capturing group is wrong, please report a bug for the re module.");
                return VNULL;
            }
        } else {
            b[j + 2] = b[j + 3] = -1;
        }
    }
    if (m->utf8) {
        for (int k = 0; k < 2 * ngroups; k++)
            c[k] = b[k] < 0 ? -1 : (ssize_t)sre_subject_index(subj, cur, (size_t)b[k]);
        sre_pos_cache_note(subj, (size_t)c[1], (size_t)b[1]);   /* the next search often starts here */
    }
    return obj_val(m);
}

Value sre_match_group(MatchObject *m, ssize_t g, Value dflt) {
    ssize_t b0 = bmarks(m)[2 * g], b1 = bmarks(m)[2 * g + 1];
    if (m->string == VNone || b0 < 0) return dflt;
    Subject s;
    if (sre_subject_get(m->string, &s) < 0) return VNULL;
    if (!s.isbytes && !s.utf8) return sre_subject_slice(&s, (size_t)b0, (size_t)b1);
    if (s.isbytes) return sre_subject_slice(&s, (size_t)b0, (size_t)b1);
    /* UTF-8: the character count is known from the indices. */
    ssize_t c0 = cmarks(m)[2 * g], c1 = cmarks(m)[2 * g + 1];
    if (b0 == 0 && (size_t)b1 == s.size && str_check_exact(s.obj)) return s.obj;
    return str_new_len((const char *)s.data + b0, (size_t)(b1 - b0), (size_t)(c1 - c0));
}

/* A group given by number or name, as CPython's match_getindex; -1 with IndexError. */
static ssize_t match_index(MatchObject *m, Value index) {
    ssize_t i = -1;
    if (val_is_int(index) || val_type(index)->nb_index) {
        i = num_as_ssize(index, NULL);
        if (i == -1 && err_occurred()) return -1;
    } else {
        Value gi = ((PatternObject *)m->pattern)->groupindex;
        if (gi) {
            Value v = dict_get(gi, index);
            if (!v && err_occurred()) return -1;
            if (v && int_check(v)) {
                i = int_as_ssize(v);
                if (i == -1 && err_occurred()) return -1;
            }
        }
    }
    if (i < 0 || i >= m->ngroups) {
        err_set(&exc_IndexError, "no such group");
        return -1;
    }
    return i;
}

static Value match_getslice(MatchObject *m, Value index, Value dflt) {
    ssize_t i = match_index(m, index);
    return i < 0 ? VNULL : sre_match_group(m, i, dflt);
}

static Value match_group_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("group", kw) < 0) return VNULL;
    MatchObject *m = M(self);
    if (nargs == 0) return sre_match_group(m, 0, VNone);
    if (nargs == 1) return match_getslice(m, args[0], VNone);
    Value t = tuple_new(nargs);
    if (!t) return VNULL;
    for (size_t i = 0; i < nargs; i++) {
        Value v = match_getslice(m, args[i], VNone);
        if (!v) return VNULL;
        tuple_items(t)[i] = v;
    }
    return t;
}

static Value match_getitem(Value self, Value key) { return match_getslice(M(self), key, VNone); }

static Value match_groups_m(Value self, Value *args, size_t nargs, Value kw) {
    static const char *const names[] = {"default", NULL};
    Value a[1];
    if (arg_parse("groups", args, nargs, kw, names, 0, 0, a) < 0) return VNULL;
    Value dflt = a[0] ? a[0] : VNone;
    MatchObject *m = M(self);
    Value t = tuple_new((size_t)m->ngroups - 1);
    if (!t) return VNULL;
    for (int g = 1; g < m->ngroups; g++) {
        Value v = sre_match_group(m, g, dflt);
        if (!v) return VNULL;
        tuple_items(t)[g - 1] = v;
    }
    return t;
}

static Value match_groupdict_m(Value self, Value *args, size_t nargs, Value kw) {
    static const char *const names[] = {"default", NULL};
    Value a[1];
    if (arg_parse("groupdict", args, nargs, kw, names, 0, 0, a) < 0) return VNULL;
    Value dflt = a[0] ? a[0] : VNone;
    MatchObject *m = M(self);
    Value d = dict_new();
    Value gi = ((PatternObject *)m->pattern)->groupindex;
    if (!d || !gi) return d;
    Value key, val;
    for (ssize_t pos = 0; dict_next(gi, &pos, &key, &val);) {
        Value v = match_getslice(m, key, dflt);
        if (!v || dict_set(d, key, v) < 0) return VNULL;
    }
    return d;
}

/* start(), end(), span(): an optional positional group. */
static ssize_t span_arg(MatchObject *m, const char *fname, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw(fname, kw) < 0) return -1;
    if (nargs > 1) {
        err_format(&exc_TypeError, "%s expected at most 1 argument, got %zu", fname, nargs);
        return -1;
    }
    return nargs ? match_index(m, args[0]) : 0;
}

static Value match_start_m(Value self, Value *args, size_t nargs, Value kw) {
    ssize_t g = span_arg(M(self), "start", args, nargs, kw);
    return g < 0 ? VNULL : int_from_i64(cmarks(M(self))[2 * g]);
}

static Value match_end_m(Value self, Value *args, size_t nargs, Value kw) {
    ssize_t g = span_arg(M(self), "end", args, nargs, kw);
    return g < 0 ? VNULL : int_from_i64(cmarks(M(self))[2 * g + 1]);
}

static Value pair(ssize_t a, ssize_t b) {
    Value x = int_from_i64(a), y = int_from_i64(b);
    return x && y ? tuple_pack(2, x, y) : VNULL;
}

static Value match_span_m(Value self, Value *args, size_t nargs, Value kw) {
    ssize_t g = span_arg(M(self), "span", args, nargs, kw);
    return g < 0 ? VNULL : pair(cmarks(M(self))[2 * g], cmarks(M(self))[2 * g + 1]);
}

static Value match_expand_m(Value self, Value *args, size_t nargs, Value kw) {
    static const char *const names[] = {"template", NULL};
    Value a[1];
    if (arg_parse("expand", args, nargs, kw, names, 0, 1, a) < 0) return VNULL;
    Value call_args[3] = {M(self)->pattern, self, a[0]};
    return sre_call_re("_expand", call_args, 3);
}

static Value match_copy_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("__copy__", kw) < 0 || arg_count("__copy__", nargs, 0, 0) < 0) return VNULL;
    return self;
}

static Value match_deepcopy_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("__deepcopy__", kw) < 0 || arg_count("__deepcopy__", nargs, 1, 1) < 0) return VNULL;
    return self;
}

static Value match_repr(Value self) {
    MatchObject *m = M(self);
    Value g = sre_match_group(m, 0, VNone);
    if (!g) return VNULL;
    Value r = obj_repr(g);
    if (!r) return VNULL;
    if (str_len(r) > 50) r = str_slice(r, 0, 50);   /* CPython's %.50R */
    if (!r) return VNULL;
    return str_printf("<re.Match object; span=(%zd, %zd), match=%U>", cmarks(m)[0], cmarks(m)[1], r);
}

static Value match_get_regs(Value self) {
    MatchObject *m = M(self);
    if (m->regs) return m->regs;
    Value t = tuple_new((size_t)m->ngroups);
    if (!t) return VNULL;
    for (int g = 0; g < m->ngroups; g++) {
        Value p = pair(cmarks(m)[2 * g], cmarks(m)[2 * g + 1]);
        if (!p) return VNULL;
        tuple_items(t)[g] = p;
    }
    GC_WRITE(m, m->regs, t);
    return t;
}

static Value match_get_lastindex(Value self) {
    ssize_t i = M(self)->lastindex;
    return i >= 0 ? int_from_i64(i) : VNone;
}

static Value match_get_lastgroup(Value self) {
    MatchObject *m = M(self);
    Value ig = ((PatternObject *)m->pattern)->indexgroup;
    if (ig && m->lastindex >= 0 && m->lastindex < tuple_size(ig)) return tuple_get(ig, m->lastindex);
    return VNone;
}

static Value match_get_pos(Value self) { return int_from_i64(M(self)->pos); }
static Value match_get_endpos(Value self) { return int_from_i64(M(self)->endpos); }
static Value match_get_re(Value self) { return M(self)->pattern; }
static Value match_get_string(Value self) { return M(self)->string; }

static const MethodDef match_methods[] = {
    {"group", match_group_m, 0, "group([group1, ...]) -> str or tuple.\n    Return subgroup(s) of the match by indices or names.\n    For 0 returns the entire match."},
    {"start", match_start_m, 0, "Return index of the start of the substring matched by group."},
    {"end", match_end_m, 0, "Return index of the end of the substring matched by group."},
    {"span", match_span_m, 0, "For match object m, return the 2-tuple (m.start(group), m.end(group))."},
    {"groups", match_groups_m, 0, "Return a tuple containing all the subgroups of the match, from 1.\n\n  default\n    Is used for groups that did not participate in the match."},
    {"groupdict", match_groupdict_m, 0, "Return a dictionary containing all the named subgroups of the match, keyed by the subgroup name.\n\n  default\n    Is used for groups that did not participate in the match."},
    {"expand", match_expand_m, 0, "Return the string obtained by doing backslash substitution on the string template, as done by the sub() method."},
    {"__copy__", match_copy_m, 0, NULL},
    {"__deepcopy__", match_deepcopy_m, 0, NULL},
    {"__class_getitem__", sre_class_getitem, METH_CLASS, "See PEP 585"},
    {NULL},
};

static const GetSetDef match_getsets[] = {
    {"lastindex", match_get_lastindex, NULL, "The integer index of the last matched capturing group."},
    {"lastgroup", match_get_lastgroup, NULL, "The name of the last matched capturing group."},
    {"regs", match_get_regs, NULL, NULL},
    {"string", match_get_string, NULL, "The string passed to match() or search()."},
    {"re", match_get_re, NULL, "The regular expression object."},
    {"pos", match_get_pos, NULL, "The index into the string at which the RE engine started looking for a match."},
    {"endpos", match_get_endpos, NULL, "The index into the string beyond which the RE engine will not go."},
    {NULL},
};

static Value match_no_new(Type *t, Value *args, size_t nargs, Value kw) {
    err_format(&exc_TypeError, "cannot create '%s' instances", t->name);
    return VNULL;
}

Type type_sre_match = {
    .hdr = {0, &type_type},
    .name = "re.Match",
    .basicsize = sizeof(MatchObject),
    .trace = match_trace,
    .new = match_no_new,
    .repr = match_repr,
    .getitem = match_getitem,
    .methods = match_methods,
    .getsets = match_getsets,
    .doc = "The result of re.match() and re.search().\nMatch objects always have a boolean value of True.",
};
