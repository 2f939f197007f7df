# The eval loop's CALL answers some calls without the generic path: len() of
# exact builtin containers, isinstance() with a plain class, list.append and
# set.add on exact receivers, tuple[int] and builtins called directly. Each
# must behave exactly as the generic call: subclasses, overrides, shadowed
# names, wrong receivers and errors.
import builtins


class MyList(list):
    def __len__(self):
        return 42

    def append(self, x):
        print("MyList.append", x)
        super().append(x)


class Sized:
    def __len__(self):
        return 7


print(len([1, 2, 3]), len((1,)), len("héllo"), len({1: 2}), len({1, 2}),
      len(frozenset()), len(MyList([1])), len(Sized()), len(b"ab"),
      len(range(10)))
for bad in (5, None, 1.5):
    try:
        len(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    len()
except TypeError as e:
    print("TypeError:", e)
try:
    len([], [])
except TypeError as e:
    print("TypeError:", e)
try:
    len(obj=[1])
except TypeError as e:
    print("TypeError:", e)


class Meta(type):
    def __instancecheck__(cls, obj):
        print("instancecheck", cls.__name__, type(obj).__name__)
        return obj == 3


class Odd(metaclass=Meta):
    pass


class Base:
    pass


class Derived(Base):
    pass


print(isinstance(Derived(), Base), isinstance(Base(), Derived),
      isinstance(3, Odd), isinstance(4, Odd), isinstance(True, int),
      isinstance(1, (str, int)), isinstance(1.0, int | float),
      isinstance(Derived, type), isinstance(None, object))
try:
    isinstance(1, 2)
except TypeError as e:
    print("TypeError:", e)

lst = []
lst.append(1)
ml = MyList()
ml.append(2)
print(lst, list(ml))
s = set()
s.add(1)
s.add(1)
print(s)
try:
    s.add([])
except TypeError as e:
    print("TypeError:", e)
try:
    list.append(set(), 1)
except TypeError as e:
    print("TypeError:", e)
try:
    lst.append()
except TypeError as e:
    print("TypeError:", e)
list.append(lst, 5)
print(lst)


def shadow():
    len = lambda x: "shadowed"
    isinstance = lambda a, b: "also"
    return len([1]), isinstance(1, int)


print(shadow())
orig = builtins.len
builtins.len = lambda x: -1
print(len([1, 2]))
builtins.len = orig
print(len([1, 2]))

t = (10, 20, 30)
print(t[0], t[-1], t[-3])
for i in (3, -4):
    try:
        t[i]
    except IndexError as e:
        print("IndexError:", e)
print(t[True], [1, 2][False])


def deep(n):
    return deep(n + 1) if n < 10000 else n


try:
    sorted([1, 2], key=lambda x: deep(0))
except RecursionError as e:
    print("RecursionError:", e)
print(sum(map(abs, [-1, -2])), min(3, 1, 2), max([4, 5], key=lambda x: -x))
print(divmod(7, 2), "x".join(["a", "b"]), abs(-3.5))


# x.pop() of an exact non-empty list is answered inline; the rest is the
# method's own work.
stack = [1, "two", (3,)]
print(stack.pop(), stack.pop(), stack)
print(stack.pop(0), stack)
try:
    stack.pop()
except IndexError as e:
    print("IndexError:", e)


class PopList(list):
    def pop(self, *a):
        return ("PopList.pop", a)


print(PopList([1, 2]).pop(), list.pop(PopList([1, 2])))
try:
    list.pop((1, 2))
except TypeError as e:
    print("TypeError:", e)
pop = [9, 8].pop
print(pop(), pop())
try:
    [1].pop(1, 2)
except TypeError as e:
    print("TypeError:", e)


# `in` on exact sets with int and str keys, and the cases left to the
# generic path: str subclasses, set keys (retried as frozensets), unhashable
# keys, set subclasses.
s = {1, 2, "a", frozenset({3})}
print(1 in s, 5 in s, "a" in s, "b" not in s, True in s, 2.0 in s)
print({3} in s, frozenset({3}) in s)


class S(str):
    def __hash__(self):
        return hash("a")

    def __eq__(self, other):
        return other == "a"


print(S("zzz") in s)
try:
    [] in s
except TypeError as e:
    print("TypeError:", e)


class SetSub(set):
    def __contains__(self, k):
        return "SetSub says yes"


print(1 in SetSub(), 1 in frozenset({1}), "x" in frozenset())


# `in` on exact lists and tuples of ints is answered in place; an element
# with an __eq__ of its own sends the search to the list's __contains__.
class E:
    def __eq__(self, o):
        print("E.__eq__", o)
        return o == 3


print(1 in [1, 2], 3 in [1, 2], 3 in (1, 2, 3), 5 in (), True in [1], 1 in [True])
print(0 in [False], 2 in [1, E(), 2], 3 in [1, E()], 1.0 in [1], 1 in [1.0])
print(2**70 in [2**70], 1 in [2**70, 1], 3 not in [1, 2], 2 not in (2,))


class ListIn(list):
    def __contains__(self, x):
        return "ListIn.__contains__"


print(1 in ListIn([1]))


# Builtin methods called on instances of subclasses of their type take the
# direct native call; other receivers still get the descriptor's TypeError.
class OC(list):
    pass


class D(dict):
    pass


o = OC([3, 1])
o.append(2)
print(o, o.pop(0), o.index(2), len(o))
list.append(o, 9)
print(o)
d = D(a=1)
print(d.get("a"), dict.get(d, "b", 0), d.keys())
try:
    list.append((1,), 2)
except TypeError as e:
    print("TypeError:", e)
try:
    list.append(D(), 2)
except TypeError as e:
    print("TypeError:", e)


class S(str):
    pass


print(S("ab").upper(), str.upper(S("x")))


# set.add(int) and `int in set` go straight to the table; a stored key with
# the same hash still has its __eq__ called, which may raise.
class SameHash:
    def __hash__(self):
        return 5
    def __eq__(self, o):
        raise ValueError("eq %r" % (o,))
s = {SameHash()}
for op in (lambda: s.add(5), lambda: 5 in s, lambda: s.add(6), lambda: 6 in s, lambda: s.discard(5)):
    try:
        print(op())
    except ValueError as e:
        print("ValueError", e)
print(len(s), sorted(x for x in s if isinstance(x, int)))
