#!/usr/bin/env bash
# Runs one torch.compile test program under the VM: it must exit 0 and its
# unittest report must end in OK.
#
#   testing/compile/check.sh VM PROGRAM.py [differential]
#
# With "differential" it runs in the differential checking mode
# (MINIDYNAMO_DIFFERENTIAL=1): every compiled call is also run eagerly on
# copies and compared.
set -uo pipefail
vm="$1"
prog="$2"
if [[ "${3:-}" == differential ]]; then
  export MINIDYNAMO_DIFFERENTIAL=1
fi
out="$("$vm" run "$prog" 2>&1)"
rc=$?
printf '%s\n' "$out" | tail -n 30
if [[ $rc -ne 0 ]] || ! printf '%s\n' "$out" | grep -qE '^OK( \(|$)'; then
  echo "0 passed, 1 failed"
  exit 1
fi
echo "1 passed, 0 failed"
