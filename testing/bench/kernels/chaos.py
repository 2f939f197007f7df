"""Chaos game: iterate randomly chosen affine maps (an iterated function
system) and rasterize the visited points into a grid.

Exercises small classes, method calls, float math and the random module
(seeded, so the picture is deterministic).
"""

import sys
import math
import random


class Vec:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def scaled(self, k):
        return Vec(self.x * k, self.y * k)

    def length(self):
        return math.sqrt(self.x * self.x + self.y * self.y)


class Affine:
    def __init__(self, a, b, c, d, e, f, weight):
        self.a, self.b, self.c, self.d = a, b, c, d
        self.offset = Vec(e, f)
        self.weight = weight

    def apply(self, p):
        return Vec(self.a * p.x + self.b * p.y,
                   self.c * p.x + self.d * p.y) + self.offset


class Rotation(Affine):
    def __init__(self, angle, scale, e, f, weight):
        ca = math.cos(angle) * scale
        sa = math.sin(angle) * scale
        super().__init__(ca, -sa, sa, ca, e, f, weight)


class ChaosGame:
    def __init__(self, maps, width, height, seed):
        self.maps = maps
        total = sum(m.weight for m in maps)
        acc = 0.0
        self.cumulative = []
        for m in maps:
            acc += m.weight / total
            self.cumulative.append(acc)
        self.width = width
        self.height = height
        self.grid = [[0] * width for _ in range(height)]
        self.rng = random.Random(seed)
        self.lo = Vec(-3.0, -0.5)
        self.hi = Vec(3.0, 10.5)

    def pick(self):
        r = self.rng.random()
        for m, bound in zip(self.maps, self.cumulative):
            if r < bound:
                return m
        return self.maps[-1]

    def plot(self, p):
        lo, hi = self.lo, self.hi
        if not (lo.x <= p.x < hi.x and lo.y <= p.y < hi.y):
            return False
        col = int((p.x - lo.x) / (hi.x - lo.x) * self.width)
        row = int((p.y - lo.y) / (hi.y - lo.y) * self.height)
        self.grid[row][col] += 1
        return True

    def run(self, steps):
        p = Vec(self.rng.uniform(-0.1, 0.1), self.rng.uniform(0.0, 0.1))
        outside = 0
        travelled = 0.0
        for i in range(steps):
            q = self.pick().apply(p)
            travelled += (q + p.scaled(-1.0)).length()
            p = q
            if i >= 20 and not self.plot(p):
                outside += 1
        return outside, travelled

    def checksum(self):
        h = 0
        for row in self.grid:
            for v in row:
                h = (h * 1000003 + v) % 4294967291
        return h


def fern():
    return [
        Affine(0.0, 0.0, 0.0, 0.16, 0.0, 0.0, 0.01),
        Affine(0.85, 0.04, -0.04, 0.85, 0.0, 1.6, 0.85),
        Affine(0.2, -0.26, 0.23, 0.22, 0.0, 1.6, 0.07),
        Affine(-0.15, 0.28, 0.26, 0.24, 0.0, 0.44, 0.07),
    ]


def spiral():
    return [
        Rotation(0.3, 0.8, 0.5, 1.5, 0.6),
        Rotation(-2.0, 0.4, -0.5, 4.0, 0.25),
        Rotation(1.2, 0.5, 1.0, 6.0, 0.15),
    ]


def main(n):
    results = []
    for i in range(n):
        game = ChaosGame(fern() if i % 2 == 0 else spiral(), 64, 64, 1234 + i)
        outside, travelled = game.run(20000)
        results.append((game.checksum(), outside, round(travelled, 6)))
    return results


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 18
    results = main(n)
    total = 0
    for c, o, t in results:
        total = (total * 31 + c + o) % 1000000007
    print("chaos %d %d %r" % (n, total, results[-1]))
