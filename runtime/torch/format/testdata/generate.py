#!/usr/bin/python3.11
"""Writes expected.txt: what PyTorch prints for each case of the test.

Run with Debian's Python, which has Debian's PyTorch 1.13:

    /usr/bin/python3.11 runtime/torch/format/testdata/generate.py

Each case here has a twin of the same name in ../tensor_format_test.cc that
builds the same tensor (or Size, dtype, device) in C++ and sets the same print
options. Values are deterministic: explicit lists, arange, and the `mix`
sequence (exact integer arithmetic and one correctly rounded division, so
every CPU computes the same floats). Output format, per case:

    === name
    <repr text, possibly several lines>
"""

import math
import os

import torch

nan = float("nan")
inf = float("inf")
f16, bf16, f32, f64 = torch.float16, torch.bfloat16, torch.float32, torch.float64
i8, i16, i32, i64, u8 = torch.int8, torch.int16, torch.int32, torch.int64, torch.uint8
c32, c64, c128 = torch.complex32, torch.complex64, torch.complex128


def F(values, dtype=f32):
    return torch.tensor(values, dtype=dtype)


def I(values, dtype=i64):
    return torch.tensor(values, dtype=dtype)


def B(values):
    return torch.tensor(values, dtype=i64).to(torch.bool)


def C(re, im, dtype=c64):
    return torch.complex(F(re, f64), F(im, f64)).to(dtype)


def ar(n, dtype=i64):
    return torch.arange(n, dtype=dtype)


def mix(n, dtype=f32):
    """Values in [-50/7, 50/7] in a scrambled order."""
    a = torch.arange(n, dtype=f64)
    return ((torch.remainder(a * 37, 101) - 50) / 7).to(dtype)


def leaf(t):
    return t.requires_grad_(True)


def with_value(t, index, value):
    t = t.clone()
    t.view(-1)[index] = value
    return t


CASES = []


def case(name, make, **printopts):
    CASES.append((name, make, printopts))


# --- Floats: integer mode, fixed, scientific ---------------------------------
case("float_int_valued", lambda: F([1.0, 2.0, 3.0]))
case("float_fractional", lambda: F([1.5, 2.25, -3.125]))
case("float_arange_div3", lambda: ar(10, f32) / 3)
case("float_negative", lambda: F([-1.5, 0.5, -0.25]))
case("float_negative_int", lambda: F([-1.0, 20.0, -300.0]))
case("float_1e8_int", lambda: F([1e8]))
case("float_1e8_and_1", lambda: F([1e8, 1.0]))
case("float_1e9_int", lambda: F([1e9]))
case("float_big_fraction", lambda: F([1.5e10, 2.5]))
case("float_small", lambda: F([1e-5, 1.0]))
case("float_all_small", lambda: F([1e-5, 2e-5, -3e-5]))
case("float_ratio_1000", lambda: F([1.0, 1000.0]))
case("float_ratio_1001", lambda: F([1.0, 1001.0]))
case("float_ratio_frac", lambda: F([0.5, 600.0]))
case("float_ratio_frac_below", lambda: F([0.5, 499.0]))
case("float_min_1e-4_f32", lambda: F([1e-4, 0.001]))
case("float_min_1e-4_f64", lambda: F([1e-4, 0.001], f64))
case("float_min_2e-4", lambda: F([2e-4, 0.5]))
case("float_mixed_sci", lambda: F([1e-10, -1e10, 3.5]))
case("float_int_sci", lambda: F([1e20, 1.0, -7.0]))
case("float_rounding", lambda: F([0.00005, 0.99995, 1.23456789]))
case("float_round_up_width", lambda: F([9.99996, 1.5]))
case("float_max_f32", lambda: F([3.4028234663852886e38, -1.0]))
case("float_denormal", lambda: F([1e-45, 1.0]))
case("float_mix_20", lambda: mix(20))
case("float_mix_times_1000", lambda: mix(12) * 1000)

