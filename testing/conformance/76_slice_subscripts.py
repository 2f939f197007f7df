# x[a:b], x[a:b:c] and x[a:b] = v, which the eval loop answers for exact
# lists and tuples straight from the bounds on the stack (no slice object),
# checked against every other container and every kind of bound.
import traceback

l = list(range(10))
t = tuple(l)
print(l[2:5], l[::-1], l[8:2:-2], l[-3:], l[:-7], l[100:], l[-100:2])
print(t[1:4], t[::3], t[5:1:-1], t[:], t[:] is t, t[0:10] is t, t[::1] is t)
print(l[True:], t[:False], l[-1:-11:-3], t[9:-11:-4])
print(l[2**70:], l[-2**70:2], t[: 2**70], l[:: 2**70], l[:: -(2**70)])


class Index:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        print("__index__", self.v)
        return self.v


print(l[Index(2) : Index(5)], t[Index(1) :: Index(2)])

# Stores: same length (in place), other lengths, extended slices, from
# iterables, the list itself, and a temporary list.
m = list(range(8))
m[2:4] = [9, 9]
print(m)
m[2:4] = [7, 7, 7, 7]
print(m)
m[::2] = range(5)
print(m)
m[:] = m
print(m)
m[1:3] = (x for x in "ab")
print(m)
m[:3] = m[2::-1]
print(m)
m[len(m) :] = [100]
print(m)
m[Index(1) : Index(3)] = "xy"
print(m)

# Errors, each with its message.
bad = [
    lambda: l[::0],
    lambda: t[::0],
    lambda: l["a":],
    lambda: t[:1.5],
    lambda: l[:: Index(0)],
]
for b in bad:
    try:
        b()
    except Exception as e:
        print(type(e).__name__, e)
for target, value in ((slice(None, None, 2), [1]), (slice(1, 2), 5)):
    try:
        m[target.start : target.stop : target.step] = value
    except Exception as e:
        print(type(e).__name__, e)


class Raiser:
    def __index__(self):
        raise KeyError("from __index__")


try:
    l[Raiser() :]
except KeyError as e:
    print("KeyError", e)
try:
    l[: Raiser()] = []
except KeyError as e:
    print("KeyError", e)
print(l)


# Subclasses and other containers take their own __getitem__/__setitem__.
class L(list):
    def __getitem__(self, k):
        return ("L.__getitem__", k)

    def __setitem__(self, k, v):
        print("L.__setitem__", k, v)


class T(tuple):
    pass


sub = L([1, 2, 3])
print(sub[1:2], sub[::2])
sub[0:1] = [5]
print(T((1, 2, 3))[1:], type(T((1, 2, 3))[1:]).__name__)
print("abcdef"[1:4], b"abc"[::-1], bytearray(b"xyz")[1:], range(10)[2:8:2])
ba = bytearray(b"hello")
ba[1:3] = b"EY"
print(ba)
try:
    {}[1:2]
except TypeError as e:
    print("TypeError", e)


class G:
    def __getitem__(self, k):
        return k

    def __setitem__(self, k, v):
        print("G set", k, v)


g = G()
print(g[1:2], g[::3], g["a":"b":None])
g[1:2] = 3


# A bound whose __index__ changes the list being sliced.
class Shrink:
    def __init__(self, target):
        self.target = target

    def __index__(self):
        del self.target[:5]
        return 8


s = list(range(10))
print(s[Shrink(s) :], s)
s = list(range(10))
s[: Shrink(s)] = ["z"]
print(s)

t = list(range(10))
print(t[slice(Shrink(t), None)], t)


class ShrinkBytes:
    def __init__(self, target):
        self.target = target

    def __index__(self):
        del self.target[:5]
        return 8


ba = bytearray(b"0123456789")
print(ba[ShrinkBytes(ba) :], ba)
ba = bytearray(b"0123456789")
ba[: ShrinkBytes(ba)] = b"z"
print(ba)
ba = bytearray(b"0123456789")
del ba[ShrinkBytes(ba) :]
print(ba)

# The error of a slice is the subscript's, with its carets.
def slice_error(seq):
    return seq[1:2:0]


try:
    slice_error([1, 2, 3])
except ValueError:
    traceback.print_exc()

# The most negative 64-bit step, and steps past it.
print([1, 2, 3][:: -9223372036854775808], (1, 2, 3)[:: -(2**63)], [1, 2, 3][:: -(2**70)])


print("-- list + list and +=")
a = [1, 2]
b = a
a += [3]
print(a is b, a, b)
c = a + [4]
print(c is a, c, a)
class L(list):
    def __add__(self, o):
        return "L.add"
    def __radd__(self, o):
        return "L.radd"
print(L([1]) + [2], [2] + L([1]))
try:
    [1] + (2,)
except TypeError as e:
    print(e)
x = []
for i in range(3):
    x = x + [i]
print(x, [] + [], [[0]] + [[1]])


print("-- reversed() of exact ranges and lists, subclasses and sequences")
class L(list):
    def __reversed__(self):
        return iter(["custom"])
class R:
    def __len__(self): return 3
    def __getitem__(self, i): return i * 10
print(list(reversed([1, 2, 3])), list(reversed(range(5))), list(reversed(range(10, 0, -3))))
print(list(reversed(L([1, 2]))), list(reversed((1, 2))), list(reversed(R())), list(reversed("ab")))
print(list(reversed(range(0))), list(reversed([])), type(reversed([])).__name__, type(reversed(range(3))).__name__)
x = [1, 2, 3]
it = reversed(x)
x.append(4)
print(list(it))
try:
    reversed({})
except TypeError as e:
    print(e)
