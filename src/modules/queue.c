/* queue.c - the _queue module: SimpleQueue (an unbounded FIFO whose get() may wait) and the Empty exception. */
#include "os_util.h"
#include "signal.h"
#include "datamod.h"
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/int.h"
#include "../objects/tuple.h"
#include "../objects/list.h"
#include "../objects/dict.h"
#include "../objects/func.h"
#include "../objects/module.h"
#include "../gc/gc.h"
#include "../vm/error.h"
#include "../vm/gil.h"

#include <errno.h>
#include <time.h>

/*
 * The items live in a ring of GC array slots (like collections.deque):
 * item i is at items[(head + i) & (cap - 1)], cap a power of two doubled
 * when full.  put() never blocks; get() takes from the head.
 *
 * Waiting.  get() on an empty queue sleeps on the queue's `seq` word with
 * the GIL released (vm/gil.h's gil_wait_word); put() bumps the word and
 * wakes one sleeper when someone waits.  A woken getter looks at the queue
 * again under the GIL: another thread may have taken the item first.  A
 * signal interrupting the sleep runs the Python handlers (which may raise,
 * or put an item), as CPython's interrupted lock wait does.
 */

#define FN(name) static Value name(Value self, Value *args, size_t nargs, Value kwnames)

typedef struct SimpleQueueObject {
    Object hdr;
    Value *items;        /* ring of cap slots in a GC array; NULL when cap == 0 */
    size_t cap;
    size_t head;
    ssize_t len;
    uint32_t seq;        /* futex word: bumped by put() when getters wait */
    uint32_t waiters;
} SimpleQueueObject;

#define Q(v) ((SimpleQueueObject *)(v))

Type type_simplequeue;
static Value empty_error;      /* _queue.Empty */

static void simplequeue_trace(Object *o) {
    SimpleQueueObject *q = (SimpleQueueObject *)o;
    if (q->items) gc_mark(obj_val(container_of(q->items, ArrayObject, items)));
    for (ssize_t i = 0; i < q->len; i++) gc_mark(q->items[(q->head + (size_t)i) & (q->cap - 1)]);
}

static int queue_push(SimpleQueueObject *q, Value v) {
    if ((size_t)q->len == q->cap) {
        size_t ncap = q->cap ? q->cap * 2 : 8;
        Value *n = array_alloc(ncap);
        if (!n) return -1;
        for (ssize_t i = 0; i < q->len; i++) n[i] = q->items[(q->head + (size_t)i) & (q->cap - 1)];
        q->items = n;
        q->cap = ncap;
        q->head = 0;
    }
    GC_WRITE(q, q->items[(q->head + (size_t)q->len) & (q->cap - 1)], v);
    q->len++;
    if (q->waiters) gil_wake_word(&q->seq, 1);
    return 0;
}

static Value queue_pop(SimpleQueueObject *q) {
    Value v = q->items[q->head];
    q->items[q->head] = VNULL;
    q->head = (q->head + 1) & (q->cap - 1);
    q->len--;
    return v;
}

static Value simplequeue_new(Type *t, Value *args, size_t nargs, Value kwnames) {
    if (t == &type_simplequeue) {
        if (nargs) {
            err_set(&exc_TypeError, "SimpleQueue() takes no positional arguments");
            return VNULL;
        }
        if (kwnames && tuple_size(kwnames)) {
            err_set(&exc_TypeError, "SimpleQueue() takes no keyword arguments");
            return VNULL;
        }
    }
    return t == &type_simplequeue ? obj_val(gc_alloc(t, sizeof(SimpleQueueObject))) : type_generic_alloc(t, 0);
}

FN(simplequeue_put) {
    static const char *const names[] = {"item", "block", "timeout", NULL};
    Value a[3];
    if (arg_parse("put", args, nargs, kwnames, names, 0, 1, a) < 0) return VNULL;
    return queue_push(Q(self), a[0]) < 0 ? VNULL : VNone;
}

FN(simplequeue_put_nowait) {
    static const char *const names[] = {"item", NULL};
    Value a[1];
    if (arg_parse("put_nowait", args, nargs, kwnames, names, 0, 1, a) < 0) return VNULL;
    return queue_push(Q(self), a[0]) < 0 ? VNULL : VNone;
}

/* Sleep until put() wakes us or the deadline (monotonic ns, -1: none)
 * passes, then run due signal handlers: 0, or -1 if one raised. */
static int wait_item(SimpleQueueObject *q, int64_t deadline) {
    uint32_t seen = q->seq;
    q->waiters++;
    int e = gil_wait_word(&q->seq, seen, deadline);
    q->waiters--;
    if ((e == EINTR || signal_pending()) && signal_run_handlers() < 0) {
        /* Leaving with the exception: a wake-up meant for an item goes on. */
        if (q->len && q->waiters) gil_wake_word(&q->seq, 1);
        return -1;
    }
    return 0;
}

