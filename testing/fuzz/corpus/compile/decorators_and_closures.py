def deco(n):
    def wrap(f):
        def inner(*a, **k):
            nonlocal n
            n += 1
            return f(*a, **k), n
        return inner
    return wrap

@deco(1)
def g(x, /, y=2, *, z=3):
    return x + y + z

class K(object, metaclass=type):
    x: int = 1
    def m(self): return __class__
    @property
    def p(self): return [i for i in range(3) if i]
