# try/except/else/finally, control flow through finally, raise from,
# __cause__/__context__/__suppress_context__, exception groups of handlers.

print("-- try/except/else/finally")


def attempt(x):
    log = []
    try:
        log.append("try")
        r = 10 // x
    except ZeroDivisionError:
        log.append("except ZeroDivisionError")
        r = None
    except (TypeError, ValueError) as e:
        log.append("except " + type(e).__name__)
        r = "bad"
    else:
        log.append("else")
    finally:
        log.append("finally")
    return r, log


for v in (2, 0, "s"):
    print(attempt(v))

print("-- return/break/continue through finally")


def ret_in_finally():
    try:
        return "from try"
    finally:
        print("  finally runs before return")


def finally_overrides():
    try:
        return "try"
    finally:
        return "finally"


def finally_swallows():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"


print(ret_in_finally(), finally_overrides(), finally_swallows())
for i in range(4):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        print("  body", i)
    finally:
        print("  finally", i)
count = 0
while True:
    try:
        count += 1
        if count == 3:
            break
    finally:
        print("  while finally", count)


def nested_finally():
    out = []
    try:
        try:
            out.append(1)
            return out
        finally:
            out.append(2)
    finally:
        out.append(3)


print(nested_finally())

print("-- raising")


def check(v):
    if v < 0:
        raise ValueError(f"negative: {v}")
    if v == 0:
        raise ZeroDivisionError
    return v


for v in (1, -1, 0):
    try:
        print(check(v))
    except ValueError as e:
        print("ValueError", e, e.args)
    except ZeroDivisionError as e:
        print("ZeroDivisionError", repr(e), e.args, str(e) == "")
try:
    raise TypeError
except TypeError as e:
    print("class raised:", repr(e))
try:
    try:
        raise KeyError("inner")
    except KeyError:
        raise
except KeyError as e:
    print("re-raised", e)
try:
    raise 42
except TypeError as e:
    print("TypeError", e)

print("-- chaining: __context__, __cause__, from None")


def chained(mode):
    try:
        try:
            {}["missing"]
        except KeyError as e:
            if mode == "implicit":
                raise ValueError("while handling")
            if mode == "explicit":
                raise ValueError("explicit") from e
            if mode == "none":
                raise ValueError("suppressed") from None
            if mode == "other":
                raise ValueError("other cause") from TypeError("tt")
    except ValueError as err:
        ctx = err.__context__
        cause = err.__cause__
        print(mode, repr(err), type(ctx).__name__, repr(cause), err.__suppress_context__)


for mode in ("implicit", "explicit", "none", "other"):
    chained(mode)
e = RuntimeError("x")
print(e.__context__, e.__cause__, e.__suppress_context__, e.__traceback__)

print("-- exception variable is cleared after except")
try:
    1 / 0
except ZeroDivisionError as exc:
    saved = exc
try:
    exc
except NameError as e:
    print("NameError", e)
print(type(saved).__name__, saved.__traceback__ is not None)

print("-- exception hierarchy")
for exc_type in (ZeroDivisionError, KeyError, IndexError, FileNotFoundError, UnicodeDecodeError,
                 NotImplementedError, RecursionError, StopIteration, KeyboardInterrupt,
                 ModuleNotFoundError, UnboundLocalError, OverflowError, TimeoutError):
    print(exc_type.__name__, [c.__name__ for c in exc_type.__mro__[1:]])
try:
    [][0]
except LookupError as e:
    print("caught by LookupError:", type(e).__name__)
try:
    raise KeyboardInterrupt
except Exception:
    print("wrong")
except BaseException as e:
    print("BaseException catches", type(e).__name__)

print("-- exception objects")
err = OSError(2, "No such file")
print(err.errno, err.strerror, str(err), type(err).__name__, OSError is IOError, EnvironmentError)
ke = KeyError("k")
print(str(ke), repr(ke), str(KeyError()), str(KeyError("a", "b")), str(IndexError("i")))
ex = Exception("a", 1)
ex.extra = "attr"
print(ex.args, ex.extra, str(ex), repr(Exception()), repr(ValueError("v")))
se = SystemExit(3)
print(se.code, SystemExit().code, SystemExit("msg").code, StopIteration(7).value)
try:
    raise ValueError("with note")
except ValueError as e:
    e.add_note("note one")
    e.add_note("note two")
    print(e.__notes__)
ue = UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")
print(ue, ue.start, ue.end, ue.reason)

print("-- handlers order, tuples, bare except")


def classify(exc):
    try:
        raise exc
    except (KeyError, IndexError) as e:
        return "lookup " + type(e).__name__
    except ArithmeticError as e:
        return "arith " + type(e).__name__
    except Exception as e:
        return "other " + type(e).__name__
    except:  # noqa: E722
        return "bare"


for exc in (KeyError(), IndexError(), OverflowError(), ZeroDivisionError(), ValueError(), GeneratorExit()):
    print(classify(exc))

print("-- exception in else and finally")


def in_else():
    try:
        pass
    except ValueError:
        return "not here"
    else:
        raise RuntimeError("from else")


try:
    in_else()
except RuntimeError as e:
    print("RuntimeError", e)


def finally_raises():
    try:
        raise ValueError("original")
    finally:
        raise KeyError("from finally")


try:
    finally_raises()
except KeyError as e:
    print("KeyError", e, "context:", repr(e.__context__))

print("-- sys.exc_info inside handlers")
import sys

try:
    raise IndexError("idx")
except IndexError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, tb is not None, repr(sys.exception()))
print(sys.exc_info(), sys.exception())
