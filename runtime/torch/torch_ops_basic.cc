// The op table, first half: creation, elementwise math and comparisons.

#include "runtime/torch/op_table.h"

namespace minidynamo {
namespace op_table {

std::vector<OpDef> CreationAndMathOps() {
  return {
      // ---- creation
      {"zeros",
       kFn,
       {"zeros(int[] size, " CREATION_KW ")"},
       [](ParsedArgs& a) {
         return Created(at::zeros(a.intlist(0), Options(a, 1, 3)), a, 5);
       }},
      {"ones",
       kFn,
       {"ones(int[] size, " CREATION_KW ")"},
       [](ParsedArgs& a) {
         return Created(at::ones(a.intlist(0), Options(a, 1, 3)), a, 5);
       }},
      {"empty",
       kFn,
       {"empty(int[] size, " CREATION_KW ", PyObject memory_format=None)"},
       [](ParsedArgs& a) {
         return Created(at::empty(a.intlist(0), Options(a, 1, 3)), a, 5);
       }},
      {"rand",
       kFn,
       {"rand(int[] size, *, PyObject generator=None, ScalarType? dtype=None, "
        "PyObject layout=None, Device? device=None, bool pin_memory=False, "
        "bool requires_grad=False)"},
       [](ParsedArgs& a) {
         return Created(at::rand(a.intlist(0), Options(a, 2, 4)), a, 6);
       }},
      {"randn",
       kFn,
       {"randn(int[] size, *, PyObject generator=None, ScalarType? dtype=None, "
        "PyObject layout=None, Device? device=None, bool pin_memory=False, "
        "bool requires_grad=False)"},
       [](ParsedArgs& a) {
         return Created(at::randn(a.intlist(0), Options(a, 2, 4)), a, 6);
       }},
      {"full",
       kFn,
       {"full(int[] size, Scalar fill_value, " CREATION_KW ")"},
       [](ParsedArgs& a) {
         at::TensorOptions o = Options(a, 2, 4);
         at::Scalar v = a.scalar(1);
         if (!a.has(2)) {
           // The fill value's kind picks the dtype, as PyTorch.
           o = o.dtype(v.isBoolean()         ? at::kBool
                       : v.isIntegral(false) ? at::kLong
                       : v.isComplex()       ? at::kComplexFloat
                                             : DefaultFloatDtype());
         }
         return Created(at::full(a.intlist(0), v, o), a, 6);
       }},
      {"randint",
       kFn,
       {"randint(int high, int[] size, *, PyObject generator=None, "
        "ScalarType? dtype=None, PyObject layout=None, Device? device=None, "
        "bool pin_memory=False, bool requires_grad=False)",
        "randint(int low, int high, int[] size, *, PyObject generator=None, "
        "ScalarType? dtype=None, PyObject layout=None, Device? device=None, "
        "bool pin_memory=False, bool requires_grad=False)"},
       [](ParsedArgs& a) {
         if (a.overload == 0) {
           at::TensorOptions o = Options(a, 3, 5);
           if (!a.has(3)) o = o.dtype(at::kLong);
           return Created(at::randint(a.toint(0), a.intlist(1), o), a, 7);
         }
         at::TensorOptions o = Options(a, 4, 6);
         if (!a.has(4)) o = o.dtype(at::kLong);
         return Created(at::randint(a.toint(0), a.toint(1), a.intlist(2), o), a,
                        8);
       }},
      {"randperm",
       kFn,
       {"randperm(int n, *, PyObject generator=None, ScalarType? dtype=None, "
        "PyObject layout=None, Device? device=None, bool pin_memory=False, "
        "bool requires_grad=False)"},
       [](ParsedArgs& a) {
         at::TensorOptions o = Options(a, 2, 4);
         if (!a.has(2)) o = o.dtype(at::kLong);
         return Created(at::randperm(a.toint(0), o), a, 6);
       }},
      {"arange",
       kFn,
       {"arange(Scalar end, " CREATION_KW ")",
        "arange(Scalar start, Scalar end, Scalar step=1, " CREATION_KW ")"},
       [](ParsedArgs& a) {
         int base = a.overload == 0 ? 1 : 3;
         at::TensorOptions o = Options(a, base, base + 2);
         if (!a.has(base)) {
           bool any_float = false;
           for (int i = 0; i < base; ++i) {
             at::Scalar s = a.scalar(i);
             any_float |= s.isFloatingPoint();
           }
           o = o.dtype(any_float ? DefaultFloatDtype() : at::kLong);
         }
         at::Tensor t = a.overload == 0 ? at::arange(a.scalar(0), o)
                                        : at::arange(a.scalar(0), a.scalar(1),
                                                     a.scalar(2), o);
         return Created(t, a, base + 4);
       }},
      {"linspace",
       kFn,
       {"linspace(Scalar start, Scalar end, int steps, " CREATION_KW ")"},
       [](ParsedArgs& a) {
         return Created(at::linspace(a.scalar(0), a.scalar(1), a.toint(2),
                                     Options(a, 3, 5)),
                        a, 7);
       }},
      {"logspace",
       kFn,
       {"logspace(Scalar start, Scalar end, int steps, float "
        "base=10.0, " CREATION_KW ")"},
       [](ParsedArgs& a) {
         return Created(at::logspace(a.scalar(0), a.scalar(1), a.toint(2),
                                     a.todouble(3), Options(a, 4, 6)),
                        a, 8);
       }},
      {"eye",
       kFn,
       {"eye(int n, " CREATION_KW ")", "eye(int n, int m, " CREATION_KW ")"},
       [](ParsedArgs& a) {
         if (a.overload == 0) {
           return Created(at::eye(a.toint(0), Options(a, 1, 3)), a, 5);
         }
         return Created(at::eye(a.toint(0), a.toint(1), Options(a, 2, 4)), a,
                        6);
       }},
      {"tensor",
       kFn,
       {"tensor(PyObject data, *, ScalarType? dtype=None, Device? device=None, "
        "bool requires_grad=False, bool pin_memory=False)"},
       [](ParsedArgs& a) {
         return TensorFromData(a.values[0], a.dtype(1), a.device(2),
                               a.tobool(3));
       }},
      {"as_tensor",
       kFn,
       {"as_tensor(PyObject data, ScalarType? dtype=None, Device? "
        "device=None)"},
       [](ParsedArgs& a) {
         if (IsTensor(a.values[0])) {
           at::Tensor t = a.tensor(0);
           if (auto dt = a.dtype(1)) t = t.to(*dt);
           if (auto dev = a.device(2)) t = t.to(*dev);
           return W(t);
         }
         return TensorFromData(a.values[0], a.dtype(1), a.device(2), false);
       }},
      {"scalar_tensor",
       kFn,
       {"scalar_tensor(Scalar s, " CREATION_KW ")"},
       [](ParsedArgs& a) {
         at::TensorOptions o = Options(a, 1, 3);
         if (!a.has(1)) o = o.dtype(DefaultFloatDtype());
         return Created(at::scalar_tensor(a.scalar(0), o), a, 5);
       }},
#define LIKE(name, call)                                                   \
  {                                                                        \
#name, kFn,                                                              \
   {#name "(Tensor input, *, ScalarType? dtype=None, PyObject layout=None, " \
          "Device? device=None, bool pin_memory=False, "                     \
          "bool requires_grad=False, PyObject memory_format=None)"},         \
   [](ParsedArgs& a) {                                                      \
     at::TensorOptions o = Options(a, 1, 3);                                \
     return Created(call, a, 5);                                            \
   } \
  }
      LIKE(zeros_like, at::zeros_like(a.tensor(0), o)),
      LIKE(ones_like, at::ones_like(a.tensor(0), o)),
      LIKE(empty_like, at::empty_like(a.tensor(0), o)),
      LIKE(rand_like, at::rand_like(a.tensor(0), o)),
      LIKE(randn_like, at::randn_like(a.tensor(0), o)),
#undef LIKE
      {"full_like",
       kFn,
       {"full_like(Tensor input, Scalar fill_value, " CREATION_KW
        ", PyObject memory_format=None)"},
       [](ParsedArgs& a) {
         return Created(
             at::full_like(a.tensor(0), a.scalar(1), Options(a, 2, 4)), a, 6);
       }},
#define NEW_LIKE(name, call)                                                 \
  {                                                                          \
#name, kMethod,                                                            \
   {#name "(Tensor self, int[] size, *, ScalarType? dtype=None, "             \
          "PyObject layout=None, Device? device=None, bool pin_memory=False, " \
          "bool requires_grad=False)"},                                        \
   [](ParsedArgs& a) {                                                        \
     const at::Tensor& s = a.tensor(0);                                       \
     at::TensorOptions o = s.options();                                       \
     if (auto dt = a.dtype(2)) o = o.dtype(*dt);                              \
     if (auto dev = a.device(4)) o = o.device(*dev);                          \
     return Created(call, a, 6);                                              \
   } \
  }
      NEW_LIKE(new_zeros, at::zeros(a.intlist(1), o)),
      NEW_LIKE(new_ones, at::ones(a.intlist(1), o)),
      NEW_LIKE(new_empty, at::empty(a.intlist(1), o)),
#undef NEW_LIKE
      {"new_full",
       kMethod,
       {"new_full(Tensor self, int[] size, Scalar fill_value, *, "
        "ScalarType? dtype=None, PyObject layout=None, Device? device=None, "
        "bool pin_memory=False, bool requires_grad=False)"},
       [](ParsedArgs& a) {
         at::TensorOptions o = a.tensor(0).options();
         if (auto dt = a.dtype(3)) o = o.dtype(*dt);
         return Created(at::full(a.intlist(1), a.scalar(2), o), a, 7);
       }},
      {"new_tensor",
       kMethod,
       {"new_tensor(Tensor self, PyObject data, *, ScalarType? dtype=None, "
        "Device? device=None, bool requires_grad=False)"},
       [](ParsedArgs& a) {
         c10::ScalarType dt = a.dtype(2).value_or(a.tensor(0).scalar_type());
         return TensorFromData(a.values[1], dt, a.device(3), a.tobool(4));
       }},

      // ---- elementwise math
      UNARY(abs),
      UNARY(neg),
      UNARY(negative),
      UNARY(exp),
      UNARY(exp2),
      UNARY(expm1),
      UNARY(log),
      UNARY(log2),
      UNARY(log10),
      UNARY(log1p),
      UNARY(sqrt),
      UNARY(rsqrt),
      UNARY(sin),
      UNARY(cos),
      UNARY(tan),
      UNARY(asin),
      UNARY(acos),
      UNARY(atan),
      UNARY(sinh),
      UNARY(cosh),
      UNARY(tanh),
      UNARY(asinh),
      UNARY(acosh),
      UNARY(atanh),
      UNARY(sigmoid),
      UNARY(relu),
      UNARY(floor),
      UNARY(ceil),
      UNARY(trunc),
      UNARY(frac),
      UNARY(sign),
      UNARY(sgn),
      UNARY(reciprocal),
      UNARY(square),
      UNARY(erf),
      UNARY(erfc),
      UNARY(erfinv),
      UNARY(logical_not),
      UNARY(bitwise_not),
      UNARY(lgamma),
      UNARY(digamma),
      UNARY(deg2rad),
      UNARY(rad2deg),
      UNARY(fix),
      UNARY(i0),
      UNARY(logit),
      UNARY_NO_INPLACE(isnan),
      UNARY_NO_INPLACE(isinf),
      UNARY_NO_INPLACE(isfinite),
      UNARY_NO_INPLACE(isposinf),
      UNARY_NO_INPLACE(isneginf),
      UNARY_NO_INPLACE(isreal),
      UNARY_NO_INPLACE(signbit),
      UNARY_NO_INPLACE(angle),
      UNARY_NO_INPLACE(positive),
      UNARY_NO_INPLACE(conj),
      {"round",
       kBoth,
       {"round(Tensor input, *, int decimals=0)"},
       [](ParsedArgs& a) {
         int64_t d = a.toint(1);
         return d == 0 ? W(at::round(a.tensor(0)))
                       : W(at::round(a.tensor(0), d));
       }},
      {"round_",
       kMethod,
       {"round_(Tensor self, *, int decimals=0)"},
       [](ParsedArgs& a) {
         at::Tensor t = a.tensor(0);
         int64_t d = a.toint(1);
         if (d == 0) {
           t.round_();
         } else {
           t.round_(d);
         }
         return a.values[0];
       }},
      {"nan_to_num",
       kBoth,
       {"nan_to_num(Tensor input, float? nan=0.0, float? posinf=None, "
        "float? neginf=None)"},
       [](ParsedArgs& a) {
         auto opt = [&](int i) -> c10::optional<double> {
           if (!a.has(i)) return c10::nullopt;
           return a.todouble(i);
         };
         return W(at::nan_to_num(a.tensor(0), opt(1), opt(2), opt(3)));
       }},
      {"clamp",
       kBoth,
       {"clamp(Tensor input, Tensor? min=None, Tensor? max=None)",
        "clamp(Tensor input, Scalar? min=None, Scalar? max=None)"},
       [](ParsedArgs& a) {
         if (a.overload == 0) {
           return W(at::clamp(a.tensor(0), a.tensor_opt(1), a.tensor_opt(2)));
         }
         c10::optional<at::Scalar> lo, hi;
         if (a.has(1)) lo = a.scalar(1);
         if (a.has(2)) hi = a.scalar(2);
         return W(at::clamp(a.tensor(0), lo, hi));
       }},
      {"clamp_",
       kMethod,
       {"clamp_(Tensor self, Scalar? min=None, Scalar? max=None)"},
       [](ParsedArgs& a) {
         at::Tensor t = a.tensor(0);
         c10::optional<at::Scalar> lo, hi;
         if (a.has(1)) lo = a.scalar(1);
         if (a.has(2)) hi = a.scalar(2);
         t.clamp_(lo, hi);
         return a.values[0];
       }},
      {"clip",
       kBoth,
       {"clip(Tensor input, Scalar? min=None, Scalar? max=None)"},
       [](ParsedArgs& a) {
         c10::optional<at::Scalar> lo, hi;
         if (a.has(1)) lo = a.scalar(1);
         if (a.has(2)) hi = a.scalar(2);
         return W(at::clip(a.tensor(0), lo, hi));
       }},
      {"clamp_min",
       kBoth,
       {"clamp_min(Tensor input, Scalar min)"},
       [](ParsedArgs& a) {
         return W(at::clamp_min(a.tensor(0), a.scalar(1)));
       }},
      {"clamp_max",
       kBoth,
       {"clamp_max(Tensor input, Scalar max)"},
       [](ParsedArgs& a) {
         return W(at::clamp_max(a.tensor(0), a.scalar(1)));
       }},
      {"add",
       kBoth,
       {"add(Tensor input, Tensor other, *, Scalar alpha=1)",
        "add(Tensor input, Scalar other, *, Scalar alpha=1) |hidden"},
       [](ParsedArgs& a) {
         return a.overload == 0
                    ? W(at::add(a.tensor(0), a.tensor(1), a.scalar(2)))
                    : W(at::add(a.tensor(0), a.scalar(1), a.scalar(2)));
       }},
      {"add_",
       kMethod,
       {"add_(Tensor self, Tensor other, *, Scalar alpha=1)",
        "add_(Tensor self, Scalar other, *, Scalar alpha=1) |hidden"},
       [](ParsedArgs& a) {
         at::Tensor t = a.tensor(0);
         if (a.overload == 0) {
           t.add_(a.tensor(1), a.scalar(2));
         } else {
           t.add_(a.scalar(1), a.scalar(2));
         }
         return a.values[0];
       }},
      {"sub",
       kBoth,
       {"sub(Tensor input, Tensor other, *, Scalar alpha=1)",
        "sub(Tensor input, Scalar other, *, Scalar alpha=1) |hidden"},
       [](ParsedArgs& a) {
         return a.overload == 0
                    ? W(at::sub(a.tensor(0), a.tensor(1), a.scalar(2)))
                    : W(at::sub(a.tensor(0), a.scalar(1), a.scalar(2)));
       }},
      {"sub_",
       kMethod,
       {"sub_(Tensor self, Tensor other, *, Scalar alpha=1)",
        "sub_(Tensor self, Scalar other, *, Scalar alpha=1) |hidden"},
       [](ParsedArgs& a) {
         at::Tensor t = a.tensor(0);
         if (a.overload == 0) {
           t.sub_(a.tensor(1), a.scalar(2));
         } else {
           t.sub_(a.scalar(1), a.scalar(2));
         }
         return a.values[0];
       }},
      {"rsub",
       kFn,
       {"rsub(Tensor input, Tensor other, *, Scalar alpha=1)",
        "rsub(Tensor input, Scalar other, *, Scalar alpha=1) |hidden"},
       [](ParsedArgs& a) {
         return a.overload == 0
                    ? W(at::rsub(a.tensor(0), a.tensor(1), a.scalar(2)))
                    : W(at::rsub(a.tensor(0), a.scalar(1), a.scalar(2)));
       }},
      BINARY(mul),
      BINARY(multiply),
      {"div",
       kBoth,
       {"div(Tensor input, Tensor other, *, str? rounding_mode=None)",
        "div(Tensor input, Scalar other, *, str? rounding_mode=None) |hidden"},
       [](ParsedArgs& a) {
         c10::optional<c10::string_view> mode;
         std::string m;
         if (a.has(2)) {
           m = a.str(2);
           mode = m;
         }
         return a.overload == 0 ? W(at::div(a.tensor(0), a.tensor(1), mode))
                                : W(at::div(a.tensor(0), a.scalar(1), mode));
       }},
      {"div_",
       kMethod,
       {"div_(Tensor self, Tensor other, *, str? rounding_mode=None)",
        "div_(Tensor self, Scalar other, *, str? rounding_mode=None) |hidden"},
       [](ParsedArgs& a) {
         at::Tensor t = a.tensor(0);
         c10::optional<c10::string_view> mode;
         std::string m;
         if (a.has(2)) {
           m = a.str(2);
           mode = m;
         }
         if (a.overload == 0) {
           t.div_(a.tensor(1), mode);
         } else {
           t.div_(a.scalar(1), mode);
         }
         return a.values[0];
       }},
      BINARY(divide),
      BINARY(true_divide),
      BINARY(floor_divide),
      BINARY(remainder),
      BINARY(fmod),
      BINARY(pow),
      BINARY(eq),
      BINARY(ne),
      BINARY(lt),
      BINARY(le),
      BINARY(gt),
      BINARY(ge),
      BINARY(greater),
      BINARY(less),
      BINARY(greater_equal),
      BINARY(less_equal),
      BINARY(not_equal),
      BINARY(bitwise_and),
      BINARY(bitwise_or),
      BINARY(bitwise_xor),
      BINARY(xlogy),
      BINARY_NO_INPLACE(maximum),
      BINARY_NO_INPLACE(minimum),
      BINARY_NO_INPLACE(fmax),
      BINARY_NO_INPLACE(fmin),
      {"atan2",
       kBoth,
       {"atan2(Tensor input, Tensor other)"},
       [](ParsedArgs& a) { return W(at::atan2(a.tensor(0), a.tensor(1))); }},
      {"hypot",
       kBoth,
       {"hypot(Tensor input, Tensor other)"},
       [](ParsedArgs& a) { return W(at::hypot(a.tensor(0), a.tensor(1))); }},
      {"copysign",
       kBoth,
       {"copysign(Tensor input, Tensor other)",
        "copysign(Tensor input, Scalar other)"},
       [](ParsedArgs& a) {
         return a.overload == 0 ? W(at::copysign(a.tensor(0), a.tensor(1)))
                                : W(at::copysign(a.tensor(0), a.scalar(1)));
       }},
      {"logical_and",
       kBoth,
       {"logical_and(Tensor input, Tensor other)"},
       [](ParsedArgs& a) {
         return W(at::logical_and(a.tensor(0), a.tensor(1)));
       }},
      {"logical_or",
       kBoth,
       {"logical_or(Tensor input, Tensor other)"},
       [](ParsedArgs& a) {
         return W(at::logical_or(a.tensor(0), a.tensor(1)));
       }},
      {"logical_xor",
       kBoth,
       {"logical_xor(Tensor input, Tensor other)"},
       [](ParsedArgs& a) {
         return W(at::logical_xor(a.tensor(0), a.tensor(1)));
       }},
      {"lerp",
       kBoth,
       {"lerp(Tensor input, Tensor end, Tensor weight)",
        "lerp(Tensor input, Tensor end, Scalar weight)"},
       [](ParsedArgs& a) {
         return a.overload == 0
                    ? W(at::lerp(a.tensor(0), a.tensor(1), a.tensor(2)))
                    : W(at::lerp(a.tensor(0), a.tensor(1), a.scalar(2)));
       }},
      {"addcmul",
       kBoth,
       {"addcmul(Tensor input, Tensor tensor1, Tensor tensor2, *, Scalar "
        "value=1)"},
       [](ParsedArgs& a) {
         return W(
             at::addcmul(a.tensor(0), a.tensor(1), a.tensor(2), a.scalar(3)));
       }},
      {"addcdiv",
       kBoth,
       {"addcdiv(Tensor input, Tensor tensor1, Tensor tensor2, *, Scalar "
        "value=1)"},
       [](ParsedArgs& a) {
         return W(
             at::addcdiv(a.tensor(0), a.tensor(1), a.tensor(2), a.scalar(3)));
       }},
      {"where",
       kBoth,
       {"where(Tensor condition)",
        "where(Tensor condition, Tensor input, Tensor other)",
        "where(Tensor condition, Scalar self, Tensor other)",
        "where(Tensor condition, Tensor input, Scalar other)",
        "where(Tensor condition, Scalar self, Scalar other)"},
       [](ParsedArgs& a) {
         switch (a.overload) {
           case 0:
             return WrapList(at::where(a.tensor(0)));
           case 1:
             return W(at::where(a.tensor(0), a.tensor(1), a.tensor(2)));
           case 2:
             return W(at::where(a.tensor(0), a.scalar(1), a.tensor(2)));
           case 3:
             return W(at::where(a.tensor(0), a.tensor(1), a.scalar(2)));
           default:
             return W(at::where(a.tensor(0), a.scalar(1), a.scalar(2)));
         }
       }},
      {"masked_fill",
       kBoth,
       {"masked_fill(Tensor input, Tensor mask, Tensor value)",
        "masked_fill(Tensor input, Tensor mask, Scalar value)"},
       [](ParsedArgs& a) {
         return a.overload == 0
                    ? W(at::masked_fill(a.tensor(0), a.tensor(1), a.tensor(2)))
                    : W(at::masked_fill(a.tensor(0), a.tensor(1), a.scalar(2)));
       }},
      {"masked_fill_",
       kMethod,
       {"masked_fill_(Tensor self, Tensor mask, Tensor value)",
        "masked_fill_(Tensor self, Tensor mask, Scalar value)"},
       [](ParsedArgs& a) {
         at::Tensor t = a.tensor(0);
         if (a.overload == 0) {
           t.masked_fill_(a.tensor(1), a.tensor(2));
         } else {
           t.masked_fill_(a.tensor(1), a.scalar(2));
         }
         return a.values[0];
       }},
      {"masked_select",
       kBoth,
       {"masked_select(Tensor input, Tensor mask)"},
       [](ParsedArgs& a) {
         return W(at::masked_select(a.tensor(0), a.tensor(1)));
       }},

  };
}

}  // namespace op_table
}  // namespace minidynamo
