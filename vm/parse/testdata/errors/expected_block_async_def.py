async def f():
z
