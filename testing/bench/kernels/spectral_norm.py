"""Spectral norm of the infinite matrix A(i, j) = 1 / ((i+j)(i+j+1)/2 + i + 1).

Power iteration with A and its transpose: nested loops, small function calls
and float arithmetic.
"""

import sys


def entry(i, j):
    s = i + j
    return 1.0 / ((s * (s + 1) >> 1) + i + 1)


def times_a(v):
    n = len(v)
    out = []
    for i in range(n):
        acc = 0.0
        for j in range(n):
            acc += entry(i, j) * v[j]
        out.append(acc)
    return out


def times_at(v):
    n = len(v)
    out = []
    for i in range(n):
        acc = 0.0
        for j in range(n):
            acc += entry(j, i) * v[j]
        out.append(acc)
    return out


def times_ata(v):
    return times_at(times_a(v))


def spectral_norm(size, rounds):
    u = [1.0] * size
    v = u
    for _ in range(rounds):
        v = times_ata(u)
        u = times_ata(v)
    vbv = 0.0
    vv = 0.0
    for ue, ve in zip(u, v):
        vbv += ue * ve
        vv += ve * ve
    return (vbv / vv) ** 0.5


def main(n):
    result = 0.0
    for _ in range(n):
        result = spectral_norm(100, 10)
    return result


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 9
    print("spectral_norm %d %.12f" % (n, main(n)))
