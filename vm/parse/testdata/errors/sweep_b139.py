x.y = f() = z
