# Tracebacks as CPython 3.11 formats them: markers under the failing part of a
# line (binary operators, subscripts, calls), chained exceptions, notes.
import traceback


def div(a, b):
    return a / b


def nested(d):
    return d["outer"]["inner"] + 1


def show(fn):
    try:
        fn()
    except Exception as e:
        print("".join(traceback.format_exception(e)), end="")
    print("--")


show(lambda: div(1, 0))
show(lambda: nested({"outer": {}}))
show(lambda: [1, 2, 3][10])
show(lambda: len(5) + 1)
show(lambda: 1 + "a")


def chained():
    try:
        {}["missing"]
    except KeyError as e:
        raise ValueError("while looking up") from e


show(chained)


def implicit():
    try:
        1 / 0
    except ZeroDivisionError:
        undefined_name


show(implicit)


def with_note():
    e = TypeError("bad type")
    e.add_note("first note")
    e.add_note("second note")
    raise e


show(with_note)
