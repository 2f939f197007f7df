match x:
    case {**r, 'a': b}: pass
