/* random.c - the _random module: the Mersenne Twister (MT19937) generator behind random.Random. */
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/int.h"
#include "../objects/float.h"
#include "../objects/tuple.h"
#include "../objects/func.h"
#include "../objects/module.h"
#include "../vm/error.h"
#include "../gc/gc.h"
#include "datamod.h"

#include <stdlib.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

/*
 * The generator and its seeding are the reference MT19937 of Matsumoto
 * and Nishimura (init_genrand / init_by_array / genrand_int32) exactly as
 * CPython uses it, so a given seed yields CPython's numbers:
 * random.seed(1); random.random() == 0.13436424411240122.  An int seed
 * is cut into 32-bit words, least significant first; other seeds go
 * through hash() (random.py turns str/bytes seeds into ints first, with
 * SHA-512).  seed(None) reads the system's entropy.
 */

#define MT_N 624
#define MT_M 397
#define MATRIX_A 0x9908b0dfU
#define UPPER_MASK 0x80000000U
#define LOWER_MASK 0x7fffffffU

typedef struct RandomObject {
    Object hdr;
    int index;
    uint32_t state[MT_N];
} RandomObject;

Type type_random;

static void init_genrand(RandomObject *r, uint32_t s) {
    uint32_t *mt = r->state;
    mt[0] = s;
    for (int i = 1; i < MT_N; i++) mt[i] = 1812433253U * (mt[i - 1] ^ (mt[i - 1] >> 30)) + (uint32_t)i;
    r->index = MT_N;
}

static void init_by_array(RandomObject *r, const uint32_t *key, size_t keylen) {
    uint32_t *mt = r->state;
    init_genrand(r, 19650218U);
    size_t i = 1, j = 0;
    for (size_t k = MT_N > keylen ? MT_N : keylen; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525U)) + key[j] + (uint32_t)j;
        i++;
        j++;
        if (i >= MT_N) {
            mt[0] = mt[MT_N - 1];
            i = 1;
        }
        if (j >= keylen) j = 0;
    }
    for (size_t k = MT_N - 1; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941U)) - (uint32_t)i;
        i++;
        if (i >= MT_N) {
            mt[0] = mt[MT_N - 1];
            i = 1;
        }
    }
    mt[0] = 0x80000000U;   /* a non-zero initial array */
}

static uint32_t genrand_uint32(RandomObject *r) {
    static const uint32_t mag01[2] = {0x0U, MATRIX_A};
    uint32_t *mt = r->state, y;
    if (r->index >= MT_N) {
        int kk;
        for (kk = 0; kk < MT_N - MT_M; kk++) {
            y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + MT_M] ^ (y >> 1) ^ mag01[y & 0x1U];
        }
        for (; kk < MT_N - 1; kk++) {
            y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + (MT_M - MT_N)] ^ (y >> 1) ^ mag01[y & 0x1U];
        }
        y = (mt[MT_N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
        mt[MT_N - 1] = mt[MT_M - 1] ^ (y >> 1) ^ mag01[y & 0x1U];
        r->index = 0;
    }
    y = mt[r->index++];
    y ^= (y >> 11);
    y ^= (y << 7) & 0x9d2c5680U;
    y ^= (y << 15) & 0xefc60000U;
    y ^= (y >> 18);
    return y;
}

/* Seed from the system's entropy, or (failing that) the time and the pid. */
static void seed_from_system(RandomObject *r) {
    uint32_t key[MT_N];
    size_t got = 0;
    while (got < sizeof key) {
        ssize_t n = getrandom((char *)key + got, sizeof key - got, 0);
        if (n <= 0) break;
        got += (size_t)n;
    }
    if (got < sizeof key) {
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        key[0] = (uint32_t)ts.tv_sec;
        key[1] = (uint32_t)ts.tv_nsec;
        key[2] = (uint32_t)getpid();
        clock_gettime(CLOCK_MONOTONIC, &ts);
        key[3] = (uint32_t)ts.tv_sec;
        key[4] = (uint32_t)ts.tv_nsec;
        init_by_array(r, key, 5);
        return;
    }
    init_by_array(r, key, MT_N);
}

