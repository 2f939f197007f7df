# Comparisons (chains, mixed types, containers), boolean logic, short-circuit.

calls = []


def t(name, value):
    calls.append(name)
    return value


print("-- chains")
x = 5
print(1 < x < 10, 1 < x > 10, 0 <= x <= 5 < 6, 10 > x >= 5 == 5.0, x == 5 != 6)
print(1 < 2 < 3 < 4 < 5, 1 < 2 < 2 < 3, 3 > 2 > 1 > 0 > -1, 1 == 1 == 1.0 == True)
calls.clear()
print(t("a", 1) < t("b", 2) < t("c", 0) < t("d", 5), calls)
calls.clear()
print(t("a", 3) < t("b", 2) < t("c", 0), calls)
print(1 in [1, 2] in [[1, 2]], x is x is not None, "a" < "b" < "c" < "ca")

print("-- short-circuit and/or")
calls.clear()
print(t("a", 0) and t("b", 1), calls)
calls.clear()
print(t("a", 2) and t("b", 3), calls)
calls.clear()
print(t("a", "") or t("b", []) or t("c", "x") or t("d", 1), calls)
calls.clear()
print(t("a", None) or t("b", 0), calls)
calls.clear()
print(not t("a", 0), not t("b", [1]), calls)
print(0 or 1 and 2, (0 or 1) and 2, 1 and 0 or 3, None and 1 or "z", [] or {} or ())
print(not not 5, not None, True and True, False or False, 1 and "a", "" or 0)

print("-- truthiness")
for v in (0, 1, -1, 0.0, 0.1, "", " ", [], [0], (), (None,), {}, {0: 0}, set(), None,
          True, False, range(0), range(1), b"", b"\x00", 2 ** 100, -0.0, frozenset()):
    print(repr(v), bool(v), "yes" if v else "no")

print("-- conditional expressions")
for v in range(-2, 3):
    print(v, "neg" if v < 0 else "zero" if v == 0 else "pos", v if v else "falsy")

print("-- comparisons of containers and strings")
print([1, 2, 3] < [1, 2, 4], [1, 2] < [1, 2, 0], [] < [0], (1, "a") < (1, "b"), (2,) > (1, 9))
print([1, [2, 3]] == [1, [2, 3]], (1, 2) == [1, 2], {1: 2} == {1: 2.0}, {1, 2} == {2, 1})
print("abc" < "abd", "abc" < "ab", "Z" < "a", "" < "a", "é" > "z", "10" < "9", "a" <= "a")
print({1, 2} < {1, 2, 3}, {1, 2} <= {1, 2}, {1, 2} > {1}, {1, 2} >= {3}, {1} | {2} == {1, 2})
print(b"abc" < b"abd", b"a" == b"a", bytearray(b"x") == b"x", (1, 2, 3) >= (1, 2))
print(None == None, None is None, None != 0, [] == [], [] is not [], 1 == 1.0 == True)
print(float("nan") in [float("nan")], 0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-9)

print("-- identity and equality")
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c, id(a) == id(b), id(a) == id(c))
print(True is True, (1 == 1) is True, type(1 < 2).__name__, int(True), True == 1)
print(True + 1, False * 5, True & False, True | False, True ^ True, ~True, -True)
print(isinstance(True, int), str(True), repr(False), bool("False"), bool(0.0))

print("-- comparison errors")
for a_, b_ in ((1, "a"), ([1], (1,)), (None, 1), ({1: 2}, {1: 2}), ("a", 1.0)):
    try:
        print(a_ < b_)
    except TypeError as e:
        print("TypeError", e)
print(1 == "1", [1] == (1,), None == False, {} == [])
