def f():
    global x, y
    x = 1
    def g():
        nonlocal y
