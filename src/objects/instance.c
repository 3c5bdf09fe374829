/* instance.c - hidden classes ("maps") and the attribute slots of instances. */
#include "func.h"
#include "../vm/code.h"
#include "instance.h"
#include "type.h"
#include "str.h"
#include "dict.h"
#include "list.h"
#include "../gc/gc.h"
#include "../vm/error.h"

/*
 * How an attribute is found: the object's Map says which slot number the
 * name has (map_find walks the parent chain; long chains get a dict).
 * Where slot number i lives depends on the map's count n and capacity c:
 * with n <= c every attribute is inline; otherwise slots 0..c-2 are inline
 * and slot c-1 holds an Array with attributes c-1..n-1.  Deleting an
 * attribute, asking for __dict__ or growing past MAP_MAX_ATTRS switches
 * the object to dict mode for good: the map is `dict_mode_map` and inline
 * slot 0 holds an ordinary dict.
 */

#define MAP_MAX_ATTRS 64
#define MAP_INDEX_AFTER 8      /* chains longer than this get an index dict */
#define MAX_INLINE_HINT 12

static void map_trace(Object *o) {
    Map *m = (Map *)o;
    gc_mark(obj_val(m->parent));
    gc_mark(m->name);
    gc_mark(m->transitions);
    gc_mark(m->index_cache);
}

Type type_map_internal = {
    .flags = TF_INTERNAL,
    .hdr = {0, &type_type},
    .name = "map",
    .basicsize = sizeof(Map),
    .trace = map_trace,
};

static Value dict_mode_map;

static Map *map_new(Map *parent, Value name, uint32_t capacity) {
    Map *m = gc_alloc(&type_map_internal, sizeof(Map));
    if (!m) return NULL;
    m->parent = parent;
    m->name = name;
    m->count = parent ? parent->count + 1 : 0;
    m->capacity = capacity;
    return m;
}

static Map *get_dict_mode_map(void) {
    if (!dict_mode_map) {
        Map *m = map_new(NULL, VNULL, 1);
        if (!m) return NULL;
        m->dict_mode = 1;
        dict_mode_map = obj_val(m);
        gc_add_root(&dict_mode_map);
    }
    return (Map *)dict_mode_map;
}

static inline bool name_eq(Value a, Value b) {
    return a == b || (str_hash(a) == str_hash(b) && str_eq(a, b));
}

ssize_t map_find(Map *m, Value name) {
    if (m->index_cache) {
        Value i = dict_get_str(m->index_cache, name);
        return i ? val_int(i) : -1;
    }
    for (Map *p = m; p->name; p = p->parent)
        if (name_eq(p->name, name)) return (ssize_t)p->count - 1;
    return -1;
}

/* Long chains are searched through a dict built once per map. */
static void map_build_index(Map *m) {
    Value d = dict_new();
    if (!d) {
        err_clear();
        return;
    }
    for (Map *p = m; p->name; p = p->parent)
        if (dict_set(d, p->name, val_from_int((intptr_t)p->count - 1)) < 0) {
            err_clear();
            return;
        }
    GC_WRITE(m, m->index_cache, d);
}

static Map *map_transition(Map *m, Value name) {
    if (m->transitions) {
        Value child = dict_get_str(m->transitions, name);
        if (child) return (Map *)child;
    } else {
        Value d = dict_new();
        if (!d) return NULL;
        GC_WRITE(m, m->transitions, d);
    }
    Value iname = str_intern(name);
    if (!iname) return NULL;
    Map *child = map_new(m, iname, m->capacity);
    if (!child) return NULL;
    if (dict_set(m->transitions, iname, obj_val(child)) < 0) return NULL;
    if (child->count > MAP_INDEX_AFTER) map_build_index(child);
    return child;
}

/* ---- Side holders for instances of variable-size subclasses ---- */

static void holder_trace(Object *o) { inst_trace_attrs(o); }

Type type_attrholder_internal = {
    .flags = TF_INTERNAL,
    .hdr = {0, &type_type},
    .name = "attrholder",
    .basicsize = sizeof(Object) + sizeof(AttrHeader),
    .attrs_offset = sizeof(Object),
    .trace = holder_trace,
};

