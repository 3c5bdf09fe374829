/* locale.c - the _locale module: setlocale, localeconv, nl_langinfo, collation and gettext over the C library, for locale.py. */
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/int.h"
#include "../objects/list.h"
#include "../objects/dict.h"
#include "../objects/tuple.h"
#include "../objects/func.h"
#include "../objects/module.h"
#include "../vm/error.h"
#include "../gc/gc.h"

#include <langinfo.h>
#include <libintl.h>
#include <limits.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

/*
 * A thin layer over the C library, as CPython's Modules/_localemodule.c.
 * Strings coming from the C library are decoded with the current LC_CTYPE
 * locale (mbrtowc, undecodable bytes as lone surrogates), as CPython's
 * PyUnicode_DecodeLocale does, and strings going to wcscoll/wcsxfrm are
 * passed as wide characters.
 *
 * CPython calls setlocale(LC_CTYPE, "") at start-up, coercing the plain C
 * locale to C.UTF-8 unless LC_ALL is set (PEP 538), so locale.setlocale(locale.LC_CTYPE) answers
 * "C.UTF-8" in a program run under LC_ALL=C.UTF-8 or no locale at all.
 * Taipan's start-up leaves the C library in the "C" locale (float
 * formatting and io work without it), so importing _locale does the same
 * LC_CTYPE set-up; the other categories stay "C" as in CPython.
 */

static Value locale_error;

/* ---- Arguments ---- */

