# Classmethods read from the class: called at once (a method call), read as
# bound methods, reached through subclasses, replaced on the class, wrapping
# callables other than functions, and shadowed by the metaclass.


class Base:
    scale = 2

    @classmethod
    def make(cls, x):
        return (cls.__name__, x * cls.scale)

    @classmethod
    def kinds(cls):
        return [k.__name__ for k in cls.__mro__]


class Child(Base):
    scale = 3


for K in (Base, Child, Base, Child):
    print(K.make(5), K.kinds())
bound = Child.make
print(bound.__self__.__name__, bound.__func__.__name__, bound(1))
print([K.make(i) for K in (Base, Child) for i in range(2)])

# Replaced: a call site that saw the classmethod sees the new attribute.
def site(K):
    return K.make(7)


print(site(Base), site(Child))
Base.make = staticmethod(lambda x: ("static", x))
print(site(Base), site(Child))
Child.make = classmethod(lambda cls, x: ("lambda", cls.__name__, x))
print(site(Base), site(Child))
del Base.make
try:
    site(Base)
except AttributeError as e:
    print("AttributeError", e)
print(site(Child))

# A classmethod of a builtin callable, called with the class first.
class Counter:
    count = classmethod(len)
    first = classmethod(list.__getitem__)


try:
    Counter.count()
except TypeError as e:
    print("TypeError", e)


class Seq(list):
    first = classmethod(list.__getitem__)


try:
    print(Seq.first(0))
except TypeError as e:
    print("TypeError", e)


# The metaclass's data descriptor wins over the class's classmethod.
class Meta(type):
    @property
    def make(cls):
        return "meta property"


class WithMeta(metaclass=Meta):
    @classmethod
    def make(cls):
        return "classmethod"


print(WithMeta.make, WithMeta().make())


# Instances reach classmethods too, bound to their class.
print(Child().make(2), Child().make.__self__ is Child)


# A staticmethod wrapping a classmethod: the inner classmethod object is
# the answer, unbound.
def tag(cls):
    return cls.__name__


class Wrapped:
    inner = staticmethod(classmethod(tag))


for _ in range(2):
    got = Wrapped.inner
    print(type(got).__name__, got.__func__ is tag)
