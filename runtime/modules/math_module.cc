// The `math` module: CPython 3.11's functions, results and error messages.
//
// Float functions go through libm and then CPython's error rules: a NaN result
// from non-NaN arguments is ValueError("math domain error"); an infinite result
// from finite arguments is OverflowError("math range error") for functions
// that can overflow (exp, cosh, ...) and ValueError otherwise (log(0) style
// poles). Integer functions (factorial, comb, perm, gcd, lcm, isqrt) work on
// BigInt so they are exact at any size.

#include <cerrno>
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <vector>

#include "runtime/modules/module_util.h"
#include "vm/core/builtin_types.h"
#include "vm/core/errors.h"
#include "vm/interp/modules.h"
#include "vm/interp/ops.h"
#include "vm/objects/descriptor.h"
#include "vm/objects/dict.h"
#include "vm/objects/function.h"
#include "vm/objects/list.h"
#include "vm/objects/native.h"
#include "vm/objects/number.h"
#include "vm/objects/str.h"
#include "vm/objects/tuple.h"

namespace minidynamo {
namespace {

Value DomainError() { return Raise(g_exc.ValueError, "math domain error"); }
Value RangeError() { return Raise(g_exc.OverflowError, "math range error"); }

// The result of a one-argument libm function with CPython's error rules.
Value CheckResult(double x, double r, bool can_overflow) {
  if (std::isnan(r) && !std::isnan(x)) return DomainError();
  if (std::isinf(r) && std::isfinite(x)) {
    return can_overflow ? RangeError() : DomainError();
  }
  return Value::Float(r);
}

Value UnaryImpl(const char* name, Value* args, size_t nargs, TupleObject* kw,
                double (*f)(double), bool can_overflow) {
  if (!CheckArgs(name, nargs, kw, 1, 1)) return Value();
  double x;
  if (!ArgToDouble(args[0], &x)) return Value();
  return CheckResult(x, f(x), can_overflow);
}

double Sqrt(double x) { return std::sqrt(x); }
double Exp(double x) { return std::exp(x); }
double Exp2(double x) { return std::exp2(x); }
double Expm1(double x) { return std::expm1(x); }
double Log1p(double x) { return std::log1p(x); }
double Cbrt(double x) { return std::cbrt(x); }
double Sin(double x) { return std::sin(x); }
double Cos(double x) { return std::cos(x); }
double Tan(double x) { return std::tan(x); }
double Asin(double x) { return std::asin(x); }
double Acos(double x) { return std::acos(x); }
double Atan(double x) { return std::atan(x); }
double Sinh(double x) { return std::sinh(x); }
double Cosh(double x) { return std::cosh(x); }
double Tanh(double x) { return std::tanh(x); }
double Asinh(double x) { return std::asinh(x); }
double Acosh(double x) { return std::acosh(x); }
double Atanh(double x) { return std::atanh(x); }
double Erf(double x) { return std::erf(x); }
double Erfc(double x) { return std::erfc(x); }
double Fabs(double x) { return std::fabs(x); }

// degrees/radians multiply by a rounded constant, as CPython does (not x *
// 180 / pi), so the last bit matches.
double Degrees(double x) { return x * (180.0 / M_PI); }
double Radians(double x) { return x * (M_PI / 180.0); }

// One native function per libm function (NativeFn carries no closure).
#define MATH_UNARY(py_name, fn, can_overflow)                              \
  Value Math_##py_name(Value* args, size_t nargs, TupleObject* kw) {       \
    return UnaryImpl("math." #py_name, args, nargs, kw, fn, can_overflow); \
  }
MATH_UNARY(sqrt, Sqrt, false)
MATH_UNARY(exp, Exp, true)
MATH_UNARY(exp2, Exp2, true)
MATH_UNARY(expm1, Expm1, true)
MATH_UNARY(log1p, Log1p, false)
MATH_UNARY(cbrt, Cbrt, false)
MATH_UNARY(sin, Sin, false)
MATH_UNARY(cos, Cos, false)
MATH_UNARY(tan, Tan, false)
MATH_UNARY(asin, Asin, false)
MATH_UNARY(acos, Acos, false)
MATH_UNARY(atan, Atan, false)
MATH_UNARY(sinh, Sinh, true)
MATH_UNARY(cosh, Cosh, true)
MATH_UNARY(tanh, Tanh, false)
MATH_UNARY(asinh, Asinh, false)
MATH_UNARY(acosh, Acosh, false)
MATH_UNARY(atanh, Atanh, false)
MATH_UNARY(erf, Erf, false)
MATH_UNARY(erfc, Erfc, false)
MATH_UNARY(fabs, Fabs, false)
MATH_UNARY(degrees, Degrees, false)
MATH_UNARY(radians, Radians, false)
#undef MATH_UNARY

// gamma and lgamma follow CPython's own Lanczos approximation (g = 6.0247,
// N = 13) rather than libm's, whose last bits differ (lgamma(10) is
// 12.801827480081467 in CPython, ...470 in glibc).
constexpr int kLanczosN = 13;
constexpr double kLanczosG = 6.024680040776729583740234375;
constexpr double kLanczosGMinusHalf = 5.524680040776729583740234375;
constexpr double kLanczosNum[kLanczosN] = {
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408};
// The denominator is x(x+1)...(x+11) expanded: exact small integers.
constexpr double kLanczosDen[kLanczosN] = {
    0.0,        39916800.0, 120543840.0, 150917976.0, 105258076.0,
    45995730.0, 13339535.0, 2637558.0,   357423.0,    32670.0,
    1925.0,     66.0,       1.0};
constexpr double kLogPi = 1.144729885849400174143427351353058711647;

// gamma(n) = (n-1)! exactly for n = 1..23 (all representable).
constexpr int kExactGammas = 23;
constexpr double kGammaIntegral[kExactGammas] = {
    1.0,
    1.0,
    2.0,
    6.0,
    24.0,
    120.0,
    720.0,
    5040.0,
    40320.0,
    362880.0,
    3628800.0,
    39916800.0,
    479001600.0,
    6227020800.0,
    87178291200.0,
    1307674368000.0,
    20922789888000.0,
    355687428096000.0,
    6402373705728000.0,
    121645100408832000.0,
    2432902008176640000.0,
    51090942171709440000.0,
    1124000727777607680000.0,
};

// The rational part of the approximation; Horner's rule in 1/x for large x
// keeps it from overflowing.
double LanczosSum(double x) {
  double num = 0.0, den = 0.0;
  if (x < 5.0) {
    for (int i = kLanczosN; --i >= 0;) {
      num = num * x + kLanczosNum[i];
      den = den * x + kLanczosDen[i];
    }
  } else {
    for (int i = 0; i < kLanczosN; i++) {
      num = num / x + kLanczosNum[i];
      den = den / x + kLanczosDen[i];
    }
  }
  return num / den;
}

// sin(pi * x), accurate near the integers (the reflection formula needs it).
double SinPi(double x) {
  double y = std::fmod(std::fabs(x), 2.0);
  int n = static_cast<int>(std::round(2.0 * y));
  double r;
  switch (n) {
    case 0:
      r = std::sin(M_PI * y);
      break;
    case 1:
      r = std::cos(M_PI * (y - 0.5));
      break;
    case 2:
      r = std::sin(M_PI * (1.0 - y));
      break;
    case 3:
      r = -std::cos(M_PI * (y - 1.5));
      break;
    default:
      r = std::sin(M_PI * (y - 2.0));
      break;
  }
  return std::copysign(1.0, x) * r;
}

enum class MathErr { kNone, kDomain, kRange };

double GammaImpl(double x, MathErr* err) {
  if (!std::isfinite(x)) {
    if (std::isnan(x) || x > 0.0) return x;
    *err = MathErr::kDomain;
    return NAN;
  }
  if (x == 0.0) {
    *err = MathErr::kDomain;
    return std::copysign(HUGE_VAL, x);
  }
  if (x == std::floor(x)) {
    if (x < 0.0) {
      *err = MathErr::kDomain;
      return NAN;
    }
    if (x <= kExactGammas) return kGammaIntegral[static_cast<int>(x) - 1];
  }
  double absx = std::fabs(x);
  if (absx < 1e-20) {
    double r = 1.0 / x;
    if (std::isinf(r)) *err = MathErr::kRange;
    return r;
  }
  if (absx > 200.0) {
    if (x < 0.0) return 0.0 / SinPi(x);
    *err = MathErr::kRange;
    return HUGE_VAL;
  }
  double y = absx + kLanczosGMinusHalf;
  // z is the rounding error of y, carried into the result.
  double z;
  if (absx > kLanczosGMinusHalf) {
    volatile double q = y - absx;
    z = q - kLanczosGMinusHalf;
  } else {
    volatile double q = y - kLanczosGMinusHalf;
    z = q - absx;
  }
  z = z * kLanczosG / y;
  double r;
  if (x < 0.0) {
    r = -M_PI / SinPi(absx) / absx * std::exp(y) / LanczosSum(absx);
    r -= z * r;
    if (absx < 140.0) {
      r /= std::pow(y, absx - 0.5);
    } else {
      double sqrtpow = std::pow(y, absx / 2.0 - 0.25);
      r /= sqrtpow;
      r /= sqrtpow;
    }
  } else {
    r = LanczosSum(absx) / std::exp(y);
    r += z * r;
    if (absx < 140.0) {
      r *= std::pow(y, absx - 0.5);
    } else {
      double sqrtpow = std::pow(y, absx / 2.0 - 0.25);
      r *= sqrtpow;
      r *= sqrtpow;
    }
  }
  if (std::isinf(r)) *err = MathErr::kRange;
  return r;
}

double LgammaImpl(double x, MathErr* err) {
  if (!std::isfinite(x)) return std::isnan(x) ? x : HUGE_VAL;
  if (x == std::floor(x) && x <= 2.0) {
    if (x <= 0.0) {
      *err = MathErr::kDomain;
      return HUGE_VAL;
    }
    return 0.0;
  }
  double absx = std::fabs(x);
  if (absx < 1e-20) return -std::log(absx);
  double r = std::log(LanczosSum(absx)) - kLanczosG;
  r += (absx - 0.5) * (std::log(absx + kLanczosG - 0.5) - 1);
  if (x < 0.0) {
    r = kLogPi - std::log(std::fabs(SinPi(absx))) - std::log(absx) - r;
  }
  if (std::isinf(r)) *err = MathErr::kRange;
  return r;
}

// CPython's math_1a: errors come from the implementation, and a "range" error
// with a small result is an underflow, which is not reported.
Value GammaLike(const char* name, Value* args, size_t nargs, TupleObject* kw,
                double (*f)(double, MathErr*)) {
  if (!CheckArgs(name, nargs, kw, 1, 1)) return Value();
  double x;
  if (!ArgToDouble(args[0], &x)) return Value();
  MathErr err = MathErr::kNone;
  double r = f(x, &err);
  if (err == MathErr::kDomain) return DomainError();
  if (err == MathErr::kRange && std::fabs(r) >= 1.5) return RangeError();
  return Value::Float(r);
}

Value Gamma(Value* args, size_t nargs, TupleObject* kw) {
  return GammaLike("math.gamma", args, nargs, kw, GammaImpl);
}
Value Lgamma(Value* args, size_t nargs, TupleObject* kw) {
  return GammaLike("math.lgamma", args, nargs, kw, LgammaImpl);
}

// log of a positive int of any size: an int too big for a double is
// m * 2**e with m in [0.5, 1), so log(n) = log(m) + e * log(2).
bool LogOfArg(const Value& v, double (*f)(double), double* out) {
  if (IsIntValue(v)) {
    BigInt b = ToBigInt(v);
    if (b.Sign() <= 0) {
      DomainError();
      return false;
    }
    auto d = b.ToDouble();
    if (d.ok()) {
      *out = f(*d);
      return true;
    }
    uint64_t bits = b.BitLength();
    uint64_t shift = bits - 60;
    auto top = BigInt::RightShift(b, static_cast<int64_t>(shift));
    double m = static_cast<double>(top->ToInt64());
    // f(m * 2**shift) = f(m) + shift * f(2).
    *out = f(m) + static_cast<double>(shift) * f(2.0);
    return true;
  }
  double x;
  if (!ArgToDouble(v, &x)) return false;
  if (std::isnan(x) || (std::isinf(x) && x > 0)) {
    *out = x;
    return true;
  }
  if (x <= 0) {
    DomainError();
    return false;
  }
  *out = f(x);
  return true;
}

double NaturalLog(double x) { return std::log(x); }
double Log2(double x) { return std::log2(x); }
double Log10(double x) { return std::log10(x); }

Value Log(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("log", nargs, kw, 1, 2)) return Value();
  double num;
  if (!LogOfArg(args[0], NaturalLog, &num)) return Value();
  if (nargs == 1) return Value::Float(num);
  double den;
  if (!LogOfArg(args[1], NaturalLog, &den)) return Value();
  if (den == 0) return Raise(g_exc.ZeroDivisionError, "float division by zero");
  return Value::Float(num / den);
}

template <double (*F)(double)>
Value LogN(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("log", nargs, kw, 1, 1)) return Value();
  double r;
  if (!LogOfArg(args[0], F, &r)) return Value();
  return Value::Float(r);
}

