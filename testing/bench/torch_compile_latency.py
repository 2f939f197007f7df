"""First-call and warm-call costs of torch.compile on seed-style functions
(run by run_compile_overhead.py, or alone under bin/vm run). Prints
"first_call_us", "warm_eager_ns", "warm_compiled_ns"."""

import time

import torch

SRC = '''
def f_{i}(d, t):
    d[40] = t + 1
'''


def fresh(i):
    ns = {}
    # One file name per function, as functions of real modules have.
    exec(compile(SRC.format(i=i), "bench_%d.py" % i, "exec"), ns)
    return ns["f_%d" % i]


t = torch.randn(3, 4)
# First calls: trace + codegen + run, each on a new code object.
firsts = []
for i in range(20):
    f = fresh(i)
    opt = torch.compile(f, backend="eager", fullgraph=True)
    d = {1: t}
    start = time.perf_counter()
    opt(d, t)
    firsts.append(time.perf_counter() - start)
firsts.sort()
print("first_call_us %.1f" % (firsts[len(firsts) // 2] * 1e6))

# Warm calls: the same arguments each time (guards hit).
f = fresh(100)
opt = torch.compile(f, backend="eager", fullgraph=True)
N = 20000


def timed(fn):
    d = {1: t, 40: t}
    fn(d, t)
    start = time.perf_counter()
    for _ in range(N):
        fn(d, t)
    return (time.perf_counter() - start) * 1e9 / N


print("warm_eager_ns %.1f" % min(timed(f) for _ in range(3)))
print("warm_compiled_ns %.1f" % min(timed(opt) for _ in range(3)))
