# functools beyond the conformance program: partial reprs and flattening,
# lru_cache details, wraps metadata, total_ordering from each root,
# singledispatch on MRO, cached_property, reduce errors.
import functools
from functools import partial, reduce, lru_cache, wraps, total_ordering, cmp_to_key, singledispatch, cached_property


def f(a, b, c=3, *, d=4):
    return (a, b, c, d)


p = partial(f, 1, d=5)
pp = partial(p, 2)
print(p(2), pp(), pp(c=9), pp.func is f, pp.args, pp.keywords)
print(repr(partial(f, 1, d=5))[:28], repr(partial(max, 1)), repr(partial(len)))
try:
    partial(5)
except TypeError as e:
    print("TypeError", e)
try:
    reduce(lambda a, b: a + b, [])
except TypeError as e:
    print("TypeError", e)
print(reduce(lambda a, b: a + b, [], 7), reduce(lambda a, b: a + b, iter([1, 2, 3])))

calls = []


@lru_cache(maxsize=3)
def sq(x):
    calls.append(x)
    return x * x


for v in [1, 2, 3, 1, 4, 2, 5, 1]:
    sq(v)
print(calls, sq.cache_info(), sq.cache_parameters(), sq.__name__, sq.__wrapped__(6))


@lru_cache
def plain(x, y=1):
    calls.append(("plain", x, y))
    return x + y


calls.clear()
print(plain(1), plain(1), plain(1, y=1), plain(x=1), plain(1, 1), calls, plain.cache_info().hits)


@lru_cache(maxsize=0)
def nocache(x):
    return x


nocache(1)
nocache(1)
print(nocache.cache_info())


@lru_cache(typed=True)
def typed(x):
    calls.append(("typed", x))
    return x


calls.clear()
typed(1)
typed(1.0)
typed(1)
print(calls, typed.cache_info().currsize)
try:
    lru_cache("x")
except TypeError as e:
    print("TypeError", e)
try:
    sq([1])
except TypeError as e:
    print("TypeError", e)


def deco(fn):
    @wraps(fn)
    def inner(*args, **kwargs):
        return fn(*args, **kwargs)
    return inner


@deco
def documented(x: int) -> int:
    "Docs."
    return x


documented.extra = 1
print(documented.__name__, documented.__doc__, documented.__annotations__, documented.__wrapped__.__name__, documented.__qualname__)


def with_attr():
    pass


with_attr.marker = "m"
print(functools.update_wrapper(lambda: None, with_attr).marker)

for root in ("__lt__", "__le__", "__gt__", "__ge__"):
    ns = {"__init__": lambda self, v: setattr(self, "v", v),
          "__eq__": lambda self, o: self.v == o.v,
          root: {"__lt__": lambda s, o: s.v < o.v, "__le__": lambda s, o: s.v <= o.v,
                 "__gt__": lambda s, o: s.v > o.v, "__ge__": lambda s, o: s.v >= o.v}[root]}
    C = total_ordering(type("C", (), ns))
    a, b = C(1), C(2)
    print(root, a < b, a <= b, a > b, a >= b, b < a, a <= a, a >= a)
try:
    total_ordering(type("N", (), {}))
except ValueError as e:
    print("ValueError", e)

print(sorted(["bb", "a", "ccc"], key=cmp_to_key(lambda x, y: len(x) - len(y))))
K = cmp_to_key(lambda x, y: (x > y) - (x < y))
print(K(1) < K(2), K(2) == K(2), K(3) >= K(2))


@singledispatch
def show(x):
    return "object"


@show.register(int)
def _(x):
    return "int"


@show.register
def _(x: list):
    return "list"


class MyList(list):
    pass


print(show(1), show(True), show([]), show(MyList()), show("s"), show.dispatch(bool).__name__ if hasattr(show.dispatch(bool), "__name__") else None)
print(sorted(t.__name__ for t in show.registry))
try:
    show()
except TypeError as e:
    print("TypeError", e)


class Data:
    def __init__(self):
        self.n = 0

    @cached_property
    def expensive(self):
        self.n += 1
        return [self.n]


dobj = Data()
print(dobj.expensive, dobj.expensive, dobj.n, "expensive" in dobj.__dict__)
del dobj.expensive
print(dobj.expensive, dobj.n, type(Data.__dict__["expensive"]).__name__)


class Cell:
    def __init__(self, v):
        self.v = v

    def add(self, x, y):
        return self.v + x + y

    add5 = functools.partialmethod(add, 5)


print(Cell(1).add5(2), functools.cache(lambda n: n * 2)(21))
