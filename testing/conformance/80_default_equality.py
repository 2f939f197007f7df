# == and != between instances of classes that keep object's __eq__ and __ne__
# are identity tests; a class (or a base, later) that defines either, a
# metaclass, and mixed operands keep the general rules.
class A: pass
class B(A): pass
class C:
    def __eq__(self, o): print("C.__eq__"); return NotImplemented
class D(A):
    def __ne__(self, o): return "D.__ne__"
a, a2, b, c, d = A(), A(), B(), C(), D()
print(a == a, a == a2, a != a2, a != a, a == b, b == a, a == c, c == a, a != c, d != a, a != d, d == d)
A.__eq__ = lambda self, o: "patched eq"
print(a == a2, b == a, a != a2)
del A.__eq__
print(a == a2, a != a2, a == 1, 1 == a, a == None, None != a, [a] == [a], (a,) == (a2,))
class M(type): pass
class E(metaclass=M): pass
print(E == E, E != A, object() == object(), type(a) == A)
