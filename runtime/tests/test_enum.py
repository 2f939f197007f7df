# enum: Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique, aliases,
# functional API, custom __init__, errors.
from enum import Enum, IntEnum, IntFlag, Flag, StrEnum, auto, unique
import enum


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1

    def describe(self):
        return f"{self.name.lower()}={self.value}"

    @classmethod
    def default(cls):
        return cls.GREEN


print(list(Color), len(Color), Color.CRIMSON is Color.RED, Color(3), Color["BLUE"], repr(Color.BLUE), str(Color.BLUE))
print(Color.RED.describe(), Color.default(), Color.RED in Color, list(Color.__members__), Color.__members__["CRIMSON"])
print(Color.RED == Color.RED, Color.RED != Color.GREEN, Color.RED == 1, hash(Color.RED) == hash(Color.CRIMSON))
print(sorted(Color, key=lambda c: -c.value), list(reversed(Color)), {c: c.value for c in Color}, type(Color.RED).__name__)
print(f"{Color.RED}", format(Color.GREEN, ">12"), "%s" % Color.BLUE, repr(Color), Color.RED.__class__ is Color)
for bad in (lambda: Color(9), lambda: Color["PINK"], lambda: setattr(Color, "RED", 5), lambda: Color.RED < Color.GREEN):
    try:
        bad()
    except (ValueError, KeyError, AttributeError, TypeError) as e:
        print(type(e).__name__, e)
try:
    class Sub(Color):
        PINK = 4
except TypeError as e:
    print("TypeError", e)


class Base(Enum):
    def shout(self):
        return self.name.upper() + "!"


class Animal(Base):
    cat = auto()
    dog = auto()


print(Animal.cat.shout(), Animal.dog.value, Animal(2))


class Level(IntEnum):
    LOW = 1
    MID = auto()
    HIGH = 10


print(Level.MID, repr(Level.MID), Level.LOW < Level.HIGH, Level.HIGH + 1, sorted([Level.HIGH, Level.LOW]), Level(10), int(Level.MID))
print(f"{Level.HIGH:>4}", Level.LOW == 1, isinstance(Level.LOW, int), [l.name for l in Level])


class Mode(StrEnum):
    READ = auto()
    WRITE = "w"


print(Mode.READ, repr(Mode.WRITE), Mode.WRITE == "w", Mode("w"), Mode.READ.upper(), f"{Mode.READ}")


class Perm(Flag):
    R = 4
    W = 2
    X = 1
    RWX = 7


rw = Perm.R | Perm.W
print(repr(rw), rw, Perm.R in rw, Perm.X in rw, list(rw), list(Perm), bool(Perm(0)), repr(Perm(0)), repr(~Perm.R))
print(repr(Perm.RWX), Perm.RWX & Perm.W, rw ^ Perm.R, len(Perm.RWX), Perm(6) is rw)
try:
    Perm(8)
except ValueError as e:
    print("ValueError", str(e).splitlines()[0])


class Bits(IntFlag):
    A = auto()
    B = auto()
    C = auto()


print(repr(Bits.A | Bits.C), Bits.A | Bits.C, Bits.B + 1, repr(Bits(8)), Bits.A | 2, [b.value for b in Bits])
try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
except ValueError as e:
    print("ValueError", e)
Fruit = Enum("Fruit", "APPLE BANANA")
Size = Enum("Size", [("S", 1), ("L", 5)])
print(list(Fruit), Fruit.BANANA.value, repr(Size.L), Size(5))


class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def surface_gravity(self):
        return 6.67300E-11 * self.mass / (self.radius * self.radius)


print(Planet.EARTH.mass, round(Planet.EARTH.surface_gravity, 2), Planet((3.303e+23, 2.4397e6)).name)


class Ordered(Enum):
    _ignore_ = ["tmp"]
    FIRST = "first"
    tmp = 5
    SECOND = "second"


print(list(Ordered), hasattr(Ordered, "tmp"), isinstance(Color.RED, Enum), issubclass(Level, int))
