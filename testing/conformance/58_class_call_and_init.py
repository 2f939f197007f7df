# Calling a class: __init__ runs in a frame of the caller's loop; its errors,
# non-None returns, metaclass __call__, custom __new__, recursion, tracebacks.
class P:
    def __init__(self, a, b=2, *, c=3):
        self.s = a + b + c
class Q(P):
    pass
class R:
    def __init__(self):
        return 5
class G:
    def __init__(self):
        yield 1
class M(type):
    def __call__(cls, *a):
        return "meta"
class W(metaclass=M):
    def __init__(self): pass
class Rec:
    def __init__(self, n):
        self.child = Rec(n - 1) if n else None
class Raise:
    def __init__(self):
        raise ValueError("in init")
class L(list):
    def __init__(self, x):
        super().__init__(x); self.extra = 1
class N:
    def __new__(cls, *a):
        return 42
    def __init__(self, *a): print("never")
print(P(1).s, P(1, 5, c=0).s, Q(1, 1).s, W(), L([1, 2]), L([3]).extra, N(1))
for cls in (R, G, Raise):
    try: cls()
    except Exception as e: print(type(e).__name__, e)
try: P()
except TypeError as e: print(e)
try: Rec(10000)
except RecursionError as e: print("RecursionError")
r = Rec(3); print(r.child.child.child.child)
import traceback
def tb():
    try: Raise()
    except ValueError:
        traceback.print_exc()
tb()
