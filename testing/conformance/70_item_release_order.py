# The order in which containers release their items, visible through
# __del__: lists and tuples last to first (dealloc, clear(), a replaced
# slice), extended-slice deletions first to last; and item assignment on
# exact lists and dicts (the interpreter's direct path) against subclasses
# that override __setitem__.


class D:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


def section(name):
    print("--", name)


section("list dealloc")
L = [D(i) for i in range(4)]
L = None
section("tuple dealloc")
T = tuple(D(i) for i in range(4))
T = None
section("list.clear")
L = [D(i) for i in range(3)]
L.clear()
section("slice replaced by as many")
L = [D(i) for i in range(5)]
L[1:4] = ["a", "b", "c"]
section("slice replaced by fewer")
L[0:5] = [D(10)]
section("slice deleted")
L = [D(i) for i in range(5)]
del L[1:3]
section("extended slice deleted")
del L[::2]
section("extended slice assigned")
L = [D(i) for i in range(4)]
L[::2] = [D(20), D(21)]
section("reversal in place")
L = list(range(8))
L[:5] = L[4::-1]
L[2:6] = L[3:7]
print(L)
L[:] = L
L[3:3] = [99]
L[-2:] = []
print(L)
section("set items")
d = {}
d["k"] = 1
d[2] = [3]
print(d)
try:
    d[[1]] = 0
except TypeError as e:
    print("TypeError", e)


class Logged(list):
    def __setitem__(self, key, value):
        print("Logged set", key, value)
        super().__setitem__(key, value)


class LoggedDict(dict):
    def __setitem__(self, key, value):
        print("LoggedDict set", key, value)
        super().__setitem__(key, value)


lg = Logged([1, 2, 3])
lg[0] = 5
lg[1:] = [6]
print(lg)
ld = LoggedDict()
ld["a"] = 1
print(ld)
for bad in ("x", 1.5, None):
    try:
        [1, 2][bad] = 0
    except TypeError as e:
        print("TypeError", e)
try:
    [1, 2][5] = 0
except IndexError as e:
    print("IndexError", e)
try:
    [1, 2, 3][::2] = [1]
except ValueError as e:
    print("ValueError", e)
try:
    [1, 2][0:1] = 5
except TypeError as e:
    print("TypeError", e)
section("end")
