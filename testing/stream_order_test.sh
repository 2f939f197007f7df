#!/usr/bin/env bash
# stdout and stderr sent to one file (2>&1) keep the program's order, as
# CPython's do: what stdout holds is written before any stderr text (a
# traceback, a warning, sys.stderr.write), partial lines included. The
# expected texts are CPython 3.11's.
#   testing/stream_order_test.sh VM
set -uo pipefail
vm="$1"
passed=0
failed=0
check() {  # name, program, expected output
  local got
  got="$("$vm" -c "$2" 2>&1)"
  if [[ "$got" == "$3" ]]; then
    echo "ok   $1"
    passed=$((passed + 1))
  else
    echo "FAIL $1"
    diff <(printf '%s\n' "$3") <(printf '%s\n' "$got")
    failed=$((failed + 1))
  fi
}
check "stderr writes" '
import sys
for i in range(3): print("out", i)
sys.stderr.write("err1\n")
sys.stdout.write("partial")
sys.stderr.write("err2\n")
print("end")' 'out 0
out 1
out 2
err1
partialerr2
end'
check "traceback.print_exc" '
import traceback
print("before")
try:
    1 / 0
except ZeroDivisionError:
    traceback.print_exc()
print("after")' 'before
Traceback (most recent call last):
  File "<string>", line 5, in <module>
ZeroDivisionError: division by zero
after'
check "uncaught exception" '
print("first")
raise ValueError("last")' 'first
Traceback (most recent call last):
  File "<string>", line 3, in <module>
ValueError: last'
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
