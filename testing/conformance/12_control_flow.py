# if/elif/else, while/for with else, break/continue, nested loops, match-free.

print("-- if/elif/else")
for v in (-5, 0, 3, 10, 100):
    if v < 0:
        kind = "negative"
    elif v == 0:
        kind = "zero"
    elif v < 10:
        kind = "small"
    elif v < 50:
        kind = "medium"
    else:
        kind = "large"
    print(v, kind)

print("-- while with else")
i = 0
while i < 5:
    i += 1
    if i == 2:
        continue
    print("while", i)
else:
    print("while finished normally", i)
i = 0
while True:
    i += 1
    if i > 3:
        break
print("after infinite loop", i)
n = 10
while n > 0:
    n -= 3
    if n == 1:
        print("breaking at", n)
        break
else:
    print("never printed")
print("n =", n)

print("-- for with else")
for ch in "abc":
    print("for", ch)
else:
    print("for finished")
for x in range(10):
    if x * x > 20:
        print("found", x)
        break
else:
    print("not found")
for x in []:
    print("never")
else:
    print("empty loop else runs")


def find_prime_factor(n):
    for p in range(2, n):
        if n % p == 0:
            return p
    else:
        return None


print([find_prime_factor(v) for v in (15, 17, 49, 2, 91)])

print("-- nested loops with break/continue")
for i in range(4):
    for j in range(4):
        if j == i:
            continue
        if j > 2:
            break
        print(i, j, end="; ")
    else:
        print("inner else at", i, end="; ")
    print()
found = None
for i in range(2, 30):
    for j in range(2, i):
        if i % j == 0:
            break
    else:
        if i > 20:
            found = i
            break
print("first prime over 20:", found)

print("-- loop variables after the loop")
for k in range(3):
    pass
print("k =", k)
for k, v in zip("ab", [1, 2]):
    pass
print(k, v)

print("-- iterating while modifying copies")
items = [1, 2, 3, 4, 5, 6]
for x in items[:]:
    if x % 2 == 0:
        items.remove(x)
print(items)
d = {"a": 1, "b": 2, "c": 3}
for key in list(d):
    if d[key] == 2:
        del d[key]
print(d)
try:
    for key in d:
        d["new"] = 1
except RuntimeError as e:
    print("RuntimeError", e)

print("-- range forms")
print(list(range(5)), list(range(2, 8)), list(range(10, 0, -3)), list(range(0)), list(range(5, 2)))
print(range(10)[3], len(range(0, 100, 7)), 49 in range(0, 100, 7), 50 in range(0, 100, 7))
print(range(1, 10, 2).index(7), range(5).count(3), range(3) == range(0, 3), repr(range(1, 5, 2)))
r = range(-5, 5, 3)
print(list(r), r.start, r.stop, r.step, r[-1], list(reversed(r)), sum(range(101)))

print("-- pass, ellipsis, and empty bodies")
if True:
    pass
while False:
    pass


class Empty:
    ...


print(Empty.__name__, ..., Ellipsis is ..., type(...).__name__)

print("-- walrus")
data = [5, 12, 7, 20, 3]
if (count := len(data)) > 3:
    print("count", count)
big = [y for x in data if (y := x * 2) > 15]
print(big, y)
buf = list(range(7))
while (chunk := buf[:3]):
    print(chunk)
    buf = buf[3:]
