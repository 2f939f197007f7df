# Differences from CPython found by the VM program generator
# (testing/fuzz/fuzzgen.py), one group per fix: bytes % with unused arguments
# and bytearray arguments, float() of bytes-like objects, Py_ssize_t / C int
# argument conversion (OverflowError), bytearray's index and byte value
# checks, sequence repetition errors, int slots and float subclasses' operand
# types, divmod with non-numbers, reversed() objects, str/bytearray iterator
# names and __length_hint__, builtin method reprs, int methods returning exact
# ints, negative ** fractional giving complex, dict.pop on an empty dict,
# ord() of bytes, enumerate(start=big), hex() of a big __index__.
import re


def show(label, thunk):
    try:
        r = thunk()
    except Exception as e:
        print(label, "!!", type(e).__name__, e)
    else:
        print(label, "->", re.sub(r" at 0x[0-9a-f]+", "", repr(r)))


class Getitem:
    def __getitem__(self, k):
        return b"G"


class Idx:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


class BB(bytes):
    pass


class BA(bytearray):
    pass


class S(str):
    pass


print("== bytes % unused arguments")
for a in ["ab", b"y", bytearray(b"y"), {}, Getitem(), [1], (1,), (), 1, 1.5,
          None, S("s"), BB(b"b"), BA(b"a"), range(3)]:
    for f in [b"x", b"%s", b"%%", b""]:
        show((f, type(a).__name__), lambda: f % a)
for a in ["ab", b"y", bytearray(b"y"), {}, [1], (1,), 1, S("s"), BB(b"b")]:
    for f in ["x", "%s"]:
        show((f, type(a).__name__), lambda: f % a)
show("%(k)s", lambda: b"%(k)s" % Getitem())

print("== bytes % bytearray")
show("%s", lambda: b"%s" % bytearray(b"q"))
show("%b", lambda: b"%b" % BA(b"q"))
show("widths", lambda: b"%5b|%-4s|%.1s" % (bytearray(b"xy"), bytearray(b"z"),
                                          bytearray(b"pq")))
show("%c ba", lambda: b"%c" % bytearray(b"a"))
show("%c ba2", lambda: b"%c" % bytearray(b"ab"))
show("ba % ba", lambda: bytearray(b"<%s>") % bytearray(b"in"))

print("== float() of bytes-like objects")


class SR(str):
    def __repr__(self):
        return "RR"


class SF(str):
    def __float__(self):
        return 9.5


class BF(bytes):
    def __float__(self):
        return 8.5


for x in [b"1.5", b" 2 ", b"by", bytearray(b" 2 "), b"1_0", b"\xff",
          b"1\x00", b"\xa01", b"\t1\n", b"inf", b"-nan", b"", SR("zz"),
          SR("3"), SF("x"), BF(b"z"), BB(b"4"), BB(b"q"), bytearray(b"q"),
          "\u0661", " 1 "]:
    show(("float", x), lambda: float(x))

