async with
