# Assorted statements and expressions: assert, del, chained and augmented
# assignment on attributes/subscripts, global/nonlocal mixes, docstrings,
# operator precedence, conditional imports, __name__ and __doc__.
"""Module docstring of 37_statements_misc."""

print("-- module attributes")
print(__name__, __doc__, type(__builtins__).__name__ in ("module", "dict"))

print("-- assert")
assert True
assert 1 + 1 == 2, "math works"
try:
    assert 1 > 2, "one is not greater than two"
except AssertionError as e:
    print("AssertionError", e)
try:
    assert []
except AssertionError as e:
    print("AssertionError", repr(e), e.args)

print("-- del")
a = 1
b = [1, 2, 3, 4]
c = {"k": 1, "j": 2}
del a
del b[0], c["k"]
print("a" in globals(), b, c)
del b[:]
print(b)


class Obj:
    pass


o = Obj()
o.x = 1
o.y = 2
del o.x
print(vars(o))
try:
    del o.x
except AttributeError as e:
    print("AttributeError", e)
try:
    del undefined_thing
except NameError as e:
    print("NameError", e)

print("-- chained and augmented assignment on targets")
p = q = r = 0
p += 1
print(p, q, r)
grid = [[0] * 3 for _ in range(2)]
grid[1][2] += 5
grid[0][0] -= 1
grid[1][2] *= 3
print(grid)
o.count = 10
o.count //= 3
o.items = []
o.items += [1]
o.items *= 2
print(o.count, o.items)
d = {"n": 1}
d["n"] <<= 4
d["n"] |= 1
d.setdefault("lst", []).append("x")
print(d)
s = "ab"
s *= 3
s += "!"
print(s)
t = (1,)
t += (2, 3)
print(t)
counter = {}
for ch in "hello":
    counter[ch] = counter.get(ch, 0) + 1
print(counter)
i = 0
lst = [10, 20, 30]
lst[i], i = 99, 2
print(lst, i)

print("-- operator precedence")
print(2 + 3 * 4, (2 + 3) * 4, 2 ** 3 ** 2, -2 ** 2, not 1 == 2, 1 + 2 < 4 and 5 > 3)
print(1 | 2 ^ 3 & 4, (1 | 2) ^ (3 & 4), 1 << 2 + 1, 10 - 4 - 3, 100 / 10 / 5, 2 * 3 % 4)
print(-3 // 2, -(3 // 2), ~5 + 1, not True or True, not (True or True), 3 > 2 == 2)
print(1 if 0 else 2 if 0 else 3, [1, 2][0] + {"a": 5}["a"], "x" * 2 + "y", 7 % 3 ** 2)
print((lambda: 0 if True else 1)(), (lambda v: v)(5) + 1, (lambda: (yield))().__class__.__name__)

print("-- global and nonlocal interplay")
level = "module"


def f1():
    level = "f1"

    def f2():
        global level
        level = "set by f2"

        def f3():
            return level
        return f3()

    def f4():
        nonlocal level
        level = "f1 changed by f4"
    r2 = f2()
    f4()
    return r2, level


print(f1(), level)

print("-- docstrings")


def doc_fn():
    """Function doc."""


class DocClass:
    """Class doc."""

    def method(self):
        """Method doc."""


print(doc_fn.__doc__, DocClass.__doc__, DocClass.method.__doc__, (lambda: 0).__doc__)

print("-- conditional definitions and imports")
if True:
    import math as _m

    def helper():
        return _m.floor(9.7)
else:
    def helper():
        return None
print(helper())
try:
    import this_module_does_not_exist_987 as maybe
except ImportError:
    maybe = None
print(maybe)

print("-- semicolons, line continuation, long expressions")
x = 1; y = 2; z = x + y; print(x, y, z)
total = 1 + \
    2 + \
    3
values = [
    1,
    2,
    3,
]
print(total, values, (
    "implicit"
    " continuation"
))
if (x == 1 and
        y == 2):
    print("multi-line condition")

print("-- numbers in different bases round-trip")
for v in (0, 1, 255, 4096, 123456789):
    assert int(bin(v), 2) == int(oct(v), 8) == int(hex(v), 16) == v
print("round-trips ok")

print("-- star expressions in calls, returns and for")


def pack(*a, **k):
    return a, k


def star_return():
    first, *others = range(5)
    return first, *others, "end"


print(pack(*range(3), *"ab", x=1, **{"y": 2}), star_return())
for a, *rest in ("abc", "de"):
    print(a, rest)
print(*[1, 2], *(3,), sep=":")
print([*"hi", *range(2)], {*"aa", *"b"} == {"a", "b"}, {**{"a": 1}, "b": 2})
