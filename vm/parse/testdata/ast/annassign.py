x: int
y: int = 1
(z): int = 2
a.b: str
a[0]: float = 1.0
v: list[int] = []
w: "str" = yield_value
