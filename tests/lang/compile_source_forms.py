# compile()/exec()/eval() sources and filenames as CPython 3.11 takes them:
# null bytes (ValueError), buffers as source, path-like and (deprecated)
# buffer filenames, 'single' mode's missing final newline, __debug__ as a
# compile-time constant, and the digit limit of int literals.
import builtins, pathlib, sys, warnings

for src in ["123\x00", b"123\x00", memoryview(b"123\x00"), bytearray(b"1\x00")]:
    try:
        compile(src, "<d>", "eval")
    except Exception as e:
        print(type(e).__name__, e)
for f in (exec, eval):
    try:
        f("1\x00")
    except Exception as e:
        print(f.__name__, type(e).__name__, e)
print(eval(compile(memoryview(b"123\x00")[1:-1], "<dummy>", "eval")))
print(eval(bytearray(b"6 * 7")), eval(memoryview(b"2 ** 10")))
exec(bytearray(b"x = 5"))
print(x)
try:
    compile([1], "<l>", "exec")
except TypeError as e:
    print("TypeError", e)

for fn in ["f.py", b"f.py", bytearray(b"f.py"), memoryview(b"f.py"), pathlib.PurePosixPath("a/b.py"), b"\xff.py"]:
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        try:
            print(repr(compile("pass", fn, "exec").co_filename), [(x.category.__name__, str(x.message)) for x in w])
        except Exception as e:
            print(type(e).__name__, e)
for bad in [list(b"f.py"), 3, None]:
    try:
        compile("pass", bad, "exec")
    except TypeError as e:
        print("TypeError", e)

for s in ["def f(): pass", "if 1: pass", "if 1:\n  pass", "if 1:\n  pass\n", "x = 1",
          "@d\ndef f(): pass", "class A: pass", "while 1: pass\nelse: pass",
          "try:\n  pass\nexcept: pass", "def f():\n  pass\n  pass", "if 1:\n  pass\n  ",
          "with a: pass", "match x:\n case 1: pass", "1\n2", "x = 5 # comment\nx = 6\n",
          "f()\n# blah\nblah()", "if 1: pass  # c"]:
    try:
        compile(s, "<s>", "single")
        print("ok", repr(s))
    except SyntaxError as e:
        print(repr(s), e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))

for s in ["__debug__ = 1", "del __debug__", "__debug__ += 1", "def f(__debug__): pass",
          "f(__debug__=1)", "class __debug__: pass", "(__debug__ := 1)", "lambda __debug__: 1"]:
    try:
        compile(s, "<s>", "exec")
        print("ok", s)
    except SyntaxError as e:
        print(s, "->", e.msg, e.lineno, e.offset)
prev = builtins.__debug__
setattr(builtins, "__debug__", "sure")
print(__debug__, eval("__debug__"), prev)
setattr(builtins, "__debug__", prev)
print(compile("if __debug__: y = 1", "<d>", "exec", optimize=2).co_consts[:0], eval("__debug__", {}, {}))
ns = {}
exec(compile("d = __debug__", "<o>", "exec", optimize=1), ns)
print("optimize=1:", ns["d"])

old = sys.get_int_max_str_digits()
src = "a = 1\nb = 2\nc = " + "3" * 3001 + "\nd = 4"
for limit in (3001, 3000, 0):
    sys.set_int_max_str_digits(limit)
    try:
        compile(src, "<x>", "exec")
        print(limit, "compiled")
    except SyntaxError as e:
        print(limit, e.msg, e.lineno, e.offset)
sys.set_int_max_str_digits(old)
try:
    compile("n = 1_" + "2" * 4300, "<u>", "exec")
except SyntaxError as e:
    print(e.msg[:70])
print(len(str(eval("0x" + "f" * 5000))))

# str(buffer, encoding) decodes any bytes-like object.
import array
print(str(memoryview(b"abc"), "utf-8"), str(array.array("b", [104, 105]), "ascii"), str(bytearray(b"x"), "latin-1"))
try:
    str(3, "utf-8")
except TypeError as e:
    print("TypeError", e)
