#!/bin/sh
# Regenerates the golden files of //vm/parse tests from CPython 3.11:
#   ast/NAME.py    -> ast/NAME.ast   (ast.dump(ast.parse(src)))
#                  -> ast/NAME.attrs (the same with include_attributes=True)
#   errors/NAME.py -> errors/NAME.err (the SyntaxError: type, msg, lineno,
#                     offset, end_lineno, end_offset, text, one per line)
# Sources are read as bytes, as the VM reads files. Run from anywhere.
set -eu
PY=/usr/bin/python3.11
cd "$(dirname "$0")"
exec "$PY" - <<'PYEOF'
import ast, glob, warnings

warnings.simplefilter('ignore')  # SyntaxWarnings of deliberate snippets

def null_byte_error(src):
    # compile() of 3.11.2 raises ValueError for NUL bytes, and running such a
    # file misbehaves; the VM reports what later 3.11 releases report when
    # running the file: this SyntaxError.
    nul = src.index(b'\0')
    lineno = src.count(b'\n', 0, nul) + 1
    line = src[src.rfind(b'\n', 0, nul) + 1:nul].decode()
    return ['SyntaxError', 'source code cannot contain null bytes', lineno, 0,
            lineno, 0, repr(line)]

def read(path):
    with open(path, 'rb') as f:
        return f.read()

for path in sorted(glob.glob('ast/*.py')):
    tree = ast.parse(read(path), filename='<unknown>')
    base = path[:-3]
    with open(base + '.ast', 'w') as f:
        f.write(ast.dump(tree) + '\n')
    with open(base + '.attrs', 'w') as f:
        f.write(ast.dump(tree, include_attributes=True) + '\n')

for path in sorted(glob.glob('errors/*.py')):
    try:
        compile(read(path), '<unknown>', 'exec', dont_inherit=True)
        raise SystemExit(path + ': expected a SyntaxError')
    except ValueError:
        fields = null_byte_error(read(path))
    except (SyntaxError, RecursionError, MemoryError) as e:
        if isinstance(e, SyntaxError):
            fields = [type(e).__name__, e.msg, e.lineno, e.offset,
                      e.end_lineno, e.end_offset, repr(e.text)]
        else:
            fields = [type(e).__name__, str(e)]
    with open(path[:-3] + '.err', 'w') as f:
        f.write('\n'.join(str(x) for x in fields) + '\n')
PYEOF
