# Exception groups: error messages of BaseExceptionGroup/ExceptionGroup and
# except*, the SyntaxErrors of except*, traceback.format_exception of groups
# (nested boxes, chains, notes, depth and width limits), and at the end an
# uncaught exception group: its traceback on stderr and exit code 1. Every
# line in the tracebacks is a whole statement, so CPython 3.11 prints no ^^^
# marker lines for them.
import copy
import sys
import traceback


def show(label, f):
    try:
        r = f()
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)


print("-- constructor errors")
show("not a sequence", lambda: ExceptionGroup("m", 5))
show("a set", lambda: ExceptionGroup("m", {ValueError()}))
show("empty", lambda: ExceptionGroup("m", []))
show("item 1", lambda: ExceptionGroup("m", [ValueError(), 3]))
show("str items", lambda: ExceptionGroup("m", "ab"))
show("nested base", lambda: ExceptionGroup("m", [KeyboardInterrupt()]))
show("message not str", lambda: ExceptionGroup(1, [ValueError()]))
show("one argument", lambda: ExceptionGroup("m"))
show("three arguments", lambda: ExceptionGroup("m", [ValueError()], 3))
show("keyword", lambda: ExceptionGroup("m", [ValueError()], x=3))
show("base of exceptions", lambda: BaseExceptionGroup("m", (ValueError(),)))
show("base of base", lambda: BaseExceptionGroup("m", [SystemExit(2)]))
show("tuple kept in args", lambda: ExceptionGroup("m", (TypeError(1),)).args)


class MyGroup(ExceptionGroup):
    pass


show("subclass nesting base", lambda: MyGroup("m", [GeneratorExit()]))
show("subclass repr", lambda: MyGroup("m", [ValueError("v")]))

print("-- split, subgroup, derive errors")
eg = ExceptionGroup("eg", [ValueError(1), TypeError(2)])
show("split(3)", lambda: eg.split(3))
show("split([ValueError])", lambda: eg.split([ValueError]))
show("split((ValueError, 1))", lambda: eg.split((ValueError, 1)))
show("split()", lambda: eg.split())
show("subgroup(int)", lambda: eg.subgroup(int))
show("subgroup()", lambda: eg.subgroup())
show("derive()", lambda: eg.derive())
show("derive([])", lambda: eg.derive([]))
show("derive base", lambda: eg.derive([KeyboardInterrupt()]))
show("message readonly", lambda: setattr(eg, "message", "x"))
show("exceptions readonly", lambda: setattr(eg, "exceptions", ()))
show("str one", lambda: str(ExceptionGroup("one", [ValueError()])))
show("str empty message", lambda: str(ExceptionGroup("", [ValueError(), ValueError()])))
show("generic alias", lambda: ExceptionGroup[ValueError])


class BadDerive(ExceptionGroup):
    def derive(self, excs):
        return 42


show("bad derive", lambda: BadDerive("b", [ValueError(1), TypeError(2)]).split(ValueError))

print("-- except* type errors")


def catch_group_type():
    try:
        raise ExceptionGroup("g", [ValueError(1)])
    except* (TypeError, ExceptionGroup):
        pass


def catch_non_exception():
    try:
        raise ExceptionGroup("g", [ValueError(1)])
    except* int:
        pass


def catch_base_group():
    try:
        raise ValueError("naked")
    except* BaseExceptionGroup:
        pass


for f in (catch_group_type, catch_non_exception, catch_base_group):
    try:
        f()
    except TypeError as e:
        print(f.__name__, "->", e, "| context:", repr(e.__context__))

