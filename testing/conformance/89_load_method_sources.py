"""Method-call sites (LOAD_METHOD) whose callee is not a method of the type:
a module's function (patched, deleted, or answered by the module's
__getattr__), a callable stored on an instance, then one on its class."""

import math, sys
mod = type(sys)("fake")
mod.f = lambda x: ("f", x)
def __getattr__(name):
    return lambda *a: ("dyn", name, a)
mod.__getattr__ = __getattr__
out = []
class H:
    pass
h = H()
h.cb = lambda: "inst-cb"
for i in range(5):
    out.append(math.sqrt(16.0)); out.append(mod.f(i)); out.append(mod.g(i)); out.append(h.cb())
    if i == 1:
        math.sqrt = lambda x: "patched"
        mod.f = str
        h.cb = lambda: "cb2"
    if i == 3:
        del mod.f
        del h.cb
        H.cb = lambda self: "class-cb"
print(out)
try:
    math.nope(1)
except AttributeError as e:
    print(e)
