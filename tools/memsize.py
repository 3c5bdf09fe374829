#!/usr/bin/python3
"""Memory per item: RSS growth per element over N (1,000,000) items.

Runs one child process per (case, interpreter) -- Taipan, CPython 3.11 and
PyPy when installed -- and prints a table of bytes per item with issue 4's
targets and the ratio Taipan/CPython.  Each child defines what it needs,
calls gc.collect(), reads its RSS from /proc/self/statm, builds the
structure (producing as little garbage as it can: a list is preallocated
and filled by index), calls gc.collect() again, reads RSS again and prints
(RSS after - RSS before) / N.  The figure includes the list slot (or the
dict/set entry) and the objects it holds.

Run it with /usr/bin/python3, usually as `make memsize`:

  tools/memsize.py                          all cases, build/taipan
  tools/memsize.py --taipan PATH inst dict  only these cases
  tools/memsize.py -n 200000 --no-pypy

A case whose Taipan figure is above its target is marked with `!`; the
exit status is 0 either way (this is a measurement, not a test).
"""

import argparse
import os
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# name -> (description, target bytes per item or None, code that builds x
# from N). Setup code runs before the first RSS reading.
CASES = [
    ("inst", "instance, 3 attributes (+ list slot)", 56,
     "class C:\n"
     "    def __init__(self, a, b, c):\n"
     "        self.a = a; self.b = b; self.c = c\n",
     "x = [None] * N\n"
     "for i in range(N): x[i] = C(1, 2, 3)\n"),
    ("intlist", "list(range(N)): small ints", 8,
     "",
     "x = list(range(N))\n"),
    ("dict", "str->int dict entry, key included", 100,
     "",
     "x = {}\n"
     "for i in range(N): x[str(i)] = i\n"),
    ("floatlist", "list of distinct floats", None,
     "",
     "x = [None] * N\n"
     "for i in range(N): x[i] = i + 0.5\n"),
    ("tuple3", "tuple of 3 (+ list slot)", None,
     "a = 1; b = 2; c = 3\n",
     "x = [None] * N\n"
     "for i in range(N): x[i] = (a, b, c)\n"),
    ("intset", "set(range(N)), ints included", None,
     "",
     "x = set(range(N))\n"),
    ("strlist", "list of str(i) (+ list slot)", None,
     "",
     "x = [None] * N\n"
     "for i in range(N): x[i] = str(i)\n"),
]

CHILD = """\
import gc, sys
N = {n}
def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * {page}
{setup}
def build():
{body}    return x
gc.collect()
r0 = rss()
x = build()
gc.collect()
r1 = rss()
print("bytes/item", (r1 - r0) / N)
"""


def child_source(case, n):
    _, _, _, setup, body = case
    body = "".join("    " + line + "\n" for line in body.splitlines())
    return CHILD.format(n=n, page=os.sysconf("SC_PAGE_SIZE"), setup=setup, body=body)


def measure(argv, source, timeout):
    try:
        p = subprocess.run(argv + ["-c", source], capture_output=True, text=True,
                           timeout=timeout, cwd=ROOT)
    except subprocess.TimeoutExpired:
        return None, "timeout"
    for line in p.stdout.splitlines():
        if line.startswith("bytes/item "):
            return float(line.split()[1]), ""
    err = (p.stderr.strip().splitlines() or ["exit %d" % p.returncode])[-1]
    return None, err


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("cases", nargs="*", help="case names (default: all): "
                    + " ".join(c[0] for c in CASES))
    ap.add_argument("--taipan", default=os.path.join(ROOT, "build", "taipan"))
    ap.add_argument("--cpython", default="/usr/bin/python3")
    ap.add_argument("--pypy", default="pypy3")
    ap.add_argument("--no-pypy", action="store_true")
    ap.add_argument("-n", type=int, default=1000000, help="items (default 1,000,000)")
    ap.add_argument("--timeout", type=float, default=120)
    args = ap.parse_args()

    by_name = {c[0]: c for c in CASES}
    for name in args.cases:
        if name not in by_name:
            ap.error("no case %r (have: %s)" % (name, " ".join(by_name)))
    cases = [by_name[n] for n in args.cases] if args.cases else CASES

    impls = [("Taipan", [args.taipan]), ("CPython", [args.cpython])]
    if not os.access(args.taipan, os.X_OK):
        sys.exit("memsize: no Taipan binary at %s (run make)" % args.taipan)
    if not args.no_pypy and shutil.which(args.pypy):
        impls.append(("PyPy", [args.pypy]))

    print("RSS growth per item over %s items, bytes (the list slot or the entry "
          "included)" % format(args.n, ","))
    head = "%-10s %-38s %7s" % ("case", "what", "target")
    head += "".join(" %8s" % name for name, _ in impls) + " %14s" % "Taipan/CPython"
    print(head)
    print("-" * len(head))
    errors = []
    for case in cases:
        name, what, target = case[0], case[1], case[2]
        source = child_source(case, args.n)
        figures = {}
        for impl, argv in impls:
            value, err = measure(argv, source, args.timeout)
            figures[impl] = value
            if value is None:
                errors.append("%s under %s: %s" % (name, impl, err))
        row = "%-10s %-38s %7s" % (name, what, "<= %d" % target if target else "")
        for impl, _ in impls:
            v = figures[impl]
            row += " %8s" % ("fails" if v is None else "%.1f" % v)
        t, c = figures["Taipan"], figures["CPython"]
        row += " %14s" % ("%.2f" % (t / c) if t is not None and c else "n/a")
        if target and t is not None and round(t, 1) > target:
            row += "  ! above target"
        print(row, flush=True)
    for e in errors:
        print("memsize: " + e, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
