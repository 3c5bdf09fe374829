"""Disassembler of Taipan bytecode.

Taipan compiles to register bytecode, not to CPython's stack bytecode, so
this module (which takes the place of the standard library's `dis`) keeps
CPython's interface -- dis(), get_instructions(), Bytecode, Instruction,
code_info(), findlinestarts() ... -- over Taipan's instructions.  Each
instruction is one 32-bit word, or two when the opcode carries an extra
word; offsets are in bytes of co_code.  docs/bytecode.md describes the
format; _opcode.taipan_opcodes gives each opcode's name, operand format
and semantics.
"""

import collections
import io
import sys
import types

from _opcode import taipan_opcodes as _OPS, taipan_site_names as _site_names

__all__ = ["code_info", "dis", "disassemble", "distb", "disco", "findlinestarts", "findlabels",
           "show_code", "get_instructions", "Instruction", "Bytecode", "Positions",
           "opname", "opmap", "hasconst", "hasname", "hasjrel", "hasjabs", "haslocal",
           "hascompare", "hasfree", "HAVE_ARGUMENT", "EXTENDED_ARG", "COMPILER_FLAG_NAMES",
           "pretty_flags"]

opname = [op[0] for op in _OPS]
opmap = {name: i for i, name in enumerate(opname)}
_all_opmap = dict(opmap)
deoptmap = {}
HAVE_ARGUMENT = 0          # every Taipan instruction has operands
EXTENDED_ARG = -1          # there is no EXTENDED_ARG: wide operands have their own opcodes
UNKNOWN = object()
hasconst = [i for i, op in enumerate(_OPS) if "K[Bx]" in op[3]]
hasname = [i for i, op in enumerate(_OPS) if "N[" in op[3]]
hasjrel = [i for i, op in enumerate(_OPS) if op[1] in ("AsBx", "sJ") and "pc +=" in op[3]]
hasjabs = []
haslocal = [opmap[n] for n in ("LOADWIDE", "STOREWIDE", "DELWIDE", "CHECKLOCAL") if n in opmap]
hascompare = [opmap[n] for n in ("LT", "LE", "EQ", "NE", "GT", "GE") if n in opmap]
hasfree = [opmap[n] for n in ("LOADDEREF", "STOREDEREF", "DELDEREF", "LOADCLASSDEREF") if n in opmap]

COMPILER_FLAG_NAMES = {
    1: "OPTIMIZED",
    2: "NEWLOCALS",
    4: "VARARGS",
    8: "VARKEYWORDS",
    16: "NESTED",
    32: "GENERATOR",
    64: "NOFREE",
    128: "COROUTINE",
    256: "ITERABLE_COROUTINE",
    512: "ASYNC_GENERATOR",
}

_OPNAME_WIDTH = 16
_OPARG_WIDTH = 12


def pretty_flags(flags):
    """Return pretty representation of code flags."""
    names = []
    for i in range(32):
        flag = 1 << i
        if flags & flag:
            names.append(COMPILER_FLAG_NAMES.get(flag, hex(flag)))
            flags ^= flag
            if not flags:
                break
    else:
        names.append(hex(flags))
    return ", ".join(names)


Positions = collections.namedtuple("Positions", ["lineno", "end_lineno", "col_offset", "end_col_offset"],
                                   defaults=[None] * 4)

_Instruction = collections.namedtuple(
    "_Instruction",
    ["opname", "opcode", "arg", "argval", "argrepr", "offset", "starts_line", "is_jump_target", "positions"],
    defaults=[None])


