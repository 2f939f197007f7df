# "Did you mean": AttributeError.name/.obj and NameError.name set by failed
# lookups (and by keywords), the suggestion CPython 3.11 adds to the
# interpreter's own traceback print (not to the traceback module's text),
# and the cases without one (too far, too many candidates, unbound locals).
import traceback
class A:
    value = 1
    def method(self):
        return self.valeu
try:
    A().method()
except AttributeError as e:
    print(repr(e.name), type(e.obj).__name__)
    print(traceback.format_exception(e)[-1], end="")
try:
    prnt("x")
except NameError as e:
    print(repr(e.name))
    print(traceback.format_exc().splitlines()[-1])
def f():
    counter = 1
    return countr
try:
    f()
except NameError as e:
    print(traceback.format_exc().splitlines()[-1])
e = AttributeError("m", name="n", obj=3)
print(e.name, e.obj, NameError("q", name="z").name, AttributeError().name, NameError().name)
try:
    AttributeError(foo=1)
except TypeError as t:
    print(t)
import math
try:
    math.sqr
except AttributeError as e:
    print(traceback.format_exc().splitlines()[-1], e.obj is math)
class P:
    @property
    def p(self):
        return self.missing_thing
try:
    P().p
except AttributeError as e:
    print(e.name, type(e.obj).__name__, traceback.format_exc().splitlines()[-1])
try:
    x = 1
    del x
    print(x)
except NameError as e:
    print(e.name)
def g():
    print(y)
    y = 2
try:
    g()
except UnboundLocalError as e:
    print(repr(e.name), traceback.format_exc().splitlines()[-1])
class Many:
    pass
m = Many()
for i in range(800):
    setattr(m, "attr%d" % i, i)
try:
    m.attr1x
except AttributeError:
    print(traceback.format_exc().splitlines()[-1])
try:
    "abc".uper()
except AttributeError:
    print(traceback.format_exc().splitlines()[-1])
try:
    [].APPEND
except AttributeError:
    print(traceback.format_exc().splitlines()[-1])


class Shape:
    def __init__(self):
        self.radius = 2

    def area(self):
        return 3.14 * self.raduis ** 2


print("uncaught:")
Shape().area()
