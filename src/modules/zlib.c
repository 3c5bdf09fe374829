/* zlib.c - the zlib module over Debian's libz: one-shot and streaming deflate/inflate, crc32 and adler32. */
#include "clib.h"
#include "datamod.h"
#include "../objects/str.h"
#include "../objects/bytes.h"
#include "../objects/module.h"
#include "../vm/gil.h"
#include "../gc/gc.h"

#include <limits.h>
#include <stdio.h>
#include <zlib.h>

/*
 * Semantics are CPython 3.11's Modules/zlibmodule.c: the same loops around
 * deflate()/inflate(), so the compressed bytes, the errors and the
 * unused_data / unconsumed_tail / eof bookkeeping come out identical.
 *
 * A Compress or Decompress object embeds its z_stream.  zlib keeps a
 * pointer back to the stream in its private state, which is fine because
 * the collector never moves objects.  zlib's state lives in malloc memory
 * (no Values) and is freed by the finalizer.  Each deflate/inflate call
 * runs with the GIL released: the input is pinned by its Buffer and the
 * output is malloc memory.
 */

#define DEF_BUF_SIZE (16 * 1024)
#define DEF_MEM_LEVEL 8
#define OUT_INITIAL (32 * 1024)

static Value zlib_error;   /* zlib.error */
#define ZLIB_ERROR ((Type *)zlib_error)

typedef struct ZlibObject {
    Object hdr;
    z_stream zst;
    Value unused_data;       /* Decompress: bytes after the end of the stream */
    Value unconsumed_tail;   /* Decompress: input not consumed for max_length */
    Value zdict;             /* Decompress: the dictionary, or VNULL */
    bool eof;
    bool is_initialised;
} ZlibObject;

static Type type_compress, type_decompress;

static void zobj_trace(Object *o) {
    ZlibObject *z = (ZlibObject *)o;
    gc_mark(z->unused_data);
    gc_mark(z->unconsumed_tail);
    gc_mark(z->zdict);
}

static void comp_finalize(Object *o) {
    ZlibObject *z = (ZlibObject *)o;
    if (z->is_initialised) deflateEnd(&z->zst);
    z->is_initialised = false;
}

static void decomp_finalize(Object *o) {
    ZlibObject *z = (ZlibObject *)o;
    if (z->is_initialised) inflateEnd(&z->zst);
    z->is_initialised = false;
}

/* zlib.error with zlib's message, or a fallback for the codes it leaves bare. */
static void zerr(z_stream *zst, int err, const char *msg) {
    const char *zmsg = NULL;
    if (err == Z_VERSION_ERROR) zmsg = "library version mismatch";
    if (!zmsg) zmsg = zst->msg;
    if (!zmsg) {
        switch (err) {
        case Z_BUF_ERROR: zmsg = "incomplete or truncated stream"; break;
        case Z_STREAM_ERROR: zmsg = "inconsistent stream state"; break;
        case Z_DATA_ERROR: zmsg = "invalid input data"; break;
        }
    }
    if (zmsg)
        err_format(ZLIB_ERROR, "Error %d %s: %.200s", err, msg, zmsg);
    else
        err_format(ZLIB_ERROR, "Error %d %s", err, msg);
}

/* Hand the next piece of input (at most UINT_MAX bytes) to the stream. */
static void feed_input(z_stream *zst, ssize_t *remaining) {
    size_t n = *remaining > (ssize_t)UINT_MAX ? UINT_MAX : (size_t)*remaining;
    zst->avail_in = (uInt)n;
    *remaining -= (ssize_t)n;
}

/* Point the stream at free output space; 0 at the limit, -1 on MemoryError. */
static int give_output(z_stream *zst, OutBuf *ob) {
    char *next;
    ssize_t n = clib_out_space(ob, &next, UINT_MAX);
    if (n <= 0) return (int)n;
    zst->next_out = (Bytef *)next;
    zst->avail_out = (uInt)n;
    return 1;
}

static void take_output(z_stream *zst, OutBuf *ob) {
    ob->size = (size_t)((char *)zst->next_out - ob->buf);
}

static int arg_int(Value v, int dflt, int *out) {
    if (!v) {
        *out = dflt;
        return 0;
    }
    return clib_int(v, out);
}

/* ---- one-shot functions ---- */

