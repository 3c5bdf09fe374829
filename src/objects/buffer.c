/* buffer.c - the buffer protocol: getting and releasing Buffers, the bytes/bytearray exporters, contiguous copies. */
#include "buffer.h"
#include "bytes.h"
#include "../gc/gc.h"
#include "../vm/error.h"

#include <stdlib.h>

/*
 * The protocol itself is two slots on Type (object.h) and the Buffer
 * struct (buffer.h).  This file holds what every consumer shares: finding
 * the exporter along the base chain, the simple one-run exporters of bytes
 * and bytearray, and the walk over an N-dimensional strided view that
 * turns it into contiguous bytes in C or Fortran order.
 */

static GetBufferFunc getbuffer_of(Type *t) {
    for (; t; t = t->base)
        if (t->getbuffer) return t->getbuffer;
    return NULL;
}

static ReleaseBufferFunc releasebuffer_of(Type *t) {
    /* The release hook belongs to the class that exported: the first base
     * with a getbuffer slot. */
    for (; t; t = t->base)
        if (t->getbuffer) return t->releasebuffer;
    return NULL;
}

bool buffer_check(Value v) { return getbuffer_of(val_type(v)) != NULL; }

int buffer_get(Value obj, Buffer *view, int flags) {
    GetBufferFunc f = getbuffer_of(val_type(obj));
    if (!f) {
        err_format(&exc_TypeError, "a bytes-like object is required, not '%s'", type_name(obj));
        return -1;
    }
    return f(obj, view, flags);
}

void buffer_release(Buffer *view) {
    Value obj = view->obj;
    if (!obj) return;
    ReleaseBufferFunc r = releasebuffer_of(val_type(obj));
    if (r) r(obj, view);
    view->obj = VNULL;
}

int buffer_fill_info(Buffer *view, Value obj, void *buf, ssize_t len, bool readonly, int flags) {
    if ((flags & BUF_WRITABLE) && readonly) {
        err_set(&exc_BufferError, "Object is not writable.");
        return -1;
    }
    view->obj = obj;
    view->buf = buf;
    view->len = len;
    view->readonly = readonly;
    view->itemsize = 1;
    view->format = (flags & BUF_FORMAT) ? "B" : NULL;
    view->ndim = 1;
    view->shape = (flags & BUF_ND) == BUF_ND ? &view->len : NULL;
    view->strides = (flags & BUF_STRIDES) == BUF_STRIDES ? &view->itemsize : NULL;
    view->suboffsets = NULL;
    view->internal = NULL;
    return 0;
}

/* ---- The core exporters ---- */

int buffer_bytes_export(Value obj, Buffer *view, int flags) {
    return buffer_fill_info(view, obj, ((BytesObject *)obj)->data, bytes_size(obj), true, flags);
}

/* An empty bytearray may have no storage; it lends a static empty run,
 * which nobody can write to because it holds no items. */
static char empty_run[1];

int buffer_bytearray_export(Value obj, Buffer *view, int flags) {
    ByteArrayObject *b = (ByteArrayObject *)obj;
    if (buffer_fill_info(view, obj, b->data ? b->data : empty_run, b->size, false, flags) < 0) return -1;
    b->exports++;
    return 0;
}

void buffer_bytearray_release(Value obj, Buffer *view) { ((ByteArrayObject *)obj)->exports--; }

bool buffer_exports_held(const ssize_t *exports) {
    if (*exports <= 0) return false;
    /* Only an error path pays for this: views still reachable keep their
     * exports, so a program that keeps hitting BufferError collects each
     * time, which is slow but correct. */
    gc_collect();
    return *exports > 0;
}

/* ---- Shapes, strides and copies ---- */

void buffer_init_strides(Buffer *view) {
    ssize_t s = view->itemsize;
    for (int i = view->ndim - 1; i >= 0; i--) {
        view->strides[i] = s;
        s *= view->shape[i];
    }
}

