# f-strings: conversions, format specs, nesting, expressions, self-documenting.

name = "World"
n = 42
pi = 3.14159265
items = [1, 2, 3]
d = {"key": "value", "n": 7}


class Thing:
    def __repr__(self):
        return "Thing()"

    def __str__(self):
        return "a thing"

    def __format__(self, spec):
        return "Thing<" + spec + ">"


print("-- basics")
print(f"Hello, {name}!", f"{n}", f"{n + 1}", f"{items}", f"{d['key']}", f'{d["n"]}')
print(f"{{literal braces}}", f"{{{n}}}", f"}}{{", F"capital F {n}")
print(f"{name!r}", f"{name!s}", f"{name!a}", f"{'é'!a}", f"{Thing()!r}", f"{Thing()!s}")
print(f"{Thing()}", f"{Thing():spec}", f"{Thing()!s:>10}|", f"{Thing()!r:*^12}")

print("-- format specs")
print(f"{n:5}|{n:<5}|{n:^5}|{n:>5}|{n:05}|{n:+}|{-n:+}|{n: }|")
print(f"{n:x}|{n:X}|{n:o}|{n:b}|{n:#x}|{n:#o}|{n:#b}|{n:c}|{255:#06x}")
print(f"{1234567:,}|{1234567:_}|{1234567.891:,.2f}|{0xdeadbeef:_x}")
print(f"{pi:.2f}|{pi:10.3f}|{pi:<10.1f}|{pi:e}|{pi:.3E}|{pi:g}|{pi:%}|{0.25:.1%}")
print(f"{1e20:g}|{1e-7:g}|{123456789.0:g}|{0.0001:g}|{100000.0:g}|{1e6:g}")
print(f"{name:10}|{name:>10}|{name:^11}|{name:*<8}|{name:.3}|{name:>8.2}|")
print(f"{-0.0:.1f}|{2.5:.0f}|{3.5:.0f}|{-1.5:.0f}|{1e300:.2e}|{float('nan'):f}|{float('inf'):+f}")
print(f"{12:=+6}|{-12:=6}|{3.0:=+8.2f}|{True}|{True:d}|{None}")
print(f"{1234:d}|{12.5:.3}|{1.0:}|{1e100:.0e}|{7:3d}")

print("-- nested and computed specs")
width, prec = 12, 3
print(f"{pi:{width}.{prec}f}|", f"{name:{'>'}{width}}|", f"{n:{'0'}{width}d}")
print(f"{'nested ' + f'{n * 2}'}", f"{f'{1}'}", f'''{f"{f'{2}'}"}''')
print(f"{[x * 2 for x in items]}", f"{sum(x for x in items)}", f"{(lambda y: y + 1)(n)}")
print(f"{n if n > 10 else 0}", f"{'yes' if items else 'no'}", f"{items[-1]}{items[0]}")
print(f"{d}", f"{ {'a': 1} }", f"{(1, 2)}", f"{n,}")

print("-- self-documenting =")
print(f"{n=}", f"{n = }", f"{n=:>5}", f"{name=!s}", f"{pi=:.2f}", f"{items[1]=}")
print(f"{n + 1=}", f"{name.upper()=}")

print("-- multi-line and mixing")
msg = (f"a={n} "
       "b={not formatted} "
       f"c={name}")
print(msg)
print(f"""triple {n}
second line {name!r}""")
print(rf"raw \n {n}", fr"\t{name}")
for i in range(3):
    print(f"{i:>3}: {'#' * i:<3}| {i / 3:.4f}")
