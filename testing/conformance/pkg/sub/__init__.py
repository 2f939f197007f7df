"""Nested subpackage: imports from its parent with '..'."""

from .. import util as parent_util
from ..shapes import Square
from . import leaf

print("  pkg.sub executing, parent util prefix:", parent_util.PREFIX)


def make():
    return Square(leaf.SIDE)
