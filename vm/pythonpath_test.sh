#!/usr/bin/env bash
# $PYTHONPATH under `vm run`: its directories follow the script's directory on
# sys.path, relative ones made absolute, an empty entry meaning the working
# directory (as CPython 3.11 builds sys.path); modules there are importable.
#
#   vm/pythonpath_test.sh VM
set -euo pipefail
vm="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/main" "$tmp/lib" "$tmp/rel" "$tmp/cwd"
echo 'NAME = "from lib"' > "$tmp/lib/ppmod.py"
echo 'NAME = "from rel"' > "$tmp/rel/relmod.py"
cat > "$tmp/main/prog.py" <<'PY'
import sys
import ppmod
import relmod
print(ppmod.NAME, relmod.NAME)
print(sys.path[:4])
PY
cd "$tmp/cwd"
got="$(PYTHONPATH="$tmp//lib/:./../rel:" "$vm" run "$tmp/main/prog.py")"
want="from lib from rel
['$tmp/main', '$tmp/lib', '$tmp/rel', '$tmp/cwd']"
if [[ "$got" != "$want" ]]; then
  printf 'FAIL\nexpected:\n%s\ngot:\n%s\n' "$want" "$got"
  exit 1
fi
# Without PYTHONPATH only the script's directory is there.
got="$(env -u PYTHONPATH "$vm" run "$tmp/main/prog.py" 2>&1 || true)"
case "$got" in
  *"ModuleNotFoundError: No module named 'ppmod'"*) ;;
  *) printf 'FAIL without PYTHONPATH:\n%s\n' "$got"; exit 1 ;;
esac
echo ok
