def f():
    return 1, 2
    return *a, b
    return (1, 2)
    return a,
