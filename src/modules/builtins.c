/* builtins.c - the builtins module: print, len, isinstance, sorted, __build_class__ and the rest. */
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/bytes.h"
#include "../objects/memoryview.h"
#include "../objects/complex.h"
#include "../objects/int.h"
#include "../objects/float.h"
#include "../objects/tuple.h"
#include "../objects/list.h"
#include "../objects/dict.h"
#include "../objects/set.h"
#include "../objects/func.h"
#include "../objects/misc.h"
#include "../objects/module.h"
#include "../objects/exceptions.h"
#include "../objects/instance.h"
#include "../objects/type_slots.h"
#include "../compiler/compile.h"
#include "../compiler/parser.h"
#include "ast_module.h"
#include "../vm/frame.h"
#include "../vm/gen.h"
#include "../vm/error.h"
#include "../gc/gc.h"

#include <stdio.h>
#include <stdlib.h>

extern Value builtins_dict;
extern Type type_super, type_mappingproxy;

/* ---- Output ---- */

extern Value sys_get(const char *name);   /* sys.<name> or VNULL */

static Value print_m(Value self, Value *args, size_t nargs, Value kwnames) {
    Value sep = VNone, end = VNone, file = VNone, flush = VFalse;
    size_t nkw = kwnames ? (size_t)tuple_size(kwnames) : 0;
    for (size_t i = 0; i < nkw; i++) {
        Value k = tuple_get(kwnames, (ssize_t)i), v = args[nargs + i];
        if (str_eq_cstr(k, "sep")) sep = v;
        else if (str_eq_cstr(k, "end")) end = v;
        else if (str_eq_cstr(k, "file")) file = v;
        else if (str_eq_cstr(k, "flush")) flush = v;
        else {
            err_format(&exc_TypeError, "'%U' is an invalid keyword argument for print()", k);
            return VNULL;
        }
    }
    if (sep != VNone && !str_check(sep)) {
        err_format(&exc_TypeError, "sep must be None or a string, not %s", type_name(sep));
        return VNULL;
    }
    if (end != VNone && !str_check(end)) {
        err_format(&exc_TypeError, "end must be None or a string, not %s", type_name(end));
        return VNULL;
    }
    if (file == VNone) {
        file = sys_get("stdout");
        if (!file || file == VNone) return VNone;
    }
    /* Build the whole line, then write it once. */
    StrBuilder sb;
    sb_init(&sb);
    for (size_t i = 0; i < nargs; i++) {
        if (i > 0) {
            if (sep == VNone) sb_append_char(&sb, ' ');
            else sb_append_str(&sb, sep);
        }
        if (sb_append_strof(&sb, args[i]) < 0) {
            sb_discard(&sb);
            return VNULL;
        }
    }
    if (end == VNone) sb_append_char(&sb, '\n');
    else sb_append_str(&sb, end);
    Value text = sb_finish(&sb);
    if (!text) return VNULL;
    Value w = obj_call_method(file, "write", &text, 1);
    if (!w) return VNULL;
    int f = obj_is_true(flush);
    if (f < 0) return VNULL;
    if (f && !obj_call_method(file, "flush", NULL, 0)) return VNULL;
    return VNone;
}

static Value input_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("input", kw) < 0 || arg_count("input", nargs, 0, 1) < 0) return VNULL;
    Value out = sys_get("stdout"), in = sys_get("stdin");
    if (!in || in == VNone) {
        err_set(&exc_RuntimeError, "input(): lost sys.stdin");
        return VNULL;
    }
    if (nargs && out && out != VNone) {
        Value p = obj_str(args[0]);
        if (!p || !obj_call_method(out, "write", &p, 1)) return VNULL;
    }
    if (out && out != VNone && !obj_call_method(out, "flush", NULL, 0)) err_clear();
    Value line = obj_call_method(in, "readline", NULL, 0);
    if (!line) return VNULL;
    if (!str_check(line)) {
        err_set(&exc_TypeError, "object.readline() returned non-string");
        return VNULL;
    }
    size_t n = str_size(line);
    if (n == 0) {
        err_set(&exc_EOFError, "EOF when reading a line");
        return VNULL;
    }
    if (str_data(line)[n - 1] == '\n') return str_slice(line, 0, str_len(line) - 1);
    return line;
}

/* ---- Simple functions ---- */

static Value len_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("len", nargs, 1, 1) < 0) return VNULL;
    ssize_t n = obj_len(args[0]);
    return n < 0 ? VNULL : int_from_i64(n);
}

static Value repr_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("repr", nargs, 1, 1) < 0) return VNULL;
    return obj_repr(args[0]);
}

static Value ascii_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("ascii", nargs, 1, 1) < 0) return VNULL;
    return obj_ascii(args[0]);
}

static Value abs_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("abs", nargs, 1, 1) < 0) return VNULL;
    return num_abs(args[0]);
}

static Value any_all(Value *args, size_t nargs, bool any) {
    Value it = obj_iter(args[0]);
    if (!it) return VNULL;
    Value x;
    while ((x = obj_next(it))) {
        int t = obj_is_true(x);
        if (t < 0) return VNULL;
        if (t == any) return val_bool(any);
    }
    if (err_occurred()) return VNULL;
    return val_bool(!any);
}
static Value all_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("all", nargs, 1, 1) < 0) return VNULL;
    return any_all(args, nargs, false);
}
static Value any_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("any", nargs, 1, 1) < 0) return VNULL;
    return any_all(args, nargs, true);
}

static Value int_base_m(Value *args, size_t nargs, int base, const char *name) {
    if (arg_count(name, nargs, 1, 1) < 0) return VNULL;
    Value v = num_index(args[0]);
    if (!v) return VNULL;
    return int_to_str(v, base);
}
static Value bin_m(Value self, Value *args, size_t nargs, Value kw) { return int_base_m(args, nargs, 2, "bin"); }
static Value oct_m(Value self, Value *args, size_t nargs, Value kw) { return int_base_m(args, nargs, 8, "oct"); }
static Value hex_m(Value self, Value *args, size_t nargs, Value kw) { return int_base_m(args, nargs, 16, "hex"); }

static Value callable_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("callable", nargs, 1, 1) < 0) return VNULL;
    return val_bool(val_type(args[0])->call != NULL);
}

static Value chr_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("chr", nargs, 1, 1) < 0) return VNULL;
    if (!int_check(args[0])) {
        err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer", type_name(args[0]));
        return VNULL;
    }
    Value v = num_index(args[0]);
    if (!v) return VNULL;
    if (!val_is_int(v)) {
        err_set(&exc_OverflowError, "Python int too large to convert to C int");
        return VNULL;
    }
    intptr_t c = val_int(v);
    if (c < 0 || c > 0x10ffff) {
        err_set(&exc_ValueError, "chr() arg not in range(0x110000)");
        return VNULL;
    }
    return str_from_codepoint((uint32_t)c);
}

