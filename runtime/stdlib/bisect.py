"""Bisection on sorted sequences: find insertion points, insert in order."""

__all__ = ['bisect', 'bisect_left', 'bisect_right', 'insort', 'insort_left',
           'insort_right']


def _bounds(a, lo, hi):
    if lo < 0:
        raise ValueError('lo must be non-negative')
    if hi is None:
        hi = len(a)
    return lo, hi


def bisect_right(a, x, lo=0, hi=None, *, key=None):
    """The index after any items equal to x in sorted a[lo:hi]."""
    lo, hi = _bounds(a, lo, hi)
    while lo < hi:
        mid = (lo + hi) // 2
        if x < (a[mid] if key is None else key(a[mid])):
            hi = mid
        else:
            lo = mid + 1
    return lo


def bisect_left(a, x, lo=0, hi=None, *, key=None):
    """The index before any items equal to x in sorted a[lo:hi]."""
    lo, hi = _bounds(a, lo, hi)
    while lo < hi:
        mid = (lo + hi) // 2
        if (a[mid] if key is None else key(a[mid])) < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


def insort_right(a, x, lo=0, hi=None, *, key=None):
    """Inserts x after any equal items, keeping a sorted."""
    k = x if key is None else key(x)
    lo = bisect_right(a, k, lo, hi, key=key)
    a.insert(lo, x)


def insort_left(a, x, lo=0, hi=None, *, key=None):
    """Inserts x before any equal items, keeping a sorted."""
    k = x if key is None else key(x)
    lo = bisect_left(a, k, lo, hi, key=key)
    a.insert(lo, x)


bisect = bisect_right
insort = insort_right
