# match statements: CPython's SyntaxErrors for invalid patterns, the runtime
# TypeErrors of class and mapping patterns, and edge cases of the protocol
# (__match_args__, match-by-self builtins, sequence and mapping types, values
# compared with ==, singletons with `is`, capture order, guards).

import array
import collections.abc as cabc
from collections import ChainMap, OrderedDict, UserDict, defaultdict, deque

print("-- SyntaxErrors")

SNIPPETS = [
    "case *a: pass",
    "case a, a: pass",
    "case a: pass\n    case 1: pass",
    "case _: pass\n    case 1: pass",
    "case a | b: pass",
    "case _ | 1: pass",
    "case 0 | a | 1: pass",
    "case (a | b) | c: pass",
    "case [a] | [b]: pass",
    "case [a, b] | [a]: pass",
    "case {f(): 1}: pass",
    "case {a: 1}: pass",
    "case {**_}: pass",
    "case C(a=1, b): pass",
    "case C(1, a=2, 3, 4): pass",
    "case C(a=1, a=2): pass",
    "case C(x=1, y=2, x=3): pass",
    "case 1 as _: pass",
    "case 1 as 2: pass",
    "case [*a, *b]: pass",
    "case [1, *_, *_]: pass",
    "case 1+1: pass",
    "case 1j+1: pass",
    "case -1j-1j: pass",
    "case {1: a, 1: b}: pass",
    "case {'a': a, 'a': b}: pass",
    "case {-0: a, 0: b}: pass",
    "case {1: a, True: b}: pass",
    "case {None: a, None: b}: pass",
    "case {f'x': a}: pass",
    "case f'{x}': pass",
    "case __debug__: pass",
    "case C(__debug__=1): pass",
    "case (a, b) as a: pass",
    "case [a, [a]]: pass",
    "case a as a: pass",
    "case {1: a, **a}: pass",
    "case [a] | [a] as a: pass",
    "case a if a: pass\n    case _: pass\n    case 2: pass",
    "case -a: pass",
    "case 1 + a: pass",
    "case 1\n        pass",
    "case 1:\n    pass",
    "pass",
]

for body in SNIPPETS:
    src = "match x:\n    " + body + "\n"
    try:
        compile(src, "<match>", "exec")
        print("compiled:", repr(body))
    except SyntaxError as e:
        print(type(e).__name__, "|", e.msg, "|", e.lineno, e.offset,
              e.end_lineno, e.end_offset)

for src in ["match x\n    case 1: pass\n", "match x:\npass\n",
            "match x, *y:\n    case 1: pass\n"]:
    try:
        compile(src, "<match>", "exec")
        print("compiled:", repr(src))
    except SyntaxError as e:
        print(type(e).__name__, "|", e.msg, "|", e.lineno, e.offset,
              e.end_lineno, e.end_offset)

print("-- soft keywords stay names")
match = [1, 2]
case = 3
_ = 4
print(match, case, _)
match[0] = case
print(match)
match match:
    case [3, case]:
        print("inner case", case)

print("-- class pattern errors")


class NoArgs:
    pass


class Two:
    __match_args__ = ("a", "b")

    def __init__(self, a, b):
        self.a = a
        self.b = b


class BadArgs:
    __match_args__ = ["a"]
    a = 1


class BadName:
    __match_args__ = ("a", 2)
    a = 1


class Dup:
    __match_args__ = ("a", "a")
    a = 1


not_a_type = len


def attempt(label, subject, fn):
    try:
        print(label, fn(subject))
    except (TypeError, ValueError) as e:
        print(label, type(e).__name__, e)


def m_not_type(s):
    match s:
        case not_a_type():
            return "matched"
    return "no match"


def m_noargs(s):
    match s:
        case NoArgs(x):
            return x
    return "no match"


def m_too_many(s):
    match s:
        case Two(p, q, r):
            return p
    return "no match"


def m_int_two(s):
    match s:
        case int(a, b):
            return a
    return "no match"


def m_multiple(s):
    match s:
        case Two(x, a=y):
            return x, y
    return "no match"


def m_bad_args(s):
    match s:
        case BadArgs(x):
            return x
    return "no match"


def m_bad_name(s):
    match s:
        case BadName(x, y):
            return x
    return "no match"


def m_dup(s):
    match s:
        case Dup(x, y):
            return x
    return "no match"


