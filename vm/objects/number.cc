#include "vm/objects/number.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>

#include "absl/strings/str_cat.h"
#include "vm/core/builtin_types.h"
#include "vm/core/errors.h"
#include "vm/format/float_to_string.h"
#include "vm/objects/complex.h"

namespace minidynamo {
namespace {

constexpr int64_t kHashModulus = (int64_t{1} << 61) - 1;

bool IsFloatValue(const Value& v) {
  return v.is_float() ||
         (v.is_object() && v.as_object()->type()->IsSubtypeOf(g_types.float_));
}

Value FromStatus(const absl::Status& s, TypeObject* fallback) {
  // BigInt reports errors as Status messages carrying Python's text; the code
  // tells which exception type they stand for.
  TypeObject* type = fallback;
  switch (s.code()) {
    case absl::StatusCode::kOutOfRange:
      type = g_exc.OverflowError;
      break;
    case absl::StatusCode::kInvalidArgument:
      type = g_exc.ValueError;
      break;
    case absl::StatusCode::kFailedPrecondition:
      type = g_exc.ZeroDivisionError;
      break;
    case absl::StatusCode::kResourceExhausted:
      type = g_exc.MemoryError;
      break;
    default:
      break;
  }
  return Raise(type, std::string(s.message()));
}

Value FloatResult(double r) { return Value::Float(r); }

Value FloatBinary(double x, double y, BinOp op) {
  switch (op) {
    case BinOp::kAdd:
      return FloatResult(x + y);
    case BinOp::kSubtract:
      return FloatResult(x - y);
    case BinOp::kMultiply:
      return FloatResult(x * y);
    case BinOp::kTrueDivide:
      if (y == 0.0)
        return Raise(g_exc.ZeroDivisionError, "float division by zero");
      return FloatResult(x / y);
    case BinOp::kFloorDivide: {
      if (y == 0.0) {
        return Raise(g_exc.ZeroDivisionError, "float floor division by zero");
      }
      double mod = std::fmod(x, y);
      double div = (x - mod) / y;
      if (mod != 0.0 && ((y < 0.0) != (mod < 0.0))) div -= 1.0;
      double floordiv;
      if (div != 0.0) {
        floordiv = std::floor(div);
        if (div - floordiv > 0.5) floordiv += 1.0;
      } else {
        floordiv = std::copysign(0.0, x / y);
      }
      return FloatResult(floordiv);
    }
    case BinOp::kRemainder: {
      if (y == 0.0) return Raise(g_exc.ZeroDivisionError, "float modulo");
      double mod = std::fmod(x, y);
      if (mod != 0.0) {
        if ((y < 0.0) != (mod < 0.0)) mod += y;
      } else {
        mod = std::copysign(0.0, y);
      }
      return FloatResult(mod);
    }
    case BinOp::kPower: {
      // 0.0 ** -inf is inf (CPython checks infinite exponents first).
      if (x == 0.0 && y < 0.0 && std::isfinite(y)) {
        return Raise(g_exc.ZeroDivisionError,
                     "0.0 cannot be raised to a negative power");
      }
      if (x < 0.0 && y != std::floor(y) && std::isfinite(y)) {
        return ComplexPower(x, y);
      }
      errno = 0;
      double r = std::pow(x, y);
      if (std::isinf(r) && std::isfinite(x) && std::isfinite(y)) {
        return Raise(g_exc.OverflowError,
                     "(34, 'Numerical result out of range')");
      }
      return FloatResult(r);
    }
    default:
      return NotImplemented();
  }
}

Value IntBinary(const Value& a, const Value& b, BinOp op) {
  // Inline fast cases first; anything that may overflow goes through BigInt.
  if (!a.is_object() && !b.is_object()) {
    int64_t x = a.as_int(), y = b.as_int(), r;
    switch (op) {
      case BinOp::kAdd:
        if (!__builtin_add_overflow(x, y, &r)) return Value::Int(r);
        break;
      case BinOp::kSubtract:
        if (!__builtin_sub_overflow(x, y, &r)) return Value::Int(r);
        break;
      case BinOp::kMultiply:
        if (!__builtin_mul_overflow(x, y, &r)) return Value::Int(r);
        break;
      case BinOp::kAnd:
        return Value::Int(x & y);
      case BinOp::kOr:
        return Value::Int(x | y);
      case BinOp::kXor:
        return Value::Int(x ^ y);
      case BinOp::kRshift:
        if (y < 0) return Raise(g_exc.ValueError, "negative shift count");
        return Value::Int(y >= 64 ? (x < 0 ? -1 : 0) : (x >> y));
      case BinOp::kLshift:
        if (y < 0) return Raise(g_exc.ValueError, "negative shift count");
        if (y < 62 && x > -(int64_t{1} << (62 - y)) &&
            x < (int64_t{1} << (62 - y))) {
          return Value::Int(x * (int64_t{1} << y));
        }
        break;
      case BinOp::kTrueDivide:
        if (y == 0) return Raise(g_exc.ZeroDivisionError, "division by zero");
        if (std::llabs(x) < (int64_t{1} << 53) &&
            std::llabs(y) < (int64_t{1} << 53)) {
          return Value::Float(static_cast<double>(x) / static_cast<double>(y));
        }
        break;
      case BinOp::kFloorDivide:
        if (y == 0) {
          return Raise(g_exc.ZeroDivisionError,
                       "integer division or modulo by zero");
        }
        if (x == INT64_MIN && y == -1) break;
        r = x / y;
        if ((x % y != 0) && ((x < 0) != (y < 0))) --r;
        return Value::Int(r);
      case BinOp::kRemainder:
        if (y == 0)
          return Raise(g_exc.ZeroDivisionError, "integer modulo by zero");
        if (y == -1) return Value::Int(0);
        r = x % y;
        if (r != 0 && ((r < 0) != (y < 0))) r += y;
        return Value::Int(r);
      case BinOp::kPower:
        if (y < 0) {
          if (x == 0) {
            return Raise(g_exc.ZeroDivisionError,
                         "0.0 cannot be raised to a negative power");
          }
          return FloatBinary(static_cast<double>(x), static_cast<double>(y),
                             BinOp::kPower);
        }
        {
          // Square-and-multiply with overflow detection.
          int64_t result = 1, base = x;
          int64_t e = y;
          bool overflow = false;
          while (e > 0) {
            if (e & 1)
              overflow |= __builtin_mul_overflow(result, base, &result);
            e >>= 1;
            if (e > 0) overflow |= __builtin_mul_overflow(base, base, &base);
            if (overflow) break;
          }
          if (!overflow) return Value::Int(result);
        }
        break;
      default:
        return NotImplemented();
    }
  }
  BigInt x = ToBigInt(a), y = ToBigInt(b);
  switch (op) {
    case BinOp::kAdd:
      return MakeInt(x + y);
    case BinOp::kSubtract:
      return MakeInt(x - y);
    case BinOp::kMultiply:
      return MakeInt(x * y);
    case BinOp::kAnd:
      return MakeInt(BigInt::And(x, y));
    case BinOp::kOr:
      return MakeInt(BigInt::Or(x, y));
    case BinOp::kXor:
      return MakeInt(BigInt::Xor(x, y));
    case BinOp::kLshift: {
      auto r = BigInt::LeftShift(x, y);
      return r.ok() ? MakeInt(*std::move(r))
                    : FromStatus(r.status(), g_exc.ValueError);
    }
    case BinOp::kRshift: {
      auto r = BigInt::RightShift(x, y);
      return r.ok() ? MakeInt(*std::move(r))
                    : FromStatus(r.status(), g_exc.ValueError);
    }
    case BinOp::kTrueDivide: {
      if (y.IsZero()) return Raise(g_exc.ZeroDivisionError, "division by zero");
      auto r = BigInt::TrueDiv(x, y);
      return r.ok() ? Value::Float(*r)
                    : FromStatus(r.status(), g_exc.OverflowError);
    }
    case BinOp::kFloorDivide: {
      if (y.IsZero()) {
        return Raise(g_exc.ZeroDivisionError,
                     "integer division or modulo by zero");
      }
      auto r = BigInt::FloorDiv(x, y);
      return r.ok() ? MakeInt(*std::move(r))
                    : FromStatus(r.status(), g_exc.ZeroDivisionError);
    }
    case BinOp::kRemainder: {
      if (y.IsZero())
        return Raise(g_exc.ZeroDivisionError, "integer modulo by zero");
      auto r = BigInt::Mod(x, y);
      return r.ok() ? MakeInt(*std::move(r))
                    : FromStatus(r.status(), g_exc.ZeroDivisionError);
    }
    case BinOp::kPower: {
      if (y.IsNegative()) {
        double fx, fy;
        if (!ToDouble(a, &fx) || !ToDouble(b, &fy)) return Value();
        return FloatBinary(fx, fy, BinOp::kPower);
      }
      auto r = BigInt::Pow(x, y);
      return r.ok() ? MakeInt(*std::move(r))
                    : FromStatus(r.status(), g_exc.OverflowError);
    }
    default:
      return NotImplemented();
  }
}

}  // namespace

Value MakeInt(BigInt b) {
  if (b.FitsInt64()) return Value::Int(b.ToInt64());
  return Value::Steal(new IntObject(g_types.int_, std::move(b)));
}

bool IsIntValue(const Value& v) {
  if (v.is_int() || v.is_bool()) return true;
  return v.is_object() && v.as_object()->type()->IsSubtypeOf(g_types.int_);
}

BigInt ToBigInt(const Value& v) {
  if (v.is_int() || v.is_bool()) return BigInt(v.as_int());
  return As<IntObject>(v)->value;
}

bool ToDouble(const Value& v, double* out) {
  if (v.is_float()) {
    *out = v.as_float();
    return true;
  }
  if (v.is_int() || v.is_bool()) {
    *out = static_cast<double>(v.as_int());
    return true;
  }
  if (v.is_object() && v.as_object()->type()->layout() == Layout::kInt) {
    auto r = As<IntObject>(v)->value.ToDouble();
    if (!r.ok()) {
      Raise(g_exc.OverflowError, "int too large to convert to float");
      return false;
    }
    *out = *r;
    return true;
  }
  RaiseF(g_exc.TypeError, "must be real number, not %s", TypeName(v));
  return false;
}

bool IsNumber(const Value& v) { return IsIntValue(v) || IsFloatValue(v); }

Value NumberBinaryOp(const Value& a, const Value& b, BinOp op) {
  int raw = static_cast<int>(op);
  if (raw >= kInplaceOffset) op = static_cast<BinOp>(raw - kInplaceOffset);
  // bool & bool, | and ^ stay bools.
  if (a.is_bool() && b.is_bool()) {
    if (op == BinOp::kAnd) return Value::Bool(a.as_bool() && b.as_bool());
    if (op == BinOp::kOr) return Value::Bool(a.as_bool() || b.as_bool());
    if (op == BinOp::kXor) return Value::Bool(a.as_bool() != b.as_bool());
  }
  if (IsIntValue(a) && IsIntValue(b)) return IntBinary(a, b, op);
  if (!IsNumber(a) || !IsNumber(b)) return NotImplemented();
  switch (op) {
    case BinOp::kAdd:
    case BinOp::kSubtract:
    case BinOp::kMultiply:
    case BinOp::kTrueDivide:
    case BinOp::kFloorDivide:
    case BinOp::kRemainder:
    case BinOp::kPower:
      break;
    default:
      return NotImplemented();
  }
  double x, y;
  if (!ToDouble(a, &x) || !ToDouble(b, &y)) return Value();
  return FloatBinary(x, y, op);
}

Value NumberCompare(const Value& a, const Value& b, CompareOp op) {
  int c;  // -1, 0, 1; 2 for unordered (NaN).
  if (IsIntValue(a) && IsIntValue(b)) {
    if (!a.is_object() && !b.is_object()) {
      c = a.as_int() < b.as_int() ? -1 : a.as_int() > b.as_int() ? 1 : 0;
    } else {
      c = BigInt::Compare(ToBigInt(a), ToBigInt(b));
    }
  } else if (IsNumber(a) && IsNumber(b)) {
    if (IsFloatValue(a) && IsFloatValue(b)) {
      double x = a.as_float(), y = b.as_float();
      c = x < y ? -1 : x > y ? 1 : x == y ? 0 : 2;
    } else {
      // Exact int/float comparison, as CPython (no rounding of big ints).
      bool a_is_float = IsFloatValue(a);
      double f = a_is_float ? a.as_float() : b.as_float();
      const Value& i = a_is_float ? b : a;
      std::optional<int> r = BigInt::CompareWithDouble(ToBigInt(i), f);
      if (!r.has_value()) {
        c = 2;
      } else {
        c = a_is_float ? -*r : *r;
      }
    }
  } else {
    return NotImplemented();
  }
  bool r;
  switch (op) {
    case CompareOp::kLt:
      r = c == -1;
      break;
    case CompareOp::kLe:
      r = c == -1 || c == 0;
      break;
    case CompareOp::kEq:
      r = c == 0;
      break;
    case CompareOp::kNe:
      r = c != 0;
      break;
    case CompareOp::kGt:
      r = c == 1;
      break;
    case CompareOp::kGe:
      r = c == 1 || c == 0;
      break;
    default:
      r = false;
  }
  return Value::Bool(r);
}

Value NumberNegative(const Value& v) {
  if (v.is_float()) return Value::Float(-v.as_float());
  if ((v.is_int() || v.is_bool()) && v.as_int() != INT64_MIN) {
    return Value::Int(-v.as_int());
  }
  if (IsIntValue(v)) return MakeInt(ToBigInt(v).Negated());
  if (IsFloatValue(v)) return Value::Float(-v.as_float());
  return NotImplemented();
}

Value NumberInvert(const Value& v) {
  if (v.is_int() || v.is_bool()) return Value::Int(~v.as_int());
  if (IsIntValue(v)) return MakeInt(ToBigInt(v).Invert());
  return NotImplemented();
}

Value NumberAbs(const Value& v) {
  if (v.is_float()) return Value::Float(std::fabs(v.as_float()));
  if ((v.is_int() || v.is_bool()) && v.as_int() != INT64_MIN) {
    return Value::Int(std::llabs(v.as_int()));
  }
  if (IsIntValue(v)) return MakeInt(ToBigInt(v).Abs());
  return NotImplemented();
}

Value NumberPowMod(const Value& a, const Value& b, const Value& mod) {
  if (!IsIntValue(a) || !IsIntValue(b) || !IsIntValue(mod)) {
    return Raise(
        g_exc.TypeError,
        "pow() 3rd argument not allowed unless all arguments are integers");
  }
  BigInt m = ToBigInt(mod);
  if (m.IsZero())
    return Raise(g_exc.ValueError, "pow() 3rd argument cannot be 0");
  auto r = BigInt::PowMod(ToBigInt(a), ToBigInt(b), m);
  return r.ok() ? MakeInt(*std::move(r))
                : FromStatus(r.status(), g_exc.ValueError);
}

int64_t HashInt64Slow(int64_t v) {
  // CPython: the value modulo 2**61 - 1, keeping the sign; -1 becomes -2.
  bool neg = v < 0;
  uint64_t m = neg ? (0 - static_cast<uint64_t>(v)) : static_cast<uint64_t>(v);
  int64_t h = static_cast<int64_t>(m % static_cast<uint64_t>(kHashModulus));
  if (neg) h = -h;
  return h == -1 ? -2 : h;
}

int64_t HashDouble(double v) {
  if (std::isinf(v)) return v > 0 ? 314159 : -314159;
  if (std::isnan(v))
    return 0;  // CPython 3.10+ hashes NaN by identity; 0 is safe.
  int e;
  double m = std::frexp(v, &e);
  int sign = 1;
  if (m < 0) {
    sign = -1;
    m = -m;
  }
  uint64_t x = 0;
  while (m) {
    x = ((x << 28) & kHashModulus) | x >> (61 - 28);
    m *= 268435456.0;  // 2**28
    e -= 28;
    uint64_t y = static_cast<uint64_t>(m);
    m -= static_cast<double>(y);
    x += y;
    if (x >= static_cast<uint64_t>(kHashModulus)) x -= kHashModulus;
  }
  e = e >= 0 ? e % 61 : 61 - 1 - ((-1 - e) % 61);
  x = ((x << e) & kHashModulus) | x >> (61 - e);
  int64_t h = static_cast<int64_t>(x) * sign;
  return h == -1 ? -2 : h;
}

namespace {
int64_t g_int_max_str_digits = 4300;  // CPython's default.
}  // namespace

int64_t IntMaxStrDigits() { return g_int_max_str_digits; }
void SetIntMaxStrDigits(int64_t n) { g_int_max_str_digits = n; }

bool CheckIntStrDigits(const Value& v) {
  if (!v.is_object() || g_int_max_str_digits == 0) return true;
  const BigInt& b = As<IntObject>(v)->value;
  // Below 2**(limit * log2(10)) the number cannot have too many digits.
  if (b.BitLength() < static_cast<uint64_t>(g_int_max_str_digits) * 3) {
    return true;
  }
  absl::StatusOr<std::string> r = b.ToDecimalString(g_int_max_str_digits);
  if (r.ok()) return true;
  Raise(g_exc.ValueError, std::string(r.status().message()));
  return false;
}

std::string IntToString(const Value& v) {
  if (v.is_int()) return absl::StrCat(v.as_int());
  if (v.is_bool()) return v.as_bool() ? "True" : "False";
  return As<IntObject>(v)->value.ToString(10);
}

std::string FloatToString(double v) { return FloatRepr(v); }

}  // namespace minidynamo
