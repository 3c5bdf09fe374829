#!/usr/bin/env bash
# Taipan test runner.  Pure bash + coreutils/diffutils/sed/awk: no Python needed.
#
# Runs every test program with the implementation under test, builds the text
#   <stdout><stderr>[exit N]      ("[exit N]" line only when the status is non-zero)
# and compares it with the test's .exp file.  See tests/README.md.

set -u

usage() {
    cat <<'EOF'
usage: tools/runtests.sh [--taipan PATH] [--timeout SECS] [--jobs N]
                         [--env NAME=VALUE]... [-v] [DIR|FILE ...]

  --taipan PATH      implementation under test (default: build/taipan)
  --timeout SECS     time limit per test (default: 10); a timeout is a failure
  --jobs N, -j N     tests run in parallel (default: nproc)
  --env NAME=VALUE   set an environment variable for the implementation
                     (repeatable), e.g. --env TAIPAN_GCSTRESS=1
  -v, --verbose      also list the tests that passed
  --times FILE       write each test's wall time in seconds to FILE,
                     slowest first (to find what makes a run long)
  --write-exp        (used by tools/gen-exp.sh) write the captured output to
                     the .exp files instead of comparing
  DIR|FILE           test directories or single tests
                     (default: tests/lang tests/bad)

A directory holding a gen.sh (tests/bad) has its inputs generated into
build/tests-<name>/ and its tests run from there; its .exp files stay in the
source directory.  Expected failures are listed in tests/xfail.txt.
The last line of output is always "N passed, N failed"; the exit status is 0
iff nothing failed (2 on a usage or setup error).
EOF
}

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd) || exit 2
CALLER_PWD=$PWD
export LC_ALL=C  # for the runner's own tools; the implementation gets C.UTF-8

TAIPAN=build/taipan
TIMEOUT=10
JOBS=$(nproc 2>/dev/null || echo 2)
ENVS=()
ARGS=()
VERBOSE=0
WRITE_EXP=0
TIMES=""

die() { printf 'runtests: %s\n' "$*" >&2; printf '0 passed, 1 failed\n'; exit 2; }

while (($#)); do
    case $1 in
        --taipan) (($# >= 2)) || die "--taipan needs a value"; TAIPAN=$2; shift 2 ;;
        --taipan=*) TAIPAN=${1#*=}; shift ;;
        --timeout) (($# >= 2)) || die "--timeout needs a value"; TIMEOUT=$2; shift 2 ;;
        --timeout=*) TIMEOUT=${1#*=}; shift ;;
        --jobs|-j) (($# >= 2)) || die "--jobs needs a value"; JOBS=$2; shift 2 ;;
        --jobs=*) JOBS=${1#*=}; shift ;;
        -j[0-9]*) JOBS=${1#-j}; shift ;;
        --env) (($# >= 2)) || die "--env needs NAME=VALUE"; ENVS+=("$2"); shift 2 ;;
        --env=*) ENVS+=("${1#*=}"); shift ;;
        -v|--verbose) VERBOSE=1; shift ;;
        --times) (($# >= 2)) || die "--times needs a file"; TIMES=$2; shift 2 ;;
        --write-exp) WRITE_EXP=1; shift ;;
        -h|--help) usage; exit 0 ;;
        --) shift; ARGS+=("$@"); break ;;
        -*) usage >&2; die "unknown option: $1" ;;
        *) ARGS+=("$1"); shift ;;
    esac
done

[[ $JOBS =~ ^[1-9][0-9]*$ ]] || die "--jobs: not a positive integer: $JOBS"
[[ $TIMEOUT =~ ^[0-9]+([.][0-9]+)?$ ]] || die "--timeout: not a number: $TIMEOUT"
for e in ${ENVS[@]+"${ENVS[@]}"}; do
    [[ $e =~ ^[A-Za-z_][A-Za-z0-9_]*= ]] || die "--env: expected NAME=VALUE, got: $e"
