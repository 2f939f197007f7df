# Classes: attributes, inheritance, C3 MRO, super() both forms, classmethod,
# staticmethod, property, __slots__, class decorators, class attributes.

print("-- basics")


class Animal:
    kingdom = "animalia"
    count = 0

    def __init__(self, name, sound="..."):
        self.name = name
        self.sound = sound
        Animal.count += 1

    def speak(self):
        return f"{self.name} says {self.sound}"

    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"


class Dog(Animal):
    def __init__(self, name):
        super().__init__(name, "woof")
        self.tricks = []

    def add_trick(self, trick):
        self.tricks.append(trick)
        return self

    def speak(self):
        return super().speak() + "!"


class Puppy(Dog):
    def speak(self):
        return super(Puppy, self).speak().upper()


d = Dog("Rex").add_trick("sit").add_trick("roll")
p = Puppy("Bit")
a = Animal("Generic")
print(d, p, a, d.speak(), p.speak(), a.speak(), d.tricks, Animal.count)
print(isinstance(p, Dog), isinstance(p, Animal), isinstance(d, Puppy), issubclass(Puppy, Animal))
print(type(p).__name__, type(p).__mro__, Puppy.__bases__, Dog.__base__, p.kingdom)
print(sorted(vars(d)), d.__dict__["name"], hasattr(d, "tricks"), getattr(a, "tricks", None))
d.kingdom = "instance override"
print(d.kingdom, Dog.kingdom, Animal.kingdom, "kingdom" in vars(d))
del d.kingdom
print(d.kingdom)
print(Dog.speak(d), Animal.speak(d), Dog.__name__, Dog.__qualname__, Dog.__module__)

print("-- C3 MRO and cooperative super")


class Base:
    def hello(self):
        return ["Base"]


class Left(Base):
    def hello(self):
        return ["Left"] + super().hello()


class Right(Base):
    def hello(self):
        return ["Right"] + super().hello()


class Diamond(Left, Right):
    def hello(self):
        return ["Diamond"] + super().hello()


print(Diamond().hello(), [c.__name__ for c in Diamond.__mro__])


class O: pass
class A(O): pass
class B(O): pass
class C(O): pass
class D(O): pass
class E(O): pass
class K1(A, B, C): pass
class K2(D, B, E): pass
class K3(D, A): pass
class Z(K1, K2, K3): pass


print([c.__name__ for c in Z.mro()])
try:
    class Bad(A, K1):
        pass
except TypeError as e:
    print("TypeError", e)


class Mixin:
    def describe(self):
        return f"<{self.__class__.__name__} {super().describe()}>"


class Core:
    def describe(self):
        return "core"


class Combined(Mixin, Core):
    pass


print(Combined().describe())

print("-- classmethod, staticmethod, property")


class Temperature:
    scale = "C"

    def __init__(self, celsius=0.0):
        self._c = celsius

    @property
    def celsius(self):
        return self._c

    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError("below absolute zero")
        self._c = value

    @celsius.deleter
    def celsius(self):
        print("  deleting celsius")
        self._c = None

    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32

    @classmethod
    def from_fahrenheit(cls, f):
        return cls((f - 32) * 5 / 9)

    @staticmethod
    def valid(v):
        return v >= -273.15

    @classmethod
    def describe(cls):
        return f"{cls.__name__} in {cls.scale}"


class Kelvinish(Temperature):
    scale = "K"


t = Temperature(100)
print(t.celsius, t.fahrenheit, Temperature.from_fahrenheit(212).celsius, Temperature.valid(-300))
t.celsius = 25
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -500
except ValueError as e:
    print("ValueError", e)
try:
    t.fahrenheit = 1
except AttributeError as e:
    print("AttributeError", e)
del t.celsius
print(t.celsius, Kelvinish.describe(), Kelvinish.from_fahrenheit(32).__class__.__name__)
print(t.valid(0), Temperature.describe(), type(Temperature.__dict__["valid"]).__name__)
print(type(Temperature.__dict__["describe"]).__name__, type(Temperature.celsius).__name__)

print("-- __slots__")


class Slotted:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class SlottedChild(Slotted):
    __slots__ = ("z",)


s = Slotted(1, 2)
print(s.x, s.y, hasattr(s, "__dict__"), Slotted.__slots__)
try:
    s.z = 3
except AttributeError as e:
    print("AttributeError", e)
sc = SlottedChild(1, 2)
sc.z = 3
print(sc.x, sc.z)
del s.x
try:
    print(s.x)
except AttributeError as e:
    print("AttributeError", e)

print("-- class decorators and dynamic classes")


def add_repr(cls):
    def __repr__(self):
        fields = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
        return f"{cls.__name__}({fields})"
    cls.__repr__ = __repr__
    return cls


def singleton(cls):
    instances = {}

    def get(*args):
        if cls not in instances:
            instances[cls] = cls(*args)
        return instances[cls]
    return get


@add_repr
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


@singleton
class Config:
    def __init__(self, v):
        self.v = v


print(Point(1, 2), Config(1) is Config(2), Config(3).v)
Dyn = type("Dyn", (Point,), {"z": 3, "norm": lambda self: abs(self.x) + abs(self.y)})
dy = Dyn(-3, 4)
print(dy, dy.z, dy.norm(), Dyn.__name__, Dyn.__mro__[1].__name__)

print("-- class attributes vs instance attributes")


class Counter:
    shared = []
    n = 0

    def __init__(self):
        self.shared.append(1)
        self.n += 1


c1, c2 = Counter(), Counter()
print(Counter.shared, Counter.n, c1.n, c2.n)
Counter.n = 50
print(Counter().n, c1.n)

print("-- __init_subclass__ and __class_getitem__")


class PluginBase:
    plugins = []

    def __init_subclass__(cls, key=None, **kw):
        super().__init_subclass__(**kw)
        cls.key = key
        PluginBase.plugins.append(cls.__name__)

    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item.__name__}]"


class PA(PluginBase, key="a"):
    pass


class PB(PluginBase):
    pass


print(PluginBase.plugins, PA.key, PB.key, PluginBase[int])

print("-- object identity and default methods")


class Plain:
    pass


p1, p2 = Plain(), Plain()
print(p1 == p2, p1 == p1, p1 != p2, hash(p1) == hash(p1), bool(p1), Plain.__bases__)
print(str(p1) == repr(p1), repr(p1).startswith("<__main__.Plain object at 0x"))
print(type(Plain), type(type), isinstance(Plain, type), Plain.__class__ is type)
