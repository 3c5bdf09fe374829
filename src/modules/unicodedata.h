/* unicodedata.h - what other modules use of the unicodedata tables: character names (codecs' namereplace and \N{...}). */
#ifndef TAIPAN_UNICODEDATA_H
#define TAIPAN_UNICODEDATA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * The name of a code point into buf (NUL-terminated), returning its
 * length, or 0 when it has none (cap must be at least UNICODEDATA_NAME_CAP).
 * With `aliases`, the plane-15 private-use code points where CPython keeps
 * its aliases and named sequences answer with those names, as CPython's
 * namereplace error handler does.
 */
#define UNICODEDATA_NAME_CAP 256
size_t unicodedata_name(uint32_t cp, char *buf, size_t cap, bool aliases);

/* The code point of a character name or alias (not a named sequence), as
 * \N{...} in unicode-escape data accepts it; false when there is none. */
bool unicodedata_lookup(const char *name, size_t len, uint32_t *cp);

#endif
