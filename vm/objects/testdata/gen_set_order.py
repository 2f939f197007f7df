#!/usr/bin/python3.11
"""Writes set_order.txt: random sequences of set operations on ints and small
tuples of ints, with the iteration order (and pop results, frozenset hashes)
CPython 3.11 produces. set_order_test.cc replays them on SetObject.

One case per line: space-separated operations, a tab, the expected output.
  a:K  s.add(K)             d:K  s.discard(K)        p   s.pop() -> "pop K;"
  c    s = s.copy()         h    "hash H;" of frozenset(s)
  U:L  s = s | set(L)       I:L  s = s & set(L)      D:L  s = s - set(L)
  X:L  s = s ^ set(L)       u:L  s.update(L)         i:L  s.intersection_update(L)
  r:L  s.difference_update(L)                        x:L  s.symmetric_difference_update(L)
  f:L  s = set(L)           k:L  s = set(dict.fromkeys(L))
L is a comma-separated list of keys (possibly empty); a key is an int or a
tuple written (1;2). The expected output ends with the final elements in
iteration order, separated by spaces.

Usage: python3.11 vm/objects/testdata/gen_set_order.py > vm/objects/testdata/set_order.txt
"""
import random
import sys

assert sys.version_info[:2] == (3, 11), "generate with CPython 3.11"


def key_text(k):
    if isinstance(k, int):
        return str(k)
    return "(" + ";".join(map(str, k)) + ")"


def main():
    rnd = random.Random(20261126)
    out = sys.stdout
    for case in range(250):
        kind = rnd.random()
        n = rnd.choice([3, 5, 8, 12, 20, 40, 80])
        span = rnd.choice([10, 50, 1000, 10**6, 2**40, 2**62])

        def key():
            if kind < 0.4 or (kind < 0.8 and rnd.random() < 0.7):
                return rnd.randrange(-span, span)
            return tuple(rnd.randrange(-3, 12) for _ in range(rnd.randrange(0, 4)))

        def keys():
            return [key() for _ in range(rnd.randrange(0, 12))]

        s = set()
        ops = []
        results = []
        for _ in range(n):
            r = rnd.random()
            if r < 0.45 or not s:
                k = key()
                s.add(k)
                ops.append("a:" + key_text(k))
            elif r < 0.62:
                k = rnd.choice(list(s)) if rnd.random() < 0.7 else key()
                s.discard(k)
                ops.append("d:" + key_text(k))
            elif r < 0.68:
                results.append("pop %s;" % key_text(s.pop()))
                ops.append("p")
            elif r < 0.71:
                s = s.copy()
                ops.append("c")
            elif r < 0.73:
                results.append("hash %d;" % hash(frozenset(s)))
                ops.append("h")
            else:
                op = rnd.choice("UIDXuirxfk")
                lst = keys()
                if op in "IDX" and s and rnd.random() < 0.5:
                    lst += rnd.sample(list(s), min(len(s), 3))
                other = set(lst)
                if op == "U":
                    s = s | other
                elif op == "I":
                    s = s & other
                elif op == "D":
                    s = s - other
                elif op == "X":
                    s = s ^ other
                elif op == "u":
                    s.update(lst)
                elif op == "i":
                    s.intersection_update(lst)
                elif op == "r":
                    s.difference_update(lst)
                elif op == "x":
                    s.symmetric_difference_update(lst)
                elif op == "f":
                    s = set(lst)
                elif op == "k":
                    s = set(dict.fromkeys(lst))
                ops.append(op + ":" + ",".join(key_text(k) for k in lst))
        out.write(" ".join(ops) + "\t" + "".join(results) +
                  " ".join(key_text(k) for k in s) + "\n")


if __name__ == "__main__":
    main()