print("== Py_ssize_t and C int arguments")
big = [2**64, -2**64, 2**63, -2**63 - 1, Idx(2**64), "x", 1.5, None]
calls = [
    ("list.insert", lambda n: [1].insert(n, 0)),
    ("list.pop", lambda n: [1, 2].pop(n)),
    ("[].pop", lambda n: [].pop(n)),
    ("list.index", lambda n: [1, 2].index(2, n)),
    ("tuple.index", lambda n: (1, 2).index(2, 0, n)),
    ("str.center", lambda n: "a".center(n)),
    ("str.ljust", lambda n: "a".ljust(n)),
    ("str.rjust", lambda n: "a".rjust(n)),
    ("str.zfill", lambda n: "a".zfill(n)),
    ("str.expandtabs", lambda n: "a\tb".expandtabs(n)),
    ("str.split", lambda n: "a b".split(None, n)),
    ("str.rsplit", lambda n: "a b".rsplit(" ", n)),
    ("str.replace", lambda n: "aa".replace("a", "b", n)),
    ("str.find", lambda n: "aa".find("a", n)),
    ("str.splitlines", lambda n: "a\nb".splitlines(n)),
    ("bytes.split", lambda n: b"a b".split(None, n)),
    ("bytes.rsplit", lambda n: b"a b".rsplit(b" ", n)),
    ("bytes.replace", lambda n: b"aa".replace(b"a", b"b", n)),
    ("bytes.hex", lambda n: b"abc".hex(":", n)),
    ("ba.split", lambda n: bytearray(b"a b").split(None, n)),
    ("ba.replace", lambda n: bytearray(b"aa").replace(b"a", b"b", n)),
    ("ba.insert", lambda n: bytearray(b"a").insert(n, 1)),
    ("ba.pop", lambda n: bytearray(b"ab").pop(n)),
    ("empty ba.pop", lambda n: bytearray().pop(n)),
    ("int.to_bytes", lambda n: (1).to_bytes(n, "big")),
    ("round float", lambda n: round(1.25, n)),
    ("round int", lambda n: round(15, n) if type(n) is not int or n > 0
     else "skipped"),
    ("chr", lambda n: chr(n)),
    ("int base", lambda n: int("10", n)),
    ("from_bytes", lambda n: int.from_bytes([n], "big")),
    ("list[n]", lambda n: [1][n]),
    ("str[n]", lambda n: "a"[n]),
    ("seq * n", lambda n: "a" * n),
]
for name, f in calls:
    for n in big:
        show((name, n if type(n) is not Idx else "Idx"), lambda: f(n))
show("chr(Idx(65))", lambda: chr(Idx(65)))
show("hex(Idx(2**64))", lambda: hex(Idx(2**64)))
show("oct(Idx(-9))", lambda: oct(Idx(-9)))

print("== bytearray items and values")
for n in [2**64, -2**64, Idx(2**64), 300, -1, "x", 1.5, 5, -5, 1]:
    label = n if type(n) is not Idx else "Idx"
    for name, f in [
            ("append", lambda n: bytearray(b"ab").append(n)),
            ("insert", lambda n: bytearray(b"ab").insert(0, n)),
            ("remove", lambda n: bytearray(b"ab").remove(n)),
            ("set value", lambda n: bytearray(b"ab").__setitem__(0, n)),
            ("set index", lambda n: bytearray(b"ab").__setitem__(n, 1)),
            ("set both", lambda n: bytearray(b"ab").__setitem__(9, n)),
            ("get", lambda n: bytearray(b"ab")[n]),
            ("del", lambda n: bytearray(b"ab").__delitem__(n)),
            ("in", lambda n: n in bytearray(b"ab")),
            ("bytes in", lambda n: n in b"ab")]:
        show((name, label), lambda: f(n))
b = bytearray(b"abc")
out = []
for c in b:
    out.append(c)
    if len(b) < 5:
        b.append(120)
print("live iteration", out, b)

print("== sequence repetition errors")
class L(list):
    pass


class T(tuple):
    pass


for a, c in [(b"a", 1.5), (1.5, b"a"), (bytearray(b"a"), "x"),
             ("x", bytearray(b"a")), (L(), 1.5), (1.5, S()), (BB(), None),
             (BA(), 1.5), (T(), "x"), (range(3), 1.5), (bytearray(b"a"),
             Idx(2**64)), (b"a", Idx(2**64)), ([1], Idx(2**64)),
             ("a", Idx(2**64)), (Idx(2**64), (1,)), (bytearray(b"ab"),
             Idx(2))]:
    show(("mul", type(a).__name__, type(c).__name__), lambda: a * c)

print("== int and float slots with other operand types")


class I(int):
    pass