static int check_args(const char *fname, size_t nargs, Value kwnames, size_t min, size_t max) {
    if (kwnames && tuple_size(kwnames)) {
        err_format(&exc_TypeError, "%s() takes no keyword arguments", fname);
        return -1;
    }
    if (nargs < min || nargs > max) {
        size_t n = nargs < min ? min : max;
        err_format(&exc_TypeError, "%s expected %s%zu argument%s, got %zu", fname,
                   min == max ? "" : nargs < min ? "at least " : "at most ", n, n == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

/* METH_O and METH_NOARGS functions name the module in their count errors. */
static int check_exact(const char *fname, size_t nargs, Value kwnames, size_t want) {
    if (kwnames && tuple_size(kwnames)) {
        err_format(&exc_TypeError, "%s() takes no keyword arguments", fname);
        return -1;
    }
    if (nargs != want) {
        if (want) err_format(&exc_TypeError, "_locale.%s() takes exactly one argument (%zu given)", fname, nargs);
        else err_format(&exc_TypeError, "_locale.%s() takes no arguments (%zu given)", fname, nargs);
        return -1;
    }
    return 0;
}

static const char *arg_type(Value v) { return v == VNone ? "None" : type_name(v); }

/* A str argument without NUL (argno 0: "argument"), or None when allowed (then *out is NULL). */
static bool arg_cstr(const char *fname, int argno, Value v, bool none_ok, const char **out) {
    if (none_ok && v == VNone) {
        *out = NULL;
        return true;
    }
    if (!str_check(v)) {
        const char *want = none_ok ? "str or None" : "str";
        if (argno) err_format(&exc_TypeError, "%s() argument %d must be %s, not %s", fname, argno, want, arg_type(v));
        else err_format(&exc_TypeError, "%s() argument must be %s, not %s", fname, want, arg_type(v));
        return false;
    }
    if (memchr(str_data(v), 0, str_size(v))) {
        err_set(&exc_ValueError, "embedded null character");
        return false;
    }
    *out = str_data(v);
    return true;
}

static bool arg_cint(Value v, int *out) {
    Value i = num_index(v);
    if (!i) return false;
    if (!val_is_int(i) || val_int(i) > INT_MAX || val_int(i) < INT_MIN) {
        err_set(&exc_OverflowError, "Python int too large to convert to C int");
        return false;
    }
    *out = (int)val_int(i);
    return true;
}

/* ---- Conversions between the C library's strings and str ---- */

static Value decode_locale(const char *s) {
    StrBuilder sb;
    sb_init(&sb);
    mbstate_t st;
    memset(&st, 0, sizeof st);
    size_t n = strlen(s);
    while (n) {
        wchar_t wc;
        size_t r = mbrtowc(&wc, s, n, &st);
        if (r == (size_t)-1 || r == (size_t)-2 || (uint32_t)wc > 0x10FFFF) {
            /* An undecodable byte becomes a lone surrogate, as surrogateescape makes it. */
            sb_append_codepoint(&sb, 0xDC00 + (unsigned char)*s);
            memset(&st, 0, sizeof st);
            s++;
            n--;
            continue;
        }
        if (r == 0) break;
        sb_append_codepoint(&sb, (uint32_t)wc);
        s += r;
        n -= r;
    }
    return sb_finish(&sb);
}

/* A str as a malloc'd wide string (NULL with MemoryError). */
static wchar_t *to_wide(Value s) {
    wchar_t *w = malloc((str_len(s) + 1) * sizeof *w);
    if (!w) {
        err_no_memory();
        return NULL;
    }
    const unsigned char *p = (const unsigned char *)str_data(s);
    for (size_t i = 0; i < str_len(s); i++) w[i] = (wchar_t)utf8_decode(&p);
    w[str_len(s)] = 0;
    return w;
}

/* ---- Functions ---- */

static Value l_setlocale(Value self, Value *args, size_t nargs, Value kwnames) {
    int category;
    const char *loc = NULL;
    if (check_args("setlocale", nargs, kwnames, 1, 2) < 0 || !arg_cint(args[0], &category) ||
        (nargs > 1 && !arg_cstr("setlocale", 2, args[1], true, &loc)))
        return VNULL;
    const char *r = setlocale(category, loc);
    if (!r) {
        err_set((Type *)locale_error, loc ? "unsupported locale setting" : "locale query failed");
        return VNULL;
    }
    return decode_locale(r);
}

/* CPython's copy_grouping: the values up to and including the terminating 0 or CHAR_MAX. */
static Value grouping_list(const char *s) {
    Value l = list_new(0);
    if (!l || !s[0]) return l;
    size_t i = 0;
    do {
        if (list_append(l, val_from_int(s[i])) < 0) return VNULL;
    } while (s[i] != 0 && s[i++] != CHAR_MAX);
    return l;
}

static Value l_localeconv(Value self, Value *args, size_t nargs, Value kwnames) {
    if (check_exact("localeconv", nargs, kwnames, 0) < 0) return VNULL;
    struct lconv *lc = localeconv();
    Value d = dict_new();
    if (!d) return VNULL;
    struct {
        const char *key;
        const char *text;   /* a string field, or NULL for the number */
        int number;
        bool grouping;
    } fields[] = {
        {"int_curr_symbol", lc->int_curr_symbol, 0, false},
        {"currency_symbol", lc->currency_symbol, 0, false},
        {"mon_decimal_point", lc->mon_decimal_point, 0, false},
        {"mon_thousands_sep", lc->mon_thousands_sep, 0, false},
        {"mon_grouping", lc->mon_grouping, 0, true},
        {"positive_sign", lc->positive_sign, 0, false},
        {"negative_sign", lc->negative_sign, 0, false},
        {"int_frac_digits", NULL, lc->int_frac_digits, false},
        {"frac_digits", NULL, lc->frac_digits, false},
        {"p_cs_precedes", NULL, lc->p_cs_precedes, false},
        {"p_sep_by_space", NULL, lc->p_sep_by_space, false},
        {"n_cs_precedes", NULL, lc->n_cs_precedes, false},
        {"n_sep_by_space", NULL, lc->n_sep_by_space, false},
        {"p_sign_posn", NULL, lc->p_sign_posn, false},
        {"n_sign_posn", NULL, lc->n_sign_posn, false},
        {"decimal_point", lc->decimal_point, 0, false},
        {"thousands_sep", lc->thousands_sep, 0, false},
        {"grouping", lc->grouping, 0, true},
    };
    for (size_t i = 0; i < ARRAY_LEN(fields); i++) {
        Value v = fields[i].grouping ? grouping_list(fields[i].text)
                : fields[i].text ? decode_locale(fields[i].text)
                                 : val_from_int(fields[i].number);
        if (!v || dict_set_cstr(d, fields[i].key, v) < 0) return VNULL;
    }
    return d;
}

/* The nl_langinfo items CPython accepts, in its order (the module gets them as constants too). */
#define LANGINFO(X)                                                                                      \
    X(RADIXCHAR) X(THOUSEP) X(CRNCYSTR) X(CODESET) X(D_T_FMT) X(D_FMT) X(T_FMT) X(AM_STR) X(PM_STR)    \
    X(DAY_1) X(DAY_2) X(DAY_3) X(DAY_4) X(DAY_5) X(DAY_6) X(DAY_7)                                      \
    X(ABDAY_1) X(ABDAY_2) X(ABDAY_3) X(ABDAY_4) X(ABDAY_5) X(ABDAY_6) X(ABDAY_7)                        \
    X(MON_1) X(MON_2) X(MON_3) X(MON_4) X(MON_5) X(MON_6) X(MON_7) X(MON_8) X(MON_9) X(MON_10)          \
    X(MON_11) X(MON_12)                                                                                 \
    X(ABMON_1) X(ABMON_2) X(ABMON_3) X(ABMON_4) X(ABMON_5) X(ABMON_6) X(ABMON_7) X(ABMON_8)             \
    X(ABMON_9) X(ABMON_10) X(ABMON_11) X(ABMON_12)                                                      \
    X(ERA) X(ERA_D_FMT) X(ERA_D_T_FMT) X(ERA_T_FMT) X(ALT_DIGITS) X(YESEXPR) X(NOEXPR) X(T_FMT_AMPM)   \
    X(_DATE_FMT)

static const struct {
    const char *name;
    int value;
} langinfo_items[] = {
#define X(n) {#n, n},
    LANGINFO(X)
#undef X
};

static Value l_nl_langinfo(Value self, Value *args, size_t nargs, Value kwnames) {
    int item;
    if (check_exact("nl_langinfo", nargs, kwnames, 1) < 0 || !arg_cint(args[0], &item)) return VNULL;
    for (size_t i = 0; i < ARRAY_LEN(langinfo_items); i++) {
        if (langinfo_items[i].value != item) continue;
        /* glibc answers NULL rather than "" for ERA. */
        const char *r = nl_langinfo((nl_item)item);
        return decode_locale(r ? r : "");
    }
    err_set(&exc_ValueError, "unsupported langinfo constant");
    return VNULL;
}

static Value l_strcoll(Value self, Value *args, size_t nargs, Value kwnames) {
    const char *a, *b;
    if (check_args("strcoll", nargs, kwnames, 2, 2) < 0 || !arg_cstr("strcoll", 1, args[0], false, &a) ||
        !arg_cstr("strcoll", 2, args[1], false, &b))
        return VNULL;
    wchar_t *wa = to_wide(args[0]), *wb = wa ? to_wide(args[1]) : NULL;
    Value r = VNULL;
    if (wa && wb) r = val_from_int(wcscoll(wa, wb));
    free(wa);
    free(wb);
    return r;
}

static Value l_strxfrm(Value self, Value *args, size_t nargs, Value kwnames) {
    const char *s;
    if (check_exact("strxfrm", nargs, kwnames, 1) < 0 || !arg_cstr("strxfrm", 0, args[0], false, &s)) return VNULL;
    wchar_t *w = to_wide(args[0]);
    if (!w) return VNULL;
    size_t n = wcsxfrm(NULL, w, 0) + 1;
    wchar_t *out = malloc(n * sizeof *out);
    Value r = VNULL;
    if (!out) {
        err_no_memory();
    } else {
        wcsxfrm(out, w, n);
        StrBuilder sb;
        sb_init(&sb);
        for (size_t i = 0; out[i]; i++) sb_append_codepoint(&sb, (uint32_t)out[i]);
        r = sb_finish(&sb);
    }
    free(out);
    free(w);
    return r;
}

static Value l_getencoding(Value self, Value *args, size_t nargs, Value kwnames) {
    if (check_exact("getencoding", nargs, kwnames, 0) < 0) return VNULL;
    const char *e = nl_langinfo(CODESET);
    return decode_locale(e && *e ? e : "UTF-8");
}

/* ---- gettext ---- */

static Value l_gettext(Value self, Value *args, size_t nargs, Value kwnames) {
    const char *msg;
    if (check_exact("gettext", nargs, kwnames, 1) < 0 || !arg_cstr("gettext", 0, args[0], false, &msg)) return VNULL;
    return decode_locale(gettext(msg));
}

static Value l_dgettext(Value self, Value *args, size_t nargs, Value kwnames) {
    const char *domain, *msg;
    if (check_args("dgettext", nargs, kwnames, 2, 2) < 0 || !arg_cstr("dgettext", 1, args[0], true, &domain) ||
        !arg_cstr("dgettext", 2, args[1], false, &msg))
        return VNULL;
    return decode_locale(dgettext(domain, msg));
}

static Value l_dcgettext(Value self, Value *args, size_t nargs, Value kwnames) {
    const char *domain, *msg;
    int category;
    if (check_args("dcgettext", nargs, kwnames, 3, 3) < 0 || !arg_cstr("dcgettext", 1, args[0], true, &domain) ||
        !arg_cstr("dcgettext", 2, args[1], false, &msg) || !arg_cint(args[2], &category))
        return VNULL;
    return decode_locale(dcgettext(domain, msg, category));
}

static Value l_textdomain(Value self, Value *args, size_t nargs, Value kwnames) {
    const char *domain;
    if (check_exact("textdomain", nargs, kwnames, 1) < 0 || !arg_cstr("textdomain", 0, args[0], true, &domain))
        return VNULL;
    const char *r = textdomain(domain);
    if (!r) {
        err_from_errno(&exc_OSError);
        return VNULL;
    }
    return decode_locale(r);
}

/* bindtextdomain's directory is a path: str, bytes or os.PathLike, or None. */
static Value l_bindtextdomain(Value self, Value *args, size_t nargs, Value kwnames) {
    const char *domain, *dir = NULL;
    if (check_args("bindtextdomain", nargs, kwnames, 2, 2) < 0 ||
        !arg_cstr("bindtextdomain", 1, args[0], false, &domain))
        return VNULL;
    Value path = args[1];
    if (path != VNone) {
        if (!str_check(path)) {
            extern Value import_name(Value name, Value globals, Value fromlist, int level);
            Value os = import_name(str_intern_cstr("os"), VNULL, VNone, 0);
            Value fspath = os ? obj_getattr_cstr(os, "fsdecode") : VNULL;
            path = fspath ? obj_call1(fspath, path) : VNULL;
            if (!path) {
                if (err_matches(&exc_TypeError)) {
                    err_clear();
                    err_format(&exc_TypeError, "expected str, bytes or os.PathLike object, not %s", type_name(args[1]));
                }
                return VNULL;
            }
            if (!str_check(path)) {
                err_format(&exc_TypeError, "expected str, bytes or os.PathLike object, not %s", type_name(args[1]));
                return VNULL;
            }
        }
        if (memchr(str_data(path), 0, str_size(path))) {
            err_set(&exc_ValueError, "embedded null byte");
            return VNULL;
        }
        dir = str_data(path);
    }
    if (!domain[0]) {
        err_set(&exc_ValueError, "empty string");
        return VNULL;
    }
    const char *r = bindtextdomain(domain, dir);
    if (!r) {
        err_from_errno(&exc_OSError);
        return VNULL;
    }
    return decode_locale(r);
}

static Value l_bind_textdomain_codeset(Value self, Value *args, size_t nargs, Value kwnames) {
    const char *domain, *codeset;
    if (check_args("bind_textdomain_codeset", nargs, kwnames, 2, 2) < 0 ||
        !arg_cstr("bind_textdomain_codeset", 1, args[0], false, &domain) ||
        !arg_cstr("bind_textdomain_codeset", 2, args[1], true, &codeset))
        return VNULL;
    const char *r = bind_textdomain_codeset(domain, codeset);
    return r ? decode_locale(r) : VNone;
}

static const MethodDef locale_functions[] = {
    {"setlocale", l_setlocale, 0, "Activates/queries locale processing."},
    {"localeconv", l_localeconv, 0, "Returns numeric and monetary locale-specific parameters."},
    {"nl_langinfo", l_nl_langinfo, 0, "Return the value for the locale information associated with key."},
    {"strcoll", l_strcoll, 0, "Compares two strings according to the locale."},
    {"strxfrm", l_strxfrm, 0, "Return a string that can be used as a key for locale-aware comparisons."},
    {"getencoding", l_getencoding, 0, "Get the current locale encoding."},
    {"gettext", l_gettext, 0,
     "gettext(msg) -> string\n\nReturn translation of msg."},
    {"dgettext", l_dgettext, 0,
     "dgettext(domain, msg) -> string\n\nReturn translation of msg in domain."},
    {"dcgettext", l_dcgettext, 0, "Return translation of msg in domain and category."},
    {"textdomain", l_textdomain, 0, "Set the C library's textdmain to domain, returning the new domain."},
    {"bindtextdomain", l_bindtextdomain, 0, "Bind the C library's domain to dir."},
    {"bind_textdomain_codeset", l_bind_textdomain_codeset, 0, "Bind the C library's domain to codeset."},
    {NULL},
};

Value locale_module_init(void) {
    /* CPython's start-up: LC_CTYPE from the environment, the bare C locale coerced to C.UTF-8. */
    const char *ct = setlocale(LC_CTYPE, ""), *all = getenv("LC_ALL"), *coerce = getenv("PYTHONCOERCECLOCALE");
    bool may_coerce = !(all && *all) && !(coerce && strcmp(coerce, "0") == 0);
    if (may_coerce && (!ct || strcmp(ct, "C") == 0 || strcmp(ct, "POSIX") == 0)) {
        if (!setlocale(LC_CTYPE, "C.UTF-8") && !setlocale(LC_CTYPE, "C.utf8")) setlocale(LC_CTYPE, "C");
    }
    Value m = module_new_cstr("_locale");
    if (!m || module_add_functions(m, locale_functions) < 0) return VNULL;
    Value ns = dict_new();
    if (!ns || dict_set_cstr(ns, "__module__", str_from_cstr("locale")) < 0) return VNULL;
    locale_error = type_new_class(&type_type, str_from_cstr("Error"), tuple_pack(1, obj_val(&exc_Exception)), ns, VNULL);
    if (!locale_error) return VNULL;
    gc_add_root(&locale_error);
    static const struct {
        const char *name;
        int value;
    } constants[] = {
        {"LC_CTYPE", LC_CTYPE}, {"LC_TIME", LC_TIME}, {"LC_COLLATE", LC_COLLATE}, {"LC_MONETARY", LC_MONETARY},
        {"LC_MESSAGES", LC_MESSAGES}, {"LC_NUMERIC", LC_NUMERIC}, {"LC_ALL", LC_ALL}, {"CHAR_MAX", CHAR_MAX},
    };
    for (size_t i = 0; i < ARRAY_LEN(constants); i++)
        if (module_add(m, constants[i].name, val_from_int(constants[i].value)) < 0) return VNULL;
    for (size_t i = 0; i < ARRAY_LEN(langinfo_items); i++)
        if (module_add(m, langinfo_items[i].name, val_from_int(langinfo_items[i].value)) < 0) return VNULL;
    if (module_add(m, "Error", locale_error) < 0 ||
        module_add(m, "__doc__", str_from_cstr("Support for POSIX locales.")) < 0)
        return VNULL;
    return m;
}