static int random_seed(RandomObject *r, Value arg) {
    if (!arg || arg == VNone) {
        seed_from_system(r);
        return 0;
    }
    /* The absolute value of an int (int.__abs__ even for subclasses), else the hash as unsigned. */
    mpz_t z;
    if (int_check(arg)) {
        Value n = int_abs(arg);
        if (!n) return -1;
        if (val_is_int(n)) {
            mpz_init_set_ui(z, (unsigned long)val_int(n));
        } else {
            BigIntObject *b = (BigIntObject *)n;
            mpz_t view;
            mpz_roinit_n(view, b->limbs, b->size);
            mpz_init_set(z, view);
        }
    } else {
        hash_t h = obj_hash(arg);
        if (h == -1) return -1;
        mpz_init_set_ui(z, (unsigned long)(size_t)h);
    }
    /* 32-bit words, least significant first; at least one. */
    size_t bits = mpz_sizeinbase(z, 2), nwords = bits == 0 ? 1 : (bits - 1) / 32 + 1;
    uint32_t *key = calloc(nwords, sizeof(uint32_t));
    if (!key) {
        mpz_clear(z);
        err_no_memory();
        return -1;
    }
    size_t count;
    mpz_export(key, &count, -1, sizeof(uint32_t), 0, 0, z);
    mpz_clear(z);
    init_by_array(r, key, nwords);
    free(key);
    return 0;
}

static Value random_new(Type *t, Value *args, size_t nargs, Value kw) {
    RandomObject *r = (RandomObject *)type_generic_alloc(t, 0);
    if (!r) return VNULL;
    /* A sane state even when a subclass's __init__ never seeds. */
    init_genrand(r, 19650218U);
    return obj_val(r);
}

static int random_init(Value self, Value *args, size_t nargs, Value kw) {
    Type *t = val_type(self);
    if ((t == &type_random || t->init == type_random.init) && arg_no_kw("Random", kw) < 0) return -1;
    if (nargs > 1) {
        err_set(&exc_TypeError, "Random() requires 0 or 1 argument");
        return -1;
    }
    return random_seed((RandomObject *)self, nargs ? args[0] : VNULL);
}

static Value random_random_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("Random.random", nargs, 0, 0) < 0) return VNULL;
    RandomObject *r = (RandomObject *)self;
    uint32_t a = genrand_uint32(r) >> 5, b = genrand_uint32(r) >> 6;
    return float_new((a * 67108864.0 + b) * (1.0 / 9007199254740992.0));
}

static Value random_seed_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("seed", kw) < 0 || dm_positional("seed", nargs, 0, 1) < 0) return VNULL;
    return random_seed((RandomObject *)self, nargs ? args[0] : VNULL) < 0 ? VNULL : VNone;
}

static Value random_getstate_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_count("Random.getstate", nargs, 0, 0) < 0) return VNULL;
    RandomObject *r = (RandomObject *)self;
    Value t = tuple_new(MT_N + 1);
    if (!t) return VNULL;
    for (int i = 0; i < MT_N; i++) tuple_items(t)[i] = int_from_u64(r->state[i]);
    tuple_items(t)[MT_N] = val_from_int(r->index);
    return t;
}

