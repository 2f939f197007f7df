// The methods of int, bool and float, and their constructors.

#include <cmath>
#include <cstring>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/strip.h"
#include "vm/core/builtin_types.h"
#include "vm/core/errors.h"
#include "vm/format/float_parse.h"
#include "vm/format/float_to_string.h"
#include "vm/format/format_float.h"
#include "vm/format/format_int.h"
#include "vm/format/str_repr.h"
#include "vm/interp/ops.h"
#include "vm/objects/bytes.h"
#include "vm/objects/bytes_internal.h"
#include "vm/objects/method_util.h"
#include "vm/objects/native.h"
#include "vm/objects/number.h"
#include "vm/objects/str.h"
#include "vm/objects/tuple.h"
#include "vm/objects/type_inits.h"

namespace minidynamo {
namespace {

// Whether self's slot handles `other`: int's slots take ints only (an int
// and a float meet in float's reflected slot), float's ints and floats.
bool HandlesOther(const Value& self, const Value& other) {
  return IsIntValue(self) ? IsIntValue(other) : IsNumber(other);
}

// Binary operator methods: self op other, and the reflected other op self.
template <BinOp kOp>
Value NumOp(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("op", nargs - 1, kw, 1, 1)) return Value();
  if (!HandlesOther(args[0], args[1])) return NotImplemented();
  return NumberBinaryOp(args[0], args[1], kOp);
}
template <BinOp kOp>
Value NumROp(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("op", nargs - 1, kw, 1, 1)) return Value();
  if (!HandlesOther(args[0], args[1])) return NotImplemented();
  return NumberBinaryOp(args[1], args[0], kOp);
}
template <CompareOp kOp>
Value NumCmp(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("cmp", nargs - 1, kw, 1, 1)) return Value();
  if (!HandlesOther(args[0], args[1])) return NotImplemented();
  return NumberCompare(args[0], args[1], kOp);
}

// An int (bool or subclass included) as an exact int, as int's methods that
// return the value itself do (True.conjugate() is 1).
Value ExactInt(const Value& v) {
  if (v.is_bool()) return Value::Int(v.as_int());
  if (v.is_object() && v.as_object()->type() != g_types.int_) {
    return MakeInt(ToBigInt(v));
  }
  return v;
}

Value NumNeg(Value* args, size_t, TupleObject*) {
  return NumberNegative(args[0]);
}
Value NumPos(Value* args, size_t, TupleObject*) {
  return IsIntValue(args[0]) ? ExactInt(args[0]) : args[0];
}
Value NumAbs(Value* args, size_t, TupleObject*) { return NumberAbs(args[0]); }
Value IntInvert(Value* args, size_t, TupleObject*) {
  return NumberInvert(args[0]);
}
Value NumBool(Value* args, size_t, TupleObject*) {
  const Value& v = args[0];
  if (v.is_float()) return Value::Bool(v.as_float() != 0.0);
  if (v.is_int() || v.is_bool()) return Value::Bool(v.as_int() != 0);
  return Value::Bool(!ToBigInt(v).IsZero());
}
Value NumHash(Value* args, size_t, TupleObject*) {
  int64_t h;
  if (!Hash(args[0], &h)) return Value();
  return Value::Int(h);
}

Value IntRepr(Value* args, size_t, TupleObject*) {
  if (args[0].is_bool()) return StrObject::New(absl::StrCat(args[0].as_int()));
  if (!CheckIntStrDigits(args[0])) return Value();
  return StrObject::New(IntToString(args[0]));
}
Value BoolRepr(Value* args, size_t, TupleObject*) {
  return StrObject::New(args[0].as_bool() ? "True" : "False");
}
Value FloatReprFn(Value* args, size_t, TupleObject*) {
  return StrObject::New(FloatRepr(args[0].as_float()));
}

