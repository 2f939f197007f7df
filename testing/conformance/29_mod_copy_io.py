# copy (shallow/deep, __copy__/__deepcopy__), io.StringIO, print(file=...).
import copy
import io
import sys

print("-- copy")
orig = {"list": [1, [2, 3]], "tuple": (4, [5]), "n": 6}
shallow = copy.copy(orig)
deep = copy.deepcopy(orig)
orig["list"][1].append("X")
orig["tuple"][1].append("Y")
orig["n"] = 7
print(orig)
print(shallow)
print(deep)
print(shallow["list"] is orig["list"], deep["list"] is orig["list"], copy.copy(5) == 5)
lst = [1, 2]
cyc = [lst, lst]
dc = copy.deepcopy(cyc)
print(dc, dc[0] is dc[1], dc[0] is lst)
self_ref = [0]
self_ref.append(self_ref)
sr = copy.deepcopy(self_ref)
print(sr[1] is sr, sr is not self_ref)
t = (1, 2, "s")
print(copy.copy(t) is t, copy.deepcopy(t) is t, copy.deepcopy((1, [2]))[1] is not None)


class Node:
    def __init__(self, name, children=None):
        self.name = name
        self.children = children or []

    def __repr__(self):
        return f"Node({self.name}, {self.children})"


tree = Node("root", [Node("a"), Node("b", [Node("c")])])
tcopy = copy.deepcopy(tree)
tcopy.children[1].children[0].name = "changed"
print(tree, tcopy, copy.copy(tree).children is tree.children)


class Custom:
    def __init__(self, v):
        self.v = v

    def __copy__(self):
        print("  __copy__ called")
        return Custom(self.v + "-copy")

    def __deepcopy__(self, memo):
        print("  __deepcopy__ called, memo is dict:", isinstance(memo, dict))
        return Custom(self.v + "-deep")


print(copy.copy(Custom("c")).v, copy.deepcopy(Custom("d")).v, copy.deepcopy([Custom("in list")])[0].v)
s = {1, 2}
fs = frozenset(s)
print(copy.copy(s) == s, copy.copy(s) is s, copy.copy(fs) is fs, copy.deepcopy(bytearray(b"x")))

print("-- io.StringIO")
buf = io.StringIO()
buf.write("hello ")
buf.write("world\n")
print("line two", file=buf)
print(1, 2, 3, sep=",", file=buf, end="|\n")
print(repr(buf.getvalue()), buf.tell())
buf.seek(0)
print(repr(buf.readline()), repr(buf.read(4)), repr(buf.read()), repr(buf.read()))
inp = io.StringIO("alpha\nbeta\ngamma")
print(inp.readlines())
inp = io.StringIO("x\ny\n")
print([line.rstrip() for line in inp], inp.closed)
inp.close()
print(inp.closed)
try:
    inp.read()
except ValueError as e:
    print("ValueError", e)
with io.StringIO("ctx") as sio:
    print(sio.read())
print(sio.closed)
b = io.BytesIO(b"bin\x00data")
print(b.read(3), b.read(), b.getvalue())
saved = sys.stdout
capture = io.StringIO()
sys.stdout = capture
print("captured text")
print("more", 42)
sys.stdout = saved
print("captured:", repr(capture.getvalue()))
w = io.StringIO()
w.write("abc")
w.seek(1)
w.write("X")
print(w.getvalue(), w.truncate(2), repr(w.getvalue()))
