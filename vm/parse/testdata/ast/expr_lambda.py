a = lambda: 0
b = lambda x: x
c = lambda x, y=1: x + y
d = lambda *args, **kwargs: 0
e = lambda x, /, y, *, z: 0
f = lambda *, a=1, b: 0
g = lambda a, b=2, *c, d, e=5, **f: 0
h = lambda x=lambda y: y: x
