# Ends with an uncaught exception: the expected stderr (traceback with a chained
# context) and exit code 1 are recorded in 35_uncaught_exception.py.err/.rc.
# Every line in the traceback is a whole statement, so CPython 3.11 prints no
# ^^^ marker lines for them.


def check(text):
    int(text)


def load(values):
    out = []
    for v in values:
        try:
            check(v)
        except ValueError:
            raise LookupError(f"bad value {v!r}")
        out.append(int(v))
    return out


print("loading good values:", load(["1", "2", "3"]))
print("about to fail")
load(["4", "x5"])
print("never printed")