static Value zlib_compress(Value self, Value *args, size_t nargs, Value kw) {
    static const char *const names[] = {"", "level", "wbits", NULL};
    Value a[3];
    if (dm_parse("compress", args, nargs, kw, names, 1, 3, 1, a) < 0) return VNULL;
    int level, wbits;
    if (arg_int(a[1], Z_DEFAULT_COMPRESSION, &level) < 0 || arg_int(a[2], MAX_WBITS, &wbits) < 0) return VNULL;
    Buffer in;
    if (clib_buffer(a[0], &in) < 0) return VNULL;
    z_stream zst = {0};
    int err = deflateInit2(&zst, level, Z_DEFLATED, wbits, DEF_MEM_LEVEL, Z_DEFAULT_STRATEGY);
    if (err != Z_OK) {
        buffer_release(&in);
        if (err == Z_MEM_ERROR)
            err_set(&exc_MemoryError, "Out of memory while compressing data");
        else if (err == Z_STREAM_ERROR)
            err_set(ZLIB_ERROR, "Bad compression level");
        else {
            deflateEnd(&zst);
            zerr(&zst, err, "while compressing data");
        }
        return VNULL;
    }
    OutBuf ob;
    clib_out_init(&ob, OUT_INITIAL, SIZE_MAX);
    ssize_t left = in.len;
    zst.next_in = (Bytef *)in.buf;
    int flush;
    do {
        feed_input(&zst, &left);
        flush = left == 0 ? Z_FINISH : Z_NO_FLUSH;
        do {
            if (give_output(&zst, &ob) < 0) goto fail;
            GIL_RELEASE_BEGIN
            err = deflate(&zst, flush);
            GIL_RELEASE_END
            take_output(&zst, &ob);
            if (err == Z_STREAM_ERROR) {
                deflateEnd(&zst);
                zerr(&zst, err, "while compressing data");
                goto fail;
            }
        } while (zst.avail_out == 0);
    } while (flush != Z_FINISH);
    err = deflateEnd(&zst);
    buffer_release(&in);
    if (err != Z_OK) {
        zerr(&zst, err, "while finishing compression");
        clib_out_discard(&ob);
        return VNULL;
    }
    return clib_out_finish(&ob);
fail:
    deflateEnd(&zst);
    buffer_release(&in);
    clib_out_discard(&ob);
    return VNULL;
}

static Value zlib_decompress(Value self, Value *args, size_t nargs, Value kw) {
    static const char *const names[] = {"", "wbits", "bufsize", NULL};
    Value a[3];
    if (dm_parse("decompress", args, nargs, kw, names, 1, 3, 1, a) < 0) return VNULL;
    int wbits;
    ssize_t bufsize = DEF_BUF_SIZE;
    if (arg_int(a[1], MAX_WBITS, &wbits) < 0) return VNULL;
    if (a[2] && clib_ssize(a[2], &bufsize) < 0) return VNULL;
    if (bufsize < 0) {
        err_set(&exc_ValueError, "bufsize must be non-negative");
        return VNULL;
    }
    if (bufsize == 0) bufsize = 1;
    Buffer in;
    if (clib_buffer(a[0], &in) < 0) return VNULL;
    z_stream zst = {0};
    ssize_t left = in.len;
    zst.next_in = (Bytef *)in.buf;
    feed_input(&zst, &left);
    int err = inflateInit2(&zst, wbits);
    if (err != Z_OK) {
        buffer_release(&in);
        if (err == Z_MEM_ERROR)
            err_set(&exc_MemoryError, "Out of memory while decompressing data");
        else {
            inflateEnd(&zst);
            zerr(&zst, err, "while preparing to decompress data");
        }
        return VNULL;
    }
    OutBuf ob;
    clib_out_init(&ob, (size_t)bufsize, SIZE_MAX);
    bool first = true;
    do {
        if (!first) feed_input(&zst, &left);
        first = false;
        int flush = left == 0 ? Z_FINISH : Z_NO_FLUSH;
        do {
            if (give_output(&zst, &ob) < 0) goto fail;
            GIL_RELEASE_BEGIN
            err = inflate(&zst, flush);
            GIL_RELEASE_END
            take_output(&zst, &ob);
            if (err == Z_MEM_ERROR) {
                err_set(&exc_MemoryError, "Out of memory while decompressing data");
                goto fail;
            }
            if (err != Z_OK && err != Z_BUF_ERROR && err != Z_STREAM_END) {
                inflateEnd(&zst);
                zerr(&zst, err, "while decompressing data");
                goto fail_ended;
            }
        } while (zst.avail_out == 0);
    } while (err != Z_STREAM_END && left != 0);
    if (err != Z_STREAM_END) {
        inflateEnd(&zst);
        zerr(&zst, err, "while decompressing data");
        goto fail_ended;
    }
    err = inflateEnd(&zst);
    buffer_release(&in);
    if (err != Z_OK) {
        zerr(&zst, err, "while finishing decompression");
        clib_out_discard(&ob);
        return VNULL;
    }
    return clib_out_finish(&ob);
fail:
    inflateEnd(&zst);
fail_ended:
    buffer_release(&in);
    clib_out_discard(&ob);
    return VNULL;
}

