# bytes and bytearray methods (ASCII-only, as CPython's bytes_methods.c):
# character tests, case mapping, padding, partition, removeprefix/suffix,
# splitlines, translate/maketrans, fromhex, %, the constructors' int and
# range handling, and the argument errors' exact messages.


def show(label, thunk):
    try:
        r = thunk()
    except Exception as e:
        print(label, "!!", type(e).__name__, e)
    else:
        print(label, "->", repr(r))


class B(bytes):
    pass


class BA(bytearray):
    pass


class Idx:
    def __index__(self):
        return 3


class BigIdx:
    def __index__(self):
        return 2**70


class BadIdx:
    def __index__(self):
        raise TypeError("no index")

    def __iter__(self):
        return iter([7, 8])


samples = [b"", b"a", b"Z", b"7", b" ", b"\t\n\x0b\x0c\r ", b"abc", b"ABC",
           b"Abc Def", b"hello World", b"aBc123", b"123", b"1.5", b"\xe9t\xe9",
           b"caf\xc3\xa9", b"\x80\xff", b"Hello, World!", b"they're bill's",
           b"A1 B2", b"a\tb\n\tc\r\td", b"-42", b"+7", b"\x00", b"ABC\xc9"]
tests = ["isalnum", "isalpha", "isascii", "isdigit", "islower", "isupper",
         "isspace", "istitle"]
maps = ["capitalize", "swapcase", "title", "upper", "lower"]
for T in (bytes, bytearray):
    print("==", T.__name__)
    for s in samples:
        x = T(s)
        print(repr(x), [getattr(x, t)() for t in tests])
        print("  ", [getattr(x, m)() for m in maps])
    for x in (T(b"abc"), T(b""), T(b"-3"), T(b"+"), T(b"\xff\x00")):
        for w in (-1, 0, 2, 3, 4, 6, 7, True):
            print(repr(x), w, x.center(w), x.ljust(w), x.rjust(w), x.zfill(w))
        print(x.center(8, b"*"), x.ljust(5, bytearray(b"\xfe")),
              x.rjust(6, b"0"), x.center(9, T(b"-")))
    for s in (b"a\tb", b"\tx\ty\n\tz\r1\t2", b"no tabs", b"", b"\t\t",
              b"12345\t|", b"\xe9\t\xe9"):
        x = T(s)
        print(repr(x), [x.expandtabs(n) for n in (8, 4, 1, 0, -3)],
              x.expandtabs(tabsize=3), x.expandtabs())
    for s, sep in [(b"a,b,c", b","), (b"a,b,c", b"x"), (b"abc", b"abc"),
                   (b"", b"a"), (b"a::b::c", b"::"), (b"\xe9\xe9", b"\xe9"),
                   (b"abab", bytearray(b"b"))]:
        x = T(s)
        print(repr(x), x.partition(sep), x.rpartition(sep))
    for s in (b"prefix-body-suffix", b"pre", b"", b"aaa"):
        x = T(s)
        print(repr(x), x.removeprefix(b"pre"), x.removesuffix(b"suffix"),
              x.removeprefix(b""), x.removesuffix(bytearray(b"aa")),
              x.removeprefix(x))
    for s in (b"", b"one", b"one\n", b"a\nb\r\nc\rd", b"\n\n", b"\r\n\r",
              b"x\x0by\x0cz\x1c\x1d\x1e\x85", b"end\r"):
        x = T(s)
        print(repr(x), x.splitlines(), x.splitlines(True),
              x.splitlines(keepends=1), x.splitlines(False))
    table = T.maketrans(b"abc", b"xyz")
    print(type(table).__name__, len(table), table[95:101])
    up = bytes(range(256)).upper()
    for s in (b"abcabc", b"hello", b"", b"\xe9abc"):
        x = T(s)
        print(repr(x), x.translate(table), x.translate(None),
              x.translate(None, b"lo"), x.translate(up, b"a"),
              x.translate(table, delete=bytearray(b"c")),
              x.translate(bytearray(table)))
    print(T.fromhex("61 62\t63\n"), T.fromhex(""), T.fromhex(" 0aFF "))
    print(T(b"%s-%d-%x") % (b"ab", 5, 255), T(b"100%%") % (),
          T(b"%(a)s") % {b"a": b"A"})
    print(T(b"abc").__rmod__(b"%s"), T(b"abc").__rmod__("%s"))

