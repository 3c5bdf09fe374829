#!/usr/bin/env bash
# ast_compare.sh: compare Taipan's parsedump with CPython's ast.dump() over .py files.
#
# Usage: tools/ast_compare.sh [-n SHOW] PATH...
#   PATH is a .py file or a directory (searched recursively for *.py).
#   Prints counts: equal / different / both-reject / only-one-rejects, and the
#   first SHOW (default 10) files of each kind of mismatch.
# The reference is /usr/bin/python3 (CPython 3.11):
#   ast.dump(ast.parse(open(f,"rb").read()), include_attributes=True)
# PARSEDUMP names the driver binary (default build/parsedump, built if missing).
set -euo pipefail

show=10
if [[ "${1:-}" == "-n" ]]; then show="$2"; shift 2; fi
if [[ $# -eq 0 ]]; then
    echo "usage: $0 [-n SHOW] PATH..." >&2
    exit 2
fi

root="$(cd "$(dirname "$0")/.." && pwd)"
pd="${PARSEDUMP:-$root/build/parsedump}"
if [[ ! -x "$pd" ]]; then
    mkdir -p "$(dirname "$pd")"
    ${CC:-gcc} -std=c11 -O2 -Wall -Wextra -Wno-unused-parameter -o "$pd" \
        "$root/tools/parsedump.c" "$root"/src/compiler/ast.c "$root"/src/compiler/tokenizer.c \
        "$root"/src/compiler/parser*.c "$root"/src/compiler/unicode_names.c -lm
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

for p in "$@"; do
    if [[ -d "$p" ]]; then find "$p" -name '*.py' -type f; else echo "$p"; fi
done | LC_ALL=C sort > "$work/files"

# Taipan: one output file per input, in chunks so that a crash loses little.
mkdir -p "$work/mine" "$work/ref"
/usr/bin/python3 - "$work" "$pd" <<'PY'
import os, subprocess, sys
work, pd = sys.argv[1], sys.argv[2]
files = open(os.path.join(work, "files")).read().split("\n")
files = [f for f in files if f]
for i, f in enumerate(files):
    try:
        r = subprocess.run([pd, f], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, timeout=60)
        out = r.stdout
        if r.returncode not in (0, 1):
            out = b"CRASH %d\n" % r.returncode
    except subprocess.TimeoutExpired:
        out = b"CRASH timeout\n"
    with open(os.path.join(work, "mine", str(i)), "wb") as o:
        o.write(out)
PY

# CPython: one process for all files.
/usr/bin/python3 - "$work" <<'PY'
import ast, os, sys, warnings
warnings.simplefilter("ignore")
work = sys.argv[1]
files = [f for f in open(os.path.join(work, "files")).read().split("\n") if f]
for i, f in enumerate(files):
    try:
        out = ast.dump(ast.parse(open(f, "rb").read()), include_attributes=True) + "\n"
    except SyntaxError as e:
        out = "ERROR %s %s %s %s\n" % (type(e).__name__, e.lineno, e.offset, e.msg)
    except (ValueError, MemoryError, RecursionError) as e:
        out = "ERROR %s 0 0 %s\n" % (type(e).__name__, e)
    with open(os.path.join(work, "ref", str(i)), "w", encoding="utf-8", errors="surrogateescape") as o:
        o.write(out)
PY

/usr/bin/python3 - "$work" "$show" <<'PY'
import os, sys
work, show = sys.argv[1], int(sys.argv[2])
files = [f for f in open(os.path.join(work, "files")).read().split("\n") if f]
kinds = {"equal": [], "different": [], "both-reject": [], "only-taipan-rejects": [],
         "only-cpython-rejects": [], "crash": []}
for i, f in enumerate(files):
    mine = open(os.path.join(work, "mine", str(i)), "rb").read()
    ref = open(os.path.join(work, "ref", str(i)), "rb").read()
    if mine.startswith(b"CRASH"):
        kinds["crash"].append(f)
    elif mine.startswith(b"ERROR") and ref.startswith(b"ERROR"):
        kinds["both-reject"].append((f, mine.strip().decode("utf-8", "replace"), ref.strip().decode("utf-8", "replace")))
    elif mine.startswith(b"ERROR"):
        kinds["only-taipan-rejects"].append((f, mine.strip().decode("utf-8", "replace")))
    elif ref.startswith(b"ERROR"):
        kinds["only-cpython-rejects"].append((f, ref.strip().decode("utf-8", "replace")))
    elif mine == ref:
        kinds["equal"].append(f)
    else:
        kinds["different"].append(f)
print("files: %d" % len(files))
for k, v in kinds.items():
    print("%-22s %d" % (k + ":", len(v)))
same_err = sum(1 for f, m, r in kinds["both-reject"] if m == r)
print("%-22s %d" % ("both-reject same error:", same_err))
for k in ("crash", "different", "only-taipan-rejects", "only-cpython-rejects"):
    for item in kinds[k][:show]:
        print("  %s: %s" % (k, item if isinstance(item, str) else " | ".join(item)))
for f, m, r in [x for x in kinds["both-reject"] if x[1] != x[2]][:show]:
    print("  error-differs: %s\n      taipan:  %s\n      cpython: %s" % (f, m, r))
PY
