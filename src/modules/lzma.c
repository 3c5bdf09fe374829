/* lzma.c - the _lzma module over Debian's liblzma: LZMACompressor/LZMADecompressor, filter chains, formats, checks. */
#include "clib.h"
#include "datamod.h"
#include "../objects/str.h"
#include "../objects/bytes.h"
#include "../objects/dict.h"
#include "../objects/module.h"
#include "../vm/gil.h"
#include "../gc/gc.h"

#include <lzma.h>
#include <stdlib.h>

/*
 * CPython 3.11's Modules/_lzmamodule.c is the specification: the same
 * container formats (FORMAT_AUTO/XZ/ALONE/RAW), filter-chain specifiers
 * (dicts with an "id" and the filter's options), error messages and the
 * decompressor's input buffering (unconsumed input is kept in a malloc'd
 * buffer and prepended to the next call's data, as in bz2.c).
 */

enum { FORMAT_AUTO, FORMAT_XZ, FORMAT_ALONE, FORMAT_RAW };
#define OUT_INITIAL (32 * 1024)
#define LZMA_CHECK_UNKNOWN (LZMA_CHECK_ID_MAX + 1)

static Value lzma_error;
#define LZMA_ERROR ((Type *)lzma_error)

typedef struct LzmaComp {
    Object hdr;
    lzma_stream lzs;
    pthread_mutex_t lock;    /* methods release the GIL: one thread at a time (clib_lock) */
    bool initialised;
    bool flushed;
} LzmaComp;

typedef struct LzmaDecomp {
    Object hdr;
    lzma_stream lzs;
    pthread_mutex_t lock;
    Value unused_data;
    uint8_t *input_buffer;
    size_t input_buffer_size;
    lzma_check check;
    bool initialised;
    bool eof;
    bool needs_input;
} LzmaDecomp;

static Type type_lzmacomp, type_lzmadecomp;

static int lzma_err(lzma_ret ret) {
    switch (ret) {
    case LZMA_OK: case LZMA_GET_CHECK: case LZMA_NO_CHECK: case LZMA_STREAM_END:
        return 0;
    case LZMA_UNSUPPORTED_CHECK: err_set(LZMA_ERROR, "Unsupported integrity check"); return -1;
    case LZMA_MEM_ERROR: err_no_memory(); return -1;
    case LZMA_MEMLIMIT_ERROR: err_set(LZMA_ERROR, "Memory usage limit exceeded"); return -1;
    case LZMA_FORMAT_ERROR: err_set(LZMA_ERROR, "Input format not supported by decoder"); return -1;
    case LZMA_OPTIONS_ERROR: err_set(LZMA_ERROR, "Invalid or unsupported options"); return -1;
    case LZMA_DATA_ERROR: err_set(LZMA_ERROR, "Corrupt input data"); return -1;
    case LZMA_BUF_ERROR: err_set(LZMA_ERROR, "Insufficient buffer space"); return -1;
    case LZMA_PROG_ERROR: err_set(LZMA_ERROR, "Internal error"); return -1;
    default: err_format(LZMA_ERROR, "Unrecognized error from liblzma: %d", (int)ret); return -1;
    }
}

/* PyLong_AsUnsignedLongLong: ints only (no __index__). */
static int to_u64(Value v, uint64_t *out) {
    if (!int_check(v)) {
        err_set(&exc_TypeError, "an integer is required");
        return -1;
    }
    if (int_sign(v) < 0) {
        err_set(&exc_OverflowError, "can't convert negative int to unsigned");
        return -1;
    }
    if (!val_is_int(v) && !int_fits_i64(v)) {
        Value hi = int_rshift(v, val_from_int(64));
        if (!hi) return -1;
        if (int_sign(hi) != 0) {
            err_set(&exc_OverflowError, "int too big to convert");
            return -1;
        }
    }
    *out = val_is_int(v) ? (uint64_t)val_int(v) : int_as_u64(v);
    return 0;
}

static int to_u32(Value v, uint32_t *out) {
    uint64_t x;
    if (to_u64(v, &x) < 0) return -1;
    if (x > UINT32_MAX) {
        err_set(&exc_OverflowError, "Value too large for uint32_t type");
        return -1;
    }
    *out = (uint32_t)x;
    return 0;
}

/* ---- filter specifiers ---- */

static void free_filters(lzma_filter *f) {
    for (int i = 0; f[i].id != LZMA_VLI_UNKNOWN; i++) {
        free(f[i].options);
        f[i].options = NULL;
    }
}

