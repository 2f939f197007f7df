# Special methods: repr/str, eq/hash, ordering, arithmetic (plain, reflected,
# in-place), unary, containers, iteration, call, context managers, bool/len.
import functools


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Vec({self.x}, {self.y})"

    def __str__(self):
        return f"<{self.x}, {self.y}>"

    def __eq__(self, other):
        if not isinstance(other, Vec):
            return NotImplemented
        return self.x == other.x and self.y == other.y

    def __hash__(self):
        return hash((self.x, self.y))

    def __add__(self, other):
        if isinstance(other, Vec):
            return Vec(self.x + other.x, self.y + other.y)
        if isinstance(other, (int, float)):
            return Vec(self.x + other, self.y + other)
        return NotImplemented

    def __radd__(self, other):
        print("  __radd__ called with", other)
        return self.__add__(other)

    def __sub__(self, other):
        return Vec(self.x - other.x, self.y - other.y)

    def __mul__(self, k):
        if isinstance(k, Vec):
            return self.x * k.x + self.y * k.y
        return Vec(self.x * k, self.y * k)

    def __rmul__(self, k):
        return Vec(self.x * k, self.y * k)

    def __truediv__(self, k):
        return Vec(self.x / k, self.y / k)

    def __floordiv__(self, k):
        return Vec(self.x // k, self.y // k)

    def __mod__(self, k):
        return Vec(self.x % k, self.y % k)

    def __pow__(self, k):
        return Vec(self.x ** k, self.y ** k)

    def __matmul__(self, other):
        return self.x * other.y - self.y * other.x

    def __iadd__(self, other):
        print("  __iadd__ in place")
        self.x += other.x
        self.y += other.y
        return self

    def __neg__(self):
        return Vec(-self.x, -self.y)

    def __pos__(self):
        return Vec(+self.x, +self.y)

    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5

    def __invert__(self):
        return Vec(self.y, self.x)

    def __bool__(self):
        return bool(self.x or self.y)

    def __lshift__(self, n):
        return Vec(self.x << n, self.y << n)

    def __and__(self, o):
        return Vec(self.x & o.x, self.y & o.y)

    def __or__(self, o):
        return Vec(self.x | o.x, self.y | o.y)

    def __xor__(self, o):
        return Vec(self.x ^ o.x, self.y ^ o.y)

    def __rsub__(self, other):
        return Vec(other - self.x, other - self.y)

    def __round__(self, n=None):
        return Vec(round(self.x, n), round(self.y, n))

    def __index__(self):
        return self.x

    def __int__(self):
        return int(self.x)

    def __float__(self):
        return float(self.x)


print("-- arithmetic")
a, b = Vec(1, 2), Vec(3, 4)
print(repr(a), str(a), a, [a], f"{a} {a!r}", a + b, a - b, a * 3, 3 * a, a * b)
print(a / 2, b // 2, b % 3, a ** 2, a @ b, -a, +a, abs(b), ~a, a << 2, a & b, a | b, a ^ b)
print(a + 1, 10 - a, round(Vec(1.26, 2.5), 1), round(Vec(1.5, 2.5)), int(b), float(b))
print(sum([a, b], Vec(0, 0)), [10, 20, 30][a], bin(b), hex(a))
print(1 + a)
c = a
c += b
print(c, a, c is a)
v = Vec(1, 1)
v -= Vec(1, 0)
print(v)
try:
    a + "str"
except TypeError as e:
    print("TypeError", e)
try:
    "str" + a
except TypeError as e:
    print("TypeError", e)

print("-- equality and hashing")
print(a == Vec(1, 2), a != Vec(1, 2), a == (1, 2), a != "x", Vec(0, 0) == Vec(0, 0))
print(len({Vec(1, 2), Vec(1, 2), Vec(2, 1)}), {Vec(1, 2): "found"}[Vec(1, 2)], bool(Vec(0, 0)), bool(a))


class NoHash:
    def __eq__(self, other):
        return True


try:
    hash(NoHash())
except TypeError as e:
    print("TypeError", e)
print(NoHash() == 5, NoHash.__hash__)

print("-- ordering")


@functools.total_ordering
class Version:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))

    def __eq__(self, other):
        return self.parts == other.parts

    def __lt__(self, other):
        return self.parts < other.parts

    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))


vs = [Version(s) for s in ("1.10", "1.2", "1.2.1", "0.9", "2.0")]
print(sorted(vs), max(vs), min(vs), Version("1.0") <= Version("1.0"), Version("2.0") > Version("1.9"))
print(Version("1.1") >= Version("1.2"), sorted(vs, reverse=True)[0])


