# Instance attributes of plain classes: kept inline until a dict is needed.
# Every way an instance can leave that layout (vars(), __dict__, deletion,
# another order, too many attributes, __class__ and __dict__ assignment)
# must behave exactly as a dict-backed instance does.
import gc


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
        self.tag = "p%d" % x


points = [Point(i, i * i) for i in range(6)]
print([p.x + p.y for p in points], points[4].tag)
print(vars(points[1]))
points[2].extra = "e"
print(points[2].__dict__, points[2].extra)

# Reading __dict__ first, then storing: the dict sees the store.
p = Point(7, 8)
d = p.__dict__
p.later = 1
d["direct"] = 2
print(d, p.direct, sorted(vars(p)))

# Deletion, and deleting what is not there.
q = Point(1, 2)
del q.y
print(q.__dict__, hasattr(q, "y"))
try:
    del q.missing
except AttributeError as e:
    print("AttributeError:", e)
q.y = 5
print(q.__dict__)


# Another order than the first instance's, and attributes added later.
class Loose:
    pass


a = Loose()
a.first = 1
a.second = 2
b = Loose()
b.second = 20
b.first = 10
c = Loose()
c.first = 100
print(a.__dict__, b.__dict__, c.__dict__)
print(a.first, b.first, c.first, b.second, getattr(c, "second", "none"))

# Names that are not interned, setattr/getattr/hasattr/delattr.
name = "".join(["dy", "namic"])
setattr(a, name, "d")
print(getattr(a, "dynamic"), getattr(a, name), hasattr(a, name))
delattr(a, name)
print(hasattr(a, "dynamic"), a.__dict__)

# More attributes than a class shares.
many = Loose()
for i in range(40):
    setattr(many, "a%d" % i, i)
print(len(vars(many)), many.a0, many.a39, list(vars(many))[:3])


# Methods, and instance attributes that shadow them.
class Greeter:
    def hello(self):
        return "method"


g1 = Greeter()
g2 = Greeter()
g2.hello = lambda: "shadowed"
print(g1.hello(), g2.hello(), Greeter.hello(g2))
del g2.hello
print(g2.hello())

# __dict__ assignment.
g1.__dict__ = {"fresh": 1}
print(g1.fresh, g1.__dict__)
g1.more = 2
print(g1.__dict__)
try:
    g1.__dict__ = 5
except TypeError as e:
    print("TypeError:", e)
del g1.__dict__
print(g1.__dict__, hasattr(g1, "fresh"))
g1.again = 3
print(g1.__dict__)


class MyDict(dict):
    pass


g1.__dict__ = MyDict(z=26)
print(g1.z, type(g1.__dict__).__name__)


# __class__ assignment between plain classes.
class A:
    def __init__(self):
        self.v = 1

    def who(self):
        return "A"


class B:
    def __init__(self):
        self.u = 2

    def who(self):
        return "B"


x = A()
x.__class__ = B
print(x.__dict__, x.v, x.who(), type(x).__name__)
x.u = 3
print(x.__dict__)


# Releasing the attributes: when the instance dies, and in order.
class Noisy:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


holder = Loose()
holder.first = Noisy(1)
holder.second = Noisy(2)
del holder
print("after holder")
h2 = Loose()
h2.first = Noisy(3)
h2.first = Noisy(4)
print("replaced")
del h2


# A __del__ that sets attributes on the instance being cleared.
class Cycle:
    pass


def make_cycle():
    one = Cycle()
    two = Cycle()
    one.other = two
    two.other = one
    one.payload = Noisy(5)


make_cycle()
print("collected", gc.collect() >= 2)


# Subclasses have their own attributes, and inherit the methods.
class Base:
    def __init__(self):
        self.base = "b"


class Derived(Base):
    def __init__(self):
        self.own = "d"
        super().__init__()


objs = [Base(), Derived(), Base(), Derived()]
print([vars(o) for o in objs])
print([o.base for o in objs])


# Classes with __slots__ and a __dict__, exceptions, functions.
class Slotted:
    __slots__ = ("__dict__", "s")


s = Slotted()
s.s = 1
s.t = 2
print(s.__dict__, s.s, s.t)


class Err(Exception):
    pass


e = Err("m")
e.extra = 5
print(e.extra, e.__dict__, e.args)


def f():
    pass


f.attr = 1
print(f.__dict__)

# copy and the shared layout.
import copy

c1 = Point(3, 4)
c2 = copy.copy(c1)
c2.x = 30
print(vars(c1), vars(c2))
print(repr(Point(1, 1).__dict__))


# Methods called on instances with many attributes (the VM's per-class
# name filter then collides): shadowed by an instance attribute, unshadowed
# by deletion, shadowed through a non-interned name.
class Many:
    def __init__(self):
        for n in "abcdefghijklmn":
            setattr(self, n, 1)
    def handle(self): return "method"
    def intersect(self): return "m2"
xs = [Many() for _ in range(3)]
out = []
for i in range(6):
    for x in xs:
        out.append(x.handle()); out.append(x.intersect())
    if i == 2:
        xs[0].handle = lambda: "own"
    if i == 4:
        del xs[0].handle
        setattr(xs[1], "".join(["inter", "sect"]), lambda: "own2")
print(out)


# The same on instances whose attributes live in a dict (another order, vars()).
class B:
    def __init__(self, order):
        for n in order:
            setattr(self, n, 0)
    def handle(self): return "method"
xs = [B("abcdefghijkl"), B("lkjihgfedcba"), B("ab")]
vars(xs[2])
out = []
for i in range(6):
    for x in xs:
        out.append(x.handle())
    if i == 1:
        xs[1].handle = lambda: "own1"
        xs[2].__dict__["handle"] = lambda: "own2"
    if i == 3:
        del xs[1].handle
        del xs[2].__dict__["handle"]
print(out)