/* spec[key] for a mapping; VNULL without an exception when the key is missing. */
static Value spec_get(Value spec, const char *key) {
    Value k = str_from_cstr(key);
    if (!k) return VNULL;
    Value v = obj_getitem(spec, k);
    if (!v && err_matches(&exc_KeyError)) err_clear();
    return v;
}

/* The options of a spec dict, keyword-argument style: every key must be a
 * str naming one of `names`; values are converted by the caller.  -1 (with
 * no exception of its own kept) on anything else. */
static int spec_options(Value spec, const char *const *names, Value *out) {
    for (int i = 0; names[i]; i++) out[i] = VNULL;
    if (!dict_check(spec)) return -1;
    ssize_t pos = 0;
    Value k, v;
    while (dict_next(spec, &pos, &k, &v)) {
        if (!str_check(k)) return -1;
        int i = 0;
        while (names[i] && !str_eq_cstr(k, names[i])) i++;
        if (!names[i]) return -1;
        out[i] = v;
    }
    return 0;
}

static void *parse_lzma_options(Value spec) {
    uint32_t preset = LZMA_PRESET_DEFAULT;
    Value p = spec_get(spec, "preset");
    if (!p && err_occurred()) return NULL;
    if (p && to_u32(p, &preset) < 0) return NULL;
    lzma_options_lzma *o = calloc(1, sizeof *o);
    if (!o) {
        err_no_memory();
        return NULL;
    }
    if (lzma_lzma_preset(o, preset)) {
        free(o);
        err_format(LZMA_ERROR, "Invalid compression preset: %u", preset);
        return NULL;
    }
    static const char *const names[] = {"id", "preset", "dict_size", "lc", "lp", "pb",
                                        "mode", "nice_len", "mf", "depth", NULL};
    Value a[10];
    bool bad = spec_options(spec, names, a) < 0;
    uint32_t *fields[] = {NULL, NULL, &o->dict_size, &o->lc, &o->lp, &o->pb, NULL, &o->nice_len, NULL, &o->depth};
    for (int i = 2; i < 10 && !bad; i++) {
        if (!a[i]) continue;
        uint32_t x;
        if (to_u32(a[i], &x) < 0) bad = true;
        else if (i == 6) o->mode = (lzma_mode)x;
        else if (i == 8) o->mf = (lzma_match_finder)x;
        else *fields[i] = x;
    }
    if (bad) {
        free(o);
        err_set(&exc_ValueError, "Invalid filter specifier for LZMA filter");
        return NULL;
    }
    return o;
}

static void *parse_small_options(Value spec, const char *optname, const char *what, bool delta) {
    const char *const names[] = {"id", optname, NULL};
    Value a[2];
    uint32_t x = delta ? 1 : 0;
    if (spec_options(spec, names, a) < 0 || (a[1] && to_u32(a[1], &x) < 0)) {
        err_format(&exc_ValueError, "Invalid filter specifier for %s filter", what);
        return NULL;
    }
    if (delta) {
        lzma_options_delta *o = calloc(1, sizeof *o);
        if (!o) goto nomem;
        o->type = LZMA_DELTA_TYPE_BYTE;
        o->dist = x;
        return o;
    }
    lzma_options_bcj *o = calloc(1, sizeof *o);
    if (!o) goto nomem;
    o->start_offset = x;
    return o;
nomem:
    err_no_memory();
    return NULL;
}

static int parse_filter(Value spec, lzma_filter *f) {
    if (!dict_check(spec) && !type_lookup_cstr(val_type(spec), "__getitem__")) {
        err_set(&exc_TypeError, "Filter specifier must be a dict or dict-like object");
        return -1;
    }
    Value id = spec_get(spec, "id");
    if (!id) {
        if (!err_occurred()) err_set(&exc_ValueError, "Filter specifier must have an \"id\" entry");
        return -1;
    }
    uint64_t fid;
    if (to_u64(id, &fid) < 0) return -1;
    f->id = fid;
    switch (fid) {
    case LZMA_FILTER_LZMA1: case LZMA_FILTER_LZMA2:
        f->options = parse_lzma_options(spec);
        break;
    case LZMA_FILTER_DELTA:
        f->options = parse_small_options(spec, "dist", "delta", true);
        break;
    case LZMA_FILTER_X86: case LZMA_FILTER_POWERPC: case LZMA_FILTER_IA64:
    case LZMA_FILTER_ARM: case LZMA_FILTER_ARMTHUMB: case LZMA_FILTER_SPARC:
        f->options = parse_small_options(spec, "start_offset", "BCJ", false);
        break;
    default:
        err_format(&exc_ValueError, "Invalid filter ID: %llu", (unsigned long long)fid);
        return -1;
    }
    return f->options ? 0 : -1;
}

