# dict, dict views, set and frozenset (vm/objects/dict_type.cc, set.cc,
# set_type.cc). Set iteration order must match CPython's.


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)


d = {"b": 1, "a": 2}
d["c"] = 3
d["b"] = 10
print(d, len(d), d["a"], "a" in d, "z" in d, d.get("z"), d.get("z", 0), d.get("a"))
show("missing", lambda: d["zz"])
show("missing tuple", lambda: {}[(1, 2)])
show("unhashable", lambda: d[[]])
del d["b"]
print(d, list(d), list(d.keys()), list(d.values()), list(d.items()))
show("del missing", lambda: d.__delitem__("q"))
print(d.setdefault("a", 5), d.setdefault("n", 7), d.setdefault("m"), d)
print(d.pop("n"), d.pop("n", "dflt"), d)
show("pop missing", lambda: d.pop("n"))
show("pop args", lambda: d.pop())
print(d.popitem(), d)
show("popitem empty", lambda: {}.popitem())
e = d.copy()
e.update({"x": 1}, y=2)
e.update([("z", 3)])
e.update(w=4)
print(e, d)
show("update bad", lambda: e.update([(1, 2, 3)]))
show("update bad2", lambda: e.update([1]))
show("update int", lambda: e.update(1))
show("update args", lambda: e.update({}, {}))
e.clear()
print(e, len(e))
print(dict(), dict(a=1), dict([(1, 2), [3, 4]]), dict({1: 2}, x=3), dict(zip("ab", range(2))))
show("dict 2 args", lambda: dict({}, {}))
show("dict seq", lambda: dict([(1, 2, 3)]))
print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0), {1: 1} == {1: 1.0}, {1: 2} != {1: 3})
print({1: 2, 3: 4} == {3: 4, 1: 2}, {1: [1]} == {1: [1]}, {} == [], {}.__eq__([]))
show("dict lt", lambda: {} < {})
print({1: "a"} | {2: "b"}, {1: "a", 2: "c"} | {2: "b"})
f = {1: 2}
f |= {3: 4}
f |= [(5, 6)]
print(f)
show("or list", lambda: {} | [])
print(list(reversed({1: 2, 3: 4})), list(reversed({1: 2}.items())))
show("hash", lambda: hash({}))

# views
k = {1: "a", 2: "b", 3: "c"}
ks, vs, its = k.keys(), k.values(), k.items()
print(ks, vs, its, len(ks), 2 in ks, "a" in vs, (1, "a") in its, (1, "b") in its, [1] in its)
k[4] = "d"
print(ks, list(vs), list(its)[-1])
print(ks & {1, 2, 9}, ks | {9}, ks - {1}, ks ^ {1, 10}, {2, 5} & ks, [5, 1] | ks)
print(its & {(1, "a")}, its - {(1, "a")}, its ^ {1: "a", 7: "x"}.items())
print(ks == {1, 2, 3, 4}, ks != {1}, ks <= {1, 2, 3, 4, 5}, ks < {1, 2, 3, 4}, ks > {1}, ks >= ks)
print(ks.isdisjoint({7}), ks.isdisjoint([1]), its.isdisjoint([(1, "a")]))
print({1: 2}.keys() == {1: 3}.keys(), {1: 2}.items() == {1: 3}.items(), {1: 2}.values() == {1: 2}.values())
show("keys hash", lambda: hash(k.keys()))
rec = {}
rec[1] = rec
print(rec, rec.keys(), rec.items())

# iteration while modifying
try:
    for key in k:
        k[key + 100] = 0
except RuntimeError as ex:
    print("RuntimeError:", ex)
try:
    for key in k:
        del k[key]
except RuntimeError as ex:
    print("RuntimeError:", ex)


class Miss(dict):
    def __missing__(self, key):
        return key * 2


m = Miss(a=1)
print(m["a"], m["zz"], m.get("zz"), "zz" in m, type(m).__name__, m)


class D(dict):
    pass


dd = D({1: 2})
print(dd, type(dd.copy()).__name__, type(dd | {}).__name__, D.fromkeys([1]), type(D.fromkeys([1])).__name__)

# sets: order matches CPython
print({5, 3, 17, 1, 100, -1, 33})
print(set(range(20)) - {3})
s = set()
for i in [7, 3, 99, 1024, -5, 16, 8, 2**40, 33, 12, 4, 1]:
    s.add(i)
print(s, len(s))
s.discard(99)
s.discard(12345)
s.remove(7)
show("remove missing", lambda: s.remove(7))
show("remove tuple", lambda: set().remove((1, 2)))
show("remove set", lambda: set().remove({1}))
show("unhashable add", lambda: set().add([]))
print(s, s.pop(), s.pop(), s)
show("pop empty", lambda: set().pop())
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b, a.union([9], (8,)), a.intersection(b, {4}), a.difference(b, {1}), a.symmetric_difference([1, 7]))
print(a <= b, a < a | b, a >= {1}, a > a, a == {4, 3, 2, 1}, a != b, a.issubset(range(10)), a.issuperset([1, 2]), a.isdisjoint({9}))
show("or list", lambda: a | [1])
show("le list", lambda: a <= [1])
print(a == [1, 2, 3, 4], a.__or__([1]))
c = a.copy()
c |= {10}
c &= {1, 2, 10, 11}
c -= {2}
c ^= {1, 30}
print(c)
c.update([4, 5], {6})
c.intersection_update(range(5, 20))
c.difference_update([6])
c.symmetric_difference_update({0, 5})
print(c)
show("ior list", lambda: c.__ior__([1]))
fs = frozenset([3, 1, 2])
print(fs, frozenset(), frozenset(fs) is fs, fs.copy() is fs, fs | {9}, {9} | fs, type(fs | {9}).__name__, type({9} | fs).__name__)
print(hash(frozenset()), hash(frozenset([1, 2])), hash(frozenset([(1, 2), 3])), hash(fs) == hash(frozenset({1, 2, 3})))
print({frozenset([1]): "x"}, {1, 2} in {frozenset([1, 2])}, frozenset([1]) == {1})
show("set hash", lambda: hash(set()))
show("set kw", lambda: set(x=1))
show("set 2", lambda: set(1, 2))
show("frozenset 2", lambda: frozenset(1, 2))
show("set int", lambda: set(1))
show("frozenset add", lambda: frozenset().add(1))
print(set("hello"), set([(1, 2), (3, 4), (1, 2)]), set({3: 1, 1: 2}), set(range(100, 0, -7)))
print(set([2**61, 2**61 + 1, -2, -1, 0]), {0.5, 1.5, 2.0, 3})
t = set(range(50))
t -= set(range(0, 50, 3))
print(t)
print(len(t), 3 in t, 4 in t)
big = set()
for i in range(0, 3000, 7):
    big.add(i * 31 % 1000)
print(sorted(big)[:5], len(big), list(big)[:12])
for i in range(0, 1000, 2):
    big.discard(i)
print(list(big)[:12], len(big))
r = set([1])
print(repr(set()), repr(r))


class S(set):
    pass


class F(frozenset):
    pass


print(S([1, 2]), S(), F([1]), F(), type(S([1]).copy()).__name__, type(F([1]) | {2}).__name__, type(S([1]) & {1}).__name__)
try:
    for x in s:
        s.add(x + 1000)
except RuntimeError as ex:
    print("RuntimeError:", ex)
print(sorted({"b", "a"}), sorted(frozenset("cab")))
print({(i, j) for i in range(3) for j in range(3)})
print({i * 10 for i in range(20)} & {i * 15 for i in range(20)})
