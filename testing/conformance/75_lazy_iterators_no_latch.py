# zip, map, filter and enumerate ask their sources again on every next(),
# even after one ended (they do not latch, unlike list and range iterators),
# and a source may re-enter the iterator it feeds.


class Flaky:
    """Ends every third call, then goes on."""

    def __init__(self):
        self.calls = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.calls += 1
        if self.calls % 3 == 0:
            raise StopIteration
        return self.calls


makers = [
    ("zip", lambda f: zip(f)),
    ("zip2", lambda f: zip(f, "abcdefghij")),
    ("map", lambda f: map(str, f)),
    ("map2", lambda f: map(lambda a, b: a * b, f, [10] * 10)),
    ("filter", lambda f: filter(None, f)),
    ("filter_fn", lambda f: filter(lambda v: v % 2, f)),
    ("enumerate", lambda f: enumerate(f)),
    ("enumerate_start", lambda f: enumerate(f, 100)),
]
for name, make in makers:
    f = Flaky()
    it = make(f)
    print(name, list(it), list(it), list(it), f.calls)

# The sequence iterators do latch.
for seq in ([1, 2], (1, 2), "ab", range(2), {1: 2}, {5}, b"xy"):
    it = iter(seq)
    print(type(seq).__name__, list(it), list(it))


class Reenter:
    """On its second call, drains the iterator it feeds."""

    def __init__(self):
        self.target = None
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        if self.n == 2:
            for _ in self.target:
                pass
        if self.n > 5:
            raise StopIteration
        return self.n


r = Reenter()
z = zip([1, 2, 3, 4], r, [7, 8, 9, 10])
r.target = z
print("zip reentered", list(z))

r = Reenter()
m = map(lambda a, b: (a, b), [1, 2, 3], r)
r.target = m
print("map reentered", list(m))

# Many sources (more than fit in a small buffer).
print(list(zip(*[range(i, i + 3) for i in range(9)])))
print(list(map(lambda *a: sum(a), *[range(i, i + 3) for i in range(9)])))

# strict=True: the length checks still run.
for args in (([1, 2], [3, 4]), ([1, 2], [3]), ([1], [3, 4]), ([1], [2], [3, 4])):
    try:
        print(list(zip(*args, strict=True)))
    except ValueError as e:
        print("ValueError:", e)

# An error from a source propagates, and the iterator can be asked again.
class Boom:
    def __init__(self):
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        if self.n == 2:
            raise KeyError("boom")
        if self.n > 3:
            raise StopIteration
        return self.n


z = zip(Boom())
print(next(z))
try:
    next(z)
except KeyError as e:
    print("KeyError:", e)
print(list(z))

# zip and enumerate may refill their last result tuple once the loop has let
# it go; results that are kept stay as they were, and hashes follow the
# contents.
kept = []
for t in zip("abc", range(3)):
    kept.append(t)
print(kept, list(zip("xy", "zw")), list(enumerate("pq", 5)))
seen = {}
for t in enumerate("aab"):
    seen[t] = hash(t) == hash((t[0], t[1]))
print(seen)
hashes = [hash(t) == hash(tuple(list(t))) for t in zip([1, 2, 3], "abc")]
print(hashes)
last = None
for pair in enumerate(["x", "y", "z"]):
    if last is not None:
        print("previous", last, "now", pair)
    last = pair
z = zip([1, 2], [3, 4])
first = next(z)
second = next(z)
print(first, second, first is second)
