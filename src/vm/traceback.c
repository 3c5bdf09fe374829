/* traceback.c - frame objects, traceback objects, and printing exceptions the way CPython 3.11 does. */
#include "frame.h"
#include "error.h"
#include "gen.h"
#include "trace.h"
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/int.h"
#include "../objects/tuple.h"
#include "../objects/list.h"
#include "../objects/dict.h"
#include "../objects/func.h"
#include "../objects/exceptions.h"
#include "../objects/misc.h"
#include "../compiler/parser.h"
#include "../gc/gc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---- Frame objects ---- */

/* The FrameObject layout is in frame.h (the tracer reads it). */
Type type_frame;

static void frameobj_trace(Object *o) {
    FrameObject *fo = (FrameObject *)o;
    gc_mark(fo->code);
    gc_mark(fo->globals);
    gc_mark(fo->builtins);
    gc_mark(fo->locals);
    gc_mark(fo->back);
    gc_mark(fo->trace);
    gc_mark(fo->gen);
}

static int live_lasti(Frame *f) {
    ssize_t i = (ssize_t)(f->pc - f->code->insns) - 1;
    return i < 0 ? 0 : (int)i;
}

Value frame_get_object(Frame *f) {
    if (f->frame_obj) return f->frame_obj;
    FrameObject *fo = gc_alloc(&type_frame, sizeof(FrameObject));
    if (!fo) return VNULL;
    fo->live = f;
    fo->code = obj_val(f->code);
    fo->globals = f->globals;
    fo->builtins = f->builtins;
    fo->lineno = -1;
    fo->gen = f->gen;
    fo->trace_lines = true;
    ssize_t i = f->pc - f->code->insns - 1;
    fo->trace_prev = i < 0 ? -1 : (int)i;
    f->frame_obj = obj_val(fo);
    return f->frame_obj;
}

/* Locals of a frame as a dict: arguments and locals, then cells and free variables. */
Value frame_locals_snapshot(Frame *f) {
    if (f->locals) return f->locals;
    CodeObject *co = f->code;
    Value d = dict_new();
    if (!d) return VNULL;
    for (int i = 0; i < co->nlocals; i++) {
        Value v = f->regs[code_local_reg(co, i)];
        if (v && dict_set(d, tuple_get(co->varnames, i), v) < 0) return VNULL;
    }
    for (int i = 0; i < co->ncells + co->nfrees; i++) {
        Value cell = f->regs[co->cell_base + i];
        if (!cell || val_type(cell) != &type_cell) continue;
        Value v = ((CellObject *)cell)->ref;
        Value name = i < co->ncells ? tuple_get(co->cellvars, i) : tuple_get(co->freevars, i - co->ncells);
        if (v && dict_set(d, name, v) < 0) return VNULL;
    }
    return d;
}

void frame_detach(Frame *f) {
    FrameObject *fo = (FrameObject *)f->frame_obj;
    if (!fo) return;
    fo->lasti = live_lasti(f);
    fo->lineno = code_line_of(f->code, (size_t)fo->lasti);
    fo->locals = frame_locals_snapshot(f);
    if (!fo->locals) err_clear();
    fo->live = NULL;
    fo->gen = VNULL;
    f->frame_obj = VNULL;
}

static Value fo_get_code(Value self) { return ((FrameObject *)self)->code; }
static Value fo_get_globals(Value self) { return ((FrameObject *)self)->globals; }
static Value fo_get_builtins(Value self) { return ((FrameObject *)self)->builtins; }
static Value fo_get_lineno(Value self) {
    FrameObject *fo = (FrameObject *)self;
    if (fo->live) return int_from_i64(trace_frame_lineno(fo->live));
    return int_from_i64(fo->lineno);
}
static Value fo_get_lasti(Value self) {
    FrameObject *fo = (FrameObject *)self;
    return int_from_i64(4 * (fo->live ? live_lasti(fo->live) : fo->lasti));
}
/* A running function frame's f_locals is one dict, refreshed from the
 * registers on each read (CPython's PyFrame_FastToLocals): other keys put
 * there (bdb's __return__) stay, and what a trace function stores can be
 * written back (trace_locals_to_fast). */
