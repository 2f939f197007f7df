// FormatTensor against the text PyTorch 1.13 prints. Every case here has a
// twin of the same name in testdata/generate.py, which builds the same tensor
// (or Size, dtype, device) with the same print options and records its repr
// in testdata/expected.txt.
#include "runtime/torch/format/tensor_format.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <limits>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "ATen/ATen.h"
#include "gtest/gtest.h"

namespace minidynamo {
namespace tensor_format {
namespace {

using at::Tensor;
using c10::ScalarType;

constexpr double nan = std::numeric_limits<double>::quiet_NaN();
constexpr double inf = std::numeric_limits<double>::infinity();
constexpr ScalarType f16 = ScalarType::Half, bf16 = ScalarType::BFloat16,
                     f32 = ScalarType::Float, f64 = ScalarType::Double,
                     i8 = ScalarType::Char, i16 = ScalarType::Short,
                     i32 = ScalarType::Int, i64 = ScalarType::Long,
                     u8 = ScalarType::Byte, b8 = ScalarType::Bool,
                     c32 = ScalarType::ComplexHalf,
                     c64 = ScalarType::ComplexFloat,
                     c128 = ScalarType::ComplexDouble;

// The helpers of generate.py, one for one.
Tensor F(const std::vector<double>& values, ScalarType dtype = f32) {
  return at::tensor(values, at::TensorOptions().dtype(f64)).to(dtype);
}

Tensor I(const std::vector<int64_t>& values, ScalarType dtype = i64) {
  return at::tensor(values, at::TensorOptions().dtype(i64)).to(dtype);
}

Tensor B(const std::vector<int64_t>& values) { return I(values).to(b8); }

Tensor C(const std::vector<double>& re, const std::vector<double>& im,
         ScalarType dtype = c64) {
  return at::complex(F(re, f64), F(im, f64)).to(dtype);
}

Tensor ar(int64_t n, ScalarType dtype = i64) {
  return at::arange(n, at::TensorOptions().dtype(dtype));
}

Tensor mix(int64_t n, ScalarType dtype = f32) {
  Tensor a = at::arange(n, at::TensorOptions().dtype(f64));
  return ((at::remainder(a * 37, 101) - 50) / 7).to(dtype);
}

Tensor leaf(Tensor t) { return t.requires_grad_(true); }

Tensor with_value(Tensor t, int64_t index, double value) {
  t = t.clone();
  t.view({-1})[index].fill_(value);
  return t;
}

Tensor scalar(double value, ScalarType dtype = f32) {
  return at::scalar_tensor(value, at::TensorOptions().dtype(dtype));
}

Tensor zeros(std::vector<int64_t> sizes, ScalarType dtype = f32) {
  return at::zeros(sizes, at::TensorOptions().dtype(dtype));
}

// The keyword arguments of a case: torch.set_printoptions's, and
// default_dtype for torch.set_default_dtype.
struct Opts {
  SetPrintOptionsArgs args;
  ScalarType default_dtype = f32;
  Opts& precision(int64_t v) { return args.precision = v, *this; }
  Opts& threshold(double v) { return args.threshold = v, *this; }
  Opts& edgeitems(int64_t v) { return args.edgeitems = v, *this; }
  Opts& linewidth(int64_t v) { return args.linewidth = v, *this; }
  Opts& profile(const char* v) { return args.profile = v, *this; }
  Opts& sci_mode(bool v) { return args.sci_mode = v, *this; }
  Opts& dtype(ScalarType v) { return default_dtype = v, *this; }
};

Opts O() { return Opts(); }

struct Case {
  std::string name;
  std::function<std::string()> render;
};

std::vector<Case>& Cases() {
  static std::vector<Case> cases;
  return cases;
}

// What Python's repr() does for a tensor: the options the session holds and
// what the tensor's autograd state says.
void T(const std::string& name, std::function<Tensor()> make,
       Opts opts = Opts()) {
  Cases().push_back({name, [make, opts] {
                       TensorFormatOptions o;
                       SetPrintOptions(opts.args, &o.print);
                       o.default_dtype = opts.default_dtype;
                       Tensor t = make();
                       o.grad_fn = GradFnName(t);
                       o.requires_grad = t.requires_grad();
                       return FormatTensor(t, o);
                     }});
}

void S(const std::string& name, std::function<std::string()> render) {
  Cases().push_back({name, render});
}

void DefineCases() {
  // --- Floats: integer mode, fixed, scientific -----------------------------
  T("float_int_valued", [] { return F({1.0, 2.0, 3.0}); });
  T("float_fractional", [] { return F({1.5, 2.25, -3.125}); });
  T("float_arange_div3", [] { return ar(10, f32) / 3; });
  T("float_negative", [] { return F({-1.5, 0.5, -0.25}); });
  T("float_negative_int", [] { return F({-1.0, 20.0, -300.0}); });
  T("float_1e8_int", [] { return F({1e8}); });
  T("float_1e8_and_1", [] { return F({1e8, 1.0}); });
  T("float_1e9_int", [] { return F({1e9}); });
  T("float_big_fraction", [] { return F({1.5e10, 2.5}); });
  T("float_small", [] { return F({1e-5, 1.0}); });
  T("float_all_small", [] { return F({1e-5, 2e-5, -3e-5}); });
  T("float_ratio_1000", [] { return F({1.0, 1000.0}); });
  T("float_ratio_1001", [] { return F({1.0, 1001.0}); });
  T("float_ratio_frac", [] { return F({0.5, 600.0}); });
  T("float_ratio_frac_below", [] { return F({0.5, 499.0}); });
  T("float_min_1e-4_f32", [] { return F({1e-4, 0.001}); });
  T("float_min_1e-4_f64", [] { return F({1e-4, 0.001}, f64); });
  T("float_min_2e-4", [] { return F({2e-4, 0.5}); });
  T("float_mixed_sci", [] { return F({1e-10, -1e10, 3.5}); });
  T("float_int_sci", [] { return F({1e20, 1.0, -7.0}); });
  T("float_rounding", [] { return F({0.00005, 0.99995, 1.23456789}); });
  T("float_round_up_width", [] { return F({9.99996, 1.5}); });
  T("float_max_f32", [] { return F({3.4028234663852886e38, -1.0}); });
  T("float_denormal", [] { return F({1e-45, 1.0}); });
  T("float_mix_20", [] { return mix(20); });
  T("float_mix_times_1000", [] { return mix(12) * 1000; });

  // --- Non-finite and zeros -------------------------------------------------
  T("nan_inf_frac", [] { return F({nan, inf, -inf, 1.5}); });
  T("nan_inf_int", [] { return F({nan, inf, -inf, 2.0}); });
  T("nan_only", [] { return F({nan, nan}); });
  T("inf_and_zero", [] { return F({-inf, 0.0, inf}); });
  T("nan_sci", [] { return F({nan, 1e-7, 1.0}); });
  T("zeros", [] { return zeros({3}); });
  T("neg_zero", [] { return F({-0.0, 0.0, 1.0}); });
  T("neg_zero_frac", [] { return F({-0.0, 0.5}); });
  T("zeros_2d", [] { return zeros({2, 3}); });

  // --- Scalars (0-dim) ------------------------------------------------------
  T("scalar_float", [] { return scalar(1.5); });
  T("scalar_float_int", [] { return scalar(3.0); });
  T("scalar_int", [] { return scalar(7, i64); });
  T("scalar_negative_int", [] { return scalar(-12345, i64); });
  T("scalar_bool", [] { return scalar(1, b8); });
  T("scalar_nan", [] { return scalar(nan); });
  T("scalar_neg_inf", [] { return scalar(-inf); });
  T("scalar_neg_zero", [] { return scalar(-0.0); });
  T("scalar_big", [] { return scalar(1e20); });
  T("scalar_small", [] { return scalar(1.5e-7); });
  T("scalar_double", [] { return scalar(2.5, f64); });
  T("scalar_half", [] { return scalar(0.5, f16); });
  T("scalar_int32", [] { return scalar(3, i32); });
  T("scalar_uint8", [] { return scalar(200, u8); });
  T("scalar_complex", [] { return C({1.0}, {2.0}).reshape({}); });
  T("scalar_complex_frac", [] { return C({-1.5}, {-0.25}).reshape({}); });

  // --- Empty ----------------------------------------------------------------
  T("empty_1d", [] { return zeros({0}); });
  T("empty_2d", [] { return zeros({0, 3}); });
  T("empty_3d", [] { return zeros({2, 0, 4}); });
  T("empty_int64", [] { return zeros({0}, i64); });
  T("empty_bool", [] { return zeros({0}, b8); });
  T("empty_int32_2d", [] { return zeros({3, 0}, i32); });
  T("empty_double", [] { return zeros({0}, f64); });
  T("empty_complex", [] { return zeros({0}, c64); });
  T("empty_requires_grad", [] { return leaf(zeros({0, 2})); });

  // --- Integer and bool dtypes ----------------------------------------------
  T("bool_1d", [] { return B({1, 0, 1}); });
  T("bool_all_true", [] { return B({1, 1}); });
  T("bool_2d", [] { return B({1, 0, 0, 1}).reshape({2, 2}); });
  T("int64_arange", [] { return ar(10); });
  T("int64_negative", [] { return I({-100, 5, 2000}); });
  T("int64_extremes", [] {
    return I({int64_t{1} << 62, -(int64_t{1} << 62),
              std::numeric_limits<int64_t>::max()});
  });
  T("int32_arange", [] { return ar(5, i32); });
  T("int16", [] { return I({-300, 0, 32767}, i16); });
  T("int8", [] { return I({-128, 0, 127}, i8); });
  T("uint8", [] { return I({0, 128, 255}, u8); });
  T("uint8_2d", [] { return ar(12, u8).reshape({3, 4}); });

  // --- Other float dtypes ---------------------------------------------------
  T("float64_fraction", [] { return ar(5, f64) / 7; });
  T("float64_third", [] { return F({1.0 / 3, 2.0 / 3}, f64); });
  T("float64_2pow53", [] { return F({9007199254740992.0, 1.0}, f64); });
  T("float16", [] { return F({1.5, 2.25, -3.0}, f16); });
  T("float16_int", [] { return F({1.0, 2048.0}, f16); });
  T("float16_sci", [] { return F({65504.0, 0.0001}, f16); });
  T("bfloat16", [] { return F({1.5, -2.0, 0.125}, bf16); });
  T("bfloat16_big", [] { return F({1e30, 3.0}, bf16); });

  // --- Complex --------------------------------------------------------------
  T("complex64_int", [] { return C({1.0, 3.0}, {2.0, -4.0}); });
  T("complex128_frac", [] { return C({1.5, -2.5}, {0.25, -1.0}, c128); });
  T("complex_sci", [] { return C({1e10, 0.0}, {1.0, 1.0}); });
  T("complex_nan", [] { return C({nan, 1.0}, {1.0, inf}); });
  T("complex_zero_imag", [] { return C({1.0, 2.0}, {0.0, -0.0}); });
  T("complex32", [] { return C({1.0, 3.0}, {2.0, -4.0}, c32); });
  T("complex_2d", [] {
    return C({1.0, 2.0, 3.0, 4.0}, {0.5, -0.5, 1.5, -1.5}).reshape({2, 2});
  });
  T("complex_wrap", [] {
    return at::complex(mix(20, f64), mix(40, f64).slice(0, 20)).to(c64);
  });
  T("complex_conj_view", [] { return C({1.0, 2.0}, {1.0, 0.0}).conj(); });
  T("complex_summarized",
    [] { return at::complex(ar(2000, f32), -ar(2000, f32)); });

  // --- Multi-dimensional ----------------------------------------------------
  T("int_2d", [] { return ar(12).reshape({3, 4}); });
  T("float_2d", [] { return ar(12, f32).reshape({3, 4}) / 4; });
  T("int_3d", [] { return ar(24).reshape({2, 3, 4}); });
  T("float_4d", [] { return ar(48, f32).reshape({2, 2, 3, 4}); });
  T("ones_1x1x1", [] { return at::ones({1, 1, 1}); });
  T("shape_1", [] { return F({5.0}); });
  T("float_2d_nan_row", [] {
    return F({nan, nan, 1.5, -2.0}).reshape({2, 2});
  });

  // --- Line wrapping --------------------------------------------------------
  T("wrap_1d_float", [] { return ar(30, f32) / 7; });
  T("wrap_1d_int", [] { return ar(50); });
  T("wrap_2d_float", [] { return ar(40, f32).reshape({2, 20}) / 3; });
  T("wrap_3d", [] { return ar(60, f32).reshape({2, 2, 15}) * 1.5; });
  T("wrap_mix_2d", [] { return mix(60).reshape({3, 20}); });
  T("wrap_sci", [] { return mix(16) * 1e9; });
  T("wrap_bool", [] {
    std::vector<int64_t> v;
    for (int i = 0; i < 12; ++i) v.insert(v.end(), {1, 0});
    return B(v);
  });

  // --- Summarization --------------------------------------------------------
  T("summ_1d_int", [] { return ar(2000); });
  T("summ_1d_float", [] { return ar(1001, f32) / 3; });
  T("summ_at_threshold", [] { return ar(1000); });
  T("summ_2d_int", [] { return ar(10000).reshape({100, 100}); });
  T("summ_2d_mix", [] { return mix(1200).reshape({40, 30}); });
  T("summ_3d", [] { return ar(3000).reshape({10, 10, 30}); });
  T("summ_short_dim0", [] { return ar(2000).reshape({2, 1000}); });
  T("summ_short_dim1", [] { return ar(2000, f32).reshape({1000, 2}); });
  T("summ_hidden_big", [] { return with_value(ar(2000, f32), 1000, 1e10); });
  T("summ_hidden_nan", [] { return with_value(ar(2000, f32) / 4, 500, nan); });
  T("summ_4d", [] { return ar(2 * 7 * 8 * 9, f32).reshape({2, 7, 8, 9}); });

  // --- Views and non-contiguous ---------------------------------------------
  T("view_transpose", [] { return ar(6).reshape({2, 3}).t(); });
  T("view_step", [] { return ar(10, f32).slice(0, 0, 10, 2); });
  T("view_expand", [] { return F({1.0, 2.5}).expand({3, 2}); });
  T("view_permute", [] {
    return ar(24, f32).reshape({2, 3, 4}).permute({2, 0, 1});
  });
  T("view_narrow", [] {
    return (ar(20, f32) / 8).reshape({4, 5}).slice(0, 1, 3).slice(1, 2);
  });
  T("view_neg", [] { return at::_neg_view(F({1.5, -2.0})); });
  T("view_big_transpose", [] { return ar(2000, f32).reshape({40, 50}).t(); });

  // --- Autograd suffixes ----------------------------------------------------
  T("grad_leaf", [] { return leaf(F({1.0, 2.0})); });
  T("grad_leaf_scalar", [] { return leaf(scalar(1.5)); });
  T("grad_add", [] {
    Tensor x = leaf(F({1.0, 2.0}));
    return x + x;
  });
  T("grad_mul", [] {
    Tensor x = leaf(F({1.5, 2.0}));
    return x * x;
  });
  T("grad_sum", [] { return leaf(F({1.0, 2.0})).sum(); });
  T("grad_view", [] { return leaf(F({1.0, 2.0})).view({2, 1}); });
  T("grad_double_leaf", [] { return leaf(F({0.5, 0.25}, f64)); });
  T("suffix_wrap", [] { return leaf(ar(10, f64) / 7); });
  T("suffix_wrap_dtype", [] { return ar(11, f16) / 7; });
  T("suffix_after_lines", [] {
    return leaf(ar(24, f64).reshape({2, 12}) / 7);
  });
  T("suffix_empty_grad", [] { return leaf(zeros({0, 3}, f64)); });

  // --- Print options --------------------------------------------------------
  T(
      "opt_precision_2",
      [] {
        return F({1.12345, -2.5});
      },
      O().precision(2));
  T(
      "opt_precision_0",
      [] {
        return F({1.5, 2.25, -0.4});
      },
      O().precision(0));
  T(
      "opt_precision_8",
      [] {
        return F({1.0 / 3, 2.0 / 3}, f64);
      },
      O().precision(8));
  T(
      "opt_precision_2_sci",
      [] {
        return F({1e-6, 1.0});
      },
      O().precision(2));
  T(
      "opt_sci_true",
      [] {
        return F({1.5, 2.5});
      },
      O().sci_mode(true));
  T(
      "opt_sci_true_int",
      [] {
        return F({1.0, 2.0});
      },
      O().sci_mode(true));
  T(
      "opt_sci_true_ints_dtype", [] { return ar(4); }, O().sci_mode(true));
  T(
      "opt_sci_true_zeros", [] { return zeros({2}); }, O().sci_mode(true));
  T(
      "opt_sci_true_2d",
      [] {
        return mix(12).reshape({3, 4});
      },
      O().sci_mode(true));
  T(
      "opt_sci_false_small",
      [] {
        return F({1e-5, 1.0});
      },
      O().sci_mode(false));
  T(
      "opt_sci_false_big_int",
      [] {
        return F({1e10, 1.0});
      },
      O().sci_mode(false));
  T(
      "opt_sci_false_big_frac",
      [] {
        return F({1.5e10, 0.5});
      },
      O().sci_mode(false));
  T(
      "opt_sci_false_complex",
      [] {
        return C({1e-6, 1.0}, {1e6, 2.0});
      },
      O().sci_mode(false));
  T(
      "opt_threshold_5", [] { return ar(10); }, O().threshold(5));
  T(
      "opt_threshold_5_2d",
      [] {
        return ar(64, f32).reshape({8, 8}) / 2;
      },
      O().threshold(5));
  T(
      "opt_threshold_edge_1",
      [] {
        return ar(60).reshape({3, 4, 5});
      },
      O().threshold(5).edgeitems(1));
  T(
      "opt_edgeitems_0", [] { return ar(10); }, O().threshold(3).edgeitems(0));
  T(
      "opt_edgeitems_5", [] { return ar(2000); }, O().edgeitems(5));
  T(
      "opt_edgeitems_2_2d",
      [] {
        return ar(1500).reshape({30, 50});
      },
      O().edgeitems(2));
  T(
      "opt_linewidth_40", [] { return ar(30, f32) / 7; }, O().linewidth(40));
  T(
      "opt_linewidth_200",
      [] {
        return ar(40, f32).reshape({2, 20}) / 3;
      },
      O().linewidth(200));
  T(
      "opt_linewidth_10",
      [] {
        return ar(6, f32).reshape({2, 3}) / 7;
      },
      O().linewidth(10));
  T(
      "opt_linewidth_40_suffix", [] { return leaf(ar(4, f64) / 7); },
      O().linewidth(40));
  T(
      "opt_profile_full", [] { return ar(1200); }, O().profile("full"));
  T(
      "opt_profile_full_2d",
      [] {
        return ar(1100, f32).reshape({11, 100}) / 2;
      },
      O().profile("full"));
  T(
      "opt_profile_short", [] { return ar(2000, f32) / 3; },
      O().profile("short"));
  T(
      "opt_profile_short_2d",
      [] {
        return mix(1100).reshape({110, 10});
      },
      O().profile("short"));
  T(
      "opt_profile_short_precision_3",
      [] {
        return F({1.0 / 3, 2.0});
      },
      O().profile("short").precision(3));
  T(
      "opt_profile_short_sci",
      [] {
        return F({1.0 / 3, 2.0});
      },
      O().profile("short").sci_mode(true));
  T(
      "opt_profile_default", [] { return ar(2000); },
      O().threshold(5).profile("default"));
  T(
      "opt_default_dtype_f64",
      [] {
        return F({1.5, 2.0}, f64);
      },
      O().dtype(f64));
  T(
      "opt_default_dtype_f64_f32",
      [] {
        return F({1.5, 2.0}, f32);
      },
      O().dtype(f64));
  T(
      "opt_default_dtype_f64_c128", [] { return C({1.0}, {2.0}, c128); },
      O().dtype(f64));
  T(
      "opt_default_dtype_f64_c64", [] { return C({1.0}, {2.0}, c64); },
      O().dtype(f64));
  T(
      "opt_default_dtype_f64_empty", [] { return zeros({0}, f32); },
      O().dtype(f64));

  // --- More edge cases ------------------------------------------------------
  T("float_min_1_5e-4", [] { return F({0.00015, 1.0}); });
  T("float64_1e8_frac", [] { return F({100000000.5, 1.0}, f64); });
  T("float_sci_nan_width", [] { return F({nan, -inf, 1e-9}); });
  T(
      "float_precision_12",
      [] {
        return F({0.1, -2.5});
      },
      O().precision(12));
  T(
      "opt_sci_true_precision_0",
      [] {
        return F({1.5, -250.0, 3.25});
      },
      O().sci_mode(true).precision(0));
  T(
      "opt_sci_true_nonfinite",
      [] {
        return F({nan, inf, 1.5});
      },
      O().sci_mode(true));
  T(
      "opt_threshold_0_scalar", [] { return scalar(2.5); }, O().threshold(0));
  T(
      "opt_threshold_0_small",
      [] {
        return F({1.0, 2.5, 3.0});
      },
      O().threshold(0));
  T(
      "opt_threshold_0_edge_1", [] { return ar(4, f32); },
      O().threshold(0).edgeitems(1));
  T(
      "opt_edgeitems_big", [] { return ar(20); },
      O().threshold(5).edgeitems(8));
  T(
      "opt_linewidth_20_suffixes",
      [] {
        return leaf(F({0.5, 0.25}, f64));
      },
      O().linewidth(20));
  T(
      "opt_linewidth_60_second_suffix",
      [] {
        return leaf(F({0.5, 0.25, 0.125}, f64));
      },
      O().linewidth(60));
  T("summ_hidden_big_int",
    [] { return with_value(ar(2000), 1000, 1000000000000000.0); });
  T("summ_bool", [] {
    std::vector<int64_t> v;
    for (int i = 0; i < 700; ++i) v.insert(v.end(), {1, 0, 0});
    return B(v);
  });
  T("summ_half", [] { return ar(1500, f16) / 8; });
  T("summ_uint8", [] { return ar(1200, i64).remainder(256).to(u8); });
  T("summ_expand", [] { return F({1.5}).expand({2000}); });
  T("summ_leading_ones", [] { return ar(2000).reshape({1, 1, 2000}); });
  T("int8_2d_negative", [] {
    return (ar(12, i64) - 6).to(i8).reshape({3, 4}) * 20;
  });
  T("int_5d", [] { return ar(32).reshape({2, 2, 2, 2, 2}); });
  T("view_diagonal", [] { return ar(16, f32).reshape({4, 4}).diagonal() / 2; });
  T("view_unsqueeze", [] { return F({1.5, 2.0}).unsqueeze(1); });
  T("complex_neg_imag_sci", [] { return C({1e-5, 2.0}, {-3e5, -0.5}); });
  T("complex128_scalar_nan", [] { return C({nan}, {-1.5}, c128).reshape({}); });
  T(
      "complex_wrap_linewidth_60",
      [] {
        return C(std::vector<double>(10, 0.5), std::vector<double>(10, 1.25));
      },
      O().linewidth(60));
  T("grad_t", [] { return leaf(ar(6, f32).reshape({2, 3})).t(); });
  T("grad_neg", [] { return leaf(F({1.0, -2.0})).neg(); });
  T("grad_to_double", [] { return leaf(F({1.0, -2.0})).to(f64); });
  T("grad_select", [] { return leaf(F({1.0, -2.0}))[0]; });
  T("grad_mean", [] { return leaf(F({1.0, -2.0})).mean(); });
  T("grad_unsqueeze", [] { return leaf(F({1.0, -2.0})).unsqueeze(0); });
  T(
      "opt_default_dtype_f64_empty_c128", [] { return zeros({0}, c128); },
      O().dtype(f64));

  // --- torch.Size, torch.dtype, torch.device reprs --------------------------
  S("size_2x3", [] { return FormatSize({2, 3}); });
  S("size_empty", [] { return FormatSize({}); });
  S("size_1", [] { return FormatSize({7}); });
  S("size_of_tensor", [] {
    return FormatSize(ar(24).reshape({2, 3, 4}).sizes());
  });
  for (ScalarType dt :
       {f16, bf16, f32, f64, i8, i16, i32, i64, u8, b8, c32, c64, c128}) {
    const std::string repr = FormatDtype(dt);
    S("dtype_" + repr.substr(repr.find('.') + 1),
      [dt] { return FormatDtype(dt); });
  }
  S("device_cpu", [] { return FormatDevice(c10::Device(c10::kCPU)); });
  S("device_cuda_0", [] { return FormatDevice(c10::Device(c10::kCUDA, 0)); });
  S("device_cuda", [] { return FormatDevice(c10::Device(c10::kCUDA)); });
  S("device_cuda_3", [] { return FormatDevice(c10::Device("cuda:3")); });
}

// expected.txt: "=== name" lines, each followed by the text PyTorch printed.
std::map<std::string, std::string> ReadExpected() {
  std::string path = "runtime/torch/format/testdata/expected.txt";
  if (const char* srcdir = std::getenv("TEST_SRCDIR")) {
    path = std::string(srcdir) + "/minidynamo/" + path;
  }
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr, "cannot read %s\n", path.c_str());
    std::abort();
  }
  std::map<std::string, std::string> expected;
  std::string line;
  std::string* current = nullptr;
  while (std::getline(in, line)) {
    if (line.rfind("=== ", 0) == 0) {
      current = &expected[line.substr(4)];
    } else if (current != nullptr) {
      if (!current->empty()) *current += '\n';
      *current += line;
    }
  }
  return expected;
}

const std::map<std::string, std::string>& Expected() {
  static const auto* expected =
      new std::map<std::string, std::string>(ReadExpected());
  return *expected;
}

const std::vector<Case>& AllCases() {
  if (Cases().empty()) DefineCases();
  return Cases();
}

std::vector<std::string> CaseNames() {
  std::vector<std::string> names;
  for (const Case& c : AllCases()) names.push_back(c.name);
  return names;
}

class PyTorchCaseTest : public ::testing::TestWithParam<std::string> {};

TEST_P(PyTorchCaseTest, MatchesPyTorch) {
  const std::string& name = GetParam();
  auto it = Expected().find(name);
  ASSERT_NE(it, Expected().end()) << name << " is not in expected.txt";
  for (const Case& c : AllCases()) {
    if (c.name == name) {
      EXPECT_EQ(c.render(), it->second) << name;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, PyTorchCaseTest,
                         ::testing::ValuesIn(CaseNames()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string id = info.param;
                           for (char& ch : id) {
                             if (!std::isalnum(static_cast<unsigned char>(ch)))
                               ch = '_';
                           }
                           return id;
                         });

TEST(TensorFormatTest, CaseTablesMatch) {
  std::set<std::string> cpp;
  for (const Case& c : AllCases()) {
    EXPECT_TRUE(cpp.insert(c.name).second) << "duplicate case " << c.name;
  }
  std::set<std::string> py;
  for (const auto& [name, text] : Expected()) py.insert(name);
  EXPECT_EQ(cpp, py);
  EXPECT_GE(cpp.size(), 100u);
}

// Devices other than the CPU cannot be made here (CPU-only LibTorch), so the
// device suffix is checked on TensorSuffixes, against the rule in
// torch/_tensor_str.py: shown unless the device is the default device type
// and, for CUDA, the current device.
TEST(TensorFormatTest, DeviceSuffix) {
  TensorFormatOptions o;
  const std::vector<int64_t> sizes = {2};
  EXPECT_EQ(TensorSuffixes(f32, c10::Device("cuda:0"), sizes, o),
            std::vector<std::string>{"device='cuda:0'"});
  EXPECT_EQ(
      TensorSuffixes(f16, c10::Device("cuda:1"), sizes, o),
      (std::vector<std::string>{"device='cuda:1'", "dtype=torch.float16"}));
  EXPECT_TRUE(TensorSuffixes(f32, c10::Device("cpu"), sizes, o).empty());
  o.default_device_type = c10::DeviceType::CUDA;
  EXPECT_TRUE(TensorSuffixes(f32, c10::Device("cuda:0"), sizes, o).empty());
  EXPECT_EQ(TensorSuffixes(f32, c10::Device("cuda:1"), sizes, o),
            std::vector<std::string>{"device='cuda:1'"});
  EXPECT_EQ(TensorSuffixes(f32, c10::Device("cpu"), sizes, o),
            std::vector<std::string>{"device='cpu'"});
  o.current_cuda_device = 1;
  EXPECT_TRUE(TensorSuffixes(f32, c10::Device("cuda:1"), sizes, o).empty());
}

TEST(TensorFormatTest, SetPrintOptionsResetsSciMode) {
  PrintOptions p;
  SetPrintOptionsArgs args;
  args.sci_mode = true;
  args.profile = "full";
  SetPrintOptions(args, &p);
  EXPECT_EQ(p.sci_mode, std::optional<bool>(true));
  EXPECT_TRUE(std::isinf(p.threshold));
  SetPrintOptionsArgs precision_only;
  precision_only.precision = 2;
  SetPrintOptions(precision_only, &p);
  EXPECT_EQ(p.sci_mode, std::nullopt);
  EXPECT_EQ(p.precision, 2);
  EXPECT_TRUE(std::isinf(p.threshold));
  SetPrintOptionsArgs unknown;
  unknown.profile = "nope";
  SetPrintOptions(unknown, &p);
  EXPECT_EQ(p.precision, 2);
}

TEST(TensorFormatTest, Contents) {
  EXPECT_EQ(FormatTensorContents(ar(3), 0, PrintOptions()), "[0, 1, 2]");
  EXPECT_EQ(FormatTensorContents(zeros({0, 2}), 7, PrintOptions()), "[]");
}

}  // namespace
}  // namespace tensor_format
}  // namespace minidynamo
