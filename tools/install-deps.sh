#!/usr/bin/env bash
# install-deps.sh - check for (and with no argument, install) the Debian packages the build needs.
set -u
# package : a file that proves it is installed
deps=(
  "gcc:/usr/bin/gcc"
  "make:/usr/bin/make"
  "libgmp-dev:/usr/include/x86_64-linux-gnu/gmp.h"
  "zlib1g-dev:/usr/include/zlib.h"
  "libbz2-dev:/usr/include/bzlib.h"
  "liblzma-dev:/usr/include/lzma.h"
  "libssl-dev:/usr/include/openssl/evp.h"
  "libsqlite3-dev:/usr/include/sqlite3.h"
  "libexpat1-dev:/usr/include/expat.h"
  "libreadline-dev:/usr/include/readline/readline.h"
  "libpython3.11-stdlib:/usr/lib/python3.11/os.py"
  # tests: the prompt in a terminal (mod_cli_terminal), venv with ensurepip's
  # wheels and pip (mod_venv_pip)
  "tmux:/usr/bin/tmux"
  "python3-venv:/usr/lib/python3.11/ensurepip/__init__.py"
  "python3-venv:/usr/share/python-wheels/pip-23.0.1-py3-none-any.whl"
  "python3-pip:/usr/lib/python3/dist-packages/pip/__init__.py"
)
missing=()
for d in "${deps[@]}"; do
  pkg=${d%%:*} file=${d#*:}
  [ -e "$file" ] || [[ " ${missing[*]} " == *" $pkg "* ]] || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "${1:-}" = "--check" ]; then
  echo "taipan: missing build dependencies: ${missing[*]}" >&2
  echo "taipan: install them with: make deps   (or: apt-get install ${missing[*]})" >&2
  exit 1
fi
echo "install-deps: installing ${missing[*]}"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
if ! $SUDO apt-get install -y "${missing[@]}"; then
  $SUDO apt-get update && $SUDO apt-get install -y "${missing[@]}" || {
    echo "install-deps: could not install ${missing[*]}" >&2; exit 1; }
fi
