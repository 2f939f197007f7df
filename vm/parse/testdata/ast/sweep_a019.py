async def f():
    return {x: y async for x, y in z}
