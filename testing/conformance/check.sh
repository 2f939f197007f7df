#!/usr/bin/env bash
# Runs every conformance program under the given interpreter and compares its
# stdout, its stderr (when NAME.py.err is recorded) and its exit code (NAME.py.rc,
# or 0) byte for byte with CPython 3.11's recorded output.
#
#   testing/conformance/check.sh VM [PROGRAM.py ...]
#
#   testing/conformance/check.sh bin/vm                 # runs `bin/vm run NAME.py`
#   testing/conformance/check.sh /usr/bin/python3.11    # runs `python3.11 NAME.py`
#
# A VM whose file name starts with "python" is called as `VM NAME.py`; any other
# as `VM run NAME.py`. CONFORMANCE_VM_ARGS overrides the words put before the
# program ("" for none). CONFORMANCE_TIMEOUT (seconds, default 30) bounds each run.
# Programs run with cwd = this folder, PYTHONHASHSEED=0 and a UTF-8 locale, as
# regenerate.sh ran them, and "<this folder>/" is removed from what they print
# (CPython makes the main script's path absolute in tracebacks; the expected
# files hold the relative form). Prints one line per program and
# `N passed, N failed`; exits 1 when any program fails.
set -uo pipefail

if [[ $# -lt 1 ]]; then
  awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"
  exit 2
fi

# CONFORMANCE_DIR names another folder of programs laid out the same way
# (testing/torch_eager uses these scripts for its torch programs).
here="$(cd "${CONFORMANCE_DIR:-$(dirname "${BASH_SOURCE[0]}")}" && pwd)"
vm="$1"
shift
if [[ "$vm" == */* ]]; then
  vm="$(cd "$(dirname "$vm")" && pwd)/$(basename "$vm")"
fi
if [[ -n "${CONFORMANCE_VM_ARGS+set}" ]]; then
  read -r -a vm_args <<<"$CONFORMANCE_VM_ARGS"
elif [[ "$(basename "$vm")" == python* ]]; then
  vm_args=()
else
  vm_args=(run)
fi
timeout_s="${CONFORMANCE_TIMEOUT:-30}"

cd "$here"
if [[ $# -gt 0 ]]; then
  programs=()
  for p in "$@"; do programs+=("$(basename "$p")"); done
else
  programs=([0-9][0-9]_*.py)
fi

# Removes "<this folder>/" from a file, in place (see above).
normalize() {
  local f="$1"
  if grep -qF "$here/" "$f"; then
    local escaped
    escaped="$(printf '%s/' "$here" | sed 's/[][\\/.*^$|]/\\&/g')"
    sed -i "s/$escaped//g" "$f"
  fi
}

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

passed=0
failed=0
failed_names=()
for prog in "${programs[@]}"; do
  if [[ ! -f "$prog.out" ]]; then
    echo "FAIL $prog: no expected output (run regenerate.sh)"
    failed=$((failed + 1))
    failed_names+=("$prog")
    continue
  fi
  env -u PYTHONPATH -u PYTHONSTARTUP -u PYTHONWARNINGS -u PYTHONIOENCODING \
    PYTHONHASHSEED=0 PYTHONDONTWRITEBYTECODE=1 LC_ALL=C.UTF-8 \
    timeout "$timeout_s" "$vm" "${vm_args[@]}" "$prog" \
    >"$tmp/out" 2>"$tmp/err" </dev/null
  rc=$?
  normalize "$tmp/out"
  normalize "$tmp/err"
  expected_rc=0
  [[ -f "$prog.rc" ]] && expected_rc="$(cat "$prog.rc")"
  problems=()
  details=""
  if [[ $rc -eq 124 ]]; then
    problems+=("timed out after ${timeout_s}s")
  fi
  if [[ "$rc" != "$expected_rc" ]]; then
    problems+=("exit code $rc, expected $expected_rc")
  fi
  if ! cmp -s "$prog.out" "$tmp/out"; then
    problems+=("stdout differs")
    details+="$(diff -u --label "expected stdout" --label "actual stdout" "$prog.out" "$tmp/out" | head -n 14)"$'\n'
  fi
  if [[ -f "$prog.err" ]] && ! cmp -s "$prog.err" "$tmp/err"; then
    problems+=("stderr differs")
    details+="$(diff -u --label "expected stderr" --label "actual stderr" "$prog.err" "$tmp/err" | head -n 14)"$'\n'
  fi
  if [[ ${#problems[@]} -eq 0 ]]; then
    echo "ok   $prog"
    passed=$((passed + 1))
  else
    joined="$(printf '%s; ' "${problems[@]}")"
    echo "FAIL $prog: ${joined%; }"
    if [[ -n "$details" ]]; then
      printf '%s' "$details" | sed 's/^/    /'
    fi
    if [[ ! -f "$prog.err" && -s "$tmp/err" ]]; then
      echo "    stderr (first lines):"
      head -n 6 "$tmp/err" | sed 's/^/      /'
    fi
    failed=$((failed + 1))
    failed_names+=("$prog")
  fi
done

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
