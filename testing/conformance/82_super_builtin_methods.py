# super() reaching builtin methods (object.__init__, list.append, dict.get,
# list.__iter__) as method calls, with both super forms; iteration of list
# and tuple subclasses that keep, override or later patch __iter__.


class Base:
    def __init__(self, tag):
        super(Base, self).__init__()
        self.tag = tag


class Stack(list):
    def __init__(self, items=()):
        super().__init__(items)

    def append(self, item):
        print("Stack.append", item)
        super(Stack, self).append(item * 10)

    def total(self):
        return sum(super().__iter__())


s = Stack([1, 2])
s.append(3)
print(s, s.total(), Base("t").tag)


class Table(dict):
    def get(self, key, default=None):
        return ("table", super().get(key, default))


t = Table(a=1)
print(t.get("a"), t.get("b", 0), [t.get(k) for k in "ab"])

# A builtin method called with the wrong receiver still fails.
try:
    list.append(t, 1)
except TypeError as e:
    print("TypeError", e)


class Row(tuple):
    pass


class Loud(list):
    def __iter__(self):
        print("Loud.__iter__")
        return super().__iter__()


r = Row((1, 2, 3))
print([x * 2 for x in r], list(Stack("ab")), [x for x in Loud([4, 5])])
for x in Loud("z"):
    print("got", x)
Row.__iter__ = lambda self: iter(["patched"])
print(list(r), [x for x in r])
del Row.__iter__
print(list(r), tuple(x for x in r))


# Mutation during iteration of a subclass: the list iterator's rules.
grow = Stack([1])
for x in grow:
    if x < 4:
        list.append(grow, x + 1)
print(grow)


# A builtin method of an unrelated type found through super(): bound (and
# refused) before the arguments are evaluated, as CPython's super binds.
class Odd:
    push = list.append


class Odder(Odd):
    def push(self, x):
        return super().push(print("argument evaluated") or x)


try:
    Odder().push(1)
except TypeError as e:
    print("TypeError", e)
try:
    print(Odd().push)
except TypeError as e:
    print("TypeError", e)
print(type(Stack().append).__name__, super(Stack, s).append.__self__ is s)


# len() and truth of list, tuple and dict subclasses: the base's __len__
# kept, overridden, patched in and deleted again.
class Bag(list):
    pass


class Pair(tuple):
    pass


class Index(dict):
    pass


b, p, ix = Bag([1, 2]), Pair((1,)), Index(a=1, b=2, c=3)
print(len(b), len(p), len(ix), bool(b), bool(Bag()), bool(Pair()), bool(Index()))
Bag.__len__ = lambda self: 7
print(len(b), bool(Bag()))
Bag.__len__ = lambda self: -1
try:
    len(b)
except ValueError as e:
    print("ValueError", e)
try:
    bool(b)
except ValueError as e:
    print("ValueError", e)
del Bag.__len__
print(len(b), bool(b), not Bag())
