/* unicode_names.c: Unicode character name -> code point, for \N{NAME} escapes. */

/*
** The table (unicode_names.h) is generated from CPython 3.11's unicodedata,
** so \N{...} accepts exactly the names CPython accepts: the character
** names, the name aliases, and the algorithmic names (CJK UNIFIED
** IDEOGRAPH-XXXX and similar ranges, HANGUL SYLLABLE composed from jamo).
** Matching is case-insensitive, as in CPython.  Named sequences are not
** single characters and are rejected, also as in CPython.
*/

#include "tokenizer.h"

#include <string.h>

#include "unicode_names.h"

static const char *const jamo_l[] = {"G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S",
                                     "SS", "", "J", "JJ", "C", "K", "T", "P", "H"};
static const char *const jamo_v[] = {"A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA",
                                     "WAE", "OE", "YO", "U", "WEO", "WE", "WI", "YU", "EU", "YI", "I"};
static const char *const jamo_t[] = {"", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG",
                                     "LM", "LB", "LS", "LT", "LP", "LH", "M", "B", "BS", "S",
                                     "SS", "NG", "J", "C", "K", "T", "P", "H"};

static int hangul(const char *s, size_t n, uint32_t *cp)
{
    for (int l = 0; l < 19; l++) {
        size_t ll = strlen(jamo_l[l]);
        if (ll > n || memcmp(s, jamo_l[l], ll))
            continue;
        for (int v = 0; v < 21; v++) {
            size_t vl = strlen(jamo_v[v]);
            if (ll + vl > n || memcmp(s + ll, jamo_v[v], vl))
                continue;
            for (int t = 0; t < 28; t++) {
                size_t tl = strlen(jamo_t[t]);
                if (ll + vl + tl == n && !memcmp(s + ll + vl, jamo_t[t], tl)) {
                    *cp = 0xAC00 + (uint32_t)((l * 21 + v) * 28 + t);
                    return 1;
                }
            }
        }
    }
    return 0;
}

static int b64(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    if (c >= 'a' && c <= 'z') return c - 'a' + 36;
    return c == '+' ? 62 : 63;
}

/* Decode the entry at *pos into name (which holds the previous entry's
** name, for the shared prefix); returns its length and advances *pos. */
static size_t decode_entry(const char **pos, char *name, uint32_t *cp)
{
    const char *p = *pos;
    size_t n = (size_t)(*p++ - 0x21);
    while (*p != '|')
        name[n++] = *p++;
    p++;
    *cp = (uint32_t)(b64(p[0]) << 18 | b64(p[1]) << 12 | b64(p[2]) << 6 | b64(p[3]));
    *pos = p + 4;
    name[n] = 0;
    return n;
}

static int cmp_name(const char *a, size_t an, const char *b, size_t bn)
{
    size_t n = an < bn ? an : bn;
    int c = memcmp(a, b, n);
    if (c)
        return c;
    return an < bn ? -1 : an > bn;
}

int unicode_name_lookup(const char *name, size_t len, uint32_t *cp)
{
    char key[128];
    if (len == 0 || len >= sizeof key)
        return 0;
    for (size_t i = 0; i < len; i++) {
        char c = name[i];
        key[i] = (c >= 'a' && c <= 'z') ? (char)(c - 32) : c;
    }
    key[len] = 0;
    if (len > 16 && !memcmp(key, "HANGUL SYLLABLE ", 16))
        return hangul(key + 16, len - 16, cp);
    /* PREFIX-XXXX names. */
    const char *dash = strrchr(key, '-');
    if (dash) {
        size_t pl = (size_t)(dash - key), hl = len - pl - 1;
        uint32_t v = 0;
        int ok = hl >= 4 && hl <= 6;
        for (size_t i = 0; ok && i < hl; i++) {
            char c = dash[1 + i];
            if (c >= '0' && c <= '9') v = v * 16 + (uint32_t)(c - '0');
            else if (c >= 'A' && c <= 'F') v = v * 16 + (uint32_t)(c - 'A' + 10);
            else ok = 0;
        }
        for (size_t i = 0; ok && i < sizeof uni_name_ranges / sizeof uni_name_ranges[0]; i++) {
            if (strlen(uni_name_ranges[i].prefix) == pl &&
                !memcmp(uni_name_ranges[i].prefix, key, pl) && v >= uni_name_ranges[i].start &&
                v <= uni_name_ranges[i].end) {
                *cp = v;
                return 1;
            }
        }
    }
    /* Binary search for the last block whose first name is <= key. */
    int nblocks = (int)(sizeof uni_name_blocks / sizeof uni_name_blocks[0]);
    int lo = 0, hi = nblocks - 1, found = -1;
    char buf[128];
    uint32_t c;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        const char *pos = uni_name_data + uni_name_blocks[mid];
        size_t n = decode_entry(&pos, buf, &c);
        if (cmp_name(buf, n, key, len) <= 0) {
            found = mid;
            lo = mid + 1;
        } else {
            hi = mid - 1;
        }
    }
    if (found < 0)
        return 0;
    const char *pos = uni_name_data + uni_name_blocks[found];
    for (int i = 0; i < UNI_NAME_BLOCK && found * UNI_NAME_BLOCK + i < UNI_NAME_COUNT; i++) {
        size_t n = decode_entry(&pos, buf, &c);
        int r = cmp_name(buf, n, key, len);
        if (r == 0) {
            *cp = c;
            return 1;
        }
        if (r > 0)
            break;
    }
    return 0;
}
