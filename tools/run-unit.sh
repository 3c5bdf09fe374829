#!/usr/bin/env bash
# run-unit.sh - run the C unit test binaries; each passes by exiting 0. Last line: N passed, N failed.
set -u
passed=0 failed=0
for bin in "$@"; do
  name=$(basename "$bin")
  if out=$("$bin" 2>&1); then
    passed=$((passed + 1)); printf 'PASS     %s\n' "$name"
  else
    failed=$((failed + 1)); printf 'FAIL     %s\n' "$name"
  fi
  printf '%s\n' "$out" | sed 's/^/    /'
done
printf '%d passed, %d failed\n' "$passed" "$failed"
[ "$failed" -eq 0 ]
