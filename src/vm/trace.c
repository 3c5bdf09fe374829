/* trace.c - sys.settrace / sys.setprofile: call, line, return, exception and C-call events. */
#include "trace.h"
#include "gen.h"
#include "error.h"
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/int.h"
#include "../objects/tuple.h"
#include "../objects/dict.h"
#include "../objects/func.h"
#include "../objects/misc.h"
#include "../objects/exceptions.h"
#include "../gc/gc.h"

/*
 * How tracing costs nothing when it is off
 * ----------------------------------------
 * interp_run() dispatches through a table of label addresses.  While
 * ts->use_tracing holds (a hook is set and none is running), every entry
 * of that table is patched to one label, which calls trace_instruction()
 * before jumping to the real handler (interp_set_tracing).  The plain
 * path therefore has no test at all, and a change takes effect at the
 * very next instruction.
 *
 * Events follow CPython 3.11 (Python/ceval.c):
 *   - 'call' at the first instruction of a frame, and each time a
 *     generator or coroutine resumes; the global trace function is called,
 *     and what it returns (if not None) becomes the frame's f_trace.
 *   - 'line' when an instruction starts a different line from the
 *     previous instruction run in that frame, or a backward jump lands
 *     (a loop's own back-edge instruction does not count as a line when it
 *     belongs to the line it jumps to: CPython has no such instruction).
 *   - 'return' before RETURN / YIELD (and when a `yield from` suspends),
 *     and with None when an exception leaves the frame.
 *   - 'exception' when an exception is raised in, or propagates into, a
 *     frame (not for a bare `raise` or the re-raise ending a handler).
 *   - profile functions get 'call' and 'return', and 'c_call' /
 *     'c_return' / 'c_exception' around calls of builtin functions and
 *     method descriptors made by the CALL instructions.
 * A frame that was already running when tracing started gets no 'call'
 * event: trace_set_* marks the frames on the stack as entered.  While a
 * hook runs, tracing is off (ts->tracing); a hook that raises is removed
 * and its exception propagates from where the event was reported.
 *
 * 'opcode' events are reported per Taipan instruction when f_trace_opcodes
 * is set; Taipan's register instructions do not correspond one to one to
 * CPython's stack instructions, so their number differs.
 */

static Value event_names[8];

static void update_use_tracing(void) {
    bool on = (ts->c_tracefunc || ts->c_profilefunc) && ts->tracing == 0;
    if (on != ts->use_tracing) {
        ts->use_tracing = on;
        interp_set_tracing(on);
    }
}

/* Frames running when tracing starts were entered before: no 'call' for them. */
static void mark_running_frames(void) {
    for (Frame *f = ts->frame; f; f = f->back) {
        f->flags |= FRAME_TRACE_CALLED;
        if (f->frame_obj) {
            ssize_t i = f->pc - f->code->insns - 1;
            ((FrameObject *)f->frame_obj)->trace_prev = i < 0 ? -1 : (int)i;
        }
    }
}

static void hooks_changed(bool was_on) {
    bool on = ts->c_tracefunc || ts->c_profilefunc;
    if (on && !was_on) mark_running_frames();
    update_use_tracing();
}

void trace_set_trace(TraceFunc fn, Value obj) {
    bool was = ts->c_tracefunc || ts->c_profilefunc;
    ts->c_tracefunc = obj ? fn : NULL;
    ts->trace_func = ts->c_tracefunc ? obj : VNULL;
    hooks_changed(was);
}

void trace_set_profile(TraceFunc fn, Value obj) {
    bool was = ts->c_tracefunc || ts->c_profilefunc;
    ts->c_profilefunc = obj ? fn : NULL;
    ts->profile_func = ts->c_profilefunc ? obj : VNULL;
    hooks_changed(was);
}

/* Run one hook with tracing off. */
static int call_hook(TraceFunc fn, Value obj, Frame *f, int what, Value arg) {
    if (ts->tracing) return 0;
    int old_what = ts->tracing_what;
    ts->tracing_what = what;
    ts->tracing++;
    update_use_tracing();
    int r = fn(obj, f, what, arg);
    ts->tracing--;
    ts->tracing_what = old_what;
    update_use_tracing();
    return r;
}

/* The same, keeping the pending exception unless the hook raises. */
static int call_hook_protected(TraceFunc fn, Value obj, Frame *f, int what, Value arg) {
    Value saved = err_fetch();
    int r = call_hook(fn, obj, f, what, arg);
    if (r == 0) err_restore(saved);
    return r;
}