Value frame_fast_to_locals(FrameObject *fo) {
    Frame *f = fo->live;
    if (f->locals) return f->locals;
    if (!fo->locals || !dict_check(fo->locals)) {
        fo->locals = frame_locals_snapshot(f);
        return fo->locals;
    }
    Value snap = frame_locals_snapshot(f);
    if (!snap) return VNULL;
    CodeObject *co = f->code;
    for (int i = 0; i < co->nlocals + co->ncells + co->nfrees; i++) {
        Value name = i < co->nlocals ? tuple_get(co->varnames, i)
                   : i < co->nlocals + co->ncells ? tuple_get(co->cellvars, i - co->nlocals)
                   : tuple_get(co->freevars, i - co->nlocals - co->ncells);
        Value v = dict_get(snap, name);
        if (v) {
            if (dict_set(fo->locals, name, v) < 0) return VNULL;
        } else if (dict_contains(fo->locals, name) > 0 && dict_del(fo->locals, name) < 0) {
            return VNULL;
        }
    }
    return fo->locals;
}

static Value fo_get_locals(Value self) {
    FrameObject *fo = (FrameObject *)self;
    if (fo->live) return frame_fast_to_locals(fo);
    return fo->locals ? fo->locals : dict_new();
}
static Value fo_get_back(Value self) {
    FrameObject *fo = (FrameObject *)self;
    /* A suspended generator's frame has no caller. */
    if (fo->live && fo->gen && ((GenObject *)fo->gen)->state != GEN_RUNNING) return VNone;
    if (fo->live) {
        Frame *b = fo->live->back;
        return b ? frame_get_object(b) : VNone;
    }
    return fo->back ? fo->back : VNone;
}
static Value fo_get_trace(Value self) {
    Value t = ((FrameObject *)self)->trace;
    return t ? t : VNone;
}
static int fo_set_trace(Value self, Value v) {
    GC_WRITE(self, ((FrameObject *)self)->trace, v == VNone ? VNULL : v);
    return 0;
}
static int fo_set_lineno(Value self, Value v) { return trace_set_lineno((FrameObject *)self, v); }
static Value fo_get_trace_lines(Value self) { return val_bool(((FrameObject *)self)->trace_lines); }
static Value fo_get_trace_opcodes(Value self) { return val_bool(((FrameObject *)self)->trace_opcodes); }
static int fo_set_bool(Value v, bool *field) {
    if (!v) {
        err_set(&exc_TypeError, "can't delete numeric/char attribute");
        return -1;
    }
    if (v != VTrue && v != VFalse) {
        err_set(&exc_TypeError, "attribute value type must be bool");
        return -1;
    }
    *field = v == VTrue;
    return 0;
}
static int fo_set_trace_lines(Value self, Value v) { return fo_set_bool(v, &((FrameObject *)self)->trace_lines); }
static int fo_set_trace_opcodes(Value self, Value v) { return fo_set_bool(v, &((FrameObject *)self)->trace_opcodes); }

static Value fo_repr(Value self) {
    FrameObject *fo = (FrameObject *)self;
    CodeObject *co = (CodeObject *)fo->code;
    Value ln = fo_get_lineno(self);
    return str_printf("<frame at %p, file %R, line %S, code %U>", (void *)self, co->filename, ln, co->name);
}

static Value fo_clear_m(Value self, Value *args, size_t nargs, Value kw) {
    FrameObject *fo = (FrameObject *)self;
    if (fo->live) {
        err_set(&exc_RuntimeError, "cannot clear an executing frame");
        return VNULL;
    }
    fo->locals = VNULL;
    return VNone;
}

static const GetSetDef frame_getsets[] = {
    {"f_code", fo_get_code, NULL, NULL},
    {"f_globals", fo_get_globals, NULL, NULL},
    {"f_builtins", fo_get_builtins, NULL, NULL},
    {"f_lineno", fo_get_lineno, fo_set_lineno, NULL},
    {"f_lasti", fo_get_lasti, NULL, NULL},
    {"f_locals", fo_get_locals, NULL, NULL},
    {"f_back", fo_get_back, NULL, NULL},
    {"f_trace", fo_get_trace, fo_set_trace, NULL},
    {"f_trace_lines", fo_get_trace_lines, fo_set_trace_lines, NULL},
    {"f_trace_opcodes", fo_get_trace_opcodes, fo_set_trace_opcodes, NULL},
    {NULL}
};
static const MethodDef frame_methods[] = {{"clear", fo_clear_m, 0, NULL}, {NULL}};

