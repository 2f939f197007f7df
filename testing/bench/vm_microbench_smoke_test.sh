#!/usr/bin/env bash
# Runs every microbenchmark once, briefly; fails if any reports an error.
set -uo pipefail
export MINIDYNAMO_TORCH_LIBRARY="${TEST_SRCDIR:-.}/${TEST_WORKSPACE:-minidynamo}/runtime/torch/libtorch_c.so"
out="$("$1" --benchmark_min_time=0.01 2>&1)"
rc=$?
printf '%s\n' "$out" | tail -n 15
if [[ $rc -ne 0 ]] || grep -q "ERROR OCCURRED" <<<"$out"; then
  echo "0 passed, 1 failed"
  exit 1
fi
echo "1 passed, 0 failed"
