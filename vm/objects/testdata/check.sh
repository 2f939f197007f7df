#!/usr/bin/env bash
# Runs the container test programs (list/tuple, dict/set, str, formatting)
# under a VM and compares stdout with CPython 3.11's recorded output.
#
#   vm/objects/testdata/check.sh bazel-bin/vm/vm
set -uo pipefail
if [[ $# -ne 1 ]]; then
  echo "usage: $0 VM" >&2
  exit 2
fi
vm="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
# Under `bazel test` the script runs as vm/container_scripts_test, so find the
# programs through the runfiles tree.
if [[ -n "${TEST_SRCDIR:-}" && -d "$TEST_SRCDIR/minidynamo/vm/objects/testdata" ]]; then
  here="$TEST_SRCDIR/minidynamo/vm/objects/testdata"
else
  here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
fi
cd "$here"
failed=0
for prog in *.py; do
  [[ "$prog" == gen_*.py ]] && continue
  if PYTHONHASHSEED=0 timeout 60 "$vm" run "$prog" 2>&1 | diff -u "$prog.out" - > /tmp/container_check.$$; then
    echo "PASS $prog"
  else
    echo "FAIL $prog"
    head -40 /tmp/container_check.$$
    failed=1
  fi
done
rm -f /tmp/container_check.$$
exit $failed
