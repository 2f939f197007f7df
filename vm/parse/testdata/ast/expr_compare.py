a = x < y
b = x < y < z
c = x == y != z
d = x in y
e = x not in y
f = x is y
g = x is not y
h = a <= b >= c > d
i = not x == y