/* ---- compressobj / decompressobj ---- */

static Value zlib_compressobj(Value self, Value *args, size_t nargs, Value kw) {
    static const char *const names[] = {"level", "method", "wbits", "memLevel", "strategy", "zdict", NULL};
    Value a[6];
    if (dm_parse("compressobj", args, nargs, kw, names, 0, 6, 0, a) < 0) return VNULL;
    int level, method, wbits, memlevel, strategy;
    if (arg_int(a[0], Z_DEFAULT_COMPRESSION, &level) < 0 || arg_int(a[1], Z_DEFLATED, &method) < 0 ||
        arg_int(a[2], MAX_WBITS, &wbits) < 0 || arg_int(a[3], DEF_MEM_LEVEL, &memlevel) < 0 ||
        arg_int(a[4], Z_DEFAULT_STRATEGY, &strategy) < 0)
        return VNULL;
    Buffer zdict = {0};
    if (a[5] && clib_buffer(a[5], &zdict) < 0) return VNULL;
    if (zdict.obj && (size_t)zdict.len > UINT_MAX) {
        buffer_release(&zdict);
        err_set(&exc_OverflowError, "zdict length does not fit in an unsigned int");
        return VNULL;
    }
    ZlibObject *z = gc_alloc(&type_compress, sizeof(ZlibObject));
    if (!z) {
        buffer_release(&zdict);
        return VNULL;
    }
    int aw = wbits < 0 ? -wbits : wbits > 15 ? wbits - 16 : wbits;
    if (aw >= 8 && aw <= 15 && memlevel >= 1 && memlevel <= 9)
        gc_note_external(((size_t)1 << (aw + 2)) + ((size_t)1 << (memlevel + 9)));   /* zlib's documented use */
    int err = deflateInit2(&z->zst, level, method, wbits, memlevel, strategy);
    if (err == Z_OK) {
        z->is_initialised = true;
        if (zdict.obj) {
            err = deflateSetDictionary(&z->zst, (const Bytef *)zdict.buf, (uInt)zdict.len);
            buffer_release(&zdict);
            if (err == Z_STREAM_ERROR) {
                err_set(&exc_ValueError, "Invalid dictionary");
                return VNULL;
            }
            if (err != Z_OK) {
                err_set(&exc_ValueError, "deflateSetDictionary()");
                return VNULL;
            }
        }
        return obj_val(z);
    }
    buffer_release(&zdict);
    if (err == Z_MEM_ERROR)
        err_set(&exc_MemoryError, "Can't allocate memory for compression object");
    else if (err == Z_STREAM_ERROR)
        err_set(&exc_ValueError, "Invalid initialization option");
    else {
        deflateEnd(&z->zst);
        zerr(&z->zst, err, "while creating compression object");
    }
    return VNULL;
}

static int set_inflate_zdict(ZlibObject *z) {
    Buffer d;
    if (clib_buffer(z->zdict, &d) < 0) return -1;
    if ((size_t)d.len > UINT_MAX) {
        buffer_release(&d);
        err_set(&exc_OverflowError, "zdict length does not fit in an unsigned int");
        return -1;
    }
    int err = inflateSetDictionary(&z->zst, (const Bytef *)d.buf, (uInt)d.len);
    buffer_release(&d);
    if (err != Z_OK) {
        zerr(&z->zst, err, "while setting zdict");
        return -1;
    }
    return 0;
}

