/* match.c - the run-time halves of class and mapping patterns (MATCHCLASS, MATCHKEYS). */
#include "frame.h"
#include "error.h"
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/int.h"
#include "../objects/float.h"
#include "../objects/bytes.h"
#include "../objects/tuple.h"
#include "../objects/list.h"
#include "../objects/dict.h"
#include "../objects/set.h"

/* Builtins whose single positional sub-pattern matches the subject itself. */
static bool matches_self(Type *t) {
    static Type *const selfish[] = {&type_bool, &type_bytearray, &type_bytes, &type_dict, &type_float,
                                    &type_frozenset, &type_int, &type_list, &type_set, &type_str, &type_tuple};
    for (size_t i = 0; i < ARRAY_LEN(selfish); i++)
        if (type_is_subtype(t, selfish[i])) return true;
    return false;
}

/* Get attribute `name` of subject for a class pattern; VNULL and no error when missing. */
static Value match_attr(Value subject, Value name) {
    Value v = obj_getattr(subject, name);
    if (!v && err_matches(&exc_AttributeError)) err_clear();
    return v;
}

static int seen_before(Value seen, Value name, Type *cls) {
    int r = obj_contains(seen, name);
    if (r > 0) {
        err_format(&exc_TypeError, "%s() got multiple sub-patterns for attribute %R", cls->name, name);
        return -1;
    }
    if (r < 0) return -1;
    return list_append(seen, name);
}

Value match_class(Value subject, Value cls, int npos, Value kwnames) {
    if (!type_check(cls)) {
        err_set(&exc_TypeError, "called match pattern must be a type");
        return VNULL;
    }
    Type *t = (Type *)cls;
    int r = obj_isinstance(subject, cls);
    if (r < 0) return VNULL;
    if (!r) return VNone;
    Value attrs = list_new(0), seen = list_new(0);
    if (!attrs || !seen) return VNULL;
    if (npos) {
        bool self_match = false;
        Value match_args = obj_getattr_opt(cls, str_intern_cstr("__match_args__"));
        if (!match_args) {
            if (err_occurred()) return VNULL;
            self_match = matches_self(t);
            match_args = tuple_empty();
        } else if (!tuple_check(match_args)) {
            err_format(&exc_TypeError, "%s.__match_args__ must be a tuple (got %s)", t->name, type_name(match_args));
            return VNULL;
        }
        ssize_t allowed = self_match ? 1 : tuple_size(match_args);
        if (npos > allowed) {
            err_format(&exc_TypeError, "%s() accepts %zd positional sub-pattern%s (%d given)", t->name, allowed,
                       allowed == 1 ? "" : "s", npos);
            return VNULL;
        }
        if (self_match) {
            if (list_append(attrs, subject) < 0) return VNULL;
        } else {
            for (int i = 0; i < npos; i++) {
                Value name = tuple_get(match_args, i);
                if (!str_check(name)) {
                    err_format(&exc_TypeError, "__match_args__ elements must be strings (got %s)", type_name(name));
                    return VNULL;
                }
                if (seen_before(seen, name, t) < 0) return VNULL;
                Value v = match_attr(subject, name);
                if (!v) return err_occurred() ? VNULL : VNone;
                if (list_append(attrs, v) < 0) return VNULL;
            }
        }
    }
    for (ssize_t i = 0; i < tuple_size(kwnames); i++) {
        Value name = tuple_get(kwnames, i);
        if (seen_before(seen, name, t) < 0) return VNULL;
        Value v = match_attr(subject, name);
        if (!v) return err_occurred() ? VNULL : VNone;
        if (list_append(attrs, v) < 0) return VNULL;
    }
    return list_as_tuple(attrs);
}

Value match_keys(Value map, Value keys) {
    Value get = obj_getattr_cstr(map, "get");
    if (!get) return VNULL;
    Value dummy = obj_call0(obj_val(&type_object));
    if (!dummy) return VNULL;
    Value seen = set_new(&type_set);
    if (!seen) return VNULL;
    Value vals = tuple_new((size_t)tuple_size(keys));
    if (!vals) return VNULL;
    for (ssize_t i = 0; i < tuple_size(keys); i++) {
        Value k = tuple_get(keys, i);
        int dup = set_contains(seen, k);
        if (dup < 0) return VNULL;
        if (dup) {
            err_format(&exc_ValueError, "mapping pattern checks duplicate key (%R)", k);
            return VNULL;
        }
        if (set_add(seen, k) < 0) return VNULL;
        Value v = obj_call2(get, k, dummy);
        if (!v) return VNULL;
        if (v == dummy) return VNone;
        tuple_items(vals)[i] = v;
    }
    return vals;
}