/* filters[] gets LZMA_FILTERS_MAX + 1 entries, ended by LZMA_VLI_UNKNOWN. */
static int parse_filter_chain(Value specs, lzma_filter *filters) {
    filters[0].id = LZMA_VLI_UNKNOWN;
    ssize_t n = obj_len(specs);
    if (n < 0) return -1;
    if (n > LZMA_FILTERS_MAX) {
        err_format(&exc_ValueError, "Too many filters - liblzma supports a maximum of %d", LZMA_FILTERS_MAX);
        return -1;
    }
    for (ssize_t i = 0; i < n; i++) {
        filters[i].options = NULL;
        filters[i + 1].id = LZMA_VLI_UNKNOWN;
        Value spec = obj_getitem(specs, val_from_int(i));
        if (!spec || parse_filter(spec, &filters[i]) < 0) {
            filters[i].id = LZMA_VLI_UNKNOWN;
            free_filters(filters);
            return -1;
        }
    }
    filters[n].id = LZMA_VLI_UNKNOWN;
    return 0;
}

static int dict_add_u64(Value d, const char *key, uint64_t v) {
    Value x = int_from_u64(v);
    return x ? dict_set_cstr(d, key, x) : -1;
}

static Value build_filter_spec(const lzma_filter *f) {
    Value d = dict_new();
    if (!d || dict_add_u64(d, "id", f->id) < 0) return VNULL;
    switch (f->id) {
    case LZMA_FILTER_LZMA1: {
        const lzma_options_lzma *o = f->options;
        if (dict_add_u64(d, "lc", o->lc) < 0 || dict_add_u64(d, "lp", o->lp) < 0 ||
            dict_add_u64(d, "pb", o->pb) < 0 || dict_add_u64(d, "dict_size", o->dict_size) < 0)
            return VNULL;
        break;
    }
    case LZMA_FILTER_LZMA2:
        if (dict_add_u64(d, "dict_size", ((const lzma_options_lzma *)f->options)->dict_size) < 0) return VNULL;
        break;
    case LZMA_FILTER_DELTA:
        if (dict_add_u64(d, "dist", ((const lzma_options_delta *)f->options)->dist) < 0) return VNULL;
        break;
    case LZMA_FILTER_X86: case LZMA_FILTER_POWERPC: case LZMA_FILTER_IA64:
    case LZMA_FILTER_ARM: case LZMA_FILTER_ARMTHUMB: case LZMA_FILTER_SPARC:
        /* Empty properties leave no options (CPython 3.11.2 crashes here). */
        if (f->options &&
            dict_add_u64(d, "start_offset", ((const lzma_options_bcj *)f->options)->start_offset) < 0)
            return VNULL;
        break;
    default:
        err_format(&exc_ValueError, "Invalid filter ID: %llu", (unsigned long long)f->id);
        return VNULL;
    }
    return d;
}

/* ---- LZMACompressor ---- */

static void comp_finalize(Object *o) {
    LzmaComp *c = (LzmaComp *)o;
    if (c->initialised) lzma_end(&c->lzs);
    c->initialised = false;
}

static int comp_init_stream(LzmaComp *c, int format, int check, uint32_t preset, Value specs) {
    lzma_filter filters[LZMA_FILTERS_MAX + 1];
    lzma_ret ret;
    switch (format) {
    case FORMAT_XZ:
        if (check == -1) check = LZMA_CHECK_CRC64;
        if (specs == VNone)
            ret = lzma_easy_encoder(&c->lzs, preset, (lzma_check)check);
        else {
            if (parse_filter_chain(specs, filters) < 0) return -1;
            ret = lzma_stream_encoder(&c->lzs, filters, (lzma_check)check);
            free_filters(filters);
        }
        return lzma_err(ret);
    case FORMAT_ALONE:
        if (specs == VNone) {
            lzma_options_lzma o;
            if (lzma_lzma_preset(&o, preset)) {
                err_format(LZMA_ERROR, "Invalid compression preset: %u", preset);
                return -1;
            }
            ret = lzma_alone_encoder(&c->lzs, &o);
        } else {
            if (parse_filter_chain(specs, filters) < 0) return -1;
            if (filters[0].id == LZMA_FILTER_LZMA1 && filters[1].id == LZMA_VLI_UNKNOWN)
                ret = lzma_alone_encoder(&c->lzs, filters[0].options);
            else {
                free_filters(filters);
                err_set(&exc_ValueError, "Invalid filter chain for FORMAT_ALONE - must be a single LZMA1 filter");
                return -1;
            }
            free_filters(filters);
        }
        return lzma_err(ret);
    case FORMAT_RAW:
        if (specs == VNone) {
            err_set(&exc_ValueError, "Must specify filters for FORMAT_RAW");
            return -1;
        }
        if (parse_filter_chain(specs, filters) < 0) return -1;
        ret = lzma_raw_encoder(&c->lzs, filters);
        free_filters(filters);
        return lzma_err(ret);
    default:
        err_format(&exc_ValueError, "Invalid container format: %d", format);
        return -1;
    }
}