Type type_frame = {
    .hdr = {0, &type_type},
    .name = "frame",
    .basicsize = sizeof(FrameObject),
    .trace = frameobj_trace,
    .repr = fo_repr,
    .getsets = frame_getsets,
    .methods = frame_methods,
};

/* ---- Traceback objects ---- */

typedef struct TracebackObject {
    Object hdr;
    Value next;
    Value frame;
    int lasti;
    int lineno;
} TracebackObject;

Type type_traceback;

static void tb_trace(Object *o) {
    TracebackObject *tb = (TracebackObject *)o;
    gc_mark(tb->next);
    gc_mark(tb->frame);
}

int exc_add_traceback(Value e, Frame *f) {
    Value fo = frame_get_object(f);
    if (!fo) return -1;
    TracebackObject *tb = gc_alloc(&type_traceback, sizeof(TracebackObject));
    if (!tb) return -1;
    ExceptionObject *eo = (ExceptionObject *)e;
    tb->next = eo->traceback;
    tb->frame = fo;
    tb->lasti = live_lasti(f);
    tb->lineno = code_line_of(f->code, (size_t)tb->lasti);
    GC_WRITE(e, eo->traceback, obj_val(tb));
    return 0;
}

/* An entry for a generator frame that never ran: at its def line, where
 * CPython's generator starts (a throw() into it, or close()). */
int exc_add_traceback_unstarted(Value e, Frame *f) {
    if (exc_add_traceback(e, f) < 0) return -1;
    TracebackObject *tb = (TracebackObject *)val_obj(((ExceptionObject *)e)->traceback);
    tb->lasti = 0;
    tb->lineno = f->code->firstlineno;
    return 0;
}

static Value tb_get_next(Value self) {
    Value n = ((TracebackObject *)self)->next;
    return n ? n : VNone;
}
static int tb_set_next(Value self, Value v) {
    if (!v) {
        err_set(&exc_TypeError, "can't delete tb_next attribute");
        return -1;
    }
    if (v != VNone && val_type(v) != &type_traceback) {
        err_format(&exc_TypeError, "expected traceback object or None, got '%s'", type_name(v));
        return -1;
    }
    for (Value c = v; c && c != VNone; c = ((TracebackObject *)c)->next)
        if (c == self) {
            err_set(&exc_ValueError, "traceback loop detected");
            return -1;
        }
    ((TracebackObject *)self)->next = v == VNone ? VNULL : v;
    return 0;
}
static Value tb_get_frame(Value self) { return ((TracebackObject *)self)->frame; }
static Value tb_get_lineno(Value self) { return int_from_i64(((TracebackObject *)self)->lineno); }
static Value tb_get_lasti(Value self) { return int_from_i64(4 * ((TracebackObject *)self)->lasti); }

static const GetSetDef tb_getsets[] = {
    {"tb_next", tb_get_next, tb_set_next, NULL},
    {"tb_frame", tb_get_frame, NULL, NULL},
    {"tb_lineno", tb_get_lineno, NULL, NULL},
    {"tb_lasti", tb_get_lasti, NULL, NULL},
    {NULL}
};

Type type_traceback = {
    .hdr = {0, &type_type},
    .name = "traceback",
    .basicsize = sizeof(TracebackObject),
    .trace = tb_trace,
    .getsets = tb_getsets,
};

/* ---- Source lines ---- */

/* Line `lineno` of `filename` without its newline, malloc'd; NULL if unavailable. */
char *source_get_line(const char *filename, int lineno) {
    if (lineno < 1 || !filename || filename[0] == '<') return NULL;
    FILE *fp = fopen(filename, "rb");
    if (!fp) return NULL;
    char *line = NULL;
    size_t cap = 0;
    ssize_t n = 0;
    for (int l = 1; l <= lineno; l++) {
        n = getline(&line, &cap, fp);
        if (n < 0) {
            free(line);
            fclose(fp);
            return NULL;
        }
    }
    fclose(fp);
    while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r')) line[--n] = 0;
    /* Form feeds and other control characters at the start are dropped by CPython too. */
    return line;
}

static bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\f'; }

static int byte_to_char(const char *s, int bytes) {
    int n = 0;
    for (int i = 0; i < bytes && s[i]; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80) n++;
    return n;
}

/* BinOp and Subscript anchors, as CPython 3.11's traceback finds them. */
static bool extract_anchors(const char *segment, int *left, int *right, char *primary, char *secondary) {
    Arena *a = ast_arena_new();
    if (!a) return false;
    ParseError pe;
    size_t len = strlen(segment);
    ASTNode *mod = parse_source(a, segment, len, "<string>", PARSE_MODE_EXEC, PARSE_FLAG_SOURCE_IS_UTF8, &pe);
    bool ok = false;
    if (mod && AST_SEQ_LEN(mod->v.Module.body) == 1) {
        ASTNode *st = AST_SEQ_GET(mod->v.Module.body, 0);
        if (st->kind == AST_Expr) {
            ASTNode *e = st->v.Expr.value;
            if (e->kind == AST_BinOp) {
                ASTNode *l = e->v.BinOp.left, *r = e->v.BinOp.right;
                for (int i = l->end_col_offset; i < r->col_offset; i++) {
                    if (is_ws(segment[i])) continue;
                    *left = i;
                    *right = i + 1;
                    if (i + 1 < r->col_offset && !is_ws(segment[i + 1])) ++*right;
                    *primary = '~';
                    *secondary = '^';
                    ok = true;
                    break;
                }
                if (!ok) ok = true, *left = *right = -1;
            } else if (e->kind == AST_Subscript) {
                int sl = (int)len;
                *left = e->v.Subscript.value->end_col_offset;
                *right = e->v.Subscript.slice->end_col_offset + 1;
                while (*left < sl && (is_ws(segment[*left]) || segment[*left] != '[')) ++*left;
                while (*right < sl && (is_ws(segment[*right]) || segment[*right] != ']')) ++*right;
                if (*right < sl) *right += 1;
                *primary = '~';
                *secondary = '^';
                ok = true;
            }
        }
    }
    if (ok && *left >= 0) {
        *left = byte_to_char(segment, *left);
        *right = byte_to_char(segment, *right);
    }
    ast_arena_free(a);
    return ok && *left >= 0;
}

/* "    source line\n" and the caret line for one traceback entry. */
static void format_source_line(StrBuilder *sb, const char *line, CodeLoc *loc) {
    int trunc = 0;
    while (line[trunc] && is_ws(line[trunc])) trunc++;
    const char *stripped = line + trunc;
    int slen = (int)strlen(stripped);
    while (slen > 0 && is_ws(stripped[slen - 1])) slen--;
    sb_append_cstr(sb, "    ");
    sb_append(sb, stripped, (size_t)slen);
    sb_append_char(sb, '\n');
    if (!loc || loc->col < 0 || loc->end_col < 0 || loc->line < 0) return;
    int linelen = (int)strlen(line);
    int start_byte = loc->col, end_byte = loc->end_col;
    if (start_byte > linelen) return;
    int start = byte_to_char(line, start_byte);
    int end;
    int left = -1, right = -1;
    char primary = '^', secondary = '^';
    if (loc->end_line == loc->line) {
        if (end_byte > linelen) end_byte = linelen;
        end = byte_to_char(line, end_byte);
        char *seg = strndup(line + start_byte, (size_t)(end_byte - start_byte));
        if (seg) {
            if (extract_anchors(seg, &left, &right, &primary, &secondary)) {
                left += start;
                right += start;
            } else {
                left = right = -1;
                primary = secondary = '^';
            }
            free(seg);
        }
    } else {
        int i = linelen;
        while (--i >= 0 && is_ws(line[i])) {}
        end = byte_to_char(line, i + 1);
    }
    int stripped_chars = byte_to_char(stripped, slen);
    bool special = left != -1 || right != -1;
    if (end - start == stripped_chars && !special) return;
    sb_append_cstr(sb, "    ");
    for (int off = trunc; off < end; off++) {
        int pos = off + 1;
        char ch;
        if (pos <= start) ch = ' ';
        else if (special && left < pos && pos <= right) ch = secondary;
        else ch = primary;
        sb_append_char(sb, ch);
    }
    sb_append_char(sb, '\n');
}

