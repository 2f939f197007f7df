#!/usr/bin/env bash
# Regenerates the expected outputs of the conformance programs with CPython 3.11.
#
#   testing/conformance/regenerate.sh              # every NN_*.py program
#   testing/conformance/regenerate.sh 05_arithmetic_float.py ...   # only these
#
# For each program NAME.py it runs `python3.11 NAME.py` with cwd = this folder
# (so tracebacks show the relative path), PYTHONHASHSEED=0 and a UTF-8 locale,
# and writes NAME.py.out (stdout). When the exit code is non-zero or stderr is
# non-empty it also writes NAME.py.err (stderr) and NAME.py.rc (exit code);
# otherwise stale .err/.rc files are removed. PYTHON overrides the interpreter.
#
# CPython 3.11 makes the main script's __file__ absolute, so tracebacks name
# "/abs/path/to/testing/conformance/NAME.py". The absolute path of this folder
# followed by "/" is removed from stdout and stderr before they are written, so
# the expected files hold `File "NAME.py"` whatever the checkout's location;
# check.sh applies the same rewrite to the output it checks.
set -euo pipefail

# CONFORMANCE_DIR names another folder of programs laid out the same way
# (testing/torch_eager uses these scripts for its torch programs).
here="$(cd "${CONFORMANCE_DIR:-$(dirname "${BASH_SOURCE[0]}")}" && pwd)"
python="${PYTHON:-/usr/bin/python3.11}"
cd "$here"

# Removes "<this folder>/" from a file, in place (see above).
normalize() {
  local f="$1"
  if grep -qF "$here/" "$f"; then
    local escaped
    escaped="$(printf '%s/' "$here" | sed 's/[][\\/.*^$|]/\\&/g')"
    sed -i "s/$escaped//g" "$f"
  fi
}

if [[ $# -gt 0 ]]; then
  programs=()
  for p in "$@"; do programs+=("$(basename "$p")"); done
else
  programs=([0-9][0-9]_*.py)
  # Expected files whose program is gone.
  for f in [0-9][0-9]_*.py.out [0-9][0-9]_*.py.err [0-9][0-9]_*.py.rc; do
    [[ -e "$f" ]] || continue
    prog="${f%.*}"
    if [[ ! -e "$prog" ]]; then
      echo "removing stale $f"
      rm -f "$f"
    fi
  done
fi

for prog in "${programs[@]}"; do
  if [[ ! -f "$prog" ]]; then
    echo "no such program: $prog" >&2
    exit 2
  fi
  set +e
  env -u PYTHONPATH -u PYTHONSTARTUP -u PYTHONWARNINGS -u PYTHONIOENCODING \
    PYTHONHASHSEED=0 PYTHONDONTWRITEBYTECODE=1 LC_ALL=C.UTF-8 \
    "$python" "$prog" >"$prog.out" 2>"$prog.err.tmp" </dev/null
  rc=$?
  set -e
  normalize "$prog.out"
  normalize "$prog.err.tmp"
  rm -f "$prog.err" "$prog.rc"
  if [[ $rc -ne 0 || -s "$prog.err.tmp" ]]; then
    mv "$prog.err.tmp" "$prog.err"
    echo "$rc" >"$prog.rc"
    echo "$prog: exit $rc, $(wc -l <"$prog.out") stdout lines, $(wc -l <"$prog.err") stderr lines"
  else
    rm -f "$prog.err.tmp"
    echo "$prog: $(wc -l <"$prog.out") lines"
  fi
done