static Value comp_new(Type *t, Value *args, size_t nargs, Value kw) {
    static const char *const names[] = {"format", "check", "preset", "filters", NULL};
    Value a[4];
    if (arg_parse("LZMACompressor", args, nargs, kw, names, 0, 0, a) < 0) return VNULL;
    int format = FORMAT_XZ, check = -1;
    uint32_t preset = LZMA_PRESET_DEFAULT;
    Value preset_obj = a[2] ? a[2] : VNone, specs = a[3] ? a[3] : VNone;
    if ((a[0] && clib_int(a[0], &format) < 0) || (a[1] && clib_int(a[1], &check) < 0)) return VNULL;
    if (format != FORMAT_XZ && check != -1 && check != LZMA_CHECK_NONE) {
        err_set(&exc_ValueError, "Integrity checks are only supported by FORMAT_XZ");
        return VNULL;
    }
    if (preset_obj != VNone && specs != VNone) {
        err_set(&exc_ValueError, "Cannot specify both preset and filter chain");
        return VNULL;
    }
    if (preset_obj != VNone && to_u32(preset_obj, &preset) < 0) return VNULL;
    LzmaComp *c = gc_alloc(t, sizeof(LzmaComp));
    if (c) pthread_mutex_init(&c->lock, NULL);
    if (!c) return VNULL;
    c->lzs = (lzma_stream)LZMA_STREAM_INIT;
    if (comp_init_stream(c, format, check, preset, specs) < 0) {
        lzma_end(&c->lzs);
        return VNULL;
    }
    c->initialised = true;
    gc_note_external((size_t)lzma_memusage(&c->lzs));
    return obj_val(c);
}

static Value comp_run(LzmaComp *c, const uint8_t *data, size_t len, lzma_action action) {
    OutBuf ob;
    clib_out_init(&ob, OUT_INITIAL, SIZE_MAX);
    char *next;
    ssize_t n = clib_out_space(&ob, &next, SIZE_MAX);
    if (n < 0) return VNULL;
    c->lzs.next_out = (uint8_t *)next;
    c->lzs.avail_out = (size_t)n;
    c->lzs.next_in = data;
    c->lzs.avail_in = len;
    for (;;) {
        lzma_ret ret;
        GIL_RELEASE_BEGIN
        ret = lzma_code(&c->lzs, action);
        GIL_RELEASE_END
        ob.size = (size_t)((char *)c->lzs.next_out - ob.buf);
        if (ret == LZMA_BUF_ERROR && len == 0 && c->lzs.avail_out > 0) ret = LZMA_OK;
        if (lzma_err(ret) < 0) goto fail;
        if ((action == LZMA_RUN && c->lzs.avail_in == 0) || (action == LZMA_FINISH && ret == LZMA_STREAM_END))
            break;
        if (c->lzs.avail_out == 0) {
            n = clib_out_space(&ob, &next, SIZE_MAX);
            if (n < 0) goto fail;
            c->lzs.next_out = (uint8_t *)next;
            c->lzs.avail_out = (size_t)n;
        }
    }
    return clib_out_finish(&ob);
fail:
    clib_out_discard(&ob);
    return VNULL;
}

static Value comp_compress_locked(Value self, Value *args, size_t nargs, Value kw) {
    LzmaComp *c = (LzmaComp *)self;
    if (arg_no_kw("compress", kw) < 0) return VNULL;
    if (nargs != 1) {
        err_format(&exc_TypeError, "LZMACompressor.compress() takes exactly one argument (%zu given)", nargs);
        return VNULL;
    }
    Buffer in;
    if (clib_buffer(args[0], &in) < 0) return VNULL;
    Value r;
    if (c->flushed) {
        err_set(&exc_ValueError, "Compressor has been flushed");
        r = VNULL;
    } else
        r = comp_run(c, in.buf, (size_t)in.len, LZMA_RUN);
    buffer_release(&in);
    return r;
}

