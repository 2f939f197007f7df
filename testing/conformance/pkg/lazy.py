"""A module with a PEP 562 __getattr__ (and __dir__)."""

EAGER = "eager"


def __getattr__(name):
    if name.startswith("computed_"):
        return name[len("computed_"):].upper()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