static Value ord_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("ord", nargs, 1, 1) < 0) return VNULL;
    Value v = args[0];
    if (str_check(v)) {
        if (str_len(v) != 1) {
            err_format(&exc_TypeError, "ord() expected a character, but string of length %zu found", str_len(v));
            return VNULL;
        }
        return int_from_i64(str_char_at(v, 0));
    }
    if (bytes_check(v) || val_isinstance(v, &type_bytearray)) {
        ssize_t n = bytes_check(v) ? bytes_size(v) : ((ByteArrayObject *)v)->size;
        const char *d = bytes_check(v) ? bytes_data(v) : ((ByteArrayObject *)v)->data;
        if (n != 1) {
            err_format(&exc_TypeError, "ord() expected a character, but string of length %zd found", n);
            return VNULL;
        }
        return int_from_i64((unsigned char)d[0]);
    }
    err_format(&exc_TypeError, "ord() expected string of length 1, but %s found", type_name(v));
    return VNULL;
}

static Value divmod_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("divmod", nargs, 2, 2) < 0) return VNULL;
    return num_divmod(args[0], args[1]);
}

static Value pow_m(Value self, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"base", "exp", "mod", NULL};
    Value a[3];
    if (arg_parse("pow", args, nargs, kwnames, names, 0, 2, a) < 0) return VNULL;
    if (a[2] && a[2] != VNone) return num_pow3(a[0], a[1], a[2]);
    return num_binop(a[0], a[1], BINOP_POW);
}

static Value round_m(Value self, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"number", "ndigits", NULL};
    Value a[2];
    if (arg_parse("round", args, nargs, kwnames, names, 0, 1, a) < 0) return VNULL;
    Value m = type_lookup_cstr(val_type(a[0]), "__round__");
    if (!m) {
        err_format(&exc_TypeError, "type %s doesn't define __round__ method", type_name(a[0]));
        return VNULL;
    }
    if (!a[1] || a[1] == VNone) return call_dunder(a[0], m, NULL, 0);
    return call_dunder(a[0], m, &a[1], 1);
}

static Value hash_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("hash", nargs, 1, 1) < 0) return VNULL;
    hash_t h = obj_hash(args[0]);
    return h == -1 ? VNULL : int_from_i64(h);
}

static Value id_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("id", nargs, 1, 1) < 0) return VNULL;
    return int_from_u64((uint64_t)args[0]);
}

static Value format_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("format", nargs, 1, 2) < 0) return VNULL;
    if (nargs == 2 && !str_check(args[1])) {
        err_format(&exc_TypeError, "format() argument 2 must be str, not %s", type_name(args[1]));
        return VNULL;
    }
    return obj_format(args[0], nargs == 2 ? args[1] : VNULL);
}

static Value isinstance_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("isinstance", kw) < 0 || arg_count("isinstance", nargs, 2, 2) < 0) return VNULL;
    int r = obj_isinstance(args[0], args[1]);
    return r < 0 ? VNULL : val_bool(r);
}

static Value issubclass_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("issubclass", kw) < 0 || arg_count("issubclass", nargs, 2, 2) < 0) return VNULL;
    int r = obj_issubclass(args[0], args[1]);
    return r < 0 ? VNULL : val_bool(r);
}

static Value getattr_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("getattr", nargs, 2, 3) < 0) return VNULL;
    if (!str_check(args[1])) {
        err_format(&exc_TypeError, "attribute name must be string, not '%s'", type_name(args[1]));
        return VNULL;
    }
    Value name = str_intern(args[1]);
    if (!name) return VNULL;
    if (nargs == 3) {
        Value v = obj_getattr_opt(args[0], name);
        return v ? v : err_occurred() ? VNULL : args[2];
    }
    return obj_getattr(args[0], name);
}

static Value setattr_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("setattr", nargs, 3, 3) < 0) return VNULL;
    if (!str_check(args[1])) {
        err_format(&exc_TypeError, "attribute name must be string, not '%s'", type_name(args[1]));
        return VNULL;
    }
    Value name = str_intern(args[1]);
    if (!name || obj_setattr(args[0], name, args[2]) < 0) return VNULL;
    return VNone;
}

static Value delattr_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("delattr", nargs, 2, 2) < 0) return VNULL;
    if (!str_check(args[1])) {
        err_format(&exc_TypeError, "attribute name must be string, not '%s'", type_name(args[1]));
        return VNULL;
    }
    Value name = str_intern(args[1]);
    if (!name || obj_delattr(args[0], name) < 0) return VNULL;
    return VNone;
}

static Value hasattr_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("hasattr", nargs, 2, 2) < 0) return VNULL;
    if (!str_check(args[1])) {
        err_format(&exc_TypeError, "attribute name must be string, not '%s'", type_name(args[1]));
        return VNULL;
    }
    Value name = str_intern(args[1]);
    if (!name) return VNULL;
    int r = obj_hasattr(args[0], name);
    return r < 0 ? VNULL : val_bool(r);
}

static Value iter_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("iter", nargs, 1, 2) < 0) return VNULL;
    if (nargs == 1) return obj_iter(args[0]);
    if (!val_type(args[0])->call) {
        err_set(&exc_TypeError, "iter(v, w): v must be callable");
        return VNULL;
    }
    return callable_iter_new(args[0], args[1]);
}

static Value next_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("next", nargs, 1, 2) < 0) return VNULL;
    Type *t = val_type(args[0]);
    if (!t->iternext) {
        err_format(&exc_TypeError, "'%s' object is not an iterator", t->name);
        return VNULL;
    }
    Value v = t->iternext(args[0]);
    if (v) return v;
    if (err_occurred()) {
        if (nargs == 2 && err_matches(&exc_StopIteration)) {
            err_clear();
            return args[1];
        }
        return VNULL;
    }
    if (nargs == 2) return args[1];
    err_set_object(exc_new(&exc_StopIteration, tuple_empty()));
    return VNULL;
}

