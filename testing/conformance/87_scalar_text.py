"""str(), repr(), format() and str % args of the common cases (the VM answers
ints, bools, floats and plain %s/%r/%d directives without the special-method
calls): results, errors raised once, str subclasses whose __rmod__ comes first."""

class S(str):
    def __rmod__(self, other):
        return "rmod!"
class R:
    def __rmod__(self, other):
        return "R.rmod"
    def __repr__(self):
        return "R()"
class Loud:
    n = 0
    def __str__(self):
        Loud.n += 1
        raise ValueError("str failed %d" % Loud.n)
print("a%sb" % S("x"), "%s" % R(), "%r|%s|%d|%i" % (R(), 2.5, 7, -3))
print("%s %r %s %r" % (True, False, None, "q'"), "%d" % True, "%s" % 10**30)
print("%5s|%-4d|%+d|%05.1f|%x|%c" % ("ab", 3, 4, 2.25, 255, 65))
try:
    "%s" % Loud()
except ValueError as e:
    print(e, Loud.n)
try:
    "%s %s" % (1,)
except TypeError as e:
    print(e)
try:
    "%s" % (1, 2)
except TypeError as e:
    print(e)
try:
    "é%q" % 1
except ValueError as e:
    print(e)
try:
    "abc%" % 1
except ValueError as e:
    print(e)
print("%(a)s-%(b)r" % {"a": 1, "b": "z"}, "%%%s%%" % 5)
print(str(5), repr(-7), str(True), repr(False), str(1.5), repr(1e22), str(-0.0), repr(float("nan")))
print(f"{3}{True}{2.5}{'s'}{S('t')}{None}", f"{4:>3}", format(7), format(1.25), format(True), format("x"))
try:
    format(1, 5)
except TypeError as e:
    print(e)
print(format(S("u"), ""), type(format(S("u"), "")).__name__, type(f"{S('v')}").__name__)
