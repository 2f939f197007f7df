"""all(), any() and sum() over generators: items that cannot decide the
result are taken without suspending the generator (the VM folds them at the
yield), so these check what a program can still see: where the generator
stops, what it yields after, errors raised by an item's truth or by the
addition (outside the generator's own try blocks), overflow into big ints,
floats, and a generator resumed from inside an item's __bool__."""

trace = []


def gen(items):
    for i, x in enumerate(items):
        trace.append(i)
        try:
            yield x
        except Exception as e:  # must not see errors of the consumer
            trace.append(("caught", type(e).__name__))
            raise
    trace.append("end")


def run(label, fn, items):
    trace.clear()
    g = gen(items)
    try:
        r = fn(g)
    except Exception as e:
        r = f"{type(e).__name__}: {e}"
    rest = list(g)
    print(label, repr(r), trace, rest)


run("all true", all, [1, True, 2.5, -1])
run("all stops", all, [1, 2, 0, 3, 4])
run("all None", all, [1, None, 2])
run("any false", any, [0, False, 0.0, None])
run("any stops", any, [0, 0, 7, 0, 5])
run("all str", all, [1, "x", "", 2])
run("any list", any, [0, [], [0], 1])
run("sum ints", sum, [1, 2, 3, 4])
run("sum overflow", sum, [2**62, 2**62, 2**62, -5])
run("sum floats", sum, [0.1, 0.2, 0.3])
run("sum mixed", sum, [1, 2.5, 3, 0.25])
run("sum bools", sum, [True, True, 3])
run("sum bad", sum, [1, 2, "x", 4])
run("sum start", lambda g: sum(g, 10), [1, 2])
run("sum float start", lambda g: sum(g, 0.5), [1.5, 2.0, 3])
run("sum big start", lambda g: sum(g, 2**70), [1, 2])


class Boom:
    def __bool__(self):
        raise ValueError("no truth")


run("all boom", all, [1, Boom(), 2])
run("any boom", any, [0, Boom(), 2])

g2 = None


class Peek:
    def __bool__(self):
        print("  peek ->", next(g2))
        return True


trace.clear()
g2 = gen([1, Peek(), 2, 3, 0, 9])
print("all peek", all(g2), trace, list(g2))
trace.clear()
g2 = gen([0, Peek(), 0, 5, 0])
print("any peek", any(g2), trace, list(g2))


def counting(n):
    total = 0
    for i in range(n):
        total += i
        yield i % 3 != 2
    yield total


print(all(x for x in range(1, 10)), any(x > 8 for x in range(10)))
print(sum(x * x for x in range(100)), sum(1 for _ in "abc"))
c = counting(5)
print(all(c), next(c, "done"), list(c))


def nested():
    yield from (1 for _ in range(3))
    yield 0
    yield from [4, 5]


n = nested()
print(all(n), list(n))
print(sum(x for x in (1, 2.0, 3)), sum((x for x in ()), 7))