Value IntIndex(Value* args, size_t, TupleObject*) { return ExactInt(args[0]); }
Value IntFloat(Value* args, size_t, TupleObject*) {
  double d;
  if (!ToDouble(args[0], &d)) return Value();
  return Value::Float(d);
}
Value IntBitLength(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("bit_length", nargs - 1, kw, 0, 0)) return Value();
  return Value::Int(static_cast<int64_t>(ToBigInt(args[0]).BitLength()));
}
Value IntBitCount(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("bit_count", nargs - 1, kw, 0, 0)) return Value();
  return Value::Int(static_cast<int64_t>(ToBigInt(args[0]).BitCount()));
}
Value IntConjugate(Value* args, size_t, TupleObject*) {
  return IsIntValue(args[0]) ? ExactInt(args[0]) : args[0];
}
Value IntReal(Value* args, size_t, TupleObject*) {
  return IntIndex(args, 1, nullptr);
}
Value IntImag(Value*, size_t, TupleObject*) { return Value::Int(0); }
Value IntDenominator(Value*, size_t, TupleObject*) { return Value::Int(1); }

// divmod(a, b) of two numbers.
Value Divmod(const Value& a, const Value& b) {
  if (!IsIntValue(a) || !IsIntValue(b)) {
    double y;
    if (!ToDouble(b, &y)) return Value();
    if (y == 0.0) return Raise(g_exc.ZeroDivisionError, "float divmod()");
  }
  Value q = NumberBinaryOp(a, b, BinOp::kFloorDivide);
  if (q.is_null()) return q;
  Value r = NumberBinaryOp(a, b, BinOp::kRemainder);
  if (r.is_null()) return r;
  return TupleObject::Of({std::move(q), std::move(r)});
}
Value NumDivmod(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("__divmod__", nargs - 1, kw, 1, 1)) return Value();
  if (!HandlesOther(args[0], args[1])) return NotImplemented();
  return Divmod(args[0], args[1]);
}
Value NumRDivmod(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("__rdivmod__", nargs - 1, kw, 1, 1)) return Value();
  if (!HandlesOther(args[0], args[1])) return NotImplemented();
  return Divmod(args[1], args[0]);
}

Value NumPow(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("__pow__", nargs - 1, kw, 1, 2)) return Value();
  if (!HandlesOther(args[0], args[1])) return NotImplemented();
  if (nargs == 3 && !args[2].is_none())
    return NumberPowMod(args[0], args[1], args[2]);
  return NumberBinaryOp(args[0], args[1], BinOp::kPower);
}

Value NumRound(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("__round__", nargs - 1, kw, 0, 1)) return Value();
  bool has_nd = nargs == 2 && !args[1].is_none();
  if (IsIntValue(args[0])) {
    if (!has_nd) return IntIndex(args, 1, nullptr);
    int64_t nd;
    bool clamped;
    if (!IndexClamped(args[1], &nd, &clamped)) return Value();
    if (nd >= 0) return IntIndex(args, 1, nullptr);
    // 10**-nd is beyond any int's magnitude (CPython would try to build it).
    if (clamped) return Value::Int(0);
    // Round to a multiple of 10**-nd, half to even.
    BigInt p = *BigInt::Pow(BigInt(10), BigInt(-nd));
    BigInt x = ToBigInt(args[0]);
    auto qr = *BigInt::DivMod(x, p);
    BigInt twice = BigInt::Mul(qr.second, BigInt(2));
    int c = BigInt::Compare(twice, p);
    BigInt q = qr.first;
    if (c > 0 || (c == 0 && q.IsOdd())) q = q + BigInt(1);
    return MakeInt(q * p);
  }
  double x = args[0].as_float();
  if (!has_nd) {
    if (std::isnan(x))
      return Raise(g_exc.ValueError, "cannot convert float NaN to integer");
    if (std::isinf(x)) {
      return Raise(g_exc.OverflowError,
                   "cannot convert float infinity to integer");
    }
    double r =
        std::nearbyint(x);  // Round half to even (default rounding mode).
    auto b = BigInt::FromDouble(r);
    return MakeInt(*b);
  }
  int64_t nd;
  bool clamped;  // PyNumber_AsSsize_t(ndigits, NULL) saturates.
  if (!IndexClamped(args[1], &nd, &clamped)) return Value();
  if (!std::isfinite(x)) return args[0];
  // Correctly rounded, as CPython: format with nd digits, then parse back.
  if (nd > 323) return args[0];
  if (nd >= 0) {
    auto r = ParseFloat(DoubleToString(x, 'f', static_cast<int>(nd), 0));
    return r.ok() ? Value::Float(*r) : Value();
  }
  if (nd < -308) return Value::Float(std::copysign(0.0, x));
  double p = std::pow(10.0, static_cast<double>(-nd));
  double y = std::nearbyint(x / p) * p;
  if (std::isinf(y))
    return Raise(g_exc.OverflowError, "rounded value too large to represent");
  return Value::Float(y);
}