/* ---- f_locals while a hook runs ---- */

/* A function frame's f_locals dict is kept in its frame object while the
 * frame runs; what a trace function stores there is written back to the
 * registers afterwards, as CPython's PyFrame_LocalsToFast does. */
void trace_locals_to_fast(FrameObject *fo) {
    Frame *f = fo->live;
    if (!f || f->locals || !fo->locals || !dict_check(fo->locals)) return;
    CodeObject *co = f->code;
    Value saved = err_fetch();
    for (int i = 0; i < co->nlocals; i++) {
        Value v = dict_get(fo->locals, tuple_get(co->varnames, i));
        if (err_occurred()) err_clear();
        /* A name missing from the dict unbinds the local (CPython's clear=1). */
        f->regs[code_local_reg(co, i)] = v;
    }
    for (int i = 0; i < co->ncells + co->nfrees; i++) {
        Value cell = f->regs[co->cell_base + i];
        if (!cell || val_type(cell) != &type_cell) continue;
        Value name = i < co->ncells ? tuple_get(co->cellvars, i) : tuple_get(co->freevars, i - co->ncells);
        Value v = dict_get(fo->locals, name);
        if (err_occurred()) err_clear();
        if (v) GC_WRITE(cell, ((CellObject *)cell)->ref, v);
    }
    err_restore(saved);
}

/* ---- Python-level hooks (sys.settrace / sys.setprofile) ---- */

Value frame_fast_to_locals(FrameObject *fo);

static Value call_python_hook(Value callback, Frame *f, int what, Value arg) {
    Value fov = frame_get_object(f);
    if (!fov) return VNULL;
    FrameObject *fo = (FrameObject *)fov;
    /* Once f_locals was asked for, it is kept current around each event. */
    bool sync = !f->locals && fo->locals;
    if (sync && !frame_fast_to_locals(fo)) return VNULL;
    Value args[3] = {fov, event_names[what], arg ? arg : VNone};
    Value r = obj_call(callback, args, 3, VNULL);
    /* Not after 'return': RETURN reads its value from the register again,
     * while CPython's has already been taken. */
    if (fo->locals && !f->locals && what != TRACE_RETURN) trace_locals_to_fast(fo);
    return r;
}

int trace_python_trampoline(Value obj, Frame *f, int what, Value arg) {
    Value callback = obj;
    if (what != TRACE_CALL) {
        FrameObject *fo = (FrameObject *)f->frame_obj;
        callback = fo ? fo->trace : VNULL;
    }
    if (!callback) return 0;
    Value r = call_python_hook(callback, f, what, arg);
    FrameObject *fo = (FrameObject *)f->frame_obj;
    if (!r) {
        trace_set_trace(NULL, VNULL);
        if (fo) fo->trace = VNULL;
        return -1;
    }
    if (r != VNone && fo) GC_WRITE(obj_val(fo), fo->trace, r);
    return 0;
}

int trace_python_profile(Value obj, Frame *f, int what, Value arg) {
    Value r = call_python_hook(obj, f, what, arg);
    if (!r) {
        trace_set_profile(NULL, VNULL);
        return -1;
    }
    return 0;
}

/* ---- Events ---- */

static int call_event(Frame *f) {
    if (ts->c_tracefunc && call_hook_protected(ts->c_tracefunc, ts->trace_func, f, TRACE_CALL, VNone) < 0)
        return -1;
    if (ts->c_profilefunc && call_hook_protected(ts->c_profilefunc, ts->profile_func, f, TRACE_CALL, VNone) < 0)
        return -1;
    return 0;
}

static int return_event(Frame *f, Value v) {
    if (ts->c_tracefunc && call_hook_protected(ts->c_tracefunc, ts->trace_func, f, TRACE_RETURN, v) < 0)
        return -1;
    if (ts->c_profilefunc && call_hook_protected(ts->c_profilefunc, ts->profile_func, f, TRACE_RETURN, v) < 0)
        return -1;
    return 0;
}

/* During a 'call' event f_lineno is where CPython's RESUME is: the def
 * line for a new frame, the yield's line for a resumed generator. */
static _Thread_local Frame *call_frame;   /* per thread: a hook may switch threads */
static _Thread_local int call_line;

int trace_frame_lineno(Frame *f) {
    if (f == call_frame) return call_line;
    return frame_lineno(f);
}

/* Mark f entered and report 'call'; `prev` is the instruction the frame
 * last ran (-1 at its start) for the line rule. */
