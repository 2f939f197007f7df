async def f():
    await g()
    async for x in y:
        pass
    async with a as b:
        pass
    async for x in y:
        pass
    else:
        pass
    async with a, b:
        pass
    return [x async for x in y]
