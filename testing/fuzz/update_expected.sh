#!/usr/bin/env bash
# Records CPython 3.11's output for the vm corpus (corpus/vm.expected), which
# replay_test compares the VM's with. Run after adding inputs to corpus/vm.
set -euo pipefail
export LC_ALL=C
dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PYTHONHASHSEED=0 /usr/bin/python3.11 -W ignore "$dir/fuzzgen.py" vm \
  "$dir"/corpus/vm/* > "$dir/corpus/vm.expected" 2>&1