for name, f in [
        ("int.__add__(float)", lambda: (1).__add__(2.0)),
        ("int.__radd__(float)", lambda: (1).__radd__(2.0)),
        ("int.__divmod__(float)", lambda: (1).__divmod__(2.0)),
        ("int.__rdivmod__(float)", lambda: (1).__rdivmod__(2.0)),
        ("int.__pow__(float)", lambda: (1).__pow__(2.0)),
        ("int.__pow__(int, mod)", lambda: (2).__pow__(3, 5)),
        ("int.__pow__(float, mod)", lambda: (2).__pow__(3.0, 5)),
        ("int.__lt__(float)", lambda: (1).__lt__(2.0)),
        ("int.__rdivmod__(set)", lambda: (1).__rdivmod__(set())),
        ("float.__rdivmod__(set)", lambda: (1.0).__rdivmod__(set())),
        ("float.__add__(int)", lambda: (1.0).__add__(2)),
        ("float.__rdivmod__(int)", lambda: (1.0).__rdivmod__(2)),
        ("float.__rdivmod__(bool)", lambda: (2.5).__rdivmod__(True)),
        ("bool.__rdivmod__(int)", lambda: True.__rdivmod__(5)),
        ("divmod(set, 1)", lambda: divmod({1}, 1)),
        ("divmod(1, set)", lambda: divmod(1, {1})),
        ("divmod(list, 1)", lambda: divmod([], 1)),
        ("I + float", lambda: I(3) + 2.5),
        ("float + I", lambda: 2.5 + I(3)),
        ("I < float", lambda: I(3) < 2.5),
        ("divmod(I, float)", lambda: divmod(I(7), 2.0)),
        ("divmod(float, I)", lambda: divmod(7.5, I(2))),
        ("I ** float", lambda: I(2) ** 0.5),
        ("pow(I, 3, 5)", lambda: pow(I(2), 3, 5)),
        ("True + 1.5", lambda: True + 1.5),
        ("float.__pow__ mod", lambda: (2.0).__pow__(2, 5))]:
    show(name, f)

print("== int methods return exact ints")
for v in [True, I(5), 2**70]:
    print([repr(x) + ":" + type(x).__name__ for x in [
        v.conjugate(), v.real, v.numerator, v.__index__(), v.__int__(),
        v.__trunc__(), v.__floor__(), v.__ceil__(), round(v), round(v, 1),
        +v, abs(v), -v, ~v, v.denominator, v.imag, int(v), v.__round__(),
        v.__pos__()]])

print("== negative ** fractional is complex")
inf, nan = float("inf"), float("nan")
for x, y in [(-7, 1.5), (-8.0, 1 / 3), (-1.0, 0.5), (-2, -0.5), (0.0, -inf),
             (-0.0, -inf), (-1.0, nan), (-2.0, inf), (-2.0, 2.0), (-2, 0.5),
             (0.0, -1.0)]:
    show(("pow", x, y), lambda: (x ** y, pow(x, y)))

print("== reversed objects")
show("reversed str", lambda: reversed("ab"))
show("reversed tuple", lambda: reversed((1,)))
show("reversed bytes", lambda: reversed(b"ab"))
show("reversed list", lambda: reversed([1]))
show("reversed range", lambda: reversed(range(3)))
print(list(reversed("abc")), list(reversed((1, 2, 3))), list(reversed(b"ab")))


class Seq:
    def __len__(self):
        return 3

    def __getitem__(self, i):
        if i == 1:
            raise IndexError
        return i * 10


class NoLen:
    def __getitem__(self, i):
        return i


class KeyErr:
    def __len__(self):
        return 2

    def __getitem__(self, i):
        raise KeyError(i)


class NoRev(list):
    __reversed__ = None


class DSub(dict):
    pass


print(list(reversed(Seq())))
for x in [NoLen(), KeyErr(), NoRev(), DSub(), {1}, 5, iter([1])]:
    show(("reversed", type(x).__name__), lambda: list(reversed(x)))
it = reversed("abc")
print(next(it), it.__length_hint__(), list(it), list(it), it.__length_hint__())
print(type(reversed(())).__name__, isinstance(reversed("a"), reversed),
      isinstance(reversed([]), reversed))

