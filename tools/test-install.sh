#!/usr/bin/env bash
# test-install.sh - `make install` into a temporary PREFIX (and DESTDIR), then
# the installed taipan and taipan3.11 run a program from another directory and
# print what CPython prints for it; `make uninstall` removes what was installed.
# The last line is "N passed, N failed" (one test).
set -u
cd "$(dirname "$0")/.." || exit 2
repo=$PWD
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL     install: $*"; echo "0 passed, 1 failed"; exit 1; }

make -s install PREFIX=/opt/tp DESTDIR="$tmp/stage" >/dev/null || fail "make install DESTDIR failed"
[ -x "$tmp/stage/opt/tp/bin/taipan" ] && [ -L "$tmp/stage/opt/tp/bin/taipan3.11" ] &&
  [ -d "$tmp/stage/opt/tp/lib/taipan" ] || fail "DESTDIR layout"
make -s install PREFIX="$tmp/prefix" >/dev/null || fail "make install failed"

cat >"$tmp/prog.py" <<'PY'
import json, os, sys, sysconfig, subprocess
print(os.getcwd(), sys.argv[1:], json.dumps({"a": [1, 2]}))
print(sys.prefix == sys.base_prefix, sys.flags.isolated, os.path.isabs(sys.executable))
print(sysconfig.get_python_version(), sys.version_info[:2])
print(sysconfig.get_config_var("BINDIR") == os.path.dirname(os.path.realpath(sys.executable)))
# Taipan's own lib/ is the installed one, found from the binary's location.
lib = [p for p in sys.path if p.endswith("/lib/taipan")]
print(lib == [] or lib[0] == os.path.join(os.path.dirname(os.path.dirname(os.path.realpath(sys.executable))), "lib", "taipan"))
print(subprocess.run([sys.executable, "-c", "print(6 * 7)"], capture_output=True, text=True).stdout, end="")
PY
expected=$(cd / && /usr/bin/python3 "$tmp/prog.py" x 2>&1)
for exe in taipan taipan3.11; do
  got=$(cd / && "$tmp/prefix/bin/$exe" "$tmp/prog.py" x 2>&1)
  [ "$got" = "$expected" ] || fail "$exe from /: expected [$expected], got [$got]"
  got=$(cd / && PATH="$tmp/prefix/bin:$PATH" "$exe" "$tmp/prog.py" x 2>&1)
  [ "$got" = "$expected" ] || fail "$exe on PATH: expected [$expected], got [$got]"
done
[ "$(cd / && "$tmp/prefix/bin/taipan" -c 'import sys; print(sys.path[1])')" = "$tmp/prefix/lib/taipan" ] ||
  fail "lib/taipan not on sys.path"

make -s uninstall PREFIX="$tmp/prefix" >/dev/null || fail "make uninstall failed"
[ -z "$(find "$tmp/prefix" -type f -o -type l)" ] || fail "uninstall left $(find "$tmp/prefix" -type f -o -type l)"
echo "PASS     install (make install, taipan and taipan3.11 from /, make uninstall)"
echo "1 passed, 0 failed"