static void format_tb_entry(StrBuilder *sb, Value filename, int lineno, Value name) {
    sb_printf(sb, "  File \"%U\", line %d, in %U\n", filename, lineno, name);
}

#define TB_RECURSIVE_CUTOFF 3

static void format_traceback(StrBuilder *sb, Value tb, const char *header) {
    sb_append_cstr(sb, header);
    Value last_file = VNULL, last_name = VNULL;
    int last_line = -1, count = 0;
    for (; tb; tb = ((TracebackObject *)tb)->next) {
        TracebackObject *t = (TracebackObject *)tb;
        FrameObject *fo = (FrameObject *)t->frame;
        CodeObject *co = (CodeObject *)fo->code;
        bool same = last_file && str_eq(last_file, co->filename) && last_line == t->lineno && last_name &&
                    str_eq(last_name, co->name);
        if (!same) {
            if (count > TB_RECURSIVE_CUTOFF)
                sb_printf(sb, "  [Previous line repeated %d more time%s]\n", count - TB_RECURSIVE_CUTOFF,
                          count - TB_RECURSIVE_CUTOFF > 1 ? "s" : "");
            last_file = co->filename;
            last_line = t->lineno;
            last_name = co->name;
            count = 0;
        }
        count++;
        if (count > TB_RECURSIVE_CUTOFF) continue;
        format_tb_entry(sb, co->filename, t->lineno, co->name);
        char *line = source_get_line(str_data(co->filename), t->lineno);
        if (line) {
            CodeLoc *loc = (size_t)t->lasti < co->ninsns ? &code_locs(co)[t->lasti] : NULL;
            if (loc && loc->line != t->lineno) loc = NULL;
            format_source_line(sb, line, loc);
            free(line);
        }
    }
    if (count > TB_RECURSIVE_CUTOFF)
        sb_printf(sb, "  [Previous line repeated %d more time%s]\n", count - TB_RECURSIVE_CUTOFF,
                  count - TB_RECURSIVE_CUTOFF > 1 ? "s" : "");
}

/* "module.Qualname" unless the module is builtins or __main__. */
static void format_exc_type(StrBuilder *sb, Value e) {
    Type *t = val_type(e);
    Value mod = type_module_obj(t);
    if (!mod) err_clear();
    Value qn = type_qualname_obj(t);
    if (mod && str_check(mod) && !str_eq_cstr(mod, "builtins") && !str_eq_cstr(mod, "__main__")) {
        sb_append_str(sb, mod);
        sb_append_char(sb, '.');
    }
    if (qn && str_check(qn)) sb_append_str(sb, qn);
    else sb_append_cstr(sb, t->name);
}

static Value attr_opt(Value o, const char *name) {
    Value v = obj_getattr_opt(o, str_intern_cstr(name));
    if (!v) err_clear();
    return v;
}

/* SyntaxError's own layout: file/line, the text with carets, then the message
 * (CPython's print_exception/print_error_text rules, including that only an
 * exact SyntaxError gets a caret range; its subclasses get one caret). */
static intptr_t int_attr(Value e, const char *name, intptr_t dflt) {
    Value v = attr_opt(e, name);
    if (!v || v == VNone || !val_is_int(v)) return dflt;
    return val_int(v);
}

