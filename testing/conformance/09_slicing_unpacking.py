# Slicing (basic, extended, negative, assignment, deletion) and unpacking forms.

s = list(range(10))
text = "abcdefghij"
tup = tuple(range(10))

print("-- basic slices")
for lo, hi in ((None, None), (2, 5), (-3, None), (None, -3), (5, 2), (-100, 100), (3, 3), (8, -1)):
    print(lo, hi, s[lo:hi], text[lo:hi], tup[lo:hi])

print("-- extended slices")
for lo, hi, st in ((None, None, 2), (None, None, -1), (1, 8, 3), (8, 1, -2), (-1, -8, -3),
                   (None, None, -3), (100, None, -4), (None, -100, -1), (2, None, 100)):
    print(lo, hi, st, s[lo:hi:st], text[lo:hi:st], tup[lo:hi:st])
print(text[::-1], s[::-1][::2], text[1::2] + text[::2])

print("-- slice objects")
sl = slice(1, 9, 2)
print(sl, sl.start, sl.stop, sl.step, s[sl], text[sl], slice(3), slice(None, 5).indices(10))
print(slice(-3, None).indices(10), slice(None, None, -1).indices(5), slice(1, 2) == slice(1, 2))
print(range(20)[2:15:3], range(10)[::-1], range(0, 30, 5)[-2:], b"bytes!"[1:4])

print("-- slice assignment")
a = list(range(10))
a[2:5] = ["x", "y"]; print(a)
a[:0] = [-2, -1]; print(a)
a[len(a):] = [100]; print(a)
a[1:3] = []; print(a)
a[::2] = "ABCDE"; print(a)
a[-3:] = (7, 8, 9, 10, 11); print(a)
a[:] = range(5); print(a)
a[1:4:2] = [10, 30]; print(a)
a[::-1] = [5, 4, 3, 2, 1]; print(a)
try:
    a[::2] = [1, 2]
except ValueError as e:
    print("ValueError", e)
b = [1, 2, 3]
b[5:10] = [9]; print(b)
b[-10:1] = ["start"]; print(b)

print("-- slice deletion")
c = list(range(12))
del c[1:3]; print(c)
del c[::3]; print(c)
del c[-2:]; print(c)
del c[::-2]; print(c)
del c[:]; print(c)

print("-- unpacking")
x, y = 1, 2
x, y = y, x
print(x, y)
a, b, c = "xyz"
print(a, b, c)
(a, b), c = (1, 2), 3
print(a, b, c)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = range(5)
print(init, last)
head, *middle, tail = "abcdef"
print(head, middle, tail)
p, *q = [1]
print(p, q)
[m, [n, *o]], r = [10, [20, 30, 40]], 50
print(m, n, o, r)
for i, (k, v) in enumerate({"a": 1, "b": 2}.items()):
    print(i, k, v)
for a, *b in [(1, 2, 3), (4,), (5, 6)]:
    print(a, b)
i = 0
data = [0, 0, 0]
i, data[i] = 1, 9
print(i, data)
obj = type("O", (), {})()
obj.x, obj.y = 3, 4
print(obj.x, obj.y)
d = {}
d["a"], d["b"] = d["b"], d["a"] = 1, 2
print(d)
x = y = z = [0]
print(x is z, x, y)
t1 = 1,
print(t1, *t1, *"ab", *[1, 2], sep="|")
print(*range(3), *{"k": 0}, **{"sep": "-", "end": "!\n"})

print("-- unpacking errors")
for src in ([1, 2, 3], [1], "abcd", []):
    try:
        a, b = src
        print(a, b)
    except ValueError as e:
        print("ValueError", e)
try:
    a, b, *c, d = [1, 2]
except ValueError as e:
    print("ValueError", e)
try:
    a, b = 5
except TypeError as e:
    print("TypeError", e)