/* min()/max(): an iterable or several arguments, key=, default=. */
static Value minmax(Value *args, size_t nargs, Value kwnames, int op, const char *name) {
    Value key = VNULL, dflt = VNULL;
    size_t nkw = kwnames ? (size_t)tuple_size(kwnames) : 0;
    for (size_t i = 0; i < nkw; i++) {
        Value k = tuple_get(kwnames, (ssize_t)i);
        if (str_eq_cstr(k, "key")) key = args[nargs + i];
        else if (str_eq_cstr(k, "default")) dflt = args[nargs + i];
        else {
            err_format(&exc_TypeError, "%s() got an unexpected keyword argument '%U'", name, k);
            return VNULL;
        }
    }
    if (key == VNone) key = VNULL;
    if (nargs == 0) {
        err_format(&exc_TypeError, "%s expected at least 1 argument, got 0", name);
        return VNULL;
    }
    Value it;
    if (nargs == 1) {
        it = obj_iter(args[0]);
        if (!it) return VNULL;
    } else {
        if (dflt) {
            err_format(&exc_TypeError, "Cannot specify a default for %s() with multiple positional arguments", name);
            return VNULL;
        }
        Value t = tuple_from_array(args, nargs);
        if (!t) return VNULL;
        it = obj_iter(t);
    }
    Value best = VNULL, best_key = VNULL, x;
    while ((x = obj_next(it))) {
        Value k = key ? obj_call1(key, x) : x;
        if (!k) return VNULL;
        if (!best) {
            best = x;
            best_key = k;
            continue;
        }
        int r = obj_richcompare_bool(k, best_key, op);
        if (r < 0) return VNULL;
        if (r) {
            best = x;
            best_key = k;
        }
    }
    if (err_occurred()) return VNULL;
    if (!best) {
        if (dflt) return dflt;
        err_format(&exc_ValueError, "%s() arg is an empty sequence", name);
        return VNULL;
    }
    return best;
}
static Value min_m(Value self, Value *args, size_t nargs, Value kw) { return minmax(args, nargs, kw, CMP_LT, "min"); }
static Value max_m(Value self, Value *args, size_t nargs, Value kw) { return minmax(args, nargs, kw, CMP_GT, "max"); }

static Value sum_m(Value self, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"", "start", NULL};
    Value a[2];
    if (arg_parse("sum", args, nargs, kwnames, names, 1, 1, a) < 0) return VNULL;
    Value acc = a[1] ? a[1] : val_from_int(0);
    if (str_check(acc)) {
        err_set(&exc_TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
        return VNULL;
    }
    if (bytes_check(acc)) {
        err_set(&exc_TypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
        return VNULL;
    }
    if (val_isinstance(acc, &type_bytearray)) {
        err_set(&exc_TypeError, "sum() can't sum bytearray [use b''.join(seq) instead]");
        return VNULL;
    }
    Value it = obj_iter(a[0]);
    if (!it) return VNULL;
    Value x;
    /* Small ints and floats are summed without the generic protocol. */
    while ((x = obj_next(it))) {
        if (val_is_int(acc) && val_is_int(x)) {
            intptr_t r;
            if (!__builtin_add_overflow(val_int(acc), val_int(x), &r) && smallint_fits(r)) {
                acc = val_from_int(r);
                continue;
            }
        }
        if (float_check_exact(acc) && float_check_exact(x)) {
            acc = float_new(float_value(acc) + float_value(x));
            if (!acc) return VNULL;
            continue;
        }
        acc = num_binop(acc, x, BINOP_ADD);
        if (!acc) return VNULL;
    }
    return err_occurred() ? VNULL : acc;
}

static Value sorted_m(Value self, Value *args, size_t nargs, Value kwnames) {
    if (nargs != 1) {
        err_format(&exc_TypeError, nargs ? "sorted expected 1 argument, got %zu" : "sorted expected 1 argument, got %zu", nargs);
        return VNULL;
    }
    Value key = VNULL;
    bool reverse = false;
    size_t nkw = kwnames ? (size_t)tuple_size(kwnames) : 0;
    for (size_t i = 0; i < nkw; i++) {
        Value k = tuple_get(kwnames, (ssize_t)i), v = args[nargs + i];
        if (str_eq_cstr(k, "key")) key = v == VNone ? VNULL : v;
        else if (str_eq_cstr(k, "reverse")) {
            int t = obj_is_true(v);
            if (t < 0) return VNULL;
            reverse = t;
        } else {
            err_format(&exc_TypeError, "sort() got an unexpected keyword argument '%U'", k);
            return VNULL;
        }
    }
    Value l = list_from_iterable(args[0]);
    if (!l) return VNULL;
    if (list_sort(l, key, reverse) < 0) return VNULL;
    return l;
}

/* ---- Namespaces ---- */

static Frame *caller_frame(void) { return ts->frame; }

static Value globals_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("globals", nargs, 0, 0) < 0) return VNULL;
    Frame *f = caller_frame();
    return f ? f->globals : builtins_dict;
}

extern Value frame_locals_snapshot(Frame *f);

static Value locals_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("locals", nargs, 0, 0) < 0) return VNULL;
    Frame *f = caller_frame();
    if (!f) return dict_new();
    return frame_locals_snapshot(f);
}

static Value vars_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("vars", nargs, 0, 1) < 0) return VNULL;
    if (nargs == 0) return locals_m(self, args, 0, kw);
    Value d = obj_getattr_opt(args[0], str_intern_cstr("__dict__"));
    if (!d) {
        if (!err_occurred()) err_set(&exc_TypeError, "vars() argument must have __dict__ attribute");
        return VNULL;
    }
    return d;
}

static Value dir_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("dir", nargs, 0, 1) < 0) return VNULL;
    if (nargs == 0) {
        Frame *f = caller_frame();
        Value d = f ? frame_locals_snapshot(f) : dict_new();
        if (!d) return VNULL;
        Value l = obj_call_method(d, "keys", NULL, 0);
        if (!l) return VNULL;
        l = list_from_iterable(l);
        if (!l || list_sort(l, VNULL, false) < 0) return VNULL;
        return l;
    }
    return obj_dir(args[0]);
}

/* ---- compile / exec / eval ---- */

static int source_text(Value src, const char **data, size_t *size, int *flags, const char *fname, const char *what) {
    if (str_check(src)) {
        *data = str_data(src);
        *size = str_size(src);
        *flags |= PARSE_FLAG_SOURCE_IS_UTF8 | PARSE_FLAG_STRING_INPUT;
        return 0;
    }
    if (bytes_check(src)) {
        *data = bytes_data(src);
        *size = (size_t)bytes_size(src);
        *flags |= PARSE_FLAG_STRING_INPUT;
        return 0;
    }
    /* Any other contiguous buffer (bytearray, memoryview, array): its bytes
     * are copied, since the exporter could change them while compiling. */
    if (val_type(src)->getbuffer) {
        Buffer view;
        if (buffer_get(src, &view, BUF_SIMPLE) < 0) return -1;
        Value b = bytes_new((const char *)view.buf, (size_t)view.len);
        buffer_release(&view);
        if (!b) return -1;
        *data = bytes_data(b);
        *size = (size_t)bytes_size(b);
        *flags |= PARSE_FLAG_STRING_INPUT;
        return 0;
    }
    err_format(&exc_TypeError, "%s() arg 1 must be a %s object", fname, what);
    return -1;
}

