# Generators consumed by set(g), set.update(g) and frozenset(g): the order
# items are added in, keys whose __hash__/__eq__ are Python code, errors that
# stop the generator where it is, and code that resumes the generator being
# collected. Then calls of builtin classes (range, reversed, enumerate) and
# of their subclasses.

# set(g) / set.update(g) / frozenset(g) from generators: order, errors, re-entry
def gen(items, log):
    for x in items:
        log.append(("yield", x))
        yield x
    log.append("end")

log = []
print(sorted(set(gen([3, 1, 2, 3, "a", 1.0, True, None], log)), key=repr), log)

class K:
    def __init__(self, h, name):
        self.h = h
        self.name = name
    def __hash__(self):
        print("hash", self.name)
        return self.h
    def __eq__(self, other):
        print("eq", self.name, other if not isinstance(other, K) else other.name)
        return False
    def __repr__(self):
        return "K(%s)" % self.name

log = []
s = set(gen([K(5, "a"), 5, 13, K(13, "b"), 5], log))
print(len(s), log)

# an unhashable item stops the generator where it is, suspended
log = []
g = gen([1, 2, [3], 4], log)
try:
    set(g)
except TypeError as e:
    print("TypeError", e)
print(log)
print(next(g), log)

# re-entry: an __eq__ that advances the generator being collected
class R:
    def __init__(self, g):
        self.g = g
    def __hash__(self):
        return 7
    def __eq__(self, other):
        print("R.eq sees", next(self.g))
        return False
    def __repr__(self):
        return "R()"

def gen2():
    yield r
    yield 7
    yield 8
    yield 9

r = R(None)
g2 = gen2()
r.g = g2
print(sorted(map(repr, set(g2))))

# set.update and frozenset
s = {100}
s.update(x * 2 for x in range(5))
print(sorted(s))
print(sorted(frozenset(x % 3 for x in range(10))))
s = set()
def filler():
    for i in range(4):
        s.add(-i)
        yield i
s.update(filler())
print(sorted(s))

# exceptions raised inside the generator
def bad():
    yield 1
    raise ValueError("inside")
try:
    set(bad())
except ValueError as e:
    print("ValueError", e)

# a running generator, and a finished one
def selfref():
    yield set(g3)
g3 = selfref()
try:
    next(g3)
except ValueError as e:
    print("ValueError", e)
g4 = (i for i in range(3))
list(g4)
print(set(g4))
# big ints and strs with equal hashes
print(sorted(set(x for x in [2**70, 2**70, -1, -2])), sorted(set(x for x in "xyx")))

# Builtin classes called: their constructor only; subclasses run __init__.
print(list(reversed(range(5))), list(range(2, 9, 3)), list(enumerate("ab", 1)))


class Backwards:
    def __reversed__(self):
        return ["not", "an", "iterator"]


print(reversed(Backwards()))


class Counted(enumerate):
    def __init__(self, iterable, start=0):
        print("Counted.__init__", start)


print(list(Counted("xy", 5)), type(Counted("z")).__name__)


class Rev(reversed):
    def __init__(self, seq):
        print("Rev.__init__", seq)


print(list(Rev([1, 2, 3])))
try:
    range()
except TypeError as e:
    print("TypeError", e)
try:
    reversed(5)
except TypeError as e:
    print("TypeError", e)
try:
    int(x=1)
except TypeError as e:
    print("TypeError", e)
print(int("7"), float("2.5"), str(3), tuple("ab"), bool([]), type(3).__name__)
for call in (lambda: enumerate([], k=1), lambda: round(1.5, nd=1), lambda: int("5", base=8)):
    try:
        print(call())
    except TypeError as e:
        print("TypeError", e)


print("-- probing: equal keys of other types, dummies, collisions")
print(set(x for x in [1, 1.0, True, 2, 2.0, 0, False, 0.0]))
s = {1, 9, 17, 25}
s.discard(9)
s.update(x for x in [9, 33, 41, 1, 17.0])
print(s, list(s))
print(list(set(x for x in range(-3, 3))))
print(list(set(x for x in (-1, -2, 2 ** 62, -2 ** 63, 7, 15, 23))))
t = set()
t.update(i * 1000003 for i in range(100))
print(len(t), list(t)[:10])


print("-- int keys: in and add against equal keys of other types and dummies")
s = {1, 2.0, 3, True}
print([x in s for x in (0, 1, 2, 3, 4, -1)], 2 in {2.0}, 1 in {True})
t = set(range(0, 200, 7))
t.discard(14)
print([x in t for x in (0, 7, 14, 21, 196, 203, 2**40)])
u = set()
for i in range(50):
    u.add(i * 8)
    u.add(i * 8)
u.add(1.0)
u.add(1)
print(len(u), sorted(u)[:5], list(u)[:6])