print("== subclasses and identity")
b = b"abc"
print(b.center(2) is b, b.ljust(3) is b, b.zfill(1) is b,
      b.translate(None) is b, b.removeprefix(b"x") is b,
      b.partition(b"x")[0] is b, b.rpartition(b"x")[2] is b,
      b.splitlines()[0] is b)
ba = bytearray(b"abc")
print(ba.center(2) is ba, ba.translate(None) is ba,
      ba.partition(b"x")[0] is ba, ba.removesuffix(b"z") is ba)
sep = bytearray(b"b")
print(b"abc".partition(sep)[1] is sep, b"abc".partition(sep))
print(type(B(b"abc").center(2)), type(B(b"ab").title()),
      type(B(b"x").partition(b"y")[0]), type(B(b"ab").splitlines()[0]))
print(type(BA(b"abc").center(2)), type(BA(b"ab").title()),
      type(BA(b"ab").partition(b"a")[0]))
print(type(B.fromhex("61")), B.fromhex("6162"), type(BA.fromhex("61")),
      BA.fromhex("6162"))
print(type(bytearray.maketrans(b"", b"")), bytes.maketrans(b"", b"")[:4])
print(type(B(b"%s") % b"x"), type(BA(b"%s") % b"x"))

print("== constructors")
for make in ["bytes(False)", "bytes(True)", "bytearray(False)",
             "bytearray(True)", "bytes(Idx())", "bytearray(Idx())",
             "bytes(3)", "bytearray(3)", "bytes([2**70])",
             "bytes([-2**63])", "bytes([-2**70])", "bytearray([-2**63])",
             "bytearray([2**70])", "bytes([BigIdx()])", "bytearray([BigIdx()])",
             "bytes([Idx(), True])", "bytearray([Idx(), True])",
             "bytes(2**70)", "bytearray(2**70)", "bytes(-2**70)",
             "bytearray(-2**70)", "bytes(BigIdx())", "bytearray(BigIdx())",
             "bytes(-1)", "bytearray(-1)", "bytes(BadIdx())",
             "bytearray(BadIdx())", "bytes([256])", "bytearray([256])",
             "bytes([1.0])", "bytearray([1.0])", "bytes(1.0)",
             "bytearray(1.0)", "bytes(None)", "bytearray(None)",
             "bytearray('a')", "bytearray(1, 'x')", "bytes(1, 'x')",
             "bytearray(b'a', 'utf-8')", "bytearray(b'a', errors='x')",
             "bytes(b'a', errors='x')", "bytes('a', errors='strict')",
             "bytearray('a', errors='strict')", "bytearray(encoding='utf-8')",
             "bytes(errors='strict')", "bytearray(x=1)", "bytes(x=1)",
             "bytearray(1, 2, 3, 4)", "bytearray(1, 'a', 'b', errors='c')",
             "bytearray(source=b'ab')", "bytes(source=b'ab')",
             "bytearray('\u00e9', 'utf-8')", "bytearray('\u00e9', 'ascii')",
             "bytearray('\u00e9', 'ascii', 'replace')", "bytearray(1, 2)",
             "bytearray('a', 'ascii', 3)", "bytearray(iter([1, 2]))",
             "bytearray((x for x in [1, 300]))", "bytearray(bytearray(b'q'))",
             "bytes(bytearray(b'q'))", "bytearray(b'xy')", "BA(b'ab')",
             "BA(2)", "B(True)", "bytearray(range(3))", "bytes(2**63 - 1)",
             "b'a'.ljust(2**63 - 1)", "b'a'.zfill(2**63 - 20)"]:
    show(make, lambda: eval(make))

print("== bytes-like arguments")
for expr in ["b'abc'.split(bytearray(b'b'))", "b'abc'.strip(bytearray(b'ac'))",
             "b'abc'.find(bytearray(b'c'))", "bytearray(b'b') in b'abc'",
             "b'-'.join([b'a', bytearray(b'b')])",
             "b'abc'.startswith(bytearray(b'ab'))",
             "b'abc'.endswith((bytearray(b'x'), b'bc'))",
             "b'abc'.replace(bytearray(b'b'), bytearray(b'B'))",
             "b'ab' + bytearray(b'cd')", "2**70 in b'abc'",
             "b'abc'.find(2**70)", "b'abc'.count(-2**70)",
             "2**70 in bytearray(b'a')", "b'abc'.find(BigIdx())"]:
    show(expr, lambda: eval(expr))

