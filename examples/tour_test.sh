#!/usr/bin/env bash
# The tour must run and show compiled == eager and a cache hit on the second
# call.  examples/tour_test.sh VM
set -uo pipefail
out="$("$1" run "$(dirname "$0")/tour.py" 2>&1)"
rc=$?
if [[ $rc -ne 0 ]] || ! grep -q "equal: True | state equal: True | key order kept: True" <<<"$out" \
   || ! grep -q "new compilations: 0" <<<"$out"; then
  printf '%s\n' "$out" | tail -n 40
  echo "0 passed, 1 failed"
  exit 1
fi
echo "1 passed, 0 failed"
