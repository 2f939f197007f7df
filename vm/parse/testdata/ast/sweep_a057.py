def f():
    global a
    nonlocal b
