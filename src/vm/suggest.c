/* suggest.c - "Did you mean: 'x'?" for NameError and AttributeError, with CPython 3.11's distance rules. */
#include "frame.h"
#include "error.h"
#include "../objects/str.h"
#include "../objects/list.h"
#include "../objects/dict.h"
#include "../objects/exceptions.h"

#include <ctype.h>
#include <stdlib.h>

#define MAX_CANDIDATE_ITEMS 750
#define MAX_STRING_SIZE 40
#define MOVE_COST 2
#define CASE_COST 1

static size_t substitution_cost(char a, char b) {
    if ((a & 31) != (b & 31)) return MOVE_COST;
    if (a == b) return 0;
    if ('A' <= a && a <= 'Z') a += 'a' - 'A';
    if ('A' <= b && b <= 'Z') b += 'a' - 'A';
    return a == b ? CASE_COST : MOVE_COST;
}

/* Levenshtein distance on bytes, giving up (returning max_cost + 1) once it exceeds max_cost. */
static size_t levenshtein(const char *a, size_t an, const char *b, size_t bn, size_t max_cost) {
    if (a == b) return 0;
    while (an && bn && a[0] == b[0]) { a++; b++; an--; bn--; }
    while (an && bn && a[an - 1] == b[bn - 1]) { an--; bn--; }
    if (an == 0 || bn == 0) return (an + bn) * MOVE_COST;
    if (an > MAX_STRING_SIZE || bn > MAX_STRING_SIZE) return max_cost + 1;
    if (bn < an) {
        const char *t = a; a = b; b = t;
        size_t tn = an; an = bn; bn = tn;
    }
    if ((bn - an) * MOVE_COST > max_cost) return max_cost + 1;
    size_t buffer[MAX_STRING_SIZE];
    for (size_t i = 0; i < an; i++) buffer[i] = (i + 1) * MOVE_COST;
    size_t result = 0;
    for (size_t bi = 0; bi < bn; bi++) {
        char code = b[bi];
        size_t distance = result = bi * MOVE_COST;
        size_t minimum = SIZE_MAX;
        for (size_t ai = 0; ai < an; ai++) {
            size_t substitute = distance + substitution_cost(code, a[ai]);
            distance = buffer[ai];
            size_t insert_delete = (result < distance ? result : distance) + MOVE_COST;
            result = insert_delete < substitute ? insert_delete : substitute;
            buffer[ai] = result;
            if (result < minimum) minimum = result;
        }
        if (minimum > max_cost) return max_cost + 1;
    }
    return result;
}

static Value calculate_suggestions(Value candidates, Value name) {
    ssize_t n = list_size(candidates);
    if (n >= MAX_CANDIDATE_ITEMS) return VNULL;
    Value best = VNULL;
    size_t best_dist = SIZE_MAX;
    size_t nlen = str_size(name);
    for (ssize_t i = 0; i < n; i++) {
        Value item = list_get(candidates, i);
        if (!str_check(item)) continue;
        if (str_eq(item, name)) continue;
        size_t ilen = str_size(item);
        size_t max_cost = (nlen + ilen + 3) * MOVE_COST / 6;
        if (best && best_dist - 1 < max_cost) max_cost = best_dist - 1;
        size_t d = levenshtein(str_data(name), nlen, str_data(item), ilen, max_cost);
        if (d > max_cost) continue;
        if (!best || d < best_dist) {
            best = item;
            best_dist = d;
        }
    }
    return best;
}

static Value keys_of(Value d) { return dict_check(d) ? dict_keys_list(d) : VNULL; }

Value suggest_name(Value exc) {
    if (!val_isinstance(exc, &exc_NameError) && !val_isinstance(exc, &exc_AttributeError)) return VNULL;
    Value name = obj_getattr_opt(exc, str_intern_cstr("name"));
    if (!name || !str_check(name)) {
        err_clear();
        return VNULL;
    }
    if (val_isinstance(exc, &exc_AttributeError)) {
        Value obj = obj_getattr_opt(exc, str_intern_cstr("obj"));
        if (!obj || obj == VNone) {
            err_clear();
            return VNULL;
        }
        Value d = obj_dir(obj);
        if (!d) {
            err_clear();
            return VNULL;
        }
        return calculate_suggestions(d, name);
    }
    /* NameError: the innermost frame's locals, then its globals, then builtins. */
    Value tb = ((ExceptionObject *)exc)->traceback;
    if (!tb || tb == VNone) return VNULL;
    Value next;
    while ((next = obj_getattr_opt(tb, str_intern_cstr("tb_next"))) && next != VNone) tb = next;
    Value frame = obj_getattr_opt(tb, str_intern_cstr("tb_frame"));
    if (!frame) {
        err_clear();
        return VNULL;
    }
    static const char *const where[] = {"f_locals", "f_globals", "f_builtins"};
    for (int i = 0; i < 3; i++) {
        Value d = obj_getattr_opt(frame, str_intern_cstr(where[i]));
        if (!d) {
            err_clear();
            continue;
        }
        Value keys = keys_of(d);
        if (!keys) continue;
        Value s = calculate_suggestions(keys, name);
        if (s) return s;
    }
    return VNULL;
}
