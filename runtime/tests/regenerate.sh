#!/usr/bin/env bash
# Records CPython 3.11's output for the runtime/ module tests: NAME.py.out
# (stdout), and NAME.py.err / NAME.py.rc when stderr is non-empty or the exit
# code is not 0 (stale ones are removed). Same environment as check.sh.
#
#   runtime/tests/regenerate.sh [test_NAME.py ...]   # default: every test_*.py
#
# PYTHON overrides the interpreter (default /usr/bin/python3.11).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
python="${PYTHON:-/usr/bin/python3.11}"
# Removes "<this folder>/" from a file: CPython reports the main script by its
# absolute path (in warnings and tracebacks), the VM by the path it was given.
normalize() {
  local escaped
  escaped="$(printf '%s/' "$here" | sed 's/[][\\/.*^$|]/\\&/g')"
  sed -i "s/$escaped//g" "$1"
}

cd "$here"
if [[ $# -gt 0 ]]; then
  programs=()
  for p in "$@"; do programs+=("$(basename "$p")"); done
else
  programs=(test_*.py)
fi
for prog in "${programs[@]}"; do
  set +e
  env -u PYTHONPATH -u PYTHONSTARTUP -u PYTHONWARNINGS PYTHONHASHSEED=0 \
    PYTHONDONTWRITEBYTECODE=1 LC_ALL=C.UTF-8 \
    "$python" "$prog" >"$prog.out" 2>"$prog.err" </dev/null
  rc=$?
  set -e
  normalize "$prog.out"
  normalize "$prog.err"
  if [[ $rc -ne 0 || -s "$prog.err" ]]; then
    echo "$rc" >"$prog.rc"
    echo "recorded $prog (exit $rc, with stderr)"
  else
    rm -f "$prog.err" "$prog.rc"
    echo "recorded $prog"
  fi
done
