def f(x):
    """Docstring."""
    y = x + 1
    return y


def g():
    def h():
        nonlocal v
    return h
