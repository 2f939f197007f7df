# re: match/search/fullmatch/findall/finditer/sub/split, groups, flags.
import re

print("-- match / search / fullmatch")
m = re.match(r"(\w+) (\w+)", "hello world extra")
print(m.group(), m.group(1), m.group(2), m.groups(), m.span(), m.start(2), m.end(2), m.string)
print(re.match(r"\d+", "abc123"), re.search(r"\d+", "abc123def").group(), re.fullmatch(r"[a-z]+", "abc") is not None)
print(re.fullmatch(r"[a-z]+", "abc1"), bool(re.search(r"^$", "")), re.search(r"x*", "aaa").span())
m = re.search(r"(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)", "date: 2024-03-15.")
print(m.group("year"), m["month"], m.groupdict(), m.span("day"), m.lastgroup, m.lastindex)
m = re.match(r"(a)(b)?(c)?", "ac")
print(m.groups(), m.groups("-"), m.group(0, 1, 3), m.span(2))

print("-- findall / finditer")
text = "The rain in Spain stays mainly in the plain; 42 cats, 7 dogs, 1999 birds."
print(re.findall(r"ai\w*", text), re.findall(r"\d+", text), re.findall(r"(\d+) (\w+)", text))
print(re.findall(r"\b[A-Z]\w*", text), re.findall(r"(?i)the", text), re.findall(r"[aeiou]{2}", text))
print([(m.start(), m.group()) for m in re.finditer(r"\bin\b", text)])
print(re.findall(r"a|b|", "abc"), re.findall(r"(a)(x)?", "aa"), re.findall(r"", "ab"))

print("-- sub / subn")
print(re.sub(r"\d+", "#", text), re.subn(r"ai", "AI", text)[1])
print(re.sub(r"(\w+)@(\w+)\.com", r"\2 at \1", "joe@example.com, ann@test.com"))
print(re.sub(r"(?P<w>\b\w)", lambda m: m.group("w").upper(), "make title case words"))
print(re.sub(r"\s+", " ", "  many   spaces\there \n"), re.sub("a", "b", "aaaa", count=2))
print(re.sub(r"(\d)(\d)", r"\g<2>\g<1>", "1234"), re.sub(r"x*", "-", "abc"), re.sub(r"^", "> ", "a\nb", flags=re.M))

print("-- split")
print(re.split(r"\W+", "Words, words, words."), re.split(r"(\W+)", "Words, words."), re.split(r"\s", "a b c", maxsplit=1))
print(re.split(r"[,;]\s*", "a, b;c,  d"), re.split(r"x*", "axbc"), re.split(r"(?:ab)+", "xababy"))

print("-- compile, flags, escaping")
pat = re.compile(r"^(\w+):\s*(.*)$", re.MULTILINE)
headers = "Host: example.com\nAccept: */*\nX-Empty:"
print(pat.findall(headers), pat.pattern, pat.flags & re.MULTILINE != 0, pat.groups)
print(re.findall(r"^a.c$", "abc\nA\nc\nanc", re.I | re.M), re.findall(r"a.c", "a\nc", re.S), re.findall(r"a.c", "a\nc"))
verbose = re.compile(r"""
    (\d{3})   # area
    [-.\s]?
    (\d{4})   # number
""", re.X)
print(verbose.search("call 555-1234 now").groups(), re.escape("a.b*c?[d]"), re.escape("simple_word"))
print(re.search(r"caf\w", "café").group(), re.findall(r"\w+", "naïve über"), re.findall(r"(?a)\w+", "naïve"))
print(re.match(r"(?i)HELLO", "hello").group())
print(re.match(r"(?:ab)+", "ababx").group(), re.findall(r"a{2,3}", "aaaaaaa"))
print(re.findall(r"<.*?>", "<a><b></b>"), re.findall(r"<.*>", "<a><b></b>"), re.findall(r"\d+?", "123"))
print(re.findall(r"[^a-c]+", "abcdefabc"), re.findall(r"[\d.]+", "v1.2.3 and 4"), re.findall(r"\S+", " x  y "))

print("-- match objects")
m = re.search(r"(\d+)\.(\d+)", "pi is 3.14159")
print(m.expand(r"\2.\1"), m.re.pattern, m.pos, m.endpos)
print(bool(re.match("a", "a")), re.match("a", "b") is None, re.compile("x").search("yyxy").start())
print(re.compile(r"\d").sub("N", "a1b22"), re.compile(r"o").subn("0", "foo boo"), re.purge())
