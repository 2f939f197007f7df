# math: constants, float functions with CPython's special values and errors,
# exact integer functions.
import math


def attempt(fn, *args, **kwargs):
    try:
        return fn(*args, **kwargs)
    except (ValueError, OverflowError, TypeError, ZeroDivisionError) as e:
        return f"{type(e).__name__}: {e}"


print("-- constants")
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(type(math.pi).__name__, math.isnan(math.nan), math.inf > 1e308)

print("-- roots, exponentials, logarithms")
print(math.sqrt(16), math.sqrt(2), math.sqrt(0.0), math.sqrt(math.inf), math.sqrt(10**20))
print(attempt(math.sqrt, -1), attempt(math.sqrt, "x"), attempt(math.sqrt, -math.inf))
print(math.exp(0), math.exp(1), math.exp(-1), math.exp(2.5), math.exp(-math.inf), attempt(math.exp, 1000))
print(math.expm1(1e-10), math.expm1(1), math.log1p(1e-10), math.log1p(1), attempt(math.log1p, -1))
print(math.log(math.e), math.log(1), math.log(10), math.log(8, 2), math.log(100, 10), math.log(2, 8))
print(math.log(10 ** 400), math.log(2 ** 1000, 2), math.log10(10 ** 300), math.log2(2 ** 2000))
print(attempt(math.log, 0), attempt(math.log, -1), attempt(math.log, 0.0), attempt(math.log, 10, 1))
print(attempt(math.log, -(10 ** 400)), math.log(math.inf), attempt(math.log, -math.inf))
print(math.log2(8), math.log2(10), math.log10(1000), math.log10(2), attempt(math.log2, 0))
print(math.pow(2, 0.5), math.pow(2, 10), math.pow(-2, 3), math.pow(0, 0), math.pow(1, math.nan))
print(math.pow(math.inf, -1), math.pow(-math.inf, 3), math.pow(0.5, math.inf), math.pow(2, -math.inf))
print(attempt(math.pow, 0, -1), attempt(math.pow, -8, 1 / 3), attempt(math.pow, 10, 400))
print(math.cbrt(27), math.cbrt(-8), math.exp2(10), math.exp2(0.5))

print("-- trigonometry")
print(math.sin(0), math.cos(0), math.sin(math.pi / 2), math.cos(math.pi), math.tan(math.pi / 4))
print(math.sin(1), math.cos(1), math.tan(1), math.sin(-2.5), math.cos(100))
print(math.asin(1), math.acos(0), math.atan(1), math.asin(0.5), math.acos(-1), math.atan(-10))
print(math.atan2(-1, -1), math.atan2(1, 0), math.atan2(0, -1), math.atan2(-0.0, -1), math.atan2(3, 4))
print(math.sinh(1), math.cosh(1), math.tanh(0.5), math.asinh(1), math.acosh(2), math.atanh(0.5))
print(attempt(math.asin, 2), attempt(math.acosh, 0.5), attempt(math.atanh, 1), attempt(math.cosh, 1000))
print(attempt(math.sin, math.inf), attempt(math.tan, math.nan), math.tanh(math.inf))
print(math.degrees(math.pi), math.radians(180), math.degrees(1), math.radians(45))

print("-- rounding and parts")
print(math.floor(-1.5), math.ceil(-1.5), math.trunc(1.9), math.trunc(-1.9), math.floor(3), math.ceil(True))
print(math.floor(10 ** 20 + 0.5), math.ceil(2 ** 70), math.floor(-2 ** 70), math.ceil(1e300) == 10 ** 300)
print(type(math.floor(1.5)).__name__, type(math.ceil(2)).__name__, math.trunc(-0.5))
print(attempt(math.floor, math.inf), attempt(math.ceil, math.nan), attempt(math.floor, "1"))


class Num:
    def __floor__(self):
        return "floor!"

    def __ceil__(self):
        return "ceil!"

    def __trunc__(self):
        return "trunc!"

    def __float__(self):
        return 2.5


