# with statements: enter/exit order, exception suppression, multiple managers,
# nested, return/break inside with, contextlib helpers.
import contextlib


class Managed:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        print(f"  enter {self.name}")
        return self

    def __exit__(self, exc_type, exc, tb):
        print(f"  exit {self.name}: {exc_type.__name__ if exc_type else None} {exc!r}")
        return self.suppress


print("-- basic")
with Managed("a") as m:
    print("  inside", m.name)
with Managed("no-as"):
    print("  inside without as")

print("-- exceptions")
try:
    with Managed("propagates"):
        raise ValueError("boom")
except ValueError as e:
    print("caught outside:", e)
with Managed("suppresses", suppress=True):
    raise KeyError("hidden")
print("continued after suppression")

print("-- multiple and nested")
with Managed("one") as a, Managed("two") as b:
    print("  both:", a.name, b.name)
with (Managed("p1") as p1,
      Managed("p2")):
    print("  parenthesized", p1.name)
try:
    with Managed("outer"), Managed("inner", suppress=False):
        raise IndexError("deep")
except IndexError:
    print("IndexError passed through both")
with Managed("outer2"):
    with Managed("inner2", suppress=True):
        1 / 0
    print("  after inner suppression")

print("-- control flow inside with")


def returns_inside():
    with Managed("ret"):
        return "returned value"


print(returns_inside())
for i in range(3):
    with Managed(f"loop{i}"):
        if i == 0:
            continue
        if i == 1:
            break
print("loop done")

print("-- enter failure and exit arguments")


class FailingEnter:
    def __enter__(self):
        raise RuntimeError("enter failed")

    def __exit__(self, *args):
        print("  never called")


try:
    with FailingEnter():
        print("  never")
except RuntimeError as e:
    print("RuntimeError", e)


class Inspect:
    def __enter__(self):
        return None

    def __exit__(self, t, v, tb):
        print("  exit args:", t, type(v).__name__, tb is not None)
        return True


with Inspect() as nothing:
    print("  as-target is", nothing)
    raise TypeError("x")
try:
    with 42:
        pass
except TypeError as e:
    print("TypeError", e)

print("-- contextlib")


@contextlib.contextmanager
def tag(name):
    print(f"  <{name}>")
    try:
        yield name.upper()
    except ZeroDivisionError:
        print(f"  handled ZeroDivisionError in {name}")
    finally:
        print(f"  </{name}>")


with tag("div") as t:
    print("  value", t)
with tag("math"):
    1 / 0
print("after handled")
try:
    with tag("err"):
        raise ValueError("not handled")
except ValueError as e:
    print("ValueError", e)
with contextlib.suppress(KeyError, IndexError):
    {}["k"]
print("suppress worked")
with contextlib.ExitStack() as stack:
    for n in ("s1", "s2", "s3"):
        stack.enter_context(Managed(n))
    stack.callback(print, "  callback runs first")
    print("  stack body")
with contextlib.nullcontext("thing") as th:
    print("  nullcontext gives", th)


class Closable:
    def close(self):
        print("  closed")


with contextlib.closing(Closable()):
    print("  using closable")


@contextlib.contextmanager
def counting():
    state = {"n": 0}
    yield state
    print("  final count", state["n"])


with counting() as st:
    for _ in range(5):
        st["n"] += 1
