# Structural pattern matching (match/case), Python 3.10+.


def describe(obj):
    match obj:
        case 0:
            return "zero"
        case int(n) if n < 0:
            return f"negative int {n}"
        case int() | float():
            return "number"
        case "":
            return "empty str"
        case str(s):
            return f"str {s!r}"
        case [x, y]:
            return f"pair {x},{y}"
        case [x, *rest]:
            return f"list head {x} rest {rest}"
        case {"type": "point", "x": px, **others}:
            return f"point x={px} others={others}"
        case (1 | 2) as small:
            return f"small {small}"
        case None:
            return "none"
        case _:
            return "other " + type(obj).__name__


for o in (0, -4, 7, 2.5, "", "hi", [1, 2], [1, 2, 3], (9,), {"type": "point", "x": 1, "c": 2},
          None, {1, 2}, {"type": "line"}):
    print(repr(o), "->", describe(o))


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


def where(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=y):
            return f"on y axis at {y}"
        case Point(x, 0):
            return f"on x axis at {x}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point():
            return "somewhere"


for p in (Point(0, 0), Point(0, 5), Point(3, 0), Point(2, 2), Point(1, 9)):
    print(p.x, p.y, where(p))


def command(text):
    match text.split():
        case ["go", ("north" | "south") as direction]:
            return "going " + direction
        case ["go", _]:
            return "bad direction"
        case ["take", *objects] if objects:
            return "taking " + ", ".join(objects)
        case [("quit" | "exit")]:
            return "bye"
        case []:
            return "nothing"
        case _:
            return "unknown: " + text


for c in ("go north", "go west", "take lamp key", "take", "quit", "", "dance now"):
    print(repr(c), "->", command(c))

for value in (True, 1, 1.0, "1", b"1", (1,), [1], {"k": 1}):
    match value:
        case True:
            r = "True literal"
        case 1:
            r = "one"
        case str() | bytes():
            r = "text"
        case (x,):
            r = f"1-seq {x}"
        case {"k": v}:
            r = f"mapping {v}"
    print(repr(value), r)
