/* warnings.c - issuing warnings before the warnings module is loaded: CPython's default filters. */
#include "frame.h"
#include "error.h"
#include "../objects/str.h"
#include "../objects/dict.h"
#include "../objects/int.h"
#include "../gc/gc.h"

#include <stdlib.h>

/*
 * Until Python-level `warnings` takes over (the runtime-modules work),
 * warnings follow CPython's default filter list: DeprecationWarning,
 * PendingDeprecationWarning, ImportWarning and ResourceWarning are
 * ignored (DeprecationWarning is shown when triggered in __main__),
 * everything else is printed once per (message, category, file, line).
 */

static Value already_warned;

extern char *source_get_line(const char *filename, int lineno);
extern void write_stderr_text(Value text);

static bool ignored_by_default(Type *cat, bool in_main) {
    if (type_is_subtype(cat, &exc_DeprecationWarning) && !type_is_subtype(cat, &exc_PendingDeprecationWarning))
        return !in_main;
    return type_is_subtype(cat, &exc_PendingDeprecationWarning) || type_is_subtype(cat, &exc_ImportWarning) ||
           type_is_subtype(cat, &exc_ResourceWarning);
}

static int warn_at(Type *cat, const char *msg, Value filename, int lineno, bool in_main) {
    if (ignored_by_default(cat, in_main)) return 0;
    if (!already_warned) {
        already_warned = dict_new();
        if (!already_warned) return -1;
        gc_add_root(&already_warned);
    }
    Value key = str_printf("%s|%s|%U|%d", msg, cat->name, filename, lineno);
    if (!key) return -1;
    if (dict_get(already_warned, key)) return 0;
    if (dict_set(already_warned, key, VTrue) < 0) return -1;
    StrBuilder sb;
    sb_init(&sb);
    sb_printf(&sb, "%U:%d: %s: %s\n", filename, lineno, cat->name, msg);
    char *line = source_get_line(str_data(filename), lineno);
    if (line) {
        const char *p = line;
        while (*p == ' ' || *p == '\t') p++;
        sb_printf(&sb, "  %s\n", p);
        free(line);
    }
    Value text = sb_finish(&sb);
    if (text) write_stderr_text(text);
    return 0;
}

int warn_explicit_cstr(Type *category, const char *msg, Value filename, int lineno) {
    return warn_at(category, msg, filename, lineno, false);
}

int err_warn(Type *category, const char *msg, int stacklevel) {
    Frame *f = ts->frame;
    for (int i = 1; i < stacklevel && f; i++) f = f->back;
    Value filename = f ? f->code->filename : str_intern_cstr("sys");
    int lineno = f ? frame_lineno(f) : 1;
    bool in_main = false;
    if (f && f->globals) {
        Value n = dict_get_cstr(f->globals, "__name__");
        in_main = n && str_check(n) && str_eq_cstr(n, "__main__");
    }
    return warn_at(category, msg, filename, lineno, in_main);
}
