#!/usr/bin/env bash
# error_compare.sh: compare Taipan's syntax errors with CPython 3.11's on a list of bad inputs.
#
# Usage: tools/error_compare.sh [CASES]
#   CASES holds a Python list literal of source strings (default: the
#   built-in list below; tests/unit/parser_error_cases.txt has more).  For each, prints OK or the two errors side by side
#   (type, lineno, offset, end_lineno, end_offset, msg), then a count.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
pd="${PARSEDUMP:-$root/build/parsedump}"
/usr/bin/python3 - "$pd" "${1:-}" <<'PY'
import os, subprocess, sys, tempfile, ast
pd, casefile = sys.argv[1], sys.argv[2]
if casefile:
    cases = ast.literal_eval(open(casefile).read())
else:
    cases = [
 "x = '''abc\n", "x = '''abc", "x = 'abc\n", "x = (1,\n2\n", "x = )\n", "x = (]\n", "x\n  y\n",
 "if x:\n    y\n  z\n", "x = 1€\n", "x = 1abc\n", "print 'x'\n", "if x\n  pass\n",
 "if x = 1:\n pass\n", "1 = x\n", "f(\n", "if x:\nz\n", "x = $\n", "a b\n", "x = 0777\n",
 "x = 0o78\n", "x = \\ y\n", "x=1\\", "def f(:\n", "(((\n", "x = 'a' b'c'\n",
 "x = \x01\n", "$", "x = 1 +\n", "f() = 1\n", "f() = 1 = 2\n", "(1, 2) = x\n",
 "x = 1 = f()\n", "[1] + x = 2\n", "a, b += 1\n", "x: int, y: int\n", "(a, b): int\n",
 "f(x.y=1)\n", "f(a=1, b)\n", "f(x for x in y, 1)\n", "print x\n", "f(a b)\n", "[a b]\n",
 "a b c\n", "x = yield = 3\n", "x = 1 if y\n", "for x in range(10)\n  pass\n",
 "def f():\nreturn\n", "class A:\npass\n", "try:\n  x\n", "try:\n  x\nfinally\n",
 "while x\n", "del f()\n", "del *x\n", "import a.b as c, d,\n", "from x import a,\n",
 "f(**k, *a)\n", "lambda x=1, y: x\n", "def f(a=1, b): pass\n", "def f(*): pass\n",
 "{1:2, 3}\n", "{1:}\n", "x = [i for i in range(3) if]\n",
 "with open(x) as f, open(y) as g\n", "match x:\n  case 1:\n  pass\n",
 "x = (1, 2\ny = 3\n", "foo(\nx = 1\n", "x = {\n", "a.b := 1\n", "(a.b := 1)\n",
 "True = 1\n", "f(True=1)\n", "except:\n", "else:\n", "x = 'a' 'b' f'{'\n", "f'{a b}'\n",
 "f'{}'\n", "f'{a!x}'\n", "f'}'\n", "f'{'\n", "if x:\n\ty\n        z\n",
 "if x:\n        y\n\tz\n", "x = 0x\n", "x = 0b102\n", "x = 1_\n", "x = 1__0\n",
 "x = 0_\n", "x = 1e\n", "x = 1.e+\n", "x = b'\xc3\xa9'\n", "x = '\\x4'\n",
 "for 1 in x: pass\n", "with a as 1: pass\n", "x = [*a for a in b]\n",
 "def f(a, a): pass\n", "class A(x for x in y): pass\n", "x = (yield) = 1\n",
 "nonlocal x\n", "(*a)\n", "x = *a\n", "print(1,\n", "a[1:2] += 3 +\n",
 "if True:\n    pass\n  else:\n    pass\n", "def f(**k, a): pass\n", "def f(*, **k): pass\n",
 "def f(/, a): pass\n", "def f(a, /, b, /): pass\n", "def f(*a, /): pass\n",
 "import\n", "from . import\n", "from x import (a, b\n", "x = {1: 2, **}\n",
 "try:\n  pass\nexcept A, B:\n  pass\n", "try:\n  pass\nexcept* A:\n  pass\nexcept B:\n  pass\n",
 "match x:\n  case a.b as _:\n    pass\n", "match x:\n  case {**_}:\n    pass\n",
 "x = 5 if 3\n", "f(a=)\n", "f(=1)\n", "x += yield\n", "x = lambda: (yield)\n",
 "   x = 1\n", "\n\n\n  x\n", "if x:\n  pass\n    y\n", "x = [\n  1,\n  2\n", "'''\n\n",
 "x = \"\"\"abc\nd\n", "s = 'abc\\\n", "async x = 1\n", "await\n", "def f[T](): pass\n",
 "x = 1 ++ \n", "@\ndef f(): pass\n", "@x\n", "global\n", "x.1\n", "1.__class__\n",
 "0b\n", "x = 0o\n", "'\\N{DASH}'\n", "u'x' b'y'\n", "b'x' 'y'\n", "f'{x!}'\n",
 "f'{x:{y:{z}}}'\n", "f'{#}'\n", "f'{a}}'\n", "f'{(}'\n", "f'{)}'\n", "f'{a=b}'\n",
]
ok = 0
bad = []
with tempfile.TemporaryDirectory() as d:
    for src in cases:
        fn = os.path.join(d, "x.py")
        with open(fn, "w") as f:
            f.write(src)
        reftext = None
        try:
            compile(src.encode(), fn, "exec")
            ref = "OK"
        except SyntaxError as e:
            ref = "ERROR %s %s %s %s %s %s" % (type(e).__name__, e.lineno, e.offset, e.end_lineno, e.end_offset, e.msg)
            reftext = e.text
        except Exception as e:
            ref = "ERROR %s %s" % (type(e).__name__, e)
        r = subprocess.run([pd, "-e", fn], stdout=subprocess.PIPE)
        out = r.stdout.decode("utf-8", "replace")
        out = out[:-1] if out.endswith("\n") else out
        mine = out.split(" | ")[0] if out.startswith("ERROR") else ("OK" if r.returncode == 0 else "CRASH %d" % r.returncode)
        if mine == ref:
            ok += 1
            mytext = out.split(" | ", 1)[1] if " | " in out else None
            if os.environ.get("SHOW_TEXT") and mytext is not None and mytext != (reftext or "None"):
                print("TEXT %r\n   taipan:  %r\n   cpython: %r" % (src, mytext, reftext))
        else:
            bad.append((src, mine, ref))
for src, mine, ref in bad:
    print("DIFF %r\n   taipan:  %s\n   cpython: %s" % (src, mine, ref))
print("%d passed, %d failed" % (ok, len(bad)))
PY
