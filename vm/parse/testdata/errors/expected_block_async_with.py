async def f():
 async with x:
 z
