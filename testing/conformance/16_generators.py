# Generators: yield, yield from, send/throw/close, return values, StopIteration.

print("-- basic generators")


def countdown(n):
    while n > 0:
        yield n
        n -= 1
    return "liftoff"


g = countdown(3)
print(type(g).__name__, next(g), next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration value:", e.value, repr(e))
print(list(countdown(5)), list(countdown(0)), sum(countdown(100)))
try:
    next(g)
except StopIteration as e:
    print("exhausted again:", e.value)

print("-- yield expressions and send")


def echo():
    received = []
    while True:
        value = yield len(received)
        if value is None:
            break
        received.append(value)
    return received


e = echo()
print(next(e), e.send("a"), e.send("b"), e.send("c"))
try:
    e.send(None)
except StopIteration as stop:
    print("returned", stop.value)
fresh = echo()
try:
    fresh.send("x")
except TypeError as err:
    print("TypeError", err)


def running_avg():
    total = count = 0
    avg = None
    while True:
        x = yield avg
        total += x
        count += 1
        avg = total / count


ra = running_avg()
next(ra)
print([ra.send(v) for v in (10, 20, 30, 40)])

print("-- yield from")


def inner():
    a = yield "inner-1"
    b = yield f"inner-2 got {a}"
    return f"inner result {a},{b}"


def outer():
    r = yield from inner()
    yield "outer got: " + r
    yield from range(2)
    yield from ["x", "y"]
    return "outer done"


o = outer()
print(next(o), o.send("A"), o.send("B"), next(o), next(o), next(o), next(o))
try:
    next(o)
except StopIteration as stop:
    print(stop.value)


def flatten(items):
    for it in items:
        if isinstance(it, list):
            yield from flatten(it)
        else:
            yield it


print(list(flatten([1, [2, [3, [4, [5]]]], 6, [[7]], []])))

print("-- throw and close")


def guarded():
    try:
        while True:
            try:
                yield "working"
            except ValueError as err:
                yield f"handled {err}"
    finally:
        print("  cleanup in finally")


gg = guarded()
print(next(gg), gg.throw(ValueError("bad")), next(gg))
try:
    gg.throw(KeyError("k"))
except KeyError as err:
    print("propagated KeyError", err)
print(next(gg, "exhausted"))
gc_ = guarded()
next(gc_)
gc_.close()
gc_.close()
print("closed twice ok")


def ignores_close():
    try:
        yield 1
    except GeneratorExit:
        yield 2


ic = ignores_close()
next(ic)
try:
    ic.close()
except RuntimeError as err:
    print("RuntimeError", err)
print(next(ic, "finished after ignored close"))


def close_returns():
    try:
        yield 1
    finally:
        print("  finally on close")


cr = close_returns()
print(next(cr))
cr.close()
unstarted = close_returns()
unstarted.close()
print("unstarted close does not run finally")


def delegating():
    try:
        yield from guarded()
    except ZeroDivisionError:
        yield "outer caught ZeroDivisionError"


dg = delegating()
print(next(dg), dg.throw(ValueError("via delegation")), dg.throw(ZeroDivisionError))

print("-- generator state and misc")


def simple():
    yield 1


s = simple()
print(s.gi_running, s.gi_frame is not None, simple.__name__, s.__name__, s.__qualname__)
print(list(s), s.gi_frame)


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


f = fib()
print([next(f) for _ in range(15)])


def stop_inside():
    yield 1
    raise StopIteration("inside")


try:
    list(stop_inside())
except RuntimeError as err:
    print("RuntimeError", err, type(err.__cause__).__name__)


def gen_with_return_in_try():
    try:
        yield "a"
        return "ret"
    finally:
        yield "from finally"


print(list(gen_with_return_in_try()))


def pipeline():
    nums = (i for i in range(20))
    evens = (n for n in nums if n % 2 == 0)
    squares = (n * n for n in evens)
    return list(squares)


print(pipeline())
it = iter([1, 2, 3])
print(next(it), list(it), next(it, "done"))
g2 = (x for x in range(3))
print(iter(g2) is g2, list(g2))