bool TwoDoubles(const char* name, Value* args, size_t nargs, TupleObject* kw,
                double* x, double* y) {
  if (!CheckArgs(name, nargs, kw, 2, 2)) return false;
  return ArgToDouble(args[0], x) && ArgToDouble(args[1], y);
}

Value Pow(Value* args, size_t nargs, TupleObject* kw) {
  double x, y;
  if (!TwoDoubles("pow", args, nargs, kw, &x, &y)) return Value();
  double r;
  if (!std::isfinite(x) || !std::isfinite(y)) {
    // C99's special values, spelled out as CPython does.
    if (std::isnan(x)) {
      r = y == 0.0 ? 1.0 : x;
    } else if (std::isnan(y)) {
      r = x == 1.0 ? 1.0 : y;
    } else if (std::isinf(x)) {
      bool odd_y = std::isfinite(y) && std::fmod(std::fabs(y), 2.0) == 1.0;
      if (y > 0) {
        r = odd_y ? x : std::fabs(x);
      } else if (y == 0) {
        r = 1.0;
      } else {
        r = odd_y ? std::copysign(0.0, x) : 0.0;
      }
    } else if (std::fabs(x) == 1.0) {
      r = 1.0;
    } else if (y > 0 && std::fabs(x) > 1.0) {
      r = y;
    } else if (y < 0 && std::fabs(x) < 1.0) {
      r = -y;
    } else {
      r = 0.0;
    }
    return Value::Float(r);
  }
  r = std::pow(x, y);
  if (std::isnan(r)) return DomainError();
  if (std::isinf(r)) return x == 0.0 ? DomainError() : RangeError();
  return Value::Float(r);
}

