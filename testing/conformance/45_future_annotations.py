"""PEP 563: under `from __future__ import annotations` annotations are kept
as the source text CPython's unparser writes, never evaluated."""
from __future__ import annotations

import __future__

print("-- the feature")
print(__future__.annotations.compiler_flag == 0x1000000)


def flags(f):
    return hex(f.__code__.co_flags & 0x1000000)


print("-- names are not evaluated")


class Tree:
    def __init__(self, left: Tree | None, value: int,
                 right: Tree | None = None) -> None:
        self.left = left
        self.value = value
        self.right = right

    def __iter__(self) -> Iterator[int]:
        if self.left:
            yield from self.left
        yield self.value
        if self.right:
            yield from self.right


print(Tree.__init__.__annotations__)
print(Tree.__iter__.__annotations__)
print(list(Tree(Tree(None, 1), 2, Tree(None, 3))))
print(flags(Tree.__init__))


def undefined(a: NoSuchName, b: also.missing[1]) -> raise_if_evaluated():
    return a


print(undefined.__annotations__)
print(undefined(5, 6))

print("-- operators and precedence")


def ops(a: -x ** -y, b: (-x) ** y, c: x ** y ** z, d: (x ** y) ** z,
        e: (a or b) and not c, f: a or b and c, g: not (a and b),
        h: ~a + -b * (c - d) // e % f @ g << h >> i & j ^ k | l,
        i: (a + b) * c, j: a - (b - c), k: a - b - c, l: (a, b),
        m: a < b <= c is not d not in e, n: (a < b) < c,
        o: x if y else z, p: (x if y else z) if w else v,
        q: lambda: 0, r: lambda x, *y, z=3, **k: x + 1,
        s: lambda x, /, y=2: x, t: lambda *, k: k):
    pass


for k, v in ops.__annotations__.items():
    print(k, v)

print("-- atoms and displays")


def atoms(a: 1, b: 2.5, c: 3j, d: 1e999, e: 0xFF, f: 10 ** 30,
          g: 123456789012345678901234567890, h: 'single', i: "dou'ble",
          j: b'by\x00tes', k: None, l: ..., m: True, n: [1, [2]],
          o: {1: 2, **d}, p: {1, 2}, q: {*()}, r: (), s: (1,), t: u'u',
          u: 1 .real, v: x.y.z, w: f(a, *b, c=1, **d), x: f(y for y in z),
          y: f((y for y in z), 1), z: [x for x in y if x if not x],
          aa: {k: v for k, v in d}, bb: {x for x in y},
          cc: [x async for x in y]):
    pass


for k, v in atoms.__annotations__.items():
    print(k, v)

print("-- subscripts")


def subs(a: dict[str, list[int]], b: tuple[int, ...], c: x[1:2, ::3],
         d: x[()], e: x[1,], f: x[:, 1:], g: Callable[[int, str], None],
         h: x[a:b:c], i: Literal['a', "b"]):
    pass


for k, v in subs.__annotations__.items():
    print(k, v)

print("-- f-strings")


def fstr(a: f"{x!r:>{w}} {{}}", b: f"{x}", c: f"a{b!s}c{d!a}",
         d: f"{ {1: 2}[1] }", e: f"{x:{y}.{z}}", f: f"{'q'}"):
    pass


for k, v in fstr.__annotations__.items():
    print(k, v)

print("-- parameters of every kind")


def params(a: int, /, b: str = 'x', *args: tuple[int, ...], c: float,
           d: 'quoted' = 1, **kw: dict[str, int]) -> list[int]:
    pass


print(params.__annotations__)
print(params.__defaults__, params.__kwdefaults__)

print("-- variable annotations")
x: List[int] = [1]
y: ClassVar[Final]
print(__annotations__)
print(x)


class C:
    a: C
    b: 'quoted'
    c: int = 3

    def method(self, other: C) -> C:
        n: Undefined = 1  # a local annotation is never stored
        return n


print(C.__annotations__)
print(C.c, C().method(None))
print(C.method.__annotations__)


def outer():
    def inner(p: Local) -> Other:
        pass
    return inner


print(outer().__annotations__, flags(outer()))

print("-- lambdas and nested code keep the flag")
fn = lambda: 0
print(flags(fn), flags(outer))