static int enter_frame(Frame *f, int prev) {
    f->flags |= FRAME_TRACE_CALLED;
    Frame *saved_frame = call_frame;
    int saved_line = call_line;
    call_frame = f;
    call_line = prev < 0 ? f->code->firstlineno : code_line_of(f->code, (size_t)prev);
    int r = call_event(f);
    call_frame = saved_frame;
    call_line = saved_line;
    if (r < 0) return -1;
    if (f->frame_obj) ((FrameObject *)f->frame_obj)->trace_prev = prev;
    return 0;
}

void trace_throw_entry(Frame *f) {
    if (!ts->use_tracing || (f->flags & FRAME_TRACE_CALLED)) return;
    Value e = err_fetch();
    /* A hook that raises replaces the exception being thrown. */
    if (enter_frame(f, (int)frame_pc_index(f) - 1) == 0) err_restore(e);
}

int trace_yield_from(Frame *f, Value v) {
    if (!ts->use_tracing) return 0;
    f->flags &= ~FRAME_TRACE_CALLED;
    return return_event(f, v);
}

void trace_unwind(Frame *f) {
    if (!ts->use_tracing) return;
    /* Already unwinding: an exception from the hook replaces the pending one. */
    f->flags &= ~FRAME_TRACE_CALLED;
    return_event(f, VNone);
}

int trace_exception_event(Frame *f) {
    if (!ts->use_tracing || !ts->c_tracefunc) return 0;
    /* The Python trampoline reports it to f_trace only: skip the tuple without one. */
    if (ts->c_tracefunc == trace_python_trampoline && !(f->frame_obj && ((FrameObject *)f->frame_obj)->trace))
        return 0;
    Value e = ts->exc;
    if (!e) return 0;
    Value tb = exc_check(e) ? ((ExceptionObject *)e)->traceback : VNULL;
    Value arg = tuple_pack(3, obj_val(val_type(e)), e, tb ? tb : VNone);
    if (!arg) return -1;
    return call_hook_protected(ts->c_tracefunc, ts->trace_func, f, TRACE_EXCEPTION, arg);
}

/* The loop back-edge of a `for` or `while` belongs to the loop's line:
 * CPython has no instruction there, so it reports no line for it. */
static bool silent_backedge(CodeObject *co, int idx, uint32_t ins) {
    if (INS_OP(ins) != OP_LOOP) return false;
    int target = idx + 2 + INS_sJ(ins);
    return target >= 0 && (size_t)target < co->ninsns && code_line_of(co, (size_t)target) == code_line_of(co, (size_t)idx);
}

static int line_event(Frame *f, FrameObject *fo, int idx, uint32_t ins) {
    CodeObject *co = f->code;
    int prev = fo->trace_prev;
    fo->trace_prev = idx;
    int result = 0;
    if (fo->trace_lines && !silent_backedge(co, idx, ins)) {
        int line = code_line_of(co, (size_t)idx);
        int lastline = prev < 0 ? -1 : code_line_of(co, (size_t)prev);
        if (line != lastline || idx < prev)
            result = call_hook(ts->c_tracefunc, ts->trace_func, f, TRACE_LINE, VNone);
    }
    if (result == 0 && fo->trace_opcodes)
        result = call_hook(ts->c_tracefunc, ts->trace_func, f, TRACE_OPCODE, VNone);
    return result;
}

/* A call of a builtin function or method descriptor, with c_* events. */
static int c_call(Frame *f, uint32_t ins) {
    Value *R = f->regs;
    int op = INS_OP(ins), a = INS_A(ins);
    size_t b = INS_B(ins);
    Value callable = R[a], kwnames = VNULL, *args;
    size_t nargs;
    if (op == OP_CALLKW || op == OP_CALLMETHODKW) {
        kwnames = tuple_get(f->code->consts, (ssize_t)*f->pc);
        b -= (size_t)tuple_size(kwnames);
    }
    if (op == OP_CALL || op == OP_CALLKW) {
        args = &R[a + 1];
        nargs = b;
    } else if (R[a + 1]) {
        args = &R[a + 1];
        nargs = b + 1;
    } else {
        args = &R[a + 2];
        nargs = b;
    }
    Type *t = val_type(callable);
    Value func = callable;
    if (t == &type_method_descriptor && nargs > 0) {
        func = t->descr_get(callable, args[0], obj_val(val_type(args[0])));
        if (!func) return -1;
        args++;
        nargs--;
    } else if (t != &type_builtin_function) {
        return 0;
    }
    if (call_hook(ts->c_profilefunc, ts->profile_func, f, TRACE_C_CALL, func) < 0) return -1;
    Value r = obj_call(func, args, nargs, kwnames);
    if (ts->c_profilefunc) {
        if (!r) call_hook_protected(ts->c_profilefunc, ts->profile_func, f, TRACE_C_EXCEPTION, func);
        else if (call_hook(ts->c_profilefunc, ts->profile_func, f, TRACE_C_RETURN, func) < 0) r = VNULL;
    }
    if (!r) return -1;
    R[a] = r;
    return 1;
}

