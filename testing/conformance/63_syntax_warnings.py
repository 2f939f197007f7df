# Compile-time SyntaxWarnings (CPython 3.11's compiler checks): `is` with a
# literal, calling or subscripting a literal that cannot be called or
# subscripted, a sequence literal indexed by a non-int, an assert on a
# tuple; shown through the warnings module (so they can be recorded,
# filtered, or turned into a SyntaxError), and the look-alikes that are fine.
import warnings

snippets = [
    "x is 1",
    "x is not 'a'",
    "x is -1",
    "x is (1, 2)",
    "x is ()",
    "x is None or x is True or x is ...",
    "x is [] or x is (y, 1)",
    "1 is x is 2",
    "f = 1(2)",
    "f = 'ab'(2)",
    "f = [1, 2](0)",
    "f = {1: 2}()",
    "f = (x for x in y)()",
    "f = f'{x}'()",
    "f = x(1)",
    "v = None[0]",
    "v = 1.5[0]",
    "v = (-1)[0]",
    "v = {1, 2}[0]",
    "v = (lambda: 0)[0]",
    "v = 'abc'['a']",
    "v = [1, 2]['a']",
    "v = (1, 2)[1.0]",
    "v = b'ab'[None]",
    "v = 'abc'[1]",
    "v = 'abc'[1:2]",
    "v = [1][x]",
    "v = 'abc'[True]",
    "None[0] = 1",
    "assert (x, 'message')",
    "assert ()",
    "assert x, 'message'",
    "def f():\n    return 1 is x\n",
]
for src in snippets:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        compile(src, "<snippet>", "exec")
    shown = [(w.category.__name__, str(w.message), w.lineno) for w in caught]
    print(repr(src), shown)

print("-- as errors")
with warnings.catch_warnings():
    warnings.simplefilter("error")
    for src in ("y = 1\nx is 1", "v = 2[0]"):
        try:
            compile(src, "<snippet>", "exec")
        except SyntaxError as e:
            print(type(e).__name__, e.msg, e.lineno, e.filename)

print("-- ignored")
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("ignore")
    compile("x is 1", "<snippet>", "exec")
print(len(caught))

print("-- this file's own warning goes to stderr")
value = 300
print(value is 300)
