a = [x for x in y]
b = [x for x in y if x]
c = [x for x in y if x if z]
d = [x + y for x in a for y in b]
e = {x for x in y}
f = {k: v for k, v in items}
g = (x for x in y)
h = [x for x, in y]
i = [(x, y) for x in a if x for y in b if y]
j = [x for x in lambda_free if not x]
k = [[y for y in x] for x in z]
l = [x async for x in y]
m = [await x for x in y]
n = [x for *a, b in c]
o = [y := f(x) for x in z]