AttrHeader *inst_side_attrs(Value obj, bool create) {
    void **slot = gc_side_slot(val_obj(obj));
    if (!slot) {
        if (create) err_no_memory();
        return NULL;
    }
    if (!*slot) {
        if (!create) return NULL;
        Type *t = val_type(obj);
        uint32_t cap = t->attr_hint ? t->attr_hint : 1;
        Object *h = gc_alloc(&type_attrholder_internal, sizeof(Object) + sizeof(AttrHeader) + cap * sizeof(Value));
        if (!h) return NULL;
        inst_init_attrs(obj_val(h), t, cap);
        slot = gc_side_slot(val_obj(obj)); /* side tables are stable, but re-fetch after allocating */
        if (!slot) return NULL;
        *slot = h;
    }
    return (AttrHeader *)((char *)*slot + sizeof(Object));
}

size_t inst_alloc_size(Type *t, size_t base_size, uint32_t *capacity) {
    uint32_t cap = t->attr_hint ? t->attr_hint : 1;
    *capacity = cap;
    return t->attrs_offset + sizeof(AttrHeader) + cap * sizeof(Value);
}

void inst_init_attrs(Value obj, Type *t, uint32_t capacity) {
    Map *root = (Map *)t->root_map;
    if (!root || root->capacity != capacity) {
        root = map_new(NULL, VNULL, capacity);
        if (!root) {
            /* Out of memory: fall back to dict mode, which needs no new map. */
            err_clear();
            root = get_dict_mode_map();
        }
        GC_WRITE(t, t->root_map, obj_val(root));
    }
    inst_attrs(obj)->map = root;
}

void inst_trace_attrs(Object *o) {
    if (o->type->attrs_offset == ATTRS_IN_SIDE) {
        void **slot = gc_side_slot(o);
        if (slot && *slot) gc_mark(obj_val(*slot));
        return;
    }
    AttrHeader *h = inst_attrs(obj_val(o));
    Map *m = h->map;
    if (!m) return;
    gc_mark(obj_val(m));
    uint32_t n = m->dict_mode ? 1 : (m->count < m->capacity ? m->count : m->capacity);
    gc_mark_range(h->slots, n);
}

Value *inst_slot_ptr(Value obj, uint32_t i) {
    AttrHeader *h = inst_attrs_existing(obj);
    Map *m = h->map;
    uint32_t c = m->capacity;
    if (m->count <= c || i < c - 1) return &h->slots[i];
    ArrayObject *a = (ArrayObject *)h->slots[c - 1];
    return &a->items[i - (c - 1)];
}

Value inst_get(Value obj, Value name) {
    AttrHeader *h = inst_attrs_existing(obj);
    if (!h) return VNULL;
    Map *m = h->map;
    if (!m) return VNULL;
    if (m->dict_mode) {
        Value d = h->slots[0];
        if (str_check_exact(name)) return dict_get_str(d, name);
        Value v = dict_get(d, name);
        if (!v && err_occurred()) err_clear();
        return v;
    }
    ssize_t i = map_find(m, name);
    if (i < 0) return VNULL;
    return *inst_slot_ptr(obj, (uint32_t)i);
}

/* Leave map storage: collect the attributes into a dict kept in slot 0. */
static int to_dict_mode(Value obj) {
    AttrHeader *h = inst_attrs(obj);
    if (!h) return -1;
    Map *m = h->map;
    if (m->dict_mode) return 0;
    Value d = dict_new();
    if (!d) return -1;
    /* Insertion order is the order the attributes were added. */
    Map *chain[MAP_MAX_ATTRS + 1];
    uint32_t n = 0;
    for (Map *p = m; p->name && n <= MAP_MAX_ATTRS; p = p->parent) chain[n++] = p;
    for (uint32_t k = n; k-- > 0;) {
        Value v = *inst_slot_ptr(obj, chain[k]->count - 1);
        if (dict_set(d, chain[k]->name, v) < 0) return -1;
    }
    Map *dm = get_dict_mode_map();
    if (!dm) return -1;
    uint32_t c = m->capacity;
    for (uint32_t k = 0; k < c; k++) h->slots[k] = VNULL;
    GC_WRITE(obj, h->slots[0], d);
    h->map = dm;
    return 0;
}

