a = [x * y for x in range(3) for y in range(x) if x != y]
b = {k: v for k, v in zip("ab", (1, 2))}
c = {*a, *b}
d = f"{a!r:>{len(b)}} {b['a']=} {'x' if c else 'y'}"
e = lambda *args, key=None, **kw: (args, key, kw)
f = (n := 10) and n ** -1 // 3 % 2 << 1 >> 1 | 2 & 3 ^ ~4
g = a[1:2:-1], a[::], not a is not b in c
h = b"\x00\xff" + rb"\d" + "\N{BULLET}\u00e9"
i = 1_000_000 + 0x_ff + 0o17 + 0b1 + 1.5e-3j
async def co():
    async with x as y:
        async for z in y:
            await z
    return [w async for w in y]
def gen():
    x = yield
    yield from range(x)
global_name: "annotation" = 3
