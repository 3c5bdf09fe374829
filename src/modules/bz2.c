/* bz2.c - the _bz2 module over Debian's libbz2: BZ2Compressor and BZ2Decompressor as bz2.py uses them. */
#include "clib.h"
#include "datamod.h"
#include "../objects/str.h"
#include "../objects/bytes.h"
#include "../objects/module.h"
#include "../vm/gil.h"
#include "../gc/gc.h"

#include <bzlib.h>
#include <limits.h>
#include <stdlib.h>

/*
 * CPython 3.11's Modules/_bz2module.c is the specification.  The
 * decompressor keeps input it could not consume (because max_length
 * stopped it) in a malloc'd buffer and prepends it to the next call's
 * data, so `needs_input` and `unused_data` behave as _compression.py
 * expects.  libbz2's state is malloc memory, freed by the finalizer.
 */

#define OUT_INITIAL (32 * 1024)

typedef struct Bz2Comp {
    Object hdr;
    bz_stream bzs;
    pthread_mutex_t lock;
    bool initialised;
    bool flushed;
} Bz2Comp;

typedef struct Bz2Decomp {
    Object hdr;
    bz_stream bzs;
    pthread_mutex_t lock;
    Value unused_data;
    char *input_buffer;      /* malloc'd: unconsumed input kept between calls */
    size_t input_buffer_size;
    size_t avail_in_real;    /* bytes of input from bzs.next_in on */
    bool initialised;
    bool eof;
    bool needs_input;
} Bz2Decomp;

static Type type_bz2comp, type_bz2decomp;

/* CPython's catch_bz2_error: -1 with the matching exception, else 0. */
static int bz2_error(int ret) {
    switch (ret) {
    case BZ_OK: case BZ_RUN_OK: case BZ_FLUSH_OK: case BZ_FINISH_OK: case BZ_STREAM_END:
        return 0;
    case BZ_CONFIG_ERROR:
        err_set(&exc_SystemError, "libbzip2 was not compiled correctly");
        return -1;
    case BZ_PARAM_ERROR:
        err_set(&exc_ValueError, "Internal error - invalid parameters passed to libbzip2");
        return -1;
    case BZ_MEM_ERROR:
        err_no_memory();
        return -1;
    case BZ_DATA_ERROR: case BZ_DATA_ERROR_MAGIC:
        err_set(&exc_OSError, "Invalid data stream");
        return -1;
    case BZ_IO_ERROR:
        err_set(&exc_OSError, "Unknown I/O error");
        return -1;
    case BZ_UNEXPECTED_EOF:
        err_set(&exc_EOFError, "Compressed file ended before the logical end-of-stream was detected");
        return -1;
    case BZ_SEQUENCE_ERROR:
        err_set(&exc_RuntimeError, "Internal error - Invalid sequence of commands sent to libbzip2");
        return -1;
    default:
        err_format(&exc_OSError, "Unrecognized error from libbzip2: %d", ret);
        return -1;
    }
}

/* ---- BZ2Compressor ---- */

static void comp_finalize(Object *o) {
    Bz2Comp *c = (Bz2Comp *)o;
    if (c->initialised) BZ2_bzCompressEnd(&c->bzs);
    c->initialised = false;
}

static Value comp_new(Type *t, Value *args, size_t nargs, Value kw) {
    if (dm_new_no_kw(t, &type_bz2comp, "BZ2Compressor", kw) < 0) return VNULL;
    if (dm_positional("BZ2Compressor", nargs, 0, 1) < 0) return VNULL;
    int level = 9;
    if (nargs && clib_int(args[0], &level) < 0) return VNULL;
    if (level < 1 || level > 9) {
        err_set(&exc_ValueError, "compresslevel must be between 1 and 9");
        return VNULL;
    }
    Bz2Comp *c = (Bz2Comp *)type_generic_alloc(t, 0);
    if (!c) return VNULL;
    pthread_mutex_init(&c->lock, NULL);
    gc_note_external(400000 + 800000 * (size_t)level);   /* bzip2's documented compression memory */
    int ret = BZ2_bzCompressInit(&c->bzs, level, 0, 0);
    if (bz2_error(ret) < 0) return VNULL;
    c->initialised = true;
    return obj_val(c);
}