print("== iterator names and __length_hint__")
for x in [iter([1, 2]), reversed([1, 2]), iter((1,)), iter("ab"), iter("\xe9"),
          iter(b"a"), iter(bytearray(b"a")), iter({1: 2}),
          iter({1: 2}.values()), iter({1}), iter(range(3)),
          reversed(range(3)), reversed("ab"), enumerate([1]), zip([1]),
          map(str, [1]), filter(None, [1]), iter(lambda: 1, 2),
          reversed({1: 2}), iter(Seq()), iter(NoLen())]:
    show(type(x).__name__, lambda: x.__length_hint__())
it = iter([1, 2, 3])
next(it)
print(it.__length_hint__(), list(it), it.__length_hint__())

print("== builtin method reprs")


class C:
    def m(self):
        pass

    @classmethod
    def cm(cls):
        pass


for x in [[].append, {}.get, "a".upper, C().m, C.cm, int.from_bytes,
          dict.fromkeys, len, (1).__add__, object().__str__, [].__len__,
          bytes.fromhex, C().__init__, C.__init__, C().__str__,
          [].__getitem__, {}.__getitem__, {}.__contains__, set().__contains__,
          "a".__getitem__, [].__reversed__, (1).__format__, (1).__round__,
          (1).__index__, [].__contains__, list.__getitem__, list.__add__,
          dict.__getitem__, [].__init__, (1.5).__trunc__, [].__iadd__,
          list.append, str.upper, int.__add__]:
    show("repr", lambda: x)

print("== dict.pop on an empty dict does not hash")
show("{}.pop({}, 1)", lambda: {}.pop({}, 1))
show("{}.pop([])", lambda: {}.pop([]))
show("{1: 2}.pop([])", lambda: {1: 2}.pop([]))
show("DSub().pop([], 2)", lambda: DSub().pop([], 2))

print("== ord() of bytes-like objects")
for x in [b"a", bytearray(b"b"), b"ab", bytearray(), "\xe9", 1]:
    show(("ord", x), lambda: ord(x))

print("== enumerate with a big start")
show("enumerate 2**64", lambda: list(enumerate("ab", 2**64)))
show("enumerate -2**64", lambda: list(enumerate("ab", -2**64)))
show("enumerate Idx", lambda: list(enumerate("ab", Idx(2**63 - 1))))
show("enumerate str", lambda: enumerate("ab", "x"))

print("== complex powers: libm's errno decides the error")
inf = float("inf")
for x, y in [(3j, inf), (3j, 2), (1 + 1j, 0.5), (2j, -inf), (1e200j, 2),
             (1e200 + 1j, 3.5), (0j, -1), (0j, 1j), (1j, 0), (1j, -3),
             (1e-200j, -3), (-1e300, 1.5)]:
    show(("cpow", x, y), lambda: x ** y)

print("== int/str conversion digit limit")
import sys

print(sys.get_int_max_str_digits())
huge = 10 ** 5000
for label, f in [
        ("str", lambda: str(huge)), ("repr", lambda: repr(-huge)),
        ("format d", lambda: format(huge, "d")),
        ("format ,", lambda: format(huge, ",")),
        ("format >10", lambda: format(huge, ">10")),
        ("format x", lambda: len(format(huge, "x"))),
        ("format .3e", lambda: format(huge, ".3e")),
        ("f-string", lambda: f"{huge}"), ("%d", lambda: "%d" % huge),
        ("%x", lambda: len("%x" % huge)), ("hex", lambda: len(hex(huge))),
        ("b%d", lambda: b"%d" % huge),
        ("parse", lambda: int("1" * 5000)),
        ("parse base 16", lambda: int("1" * 5000, 16) > 0),
        ("4300 digits", lambda: len(str(10 ** 4299))),
        ("4301 digits", lambda: str(10 ** 4300)),
        ("int.__repr__(True)", lambda: int.__repr__(True)),
        ("%x Idx", lambda: "%x" % Idx(2**64))]:
    show(label, f)