# --- Non-finite and zeros -----------------------------------------------------
case("nan_inf_frac", lambda: F([nan, inf, -inf, 1.5]))
case("nan_inf_int", lambda: F([nan, inf, -inf, 2.0]))
case("nan_only", lambda: F([nan, nan]))
case("inf_and_zero", lambda: F([-inf, 0.0, inf]))
case("nan_sci", lambda: F([nan, 1e-7, 1.0]))
case("zeros", lambda: torch.zeros(3))
case("neg_zero", lambda: F([-0.0, 0.0, 1.0]))
case("neg_zero_frac", lambda: F([-0.0, 0.5]))
case("zeros_2d", lambda: torch.zeros(2, 3))

# --- Scalars (0-dim) ----------------------------------------------------------
case("scalar_float", lambda: torch.tensor(1.5))
case("scalar_float_int", lambda: torch.tensor(3.0))
case("scalar_int", lambda: torch.tensor(7))
case("scalar_negative_int", lambda: torch.tensor(-12345))
case("scalar_bool", lambda: torch.tensor(True))
case("scalar_nan", lambda: torch.tensor(nan))
case("scalar_neg_inf", lambda: torch.tensor(-inf))
case("scalar_neg_zero", lambda: torch.tensor(-0.0))
case("scalar_big", lambda: torch.tensor(1e20))
case("scalar_small", lambda: torch.tensor(1.5e-7))
case("scalar_double", lambda: torch.tensor(2.5, dtype=f64))
case("scalar_half", lambda: torch.tensor(0.5, dtype=f16))
case("scalar_int32", lambda: torch.tensor(3, dtype=i32))
case("scalar_uint8", lambda: torch.tensor(200, dtype=u8))
case("scalar_complex", lambda: C([1.0], [2.0]).reshape(()))
case("scalar_complex_frac", lambda: C([-1.5], [-0.25]).reshape(()))

# --- Empty --------------------------------------------------------------------
case("empty_1d", lambda: torch.zeros(0))
case("empty_2d", lambda: torch.zeros(0, 3))
case("empty_3d", lambda: torch.zeros(2, 0, 4))
case("empty_int64", lambda: torch.zeros(0, dtype=i64))
case("empty_bool", lambda: torch.zeros(0, dtype=torch.bool))
case("empty_int32_2d", lambda: torch.zeros(3, 0, dtype=i32))
case("empty_double", lambda: torch.zeros(0, dtype=f64))
case("empty_complex", lambda: torch.zeros(0, dtype=c64))
case("empty_requires_grad", lambda: leaf(torch.zeros(0, 2)))

# --- Integer and bool dtypes --------------------------------------------------
case("bool_1d", lambda: B([1, 0, 1]))
case("bool_all_true", lambda: B([1, 1]))
case("bool_2d", lambda: B([[1, 0], [0, 1]]))
case("int64_arange", lambda: ar(10))
case("int64_negative", lambda: I([-100, 5, 2000]))
case("int64_extremes", lambda: I([2**62, -(2**62), 9223372036854775807]))
case("int32_arange", lambda: ar(5, i32))
case("int16", lambda: I([-300, 0, 32767], i16))
case("int8", lambda: I([-128, 0, 127], i8))
case("uint8", lambda: I([0, 128, 255], u8))
case("uint8_2d", lambda: ar(12, u8).reshape(3, 4))

# --- Other float dtypes -------------------------------------------------------
case("float64_fraction", lambda: ar(5, f64) / 7)
case("float64_third", lambda: F([1 / 3, 2 / 3], f64))
case("float64_2pow53", lambda: F([2.0**53, 1.0], f64))
case("float16", lambda: F([1.5, 2.25, -3.0], f16))
case("float16_int", lambda: F([1.0, 2048.0], f16))
case("float16_sci", lambda: F([65504.0, 0.0001], f16))
case("bfloat16", lambda: F([1.5, -2.0, 0.125], bf16))
case("bfloat16_big", lambda: F([1e30, 3.0], bf16))

# --- Complex ------------------------------------------------------------------
case("complex64_int", lambda: C([1.0, 3.0], [2.0, -4.0]))
case("complex128_frac", lambda: C([1.5, -2.5], [0.25, -1.0], c128))
case("complex_sci", lambda: C([1e10, 0.0], [1.0, 1.0]))
case("complex_nan", lambda: C([nan, 1.0], [1.0, inf]))
case("complex_zero_imag", lambda: C([1.0, 2.0], [0.0, -0.0]))
case("complex32", lambda: C([1.0, 3.0], [2.0, -4.0], c32))
case("complex_2d", lambda: C([1.0, 2.0, 3.0, 4.0], [0.5, -0.5, 1.5, -1.5]).reshape(2, 2))
case("complex_wrap", lambda: torch.complex(mix(20, f64), mix(40, f64)[20:]).to(c64))
case("complex_conj_view", lambda: C([1.0, 2.0], [1.0, 0.0]).conj())
case("complex_summarized", lambda: torch.complex(ar(2000, f32), -ar(2000, f32)))

