#!/usr/bin/env bash
# Regenerate expected outputs (.exp) from the reference implementation,
# Debian's CPython 3.11.2 at /usr/bin/python3.
#
#   tools/gen-exp.sh                      all tests (tests/lang tests/bad)
#   tools/gen-exp.sh tests/lang/foo.py    just the tests named (or directories)
#
# The capture is done by tools/runtests.sh itself (--write-exp), so the .exp
# format is exactly what the runner compares against.  Only changed files are
# rewritten; a test whose reference run crashes or times out is reported and
# its .exp left alone.  Review the result with `git diff tests/` before
# committing.
set -u
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd) || exit 2
REF=${TAIPAN_REF_PYTHON:-/usr/bin/python3}
[[ -x $REF ]] || { echo "gen-exp: reference implementation not found: $REF" >&2; exit 2; }
ver=$("$REF" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null)
[[ $ver == 3.11 ]] || echo "gen-exp: warning: $REF is Python ${ver:-?}, the reference is 3.11" >&2
exec "$ROOT/tools/runtests.sh" --taipan "$REF" --write-exp "$@"
