# dataclasses: generated methods, defaults and factories, frozen/order/hash
# rules, inheritance, InitVar/__post_init__, KW_ONLY, helpers, errors.
from dataclasses import (KW_ONLY, InitVar, asdict, astuple, dataclass, field, fields,
                         FrozenInstanceError, is_dataclass, make_dataclass, replace)
from typing import ClassVar, List


@dataclass
class Item:
    name: str
    price: float = 0.0
    tags: List[str] = field(default_factory=list)
    secret: str = field(default="s", repr=False, compare=False)
    total: ClassVar[int] = 0


a = Item("pen", 1.5)
print(a, a == Item("pen", 1.5, [], "other"), a == ("pen",), Item.__match_args__, [f.name for f in fields(Item)])
print(asdict(a), astuple(a), replace(a, price=2), Item.__hash__, Item.total)
a.tags.append("x")
print(Item("b").tags, a.tags)
for bad in (lambda: Item(), lambda: Item("x", 1, [], "s", 5), lambda: replace(a, nope=1),
            lambda: fields(3), lambda: asdict(Item)):
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)


@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0

    @property
    def label(self):
        return f"v{self.major}.{self.minor}"


vs = [Version(1, 2), Version(0, 9), Version(1)]
print(sorted(vs), max(vs).label, Version(1) <= Version(1, 0), hash(Version(1)) == hash(Version(1, 0)), len({Version(1), Version(1, 0)}))
try:
    vs[0].major = 3
except FrozenInstanceError as e:
    print("FrozenInstanceError", e, isinstance(e, AttributeError))
try:
    Version(1) < (1, 0)
except TypeError as e:
    print("TypeError", e)


@dataclass
class Base:
    x: int
    y: int = 1


@dataclass
class Child(Base):
    z: int = 2
    x: int = 10


print(Child(), Child(1, 2, 3), [f.name for f in fields(Child)], is_dataclass(Child), is_dataclass(Child()))


@dataclass
class WithPost:
    a: int
    scale: InitVar[int] = 2
    b: int = field(init=False)

    def __post_init__(self, scale):
        self.b = self.a * scale


w = WithPost(3)
print(w, WithPost(3, 10).b, [f.name for f in fields(w)])


@dataclass
class KW:
    a: int
    _: KW_ONLY
    b: int = 0
    c: int = 1


print(KW(1, c=5), KW(a=2))
try:
    KW(1, 2)
except TypeError as e:
    print("TypeError", e)


@dataclass(eq=False, repr=False)
class Plain:
    v: int


p1 = Plain(1)
print(p1 == Plain(1), p1 == p1, "Plain object" in repr(p1), Plain.__hash__ is object.__hash__)


@dataclass(unsafe_hash=True)
class Hashy:
    v: int
    w: list = field(default=None, hash=False)


print(hash(Hashy(1)) == hash(Hashy(1, [2])), Hashy(1) == Hashy(1, None))
Dyn = make_dataclass("Dyn", ["a", ("b", int), ("c", int, field(default=3))], namespace={"twice": lambda self: self.b * 2})
d = Dyn(1, 2)
print(d, d.twice(), [f.name for f in fields(Dyn)])


@dataclass
class Tree:
    value: int
    children: list = field(default_factory=list)


t = Tree(1, [Tree(2), Tree(3, [Tree(4)])])
print(asdict(t), astuple(Tree(5)))
for code in ("@dataclass\nclass M:\n    x: list = []\n", "@dataclass\nclass M:\n    a: int = 1\n    b: int\n"):
    try:
        exec(code, {"dataclass": dataclass})
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