static Value comp_flush_locked(Value self, Value *args, size_t nargs, Value kw) {
    LzmaComp *c = (LzmaComp *)self;
    if (arg_no_kw("flush", kw) < 0 || arg_count("flush", nargs, 0, 0) < 0) return VNULL;
    if (c->flushed) {
        err_set(&exc_ValueError, "Repeated call to flush()");
        return VNULL;
    }
    c->flushed = true;
    return comp_run(c, NULL, 0, LZMA_FINISH);
}

static Value comp_compress(Value self, Value *args, size_t nargs, Value kw) {
    clib_lock(&((LzmaComp *)self)->lock);
    Value r = comp_compress_locked(self, args, nargs, kw);
    clib_unlock(&((LzmaComp *)self)->lock);
    return r;
}

static Value comp_flush(Value self, Value *args, size_t nargs, Value kw) {
    clib_lock(&((LzmaComp *)self)->lock);
    Value r = comp_flush_locked(self, args, nargs, kw);
    clib_unlock(&((LzmaComp *)self)->lock);
    return r;
}

static Value no_pickle(Value self, Value *args, size_t nargs, Value kw) {
    err_format(&exc_TypeError, "cannot pickle '%s' object", type_name(self));
    return VNULL;
}

/* ---- LZMADecompressor ---- */

static void decomp_trace(Object *o) { gc_mark(((LzmaDecomp *)o)->unused_data); }

static void decomp_finalize(Object *o) {
    LzmaDecomp *d = (LzmaDecomp *)o;
    if (d->initialised) lzma_end(&d->lzs);
    d->initialised = false;
    free(d->input_buffer);
    d->input_buffer = NULL;
}

static Value decomp_new(Type *t, Value *args, size_t nargs, Value kw) {
    static const char *const names[] = {"format", "memlimit", "filters", NULL};
    Value a[3];
    if (dm_parse("LZMADecompressor", args, nargs, kw, names, 0, 3, 0, a) < 0) return VNULL;
    int format = FORMAT_AUTO;
    if (a[0] && clib_int(a[0], &format) < 0) return VNULL;
    Value memlimit = a[1] ? a[1] : VNone, specs = a[2] ? a[2] : VNone;
    uint64_t limit = UINT64_MAX;
    if (memlimit != VNone && format == FORMAT_RAW) {
        err_set(&exc_ValueError, "Cannot specify memory limit with FORMAT_RAW");
        return VNULL;
    }
    if (format == FORMAT_RAW && specs == VNone) {
        err_set(&exc_ValueError, "Must specify filters for FORMAT_RAW");
        return VNULL;
    }
    if (format != FORMAT_RAW && specs != VNone) {
        err_set(&exc_ValueError, "Cannot specify filters except with FORMAT_RAW");
        return VNULL;
    }
    if (memlimit != VNone && to_u64(memlimit, &limit) < 0) return VNULL;
    LzmaDecomp *d = gc_alloc(t, sizeof(LzmaDecomp));
    if (d) pthread_mutex_init(&d->lock, NULL);
    if (!d) return VNULL;
    d->lzs = (lzma_stream)LZMA_STREAM_INIT;
    d->check = LZMA_CHECK_UNKNOWN;
    d->needs_input = true;
    Value empty = bytes_empty();
    if (!empty) return VNULL;
    GC_WRITE(d, d->unused_data, empty);
    const uint32_t flags = LZMA_TELL_ANY_CHECK | LZMA_TELL_NO_CHECK;
    lzma_ret ret;
    lzma_filter filters[LZMA_FILTERS_MAX + 1];
    switch (format) {
    case FORMAT_AUTO: ret = lzma_auto_decoder(&d->lzs, limit, flags); break;
    case FORMAT_XZ: ret = lzma_stream_decoder(&d->lzs, limit, flags); break;
    case FORMAT_ALONE:
        d->check = LZMA_CHECK_NONE;
        ret = lzma_alone_decoder(&d->lzs, limit);
        break;
    case FORMAT_RAW:
        d->check = LZMA_CHECK_NONE;
        if (parse_filter_chain(specs, filters) < 0) return VNULL;
        ret = lzma_raw_decoder(&d->lzs, filters);
        free_filters(filters);
        break;
    default:
        err_format(&exc_ValueError, "Invalid container format: %d", format);
        return VNULL;
    }
    if (lzma_err(ret) < 0) {
        lzma_end(&d->lzs);
        return VNULL;
    }
    d->initialised = true;
    gc_note_external((size_t)lzma_memusage(&d->lzs));
    return obj_val(d);
}

