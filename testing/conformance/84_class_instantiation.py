# Instantiating plain classes while their __init__ / __new__ change: a call
# site that made instances keeps seeing the class as it is now.


class Base:
    def __init__(self, x):
        self.x = x


class Child(Base):
    pass


def make(K, *args):
    return K(*args)


for _ in range(3):
    print(make(Base, 1).x, make(Child, 2).x)

Base.__init__ = lambda self, x: setattr(self, "x", x * 10)
print(make(Base, 1).x, make(Child, 2).x)


def child_init(self, x):
    super(Child, self).__init__(x)
    self.y = -x


Child.__init__ = child_init
c = make(Child, 3)
print(c.x, c.y)
del Child.__init__
print(vars(make(Child, 4)))


def new(cls, *args):
    print("new", cls.__name__, args)
    return object.__new__(cls)


Base.__new__ = new
print(make(Base, 5).x, make(Child, 6).x)
Base.__new__ = staticmethod(lambda cls, *args: object.__new__(cls))
print(make(Base, 7).x)

# __init__ returning a value, and one removed.
Base.__init__ = lambda self, x: x
try:
    make(Base, 8)
except TypeError as e:
    print("TypeError", e)
del Base.__init__
try:
    make(Base, 10)
except TypeError as e:
    print("TypeError", e)
print(type(make(Base)).__name__)


# Slots, and a class that gains a metaclass-level __call__ through a subclass.
class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x, self.y = x, y


print([(p.x, p.y) for p in (make(Point, i, -i) for i in range(3))])


class Meta(type):
    def __call__(cls, *args):
        print("Meta.__call__", args)
        return super().__call__(*args)


class WithMeta(Point, metaclass=Meta):
    __slots__ = ()


print(make(WithMeta, 1, 2).y)
