# contextlib: contextmanager (normal exit, exceptions thrown in, suppression,
# as a decorator), suppress, nullcontext, closing, redirect_stdout, ExitStack.
import contextlib
import io
import sys
from contextlib import ExitStack, closing, contextmanager, nullcontext, redirect_stdout, suppress


@contextmanager
def tag(name, log):
    log.append(f"<{name}>")
    try:
        yield name.upper()
    except KeyError as e:
        log.append(f"caught {e}")
    finally:
        log.append(f"</{name}>")


log = []
with tag("a", log) as t:
    log.append(t)
with tag("b", log):
    raise KeyError("k")
try:
    with tag("c", log):
        raise ValueError("v")
except ValueError as e:
    log.append(f"outer {e}")
print(log)


@tag("deco", log)
def decorated(x):
    log.append(x)
    return x * 2


log.clear()
print(decorated(5), log)


@contextmanager
def no_yield():
    if False:
        yield


@contextmanager
def two_yields():
    yield 1
    yield 2


for cm in (no_yield, two_yields):
    try:
        with cm():
            pass
    except RuntimeError as e:
        print("RuntimeError", e)


@contextmanager
def reraise_other():
    try:
        yield
    except ZeroDivisionError:
        raise ValueError("converted")


try:
    with reraise_other():
        1 / 0
except ValueError as e:
    print("ValueError", e, type(e.__context__).__name__)


@contextmanager
def stop_inside():
    yield


try:
    with stop_inside():
        raise StopIteration("stop")
except StopIteration as e:
    print("StopIteration propagated", e)

with suppress(KeyError, IndexError):
    [][1]
with suppress():
    pass
try:
    with suppress(KeyError):
        raise ValueError("not suppressed")
except ValueError as e:
    print("ValueError", e)
with nullcontext(42) as v:
    print(v)
with nullcontext() as v:
    print(v)


class Resource:
    def close(self):
        print("closed")


with closing(Resource()) as r:
    print(type(r).__name__)
buf = io.StringIO()
with redirect_stdout(buf) as target:
    print("to buffer")
print(repr(buf.getvalue()), target is buf)
err = io.StringIO()
with contextlib.redirect_stderr(err):
    sys.stderr.write("e")
print(repr(err.getvalue()))

print("-- ExitStack")
events = []


class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        events.append("enter " + self.name)
        return self.name

    def __exit__(self, *exc):
        events.append(f"exit {self.name} {exc[0].__name__ if exc[0] else None}")
        return self.suppress


with ExitStack() as stack:
    names = [stack.enter_context(CM(n)) for n in "xyz"]
    stack.callback(events.append, "callback")
    stack.push(lambda *exc: events.append("pushed") and False)
print(names, events)
events.clear()
with ExitStack() as stack:
    stack.enter_context(CM("outer", suppress=True))
    stack.enter_context(CM("inner"))
    raise KeyError("boom")
print(events)
events.clear()
stack = ExitStack()
stack.enter_context(CM("later"))
moved = stack.pop_all()
stack.close()
print(events)
moved.close()
print(events)
try:
    with ExitStack() as stack:
        stack.callback(lambda: 1 / 0)
        raise KeyError("first")
except ZeroDivisionError as e:
    print("ZeroDivisionError", type(e.__context__).__name__)
try:
    ExitStack().enter_context(object())
except TypeError as e:
    print("TypeError", e)
print(issubclass(ExitStack, contextlib.AbstractContextManager), isinstance(nullcontext(), contextlib.AbstractContextManager))