static Value decomp_buf(LzmaDecomp *d, ssize_t max_length) {
    lzma_stream *lzs = &d->lzs;
    size_t limit = max_length < 0 ? SIZE_MAX : (size_t)max_length;
    OutBuf ob;
    clib_out_init(&ob, limit < OUT_INITIAL ? limit : OUT_INITIAL, limit);
    char *next;
    ssize_t n = clib_out_space(&ob, &next, SIZE_MAX);
    if (n < 0) goto fail;
    lzs->next_out = n ? (uint8_t *)next : NULL;
    lzs->avail_out = (size_t)n;
    for (;;) {
        lzma_ret ret;
        GIL_RELEASE_BEGIN
        ret = lzma_code(lzs, LZMA_RUN);
        GIL_RELEASE_END
        if (ob.buf) ob.size = (size_t)((char *)lzs->next_out - ob.buf);
        if (ret == LZMA_BUF_ERROR && lzs->avail_in == 0 && lzs->avail_out > 0) ret = LZMA_OK;
        if (lzma_err(ret) < 0) goto fail;
        if (ret == LZMA_GET_CHECK || ret == LZMA_NO_CHECK) d->check = lzma_get_check(lzs);
        if (ret == LZMA_STREAM_END) {
            d->eof = true;
            break;
        }
        if (lzs->avail_out == 0) {
            if (ob.size == limit) break;
            n = clib_out_space(&ob, &next, SIZE_MAX);
            if (n < 0) goto fail;
            lzs->next_out = (uint8_t *)next;
            lzs->avail_out = (size_t)n;
        } else if (lzs->avail_in == 0)
            break;
    }
    return clib_out_finish(&ob);
fail:
    clib_out_discard(&ob);
    return VNULL;
}

static Value decomp_decompress_locked(Value self, Value *args, size_t nargs, Value kw) {
    LzmaDecomp *d = (LzmaDecomp *)self;
    static const char *const names[] = {"data", "max_length", NULL};
    Value a[2];
    if (dm_parse("decompress", args, nargs, kw, names, 0, 2, 1, a) < 0) return VNULL;
    ssize_t max_length = -1;
    if (a[1] && clib_ssize(a[1], &max_length) < 0) return VNULL;
    Buffer in;
    if (clib_buffer(a[0], &in) < 0) return VNULL;
    if (d->eof) {
        buffer_release(&in);
        err_set(&exc_EOFError, "Already at end of stream");
        return VNULL;
    }
    lzma_stream *lzs = &d->lzs;
    size_t len = (size_t)in.len;
    bool in_buffer;
    if (lzs->next_in) {
        size_t avail_now = (size_t)((d->input_buffer + d->input_buffer_size) - (lzs->next_in + lzs->avail_in));
        size_t avail_total = d->input_buffer_size - lzs->avail_in;
        if (avail_total < len) {
            size_t offset = (size_t)(lzs->next_in - d->input_buffer);
            size_t new_size = d->input_buffer_size + len - avail_now;
            uint8_t *p = realloc(d->input_buffer, new_size);
            if (!p) {
                buffer_release(&in);
                err_no_memory();
                return VNULL;
            }
            d->input_buffer = p;
            d->input_buffer_size = new_size;
            lzs->next_in = p + offset;
        } else if (avail_now < len) {
            memmove(d->input_buffer, lzs->next_in, lzs->avail_in);
            lzs->next_in = d->input_buffer;
        }
        memcpy((uint8_t *)lzs->next_in + lzs->avail_in, in.buf, len);
        lzs->avail_in += len;
        in_buffer = true;
    } else {
        lzs->next_in = in.buf;
        lzs->avail_in = len;
        in_buffer = false;
    }
    Value r = decomp_buf(d, max_length);
    if (!r) {
        lzs->next_in = NULL;
        buffer_release(&in);
        return VNULL;
    }
    if (d->eof) {
        d->needs_input = false;
        if (lzs->avail_in > 0) {
            Value u = bytes_new((const char *)lzs->next_in, lzs->avail_in);
            if (!u) r = VNULL;
            else GC_WRITE(d, d->unused_data, u);
        }
    } else if (lzs->avail_in == 0) {
        lzs->next_in = NULL;
        /* A full output buffer (max_length reached) may leave output
         * pending inside liblzma: ask for no input until it is out. */
        d->needs_input = lzs->avail_out != 0;
    } else {
        d->needs_input = false;
        if (!in_buffer) {
            if (d->input_buffer && d->input_buffer_size < lzs->avail_in) {
                free(d->input_buffer);
                d->input_buffer = NULL;
            }
            if (!d->input_buffer) {
                d->input_buffer = malloc(lzs->avail_in);
                if (!d->input_buffer) {
                    buffer_release(&in);
                    err_no_memory();
                    return VNULL;
                }
                d->input_buffer_size = lzs->avail_in;
            }
            memcpy(d->input_buffer, lzs->next_in, lzs->avail_in);
            lzs->next_in = d->input_buffer;
        }
    }
    buffer_release(&in);
    return r;
}

