match x:
    case True as x | 3: pass
