/* finalize.c - weak references and __del__ finalizers: what the collector does between marking and sweeping. */
#include "heap_internal.h"
#include "../vm/error.h"
#include "../vm/thread.h"
#include "../objects/str.h"
#include "../objects/tuple.h"
#include "../objects/type.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * After marking and before sweeping, the collector calls finalize_prepare():
 *
 * 1. Weak references whose referent is unmarked are cleared, and those
 *    with a callback are queued (the weakref and its callback kept alive
 *    for the call).  Weakrefs that are themselves garbage are dropped.
 * 2. Objects with a __del__ that are about to die are resurrected: marked,
 *    with everything they reach, and queued.  Each object's __del__ runs
 *    once (PEP 442): it is no longer registered, so if it is still
 *    unreachable at a later collection it is simply freed.
 *
 * Finalizers run before weakref callbacks, the order CPython's reference
 * counting gives for an object that dies alone; among objects that die
 * together, those no other dying finalizable object refers to go first
 * (order_dying), otherwise the oldest first.
 *
 * Queued work never runs inside the collector, which may have been entered
 * from any allocation: gc_pending is set, and the interpreter calls
 * gc_run_pending() at its next safe point (a call or a loop back-edge).
 */

volatile int gc_pending;

typedef struct ObjVec {
    Object **items;
    size_t len, cap;
} ObjVec;

static ObjVec weakrefs;        /* every live weakref object */
static ObjVec finalizable;     /* objects whose type has __del__, not yet finalized */
static ObjVec pending_cb;      /* cleared weakrefs whose callbacks must run */
static ObjVec pending_del;     /* resurrected objects whose __del__ must run */

static int vec_push(ObjVec *v, Object *o) {
    if (v->len == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 64;
        Object **n = realloc(v->items, cap * sizeof *n);
        if (!n) return -1;
        v->items = n;
        v->cap = cap;
    }
    v->items[v->len++] = o;
    return 0;
}

/* The weakref layout this file relies on (see src/modules/weakref.c). */
typedef struct WeakRefHead {
    Object hdr;
    Value referent;
    Value callback;
} WeakRefHead;

int gc_register_weakref(Object *wr) { return vec_push(&weakrefs, wr); }

int gc_register_finalizer(Object *o) { return vec_push(&finalizable, o); }

/* The basic (callback-less) ref of an object lives in its side slot so that
 * ref(x) is ref(x); the slot is not traced, so clear it when the ref dies. */
static void forget_basic_ref(Object *wr, Value referent) {
    if (!referent || !heap_contains((void *)referent)) return;
    void **slot = gc_side_slot((Object *)referent);
    if (slot && *slot == wr) *slot = NULL;
}

/* Reference counting finalizes an object before the objects it refers to
 * (a text stream flushes into its buffer before the buffer's file is
 * closed).  Of the objects just queued (from `first` on), those that no
 * other queued object reaches go first: everything the queued objects
 * reach is marked (the queue survives the sweep anyway), then the ones
 * left unmarked are moved to the front, both groups keeping their order.
 * Deeper chains and cycles keep the allocation order. */
static void order_dying(size_t first) {
    extern void gc_drain(void);
    size_t n = pending_del.len - first;
    if (n < 2) return;
    for (size_t i = first; i < pending_del.len; i++) {
        Object *o = pending_del.items[i];
        if (o->type->trace) o->type->trace(o);
        gc_drain();
    }
    Object **reached = malloc(n * sizeof *reached);
    if (!reached) return;
    size_t nr = 0, k = first;
    for (size_t i = first; i < pending_del.len; i++) {
        Object *o = pending_del.items[i];
        if (gc_is_marked(o)) reached[nr++] = o;
        else pending_del.items[k++] = o;
    }
    memcpy(pending_del.items + k, reached, nr * sizeof *reached);
    free(reached);
}

