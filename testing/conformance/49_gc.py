# The gc module and the cycle collector: cyclic garbage is found by collect(),
# reachable cycles survive intact, and the control functions behave as
# CPython's. Only deterministic facts are printed (counts of collected objects
# differ between implementations, so they are compared with 0).
import gc

print("enabled:", gc.isenabled())
print("threshold:", gc.get_threshold())
gc.collect()


class Node:
    def __init__(self, name):
        self.name = name
        self.next = None


def make_ring(n):
    nodes = [Node(i) for i in range(n)]
    for a, b in zip(nodes, nodes[1:] + nodes[:1]):
        a.next = b
    return nodes[0]


# Garbage cycles of several shapes.
for i in range(10):
    make_ring(5)
    l = []
    l.append(l)
    d = {}
    d["self"] = d

    def f():
        return f

    def outer():
        x = []

        def inner():
            return inner, x

        x.append(inner)
        return inner

    outer()
del l, d, f
print("collected cycles:", gc.collect() > 0)
print("nothing left:", gc.collect() == 0)

# Generators suspended in a cycle (CPython 3.11 finds none here, so only the
# absence of a crash is checked).
def gen():
    me = yield 1
    for i in range(3):
        yield me


g = gen()
next(g)
g.send(g)
del g
print("generator cycle:", gc.collect() >= 0)

# Exceptions whose traceback holds the frame's locals in a cycle.
def fail():
    raise ValueError("boom")


for i in range(3):
    try:
        fail()
    except ValueError as e:
        saved = e
    saved.me = saved
del saved
print("exception cycle:", gc.collect() > 0)

# Classes are containers too.
def make_class():
    class C:
        def method(self):
            return C

    C.instance = C()
    return C


for i in range(3):
    make_class()
print("class cycle:", gc.collect() > 0)

# Reachable cycles survive, with their contents.
keep = make_ring(4)
keep_list = [1, 2]
keep_list.append(keep_list)
gc.collect()
n, names = keep, []
for i in range(5):
    names.append(n.name)
    n = n.next
print("ring:", names)
print("list:", keep_list[:2], keep_list[2] is keep_list)

# Automatic collection keeps memory bounded while cycles are made in a loop.
for i in range(20000):
    a = Node(i)
    a.next = a
print("loop done:", a.name)

# Control functions.
gc.disable()
print("after disable:", gc.isenabled())
gc.enable()
print("after enable:", gc.isenabled())
old = gc.get_threshold()
gc.set_threshold(500, 5, 5)
print("set threshold:", gc.get_threshold())
gc.set_threshold(*old)
print("restored:", gc.get_threshold() == old)
print("count is a triple:", len(gc.get_count()))
print("tracked:", gc.is_tracked([]), gc.is_tracked(Node(0)), gc.is_tracked(make_ring))
print("dicts:", gc.is_tracked({}), gc.is_tracked({"a": 1}), gc.is_tracked({"a": []}))
atoms, holder = (1, "a", 2.5), (1, [])
nested = (atoms, None)
gc.collect()
print("tuples after collect:", gc.is_tracked(atoms), gc.is_tracked(nested), gc.is_tracked(holder))
print("not tracked:", gc.is_tracked(1), gc.is_tracked("text"), gc.is_tracked(None))
print("referents:", sorted(type(r).__name__ for r in gc.get_referents([[], {}])))
try:
    gc.collect(3)
except ValueError as e:
    print("ValueError:", e)
print("collect(0):", gc.collect(0) >= 0, "collect(1):", gc.collect(1) >= 0)
print("garbage:", gc.garbage)

# __del__: called when the last reference goes, and for cyclic garbage by the
# collection that finds it, once per object (PEP 442).
log = []


class Tracked:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        log.append(self.name)


t = Tracked("refcount")
del t
print("del on refcount zero:", log)
a, b = Tracked("cycle a"), Tracked("cycle b")
a.peer, b.peer = b, a
del a, b
print("cycle before collect:", sorted(log))
print("collect found them:", gc.collect() >= 2)
print("cycle after collect:", sorted(log))

# Resurrection: __del__ stores self; it is not called a second time.
graveyard = []


class Phoenix:
    calls = 0

    def __del__(self):
        Phoenix.calls += 1
        graveyard.append(self)


p = Phoenix()
p.me = p
del p
gc.collect()
print("resurrected:", len(graveyard), "calls:", Phoenix.calls)
graveyard[0].me = None
graveyard.clear()
gc.collect()
print("calls after second death:", Phoenix.calls)

# A finalizer that makes new cycles and allocates while the collector runs.
class Spawner:
    def __del__(self):
        x = [Tracked("spawned")]
        x.append(x)


s = Spawner()
s.me = s
del s
gc.collect()
gc.collect()
print("spawned collected:", log.count("spawned"))

# An exception in __del__ is reported on sys.stderr and ignored.
import io
import re
import sys


class Bad:
    def __del__(self):
        raise ValueError("ignored")


captured = io.StringIO()
sys.stderr = captured
try:
    bad = Bad()
    raise KeyError("pending")
except KeyError as e:
    del bad
    print("pending exception kept:", repr(e))
finally:
    sys.stderr = sys.__stderr__
for line in captured.getvalue().splitlines():
    print("stderr:", re.sub(r"0x[0-9a-f]+", "0x...", line))