# --- Multi-dimensional ----------------------------------------------------------
case("int_2d", lambda: ar(12).reshape(3, 4))
case("float_2d", lambda: ar(12, f32).reshape(3, 4) / 4)
case("int_3d", lambda: ar(24).reshape(2, 3, 4))
case("float_4d", lambda: ar(48, f32).reshape(2, 2, 3, 4))
case("ones_1x1x1", lambda: torch.ones(1, 1, 1))
case("shape_1", lambda: F([5.0]))
case("float_2d_nan_row", lambda: F([[nan, nan], [1.5, -2.0]]))

# --- Line wrapping ----------------------------------------------------------------
case("wrap_1d_float", lambda: ar(30, f32) / 7)
case("wrap_1d_int", lambda: ar(50))
case("wrap_2d_float", lambda: ar(40, f32).reshape(2, 20) / 3)
case("wrap_3d", lambda: ar(60, f32).reshape(2, 2, 15) * 1.5)
case("wrap_mix_2d", lambda: mix(60).reshape(3, 20))
case("wrap_sci", lambda: mix(16) * 1e9)
case("wrap_bool", lambda: B([1, 0] * 12))

# --- Summarization ------------------------------------------------------------------
case("summ_1d_int", lambda: ar(2000))
case("summ_1d_float", lambda: ar(1001, f32) / 3)
case("summ_at_threshold", lambda: ar(1000))
case("summ_2d_int", lambda: ar(10000).reshape(100, 100))
case("summ_2d_mix", lambda: mix(1200).reshape(40, 30))
case("summ_3d", lambda: ar(3000).reshape(10, 10, 30))
case("summ_short_dim0", lambda: ar(2000).reshape(2, 1000))
case("summ_short_dim1", lambda: ar(2000, f32).reshape(1000, 2))
case("summ_hidden_big", lambda: with_value(ar(2000, f32), 1000, 1e10))
case("summ_hidden_nan", lambda: with_value(ar(2000, f32) / 4, 500, nan))
case("summ_4d", lambda: ar(2 * 7 * 8 * 9, f32).reshape(2, 7, 8, 9))

# --- Views and non-contiguous ---------------------------------------------------------
case("view_transpose", lambda: ar(6).reshape(2, 3).t())
case("view_step", lambda: ar(10, f32)[::2])
case("view_expand", lambda: F([1.0, 2.5]).expand(3, 2))
case("view_permute", lambda: ar(24, f32).reshape(2, 3, 4).permute(2, 0, 1))
case("view_narrow", lambda: (ar(20, f32) / 8).reshape(4, 5)[1:3, 2:])
case("view_neg", lambda: torch._neg_view(F([1.5, -2.0])))
case("view_big_transpose", lambda: ar(2000, f32).reshape(40, 50).t())

# --- Autograd suffixes ------------------------------------------------------------------
case("grad_leaf", lambda: leaf(F([1.0, 2.0])))
case("grad_leaf_scalar", lambda: leaf(torch.tensor(1.5)))
case("grad_add", lambda: (lambda x: x + x)(leaf(F([1.0, 2.0]))))
case("grad_mul", lambda: (lambda x: x * x)(leaf(F([1.5, 2.0]))))
case("grad_sum", lambda: leaf(F([1.0, 2.0])).sum())
case("grad_view", lambda: leaf(F([1.0, 2.0])).view(2, 1))
case("grad_double_leaf", lambda: leaf(F([0.5, 0.25], f64)))
case("suffix_wrap", lambda: leaf(ar(10, f64) / 7))
case("suffix_wrap_dtype", lambda: (ar(11, f16) / 7))
case("suffix_after_lines", lambda: leaf(ar(24, f64).reshape(2, 12) / 7))
case("suffix_empty_grad", lambda: leaf(torch.zeros(0, 3, dtype=f64)))

