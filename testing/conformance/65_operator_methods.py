# Binary operators on instances of Python classes (the VM runs an operator
# method in its own loop, as a call): results, NotImplemented falling back to
# the right operand's reflected method or a TypeError, a right-hand subclass
# going first, in-place fallbacks, exceptions and tracebacks from inside the
# method, defaults, generators and closures as methods, deep recursion.
import traceback
class V:
    def __init__(self, x): self.x = x
    def __add__(self, o):
        if isinstance(o, V): return V(self.x + o.x)
        if isinstance(o, int): return V(self.x + o)
        return NotImplemented
    def __radd__(self, o): return ("radd", o)
    def __mul__(self, o): return NotImplemented
    def __sub__(self, o): raise ValueError("sub failed")
    def __truediv__(self, o, extra=1): return "div with default"
    def __repr__(self): return "V(%r)" % self.x
class W:
    def __radd__(self, o): return ("W.radd", o)
    def __rmul__(self, o): return "W.rmul"
class VSub(V):
    def __radd__(self, o): return ("VSub.radd first", o)
print(V(1) + V(2), V(1) + 3, V(1) + W(), V(1) + VSub(5))
print(V(2) * W())
try:
    V(2) * 3
except TypeError as e:
    print("TypeError", e)
try:
    V(1) - 1
except ValueError:
    traceback.print_exc()
print(V(1) / 2)
v = V(1)
v += V(10)
print(v)
v += 5
print(v)
class I:
    def __iadd__(self, o): return "iadd"
    def __add__(self, o): return "add"
i = I(); i += 1; print(i)
def deep(n):
    class R:
        def __add__(self, o): return deep(n - 1) if n else 0
    return R() + 1
try:
    print(deep(5000))
except RecursionError:
    print("RecursionError")
class Gen:
    def __add__(self, o):
        yield o
print(list(Gen() + 3))
class Cell:
    def __add__(self, o):
        return (lambda: (self, o))()[1]
print(Cell() + 7)
print(sum([V(1), V(2), V(3)], V(0)))
