# copy and io beyond the conformance program: slots, subclasses of builtins,
# __reduce__, memo sharing; StringIO/BytesIO positions, overwrites, errors.
import copy
import io
import sys


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self, a):
        self.a = a


s = Slotted([1])
s2 = copy.copy(s)
s3 = copy.deepcopy(s)
print(s2.a is s.a, s3.a == s.a, s3.a is s.a, hasattr(s3, "b"))


class MyList(list):
    def __init__(self, *args):
        super().__init__(*args)
        self.tag = "t"


ml = MyList([[1], 2])
c1 = copy.copy(ml)
c2 = copy.deepcopy(ml)
print(type(c1).__name__, c1, c1.tag, c1[0] is ml[0], c2[0] is ml[0], c2.tag)


class MyDict(dict):
    pass


md = MyDict(a=[1])
md.extra = 5
print(type(copy.copy(md)).__name__, copy.deepcopy(md), copy.deepcopy(md)["a"] is md["a"], copy.copy(md).extra)


class Reducible:
    def __init__(self, v):
        self.v = v

    def __reduce__(self):
        return (Reducible, (self.v * 10,))


print(copy.copy(Reducible(1)).v, copy.deepcopy(Reducible([2])).v)


class WithState:
    def __init__(self):
        self.items = [1, 2]

    def __getstate__(self):
        return {"items": self.items}


ws = copy.deepcopy(WithState())
print(ws.items)
shared = [0]
pair = [shared, shared, {"k": shared}]
dp = copy.deepcopy(pair)
print(dp[0] is dp[1], dp[2]["k"] is dp[0], dp[0] is shared)
memo = {}
copy.deepcopy(shared, memo)
print(id(shared) in memo, copy.deepcopy(shared, memo) is memo[id(shared)])
print(copy.copy(print) is print, copy.deepcopy(len) is len, copy.copy(Slotted) is Slotted, copy.deepcopy((1, (2, 3))))
t = ([1],)
print(copy.deepcopy(t) is t, copy.deepcopy(t) == t, copy.copy({1, 2}), copy.deepcopy(frozenset({1})))
nested = {"a": [{"b": (1, [2])}]}
nc = copy.deepcopy(nested)
nc["a"][0]["b"][1].append(3)
print(nested, nc)

print("-- StringIO")
f = io.StringIO("line1\nline2\n\nlast")
print(f.readline(), f.readline(2), f.readline(), f.read(0), f.tell(), f.readlines(), f.read(), f.tell())
f.seek(0)
print(list(f), f.seek(0, 2), f.seek(3), f.read(2))
w = io.StringIO()
print(w.write("hello"), w.write(""), w.getvalue(), w.tell())
w.seek(10)
w.write("X")
print(repr(w.getvalue()), w.truncate(3), repr(w.getvalue()), w.tell())
w.seek(0, 2)
w.write("!")
print(repr(w.getvalue()))
w.writelines(["a", "b"])
print(repr(w.getvalue()), w.readable(), w.writable(), w.seekable(), w.isatty(), w.closed)
for bad in (lambda: w.write(5), lambda: w.seek(-1), lambda: w.seek(1, 1), lambda: io.StringIO(5)):
    try:
        bad()
    except (TypeError, ValueError, OSError) as e:
        print(type(e).__name__, e)
w.close()
for bad in (w.getvalue, w.tell, lambda: w.write("x"), w.readline):
    try:
        bad()
    except ValueError as e:
        print("ValueError", e)
print(io.StringIO("a\r\nb", newline=None).read().split("\n"), io.StringIO(newline="\r\n").write("x\ny"))
with io.StringIO() as ctx:
    print("inside", file=ctx, end="")
    captured = ctx.getvalue()
print(captured, ctx.closed, isinstance(ctx, io.TextIOBase), isinstance(ctx, io.IOBase))

print("-- BytesIO")
b = io.BytesIO()
print(b.write(b"abc"), b.write(bytes([100])), b.getvalue(), b.tell(), b.seek(1), b.read(), b.read())
b.seek(0)
print(b.readline(), b.seek(-1, 2), b.read(), b.seek(6), b.write(b"!"), b.getvalue())
bl = io.BytesIO(b"x\ny\n")
print(bl.readlines(), list(io.BytesIO(b"1\n2")))
try:
    io.BytesIO().write("str")
except TypeError as e:
    print("TypeError", e)
print(io.SEEK_END, issubclass(io.UnsupportedOperation, OSError), type(sys.stdout) is io.TextIOWrapper)
old = sys.stdout
sys.stdout = io.StringIO()
print("hidden", 1, 2, sep="-")
sys.stdout.write("raw")
got = sys.stdout.getvalue()
sys.stdout = old
print(repr(got))
