/* test_pyc.c - damaged cached code: every flipped or missing byte is refused by marshal and the importer recompiles. */
#include "../../src/gc/gc.h"
#include "../../src/objects/str.h"
#include "../../src/objects/bytes.h"
#include "../../src/objects/int.h"
#include "../../src/objects/exceptions.h"
#include "../../src/objects/object.h"
#include "../../src/vm/error.h"
#include "../../src/vm/import.h"
#include "../../src/vm/frame.h"
#include "../../src/objects/dict.h"
#include "../../src/compiler/compile.h"
#include "../../src/modules/marshal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern int runtime_init(int argc, char **argv, int orig_argc, char **orig_argv);
extern int sys_set(const char *name, Value v);
extern char *read_file(const char *path, size_t *size);
extern Value builtins_module_get(void);

static int failures;
#define CHECK(cond, ...)                                                       \
    do {                                                                       \
        if (!(cond)) {                                                         \
            printf("FAIL  ");                                                  \
            printf(__VA_ARGS__);                                               \
            printf("\n");                                                      \
            failures++;                                                        \
        }                                                                      \
    } while (0)

static const char SOURCE[] =
    "import os\n"
    "def f(a, b=2, *args, k=3, **kw):\n"
    "    try:\n"
    "        x = [i * a for i in range(b)]\n"
    "    except ValueError as e:\n"
    "        x = str(e)\n"
    "    return x, {'k': k, 'kw': kw}, lambda y: y + a\n"
    "class C:\n"
    "    z = 1.5\n"
    "    def m(self): return (self.z, b'by', frozenset({1, 2}), None, ..., 10**30)\n";

static bool write_file(const char *path, const void *data, size_t n) {
    FILE *f = fopen(path, "wb");
    if (!f) return false;
    bool ok = fwrite(data, 1, n, f) == n;
    return fclose(f) == 0 && ok;
}

static bool same_file(const char *path, const char *data, size_t n) {
    size_t got;
    char *d = read_file(path, &got);
    bool same = d && got == n && memcmp(d, data, n) == 0;
    free(d);
    return same;
}

