"""Plain helper submodule; counts how many times it was executed."""

print("  pkg.util executing")

PREFIX = "pkg:"
load_count = 1


def clamp(v, lo, hi):
    return max(lo, min(hi, v))
