"""A Hexiom-like puzzle solver: place numbered tiles on a hexagonal board so
that every tile's number equals the count of its occupied neighbours.

Puzzles are generated from a seeded random layout; the solver counts every
solution by backtracking with bound checks. Exercises recursion, lists,
dicts, tuples, closures and early exits.
"""

import sys
import random

EMPTY = 7  # value index for "no tile"; tile values are 0..6


class HexBoard:
    def __init__(self, side):
        self.side = side
        r = side - 1
        self.coords = [(q, s) for q in range(-r, r + 1) for s in range(-r, r + 1)
                       if abs(q + s) <= r]
        # Spiral-ish order: centre first, so constraints bite early.
        self.coords.sort(key=lambda c: (max(abs(c[0]), abs(c[1]), abs(c[0] + c[1])), c))
        index = {c: i for i, c in enumerate(self.coords)}
        dirs = ((1, 0), (-1, 0), (0, 1), (0, -1), (1, -1), (-1, 1))
        self.neighbors = []
        for (q, s) in self.coords:
            adj = tuple(index[(q + dq, s + ds)] for dq, ds in dirs
                        if (q + dq, s + ds) in index)
            self.neighbors.append(adj)

    def __len__(self):
        return len(self.coords)


class Puzzle:
    def __init__(self, board, tiles, fixed):
        self.board = board
        self.tiles = tiles      # counts indexed by value 0..7 (7 = empty)
        self.fixed = fixed      # cell -> value


def generate(board, rng, fill, fixed_count):
    n = len(board)
    occupied = [rng.random() < fill for _ in range(n)]
    values = []
    for i in range(n):
        if occupied[i]:
            values.append(sum(1 for j in board.neighbors[i] if occupied[j]))
        else:
            values.append(EMPTY)
    tiles = [0] * 8
    for v in values:
        tiles[v] += 1
    cells = list(range(n))
    rng.shuffle(cells)
    fixed = {c: values[c] for c in cells[:fixed_count]}
    return Puzzle(board, tiles, fixed), values


class Solver:
    def __init__(self, puzzle):
        self.puzzle = puzzle
        self.board = puzzle.board
        n = len(self.board)
        self.values = [None] * n
        self.remaining = list(puzzle.tiles)
        self.nodes = 0
        self.solutions = []
        for cell, v in puzzle.fixed.items():
            self.values[cell] = v
            self.remaining[v] -= 1
        self.order = [c for c in range(n) if c not in puzzle.fixed]

    def fits(self, cell):
        v = self.values[cell]
        if v is None or v == EMPTY:
            return True
        occupied = unknown = 0
        for nb in self.board.neighbors[cell]:
            w = self.values[nb]
            if w is None:
                unknown += 1
            elif w != EMPTY:
                occupied += 1
        return occupied <= v <= occupied + unknown

    def search(self, k, limit):
        if len(self.solutions) >= limit:
            return
        if k == len(self.order):
            self.solutions.append(tuple(self.values))
            return
        cell = self.order[k]
        neighbors = self.board.neighbors[cell]
        remaining = self.remaining
        values = self.values
        for v in range(8):
            if remaining[v] == 0:
                continue
            self.nodes += 1
            values[cell] = v
            remaining[v] -= 1
            if self.fits(cell) and all(self.fits(nb) for nb in neighbors):
                self.search(k + 1, limit)
            remaining[v] += 1
            values[cell] = None

    def solve(self, limit=1000):
        for cell in self.puzzle.fixed:
            if not self.fits(cell):
                return []
        self.search(0, limit)
        return self.solutions


def render(board, values):
    marks = "0123456."
    return "".join(marks[v] for v in values)


def main(n):
    rng = random.Random(2024)
    board = HexBoard(3)
    report = []
    for _ in range(n):
        puzzle, truth = generate(board, rng, 0.6, 4)
        solver = Solver(puzzle)
        sols = solver.solve()
        assert tuple(truth) in sols
        report.append((len(sols), solver.nodes, render(board, sols[0])))
    return report


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 28
    report = main(n)
    total_nodes = sum(r[1] for r in report)
    print("hexiom %d solutions=%s nodes=%d first=%s"
          % (n, ",".join(str(r[0]) for r in report), total_nodes, report[-1][2]))
