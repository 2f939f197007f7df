# Built-in types used as constructors and their conversions; open() on a temp file.

print("-- int / float / bool")
print(int(), int(7.9), int("-12"), int("  0b11 ", 0), int("z", 36), int(b"42"), int(True), int("1_2"))
print(float(), float(3), float("nan") != float("nan"), float(" 2.5e-3 "), float("-inf"), float(True))
print(bool(), bool(0), bool(3), bool(""), bool("0"), bool([]), bool([[]]), bool(None), bool(0.0j if False else 0))


class Num:
    def __int__(self):
        return 42

    def __float__(self):
        return 2.5

    def __index__(self):
        return 7


print(int(Num()), float(Num()), bin(Num()), [0, 1, 2, 3, 4, 5, 6, 7, 8][Num()])

print("-- str / bytes / bytearray")
print(str(), str(12), str(1.5), str([1, "a"]), str(b"x"), str(b"caf\xc3\xa9", "utf-8"), str(None))
print(bytes(), bytes(2), bytes([1, 2]), bytes("hé", "utf-8"), bytes(b"copy"), bytes(range(3)))
ba = bytearray(b"hello")
ba[0] = 74
ba.append(33)
ba.extend(b"??")
print(ba, bytes(ba), ba.decode(), len(ba), ba.pop(), ba[1:3], ba.upper())

print("-- list / tuple / dict / set / frozenset")
print(list(), list("ab"), list((1, 2)), list({"k": 1}), list(range(3)), list(x for x in "yz"))
print(tuple(), tuple([1]), tuple("ab"), tuple({3: 4}), tuple(range(2)))
print(dict(), dict(a=1), dict([("b", 2)]), dict({"c": 3}, d=4), dict(zip("ef", (5, 6))))
print(set(), set([1, 2, 1]), sorted(set("hello")), frozenset(), frozenset([3, 3]), set({1: 2}))

print("-- range / slice")
r = range(2, 20, 4)
print(r, list(r), r[1], r[-1], r[1:3], len(r), 6 in r, 7 in r, r.index(10), range(5) == range(0, 5, 1))
print(slice(5), slice(1, 5), slice(1, 5, 2), slice(1, 5, 2).indices(3), "abcdef"[slice(1, None, 2)])
print(hash(range(3)) == hash(range(0, 3)), bool(range(0)), list(range(-3)), list(range(3, -3, -2)))

print("-- type / object / super")
print(type(3) is int, type("s")("x"), type(b"")(2), type(object()) is object)
Pt = type("Pt", (), {"__init__": lambda self, x: setattr(self, "x", x), "__repr__": lambda self: f"Pt({self.x})"})
print(Pt(3), type(Pt(1)).__name__, Pt.__dict__["__module__"])


class A:
    def who(self):
        return "A"

    @classmethod
    def cm(cls):
        return "A.cm of " + cls.__name__


class B(A):
    def who(self):
        return "B>" + super().who()

    @classmethod
    def cm(cls):
        return "B.cm>" + super().cm()


class C(B):
    def who(self):
        return "C>" + super(C, self).who() + "|" + super(B, self).who()


print(C().who(), B.cm(), C.cm(), super(B, B()).who(), type(super(B, B())).__name__)

print("-- property / classmethod / staticmethod objects")


class Acc:
    def __init__(self):
        self._v = 0

    def get_v(self):
        return self._v

    def set_v(self, v):
        self._v = v * 2

    v = property(get_v, set_v)
    sm = staticmethod(lambda x: x + 1)
    cm = classmethod(lambda cls, y: (cls.__name__, y))


ac = Acc()
ac.v = 5
print(ac.v, Acc.sm(1), ac.sm(2), Acc.cm(3), ac.cm(4), Acc.v.fget is Acc.get_v, Acc.v.fdel)
p2 = Acc.v.setter(lambda self, v: setattr(self, "_v", -v))
print(type(p2).__name__, p2 is not Acc.v)

print("-- open() on a temp file")
path = "/tmp/minidynamo_conformance_24_builtins_types.txt"
with open(path, "w") as f:
    n = f.write("line one\n")
    f.write("line two\nline three\n")
    print("wrote", n, f.closed, f.name == path, f.mode)
print(f.closed)
with open(path) as f:
    print(repr(f.read()))
with open(path) as f:
    print(f.readline(), end="")
    print(f.readlines())
with open(path) as f:
    for i, line in enumerate(f):
        print(i, line.rstrip("\n"))
with open(path, "a") as f:
    print("appended", file=f)
with open(path, "r") as f:
    lines = f.read().splitlines()
print(lines, len(lines))
with open(path, "wb") as f:
    f.write(b"\x00\x01binary\xff")
with open(path, "rb") as f:
    data = f.read()
print(data, type(data).__name__, len(data))
with open(path, "w", encoding="utf-8") as f:
    f.write("héllo wörld\n")
with open(path, encoding="utf-8") as f:
    print(f.read(3), f.read(), end="")
with open(path, "rb") as f:
    print(f.read())
with open(path, "w") as f:
    f.write("")
with open(path) as f:
    print(repr(f.read()), repr(f.readline()))
try:
    open("/tmp/minidynamo_no_such_dir/none.txt")
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno, e.strerror, e.filename)
