# __slots__ as real storage: member descriptors on the class, values inline
# in the instance, no __dict__ unless asked for, and every way to reach a
# slot (attribute syntax, getattr/setattr/delattr, the descriptor's own
# methods, copy) agreeing with CPython.
import copy
import gc

print("-- member descriptors")


class P:
    __slots__ = ("x", "y")

    def __init__(self, x):
        self.x = x


p = P(1)
print(P.x, type(P.x).__name__, P.x.__name__, P.x.__qualname__, P.x.__objclass__ is P)
print([k for k in P.__dict__ if k in ("x", "y")])
print(P.x.__get__(p), P.x.__get__(None, P) is P.x)
P.y.__set__(p, 5)
print(p.y, getattr(p, "y"))
P.y.__delete__(p)
print(hasattr(p, "y"), hasattr(p, "__dict__"))
for bad in (lambda: P.x.__get__(3), lambda: P.x.__set__("s", 1)):
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)

print("-- unset, delete, unknown names")
q = P.__new__(P)
for name in ("x", "y"):
    try:
        getattr(q, name)
    except AttributeError as e:
        print("AttributeError", e)
try:
    del q.x
except AttributeError as e:
    print("AttributeError", repr(e))
try:
    q.z = 1
except AttributeError as e:
    print("AttributeError", e)
try:
    q.__dict__
except AttributeError as e:
    print("AttributeError", e)
try:
    vars(q)
except TypeError as e:
    print("TypeError", e)
setattr(q, "x", [1, 2])
print(q.x)
delattr(q, "x")
print(hasattr(q, "x"))

print("-- inheritance and layouts")


class Q(P):
    __slots__ = ("z",)


class D(Q):
    pass


d = D(7)
d.z = 8
d.w = 9
print(d.x, d.z, d.__dict__, sorted(k for k in dir(d) if len(k) == 1))


class WithDict:
    __slots__ = ("a", "__dict__")


w = WithDict()
w.a = 1
w.b = 2
print(w.a, w.__dict__)

try:

    class Both(P, WithDict):
        pass

except TypeError as e:
    print("TypeError", e)

try:

    class Bad:
        __slots__ = ("x",)
        x = 1

except ValueError as e:
    print("ValueError", e)

try:

    class BadName:
        __slots__ = ("not an identifier",)

except TypeError as e:
    print("TypeError", e)

try:

    class ListSlots(list, P):
        pass

except TypeError as e:
    print("TypeError", e)


class Shadow(P):
    __slots__ = ()
    x = "class attribute"


sh = Shadow(0) if False else Shadow.__new__(Shadow)
try:
    sh.x = 1
except AttributeError as e:
    print("AttributeError", e)
print(sh.x)

print("-- __class__ assignment")


class P2:
    __slots__ = ("x", "y")


class P3:
    __slots__ = ("y", "x")


o = P(3)
o.__class__ = P2
print(type(o).__name__, o.x)
o.y = 4
o.__class__ = P3  # the same names in another order: CPython allows it
print(type(o).__name__, sorted([o.x, o.y]))
try:
    o.__class__ = D
except TypeError as e:
    print("TypeError", e)

print("-- copies and cycles")


class Node:
    __slots__ = ("value", "next", "__weakref__")

    def __init__(self, value, next=None):
        self.value = value
        self.next = next


a = Node(1)
b = Node(2, a)
a.next = b
c = copy.deepcopy(b)
print(c.value, c.next.value, c.next.next is c, copy.copy(a).next is b)
del a, b, c
print(gc.collect() >= 2)

print("-- caches see every layout")


def total(objs):
    s = 0
    for o in objs:
        s += o.x
    return s


class R:
    def __init__(self, x):
        self.x = x


class RS:
    __slots__ = ("pad", "x")

    def __init__(self, x):
        self.x = x


objs = [P(1), R(2), RS(3), D(4), P(5)]
print(total(objs), total(objs))
for o in objs:
    o.x = o.x * 10
print(total(objs))
del objs[1].x
try:
    total(objs)
except AttributeError as e:
    print("AttributeError", e)
RS.x = property(lambda self: -1, lambda self, v: None)
print(total([RS(1), RS(2)]))

try:

    class Clash:
        __slots__ = ("__x",)
        _Clash__x = 1

except ValueError as e:
    print("ValueError", e)

print("-- a member descriptor on another class applies to nothing there")


class Elsewhere:
    pass


Elsewhere.y = P.x
e = Elsewhere()
for attempt in range(3):  # the generic path and the cached one
    try:
        e.y
    except TypeError as err:
        print("TypeError", err)
    try:
        e.y = 1
    except TypeError as err:
        print("TypeError", err)

print("-- the descriptor's own methods check their arguments")
for f in (
    lambda: type(P.x).__get__(5, 1),
    lambda: P.x.__get__(),
    lambda: P.x.__set__(p),
    lambda: type(P.x).__repr__(3),
    lambda: P.x.__delete__(p, 1),
):
    try:
        print(f())
    except TypeError as err:
        print("TypeError")
