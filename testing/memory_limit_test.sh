#!/usr/bin/env bash
# Under an address-space limit (`ulimit -v`), repetitions larger than the
# limit, and containers that grow past it (in a native function or in a
# comprehension's bytecode), raise a catchable MemoryError, as in CPython, and
# the program goes on.
#
#   testing/memory_limit_test.sh VM
set -uo pipefail
vm="$1"
out="$( (ulimit -v 2000000; "$vm" -c '
for make in (lambda: [0] * 10**9, lambda: "a" * 10**13, lambda: b"ab" * 10**10,
             lambda: (1, 2) * 10**9, lambda: bytearray(b"x") * 10**10,
             lambda: list(range(10**9)), lambda: [i for i in range(10**9)],
             lambda: {i: i for i in range(10**8)}):
    try:
        make()
        print("allocated?")
    except MemoryError as e:
        print("MemoryError", repr(e))
print("alive")
') 2>&1)"
rc=$?
printf '%s\n' "$out"
expected="$(printf 'MemoryError MemoryError()\n%.0s' 1 2 3 4 5 6 7 8; echo alive)"
if [[ $rc -eq 0 && "$out" == "$expected" ]]; then
  echo "1 passed, 0 failed"
else
  echo "0 passed, 1 failed"
  exit 1
fi
