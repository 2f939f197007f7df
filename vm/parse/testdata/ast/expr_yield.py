def g():
    yield
    yield 1
    yield 1, 2
    x = yield
    y = yield z
    yield from w
    z = yield from w
    await_ = (yield)
    yield *a, b
    return (yield)
