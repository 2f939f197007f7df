# Integer arithmetic and bitwise operations, small and big.

vals = [0, 1, -1, 7, -7, 3, -3, 13, -13, 2 ** 65 + 3, -(2 ** 70) - 11]

print("-- floor division and modulo with signs")
for a in (7, -7, 13, -13, 0, 2 ** 65 + 3, -(2 ** 70) - 11):
    for b in (3, -3, 2, -2, 5, 2 ** 40 + 1, -(2 ** 33)):
        print(a, b, a // b, a % b, divmod(a, b), -a // b, a - (a // b) * b == a % b)

print("-- + - * with mixed sizes")
for a in vals:
    row = []
    for b in (1, -2, 2 ** 64, -(2 ** 63)):
        row.append((a + b, a - b, a * b))
    print(a, row)

print("-- power")
print(2 ** 10, (-2) ** 3, (-2) ** 4, 0 ** 0, 10 ** 0, 3 ** 40, (-3) ** 41, 7 ** 2 ** 2)
print(2 ** -1, 4 ** -2, (-2) ** -3, 10 ** -3)
print(pow(2, 100), pow(3, 4, 5), pow(-3, 3, 7), pow(2, 10 ** 6, 1000007), pow(5, -1, 7))
print(pow(123456789, 987654321, 10 ** 9 + 7), pow(2, 0, 1), pow(0, 0))
print(-2 ** 2, (-2) ** 2, 2 ** 3 ** 2)

print("-- bitwise")
for a in (0, 1, -1, 12, -12, 0xF0F0, 2 ** 70 + 5, -(2 ** 66)):
    print(a, a & 0xFF, a | 0x0F, a ^ 0x55, ~a, a << 3, a >> 2, a & -a if a else 0)
print(1 << 100, (1 << 100) >> 98, -1 >> 10, -1024 >> 3, 5 << 0, (2 ** 80) >> 200)
print(0b1010 & 0b0110, 0b1010 | 0b0110, 0b1010 ^ 0b0110, ~0b1010)
print((2 ** 100 - 1) & (2 ** 64 + 12345), (2 ** 100) | 1, (2 ** 100) ^ (2 ** 100 - 1))

print("-- true division of ints")
print(7 / 2, -7 / 2, 6 / 3, 1 / 3, 2 ** 70 / 2 ** 68, 10 ** 30 / 10 ** 10, 1 / 2 ** 60)
print(10 ** 400 // 10 ** 398, (10 ** 400) % 97, divmod(10 ** 50, 7 ** 20))

print("-- unary, abs, comparisons with big ints")
print(-(-5), +(-5), abs(-5), abs(-(2 ** 90)), abs(0))
print(2 ** 64 > 2 ** 63, -(2 ** 64) < -(2 ** 63), 2 ** 64 == 18446744073709551616)
print(max(vals), min(vals), sum(vals), sorted(vals))

print("-- augmented assignment")
x = 10
x += 5; print(x)
x -= 20; print(x)
x *= -3; print(x)
x //= 4; print(x)
x %= 7; print(x)
x **= 5; print(x)
x <<= 40; print(x)
x >>= 3; print(x)
x &= 0xFFFF0000; print(x)
x |= 0xF; print(x)
x ^= 0xFFFF; print(x)
x /= 8; print(x)

print("-- int conversions and formatting")
for v in (0, 5, -5, 255, -255, 2 ** 70, -(2 ** 70)):
    print(v, hex(v), oct(v), bin(v), str(v), int(str(v)), int(hex(v), 16))
print(int("ff", 16), int("-101", 2), int("0x7f", 0), int("1" * 40), int("-" + "9" * 30))
print(str(2 ** 1000)[:20], len(str(2 ** 1000)), len(str(3 ** 2000)))

print("-- factorial-like big computations")
f = 1
for i in range(1, 60):
    f *= i
print(f)
print(f // (2 ** 50), f % 1000003, f.bit_length())
fib = [0, 1]
for _ in range(200):
    fib.append(fib[-1] + fib[-2])
print(fib[-1], fib[-1] % 12345, fib[150] * fib[151] - fib[152] * fib[149])
