# Messages of common built-in errors, printed as `TypeName message`.


def show(fn):
    try:
        fn()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print("no error")


class Obj:
    __slots__ = ("a",)


d = {"a": 1}
lst = [1, 2, 3]
s = "abc"
t = (1, 2)
o = Obj()
five = 5
none = None

cases = [
    # arithmetic
    lambda: 1 / 0,
    lambda: 1 // 0,
    lambda: 1 % 0,
    lambda: 1.0 / 0,
    lambda: 1.0 // 0.0,
    lambda: 1.5 % 0,
    lambda: divmod(1, 0),
    lambda: 0 ** -1,
    lambda: 0.0 ** -1,
    lambda: 2.0 ** 10000,
    lambda: 10 ** 400 * 1.0,
    lambda: float(10 ** 400),
    lambda: int(float("inf")),
    lambda: int(float("nan")),
    lambda: 1 << -1,
    lambda: pow(2, 3, 0),
    lambda: pow(2, -1, 4),
    # types
    lambda: 1 + "a",
    lambda: "a" + 1,
    lambda: "a" * "b",
    lambda: [1] + (2,),
    lambda: -"x",
    lambda: ~1.5,
    lambda: None + 1,
    lambda: len(5),
    lambda: five(),
    lambda: s(),
    lambda: none[0],
    lambda: five[0],
    lambda: iter(5),
    lambda: next([1]),
    lambda: hash([]),
    lambda: {[]: 1},
    lambda: sorted([1, "a"]),
    lambda: int([1]),
    lambda: float({}),
    lambda: s[1.5],
    lambda: lst["x"],
    lambda: t.__setitem__(0, 1),
    lambda: s.__setitem__(0, "x"),
    lambda: abs("x"),
    lambda: sum(["a", "b"]),
    lambda: "".join([1, 2]),
    lambda: isinstance(1, 2),
    lambda: ord("ab"),
    lambda: chr("a"),
    lambda: range(1.5),
    lambda: max(1),
    lambda: [].sort(key=1),
    lambda: object().__dict__,
    lambda: type("X", 1, {}),
    # lookups
    lambda: lst[10],
    lambda: lst[-4],
    lambda: t[5],
    lambda: s[3],
    lambda: d["missing"],
    lambda: d[("tuple", 1)],
    lambda: [].pop(),
    lambda: {}.popitem(),
    lambda: set().pop(),
    lambda: lst.index(99),
    lambda: lst.remove(99),
    lambda: s.index("z"),
    lambda: range(3)[5],
    lambda: "".join([]).strip()[0],
    # attributes
    lambda: (5).foo,
    lambda: "s".missing_method(),
    lambda: None.attr,
    lambda: Obj.nothing,
    lambda: setattr(o, "b", 1),
    lambda: o.a,
    lambda: setattr(5, "x", 1),
    lambda: delattr(o, "a"),
    lambda: [].append.__name__.x,
    # values
    lambda: int("abc"),
    lambda: int("12", 1),
    lambda: int(""),
    lambda: float("1.2.3"),
    lambda: float("x"),
    lambda: int("0x10"),
    lambda: list(range(3)).index(7),
    lambda: "a,b".split(""),
    lambda: max([]),
    lambda: min([], default=None) or min(()),
    lambda: chr(-1),
    lambda: chr(0x110000),
    lambda: [1, 2].__getitem__(slice(None, None, 0)),
    lambda: range(1, 2, 0),
    lambda: bytes([256]),
    lambda: b"\xff".decode("utf-8"),
    lambda: "é".encode("ascii"),
    lambda: dict([1, 2]),
    lambda: dict([(1, 2, 3)]),
    lambda: "{0}".format(),
    lambda: "%d" % "x",
    lambda: int("9" * 5000),
    # names
    lambda: undefined_variable,
    lambda: __import__("no_such_module_xyz"),
]
for c in cases:
    show(c)


def unbound_local():
    x += 1  # noqa: F821


def use_before_assign():
    print(y)
    y = 1


def recursion(n):
    return recursion(n + 1)


for fn in (unbound_local, use_before_assign):
    show(fn)
try:
    recursion(0)
except RecursionError as e:
    print("RecursionError", str(e).split(" while ")[0])


def gen():
    yield 1


g = gen()
next(g)
show(lambda: next(g))
show(lambda: g.throw(ValueError("thrown in")))
show(lambda: (lambda a: a)())
show(lambda: (lambda *, k: k)(1))
show(lambda: Obj(1))
show(lambda: object(1))
show(lambda: int.__new__(str))
show(lambda: super())
import math
show(lambda: math.sqrt(-1))
show(lambda: math.log(0))
show(lambda: math.factorial(-1))
show(lambda: math.exp(1000))
show(lambda: [].insert())
show(lambda: {}.get())
show(lambda: "x".center())
