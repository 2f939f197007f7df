#!/usr/bin/env bash
# Runs runtime/ module tests under an interpreter and compares each program's
# stdout (NAME.py.out), stderr (only where NAME.py.err is recorded) and exit
# code (NAME.py.rc, else 0) with what CPython 3.11 recorded (regenerate.sh).
#
#   runtime/tests/check.sh VM [test_NAME.py ...]    # default: every test_*.py
#
# VM is called as `VM run NAME.py`, or `VM NAME.py` when its file name starts
# with "python" (a self-check against CPython). Programs run with cwd = this
# folder, PYTHONHASHSEED=0 and a UTF-8 locale, as regenerate.sh ran them.
# Prints `ok NAME` or `FAIL NAME` with the head of a diff; exits 1 on failure.
set -uo pipefail

if [[ $# -lt 1 ]]; then
  sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
vm="$1"
shift
[[ "$vm" == */* ]] && vm="$(cd "$(dirname "$vm")" && pwd)/$(basename "$vm")"
if [[ "$(basename "$vm")" == python* ]]; then vm_args=(); else vm_args=(run); fi

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

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
failed=0
for prog in "${programs[@]}"; do
  env -u PYTHONPATH -u PYTHONSTARTUP -u PYTHONWARNINGS PYTHONHASHSEED=0 \
    PYTHONDONTWRITEBYTECODE=1 LC_ALL=C.UTF-8 \
    timeout "${CHECK_TIMEOUT:-60}" "$vm" "${vm_args[@]}" "$prog" \
    >"$tmp/out" 2>"$tmp/err" </dev/null
  rc=$?
  normalize "$tmp/out"
  normalize "$tmp/err"
  expected_rc=0
  [[ -f "$prog.rc" ]] && expected_rc="$(cat "$prog.rc")"
  why=()
  [[ "$rc" != "$expected_rc" ]] && why+=("exit code $rc, expected $expected_rc")
  cmp -s "$prog.out" "$tmp/out" || why+=("stdout differs")
  [[ -f "$prog.err" ]] && ! cmp -s "$prog.err" "$tmp/err" && why+=("stderr differs")
  if [[ ${#why[@]} -eq 0 ]]; then
    echo "ok   $prog"
    continue
  fi
  failed=$((failed + 1))
  echo "FAIL $prog: $(IFS=';'; echo "${why[*]}")"
  diff -u --label expected --label actual "$prog.out" "$tmp/out" | head -n 30 | sed 's/^/    /'
  if [[ -f "$prog.err" ]]; then
    diff -u --label expected-stderr --label actual-stderr "$prog.err" "$tmp/err" | head -n 16 | sed 's/^/    /'
  elif [[ -s "$tmp/err" ]]; then
    head -n 8 "$tmp/err" | sed 's/^/    stderr: /'
  fi
done
echo "$(( ${#programs[@]} - failed )) passed, $failed failed"
[[ $failed -eq 0 ]]
