# types.FunctionType and types.CellType: building functions from code objects
# (argument checks, closures, defaults, globals, names), as copy tools do.
import types
def f(): pass
for a in [(1,{}), (f.__code__, 1), (f.__code__, {}, 3), (f.__code__, {}, 'n', 5), (f.__code__, {}, None, None, (1,))]:
    try: types.FunctionType(*a)
    except Exception as e: print(type(e).__name__, e)
def g():
    x = 1
    def h(): return x
    return h
h = g()
try: types.FunctionType(h.__code__, {})
except Exception as e: print(type(e).__name__, e)
try: types.FunctionType(f.__code__, {}, None, None, (types.CellType(1),))
except Exception as e: print(type(e).__name__, e)
k = types.FunctionType(f.__code__, {'__name__': 'mm'}, 'nm')
print(k.__name__, k.__qualname__, k.__module__)
h2 = types.FunctionType(h.__code__, {}, None, None, (types.CellType(41),))
print(h2())
def d(a, b=2): return a + b + G
d2 = types.FunctionType(d.__code__, {"G": 100}, "d2", (5,))
print(d2(1))
c = types.CellType()
try:
    c.cell_contents
except ValueError as e:
    print(e)
c.cell_contents = 7
print(types.CellType(3).cell_contents, c.cell_contents)
try:
    types.CellType(1, 2)
except TypeError as e:
    print(e)
try:
    types.FunctionType(f.__code__, {}, None, None, (1,))
except Exception as e:
    print(type(e).__name__, e)
try:
    types.FunctionType(h.__code__, {}, None, None, (1,))
except Exception as e:
    print(type(e).__name__, e)