/* Feed len bytes with `action` (BZ_RUN or BZ_FINISH) and collect the output. */
static Value comp_run(Bz2Comp *c, const char *data, size_t len, int action) {
    OutBuf ob;
    clib_out_init(&ob, OUT_INITIAL, SIZE_MAX);
    c->bzs.next_in = (char *)data;
    c->bzs.avail_in = 0;
    c->bzs.avail_out = 0;
    for (;;) {
        if (c->bzs.avail_in == 0 && len > 0) {
            c->bzs.avail_in = (unsigned)(len > UINT_MAX ? UINT_MAX : len);
            len -= c->bzs.avail_in;
        }
        if (action == BZ_RUN && c->bzs.avail_in == 0) break;
        if (c->bzs.avail_out == 0) {
            char *next;
            ssize_t n = clib_out_space(&ob, &next, UINT_MAX);
            if (n < 0) goto fail;
            c->bzs.next_out = next;
            c->bzs.avail_out = (unsigned)n;
        }
        int ret;
        GIL_RELEASE_BEGIN
        ret = BZ2_bzCompress(&c->bzs, action);
        GIL_RELEASE_END
        ob.size = (size_t)(c->bzs.next_out - ob.buf);
        if (bz2_error(ret) < 0) goto fail;
        if (action == BZ_FINISH && ret == BZ_STREAM_END) break;
    }
    return clib_out_finish(&ob);
fail:
    clib_out_discard(&ob);
    return VNULL;
}

static Value comp_compress_locked(Value self, Value *args, size_t nargs, Value kw) {
    Bz2Comp *c = (Bz2Comp *)self;
    static const char *const names[] = {"", NULL};
    Value a[1];
    if (dm_parse("compress", args, nargs, kw, names, 1, 1, 1, a) < 0) return VNULL;
    Buffer in;
    if (clib_buffer(a[0], &in) < 0) return VNULL;
    Value r;
    if (c->flushed) {
        err_set(&exc_ValueError, "Compressor has been flushed");
        r = VNULL;
    } else
        r = comp_run(c, in.buf, (size_t)in.len, BZ_RUN);
    buffer_release(&in);
    return r;
}

static Value comp_flush_locked(Value self, Value *args, size_t nargs, Value kw) {
    Bz2Comp *c = (Bz2Comp *)self;
    if (arg_no_kw("flush", kw) < 0 || arg_count("flush", nargs, 0, 0) < 0) return VNULL;
    if (c->flushed) {
        err_set(&exc_ValueError, "Repeated call to flush()");
        return VNULL;
    }
    c->flushed = true;
    return comp_run(c, NULL, 0, BZ_FINISH);
}

static Value comp_compress(Value self, Value *args, size_t nargs, Value kw) {
    clib_lock(&((Bz2Comp *)self)->lock);
    Value r = comp_compress_locked(self, args, nargs, kw);
    clib_unlock(&((Bz2Comp *)self)->lock);
    return r;
}

static Value comp_flush(Value self, Value *args, size_t nargs, Value kw) {
    clib_lock(&((Bz2Comp *)self)->lock);
    Value r = comp_flush_locked(self, args, nargs, kw);
    clib_unlock(&((Bz2Comp *)self)->lock);
    return r;
}

static Value comp_getstate(Value self, Value *args, size_t nargs, Value kw) {
    err_format(&exc_TypeError, "cannot pickle '%s' object", type_name(self));
    return VNULL;
}

/* ---- BZ2Decompressor ---- */

static void decomp_trace(Object *o) { gc_mark(((Bz2Decomp *)o)->unused_data); }

static void decomp_finalize(Object *o) {
    Bz2Decomp *d = (Bz2Decomp *)o;
    if (d->initialised) BZ2_bzDecompressEnd(&d->bzs);
    d->initialised = false;
    free(d->input_buffer);
    d->input_buffer = NULL;
}

static Value decomp_new(Type *t, Value *args, size_t nargs, Value kw) {
    if (dm_new_no_kw(t, &type_bz2decomp, "BZ2Decompressor", kw) < 0) return VNULL;
    if (nargs) {
        err_set(&exc_TypeError, "BZ2Decompressor() takes no positional arguments");
        return VNULL;
    }
    Bz2Decomp *d = (Bz2Decomp *)type_generic_alloc(t, 0);
    if (!d) return VNULL;
    Value empty = bytes_empty();
    if (!empty) return VNULL;
    GC_WRITE(d, d->unused_data, empty);
    d->needs_input = true;
    pthread_mutex_init(&d->lock, NULL);
    gc_note_external(4000000);   /* up to 100k + 4 x block size once a stream header is read */
    int ret = BZ2_bzDecompressInit(&d->bzs, 0, 0);
    if (bz2_error(ret) < 0) return VNULL;
    d->initialised = true;
    return obj_val(d);
}

