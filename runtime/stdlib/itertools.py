"""Iterator building blocks (itertools), written in Python for minidynamo.

count is the VM's native iterator class (from _itertools); repeat and chain
are classes (with CPython's reprs and chain.from_iterable); the others are
generator functions with the same arguments, results and errors as CPython
3.11's.
"""

import sys as _sys

__all__ = [
    'accumulate', 'chain', 'combinations', 'combinations_with_replacement',
    'compress', 'count', 'cycle', 'dropwhile', 'filterfalse', 'groupby',
    'islice', 'pairwise', 'permutations', 'product', 'repeat', 'starmap',
    'takewhile', 'tee', 'zip_longest',
]


# count is native (vm/interp/builtins_module.cc): a zip(xs, count()) loop
# steps it once per item.
from _itertools import count


def cycle(iterable):
    """cycle('ab') -> a b a b ..."""
    saved = []
    for element in iterable:
        yield element
        saved.append(element)
    if not saved:
        return
    while True:
        for element in saved:
            yield element


class repeat:
    """repeat(object[, times]): object, times times or forever."""

    def __init__(self, object, times=None):
        self._object = object
        if times is not None and times < 0:
            times = 0
        self._times = times

    def __iter__(self):
        return self

    def __next__(self):
        if self._times is None:
            return self._object
        if self._times <= 0:
            raise StopIteration
        self._times -= 1
        return self._object

    def __length_hint__(self):
        if self._times is None:
            raise TypeError('len() of unsized object')
        return self._times

    def __repr__(self):
        if self._times is None:
            return f'repeat({self._object!r})'
        return f'repeat({self._object!r}, {self._times})'


def accumulate(iterable, func=None, *, initial=None):
    """Running totals (or running func results): accumulate([1,2,3]) ->
    1 3 6."""
    it = iter(iterable)
    total = initial
    if initial is None:
        try:
            total = next(it)
        except StopIteration:
            return
    yield total
    if func is None:
        for element in it:
            total = total + element
            yield total
    else:
        for element in it:
            total = func(total, element)
            yield total


class chain:
    """chain('ab', [1]) -> a b 1; chain.from_iterable(['ab', [1]]) too."""

    def __init__(self, *iterables):
        self._source = iter(iterables)
        self._active = None

    @classmethod
    def from_iterable(cls, iterables):
        self = cls()
        self._source = iter(iterables)
        return self

    def __iter__(self):
        return self

    def __next__(self):
        while True:
            if self._active is None:
                if self._source is None:
                    raise StopIteration
                try:
                    self._active = iter(next(self._source))
                except StopIteration:
                    self._source = None
                    raise
            try:
                return next(self._active)
            except StopIteration:
                self._active = None


def compress(data, selectors):
    """The items of data whose selector is true."""
    for d, s in zip(data, selectors):
        if s:
            yield d


def dropwhile(predicate, iterable):
    """Skips items while predicate is true, then yields the rest."""
    it = iter(iterable)
    for x in it:
        if not predicate(x):
            yield x
            break
    for x in it:
        yield x


def takewhile(predicate, iterable):
    """Yields items while predicate is true."""
    for x in iterable:
        if predicate(x):
            yield x
        else:
            break


def filterfalse(predicate, iterable):
    """The items for which predicate is false (or which are false, when
    predicate is None)."""
    if predicate is None:
        predicate = bool
    for x in iterable:
        if not predicate(x):
            yield x


class groupby:
    """groupby(iterable, key=None): (key, group iterator) pairs for runs of
    equal keys. A group is valid until the next pair is taken."""

    def __init__(self, iterable, key=None):
        self._keyfunc = (lambda x: x) if key is None else key
        self._it = iter(iterable)
        self._tgtkey = self._currkey = self._currvalue = object()
        self._marker = self._currkey
        self._id = None

    def __iter__(self):
        return self

    def __next__(self):
        self._id = object()
        while self._currkey == self._tgtkey:
            self._currvalue = next(self._it)  # StopIteration ends groupby.
            self._currkey = self._keyfunc(self._currvalue)
        self._tgtkey = self._currkey
        return (self._currkey, self._grouper(self._tgtkey, self._id))

    def _grouper(self, tgtkey, id_):
        while self._id is id_ and self._currkey == tgtkey:
            yield self._currvalue
            try:
                self._currvalue = next(self._it)
            except StopIteration:
                return
            self._currkey = self._keyfunc(self._currvalue)


def _islice_index(value, message):
    if value is None:
        return None
    try:
        index = value.__index__()
    except (AttributeError, TypeError):
        raise ValueError(message) from None
    if not 0 <= index <= _sys.maxsize:
        raise ValueError(message)
    return index


def islice(iterable, *args):
    """islice(iterable, stop) or islice(iterable, start, stop[, step]): the
    items of a slice of an iterator, consuming no more than needed."""
    if len(args) == 1:
        start, stop, step = None, args[0], None
    elif len(args) in (2, 3):
        start, stop = args[0], args[1]
        step = args[2] if len(args) == 3 else None
    else:
        raise TypeError(f'islice expected at most 4 arguments, got {len(args) + 1}'
                        if args else 'islice expected at least 2 arguments, got 1')
    stop = _islice_index(stop, 'Stop argument for islice() must be None or an '
                               'integer: 0 <= x <= sys.maxsize.')
    start = _islice_index(start, 'Indices for islice() must be None or an '
                                 'integer: 0 <= x <= sys.maxsize.') or 0
    if step is None:
        step = 1
    else:
        try:
            step = step.__index__()
        except (AttributeError, TypeError):
            step = 0
        if step <= 0:
            raise ValueError('Step for islice() must be a positive integer or None.')
    return _islice_gen(iter(iterable), start, stop, step)


