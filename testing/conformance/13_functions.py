# Function definitions and calls: defaults, *args, keyword-only, **kwargs,
# positional-only, lambdas, decorators, recursion, attributes.

print("-- defaults")


def greet(name, greeting="Hello", punct="!"):
    return f"{greeting}, {name}{punct}"


print(greet("Ann"), greet("Bob", "Hi"), greet("Cy", punct="?"), greet(punct=".", name="Di"))


def append_to(x, acc=[]):
    acc.append(x)
    return acc


print(append_to(1), append_to(2), append_to(3, []))
counter = 10


def default_evaluated_once(v=counter * 2):
    return v


counter = 99
print(default_evaluated_once(), greet.__defaults__, default_evaluated_once.__defaults__)

print("-- *args and **kwargs")


def collect(a, b=2, *args, c, d=4, **kwargs):
    return (a, b, args, c, d, sorted(kwargs.items()))


print(collect(1, c=3))
print(collect(1, 5, 6, 7, c=8, e=9, f=10))
print(collect(*[1, 2, 3], **{"c": 0, "z": 26}))
print(collect(1, *(2, 3), *[4], c=5, **{"d": 6}, **{"y": 7}))


def only_args(*args):
    return args


def only_kwargs(**kw):
    return kw


print(only_args(), only_args(1), only_args(*"abc"), only_kwargs(), only_kwargs(x=1, y=2))

print("-- keyword-only and positional-only")


def kwonly(a, *, b, c=3):
    return a + b + c


def posonly(a, b, /, c, *, d):
    return (a, b, c, d)


print(kwonly(1, b=2), kwonly(1, c=10, b=5), posonly(1, 2, 3, d=4), posonly(1, 2, c=3, d=4))


def pos_and_kw(a, /, **kw):
    return a, kw


print(pos_and_kw(1, a=2))

print("-- call errors")
calls = [
    lambda: greet(),
    lambda: greet("a", "b", "c", "d"),
    lambda: greet("a", nme="x"),
    lambda: greet("a", name="b"),
    lambda: kwonly(1, 2),
    lambda: kwonly(1),
    lambda: posonly(a=1, b=2, c=3, d=4),
    lambda: collect(),
    lambda: (lambda: 0)(1),
    lambda: only_kwargs(1),
    lambda: len(),
    lambda: len([], []),
    lambda: "x".join(),
    lambda: greet(*[1], **{"name": 2}),
]
for c in calls:
    try:
        c()
    except TypeError as e:
        print("TypeError", e)

print("-- lambdas")
sq = lambda x: x * x
add = lambda a, b=10: a + b
print(sq(7), add(1), add(1, 2), (lambda *a, **k: (a, k))(1, z=2), (lambda: "noargs")())
print(list(map(lambda s: s[::-1], ["ab", "cd"])), sorted([3, 1, 2], key=lambda v: -v))
print(sq.__name__, greet.__name__, greet.__qualname__, (lambda: 0).__qualname__)

print("-- decorators")


def trace(fn):
    def wrapper(*args, **kwargs):
        result = fn(*args, **kwargs)
        print(f"  {fn.__name__}{args} -> {result}")
        return result
    wrapper.__name__ = "traced_" + fn.__name__
    return wrapper


def repeat(times):
    def deco(fn):
        def wrapper(*a):
            return [fn(*a) for _ in range(times)]
        return wrapper
    return deco


@trace
def mul(a, b):
    return a * b


@repeat(3)
@trace
def hello(n):
    return "hi" * n


print(mul(3, 4), mul.__name__)
print(hello(2))
registry = {}


def register(fn):
    registry[fn.__name__] = fn
    return fn


@register
def alpha():
    return "A"


@register
def beta():
    return "B"


print(sorted(registry), registry["beta"]())

print("-- recursion")


def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)


def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


def hanoi(n, src, dst, via, moves):
    if n:
        hanoi(n - 1, src, via, dst, moves)
        moves.append((src, dst))
        hanoi(n - 1, via, dst, src, moves)
    return moves


def is_even(n):
    return True if n == 0 else is_odd(n - 1)


def is_odd(n):
    return False if n == 0 else is_even(n - 1)


print(fact(20), fact(30), ackermann(2, 3), len(hanoi(10, "A", "C", "B", [])), hanoi(2, 1, 3, 2, []))
print(is_even(100), is_odd(7), [fact(i) for i in range(8)])


def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


print(depth(500))

print("-- function attributes and introspection")


def documented(a, b: int = 2, *rest, key: str = "k", **kw) -> str:
    """Docstring here."""
    return "x"


documented.custom = 42
print(documented.__doc__, documented.__name__, documented.custom, documented.__defaults__)
print(documented.__kwdefaults__, documented.__annotations__)
print(documented.__code__.co_argcount, documented.__code__.co_kwonlyargcount, documented.__code__.co_name)
print(callable(documented), callable(3), type(documented).__name__, documented.__module__)


def returns_nothing():
    pass


def returns_many():
    return 1, "two", [3]


print(returns_nothing(), returns_many(), type(returns_many()).__name__)
