# collections: deque, defaultdict, Counter, OrderedDict, namedtuple, ChainMap,
# UserDict/UserList/UserString: behaviour, reprs and errors beyond the
# conformance program.
from collections import (ChainMap, Counter, OrderedDict, UserDict, UserList,
                         UserString, defaultdict, deque, namedtuple)
import collections

print("-- deque")
d = deque(range(5))
print(d, len(d), d[0], d[-1], d[2], 3 in d, 9 in d, bool(d), bool(deque()))
for _ in range(3):
    d.appendleft(d.pop())
print(d, list(reversed(d)))
d.rotate(0)
d.rotate(7)
print(d)
d.insert(1, "x")
d[0] = "first"
del d[2]
print(d, d.index("x"), d.count(4))
for i in range(100):
    d.appendleft(i)
    d.append(-i)
for i in range(150):
    d.popleft()
print(len(d), d[0], d[-1])
q = deque(maxlen=2)
q.extend("abcd")
print(q, q.maxlen)
q.extendleft("xy")
print(q)
q2 = deque("ab", maxlen=0)
q2.append(1)
print(q2)
print(deque([1, 2]) == deque([1, 2]), deque([1]) < deque([2]), deque([1, 2]) != [1, 2])
c = deque([1, [2]])
import copy
print(copy.copy(c), copy.deepcopy(c)[1] is not c[1], c.copy())
dd = deque([3, 1])
dd += [5]
dd *= 2
print(dd, deque(["a"]) * 3, 2 * deque([0]))
for bad in (lambda: deque()[0], lambda: deque().popleft(), lambda: deque([1]).remove(2),
            lambda: deque([1]).index(2), lambda: deque([1], maxlen=1).insert(0, 5),
            lambda: deque(maxlen=-1), lambda: deque([1]) + [2]):
    try:
        bad()
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
rec = deque([1])
rec.append(rec)
print(rec)


class MyDeque(deque):
    pass


print(MyDeque([1, 2]), MyDeque([1], 3))

print("-- defaultdict")
dd = defaultdict(list, {"a": [1]}, b=[2])
dd["c"].append(3)
print(dd, dd.default_factory, defaultdict(), defaultdict(None, x=1))
print(dd.copy(), type(dd.copy()).__name__, dict(dd) == dd)
try:
    defaultdict(5)
except TypeError as e:
    print("TypeError", e)
counts = defaultdict(int)
for w in "a b a c b a".split():
    counts[w] += 1
print(sorted(counts.items()), counts.get("zz"), "zz" in counts)
tree = lambda: defaultdict(tree)
t = tree()
t["a"]["b"]["c"] = 1
print(t["a"]["b"]["c"], list(t["a"]))

print("-- Counter")
c = Counter("mississippi")
print(c, c.most_common(1), c.most_common(0), c.most_common(-1), c["z"], "z" in c)
print(Counter(), Counter({"a": 0}), Counter(a=2, b=-1), list(Counter(a=2, b=-1, c=1).elements()))
c.subtract("sss")
print(c, +c, -c)
c2 = Counter(cats=4, dogs=8)
c2 += Counter(cats=1, fish=0)
print(c2)
c2 -= Counter(dogs=10)
print(c2)
c2 |= Counter(cats=9)
c2 &= Counter(cats=6, fish=1)
print(c2, c2.total())
print(Counter("aab") == Counter("aba"), Counter(a=1) == Counter(a=1, b=0), Counter(a=1) <= Counter(a=2), Counter(a=3) > Counter(a=2))
print(Counter([1, 1, 2]) == {1: 2, 2: 1}, sorted(Counter("zyzzx").keys()))
del c2["cats"]
del c2["nothing"]
print(c2)
try:
    Counter.fromkeys("ab")
except NotImplementedError as e:
    print("NotImplementedError", e)

print("-- OrderedDict")
od = OrderedDict.fromkeys("abcde")
od.move_to_end("a")
od.move_to_end("e", last=False)
print(od, list(reversed(od)), od.popitem(False), od.popitem())
try:
    od.move_to_end("zz")
except KeyError as e:
    print("KeyError", e)
print(OrderedDict(), OrderedDict([(1, 2)]) == {1: 2}, OrderedDict(a=1) | {"b": 2}, od.copy())
try:
    OrderedDict().popitem()
except KeyError as e:
    print("KeyError", e)
od2 = OrderedDict(x=1)
od2.setdefault("y", 2)
od2.update(z=3)
print(od2, od2.pop("x"), od2)

print("-- namedtuple")
P3 = namedtuple("P3", "x, y, z", defaults=(0, 0))
p = P3(1)
print(p, P3(1, 2, 3), P3._fields, P3._field_defaults, p._asdict(), P3.__doc__)
print(P3._make(range(3)), p._replace(z=9), p.count(0), p.index(1), p[1:], hash(p) == hash((1, 0, 0)))
x, *rest = p
print(x, rest, p.x, P3.x.__doc__)
for bad in (lambda: namedtuple("Bad", "a a"), lambda: namedtuple("Bad", "_a"),
            lambda: namedtuple("Bad", "def"), lambda: namedtuple("1Bad", "a"),
            lambda: P3._make([1]), lambda: p._replace(w=1), lambda: P3(1, 2, 3, 4),
            lambda: namedtuple("Bad", "a b", defaults=(1, 2, 3))):
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
R = namedtuple("R", ["a", "def", "_c", "a"], rename=True)
print(R._fields, R(1, 2, 3, 4))
Single = namedtuple("Single", "only")
print(Single(5), Single._make([6]), len(Single(1)))
try:
    del p.x
except AttributeError as e:
    print("AttributeError", e)
print(type(p).__name__, P3.__module__, isinstance(p, tuple), p == (1, 0, 0))

print("-- ChainMap")
base = {"a": 1, "b": 2}
over = {"b": 20}
cm = ChainMap(over, base)
print(cm, list(cm), list(cm.items()), cm.get("zz", "dflt"), len(cm), bool(ChainMap()), ChainMap())
cm["c"] = 3
del cm["b"]
print(over, base, cm["b"])
try:
    del cm["a"]
except KeyError as e:
    print("KeyError", e)
print(cm.new_child(), cm.parents, cm.copy() == cm, dict(cm | {"z": 26}))

print("-- UserDict / UserList / UserString")


class Lower(UserDict):
    def __setitem__(self, key, value):
        super().__setitem__(key.lower(), value)


ud = Lower({"A": 1})
ud["B"] = 2
print(ud, len(ud), "a" in ud, ud.get("b"), dict(ud), ud == {"a": 1, "b": 2})
ul = UserList([3, 1, 2])
ul.append(0)
ul.sort()
print(ul, ul[1:], ul + [9], len(ul), ul.pop(), ul == [0, 1, 2])
us = UserString("hello")
print(us, us.upper(), us + "!", len(us), us[1:3], "ell" in us, us == "hello")
print(sorted(collections.__all__))
