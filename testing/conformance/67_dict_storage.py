# Dict storage: instance dicts sized from earlier instances (room inside the
# dict's own allocation), literals, growth past that room, holes left by
# deletions, clear() while destructors re-enter, and order-changing moves.
import collections


class P:
    def __init__(self, a):
        self.x = a
        self.y = a + 1
        self.z = a + 2


ps = [P(i) for i in range(6)]
p = ps[3]
print(vars(p))
# Past the room the class's earlier instances made.
for i in range(20):
    setattr(p, "a%d" % i, i)
print(len(vars(p)), list(vars(p))[:6], p.a19)
for i in range(0, 20, 2):
    delattr(p, "a%d" % i)
print(len(vars(p)), list(vars(p))[-3:])
del p.x
p.x = "again"
print(list(vars(p))[:4], p.x)
vars(p).clear()
print(vars(p))
p.q = 1
print(vars(p), vars(ps[5]))

# Holes in a small dict, then reuse.
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
d["d"] = 4
del d["a"]
d["e"] = 5
d["b"] = 6
print(d, len(d))
for k in list(d):
    del d[k]
print(d)
d.update((i, i * i) for i in range(30))
for i in range(0, 30, 3):
    del d[i]
print(len(d), list(d)[:5], d.get(29), d.get(27))
d.clear()
d[1] = 1
print(d)

# clear() whose destructors look at and refill the dict.
class Noisy:
    def __init__(self, box, name):
        self.box = box
        self.name = name

    def __del__(self):
        print("del", self.name, dict(self.box.d))
        self.box.d["from_del_" + self.name] = len(self.box.d)


class Box:
    pass


box = Box()
box.d = {"first": 0}
box.d["n1"] = Noisy(box, "n1")
box.d["n2"] = Noisy(box, "n2")
box.d.clear()
print("after clear", box.d)

# An instance whose dict is cleared while its values' destructors drop it.
class Holder:
    pass


class DropsHolder:
    def __init__(self, holder):
        self.holder = holder

    def __del__(self):
        print("drops holder", sorted(vars(self.holder)))


h = Holder()
h.a = 1
h.b = DropsHolder(h)
h.c = 3
hd = vars(h)
del h
hd.clear()
print(hd)

# Moves that change order, on literals and instance dicts.
od = collections.OrderedDict(a=1, b=2, c=3)
od.move_to_end("c", last=False)
od.move_to_end("a")
print(od)
lit = {"k%d" % i: i for i in range(5)}
lit.pop("k2")
print(lit, lit.popitem(), lit)
print({**lit, "z": 0}, dict(zip("abc", range(3))))
# Equal dicts with different histories.
a = {1: 1, 2: 2, 3: 3}
del a[1]
a[1] = 1
print(a == {1: 1, 2: 2, 3: 3}, list(a), list(reversed(a)))
big = {i: str(i) for i in range(100)}
print(len(big), big[99], sum(big), list(big.items())[-1])
