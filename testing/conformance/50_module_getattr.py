# PEP 562: a module's own __getattr__ answers attributes it lacks.
import pkg.lazy as lazy
from pkg.lazy import computed_thing

print(lazy.EAGER, lazy.computed_value, computed_thing)
print(getattr(lazy, "missing", "fallback"), hasattr(lazy, "missing"))
print(hasattr(lazy, "computed_x"))
try:
    lazy.missing
except AttributeError as e:
    print(type(e).__name__, e)
try:
    from pkg.lazy import missing  # noqa: F401
except ImportError as e:
    print(type(e).__name__, e)