Value Atan2(Value* args, size_t nargs, TupleObject* kw) {
  double y, x;
  if (!TwoDoubles("atan2", args, nargs, kw, &y, &x)) return Value();
  return Value::Float(std::atan2(y, x));
}

Value Fmod(Value* args, size_t nargs, TupleObject* kw) {
  double x, y;
  if (!TwoDoubles("fmod", args, nargs, kw, &x, &y)) return Value();
  if (std::isinf(y) && std::isfinite(x)) return Value::Float(x);
  double r = std::fmod(x, y);
  if (std::isnan(r) && !std::isnan(x) && !std::isnan(y)) return DomainError();
  return Value::Float(r);
}

Value Remainder(Value* args, size_t nargs, TupleObject* kw) {
  double x, y;
  if (!TwoDoubles("remainder", args, nargs, kw, &x, &y)) return Value();
  double r = std::remainder(x, y);
  if (std::isnan(r) && !std::isnan(x) && !std::isnan(y)) return DomainError();
  return Value::Float(r);
}

Value Copysign(Value* args, size_t nargs, TupleObject* kw) {
  double x, y;
  if (!TwoDoubles("copysign", args, nargs, kw, &x, &y)) return Value();
  return Value::Float(std::copysign(x, y));
}

Value Nextafter(Value* args, size_t nargs, TupleObject* kw) {
  double x, y;
  if (!TwoDoubles("nextafter", args, nargs, kw, &x, &y)) return Value();
  return Value::Float(std::nextafter(x, y));
}

