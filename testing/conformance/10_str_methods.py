# Common str methods.

s = "  Hello, World! Hello again.  "
w = "hello world"

print("-- case")
print(w.upper(), w.lower(), w.title(), w.capitalize(), "HeLLo".swapcase(), "ß".upper())
print("hello WORLD".casefold(), "o'neil's x-ray".title(), "éclair".upper(), "ǅ".lower())
print("abc".isupper(), "ABC".isupper(), "Abc".istitle(), "abc1".islower(), "".islower())

print("-- strip / split / join")
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr("xxhixx".strip("x")))
print(repr("<<a>>".lstrip("<")), repr("<<a>>".rstrip(">")), repr("abcba".strip("ab")))
print(s.split(), s.split(","), "a,b,,c,".split(","), "a b  c".split(" "), "".split())
print("a,b,c,d".split(",", 2), "a,b,c,d".rsplit(",", 2), "a  b \t c\n d".split(None, 2))
print("line1\nline2\r\nline3\rline4\n".splitlines(), "x\ny\n".splitlines(True), "".splitlines())
print("-".join(["a", "b", "c"]), "".join(map(str, range(5))), ", ".join(sorted({"z", "y"})))
print("k=v=w".partition("="), "k=v=w".rpartition("="), "none".partition("="), "none".rpartition("="))

print("-- find / index / count / replace")
print(w.find("o"), w.find("o", 5), w.find("zz"), w.rfind("o"), w.index("world"), w.rindex("l"))
print(w.count("l"), w.count("lo"), w.count(""), "aaaa".count("aa"), w.find(""), w.find("", 50))
print(w.replace("l", "L"), w.replace("l", "L", 2), w.replace("", "."), "aaa".replace("a", "bb"))
print(w.startswith("hell"), w.startswith(("x", "he")), w.endswith("rld"), w.endswith("o", 0, 5))
print("abc".removeprefix("a"), "abc".removesuffix("bc"), "abc".removeprefix("z"))
try:
    w.index("zzz")
except ValueError as e:
    print("ValueError", e)

print("-- predicates")
for t in ("abc", "ABC", "123", "12.5", "a1", " ", "", "Ab Cd", "\t\n", "ⅷ", "½", "٣", "_x", "x y"):
    print(repr(t), t.isalpha(), t.isdigit(), t.isnumeric(), t.isdecimal(), t.isalnum(),
          t.isspace(), t.isidentifier(), t.isprintable(), t.isascii())

print("-- padding and alignment")
print(repr("ab".center(7)), repr("ab".center(6, "*")), repr("ab".ljust(5, "-")), repr("ab".rjust(5)))
print("42".zfill(6), "-42".zfill(6), "+7".zfill(4), "abc".zfill(2), "a\tb\tc".expandtabs(4))
print(repr("x\ty".expandtabs()), repr("12345\t1".expandtabs(4)))

print("-- misc")
print(len("héllo"), "abc" * 3, "a" + "b", "b" in "abc", "abc"[1], "abc"[-1], min("hello"), max("hello"))
print("Hello".encode("ascii"), "%".join("abc"), str(123), str(None), str([1, "a"]), str(b"x"))
table = str.maketrans("abc", "xyz", "d")
print("abcdabcd".translate(table), "hello".translate({ord("l"): None, ord("h"): "J"}))
print(sorted("banana"), list(reversed("abc")), "".join(reversed("stressed")), "a-b_c".split("-"))
print("{} and {}".format("x", "y"), "tEST".capitalize(), "x".join("123"), "ab".__len__())
print(ascii("naïve ☃"), repr("tab\there"), "\u00e9" == "é", "e\u0301" == "é")
print(" ".join(w.split()[::-1]), "-".join(c.upper() for c in "abc"), "a b".split(" ", 0))
print("%s|%r|%a" % ("é", "é", "é"), "abc".index("c"), "Mississippi".lower().count("ss"))