done

# Resolve the implementation: relative paths are taken from the caller's
# directory, then from the repository root (so the default build/taipan works
# from anywhere); a bare name is looked up on PATH.
if [[ $TAIPAN == */* ]]; then
    if [[ $TAIPAN != /* ]]; then
        if [[ -e $CALLER_PWD/$TAIPAN ]]; then TAIPAN=$CALLER_PWD/$TAIPAN
        else TAIPAN=$ROOT/$TAIPAN; fi
    fi
else
    TAIPAN=$(command -v -- "$TAIPAN") || die "implementation not found on PATH"
fi
[[ -f $TAIPAN && -x $TAIPAN ]] || die "implementation not found or not executable: $TAIPAN"

cd "$ROOT" || exit 2
FULL_RUN=0
((${#ARGS[@]})) || { ARGS=(tests/lang tests/bad); FULL_RUN=1; }

# ---------------------------------------------------------------- discovery
# Each test is one record: name | run directory (absolute) | file | .exp path
TESTS=()
declare -A SEEN=()

add_test() {  # name rundir file exp
    [[ -n ${SEEN[$1]+x} ]] && return
    SEEN[$1]=1
    TESTS+=("$1|$2|$3|$4")
}

# Generate the inputs of a generated directory (one holding gen.sh) if they
# are missing or older than the generator or the committed sources.
declare -A GENERATED=()
ensure_generated() {  # srcdir (relative to ROOT) -> sets GEN_OUT
    local src=$1 out stamp f stale=0
    out=build/tests-$(basename "$src")
    GEN_OUT=$out
    [[ -n ${GENERATED[$src]+x} ]] && return 0
    stamp=$out/.stamp
    if [[ ! -f $stamp || $src/gen.sh -nt $stamp ]]; then
        stale=1
    else
        for f in "$src"/*.py; do
            [[ -e $f && $f -nt $stamp ]] && { stale=1; break; }
        done
    fi
    if ((stale)); then
        bash "$src/gen.sh" "$out" >&2 || die "$src/gen.sh failed"
        [[ -f $stamp ]] || die "$src/gen.sh did not write $stamp"
    fi
    GENERATED[$src]=1
}

rel_to_root() {  # path given by the user -> path relative to ROOT
    local p=$1 abs
    [[ $p == /* ]] || p=$CALLER_PWD/$p
    abs=$(realpath -m -- "$p") || return 1
    case $abs in
        "$ROOT") printf '.\n' ;;
        "$ROOT"/*) printf '%s\n' "${abs#"$ROOT"/}" ;;
        *) return 1 ;;
    esac
}

add_dir() {  # dir (relative to ROOT)
    local d=${1%/} f stem
    if [[ -f $d/gen.sh ]]; then
        ensure_generated "$d"
        for f in "$GEN_OUT"/*.py; do
            [[ -e $f ]] || continue
            stem=$(basename "$f" .py)
            add_test "$d/$stem.py" "$ROOT/$GEN_OUT" "$stem.py" "$d/$stem.exp"
        done
    else
        for f in "$d"/*.py; do
            [[ -e $f ]] || continue
            stem=$(basename "$f" .py)
            add_test "$d/$stem.py" "$ROOT/$d" "$stem.py" "$d/$stem.exp"
        done
    fi
}

add_file() {  # file (relative to ROOT): tests/x/foo.py, tests/x/foo.exp, build/tests-x/foo.py
    local f=$1 d stem
    d=$(dirname "$f")
    stem=$(basename "$f")
    stem=${stem%.py}
    stem=${stem%.exp}
    if [[ $d == build/tests-* && -f tests/${d#build/tests-}/gen.sh ]]; then
        d=tests/${d#build/tests-}
    fi
    if [[ -f $d/gen.sh ]]; then
        ensure_generated "$d"
        [[ -e $GEN_OUT/$stem.py ]] || die "no such generated test: $GEN_OUT/$stem.py"
        add_test "$d/$stem.py" "$ROOT/$GEN_OUT" "$stem.py" "$d/$stem.exp"
    else
        [[ -f $d/$stem.py ]] || die "no such test: $d/$stem.py"
        add_test "$d/$stem.py" "$ROOT/$d" "$stem.py" "$d/$stem.exp"
    fi
}

for a in "${ARGS[@]}"; do
    r=$(rel_to_root "$a") || die "not inside the repository: $a"
    if [[ -d $r ]]; then add_dir "$r"
    elif [[ -e $r || $r == *.py || $r == *.exp ]]; then add_file "$r"
    else die "no such test or directory: $a"
    fi
done
((${#TESTS[@]})) || die "no tests found"

# ---------------------------------------------------------------- xfail list
declare -A XFAIL=()
if ((!WRITE_EXP)) && [[ -f tests/xfail.txt ]]; then
    while read -r path reason; do
        [[ -z $path || $path == \#* ]] && continue
        XFAIL[$path]=${reason:-"(no reason given)"}
    done < tests/xfail.txt
fi

# ---------------------------------------------------------------- markers
# "# taipan-test: <flag>" anywhere in a test file selects how its stderr
# is compared.  One grep over all test files, so no per-test process.
declare -A MODE=()
declare -A QUOTED=()
# Escape a string for use as a literal in a sed regex.
sed_quote() { printf '%s' "$1" | sed -e 's/[]\/$*.^|[]/\\&/g'; }
scan_list=()
for rec in "${TESTS[@]}"; do
    IFS='|' read -r name rundir file exp <<<"$rec"
    scan_list+=("$rundir/$file")
    [[ -n ${QUOTED[$rundir]+x} ]] || QUOTED[$rundir]=$(sed_quote "$rundir/")
done
while IFS= read -r hit; do
    f=${hit%%:taipan-test:*}
    flag=${hit#"$f":taipan-test:}
    flag=${flag#"${flag%%[! ]*}"}
    case $flag in
        stderr-last-line) MODE[$f]=last ;;
        stderr-error-type) MODE[$f]=errtype ;;
        *) printf 'warning: %s: unknown marker "taipan-test: %s"\n' "$f" "$flag" >&2 ;;
    esac
done < <(LC_ALL=C grep -a -o -H -e "taipan-test: *[a-z-]*" -- "${scan_list[@]}" 2>/dev/null)
unset scan_list

# ---------------------------------------------------------------- running
WORK=$(mktemp -d "${TMPDIR:-/tmp}/taipan-tests.XXXXXX") || exit 2
trap 'rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM

# Append a newline to $1 unless it is empty or already ends with one.
end_line() { [[ -s $1 && -n $(tail -c 1 "$1") ]] && printf '\n' >>"$1"; return 0; }

# Compare two files without a process when they are small and free of NUL
# bytes (read stops at a NUL or after 1 MiB: then cmp decides).
same_file() {
    local a b ra rb
    IFS= read -r -d "" -n 1048576 a <"$1"; ra=$?
    IFS= read -r -d "" -n 1048576 b <"$2"; rb=$?
    if ((ra != 0 && rb != 0)); then [[ $a == "$b" ]]; return; fi
    cmp -s "$1" "$2"
}

# Diff, at most 40 lines, long lines shortened.
show_diff() {  # exp actual scratch
    local n
    diff -u -a --label "expected ($1)" --label "actual" "$1" "$2" >"$3"
    n=$(wc -l <"$3")
    head -n 40 "$3" |
        LC_ALL=C awk '{ if (length($0) > 300) print substr($0, 1, 300) " ...[line cut]"; else print }'
    ((n > 40)) && printf '... (diff cut: %d lines in all)\n' "$n"
    rm -f "$3"
}

# $1 - $2 for two EPOCHREALTIME values, in seconds with 2 decimals, no process.
bc_sub() {
    local a=${1/[.,]/} b=${2/[.,]/} d
    d=$(( (10#$a - 10#$b) / 10000 ))
    printf '%d.%02d' $((d / 100)) $((d % 100))
}

# Run one test; its result goes to $WORK/<index>.res (and .diff).
# Kept to few processes: subshell + timeout + implementation + cmp for a pass.
run_one() {  # index record
    local name rundir file exp rc mode t=$WORK/$1 act status detail=""
    IFS='|' read -r name rundir file exp <<<"$2"
    mode=${MODE[$rundir/$file]:-all}
    local t0=$EPOCHREALTIME

    # (The braces silence bash's own "Segmentation fault" report of the job.)
    { (
        cd "$rundir" || exit 125
        ulimit -c 0 2>/dev/null
        unset PYTHONPATH PYTHONHOME PYTHONSTARTUP PYTHONWARNINGS PYTHONHASHSEED PYTHONPYCACHEPREFIX PYTHONDONTWRITEBYTECODE
        export LC_ALL=C.UTF-8
        ((${#ENVS[@]} == 0)) || export "${ENVS[@]}"
        # A test whose set-up allocates heavily (importing asyncio) may ask
        # for a collection every N allocations instead of every one.
        if [[ -n ${TAIPAN_GCSTRESS:-} ]]; then
            every=$(head -n 5 "$file" 2>/dev/null | sed -n 's/^# gcstress-every: *\([0-9][0-9]*\).*/\1/p')
            [[ -n $every ]] && export TAIPAN_GCSTRESS=$every
        fi
        # A test that runs whole tools (venv, pip) may ask for N times the limit.
        limit=$TIMEOUT
        scale=$(head -n 5 "$file" 2>/dev/null | sed -n 's/^# timeout-scale: *\([0-9][0-9]*\).*/\1/p')
        [[ -n $scale ]] && limit=$(awk -v t="$TIMEOUT" -v s="$scale" 'BEGIN { print t * s }')
        exec timeout -k 2 "$limit" "$TAIPAN" "$file" </dev/null >"$t.out" 2>"$t.err"
    ); } 2>/dev/null
    rc=$?
    [[ -n $TIMES ]] && printf '%s %s\n' "$(bc_sub "$EPOCHREALTIME" "$t0")" "$name" >"$t.time"

    # Build "<stdout><stderr>[exit N]" in $act (stdout alone when that is all).
    if ((rc == 0)) && [[ ! -s $t.err ]]; then
        act=$t.out
    else
        act=$t.act
        # The reference implementation names the script by its absolute path
        # in tracebacks; Taipan may use the name as given: both read "foo.py".
        [[ -s $t.err ]] && LC_ALL=C sed -i -e "s/${QUOTED[$rundir]}//g" "$t.err"
        case $mode in
            all) cat "$t.out" "$t.err" >"$act" ;;
            last) cp "$t.out" "$act"; end_line "$act"; tail -n 1 "$t.err" >>"$act" ;;
            errtype) cp "$t.out" "$act"; end_line "$act"
                     tail -n 1 "$t.err" | LC_ALL=C sed -e 's/:.*//' >>"$act" ;;
        esac
        if ((rc != 0)); then
            end_line "$act"
            printf '[exit %d]\n' "$rc" >>"$act"
        fi
    fi

    if ((rc == 124)); then
        status=TIMEOUT; detail="after ${TIMEOUT}s"
    elif ((rc >= 128)); then
        status=CRASH; detail="signal $((rc - 128))"
    elif ((WRITE_EXP)); then
        if cmp -s "$act" "$exp" 2>/dev/null; then status=SAME
        elif cp "$act" "$exp"; then status=WROTE
        else status=FAIL; fi
    elif [[ ! -f $exp ]]; then
        status=FAIL; detail="no expected output $exp (run tools/gen-exp.sh $name)"
    elif same_file "$exp" "$act"; then
        status=PASS
    else
        status=FAIL
    fi

    if [[ $status == FAIL || $status == CRASH || $status == TIMEOUT ]] && [[ -f $exp ]]; then
        show_diff "$exp" "$act" "$t.d" >"$t.diff"
    fi
    if ((!WRITE_EXP)) && [[ -n ${XFAIL[$name]+x} ]]; then
        if [[ $status == PASS ]]; then status=XPASS
        else detail="${status}${detail:+ $detail}; ${XFAIL[$name]}"; status=XFAIL; fi
    fi
    printf '%s\t%s\t%s\n' "$status" "$name" "$detail" >"$t.res"
    # Large outputs (10 MB inputs) should not pile up in $WORK.
    [[ -s $t.err ]] && : >"$t.err"
    return 0
}

