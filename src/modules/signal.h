/* signal.h - the interpreter's side of signal handling: is a Python handler due, and run the due ones. */
#ifndef TAIPAN_SIGNAL_H
#define TAIPAN_SIGNAL_H

#include <signal.h>

/*
 * A signal arriving runs a C handler that only records it (a flag per
 * signal and one summary flag) and writes the signal number to the wakeup
 * descriptor if one is set.  The Python handler runs later, at a safe
 * point, on the main thread:
 *
 *   if (unlikely(signal_pending()) && signal_run_handlers() < 0) goto error;
 *
 * The interpreter must make that check at loop back-edges (LOOP) and on
 * function entry, as CPython's eval breaker does; blocking calls in the OS
 * modules make it themselves when a system call fails with EINTR.
 * SIGINT's Python handler, default_int_handler, raises KeyboardInterrupt.
 */

extern volatile sig_atomic_t signal_tripped;

/* Nonzero when some signal's Python handler is due. */
static inline int signal_pending(void) { return signal_tripped; }

/* Run the due handlers: 0, or -1 with the exception a handler raised (the
 * handlers not yet run stay due).  Cheap when nothing is pending. */
int signal_run_handlers(void);

/* _thread.interrupt_main: as if sig arrived, if Python handles it (-1 with
 * ValueError for a bad number). */
int signal_simulate(int sig);

/* In a child after fork(): signals the parent had recorded are not the
 * child's to handle (CPython's _PySignal_AfterFork). */
void signal_after_fork(void);

/* Install CPython's start-up dispositions (SIGINT raises KeyboardInterrupt,
 * SIGPIPE and SIGXFSZ ignored).  The _signal module does the SIGINT part
 * when imported; the runtime may call this at start-up once it polls
 * signal_pending(). */
void signal_install_default_handlers(void);

#endif
