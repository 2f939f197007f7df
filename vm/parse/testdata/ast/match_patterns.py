match x:
    case None: pass
    case 1 | -2 | 1+2j | -1-2j | "a" "b" | b"x" | a.b.c: pass
    case [a, *_, (b, c), *r] if a: pass
    case (): pass
    case {1: a, "x": _, **rest}: pass
    case {}: pass
    case C(1, a=2) as z: pass
    case C(): pass
    case _: pass
match a, *b:
    case x, y: pass
