# Dicts around the size where lookups switch between scanning the entries and
# probing an index (vm/objects/dict.cc): insertion order, deletions and
# re-insertions, colliding hashes, keys whose __eq__ mutates the dict, and
# instance dicts that grow and shrink.
import random


class Collide:
    def __init__(self, n, h=7):
        self.n = n
        self.h = h

    def __hash__(self):
        return self.h

    def __eq__(self, other):
        return isinstance(other, Collide) and self.n == other.n

    def __repr__(self):
        return "C%d" % self.n


rng = random.Random(1234)
for size in (1, 5, 7, 8, 9, 12, 20):
    d = {}
    ref = []
    for step in range(200):
        k = rng.randrange(size * 2)
        key = Collide(k) if k % 3 == 0 else ("s%d" % k if k % 3 == 1 else k)
        if rng.random() < 0.35 and key in d:
            del d[key]
            ref = [x for x in ref if x != key]
        else:
            if key not in d:
                ref.append(key)
            d[key] = step
    assert list(d) == ref, (size, list(d), ref)
    print(size, len(d), list(d)[:6], sum(d.values()))

print("-- colliding and equal keys")
d = {Collide(i): i for i in range(10)}
print(d[Collide(3)], Collide(11) in d, len(d))
for i in range(0, 10, 2):
    del d[Collide(i)]
print(list(d), d.get(Collide(4), "gone"))
d[Collide(4)] = "back"
print(list(d)[-1], d[Collide(4)])
print({1: "a", 1.0: "b", True: "c"})


class Mutator:
    def __init__(self, target):
        self.target = target

    def __hash__(self):
        return 1

    def __eq__(self, other):
        self.target.clear()
        return False


m = {}
m[Collide(0, 1)] = 0
m[Mutator(m)] = 1
print(len(m))

print("-- instance dicts")


class Bag:
    pass


bags = []
for i in range(30):
    b = Bag()
    for j in range(i % 12):
        setattr(b, "a%d" % j, j)
    if i % 4 == 0:
        for j in range(0, i % 12, 2):
            delattr(b, "a%d" % j)
        b.late = i
    bags.append(b)
print([len(vars(b)) for b in bags])
print(list(vars(bags[8])), vars(bags[11]).get("a10"))
print(sum(getattr(b, "a1", 0) for b in bags), hasattr(bags[0], "a0"))
d = dict.fromkeys("abcdefgh")
d.pop("a")
d["i"] = 1
d.popitem()
print(list(d), "a" in d, "h" in d)
