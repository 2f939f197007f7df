"""Create many small point objects with float attributes, normalize them and
reduce with a component-wise maximum.

Exercises object allocation, attribute stores, math.sin/cos/sqrt and method calls.
"""

import sys
from math import sin, cos, sqrt


class Point:
    __slots__ = ("x", "y", "z")

    def __init__(self, i):
        self.x = x = sin(i)
        self.y = cos(i) * 3.0
        self.z = (x * x) / 2.0

    def __repr__(self):
        return "<Point %.6f %.6f %.6f>" % (self.x, self.y, self.z)

    def normalize(self):
        x = self.x
        y = self.y
        z = self.z
        norm = sqrt(x * x + y * y + z * z)
        self.x = x / norm
        self.y = y / norm
        self.z = z / norm

    def maximize(self, other):
        if other.x > self.x:
            self.x = other.x
        if other.y > self.y:
            self.y = other.y
        if other.z > self.z:
            self.z = other.z
        return self


class PlainPoint:
    """Same as Point but with a __dict__, so both attribute layouts are timed."""

    def __init__(self, i):
        self.x = x = cos(i * 0.5)
        self.y = sin(i * 0.5) * 2.0
        self.z = x * 0.25

    def normalize(self):
        norm = sqrt(self.x * self.x + self.y * self.y + self.z * self.z)
        self.x /= norm
        self.y /= norm
        self.z /= norm

    def maximize(self, other):
        self.x = self.x if self.x > other.x else other.x
        self.y = self.y if self.y > other.y else other.y
        self.z = self.z if self.z > other.z else other.z
        return self


def reduce_max(points):
    best = points[0]
    for p in points[1:]:
        best.maximize(p)
    return best


def run_once(count):
    points = [Point(i) for i in range(count)]
    for p in points:
        p.normalize()
    a = reduce_max(points)
    others = [PlainPoint(i) for i in range(count)]
    for p in others:
        p.normalize()
    b = reduce_max(others)
    return a, b


def main(n):
    a = b = None
    for _ in range(n):
        a, b = run_once(20000)
    return a, b


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 18
    a, b = main(n)
    print("float %d %r %.6f %.6f %.6f" % (n, a, b.x, b.y, b.z))
