#!/usr/bin/env bash
# libtorch_c.so is opened with lazy binding, so a VM symbol it needs but the
# vm executable does not export would only fail when first called. This test
# checks at build time that every minidynamo symbol it leaves undefined is
# exported by vm, and every Abseil one: vm links Abseil's static archives and
# the library uses that copy (only what vm itself calls is in it).
#   symbols_test.sh VM LIBRARY
set -uo pipefail
needed="$(nm -D --undefined-only "$2" | awk '{print $2}' | grep -E "minidynamo|absl" | sort -u)"
have="$(nm -D --defined-only "$1" | awk '{print $3}' | sort -u)"
missing="$(comm -23 <(printf '%s\n' "$needed") <(printf '%s\n' "$have"))"
count="$(printf '%s\n' "$needed" | grep -c . || true)"
if [[ -n "$missing" ]]; then
  echo "symbols libtorch_c.so needs that vm does not export:"
  printf '  %s\n' $missing
  echo "0 passed, 1 failed"
  exit 1
fi
echo "all $count VM and Abseil symbols libtorch_c.so needs are exported by vm"
echo "1 passed, 0 failed"
