#!/usr/bin/env bash
# Tests the bin/vm launcher for real: forces a rebuild of //vm through it, then checks
# that stdout holds only the program's output, the exit codes, and the fast path.
# Runs outside Bazel (a Bazel test cannot call Bazel on its own workspace).
# Prints `N passed, N failed` and exits non-zero on any failure.
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
vm="$root/bin/vm"
out=$(mktemp) err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
passed=0 failed=0

check() {  # check NAME CONDITION...
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); echo "launcher_test: ok   $name"
  else failed=$((failed + 1)); echo "launcher_test: FAIL $name"
    sed 's/^/  stdout: /' "$out"; sed 's/^/  stderr: /' "$err" | tail -20; fi
}

expected_version="$(sed -n 's/.*kVersion\[\] = "\(.*\)";/\1/p' "$root/vm/version.h")"

# 1. A stale binary: the launcher builds (chatter on stderr only), then runs it.
rm -f "$root/.cache/vm-launcher.stamp"
"$vm" --version >"$out" 2>"$err"; rc=$?
check "build then --version exits 0" test "$rc" -eq 0
check "stdout is exactly the version line" \
  test "$(cat "$out")" = "minidynamo vm $expected_version (Python 3.11 semantics)"
check "the launcher built on this run" test -f "$root/.cache/vm-launcher.stamp"

# 2. Up to date: no Bazel call, so nothing at all on stderr.
"$vm" --version >"$out" 2>"$err"; rc=$?
check "up-to-date --version exits 0" test "$rc" -eq 0
check "up-to-date run is silent on stderr" test ! -s "$err"

# 3. Help and usage errors, with CPython's exit codes.
"$vm" --help >"$out" 2>"$err"; rc=$?
check "--help exits 0 and prints usage" bash -c "[[ $rc -eq 0 ]] && grep -q '^usage: vm' '$out'"
"$vm" --no-such-option >"$out" 2>"$err"; rc=$?
check "unknown option exits 2" test "$rc" -eq 2
check "unknown option is named on stderr" grep -q "unknown option --no-such-option" "$err"

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
