match(x)
match x:
    case 0x1 - 0: pass
