# list and tuple: displays, methods, operators, sorting, nesting.

print("-- displays")
a = [1, 2, 3]
b = (4, 5)
print([], [1], [1, 2, 3,], [*a], [*a, *b, 6], [0, *range(3), *"ab"], [[1], [2, [3]]])
print((), (1,), (1, 2), (*a,), (*a, *b), tuple(), tuple("xyz"), 1, 2 if False else (3, 4))
t = 1, 2, 3
print(t, type(t).__name__, len(t), t[1], t[-1], t[::-1])

print("-- list methods")
x = [5, 3, 8]
x.append(1); print(x)
x.extend([9, 2]); print(x)
x.extend(range(2)); print(x)
x.insert(0, 100); print(x)
x.insert(-1, 200); print(x)
x.insert(99, 300); print(x)
print(x.pop(), x.pop(0), x.pop(-2), x)
x.remove(8); print(x)
print(x.index(9), x.index(0), x.count(3), x.count(42))
x.reverse(); print(x)
x.sort(); print(x)
x.sort(reverse=True); print(x)
y = x.copy(); y.append("c"); print(x, y)
x.clear(); print(x, len(x))
x += [1, 2]; print(x)
x *= 3; print(x)
del x[1]; print(x)
del x[::2]; print(x)

print("-- sorting")
words = ["banana", "Apple", "cherry", "apple", "Banana", "date", "fig", "Elder"]
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=len))
print(sorted(words, key=lambda w: (len(w), w), reverse=True))
pairs = [(3, "c"), (1, "b"), (3, "a"), (2, "z"), (1, "a")]
print(sorted(pairs), sorted(pairs, key=lambda p: p[0]), sorted(pairs, key=lambda p: p[1]))
nums = [3, -1, 4, -1, 5, -9, 2, 6, 5, 3, -5]
print(sorted(nums, key=abs), sorted(nums, key=lambda v: -v), min(nums), max(nums, key=abs))
stable = sorted(range(20), key=lambda v: v % 3)
print(stable)
big = [(i * 7919) % 1009 for i in range(300)]
big.sort()
print(big[:10], big[-5:], big == sorted(big))

print("-- operators")
print([1, 2] + [3], [0] * 5, 3 * [1, 2], [1, 2] * 0, (1,) * 3, (1, 2) + (3,))
print(2 in [1, 2, 3], 4 not in [1, 2, 3], [1] in [[1], [2]], len([[], []]))
print([1, 2, 3] == [1, 2, 3], [1, 2] != [1, 2, 3], (1, 2) < (1, 3))
print(list(range(5)), list("abc"), list((1, 2)), list({"k": 1}), tuple([1, [2]]))
print(sum([[1], [2, 3]], []), max([1, 5, 3]), min((4, 2, 8)), any([0, 0, 1]), all([]))

print("-- tuple methods and nesting")
tt = (1, 2, 2, 3, [4, 5])
print(tt.count(2), tt.index(3), tt[4][1], len(tt))
tt[4].append(6)
print(tt)
try:
    tt[0] = 9
except TypeError as e:
    print("TypeError", e)
nested = [[0] * 3 for _ in range(3)]
nested[1][1] = 5
print(nested)
alias = [[0] * 2] * 2
alias[0][0] = 7
print(alias)

print("-- list as stack/queue")
stack = []
for i in range(5):
    stack.append(i * i)
while stack:
    print(stack.pop(), end=" ")
print()
queue = list(range(5))
while queue:
    print(queue.pop(0), end=",")
print()

print("-- identity through functions")


def mutate(lst):
    lst.append("m")
    lst = ["new"]
    return lst


orig = [1]
res = mutate(orig)
print(orig, res)
print(repr([None, True, 1.5, "s", b"b", (1,), [], {}]))
recursive = [1, 2]
recursive.append(recursive)
print(recursive)