print("-- SyntaxErrors")
sources = {
    "break": "for x in y:\n    try:\n        pass\n    except* E:\n        break\n",
    "continue": "for x in y:\n    try:\n        pass\n    except* E:\n        if x: continue\n",
    "return": "def f():\n    try:\n        pass\n    except* E:\n        return x + 1\n",
    "return const": "def f():\n    try:\n        pass\n    except* E:\n        return 1\n",
    "break at module": "try:\n    pass\nexcept* E:\n    break\n",
    "return in with": "def f():\n    try:\n        pass\n    except* E:\n        with m:\n            return\n",
    "break in nested loop": "try:\n    pass\nexcept* E:\n    for x in y:\n        break\n",
    "return in nested def": "try:\n    pass\nexcept* E:\n    def g():\n        return 1\n",
    "return in else": "def f():\n    try:\n        pass\n    except* E:\n        pass\n    else:\n        return 2\n",
    "both kinds": "try:\n    pass\nexcept E:\n    pass\nexcept* F:\n    pass\n",
    "star then plain": "try:\n    pass\nexcept* E:\n    pass\nexcept:\n    pass\n",
    "no handler": "try:\n    pass\nx = 1\n",
    "no type": "try:\n    pass\nexcept*:\n    pass\n",
    "unparenthesized": "try:\n    pass\nexcept* E, F:\n    pass\n",
}
for label, src in sources.items():
    try:
        compile(src, "<src>", "exec")
        print(label, "-> compiles")
    except SyntaxError as e:
        print(label, "->", e.msg, (e.lineno, e.offset, e.end_lineno, e.end_offset))

print("-- format_exception")


def raiser(exc):
    raise exc


def make_group():
    excs = []
    for i, cls in enumerate([ValueError, TypeError, KeyError]):
        try:
            raiser(cls(i))
        except Exception as e:
            excs.append(e)
    try:
        raise ExceptionGroup("three", excs)
    except ExceptionGroup as g:
        return g


def format_lines(exc):
    text = "".join(traceback.format_exception(exc))
    for line in text.splitlines():
        print(line)


format_lines(make_group())

print("-- not raised: no traceback lines")
format_lines(ExceptionGroup("plain", [ValueError(1), ExceptionGroup("inner", [TypeError(2)])]))

print("-- notes, cause and context inside a group")


def noted():
    e = ValueError("with notes")
    e.add_note("first note")
    e.add_note("second\nnote on two lines")
    try:
        raise KeyError("cause")
    except KeyError as k:
        try:
            raise OSError("effect") from k
        except OSError as o:
            chained = o
    try:
        try:
            raise RuntimeError("earlier")
        except RuntimeError:
            raise ExceptionGroup("chained", [e, chained])
    except ExceptionGroup as g:
        g.add_note("group note")
        return g


format_lines(noted())

print("-- a SyntaxError with a note in a group")
try:
    compile("1 +\n", "<snippet>", "exec")
except SyntaxError as e:
    e.add_note("compiled from a string")
    format_lines(ExceptionGroup("syntax", [e]))

print("-- except* results")


def except_star_result():
    try:
        raise ExceptionGroup("batch", [ValueError(1), TypeError(2), KeyError(3)])
    except* ValueError:
        raise
    except* TypeError:
        raise OSError("from handler")


try:
    except_star_result()
except ExceptionGroup as g:
    format_lines(g)

print("-- max_group_depth")
deep = ValueError("leaf")
for i in range(12):
    deep = ExceptionGroup(f"level {i}", [deep, TypeError(i)])
format_lines(deep)

print("-- max_group_width")
wide = ExceptionGroup("wide", [ValueError(i) for i in range(17)])
format_lines(wide)
format_lines(ExceptionGroup("sixteen", [KeyError(i) for i in range(16)]))

print("-- print_exception to stdout")
traceback.print_exception(ExceptionGroup("printed", [ValueError("v")]), file=sys.stdout)
sys.stdout.flush()

print("-- copies")
g = ExceptionGroup("copied", [ValueError(1), TypeError(2)])
c = copy.copy(g)
d = copy.deepcopy(g)
print(repr(c), c is g, c.exceptions[0] is g.exceptions[0])
print(repr(d), d.exceptions[0] is g.exceptions[0], type(d.exceptions[1]).__name__)

print("-- uncaught")


def validate(items):
    errors = []
    for item in items:
        try:
            raiser(ValueError(f"bad item {item!r}"))
        except ValueError as e:
            errors.append(e)
    raise ExceptionGroup("validation failed", errors)


def process(items):
    try:
        validate(items)
    except* TypeError:
        print("no TypeErrors")
    except* ValueError as g:
        print("handling", len(g.exceptions), "ValueErrors")
        raise RuntimeError("could not process")


process(["a", "b"])
print("never printed")
