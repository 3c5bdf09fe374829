#!/usr/bin/env bash
# Generate the bad-input test files deterministically into build/tests-bad/
# (or the directory given).  Large and binary inputs are made here instead of
# being committed; the small committed cases (tests/bad/*.py) are copied
# alongside so that every bad-input test runs from the same directory.
# Their expected outputs (tests/bad/*.exp) are committed.
#
# Only bash, coreutils and awk (mawk or gawk, run in the C locale) are used.
set -eu
export LC_ALL=C
SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$SRC/../.." && pwd)
OUT=${1:-build/tests-bad}
[[ $OUT == /* ]] || OUT=$ROOT/$OUT

rm -rf "$OUT"
mkdir -p "$OUT"
cp "$SRC"/*.py "$OUT"/

MB10=10485760

# Random bytes.  The first byte is 0xff (never valid in UTF-8), so the
# reference implementation stops at once with
#   SyntaxError: Non-UTF-8 code starting with '\xff' in file random_bytes.py ...
# The rest is 64 KiB from a Park-Miller generator with a fixed seed.
awk 'BEGIN {
    printf "%c", 255
    x = 20240601
    for (i = 0; i < 65536; i++) {
        x = (x * 16807) % 2147483647
        printf "%c", int(x / 256) % 256
    }
}' >"$OUT/random_bytes.py"

# A null byte in the middle of a line.  Only the exception type is compared:
# CPython 3.11 reports a confusing "invalid syntax" here (3.12 says "source
# code cannot contain null bytes"); any SyntaxError is right.
{
    printf '# taipan-test: stderr-error-type\n'
    printf 'print("before")\n'
    printf 'x = 1 \000 + 2\n'
    printf 'print(x)\n'
} >"$OUT/null_byte.py"

# 10 MB of valid Python: ~11700 assignment lines (each padded by a long
# comment), then a print of the result.
awk -v limit="$MB10" 'BEGIN {
    pad = "#"
    for (i = 0; i < 95; i++) pad = pad " padding."
    print "total = 0"
    n = 10
    i = 0
    while (n < limit) {
        line = sprintf("total = (total * 31 + %d) %% 1000003  %s", i++, pad)
        print line
        n += length(line) + 1
    }
    print "print(total)"
}' >"$OUT/big_valid_10mb.py"

# One 10 MB invalid line: a string literal that is never closed.  The
# reference echoes the whole line in the error, so only the last line of
# stderr is compared (the marker is on the line before).
{
    printf '# taipan-test: stderr-last-line\n'
    awk -v limit="$MB10" 'BEGIN {
        printf "x = \""
        for (n = 5; n < limit; n += 64)
            printf "%s", "abcdefghijklmnopqrstuvwxyz 0123456789 ABCDEFGHIJKLMNOPQRSTUVWXYZ "
        printf "\n"
    }'
} >"$OUT/big_invalid_line_10mb.py"

# nest OPEN CLOSE DEPTH: OPEN*DEPTH 1 CLOSE*DEPTH
nest() {
    awk -v o="$1" -v c="$2" -v d="$3" 'BEGIN {
        s = ""; for (i = 0; i < d; i++) s = s o
        s = s "1"; for (i = 0; i < d; i++) s = s c
        print s
    }'
}
{ printf 'x = '; nest '(' ')' 1000; printf 'print(x)\n'; } >"$OUT/nested_parens_1000.py"
{ printf 'x = '; nest '[' ']' 150; printf 'print(x)\n'; } >"$OUT/nested_lists_150.py"
{ printf 'x = '; nest '[' ']' 1000; printf 'print(x)\n'; } >"$OUT/nested_lists_1000.py"

# The generator must give the same bytes everywhere (awk implementations differ).
(cd "$OUT" && sha256sum -c --quiet --strict) <<'SUMS' || { echo "gen.sh: generated files differ from the reference checksums" >&2; exit 1; }
2b85306b9af013c12a38beb761012b01eda758162027203643452404a13e0a73  random_bytes.py
6c1a13aa92ca375cafb0db1228fc739e7707c996f0e467cf6d7c65170d8bb802  null_byte.py
ee75d4a8d3128da62cb4e8f662b6fe5b1f80ce6f6d19056b49354956fe8efa4f  big_valid_10mb.py
e751392e45af20986341594b16dc31bf2ed9e868b71c3449266395c82617fa73  big_invalid_line_10mb.py
5f6fe94e7e5b80bdeb487922e50c9980ea66ac7942dfb54cac7e3aa6686c7a22  nested_parens_1000.py
12d168b21582f54f516a0e81fcd123d80f58b1974b7a951cb1bd26ac428cf3f2  nested_lists_150.py
0b36aae4743b4750f7b6e0cb3e6041da44e0fda6e1728b2cb036714bb5753360  nested_lists_1000.py
SUMS

date -u +%FT%TZ >"$OUT/.stamp"
