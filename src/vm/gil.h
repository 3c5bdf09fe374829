/* gil.h - releasing the global interpreter lock around blocking calls (no-ops until threads run in parallel). */
#ifndef TAIPAN_GIL_H
#define TAIPAN_GIL_H

/*
 * Every system call that may block (read, write, accept, recv, select,
 * waitpid, sleep, lock waits...) is wrapped so other threads run meanwhile:
 *
 *   GIL_RELEASE_BEGIN
 *   n = read(fd, buf, len);      // no Value, no allocation, no exception
 *   GIL_RELEASE_END
 *
 * Between the two, the code must not touch Python objects, allocate from
 * the GC heap or raise; copy what it needs into C locals first.  Buffers
 * obtained with buffer_get stay valid (the export pins them).  The pair
 * opens and closes a C block, so it nests like braces.
 *
 * Until _thread runs threads in parallel these are no-ops; writing them now
 * is what makes blocking modules thread-friendly later.
 */
void gil_release(void);
void gil_acquire(void);

#define GIL_RELEASE_BEGIN { gil_release();
#define GIL_RELEASE_END   gil_acquire(); }

#endif
