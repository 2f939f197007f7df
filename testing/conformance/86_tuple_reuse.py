# Tuples freed and made again: hashes, item release order, tracking and
# identity behave as for fresh tuples (the VM reuses freed tuples by size).
import gc


def hashes():
    seen = []
    for i in range(5):
        t = (i, i + 1)
        seen.append(hash(t) == hash((i, i + 1)))
        del t
    # A tuple whose hash was cached, freed, then one of the same size with
    # other items.
    a = (10, 20, 30)
    h1 = hash(a)
    del a
    b = (11, 21, 31)
    print(all(seen), h1 == hash((10, 20, 30)), hash(b) == hash((11, 21, 31)))
    print(len({(i, i) for i in range(100)}), {(1, 2): "x"}[(1, 2)])


class Noisy:
    def __init__(self, name, log):
        self.name = name
        self.log = log

    def __del__(self):
        self.log.append(self.name)


def release_order():
    log = []
    t = (Noisy("a", log), Noisy("b", log), Noisy("c", log))
    del t
    print("released", log)
    # An item's __del__ that builds tuples of the same size while the tuple
    # holding it is being released.
    made = []

    class Builder:
        def __del__(self):
            for i in range(3):
                made.append((i, i, i))

    t = (Builder(), 1, 2)
    del t
    print("built during release", made)
    u = (7, 8, 9)
    print(u, made[2] == (2, 2, 2))


def tracking():
    x = (1, 2)
    y = ([], 2)
    print(gc.is_tracked(y), type(x) is tuple, x == (1, 2))
    del x, y
    z = ([1], [2])
    gc.collect()
    print(gc.is_tracked(z), z)
    # A cycle through a tuple made from a reused one is still collected.
    lst = []
    t = (lst, 1)
    lst.append(t)
    del lst, t
    print("collected", gc.collect() >= 2)


class Pair(tuple):
    pass


def subclasses():
    p = Pair((1, 2))
    p.note = "kept"
    q = p
    del p
    print(type(q).__name__, q, q.note)
    del q
    r = (1, 2)
    print(type(r).__name__, r, hasattr(r, "note"))


def many():
    total = 0
    keep = []
    for i in range(5000):
        t = (i,) + (i, i)
        total += t[0] + t[2]
        if i % 1000 == 0:
            keep.append(t)
    print(total, keep[-1], len(keep))
    print(tuple(range(3)), tuple(x for x in "ab"), (1,) * 4, ())


def concatenation():
    # tuple + tuple builds into recycled tuples of the result's size.
    class T(tuple):
        pass

    junk = [(i, -i, str(i)) for i in range(50)]
    del junk
    a, b = ("x", [1]), (2.5, None, "y")
    c = a + b
    print(c, len(c), c[1] is a[1], T(a) + b, type(T(a) + b).__name__)
    print(a + (), () + b, type(T() + a).__name__, (a + ()) is a, (() + b) is b)
    print(T(a) + () == a, type(T(a) + ()).__name__, type(() + T(b)).__name__)
    big = tuple(range(15)) + tuple(range(10))
    print(len(big), big[14:17], sum(big))
    rows = []
    for i in range(30):
        rows.append((i,) + (str(i), (i, i)) + (None,))
    print(rows[0], rows[-1], len({r[1] for r in rows}))
    del rows
    print([(n,) + ("k",) for n in range(3)], hash((1, 2) + (3,)) == hash((1, 2, 3)))


hashes()
release_order()
tracking()
subclasses()
many()
concatenation()
