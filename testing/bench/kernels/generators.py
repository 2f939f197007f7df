"""Generator stress: deep chains of generators, yield from delegation through
a tree, generator expressions, send() driven coroutines and itertools.

Exercises generator creation, resumption, delegation and teardown.
"""

import sys
import itertools


def counter(n):
    i = 0
    while i < n:
        yield i
        i += 1


def add_one(source):
    for x in source:
        yield x + 1


def chain_depth(n, depth):
    gen = counter(n)
    for _ in range(depth):
        gen = add_one(gen)
    return gen


class Tree:
    def __init__(self, left, value, right):
        self.left = left
        self.value = value
        self.right = right

    def __iter__(self):
        if self.left is not None:
            yield from self.left
        yield self.value
        if self.right is not None:
            yield from self.right


def build_tree(lo, hi):
    if lo >= hi:
        return None
    mid = (lo + hi) // 2
    return Tree(build_tree(lo, mid), mid, build_tree(mid + 1, hi))


def averager():
    total = 0.0
    count = 0
    average = None
    while True:
        value = yield average
        if value is None:
            return count
        total += value
        count += 1
        average = total / count


def delegate(results):
    while True:
        count = yield from averager()
        results.append(count)


def pipeline(n):
    evens = (x for x in range(n) if x % 2 == 0)
    squares = (x * x for x in evens)
    pairs = zip(squares, itertools.count(1))
    return sum(a % (b + 7) for a, b in pairs)


def main(n):
    total = 0
    tree = build_tree(0, 2000)
    results = []
    for _ in range(n):
        total += sum(chain_depth(1000, 20))
        total += sum(tree)
        d = delegate(results)
        next(d)
        for group in range(20):
            for v in range(group + 5):
                d.send(float(v))
            d.send(None)
        d.close()
        total += pipeline(20000)
        total += sum(itertools.islice(itertools.chain.from_iterable(
            counter(k) for k in range(100)), 2000))
    return total, sum(results)


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 150
    total, sent = main(n)
    print("generators %d total=%d sent=%d" % (n, total, sent))
