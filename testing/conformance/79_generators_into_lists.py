# list(g), tuple(g) and list.extend(g) run a generator to its end without
# suspending it between items; everything a program can see stays as when
# each item is asked for in turn: sends before, the list growing in the
# generator's sight, errors and their tracebacks, re-entry, yield from,
# finally blocks, StopIteration inside, the exception being handled.
import traceback
def g(n):
    for i in range(n):
        x = yield i
        if x is not None:
            print("got", x)
print(list(g(5)), tuple(g(3)), list(x * 2 for x in range(4)), tuple(x for x in ()))
h = g(5); print(next(h), list(h), list(h))
h = g(3); next(h); print(h.send("sent"), tuple(h))
l = [0]
l.extend(len(l) for _ in range(3)); print(l)
def seer(lst):
    for i in range(3):
        yield len(lst)
m = [9]; m.extend(seer(m)); print(m)
def boom():
    yield 1
    raise ValueError("boom")
try: list(boom())
except ValueError: traceback.print_exc()
def selfref():
    yield 1
    yield list(it)
it = selfref()
try: print(list(it))
except ValueError as e: print("ValueError", e)
def gen_state():
    yield gs.gi_running
    yield gs.gi_suspended
gs = gen_state(); print(list(gs), gs.gi_running, gs.gi_suspended)
def yf():
    r = yield from g(3)
    yield ("inner returned", r)
print(list(yf()))
def fin():
    try:
        yield 1
        yield 2
    finally:
        print("finally ran")
print(tuple(fin()))
print(",".join(str(x) for x in range(4)), sorted(x for x in (3, 1, 2)), bytes(x for x in b"ab"), dict((k, k) for k in "ab"))
def stop_inside():
    yield 1
    raise StopIteration
try: print(list(stop_inside()))
except RuntimeError as e: print("RuntimeError", e)
def exc_state():
    try:
        raise KeyError("k")
    except KeyError:
        yield 1
        import sys
        yield repr(sys.exc_info()[1])
print(list(exc_state()))