static Value zlib_decompressobj(Value self, Value *args, size_t nargs, Value kw) {
    static const char *const names[] = {"wbits", "zdict", NULL};
    Value a[2];
    if (dm_parse("decompressobj", args, nargs, kw, names, 0, 2, 0, a) < 0) return VNULL;
    int wbits;
    if (arg_int(a[0], MAX_WBITS, &wbits) < 0) return VNULL;
    if (a[1] && !buffer_check(a[1])) {
        err_set(&exc_TypeError, "zdict argument must support the buffer protocol");
        return VNULL;
    }
    ZlibObject *z = gc_alloc(&type_decompress, sizeof(ZlibObject));
    if (!z) return VNULL;
    Value empty = bytes_empty();
    if (!empty) return VNULL;
    GC_WRITE(z, z->unused_data, empty);
    GC_WRITE(z, z->unconsumed_tail, empty);
    if (a[1]) GC_WRITE(z, z->zdict, a[1]);
    gc_note_external(48 * 1024);   /* inflate's state and its 32 KiB window */
    int err = inflateInit2(&z->zst, wbits);
    if (err == Z_OK) {
        z->is_initialised = true;
        /* A raw stream never asks for its dictionary: set it now. */
        if (z->zdict && wbits < 0 && set_inflate_zdict(z) < 0) return VNULL;
        return obj_val(z);
    }
    if (err == Z_STREAM_ERROR)
        err_set(&exc_ValueError, "Invalid initialization option");
    else if (err == Z_MEM_ERROR)
        err_set(&exc_MemoryError, "Can't allocate memory for decompression object");
    else {
        inflateEnd(&z->zst);
        zerr(&z->zst, err, "while creating decompression object");
    }
    return VNULL;
}

/* ---- Compress methods ---- */

static Value comp_compress(Value self, Value *args, size_t nargs, Value kw) {
    ZlibObject *z = (ZlibObject *)self;
    static const char *const names[] = {"", NULL};
    Value a[1];
    if (dm_parse("compress", args, nargs, kw, names, 1, 1, 1, a) < 0) return VNULL;
    Buffer in;
    if (clib_buffer(a[0], &in) < 0) return VNULL;
    OutBuf ob;
    clib_out_init(&ob, OUT_INITIAL, SIZE_MAX);
    ssize_t left = in.len;
    z->zst.next_in = (Bytef *)in.buf;
    int err;
    do {
        feed_input(&z->zst, &left);
        do {
            if (give_output(&z->zst, &ob) < 0) goto fail;
            GIL_RELEASE_BEGIN
            err = deflate(&z->zst, Z_NO_FLUSH);
            GIL_RELEASE_END
            take_output(&z->zst, &ob);
            if (err == Z_STREAM_ERROR) {
                zerr(&z->zst, err, "while compressing data");
                goto fail;
            }
        } while (z->zst.avail_out == 0);
    } while (left != 0);
    buffer_release(&in);
    return clib_out_finish(&ob);
fail:
    buffer_release(&in);
    clib_out_discard(&ob);
    return VNULL;
}

static Value comp_flush(Value self, Value *args, size_t nargs, Value kw) {
    ZlibObject *z = (ZlibObject *)self;
    static const char *const names[] = {"", NULL};
    Value a[1];
    if (dm_parse("flush", args, nargs, kw, names, 1, 1, 0, a) < 0) return VNULL;
    int mode = Z_FINISH;
    if (a[0] && clib_int(a[0], &mode) < 0) return VNULL;
    if (mode == Z_NO_FLUSH) return bytes_empty();
    OutBuf ob;
    clib_out_init(&ob, OUT_INITIAL, SIZE_MAX);
    z->zst.avail_in = 0;
    int err;
    do {
        if (give_output(&z->zst, &ob) < 0) goto fail;
        GIL_RELEASE_BEGIN
        err = deflate(&z->zst, mode);
        GIL_RELEASE_END
        take_output(&z->zst, &ob);
        if (err == Z_STREAM_ERROR) {
            zerr(&z->zst, err, "while flushing");
            goto fail;
        }
    } while (z->zst.avail_out == 0);
    if (mode == Z_FINISH && err == Z_STREAM_END) {
        err = deflateEnd(&z->zst);
        z->is_initialised = false;
        if (err != Z_OK) {
            zerr(&z->zst, err, "while finishing compression");
            goto fail;
        }
    } else if (err != Z_OK && err != Z_BUF_ERROR) {
        zerr(&z->zst, err, "while flushing");
        goto fail;
    }
    return clib_out_finish(&ob);
fail:
    clib_out_discard(&ob);
    return VNULL;
}

