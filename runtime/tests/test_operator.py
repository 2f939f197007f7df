# operator: functions, in-place forms, getters, reprs, errors.
import operator as op

print(op.add(1, 2), op.sub(1, 2), op.mul([0], 2), op.truediv(1, 4), op.floordiv(-7, 2), op.mod(-7, 2), op.pow(2, -1))
print(op.neg(-1), op.pos(-1), op.abs(-2.5), op.inv(0), op.invert(-1), op.lshift(3, 2), op.rshift(-8, 1))
print(op.and_(6, 3), op.or_(6, 3), op.xor(6, 3), op.not_([]), op.truth("x"), op.is_(1, 1), op.is_not(None, None))
print(op.lt(1, 2), op.le(2, 1), op.eq("a", "a"), op.ne(1, 1.0), op.gt(3, 2), op.ge(2, 3))
print(op.concat("ab", "cd"), op.contains([1, 2], 2), op.countOf("banana", "a"), op.indexOf("abc", "c"), op.index(True))
lst = [1, 2, 3, 4]
op.setitem(lst, slice(0, 2), ["x"])
op.delitem(lst, -1)
print(lst, op.getitem(lst, slice(None, None, -1)), op.getitem({"k": 1}, "k"))
print(op.length_hint([1, 2]), op.length_hint(iter(range(5))), op.length_hint(object(), 7), op.call(max, 1, 5))
x = [1]
y = op.iadd(x, [2])
print(x, y is x, op.iadd(1, 2), op.imul("ab", 2), op.isub(5, 1), op.ior({1}, {2}), op.iconcat([1], (2,)))
print(op.itruediv(1, 2), op.ifloordiv(7, 2), op.imod(7, 3), op.ipow(2, 3), op.ilshift(1, 3), op.irshift(8, 1), op.iand(3, 1), op.ixor(3, 1))
for fn, args in ((op.index, (1.5,)), (op.indexOf, ([1], 2)), (op.concat, (1, 2)), (op.add, (1, "a"))):
    try:
        fn(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

ig = op.itemgetter(1)
ig2 = op.itemgetter(0, -1)
print(ig("abc"), ig2("abc"), ig({1: "one"}), repr(ig), repr(ig2), op.itemgetter(slice(1, 3))([0, 1, 2, 3]))
ag = op.attrgetter("real")
ag2 = op.attrgetter("imag", "real")
print(ag(5), ag2(5), repr(ag), repr(op.attrgetter("a.b")), op.attrgetter("__class__.__name__")(1))
mc = op.methodcaller("split", ",", maxsplit=1)
print(mc("a,b,c"), repr(mc), repr(op.methodcaller("x")))
try:
    op.attrgetter(1)
except TypeError as e:
    print("TypeError", e)
try:
    op.attrgetter("nope")(1)
except AttributeError as e:
    print("AttributeError", e)
print(op.__add__ is op.add, op.__not__(1), op.matmul.__name__, op.truth.__doc__)
print(sorted([(1, "b"), (0, "z"), (1, "a")], key=op.itemgetter(0, 1)), max(["aa", "b"], key=len))