/*
 * The compiler drops the unbound-local check where a local is certainly
 * assigned; a jump can break that.  In a frame that was jumped, each
 * instruction about to read a local register that is unbound raises
 * UnboundLocalError instead (B and C operands, and A for the instructions
 * that read it); operands that are counts or flags are skipped.
 */
static bool reads_a(int op) {
    switch (op) {
    case OP_RETURN: case OP_JUMPIFTRUE: case OP_JUMPIFFALSE: case OP_JUMPIFNOTNONE: case OP_SETATTR:
    case OP_SETITEM: case OP_DELITEM: case OP_DELATTR: case OP_STOREGLOBAL: case OP_STORENAME:
    case OP_PRINTEXPR: case OP_FORMAT: case OP_FORITER:
        return true;
    }
    return false;
}

static int check_jumped_reads(Frame *f, uint32_t ins) {
    CodeObject *co = f->code;
    int op = INS_OP(ins);
    int regs[3], n = 0;
    if (reads_a(op)) regs[n++] = INS_A(ins);
    if (opcode_format[op] == FMT_ABC) {
        switch (op) {
        case OP_CALL: case OP_CALLKW: case OP_CALLMETHOD: case OP_CALLMETHODKW: case OP_LOADCLOSURE:
        case OP_LOADDEREF: case OP_MAKECELL:
            break;
        case OP_BUILDTUPLE: case OP_BUILDLIST: case OP_BUILDSET: case OP_BUILDDICT: case OP_BUILDSTRING:
        case OP_UNPACK: case OP_BUILDSLICE: case OP_CALLEX: case OP_BEFOREWITH:
            regs[n++] = INS_B(ins);
            break;
        case OP_FORMAT:
            if (INS_C(ins) & 4) regs[n++] = INS_B(ins);
            break;
        case OP_RAISE:
            if (INS_C(ins) >= 1) regs[n++] = INS_A(ins);
            if (INS_C(ins) == 2) regs[n++] = INS_B(ins);
            break;
        default:
            regs[n++] = INS_B(ins);
            regs[n++] = INS_C(ins);
        }
    }
    for (int i = 0; i < n; i++) {
        int r = regs[i];
        /* A temporary the jump skipped the computation of: CPython refuses such a jump
         * (the value stacks differ); here it is found when the value is first read. */
        if (r >= co->nlocals && r < co->nregs && !f->regs[r]) {
            err_set(&exc_ValueError, "incompatible stacks");
            return -1;
        }
        if (r < co->nlocals && !f->regs[r]) {
            err_format(&exc_UnboundLocalError, "cannot access local variable '%U' where it is not associated with a value",
                       tuple_get(co->varnames, r));
            return -1;
        }
    }
    return 0;
}

int trace_instruction(Frame *f) {
    if (!ts->use_tracing) return 0;
    uint32_t ins = f->pc[-1];
    int idx = (int)frame_pc_index(f) - 1;
    int op = INS_OP(ins);
    if (unlikely(f->flags & FRAME_JUMPED) && check_jumped_reads(f, ins) < 0) return -1;
    if (!(f->flags & FRAME_TRACE_CALLED)) {
        /* A new frame, or a generator resuming after its yield (a `yield
         * from` resumes at itself). */
        int prev = f->gen && idx > 0 ? (f->flags & FRAME_IN_YIELDFROM ? idx : idx - 1) : -1;
        if (enter_frame(f, prev) < 0) return -1;
    }
    if (ts->c_tracefunc && !ts->tracing) {
        FrameObject *fo = (FrameObject *)f->frame_obj;
        if (fo) {
            if (fo->trace) {
                const uint32_t *pc = f->pc;
                if (line_event(f, fo, idx, ins) < 0) return -1;
                if (f->pc != pc) {
                    /* The trace function jumped: check the new instruction. */
                    return check_jumped_reads(f, f->pc[-1]);
                }
            } else {
                fo->trace_prev = idx;
            }
        }
    }
    switch (op) {
    case OP_RETURN:
        return return_event(f, f->regs[INS_A(ins)]);
    case OP_RETURNNONE:
        return return_event(f, VNone);
    case OP_YIELD:
        return return_event(f, f->regs[INS_B(ins)]);
    case OP_CALL: case OP_CALLKW: case OP_CALLMETHOD: case OP_CALLMETHODKW:
        if (ts->c_profilefunc && !ts->tracing) return c_call(f, ins);
        return 0;
    }
    return 0;
}

