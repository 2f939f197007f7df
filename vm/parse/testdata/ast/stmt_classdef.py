class A: pass
class B(): pass
class C(A): pass
class D(A, B): pass
class E(metaclass=M): pass
class F(A, metaclass=M, **kw): pass
class G(*bases): pass
class H:
    """Doc."""
    x = 1
    def m(self):
        return self.x
