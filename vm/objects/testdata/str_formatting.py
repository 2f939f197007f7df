# printf-style formatting, str.format, format_map and str.__format__
# (vm/objects/str_format.cc).


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)


print("%s is %d years" % ("Ann", 42), "%5s|%-5s|%.2s" % ("ab", "cd", "xyz"), "%%" % (), "100%%" % ())
print("%-5d|%05.1f|%+d|% d|%x|%#o|%c|%c|%r|%a|%.2s" % (3, 2.25, 4, 5, 255, 8, 65, "z", "q", "é", "abcdef"))
print("%(a)s %(b)r %(a)s" % {"a": 1, "b": "x"}, "%s" % [1, 2], "%s" % {}, "%s" % (1,), "%s" % ((1, 2),))
print("%d" % 3.9, "%d" % True, "%s" % None, "%i" % -2**70, "%x" % 2**70, "%X" % 255, "%o" % -8, "%#x" % 0)
print("%.3d|%+.2e|%g|%G|%10.3E|%#x|%#X|%-#8o|" % (5, 12345.678, 1e-5, 1e20, 3.5, 255, 255, 8))
print("%*d|%-*d|%.*f" % (4, 1, 4, 2, 2, 3.14159), "%5.1f%%" % 99.44, "%e" % 0.0, "%f" % -0.0, "%.0f" % 2.5)
print("%s %s" % ("a", "b"), "%c" % "é", "%5c|" % "x", "%s" % b"x", "%r" % "it's", "%a" % "\u20ac")


class M:
    def __getitem__(self, k):
        return k * 2


print("%(ab)s" % M())
for fmt, args in [("%d", "a"), ("%d %d", (1,)), ("%d", (1, 2)), ("%(a)s", 1), ("%(a)s", {}),
                  ("%x", 1.5), ("%c", "ab"), ("%c", 1114112), ("%c", -1), ("%q", 1), ("%s %s", [1, 2]),
                  ("%", ()), ("%(a", {}), ("%*d", ("a", 1)), ("%f", "a"), ("%5%", ()), ("%5%", (1,)),
                  ("%d", float("nan")), ("%d", float("inf")), ("%o", 1.5), ("%s", ()), ("%z %s", (1,)),
                  ("%(a)*d", {"a": 1}), ("%s %s", {"a": 1})]:
    show(repr(fmt), lambda: fmt % args)
print("{} {}".format(1, "a"), "{0} {1} {0}".format("x", "y"), "{a}-{b}".format(a=1, b=2), "{{}} {{x}}".format())
print("{:>5}|{:^5}|{:*<6}|{!r}|{!s:3}|".format("a", "b", "c", "d", "e"))
print("{0!r:>{1}}".format("a", 5), "{:{}{}}".format(3, ">", 4), "{0:{a}}".format(1, a="x"))
print("{x[0]}{x[a]}".format(x={0: 1, "a": 2}), "{0.real}".format(3), "{0[1][0]}".format([0, [9]]), "{0.__class__.__name__}".format(1.5))
print("{:d}|{:5d}|{:<5d}|{:x}|{:,}|{:.2f}|{:e}|{:%}|{:08.3f}".format(7, 7, 7, 255, 1234567, 3.14159, 1234.5, 0.25, -3.14159))
print("{!a}".format("é"), "{:10}|".format("left"), "{:>10}|".format(3.5), "{:^9.3}|".format("abcdef"), "{:=+6}".format(42))


class P:
    def __format__(self, spec):
        return "P(" + spec + ")"


print("{}|{:abc}|{:{}}".format(P(), P(), P(), "zz"), format(P(), "q"), "{0}".format_map({}) if False else "", "{a}".format_map({"a": 1}))
for fmt, args, kwargs in [("{}", (), {}), ("{0}{}", (1, 2), {}), ("{}{0}", (1, 2), {}), ("{a}", (), {}),
                          ("{0.x}", (1,), {}), ("{0[1]}", ([],), {}), ("{", (), {}), ("}", (), {}),
                          ("{!x}", (1,), {}), ("{:d}", ("a",), {}), ("{!r", (1,), {}), ("{0!rr}", (1,), {}),
                          ("{0:", (1,), {}), ("{a.b[", (), {"a": 1}), ("{[}", (1,), {}), ("{0}}", (1,), {}),
                          ("{0[a]b}", ({"a": 1},), {}), ("{0.a.}", (1,), {}), ("{0..a}", (1,), {}),
                          ("{:{:{}}}", (1, 2, 3), {}), ("{0]}", (1,), {}), ("{99999999999999999999}", (1,), {}),
                          ("{:}", (), {}), ("{0!}", (1,), {}), ("{0[}", (1,), {}), ("{:s}", (1,), {})]:
    show(repr(fmt), lambda: fmt.format(*args, **kwargs))
show("format_map pos", lambda: "{0}".format_map({}))
show("format_map missing", lambda: "{a}".format_map({}))
print(format("abc", ">6"), format("abc"), "abc".__format__(""), "abc".__format__("^7"), format("é", "*^5"))
show("__format__ int", lambda: "a".__format__(1))
show("__format__ code", lambda: "a".__format__("d"))
show("format sign", lambda: format("a", "+"))
print(ascii("é€𝄞\n"), ascii([1, "ü"]), ascii("plain"))
# bytes % args
print(b"%s=%d" % (b"k", 5), b"%x %5.2f %c %c" % (255, 1.5, 65, b"z"), b"%5s|%-5b|%.1s" % (b"ab", b"cd", b"xyz"), b"%%" % ())
print(b"%r %a" % ("\xe9", b"x"), b"%(a)s" % {b"a": b"x"}, b"\xff%s" % b"x", b"%s" % b"a\xff")
for fmt, args in [(b"%s", "a"), (b"%c", 300), (b"%c", b"ab"), (b"%c", "a"), (b"%d %d", (1,)), (b"%d", (1, 2)),
                  (b"%(a)s", {"a": b"x"}), (b"%z", 1), (b"%s", 5), (b"%d", "x"), (b"%s", [1])]:
    show(repr(fmt), lambda: fmt % args)
