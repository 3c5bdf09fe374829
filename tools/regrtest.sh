#!/usr/bin/env bash
# regrtest.sh - run CPython 3.11's regression test suite (Debian's libpython3.11-testsuite)
# under an implementation, one module per process, and record per-module results.
#
#   tools/regrtest.sh [--taipan BIN | --python BIN] [-j N] [--timeout S] [MODULE...]
#       run the modules (default: every test_* module and package) and print the table
#   tools/regrtest.sh --report
#       join build/regrtest/taipan.tsv with build/regrtest/cpython.tsv into
#       tests/regrtest/results.tsv (rows of modules run again replace the old ones) and
#       regenerate the table in docs/compatibility.md
#   tools/regrtest.sh --table [--python BIN]
#       only rebuild build/regrtest/NAME.tsv from the per-module files
#   tools/regrtest.sh --guard [--taipan BIN] [-j N]
#       run tests/regrtest/guard.txt; the last line is "N passed, N failed" (modules)
#
# Per module, build/regrtest/NAME/MODULE.{tests,log,rc,time} keep the driver's per-test
# lines (tools/regrtest_driver.py), the output, the exit status and the wall time; NAME is
# "taipan" or "cpython" (--out NAME overrides). build/regrtest/NAME.tsv is the table:
#   module status run passed failed errors skipped seconds
# status: ok, failures, timeout, crash:SIGNAL, import, skipped (whole module skipped),
# exit:N (the process ended with status N before the driver finished).
set -u
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd) || exit 2
TESTDIR=/usr/lib/python3.11/test

# --one MODULE: internal, runs one module (called in parallel through xargs).
if [ "${1:-}" = --one ]; then
    mod=$2; dir=$RG_DIR
    rm -f "$dir/$mod.tests" "$dir/$mod.rc"
    work=$(mktemp -d "${TMPDIR:-/tmp}/regrtest-$mod.XXXXXX")
    start=$(date +%s.%N)
    # timeout runs the command in its own process group and signals the whole group.
    ( cd "$work" && LC_ALL=C.UTF-8 exec timeout -k 10 "$RG_TIMEOUT" \
        $RG_IMPL "$ROOT/tools/regrtest_driver.py" "$mod" "$dir/$mod.tests" \
        </dev/null >"$dir/$mod.log" 2>&1 )
    rc=$?
    end=$(date +%s.%N)
    echo "$rc" >"$dir/$mod.rc"
    awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f\n", b - a }' >"$dir/$mod.time"
    rm -rf "$work"
    line=$("$ROOT/tools/regrtest.sh" --summarize "$dir" "$mod")
    echo "$line" | awk -F'\t' '{ printf "%-40s %-12s %5d/%-5d %6.1fs\n", $1, $2, $4, $3, $8 }'
    exit 0
fi

# --summarize DIR MODULE: one table row from a module's files.
if [ "${1:-}" = --summarize ]; then
    dir=$2; mod=$3
    rc=$(cat "$dir/$mod.rc" 2>/dev/null || echo 255)
    secs=$(cat "$dir/$mod.time" 2>/dev/null || echo 0)
    touch "$dir/$mod.tests"
    awk -F'\t' -v mod="$mod" -v rc="$rc" -v secs="$secs" '
        $1 == "pass" { run++; passed++ }
        $1 == "fail" { run++; failed++ }
        $1 == "error" { run++; errors++ }
        $1 == "skip" { run++; skipped++ }
        $1 == "classerror" || $1 == "loaderror" || $1 == "driver" { errors++ }
        $1 == "import" { imp = 1 }
        $1 == "modskip" { modskip = 1 }
        $1 == "done" { done = 1 }
        END {
            sigs["1"]="HUP"; sigs["2"]="INT"; sigs["3"]="QUIT"; sigs["4"]="ILL"; sigs["5"]="TRAP";
            sigs["6"]="ABRT"; sigs["7"]="BUS"; sigs["8"]="FPE"; sigs["9"]="KILL";
            sigs["11"]="SEGV"; sigs["13"]="PIPE"; sigs["15"]="TERM"
            if (rc == 124 || rc == 137) status = "timeout"
            else if (rc > 128) { s = rc - 128; status = "crash:" ((s in sigs) ? sigs[s] : s) }
            else if (rc == 3 || imp) status = "import"
            else if (rc == 4 || (modskip && run == 0)) status = "skipped"
            else if (rc != 0 || !done) status = "exit:" rc
            else if (failed + errors > 0) status = "failures"
            else status = "ok"
            printf "%s\t%s\t%d\t%d\t%d\t%d\t%d\t%s\n", mod, status, run, passed, failed, errors, skipped, secs
        }' "$dir/$mod.tests"
    exit 0
fi

list_modules() {
    local f n
    for f in "$TESTDIR"/test_*; do
        n=${f##*/}
        case $n in
            *.py) echo "${n%.py}" ;;
            *.*) ;;
            *) [ -d "$f" ] && echo "$n" ;;
        esac
    done
}

ensure_testsuite() {
    [ -e "$TESTDIR/test_grammar.py" ] && return 0
    echo "regrtest.sh: installing libpython3.11-testsuite" >&2
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo=sudo
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null &&
        $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q libpython3.11-testsuite >/dev/null
    [ -e "$TESTDIR/test_grammar.py" ] || { echo "regrtest.sh: no $TESTDIR/test_grammar.py" >&2; exit 2; }
}

# table DIR: the table of every module run into DIR, sorted by module.
table() {
    local dir=$1 f
    for f in "$dir"/*.rc; do
        [ -e "$f" ] || continue
        f=${f##*/}
        "$ROOT/tools/regrtest.sh" --summarize "$dir" "${f%.rc}"
    done | sort
}

