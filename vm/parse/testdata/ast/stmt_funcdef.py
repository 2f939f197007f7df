def f(): pass
def f(a): pass
def f(a, b=1): pass
def f(*args): pass
def f(**kwargs): pass
def f(a, /): pass
def f(a, /, b): pass
def f(a, b, /, c, *, d): pass
def f(*, a): pass
def f(*, a=1, b): pass
def f(a=1, /, b=2, *c, d, e=3, **f): pass
def f(a: int, b: str = "x", *c: int, d: float, **e: dict) -> None: pass
def f(a, b=1, /, c=2): pass
def f(*args: *Ts): pass
def f(a,): pass
def f(*, a,): pass
def f(
    a,
    b,
): pass