static Value comp_copy(Value self, Value *args, size_t nargs, Value kw) {
    ZlibObject *z = (ZlibObject *)self;
    if (!z->is_initialised) {
        err_set(&exc_ValueError, "Inconsistent stream state");
        return VNULL;
    }
    ZlibObject *c = gc_alloc(&type_compress, sizeof(ZlibObject));
    if (!c) return VNULL;
    int err = deflateCopy(&c->zst, &z->zst);
    if (err == Z_OK) {
        c->is_initialised = true;
        return obj_val(c);
    }
    if (err == Z_STREAM_ERROR)
        err_set(&exc_ValueError, "Inconsistent stream state");
    else if (err == Z_MEM_ERROR)
        err_set(&exc_MemoryError, "Can't allocate memory for compression object");
    else
        zerr(&z->zst, err, "while copying compression object");
    return VNULL;
}

/* ---- Decompress methods ---- */

/* After inflate: keep input past the end of the stream in unused_data, and
 * input not consumed because of max_length in unconsumed_tail. */
static int save_unconsumed(ZlibObject *z, ssize_t left, int err) {
    if (err == Z_STREAM_END && (z->zst.avail_in > 0 || left > 0)) {
        size_t n = z->zst.avail_in + (size_t)left;
        size_t old = (size_t)bytes_size(z->unused_data);
        BytesObject *b = bytes_alloc(old + n);
        if (!b) return -1;
        memcpy(b->data, bytes_data(z->unused_data), old);
        memcpy(b->data + old, z->zst.next_in, n);
        GC_WRITE(z, z->unused_data, obj_val(b));
        z->zst.avail_in = 0;
        left = 0;
    }
    if (z->zst.avail_in > 0 || left > 0 || bytes_size(z->unconsumed_tail)) {
        Value t = bytes_new((const char *)z->zst.next_in, z->zst.avail_in + (size_t)left);
        if (!t) return -1;
        GC_WRITE(z, z->unconsumed_tail, t);
    }
    return 0;
}

static Value decomp_decompress(Value self, Value *args, size_t nargs, Value kw) {
    ZlibObject *z = (ZlibObject *)self;
    static const char *const names[] = {"", "max_length", NULL};
    Value a[2];
    if (dm_parse("decompress", args, nargs, kw, names, 1, 2, 1, a) < 0) return VNULL;
    ssize_t max_length = 0;
    if (a[1] && clib_ssize(a[1], &max_length) < 0) return VNULL;
    if (max_length < 0) {
        err_set(&exc_ValueError, "max_length must be non-negative");
        return VNULL;
    }
    size_t limit = max_length == 0 ? SIZE_MAX : (size_t)max_length;
    Buffer in;
    if (clib_buffer(a[0], &in) < 0) return VNULL;
    OutBuf ob;
    clib_out_init(&ob, OUT_INITIAL, limit);
    ssize_t left = in.len;
    z->zst.next_in = (Bytef *)in.buf;
    int err = Z_OK;
    do {
        feed_input(&z->zst, &left);
        do {
            int r = give_output(&z->zst, &ob);
            if (r < 0) goto fail;
            if (r == 0) goto save;   /* max_length reached */
            GIL_RELEASE_BEGIN
            err = inflate(&z->zst, Z_SYNC_FLUSH);
            GIL_RELEASE_END
            take_output(&z->zst, &ob);
            if (err != Z_OK && err != Z_BUF_ERROR && err != Z_STREAM_END) {
                if (err == Z_NEED_DICT && z->zdict) {
                    if (set_inflate_zdict(z) < 0) goto fail;
                } else
                    goto save;
            }
        } while (z->zst.avail_out == 0 || err == Z_NEED_DICT);
    } while (err != Z_STREAM_END && left != 0);
save:
    if (save_unconsumed(z, left, err) < 0) goto fail;
    if (err == Z_STREAM_END)
        z->eof = true;
    else if (err != Z_OK && err != Z_BUF_ERROR) {
        zerr(&z->zst, err, "while decompressing data");
        goto fail;
    }
    buffer_release(&in);
    return clib_out_finish(&ob);
fail:
    buffer_release(&in);
    clib_out_discard(&ob);
    return VNULL;
}

