# Small modules: string, os / os.path (deterministic parts), types, keyword,
# heapq, bisect, linecache.
import bisect
import heapq
import keyword
import linecache
import os
import os.path
import string
import types

print("-- string")
print(string.ascii_lowercase, string.ascii_uppercase, string.digits, string.hexdigits, string.octdigits)
print(repr(string.whitespace), repr(string.punctuation), len(string.printable))
print(string.capwords(" hello   big world "), string.capwords("a-b c", "-"))
t = string.Template("$name is ${age} years, $$5")
print(t.substitute(name="Ann", age=7), t.safe_substitute(name="Bo"), t.get_identifiers(), t.is_valid())
for bad in (lambda: t.substitute(name="x"), lambda: string.Template("$").substitute(), lambda: string.Template("${x").substitute(x=1)):
    try:
        bad()
    except (KeyError, ValueError) as e:
        print(type(e).__name__, e)
print(string.Formatter().format("{0}-{name}-{1:>3}", "a", "b", name="n"), list(string.Formatter().parse("x{a!r:3}y")))

print("-- os.path")
p = os.path
print(p.join("a", "b"), p.join("/a", "/b", "c"), p.join("a/", "b"), p.join("", "x"), p.split("/a/b/"), p.split("file"))
print(p.splitext("a/b.c/d"), p.splitext(".bashrc"), p.splitext("x.tar.gz"), p.basename("/x/y/"), p.dirname("y"), p.dirname("/"))
print(p.normpath("a//b/./c/../d"), p.normpath("/../x"), p.normpath(""), p.normpath("//a"), p.normpath("///a"), p.normpath("a/../.."))
print(p.isabs("/x"), p.isabs("x"), p.commonprefix(["/usr/lib", "/usr/local"]), p.commonpath(["/usr/lib", "/usr/local"]))
print(p.relpath("/a/b/c", "/a/d"), p.relpath("/a", "/a"), p.exists("/"), p.isdir("/"), p.isfile("/"), p.exists("/no/such/path"))
print(p.abspath("/a/./b/.."), p.abspath("x") == p.join(os.getcwd(), "x"), p.expanduser("~") == os.environ["HOME"] if "HOME" in os.environ else True, p.expanduser("x~"))
print(p.isfile("test_misc.py"), p.getsize("test_misc.py") > 0, "test_misc.py" in os.listdir("."), p.sep, os.sep, os.pathsep, os.curdir)

print("-- os")
print(os.name, os.linesep == "\n", type(os.environ).__name__, isinstance(os.environ, dict), os.getenv("__NOT_SET__", 5))
os.environ["MINIDYNAMO_TEST_VAR"] = "v1"
print(os.getenv("MINIDYNAMO_TEST_VAR"), os.environ.pop("MINIDYNAMO_TEST_VAR"), os.getenv("MINIDYNAMO_TEST_VAR"))
print(os.fspath("x"), os.path.expandvars("$__NOT_SET__/a"), os.getpid() > 0, type(os.cpu_count()).__name__, len(os.urandom(4)))
try:
    os.listdir("/no/such/dir")
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno, e.strerror, e.filename)
try:
    os.fspath(5)
except TypeError as e:
    print("TypeError", e)

print("-- types, keyword")
print(types.FunctionType, types.BuiltinFunctionType, types.ModuleType, types.GeneratorType, types.NoneType, types.MethodType)
ns = types.SimpleNamespace(a=1, b="x")
ns.c = [2]
print(ns, ns == types.SimpleNamespace(a=1, b="x", c=[2]), isinstance(os, types.ModuleType), isinstance(len, types.BuiltinFunctionType))
print(keyword.iskeyword("for"), keyword.iskeyword("match"), keyword.issoftkeyword("match"), len(keyword.kwlist), keyword.kwlist[:5])

print("-- heapq")
h = []
for v in [5, 1, 8, 3, 9, 2, 7]:
    heapq.heappush(h, v)
print(h, [heapq.heappop(h) for _ in range(3)], h)
data = [9, 4, 7, 1, 8, 2]
heapq.heapify(data)
print(data, heapq.heappushpop(data, 0), heapq.heapreplace(data, 10), data)
print(heapq.nlargest(3, [5, 1, 8, 3]), heapq.nsmallest(2, ["bb", "a", "ccc"], key=len), list(heapq.merge([1, 4, 7], [2, 5], [3, 6, 8])))
print(list(heapq.merge([5, 3], [4, 1], reverse=True)), list(heapq.merge(["a", "B"], ["b"], key=str.lower)))
tasks = []
for prio, name in [(2, "write"), (1, "read"), (3, "exec"), (1, "alpha")]:
    heapq.heappush(tasks, (prio, name))
print([heapq.heappop(tasks) for _ in range(len(tasks))])
try:
    heapq.heappop([])
except IndexError as e:
    print("IndexError", e)

print("-- bisect")
a = [1, 2, 2, 4, 7]
print(bisect.bisect_left(a, 2), bisect.bisect_right(a, 2), bisect.bisect(a, 5), bisect.bisect_left(a, 0), bisect.bisect(a, 9, 0, 3))
bisect.insort(a, 3)
bisect.insort_left(a, 2)
print(a, bisect.bisect([(1, "a"), (3, "c")], (2, "")), bisect.bisect_left(["a", "bb", "ccc"], 2, key=len))
bisect.insort([], 1)
try:
    bisect.bisect([], 1, -1)
except ValueError as e:
    print("ValueError", e)

print("-- linecache")
print(repr(linecache.getline("test_misc.py", 1)), repr(linecache.getline("test_misc.py", 10 ** 6)), repr(linecache.getline("/no/file", 1)))