Value FloatTrunc(Value* args, size_t, TupleObject*) {
  double x = args[0].as_float();
  // Exactly representable in int64 after truncation: no BigInt needed.
  if (x > -9.0e18 && x < 9.0e18) return Value::Int(static_cast<int64_t>(x));
  auto b = BigInt::FromDouble(x);
  if (!b.ok()) {
    return Raise(std::isnan(x) ? g_exc.ValueError : g_exc.OverflowError,
                 std::string(b.status().message()));
  }
  return MakeInt(*std::move(b));
}
Value FloatFloor(Value* args, size_t, TupleObject*) {
  Value f = Value::Float(std::floor(args[0].as_float()));
  return FloatTrunc(&f, 1, nullptr);
}
Value FloatCeil(Value* args, size_t, TupleObject*) {
  Value f = Value::Float(std::ceil(args[0].as_float()));
  return FloatTrunc(&f, 1, nullptr);
}
Value FloatIsInteger(Value* args, size_t, TupleObject*) {
  double x = args[0].as_float();
  return Value::Bool(std::isfinite(x) && x == std::floor(x));
}
Value FloatAsIntegerRatio(Value* args, size_t, TupleObject*) {
  double x = args[0].as_float();
  if (std::isinf(x)) {
    return Raise(g_exc.OverflowError,
                 "cannot convert Infinity to integer ratio");
  }
  if (std::isnan(x))
    return Raise(g_exc.ValueError, "cannot convert NaN to integer ratio");
  int e;
  double m = std::frexp(x, &e);
  for (int i = 0; i < 300 && m != std::floor(m); ++i) {
    m *= 2.0;
    --e;
  }
  BigInt num = *BigInt::FromDouble(m);
  BigInt den(1);
  if (e > 0) {
    num = *BigInt::LeftShift(num, e);
  } else {
    den = *BigInt::LeftShift(den, -e);
  }
  BigInt g = BigInt::Gcd(num, den);
  num = *BigInt::FloorDiv(num, g);
  den = *BigInt::FloorDiv(den, g);
  return TupleObject::Of({MakeInt(num), MakeInt(den)});
}

bool ByteOrder(const Value& v, bool* little) {
  if (!IsInstance(v, g_types.str)) {
    RaiseF(g_exc.TypeError,
           "to_bytes() argument 'byteorder' must be str, not %s", TypeName(v));
    return false;
  }
  const std::string& s = As<StrObject>(v)->str();
  if (s != "little" && s != "big") {
    Raise(g_exc.ValueError, "byteorder must be either 'little' or 'big'");
    return false;
  }
  *little = s == "little";
  return true;
}

// int.to_bytes(length=1, byteorder='big', *, signed=False)
Value IntToBytes(Value* args, size_t nargs, TupleObject* kw) {
  Value p[3];
  if (!ParseArgs("to_bytes", args + 1, nargs - 1, kw,
                 {"length", "byteorder", "signed"}, 0, p)) {
    return Value();
  }
  int64_t length = 1;
  if (!p[0].is_null() && !SsizeArg(p[0], &length)) return Value();
  if (length < 0)
    return Raise(g_exc.ValueError, "length argument must be non-negative");
  bool little = false;
  if (!p[1].is_null() && !ByteOrder(p[1], &little)) return Value();
  int is_signed = p[2].is_null() ? 0 : IsTrue(p[2]);
  if (is_signed < 0) return Value();
  auto r = ToBigInt(args[0]).ToBytes(length, little, is_signed);
  if (!r.ok())
    return Raise(g_exc.OverflowError, std::string(r.status().message()));
  return BytesObject::New(*std::move(r));
}

