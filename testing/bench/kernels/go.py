"""Random Go playouts on a 9x9 board with a flat Monte-Carlo move picker.

Exercises classes, lists and sets of points, flood fills, and the random
module (seeded).
"""

import sys
import random

EMPTY, BLACK, WHITE = 0, 1, 2
SIZE = 9
KOMI = 7.5


def other(color):
    return 3 - color


def build_neighbors(size):
    table = []
    for pos in range(size * size):
        row, col = divmod(pos, size)
        adj = []
        if row > 0:
            adj.append(pos - size)
        if row < size - 1:
            adj.append(pos + size)
        if col > 0:
            adj.append(pos - 1)
        if col < size - 1:
            adj.append(pos + 1)
        table.append(tuple(adj))
    return table


NEIGHBORS = build_neighbors(SIZE)


class Group:
    __slots__ = ("color", "stones", "liberties")

    def __init__(self, color):
        self.color = color
        self.stones = []
        self.liberties = set()


class Board:
    def __init__(self, size=SIZE):
        self.size = size
        self.cells = [EMPTY] * (size * size)
        self.ko = -1
        self.to_move = BLACK
        self.passes = 0
        self.history = []
        self.captured = {BLACK: 0, WHITE: 0}

    def copy(self):
        b = Board.__new__(Board)
        b.size = self.size
        b.cells = self.cells[:]
        b.ko = self.ko
        b.to_move = self.to_move
        b.passes = self.passes
        b.history = []
        b.captured = dict(self.captured)
        return b

    def group_at(self, pos):
        color = self.cells[pos]
        group = Group(color)
        seen = {pos}
        stack = [pos]
        cells = self.cells
        while stack:
            p = stack.pop()
            group.stones.append(p)
            for q in NEIGHBORS[p]:
                c = cells[q]
                if c == EMPTY:
                    group.liberties.add(q)
                elif c == color and q not in seen:
                    seen.add(q)
                    stack.append(q)
        return group

    def is_eye(self, pos, color):
        cells = self.cells
        for q in NEIGHBORS[pos]:
            if cells[q] != color:
                return False
        return True

    def play(self, pos):
        """Play pos for the side to move; return False (and change nothing)
        when illegal. pos < 0 is a pass."""
        color = self.to_move
        if pos < 0:
            self.passes += 1
            self.ko = -1
            self.to_move = other(color)
            self.history.append(pos)
            return True
        cells = self.cells
        if cells[pos] != EMPTY or pos == self.ko:
            return False
        cells[pos] = color
        enemy = other(color)
        removed = []
        for q in NEIGHBORS[pos]:
            if cells[q] == enemy:
                g = self.group_at(q)
                if not g.liberties:
                    for s in g.stones:
                        cells[s] = EMPTY
                    removed.extend(g.stones)
        mine = self.group_at(pos)
        if not mine.liberties:
            cells[pos] = EMPTY
            for s in removed:
                cells[s] = enemy
            return False
        self.captured[color] += len(removed)
        if len(removed) == 1 and len(mine.stones) == 1 and len(mine.liberties) == 1:
            self.ko = removed[0]
        else:
            self.ko = -1
        self.passes = 0
        self.to_move = enemy
        self.history.append(pos)
        return True

    def candidate_moves(self):
        color = self.to_move
        cells = self.cells
        return [p for p in range(len(cells))
                if cells[p] == EMPTY and not self.is_eye(p, color)]

    def random_move(self, rng):
        moves = self.candidate_moves()
        while moves:
            i = rng.randrange(len(moves))
            pos = moves[i]
            if self.play(pos):
                return pos
            moves[i] = moves[-1]
            moves.pop()
        self.play(-1)
        return -1

    def playout(self, rng, limit):
        count = 0
        while self.passes < 2 and count < limit:
            self.random_move(rng)
            count += 1
        return count

    def score(self):
        """Area score: black minus white, komi included."""
        cells = self.cells
        counts = {BLACK: 0, WHITE: 0}
        seen = set()
        for pos, c in enumerate(cells):
            if c != EMPTY:
                counts[c] += 1
            elif pos not in seen:
                region = [pos]
                seen.add(pos)
                borders = set()
                i = 0
                while i < len(region):
                    p = region[i]
                    i += 1
                    for q in NEIGHBORS[p]:
                        cq = cells[q]
                        if cq == EMPTY:
                            if q not in seen:
                                seen.add(q)
                                region.append(q)
                        else:
                            borders.add(cq)
                if len(borders) == 1:
                    counts[borders.pop()] += len(region)
        return counts[BLACK] - counts[WHITE] - KOMI

    def __str__(self):
        marks = ".XO"
        rows = []
        for r in range(self.size):
            rows.append("".join(marks[c] for c in self.cells[r * self.size:(r + 1) * self.size]))
        return "\n".join(rows)


def flat_monte_carlo(board, rng, playouts_per_move, candidates):
    color = board.to_move
    best_move, best_rate = -1, -1.0
    moves = board.candidate_moves()
    rng.shuffle(moves)
    for move in moves[:candidates]:
        trial = board.copy()
        if not trial.play(move):
            continue
        wins = 0
        for _ in range(playouts_per_move):
            sim = trial.copy()
            sim.playout(rng, 200)
            s = sim.score()
            if (s > 0) == (color == BLACK):
                wins += 1
        rate = wins / playouts_per_move
        if rate > best_rate:
            best_move, best_rate = move, rate
    return best_move, best_rate


def main(n):
    rng = random.Random(42)
    board = Board()
    log = []
    for _ in range(n):
        move, rate = flat_monte_carlo(board, rng, 4, 8)
        board.play(move)
        log.append((move, rate))
    final = board.copy()
    final.playout(rng, 300)
    return board, final, log


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    board, final, log = main(n)
    moves = ",".join("%d" % m for m, _ in log)
    print("go %d moves=%s score=%.1f captured=%d/%d board=%s"
          % (n, moves, final.score(), final.captured[BLACK], final.captured[WHITE],
             str(final).replace("\n", "/")))