for v in [0, 639, 640, -1, "x", 2**64, True]:
    show(("set_int_max_str_digits", v),
         lambda: (sys.set_int_max_str_digits(v), sys.get_int_max_str_digits()))
show("no argument", lambda: sys.set_int_max_str_digits())
sys.set_int_max_str_digits(maxdigits=700)
show("limit 700", lambda: str(10 ** 700))
sys.set_int_max_str_digits(0)
show("no limit", lambda: len(str(huge)))
sys.set_int_max_str_digits(4300)
show("setrecursionlimit(2**64)", lambda: sys.setrecursionlimit(2**64))

print("== int() of bytes-like objects")


class SI(str):
    def __int__(self):
        return 99


class BI(bytes):
    def __int__(self):
        return 42


class BR(bytes):
    def __repr__(self):
        return "BR!"


for args in [(bytearray(b"12"),), (bytearray(b"ff"), 16), (bytearray(b"\x01"),),
             (BB(b"7"),), (bytearray(b" 1_0 "), 0), (b"12", 2**64),
             (b"\x01",), (b"\xff",), (b"1\x00",), (b"\xd9\xa1",), (BR(b"x"),),
             (BI(b"x"),), (BI(b"5"), 10), (b"z", 36), (b"",),
             (bytearray(b"x"), 10), (b"0x10", 0), (b"1\x1c",), ("1\x1c",),
             (b"\t7\n",), (SI("5"),), (S("6"), 8), (b"1" * 5000,),
             (bytearray(b"9" * 300),), ([], 10), ("\u0661\u0662",)]:
    show(("int", args if len(repr(args)) < 80 else len(args[0])),
         lambda: int(*args))

print("== complex.__format__")
for v, spec in [(1 + 2j, ""), (2j, ">8"), (complex(-0.0, 2), ">10"),
                (1 + 0j, ".2f"), (1234.5 - 1j, ","), (1e20j, "g"),
                (1 + 2j, "^12"), (1 + 2j, "*<12.3"), (1 + 2j, "+"),
                (2j, "+"), (2j, " .1e"), (1.5 + 2.5j, "#.0f"),
                (complex("nan+infj"), ""), (1 + 1j, "n"),
                (complex(-0.0, -0.0), "z.1f"), (10 + 0j, "_"), (3j, ".3"),
                (1e16 + 1j, ""), (1.5 + 0j, "\xe9^9"), (complex(-0.0, 1), ""),
                (12345678.9 + 1j, "_.2f"), (1 + 2j, "10"), (1 + 2j, "<10"),
                (-1 - 2j, "-"), (1 + 2j, "%"), (1 + 2j, "010"),
                (1 + 2j, "0>10"), (1 + 2j, "=10"), (1 + 2j, "d"),
                (1 + 2j, "s")]:
    show(("format", v, spec), lambda: format(v, spec))
show("f-string", lambda: f"{3j:.3}|{1-1j:>9.2f}|{2j!r:>5}")
show("__format__(1)", lambda: (1j).__format__(1))

print("== method descriptors called without a proper receiver")
for c in ["int.bit_length()", "int.bit_length('x')", "list.append()",
          "list.append(1, 2)", "str.upper(b'x')", "int.__add__()",
          "int.__add__('a', 1)", "float.hex()", "object.__str__()",
          "list.__len__()", "object.__init__()", "int.as_integer_ratio()",
          "int.conjugate()", "str.join()", "list.sort()", "bool.__repr__(1)",
          "int.__repr__(True)", "object.__repr__(1) [:8]",
          "float.is_integer(1)", "dict.keys([])", "int.to_bytes(1.0)"]:
    show(c, lambda: eval(c.split(" [")[0])[:8] if " [" in c else eval(c))
