# Descriptors (data and non-data, __set_name__), and subclassing list, dict,
# str, int and Exception.

print("-- descriptors")


class Typed:
    def __init__(self, kind, default=None):
        self.kind = kind
        self.default = default

    def __set_name__(self, owner, name):
        self.name = name
        self.storage = "_" + name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return f"<Typed {self.name} on {objtype.__name__}>"
        return getattr(obj, self.storage, self.default)

    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.name} must be {self.kind.__name__}, got {type(value).__name__}")
        setattr(obj, self.storage, value)

    def __delete__(self, obj):
        print(f"  delete {self.name}")
        delattr(obj, self.storage)


class Lazy:
    """Non-data descriptor: caches into the instance dict on first access."""

    def __init__(self, fn):
        self.fn = fn

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        value = self.fn(obj)
        obj.__dict__[self.fn.__name__] = value
        print(f"  computed {self.fn.__name__}")
        return value


class Item:
    name = Typed(str, "unnamed")
    price = Typed(float, 0.0)

    def __init__(self, name=None, price=None):
        if name is not None:
            self.name = name
        if price is not None:
            self.price = price

    @Lazy
    def label(self):
        return f"{self.name}@{self.price:.2f}"


it = Item("pen", 1.5)
print(it.name, it.price, Item.name, Item().name, Item().price)
try:
    it.price = "cheap"
except TypeError as e:
    print("TypeError", e)
print(it.label, it.label, "label" in vars(it))
del it.name
print(it.name, sorted(vars(it)))


class Const:
    def __get__(self, obj, objtype=None):
        return 42


class Holder:
    answer = Const()


h = Holder()
h.__dict__["answer"] = "instance wins over non-data descriptor"
print(h.answer, Holder.answer)


class Bound:
    def method(self):
        return "bound"


bm = Bound().method
print(bm(), bm.__name__, type(bm).__name__, Bound.method(Bound()), bm.__self__.__class__.__name__)
f = Bound.__dict__["method"]
print(f.__get__(Bound(), Bound)(), type(f).__name__)

print("-- property built by hand")


class Circle:
    def __init__(self, r):
        self._r = r

    def _get_r(self):
        return self._r

    def _set_r(self, v):
        self._r = max(0, v)

    radius = property(_get_r, _set_r, doc="the radius")
    area = property(lambda self: round(3.14159 * self._r ** 2, 3))


ci = Circle(2)
ci.radius = -5
print(ci.radius, Circle.radius.__doc__, Circle(1).area, isinstance(Circle.area, property))

print("-- subclassing list")


class Stack(list):
    def push(self, x):
        self.append(x)
        return self

    def peek(self):
        return self[-1] if self else None

    def __repr__(self):
        return "Stack" + super().__repr__()


st = Stack([1, 2])
st.push(3).push(4)
print(st, len(st), st.peek(), st[1:3], type(st[1:3]).__name__, st + [5], type(st + [5]).__name__)
print(isinstance(st, list), sorted(st, reverse=True), st.pop(), st, list(reversed(st)), st == [1, 2, 3])


class CountingList(list):
    def __init__(self, *args):
        super().__init__(*args)
        self.appends = 0

    def append(self, x):
        self.appends += 1
        super().append(x)


cl = CountingList("ab")
cl.append("c")
cl.extend("de")
print(cl, cl.appends)

print("-- subclassing dict")


class AttrDict(dict):
    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name)

    def __setattr__(self, name, value):
        self[name] = value


ad = AttrDict(a=1)
ad.b = 2
print(ad, ad.a, ad.b, sorted(ad.keys()), isinstance(ad, dict), type(ad).__name__)


class Counter(dict):
    def __missing__(self, key):
        return 0

    def add(self, items):
        for x in items:
            self[x] += 1
        return self


print(Counter().add("abracadabra"))


class LowerDict(dict):
    def __setitem__(self, key, value):
        super().__setitem__(key.lower(), value)

    def __getitem__(self, key):
        return super().__getitem__(key.lower())


ld = LowerDict()
ld["HeLLo"] = 1
print(ld, ld["HELLO"], "hello" in ld)

print("-- subclassing str and int")


class Shout(str):
    def __new__(cls, text):
        return super().__new__(cls, text.upper())

    def exclaim(self):
        return self + "!"


sh = Shout("hey")
print(sh, sh.exclaim(), type(sh).__name__, type(sh.exclaim()).__name__, len(sh), sh == "HEY")


class Even(int):
    def __new__(cls, v):
        return super().__new__(cls, v - v % 2)

    def __repr__(self):
        return f"Even({int(self)})"


ev = Even(7)
print(ev, repr(ev), ev + 1, type(ev + 1).__name__, ev * 2, isinstance(ev, int))

print("-- subclassing Exception")


class AppError(Exception):
    def __init__(self, code, message):
        super().__init__(f"[{code}] {message}")
        self.code = code


class NotFound(AppError):
    pass


class WithStr(Exception):
    def __str__(self):
        return "custom str"


try:
    raise NotFound(404, "no such page")
except AppError as e:
    print(type(e).__name__, e, e.code, e.args, isinstance(e, Exception), repr(e))
print(str(WithStr("ignored")), repr(WithStr("x")), WithStr().args, repr(AppError(1, "m")))
print([c.__name__ for c in NotFound.__mro__])


class MultiArg(Exception):
    pass


print(str(MultiArg()), str(MultiArg("one")), str(MultiArg("a", 2)), repr(MultiArg("a", 2)))