/* Decompress from bzs.next_in (avail_in_real bytes) until max_length bytes
 * of output (max_length < 0: no limit), the end of the stream, or the end
 * of the input. */
static Value decomp_buf(Bz2Decomp *d, ssize_t max_length) {
    OutBuf ob;
    size_t limit = max_length < 0 ? SIZE_MAX : (size_t)max_length;
    clib_out_init(&ob, max_length >= 0 && (size_t)max_length < OUT_INITIAL ? (size_t)max_length : OUT_INITIAL,
                  limit);
    bz_stream *bzs = &d->bzs;
    char *next;
    ssize_t n = clib_out_space(&ob, &next, UINT_MAX);
    if (n < 0) goto fail;
    bzs->next_out = n ? next : NULL;
    bzs->avail_out = (unsigned)n;
    for (;;) {
        bzs->avail_in = (unsigned)(d->avail_in_real > UINT_MAX ? UINT_MAX : d->avail_in_real);
        d->avail_in_real -= bzs->avail_in;
        int ret;
        GIL_RELEASE_BEGIN
        ret = BZ2_bzDecompress(bzs);
        GIL_RELEASE_END
        d->avail_in_real += bzs->avail_in;
        if (ob.buf) ob.size = (size_t)(bzs->next_out - ob.buf);
        if (bz2_error(ret) < 0) goto fail;
        if (ret == BZ_STREAM_END) {
            d->eof = true;
            break;
        }
        if (d->avail_in_real == 0) break;
        if (bzs->avail_out == 0) {
            if (ob.size == limit) break;
            n = clib_out_space(&ob, &next, UINT_MAX);
            if (n < 0) goto fail;
            bzs->next_out = next;
            bzs->avail_out = (unsigned)n;
        }
    }
    return clib_out_finish(&ob);
fail:
    clib_out_discard(&ob);
    return VNULL;
}

static Value decomp_decompress_locked(Value self, Value *args, size_t nargs, Value kw) {
    Bz2Decomp *d = (Bz2Decomp *)self;
    static const char *const names[] = {"data", "max_length", NULL};
    Value a[2];
    if (dm_parse("decompress", args, nargs, kw, names, 0, 2, 1, a) < 0) return VNULL;
    ssize_t max_length = -1;
    if (a[1] && clib_ssize(a[1], &max_length) < 0) return VNULL;
    Buffer in;
    if (clib_buffer(a[0], &in) < 0) return VNULL;
    if (d->eof) {
        buffer_release(&in);
        err_set(&exc_EOFError, "End of stream already reached");
        return VNULL;
    }
    bz_stream *bzs = &d->bzs;
    size_t len = (size_t)in.len;
    bool in_buffer;
    if (bzs->next_in) {
        /* Append the new data to the input kept from the last call. */
        size_t avail_now = (size_t)((d->input_buffer + d->input_buffer_size) - (bzs->next_in + d->avail_in_real));
        size_t avail_total = d->input_buffer_size - d->avail_in_real;
        if (avail_total < len) {
            size_t offset = (size_t)(bzs->next_in - d->input_buffer);
            size_t new_size = d->input_buffer_size + len - avail_now;
            char *p = realloc(d->input_buffer, new_size);
            if (!p) {
                buffer_release(&in);
                err_no_memory();
                return VNULL;
            }
            d->input_buffer = p;
            d->input_buffer_size = new_size;
            bzs->next_in = p + offset;
        } else if (avail_now < len) {
            memmove(d->input_buffer, bzs->next_in, d->avail_in_real);
            bzs->next_in = d->input_buffer;
        }
        memcpy(bzs->next_in + d->avail_in_real, in.buf, len);
        d->avail_in_real += len;
        in_buffer = true;
    } else {
        bzs->next_in = in.buf;
        d->avail_in_real = len;
        in_buffer = false;
    }
    Value r = decomp_buf(d, max_length);
    if (!r) {
        bzs->next_in = NULL;
        buffer_release(&in);
        return VNULL;
    }
    if (d->eof) {
        d->needs_input = false;
        if (d->avail_in_real > 0) {
            Value u = bytes_new(bzs->next_in, d->avail_in_real);
            if (!u) r = VNULL;
            else GC_WRITE(d, d->unused_data, u);
        }
    } else if (d->avail_in_real == 0) {
        bzs->next_in = NULL;
        d->needs_input = true;
    } else {
        d->needs_input = false;
        if (!in_buffer) {
            /* Keep the unconsumed tail of the caller's data. */
            if (d->input_buffer && d->input_buffer_size < d->avail_in_real) {
                free(d->input_buffer);
                d->input_buffer = NULL;
            }
            if (!d->input_buffer) {
                d->input_buffer = malloc(d->avail_in_real);
                if (!d->input_buffer) {
                    buffer_release(&in);
                    err_no_memory();
                    return VNULL;
                }
                d->input_buffer_size = d->avail_in_real;
            }
            memcpy(d->input_buffer, bzs->next_in, d->avail_in_real);
            bzs->next_in = d->input_buffer;
        }
    }
    buffer_release(&in);
    return r;
}