/* The source given to compile(), exec() or eval() must not hold a null
 * byte: CPython 3.11 says so with a ValueError. */
static int check_no_nul(const char *data, size_t size) {
    if (!memchr(data, 0, size)) return 0;
    err_set(&exc_ValueError, "source code string cannot contain null bytes");
    return -1;
}

/* compile()'s filename: str, bytes, a path-like object, or (deprecated)
 * any other buffer, as PyUnicode_FSDecoder takes it. */
static Value compile_filename(Value v) {
    if (str_check(v)) return v;
    if (!bytes_check(v) && val_type(v)->getbuffer && !type_lookup_cstr(val_type(v), "__fspath__")) {
        char msg[160];
        snprintf(msg, sizeof msg, "path should be string, bytes, or os.PathLike, not %.80s", type_name(v));
        if (err_warn(&exc_DeprecationWarning, msg, 1) < 0) return VNULL;
        Buffer view;
        if (buffer_get(v, &view, BUF_SIMPLE) < 0) return VNULL;
        Value b = bytes_new((const char *)view.buf, (size_t)view.len);
        buffer_release(&view);
        v = b;
        if (!v) return VNULL;
    } else {
        extern Value os_fspath(Value v);
        v = os_fspath(v);
        if (!v) return VNULL;
    }
    if (str_check(v)) return v;
    return str_decode_utf8(bytes_data(v), (size_t)bytes_size(v), "surrogateescape");
}

/* An int argument converted as Argument Clinic's `int` converter does. */
static int int_arg(Value v, int dflt, int *out) {
    if (!v) {
        *out = dflt;
        return 0;
    }
    if (!val_is_int(v)) {
        v = num_index(v);
        if (!v) return -1;
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

/* compile() flags: the CO_FUTURE_* features, the obsolete CO_NESTED, and
 * the PyCF_* options (ast_module.h). */
_Static_assert((int)AST_MODE_EXEC == (int)COMPILE_EXEC && (int)AST_MODE_EVAL == (int)COMPILE_EVAL && (int)AST_MODE_SINGLE == (int)COMPILE_SINGLE,
               "compile() passes its mode to compile_source()");
#define COMPILE_FUTURE_FLAGS 0x1FE0000
#define COMPILE_OBSOLETE_FLAGS 0x10
#define COMPILE_OPTION_FLAGS (PyCF_ONLY_AST | PyCF_DONT_IMPLY_DEDENT | PyCF_TYPE_COMMENTS | \
                              PyCF_ALLOW_TOP_LEVEL_AWAIT | PyCF_ALLOW_INCOMPLETE_INPUT)

static Value compile_m(Value self, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"source", "filename", "mode", "flags", "dont_inherit", "optimize",
                                        "_feature_version", NULL};
    Value a[7];
    if (arg_parse("compile", args, nargs, kwnames, names, 0, 3, a) < 0) return VNULL;
    Value filename = compile_filename(a[1]);
    if (!filename) return VNULL;
    if (!str_check(a[2])) {
        err_format(&exc_TypeError, "compile() argument 'mode' must be str, not %s", type_name(a[2]));
        return VNULL;
    }
    int cflags, dont_inherit, optimize, feature_version;
    if (int_arg(a[3], 0, &cflags) < 0 || int_arg(a[4], 0, &dont_inherit) < 0 || int_arg(a[5], -1, &optimize) < 0 ||
        int_arg(a[6], -1, &feature_version) < 0)
        return VNULL;
    if (cflags & ~(COMPILE_FUTURE_FLAGS | COMPILE_OBSOLETE_FLAGS | COMPILE_OPTION_FLAGS)) {
        err_set(&exc_ValueError, "compile(): unrecognised flags");
        return VNULL;
    }
    if (optimize < -1 || optimize > 2) {
        err_set(&exc_ValueError, "compile(): invalid optimize value");
        return VNULL;
    }
    extern int runtime_optimize;
    if (optimize < 0) optimize = runtime_optimize;
    bool only_ast = cflags & PyCF_ONLY_AST;
    ASTMode mode;
    if (str_eq_cstr(a[2], "exec")) mode = AST_MODE_EXEC;
    else if (str_eq_cstr(a[2], "eval")) mode = AST_MODE_EVAL;
    else if (str_eq_cstr(a[2], "single")) mode = AST_MODE_SINGLE;
    else if (str_eq_cstr(a[2], "func_type")) {
        if (!only_ast) {
            err_set(&exc_ValueError, "compile() mode 'func_type' requires flag PyCF_ONLY_AST");
            return VNULL;
        }
        mode = AST_MODE_FUNC_TYPE;
    } else {
        err_set(&exc_ValueError, only_ast ? "compile() mode must be 'exec', 'eval', 'single' or 'func_type'"
                                          : "compile() mode must be 'exec', 'eval' or 'single'");
        return VNULL;
    }
    /* An AST object: returned as it is, or compiled (ast_module.h). */
    bool top_level_await = cflags & PyCF_ALLOW_TOP_LEVEL_AWAIT;
    if (ast_object_check(a[0]))
        return only_ast ? a[0] : ast_compile_object(a[0], filename, mode, optimize, top_level_await);
    const char *data;
    size_t size;
    int flags = 0;
    if (source_text(a[0], &data, &size, &flags, "compile", "string, bytes or AST") < 0 || check_no_nul(data, size) < 0)
        return VNULL;
    if (cflags & PyCF_DONT_IMPLY_DEDENT) flags |= PARSE_FLAG_DONT_IMPLY_DEDENT;
    if (cflags & PyCF_ALLOW_INCOMPLETE_INPUT) flags |= PARSE_FLAG_ALLOW_INCOMPLETE_INPUT;
    if (cflags & PyCF_TYPE_COMMENTS) flags |= PARSE_FLAG_TYPE_COMMENTS;
    /* Like CPython, the feature version only counts for ast.parse(). */
    if (only_ast && feature_version >= 0) flags |= PARSE_FLAG_FEATURE_VERSION(feature_version);
    if (only_ast) return ast_parse_source(data, size, filename, mode, flags);
    return compile_source(data, size, filename, (int)mode | (top_level_await ? COMPILE_TOP_LEVEL_AWAIT : 0), flags,
                          optimize);
}

