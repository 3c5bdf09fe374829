/* cache.c - filling the interpreter's inline caches: attribute loads and stores, method loads, globals. */
#include "frame.h"
#include "error.h"
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/dict.h"
#include "../objects/func.h"
#include "../objects/module.h"
#include "../objects/instance.h"
#include "../gc/gc.h"

/*
 * The interpreter tries the cached answer first (interp.c); on a miss it
 * calls one of these, which do the full lookup and, when the situation is
 * one a later hit can verify cheaply, record it in the site's entry:
 *
 *   instance attribute  type+version, map  -> slot index (inline slots only)
 *   class attribute     type+version, map  -> the value (no descriptor)
 *   method              type+version, map  -> the function (bound on use)
 *   other descriptor    type+version, map  -> the descriptor (its __get__ called)
 *   module attribute    module, dict version -> the value
 *
 * "type+version" proves no class in the MRO changed since; "map" proves the
 * instance has the same attributes (so none shadows a class attribute).
 */

static bool cacheable_type(Type *t) {
    return t->getattr == obj_generic_getattr && t->attrs_offset != ATTRS_IN_SIDE;
}

/* The instance's map if it has ordinary map storage, VNULL if no attributes
 * at all; sets *ok = false when the storage cannot be cached (dict mode). */
static Value instance_map(Value obj, Type *t, bool *ok) {
    *ok = true;
    if (!t->attrs_offset) return VNULL;
    AttrHeader *h = inst_attrs_existing(obj);
    if (!h || !h->map || h->map->dict_mode) {
        *ok = false;
        return VNULL;
    }
    return obj_val(h->map);
}

/* Is attribute index i of map m stored inline (not in the overflow array)? */
static bool inline_slot(Map *m, ssize_t i) { return m->count <= m->capacity || (uint32_t)i < m->capacity - 1; }

Value cache_getattr(CacheEntry *ce, Value obj) {
    Value name = ce->name;
    Type *t = val_type(obj);
    if (!val_is_int(obj) && t == &type_module) {
        Value d = module_dict(obj);
        Value v = dict_get_str(d, name);
        if (v) {
            ce->kind = CACHE_MODULE;
            ce->key = obj;
            ce->version = (uintptr_t)((DictObject *)d)->version;
            ce->value = v;
            return v;
        }
        return obj_getattr(obj, name);
    }
    if (val_is_int(obj) || !cacheable_type(t)) return obj_getattr(obj, name);
    Value descr = type_lookup(t, name);
    Type *dt = descr ? val_type(descr) : NULL;
    bool ok;
    Value map = instance_map(obj, t, &ok);
    if (!ok) return obj_getattr(obj, name);
    ce->kind = CACHE_EMPTY;
    if (descr && dt->descr_get && dt->descr_set) {
        /* A data descriptor (property, slot member) always wins. */
        ce->kind = CACHE_DATADESCR;
        ce->key = obj_val(t);
        ce->version = t->version;
        ce->value = descr;
        ce->map = VNULL;
        return dt->descr_get(descr, obj, obj_val(t));
    }
    if (map) {
        Map *m = (Map *)map;
        ssize_t i = map_find(m, name);
        if (i >= 0) {
            Value v = *inst_slot_ptr(obj, (uint32_t)i);
            if (inline_slot(m, i)) {
                ce->kind = CACHE_SLOT;
                ce->key = obj_val(t);
                ce->version = t->version;
                ce->map = map;
                ce->index = (uint32_t)i;
            }
            return v;
        }
    }
    if (!descr) return obj_getattr(obj, name);  /* raises AttributeError */
    ce->key = obj_val(t);
    ce->version = t->version;
    ce->map = map;
    ce->value = descr;
    if (dt == &type_function) {
        ce->kind = CACHE_METHOD;
        return method_new(descr, obj);
    }
    if (dt->descr_get) {
        ce->kind = CACHE_DESCR;
        return dt->descr_get(descr, obj, obj_val(t));
    }
    ce->kind = CACHE_CLASSATTR;
    return descr;
}

