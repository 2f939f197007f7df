# Built-in functions: iteration helpers, numeric helpers, introspection.
import sys

print("-- enumerate / zip / map / filter / reversed / sorted")
print(list(enumerate("abc")), list(enumerate("abc", 10)), list(enumerate([], 5)))
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip("x")), list(zip(range(3), range(10, 13), "pqr")))
try:
    list(zip([1, 2], [3], strict=True))
except ValueError as e:
    print("ValueError", e)
print(list(map(abs, [-1, 2, -3])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])), list(map(str.upper, "hi")))
print(list(filter(None, [0, 1, "", "x", None, [], [0]])), list(filter(lambda v: v % 2, range(10))))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(5))), list(reversed((1,))))
print(sorted([3, 1, 2]), sorted("hello"), sorted({"b": 1, "a": 2}), sorted([1, -5, 3], key=abs, reverse=True))
e = enumerate("xy")
print(next(e), next(e), next(e, "end"), type(e).__name__, type(zip()).__name__, type(map(str, [])).__name__)

print("-- min / max / sum / any / all")
print(min(3, 1, 2), max(3, 1, 2), min([4, 5]), max("abc"), min("b", "a", key=str.upper), max([], default="d"))
print(max([(1, "b"), (1, "a")]), min([[2], [1, 5]]), max(range(10), key=lambda v: (v % 3, v)), min((), default=0))
print(sum([1, 2, 3]), sum([1, 2], 10), sum([0.1] * 3), sum(range(101)), sum([[1], [2]], []), sum((), 5))
print(sum([1, 2.5]), sum([True, True, False]), sum(x * x for x in range(4)), sum([10 ** 20, 1]))
print(any([]), all([]), any([0, "", None]), all([1, "a", [0]]), any(x > 2 for x in range(4)), all("abc"))

print("-- abs / round / divmod / pow")
print(abs(-3), abs(3.5), abs(-0.0), abs(True), abs(-(10 ** 20)), round(3.14159, 2), round(-2.5), round(7))
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5), divmod(-7, -2), divmod(10 ** 20, 7))
print(pow(2, 8), pow(2, -2), pow(2.5, 2), pow(3, 3, 5), pow(-1, 0.5) if False else pow(4, 0.5))

print("-- len / iter / next")
print(len("héllo"), len([1, 2]), len({}), len(range(0, 10, 3)), len(b"ab"), len({1, 2, 2}), len((None,)))
it = iter([10, 20])
print(next(it), next(it), next(it, None))
calls = iter([1, 2, 3, 0, 5])
print(list(iter(lambda: next(calls), 0)))
print(type(iter("ab")).__name__, type(iter([])).__name__, type(iter(())).__name__, type(iter(range(3))).__name__)
print(type(iter({})).__name__, type(iter(set())).__name__, type(iter(b"")).__name__)

print("-- isinstance / issubclass")
print(isinstance(1, int), isinstance(True, int), isinstance(1, (str, float)), isinstance("s", (int, str)))
print(isinstance(None, type(None)), isinstance([], object), isinstance(int, type), isinstance(1, int | str))
print(issubclass(bool, int), issubclass(int, bool), issubclass(list, (dict, object)), issubclass(type, object))
print(issubclass(KeyError, LookupError), issubclass(object, object), isinstance(object, type))

print("-- getattr / setattr / hasattr / delattr")


class Box:
    size = 1


b = Box()
setattr(b, "color", "red")
print(getattr(b, "color"), getattr(b, "size"), getattr(b, "nope", "dflt"), hasattr(b, "color"), hasattr(b, "x"))
delattr(b, "color")
print(hasattr(b, "color"), getattr(Box, "size"), getattr("abc", "upper")(), getattr([], "__len__")())
setattr(Box, "size", 5)
print(b.size, vars(b), sorted(k for k in vars(Box) if not k.startswith("__")))

print("-- id / hash")
x = [1]
y = x
print(id(x) == id(y), id(x) == id([1]), id(None) == id(None), id(1) == id(1))
print(hash(1), hash(0), hash(-1), hash(-2), hash(2 ** 61 - 1), hash(2 ** 61), hash(10 ** 20), hash(-(10 ** 20)))
print(hash(True), hash(1.0), hash(1.5), hash(-0.5), hash(0.0), hash(1e100), hash(float("inf")))
print(hash((1, 2)), hash(()), hash((1, (2, 3))), hash(frozenset()), hash(None) == hash(None))
print(hash("same") == hash("same"), hash(b"x") == hash(b"x"), hash((1, "a")) == hash((1, "a")))

print("-- repr / ascii / format")
print(repr(1), repr("a'b"), repr('a"b'), repr("a'\"b"), repr([1, "2", (3,)]), repr(None), repr(...))
print(repr(1.0), repr(b"\x00a"), repr(bytearray(b"z")), repr({1: [2]}), repr(set()), repr(frozenset({1})))
print(repr(range(3)), repr(slice(1, 2)), repr(int), repr(Box), repr(type(None)), repr(NotImplemented))
print(ascii("ü€😀"), format(3.5, "06.2f"), format(10, "x"), format("s"), repr(str))

print("-- ord / chr / hex / oct / bin")
print(ord("a"), ord("\n"), ord("€"), chr(65), chr(8364), repr(chr(0)), chr(0x1F40D))
print(hex(0), hex(-1), hex(2 ** 64), oct(64), oct(-8), bin(5), bin(-5), bin(0), hex(255).upper())

print("-- callable / type / object")
print(callable(len), callable(Box), callable(b), callable(lambda: 0), callable("x"), callable(None))
print(type(1), type("x"), type([]), type(type), type(len), type(b), type(None).__name__)
T = type("T", (object,), {"v": 3, "get": lambda self: self.v})
print(T().get(), T.__name__, T.__bases__, type(T))
ob = object()
print(type(ob).__name__, hasattr(ob, "__dict__"), object.__name__, isinstance(ob, object))

print("-- vars / globals / locals / dir")


def local_names(a, b=2):
    c = 3
    print(sorted(locals()), locals()["a"], dir())


local_names(1)
print("local_names" in globals(), globals()["__name__"], "Box" in dir())
print([n for n in dir(Box) if not n.startswith("__")], [n for n in dir(b) if not n.startswith("_")])
print([n for n in dir([]) if not n.startswith("_")])
print([n for n in dir({}) if not n.startswith("_")])
print([n for n in dir("") if not n.startswith("_")])
print(sorted(vars(sys.modules[__name__]))[:3] == sorted(globals())[:3], vars(T()))
try:
    vars(5)
except TypeError as e:
    print("TypeError", e)

print("-- print options")
print("a", "b", "c")
print("a", "b", sep="")
print("a", "b", sep=" | ", end=" <end>\n")
print()
print("no newline", end="")
print(" ...continued")
print(*[1, 2, 3], sep=", ")
print("to stdout", file=sys.stdout)
print("to stderr", file=sys.stderr)
print(None, True, 1.5, [None], sep="/")
print("flushed", flush=True)
print("multi\nline", "x", sep="\n")
print(1, 2, sep=None, end=None)
