"""The VM side of run_compile_overhead.py: ((x + 1) * 2).relu().sum() called
eagerly and through torch.compile (guards checked, out code run, graph run by
our executor), in ns per call. Prints "eager ns" and "compiled ns"."""

import sys
import time

import torch

N = int(sys.argv[1]) if len(sys.argv) > 1 else 100000


def f(x):
    return ((x + 1) * 2).relu().sum()


def timed(fn, x):
    for _ in range(N // 10):
        fn(x)
    start = time.perf_counter()
    for _ in range(N):
        fn(x)
    return (time.perf_counter() - start) * 1e9 / N


x = torch.ones(4)
opt = torch.compile(f, backend="eager")
assert torch.equal(opt(x), f(x))
print("eager %.1f" % min(timed(f, x) for _ in range(3)))
print("compiled %.1f" % min(timed(opt, x) for _ in range(3)))
