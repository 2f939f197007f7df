# itertools: every function, lazy consumption, reprs, errors.
import itertools as it
import operator

c = it.count()
print(next(c), next(c), c, it.count(5), it.count(2.5, 0.5), list(it.islice(it.count(1, -2), 3)))
print(it.repeat("a", 2), it.repeat(0), list(it.repeat(1, -1)), list(zip(range(3), it.repeat("x"))))
print(list(it.islice(it.cycle([1, 2]), 5)), list(it.cycle([])))
print(list(it.accumulate([1, 2, 3], operator.mul)), list(it.accumulate([])), list(it.accumulate([], initial=5)))
print(list(it.accumulate("abc")), list(it.accumulate([5, 1, 7], min)))
ch = it.chain([1], (), "ab")
print(next(ch), list(ch), list(it.chain()), list(it.chain.from_iterable([[1], [], [2, 3]])))
print(list(it.compress(range(5), [1, 0, 1])), list(it.dropwhile(lambda x: x < 0, [-1, 2, -3])))
print(list(it.takewhile(str.isupper, "ABcD")), list(it.filterfalse(lambda x: x % 2, range(6))))

src = iter(range(10))
print(list(it.islice(src, 2, 5)), next(src))
src = iter(range(10))
print(list(it.islice(src, 3)), next(src), list(it.islice(range(10), 0, None, 3)), list(it.islice(range(3), 5, 9)))
for args in ((-1,), (0, -1), (0, 5, 0), ("a",)):
    try:
        it.islice(range(3), *args)
    except ValueError as e:
        print("ValueError", e)
print(list(it.starmap(operator.add, [(1, 2), (3, 4)])), list(it.starmap(max, [[1, 5, 2]])))

groups = it.groupby("aabbbc")
k1, g1 = next(groups)
k2, g2 = next(groups)
print(k1, list(g1), k2, list(g2), [(k, list(g)) for k, g in groups])
print([(k, list(g)) for k, g in it.groupby([1, 3, 2, 4, 5], key=lambda x: x % 2)], list(it.groupby([])))

a, b, c3 = it.tee("abc", 3)
print(next(a), list(b), list(a), list(c3), it.tee([], 0))
t1, t2 = it.tee(x * x for x in range(4))
print(list(t1), list(t2))
print(list(it.zip_longest("ab", "xyz", [1])), list(it.zip_longest()), list(it.zip_longest([1], fillvalue=0)))
print(list(it.pairwise([1])), list(it.pairwise(range(4))))
print(list(it.product()), list(it.product([1, 2], repeat=0)), list(it.product("ab", [])), len(list(it.product(range(3), repeat=3))))
print(list(it.product("ab", "cd")), list(it.product([0, 1], repeat=2)))
print(list(it.permutations(range(3))), list(it.permutations("ab", 3)), list(it.permutations("abc", 0)))
print(list(it.combinations(range(5), 0)), list(it.combinations("ab", 3)), len(list(it.combinations(range(10), 4))))
print(list(it.combinations_with_replacement("abc", 2)), list(it.combinations_with_replacement([], 0)), list(it.combinations_with_replacement([], 1)))
for fn in (lambda: it.permutations("a", -1), lambda: it.combinations("a", -1), lambda: it.product("a", repeat=-1)):
    try:
        fn()
    except ValueError as e:
        print("ValueError", e)
print(sum(1 for _ in it.permutations(range(6))), list(it.islice(it.permutations(range(4)), 20, 24)))