static Value decomp_flush(Value self, Value *args, size_t nargs, Value kw) {
    ZlibObject *z = (ZlibObject *)self;
    static const char *const names[] = {"", NULL};
    Value a[1];
    if (dm_parse("flush", args, nargs, kw, names, 1, 1, 0, a) < 0) return VNULL;
    ssize_t length = DEF_BUF_SIZE;
    if (a[0] && clib_ssize(a[0], &length) < 0) return VNULL;
    if (length <= 0) {
        err_set(&exc_ValueError, "length must be greater than zero");
        return VNULL;
    }
    Value tail = z->unconsumed_tail;   /* kept alive by this local while inflate reads it */
    Buffer in;
    if (clib_buffer(tail, &in) < 0) return VNULL;
    OutBuf ob;
    clib_out_init(&ob, (size_t)length, SIZE_MAX);
    ssize_t left = in.len;
    z->zst.next_in = (Bytef *)in.buf;
    int err = Z_OK;
    do {
        feed_input(&z->zst, &left);
        int flush = left == 0 ? Z_FINISH : Z_NO_FLUSH;
        do {
            if (give_output(&z->zst, &ob) < 0) goto fail;
            GIL_RELEASE_BEGIN
            err = inflate(&z->zst, flush);
            GIL_RELEASE_END
            take_output(&z->zst, &ob);
            if (err != Z_OK && err != Z_BUF_ERROR && err != Z_STREAM_END) {
                if (err == Z_NEED_DICT && z->zdict) {
                    if (set_inflate_zdict(z) < 0) goto fail;
                } else
                    goto save;
            }
        } while (z->zst.avail_out == 0 || err == Z_NEED_DICT);
    } while (err != Z_STREAM_END && left != 0);
save:
    if (save_unconsumed(z, left, err) < 0) goto fail;
    if (err == Z_STREAM_END) {
        z->eof = true;
        z->is_initialised = false;
        err = inflateEnd(&z->zst);
        if (err != Z_OK) {
            zerr(&z->zst, err, "while finishing decompression");
            goto fail;
        }
    }
    buffer_release(&in);
    return clib_out_finish(&ob);
fail:
    buffer_release(&in);
    clib_out_discard(&ob);
    return VNULL;
}

static Value decomp_copy(Value self, Value *args, size_t nargs, Value kw) {
    ZlibObject *z = (ZlibObject *)self;
    if (!z->is_initialised) {
        err_set(&exc_ValueError, "Inconsistent stream state");
        return VNULL;
    }
    ZlibObject *c = gc_alloc(&type_decompress, sizeof(ZlibObject));
    if (!c) return VNULL;
    int err = inflateCopy(&c->zst, &z->zst);
    if (err == Z_OK) {
        c->is_initialised = true;
        GC_WRITE(c, c->unused_data, z->unused_data);
        GC_WRITE(c, c->unconsumed_tail, z->unconsumed_tail);
        GC_WRITE(c, c->zdict, z->zdict);
        c->eof = z->eof;
        return obj_val(c);
    }
    if (err == Z_STREAM_ERROR)
        err_set(&exc_ValueError, "Inconsistent stream state");
    else if (err == Z_MEM_ERROR)
        err_set(&exc_MemoryError, "Can't allocate memory for decompression object");
    else
        zerr(&z->zst, err, "while copying decompression object");
    return VNULL;
}

static Value zobj_copy(Value self, Value *args, size_t nargs, Value kw) {
    if (nargs) {
        err_set(&exc_TypeError, "copy() takes no arguments");
        return VNULL;
    }
    return val_type(self) == &type_compress ? comp_copy(self, args, nargs, kw) : decomp_copy(self, args, nargs, kw);
}

static Value zobj_copy_dunder(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("__copy__", kw) < 0 || arg_count("__copy__", nargs, 0, 0) < 0) return VNULL;
    return val_type(self) == &type_compress ? comp_copy(self, args, nargs, kw) : decomp_copy(self, args, nargs, kw);
}

static Value zobj_deepcopy(Value self, Value *args, size_t nargs, Value kw) {
    if (arg_no_kw("__deepcopy__", kw) < 0 || arg_count("__deepcopy__", nargs, 1, 1) < 0) return VNULL;
    return val_type(self) == &type_compress ? comp_copy(self, args, 0, kw) : decomp_copy(self, args, 0, kw);
}

static Value decomp_get_unused_data(Value self) { return ((ZlibObject *)self)->unused_data; }
static Value decomp_get_unconsumed_tail(Value self) { return ((ZlibObject *)self)->unconsumed_tail; }
static Value decomp_get_eof(Value self) { return val_bool(((ZlibObject *)self)->eof); }

/* ---- checksums ---- */

