async def f():
    f'{await x}'