static Value exec_eval(Value *args, size_t nargs, Value kwnames, bool is_eval) {
    const char *fname = is_eval ? "eval" : "exec";
    static const char *const names[] = {"source", "globals", "locals", "closure", NULL};
    Value a[4];
    if (arg_parse(fname, args, nargs, kwnames, names, 3, 1, a) < 0) return VNULL;
    Value globals = a[1] && a[1] != VNone ? a[1] : VNULL;
    Value locals = a[2] && a[2] != VNone ? a[2] : VNULL;
    Frame *f = caller_frame();
    if (globals && !dict_check(globals)) {
        err_format(&exc_TypeError, is_eval ? "globals must be a real dict; try eval(expr, {}, mapping)"
                                           : "exec() globals must be a dict, not %s", type_name(globals));
        return VNULL;
    }
    if (locals && !val_type(locals)->getitem) {
        err_format(&exc_TypeError, "locals must be a mapping");
        return VNULL;
    }
    if (!globals) {
        if (!f) {
            err_set(&exc_SystemError, "globals and locals cannot be NULL");
            return VNULL;
        }
        globals = f->globals;
        if (!locals) locals = f->locals ? f->locals : frame_locals_snapshot(f);
        if (!locals) return VNULL;
    } else if (!locals) {
        locals = globals;
    }
    Value code = a[0];
    extern Type type_code;
    if (val_is_int(code) || val_type(code) != &type_code) {
        const char *data;
        size_t size;
        int flags = 0;
        if (source_text(code, &data, &size, &flags, fname, "string, bytes or code") < 0 || check_no_nul(data, size) < 0)
            return VNULL;
        /* eval() ignores leading spaces and tabs. */
        if (is_eval)
            while (size && (*data == ' ' || *data == '\t')) data++, size--;
        code = compile_source(data, size, str_intern_cstr("<string>"), is_eval ? COMPILE_EVAL : COMPILE_EXEC, flags, 0);
        if (!code) return VNULL;
    }
    /* A code object with free variables reads its cells from a function's closure. */
    Value closure = a[3] && a[3] != VNone ? a[3] : VNULL;
    int nfrees = ((CodeObject *)code)->nfrees;
    if (is_eval && nfrees) {
        err_set(&exc_TypeError, "code object passed to eval() may not contain free variables");
        return VNULL;
    }
    if (!is_eval) {
        if (closure && !nfrees) {
            err_set(&exc_TypeError, "cannot use a closure with this code object");
            return VNULL;
        }
        if (nfrees && (!closure || !tuple_check(closure) || tuple_size(closure) != nfrees)) {
            err_format(&exc_TypeError, "code object requires a closure of exactly length %d", nfrees);
            return VNULL;
        }
        if (closure) {
            err_set(&exc_NotImplementedError, "exec() with a closure is not supported");
            return VNULL;
        }
    }
    Value r = interp_eval_code((CodeObject *)code, globals, locals);
    if (!r) return VNULL;
    return is_eval ? r : VNone;
}

static Value exec_m(Value self, Value *args, size_t nargs, Value kw) { return exec_eval(args, nargs, kw, false); }
static Value eval_m(Value self, Value *args, size_t nargs, Value kw) { return exec_eval(args, nargs, kw, true); }

/* ---- __build_class__ ---- */

static Value build_class_m(Value self, Value *args, size_t nargs, Value kwnames) {
    if (nargs < 2) {
        err_set(&exc_TypeError, "__build_class__: not enough arguments");
        return VNULL;
    }
    Value func = args[0], name = args[1];
    if (val_type(func) != &type_function) {
        err_set(&exc_TypeError, "__build_class__: func must be a function");
        return VNULL;
    }
    if (!str_check(name)) {
        err_set(&exc_TypeError, "__build_class__: name is not a string");
        return VNULL;
    }
    Value orig_bases = tuple_from_array(args + 2, nargs - 2);
    if (!orig_bases) return VNULL;
    /* PEP 560: bases that are not classes may substitute themselves. */
    Value bases = orig_bases;
    bool changed = false;
    for (ssize_t i = 0; i < tuple_size(orig_bases); i++) {
        Value b = tuple_get(orig_bases, i);
        if (type_check(b)) continue;
        Value me = obj_getattr_opt(b, str_intern_cstr("__mro_entries__"));
        if (!me) {
            if (err_occurred()) return VNULL;
            continue;
        }
        changed = true;
        break;
    }
    if (changed) {
        Value l = list_new(0);
        if (!l) return VNULL;
        for (ssize_t i = 0; i < tuple_size(orig_bases); i++) {
            Value b = tuple_get(orig_bases, i);
            Value me = type_check(b) ? VNULL : obj_getattr_opt(b, str_intern_cstr("__mro_entries__"));
            if (!me) {
                if (err_occurred()) return VNULL;
                list_append(l, b);
                continue;
            }
            Value r = obj_call1(me, orig_bases);
            if (!r) return VNULL;
            if (!tuple_check(r)) {
                err_set(&exc_TypeError, "__mro_entries__ must return a tuple");
                return VNULL;
            }
            if (list_extend(l, r) < 0) return VNULL;
        }
        bases = list_as_tuple(l);
        if (!bases) return VNULL;
    }
    /* metaclass= and the other class keywords. */
    Value meta = VNULL;
    Value kw = VNULL;
    size_t nkw = kwnames ? (size_t)tuple_size(kwnames) : 0;
    if (nkw) {
        kw = dict_new();
        if (!kw) return VNULL;
        for (size_t i = 0; i < nkw; i++) {
            Value k = tuple_get(kwnames, (ssize_t)i);
            if (str_eq_cstr(k, "metaclass")) meta = args[nargs + i];
            else if (dict_set(kw, k, args[nargs + i]) < 0) return VNULL;
        }
    }
    bool is_class = false;
    if (!meta) {
        meta = tuple_size(bases) ? obj_val(val_type(tuple_get(bases, 0))) : obj_val(&type_type);
        is_class = true;
    } else {
        is_class = type_check(meta);
    }
    if (is_class) {
        /* The most derived metaclass of meta and the bases' metaclasses. */
        Type *winner = (Type *)meta;
        for (ssize_t i = 0; i < tuple_size(bases); i++) {
            Type *bt = val_type(tuple_get(bases, i));
            if (type_is_subtype(winner, bt)) continue;
            if (type_is_subtype(bt, winner)) {
                winner = bt;
                continue;
            }
            err_set(&exc_TypeError, "metaclass conflict: the metaclass of a derived class must be a "
                                    "(non-strict) subclass of the metaclasses of all its bases");
            return VNULL;
        }
        meta = obj_val(winner);
    }
    Value ns;
    Value prep = obj_getattr_opt(meta, str_intern_cstr("__prepare__"));
    if (prep) {
        Value pa[2] = {name, bases};
        ns = kw ? obj_call_tuple_dict(prep, tuple_pack(2, name, bases), kw) : obj_call(prep, pa, 2, VNULL);
        if (!ns) return VNULL;
        if (!val_type(ns)->getitem) {
            err_format(&exc_TypeError, "%s.__prepare__() must return a mapping, not %s",
                       is_class ? ((Type *)meta)->name : "<metaclass>", type_name(ns));
            return VNULL;
        }
    } else {
        if (err_occurred()) return VNULL;
        ns = dict_new();
        if (!ns) return VNULL;
    }
    Value body = interp_run_class_body(func, ns);
    if (!body) return VNULL;
    if (changed && obj_setitem(ns, str_intern_cstr("__orig_bases__"), orig_bases) < 0) return VNULL;
    Value margs = tuple_pack(3, name, bases, ns);
    if (!margs) return VNULL;
    Value cls = obj_call_tuple_dict(meta, margs, kw);
    if (!cls) return VNULL;
    return cls;
}