/* Add attribute `name` (absent from map m) with value v. */
static int add_attr(Value obj, Type *t, Map *m, Value name, Value v) {
    if (m->count >= MAP_MAX_ATTRS) {
        if (to_dict_mode(obj) < 0) return -1;
        return dict_set(inst_attrs(obj)->slots[0], name, v);
    }
    Map *child = map_transition(m, name);
    if (!child) return -1;
    AttrHeader *h = inst_attrs(obj);
    uint32_t c = m->capacity, n = m->count;
    if (n + 1 <= c) {
        GC_WRITE(obj, h->slots[n], v);
    } else if (n == c) {
        /* First overflow: the last inline slot becomes an Array. */
        Value *items = array_alloc(4);
        if (!items) return -1;
        items[0] = h->slots[c - 1];
        items[1] = v;
        GC_WRITE(obj, h->slots[c - 1], obj_val(container_of(items, ArrayObject, items)));
    } else {
        ArrayObject *a = (ArrayObject *)h->slots[c - 1];
        uint32_t j = n - (c - 1);
        if (j >= a->capacity) {
            Value *items = array_alloc(a->capacity * 2);
            if (!items) return -1;
            memcpy(items, a->items, a->capacity * sizeof(Value));
            a = container_of(items, ArrayObject, items);
            GC_WRITE(obj, h->slots[c - 1], obj_val(a));
        }
        GC_WRITE(a, a->items[j], v);
    }
    h->map = child;
    /* Learn how many slots instances of this type end up with. */
    if (child->count > c && t->attr_hint < child->count && child->count <= MAX_INLINE_HINT)
        t->attr_hint = child->count;
    return 0;
}

/* Returns 0, -1 on error, or 1 when deleting an attribute that is absent. */
int inst_set(Value obj, Value name, Value v) {
    Type *t = val_type(obj);
    AttrHeader *h = v ? inst_attrs(obj) : inst_attrs_existing(obj);
    if (!h) return v ? -1 : 1;
    Map *m = h->map;
    if (m->dict_mode) {
        Value d = h->slots[0];
        if (v) return dict_set(d, name, v);
        int r = dict_contains(d, name);
        if (r <= 0) return r < 0 ? -1 : 1;
        return dict_del(d, name);
    }
    ssize_t i = map_find(m, name);
    if (v) {
        if (i >= 0) {
            Value *slot = inst_slot_ptr(obj, (uint32_t)i);
            GC_WRITE(obj, *slot, v);
            return 0;
        }
        return add_attr(obj, t, m, name, v);
    }
    if (i < 0) return 1;
    if (to_dict_mode(obj) < 0) return -1;
    return dict_del(inst_attrs(obj)->slots[0], name);
}

Value inst_dict(Value obj) {
    if (to_dict_mode(obj) < 0) return VNULL;
    return inst_attrs(obj)->slots[0];
}

int inst_set_dict(Value obj, Value d) {
    if (!dict_check(d)) {
        err_format(&exc_TypeError, "__dict__ must be set to a dictionary, not a '%s'", type_name(d));
        return -1;
    }
    if (to_dict_mode(obj) < 0) return -1;
    GC_WRITE(obj, inst_attrs(obj)->slots[0], d);
    return 0;
}

/*
 * A new class's first instances would otherwise start with one inline slot
 * and spill into an overflow array until attr_hint has been learned; those
 * early objects (often the long-lived ones) then have maps of their own
 * and make attribute sites polymorphic.  So guess up front: the number of
 * distinct `self.name = ...` stores in the class's __init__ (self being the
 * first argument, register 0), or the inherited guess if larger.
 */
void inst_guess_attr_hint(Type *t) {
    uint32_t hint = 0;
    for (Type *b = t->base; b; b = b->base)
        if (b->attr_hint > hint) hint = b->attr_hint;
    Value init = dict_get_cstr(t->dict, "__init__");
    if (init && val_type(init) == &type_function) {
        CodeObject *co = ((FuncObject *)init)->code;
        if (co->argcount >= 1) {
            Value seen[MAX_INLINE_HINT];
            uint32_t n = 0;
            for (size_t pc = 0; pc < co->ninsns && n < MAX_INLINE_HINT;) {
                uint32_t ins = co->insns[pc];
                int op = INS_OP(ins);
                bool x = op < OP__COUNT && (opcode_flags[op] & OPF_X);
                if (op == OP_SETATTR && INS_A(ins) == 0 && x && pc + 1 < co->ninsns) {
                    Value name = code_caches(co)[co->insns[pc + 1]].name;
                    uint32_t k = 0;
                    while (k < n && seen[k] != name) k++;
                    if (k == n) seen[n++] = name;
                }
                pc += 1 + (x ? 1 : 0);
            }
            if (n > hint) hint = n;
        }
    }
    if (hint > MAX_INLINE_HINT) hint = MAX_INLINE_HINT;
    if (hint > t->attr_hint) t->attr_hint = hint;
}
