#!/usr/bin/env bash
# test.sh - the project's test command: build, run the C unit tests, then tests/lang and tests/bad.
#
#   tools/test.sh             optimized build
#   tools/test.sh --asan      AddressSanitizer + UndefinedBehaviorSanitizer build
#   tools/test.sh --gcstress  optimized build, a collection at every allocation
#
# In release mode it also runs the regression guard: the CPython test modules listed in
# tests/regrtest/guard.txt must pass completely (tools/regrtest.sh --guard).
# The last line is "N passed, N failed" over all of it; the exit status is 0 iff nothing failed.
set -u
cd "$(dirname "$0")/.." || exit 2
mode=${1:-release}
case $mode in
  release|--release) target=build/taipan; unit_dir=build/unit; runner_args=() ;;
  --asan) target=build/taipan-asan; unit_dir=build/unit-asan
          export ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=print_stacktrace=1
          export TAIPAN_GC_TOTAL_GB=2
          runner_args=(--timeout 60) ;;
  --gcstress) target=build/taipan; unit_dir=build/unit
          runner_args=(--env TAIPAN_GCSTRESS=1 --timeout 120) ;;
  *) echo "usage: tools/test.sh [--asan|--gcstress]" >&2; echo "0 passed, 1 failed"; exit 2 ;;
esac
jobs=$(nproc 2>/dev/null || echo 2)
if ! make -s -j"$jobs" "$target" >/dev/null; then
  echo "test.sh: build of $target failed"; echo "0 passed, 1 failed"; exit 1
fi
units=()
for src in tests/unit/test_*.c; do
  [ -e "$src" ] || continue
  units+=("$unit_dir/$(basename "$src" .c)")
done
unit_out=""
if [ ${#units[@]} -gt 0 ]; then
  if ! make -s "${units[@]}" >/dev/null; then
    echo "test.sh: build of the unit tests failed"; echo "0 passed, 1 failed"; exit 1
  fi
  if [ "$mode" = --gcstress ]; then
    unit_out=$(TAIPAN_GCSTRESS=50 TAIPAN_GC_TOTAL_GB=1 tools/run-unit.sh "${units[@]}")
  else
    unit_out=$(tools/run-unit.sh "${units[@]}")
  fi
  printf '%s\n' "$unit_out" | sed '$d'
fi
lang_out=$(tools/runtests.sh --taipan "$target" --times "build/test-times${mode#release}.txt" "${runner_args[@]}")
printf '%s\n' "$lang_out" | sed '$d'
# The installed binary is the release one: make install is checked once.
# The regression guard (release only): CPython test modules that pass completely today
# (tests/regrtest/guard.txt) must keep passing; each counts as one test.
ip=0 if_=0
guard_out=""
if [ "$mode" = release ] || [ "$mode" = --release ]; then
  inst_out=$(tools/test-install.sh)
  printf '%s\n' "$inst_out" | sed '$d'
  read -r ip _ if_ _ <<<"$(printf '%s\n' "$inst_out" | tail -n 1)"
  guard_out=$(tools/regrtest.sh --guard --taipan "$target" -j "$jobs" | grep -v '^test_.* ok ')
  printf '%s\n' "$guard_out" | sed '$d'
fi
read -r up _ uf _ <<<"$(printf '%s\n' "$unit_out" | tail -n 1)"
read -r lp _ lf _ <<<"$(printf '%s\n' "$lang_out" | tail -n 1)"
read -r gp _ gf _ <<<"$(printf '%s\n' "$guard_out" | tail -n 1)"
passed=$(( ${up:-0} + ${lp:-0} + ${ip:-0} + ${gp:-0} )); failed=$(( ${uf:-0} + ${lf:-0} + ${if_:-0} + ${gf:-0} ))
printf 'unit tests: %s passed, %s failed; language tests: %s passed, %s failed; install: %s passed, %s failed; regrtest guard: %s passed, %s failed\n' \
  "${up:-0}" "${uf:-0}" "${lp:-0}" "${lf:-0}" "${ip:-0}" "${if_:-0}" "${gp:-0}" "${gf:-0}"
printf '%d passed, %d failed\n' "$passed" "$failed"
[ "$failed" -eq 0 ]