static Value import_m(Value self, Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"name", "globals", "locals", "fromlist", "level", NULL};
    Value a[5];
    if (arg_parse("__import__", args, nargs, kwnames, names, 0, 1, a) < 0) return VNULL;
    extern Value import_module_level(Value name, Value globals, Value fromlist, int level);
    int level = a[4] && val_is_int(a[4]) ? (int)val_int(a[4]) : 0;
    return import_module_level(a[0], a[1] && a[1] != VNone ? a[1] : VNULL, a[3] ? a[3] : VNone, level);
}

/* ==== aiter, anext, breakpoint (added with memoryview/complex) ==== */

/* aiter(x): type(x).__aiter__(x), which must give an async iterator. */
static Value aiter_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("aiter", kw) < 0 || arg_count("aiter", nargs, 1, 1) < 0) return VNULL;
    Value m = type_lookup_cstr(val_type(args[0]), "__aiter__");
    if (!m) {
        err_format(&exc_TypeError, "'%s' object is not an async iterable", type_name(args[0]));
        return VNULL;
    }
    Value it = obj_call1(m, args[0]);
    if (it && !type_lookup_cstr(val_type(it), "__anext__")) {
        err_format(&exc_TypeError, "aiter() returned not an async iterator of type '%s'", type_name(it));
        return VNULL;
    }
    return it;
}

/*
 * anext(it, default) returns an awaitable wrapping type(it).__anext__(it):
 * awaiting it steps the wrapped awaitable's iterator and turns its
 * StopAsyncIteration into StopIteration(default), i.e. the await's result.
 * The iterator is looked up afresh at each step, as CPython does, so both
 * coroutines and objects with __await__ work.
 */
typedef struct AnextAwaitableObject {
    Object hdr;
    Value wrapped, default_value;
} AnextAwaitableObject;

static Type type_anext_awaitable;

static void anext_awaitable_trace(Object *o) {
    AnextAwaitableObject *a = (AnextAwaitableObject *)o;
    gc_mark(a->wrapped);
    gc_mark(a->default_value);
}

static void anext_stop_with_default(AnextAwaitableObject *a) {
    err_clear();
    Value e = exc_new(&exc_StopIteration, tuple_pack(1, a->default_value));
    if (e && obj_setattr_cstr(e, "value", a->default_value) == 0) err_set_object(e);
}

static Value anext_awaitable_getiter(AnextAwaitableObject *a) {
    extern Value gen_get_awaitable_iter(Value v), gen_coro_wrapper(Value coro);
    Value it = gen_get_awaitable_iter(a->wrapped);
    /* A coroutine is no iterator: step it through its __await__(). */
    if (it && !val_type(it)->iternext) it = gen_coro_wrapper(it);
    return it;
}

static Value anext_awaitable_next(Value self) {
    AnextAwaitableObject *a = (AnextAwaitableObject *)self;
    Value it = anext_awaitable_getiter(a);
    if (!it) return VNULL;
    Value r = val_type(it)->iternext(it);
    if (!r && err_matches(&exc_StopAsyncIteration)) anext_stop_with_default(a);
    return r;
}

/* send/throw/close go to the wrapped iterator's method of that name. */
static Value anext_awaitable_proxy(Value self, const char *meth, Value *args, size_t nargs) {
    AnextAwaitableObject *a = (AnextAwaitableObject *)self;
    Value it = anext_awaitable_getiter(a);
    if (!it) return VNULL;
    Value r = obj_call_method(it, meth, args, nargs);
    if (!r && err_matches(&exc_StopAsyncIteration)) anext_stop_with_default(a);
    return r;
}

static Value anext_awaitable_send(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("send", kw) < 0 || arg_count("send", nargs, 1, 1) < 0) return VNULL;
    return anext_awaitable_proxy(self, "send", args, nargs);
}

static Value anext_awaitable_throw(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("throw", kw) < 0) return VNULL;
    return anext_awaitable_proxy(self, "throw", args, nargs);
}

static Value anext_awaitable_close(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("close", kw) < 0 || arg_count("close", nargs, 0, 0) < 0) return VNULL;
    return anext_awaitable_proxy(self, "close", args, 0);
}

static Value anext_awaitable_self(Value self) { return self; }

static Value anext_awaitable_await(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("__await__", kw) < 0 || arg_count("__await__", nargs, 0, 0) < 0) return VNULL;
    return self;
}

static const MethodDef anext_awaitable_methods[] = {
    {"send", anext_awaitable_send, 0, "send(arg) -> send 'arg' into the wrapped iterator,\nreturn next yielded value or raise StopIteration."},
    {"throw", anext_awaitable_throw, 0, "throw(typ[,val[,tb]]) -> raise exception in the wrapped iterator,\nreturn next yielded value or raise StopIteration."},
    {"close", anext_awaitable_close, 0, "close() -> raise GeneratorExit inside generator."},
    {"__await__", anext_awaitable_await, 0, NULL},
    {NULL}
};

static Type type_anext_awaitable = {
    .hdr = {0, &type_type},
    .name = "anext_awaitable",
    .basicsize = sizeof(AnextAwaitableObject),
    .trace = anext_awaitable_trace,
    .iter = anext_awaitable_self,
    .iternext = anext_awaitable_next,
    .methods = anext_awaitable_methods,
};