static Value decomp_decompress(Value self, Value *args, size_t nargs, Value kw) {
    clib_lock(&((Bz2Decomp *)self)->lock);
    Value r = decomp_decompress_locked(self, args, nargs, kw);
    clib_unlock(&((Bz2Decomp *)self)->lock);
    return r;
}

static Value decomp_get_eof(Value self) { return val_bool(((Bz2Decomp *)self)->eof); }
static Value decomp_get_unused_data(Value self) { return ((Bz2Decomp *)self)->unused_data; }
static Value decomp_get_needs_input(Value self) { return val_bool(((Bz2Decomp *)self)->needs_input); }

static const MethodDef comp_methods[] = {
    {"compress", comp_compress, 0,
     "Provide data to the compressor object.\n\nReturns a chunk of compressed data if possible, or b'' otherwise.\n\n"
     "When you have finished providing data to the compressor, call the\nflush() method to finish the compression "
     "process."},
    {"flush", comp_flush, 0,
     "Finish the compression process.\n\nReturns the compressed data left in internal buffers.\n\n"
     "The compressor object may not be used after this method is called."},
    {"__getstate__", comp_getstate, 0, NULL},
    {NULL},
};

static const MethodDef decomp_methods[] = {
    {"decompress", decomp_decompress, 0,
     "Decompress *data*, returning uncompressed data as bytes.\n\nIf *max_length* is nonnegative, returns at most "
     "*max_length* bytes of\ndecompressed data. If this limit is reached and further output can be\nproduced, "
     "*self.needs_input* will be set to ``False``. In this case, the next\ncall to *decompress()* may provide "
     "*data* as b'' to obtain more of the output.\n\nIf all of the input data was decompressed and returned "
     "(either because this\nwas less than *max_length* bytes, or because *max_length* was negative),\n"
     "*self.needs_input* will be set to True.\n\nAttempting to decompress data after the end of stream is reached "
     "raises an\nEOFError.  Any data found after the end of the stream is ignored and saved in\nthe unused_data "
     "attribute."},
    {"__getstate__", comp_getstate, 0, NULL},
    {NULL},
};

static const GetSetDef decomp_getsets[] = {
    {"eof", decomp_get_eof, NULL, "True if the end-of-stream marker has been reached."},
    {"unused_data", decomp_get_unused_data, NULL, "Data found after the end of the compressed stream."},
    {"needs_input", decomp_get_needs_input, NULL,
     "True if more input is needed before more decompressed data can be produced."},
    {NULL},
};

static Type type_bz2comp = {
    .hdr = {0, &type_type},
    .name = "_bz2.BZ2Compressor",
    .basicsize = sizeof(Bz2Comp),
    .finalize = comp_finalize,
    .new = comp_new,
    .methods = comp_methods,
    .doc = "Create a compressor object for compressing data incrementally.\n\n  compresslevel\n    Compression "
           "level, as a number between 1 and 9.\n\nFor one-shot compression, use the compress() function instead.",
};

static Type type_bz2decomp = {
    .hdr = {0, &type_type},
    .name = "_bz2.BZ2Decompressor",
    .basicsize = sizeof(Bz2Decomp),
    .trace = decomp_trace,
    .finalize = decomp_finalize,
    .new = decomp_new,
    .methods = decomp_methods,
    .getsets = decomp_getsets,
    .doc = "Create a decompressor object for decompressing data incrementally.\n\nFor one-shot decompression, use "
           "the decompress() function instead.",
};

Value bz2_module_init(void) {
    Value m = module_new_cstr("_bz2");
    if (!m) return VNULL;
    type_ready(&type_bz2comp);
    type_ready(&type_bz2decomp);
    if (module_add(m, "BZ2Compressor", obj_val(&type_bz2comp)) < 0 ||
        module_add(m, "BZ2Decompressor", obj_val(&type_bz2decomp)) < 0)
        return VNULL;
    return m;
}