static Value simplequeue_get_impl(SimpleQueueObject *q, bool block, Value timeout) {
    int64_t deadline = -1;
    if (block && timeout && timeout != VNone) {
        int64_t ns;
        if (os_seconds_to_ns(timeout, OS_ROUND_CEILING, &ns) < 0) return VNULL;
        if (ns < 0) {
            err_set(&exc_ValueError, "'timeout' must be a non-negative number");
            return VNULL;
        }
        deadline = gil_monotonic_ns() + ns;
    }
    while (q->len == 0) {
        if (!block || (deadline >= 0 && gil_monotonic_ns() >= deadline)) {
            err_set_object(obj_call0(empty_error));
            return VNULL;
        }
        if (wait_item(q, deadline) < 0) return VNULL;
    }
    return queue_pop(q);
}

FN(simplequeue_get) {
    static const char *const names[] = {"block", "timeout", NULL};
    Value a[2];
    if (arg_parse("get", args, nargs, kwnames, names, 0, 0, a) < 0) return VNULL;
    bool block = true;
    if (a[0]) {
        int t = obj_is_true(a[0]);
        if (t < 0) return VNULL;
        block = t;
    }
    return simplequeue_get_impl(Q(self), block, a[1]);
}

FN(simplequeue_get_nowait) {
    if (arg_no_kw("_queue.SimpleQueue.get_nowait", kwnames) < 0) return VNULL;
    if (nargs) {
        err_format(&exc_TypeError, "_queue.SimpleQueue.get_nowait() takes no arguments (%zu given)", nargs);
        return VNULL;
    }
    return simplequeue_get_impl(Q(self), false, VNULL);
}

FN(simplequeue_empty) {
    if (arg_no_kw("_queue.SimpleQueue.empty", kwnames) < 0 ||
        arg_count("_queue.SimpleQueue.empty", nargs, 0, 0) < 0)
        return VNULL;
    return val_bool(Q(self)->len == 0);
}

FN(simplequeue_qsize) {
    if (arg_no_kw("_queue.SimpleQueue.qsize", kwnames) < 0 ||
        arg_count("_queue.SimpleQueue.qsize", nargs, 0, 0) < 0)
        return VNULL;
    return int_from_i64(Q(self)->len);
}

static const MethodDef simplequeue_methods[] = {
    {"empty", simplequeue_empty, 0, "Return True if the queue is empty, False otherwise (not reliable!)."},
    {"get", simplequeue_get, 0,
     "Remove and return an item from the queue.\n\nIf optional args 'block' is true and 'timeout' is None (the "
     "default),\nblock if necessary until an item is available. If 'timeout' is\na non-negative number, it blocks "
     "at most 'timeout' seconds and raises\nthe Empty exception if no item was available within that "
     "time.\nOtherwise ('block' is false), return an item if one is immediately\navailable, else raise the Empty "
     "exception ('timeout' is ignored\nin that case)."},
    {"get_nowait", simplequeue_get_nowait, 0,
     "Remove and return an item from the queue without blocking.\n\nOnly get an item if one is immediately "
     "available. Otherwise\nraise the Empty exception."},
    {"put", simplequeue_put, 0,
     "Put the item on the queue.\n\nThe optional 'block' and 'timeout' arguments are ignored, as this method\nnever "
     "blocks.  They are provided for compatibility with the Queue class."},
    {"put_nowait", simplequeue_put_nowait, 0,
     "Put an item into the queue without blocking.\n\nThis is exactly equivalent to `put(item, block=False)` and is "
     "only provided\nfor compatibility with the Queue class."},
    {"qsize", simplequeue_qsize, 0, "Return the approximate size of the queue (not reliable!)."},
    {"__class_getitem__", generic_class_getitem, METH_CLASS, "See PEP 585"},
    {NULL},
};

Type type_simplequeue = {
    .hdr = {0, &type_type},
    .name = "_queue.SimpleQueue",
    .basicsize = sizeof(SimpleQueueObject),
    .flags = TF_BASETYPE | TF_WEAKREFABLE,
    .trace = simplequeue_trace,
    .new = simplequeue_new,
    .methods = simplequeue_methods,
    .doc = "Simple, unbounded, reentrant FIFO queue.",
};

Value queue_module_init(void) {
    type_ready(&type_simplequeue);
    Value m = module_new_cstr("_queue");
    if (!m) return VNULL;
    Value ns = dict_new();
    if (!ns || dict_set_cstr(ns, "__module__", str_from_cstr("_queue")) < 0 ||
        dict_set_cstr(ns, "__doc__", str_from_cstr("Exception raised by Queue.get(block=0)/get_nowait().")) < 0)
        return VNULL;
    Value bases = tuple_pack(1, obj_val(&exc_Exception));
    empty_error = bases ? type_new_class(&type_type, str_from_cstr("Empty"), bases, ns, VNULL) : VNULL;
    if (!empty_error) return VNULL;
    gc_add_root(&empty_error);
    if (module_add(m, "SimpleQueue", obj_val(&type_simplequeue)) < 0 || module_add(m, "Empty", empty_error) < 0 ||
        module_add(m, "__doc__", str_from_cstr("C implementation of the Python queue module.\nThis module is an "
                                               "implementation detail, please do not use it directly.")) < 0)
        return VNULL;
    return m;
}