static Value anext_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("anext", kw) < 0 || arg_count("anext", nargs, 1, 2) < 0) return VNULL;
    Value m = type_lookup_cstr(val_type(args[0]), "__anext__");
    if (!m) {
        err_format(&exc_TypeError, "'%s' object is not an async iterator", type_name(args[0]));
        return VNULL;
    }
    Value awaitable = obj_call1(m, args[0]);
    if (!awaitable || nargs == 1) return awaitable;
    misc_ready_type(&type_anext_awaitable);
    AnextAwaitableObject *a = gc_alloc(&type_anext_awaitable, sizeof(AnextAwaitableObject));
    if (!a) return VNULL;
    a->wrapped = awaitable;
    a->default_value = args[1];
    return obj_val(a);
}

/* breakpoint(*args, **kws) calls sys.breakpointhook(*args, **kws). */
static Value breakpoint_m(Value self, Value *args, size_t nargs, Value kwnames) {
    extern Value sys_module;
    Value hook = sys_module ? dict_get_cstr(module_dict(sys_module), "breakpointhook") : VNULL;
    if (!hook) {
        err_set(&exc_RuntimeError, "lost sys.breakpointhook");
        return VNULL;
    }
    return obj_call(hook, args, nargs, kwnames);
}

/* sys.breakpointhook (installed by sys.c): calls the callable named by
 * $PYTHONBREAKPOINT ("module.attr", a builtin's name, or "0" to do
 * nothing), pdb.set_trace by default.  A name that cannot be imported is
 * a RuntimeWarning and the call does nothing, as in CPython. */
static Value sys_breakpointhook_m(Value self, Value *args, size_t nargs, Value kwnames) {
    const char *env = getenv("PYTHONBREAKPOINT");
    if (!env || !*env) env = "pdb.set_trace";
    else if (strcmp(env, "0") == 0) return VNone;
    Value spec = str_from_cstr(env);   /* a copy: importing may change the environment */
    if (!spec) return VNULL;
    const char *s = str_data(spec), *dot = strrchr(s, '.');
    Value modname, attr;
    if (!dot) {
        modname = str_from_cstr("builtins");
        attr = spec;
    } else if (dot != s) {
        modname = str_new(s, (size_t)(dot - s));
        attr = str_from_cstr(dot + 1);
    } else {
        goto warn;
    }
    if (!modname || !attr) return VNULL;
    extern Value import_name(Value name, Value globals, Value fromlist, int level);
    Value fromlist = tuple_pack(1, attr);
    Value module = fromlist ? import_name(modname, VNULL, fromlist, 0) : VNULL;
    if (!module) {
        if (err_matches(&exc_ImportError)) goto warn;
        return VNULL;
    }
    Value hook = obj_getattr(module, attr);
    if (!hook) {
        if (err_matches(&exc_AttributeError)) goto warn;
        return VNULL;
    }
    return obj_call(hook, args, nargs, kwnames);
warn:
    err_clear();
    {
        Value msg = str_printf("Ignoring unimportable $PYTHONBREAKPOINT: \"%s\"", str_data(spec));
        if (!msg || err_warn(&exc_RuntimeWarning, str_data(msg), 0) < 0) return VNULL;
    }
    return VNone;
}

const MethodDef sys_breakpointhook_def[] = {
    {"breakpointhook", sys_breakpointhook_m, 0, "breakpointhook(*args, **kws)\n\n"
                                                "This hook function is called by built-in breakpoint().\n"},
    {NULL}
};

/* ==== end of aiter, anext, breakpoint ==== */

/* Docs that begin "name(signature)\n--\n\n" give __text_signature__ (the
 * signatures are CPython's, for inspect.signature()); see descr.c. */