attempt("not a type:", 1, m_not_type)
attempt("NoArgs(x):", NoArgs(), m_noargs)
attempt("NoArgs(x) other:", 5, m_noargs)
attempt("Two(p, q, r):", Two(1, 2), m_too_many)
attempt("int(a, b):", 5, m_int_two)
attempt("Two(x, a=y):", Two(1, 2), m_multiple)
attempt("BadArgs(x):", BadArgs(), m_bad_args)
attempt("BadName(x, y):", BadName(), m_bad_name)
attempt("Dup(x, y):", Dup(), m_dup)


class Keyed:
    k1 = "same"
    k2 = "same"


def m_dup_keys(s):
    match s:
        case {Keyed.k1: a, Keyed.k2: b}:
            return a, b
    return "no match"


attempt("duplicate keys:", {"same": 1, "other": 2}, m_dup_keys)

print("-- __match_args__ and attributes")


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Point3(Point):
    __match_args__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z


class Lazy:
    __match_args__ = ("value",)

    @property
    def value(self):
        print("  (value read)")
        return 42


class Partial:
    __match_args__ = ("present", "missing")
    present = 1


def classify(p):
    match p:
        case Point3(x, y, z=0):
            return f"flat point3 {x},{y}"
        case Point3(_, _, z):
            return f"point3 z={z}"
        case Point(x=0):
            return "x is zero"
        case Point(x, y) if x > y:
            return f"below diagonal {x},{y}"
        case Point(y=yy, x=xx):
            return f"point {xx},{yy}"
        case Lazy(v):
            return f"lazy {v}"
        case Partial(a, b):
            return "partial matched"
        case Partial(a):
            return f"partial first only {a}"
        case object(foo=f):
            return f"has foo {f}"
        case _:
            return "nothing"


class Foo:
    foo = "bar"


for p in (Point3(1, 2, 0), Point3(1, 2, 3), Point(0, 5), Point(3, 1),
          Point(1, 3), Lazy(), Partial(), Foo(), 7):
    print(type(p).__name__, "->", classify(p))

print("-- builtins that match by themselves")


class MyInt(int):
    pass


class MyStr(str):
    __match_args__ = ("upper_form",)

    @property
    def upper_form(self):
        return self.upper()


def by_self(v):
    match v:
        case bool(b):
            return f"bool {b}"
        case MyInt(i):
            return f"MyInt {i}"
        case int(i):
            return f"int {i}"
        case float(f):
            return f"float {f}"
        case MyStr(u):
            return f"MyStr via __match_args__ {u}"
        case str(s):
            return f"str {s}"
        case bytes(b):
            return f"bytes {b!r}"
        case bytearray(b):
            return f"bytearray {b!r}"
        case list(l):
            return f"list {l}"
        case tuple(t):
            return f"tuple {t}"
        case dict(d):
            return f"dict {d}"
        case frozenset(f):
            return f"frozenset {sorted(f)}"
        case set(s):
            return f"set {sorted(s)}"
        case _:
            return "other"


for v in (True, 3, MyInt(4), 2.5, "hi", MyStr("ab"), b"x", bytearray(b"y"),
          [1], (2,), {"a": 1}, frozenset({3, 1}), {2, 1}, None):
    print(repr(v), "->", by_self(v))

print("-- literals: == for values, `is` for singletons")


class AlwaysEqual:
    def __eq__(self, other):
        print("  (__eq__ called)")
        return True

    __hash__ = object.__hash__


class Consts:
    ANY = AlwaysEqual()
    ONE = 1


def lit(v):
    match v:
        case True:
            return "True"
        case False:
            return "False"
        case None:
            return "None"
        case 0:
            return "zero"
        case 1.5:
            return "one and a half"
        case -2:
            return "minus two"
        case 1 + 2j:
            return "complex"
        case -1 - 1j:
            return "negative complex"
        case "a" "b":
            return "ab"
        case b"bytes":
            return "bytes"
        case Consts.ONE:
            return "Consts.ONE"
        case Consts.ANY:
            return "Consts.ANY"


for v in (True, 1, 1.0, False, 0, 0.0, -0.0, None, 1.5, -2, -2.0, 1 + 2j,
          complex(-1, -1), "ab", b"bytes", "zzz"):
    print(repr(v), "->", lit(v))

print("-- sequences")


class Seq(cabc.Sequence):
    def __init__(self, *items):
        self.items = items

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i]


class Registered:
    def __len__(self):
        return 2

    def __getitem__(self, i):
        if i < 2:
            return i * 10
        raise IndexError(i)


cabc.Sequence.register(Registered)


class SubRegistered(Registered):
    pass


