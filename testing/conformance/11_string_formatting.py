# printf-style % formatting, str.format and the format() builtin.

print("-- % formatting")
print("%s %s" % ("a", 1), "%d%%" % 50, "%5d|%-5d|%05d|%+d|% d" % (42, 42, 42, 42, 42))
print("%x %X %o %#x %#X %#o %c %c" % (255, 255, 8, 255, 255, 8, 65, "z"))
print("%f|%.2f|%10.3f|%-10.1f|%e|%.3E|%g|%G" % (3.14159, 3.14159, 3.14159, 3.14159,
                                                 12345.678, 0.000123, 1e-10, 1e20))
print("%r %a %s" % ("é", "é", [1, "x"]), "%s" % (("tuple",),), "%s" % [1, 2])
print("%(name)s is %(age)d years" % {"name": "Ann", "age": 30}, "%(x)r" % {"x": None})
print("%*d|%-*d|%.*f" % (6, 1, 6, 2, 2, 3.14159), "%i %u" % (-3, 7), "%.3s" % "abcdef")
print("%d" % 3.99, "%d" % -3.99, "%s" % 1.0, "%.0f %.0f %.0f" % (0.5, 1.5, 2.5), "%5.1s|" % "xyz")
print("%x" % -255, "%o" % -8, "%d" % (2 ** 70), "%x" % (2 ** 70), "%.2e" % (2 ** 70))
print("%s and %s" % (True, None), "%d" % True, "%%", "%-6s|" % "ab", "%06.2f" % -3.14159)
b = b"%s=%d" % (b"k", 5)
print(b, b"%x" % 255, b"%5s|" % b"ab", b"%c" % 65, b"%%")
for bad in (("%d", "x"), ("%s %s", ("a",)), ("%s", ("a", "b")), ("%z", 1)):
    try:
        print(bad[0] % bad[1])
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

print("-- str.format")
print("{} {} {}".format(1, "two", 3.0), "{0} {1} {0}".format("a", "b"), "{x}-{y}".format(x=1, y=2))
print("{0[1]} {1[k]} {2.real}".format([10, 20], {"k": "v"}, 5), "{:>8}|{:<8}|{:^8}|".format("r", "l", "c"))
print("{:08.3f} {:+.2e} {:,} {:_b} {:#o} {:%}".format(3.14159, 12345.6789, 10 ** 9, 255, 8, 0.125))
print("{!r} {!s} {!a}".format("é", "é", "é"), "{{}} {}".format("x"), "{:{w}.{p}f}".format(2.71828, w=10, p=2))
print("{:*^15}".format(" mid "), "{:=+8d}".format(42), "{:x<4}".format(7), "{0:{1}}".format("ab", 5))
print("{:c}".format(9731), "{:n}".format(1234), "{:.2s}".format("xyz"), "{:10}|".format(3.5))
print("{:g} {:g} {:g} {:g}".format(1.0, 0.0001, 1e-5, 123456789.0), "{:.3g}".format(2 / 3))
print("{} {}".format(*["star", "args"]), "{a}{b}".format(**{"a": 1, "b": 2}))
print("{0!r:>10}".format("q"), "{:>{}}".format("z", 4), "{:5}|{:<5}|".format(True, None.__class__.__name__))
print("{:.1f} {:.1f} {:.1f} {:.1f}".format(0.05, 0.15, 0.25, 0.35), "{:.2f}".format(2.675))
print("{:,.2f} {:_d} {:08,d}".format(1234567.891, 123456789, 1234))
for bad in ("{", "}", "{0} {}", "{:d}", "{missing}"):
    try:
        print(bad.format("s"))
    except (ValueError, KeyError, IndexError) as e:
        print(type(e).__name__, e)

print("-- format() builtin and __format__")
print(format(3.14159, ".3f"), format(42, "08b"), format("s", "^5"), format(1e6), format(12), format(None))
print(format(255, "x"), format(-255, "#x"), format(0.5, "%"), format(1234.5, ",.1f"), format(2 ** 64, ","))
print(format(float("inf"), "10.2f"), format(float("-nan"), "f"), format(-0.0, "+.1f"), format(1e-300, ".2g"))
print(format(123.456, "e"), format(123.456, ".0e"), format(123.456, ".10g"), format(0.1, ".20f"))
print(format(100.0, "g"), format(1e16, "g"), format(1e16), format(123456789012.0, ".12g"))


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __format__(self, spec):
        if spec == "short":
            return "$%d" % (self.cents // 100)
        return "$" + format(self.cents / 100, spec or ".2f")


m = Money(123456)
print(format(m), format(m, "short"), "{:short} {:,.1f}".format(m, m), f"{m:>12.3f}")
print(format([1, 2]), format((1,), ""), str.format("{}", {1}))
try:
    format([1, 2], "x")
except TypeError as e:
    print("TypeError", e)
try:
    format(object(), "d")
except TypeError as e:
    print("TypeError", e)
