async def f():
    async x = 1
