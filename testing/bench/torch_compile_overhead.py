"""The VM side of run_compile_overhead.py: ((x + 1) * 2).relu().sum() called
eagerly and through torch.compile (guards checked, out code run, graph run by
our executor), in ns per call. Prints "eager ns" and "compiled ns"."""

import sys
import time

import torch

N = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
NUMEL = int(sys.argv[2]) if len(sys.argv) > 2 else 4


def f(x):
    return ((x + 1) * 2).relu().sum()


def timed(fn, x):
    for _ in range(N // 10):
        fn(x)
    start = time.perf_counter()
    for _ in range(N):
        fn(x)
    return (time.perf_counter() - start) * 1e9 / N


x = torch.ones(NUMEL)
opt = torch.compile(f, backend="eager")
assert torch.equal(opt(x), f(x))
graph = torch._dynamo.compiled_frames(f)[0]
compiled_fn = f.__globals__[graph.out_code.co_names[0]] \
    if graph.out_code.co_names[0].startswith("__compiled_fn") else None
print("eager %.1f" % min(timed(f, x) for _ in range(3)))
print("compiled %.1f" % min(timed(opt, x) for _ in range(3)))
if compiled_fn is not None:
    print("graph %.1f" % min(timed(compiled_fn, x) for _ in range(3)))