print("== errors")
for T in ("b'abc'", "bytearray(b'abc')"):
    for call in [
            "capitalize(1)", "capitalize(a=1)", "isalnum(1)", "isalnum(a=1)",
            "istitle(1)", "swapcase(None)", "title(x=2)", "isascii(0)",
            "center()", "center(1, 2, 3)", "center(w=1)", "center('a')",
            "center(5, 'a')", "center(5, b'ab')", "center(5, b'')",
            "center(5, bytearray(b'ab'))", "center(5, 1)", "center(2**70)",
            "center(-2**70)", "center(5.0)", "center(Idx(), b'.')",
            "ljust(5, 'a')", "ljust()", "rjust(5, None)", "rjust(1, 2, 3)",
            "rjust(BigIdx())", "zfill()", "zfill(1, 2)", "zfill('a')",
            "zfill(w=2)", "zfill(2**70)", "zfill(Idx())",
            "expandtabs(1, 2)", "expandtabs(tabsize='a')", "expandtabs(x=1)",
            "expandtabs(2**40)", "expandtabs(2**70)", "expandtabs(-2**40)",
            "expandtabs(1, tabsize=1)", "expandtabs(tabsize=1, x=2)",
            "expandtabs(1.0)", "expandtabs(Idx())",
            "partition()", "partition('a')", "partition(b'')", "partition(1)",
            "partition(sep=b'a')", "partition(b'a', b'b')", "rpartition(b'')",
            "rpartition([])", "rpartition(None)",
            "removeprefix()", "removeprefix('a')", "removesuffix(1)",
            "removeprefix(b'a', b'b')", "removesuffix(suffix=b'c')",
            "splitlines(1, 2)", "splitlines('a')", "splitlines(1.5)",
            "splitlines(keepends=None)", "splitlines(foo=1)",
            "splitlines(2**80)", "splitlines(Idx())", "splitlines(True, x=1)",
            "splitlines(keepends=1, x=2)",
            "translate()", "translate('a')", "translate(b'a')",
            "translate(None, 'a')", "translate(None, delete=1)",
            "translate(None, b'', b'')", "translate(table=None)",
            "translate(None, deletechars=b'')", "translate(None, x=b'')",
            "translate(None, b'a', delete=b'b')", "translate('a', 'b')",
            "translate(b'a', 'b')", "translate(None, table=None)",
            "translate(delete=b'', x=1)",
            "maketrans()", "maketrans(b'a')", "maketrans(b'a', b'bc')",
            "maketrans('a', b'b')", "maketrans(b'a', 'b')",
            "maketrans(b'a', b'b', b'c')", "maketrans(frm=b'a', to=b'b')",
            "fromhex()", "fromhex(b'61')", "fromhex('6')", "fromhex('zz')",
            "fromhex('61 6g')", "fromhex('zz \u00e9')", "fromhex('\u00e9')",
            "fromhex('61', '62')", "fromhex(string='61')",
            "__mod__()", "__rmod__()", "__mod__(1)", "__rmod__(1)"]:
        expr = T + "." + call
        show(expr, lambda: eval(expr))
    show(T + " % 1", lambda: eval(T + " % 1"))
    show("5 % " + T, lambda: eval("5 % " + T))
    show("type(" + T + ").fromhex('6')",
         lambda: eval("type(" + T + ").fromhex('6')"))

for name in ("isalpha", "center", "partition", "translate", "zfill"):
    show("bytes." + name + "(1)", lambda: getattr(bytes, name)(1))
    show("bytearray." + name + "(b'')",
         lambda: getattr(bytearray, name)(b""))
    show("bytes." + name + "()", lambda: getattr(bytes, name)())

# b += b: CPython resizes b while b's own buffer is exported (BufferError);
# extend, slice assignment and *= copy first.
b = bytearray(b'ab')
for op in ('b += b', 'b.extend(b)', 'b[:] = b', 'b[0:0] = b', 'b *= 2'):
    try:
        exec(op)
        print(op, 'ok', bytes(b))
    except BufferError as e:
        print(op, 'BufferError', e)
