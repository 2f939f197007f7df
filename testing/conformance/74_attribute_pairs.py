# A local followed by an attribute read, method load or attribute store:
# the forms the eval loop runs as one step, checked through their misses,
# errors and jumps that land between the two halves.
import traceback


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = 1


class WithProp:
    @property
    def v(self):
        return "prop"

    @v.setter
    def v(self, value):
        print("setter got", value)


class Base:
    def who(self):
        return "Base.who"


class Derived(Base):
    def who(self):
        return "Derived.who via " + super().who()


def reads(objs):
    out = []
    for o in objs:
        # One site, several kinds of receiver: instance values, a dict-backed
        # instance, a class, a module, an int.
        out.append(o.real if isinstance(o, int) else getattr(o, "__name__", None))
    return out


def read_x(p):
    return p.x


def call_norm(p):
    return p.norm1()


def store_x(p, v):
    p.x = v
    return p.x


print([read_x(Point(i, -i)) for i in range(3)])
print([call_norm(Point(i, -2 * i)) for i in range(3)])
p = Point(1, 2)
for v in (5, "s", None, 2.5):
    print(store_x(p, v))

# The same site sees a plain instance, then one whose dict was made by
# vars(), then a subclass instance, then a class attribute.
q = Point(3, 4)
vars(q)["extra"] = 1
r = type("Sub", (Point,), {"x": "class x"})
rr = r.__new__(r)
for o in (p, q, Point(7, 8), rr):
    print(read_x(o))

# A method shadowed by an instance attribute, then restored.
p.norm1 = lambda: "shadowed"
print(call_norm(p))
del p.norm1
print(call_norm(p))
print(call_norm(Point(-1, -1)))

# __slots__: read, store, unset slot.
s = Slotted()
print(s.a)
s.b = 4
print(s.b)
t = Slotted()
try:
    print(t.b)
except AttributeError as e:
    print("AttributeError:", e)

# A property getter and setter through the same forms.
w = WithProp()
print(w.v)
w.v = 10

# super() inside a method reached by a local-then-method pair.
d = Derived()
print(d.who())

# Missing attributes: the error names the attribute and the type.
for o in (p, s, 3, "x", None):
    try:
        o.missing
    except AttributeError as e:
        print("AttributeError:", e)
    try:
        o.missing()
    except AttributeError as e:
        print("AttributeError:", e)
    try:
        o.missing = 1
    except AttributeError as e:
        print("AttributeError:", e)

# An unbound local before the attribute: UnboundLocalError.
def unbound():
    if False:
        z = Point(0, 0)
    return z.x


try:
    unbound()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)


def unbound_method():
    if False:
        z = Point(0, 0)
    return z.norm1()


try:
    unbound_method()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)


def unbound_store():
    if False:
        z = Point(0, 0)
    z.x = 1


try:
    unbound_store()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)


# A jump that lands on the attribute access after the local: the pair's
# second half runs alone there (the conditional expression's arms both end
# in a load of `a` or `b`, then the attribute access follows).
def pick(flag, a, b):
    return (a if flag else b).x


print(pick(True, Point(1, 0), Point(2, 0)), pick(False, Point(1, 0), Point(2, 0)))


# An error in the second half is reported at its line and column.
def deep(o):
    return o.y.missing


def shallow(o):
    return o.missing


def shallow_store(o):
    o.missing = 1


for fn, arg in ((deep, Point(1, 2)), (shallow, Point(1, 2)), (shallow_store, 1)):
    try:
        fn(arg)
    except AttributeError:
        traceback.print_exc()

print(reads([1, Point, traceback, 5, Point(0, 0)]))

# Stores that change the object's layout mid-loop: more attributes than the
# class has seen, deletion, then stores again.
objs = [Point(i, i) for i in range(4)]
for i, o in enumerate(objs):
    if i == 2:
        del o.x
    o.z = i
    o.x = i * 10
print([(o.x, o.y, o.z) for o in objs])
print([sorted(vars(o)) for o in objs])


# One site in a base-class method, instances of several subclasses (each
# type with its own cache entry), then classes changed under the entries.
class Task:
    def __init__(self, n):
        self.n = n
        self.done = False

    def step(self):
        self.n = self.n - 1
        self.done = self.n <= 0
        return self.n, self.done, self.kind


class A(Task):
    kind = "A"


class B(Task):
    kind = "B"


class C(Task):
    kind = "C"

    def __init__(self, n):
        super().__init__(n)
        self.extra = 1


class D(Task):
    kind = "D"


tasks = [A(2), B(3), C(1), D(4), A(5)]
vars(tasks[3])  # D's instance keeps a dict from here on
for _ in range(3):
    print([t.step() for t in tasks])
B.kind = property(lambda self: "B via property")
A.n = property(lambda self: 100, lambda self, v: print("A.n set to", v))
for _ in range(2):
    print([t.step() for t in tasks])
del A.n
print([t.step() for t in tasks[1:4]])