static Value checksum(const char *name, Value *args, size_t nargs, Value kw, uint64_t dflt, bool is_crc) {
    char qual[16];
    snprintf(qual, sizeof qual, "zlib.%s", name);
    if (arg_no_kw(qual, kw) < 0) return VNULL;
    if (dm_positional(name, nargs, 1, 2) < 0) return VNULL;
    uint64_t value = dflt;
    if (nargs > 1 && clib_umask(args[1], 32, &value) < 0) return VNULL;
    Buffer in;
    if (clib_buffer(args[0], &in) < 0) return VNULL;
    unsigned long v = (unsigned long)value;
    if (in.len > 5 * 1024) {
        GIL_RELEASE_BEGIN
        v = is_crc ? crc32_z(v, in.buf, (z_size_t)in.len) : adler32_z(v, in.buf, (z_size_t)in.len);
        GIL_RELEASE_END
    } else {
        v = is_crc ? crc32_z(v, in.buf, (z_size_t)in.len) : adler32_z(v, in.buf, (z_size_t)in.len);
    }
    buffer_release(&in);
    return int_from_u64(v & 0xffffffffu);
}

static Value zlib_crc32(Value self, Value *args, size_t nargs, Value kw) {
    return checksum("crc32", args, nargs, kw, 0, true);
}

static Value zlib_adler32(Value self, Value *args, size_t nargs, Value kw) {
    return checksum("adler32", args, nargs, kw, 1, false);
}

/* ---- tables ---- */

static const MethodDef comp_methods[] = {
    {"compress", comp_compress, 0,
     "Returns a bytes object containing compressed data.\n\n  data\n    Binary data to be compressed.\n\n"
     "After calling this function, some of the input data may still\nbe stored in internal buffers for later "
     "processing.\nCall the flush() method to clear these buffers."},
    {"flush", comp_flush, 0,
     "Return a bytes object containing any remaining compressed data.\n\n  mode\n    One of the constants "
     "Z_SYNC_FLUSH, Z_FULL_FLUSH, Z_FINISH.\n    If mode == Z_FINISH, the compressor object can no longer be\n"
     "    used after calling the flush() method.  Otherwise, more data\n    can still be compressed."},
    {"copy", zobj_copy, 0, "Return a copy of the compression object."},
    {"__copy__", zobj_copy_dunder, 0, NULL},
    {"__deepcopy__", zobj_deepcopy, 0, NULL},
    {NULL},
};

static const MethodDef decomp_methods[] = {
    {"decompress", decomp_decompress, 0,
     "Return a bytes object containing the decompressed version of the data.\n\n  data\n    The binary data to "
     "decompress.\n  max_length\n    The maximum allowable length of the decompressed data.\n    Unconsumed input "
     "data will be stored in\n    the unconsumed_tail attribute.\n\nAfter calling this function, some of the input "
     "data may still be stored in\ninternal buffers for later processing.\nCall the flush() method to clear these "
     "buffers."},
    {"flush", decomp_flush, 0,
     "Return a bytes object containing any remaining decompressed data.\n\n  length\n    the initial size of the "
     "output buffer."},
    {"copy", zobj_copy, 0, "Return a copy of the decompression object."},
    {"__copy__", zobj_copy_dunder, 0, NULL},
    {"__deepcopy__", zobj_deepcopy, 0, NULL},
    {NULL},
};

static const GetSetDef decomp_getsets[] = {
    {"unused_data", decomp_get_unused_data, NULL, NULL},
    {"unconsumed_tail", decomp_get_unconsumed_tail, NULL, NULL},
    {"eof", decomp_get_eof, NULL, NULL},
    {NULL},
};

static Type type_compress = {
    .hdr = {0, &type_type},
    .name = "zlib.Compress",
    .basicsize = sizeof(ZlibObject),
    .trace = zobj_trace,
    .finalize = comp_finalize,
    .new = clib_no_new,
    .methods = comp_methods,
};

static Type type_decompress = {
    .hdr = {0, &type_type},
    .name = "zlib.Decompress",
    .basicsize = sizeof(ZlibObject),
    .trace = zobj_trace,
    .finalize = decomp_finalize,
    .new = clib_no_new,
    .methods = decomp_methods,
    .getsets = decomp_getsets,
};

