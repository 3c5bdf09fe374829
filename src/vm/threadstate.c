/* threadstate.c - thread states: the registry of live threads, their creation and end, and their roots for the collector. */
#include "thread.h"
#include "gil.h"
#include "frame.h"
#include "../gc/gc.h"

#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/syscall.h>

/*
 * The main thread's state is static; every other thread's is malloc'd by
 * the thread that starts it (thread_state_new, holding the GIL) and freed
 * by the thread itself as its last act under the GIL (thread_state_delete).
 * The list is only read or changed by the GIL holder.
 *
 * The collector learns of everything a thread holds through one root
 * walker: the Values in each state, each thread's Python frames (precisely,
 * interp_mark_thread_frames), and the C stack and registers of each thread
 * parked outside the GIL (conservatively).  The collecting thread's own
 * C stack is scanned by the collector itself.
 */

_Thread_local ThreadState *ts;
ThreadState *thread_list, *thread_main;
volatile int eval_breaker;

static ThreadState main_state;
static uint64_t next_serial = 1;
static int recursion_limit = 1000;

static void thread_mark_all(void) {
    for (ThreadState *t = thread_list; t; t = t->next) {
        gc_mark(t->exc);
        gc_mark(t->handled);
        gc_mark(t->trace_func);
        gc_mark(t->profile_func);
        gc_mark(t->asyncgen_hooks[0]);
        gc_mark(t->asyncgen_hooks[1]);
        gc_mark(t->context);
        gc_mark(t->boot_func);
        gc_mark(t->boot_args);
        gc_mark(t->boot_kwargs);
        gc_mark(t->sentinel);
        gc_mark(t->import_waiting);
        interp_mark_thread_frames(t);
        if (t != ts && t->parked) {
            gc_scan_conservative(t->c_sp, t->c_stack_base);
            gc_scan_conservative(&t->c_regs, (char *)&t->c_regs + sizeof t->c_regs);
        }
    }
}

void thread_init_main(void) {
    ThreadState *t = &main_state;
    ts = thread_main = thread_list = t;
    t->recursion_limit = recursion_limit;
    t->ident = (unsigned long)pthread_self();
    t->native_id = (long)syscall(SYS_gettid);
    t->serial = next_serial++;
    t->c_stack_base = gc_thread_attach();
    gc_add_root_walker(thread_mark_all);
}

void thread_set_recursion_limit(int limit) {
    recursion_limit = limit;
    for (ThreadState *t = thread_list; t; t = t->next) t->recursion_limit = limit;
}

ThreadState *thread_state_new(void) {
    ThreadState *t = calloc(1, sizeof *t);
    if (!t) return NULL;
    t->recursion_limit = recursion_limit;
    t->serial = next_serial++;
    ThreadState *last = thread_list;
    while (last->next) last = last->next;
    last->next = t;
    t->prev = last;
    return t;
}

void thread_state_delete(ThreadState *t) {
    if (t->prev) t->prev->next = t->next;
    if (t->next) t->next->prev = t->prev;
    if (thread_list == t) thread_list = t->next;
    free(t);
}

/* After fork() the child runs only the forking thread: the others' states
 * go (their stacks are copies nobody runs on), and the forking thread
 * becomes the main thread. */
void thread_after_fork_child(void (*forget)(ThreadState *)) {
    ThreadState *me = ts;
    ThreadState *t = thread_list;
    while (t) {
        ThreadState *next = t->next;
        if (t != me) {
            if (forget) forget(t);
            interp_thread_fini(t);
            if (t != &main_state) {
                thread_state_delete(t);
            } else {
                if (t->prev) t->prev->next = t->next;
                if (t->next) t->next->prev = t->prev;
                if (thread_list == t) thread_list = t->next;
            }
        }
        t = next;
    }
    me->prev = me->next = NULL;
    thread_list = thread_main = me;
    me->ident = (unsigned long)pthread_self();
    me->native_id = (long)syscall(SYS_gettid);
    gil_after_fork_child();
}
