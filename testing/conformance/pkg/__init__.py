"""Helper package for 34_imports.py: absolute and relative imports."""

print("  pkg/__init__ executing, __name__ =", __name__)

from .shapes import Square, area_of  # noqa: E402
from . import util  # noqa: E402

VERSION = (1, 2)
__all__ = ["Square", "area_of", "VERSION", "exported_function"]


def exported_function():
    return "exported from pkg"


def _private():
    return "private"


not_in_all = "hidden from star-import"