// int.from_bytes(bytes, byteorder='big', *, signed=False)
Value IntFromBytes(Value* args, size_t nargs, TupleObject* kw) {
  Value p[3];
  if (!ParseArgs("from_bytes", args + 1, nargs - 1, kw,
                 {"bytes", "byteorder", "signed"}, 1, p)) {
    return Value();
  }
  std::string data;
  if (IsInstance(p[0], g_types.bytes)) {
    data = As<BytesObject>(p[0])->data();
  } else {
    Value it = GetIter(p[0]);
    if (it.is_null()) return it;
    while (true) {
      Value x = IterNext(it);
      if (x.is_null()) break;
      int64_t b;
      bool clamped;  // A huge int is out of range like any other.
      if (!IndexClamped(x, &b, &clamped)) return Value();
      if (b < 0 || b > 255)
        return Raise(g_exc.ValueError, "bytes must be in range(0, 256)");
      data.push_back(static_cast<char>(b));
    }
    if (ErrorOccurred()) return Value();
  }
  bool little = false;
  if (!p[1].is_null() && !ByteOrder(p[1], &little)) return Value();
  int is_signed = p[2].is_null() ? 0 : IsTrue(p[2]);
  if (is_signed < 0) return Value();
  Value r = MakeInt(BigInt::FromBytes(data, little, is_signed));
  TypeObject* cls = As<TypeObject>(args[0]);
  if (cls == g_types.int_) return r;
  return CallOneArg(args[0], r);
}

// Each float('nan') is a distinct object in CPython, and `is` (which containers
// use before ==) tells them apart. Inline floats are compared by bits, so each
// parsed NaN gets its own payload.
double DistinctNan(double nan) {
  static uint64_t counter = 0;
  uint64_t bits;
  std::memcpy(&bits, &nan, sizeof bits);
  bits = (bits & 0xFFF8000000000000ull) | ((++counter) & 0x0007FFFFFFFFFFFFull);
  double out;
  std::memcpy(&out, &bits, sizeof out);
  return out;
}

// float.hex(): CPython's layout, 0x1.<13 hex digits>p<exp> (subnormals keep
// 0x0.).
Value FloatHex(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("hex", nargs - 1, kw, 0, 0)) return Value();
  double x = args[0].as_float();
  if (std::isnan(x)) return StrObject::New("nan");
  if (std::isinf(x)) return StrObject::New(x > 0 ? "inf" : "-inf");
  if (x == 0.0)
    return StrObject::New(std::signbit(x) ? "-0x0.0p+0" : "0x0.0p+0");
  uint64_t bits;
  std::memcpy(&bits, &x, sizeof bits);
  bool neg = bits >> 63;
  int exp = static_cast<int>((bits >> 52) & 0x7FF);
  uint64_t mant = bits & ((uint64_t{1} << 52) - 1);
  int lead = 1;
  if (exp == 0) {
    lead = 0;
    exp = -1022;
  } else {
    exp -= 1023;
  }
  return StrObject::New(
      absl::StrFormat("%s0x%d.%013xp%+d", neg ? "-" : "", lead, mant, exp));
}

