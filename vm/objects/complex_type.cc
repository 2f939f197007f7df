// complex: a pair of doubles with Python's arithmetic, repr and hash.

#include <cerrno>
#include <cmath>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "vm/core/builtin_types.h"
#include "vm/core/errors.h"
#include "vm/format/float_to_string.h"
#include "vm/format/format_float.h"
#include "vm/format/format_spec.h"
#include "vm/format/utf8.h"
#include "vm/interp/ops.h"
#include "vm/objects/complex.h"
#include "vm/objects/native.h"
#include "vm/objects/number.h"
#include "vm/objects/str.h"
#include "vm/objects/tuple.h"
#include "vm/objects/type_inits.h"

namespace minidynamo {
namespace {

TypeObject* g_complex = nullptr;

struct Cx {
  double re, im;
};

// A number as a complex (ints and floats have a zero imaginary part).
bool AsCx(const Value& v, Cx* out) {
  if (IsComplex(v)) {
    *out = {As<ComplexObject>(v)->real, As<ComplexObject>(v)->imag};
    return true;
  }
  if (IsNumber(v)) {
    double d;
    if (!ToDouble(v, &d)) return false;
    *out = {d, 0.0};
    return true;
  }
  return false;
}

Value Make(Cx c) { return NewComplex(c.re, c.im); }
Cx PowFinite(Cx a, Cx b);

// repr of one part: CPython's repr without a forced ".0" (1.0 shows as 1).
std::string Part(double x) { return DoubleToString(x, 'r', 0, 0); }

Value Repr(Value* a, size_t, TupleObject*) {
  auto* c = As<ComplexObject>(a[0]);
  if (c->real == 0.0 && !std::signbit(c->real))
    return StrObject::New(Part(c->imag) + "j");
  std::string im = Part(c->imag);
  if (im[0] != '-') im = "+" + im;
  return StrObject::New(absl::StrCat("(", Part(c->real), im, "j)"));
}

template <BinOp kOp>
Value Arith(const Value& x, const Value& y) {
  Cx a, b;
  if (!AsCx(x, &a) || !AsCx(y, &b)) return NotImplemented();
  switch (kOp) {
    case BinOp::kAdd:
      return Make({a.re + b.re, a.im + b.im});
    case BinOp::kSubtract:
      return Make({a.re - b.re, a.im - b.im});
    case BinOp::kMultiply:
      return Make({a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re});
    case BinOp::kTrueDivide: {
      if (b.re == 0.0 && b.im == 0.0) {
        return Raise(g_exc.ZeroDivisionError, "complex division by zero");
      }
      // Smith's algorithm, as CPython: avoids overflow in the denominator.
      if (std::fabs(b.re) >= std::fabs(b.im)) {
        double ratio = b.im / b.re, denom = b.re + b.im * ratio;
        return Make(
            {(a.re + a.im * ratio) / denom, (a.im - a.re * ratio) / denom});
      }
      double ratio = b.re / b.im, denom = b.re * ratio + b.im;
      return Make(
          {(a.re * ratio + a.im) / denom, (a.im * ratio - a.re) / denom});
    }
    case BinOp::kPower: {
      if (b.re == 0.0 && b.im == 0.0) return Make({1.0, 0.0});
      if (a.re == 0.0 && a.im == 0.0) {
        if (b.im != 0.0 || b.re < 0.0) {
          return Raise(g_exc.ZeroDivisionError,
                       "0.0 to a negative or complex power");
        }
        return Make({0.0, 0.0});
      }
      // As CPython's complex_pow: libm's errno decides the error (cos(inf)
      // is EDOM), and an infinite part is an overflow.
      errno = 0;
      Cx p = PowFinite(a, b);
      if (std::isinf(p.re) || std::isinf(p.im)) {
        if (errno == 0) errno = ERANGE;
      } else if (errno == ERANGE) {
        errno = 0;
      }
      if (errno == EDOM) {
        return Raise(g_exc.ZeroDivisionError,
                     "0.0 to a negative or complex power");
      }
      if (errno == ERANGE) {
        return Raise(g_exc.OverflowError, "complex exponentiation");
      }
      return Make(p);
    }
    default:
      return NotImplemented();
  }
}

// a ** b for a nonzero `a` and a nonzero `b` (CPython's c_powi for small
// integral exponents, else _Py_c_pow); may set errno.
Cx PowFinite(Cx a, Cx b) {
  if (b.im == 0.0 && b.re == std::floor(b.re) && std::fabs(b.re) <= 100.0) {
    Cx result{1.0, 0.0}, base = a;
    int64_t n = static_cast<int64_t>(std::fabs(b.re));
    while (n > 0) {
      if (n & 1) {
        result = {result.re * base.re - result.im * base.im,
                  result.re * base.im + result.im * base.re};
      }
      base = {base.re * base.re - base.im * base.im, 2 * base.re * base.im};
      n >>= 1;
    }
    if (b.re >= 0) return result;
    // c_quot(1, result), Smith's algorithm.
    Cx d = result;
    if (d.re == 0.0 && d.im == 0.0) {
      errno = EDOM;
      return {0.0, 0.0};
    }
    if (std::fabs(d.re) >= std::fabs(d.im)) {
      double ratio = d.im / d.re, denom = d.re + d.im * ratio;
      return {1.0 / denom, -ratio / denom};
    }
    double ratio = d.re / d.im, denom = d.re * ratio + d.im;
    return {ratio / denom, -1.0 / denom};
  }
  double vabs = std::hypot(a.re, a.im), len = std::pow(vabs, b.re);
  double at = std::atan2(a.im, a.re), phase = at * b.re;
  if (b.im != 0.0) {
    len /= std::exp(at * b.im);
    phase += b.im * std::log(vabs);
  }
  return {len * std::cos(phase), len * std::sin(phase)};
}

template <BinOp kOp>
Value Op(Value* a, size_t, TupleObject*) {
  return Arith<kOp>(a[0], a[1]);
}
template <BinOp kOp>
Value ROp(Value* a, size_t, TupleObject*) {
  return Arith<kOp>(a[1], a[0]);
}

Value Eq(Value* a, size_t, TupleObject*) {
  Cx x, y;
  if (!AsCx(a[0], &x) || !AsCx(a[1], &y)) return NotImplemented();
  return Value::Bool(x.re == y.re && x.im == y.im);
}

Value Ne(Value* a, size_t n, TupleObject* kw) {
  Value r = Eq(a, n, kw);
  if (r.is_null() || r.Is(NotImplemented())) return r;
  return Value::Bool(!r.as_bool());
}

Value Hash(Value* a, size_t, TupleObject*) {
  auto* c = As<ComplexObject>(a[0]);
  // CPython: hash(real) + 1000003 * hash(imag), wrapped like a C unsigned long.
  uint64_t h = static_cast<uint64_t>(HashDouble(c->real)) +
               1000003u * static_cast<uint64_t>(HashDouble(c->imag));
  int64_t r = static_cast<int64_t>(h);
  return Value::Int(r == -1 ? -2 : r);
}

Value ComplexNewFn(TypeObject* type, Value* args, size_t nargs,
                   TupleObject* kw) {
  Value p[2];
  if (!ParseArgs("complex", args, nargs, kw, {"real", "imag"}, 0, p))
    return Value();
  Cx re{0.0, 0.0}, im{0.0, 0.0};
  if (!p[0].is_null()) {
    if (IsInstance(p[0], g_types.str)) {
      if (!p[1].is_null()) {
        return Raise(g_exc.TypeError,
                     "complex() can't take second arg if first is a string");
      }
      // "a", "bj", "a+bj", "(a+bj)" with optional spaces around the whole.
      std::string s = As<StrObject>(p[0])->str();
      size_t b = s.find_first_not_of(" \t\n"), e = s.find_last_not_of(" \t\n");
      s = b == std::string::npos ? "" : s.substr(b, e - b + 1);
      if (s.size() >= 2 && s.front() == '(' && s.back() == ')')
        s = s.substr(1, s.size() - 2);
      auto bad = [] {
        return Raise(g_exc.ValueError, "complex() arg is a malformed string");
      };
      if (s.empty()) return bad();
      char* end = nullptr;
      double first = std::strtod(s.c_str(), &end);
      if (end == s.c_str()) {
        if (s == "j" || s == "+j") return NewComplex(0.0, 1.0);
        if (s == "-j") return NewComplex(0.0, -1.0);
        return bad();
      }
      std::string rest(end);
      if (rest.empty()) return NewComplex(first, 0.0);
      if (rest == "j" || rest == "J") return NewComplex(0.0, first);
      if (rest == "+j" || rest == "+J") return NewComplex(first, 1.0);
      if (rest == "-j" || rest == "-J") return NewComplex(first, -1.0);
      char* end2 = nullptr;
      double second = std::strtod(rest.c_str(), &end2);
      if (end2 == rest.c_str() ||
          (std::string(end2) != "j" && std::string(end2) != "J")) {
        return bad();
      }
      return NewComplex(first, second);
    }
    if (!AsCx(p[0], &re)) {
      return RaiseF(
          g_exc.TypeError,
          "complex() first argument must be a string or a number, not '%s'",
          TypeName(p[0]));
    }
  }
  if (!p[1].is_null() && !AsCx(p[1], &im)) {
    return RaiseF(g_exc.TypeError,
                  "complex() second argument must be a number, not '%s'",
                  TypeName(p[1]));
  }
  // As CPython: the imaginary argument's real part is the result's imaginary
  // part, adjusted only by parts that are really complex (so -0.0 survives).
  bool re_complex = !p[0].is_null() && IsComplex(p[0]);
  bool im_complex = !p[1].is_null() && IsComplex(p[1]);
  double real = re.re - (im_complex ? im.im : 0.0);
  double imag = im.re;
  if (re_complex) imag = p[1].is_null() ? re.im : imag + re.im;
  Value v = NewComplex(real, imag);
  if (type != g_complex) v.as_object()->set_type(type);
  return v;
}

// complex.__format__, as CPython's format_complex_internal: each part
// formatted as a float (the imaginary one with a sign), no zero padding or
// '=', and for no type str()'s layout (no real part when it is +0, else
// parentheses) with repr digits, or 'g' when a precision is given.
Value Format(Value* a, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("__format__", nargs - 1, kw, 1, 1)) return Value();
  if (!IsInstance(a[1], g_types.str)) {
    return RaiseF(g_exc.TypeError, "__format__() argument must be str, not %s",
                  TypeName(a[1]));
  }
  std::string_view text = As<StrObject>(a[1])->view();
  if (text.empty()) return Str(a[0]);
  absl::StatusOr<FormatSpec> parsed =
      ParseFormatSpec(text, '\0', '>', "complex");
  if (!parsed.ok()) {
    return Raise(g_exc.ValueError, std::string(parsed.status().message()));
  }
  const FormatSpec& f = *parsed;
  if (f.type != '\0' &&
      !absl::StrContains("eEfFgGn", static_cast<char>(f.type))) {
    return Raise(g_exc.ValueError, UnknownFormatCodeMessage(f.type, "complex"));
  }
  if (f.fill == '0') {
    return Raise(g_exc.ValueError,
                 "Zero padding is not allowed in complex format specifier");
  }
  if (f.align == '=') {
    return Raise(g_exc.ValueError,
                 "'=' alignment flag is not allowed in complex format "
                 "specifier");
  }
  auto* c = As<ComplexObject>(a[0]);
  bool no_type = f.type == '\0';
  bool repr_digits = no_type && f.precision < 0;
  bool skip_re = no_type && c->real == 0.0 && !std::signbit(c->real);
  bool parens = no_type && !skip_re;
  FormatSpec part;
  part.sign = f.sign;
  part.no_neg_0 = f.no_neg_0;
  part.alternate = f.alternate;
  part.grouping = f.grouping;
  part.precision = f.precision;
  part.type = no_type ? (repr_digits ? '\0' : 'g') : f.type;
  auto format_part = [&](double x, std::string* out) {
    absl::StatusOr<std::string> r = FormatDoubleWithSpec(x, part);
    if (!r.ok()) {
      Raise(g_exc.ValueError, std::string(r.status().message()));
      return false;
    }
    *out = *std::move(r);
    // repr digits without float's added ".0" (str(1+0j) is "(1+0j)").
    if (repr_digits && absl::EndsWith(*out, ".0")) out->resize(out->size() - 2);
    return true;
  };
  std::string re, im;
  if (!skip_re && !format_part(c->real, &re)) return Value();
  if (!skip_re) part.sign = '+';
  if (!format_part(c->imag, &im)) return Value();
  std::string body =
      absl::StrCat(parens ? "(" : "", re, im, "j", parens ? ")" : "");
  int64_t pad = f.width - static_cast<int64_t>(body.size());
  if (pad <= 0) return StrObject::New(body);
  std::string fill;
  AppendUtf8(&fill, f.fill);
  char align = f.align == '\0' ? '>' : f.align;
  int64_t left = align == '<' ? 0 : align == '^' ? pad / 2 : pad;
  std::string out;
  for (int64_t i = 0; i < left; ++i) out += fill;
  out += body;
  for (int64_t i = left; i < pad; ++i) out += fill;
  return StrObject::New(out);
}

}  // namespace

