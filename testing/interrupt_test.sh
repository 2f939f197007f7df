#!/usr/bin/env bash
# Ctrl-C: SIGINT becomes KeyboardInterrupt in the running code (catchable);
# uncaught, it prints a traceback and the process exits with 130.
#   testing/interrupt_test.sh VM
set -uo pipefail
vm="$1"
passed=0
failed=0
check() {
  if eval "$2"; then echo "ok   $1"; passed=$((passed + 1)); else echo "FAIL $1"; failed=$((failed + 1)); fi
}
out="$(timeout --preserve-status -s INT 1 "$vm" -c '
try:
    while True:
        pass
except KeyboardInterrupt:
    print("caught")' 2>&1)"
rc=$?
check "caught by except KeyboardInterrupt" '[[ $rc -eq 0 && "$out" == caught ]]'
err="$(timeout --preserve-status -s INT 1 "$vm" -c '
def spin():
    while True:
        pass
spin()' 2>&1 >/dev/null)"
rc=$?
check "uncaught: exit status 130" '[[ $rc -eq 130 ]]'
check "uncaught: traceback ends in KeyboardInterrupt" '[[ "$(printf "%s" "$err" | tail -n 1)" == KeyboardInterrupt ]]'
check "uncaught: traceback names the function" 'grep -q "in spin" <<<"$err"'
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