Value Ulp(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("ulp", nargs, kw, 1, 1)) return Value();
  double x;
  if (!ArgToDouble(args[0], &x)) return Value();
  if (std::isnan(x)) return Value::Float(x);
  x = std::fabs(x);
  if (std::isinf(x)) return Value::Float(x);
  double up = std::nextafter(x, INFINITY);
  if (std::isinf(up)) return Value::Float(x - std::nextafter(x, -INFINITY));
  return Value::Float(up - x);
}

Value Ldexp(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("ldexp", nargs, kw, 2, 2)) return Value();
  double x;
  if (!ArgToDouble(args[0], &x)) return Value();
  if (!IsIntValue(args[1])) {
    return Raise(g_exc.TypeError,
                 "Expected an int as second argument to ldexp.");
  }
  BigInt e = ToBigInt(args[1]);
  if (x == 0 || !std::isfinite(x)) return Value::Float(x);
  // Exponents beyond +-100000 over- or underflow any double anyway.
  int64_t exp =
      e.FitsInt64() ? e.ToInt64() : (e.IsNegative() ? -100000 : 100000);
  if (exp > 100000) exp = 100000;
  if (exp < -100000) exp = -100000;
  double r = std::ldexp(x, static_cast<int>(exp));
  if (std::isinf(r)) return RangeError();
  return Value::Float(r);
}

Value Frexp(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("frexp", nargs, kw, 1, 1)) return Value();
  double x;
  if (!ArgToDouble(args[0], &x)) return Value();
  int e = 0;
  double m = x;
  if (std::isfinite(x) && x != 0) m = std::frexp(x, &e);
  return TupleObject::Of({Value::Float(m), Value::Int(e)});
}

Value Modf(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("modf", nargs, kw, 1, 1)) return Value();
  double x;
  if (!ArgToDouble(args[0], &x)) return Value();
  double ip;
  double frac = std::modf(x, &ip);
  if (std::isinf(x)) frac = std::copysign(0.0, x);
  return TupleObject::Of({Value::Float(frac), Value::Float(ip)});
}