class Instruction(_Instruction):
    """Details of one Taipan instruction.

      opname - its name
      opcode - its number
      arg - its operands: a tuple (A, B, C), (A, Bx), (A, sBx) or (sJ,)
      argval - the constant, name or jump target the operands name, else the operands
      argrepr - a readable form of the operands
      offset - its start in bytes of co_code
      starts_line - the line it starts, or None
      is_jump_target - True if some jump lands here
      positions - a dis.Positions of its source span
    """

    def _disassemble(self, lineno_width=3, mark_as_current=False, offset_width=4):
        fields = []
        if lineno_width:
            if self.starts_line is not None:
                fields.append("%*d" % (lineno_width, self.starts_line))
            else:
                fields.append(" " * lineno_width)
        fields.append("-->" if mark_as_current else "   ")
        fields.append(">>" if self.is_jump_target else "  ")
        fields.append(repr(self.offset).rjust(offset_width))
        fields.append(self.opname.ljust(_OPNAME_WIDTH))
        fields.append(" ".join(str(x) for x in self.arg).ljust(_OPARG_WIDTH))
        if self.argrepr:
            fields.append("(" + self.argrepr + ")")
        return " ".join(fields).rstrip()


def _unwrap(x):
    """The code-bearing object behind a method, function, generator or coroutine."""
    if hasattr(x, "__func__"):
        x = x.__func__
    for attr in ("__code__", "gi_code", "ag_code", "cr_code"):
        if hasattr(x, attr):
            return getattr(x, attr)
    return x


def _get_code_object(x):
    """Helper to handle methods, compiled or raw code objects, and strings."""
    x = _unwrap(x)
    if isinstance(x, str):
        x = _try_compile(x, "<disassembly>")
    if hasattr(x, "co_code"):
        return x
    raise TypeError("don't know how to disassemble %s objects" % type(x).__name__)


def _try_compile(source, name):
    try:
        return compile(source, name, "eval")
    except SyntaxError:
        return compile(source, name, "exec")


def _words(co):
    code = co.co_code
    return [int.from_bytes(code[i:i + 4], "little") for i in range(0, len(code), 4)]


def _decode(co):
    """(index, opcode, operands, target index or None, extra word or None) per instruction."""
    words = _words(co)
    out = []
    i = 0
    while i < len(words):
        w = words[i]
        op = w & 0xFF
        name, fmt, has_x, doc = _OPS[op] if op < len(_OPS) else ("<%d>" % op, "ABC", False, "")
        a, b, c = (w >> 8) & 0xFF, (w >> 16) & 0xFF, w >> 24
        x = words[i + 1] if has_x and i + 1 < len(words) else None
        after = i + (2 if has_x else 1)
        target = None
        if fmt == "ABC":
            args = (a, b, c)
        elif fmt == "ABx":
            args = (a, w >> 16)
        elif fmt == "AsBx":
            args = (a, (w >> 16) - 0x7FFF)
            if "pc +=" in doc:
                target = after + args[1]
        else:
            args = ((w >> 8) - 0x7FFFFF,)
            target = after + args[0]
        out.append((i, op, args, target, x))
        i = after
    return out


