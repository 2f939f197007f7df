# String and bytes literals: escapes, raw, triple-quoted, implicit concatenation.

print("-- escapes")
print("tab:\tend", "nl:\\n", 'quote:\'', "dq:\"", "bs:\\")
print("\x41\x62\u00e9\u4e2d\U0001F600\N{BULLET}\101\7"[:-1])
print(repr("\x00\x01\x1f\x7f"), repr("\r\n\t\x0b\x0c"), repr("\a\b"))
print(repr("é"), repr("\u200b"), repr("\U0001F600"), repr("\ud800"))
print(len("\N{GREEK SMALL LETTER ALPHA}\N{LATIN CAPITAL LETTER A WITH GRAVE}"))
print("line1\
continued")
print(repr('single'), repr("it's"), repr('say "hi"'), repr("both ' and \""))

print("-- raw strings")
print(r"C:\new\table", R"\d+\.\w*", r'\'', r"\"", len(r"\n"))
print(repr(r"a\b\c"), rb"\x00" == b"\\x00", Rb"\n", bR"\t")

print("-- triple-quoted")
s = """first
  second "with quotes" and 'single'
third\tTAB"""
print(s)
print(repr(s))
t = '''a
b'''
print(repr(t), len(t))
print("""\
no leading newline""")

print("-- implicit concatenation")
x = ("abc" "def"
     'ghi'
     r"\jkl")
print(x)
print("a" 'b' """c""" '''d''')
print(b"by" b'tes', rb"\r" b"\r")
print(("%s-" "%s") % (1, 2))
print(f"{1}" "two" f"{3}")

print("-- bytes literals")
b = b"hello\x00\xff\n"
print(b, repr(b), len(b), b[0], b[-2], b[1:3], list(b[:3]))
print(b"\x7f\x80", b"'", b'"', b"'\"", bytes(3), bytes([65, 66, 67]), bytes("é", "utf-8"))
print(bytearray(b"abc"), bytearray(2), bytes(range(250, 256)))
print(b"abc" + b"def", b"ab" * 3, b"b" in b"abc", b"a" < b"b")
print("é".encode("utf-8"), b"\xc3\xa9".decode("utf-8"), "abc".encode())
print(b"a,b,,c".split(b","), b"  x ".strip(), b"abc".upper(), b"x".join([b"1", b"2"]))
print(b"hello".hex(), bytes.fromhex("deadbeef"), b"abc".find(b"c"), b"aXbXc".replace(b"X", b"-"))

print("-- str identity")
print("abc" == "a" + "bc", str() == "", len(""), "" in "abc")
print(ord("A"), ord("é"), ord("\U0001F600"), chr(97), chr(0x4e2d), chr(128512))
