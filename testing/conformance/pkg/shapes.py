"""Submodule with a class; imports a sibling with a relative import."""

print("  pkg.shapes executing, __name__ =", __name__, "__package__ =", __package__)

from .util import clamp, PREFIX  # noqa: E402


class Square:
    def __init__(self, side):
        self.side = clamp(side, 0, 100)

    def __repr__(self):
        return f"{PREFIX}Square({self.side})"


def area_of(shape):
    return shape.side ** 2