Value NewComplex(double real, double imag) {
  auto* c = new ComplexObject(g_complex);
  c->real = real;
  c->imag = imag;
  return Value::Steal(c);
}

bool IsComplex(const Value& v) {
  return g_complex != nullptr && IsInstance(v, g_complex);
}

void InitComplexType() {
  g_complex = new TypeObject(g_types.type, "complex", Layout::kOther);
  TypeObject* t = g_complex;
  t->SetBases({g_types.object});
  t->set_new_fn(ComplexNewFn);
  AddMethod(t, "__repr__", Repr);
  AddMethod(t, "__format__", Format);
  AddMethod(t, "__add__", Op<BinOp::kAdd>);
  AddMethod(t, "__radd__", ROp<BinOp::kAdd>);
  AddMethod(t, "__sub__", Op<BinOp::kSubtract>);
  AddMethod(t, "__rsub__", ROp<BinOp::kSubtract>);
  AddMethod(t, "__mul__", Op<BinOp::kMultiply>);
  AddMethod(t, "__rmul__", ROp<BinOp::kMultiply>);
  AddMethod(t, "__truediv__", Op<BinOp::kTrueDivide>);
  AddMethod(t, "__rtruediv__", ROp<BinOp::kTrueDivide>);
  AddMethod(t, "__pow__", Op<BinOp::kPower>);
  AddMethod(t, "__rpow__", ROp<BinOp::kPower>);
  AddMethod(t, "__eq__", Eq);
  AddMethod(t, "__ne__", Ne);
  AddMethod(t, "__hash__", Hash);
  AddMethod(t, "__neg__", [](Value* a, size_t, TupleObject*) {
    auto* c = As<ComplexObject>(a[0]);
    return NewComplex(-c->real, -c->imag);
  });
  AddMethod(t, "__pos__", [](Value* a, size_t, TupleObject*) {
    auto* c = As<ComplexObject>(a[0]);
    return NewComplex(c->real, c->imag);
  });
  AddMethod(t, "__abs__", [](Value* a, size_t, TupleObject*) -> Value {
    auto* c = As<ComplexObject>(a[0]);
    double r = std::hypot(c->real, c->imag);
    if (std::isinf(r) && std::isfinite(c->real) && std::isfinite(c->imag)) {
      return Raise(g_exc.OverflowError, "absolute value too large");
    }
    return Value::Float(r);
  });
  AddMethod(t, "__bool__", [](Value* a, size_t, TupleObject*) {
    auto* c = As<ComplexObject>(a[0]);
    return Value::Bool(c->real != 0.0 || c->imag != 0.0);
  });
  AddMethod(t, "conjugate", [](Value* a, size_t, TupleObject*) {
    auto* c = As<ComplexObject>(a[0]);
    return NewComplex(c->real, -c->imag);
  });
  AddGetter(t, "real", [](Value* a, size_t, TupleObject*) {
    return Value::Float(As<ComplexObject>(a[0])->real);
  });
  AddGetter(t, "imag", [](Value* a, size_t, TupleObject*) {
    return Value::Float(As<ComplexObject>(a[0])->imag);
  });
}

Value ComplexPower(double a, double b) {
  return Arith<BinOp::kPower>(Value::Float(a), Value::Float(b));
}

Value ComplexType() { return Value::FromObject(g_complex); }

}  // namespace minidynamo