static Value decomp_decompress(Value self, Value *args, size_t nargs, Value kw) {
    clib_lock(&((LzmaDecomp *)self)->lock);
    Value r = decomp_decompress_locked(self, args, nargs, kw);
    clib_unlock(&((LzmaDecomp *)self)->lock);
    return r;
}

static Value decomp_get_check(Value self) { return val_from_int(((LzmaDecomp *)self)->check); }
static Value decomp_get_eof(Value self) { return val_bool(((LzmaDecomp *)self)->eof); }
static Value decomp_get_unused_data(Value self) { return ((LzmaDecomp *)self)->unused_data; }
static Value decomp_get_needs_input(Value self) { return val_bool(((LzmaDecomp *)self)->needs_input); }

/* ---- module functions ---- */

static Value m_is_check_supported(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("is_check_supported", kw) < 0 || arg_count("is_check_supported", nargs, 1, 1) < 0) return VNULL;
    int id;
    if (clib_int(args[0], &id) < 0) return VNULL;
    return val_bool(lzma_check_is_supported((lzma_check)id));
}

static Value m_encode_filter_properties(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("_encode_filter_properties", kw) < 0 || arg_count("_encode_filter_properties", nargs, 1, 1) < 0)
        return VNULL;
    lzma_filter f[2] = {{.id = LZMA_VLI_UNKNOWN}, {.id = LZMA_VLI_UNKNOWN}};
    if (parse_filter(args[0], &f[0]) < 0) {
        free(f[0].options);
        return VNULL;
    }
    uint32_t size;
    Value r = VNULL;
    if (lzma_err(lzma_properties_size(&size, &f[0])) == 0) {
        BytesObject *b = bytes_alloc(size);
        if (b && lzma_err(lzma_properties_encode(&f[0], (uint8_t *)b->data)) == 0) r = obj_val(b);
    }
    free(f[0].options);
    return r;
}

static Value m_decode_filter_properties(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("_decode_filter_properties", kw) < 0 || arg_count("_decode_filter_properties", nargs, 2, 2) < 0)
        return VNULL;
    uint64_t id;
    if (to_u64(args[0], &id) < 0) return VNULL;
    Buffer props;
    if (clib_buffer(args[1], &props) < 0) return VNULL;
    lzma_filter f = {.id = id, .options = NULL};
    lzma_ret ret = lzma_properties_decode(&f, NULL, props.buf, (size_t)props.len);
    buffer_release(&props);
    if (lzma_err(ret) < 0) return VNULL;
    Value r = build_filter_spec(&f);
    free(f.options);
    return r;
}

static const MethodDef comp_methods[] = {
    {"compress", comp_compress, 0,
     "Provide data to the compressor object.\n\nReturns a chunk of compressed data if possible, or b'' otherwise.\n\n"
     "When you have finished providing data to the compressor, call the\nflush() method to finish the compression "
     "process."},
    {"flush", comp_flush, 0,
     "Finish the compression process.\n\nReturns the compressed data left in internal buffers.\n\n"
     "The compressor object may not be used after this method is called."},
    {"__getstate__", no_pickle, 0, NULL},
    {NULL},
};

static const MethodDef decomp_methods[] = {
    {"decompress", decomp_decompress, 0,
     "Decompress *data*, returning uncompressed data as bytes.\n\nIf *max_length* is nonnegative, returns at most "
     "*max_length* bytes of\ndecompressed data."},
    {"__getstate__", no_pickle, 0, NULL},
    {NULL},
};

static const GetSetDef decomp_getsets[] = {
    {"check", decomp_get_check, NULL, "ID of the integrity check used by the input stream."},
    {"eof", decomp_get_eof, NULL, "True if the end-of-stream marker has been reached."},
    {"unused_data", decomp_get_unused_data, NULL, "Data found after the end of the compressed stream."},
    {"needs_input", decomp_get_needs_input, NULL,
     "True if more input is needed before more decompressed data can be produced."},
    {NULL},
};