# --- Print options ----------------------------------------------------------------------
case("opt_precision_2", lambda: F([1.12345, -2.5]), precision=2)
case("opt_precision_0", lambda: F([1.5, 2.25, -0.4]), precision=0)
case("opt_precision_8", lambda: F([1 / 3, 2 / 3], f64), precision=8)
case("opt_precision_2_sci", lambda: F([1e-6, 1.0]), precision=2)
case("opt_sci_true", lambda: F([1.5, 2.5]), sci_mode=True)
case("opt_sci_true_int", lambda: F([1.0, 2.0]), sci_mode=True)
case("opt_sci_true_ints_dtype", lambda: ar(4), sci_mode=True)
case("opt_sci_true_zeros", lambda: torch.zeros(2), sci_mode=True)
case("opt_sci_true_2d", lambda: mix(12).reshape(3, 4), sci_mode=True)
case("opt_sci_false_small", lambda: F([1e-5, 1.0]), sci_mode=False)
case("opt_sci_false_big_int", lambda: F([1e10, 1.0]), sci_mode=False)
case("opt_sci_false_big_frac", lambda: F([1.5e10, 0.5]), sci_mode=False)
case("opt_sci_false_complex", lambda: C([1e-6, 1.0], [1e6, 2.0]), sci_mode=False)
case("opt_threshold_5", lambda: ar(10), threshold=5)
case("opt_threshold_5_2d", lambda: ar(64, f32).reshape(8, 8) / 2, threshold=5)
case("opt_threshold_edge_1", lambda: ar(60).reshape(3, 4, 5), threshold=5, edgeitems=1)
case("opt_edgeitems_0", lambda: ar(10), threshold=3, edgeitems=0)
case("opt_edgeitems_5", lambda: ar(2000), edgeitems=5)
case("opt_edgeitems_2_2d", lambda: ar(1500).reshape(30, 50), edgeitems=2)
case("opt_linewidth_40", lambda: ar(30, f32) / 7, linewidth=40)
case("opt_linewidth_200", lambda: ar(40, f32).reshape(2, 20) / 3, linewidth=200)
case("opt_linewidth_10", lambda: ar(6, f32).reshape(2, 3) / 7, linewidth=10)
case("opt_linewidth_40_suffix", lambda: leaf(ar(4, f64) / 7), linewidth=40)
case("opt_profile_full", lambda: ar(1200), profile="full")
case("opt_profile_full_2d", lambda: ar(1100, f32).reshape(11, 100) / 2, profile="full")
case("opt_profile_short", lambda: ar(2000, f32) / 3, profile="short")
case("opt_profile_short_2d", lambda: mix(1100).reshape(110, 10), profile="short")
case("opt_profile_short_precision_3", lambda: F([1 / 3, 2.0]), profile="short", precision=3)
case("opt_profile_short_sci", lambda: F([1 / 3, 2.0]), profile="short", sci_mode=True)
case("opt_profile_default", lambda: ar(2000), threshold=5, profile="default")
case("opt_default_dtype_f64", lambda: F([1.5, 2.0], f64), default_dtype=f64)
case("opt_default_dtype_f64_f32", lambda: F([1.5, 2.0], f32), default_dtype=f64)
case("opt_default_dtype_f64_c128", lambda: C([1.0], [2.0], c128), default_dtype=f64)
case("opt_default_dtype_f64_c64", lambda: C([1.0], [2.0], c64), default_dtype=f64)
case("opt_default_dtype_f64_empty", lambda: torch.zeros(0, dtype=f32), default_dtype=f64)

