/* common.h - the one-word Value, tagging, and macros every file uses. */
#ifndef TAIPAN_COMMON_H
#define TAIPAN_COMMON_H

/*
 * A Value is one machine word.
 *
 *   ...xxxxxxx1   a small int: the word shifted right by one (63-bit signed).
 *   ...xxxxx000   a pointer to a heap (or static) object; 0 is "no value",
 *                 which functions return to signal a raised exception.
 *
 * Objects are at least 8-byte aligned, so bit 0 of a pointer is always 0.
 * Ints that do not fit in 63 bits are BigIntObjects; arithmetic always
 * returns the small form when the result fits, so a given int value has
 * exactly one representation and `is` on ints can compare by value.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <assert.h>
#include <sys/types.h>
#include <alloca.h>

typedef uintptr_t Value;

#define VNULL ((Value)0)

#define SMALLINT_MAX (INTPTR_MAX >> 1)
#define SMALLINT_MIN (INTPTR_MIN >> 1)

static inline bool val_is_int(Value v) { return (v & 1) != 0; }
static inline intptr_t val_int(Value v) { return (intptr_t)v >> 1; }
static inline bool smallint_fits(intptr_t i) { return i >= SMALLINT_MIN && i <= SMALLINT_MAX; }
/* The caller guarantees smallint_fits(i). */
static inline Value val_from_int(intptr_t i) { return ((uintptr_t)i << 1) | 1; }

#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)
#define NOINLINE __attribute__((noinline))
#define UNUSED __attribute__((unused))
#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))
#define container_of(p, T, field) ((T *)((char *)(p) - offsetof(T, field)))

/* memcpy of Values that tolerates n == 0 with a NULL source (argument arrays). */
static inline void copy_values(Value *dst, const Value *src, size_t n) {
    if (n) memcpy(dst, src, n * sizeof(Value));
}

/* Hashes are CPython's Py_hash_t: a signed word, -1 reserved for errors. */
typedef intptr_t hash_t;

_Static_assert(sizeof(Value) == 8, "Taipan assumes a 64-bit target");

#endif
