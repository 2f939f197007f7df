"""N-queens by brute force over permutations produced by a hand-written
generator, filtered with set comprehensions over the diagonals.

Exercises recursive generators, yield from, generator expressions, sets and
tuples.
"""

import sys


def permutations(items):
    """Yield every permutation of the tuple items (lexicographic by position)."""
    n = len(items)
    if n <= 1:
        yield items
        return
    for i in range(n):
        head = items[i]
        rest = items[:i] + items[i + 1:]
        for tail in permutations(rest):
            yield (head,) + tail


def solutions(size):
    cols = range(size)
    for vec in permutations(tuple(cols)):
        if (size == len({vec[i] + i for i in cols})
                == len({vec[i] - i for i in cols})):
            yield vec


def solve_backtracking(size):
    """Generator-based backtracking with sets of attacked lines."""
    def place(row, used, diag1, diag2):
        if row == size:
            yield ()
            return
        for col in range(size):
            if col in used or (row + col) in diag1 or (row - col) in diag2:
                continue
            used.add(col)
            diag1.add(row + col)
            diag2.add(row - col)
            for rest in place(row + 1, used, diag1, diag2):
                yield (col,) + rest
            used.remove(col)
            diag1.remove(row + col)
            diag2.remove(row - col)
    yield from place(0, set(), set(), set())


def main(n):
    brute = []
    smart = 0
    for _ in range(n):
        brute = list(solutions(8))
        smart = sum(1 for _ in solve_backtracking(8))
    return brute, smart


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 8
    brute, smart = main(n)
    print("nqueens %d n8brute=%d first=%r last=%r n8=%d"
          % (n, len(brute), brute[0], brute[-1], smart))