// float.fromhex(s): [sign] [0x] hexdigits [. hexdigits] [p exponent], inf, nan.
Value FloatFromHex(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("fromhex", nargs - 1, kw, 1, 1)) return Value();
  if (!IsInstance(args[1], g_types.str)) {
    return RaiseF(g_exc.TypeError, "fromhex() argument must be str, not %s",
                  TypeName(args[1]));
  }
  std::string s(absl::StripAsciiWhitespace(As<StrObject>(args[1])->str()));
  std::string lower = absl::AsciiStrToLower(s);
  size_t i = 0;
  bool neg = false;
  if (i < lower.size() && (lower[i] == '+' || lower[i] == '-'))
    neg = lower[i++] == '-';
  std::string rest = lower.substr(i);
  auto bad = [] {
    return Raise(g_exc.ValueError, "invalid hexadecimal floating-point string");
  };
  if (rest == "inf" || rest == "infinity")
    return Value::Float(neg ? -INFINITY : INFINITY);
  if (rest == "nan") return Value::Float(NAN);
  if (rest.rfind("0x", 0) == 0) rest = rest.substr(2);
  double value = 0.0;
  int exp_adjust = 0;
  bool any = false, dot = false;
  size_t k = 0;
  for (; k < rest.size(); ++k) {
    char c = rest[k];
    if (c == '.' && !dot) {
      dot = true;
      continue;
    }
    int d = isdigit(static_cast<unsigned char>(c)) ? c - '0'
            : (c >= 'a' && c <= 'f')               ? c - 'a' + 10
                                                   : -1;
    if (d < 0) break;
    any = true;
    value = value * 16 + d;
    if (dot) exp_adjust -= 4;
  }
  if (!any) return bad();
  long exp = 0;
  if (k < rest.size()) {
    if (rest[k] != 'p') return bad();
    char* end = nullptr;
    exp = std::strtol(rest.c_str() + k + 1, &end, 10);
    if (end == rest.c_str() + k + 1 || *end != '\0') return bad();
  }
  double r = std::ldexp(value, static_cast<int>(exp) + exp_adjust);
  if (std::isinf(r)) {
    return Raise(g_exc.OverflowError,
                 "hexadecimal value too large to represent as a float");
  }
  return Value::Float(neg ? -r : r);
}

Value NumFormat(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("__format__", nargs - 1, kw, 1, 1)) return Value();
  if (!IsInstance(args[1], g_types.str)) {
    return RaiseF(g_exc.TypeError, "__format__() argument must be str, not %s",
                  TypeName(args[1]));
  }
  const std::string& spec = As<StrObject>(args[1])->str();
  absl::StatusOr<std::string> r;
  if (args[0].is_float()) {
    r = FormatFloat(args[0].as_float(), spec);
  } else if (args[0].is_bool() && spec.empty()) {
    return Str(args[0]);
  } else if (args[0].is_int() || args[0].is_bool()) {
    r = FormatInt64(args[0].as_int(), spec);
  } else {
    char type = spec.empty() ? 'd' : spec.back();
    if (absl::StrContains("eEfFgG%", type)) {
      // Float presentations format float(n): OverflowError past DBL_MAX.
      double d;
      if (!ToDouble(args[0], &d)) return Value();
    } else if (!absl::StrContains("bcoxX", type) &&
               !CheckIntStrDigits(args[0])) {
      // Decimal ones are subject to sys.set_int_max_str_digits().
      return Value();
    }
    BigInt b = ToBigInt(args[0]);
    r = FormatBigInt(b.IsNegative(), b.Abs().ToString(10), 10, spec);
  }
  if (!r.ok())
    return Raise(g_exc.ValueError, std::string(r.status().message()));
  return StrObject::New(*r);
}

// int(x), int(str, base).
// int(text, base) for a str (its checks are done).
Value IntFromText(const std::string& text, int base) {
  auto b = BigInt::FromString(text, base, IntMaxStrDigits());
  if (!b.ok())
    return Raise(g_exc.ValueError, std::string(b.status().message()));
  return MakeInt(*std::move(b));
}

// int(bytes, base), as CPython's _PyLong_FromBytes: ASCII text only (C
// whitespace, no NUL), and the error shows the first 200 bytes as bytes.
Value IntFromBytes(std::string_view bytes, int base) {
  bool ascii = true;
  for (char c : bytes) {
    unsigned char u = static_cast<unsigned char>(c);
    ascii = ascii && u != 0 && u < 0x80 && !(u >= 0x1c && u <= 0x1f);
  }
  if (ascii) {
    auto b = BigInt::FromString(bytes, base, IntMaxStrDigits());
    if (b.ok()) return MakeInt(*std::move(b));
    if (absl::StartsWith(b.status().message(), "Exceeds the limit")) {
      return Raise(g_exc.ValueError, std::string(b.status().message()));
    }
  }
  return RaiseF(g_exc.ValueError, "invalid literal for int() with base %d: %s",
                base, BytesRepr(bytes.substr(0, 200)));
}