def _islice_gen(it, start, stop, step):
    i = 0
    nexti = start
    if stop is not None and nexti >= stop:
        # Consume up to start (as CPython does), yield nothing.
        for i, _ in zip(range(stop), it):
            pass
        return
    for element in it:
        if i == nexti:
            yield element
            nexti += step
            if stop is not None and nexti >= stop:
                # Consume the items up to stop that the slice skips.
                for _ in zip(range(i + 1, stop), it):
                    pass
                return
        i += 1


def starmap(function, iterable):
    """starmap(pow, [(2, 3)]) -> 8"""
    for args in iterable:
        yield function(*args)


class _TeeLink:
    __slots__ = ('value', 'next')

    def __init__(self):
        self.next = None


class _Tee:
    """One of tee()'s iterators: a cursor into a shared linked list of the
    items read so far."""

    def __init__(self, it, link):
        self._it = it
        self._link = link

    def __iter__(self):
        return self

    def __next__(self):
        link = self._link
        if link.next is None:
            value = next(self._it)
            link.value = value
            link.next = _TeeLink()
        value = link.value
        self._link = link.next
        return value

    def __copy__(self):
        return _Tee(self._it, self._link)


def tee(iterable, n=2):
    """n independent iterators over one iterable."""
    if n < 0:
        raise ValueError('n must be >= 0')
    if n == 0:
        return ()
    if isinstance(iterable, _Tee):
        first = iterable.__copy__()
    else:
        first = _Tee(iter(iterable), _TeeLink())
    return tuple([first] + [first.__copy__() for _ in range(n - 1)])


def zip_longest(*iterables, fillvalue=None):
    """Like zip, running to the longest input, padding with fillvalue."""
    iterators = [iter(it) for it in iterables]
    num_active = len(iterators)
    if not num_active:
        return
    while True:
        values = []
        for i, it in enumerate(iterators):
            try:
                value = next(it)
            except StopIteration:
                num_active -= 1
                if not num_active:
                    return
                iterators[i] = repeat(fillvalue)
                value = fillvalue
            values.append(value)
        yield tuple(values)


def pairwise(iterable):
    """pairwise('abc') -> ('a', 'b') ('b', 'c')"""
    it = iter(iterable)
    try:
        a = next(it)
    except StopIteration:
        return
    for b in it:
        yield (a, b)
        a = b


def product(*iterables, repeat=1):
    """The cartesian product: product('ab', range(2)) -> ('a', 0) ('a', 1)
    ('b', 0) ('b', 1)."""
    if repeat < 0:
        raise ValueError('repeat argument cannot be negative')
    pools = [tuple(pool) for pool in iterables] * repeat
    return _product_gen(pools)


def _product_gen(pools):
    for pool in pools:
        if not pool:
            return
    n = len(pools)
    indices = [0] * n
    yield tuple(pool[0] for pool in pools)
    while True:
        # Advance the rightmost index that can move; reset those after it.
        for i in reversed(range(n)):
            indices[i] += 1
            if indices[i] < len(pools[i]):
                break
            indices[i] = 0
        else:
            return
        yield tuple(pools[i][indices[i]] for i in range(n))


def permutations(iterable, r=None):
    """r-length orderings of the items, in lexicographic index order."""
    pool = tuple(iterable)
    n = len(pool)
    r = n if r is None else r
    if r < 0:
        raise ValueError('r must be non-negative')
    return _permutations_gen(pool, n, r)


def _permutations_gen(pool, n, r):
    if r > n:
        return
    indices = list(range(n))
    cycles = list(range(n, n - r, -1))
    yield tuple(pool[i] for i in indices[:r])
    while n:
        for i in reversed(range(r)):
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                yield tuple(pool[i] for i in indices[:r])
                break
        else:
            return


def combinations(iterable, r):
    """r-length subsequences of the items, in order."""
    pool = tuple(iterable)
    if r < 0:
        raise ValueError('r must be non-negative')
    return _combinations_gen(pool, r)


def _combinations_gen(pool, r):
    n = len(pool)
    if r > n:
        return
    indices = list(range(r))
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != i + n - r:
                break
        else:
            return
        indices[i] += 1
        for j in range(i + 1, r):
            indices[j] = indices[j - 1] + 1
        yield tuple(pool[i] for i in indices)


def combinations_with_replacement(iterable, r):
    """r-length subsequences allowing repeated items, in order."""
    pool = tuple(iterable)
    if r < 0:
        raise ValueError('r must be non-negative')
    return _cwr_gen(pool, r)


def _cwr_gen(pool, r):
    n = len(pool)
    if not n and r:
        return
    indices = [0] * r
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != n - 1:
                break
        else:
            return
        indices[i:] = [indices[i] + 1] * (r - i)
        yield tuple(pool[i] for i in indices)