static void format_syntax_error(StrBuilder *sb, Value e) {
    Value fn = attr_opt(e, "filename"), text = attr_opt(e, "text");
    intptr_t lineno = int_attr(e, "lineno", 0);
    intptr_t offset = int_attr(e, "offset", -1);
    intptr_t end_lineno = lineno, end_offset = -1;
    if (val_type(e) == &exc_SyntaxError) {
        end_lineno = int_attr(e, "end_lineno", lineno);
        end_offset = int_attr(e, "end_offset", -1);
    }
    if (fn && fn != VNone) sb_printf(sb, "  File \"%S\", line %zd\n", fn, (ssize_t)lineno);
    else sb_printf(sb, "  File \"<string>\", line %zd\n", (ssize_t)lineno);
    if (text && str_check(text)) {
        const char *t = str_data(text);
        intptr_t line_size = (intptr_t)str_size(text);
        if (end_lineno > lineno) end_offset = line_size;
        if (end_offset > line_size + 1) end_offset = line_size + 1;
        intptr_t reps = (end_offset > 0 && end_offset > offset) ? end_offset - offset : 1;
        offset--;
        while (*t == ' ' || *t == '\t' || *t == '\f') {
            t++;
            offset--;
        }
        intptr_t len = (intptr_t)strlen(t);
        if (len > 0 && t[len - 1] == '\n') len--;
        if (offset > len) offset = len;
        for (;;) {
            const char *nl = strchr(t, '\n');
            if (!nl) break;
            intptr_t inl = nl - t;
            if (inl >= offset) break;
            inl++;
            t += inl;
            len -= inl;
            offset -= inl;
        }
        sb_append_cstr(sb, "    ");
        sb_append_cstr(sb, t);
        if (t[len] != '\n') sb_append_char(sb, '\n');
        if (offset >= 0) {
            sb_append_cstr(sb, "    ");
            for (intptr_t i = 0; i < offset; i++) sb_append_char(sb, ' ');
            for (intptr_t i = 0; i < reps; i++) sb_append_char(sb, '^');
            sb_append_char(sb, '\n');
        }
    }
    format_exc_type(sb, e);
    Value msg = attr_opt(e, "msg");
    Value ms = msg ? obj_str(msg) : VNULL;
    if (!ms) err_clear();
    if (ms && str_size(ms)) {
        sb_append_cstr(sb, ": ");
        sb_append_str(sb, ms);
    }
    sb_append_char(sb, '\n');
}

/* "Did you mean: ...?" for NameError and AttributeError (traceback.py's rule). */
extern Value suggest_name(Value exc);

/*
 * Printing a whole exception: its cause or context first (each after its
 * own chain), then its traceback and "Type: message".  An exception group
 * prints its sub-exceptions after it, each in a numbered box, nested
 * groups in nested boxes: every line inside a box starts with the box's
 * indentation and "| ", the traceback header of a top-level group with
 * "+ ".  The layout and the limits (15 sub-exceptions shown, 10 levels)
 * are CPython 3.11's C printer's (pythonrun.c), which sys.excepthook uses.
 */
typedef struct PrintCtx {
    StrBuilder *sb;
    Value seen;          /* exceptions printed, against cycles in the chain */
    int group_depth;     /* nesting of exception-group boxes */
    bool need_close;     /* the box's closing line is still owed */
    int rec;             /* recursion guard */
} PrintCtx;

#define GROUP_MAX_WIDTH 15
#define GROUP_MAX_DEPTH 10

static void put_indent(PrintCtx *c) {
    for (int i = 0; i < 2 * c->group_depth; i++) sb_append_char(c->sb, ' ');
}

static void put_margin(PrintCtx *c) {
    put_indent(c);
    if (c->group_depth) sb_append_cstr(c->sb, "| ");
}

/* Copy the lines of `tmp` to the output, each after the margin (the first
 * after indentation and `first_margin` instead, when given). */
static void put_lines(PrintCtx *c, StrBuilder *tmp, const char *first_margin) {
    const char *p = tmp->buf, *end = tmp->buf + tmp->size;
    bool first = true;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *stop = nl ? nl + 1 : end;
        if (first && first_margin) {
            put_indent(c);
            if (c->group_depth) sb_append_cstr(c->sb, first_margin);
        } else {
            put_margin(c);
        }
        sb_append(c->sb, p, (size_t)(stop - p));
        first = false;
        p = stop;
    }
    sb_discard(tmp);
}

static void print_notes(PrintCtx *c, Value e) {
    Value notes = attr_opt(e, "__notes__");
    if (!notes || notes == VNone) return;
    if (!list_check(notes) && !tuple_check(notes)) {
        Value r = obj_repr(notes);
        if (!r) {
            err_clear();
            return;
        }
        put_margin(c);
        sb_append_str(c->sb, r);
        sb_append_char(c->sb, '\n');
        return;
    }
    ssize_t n = list_check(notes) ? list_size(notes) : tuple_size(notes);
    for (ssize_t i = 0; i < n; i++) {
        Value note = list_check(notes) ? list_get(notes, i) : tuple_get(notes, i);
        Value s = str_check(note) ? note : obj_str(note);
        StrBuilder tmp;
        sb_init(&tmp);
        if (!s) {
            err_clear();
            sb_append_cstr(&tmp, "<note str() failed>");
        } else {
            sb_append_str(&tmp, s);
        }
        sb_append_char(&tmp, '\n');
        put_lines(c, &tmp, NULL);
    }
}