void finalize_prepare(void) {
    extern void gc_drain(void);
    /* 1. Weak references to objects about to die are cleared first, so a
     *    weakref never hands out an object that is being finalized. */
    size_t j = 0;
    for (size_t i = 0; i < weakrefs.len; i++) {
        Object *wr = weakrefs.items[i];
        WeakRefHead *w = (WeakRefHead *)wr;
        if (!gc_is_marked(wr)) {
            forget_basic_ref(wr, w->referent);
            continue;   /* the weakref itself is garbage */
        }
        Value r = w->referent;
        if (!r || !heap_contains((void *)r) || gc_is_marked((Object *)r)) {
            weakrefs.items[j++] = wr;
            continue;
        }
        forget_basic_ref(wr, r);
        w->referent = VNULL;
        if (w->callback && w->callback != VNone) {
            if (vec_push(&pending_cb, wr) == 0) {
                gc_pending = 1;
                eval_breaker_set();
            }
        }
    }
    weakrefs.len = j;

    /* 2. __del__: the dying are resurrected for their finalizer, once. */
    size_t first = pending_del.len;
    j = 0;
    for (size_t i = 0; i < finalizable.len; i++) {
        Object *o = finalizable.items[i];
        if (gc_is_marked(o)) {
            finalizable.items[j++] = o;
            continue;
        }
        if (vec_push(&pending_del, o) < 0) {
            finalizable.items[j++] = o; /* try again next time */
            continue;
        }
        gc_pending = 1;
        eval_breaker_set();
    }
    finalizable.len = j;
    order_dying(first);

    /* Everything queued (and all it reaches) survives this sweep. */
    for (size_t i = 0; i < pending_cb.len; i++)
        if (pending_cb.items[i]) gc_mark(obj_val(pending_cb.items[i]));
    for (size_t i = 0; i < pending_del.len; i++)
        if (pending_del.items[i]) gc_mark(obj_val(pending_del.items[i]));
    gc_drain();
}

/* Trace the queues: objects waiting for their callbacks are roots. */
void finalize_mark_queues(void) {
    for (size_t i = 0; i < pending_cb.len; i++)
        if (pending_cb.items[i]) gc_mark(obj_val(pending_cb.items[i]));
    for (size_t i = 0; i < pending_del.len; i++)
        if (pending_del.items[i]) gc_mark(obj_val(pending_del.items[i]));
}

/* All weakrefs currently pointing at `referent` (for getweakrefs/getweakrefcount). */
size_t gc_weakrefs_to(Value referent, Object **out, size_t max) {
    size_t n = 0;
    for (size_t i = 0; i < weakrefs.len; i++) {
        WeakRefHead *w = (WeakRefHead *)weakrefs.items[i];
        if (w->referent == referent) {
            if (out && n < max) out[n] = weakrefs.items[i];
            n++;
        }
    }
    return n;
}

/* At exit: every object still waiting for its __del__ gets it, oldest
 * first, as CPython's teardown of the modules gives them theirs.  Objects
 * made by those finalizers get theirs too, for a few rounds. */
void gc_finalize_all(void) {
    for (int round = 0; round < 8 && finalizable.len; round++) {
        for (size_t i = 0; i < finalizable.len; i++)
            if (vec_push(&pending_del, finalizable.items[i]) < 0) break;
        finalizable.len = 0;
        gc_run_pending();
    }
}

/* Run queued weakref callbacks and __del__ methods.  Safe point only.
 * Finalizers first, oldest first; the queues are consumed from the front
 * by index (a collection may queue thousands of dead coroutines) and may
 * grow while they run. */
void gc_run_pending(void) {
    static bool running;
    if (running) return;
    running = true;
    gc_pending = 0;
    Value saved = err_fetch();
    size_t del_head = 0, cb_head = 0;
    while (del_head < pending_del.len || cb_head < pending_cb.len) {
        if (del_head < pending_del.len) {
            Object *o = pending_del.items[del_head];
            pending_del.items[del_head++] = NULL;   /* no longer a root once run */
            Value self = obj_val(o);
            if (o->type->del) {
                o->type->del(self);
                continue;
            }
            extern Value call_method_lookup(Value self, const char *name, Value *args, size_t nargs, bool *found);
            bool found;
            Value r = call_method_lookup(self, "__del__", NULL, 0, &found);
            if (!r && found) {
                Value e = err_fetch();
                Value m = type_lookup_cstr(o->type, "__del__");
                err_write_unraisable(e, m ? m : self);
            }
            continue;
        }
        Object *wr = pending_cb.items[cb_head];
        pending_cb.items[cb_head++] = NULL;
        WeakRefHead *w = (WeakRefHead *)wr;
        Value cb = w->callback;
        w->callback = VNULL;  /* a callback runs once */
        if (!cb || cb == VNone) continue;
        Value r = obj_call1(cb, obj_val(wr));
        if (!r) {
            Value e = err_fetch();
            err_write_unraisable(e, cb);
        }
    }
    pending_del.len = 0;
    pending_cb.len = 0;
    err_restore(saved);
    running = false;
}