class Rev:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        return self.v > other.v

    def __gt__(self, other):
        return self.v < other.v

    def __repr__(self):
        return f"R{self.v}"


print(sorted([Rev(1), Rev(3), Rev(2)]), Rev(1) < Rev(2), Rev(1) > Rev(2))
try:
    Rev(1) <= Rev(2)
except TypeError as e:
    print("TypeError", e)

print("-- container protocol")


class Grid:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.cells = {}

    def __len__(self):
        return self.w * self.h

    def __getitem__(self, key):
        if isinstance(key, tuple):
            x, y = key
            if not (0 <= x < self.w and 0 <= y < self.h):
                raise IndexError(f"cell {key} out of range")
            return self.cells.get(key, ".")
        if isinstance(key, slice):
            return f"slice({key.start}, {key.stop}, {key.step})"
        raise TypeError("bad key " + type(key).__name__)

    def __setitem__(self, key, value):
        self.cells[key] = value

    def __delitem__(self, key):
        del self.cells[key]

    def __contains__(self, value):
        return value in self.cells.values()

    def __iter__(self):
        for y in range(self.h):
            yield "".join(self[x, y] for x in range(self.w))

    def __reversed__(self):
        return iter(list(self)[::-1])


g = Grid(3, 2)
g[0, 0] = "#"
g[2, 1] = "@"
print(len(g), g[0, 0], g[1, 1], g[1:5], g[::2], "#" in g, "x" in g, list(g), list(reversed(g)))
del g[0, 0]
print(list(g), bool(g))
for bad in ((5, 5), "k"):
    try:
        g[bad]
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)
try:
    del g[9, 9]
except KeyError as e:
    print("KeyError", e)


class OldSeq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError
        return i * 10


print(list(OldSeq()), 20 in OldSeq(), 25 in OldSeq(), [x for x in OldSeq()])

print("-- iterator protocol")


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1


print(list(Countdown(4)), sum(Countdown(10)), next(iter(Countdown(2))), list(zip(Countdown(3), "ab")))

print("-- __call__")


class Multiplier:
    def __init__(self, k):
        self.k = k
        self.calls = 0

    def __call__(self, x, *, extra=0):
        self.calls += 1
        return x * self.k + extra


m = Multiplier(3)
print(m(2), m(5, extra=1), list(map(m, [1, 2])), m.calls, callable(m), callable(Multiplier))

print("-- __getattr__, __setattr__, __delattr__, __getattribute__")


class Record:
    def __init__(self):
        object.__setattr__(self, "_data", {})
        object.__setattr__(self, "log", [])

    def __getattr__(self, name):
        self.log.append("get " + name)
        try:
            return self._data[name]
        except KeyError:
            raise AttributeError(f"no field {name!r}") from None

    def __setattr__(self, name, value):
        self.log.append("set " + name)
        self._data[name] = value

    def __delattr__(self, name):
        self.log.append("del " + name)
        del self._data[name]


r = Record()
r.a = 1
r.b = "two"
print(r.a, r.b, getattr(r, "c", "default"), hasattr(r, "a"), hasattr(r, "zz"))
del r.a
try:
    r.a
except AttributeError as e:
    print("AttributeError", e)
print(r.log)


class Tracing:
    def __init__(self):
        self.value = 5

    def __getattribute__(self, name):
        if name == "secret":
            return "intercepted"
        return object.__getattribute__(self, name)


tr = Tracing()
print(tr.value, tr.secret)

print("-- __len__ and __bool__ fallbacks")


class OnlyLen:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


print(bool(OnlyLen(0)), bool(OnlyLen(2)), len(OnlyLen(7)), "yes" if OnlyLen(1) else "no")
try:
    len(OnlyLen(-1))
except ValueError as e:
    print("ValueError", e)

print("-- __missing__, __index__, __contains__ fallback, __format__")


class DefaultDict(dict):
    def __missing__(self, key):
        return f"<missing {key}>"


dd = DefaultDict(a=1)
print(dd["a"], dd["b"], dd.get("b"), "b" in dd)


class Idx:
    def __index__(self):
        return 2


print([1, 2, 3, 4][Idx()], "abcdef"[Idx():], range(10)[Idx()], (1, 2, 3)[:Idx()])

print("-- __enter__/__exit__ (see also the with-statement program)")


class Ctx:
    def __enter__(self):
        print("  enter")
        return "resource"

    def __exit__(self, exc_type, exc, tb):
        print("  exit", exc_type.__name__ if exc_type else None, exc)
        return exc_type is KeyError


with Ctx() as res:
    print("  body with", res)
with Ctx():
    raise KeyError("suppressed")
print("after suppressed KeyError")