static bool is_c_contiguous(const Buffer *v) {
    if (v->len == 0 || !v->strides) return true;
    ssize_t sd = v->itemsize;
    for (int i = v->ndim - 1; i >= 0; i--) {
        ssize_t dim = v->shape[i];
        if (dim > 1 && v->strides[i] != sd) return false;
        sd *= dim;
    }
    return true;
}

static bool is_f_contiguous(const Buffer *v) {
    if (v->len == 0) return true;
    if (!v->strides) {
        /* C-contiguous by definition; also Fortran if at most one dimension exceeds 1. */
        if (v->ndim <= 1) return true;
        int big = 0;
        for (int i = 0; i < v->ndim; i++)
            if (v->shape[i] > 1) big++;
        return big <= 1;
    }
    ssize_t sd = v->itemsize;
    for (int i = 0; i < v->ndim; i++) {
        ssize_t dim = v->shape[i];
        if (dim > 1 && v->strides[i] != sd) return false;
        sd *= dim;
    }
    return true;
}

bool buffer_is_contiguous(const Buffer *view, char order) {
    if (view->suboffsets) return false;
    if (order == 'C') return is_c_contiguous(view);
    if (order == 'F') return is_f_contiguous(view);
    return is_c_contiguous(view) || is_f_contiguous(view);
}

char *buffer_item_ptr(const Buffer *view, const ssize_t *idx) {
    char *p = view->buf;
    for (int d = 0; d < view->ndim; d++) {
        p += idx[d] * view->strides[d];
        if (view->suboffsets && view->suboffsets[d] >= 0) p = *(char **)p + view->suboffsets[d];
    }
    return p;
}

void buffer_to_contiguous(void *dst, const Buffer *src, char order) {
    if (src->len == 0) return;
    if (buffer_is_contiguous(src, order) || (src->ndim <= 1 && !src->suboffsets &&
                                              (!src->strides || src->strides[0] == src->itemsize))) {
        memcpy(dst, src->buf, (size_t)src->len);
        return;
    }
    /* Walk every index in the requested order: the last index varies
     * fastest for C ('A' on a non-contiguous view means C), the first for
     * Fortran. */
    int nd = src->ndim;
    ssize_t cstrides[BUFFER_MAX_NDIM];
    Buffer local;
    if (!src->strides) {
        /* A C-contiguous export without strides, copied in Fortran order. */
        local = *src;
        local.strides = cstrides;
        buffer_init_strides(&local);
        src = &local;
    }
    ssize_t idx[BUFFER_MAX_NDIM] = {0};
    ssize_t isz = src->itemsize;
    char *out = dst;
    bool fortran = order == 'F';
    for (ssize_t done = 0; done < src->len; done += isz) {
        memcpy(out, buffer_item_ptr(src, idx), (size_t)isz);
        out += isz;
        for (int k = 0; k < nd; k++) {
            int d = fortran ? k : nd - 1 - k;
            if (++idx[d] < src->shape[d]) break;
            idx[d] = 0;
        }
    }
}

/* ---- Consumers in bytes.c ---- */

bool buffer_simple_bytes(Value v, const char **data, size_t *size) {
    if (val_is_int(v) || !getbuffer_of(val_type(v))) return false;
    Buffer view;
    if (buffer_get(v, &view, BUF_SIMPLE) < 0) {
        err_clear();
        return false;
    }
    /* The caller's promise is "valid until mutated or collected": the
     * memory belongs to view.obj, which v keeps alive, so the export can
     * be returned at once (it only counts locks such as bytearray's). */
    *data = view.buf;
    *size = (size_t)view.len;
    buffer_release(&view);
    return true;
}

int buffer_append_bytes(ByteBuilder *bb, Value v) {
    if (val_is_int(v) || !getbuffer_of(val_type(v))) return 0;
    Buffer view;
    if (buffer_get(v, &view, BUF_FULL_RO) < 0) return -1;
    size_t at = bb->size;
    bb_append_repeat(bb, 0, (size_t)view.len);
    if (bb->failed) {
        buffer_release(&view);
        err_no_memory();
        return -1;
    }
    buffer_to_contiguous(bb->buf + at, &view, 'C');
    buffer_release(&view);
    return 1;
}