static const MethodDef zlib_functions[] = {
    {"adler32", zlib_adler32, 0,
     "Compute an Adler-32 checksum of data.\n\n  value\n    Starting value of the checksum.\n\n"
     "The returned checksum is an integer."},
    {"compress", zlib_compress, 0,
     "Returns a bytes object containing compressed data.\n\n  data\n    Binary data to be compressed.\n  level\n"
     "    Compression level, in 0-9 or -1.\n  wbits\n    The window buffer size and container format."},
    {"compressobj", zlib_compressobj, 0, "Return a compressor object."},
    {"crc32", zlib_crc32, 0,
     "Compute a CRC-32 checksum of data.\n\n  value\n    Starting value of the checksum.\n\n"
     "The returned checksum is an integer."},
    {"decompress", zlib_decompress, 0,
     "Returns a bytes object containing the uncompressed data.\n\n  data\n    Compressed data.\n  wbits\n"
     "    The window buffer size and container format.\n  bufsize\n    The initial output buffer size."},
    {"decompressobj", zlib_decompressobj, 0, "Return a decompressor object."},
    {NULL},
};

static const struct { const char *name; int value; } zlib_constants[] = {
    {"MAX_WBITS", MAX_WBITS}, {"DEFLATED", Z_DEFLATED}, {"DEF_MEM_LEVEL", DEF_MEM_LEVEL},
    {"DEF_BUF_SIZE", DEF_BUF_SIZE}, {"Z_NO_COMPRESSION", Z_NO_COMPRESSION}, {"Z_BEST_SPEED", Z_BEST_SPEED},
    {"Z_BEST_COMPRESSION", Z_BEST_COMPRESSION}, {"Z_DEFAULT_COMPRESSION", Z_DEFAULT_COMPRESSION},
    {"Z_FILTERED", Z_FILTERED}, {"Z_HUFFMAN_ONLY", Z_HUFFMAN_ONLY}, {"Z_RLE", Z_RLE}, {"Z_FIXED", Z_FIXED},
    {"Z_DEFAULT_STRATEGY", Z_DEFAULT_STRATEGY}, {"Z_NO_FLUSH", Z_NO_FLUSH}, {"Z_PARTIAL_FLUSH", Z_PARTIAL_FLUSH},
    {"Z_SYNC_FLUSH", Z_SYNC_FLUSH}, {"Z_FULL_FLUSH", Z_FULL_FLUSH}, {"Z_FINISH", Z_FINISH}, {"Z_BLOCK", Z_BLOCK},
    {"Z_TREES", Z_TREES},
};

Value zlib_module_init(void) {
    Value m = module_new_cstr("zlib");
    if (!m || module_add_functions(m, zlib_functions) < 0) return VNULL;
    type_ready(&type_compress);
    type_ready(&type_decompress);
    zlib_error = clib_new_exception("zlib", "error", obj_val(&exc_Exception), NULL);
    if (!zlib_error) return VNULL;
    gc_add_root(&zlib_error);
    if (module_add(m, "error", zlib_error) < 0) return VNULL;
    for (size_t i = 0; i < sizeof zlib_constants / sizeof zlib_constants[0]; i++)
        if (module_add(m, zlib_constants[i].name, val_from_int(zlib_constants[i].value)) < 0) return VNULL;
    if (module_add(m, "ZLIB_VERSION", str_from_cstr(ZLIB_VERSION)) < 0 ||
        module_add(m, "ZLIB_RUNTIME_VERSION", str_from_cstr(zlibVersion())) < 0 ||
        module_add(m, "__version__", str_from_cstr("1.0")) < 0 ||
        module_add(m, "__doc__",
                   str_from_cstr("The functions in this module allow compression and decompression using the\n"
                                 "zlib library, which is based on GNU zip.\n\n"
                                 "adler32(string[, start]) -- Compute an Adler-32 checksum.\n"
                                 "compress(data[, level]) -- Compress data, with compression level 0-9 or -1.\n"
                                 "compressobj([level[, ...]]) -- Return a compressor object.\n"
                                 "crc32(string[, start]) -- Compute a CRC-32 checksum.\n"
                                 "decompress(string,[wbits],[bufsize]) -- Decompresses a compressed string.\n"
                                 "decompressobj([wbits[, zdict]]) -- Return a decompressor object.\n\n"
                                 "'wbits' is window buffer size and container format.\n"
                                 "Compressor objects support compress() and flush() methods; decompressor\n"
                                 "objects support decompress() and flush().")) < 0)
        return VNULL;
    return m;
}
