/* test_gc.c - unit tests of the collector: conservative roots, interior pointers, cycles, bounded memory. */
#include "../../src/gc/gc.h"
#include "../../src/objects/str.h"
#include "../../src/objects/list.h"
#include "../../src/objects/dict.h"
#include "../../src/objects/tuple.h"
#include "../../src/objects/int.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

extern int runtime_init(int argc, char **argv, int orig_argc, char **orig_argv);

static int failures;
#define CHECK(cond, what)                                                      \
    do {                                                                       \
        if (cond) printf("ok    %s\n", what);                                  \
        else {                                                                 \
            printf("FAIL  %s\n", what);                                        \
            failures++;                                                        \
        }                                                                      \
    } while (0)

/* Build in a separate frame so no stale copy of the pointer stays behind in ours. */
static NOINLINE Value make_list(int n) {
    Value l = list_new(0);
    for (int i = 0; i < n; i++) list_append(l, val_from_int(i));
    return l;
}

static NOINLINE const char *make_string_interior(void) {
    Value s = str_from_cstr("a string reachable only through a pointer into its text");
    return str_data(s) + 9;   /* points into the middle of the object */
}

static NOINLINE void make_cycles(int n) {
    for (int i = 0; i < n; i++) {
        Value a = list_new(0), b = dict_new();
        list_append(a, b);
        dict_set(b, val_from_int(i), a);
        list_append(a, a);
    }
}

/* Overwrite the dead part of the stack so stale pointers from the calls above go away. */
static NOINLINE void scrub_stack(void) {
    volatile char buf[16384];
    memset((char *)buf, 0, sizeof buf);
}

static long peak_rss_kib(void) {
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

int main(int argc, char **argv) {
    if (runtime_init(argc, argv, argc, argv) < 0) return 1;

    /* 1. An object referenced only from a C local survives a collection. */
    Value l = make_list(1000);
    scrub_stack();
    gc_collect();
    intptr_t sum = 0;
    for (ssize_t i = 0; i < list_size(l); i++) sum += val_int(list_get(l, i));
    CHECK(val_type(l) == &type_list && list_size(l) == 1000 && sum == 999 * 1000 / 2,
          "a list held only by a C local survives collection");

    /* 2. So does an object reachable only through an interior pointer. */
    const char *p = make_string_interior();
    scrub_stack();
    gc_collect();
    gc_collect();
    Object *o = gc_find_object(p);
    CHECK(o && o->type == &type_str && strncmp(p, "reachable only", 14) == 0,
          "a string held only by an interior pointer survives collection");

    /* 3. Unreachable cycles are reclaimed. */
    gc_collect();
    GCStats before, after;
    gc_get_stats(&before);
    make_cycles(20000);
    scrub_stack();
    gc_collect();
    gc_get_stats(&after);
    long grown = (long)after.live_bytes - (long)before.live_bytes;
    printf("info  live bytes before %zu, after 20000 cycles and a collection %zu\n", before.live_bytes,
           after.live_bytes);
    CHECK(grown < 64 * 1024, "20000 unreachable list/dict cycles are reclaimed");

    /* 4. Allocating far more than memory in short-lived objects stays bounded. */
    const char *gb_env = getenv("TAIPAN_GC_TOTAL_GB");
    uint64_t target = (uint64_t)(gb_env ? atof(gb_env) : 20.0) * ((uint64_t)1 << 30);
    Value window = list_new(0);
    for (int i = 0; i < 256; i++) list_append(window, VNone);
    GCStats st;
    gc_get_stats(&st);
    uint64_t start = st.bytes_allocated_total;
    uint64_t k = 0;
    while (1) {
        gc_get_stats(&st);
        if (st.bytes_allocated_total - start >= target) break;
        for (int j = 0; j < 1000; j++, k++) {
            /* A mix of sizes: small tuples, page-sized tuples, and large ones. */
            size_t n = (k % 97 == 0) ? 20000 : (k % 7 == 0) ? 500 : (k % 5) + 1;
            Value t = tuple_new(n);
            if (!t) {
                printf("FAIL  allocation failed after %llu objects\n", (unsigned long long)k);
                return 1;
            }
            list_set(window, (ssize_t)(k % 256), t);
        }
    }
    long rss = peak_rss_kib();
    printf("info  allocated %.1f GiB in %llu objects, %llu collections, peak RSS %.1f MiB\n",
           (double)(st.bytes_allocated_total - start) / (1 << 30), (unsigned long long)k,
           (unsigned long long)st.collections, rss / 1024.0);
    CHECK(rss < 400 * 1024, "peak RSS stays under 400 MiB");

    printf("%s\n", failures ? "FAILED" : "all GC unit tests passed");
    return failures ? 1 : 0;
}
