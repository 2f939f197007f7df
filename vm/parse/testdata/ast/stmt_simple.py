pass
break
continue
return
return x
return x, y
raise
raise E
raise E from e
raise E(1) from None
global a
global a, b
nonlocal c
nonlocal c, d
assert x
assert x, "msg"
del a
del a, b
del a.b, c[0]
del (a, b)
del [a, b]
del a,
