"""The VM side of the per-op overhead benchmark: the same ops as
torch_op_overhead.cc, called from Python, in ns per call with the loop's own
cost (measured on an empty body) subtracted. Prints one "name ns" line per
op. Run by run_torch_overhead.py."""

import sys
import time

import torch

N = int(sys.argv[1]) if len(sys.argv) > 1 else 200000
a = torch.ones(4)
b = torch.ones(4)


def timed(body):
    body(N // 10)
    start = time.perf_counter()
    body(N)
    return (time.perf_counter() - start) * 1e9 / N


def empty(n):
    for _ in range(n):
        c = a


def add(n):
    for _ in range(n):
        c = a + b


def add_scalar(n):
    for _ in range(n):
        c = a + 1.5


def relu(n):
    for _ in range(n):
        c = a.relu()


def sum_dim(n):
    for _ in range(n):
        c = a.sum(0)


def view(n):
    for _ in range(n):
        c = a.view(2, 2)


base = min(timed(empty) for _ in range(3))
for name, fn in [("add", add), ("add_scalar", add_scalar), ("relu", relu),
                 ("sum_dim", sum_dim), ("view", view)]:
    print(name, "%.1f" % (min(timed(fn) for _ in range(3)) - base))
