# Attribute and global caches must never serve a stale answer: classes,
# instances, globals, builtins and modules change between executions of the
# same instructions. Also __class__ assignment.
import sys
class A:
    k = 1
    def m(self): return "A.m"
class B(A):
    pass
def get(o): return o.k
def call(o): return o.m()
def setx(o, v): o.x = v
def getx(o): return o.x
a, b = A(), B()
out = []
for i in range(3):
    out.append((get(a), get(b), call(a), call(b)))
    if i == 0: A.k = 2
    if i == 1:
        A.m = lambda self: "new m"
        b.k = "inst"
b.m = lambda: "shadow"
out.append((call(a), call(b)))
del b.m
out.append(call(b))
B.m = property(lambda self: (lambda: "prop"))
out.append(call(b))
class P:
    @property
    def x(self): return "px"
    @x.setter
    def x(self, v): out.append(("setter", v))
p = P()
for o in (a, b, p, a, p):
    try:
        setx(o, 5); out.append(getx(o))
    except Exception as e: out.append(type(e).__name__)
a.__class__ = B
out.append((get(a), call(a)))
# globals
G = 1
def g(): return G
def l(): return len
out.append((g(), l()([1])))
G = 2
len = lambda x: "mine"
out.append((g(), l()([1])))
del len
del G
try: g()
except NameError as e: out.append(str(e))
code = g.__code__
for ns in ({"G": 10}, {"G": 20}, {"G": 10}):
    out.append(eval(code, ns))
import builtins
def h(): return abs(-3)
out.append(h())
builtins.abs = lambda x: "patched"
out.append(h())
del builtins.abs
try: h()
except NameError as e: out.append(str(e))
# __del__ reading a global being replaced
class D:
    def __del__(self): out.append(("del sees", g2()))
def g2(): return H
H = D()
g2(); g2()
H = 5
out.append(g2())
# slots
class S:
    __slots__ = ("a",)
s = S()
for i in range(2):
    try: setx(s, i); out.append(getx(s))
    except AttributeError as e: out.append(str(e))
    try: s.a = i; out.append(s.a)
    except AttributeError as e: out.append(str(e))
# One store site for instances whose __slots__ do and do not name it.
class T:
    __slots__ = ("b",)
def seta(o, v): o.a = v
for o in (S(), T(), S(), T()):
    try: seta(o, 1); out.append(o.a)
    except AttributeError as e: out.append(str(e))
# __getattr__ added later
class Q: pass
q = Q()
def gy(o): return o.y
for i in range(3):
    try: out.append(gy(q))
    except AttributeError as e: out.append(str(e))
    if i == 0: Q.__getattr__ = lambda self, n: "ga " + n
    if i == 1: q.y = "inst y"
# __setattr__ added later
class R: pass
r = R()
for i in range(2):
    setx(r, i); out.append(r.__dict__)
    R.__setattr__ = lambda self, n, v: out.append(("R setattr", n, v))
# modules
import math
def ms(): return math.sqrt(4)
out.append(ms()); math.sqrt = lambda x: "msq"; out.append(ms()); del math.sqrt
try: ms()
except AttributeError as e: out.append(str(e))
for x in out: print(x)

class A:
    def m(self): return "A.m"
class B(A):
    m = property(lambda self: (lambda: "prop"))
class S:
    __slots__ = ("x",)
a = A()
a.__class__ = B
print(type(a).__name__, a.m(), a.__class__.__name__)
for bad in (lambda: setattr(a, "__class__", 3), lambda: setattr(a, "__class__", S),
            lambda: setattr(a, "__class__", int), lambda: setattr(1, "__class__", bool),
            lambda: delattr(a, "__class__")):
    try: bad()
    except TypeError as e: print(e)
import types
class M(types.ModuleType): pass
mod = types.ModuleType("mm"); mod.__class__ = M; print(type(mod).__name__)

# Stores through a cached site keep the owner alive until done; values
# replaced or dropped run __del__ in CPython's order.
class DD:
    def __del__(self): print('del', getattr(self, 'n', None))
def f():
    for i in range(3):
        o = DD(); o.n = i
        DD().x = 5
f()
class AA: pass
def g(o): o.v = DD()
a = AA()
for i in range(2):
    g(a); a.v.n = i
del a
print("end")
