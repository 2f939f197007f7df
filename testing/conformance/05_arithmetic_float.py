# Float arithmetic, mixed int/float, special values, round, divmod, pow.
import math

print("-- basic ops")
for a in (7.5, -7.5, 0.1, 1e300, -2.0, 3.0):
    for b in (2.0, -0.3, 3, 1e-300):
        print(a, b, a + b, a - b, a * b, a / b, a // b, a % b)

print("-- divmod/floor with floats")
for a, b in ((7.0, 2.0), (-7.0, 2.0), (7.0, -2.0), (-7.0, -2.0), (5.5, 1.5), (-0.0, 1.0),
             (1.0, 0.1), (10, 3.0), (-10, 3.5), (1e20, 3.0)):
    print(a, b, divmod(a, b), a // b, a % b, math.fmod(a, b))

print("-- pow")
print(2.0 ** 10, 2 ** 0.5, (-8.0) ** 2, 4.0 ** -0.5, 10.0 ** 20, 10.0 ** -20, 0.0 ** 0)
print(pow(2.0, 3), pow(9, 0.5), 1.5 ** 3.5, (-2.0) ** 3, 2 ** -1.0, 1e10 ** 30)
print(math.pow(2, 3), math.sqrt(2), math.exp(1), math.log(100, 10), math.log2(1024))

print("-- round")
for v in (0.5, 1.5, 2.5, 3.5, -0.5, -1.5, 2.675, 1.005, 0.125, 0.375, 1234.5678, -1234.5678):
    print(v, round(v), round(v, 1), round(v, 2), round(v, -1), round(v, 0))
for v in (1234, -1234, 15, 25, 35, 45, 2 ** 70 + 5, 1250, -1250):
    print(v, round(v), round(v, -1), round(v, -2), round(v, 2))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__, type(round(7, -1)).__name__)

print("-- special values")
inf = float("inf")
nan = float("nan")
print(inf + 1, inf - inf, inf * 0, -inf * -1, 1 / inf, inf > 1e308, -inf < -1e308)
print(nan == nan, nan != nan, nan < 1, nan > 1, math.isnan(nan), math.isinf(-inf))
print(math.isfinite(1.0), math.isfinite(inf), 1e308 * 10, -1e308 * 10, 5e-324 / 2)
print(0.0 == -0.0, math.copysign(1, -0.0), math.copysign(3, -1), str(-0.0), abs(-0.0))
print(max(1.0, nan), min(nan, 1.0), sorted([3.0, 1.0, 2.0]), sum([0.1] * 10))
print(math.fsum([0.1] * 10), float.__name__, (0.1).__repr__())

print("-- mixed int/float comparisons")
print(1 == 1.0, 2 ** 53 == 2.0 ** 53, 2 ** 53 + 1 == 2.0 ** 53 + 1, 2 ** 53 + 1 > 2.0 ** 53)
print(10 ** 400 > 1e308, -10 ** 400 < -1e308, 10 ** 400 > inf, 0.5 < 1, 1 < 1.5 < 2)
print(hash(1) == hash(1.0), hash(0.5) == hash(0.5), {1: "a", 1.0: "b"}, 3 in [3.0])

print("-- conversions")
print(int(2.9), int(-2.9), math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), float(7))
print(math.floor(2.5), math.ceil(2.1), type(math.floor(2.5)).__name__, int(1e18), int(-1e-5))
print(float("0.1") * 3, 1.1 * 1.1, 0.1 + 0.7, 4.35 * 100, 1.15 * 100, 3 * 0.1 == 0.3)
print(abs(-3.5), -(-1.25), +2.0, 7.0 // 0.5, 7.0 % 0.5, 2.0 * 3 - 0.5)
print(1e16 + 1, 1e16 + 2, 2.0 ** 63, float(2 ** 63), float(2 ** 63 - 1), float(10 ** 22))

print("-- accumulation")
s = 0.0
for i in range(1, 1001):
    s += 1.0 / (i * i)
print(s, math.sqrt(s * 6), math.pi)
x = 1.0
for _ in range(50):
    x = x / 3.0 + 1.0 / x
print(x, x * x)
print(math.sin(1), math.cos(1), math.tan(1), math.atan2(1, -1), math.hypot(3, 4))
