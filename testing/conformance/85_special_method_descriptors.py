# Special methods stored as something other than a function: a callable
# instance, a staticmethod, a classmethod, a builtin function and a
# property are bound by their own __get__ (or called as they are), as
# CPython's slot functions look them up.
class Callable:
    def __call__(self, *args):
        print("Callable called with", len(args), "args")
        return 3


class A:
    __len__ = Callable()
    __init__ = staticmethod(lambda *a: print("static __init__", a))
    __repr__ = classmethod(lambda cls: "repr of class " + cls.__name__)
    __eq__ = staticmethod(lambda other: print("static eq", other) or True)


a = A(1, 2)
print(len(a), repr(a), a == 1)


class B:
    __len__ = len
    __iter__ = staticmethod(lambda: iter([7, 8]))
    __hash__ = classmethod(lambda cls: 42)


try:
    len(B())
except TypeError as e:
    print("TypeError", e)
print(list(B()), hash(B()))


class P:
    @property
    def __bool__(self):
        print("property read")
        return lambda: False


print(bool(P()))
