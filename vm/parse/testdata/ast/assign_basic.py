x = 1
y = x
z = y = x
a, b = 1, 2
(a, b) = [c, d] = e
[a, *b] = c
a.b = 1
a[0] = 2
a.b.c[1][2] = 3