Value IntNewFn(TypeObject* type, Value* args, size_t nargs, TupleObject* kw) {
  Value parsed[2];
  if (!ParseArgs("int", args, nargs, kw, {nullptr, "base"}, 0, parsed))
    return Value();
  Value result;
  if (parsed[0].is_null()) {
    if (!parsed[1].is_null())
      return Raise(g_exc.TypeError, "int() missing string argument");
    result = Value::Int(0);
  } else if (!parsed[1].is_null()) {
    int64_t base;
    bool clamped;  // PyNumber_AsSsize_t(base, NULL) saturates.
    if (!IndexClamped(parsed[1], &base, &clamped)) return Value();
    if (base != 0 && (base < 2 || base > 36)) {
      return Raise(g_exc.ValueError, "int() base must be >= 2 and <= 36, or 0");
    }
    std::string_view bytes;
    if (IsInstance(parsed[0], g_types.str)) {
      result =
          IntFromText(As<StrObject>(parsed[0])->str(), static_cast<int>(base));
    } else if (BytesLikeView(parsed[0], &bytes)) {
      result = IntFromBytes(bytes, static_cast<int>(base));
    } else {
      return Raise(g_exc.TypeError,
                   "int() can't convert non-string with explicit base");
    }
  } else if (IsExactType(parsed[0], g_types.str)) {
    result = IntFromText(As<StrObject>(parsed[0])->str(), 10);
  } else if (IsIntValue(parsed[0])) {
    result = parsed[0].is_bool() ? Value::Int(parsed[0].as_int()) : parsed[0];
    if (result.is_object() && result.as_object()->type() != g_types.int_) {
      result = MakeInt(ToBigInt(result));
    }
  } else if (parsed[0].is_float()) {
    result = FloatTrunc(&parsed[0], 1, nullptr);
  } else {
    static StrObject* int_name = Intern("__int__");
    static StrObject* index_name = Intern("__index__");
    static StrObject* trunc_name = Intern("__trunc__");
    result = CallSpecial(parsed[0], int_name, nullptr, 0);
    if (result.is_null() && !ErrorOccurred()) {
      result = CallSpecial(parsed[0], index_name, nullptr, 0);
    }
    if (result.is_null() && !ErrorOccurred()) {
      result = CallSpecial(parsed[0], trunc_name, nullptr, 0);
    }
    // As PyNumber_Long, text and bytes-like objects come after the hooks.
    std::string_view bytes;
    if (result.is_null() && !ErrorOccurred()) {
      if (IsInstance(parsed[0], g_types.str)) {
        result = IntFromText(As<StrObject>(parsed[0])->str(), 10);
        if (result.is_null()) return result;
      } else if (BytesLikeView(parsed[0], &bytes)) {
        result = IntFromBytes(bytes, 10);
        if (result.is_null()) return result;
      }
    }
    if (result.is_null()) {
      if (ErrorOccurred()) return Value();
      return RaiseF(g_exc.TypeError,
                    "int() argument must be a string, a bytes-like object or a "
                    "real number, not '%s'",
                    TypeName(parsed[0]));
    }
    if (!IsIntValue(result)) {
      return RaiseF(g_exc.TypeError, "__int__ returned non-int (type %s)",
                    TypeName(result));
    }
  }
  if (result.is_null() || type == g_types.int_) return result;
  return Value::Steal(new IntObject(type, ToBigInt(result)));
}

Value BoolNewFn(TypeObject* type, Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("bool", nargs, kw, 0, 1)) return Value();
  if (nargs == 0) return Value::Bool(false);
  int t = IsTrue(args[0]);
  return t < 0 ? Value() : Value::Bool(t);
}

