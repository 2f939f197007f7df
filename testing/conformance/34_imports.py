# import forms against the local helper package pkg/ (absolute, from-import,
# aliases, star-import, relative imports inside the package, module caching).
import sys

print("-- import pkg")
import pkg
print(pkg.VERSION, pkg.exported_function(), pkg.Square(5), pkg.area_of(pkg.Square(7)))
print(pkg.__name__, pkg.__package__, pkg.__doc__.split(":")[0], pkg.shapes.__name__, pkg.util.PREFIX)
print(sorted(pkg.__all__), "pkg" in sys.modules, "pkg.shapes" in sys.modules, "pkg.util" in sys.modules)
print(pkg.__file__.endswith("pkg/__init__.py"), pkg.shapes.__file__.endswith("shapes.py"))

print("-- second import is cached")
import pkg as again
import pkg.util
print(again is pkg, pkg.util is sys.modules["pkg.util"], pkg.util.load_count)

print("-- from-import and aliases")
from pkg import Square as Sq, area_of
from pkg.util import clamp as c
from pkg.shapes import Square
print(Sq is Square, area_of(Sq(3)), c(-5, 0, 10), c(50, 0, 10))
import pkg.shapes as shp
print(shp.Square(2), shp.__package__)

print("-- star import honours __all__")
del Square, area_of
before = set(globals())
from pkg import *  # noqa: F401,F403,E402
print(sorted(k for k in set(globals()) - before if k != "before"))
print("exported_function" in globals(), "not_in_all" in globals(), "_private" in globals())

print("-- nested subpackage with '..' imports")
from pkg.sub import make, leaf
print(make(), leaf.SIDE, leaf.NAME, sys.modules["pkg.sub"].__name__)
import pkg.sub.leaf
print(pkg.sub.leaf is leaf, pkg.sub.parent_util is pkg.util)

print("-- import errors")
try:
    import pkg.missing_module
except ModuleNotFoundError as e:
    print("ModuleNotFoundError", e, e.name)
try:
    from pkg import does_not_exist
except ImportError as e:
    print("ImportError", str(e).split(" (")[0], e.name)
try:
    import definitely_not_a_module_123
except ImportError as e:
    print(type(e).__name__, e)

print("-- standard modules import the same way")
import math as m, collections.abc
from itertools import chain as ch
print(m.floor(2.5), list(ch("a", "b")), collections.abc.Sequence.__name__, __name__)
print(sorted(name for name in ("pkg", "pkg.sub", "pkg.sub.leaf", "pkg.shapes") if name in sys.modules))