Value IsFinite(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("isfinite", nargs, kw, 1, 1)) return Value();
  double x;
  if (!ArgToDouble(args[0], &x)) return Value();
  return Value::Bool(std::isfinite(x));
}

Value IsInf(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("isinf", nargs, kw, 1, 1)) return Value();
  double x;
  if (!ArgToDouble(args[0], &x)) return Value();
  return Value::Bool(std::isinf(x));
}

Value IsNan(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("isnan", nargs, kw, 1, 1)) return Value();
  double x;
  if (!ArgToDouble(args[0], &x)) return Value();
  return Value::Bool(std::isnan(x));
}

Value IsClose(Value* args, size_t nargs, TupleObject* kw) {
  Value p[4];
  if (!ParseArgs("isclose", args, nargs, kw, {"a", "b", "rel_tol", "abs_tol"},
                 2, p)) {
    return Value();
  }
  double a, b, rel_tol = 1e-9, abs_tol = 0.0;
  if (!ArgToDouble(p[0], &a) || !ArgToDouble(p[1], &b)) return Value();
  if (!p[2].is_null() && !ArgToDouble(p[2], &rel_tol)) return Value();
  if (!p[3].is_null() && !ArgToDouble(p[3], &abs_tol)) return Value();
  if (rel_tol < 0.0 || abs_tol < 0.0) {
    return Raise(g_exc.ValueError, "tolerances must be non-negative");
  }
  if (a == b) return Value::Bool(true);
  if (std::isinf(a) || std::isinf(b)) return Value::Bool(false);
  double diff = std::fabs(b - a);
  return Value::Bool(diff <= std::fabs(rel_tol * b) ||
                     diff <= std::fabs(rel_tol * a) || diff <= abs_tol);
}

// floor/ceil: floats become ints directly; other objects use __floor__ /
// __ceil__ and fall back to their float value.
Value Rounding(Value* args, size_t nargs, TupleObject* kw, const char* name,
               const char* dunder, double (*f)(double)) {
  if (!CheckArgs(name, nargs, kw, 1, 1)) return Value();
  const Value& v = args[0];
  if (v.is_int() || v.is_bool()) return Value::Int(v.as_int());
  if (!v.is_float()) {
    Value r = CallSpecial(v, Intern(dunder), nullptr, 0);
    if (!r.is_null() || ErrorOccurred()) return r;
  }
  double x;
  if (!ArgToDouble(v, &x)) return Value();
  auto b = BigInt::FromDouble(f(x));
  if (!b.ok()) return RaiseStatus(b.status());
  return MakeInt(*std::move(b));
}

Value Floor(Value* a, size_t n, TupleObject* kw) {
  return Rounding(a, n, kw, "floor", "__floor__", std::floor);
}
Value Ceil(Value* a, size_t n, TupleObject* kw) {
  return Rounding(a, n, kw, "ceil", "__ceil__", std::ceil);
}

Value Trunc(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("trunc", nargs, kw, 1, 1)) return Value();
  if (args[0].is_float()) {
    auto b = BigInt::FromDouble(std::trunc(args[0].as_float()));
    if (!b.ok()) return RaiseStatus(b.status());
    return MakeInt(*std::move(b));
  }
  Value r = CallSpecial(args[0], Intern("__trunc__"), nullptr, 0);
  if (r.is_null() && !ErrorOccurred()) {
    return RaiseF(g_exc.TypeError, "type %s doesn't define __trunc__ method",
                  TypeName(args[0]));
  }
  return r;
}

// ---- Sums and norms

