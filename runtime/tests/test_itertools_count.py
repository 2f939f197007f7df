# itertools.count (native): plain-int counting (True and a step of True
# count as 1), float, complex and big-int steps, reprs, subclasses, the
# number check, argument errors, and counting past 2**63.
import itertools
for c in (itertools.count(), itertools.count(5), itertools.count(True), itertools.count(2.5), itertools.count(0, 1.0), itertools.count(1, True), itertools.count(start=3, step=-2), itertools.count(2**70, 2**65)):
    print(repr(c), [next(c) for _ in range(3)], repr(c))
class C(itertools.count):
    pass
c = C(4)
print(repr(c), next(c), type(c).__name__, isinstance(c, itertools.count), type(itertools.count()), itertools.count.__module__)
for bad in ("a", None, [1]):
    try:
        itertools.count(bad)
    except TypeError as e:
        print("TypeError", e)
try:
    itertools.count(1, "x")
except TypeError as e:
    print("TypeError", e)

c = itertools.count(1j, 2)
print(next(c), next(c), repr(c))
c = itertools.count(2**63 - 2)
print(next(c), next(c), next(c), repr(c))
try:
    itertools.count(1, 2, 3)
except TypeError as e:
    print("TypeError", e)
try:
    itertools.count(x=1)
except TypeError as e:
    print("TypeError", e)
print(list(zip("abc", itertools.count(10, 5))), hasattr(itertools.count(), "__length_hint__"))
