"""The array module: typecodes, conversions and their CPython error messages,
the sequence protocol, methods, operators and comparisons."""
import array
from array import array as A


def t(label, f):
    try:
        r = f()
        print(label, repr(r))
    except Exception as e:
        print(label, type(e).__name__ + ':', e)


print("-- module")
print(array.typecodes, array.ArrayType is A, A.__name__, A.__module__)
print(repr(A))

print("-- every typecode")
for tc in array.typecodes:
    a = A(tc)
    print(tc, a.typecode, a.itemsize, repr(a), len(a))

print("-- conversions and overflow messages")
vals = [0, 127, 128, -128, -129, 255, 256, -1, 32767, 32768, -32769, 65535,
        65536, 2**31 - 1, 2**31, -2**31 - 1, 2**32 - 1, 2**32, 2**63 - 1,
        2**63, -2**63 - 1, 2**64 - 1, 2**64, 10**30, 1.5, 'a', None, True]
for tc in 'bBhHiIlLqQfdu':
    for v in vals:
        t(tc + ' ' + repr(v)[:12], lambda: A(tc, [v]))


class Idx:
    def __index__(self):
        return 7


class Flt:
    def __float__(self):
        return 2.5


t('index obj', lambda: A('i', [Idx()]))
t('float obj', lambda: A('d', [Flt()]))
t('float obj in int array', lambda: A('i', [Flt()]))
t('f rounding', lambda: A('f', [1.1, 0.1, 1e300, -1e300]))
t('d values', lambda: A('d', [0.1, -0.0, float('inf'), 1e-300]))

print("-- constructor")
t('bad code', lambda: A('x'))
t('int code', lambda: A(1))
t('long code', lambda: A('ab'))
t('no args', lambda: A())
t('str init', lambda: A('i', 'abc'))
t('u from ints', lambda: A('u', [1]))
t('u array init', lambda: A('i', A('u', 'ab')))
t('too many', lambda: A('i', [1], 2))
t('keyword', lambda: A('i', x=1))
t('range', lambda: A('i', range(3)))
t('genexp', lambda: A('i', (x * x for x in range(4))))
t('tuple', lambda: A('h', (1, -2, 3)))
t('other array', lambda: A('i', A('b', [1, 2])))
t('same array', lambda: A('d', A('d', [1.5])))
t('bytes', lambda: A('h', b'\x01\x00\xff\xff'))
t('bytearray', lambda: A('d', bytearray(8)))
t('bad bytes', lambda: A('d', b'\x00' * 7))
t('unicode', lambda: A('u', 'héllo'))
t('not iterable', lambda: A('i', 5))

print("-- indexing and slicing")
a = A('i', [1, 2, 3, 4, 5])
t('a[0]', lambda: a[0])
t('a[-1]', lambda: a[-1])
t('a[5]', lambda: a[5])
t('a["x"]', lambda: a['x'])
t('a[Idx()]', lambda: A('i', range(10))[Idx()])
t('a[1:3]', lambda: a[1:3])
t('a[::2]', lambda: a[::2])
t('a[::-1]', lambda: a[::-1])
t('a[10:]', lambda: a[10:])
t('a[::0]', lambda: a[::0])
a[0] = 10
a[-1] = 50
print(a)
t('a[5] = 1', lambda: a.__setitem__(5, 1))
t('a[0] = 2**40', lambda: a.__setitem__(0, 2**40))
t('a[0] = 1.0', lambda: a.__setitem__(0, 1.0))
a[1:3] = A('i', [7, 8, 9])
print(a)
a[::2] = A('i', [0, 0, 0])
print(a)
t('list to slice', lambda: a.__setitem__(slice(0, 2), [1, 2]))
t('other kind to slice', lambda: a.__setitem__(slice(0, 2), A('d', [1.0])))
t('extended size', lambda: a.__setitem__(slice(0, 3, 2), A('i', [1])))
a[:] = a
print(a)
a[len(a):] = A('i', [100])
print(a)
del a[0]
print(a)
del a[::2]
print(a)
del a[-1]
print(a)
t('del a[9]', lambda: a.__delitem__(9))
b = A('B', [0] * 12)
for i in range(4):
    b[i * 3 + 2] = 255
b[4] = max(0, min(255, int(0.5 * 255)))
print(b, b.tobytes())
t('B = 256', lambda: b.__setitem__(0, 256))
t('B = -1', lambda: b.__setitem__(0, -1))

