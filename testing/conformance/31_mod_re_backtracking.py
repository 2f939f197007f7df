# re features that need a backtracking engine (lookaround, backreferences,
# conditionals) and sre's own error messages. Kept apart from 30_mod_re.py
# because minidynamo's re is built on RE2, which has none of these.
import re

print("-- lookahead / lookbehind")
print(re.search(r"(?<=\$)\d+", "cost $45").group(), re.findall(r"\d+(?!px)\b", "12px 34em 56"))
print(re.findall(r"\w+(?=,)", "a, b, c"), re.findall(r"(?<!-)\b\d+", "-1 2 -3 4"), re.sub(r"(?<=a)b", "X", "abab cb"))
print(re.split(r"(?<=[.!?]) ", "One. Two! Three? Four"), re.findall(r"(?=(\d\d))", "12345"))

print("-- backreferences and conditionals")
print(re.findall(r"(\w)\1", "aabbcdde"), re.sub(r"\b(\w+) \1\b", r"\1", "the the cat sat sat down"))
print(re.match(r"(?P<q>['\"]).*?(?P=q)", "'quoted' rest").group(), re.findall(r"(<)?\w+(?(1)>)", "<a> b <c"))

print("-- nested quantifiers and alternation order")
print(re.match(r"(a+)+b", "aaab").groups(), re.match(r"(a|ab)(c|bcd)(d*)", "abcd").groups())

print("-- sre error messages")
try:
    re.compile(r"(unclosed")
except re.error as e:
    print("re.error", e)
try:
    re.compile(r"a{2,1}")
except re.error as e:
    print("re.error", e)
try:
    re.compile(r"(?<=a+)b")
except re.error as e:
    print("re.error", e)
try:
    re.compile(r"\1(a)")
except re.error as e:
    print("re.error", e)
