# Private-name mangling: inside a class, `__x` (not ending in `__`) means
# `_Class__x` wherever the compiler sees an identifier: attributes, names,
# parameters, keyword-only defaults, annotations, imports, nested functions,
# lambdas and comprehensions, and __slots__.


class Base:
    __count = 0

    def __init__(self):
        self.__secret = "base"
        Base.__count += 1

    def reveal(self):
        return self.__secret

    @classmethod
    def count(cls):
        return cls.__count


class Child(Base):
    def __init__(self):
        super().__init__()
        self.__secret = "child"

    def both(self):
        return self.__secret, self.reveal()


c = Child()
print(c.both(), sorted(vars(c)), Base.count())
print(hasattr(c, "__secret"), c._Base__secret, c._Child__secret)

print("-- names, parameters and defaults")


class Names:
    __table = {"a": 1}

    def f(self, __p, *, __k=2, **__kw):
        __local = __p + __k
        return __local, sorted(__kw), (lambda __q: __q * 2)(__local)

    def g(self):
        return [__i * 2 for __i in range(3)], self.__table

    def call_with_keyword(self):
        try:
            return self.f(1, __k=3)
        except TypeError as e:
            return str(e)

    def __dunder__(self):
        return "dunders are not mangled"


n = Names()
print(n.f(1), n.g(), n.call_with_keyword(), n.__dunder__())
print(Names.f.__code__.co_varnames, Names.f.__kwdefaults__)
print(sorted(k for k in Names.__dict__ if "table" in k))

print("-- nested functions, globals and classes")
__module_level = "module"


class Outer:
    def method(self):
        def __helper():
            return __module_level_alias

        return __helper.__name__, __helper.__qualname__, __helper()

    class __Inner:
        __deep = "inner"

        def get(self):
            return self.__deep

    def inner(self):
        return self.__Inner().get(), type(self.__Inner()).__name__


_Outer__module_level_alias = "mangled global"
o = Outer()
print(o.method(), o.inner())
print(sorted(k for k in Outer.__dict__ if "Inner" in k))


class Glob:
    def set(self):
        global __g
        __g = 42


Glob().set()
print(_Glob__g)

print("-- annotations and class-body names")


class Ann:
    __a: int = 1
    b: str

    def m(self, __x: float) -> None:
        pass


print(Ann.__annotations__, Ann.m.__annotations__, Ann._Ann__a)


class ___:
    __kept = 1


print(sorted(k for k in ___.__dict__ if "kept" in k))

print("-- slots")


class Private:
    __slots__ = ("__secret", "_Private__other", "__dunder__")

    def __init__(self):
        self.__secret = 1
        self.__dunder__ = 2

    def peek(self):
        return self.__secret


pr = Private()
print(pr.peek(), pr._Private__secret, pr.__dunder__)
print(sorted(k for k in Private.__dict__ if "secret" in k or "dunder" in k))
try:

    class Clash:
        __slots__ = ("__x", "_Clash__x")

except Exception as e:
    print(type(e).__name__)
else:
    print("no clash error")

print("-- getattr does not mangle")


class G:
    def __init__(self):
        self.__v = 1

    def lookup(self):
        return getattr(self, "__v", "missing"), getattr(self, "_G__v")


print(G().lookup())
