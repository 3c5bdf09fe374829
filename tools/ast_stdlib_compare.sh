#!/usr/bin/env bash
# ast_stdlib_compare.sh: ast.parse + ast.dump through the ast module on Taipan vs CPython, over a library.
#
# Usage: tools/ast_stdlib_compare.sh [-t] [DIR]
#   DIR defaults to /usr/lib/python3.11.  Every *.py file is read as bytes,
#   parsed with ast.parse() and dumped with ast.dump(include_attributes=True)
#   by build/taipan and by /usr/bin/python3; each prints a CRC-32 of the dump
#   (or the SyntaxError) per file, and the two listings are diffed.
#   -t parses with type_comments=True.
# Unlike tools/ast_compare.sh (the C parser alone, through parsedump), this
# goes through _ast's node objects and CPython's own ast.py.  It takes a
# minute or two; tests/lang/mod_ast_stdlib_sample.py checks a sample.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
tc=False
if [[ "${1:-}" == "-t" ]]; then tc=True; shift; fi
dir="${1:-/usr/lib/python3.11}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cat >"$work/dump.py" <<PY
import ast, binascii, os, sys
files = []
for d, dirs, names in os.walk(sys.argv[1]):
    dirs.sort()
    files += [os.path.join(d, n) for n in sorted(names) if n.endswith('.py')]
for p in files:
    try:
        with open(p, 'rb') as f:
            tree = ast.parse(f.read(), p, type_comments=$tc)
        s = ast.dump(tree, include_attributes=True)
        print(p, binascii.crc32(s.encode('utf-8', 'surrogatepass')), len(s))
    except (SyntaxError, ValueError, RecursionError, MemoryError) as e:
        print(p, type(e).__name__, str(e)[:200])
PY
/usr/bin/python3 "$work/dump.py" "$dir" >"$work/cpython.txt" 2>&1
"$root/build/taipan" "$work/dump.py" "$dir" >"$work/taipan.txt" 2>&1
n=$(wc -l <"$work/cpython.txt")
if diff "$work/cpython.txt" "$work/taipan.txt" >"$work/diff.txt"; then
    echo "$n files, all identical"
else
    cat "$work/diff.txt"
    echo "$n files, $(grep -c '^<' "$work/diff.txt") differ"
    exit 1
fi
