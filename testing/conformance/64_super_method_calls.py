# super().name(...) as a method call (the VM loads the function and the instance
# without a bound method): functions, classmethods, staticmethods,
# properties, class attributes, missing names, the two-argument form, and a
# class-level super in a classmethod.
class A:
    def f(self, x): return ("A.f", type(self).__name__, x)
    @classmethod
    def c(cls): return ("A.c", cls.__name__)
    @staticmethod
    def s(y): return ("A.s", y)
    @property
    def p(self): return "A.p"
    v = 5
class B(A):
    def f(self, x): return ("B", super().f(x), super().c(), super().s(3), super().p, super().v)
    @classmethod
    def c(cls): return ("B.c", super().c())
class C(B):
    def f(self, x):
        try:
            super().missing()
        except AttributeError as e:
            print(e)
        return super().f(x)
print(C().f(1), C.c())
print(super(B, C()).f(2))
