# List/set/dict comprehensions and generator expressions.

print("-- list comprehensions")
print([x * x for x in range(10)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print([(x, y, z) for x in range(3) for y in "ab" if x != 1 for z in (True,)])
print([[y * x for y in range(4)] for x in range(3)])
print([c.upper() if c in "aeiou" else c for c in "comprehension"])
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([row[i] for i in range(3) for row in matrix], [list(col) for col in zip(*matrix)])
print([v for row in matrix for v in row if v % 2], [sum(r) for r in matrix])
print([i for i in [] if i], [None for _ in range(2)], [(lambda v: v + 1)(v) for v in range(3)])

print("-- set and dict comprehensions")
print(sorted({w.lower() for w in "The the THE a A b".split()}), {x % 5 for x in range(100) if x % 2})
print({k: v for k, v in zip("abc", range(3))}, {x: x ** 2 for x in range(-3, 4) if x})
print({v: k for k, v in {"a": 1, "b": 2, "c": 1}.items()}, {n: [m for m in range(n)] for n in range(4)})
words = "apple banana avocado blueberry cherry cranberry".split()
by_letter = {w[0]: [x for x in words if x[0] == w[0]] for w in words}
print(by_letter)

print("-- scoping")
x = "outer"
res = [x for x in range(3)]
print(res, x)
n = 10
print([n * i for i in range(3)], [[n + j for j in range(2)] for n in range(2)], n)


class K:
    base = [1, 2, 3]
    doubled = [v * 2 for v in base]
    try:
        broken = [v * len(base) for v in base]
    except NameError as e:
        broken = str(e)


print(K.doubled, K.broken)

print("-- generator expressions")
g = (x * 2 for x in range(5))
print(type(g).__name__, next(g), next(g), list(g), list(g))
print(sum(x * x for x in range(100)), max(len(w) for w in words), min((len(w), w) for w in words))
print(any(x > 8 for x in range(10)), all(x < 5 for x in range(10)), sorted((-x for x in range(4))))
print(list(zip((c for c in "abc"), (i for i in range(10)))), dict((k, len(k)) for k in words[:3]))
print(tuple(x for x in range(4)), set(x % 2 for x in range(5)), "".join(c for c in "hello" if c != "l"))
nested = ((i, j) for i in range(3) for j in range(3) if i < j)
print(list(nested))
it = iter(range(10))
pairs = list(zip(it, it))
print(pairs)


def lazy_source(log):
    for i in range(5):
        log.append(i)
        yield i


log = []
ge = (v * 10 for v in lazy_source(log))
print(log, next(ge), log, next(ge), log)
first_big = next((v for v in range(100) if v * v > 50), None)
none_found = next((v for v in range(5) if v > 10), "default")
print(first_big, none_found)

print("-- evaluation order")
order = []


def src(tag, vals):
    order.append("iter " + tag)
    return vals


result = [(a, b) for a in src("outer", [1, 2]) for b in src("inner", "xy")]
print(result, order)
order.clear()
gen = (a for a in src("gen-outer", [1]))
print(order)
print(list(gen))
try:
    [1 / v for v in (1, 0)]
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
