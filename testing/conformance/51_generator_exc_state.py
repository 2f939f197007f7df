# The exception a generator handles stays its own across a yield (sys.exc_info in
# the caller and in the generator), as CPython's per-generator exception state.
import sys
def gen():
    try:
        raise ValueError("inside")
    except ValueError:
        yield sys.exc_info()[0]
        yield sys.exc_info()[0]
    yield sys.exc_info()[0]
g = gen()
print(next(g), sys.exc_info()[0])
print(next(g), sys.exc_info()[0])
print(next(g))
try:
    raise KeyError("outer")
except KeyError:
    g2 = gen()
    print(next(g2), sys.exc_info()[0])
    print(next(g2), next(g2), sys.exc_info()[0])
def plain():
    yield sys.exc_info()[0]
try:
    raise TypeError
except TypeError:
    print(next(plain()))