report() {
    local tsv="$ROOT/tests/regrtest/results.tsv" tp="$ROOT/build/regrtest/taipan.tsv"
    local cp="$ROOT/build/regrtest/cpython.tsv"
    mkdir -p "$ROOT/tests/regrtest"
    [ -e "$tsv" ] || : >"$tsv"
    # Old rows, then this run's rows; the last row seen for a module wins.
    awk -F'\t' -v OFS='\t' -v tp="$tp" -v cp="$cp" '
        FNR == 1 && FILENAME == tp { phase = "t" }
        FNR == 1 && FILENAME == cp { phase = "c" }
        phase == "" && $1 != "module" && $1 != "TOTAL" && NF >= 8 {
            st[$1] = $2; r[$1] = $3; p[$1] = $4; f[$1] = $5; e[$1] = $6; s[$1] = $7; c[$1] = $8; cst[$1] = $9
            seen[$1] = 1 }
        phase == "t" { st[$1] = $2; r[$1] = $3; p[$1] = $4; f[$1] = $5; e[$1] = $6; s[$1] = $7; seen[$1] = 1 }
        phase == "c" { c[$1] = $4; cst[$1] = $2; seen[$1] = 1 }
        END {
            print "module", "status", "run", "passed", "failed", "errors", "skipped", "cpython_passed", "cpython_status"
            for (m in seen) {
                if (!(m in st)) { st[m] = "notrun"; r[m] = p[m] = f[m] = e[m] = s[m] = 0 }
                if (!(m in c)) { c[m] = 0; cst[m] = "notrun" }
                print m, st[m], r[m], p[m], f[m], e[m], s[m], c[m], cst[m] | "sort"
            }
        }' "$tsv" "$tp" "$cp" >"$tsv.new" 2>/dev/null || true
    # "sort" output arrives after the header: fine. Totals line at the end.
    awk -F'\t' -v OFS='\t' 'NR > 1 { n++; r += $3; p += $4; f += $5; e += $6; s += $7; c += $8
            # a test counts as passed only up to what CPython passes in that module
            capped += ($4 < $8 ? $4 : $8)
            if ($2 == "ok") ok++ }
        { print }
        END { printf "TOTAL\t%d/%d ok\t%d\t%d\t%d\t%d\t%d\t%d\t%.1f%%\n", ok, n, r, p, f, e, s, c, (c ? 100 * capped / c : 0) }' \
        "$tsv.new" >"$tsv"
    rm -f "$tsv.new"
    tail -n 1 "$tsv"
    "$ROOT/tools/regrtest_doc.sh"
}

impl="$ROOT/build/taipan"; name=taipan; jobs=$(nproc 2>/dev/null || echo 2); timeout=120
mode=run; mods=()
while [ $# -gt 0 ]; do
    case $1 in
        --taipan) impl=$2; name=taipan; shift 2 ;;
        --python) impl=$2; name=cpython; shift 2 ;;
        --out) name=$2; shift 2 ;;
        -j|--jobs) jobs=$2; shift 2 ;;
        -j*) jobs=${1#-j}; shift ;;
        --timeout) timeout=$2; shift 2 ;;
        --report) mode=report; shift ;;
        --table) mode=table; shift ;;
        --guard) mode=guard; shift ;;
        -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
        -*) echo "regrtest.sh: unknown option $1" >&2; exit 2 ;;
        *) mods+=("$1"); shift ;;
    esac
done

[ "$mode" = report ] && { report; exit 0; }
if [ "$mode" = table ]; then
    table "$ROOT/build/regrtest/$name" >"$ROOT/build/regrtest/$name.tsv"; exit 0
fi
# Each module runs in a scratch directory: a relative path to the implementation would break.
case $impl in */*) impl=$(cd "$(dirname "$impl")" && pwd)/$(basename "$impl") ;; esac
ensure_testsuite
if [ "$mode" = guard ]; then
    name=guard
    mapfile -t mods < <(grep -sv '^#' "$ROOT/tests/regrtest/guard.txt" | awk 'NF { print $1 }')
    [ ${#mods[@]} -eq 0 ] && { echo "0 passed, 0 failed"; exit 0; }
fi
[ ${#mods[@]} -eq 0 ] && mapfile -t mods < <(list_modules)
dir="$ROOT/build/regrtest/$name"
mkdir -p "$dir"
export RG_DIR=$dir RG_IMPL=$impl RG_TIMEOUT=$timeout
printf '%s\n' "${mods[@]}" | xargs -P "$jobs" -I{} "$ROOT/tools/regrtest.sh" --one {}
if [ "$mode" = guard ]; then
    bad=0
    for m in "${mods[@]}"; do
        row=$("$ROOT/tools/regrtest.sh" --summarize "$dir" "$m")
        st=$(echo "$row" | cut -f2)
        [ "$st" = ok ] || { echo "guard: $m is $st (see $dir/$m.tests, $dir/$m.log)"; bad=$((bad + 1)); }
    done
    echo "$(( ${#mods[@]} - bad )) passed, $bad failed"
    [ "$bad" -eq 0 ]; exit
fi
table "$dir" >"$ROOT/build/regrtest/$name.tsv"
awk -F'\t' '{ n++; r += $3; p += $4; f += $5; e += $6; s += $7; if ($2 == "ok") ok++ }
    END { printf "%d modules, %d ok; tests: %d run, %d passed, %d failed, %d errors, %d skipped\n", n, ok, r, p, f, e, s }' \
    "$ROOT/build/regrtest/$name.tsv"