Value FloatNewFn(TypeObject* type, Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("float", nargs, kw, 0, 1)) return Value();
  if (nargs == 0) return Value::Float(0.0);
  const Value& x = args[0];
  if (x.is_float()) return x;
  if (IsIntValue(x)) {
    double d;
    if (!ToDouble(x, &d)) return Value();
    return Value::Float(d);
  }
  // PyFloat_FromString: text, or the bytes of a bytes-like object (ASCII
  // only); the error shows the argument's repr.
  auto from_string = [&x](std::string_view text, bool bytes_like) -> Value {
    bool ascii = true;
    for (char c : text) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    absl::StatusOr<double> r = bytes_like && !ascii
                                   ? absl::InvalidArgumentError("")
                                   : ParseFloat(text);
    if (r.ok()) return Value::Float(std::isnan(*r) ? DistinctNan(*r) : *r);
    if (IsExactType(x, g_types.str))
      return Raise(g_exc.ValueError, std::string(r.status().message()));
    Value rep = Repr(x);
    if (rep.is_null()) return rep;
    return RaiseF(g_exc.ValueError, "could not convert string to float: %s",
                  As<StrObject>(rep)->str());
  };
  if (IsExactType(x, g_types.str))
    return from_string(As<StrObject>(x)->str(), false);
  // As PyNumber_Float: __float__ and __index__ come before the text.
  static StrObject* float_name = Intern("__float__");
  static StrObject* index_name = Intern("__index__");
  Value r = CallSpecial(x, float_name, nullptr, 0);
  if (r.is_null() && !ErrorOccurred()) {
    r = CallSpecial(x, index_name, nullptr, 0);
    if (!r.is_null()) {
      double d;
      if (!ToDouble(r, &d)) return Value();
      return Value::Float(d);
    }
  }
  if (r.is_null() && !ErrorOccurred()) {
    if (IsInstance(x, g_types.str))
      return from_string(As<StrObject>(x)->str(), false);
    std::string_view bytes;
    if (BytesLikeView(x, &bytes)) return from_string(bytes, true);
  }
  if (r.is_null()) {
    if (ErrorOccurred()) return Value();
    return RaiseF(
        g_exc.TypeError,
        "float() argument must be a string or a real number, not '%s'",
        TypeName(x));
  }
  if (!r.is_float()) {
    return RaiseF(g_exc.TypeError, "%s.__float__ returned non-float (type %s)",
                  TypeName(x), TypeName(r));
  }
  return r;
}

