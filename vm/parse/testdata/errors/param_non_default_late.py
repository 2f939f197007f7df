def f(a, a=1, b): pass