static void format_exception_only(PrintCtx *c, Value e) {
    Value ln;
    if (val_isinstance(e, &exc_SyntaxError) && (ln = attr_opt(e, "lineno")) && val_is_int(ln)) {
        /* Without an integer lineno CPython prints it like any exception. */
        StrBuilder tmp;
        sb_init(&tmp);
        format_syntax_error(&tmp, e);
        put_lines(c, &tmp, NULL);
    } else {
        /* One margin: the lines of a multi-line message follow unindented, as in CPython. */
        put_margin(c);
        StrBuilder *sb = c->sb;
        format_exc_type(sb, e);
        Value s = obj_str(e);
        if (!s) {
            err_clear();
            sb_append_cstr(sb, ": <exception str() failed>");
        } else if (str_size(s)) {
            sb_append_cstr(sb, ": ");
            sb_append_str(sb, s);
        }
        Value sug = suggest_name(e);
        if (sug) sb_printf(sb, ". Did you mean: '%U'?", sug);
        else err_clear();
        sb_append_char(sb, '\n');
    }
    print_notes(c, e);
}

static bool is_group(Value e) { return val_isinstance(e, &exc_BaseExceptionGroup); }

/* The exception itself: traceback, then type and message. */
static void print_one(PrintCtx *c, Value e) {
    ExceptionObject *eo = (ExceptionObject *)e;
    if (eo->traceback) {
        StrBuilder tmp;
        sb_init(&tmp);
        bool group = is_group(e);
        format_traceback(&tmp, eo->traceback,
                         group ? "Exception Group Traceback (most recent call last):\n"
                               : "Traceback (most recent call last):\n");
        put_lines(c, &tmp, group && c->group_depth == 1 ? "+ " : "| ");
    }
    format_exception_only(c, e);
}

static void print_recursive(PrintCtx *c, Value e);

static void print_chained(PrintCtx *c, Value e, const char *msg) {
    bool need_close = c->need_close;
    print_recursive(c, e);
    c->need_close = need_close;
    put_margin(c);
    sb_append_char(c->sb, '\n');
    put_margin(c);
    sb_append_cstr(c->sb, msg);
    put_margin(c);
    sb_append_char(c->sb, '\n');
}

static void print_group(PrintCtx *c, Value e) {
    if (c->group_depth > GROUP_MAX_DEPTH) {
        put_margin(c);
        sb_printf(c->sb, "... (max_group_depth is %d)\n", GROUP_MAX_DEPTH);
        return;
    }
    if (c->group_depth == 0) c->group_depth++;
    print_one(c, e);
    Value excs = exc_group_exceptions(e);
    ssize_t total = excs && tuple_check(excs) ? tuple_size(excs) : 0;
    ssize_t n = total <= GROUP_MAX_WIDTH ? total : GROUP_MAX_WIDTH + 1;
    c->need_close = false;
    for (ssize_t i = 0; i < n; i++) {
        bool last = i == n - 1;
        if (last) c->need_close = true;   /* a nested box may close it */
        put_indent(c);
        bool truncated = i >= GROUP_MAX_WIDTH;
        if (!truncated) sb_printf(c->sb, "%s+---------------- %zd ----------------\n", i == 0 ? "+-" : "  ", i + 1);
        else sb_printf(c->sb, "%s+---------------- ... ----------------\n", i == 0 ? "+-" : "  ");
        c->group_depth++;
        if (!truncated) {
            print_recursive(c, tuple_get(excs, i));
        } else {
            ssize_t more = total - GROUP_MAX_WIDTH;
            put_margin(c);
            sb_printf(c->sb, "and %zd more exception%s\n", more, more > 1 ? "s" : "");
        }
        if (last && c->need_close) {
            put_indent(c);
            sb_append_cstr(c->sb, "+------------------------------------\n");
            c->need_close = false;
        }
        c->group_depth--;
    }
    if (c->group_depth == 1) c->group_depth--;
}

