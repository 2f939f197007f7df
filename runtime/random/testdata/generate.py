#!/usr/bin/python3.11
"""Writes golden.txt, the sequences runtime/random's tests replay, with
CPython 3.11's random module.

Run from the repository root:
    /usr/bin/python3.11 runtime/random/testdata/generate.py

Each line is one operation and its result, tab-separated. A "seed_*" line
reseeds; every other line continues the sequence from the line before. Floats
are written as the hex of their IEEE bits so that the test compares them
exactly.
"""
import os
import random
import struct
import sys

assert sys.version_info[:2] == (3, 11), "the goldens follow CPython 3.11"

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "golden.txt")


def bits(x):
    return "%016x" % struct.unpack("<Q", struct.pack("<d", x))[0]


SEEDS = [0, 1, 42, 2 ** 40, -5, 2 ** 100, 2 ** 32, 2 ** 32 - 1, 2 ** 64 - 1,
         12345678901234567890123, -(2 ** 63), "hello", "", "\u00fcn\u00efc\u00f6d\u00e9",
         b"bytes\x00\xff", b"", bytearray(b"abc"), 3.14, -2.5, 1e300]


def seed_line(s):
    if isinstance(s, int):
        return ["seed_int", "-" if s < 0 else "+", "%x" % abs(s)]
    if isinstance(s, str):
        return ["seed_bytes", s.encode("utf-8").hex()]
    if isinstance(s, (bytes, bytearray)):
        return ["seed_bytes", bytes(s).hex()]
    return ["seed_hash", str(hash(s))]


def error(fn, *args):
    try:
        fn(*args)
    except (ValueError, IndexError) as e:
        return [type(e).__name__, str(e)]
    raise AssertionError("no error for %r" % (args,))


def session(rows, r, seed):
    r.seed(seed)
    rows.append(seed_line(seed))
    for _ in range(8):
        rows.append(["random", bits(r.random())])
    for a, b in [(1, 6)] * 12 + [(-10 ** 6, 10 ** 6), (0, 0), (5, 5),
                                  (-2 ** 63, 2 ** 63 - 1), (0, 2 ** 63 - 1),
                                  (-2 ** 63, -2 ** 63 + 2), (0, 2 ** 32)]:
        rows.append(["randint", a, b, r.randint(a, b)])
    for start, stop, step in [(0, 100, 7), (100, 0, -3), (0, 10, 1),
                              (-50, 50, 5), (10, -10, -1), (0, 1, 1),
                              (3, 4, 10), (-2 ** 63, 2 ** 63 - 1, 1),
                              (-2 ** 63, 2 ** 63 - 1, 3),
                              (2 ** 63 - 1, -2 ** 63, -7), (0, 2 ** 33, 2)]:
        for _ in range(3):
            rows.append(["randrange", start, stop, step,
                         r.randrange(start, stop, step)])
    for stop in [1, 2, 10, 2 ** 31, 2 ** 32, 2 ** 32 + 1, 2 ** 63 - 1]:
        rows.append(["randrange1", stop, r.randrange(stop)])
    for n in [1, 2, 3, 5, 20, 37, 1000]:
        x = list(range(n))
        r.shuffle(x)
        rows.append(["shuffle", n, " ".join(map(str, x))])
    for n in [1, 2, 37, 1000, 2 ** 20]:
        rows.append(["choice", n, r.choice(range(n))])
    for k in [0, 1, 5, 31, 32, 33, 63, 64, 65, 100, 128, 200, 1000]:
        rows.append(["getrandbits", k, "%x" % r.getrandbits(k)])
    for n in [2 ** 64, 2 ** 64 + 1, 3 ** 50, 2 ** 100 - 1, 10 ** 40]:
        rows.append(["randbelow_words", "%x" % n, "%x" % r._randbelow(n)])
    for a, b in [(0.0, 1.0), (-3.0, 7.5), (10.0, -10.0), (1e300, -1e300)]:
        rows.append(["uniform", repr(a), repr(b), bits(r.uniform(a, b))])
    for mu, sigma in [(0.0, 1.0)] * 5 + [(10.0, 2.5)] * 2:
        rows.append(["gauss", repr(mu), repr(sigma), bits(r.gauss(mu, sigma))])
    for mu, sigma in [(0.0, 1.0)] * 5 + [(-3.0, 0.5)] * 2:
        rows.append(["normalvariate", repr(mu), repr(sigma),
                     bits(r.normalvariate(mu, sigma))])
    for n in [0, 1, 3, 4, 7, 16]:
        rows.append(["randbytes", n, r.randbytes(n).hex()])
    # Seven gauss() calls leave the second value of a pair pending; the state
    # holds it until one more call uses it.
    state_row(rows, r)
    rows.append(["gauss", "0.0", "1.0", bits(r.gauss())])
    state_row(rows, r)
    rows.append(["random", bits(r.random())])


def state_row(rows, r):
    version, internal, gauss_next = r.getstate()
    rows.append(["state", internal[-1], internal[0], internal[623],
                 sum(internal[:624]) % 2 ** 32,
                 "none" if gauss_next is None else bits(gauss_next)])


def main():
    r = random.Random()
    rows = []
    for s in SEEDS:
        session(rows, r, s)
    r.seed(7)
    rows.append(seed_line(7))
    rows.append(["error_randint", 3, 2] + error(r.randint, 3, 2))
    rows.append(["error_randrange", 3, 3, 1] + error(r.randrange, 3, 3))
    rows.append(["error_randrange", 0, 10, 0] + error(r.randrange, 0, 10, 0))
    rows.append(["error_randrange", 10, 0, 1] + error(r.randrange, 10, 0, 1))
    rows.append(["error_randrange", 0, 10, -1] + error(r.randrange, 0, 10, -1))
    rows.append(["error_randrange1", 0] + error(r.randrange, 0))
    rows.append(["error_randrange1", -3] + error(r.randrange, -3))
    rows.append(["error_choice", 0] + error(r.choice, []))
    rows.append(["error_getrandbits", -1] + error(r.getrandbits, -1))
    rows.append(["random", bits(r.random())])
    with open(OUT, "w", newline="\n") as f:
        f.write("# Generated by generate.py with Python %s; do not edit.\n" %
                sys.version.split()[0])
        for row in rows:
            f.write("\t".join(map(str, row)) + "\n")
    print("golden.txt: %d lines, %d bytes" % (len(rows), os.path.getsize(OUT)))


if __name__ == "__main__":
    main()
