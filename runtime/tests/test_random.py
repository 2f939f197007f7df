# random: seeded streams must match CPython exactly (ints, big ints, str and
# float seeds), the sequence helpers, distributions, state and errors.
import random

random.seed(2024)
print(random.random(), random.getrandbits(1), random.getrandbits(64), random.getrandbits(100))
print([random.randrange(100) for _ in range(8)], random.randrange(-10, 10, 3), random.randrange(10, 0, -2))
print(random.randint(-(2 ** 63), 2 ** 63 - 1), random.randrange(2 ** 64), random.randrange(2 ** 64 + 1))
print(random.randrange(10 ** 40, 10 ** 41), random.randint(5, 5), random.randrange(3))
for args in ((0,), (5, 5), (1, 10, 0), (10, 1)):
    try:
        random.randrange(*args)
    except ValueError as e:
        print("ValueError", e)
try:
    random.getrandbits(-1)
except ValueError as e:
    print("ValueError", e)
try:
    random.choice([])
except IndexError as e:
    print("IndexError", e)

print("-- seeds")
for seed in (0, 1, -1, 2 ** 32, 2 ** 64 - 1, 10 ** 50, "hello", "", "ünïcode", b"bytes", 1.5, True, None):
    random.seed(seed)
    print(repr(seed) if seed is not None else "None", random.random() if seed is not None else "-")

print("-- sequences")
random.seed(5)
data = list(range(10))
random.shuffle(data)
print(data, random.choice("xyz"), random.choice((1, 2, 3)), random.choice(range(1000)))
print(random.sample(range(10000), 10), random.sample("abcdefghij", 10), random.sample(data, 0))
print(random.sample(["red", "blue"], counts=[4, 2], k=5))
try:
    random.sample({1, 2, 3}, 2)
except TypeError as e:
    print("TypeError", e)
try:
    random.sample([1, 2], 3)
except ValueError as e:
    print("ValueError", e)
print(random.choices([1, 2, 3], k=4), random.choices("ab", [1, 3], k=4), random.choices("ab", cum_weights=[0.5, 1.0], k=3))
print(random.choices(range(3)), random.choices("abc", weights=(0, 0, 1), k=2))
for kwargs in ({"weights": [1], "k": 1}, {"weights": [0, 0], "k": 1}, {"weights": [1, 1], "cum_weights": [1, 2]}):
    try:
        random.choices("ab", **kwargs)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
letters = list("abcdef")
random.shuffle(letters)
print(letters)

print("-- distributions")
random.seed(77)
vals = [random.uniform(0, 1), random.triangular(), random.triangular(1, 5, 2), random.triangular(2, 2, 2),
        random.gauss(), random.gauss(5, 2), random.normalvariate(), random.lognormvariate(0, 1),
        random.expovariate(2), random.vonmisesvariate(0, 0), random.vonmisesvariate(3, 4),
        random.gammavariate(0.5, 1), random.gammavariate(1, 2), random.gammavariate(3, 1),
        random.betavariate(0.5, 0.5), random.paretovariate(2), random.weibullvariate(2, 3)]
print([round(v, 12) for v in vals])
try:
    random.gammavariate(0, 1)
except ValueError as e:
    print("ValueError", e)
print(random.randbytes(4), len(random.randbytes(100)), random.randbytes(0))

print("-- state and instances")
random.seed(1)
st = random.getstate()
print(type(st).__name__, st[0], len(st[1]), st[2])
x = [random.random() for _ in range(3)]
random.gauss()
st2 = random.getstate()
print(st2[2] is not None)
random.setstate(st)
print(x == [random.random() for _ in range(3)])
r = random.Random(10)
r2 = random.Random()
r2.seed(10)
print(r.random() == r2.random(), r.randint(1, 6), type(r).__name__, isinstance(r, random.Random))
r.setstate(random.getstate())
print(r.random() == random.random())
try:
    r.setstate((2, (), None))
except ValueError as e:
    print("ValueError", e)