static Type type_lzmacomp = {
    .hdr = {0, &type_type},
    .name = "_lzma.LZMACompressor",
    .basicsize = sizeof(LzmaComp),
    .finalize = comp_finalize,
    .new = comp_new,
    .methods = comp_methods,
    .doc = "LZMACompressor(format=FORMAT_XZ, check=-1, preset=None, filters=None)\n\nCreate a compressor object "
           "for compressing data incrementally.",
};

static Type type_lzmadecomp = {
    .hdr = {0, &type_type},
    .name = "_lzma.LZMADecompressor",
    .basicsize = sizeof(LzmaDecomp),
    .trace = decomp_trace,
    .finalize = decomp_finalize,
    .new = decomp_new,
    .methods = decomp_methods,
    .getsets = decomp_getsets,
    .doc = "Create a decompressor object for decompressing data incrementally.",
};

static const MethodDef lzma_functions[] = {
    {"is_check_supported", m_is_check_supported, 0,
     "Test whether the given integrity check is supported.\n\nAlways returns True for CHECK_NONE and CHECK_CRC32."},
    {"_encode_filter_properties", m_encode_filter_properties, 0,
     "Return a bytes object encoding the options (properties) of the filter specified by *filter* (a dict).\n\n"
     "The result does not include the filter ID itself, only the options."},
    {"_decode_filter_properties", m_decode_filter_properties, 0,
     "Return a bytes object encoding the options (properties) of the filter specified by *filter* (a dict).\n\n"
     "The result does not include the filter ID itself, only the options."},
    {NULL},
};

static const struct { const char *name; uint64_t value; } lzma_constants[] = {
    {"FORMAT_AUTO", FORMAT_AUTO}, {"FORMAT_XZ", FORMAT_XZ}, {"FORMAT_ALONE", FORMAT_ALONE},
    {"FORMAT_RAW", FORMAT_RAW}, {"CHECK_NONE", LZMA_CHECK_NONE}, {"CHECK_CRC32", LZMA_CHECK_CRC32},
    {"CHECK_CRC64", LZMA_CHECK_CRC64}, {"CHECK_SHA256", LZMA_CHECK_SHA256}, {"CHECK_ID_MAX", LZMA_CHECK_ID_MAX},
    {"CHECK_UNKNOWN", LZMA_CHECK_UNKNOWN}, {"FILTER_LZMA1", LZMA_FILTER_LZMA1},
    {"FILTER_LZMA2", LZMA_FILTER_LZMA2}, {"FILTER_DELTA", LZMA_FILTER_DELTA}, {"FILTER_X86", LZMA_FILTER_X86},
    {"FILTER_IA64", LZMA_FILTER_IA64}, {"FILTER_ARM", LZMA_FILTER_ARM}, {"FILTER_ARMTHUMB", LZMA_FILTER_ARMTHUMB},
    {"FILTER_SPARC", LZMA_FILTER_SPARC}, {"FILTER_POWERPC", LZMA_FILTER_POWERPC}, {"MF_HC3", LZMA_MF_HC3},
    {"MF_HC4", LZMA_MF_HC4}, {"MF_BT2", LZMA_MF_BT2}, {"MF_BT3", LZMA_MF_BT3}, {"MF_BT4", LZMA_MF_BT4},
    {"MODE_FAST", LZMA_MODE_FAST}, {"MODE_NORMAL", LZMA_MODE_NORMAL}, {"PRESET_DEFAULT", LZMA_PRESET_DEFAULT},
    {"PRESET_EXTREME", LZMA_PRESET_EXTREME},
};

Value lzma_module_init(void) {
    Value m = module_new_cstr("_lzma");
    if (!m || module_add_functions(m, lzma_functions) < 0) return VNULL;
    type_ready(&type_lzmacomp);
    type_ready(&type_lzmadecomp);
    lzma_error = clib_new_exception("_lzma", "LZMAError", obj_val(&exc_Exception), "Call to liblzma failed.");
    if (!lzma_error) return VNULL;
    gc_add_root(&lzma_error);
    if (module_add(m, "LZMAError", lzma_error) < 0 || module_add(m, "LZMACompressor", obj_val(&type_lzmacomp)) < 0 ||
        module_add(m, "LZMADecompressor", obj_val(&type_lzmadecomp)) < 0)
        return VNULL;
    for (size_t i = 0; i < sizeof lzma_constants / sizeof lzma_constants[0]; i++) {
        Value v = int_from_u64(lzma_constants[i].value);
        if (!v || module_add(m, lzma_constants[i].name, v) < 0) return VNULL;
    }
    return m;
}
