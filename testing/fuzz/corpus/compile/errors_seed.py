def f(a, a): pass
x = (1 +
print "hello"
return 5
nonlocal q
f(**k, *a)
