match = 1
case = 2
_ = 3
match(x)
match[1]: int = 2
match.x = case
print(match, case, _)
match -x:
    case _:
        pass
match (a, b):
    case (1, 2,):
        pass
    case ((a)):
        pass
match x,:
    case a, *b,:
        pass
match [x]:
    case [[1], (2, *_), []]:
        pass
match {}:
    case {-1: a, 1.5: b, "k" "j": c, None: d, True: e, False: f, x.y.z: g, -1-2j: h, 3+0j: i,}:
        pass
    case {**rest,}:
        pass
    case {"a": {"b": [c, {**d}]}}:
        pass
def f():
    match x:
        case a.b(c.d(), x=y.z()) if match(case):
            return case
        case P(1, 2, a=3, b=(4 | 5) as q,):
            pass
        case -0 | -1.5 | 0x10 | 1_000 | 1e3 | 10j | b'x' | f"s" | r"\d":
            pass
        case (1 | 2) | (3 | 4):
            pass
        case x if (y := x):
            pass