print("-- methods")
a = A('i', [1, 2, 3])
a.append(4)
a.extend([5, 6])
a.extend(A('i', [7]))
a.extend(x for x in (8, 9))
print(a)
a.insert(0, 0)
a.insert(100, 10)
a.insert(-100, -1)
a.insert(-1, 99)
print(a)
print(a.pop(), a.pop(0), a.pop(-1), a)
a.remove(5)
print(a, a.index(3), a.index(3, 2), a.index(3, 1, 4), a.count(3))
a.append(3)
print(a.count(3), a.count(3.0), a.count('x'), 3 in a, 3.0 in a, 'x' in a, 42 in a)
a.reverse()
print(a, a.tolist())
a.fromlist([20, 21])
print(a)
t('fromlist bad', lambda: a.fromlist([22, 'x']))
print(a)
t('fromlist tuple', lambda: a.fromlist((1,)))
h = A('H', [1, 2, 258])
print(h.tobytes(), A('q', [2**63 - 1]).tobytes())
h.frombytes(b'\x03\x00')
print(h)
h.byteswap()
print(h)
t('frombytes odd', lambda: h.frombytes(b'abc'))
t('frombytes str', lambda: h.frombytes('ab'))
h.frombytes(bytearray(b'\x04\x00'))
h.frombytes(A('B', [5, 0]))
t('frombytes H array', lambda: h.frombytes(A('H', [5])))
print(h)
print(A('i', [1, 2]).buffer_info()[1], A('d').buffer_info()[1])

print("-- method errors")
e = A('i', [1, 2, 3])
t('pop empty', lambda: A('i').pop())
t('pop 5', lambda: e.pop(5))
t('remove 9', lambda: e.remove(9))
t('index 9', lambda: e.index(9))
t('index from 5', lambda: e.index(2, 5))
t('extend other kind', lambda: e.extend(A('d')))
t('extend int', lambda: e.extend(5))
t('append()', lambda: e.append())
t('append(1, 2)', lambda: e.append(1, 2))
t('append(x=1)', lambda: e.append(x=1))
t('insert(1)', lambda: e.insert(1))
t('index()', lambda: e.index())
t('count()', lambda: e.count())
t('pop(1, 2)', lambda: e.pop(1, 2))
t('extend()', lambda: e.extend())
t('remove()', lambda: e.remove())
t('tolist(1)', lambda: e.tolist(1))
t('tounicode', lambda: e.tounicode())
t('fromunicode', lambda: e.fromunicode('x'))
print(e)

print("-- unicode arrays")
u = A('u', 'héllo')
print(u, u.tounicode(), u[1], u.tolist(), u.itemsize, len(u))
u.append('!')
u.fromunicode('€')
print(u, u[::-1], 'é' in u, u.index('l'))
t('u append int', lambda: u.append(1))
t('u append str2', lambda: u.append('ab'))
print(A('u', 'ab') + A('u', 'c'), A('u'))

print("-- operators")
x = A('i', [1, 2])
y = A('i', [3])
print(x + y, x * 2, 2 * x, x * 0, x * -1)
t('+ list', lambda: x + [1])
t('+ other kind', lambda: x + A('d'))
t('* str', lambda: x * 'x')
z = x
z += y
print(z, x, z is x)
z *= 2
print(x)
t('+= list', lambda: A('i', [1]).__iadd__([1]))
t('+= other kind', lambda: A('i', [1]).__iadd__(A('d')))
t('*= str', lambda: A('i').__imul__('x'))
print(A('i') * 10**18, len(A('d') * 5))
t('huge repeat', lambda: len(A('i', [1]) * 10**15))
print(list(x), [v * 2 for v in A('d', [0.5, 1.5])], sum(A('b', [1, 2, 3])))
print(list(reversed(A('i', [1, 2, 3]))), sorted(A('i', [3, 1, 2])))
print(len(A('d', range(5))), bool(A('i')), bool(A('i', [0])))
it = iter(A('i', [1, 2]))
print(next(it), next(it), next(it, 'end'))

print("-- comparisons")
t('eq', lambda: A('i', [1, 2]) == A('i', [1, 2]))
t('eq kinds', lambda: A('b', [1]) == A('d', [1.0]))
t('ne kinds', lambda: A('i', [1, 2]) != A('d', [1.0, 2.0]))
t('eq len', lambda: A('i', [1]) == A('i', [1, 2]))
t('nan', lambda: A('d', [float('nan')]) == A('d', [float('nan')]))
t('lt', lambda: A('i', [1, 2]) < A('i', [1, 3]))
t('ge prefix', lambda: A('i', [1, 2]) >= A('i', [1]))
t('le', lambda: A('i', [2]) <= A('i', [1, 5]))
t('gt', lambda: A('u', 'b') > A('u', 'ab'))
t('eq list', lambda: A('i', [1]) == [1])
t('ne list', lambda: A('i', [1]) != [1])

print("-- copies")
import copy
c = A('d', [1.0, 2.0])
c2 = copy.copy(c)
c3 = copy.deepcopy(c)
c[0] = 9.0
print(c, c2, c3, c2 == c3)