/* ---- f_lineno = n ---- */

/* The first instruction of each line run, or -1: where a jump may land. */
static int line_start(CodeObject *co, int line) {
    for (size_t i = 0; i < co->ninsns; i++) {
        if (code_line_of(co, i) != line) continue;
        if (i > 0 && code_line_of(co, i - 1) == line) continue;
        /* Skip the X word of the previous instruction. */
        if (i > 0 && (opcode_flags[INS_OP(co->insns[i - 1])] & OPF_X)) {
            bool is_x = false;
            for (size_t k = 0; k < i;) {
                size_t next = k + 1 + ((opcode_flags[INS_OP(co->insns[k])] & OPF_X) ? 1 : 0);
                if (next > i) { is_x = true; break; }
                k = next;
            }
            if (is_x) continue;
        }
        return (int)i;
    }
    return -1;
}

/* Is instruction i inside the body of a for loop that does not contain
 * instruction `from`?  (Its iterator register would not be set.) */
static bool enters_for_body(CodeObject *co, size_t from, size_t i) {
    for (size_t k = 0; k < co->ninsns; k++) {
        uint32_t ins = co->insns[k];
        if (INS_OP(ins) != OP_FORITER) continue;
        size_t end = (size_t)((ssize_t)k + 1 + INS_sBx(ins));
        bool in_target = i > k && i < end, in_from = from > k && from < end;
        if (in_target && !in_from) return true;
    }
    return false;
}

int trace_set_lineno(FrameObject *fo, Value v) {
    if (!v) {
        err_set(&exc_AttributeError, "cannot delete attribute");
        return -1;
    }
    if (val_type(v) != &type_int) {
        err_set(&exc_ValueError, "lineno must be an integer");
        return -1;
    }
    Frame *f = fo->live;
    switch (ts->tracing_what) {
    case TRACE_CALL:
        err_set(&exc_ValueError, "can't jump from the 'call' trace event of a new frame");
        return -1;
    case TRACE_LINE:
        break;
    case TRACE_RETURN:
        if (f && f->gen && (f->flags & FRAME_YIELDED)) break;
        /* fall through */
    default:
        err_set(&exc_ValueError, "can only jump from a 'line' trace event");
        return -1;
    }
    if (!ts->tracing || !fo->trace || !f) {
        err_set(&exc_ValueError, "f_lineno can only be set by a trace function");
        return -1;
    }
    int64_t n;
    if (!val_is_int(v) || (n = val_int(v)) > INT32_MAX || n < INT32_MIN) {
        err_set(&exc_ValueError, "lineno out of range");
        return -1;
    }
    CodeObject *co = f->code;
    if (n < co->firstlineno) {
        err_format(&exc_ValueError, "line %d comes before the current code block", (int)n);
        return -1;
    }
    /* The first line at or after n that has code. */
    int best = -1, best_line = 0;
    for (size_t i = 0; i < co->ninsns; i++) {
        int l = code_line_of(co, i);
        if (l >= n && (best < 0 || l < best_line)) {
            best_line = l;
            best = (int)i;
        }
    }
    if (best < 0) {
        err_format(&exc_ValueError, "line %d comes after the current code block", (int)n);
        return -1;
    }
    int target = line_start(co, best_line);
    if (target < 0) {
        err_set(&exc_ValueError, "cannot find bytecode for specified line");
        return -1;
    }
    size_t cur = frame_pc_index(f);
    cur = cur ? cur - 1 : 0;
    if (enters_for_body(co, cur, (size_t)target)) {
        err_set(&exc_ValueError, "can't jump into the body of a for loop");
        return -1;
    }
    f->pc = co->insns + target + 1;   /* as if the hook were at the target */
    f->flags |= FRAME_JUMPED;
    fo->trace_prev = target;
    return 0;
}

void trace_init(void) {
    static const char *const names[] = {"call", "exception", "line", "return", "c_call", "c_exception", "c_return", "opcode"};
    for (int i = 0; i < 8; i++) {
        event_names[i] = str_intern_cstr(names[i]);
        gc_add_root(&event_names[i]);
    }
}