void AddArithmetic(TypeObject* t, bool is_int) {
  AddMethod(t, "__add__", NumOp<BinOp::kAdd>);
  AddMethod(t, "__radd__", NumROp<BinOp::kAdd>);
  AddMethod(t, "__sub__", NumOp<BinOp::kSubtract>);
  AddMethod(t, "__rsub__", NumROp<BinOp::kSubtract>);
  AddMethod(t, "__mul__", NumOp<BinOp::kMultiply>);
  AddMethod(t, "__rmul__", NumROp<BinOp::kMultiply>);
  AddMethod(t, "__truediv__", NumOp<BinOp::kTrueDivide>);
  AddMethod(t, "__rtruediv__", NumROp<BinOp::kTrueDivide>);
  AddMethod(t, "__floordiv__", NumOp<BinOp::kFloorDivide>);
  AddMethod(t, "__rfloordiv__", NumROp<BinOp::kFloorDivide>);
  AddMethod(t, "__mod__", NumOp<BinOp::kRemainder>);
  AddMethod(t, "__rmod__", NumROp<BinOp::kRemainder>);
  AddMethod(t, "__pow__", NumPow);
  AddMethod(t, "__rpow__", NumROp<BinOp::kPower>);
  AddMethod(t, "__divmod__", NumDivmod);
  AddMethod(t, "__rdivmod__", NumRDivmod);
  AddMethod(t, "__neg__", NumNeg);
  AddMethod(t, "__pos__", NumPos);
  AddMethod(t, "__abs__", NumAbs);
  AddMethod(t, "__bool__", NumBool);
  AddMethod(t, "__hash__", NumHash);
  AddMethod(t, "__round__", NumRound);
  AddMethod(t, "__format__", NumFormat);
  AddMethod(t, "__lt__", NumCmp<CompareOp::kLt>);
  AddMethod(t, "__le__", NumCmp<CompareOp::kLe>);
  AddMethod(t, "__eq__", NumCmp<CompareOp::kEq>);
  AddMethod(t, "__ne__", NumCmp<CompareOp::kNe>);
  AddMethod(t, "__gt__", NumCmp<CompareOp::kGt>);
  AddMethod(t, "__ge__", NumCmp<CompareOp::kGe>);
  if (is_int) {
    AddMethod(t, "__and__", NumOp<BinOp::kAnd>);
    AddMethod(t, "__rand__", NumROp<BinOp::kAnd>);
    AddMethod(t, "__or__", NumOp<BinOp::kOr>);
    AddMethod(t, "__ror__", NumROp<BinOp::kOr>);
    AddMethod(t, "__xor__", NumOp<BinOp::kXor>);
    AddMethod(t, "__rxor__", NumROp<BinOp::kXor>);
    AddMethod(t, "__lshift__", NumOp<BinOp::kLshift>);
    AddMethod(t, "__rlshift__", NumROp<BinOp::kLshift>);
    AddMethod(t, "__rshift__", NumOp<BinOp::kRshift>);
    AddMethod(t, "__rrshift__", NumROp<BinOp::kRshift>);
    AddMethod(t, "__invert__", IntInvert);
  }
}

}  // namespace

void InitNumberTypes() {
  TypeObject* i = g_types.int_;
  i->set_new_fn(IntNewFn);
  AddArithmetic(i, true);
  AddMethod(i, "__repr__", IntRepr);
  AddMethod(i, "__index__", IntIndex);
  AddMethod(i, "__int__", IntIndex);
  AddMethod(i, "__float__", IntFloat);
  AddMethod(i, "__trunc__", IntIndex);
  AddMethod(i, "__floor__", IntIndex);
  AddMethod(i, "__ceil__", IntIndex);
  AddMethod(i, "bit_length", IntBitLength);
  AddMethod(i, "bit_count", IntBitCount);
  AddMethod(i, "to_bytes", IntToBytes);
  AddClassMethod(i, "from_bytes", IntFromBytes);
  AddMethod(i, "as_integer_ratio", [](Value* a, size_t, TupleObject*) {
    return TupleObject::Of({IntIndex(a, 1, nullptr), Value::Int(1)});
  });
  AddMethod(i, "conjugate", IntConjugate);
  AddGetter(i, "real", IntReal);
  AddGetter(i, "imag", IntImag);
  AddGetter(i, "numerator", IntReal);
  AddGetter(i, "denominator", IntDenominator);

  TypeObject* b = g_types.bool_;
  b->set_new_fn(BoolNewFn);
  AddMethod(b, "__repr__", BoolRepr);

  TypeObject* f = g_types.float_;
  f->set_new_fn(FloatNewFn);
  AddArithmetic(f, false);
  AddMethod(f, "__repr__", FloatReprFn);
  AddMethod(f, "__int__", FloatTrunc);
  AddMethod(f, "__trunc__", FloatTrunc);
  AddMethod(f, "__floor__", FloatFloor);
  AddMethod(f, "__ceil__", FloatCeil);
  AddMethod(f, "__float__",
            [](Value* a, size_t, TupleObject*) { return a[0]; });
  AddMethod(f, "is_integer", FloatIsInteger);
  AddMethod(f, "hex", FloatHex);
  AddClassMethod(f, "fromhex", FloatFromHex);
  AddMethod(f, "as_integer_ratio", FloatAsIntegerRatio);
  AddMethod(f, "conjugate", IntConjugate);
  AddGetter(f, "real", IntConjugate);
  AddGetter(f, "imag",
            [](Value*, size_t, TupleObject*) { return Value::Float(0.0); });
}

}  // namespace minidynamo