def _lines(co):
    """{instruction index: line} where a new line starts."""
    starts = {}
    last = None
    for start, end, line in co.co_lines():
        if line is not None and line != last:
            starts[start // 4] = line
            last = line
    return starts


def _argval(co, op, args, target, x, sites):
    name, fmt, has_x, doc = _OPS[op]
    if target is not None:
        return target * 4, "to %d" % (target * 4)
    if "K[Bx]" in doc and fmt == "ABx" and args[1] < len(co.co_consts):
        v = co.co_consts[args[1]]
        return v, repr(v)
    if "N[Bx]" in doc and args[1] < len(co.co_names):
        v = co.co_names[args[1]]
        return v, v
    if "N[site X]" in doc and x is not None and x < len(sites):
        return sites[x], str(sites[x])
    if "N[X]" in doc and x is not None and x < len(co.co_names):
        return co.co_names[x], co.co_names[x]
    return args, ""


def _get_instructions(co, first_line=None):
    decoded = _decode(co)
    targets = {t for _, _, _, t, _ in decoded if t is not None}
    starts = _lines(co)
    positions = list(co.co_positions())
    line_offset = 0 if first_line is None else first_line - co.co_firstlineno
    sites = _site_names(co)
    for i, op, args, target, x in decoded:
        argval, argrepr = _argval(co, op, args, target, x, sites)
        line = starts.get(i)
        if line is not None:
            line += line_offset
        pos = positions[2 * i] if 2 * i < len(positions) else (None, None, None, None)
        yield Instruction(opname[op], op, args, argval, argrepr, i * 4, line, i in targets, Positions(*pos))


def get_instructions(x, *, first_line=None, show_caches=False, adaptive=False):
    """Iterator over the instructions of a function, method, code object or source string."""
    return _get_instructions(_get_code_object(x), first_line)


def findlabels(code):
    """Detect all offsets in a byte code which are jump targets."""
    if not isinstance(code, types.CodeType):
        raise TypeError("findlabels() needs a code object in Taipan (its co_code is register bytecode)")
    return sorted({t * 4 for _, _, _, t, _ in _decode(code) if t is not None})


def findlinestarts(code):
    """Find the offsets in a byte code which are start of lines in the source."""
    lastline = None
    for start, end, line in code.co_lines():
        if line is not None and line != lastline:
            lastline = line
            yield start, line


def disassemble(co, lasti=-1, *, file=None, show_caches=False, adaptive=False):
    """Disassemble a code object."""
    instrs = list(_get_instructions(co))
    lines = [ins.starts_line for ins in instrs if ins.starts_line is not None]
    width = max(3, len(str(max(lines)))) if lines else 0
    offset_width = max(4, len(str(instrs[-1].offset))) if instrs else 4
    for ins in instrs:
        if ins.starts_line is not None and ins.offset > 0:
            print(file=file)
        print(ins._disassemble(width, ins.offset == lasti, offset_width), file=file)


disco = disassemble


def _disassemble_recursive(co, *, file=None, depth=None):
    disassemble(co, file=file)
    if depth is None or depth > 0:
        if depth is not None:
            depth = depth - 1
        for x in co.co_consts:
            if hasattr(x, "co_code"):
                print(file=file)
                print("Disassembly of %r:" % (x,), file=file)
                _disassemble_recursive(x, file=file, depth=depth)


def dis(x=None, *, file=None, depth=None, show_caches=False, adaptive=False):
    """Disassemble classes, methods, functions, generators, code objects and source strings.

    With no argument, disassemble the last traceback.
    """
    if x is None:
        distb(file=file)
        return
    x = _unwrap(x)
    if hasattr(x, "__dict__"):
        for name, x1 in sorted(x.__dict__.items()):
            if isinstance(x1, (types.MethodType, types.FunctionType, types.CodeType, classmethod, staticmethod, type)):
                print("Disassembly of %s:" % name, file=file)
                try:
                    dis(x1, file=file, depth=depth)
                except TypeError as msg:
                    print("Sorry:", msg, file=file)
                print(file=file)
    elif hasattr(x, "co_code"):
        _disassemble_recursive(x, file=file, depth=depth)
    elif isinstance(x, (bytes, bytearray)):
        raise TypeError("Taipan cannot disassemble raw bytes: its instructions need their code object")
    elif isinstance(x, str):
        _disassemble_recursive(_try_compile(x, "<dis>"), file=file, depth=depth)
    else:
        raise TypeError("don't know how to disassemble %s objects" % type(x).__name__)


def distb(tb=None, *, file=None, show_caches=False, adaptive=False):
    """Disassemble a traceback (default: last traceback)."""
    if tb is None:
        try:
            tb = sys.last_traceback
        except AttributeError:
            raise RuntimeError("no last traceback to disassemble") from None
        while tb.tb_next:
            tb = tb.tb_next
    disassemble(tb.tb_frame.f_code, tb.tb_lasti, file=file)


_INFO_FIELDS = (("Name", "co_name"), ("Filename", "co_filename"), ("Argument count", "co_argcount"),
                ("Positional-only arguments", "co_posonlyargcount"), ("Kw-only arguments", "co_kwonlyargcount"),
                ("Number of locals", "co_nlocals"), ("Stack size", "co_stacksize"))
_INFO_TABLES = (("Constants", "co_consts", repr), ("Names", "co_names", str), ("Variable names", "co_varnames", str),
                ("Free variables", "co_freevars", str), ("Cell variables", "co_cellvars", str))


def _format_code_info(co):
    # The header lines align their values at column 19, as code_info always has.
    lines = ["%-18s %s" % (label + ":", getattr(co, attr)) for label, attr in _INFO_FIELDS]
    lines.append("%-18s %s" % ("Flags:", pretty_flags(co.co_flags)))
    for title, attr, show in _INFO_TABLES:
        items = getattr(co, attr)
        if items:
            lines.append(title + ":")
            lines.extend("%4d: %s" % (i, show(v)) for i, v in enumerate(items))
    return "\n".join(lines)


def code_info(x):
    """Formatted details of methods, functions, or code."""
    return _format_code_info(_get_code_object(x))


def show_code(co, *, file=None):
    """Print details of methods, functions, or code to *file*."""
    print(code_info(co), file=file)


class Bytecode:
    """The bytecode operations of a piece of code.

    Instantiate this with a function, method, other compiled object, string of
    code, or a code object (as returned by compile()).  Iterating over this
    yields the bytecode operations as Instruction instances.
    """

    def __init__(self, x, *, first_line=None, current_offset=None, show_caches=False, adaptive=False):
        self.codeobj = co = _get_code_object(x)
        if first_line is None:
            self.first_line = co.co_firstlineno
            self._line_offset = 0
        else:
            self.first_line = first_line
            self._line_offset = first_line - co.co_firstlineno
        self._original_object = x
        self.current_offset = current_offset
        self.show_caches = show_caches
        self.adaptive = adaptive

    def __iter__(self):
        return _get_instructions(self.codeobj, self.first_line)

    def __repr__(self):
        return "{}({!r})".format(self.__class__.__name__, self._original_object)

    @classmethod
    def from_traceback(cls, tb, *, show_caches=False, adaptive=False):
        """Construct a Bytecode from the given traceback."""
        while tb.tb_next:
            tb = tb.tb_next
        return cls(tb.tb_frame.f_code, current_offset=tb.tb_lasti)

    def info(self):
        """Return formatted information about the code object."""
        return _format_code_info(self.codeobj)

    def dis(self):
        """Return a formatted view of the bytecode operations."""
        out = io.StringIO()
        disassemble(self.codeobj, -1 if self.current_offset is None else self.current_offset, file=out)
        return out.getvalue()


def _find_imports(co):
    """Find import statements in the code: (name, level, fromlist) per IMPORTNAME.

    The level is the instruction's extra word; the fromlist is the constant
    the instruction before loaded into its register, when it was one.
    """
    names = co.co_names
    decoded = _decode(co)
    loaded = {}
    for i, op, args, target, x in decoded:
        name = opname[op]
        if name == "LOADK":
            loaded[args[0]] = co.co_consts[args[1]]
        elif name == "LOADNONE":
            loaded[args[0]] = None
        elif name == "IMPORTNAME":
            fromlist = loaded.get(args[0])
            yield names[args[1]], x, fromlist
            loaded.pop(args[0], None)
        elif name not in ("LOADK", "LOADNONE") and len(args) >= 1 and _OPS[op][1] != "sJ":
            loaded.pop(args[0], None)


def _find_store_names(co):
    """Find names of variables which are written in the code."""
    for i, op, args, target, x in _decode(co):
        if opname[op] in ("STORENAME", "STOREGLOBAL"):
            yield co.co_names[args[1]]


def _test():
    """Simple test program to disassemble a file."""
    import argparse
    parser = argparse.ArgumentParser()
    parser.add_argument("infile", type=argparse.FileType("rb"), nargs="?", default="-")
    args = parser.parse_args()
    with args.infile as infile:
        source = infile.read()
    code = compile(source, args.infile.name, "exec")
    dis(code)


if __name__ == "__main__":
    _test()
