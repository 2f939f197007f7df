#!/usr/bin/env bash
# Runs one torch.compile test program under the VM: it must exit 0 and its
# unittest report must end in OK.
#
#   testing/compile/check.sh VM PROGRAM.py
set -uo pipefail
vm="$1"
prog="$2"
out="$("$vm" run "$prog" 2>&1)"
rc=$?
printf '%s\n' "$out" | tail -n 30
if [[ $rc -ne 0 ]] || ! printf '%s\n' "$out" | grep -qE '^OK( \(|$)'; then
  echo "0 passed, 1 failed"
  exit 1
fi
echo "1 passed, 0 failed"
