"""Fannkuch-redux: count pancake flips over all permutations of range(n).

Exercises list indexing, slice reversal, slice assignment and while loops.
"""

import sys


def fannkuch(n):
    perm1 = list(range(n))
    count = [0] * n
    max_flips = 0
    checksum = 0
    sign = 1
    r = n
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        # Count flips for the current permutation.
        perm = perm1[:]
        flips = 0
        first = perm[0]
        while first != 0:
            perm[:first + 1] = perm[first::-1]
            flips += 1
            first = perm[0]
        if flips > max_flips:
            max_flips = flips
        checksum += flips if sign == 1 else -flips
        sign = -sign
        # Next permutation in the rotation order.
        while True:
            if r == n:
                return checksum, max_flips
            head = perm1[0]
            perm1[:r] = perm1[1:r + 1]
            perm1[r] = head
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1


def main(n, size=8):
    total = 0
    result = None
    for _ in range(n):
        result = fannkuch(size)
        total += result[0]
    return total, result[0], result[1]


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    total, checksum, flips = main(n)
    print("fannkuch %d size=8 checksum=%d maxflips=%d total=%d"
          % (n, checksum, flips, total))
