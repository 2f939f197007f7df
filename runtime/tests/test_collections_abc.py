# collections.abc and abc: isinstance by duck typing and registration, the
# mixin methods, abstract method enforcement.
from abc import ABC, ABCMeta, abstractmethod
from collections.abc import (Callable, Container, Generator, Hashable,
                             Iterable, Iterator, Mapping, MutableMapping,
                             MutableSequence, MutableSet, Reversible,
                             Sequence, Set, Sized, Collection)

values = [[], (), {}, set(), frozenset(), "s", b"b", 1, 1.5, None, range(3),
          iter([]), (x for x in ()), len, lambda: 0, {}.keys()]
for abc_ in (Iterable, Iterator, Sized, Container, Hashable, Callable, Sequence,
             MutableSequence, Mapping, MutableMapping, Set, MutableSet,
             Generator, Reversible, Collection):
    print(abc_.__name__.ljust(16), "".join("1" if isinstance(v, abc_) else "." for v in values))


class Duck:
    def __iter__(self):
        return iter([1])

    def __len__(self):
        return 1


class NoHash:
    __hash__ = None


print(isinstance(Duck(), Iterable), isinstance(Duck(), Sized), isinstance(Duck(), Iterator),
      isinstance(NoHash(), Hashable), isinstance(Duck(), Collection))


class Row(Sequence):
    def __init__(self, *items):
        self._items = items

    def __getitem__(self, i):
        return self._items[i]

    def __len__(self):
        return len(self._items)


r = Row(3, 1, 3)
print(list(r), 3 in r, r.index(1), r.count(3), list(reversed(r)), isinstance(r, Sequence))


class Store(MutableMapping):
    def __init__(self):
        self._d = {}

    def __getitem__(self, k):
        return self._d[k]

    def __setitem__(self, k, v):
        self._d[k] = v

    def __delitem__(self, k):
        del self._d[k]

    def __iter__(self):
        return iter(self._d)

    def __len__(self):
        return len(self._d)


s = Store()
s.update({"a": 1}, b=2)
s.setdefault("c", 3)
print(sorted(s.items()), s.get("z"), "a" in s, s.pop("a"), s.popitem(), len(s), list(s.keys()), list(s.values()))
print(s == {"c": 3}, isinstance(s, Mapping), isinstance(s, dict))


class Bits(Set):
    def __init__(self, it=()):
        self._s = list(dict.fromkeys(it))

    def __contains__(self, x):
        return x in self._s

    def __iter__(self):
        return iter(self._s)

    def __len__(self):
        return len(self._s)


a, b = Bits([1, 2, 3]), Bits([2, 3, 4])
print(sorted(a & b), sorted(a | b), sorted(a - b), sorted(a ^ b), a <= Bits([1, 2, 3, 4]), a == Bits([3, 2, 1]), a.isdisjoint([9]))

print("-- abstract classes")


class Shape(ABC):
    @abstractmethod
    def area(self):
        ...

    @abstractmethod
    def perimeter(self):
        ...

    def describe(self):
        return f"{type(self).__name__} with area {self.area()}"


class Square(Shape):
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side ** 2

    def perimeter(self):
        return 4 * self.side


class HalfDone(Shape):
    def area(self):
        return 0


for cls in (Shape, HalfDone):
    try:
        cls()
    except TypeError as e:
        print("TypeError", e)
print(Square(3).describe(), sorted(Shape.__abstractmethods__), HalfDone.__abstractmethods__, Square.__abstractmethods__)
print(isinstance(Square(1), Shape), issubclass(Square, Shape), isinstance(ABC, ABCMeta))


class Plugin(metaclass=ABCMeta):
    @property
    @abstractmethod
    def name(self):
        ...


class Impl(Plugin):
    name = "impl"


print(Impl().name)


class Registered:
    pass


Shape.register(Registered)
print(isinstance(Registered(), Shape), isinstance(object(), Shape))
Sequence.register(Registered)
print(isinstance(Registered(), Sequence), isinstance(Registered(), Iterable))


class WithInit(ABC):
    def __init__(self, a, b=2):
        self.a, self.b = a, b


w = WithInit(1)
print(w.a, w.b)


class Num(int, ABC):
    pass


class Pair(tuple, ABC):
    pass


class MyList(list, Sequence):
    pass


class Plain(ABC):
    pass


print(Num(5) + 1, Pair((1, 2)), MyList("ab"), isinstance(MyList(), Sequence), type(Plain()).__name__)
try:
    Plain(1)
except TypeError as e:
    print("TypeError", e)
