# ExceptionGroup and except* (Python 3.11).

print("-- exception groups")
try:
    raise ExceptionGroup("group", [ValueError("v1"), TypeError("t1"), ValueError("v2")])
except* ValueError as eg:
    print("ValueErrors:", [str(x) for x in eg.exceptions])
except* TypeError as eg:
    print("TypeErrors:", [str(x) for x in eg.exceptions])
eg = ExceptionGroup("outer", [KeyError("a"), ExceptionGroup("inner", [ValueError("b")])])
print(repr(eg), str(eg), len(eg.exceptions))
matched, rest = eg.split(ValueError)
print(repr(matched), repr(rest))

print(eg.subgroup(lambda e: isinstance(e, KeyError)), eg.derive([TypeError("d")]))


def handler(excs):
    try:
        raise ExceptionGroup("batch", excs)
    except* KeyError as g:
        print("  KeyError part:", repr(g))
    except* (ValueError, TypeError) as g:
        print("  Value/Type part:", repr(g))


handler([KeyError(1), ValueError(2)])
handler([TypeError(3)])
try:
    handler([OSError("unhandled")])
except ExceptionGroup as g:
    print("escaped:", repr(g))
try:
    try:
        raise ValueError("plain")
    except* ValueError as g:
        print("plain exception wrapped:", repr(g))
except Exception as e:
    print("unexpected", e)
beg = BaseExceptionGroup("base", [KeyboardInterrupt()])
print(type(beg).__name__, type(BaseExceptionGroup("x", [ValueError()])).__name__)
