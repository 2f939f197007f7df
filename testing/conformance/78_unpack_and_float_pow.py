# Sequence unpacking and float ** float, which the eval loop answers inline
# for exact lists and tuples of the right size and for positive finite
# bases; every other case keeps the general path's results and errors.

# Nested unpacking of lists and tuples (the n-body kernels' loop header).
pairs = [(([1.0, 2.0, 3.0], [0.1, 0.2, 0.3], 5.0), ([4.0, 5.0, 6.0], [0.4], 6.0))]
for (([x1, y1, z1], v1, m1), ([x2, y2, z2], v2, m2)) in pairs:
    print(x1 - x2, y1 - y2, z1 - z2, v1, v2, m1 * m2)
a, b = [1, 2]
(c,) = [3]
d, e, f = (4, 5, 6)
print(a, b, c, d, e, f)
for bad in ([1, 2, 3], [1], (1, 2, 3), (1,), "ab c", range(5), {1: 2, 3: 4, 5: 6}):
    try:
        p, q = bad
        print("ok", p, q)
    except ValueError as err:
        print("ValueError:", err)
try:
    p, q = 5
except TypeError as err:
    print("TypeError:", err)


class L(list):
    def __iter__(self):
        yield "from L.__iter__"
        yield "second"


p, q = L([1, 2])
print(p, q)
s, *rest = [1, 2, 3]
*init, last = (1, 2, 3)
print(s, rest, init, last)


def gen():
    yield 1
    yield 2


p, q = gen()
print(p, q)
items = [[1, 2], [3, 4]]
for first, second in items:
    first, second = second, first
    print(first, second)

# float ** float
vals = [2.5, 0.5, 1.0, 1e-300, 1e300, 3.0, 10.0]
exps = [-1.5, 0.5, 2.0, 0.0, -0.0, 1e10, -1e10, 3.0, 0.3333333333333333, 700.0]
for x in vals:
    row = []
    for y in exps:
        try:
            row.append(repr(x**y))
        except Exception as err:
            row.append(type(err).__name__ + ": " + str(err))
    print(row)
special = [
    (-2.0, 0.5),
    (0.0, -1.0),
    (0.0, 0.0),
    (-8.0, 1 / 3),
    (float("inf"), 2.0),
    (float("inf"), -2.0),
    (2.0, float("inf")),
    (0.5, float("-inf")),
    (float("nan"), 0.0),
    (1.0, float("nan")),
    (-1.0, 2.0),
    (2.0, 1024.0),
    (10.0, 400.0),
    (2.0, -1080.0),
]
for x, y in special:
    try:
        print(repr(x**y))
    except Exception as err:
        print(type(err).__name__, err)
acc = 2.0
acc **= 0.5
print(acc, 2.0**2, 2**0.5, 4.0 ** -1)