static Value random_setstate_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("Random.setstate", kw) < 0 || arg_count("Random.setstate", nargs, 1, 1) < 0) return VNULL;
    Value st = args[0];
    if (!tuple_check(st)) {
        err_set(&exc_TypeError, "state vector must be a tuple");
        return VNULL;
    }
    if (tuple_size(st) != MT_N + 1) {
        err_set(&exc_ValueError, "state vector is the wrong size");
        return VNULL;
    }
    uint32_t new_state[MT_N];
    for (int i = 0; i < MT_N; i++) {
        Value e = tuple_get(st, i);
        if (!int_check(e)) {
            err_set(&exc_TypeError, "an integer is required");
            return VNULL;
        }
        if (int_sign(e) < 0) {
            err_set(&exc_OverflowError, "can't convert negative value to unsigned int");
            return VNULL;
        }
        uint64_t u = int_as_u64(e);
        if (u == (uint64_t)-1 && err_occurred()) return VNULL;
        new_state[i] = (uint32_t)u;
    }
    Value iv = tuple_get(st, MT_N);
    if (!int_check(iv)) {
        err_set(&exc_TypeError, "an integer is required");
        return VNULL;
    }
    int64_t index = int_as_i64(iv);
    if (index == -1 && err_occurred()) return VNULL;
    if (index < 0 || index > MT_N) {
        err_set(&exc_ValueError, "invalid state");
        return VNULL;
    }
    RandomObject *r = (RandomObject *)self;
    r->index = (int)index;
    memcpy(r->state, new_state, sizeof new_state);
    return VNone;
}

static Value random_getrandbits_m(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("Random.getrandbits", kw) < 0 || arg_count("Random.getrandbits", nargs, 1, 1) < 0) return VNULL;
    Value kv = num_index(args[0]);
    if (!kv) return VNULL;
    if (!int_fits_i64(kv) || int_as_i64(kv) > INT32_MAX || int_as_i64(kv) < INT32_MIN) {
        err_set(&exc_OverflowError, "Python int too large to convert to C int");
        return VNULL;
    }
    int64_t k = int_as_i64(kv);
    if (k < 0) {
        err_set(&exc_ValueError, "number of bits must be non-negative");
        return VNULL;
    }
    RandomObject *r = (RandomObject *)self;
    if (k == 0) return val_from_int(0);
    if (k <= 32) return int_from_u64(genrand_uint32(r) >> (32 - k));
    /* 32-bit words from the least significant up; the last one keeps its top bits. */
    size_t words = (size_t)((k - 1) / 32 + 1);
    uint32_t *w = malloc(words * sizeof(uint32_t));
    if (!w) {
        err_no_memory();
        return VNULL;
    }
    for (size_t i = 0; i < words; i++, k -= 32) {
        uint32_t x = genrand_uint32(r);
        if (k < 32) x >>= (32 - k);
        w[i] = x;
    }
    mpz_t z;
    mpz_init(z);
    mpz_import(z, words, -1, sizeof(uint32_t), 0, 0, w);
    free(w);
    size_t n = mpz_size(z);
    Value v = n == 0 ? val_from_int(0) : int_from_limbs(mpz_limbs_read(z), (ssize_t)n);
    mpz_clear(z);
    return v;
}

static const MethodDef random_methods[] = {
    {"random", random_random_m, 0, "random() -> x in the interval [0, 1)."},
    {"seed", random_seed_m, 0,
     "seed([n]) -> None.\n\nDefaults to use urandom and falls back to a combination\n"
     "of the current time and the process identifier."},
    {"getstate", random_getstate_m, 0, "getstate() -> tuple containing the current state."},
    {"setstate", random_setstate_m, 0, "setstate(state) -> None.  Restores generator state."},
    {"getrandbits", random_getrandbits_m, 0, "getrandbits(k) -> x.  Generates an int with k random bits."},
    {NULL},
};

Type type_random = {
    .hdr = {0, &type_type},
    .name = "_random.Random",
    .basicsize = sizeof(RandomObject),
    .flags = TF_BASETYPE,
    .new = random_new,
    .init = random_init,
    .methods = random_methods,
    .doc = "Random() -> create a random number generator with its own internal state.",
};

Value random_module_init(void) {
    Value m = module_new_cstr("_random");
    if (!m) return VNULL;
    type_ready(&type_random);
    if (module_add(m, "Random", obj_val(&type_random)) < 0 ||
        module_add(m, "__doc__", str_from_cstr("Module implements the Mersenne Twister random number generator.")) < 0)
        return VNULL;
    return m;
}
