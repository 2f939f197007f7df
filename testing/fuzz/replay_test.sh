#!/usr/bin/env bash
# Replays the fuzz targets' checked-in corpora (seeds, inputs the fuzzers
# found interesting, and every past finding, named finding-*) through the
# ordinary g++-built `vm`, so that what fuzzing fixed stays fixed:
#   compile  each input is compiled (a SyntaxError is fine, a crash is not);
#   vm       each input's generated program runs, and its output equals
#            CPython 3.11's, recorded in corpus/vm.expected;
#   tracer   each input's generated function runs eagerly and compiled on
#            fresh copies of the same state, and everything agrees.
#
#   testing/fuzz/replay_test.sh VM FUZZGEN_PY
set -uo pipefail
export LC_ALL=C  # the same glob order as update_expected.sh
vm="$1"
gen="$2"
dir="$(dirname "$gen")"
failed=0
passed=0

check() {  # name, command...
  local name="$1"
  shift
  if "$@"; then
    passed=$((passed + 1))
  else
    echo "FAILED: $name"
    failed=$((failed + 1))
  fi
}

check compile "$vm" run "$gen" compile "$dir"/corpus/compile/* >/dev/null

vm_out="$(PYTHONHASHSEED=0 "$vm" run "$gen" vm "$dir"/corpus/vm/* 2>&1)"
check "vm output equals CPython's" diff <(printf '%s\n' "$vm_out") \
  "$dir/corpus/vm.expected"

check tracer "$vm" run "$gen" tracer "$dir"/corpus/tracer/* >/dev/null

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