// Shewchuk's exact summation: `partials` hold non-overlapping doubles whose
// sum is exactly the running total; the final pass rounds it once.
Value Fsum(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("fsum", nargs, kw, 1, 1)) return Value();
  Value it = GetIter(args[0]);
  if (it.is_null()) return it;
  std::vector<double> partials;
  double special_sum = 0.0, inf_sum = 0.0;
  for (;;) {
    Value item = IterNext(it);
    if (item.is_null()) {
      if (ErrorOccurred()) return Value();
      break;
    }
    double x;
    if (!ArgToDouble(item, &x)) return Value();
    const double original = x;
    size_t i = 0;
    for (double y : partials) {
      if (std::fabs(x) < std::fabs(y)) std::swap(x, y);
      double hi = x + y;
      double lo = y - (hi - x);
      if (lo != 0.0) partials[i++] = lo;
      x = hi;
    }
    partials.resize(i);
    if (x != 0.0 || i == 0) partials.push_back(x);
    if (!std::isfinite(x)) {
      // An infinity or NaN among the inputs makes the result special; an
      // overflow of finite inputs is an error.
      if (!std::isfinite(original)) {
        if (std::isinf(original)) inf_sum += original;
        special_sum += original;
        partials.clear();
      } else {
        return Raise(g_exc.OverflowError, "intermediate overflow in fsum");
      }
    }
  }
  if (special_sum != 0.0) {
    if (std::isnan(inf_sum)) {
      return Raise(g_exc.ValueError, "-inf + inf in fsum");
    }
    return Value::Float(special_sum);
  }
  double hi = 0.0;
  size_t n = partials.size();
  if (n > 0) {
    hi = partials[--n];
    double lo = 0.0;
    while (n > 0) {
      double x = hi;
      double y = partials[--n];
      hi = x + y;
      double yr = hi - x;
      lo = y - yr;
      if (lo != 0.0) break;
    }
    // Round half-even correctly when the remaining partials push the exact
    // sum off the halfway point.
    if (n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) ||
                  (lo > 0.0 && partials[n - 1] > 0.0))) {
      double y = lo * 2.0;
      double x = hi + y;
      double yr = x - hi;
      if (y == yr) hi = x;
    }
  }
  return Value::Float(hi);
}

// sqrt(sum(v*v)) without overflow and to within rounding: scale by a power of
// two near the largest value, accumulate squares with their rounding errors
// (fma), and correct the square root once.
double VectorNorm(std::vector<double>& v, double max, bool found_nan) {
  if (std::isinf(max)) return max;
  if (found_nan) return NAN;
  if (max == 0.0 || v.size() <= 1) return max;
  int max_e;
  std::frexp(max, &max_e);
  if (max_e < -1023) {
    for (double& x : v) x /= DBL_MIN;
    return DBL_MIN * VectorNorm(v, max / DBL_MIN, found_nan);
  }
  const double scale = std::ldexp(1.0, -max_e);
  double csum = 1.0, frac1 = 0.0, frac2 = 0.0;
  for (double x : v) {
    x *= scale;
    double sq = x * x;
    double sq_lo = std::fma(x, x, -sq);
    double sum = csum + sq;
    double sum_lo = (csum - sum) + sq;
    csum = sum;
    frac1 += sq_lo;
    frac2 += sum_lo;
  }
  double h = std::sqrt(csum - 1.0 + (frac1 + frac2));
  double pr = -h * h;
  double pr_lo = std::fma(-h, h, -pr);
  double sum = csum + pr;
  double sum_lo = (csum - sum) + pr;
  csum = sum;
  frac1 += pr_lo;
  frac2 += sum_lo;
  double x = csum - 1.0 + (frac1 + frac2);
  return (h + x / (2.0 * h)) / scale;
}

Value Hypot(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckNoKwargs("hypot", kw)) return Value();
  std::vector<double> v(nargs);
  double max = 0.0;
  bool found_nan = false;
  for (size_t i = 0; i < nargs; ++i) {
    if (!ArgToDouble(args[i], &v[i])) return Value();
    v[i] = std::fabs(v[i]);
    found_nan |= std::isnan(v[i]);
    if (v[i] > max) max = v[i];
  }
  return Value::Float(VectorNorm(v, max, found_nan));
}

bool SequenceToVector(const Value& seq, std::vector<Value>* out) {
  if (IsInstance(seq, g_types.tuple)) {
    auto* t = As<TupleObject>(seq);
    out->assign(t->data(), t->data() + t->size());
    return true;
  }
  if (IsInstance(seq, g_types.list)) {
    *out = As<ListObject>(seq)->items();
    return true;
  }
  Value it = GetIter(seq);
  if (it.is_null()) return false;
  for (;;) {
    Value item = IterNext(it);
    if (item.is_null()) return !ErrorOccurred();
    out->push_back(std::move(item));
  }
}

Value Dist(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("dist", nargs, kw, 2, 2)) return Value();
  std::vector<Value> p, q;
  if (!SequenceToVector(args[0], &p) || !SequenceToVector(args[1], &q)) {
    return Value();
  }
  if (p.size() != q.size()) {
    return Raise(g_exc.ValueError,
                 "both points must have the same number of dimensions");
  }
  std::vector<double> v(p.size());
  double max = 0.0;
  bool found_nan = false;
  for (size_t i = 0; i < p.size(); ++i) {
    double a, b;
    if (!ArgToDouble(p[i], &a) || !ArgToDouble(q[i], &b)) return Value();
    v[i] = std::fabs(a - b);
    found_nan |= std::isnan(v[i]);
    if (v[i] > max) max = v[i];
  }
  return Value::Float(VectorNorm(v, max, found_nan));
}

