#!/usr/bin/env bash
# check_compile.sh: compile() and ast.parse over a whole library, Taipan against CPython 3.11.
#
# Usage: tools/check_compile.sh [DIR]      (make check-compile)
#   DIR defaults to /usr/lib/python3.11 (with test/ from libpython3.11-testsuite).
#   1. every file CPython compiles, Taipan compiles; every file CPython rejects,
#      Taipan rejects with the same exception type;
#   2. ast.dump(ast.parse(src), include_attributes=True) is equal (CRC-32 + length);
#   3. the time to compile() every file, best of 3, side by side (not a pass/fail check).
# Prints the counts; exits 1 if any file differs.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="${1:-/usr/lib/python3.11}"
taipan="${TAIPAN:-$root/build/taipan}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
status=0
for mode in compile ast; do
    /usr/bin/python3 "$root/tools/check_compile.py" $mode "$dir" >"$work/cpython.$mode" 2>&1
    "$taipan" "$root/tools/check_compile.py" $mode "$dir" >"$work/taipan.$mode" 2>&1
    n=$(wc -l <"$work/cpython.$mode")
    ok=$(grep -c ' OK$' "$work/cpython.$mode")
    if diff "$work/cpython.$mode" "$work/taipan.$mode" >"$work/diff.$mode"; then
        same=$n
    else
        head -n 40 "$work/diff.$mode"
        same=$((n - $(grep -c '^<' "$work/diff.$mode")))
        status=1
    fi
    case $mode in
    compile) echo "compile(): $n files ($ok compiled by CPython, $((n - ok)) rejected): $same the same in Taipan, $((n - same)) differ";;
    ast)     echo "ast.dump(ast.parse()): $n files: $same equal, $((n - same)) differ";;
    esac
done
echo "compile() throughput, every file, best of 3:"
echo "  python3 3.11: $(/usr/bin/python3 "$root/tools/check_compile.py" time "$dir")"
echo "  taipan:       $("$taipan" "$root/tools/check_compile.py" time "$dir")"
exit $status
