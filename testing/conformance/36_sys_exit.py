# sys.exit with a message: the message goes to stderr, exit code 1; finally
# blocks and context managers still run on the way out.
import sys


class Announce:
    def __enter__(self):
        print("entering")
        return self

    def __exit__(self, *exc):
        print("exiting with", exc[0].__name__)
        return False


try:
    sys.exit(0)
except SystemExit as e:
    print("caught SystemExit", e.code)
try:
    raise SystemExit(5)
except SystemExit as e:
    print("caught SystemExit", e.code, e.args)
print("about to exit", flush=True)
with Announce():
    try:
        sys.exit("fatal: configuration missing")
    finally:
        print("finally before exit")
print("never printed")
