#!/usr/bin/env bash
# Builds the libFuzzer targets with clang and runs them.
#
#   testing/fuzz/run.sh build [asan]              build the three targets
#   testing/fuzz/run.sh TARGET RUNS [asan] [ARGS]  run TARGET (compile, vm or
#       tracer) for RUNS executions over its checked-in seed corpus; new
#       inputs go to $FUZZ_WORK/TARGET (default /tmp/minidynamo-fuzz), crashes
#       to $FUZZ_WORK/artifacts. ARGS go to libFuzzer (e.g. -jobs=2 -workers=2).
#
# Each variant (plain = coverage only, asan = with AddressSanitizer) has its own
# Bazel output base under ~/.cache/minidynamo, so neither disturbs the g++
# build; the shared disk cache makes rebuilds cheap.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

variant=fuzz
targets=(//testing/fuzz:compile_fuzzer //testing/fuzz:vm_fuzzer
         //testing/fuzz:tracer_fuzzer)

bazel_fuzz() {
  bazel --output_base="$HOME/.cache/minidynamo/${variant}-output" "$@"
}

build() {
  # --symlink_prefix=/ keeps bazel-bin pointing at the g++ build.
  bazel_fuzz build --config="$variant" --symlink_prefix=/ "${targets[@]}" >&2
  bazel_fuzz info --config="$variant" bazel-bin 2>/dev/null
}

if [[ "${1:-}" == build ]]; then
  [[ "${2:-}" == asan ]] && variant=fuzz_asan
  build
  exit 0
fi

target="${1:?usage: run.sh build [asan] | run.sh compile|vm|tracer RUNS [asan] [ARGS]}"
runs="${2:?number of executions}"
shift 2
if [[ "${1:-}" == asan ]]; then
  variant=fuzz_asan
  shift
fi
bin="$(build)/testing/fuzz/${target}_fuzzer"
work="${FUZZ_WORK:-/tmp/minidynamo-fuzz}"
mkdir -p "$work/$target" "$work/artifacts"
seeds=("testing/fuzz/corpus/$target")
# The compiler also starts from our conformance programs and parser cases.
[[ "$target" == compile ]] && seeds+=(testing/conformance vm/parse/testdata/errors)
# -timeout is wall-clock time: 60 s, not 20, because a unit that takes half a
# second alone once took 28 s while builds shared the two cores. A real hang
# still ends in a timeout finding.
# The entropic scheduler's feature bookkeeping grows with the corpus and took
# ~45% of a long vm run; the classic scheduler keeps executions cheap.
sched=()
[[ "$target" != compile ]] && sched=(-entropic=0)
export ASAN_OPTIONS="${ASAN_OPTIONS:-allocator_may_return_null=1:detect_leaks=0}"
exec "$bin" -runs="$runs" -timeout=60 -rss_limit_mb=4096 "${sched[@]}" \
  -artifact_prefix="$work/artifacts/" "$@" "$work/$target" "${seeds[@]}"