def seq(v):
    match v:
        case []:
            return "empty"
        case [x]:
            return f"one {x!r}"
        case [first, *_, last] if first == last:
            return f"same ends {first!r}"
        case [first, *middle, last]:
            return f"first {first!r} middle {middle!r} last {last!r}"


for v in ([], (), [1], (1,), "x", b"x", bytearray(b"x"), range(3), [7, 1, 7],
          (1, 2, 3, 4), deque([5, 6]), array.array("i", [3, 4, 5]),
          Seq(1, 2), Registered(), SubRegistered(), {1: 2}, {1}, iter([1])):
    print(type(v).__name__, "->", seq(v))

print("-- mappings")


class Mapped(cabc.Mapping):
    def __init__(self, **kw):
        self.d = kw

    def __getitem__(self, k):
        return self.d[k]

    def __iter__(self):
        return iter(self.d)

    def __len__(self):
        return len(self.d)


def mapping(v):
    match v:
        case {"a": 1, **rest}:
            return f"a=1 rest={rest!r} {type(rest).__name__}"
        case {"a": a, "b": b}:
            return f"a={a} b={b}"
        case {"a": _}:
            return "has a"
        case {}:
            return "some mapping"
        case _:
            return "not a mapping"


dd = defaultdict(int, {"b": 2})
for v in ({"a": 1, "z": 26}, {"a": 2, "b": 3}, {"a": None}, {"c": 1}, dd,
          OrderedDict(a=1), UserDict(a=3, b=4), ChainMap({"a": 2}, {"b": 5}),
          Mapped(a=1, q=2), [("a", 1)], "a"):
    print(type(v).__name__, "->", mapping(v))
print("defaultdict untouched:", dict(dd))

print("-- captures, or-patterns, guards")


def order(v):
    match v:
        case [a, b] | (b, a, _):
            return f"a={a} b={b}"
        case {"k": [x, *ys]} | {"j": [*ys, x]}:
            return f"x={x} ys={ys}"


for v in ([1, 2], (1, 2, 3), {"k": [1, 2, 3]}, {"j": [1, 2, 3]}, 5):
    print(repr(v), "->", order(v))


def guard_side_effects(v):
    match v:
        case [x, y] if print("  guard 1 sees", x, y) or x > y:
            return "first"
        case [x, *rest] if (n := len(rest)) > 0:
            return f"second n={n}"
        case [x, *_]:
            return f"third x={x}"


print(guard_side_effects([1, 2]))
print(guard_side_effects([3, 2]))
print(guard_side_effects([9]))


def bound_after_failed_guard():
    match (1, 2):
        case (a, b) if a > b:
            return "no"
        case _:
            return f"a={a} b={b} stay bound"


print(bound_after_failed_guard())

print("-- subject evaluated once, patterns in order")


class Tracker:
    def __init__(self):
        self.n = 0

    def next(self):
        self.n += 1
        print("  (subject evaluated)")
        return [self.n, "x"]


t = Tracker()
match t.next():
    case [0, _]:
        print("zero")
    case [1, s]:
        print("one", s)
print("evaluations:", t.n)

print("-- scopes")

captured = None
match {"v": [1, 2]}:
    case {"v": [*captured]}:
        pass
print("module-level capture:", captured)


class Body:
    match (1, 2):
        case (first, second):
            total = first + second


print("class body:", Body.first, Body.second, Body.total)


def closure():
    match "outer":
        case str(word):
            return lambda: word


print("closure:", closure()())


def gen(items):
    for item in items:
        match item:
            case int(n) if n % 2:
                yield n * 10
            case str() as s:
                yield s.upper()


print("generator:", list(gen([1, 2, "a", 3])))


def tuple_subject(a, b):
    match a, b:
        case 0, 0:
            return "origin"
        case (0, y) | (y, 0):
            return f"axis {y}"
        case x, y:
            return f"point {x} {y}"


print(tuple_subject(0, 0), "|", tuple_subject(0, 3), "|", tuple_subject(4, 0),
      "|", tuple_subject(1, 2))


def star_types(v):
    match v:
        case (*head, tail):
            return type(head).__name__, head, tail


print(star_types((1, 2, 3)), star_types("ab" and [4]))


def nested(v):
    match v:
        case {"points": [Point(x=0) as p, *others]} if others:
            return f"starts at origin-x {p.y} with {len(others)} more"
        case {"points": [Point(), *_]}:
            return "starts with a point"
        case {"points": []}:
            return "no points"


print(nested({"points": [Point(0, 9), Point(1, 1)]}))
print(nested({"points": [Point(0, 9)]}))
print(nested({"points": []}))
print(nested({"points": "xy"}))