Value Prod(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckKwNames("prod", kw, {"start"})) return Value();
  size_t npos = nargs - (kw ? kw->size() : 0);
  if (npos != 1) {
    return RaiseF(g_exc.TypeError,
                  "prod() takes exactly 1 positional argument (%d given)",
                  npos);
  }
  Value acc = KwArg(args, nargs, kw, "start");
  if (acc.is_null()) acc = Value::Int(1);
  Value it = GetIter(args[0]);
  if (it.is_null()) return it;
  for (;;) {
    Value item = IterNext(it);
    if (item.is_null()) return ErrorOccurred() ? Value() : acc;
    acc = BinaryOp(acc, item, BinOp::kMultiply);
    if (acc.is_null()) return acc;
  }
}

// ---- Integer functions

bool IntArg(const Value& v, BigInt* out) { return ArgToBigInt(v, out); }

// lo * (lo+1) * ... * hi by halving, so the big multiplications are balanced.
BigInt RangeProduct(int64_t lo, int64_t hi) {
  if (lo > hi) return BigInt(1);
  if (hi - lo < 8) {
    BigInt r(lo);
    for (int64_t i = lo + 1; i <= hi; ++i) r = BigInt::Mul(r, BigInt(i));
    return r;
  }
  int64_t mid = lo + (hi - lo) / 2;
  return BigInt::Mul(RangeProduct(lo, mid), RangeProduct(mid + 1, hi));
}

Value Factorial(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("factorial", nargs, kw, 1, 1)) return Value();
  BigInt n;
  if (!IntArg(args[0], &n)) return Value();
  if (n.IsNegative()) {
    return Raise(g_exc.ValueError,
                 "factorial() not defined for negative values");
  }
  if (!n.FitsInt64() || n.ToInt64() > 1000000000) {
    return Raise(g_exc.OverflowError,
                 "factorial() argument should not exceed 9223372036854775807");
  }
  return MakeInt(RangeProduct(1, n.ToInt64()));
}

Value Gcd(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckNoKwargs("gcd", kw)) return Value();
  BigInt g;
  for (size_t i = 0; i < nargs; ++i) {
    BigInt x;
    if (!IntArg(args[i], &x)) return Value();
    g = BigInt::Gcd(g, x);
  }
  return MakeInt(g.Abs());
}

Value Lcm(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckNoKwargs("lcm", kw)) return Value();
  BigInt l(1);
  bool zero = false;  // lcm with 0 is 0; the arguments are still checked.
  for (size_t i = 0; i < nargs; ++i) {
    BigInt x;
    if (!IntArg(args[i], &x)) return Value();
    if (zero || x.IsZero()) {
      zero = true;
      continue;
    }
    BigInt g = BigInt::Gcd(l, x);
    l = BigInt::Mul(*BigInt::FloorDiv(l, g), x).Abs();
  }
  return zero ? Value::Int(0) : MakeInt(l);
}

// floor(sqrt(n)) by Newton's iteration from above.
BigInt Isqrt(const BigInt& n) {
  if (n.IsZero()) return n;
  auto x = *BigInt::LeftShift(BigInt(1),
                              static_cast<int64_t>((n.BitLength() + 1) / 2));
  for (;;) {
    BigInt y = *BigInt::RightShift(x + *BigInt::FloorDiv(n, x), 1);
    if (y >= x) return x;
    x = y;
  }
}

Value IsqrtFn(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("isqrt", nargs, kw, 1, 1)) return Value();
  BigInt n;
  if (!IntArg(args[0], &n)) return Value();
  if (n.IsNegative()) {
    return Raise(g_exc.ValueError, "isqrt() argument must be nonnegative");
  }
  return MakeInt(Isqrt(n));
}

// n * (n-1) * ... * (n-k+1), and optionally divided by k! (comb) one factor at
// a time, which keeps every intermediate an exact integer.
BigInt FallingProduct(const BigInt& n, int64_t k, bool divide) {
  BigInt r(1);
  for (int64_t i = 0; i < k; ++i) {
    r = BigInt::Mul(r, n - BigInt(i));
    if (divide) r = *BigInt::FloorDiv(r, BigInt(i + 1));
  }
  return r;
}

bool CombArgs(const char* name, Value* args, size_t nargs, TupleObject* kw,
              BigInt* n, BigInt* k, bool k_optional) {
  if (!CheckArgs(name, nargs, kw, k_optional ? 1 : 2, 2)) return false;
  if (!IntArg(args[0], n)) return false;
  if (nargs == 2 && !args[1].is_none()) {
    if (!IntArg(args[1], k)) return false;
  } else {
    *k = *n;
  }
  if (n->IsNegative()) {
    Raise(g_exc.ValueError, "n must be a non-negative integer");
    return false;
  }
  if (k->IsNegative()) {
    Raise(g_exc.ValueError, "k must be a non-negative integer");
    return false;
  }
  return true;
}

