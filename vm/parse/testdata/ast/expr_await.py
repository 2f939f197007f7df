async def f():
    await x
    await x.y()
    a = await b
    return await c ** 2
    [await z for z in w]
