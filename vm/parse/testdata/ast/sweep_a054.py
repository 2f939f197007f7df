class A(B, **kw): pass