# JOBS workers; each takes the next unclaimed test.  A claim is the creation
# of $WORK/<index>.claim with noclobber (O_EXCL): atomic, and no process.
worker() {
    local i claimed
    for i in "${!TESTS[@]}"; do
        set -o noclobber
        { : >"$WORK/$i.claim"; } 2>/dev/null
        claimed=$?
        set +o noclobber
        ((claimed == 0)) || continue
        run_one "$i" "${TESTS[$i]}"
    done
}

nworkers=$JOBS
((nworkers <= ${#TESTS[@]})) || nworkers=${#TESTS[@]}
for ((w = 0; w < nworkers; w++)); do
    worker &
done
wait

# ---------------------------------------------------------------- report
passed=0 failed=0 xfailed=0 written=0
for i in "${!TESTS[@]}"; do
    t=$WORK/$i
    name=${TESTS[$i]%%|*}
    if [[ -f $t.res ]]; then
        IFS=$'\t' read -r status _ detail <"$t.res"
    else
        status=FAIL detail="runner error: no result"
    fi
    case $status in
        PASS) passed=$((passed + 1))
              ((VERBOSE)) && printf 'PASS     %s\n' "$name" ;;
        SAME) passed=$((passed + 1))
              ((VERBOSE)) && printf 'same     %s\n' "$name" ;;
        WROTE) written=$((written + 1)); passed=$((passed + 1))
               printf 'wrote    %s\n' "${TESTS[$i]##*|}" ;;
        XFAIL) xfailed=$((xfailed + 1))
               printf 'xfail    %s  (%s)\n' "$name" "$detail" ;;
        XPASS) failed=$((failed + 1))
               printf 'XPASS    %s  (passes but is listed in tests/xfail.txt: remove it)\n' "$name" ;;
        *) failed=$((failed + 1))
           printf '%-8s %s%s\n' "$status" "$name" "${detail:+  ($detail)}"
           [[ -f $t.diff ]] && sed 's/^/    /' "$t.diff"
           ;;
    esac
done

if ((!WRITE_EXP && FULL_RUN)); then
    # Keep the list honest: warn about entries that name no test (full runs only).
    for x in "${!XFAIL[@]}"; do
        [[ -n ${SEEN[$x]+x} ]] || printf 'warning: tests/xfail.txt names a missing test: %s\n' "$x"
    done
fi

if [[ -n $TIMES ]]; then
    [[ $TIMES == /* ]] || TIMES=$CALLER_PWD/$TIMES
    cat "$WORK"/*.time 2>/dev/null | sort -rn >"$TIMES"
fi

total=${#TESTS[@]}
if ((WRITE_EXP)); then
    printf '%d tests: %d .exp files written, %d unchanged, %d could not be captured\n' \
        "$total" "$written" "$((passed - written))" "$failed"
else
    printf '%d tests, %d xfail (expected failures, listed in tests/xfail.txt, not counted)\n' \
        "$total" "$xfailed"
fi
printf '%d passed, %d failed\n' "$passed" "$failed"
((failed == 0))