static bool seen_has(PrintCtx *c, Value e) {
    for (ssize_t i = 0; i < list_size(c->seen); i++)
        if (list_get(c->seen, i) == e) return true;
    return false;
}

static void print_recursive(PrintCtx *c, Value e) {
    if (c->rec > 200) return;
    c->rec++;
    list_append(c->seen, e);
    ExceptionObject *eo = (ExceptionObject *)e;
    Value cause = eo->cause, ctx = eo->context;
    if (cause && exc_check(cause)) {
        if (!seen_has(c, cause))
            print_chained(c, cause, "The above exception was the direct cause of the following exception:\n");
    } else if (ctx && exc_check(ctx) && !eo->suppress_context && !seen_has(c, ctx)) {
        print_chained(c, ctx, "During handling of the above exception, another exception occurred:\n");
    }
    if (is_group(e)) print_group(c, e);
    else print_one(c, e);
    c->rec--;
}

Value exc_format_full(Value e) {
    StrBuilder sb;
    sb_init(&sb);
    Value seen = list_new(0);
    if (!seen) return VNULL;
    if (!exc_check(e)) {
        sb_printf(&sb, "TypeError: print_exception(): Exception expected for value, %s found\n", type_name(e));
        err_clear();
    } else {
        PrintCtx c = {.sb = &sb, .seen = seen};
        print_recursive(&c, e);
    }
    return sb_finish(&sb);
}

/* Write text to sys.stderr, or to file descriptor 2 if that fails. */
void write_stderr_text(Value text) {
    extern int sys_write_stderr(Value text);
    if (sys_write_stderr(text) == 0) return;
    err_clear();
    const char *p = str_data(text);
    size_t n = str_size(text);
    while (n) {
        ssize_t w = write(2, p, n);
        if (w <= 0) break;
        p += w;
        n -= (size_t)w;
    }
}

void exc_print(Value e) {
    Value saved = err_fetch();
    Value text = exc_format_full(e);
    if (!text) {
        err_clear();
        text = str_from_cstr("<exception could not be formatted>\n");
    }
    if (text) write_stderr_text(text);
    err_restore(saved);
}

void err_print(void) {
    Value e = err_fetch();
    if (!e) return;
    exc_print(e);
}

/* What the builtin sys.unraisablehook prints: "<msg>: <repr(obj)>" (msg
** defaulting to "Exception ignored in"), then the exception's traceback. */
void err_write_unraisable_default(Value exc, Value msg, Value obj) {
    StrBuilder sb;
    sb_init(&sb);
    Value saved = err_fetch();
    if (obj && obj != VNone) {
        Value r = obj_repr(obj);
        if (!r) {
            err_clear();
            r = str_from_cstr("<object repr() failed>");
        }
        if (msg && msg != VNone && str_check(msg)) sb_printf(&sb, "%U: %U\n", msg, r);
        else sb_printf(&sb, "Exception ignored in: %U\n", r);
    } else if (msg && msg != VNone && str_check(msg)) {
        sb_printf(&sb, "%U\n", msg);
    }
    /* CPython's write_unraisable_exc_file: the traceback and "Type: str" only
     * (no chained exceptions, no notes), ": " even when str() is empty. */
    if (exc && exc_check(exc)) {
        Value tb = ((ExceptionObject *)exc)->traceback;
        if (tb) format_traceback(&sb, tb, "Traceback (most recent call last):\n");
        format_exc_type(&sb, exc);
        sb_append_cstr(&sb, ": ");
        Value s = obj_str(exc);
        if (s) sb_append_str(&sb, s);
        else {
            err_clear();
            sb_append_cstr(&sb, "<exception str() failed>");
        }
        sb_append_char(&sb, '\n');
    }
    Value text = sb_finish(&sb);
    if (text) write_stderr_text(text);
    err_restore(saved);
}

void err_write_unraisable(Value exc, Value obj) {
    extern void sys_call_unraisablehook(Value exc, Value msg, Value obj);
    sys_call_unraisablehook(exc, VNULL, obj);
}

void traceback_types_init(void) {
    type_ready(&type_frame);
    type_ready(&type_traceback);
}