/* LOADMETHOD: store (function, self) in out[0..1], or (attribute, VNULL). */
int cache_loadmethod(CacheEntry *ce, Value obj, Value *out) {
    Value name = ce->name;
    Type *t = val_type(obj);
    if (!val_is_int(obj) && t == &type_module) {
        Value v = cache_getattr(ce, obj);
        if (!v) return -1;
        out[0] = v;
        out[1] = VNULL;
        return 0;
    }
    if (!val_is_int(obj) && cacheable_type(t)) {
        Value descr = type_lookup(t, name);
        if (descr) {
            Type *dt = val_type(descr);
            if (dt == &type_function || dt == &type_method_descriptor || dt == &type_wrapper_descriptor) {
                bool ok;
                Value map = instance_map(obj, t, &ok);
                if (ok && (!map || map_find((Map *)map, name) < 0)) {
                    ce->kind = CACHE_METHOD;
                    ce->key = obj_val(t);
                    ce->version = t->version;
                    ce->map = map;
                    ce->value = descr;
                    out[0] = descr;
                    out[1] = obj;
                    return 0;
                }
            }
        }
    } else if (t->getattr == obj_generic_getattr) {
        Value descr = type_lookup(t, name);
        if (descr) {
            Type *dt = val_type(descr);
            if (dt == &type_function || dt == &type_method_descriptor || dt == &type_wrapper_descriptor) {
                Value own = t->attrs_offset ? inst_get(obj, name) : VNULL;
                if (!own) {
                    out[0] = descr;
                    out[1] = obj;
                    return 0;
                }
            }
        }
    }
    Value v = obj_getattr(obj, name);
    if (!v) return -1;
    out[0] = v;
    out[1] = VNULL;
    return 0;
}

int cache_setattr(CacheEntry *ce, Value obj, Value v) {
    Value name = ce->name;
    Type *t = val_type(obj);
    if (val_is_int(obj) || t->setattr != obj_generic_setattr || !t->attrs_offset || t->attrs_offset == ATTRS_IN_SIDE)
        return obj_setattr(obj, name, v);
    Value descr = type_lookup(t, name);
    if (descr && val_type(descr)->descr_set) return obj_setattr(obj, name, v);
    bool ok;
    Value map = instance_map(obj, t, &ok);
    if (!ok || !map) return obj_setattr(obj, name, v);
    Map *m = (Map *)map;
    ssize_t i = map_find(m, name);
    if (i >= 0) {
        if (inline_slot(m, i)) {
            ce->kind = CACHE_SETSLOT;
            ce->key = obj_val(t);
            ce->version = t->version;
            ce->map = map;
            ce->index = (uint32_t)i;
        }
        return obj_setattr(obj, name, v);
    }
    if (obj_setattr(obj, name, v) < 0) return -1;
    /* An attribute was added: cache the transition if it stayed inline. */
    AttrHeader *h = inst_attrs_existing(obj);
    Map *m2 = h ? h->map : NULL;
    if (m2 && !m2->dict_mode && m2->parent == m && m2->count <= m2->capacity) {
        ce->kind = CACHE_ADDSLOT;
        ce->key = obj_val(t);
        ce->version = t->version;
        ce->map = map;
        ce->map2 = obj_val(m2);
        ce->index = m2->count - 1;
    }
    return 0;
}

Value cache_loadglobal(CacheEntry *ce, Frame *f) {
    Value name = ce->name;
    DictObject *g = (DictObject *)f->globals;
    Value v = dict_get_str(f->globals, name);
    if (!v) {
        if (err_occurred()) return VNULL;
        v = dict_get_str(f->builtins, name);
        if (!v) {
            if (!err_occurred()) {
                err_format(&exc_NameError, "name '%U' is not defined", name);
                Value e = err_fetch();
                obj_setattr_cstr(e, "name", name);
                err_restore(e);
            }
            return VNULL;
        }
    }
    if (dict_check_exact(f->globals) && dict_check_exact(f->builtins)) {
        ce->kind = CACHE_GLOBAL;
        ce->key = f->globals;
        ce->version = (uintptr_t)g->version;
        ce->map = f->builtins;
        ce->version2 = ((DictObject *)f->builtins)->version;
        ce->value = v;
    }
    return v;
}
