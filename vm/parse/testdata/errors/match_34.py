match x:
    case C(a=1, b=2, 3): pass
