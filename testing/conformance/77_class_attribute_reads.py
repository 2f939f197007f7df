# Attributes read through a class whose metaclass is `type` (constants,
# staticmethods, functions): one site sees several classes, then the classes
# and their bases change; metaclass hooks, descriptors and the special
# attributes keep their own rules.


class S:
    RED = 1
    label = "s"

    @staticmethod
    def st(a, b):
        return a + b

    @classmethod
    def cm(cls, a):
        return (cls.__name__, a)

    def f(self):
        return "f"

    @property
    def p(self):
        return "prop"


class T(S):
    pass


def run(C):
    return (
        C.RED,
        C.label,
        C.st(1, 2),
        C.cm(3),
        C.f(None),
        C.__name__,
        C.__doc__,
        type(C.p).__name__,
        C.mro()[0].__name__,
    )


for C in (S, T, S, T):
    print(run(C))
S.RED = 2
print(run(S), run(T))
T.RED = 3
print(run(S), run(T))
del T.RED
print(run(T))
S.st = staticmethod(lambda a, b: a * b)
print(run(T))
S.f = lambda self: "new f"
print(run(S))


class M(type):
    RED = "from the metaclass"

    def __getattribute__(cls, n):
        if n == "RED":
            return "from __getattribute__"
        return super().__getattribute__(n)


class U(metaclass=M):
    pass


class V(metaclass=M):
    RED = 5


print(U.RED, V.RED)


class Desc:
    def __get__(self, o, t):
        return ("desc", o, t.__name__)


class W:
    d = Desc()
    n = None


def read_d(c):
    return c.d, c.n


print(read_d(W), read_d(W))
Desc.__get__ = lambda self, o, t: "patched __get__"
print(read_d(W))


class Plain:
    pass


print(Plain.__name__, Plain.__module__, Plain.__qualname__, Plain.__doc__)


# One site, classes and instances alike.
def attr(o):
    return o.RED


print(attr(S), attr(S()), attr(S), attr(T()), attr(T), attr(S()))
try:
    S.missing
except AttributeError as e:
    print("AttributeError:", e)
print(int.from_bytes(b"\x01\x00", "big"), dict.fromkeys("ab"), str.upper("x"))


# Class attributes replaced through the base's dict and through
# type.__setattr__, then deleted.
class Base1:
    K = "base1"


class Child(Base1):
    pass


def k(c):
    return c.K


print(k(Child), k(Child))
setattr(Base1, "K", "base1 again")
print(k(Child))
type.__setattr__(Child, "K", "own")
print(k(Child))
del Child.K
print(k(Child))
del Base1.K
try:
    k(Child)
except AttributeError as e:
    print("AttributeError:", e)


# Sites whose class attribute needs binding (a classmethod, a property on the
# class) keep answering through the general rules as the class changes.
class K:
    @classmethod
    def make(cls, v):
        return (cls.__name__, v)

    @property
    def p(self):
        return 1


class K2(K):
    pass


def f(C, i):
    return C.make(i), C.__name__, C.p.__class__.__name__


for i in range(3):
    print(f(K, i), f(K2, i))
K.make = classmethod(lambda cls, v: ("new", cls.__name__, v))
print(f(K, 9), f(K2, 9))
K.make = staticmethod(lambda v: ("static", v))
print(f(K, 8), f(K2, 8))
