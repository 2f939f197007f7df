match(x)
def f:
    pass