Value Comb(Value* args, size_t nargs, TupleObject* kw) {
  BigInt n, k;
  if (!CombArgs("comb", args, nargs, kw, &n, &k, false)) return Value();
  if (k > n) return Value::Int(0);
  BigInt other = n - k;
  if (other < k) k = other;
  if (!k.FitsInt64()) {
    return Raise(g_exc.OverflowError,
                 "min(n - k, k) must not exceed 9223372036854775807");
  }
  return MakeInt(FallingProduct(n, k.ToInt64(), true));
}

Value Perm(Value* args, size_t nargs, TupleObject* kw) {
  BigInt n, k;
  if (!CombArgs("perm", args, nargs, kw, &n, &k, true)) return Value();
  if (k > n) return Value::Int(0);
  if (!k.FitsInt64()) {
    return Raise(g_exc.OverflowError, "k must not exceed 9223372036854775807");
  }
  return MakeInt(FallingProduct(n, k.ToInt64(), false));
}

bool InitMath(ModuleObject* m) {
  DictObject* d = m->dict();
  SetAttrStr(d, "pi", Value::Float(M_PI));
  SetAttrStr(d, "e", Value::Float(M_E));
  SetAttrStr(d, "tau", Value::Float(2 * M_PI));
  SetAttrStr(d, "inf", Value::Float(INFINITY));
  SetAttrStr(d, "nan", Value::Float(NAN));
  AddFunction(d, "sqrt", Math_sqrt);
  AddFunction(d, "exp", Math_exp);
  AddFunction(d, "exp2", Math_exp2);
  AddFunction(d, "expm1", Math_expm1);
  AddFunction(d, "log1p", Math_log1p);
  AddFunction(d, "cbrt", Math_cbrt);
  AddFunction(d, "sin", Math_sin);
  AddFunction(d, "cos", Math_cos);
  AddFunction(d, "tan", Math_tan);
  AddFunction(d, "asin", Math_asin);
  AddFunction(d, "acos", Math_acos);
  AddFunction(d, "atan", Math_atan);
  AddFunction(d, "sinh", Math_sinh);
  AddFunction(d, "cosh", Math_cosh);
  AddFunction(d, "tanh", Math_tanh);
  AddFunction(d, "asinh", Math_asinh);
  AddFunction(d, "acosh", Math_acosh);
  AddFunction(d, "atanh", Math_atanh);
  AddFunction(d, "erf", Math_erf);
  AddFunction(d, "erfc", Math_erfc);
  AddFunction(d, "fabs", Math_fabs);
  AddFunction(d, "degrees", Math_degrees);
  AddFunction(d, "radians", Math_radians);
  AddFunction(d, "gamma", Gamma);
  AddFunction(d, "lgamma", Lgamma);
  AddFunction(d, "log", Log);
  AddFunction(d, "log2", LogN<Log2>);
  AddFunction(d, "log10", LogN<Log10>);
  AddFunction(d, "pow", Pow);
  AddFunction(d, "atan2", Atan2);
  AddFunction(d, "fmod", Fmod);
  AddFunction(d, "remainder", Remainder);
  AddFunction(d, "copysign", Copysign);
  AddFunction(d, "nextafter", Nextafter);
  AddFunction(d, "ulp", Ulp);
  AddFunction(d, "ldexp", Ldexp);
  AddFunction(d, "frexp", Frexp);
  AddFunction(d, "modf", Modf);
  AddFunction(d, "isfinite", IsFinite);
  AddFunction(d, "isinf", IsInf);
  AddFunction(d, "isnan", IsNan);
  AddFunction(d, "isclose", IsClose);
  AddFunction(d, "floor", Floor);
  AddFunction(d, "ceil", Ceil);
  AddFunction(d, "trunc", Trunc);
  AddFunction(d, "fsum", Fsum);
  AddFunction(d, "hypot", Hypot);
  AddFunction(d, "dist", Dist);
  AddFunction(d, "prod", Prod);
  AddFunction(d, "factorial", Factorial);
  AddFunction(d, "gcd", Gcd);
  AddFunction(d, "lcm", Lcm);
  AddFunction(d, "isqrt", IsqrtFn);
  AddFunction(d, "comb", Comb);
  AddFunction(d, "perm", Perm);
  return true;
}

const bool kRegistered = (RegisterNativeModule("math", InitMath), true);

}  // namespace
}  // namespace minidynamo