# --- More edge cases ------------------------------------------------------------------
case("float_min_1_5e-4", lambda: F([0.00015, 1.0]))
case("float64_1e8_frac", lambda: F([100000000.5, 1.0], f64))
case("float_sci_nan_width", lambda: F([nan, -inf, 1e-9]))
case("float_precision_12", lambda: F([0.1, -2.5]), precision=12)
case("opt_sci_true_precision_0", lambda: F([1.5, -250.0, 3.25]), sci_mode=True, precision=0)
case("opt_sci_true_nonfinite", lambda: F([nan, inf, 1.5]), sci_mode=True)
case("opt_threshold_0_scalar", lambda: torch.tensor(2.5), threshold=0)
case("opt_threshold_0_small", lambda: F([1.0, 2.5, 3.0]), threshold=0)
case("opt_threshold_0_edge_1", lambda: ar(4, f32), threshold=0, edgeitems=1)
case("opt_edgeitems_big", lambda: ar(20), threshold=5, edgeitems=8)
case("opt_linewidth_20_suffixes", lambda: leaf(F([0.5, 0.25], f64)), linewidth=20)
case("opt_linewidth_60_second_suffix", lambda: leaf(F([0.5, 0.25, 0.125], f64)), linewidth=60)
case("summ_hidden_big_int", lambda: with_value(ar(2000), 1000, 10**15))
case("summ_bool", lambda: B([1, 0, 0] * 700))
case("summ_half", lambda: ar(1500, f16) / 8)
case("summ_uint8", lambda: ar(1200, i64).remainder(256).to(u8))
case("summ_expand", lambda: F([1.5]).expand(2000))
case("summ_leading_ones", lambda: ar(2000).reshape(1, 1, 2000))
case("int8_2d_negative", lambda: (ar(12, i64) - 6).to(i8).reshape(3, 4) * 20)
case("int_5d", lambda: ar(32).reshape(2, 2, 2, 2, 2))
case("view_diagonal", lambda: ar(16, f32).reshape(4, 4).diagonal() / 2)
case("view_unsqueeze", lambda: F([1.5, 2.0]).unsqueeze(1))
case("complex_neg_imag_sci", lambda: C([1e-5, 2.0], [-3e5, -0.5]))
case("complex128_scalar_nan", lambda: C([nan], [-1.5], c128).reshape(()))
case("complex_wrap_linewidth_60", lambda: C([0.5] * 10, [1.25] * 10), linewidth=60)
case("grad_t", lambda: leaf(ar(6, f32).reshape(2, 3)).t())
case("grad_neg", lambda: leaf(F([1.0, -2.0])).neg())
case("grad_to_double", lambda: leaf(F([1.0, -2.0])).to(f64))
case("grad_select", lambda: leaf(F([1.0, -2.0]))[0])
case("grad_mean", lambda: leaf(F([1.0, -2.0])).mean())
case("grad_unsqueeze", lambda: leaf(F([1.0, -2.0])).unsqueeze(0))
case("opt_default_dtype_f64_empty_c128", lambda: torch.zeros(0, dtype=c128), default_dtype=f64)

# --- torch.Size, torch.dtype, torch.device reprs ------------------------------------------
case("size_2x3", lambda: torch.Size([2, 3]))
case("size_empty", lambda: torch.Size([]))
case("size_1", lambda: torch.Size([7]))
case("size_of_tensor", lambda: ar(24).reshape(2, 3, 4).shape)
for _dt in (f16, bf16, f32, f64, i8, i16, i32, i64, u8, torch.bool, c32, c64, c128):
    case("dtype_" + str(_dt).split(".")[1], lambda _dt=_dt: _dt)
case("device_cpu", lambda: torch.device("cpu"))
case("device_cuda_0", lambda: torch.device("cuda", 0))
case("device_cuda", lambda: torch.device("cuda"))
case("device_cuda_3", lambda: torch.device("cuda:3"))


def render(make, printopts):
    opts = dict(printopts)
    default_dtype = opts.pop("default_dtype", None)
    if default_dtype is not None:
        torch.set_default_dtype(default_dtype)
    if opts:
        torch.set_printoptions(**opts)
    try:
        return repr(make())
    finally:
        torch.set_printoptions(profile="default")
        torch.set_default_dtype(torch.float32)


def main():
    names = set()
    out = []
    for name, make, printopts in CASES:
        assert name not in names, name
        names.add(name)
        text = render(make, printopts)
        assert not any(line.startswith("=== ") for line in text.split("\n"))
        out.append("=== " + name + "\n" + text + "\n")
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "expected.txt")
    with open(path, "w") as f:
        f.write("# Generated by generate.py with PyTorch " + torch.__version__ + "\n")
        f.write("".join(out))
    print(len(CASES), "cases written to", path)


if __name__ == "__main__":
    main()