print(math.floor(Num()), math.ceil(Num()), math.trunc(Num()), math.sqrt(Num()), math.fabs(Num()))
print(attempt(math.trunc, "s"))
print(math.fabs(-2), math.fabs(-0.0), math.modf(3.25), math.modf(-1.5), math.modf(math.inf), math.modf(2))
print(math.frexp(1024), math.frexp(0.3), math.frexp(0), math.frexp(-5), math.frexp(math.inf))
print(math.ldexp(1, 10), math.ldexp(0.5, -1), math.ldexp(3, -1100), attempt(math.ldexp, 1, 2000))
print(math.ldexp(1, -10 ** 30), attempt(math.ldexp, 1.0, 2.0))
print(math.fmod(-7, 3), math.fmod(7, -3), math.fmod(5.5, 2), math.fmod(3, math.inf), attempt(math.fmod, 1, 0))
print(math.remainder(10, 3), math.remainder(11, 3), math.remainder(-7, 2), attempt(math.remainder, 1, 0))
print(math.copysign(2, -0.0), math.copysign(-3, 1), math.copysign(1, math.nan) > 0)
print(math.nextafter(1.0, 2.0), math.nextafter(1.0, 0.0), math.nextafter(0.0, 1.0), math.ulp(1.0), math.ulp(1e300), math.ulp(0.0))

print("-- predicates")
print(math.isfinite(1e308), math.isfinite(math.inf), math.isinf(-math.inf), math.isinf(1), math.isnan(math.nan), math.isnan(1))
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1, 1.1), math.isclose(0, 1e-10, abs_tol=1e-9))
print(math.isclose(100, 101, rel_tol=0.02), math.isclose(math.inf, math.inf), math.isclose(math.inf, 1e308))
print(attempt(math.isclose, 1, 2, rel_tol=-1), math.isclose(a=1, b=1))

print("-- sums, products, norms")
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1, -1e100]), math.fsum([]), math.fsum(range(5)))
print(math.fsum([1e308, 1e308, -1e308]) if False else attempt(math.fsum, [1e308, 1e308]))
print(math.fsum([math.inf, 1]), attempt(math.fsum, [math.inf, -math.inf]), math.fsum([0.1, 0.2, 0.3]))
print(math.fsum([1, 1e-16, 1e-16]), math.fsum([1e16, 1.0, 1e-16]), math.fsum(x / 7 for x in range(100)))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod(range(1, 25)), math.prod([2.5, 2]), math.prod([2], start=5))
print(math.prod(["ab", 3]) if False else math.prod([3], start="ab"))
print(math.hypot(3, 4), math.hypot(1, 2, 2), math.hypot(), math.hypot(-5), math.hypot(1e308, 1e308), math.hypot(1, 1))
print(math.hypot(math.inf, math.nan), math.hypot(0.1, 0.2, 0.3), math.hypot(1e-320, 1e-320))
print(math.dist((0, 0), (3, 4)), math.dist([1, 2, 3], [4, 6, 8]), attempt(math.dist, (1,), (1, 2)))

print("-- integer functions")
print(math.factorial(0), math.factorial(20), math.factorial(30), len(str(math.factorial(500))))
print(attempt(math.factorial, -1), attempt(math.factorial, 2.5), attempt(math.factorial, "5"))
print(math.gcd(12, 18), math.gcd(0, 5), math.gcd(12, 18, 27), math.gcd(), math.gcd(-4, 6), math.gcd(2 ** 100, 6 ** 50))
print(math.lcm(4, 6), math.lcm(), math.lcm(0, 5), math.lcm(2, 3, 4), math.lcm(-4, 6), attempt(math.gcd, 1.5))
print(math.isqrt(17), math.isqrt(10 ** 40), math.isqrt(0), math.isqrt(2 ** 127), attempt(math.isqrt, -1))
print(math.comb(10, 3), math.comb(50, 25), math.comb(5, 7), math.comb(100, 50), attempt(math.comb, -1, 2))
print(math.perm(5, 2), math.perm(5), math.perm(3, 5), math.perm(30, 20), attempt(math.perm, 5, -1), math.perm(4, None))
print(attempt(math.comb, 5), attempt(math.comb, 5.0, 2))

print("-- special functions")
print(math.erf(1), math.erfc(1), math.erf(0), math.erf(-0.5), math.erfc(3))
print(math.gamma(5), math.gamma(0.5), math.gamma(-0.5), math.gamma(10.3), math.gamma(171.5), attempt(math.gamma, 0))
print(attempt(math.gamma, -2), attempt(math.gamma, 200), math.gamma(1e-30), math.gamma(-200.5))
print(math.lgamma(10), math.lgamma(0.5), math.lgamma(-0.5), math.lgamma(100), math.lgamma(1), attempt(math.lgamma, 0))
print(math.lgamma(1e300), math.lgamma(3.7), math.lgamma(-3.2), math.gamma(3.7), math.gamma(-3.2))
