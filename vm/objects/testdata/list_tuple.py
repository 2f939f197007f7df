# list and tuple methods (vm/objects/list_type.cc, tuple_type.cc).


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)


x = [5, 3, 8]
x.append(1)
print(x)
x.extend((9, 2))
x.extend(range(2))
x.insert(0, 100)
x.insert(-1, 200)
x.insert(99, 300)
print(x)
print(x.pop(), x.pop(0), x.pop(-2), x)
x.remove(8)
print(x, x.index(9), x.count(1), x.index(1, 3), len(x))
show("pop empty", lambda: [].pop())
show("pop range", lambda: [1].pop(5))
show("remove", lambda: [1].remove(2))
show("index", lambda: [1, 2].index(3))
show("index str", lambda: ["a"].index("b"))
show("index start", lambda: [1, 2, 1].index(1, 1))
show("index neg", lambda: [1, 2, 3].index(3, -1, 10**30))
show("index none", lambda: [1].index(1, None))
show("append args", lambda: [].append())
show("insert args", lambda: [].insert(1))
show("pop args", lambda: [].pop(1, 2))
show("clear args", lambda: [].clear(1))
show("descr", lambda: list.append(5, 1))
show("unbound", lambda: list.append())
y = x.copy()
y.reverse()
print(y, x == y[::-1], y is not x)
y.clear()
print(y, len(y))

# indexing and slicing
s = list(range(10))
print(s[2], s[-1], s[2:5], s[::3], s[::-2], s[-3:], s[:100], s[5:2])
show("index err", lambda: s[10])
show("index type", lambda: s["a"])
show("index float", lambda: s[1.5])
s[2:5] = ["a"]
print(s)
s[1:1] = [7, 7]
print(s)
s[::2] = list("abcdef")[: len(s[::2])]
print(s)
del s[::3]
print(s)
del s[1:3]
print(s)
s[-1] = "z"
del s[0]
print(s)
s[:] = s
print(s)
s[len(s):] = (1, 2)
print(s)


def bad_ext():
    t = [1, 2]
    t[::2] = [1, 2, 3]


def bad_iter():
    t = [1, 2]
    t[1:2] = 5


def bad_iter2():
    t = [1, 2]
    t[::2] = 5


def bad_set():
    t = [1]
    t[5] = 1


def bad_del():
    t = [1]
    del t[5]


for f in (bad_ext, bad_iter, bad_iter2, bad_set, bad_del):
    show(f.__name__, f)

# operators
print([1, 2] + [3], [1] * 3, 3 * [0], [1, 2] * 0, [1] * -1)
z = [1]
z += (2, 3)
z += "ab"
print(z)
z *= 2
print(z)
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 5], [1, 2] == [1, 2], [1] != [1], [] <= [], [3] >= [3, 1])
show("lt mixed", lambda: [1] < ["a"])
show("lt type", lambda: [1] < (1,))
print([1] == (1,), [1].__eq__((1,)), [1].__lt__(5))
show("add tuple", lambda: [1] + (2,))
show("mul str", lambda: [1] * "a")
print(1 in [1, 2], 3 in [1, 2], [] in [[]])
n = float("nan")
print(n in [n], [n] == [n])

# repr with recursion
r = [1]
r.append(r)
print(r, repr(r))
d = {"k": r}
r.append(d)
print(r)

# sort
w = ["pear", "Apple", "fig", "banana", "kiwi"]
print(sorted(w), sorted(w, key=len), sorted(w, key=str.lower, reverse=True))
pairs = [(1, "b"), (0, "a"), (1, "a"), (0, "b"), (2, "c"), (1, "c")]
print(sorted(pairs, key=lambda p: p[0]), sorted(pairs, key=lambda p: p[0], reverse=True))
big = [(i * 7919) % 1000 for i in range(300)]
big.sort()
print(big[:10], big[-5:], big == sorted(big))
fl = [3.5, -1.0, 2.25, 1e10, -1e-3]
fl.sort(reverse=True)
print(fl)
mixed = [3, 1.5, True, 2]
mixed.sort()
print(mixed)
show("sort mixed", lambda: sorted([3, 1, "a"]))
show("sort pos", lambda: [].sort(1))
show("sort kw", lambda: [].sort(foo=1))
show("sort key", lambda: [1, 2].sort(key=1))
print([].sort(key=1))
show("sort reverse", lambda: [1].sort(reverse=None))


def keyerr(v):
    if v == 3:
        raise ValueError("bad key")
    return v


lst = [5, 3, 1]
show("sort keyerr", lambda: lst.sort(key=keyerr))
print(lst)
s2 = ["b", "a", "c", "é", "A"]
s2.sort()
print(s2)

# reversed, iter
print(list(reversed([1, 2, 3])), list(iter([4, 5])))
it = reversed([1, 2])
print(next(it), next(it), next(it, "done"))

# list() constructor and subclass
print(list(), list("ab"), list((1, 2)), list({1: 2}), list(range(3)))
show("list(1)", lambda: list(1))
show("list 2 args", lambda: list([], []))
show("list kw", lambda: list(x=1))


class L(list):
    def __init__(self, *args):
        super().__init__(*args)
        self.extra = True


lst = L([3, 1, 2])
lst.sort()
print(lst, type(lst).__name__, lst.extra, len(lst), lst[0], type(lst[:1]).__name__)
print(type(lst + [1]).__name__, lst == [1, 2, 3])
q = [1, 2]
q.__init__([7])
print(q)
show("hash", lambda: hash([]))

# tuple
t = (1, 2, 3, 2)
print(t.count(2), t.index(2), t.index(2, 2), t[1:], t[::-1], t * 2, 2 * t, t + (4,))
show("tuple index", lambda: t.index(5))
show("tuple idx", lambda: t[4])
show("tuple key", lambda: t["a"])
show("tuple add", lambda: (1,) + [2])
show("tuple count", lambda: ().count())
show("tuple index args", lambda: ().index())
print((), (1,), ((1,),), (1, (2, 3)), tuple("ab"), tuple([1]), tuple(range(3)))
print(hash(()), hash((1,)), hash((1, 2)), hash((1, (2, 3))), hash((-1, 1.5, True, None)) == hash((-1, 1.5, True, None)))
show("hash list in tuple", lambda: hash((1, [])))
print((1, 2) < (1, 2, 3), (1, 2) == (1, 2), (1, 3) > (1, 2, 4), (1,) == [1], () < (0,))
show("tuple lt", lambda: (1,) < ("a",))
show("tuple(1)", lambda: tuple(1))
show("tuple args", lambda: tuple(1, 2))
print(1 in (1, 2), (1, 2).__contains__(3), len((1, 2)))
tt = (1, 2)
print(tuple(tt) is tt, tt[:] is tt, tt * 1 is tt)


class T(tuple):
    pass


ti = T([1, 2])
print(ti, type(ti).__name__, type(ti[:]).__name__, ti == (1, 2), hash(ti) == hash((1, 2)))
print(tuple.__new__(T, [3]), type(tuple.__new__(T, [3])).__name__)

# builtin generics (PEP 585)
class A:
    pass


x = list[int]
print(x, dict[str, list[int]], tuple[int, ...], list[A], set[None], frozenset[1], tuple[()], type(x).__name__)
print(x.__origin__, x.__args__, x.__parameters__, x == list[int], x != list[str], x([1, 2]), hash(x) == hash(list[int]), list[int,])
show("isinstance alias", lambda: isinstance([], list[int]))


def annotated(a: list[int], b: dict[str, tuple[int, ...]] = None) -> set[str]:
    return a


print(annotated([1]))
