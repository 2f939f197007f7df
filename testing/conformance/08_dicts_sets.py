# dict and set: displays with ** and *, methods, views, ordering, set algebra.

print("-- dict displays")
base = {"a": 1, "b": 2}
more = {"b": 20, "c": 30}
print({}, {"x": 1}, {**base}, {**base, **more}, {**more, "a": 0, **{"d": 4}})
print(dict(a=1, b=2), dict([("k", 1), ("v", 2)]), dict(base, z=26), dict.fromkeys("abc", 0))
print({i: i * i for i in range(5)}, dict(zip("xyz", range(3))), {1: "int", 1.5: "f", (1, 2): "t"})
d = {3: "c", 1: "a", 2: "b"}
print(d, list(d), list(d.keys()), list(d.values()), list(d.items()))

print("-- dict methods")
d = {"one": 1, "two": 2}
d["three"] = 3
print(d, len(d), d["two"], d.get("four"), d.get("four", 4), "one" in d, 1 in d)
print(d.setdefault("two", 99), d.setdefault("five", 5), d)
print(d.pop("one"), d.pop("missing", "dflt"), d)
d.update({"two": 22, "six": 6})
d.update(seven=7)
d.update([("eight", 8)])
print(d)
print(d.popitem(), d.popitem(), d)
c = d.copy()
c["two"] = "changed"
print(d, c)
del c["two"]
print(c, sorted(c), sorted(c.items()), sorted(c.values()))
d.clear()
print(d, bool(d))
m = {"a": 1} | {"b": 2}
m |= {"a": 100, "c": 3}
print(m)

print("-- insertion order and re-insertion")
o = {}
for k in ["z", "y", "x", "y", "w"]:
    o[k] = o.get(k, 0) + 1
print(o)
del o["z"]
o["z"] = 9
print(o, list(reversed(o)), next(iter(o)))

print("-- views")
v = {"a": 1, "b": 2, "c": 3}
keys = v.keys()
items = v.items()
v["d"] = 4
print(keys, items, len(keys), "a" in keys, ("a", 1) in items, ("a", 2) in items)
print(sorted(keys & {"a", "x"}), sorted(keys | {"x"}), sorted(keys - {"a"}), v.values())

print("-- counting and grouping")
text = "the quick brown fox jumps over the lazy dog the end"
counts = {}
for w in text.split():
    counts[w] = counts.get(w, 0) + 1
print(counts)
groups = {}
for w in text.split():
    groups.setdefault(len(w), []).append(w)
print(groups)
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:4])

print("-- sets")
s = {3, 1, 2}
print(s, len(s), 2 in s, 5 not in s, set(), set([1, 1, 2]), sorted({"b", "a", "c"}))
s.add(4); s.add(1); print(s)
s.discard(10); s.discard(4); print(s)
s.remove(3); print(s)
try:
    s.remove(42)
except KeyError as e:
    print("KeyError", e)
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union([9]), a.intersection(b, {4}), a.difference(b), a.symmetric_difference(b))
print(a.issubset({1, 2, 3, 4, 5}), a.issuperset({1}), a.isdisjoint({7}), {1} < a)
c = set(a)
c |= {10}; c &= {1, 2, 10}; c -= {2}; c ^= {1, 11}; print(sorted(c))
c.update([20, 21], (22,)); print(sorted(c))
p = {7}
print(p.pop(), p)
c.clear(); print(c)
fs = frozenset([1, 2, 2, 3])
print(fs, fs | {4}, frozenset() == set(), {fs: "ok"}[frozenset({1, 2, 3})], type(fs & {1}).__name__)
print({x % 4 for x in range(10)}, sorted({w[0] for w in text.split()}))
print(sorted(set("mississippi")), len(set("mississippi")), {(1, 2), (1, 2)})
print(sorted({True, 1, 1.0, 0, False}), {0, 1} == {False, True})

print("-- unhashable")
for bad in ([1], {1: 2}, {3}):
    try:
        {bad: 1}
    except TypeError as e:
        print("TypeError", e)
    try:
        set([bad])
    except TypeError as e:
        print("TypeError", e)

# Membership and add on exact containers (answered without __contains__ /
# a method call) and on subclasses (which may override them).
print({1} in {frozenset({1})}, frozenset() in frozenset([frozenset()]))
for box in ({1: 2}, {1, 2}, frozenset({1})):
    try:
        print([] in box)
    except TypeError as e:
        print(type(box).__name__, e)
class D(dict):
    def __contains__(self, k): return k == "always"
class S(set):
    def add(self, x): super().add(x * 10)
print("always" in D(), 1 in D({1: 1}))
s = S(); s.add(2); print(sorted(s))
t = set(); t.add(3); t.add(3); print(t)
try:
    t.add({})
except TypeError as e:
    print(e)
class L(list):
    def append(self, x): super().append(-x)
l = L(); l.append(4); print(l)
add = t.add; add(5); print(sorted(t))
