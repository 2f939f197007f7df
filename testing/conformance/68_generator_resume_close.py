# Generators resumed by for loops and `yield from` (run in the caller's eval
# loop), and suspended generators closed when freed: finally blocks and with
# exits run then, also for generators in reference cycles.
import gc
import sys
def g(n):
    for i in range(n):
        yield i
    return 'done'
print(list(g(3)), sum(g(10)))
def d():
    r = yield from g(2)
    print('r', r)
    yield r
print(list(d()))
def bad():
    yield 1
    raise StopIteration
try:
    for x in bad(): print(x)
except RuntimeError as e:
    print('RT', e, repr(e.__cause__))
def err():
    yield 1
    1/0
try:
    for x in err(): pass
except ZeroDivisionError as e:
    import traceback; traceback.print_exc(file=sys.stdout)
def exc_state():
    try:
        raise KeyError('in gen')
    except KeyError:
        yield sys.exc_info()[1]
        yield sys.exc_info()[1]
    yield sys.exc_info()[1]
try:
    raise ValueError('caller')
except ValueError:
    for v in exc_state():
        print(repr(v), repr(sys.exc_info()[1]))
def self_ref():
    yield next(me)
me = self_ref()
try:
    for x in me: pass
except ValueError as e: print(e)
def rec(n):
    if n: yield from rec(n-1)
    yield n
try:
    print(sum(rec(2000)))
except RecursionError as e: print('RecursionError')
def sender():
    x = yield 1
    while True:
        x = yield x * 2
def deleg():
    yield from sender()
s = deleg(); print(next(s), s.send(5), s.send(7))
def fin():
    try:
        yield 1
        yield 2
    finally:
        print('fin')
for x in fin():
    break
print('after')
def fin(tag):
    try:
        yield 1
        yield 2
    finally:
        print('finally', tag)
for x in fin('break'):
    break
print('after break')
g = fin('del'); next(g); del g; print('after del')
g = fin('unstarted'); del g; print('after unstarted')
class CM:
    def __enter__(self): print('enter'); return self
    def __exit__(self, *a): print('exit', a[0]); return False
def with_gen():
    with CM():
        yield 1
        yield 2
w = with_gen(); next(w); w = None; print('after with')
def cyc():
    me = yield 1
    try:
        yield me
    finally:
        print('finally cycle')
c = cyc(); next(c); c.send(c); del c
print('before collect'); gc.collect(); print('after collect')
def catches():
    try:
        yield 1
    except GeneratorExit:
        print('got GeneratorExit')
        raise
cg = catches(); next(cg); cg = None
def nested():
    yield from fin('inner')
n = nested(); next(n); del n; print('after nested')
import contextlib
@contextlib.contextmanager
def ctx():
    print('ctx enter')
    try:
        yield
    finally:
        print('ctx finally')
cm = ctx(); cm.__enter__(); del cm; print('after ctx')
def exhausted():
    try:
        yield 1
    finally:
        print('fin exhausted')
print(list(exhausted()))