static const MethodDef builtin_functions[] = {
    {"print", print_m, 0, "print($module, /, *args, sep=' ', end='\\n', file=None, flush=False)\n--\n\n"
     "Prints the values to a stream, or to sys.stdout by default."},
    {"input", input_m, 0, "input($module, prompt='', /)\n--\n\n"
     "Read a string from standard input."},
    {"len", len_m, 0, "len($module, obj, /)\n--\n\n"
     "Return the number of items in a container."},
    {"repr", repr_m, 0, "repr($module, obj, /)\n--\n\n"
     "Return the canonical string representation of the object."},
    {"ascii", ascii_m, 0, "ascii($module, obj, /)\n--\n\n"
     "Return an ASCII-only representation of an object."},
    {"abs", abs_m, 0, "abs($module, x, /)\n--\n\n"
     "Return the absolute value of the argument."},
    {"all", all_m, 0, "all($module, iterable, /)\n--\n\n"
     "Return True if bool(x) is True for all values x in the iterable."},
    {"any", any_m, 0, "any($module, iterable, /)\n--\n\n"
     "Return True if bool(x) is True for any x in the iterable."},
    {"bin", bin_m, 0, "bin($module, number, /)\n--\n\n"
     "Return the binary representation of an integer."},
    {"oct", oct_m, 0, "oct($module, number, /)\n--\n\n"
     "Return the octal representation of an integer."},
    {"hex", hex_m, 0, "hex($module, number, /)\n--\n\n"
     "Return the hexadecimal representation of an integer."},
    {"callable", callable_m, 0, "callable($module, obj, /)\n--\n\n"
     "Return whether the object is callable."},
    {"chr", chr_m, 0, "chr($module, i, /)\n--\n\n"
     "Return a Unicode string of one character with ordinal i."},
    {"ord", ord_m, 0, "ord($module, c, /)\n--\n\n"
     "Return the Unicode code point for a one-character string."},
    {"divmod", divmod_m, 0, "divmod($module, x, y, /)\n--\n\n"
     "Return the tuple (x//y, x%y)."},
    {"pow", pow_m, 0, "pow($module, /, base, exp, mod=None)\n--\n\n"
     "Equivalent to base**exp with 2 arguments or base**exp % mod with 3 arguments"},
    {"round", round_m, 0, "round($module, /, number, ndigits=None)\n--\n\n"
     "Round a number to a given precision in decimal digits."},
    {"hash", hash_m, 0, "hash($module, obj, /)\n--\n\n"
     "Return the hash value for the given object."},
    {"id", id_m, 0, "id($module, obj, /)\n--\n\n"
     "Return the identity of an object."},
    {"format", format_m, 0, "format($module, value, format_spec='', /)\n--\n\n"
     "Return value.__format__(format_spec)"},
    {"isinstance", isinstance_m, 0, "isinstance($module, obj, class_or_tuple, /)\n--\n\n"
     "Return whether an object is an instance of a class or of a subclass thereof."},
    {"issubclass", issubclass_m, 0, "issubclass($module, cls, class_or_tuple, /)\n--\n\n"
     "Return whether 'cls' is derived from another class or is the same class."},
    {"getattr", getattr_m, 0, "Get a named attribute from an object."},
    {"setattr", setattr_m, 0, "setattr($module, obj, name, value, /)\n--\n\n"
     "Sets the named attribute on the given object to the specified value."},
    {"delattr", delattr_m, 0, "delattr($module, obj, name, /)\n--\n\n"
     "Deletes the named attribute from the given object."},
    {"hasattr", hasattr_m, 0, "hasattr($module, obj, name, /)\n--\n\n"
     "Return whether the object has an attribute with the given name."},
    {"iter", iter_m, 0, "Get an iterator from an object."},
    {"next", next_m, 0, "Return the next item from the iterator."},
    {"min", min_m, 0, "min(iterable, *[, default=obj, key=func]) -> value\n"
     "min(arg1, arg2, *args, *[, key=func]) -> value\n\n"
     "With a single iterable argument, return its smallest item. The\n"
     "default keyword-only argument specifies an object to return if\n"
     "the provided iterable is empty.\n"
     "With two or more arguments, return the smallest argument."},
    {"max", max_m, 0, "max(iterable, *[, default=obj, key=func]) -> value\n"
     "max(arg1, arg2, *args, *[, key=func]) -> value\n\n"
     "With a single iterable argument, return its biggest item. The\n"
     "default keyword-only argument specifies an object to return if\n"
     "the provided iterable is empty.\n"
     "With two or more arguments, return the largest argument."},
    {"sum", sum_m, 0, "sum($module, iterable, /, start=0)\n--\n\n"
     "Return the sum of a 'start' value (default: 0) plus an iterable of numbers"},
    {"sorted", sorted_m, 0, "sorted($module, iterable, /, *, key=None, reverse=False)\n--\n\n"
     "Return a new list containing all items from the iterable in ascending order."},
    {"globals", globals_m, 0, "globals($module, /)\n--\n\n"
     "Return the dictionary containing the current scope's global variables."},
    {"locals", locals_m, 0, "locals($module, /)\n--\n\n"
     "Return a dictionary containing the current scope's local variables."},
    {"vars", vars_m, 0, "Show vars."},
    {"dir", dir_m, 0, "Show attributes of an object."},
    {"compile", compile_m, 0, "compile($module, /, source, filename, mode, flags=0,\n        dont_inherit=False, optimize=-1, *, _feature_version=-1)\n--\n\n"
     "Compile source into a code object that can be executed by exec() or eval()."},
    {"exec", exec_m, 0, "exec($module, source, globals=None, locals=None, /, *, closure=None)\n--\n\n"
     "Execute the given source in the context of globals and locals."},
    {"eval", eval_m, 0, "eval($module, source, globals=None, locals=None, /)\n--\n\n"
     "Evaluate the given source in the context of globals and locals."},
    {"__build_class__", build_class_m, 0, "__build_class__(func, name, /, *bases, [metaclass], **kwds) -> class"},
    {"__import__", import_m, 0, "__import__($module, /, name, globals=None, locals=None, fromlist=(),\n           level=0)\n--\n\n"
     "Import a module."},
    /* aiter, anext, breakpoint: the block above. */
    {"aiter", aiter_m, 0, "aiter($module, async_iterable, /)\n--\n\n"
     "Return an AsyncIterator for an AsyncIterable object."},
    {"anext", anext_m, 0, "anext($module, aiterator, default=<unrepresentable>, /)\n--\n\n"
     "async anext(aiterator[, default])\n\n"
                          "Return the next item from the async iterator.  If default is given and the async\n"
                          "iterator is exhausted, it is returned instead of raising StopAsyncIteration."},
    {"breakpoint", breakpoint_m, 0, "breakpoint(*args, **kws)\n\n"
                                    "Call sys.breakpointhook(*args, **kws).  sys.breakpointhook() must accept\n"
                                    "whatever arguments are passed.\n\n"
                                    "By default, this drops you into the pdb debugger."},
    {NULL}
};

Value builtins_module;

Value builtins_init(void) {
    Value m = module_new_cstr("builtins");
    if (!m) return VNULL;
    builtins_module = m;
    gc_add_root(&builtins_module);
    builtins_dict = module_dict(m);
    if (module_add_functions(m, builtin_functions) < 0) return VNULL;
    dict_set_cstr(builtins_dict, "__doc__", str_from_cstr(
        "Built-in functions, exceptions, and other objects.\n\nNoteworthy: None is the `nil' object; "
        "Ellipsis represents `...' in slices."));
    struct { const char *name; Type *t; } types[] = {
        {"object", &type_object}, {"type", &type_type}, {"int", &type_int}, {"bool", &type_bool},
        {"float", &type_float}, {"str", &type_str}, {"bytes", &type_bytes}, {"bytearray", &type_bytearray},
        {"memoryview", &type_memoryview}, {"complex", &type_complex},
        {"tuple", &type_tuple}, {"list", &type_list}, {"dict", &type_dict}, {"set", &type_set},
        {"frozenset", &type_frozenset}, {"range", &type_range}, {"slice", &type_slice},
        {"enumerate", &type_enumerate}, {"zip", &type_zip}, {"map", &type_map}, {"filter", &type_filter},
        {"reversed", &type_reversed}, {"property", &type_property}, {"classmethod", &type_classmethod},
        {"staticmethod", &type_staticmethod}, {"super", &type_super},
    };
    for (size_t i = 0; i < ARRAY_LEN(types); i++)
        if (module_add(m, types[i].name, obj_val(types[i].t)) < 0) return VNULL;
#define EXC(name, base, doc) module_add(m, #name, obj_val(&exc_##name));
#include "../objects/exceptions.def"
#undef EXC
    module_add(m, "ExceptionGroup", obj_val(&exc_ExceptionGroup));
    module_add(m, "EnvironmentError", obj_val(&exc_OSError));
    module_add(m, "IOError", obj_val(&exc_OSError));
    module_add(m, "None", VNone);
    module_add(m, "Ellipsis", VEllipsis);
    module_add(m, "NotImplemented", VNotImplemented);
    module_add(m, "True", VTrue);
    module_add(m, "False", VFalse);
    extern int runtime_optimize;
    module_add(m, "__debug__", val_bool(runtime_optimize == 0));
    /* open is io.open (src/modules/io_module.c) */
    extern Value io_open_builtin(void);
    if (module_add(m, "open", io_open_builtin()) < 0) return VNULL;
    return m;
}
