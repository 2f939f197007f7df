# collections: deque, defaultdict, Counter, OrderedDict, namedtuple, ChainMap.
from collections import deque, defaultdict, Counter, OrderedDict, namedtuple, ChainMap

print("-- deque")
d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1], d.pop(), d.popleft(), d)
d.extend([7, 8])
d.extendleft([-1, -2])
print(d, d.count(7), d.index(7))
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
d.remove(7)
d.reverse()
print(d, list(d), 8 in d, d == deque(list(d)))
bounded = deque(maxlen=3)
for i in range(6):
    bounded.append(i)
print(bounded, bounded.maxlen)
bounded.appendleft(99)
print(bounded)
print(deque("abc") + deque("de"), deque(range(3)) * 2, deque(), deque([1], maxlen=5))
d.clear()
try:
    d.pop()
except IndexError as e:
    print("IndexError", e)

print("-- defaultdict")
dd = defaultdict(list)
for word in "apple avocado banana blueberry cherry".split():
    dd[word[0]].append(word)
print(dd, dict(dd), dd["z"], len(dd))
counts = defaultdict(int)
for ch in "mississippi":
    counts[ch] += 1
print(sorted(counts.items()), counts.default_factory)
nested = defaultdict(lambda: defaultdict(int))
nested["a"]["x"] += 1
nested["a"]["y"] += 2
print({k: dict(v) for k, v in nested.items()})
plain = defaultdict()
try:
    plain["missing"]
except KeyError as e:
    print("KeyError", e)

print("-- Counter")
c = Counter("abracadabra")
print(c, c["a"], c["z"], c.most_common(2), sorted(c.elements())[:6])
c.update("aaz")
c.subtract({"b": 2})
print(c, sum(c.values()), c.total())
c2 = Counter(a=3, b=1)
c3 = Counter(a=1, b=5, c=2)
print(c2 + c3, c2 - c3, c3 - c2, c2 & c3, c2 | c3, -Counter(a=-2, b=1), +Counter(a=-1, b=2))
print(Counter([1, 2, 2, 3, 3, 3]).most_common(), Counter({"x": 2}) == Counter(x=2))
words = "the cat and the hat and the bat".split()
print(Counter(words).most_common(3), list(Counter(words)))

print("-- OrderedDict")
od = OrderedDict()
od["b"] = 1
od["a"] = 2
od["c"] = 3
print(od, list(od.keys()))
od.move_to_end("b")
print(od)
od.move_to_end("c", last=False)
print(od, od.popitem(), od.popitem(last=False), od)
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), dict(a=1, b=2) == dict(b=2, a=1))

print("-- namedtuple")
Point = namedtuple("Point", ["x", "y"])
p = Point(1, y=2)
print(p, p.x, p[1], p._fields, p._asdict(), p._replace(x=10), tuple(p), len(p))
x, y = p
print(x + y, p == (1, 2), isinstance(p, tuple), Point._make([5, 6]), Point.__name__)
Color = namedtuple("Color", "red green blue", defaults=[0])
print(Color(1, 2), Color(1, 2, 3), Color._field_defaults)


class Vector(namedtuple("Vector", "dx dy")):
    __slots__ = ()

    def length2(self):
        return self.dx ** 2 + self.dy ** 2


print(Vector(3, 4).length2(), Vector(3, 4), sorted([Point(2, 1), Point(1, 5), Point(1, 2)]))
try:
    Point(1)
except TypeError as e:
    print("TypeError", e)
try:
    p.x = 5
except AttributeError as e:
    print("AttributeError", e)

print("-- ChainMap")
defaults = {"color": "red", "size": "M"}
user = {"size": "L"}
cm = ChainMap(user, defaults)
print(cm["color"], cm["size"], len(cm), sorted(cm), dict(cm) == {"color": "red", "size": "L"})
cm["new"] = 1
print(user, defaults, cm.maps[0] is user)
child = cm.new_child({"color": "blue"})
print(child["color"], child.parents["color"], "new" in child)