int main(int argc, char **argv) {
    if (runtime_init(argc, argv, argc, argv) < 0) return 1;
    sys_set("dont_write_bytecode", obj_val(&obj_False));

    /* 1. marshal: each damaged or missing byte of a code object is an error, never a crash. */
    Value name = str_from_cstr("t.py");
    Value code = compile_source(SOURCE, sizeof SOURCE - 1, name, COMPILE_EXEC, 0, 0);
    Value dump = code ? marshal_dumps(code, MARSHAL_VERSION) : VNULL;
    CHECK(dump, "compile and dump");
    if (!dump) return 1;
    size_t n = (size_t)bytes_size(dump);
    unsigned char *buf = malloc(n);
    memcpy(buf, bytes_data(dump), n);
    Value back = marshal_loads(buf, n);
    CHECK(back && val_type(back) == &type_code, "round trip");
    err_clear();
    int refused = 0;
    for (size_t i = 0; i < n; i++) {
        for (int bit = 0; bit < 8; bit += 3) {
            buf[i] ^= (unsigned char)(1 << bit);
            Value v = marshal_loads(buf, n);
            CHECK(!v, "byte %zu bit %d accepted", i, bit);
            if (!v) {
                CHECK(err_matches(&exc_ValueError) || err_matches(&exc_EOFError), "byte %zu: wrong exception", i);
                refused++;
            }
            err_clear();
            buf[i] ^= (unsigned char)(1 << bit);
        }
    }
    for (size_t len = 0; len < n; len++) {
        Value v = marshal_loads(buf, len);
        CHECK(!v && err_occurred(), "cut to %zu bytes accepted", len);
        err_clear();
    }
    printf("ok    %d damaged and %zu cut copies of a %zu-byte code object refused\n", refused, n, n);

    /* 2. The importer: a damaged cache file is ignored and rewritten as it should be. */
    char dir[] = "/tmp/taipan-test-pyc-XXXXXX";
    if (!mkdtemp(dir)) return 1;
    char src[256], pyc[256], pycdir[256];
    snprintf(src, sizeof src, "%s/damaged.py", dir);
    write_file(src, SOURCE, sizeof SOURCE - 1);
    Value path = str_from_cstr(src);
    Value cpath = import_cache_path(path);
    CHECK(cpath, "cache path");
    if (!cpath) return 1;
    snprintf(pyc, sizeof pyc, "%s", str_data(cpath));
    snprintf(pycdir, sizeof pycdir, "%s/__pycache__", dir);
    CHECK(import_source_code(path, cpath, VNULL), "first import");
    size_t good_n;
    char *good = read_file(pyc, &good_n);
    CHECK(good && good_n > 16, "cache written");
    if (!good) return 1;
    /* A sample of positions across the header and the payload, and some lengths. */
    int rewritten = 0, tries = 0;
    for (size_t i = 0; i < good_n; i += i < 24 ? 1 : 37) {
        good[i] ^= 0x10;
        write_file(pyc, good, good_n);
        good[i] ^= 0x10;
        Value c = import_source_code(path, cpath, VNULL);
        CHECK(c && val_type(c) == &type_code, "import with byte %zu damaged", i);
        err_clear();
        tries++;
        if (same_file(pyc, good, good_n)) rewritten++;
    }
    for (size_t len = 0; len < good_n; len += 1 + len / 3) {
        write_file(pyc, good, len);
        Value c = import_source_code(path, cpath, VNULL);
        CHECK(c && val_type(c) == &type_code, "import with cache cut to %zu bytes", len);
        err_clear();
        tries++;
        if (same_file(pyc, good, good_n)) rewritten++;
    }
    CHECK(rewritten == tries, "%d of %d damaged caches rewritten", rewritten, tries);
    printf("ok    %d damaged cache files: imported from source and rewritten\n", tries);

    /* 3. importlib's own SourceFileLoader (reload, exec_module) does the same. */
    char prog[2048];
    snprintf(prog, sizeof prog,
             "import sys\n"
             "sys.path = ['%s', '" TAIPAN_STDLIB_DIR "']\n"
             "import importlib, importlib.util\n"
             "import damaged\n"
             "c = importlib.util.cache_from_source(damaged.__file__)\n"
             "with open(c, 'rb') as f: good = f.read()\n"
             "results = []\n"
             "for pos in (20, 40, len(good) // 2, len(good) - 1):\n"
             "    bad = bytearray(good); bad[pos] ^= 0x10\n"
             "    with open(c, 'wb') as f: f.write(bad)\n"
             "    importlib.reload(damaged)\n"
             "    with open(c, 'rb') as f: results.append(f.read() == good)\n"
             "with open(c, 'wb') as f: f.write(good[:30])\n"
             "spec = importlib.util.spec_from_file_location('damaged_too', damaged.__file__)\n"
             "m = importlib.util.module_from_spec(spec)\n"
             "spec.loader.exec_module(m)\n"
             "with open(c, 'rb') as f: results.append(f.read() == good)\n"
             "results.append(m.C().m()[-1] == 10**30)\n",
             dir);   /* mkdtemp's name has no quotes in it */
    Value pc = compile_source(prog, strlen(prog), str_from_cstr("<test>"), COMPILE_EXEC, 0, 0);
    Value g = dict_new();
    dict_set_cstr(g, "__builtins__", builtins_module_get());
    dict_set_cstr(g, "__name__", str_from_cstr("__main__"));
    Value res = pc ? interp_eval_code((CodeObject *)val_obj(pc), g, g) : VNULL;
    if (!res) err_print();
    Value results = dict_get_cstr(g, "results");
    Value rr = results ? obj_repr(results) : VNULL;
    CHECK(rr && str_eq_cstr(rr, "[True, True, True, True, True, True]"), "importlib loaders: %s",
          rr ? str_data(rr) : "no results");
    if (rr) printf("ok    importlib's SourceFileLoader: damaged caches recompiled and rewritten %s\n", str_data(rr));
    /* No temporary file is left beside the cache. */
    char cmd[600];
    snprintf(cmd, sizeof cmd, "test $(ls -A '%s' | wc -l) -eq 1", pycdir);
    CHECK(system(cmd) == 0, "only the cache file in __pycache__");
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0) printf("could not remove %s\n", dir);
    free(good);
    free(buf);
    printf("%s\n", failures ? "FAILED" : "all passed");
    return failures ? 1 : 0;
}
