# functools, itertools and operator.
import functools
import itertools
import operator

print("-- functools")
print(functools.reduce(operator.add, [1, 2, 3, 4]), functools.reduce(lambda a, b: a * b, range(1, 6), 10))
print(functools.reduce(max, [3, 9, 2]), functools.reduce(operator.concat, ["a", "b", "c"], ">"))
square_sum = functools.partial(sum, start=100)
pow2 = functools.partial(pow, 2)
print(square_sum([1, 2]), pow2(10), pow2.func is pow, pow2.args, functools.partial(int, base=2)("1010"))
calls = []


@functools.lru_cache(maxsize=None)
def fib(n):
    calls.append(n)
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(80), len(calls), fib.cache_info())
fib.cache_clear()
print(fib.cache_info())


@functools.lru_cache(maxsize=2)
def ident(x):
    calls.append(("ident", x))
    return x


calls.clear()
for v in (1, 2, 1, 3, 1, 2):
    ident(v)
print(calls, ident.cache_info())


@functools.cache
def tri(n):
    return n + tri(n - 1) if n else 0


print(tri(200))


def logged(fn):
    @functools.wraps(fn)
    def wrapper(*a, **k):
        return fn(*a, **k)
    return wrapper


@logged
def documented(x):
    """Return x doubled."""
    return x * 2


print(documented(4), documented.__name__, documented.__doc__, documented.__wrapped__.__name__)


@functools.total_ordering
class Money:
    def __init__(self, v):
        self.v = v

    def __eq__(self, o):
        return self.v == o.v

    def __lt__(self, o):
        return self.v < o.v


print(Money(1) <= Money(2), Money(3) >= Money(2), Money(1) > Money(1))
print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)))


@functools.singledispatch
def describe(x):
    return "object"


@describe.register
def _(x: int):
    return "int " + str(x)


@describe.register(list)
def _(x):
    return "list of " + str(len(x))


print(describe(1), describe([1, 2]), describe("s"), describe(True))


class Lazy:
    @functools.cached_property
    def value(self):
        print("  computing value")
        return 42


lz = Lazy()
print(lz.value, lz.value)

print("-- itertools infinite and terminating")
print(list(itertools.islice(itertools.count(10, 5), 4)), list(itertools.islice(itertools.cycle("ab"), 5)))
print(list(itertools.repeat("x", 3)), list(itertools.islice(itertools.repeat(0), 2)))
print(list(itertools.accumulate([1, 2, 3, 4])), list(itertools.accumulate([3, 1, 4], max)),
      list(itertools.accumulate([1, 2], initial=100)))
print(list(itertools.chain("ab", [1, 2], ())), list(itertools.chain.from_iterable(["xy", "z"])))
print(list(itertools.compress("abcdef", [1, 0, 1, 0, 1, 1])), list(itertools.dropwhile(lambda v: v < 3, [1, 4, 2])))
print(list(itertools.takewhile(lambda v: v < 3, [1, 2, 5, 1])), list(itertools.filterfalse(None, [0, 1, "", "a"])))
print(list(itertools.islice("abcdefg", 2, None, 2)), list(itertools.islice(range(10), 3)), list(itertools.starmap(pow, [(2, 3), (3, 2)])))
print(list(itertools.zip_longest("abc", [1], fillvalue="-")), list(itertools.pairwise("abcd")))
print([(k, list(g)) for k, g in itertools.groupby("aaabccdaa")])
print([(k, len(list(g))) for k, g in itertools.groupby(sorted([5, 1, 12, 15, 3]), key=lambda v: v // 10)])
a, b = itertools.tee(iter([1, 2, 3]))
print(list(a), list(b))

print("-- itertools combinatorics")
print(list(itertools.product("ab", repeat=2)), len(list(itertools.product(range(3), "xy", [True]))))
print(list(itertools.permutations("abc", 2)), len(list(itertools.permutations(range(5)))))
print(list(itertools.combinations("abcd", 2)), list(itertools.combinations(range(4), 3)))
print(list(itertools.combinations_with_replacement("ab", 2)), list(itertools.permutations([])))

print("-- operator")
print(operator.add(1, 2), operator.sub(5, 3), operator.mul("a", 3), operator.truediv(7, 2), operator.floordiv(7, 2))
print(operator.mod(7, 3), operator.pow(2, 5), operator.neg(4), operator.pos(-4), operator.abs(-3), operator.invert(5))
print(operator.eq(1, 1), operator.ne(1, 2), operator.lt(1, 2), operator.le(2, 2), operator.gt(1, 2), operator.ge(3, 2))
print(operator.and_(12, 10), operator.or_(12, 10), operator.xor(12, 10), operator.lshift(1, 4), operator.rshift(32, 2))
print(operator.not_(0), operator.truth([]), operator.is_(None, None), operator.is_not(1, None), operator.contains("abc", "b"))
print(operator.getitem([1, 2, 3], 1), operator.index(7), operator.concat([1], [2]), operator.countOf([1, 1, 2], 1))
lst = [1, 2, 3]
operator.setitem(lst, 0, 10)
operator.delitem(lst, 1)
print(lst, operator.indexOf(lst, 3), operator.iadd([1], [2]), operator.matmul.__name__)
getx = operator.itemgetter(0)
get_multi = operator.itemgetter(2, 0)
rows = [("b", 2), ("a", 3), ("c", 1)]
print(getx("xyz"), get_multi("abc"), sorted(rows, key=operator.itemgetter(1)), max(rows, key=getx))


class P:
    def __init__(self, name, age):
        self.name = name
        self.age = age
        self.inner = self

    def greet(self, greeting, punct="!"):
        return f"{greeting}, {self.name}{punct}"


people = [P("Zed", 30), P("Amy", 25)]
print([p.name for p in sorted(people, key=operator.attrgetter("age"))], operator.attrgetter("inner.name")(people[0]))
print(operator.attrgetter("name", "age")(people[1]), operator.methodcaller("greet", "Hi")(people[0]))
print(operator.methodcaller("greet", "Yo", punct="?")(people[1]), list(map(operator.methodcaller("upper"), ["a", "b"])))
