#include "runtime/torch/format/tensor_format.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "ATen/ATen.h"
#include "c10/util/complex.h"
#include "torch/csrc/autograd/function.h"

// The layout follows torch/_tensor_str.py: the tensor's values are copied out
// once (as int64, double or complex<double>, which hold every supported dtype
// exactly) and everything after that is plain C++ over that buffer.

namespace minidynamo {
namespace tensor_format {
namespace {

// ---------------------------------------------------------------------------
// Python's float formatting for the two presentation types PyTorch uses.
// Python and glibc both round correctly, so printf gives the same digits; only
// non-finite values differ (Python never prints a sign on nan).

std::string CFormat(const char* conversion, int64_t precision, double value) {
  char spec[32];
  std::snprintf(spec, sizeof spec, "%%.%lld%s",
                static_cast<long long>(std::max<int64_t>(precision, 0)),
                conversion);
  const int n = std::snprintf(nullptr, 0, spec, value);
  std::string out(static_cast<size_t>(n), '\0');
  std::snprintf(out.data(), out.size() + 1, spec, value);
  return out;
}

std::string NonFinite(double value) {
  if (std::isnan(value)) return "nan";
  return value < 0 ? "-inf" : "inf";
}

// "{:.Nf}".format(value)
std::string FormatFixed(double value, int64_t precision) {
  if (!std::isfinite(value)) return NonFinite(value);
  return CFormat("f", precision, value);
}

// "{:.Ne}".format(value)
std::string FormatExponent(double value, int64_t precision) {
  if (!std::isfinite(value)) return NonFinite(value);
  return CFormat("e", precision, value);
}

std::string PadLeft(std::string s, int64_t width) {
  if (static_cast<int64_t>(s.size()) < width) {
    s.insert(0, static_cast<size_t>(width - static_cast<int64_t>(s.size())),
             ' ');
  }
  return s;
}

int64_t Len(const std::string& s) { return static_cast<int64_t>(s.size()); }

// ---------------------------------------------------------------------------
// The values of a tensor, copied to the CPU in row-major order.

enum class Kind { kBool, kInt, kFloat, kComplex };

struct Values {
  Kind kind = Kind::kFloat;
  std::vector<int64_t> sizes;
  std::vector<int64_t> ints;  // kBool, kInt
  std::vector<double> re;     // kFloat, kComplex
  std::vector<double> im;     // kComplex
};

Values Extract(const at::Tensor& t) {
  Values v;
  at::Tensor x = t.detach();
  if (x._is_zerotensor()) x = x.clone();
  if (x.device().type() != c10::DeviceType::CPU) x = x.to(c10::kCPU);
  x = x.resolve_conj().resolve_neg();
  v.sizes = x.sizes().vec();
  const c10::ScalarType st = x.scalar_type();
  if (c10::isComplexType(st)) {
    v.kind = Kind::kComplex;
    if (st == c10::ScalarType::ComplexHalf) x = x.to(c10::kComplexFloat);
    at::Tensor y = x.to(c10::kComplexDouble).contiguous();
    const auto* p = y.data_ptr<c10::complex<double>>();
    const int64_t n = y.numel();
    v.re.resize(n);
    v.im.resize(n);
    for (int64_t i = 0; i < n; ++i) {
      v.re[i] = p[i].real();
      v.im[i] = p[i].imag();
    }
  } else if (c10::isFloatingType(st)) {
    v.kind = Kind::kFloat;
    at::Tensor y = x.to(c10::kDouble).contiguous();
    const double* p = y.data_ptr<double>();
    v.re.assign(p, p + y.numel());
  } else {
    v.kind = st == c10::ScalarType::Bool ? Kind::kBool : Kind::kInt;
    at::Tensor y = x.to(c10::kLong).contiguous();
    const int64_t* p = y.data_ptr<int64_t>();
    v.ints.assign(p, p + y.numel());
  }
  return v;
}

// ---------------------------------------------------------------------------
// _Formatter: decides the presentation (integer, fixed or scientific) and the
// common width from the values that will be shown.

class Formatter {
 public:
  // Integers and bools: the width of the longest str(value).
  static Formatter ForIntegers(const std::vector<int64_t>& values, bool bools,
                               const PrintOptions& print) {
    Formatter f(print);
    f.bools_ = bools;
    for (int64_t value : values) {
      f.max_width_ = std::max(f.max_width_, Len(f.IntStr(value)));
    }
    return f;
  }

  static Formatter ForFloats(const std::vector<double>& values,
                             const PrintOptions& print) {
    Formatter f(print);
    std::vector<double> finite;  // nonzero and finite
    for (double value : values) {
      if (std::isfinite(value) && value != 0) finite.push_back(value);
    }
    // Without a nonzero finite value PyTorch returns early: integer mode,
    // width 1, and the sci_mode print option is not applied.
    if (finite.empty()) return f;

    double min_abs = std::numeric_limits<double>::infinity();
    double max_abs = 0;
    for (double value : finite) {
      min_abs = std::min(min_abs, std::fabs(value));
      max_abs = std::max(max_abs, std::fabs(value));
      if (value != std::ceil(value)) f.int_mode_ = false;
    }
    const bool wide_range = max_abs / min_abs > 1000.0 || max_abs > 1.0e8;
    if (f.int_mode_) {
      if (wide_range) {
        f.sci_mode_ = true;
        for (double value : finite) {
          f.Widen(Len(FormatExponent(value, print.precision)));
        }
      } else {
        // Room for the "." that marks a float.
        for (double value : finite) f.Widen(Len(FormatFixed(value, 0)) + 1);
      }
    } else if (wide_range || min_abs < 1.0e-4) {
      f.sci_mode_ = true;
      for (double value : finite) {
        f.Widen(Len(FormatExponent(value, print.precision)));
      }
    } else {
      for (double value : finite) {
        f.Widen(Len(FormatFixed(value, print.precision)));
      }
    }
    if (print.sci_mode.has_value()) f.sci_mode_ = *print.sci_mode;
    return f;
  }

  int64_t width() const { return max_width_; }

  std::string Format(double value) const {
    std::string s;
    if (sci_mode_) {
      s = PadLeft(FormatExponent(value, precision_), max_width_);
    } else if (int_mode_) {
      s = FormatFixed(value, 0);
      if (std::isfinite(value)) s += '.';
    } else {
      s = FormatFixed(value, precision_);
    }
    return PadLeft(std::move(s), max_width_);
  }

  std::string Format(int64_t value) const {
    return PadLeft(IntStr(value), max_width_);
  }

 private:
  explicit Formatter(const PrintOptions& print) : precision_(print.precision) {}

  std::string IntStr(int64_t value) const {
    if (bools_) return value != 0 ? "True" : "False";
    return std::to_string(value);
  }

  void Widen(int64_t w) { max_width_ = std::max(max_width_, w); }

  bool bools_ = false;
  bool int_mode_ = true;
  bool sci_mode_ = false;
  int64_t max_width_ = 1;
  int64_t precision_;
};

// ---------------------------------------------------------------------------
// Which indices of a dimension of size n are shown; -1 stands for the "..."
// of a summarized dimension. The innermost dimension follows Python's slices
// t[:edge] and t[-edge:] (so edgeitems=0 shows "..." then every element, as
// PyTorch does); outer dimensions follow range(edge) and range(n-edge, n).
std::vector<int64_t> Shown(int64_t n, bool innermost, bool summarize,
                           int64_t edge) {
  std::vector<int64_t> idx;
  if (!summarize || n <= 2 * edge) {
    for (int64_t i = 0; i < n; ++i) idx.push_back(i);
    return idx;
  }
  for (int64_t i = 0; i < std::min(edge, n); ++i) idx.push_back(i);
  idx.push_back(-1);
  const int64_t tail_begin = innermost && edge == 0 ? 0 : n - edge;
  for (int64_t i = std::max<int64_t>(tail_begin, 0); i < n; ++i) {
    idx.push_back(i);
  }
  return idx;
}

class Printer {
 public:
  Printer(const Values& v, const PrintOptions& print) : v_(v), print_(print) {
    int64_t numel = 1;
    strides_.assign(v.sizes.size(), 1);
    for (size_t d = v.sizes.size(); d-- > 0;) {
      strides_[d] = numel;
      numel *= v.sizes[d];
    }
    numel_ = numel;
    summarize_ = static_cast<double>(numel) > print.threshold;
  }

  int64_t numel() const { return numel_; }

  std::string Contents(int64_t indent) {
    if (numel_ == 0) return "[]";
    // get_summarized_data: the formatters see only the values on show.
    std::vector<int64_t> flat;
    Gather(0, 0, &flat);
    switch (v_.kind) {
      case Kind::kBool:
      case Kind::kInt: {
        std::vector<int64_t> ints;
        for (int64_t i : flat) ints.push_back(v_.ints[i]);
        f1_.emplace(
            Formatter::ForIntegers(ints, v_.kind == Kind::kBool, print_));
        break;
      }
      case Kind::kFloat:
      case Kind::kComplex: {
        std::vector<double> re;
        for (int64_t i : flat) re.push_back(v_.re[i]);
        f1_.emplace(Formatter::ForFloats(re, print_));
        if (v_.kind == Kind::kComplex) {
          std::vector<double> im;
          for (int64_t i : flat) im.push_back(v_.im[i]);
          f2_.emplace(Formatter::ForFloats(im, print_));
        }
        break;
      }
    }
    return Str(0, 0, indent);
  }

 private:
  int64_t ndim() const { return static_cast<int64_t>(v_.sizes.size()); }

  void Gather(int64_t level, int64_t offset, std::vector<int64_t>* out) const {
    if (level == ndim()) {
      out->push_back(offset);
      return;
    }
    for (int64_t i : Shown(v_.sizes[level], level == ndim() - 1, summarize_,
                           print_.edgeitems)) {
      if (i >= 0) Gather(level + 1, offset + i * strides_[level], out);
    }
  }

  std::string Element(int64_t flat) const {
    switch (v_.kind) {
      case Kind::kBool:
      case Kind::kInt:
        return f1_->Format(v_.ints[flat]);
      case Kind::kFloat:
        return f1_->Format(v_.re[flat]);
      case Kind::kComplex:
        break;
    }
    std::string real = f1_->Format(v_.re[flat]);
    std::string imag = f2_->Format(v_.im[flat]) + "j";
    imag.erase(0, imag.find_first_not_of(' '));
    if (imag[0] == '+' || imag[0] == '-') return real + imag;
    return real + "+" + imag;
  }

  std::string Vector(int64_t offset, int64_t n, int64_t stride,
                     int64_t indent) const {
    int64_t element_length = f1_->width() + 2;
    if (f2_) element_length += f2_->width() + 1;
    const int64_t per_line = std::max<int64_t>(
        1, static_cast<int64_t>(
               std::floor(static_cast<double>(print_.linewidth - indent) /
                          static_cast<double>(element_length))));
    std::vector<std::string> data;
    for (int64_t i : Shown(n, true, summarize_, print_.edgeitems)) {
      data.push_back(i < 0 ? " ..." : Element(offset + i * stride));
    }
    std::string out = "[";
    const std::string line_sep = ",\n" + std::string(indent + 1, ' ');
    for (size_t i = 0; i < data.size(); ++i) {
      if (i > 0) out += i % per_line == 0 ? line_sep : ", ";
      out += data[i];
    }
    return out + "]";
  }

  std::string Str(int64_t level, int64_t offset, int64_t indent) const {
    const int64_t dim = ndim() - level;
    if (dim == 0) return Element(offset);
    if (dim == 1) {
      return Vector(offset, v_.sizes[level], strides_[level], indent);
    }
    const std::string sep =
        "," + std::string(dim - 1, '\n') + std::string(indent + 1, ' ');
    std::string out = "[";
    bool first = true;
    for (int64_t i :
         Shown(v_.sizes[level], false, summarize_, print_.edgeitems)) {
      if (!first) out += sep;
      first = false;
      out += i < 0 ? "..."
                   : Str(level + 1, offset + i * strides_[level], indent + 1);
    }
    return out + "]";
  }

  const Values& v_;
  const PrintOptions& print_;
  std::vector<int64_t> strides_;
  int64_t numel_ = 0;
  bool summarize_ = false;
  std::optional<Formatter> f1_, f2_;
};

// _add_suffixes
std::string AddSuffixes(const std::string& tensor_str,
                        const std::vector<std::string>& suffixes,
                        int64_t indent, int64_t linewidth) {
  std::string out = tensor_str;
  const size_t nl = tensor_str.rfind('\n');
  const int64_t nl_pos =
      nl == std::string::npos ? -1 : static_cast<int64_t>(nl);
  int64_t last_line_len = Len(tensor_str) - nl_pos + 1;
  for (const std::string& suffix : suffixes) {
    const int64_t suffix_len = Len(suffix);
    if (last_line_len + suffix_len + 2 > linewidth) {
      out += ",\n" + std::string(indent, ' ') + suffix;
      last_line_len = indent + suffix_len;
    } else {
      out += ", " + suffix;
      last_line_len += suffix_len + 2;
    }
  }
  return out + ")";
}

c10::ScalarType ComplexCounterpart(c10::ScalarType default_dtype) {
  return default_dtype == c10::ScalarType::Double
             ? c10::ScalarType::ComplexDouble
             : c10::ScalarType::ComplexFloat;
}

}  // namespace

void SetPrintOptions(const SetPrintOptionsArgs& args, PrintOptions* opts) {
  if (args.profile.has_value()) {
    const std::string& p = *args.profile;
    if (p == "default") {
      opts->precision = 4;
      opts->threshold = 1000;
      opts->edgeitems = 3;
      opts->linewidth = 80;
    } else if (p == "short") {
      opts->precision = 2;
      opts->threshold = 1000;
      opts->edgeitems = 2;
      opts->linewidth = 80;
    } else if (p == "full") {
      opts->precision = 4;
      opts->threshold = std::numeric_limits<double>::infinity();
      opts->edgeitems = 3;
      opts->linewidth = 80;
    }
  }
  if (args.precision) opts->precision = *args.precision;
  if (args.threshold) opts->threshold = *args.threshold;
  if (args.edgeitems) opts->edgeitems = *args.edgeitems;
  if (args.linewidth) opts->linewidth = *args.linewidth;
  opts->sci_mode = args.sci_mode;
}

std::string FormatTensorContents(const at::Tensor& t, int64_t indent,
                                 const PrintOptions& print) {
  Values v = Extract(t);
  return Printer(v, print).Contents(indent);
}

std::vector<std::string> TensorSuffixes(c10::ScalarType dtype,
                                        const c10::Device& device,
                                        c10::IntArrayRef sizes,
                                        const TensorFormatOptions& opts) {
  std::vector<std::string> suffixes;
  if (device.type() != opts.default_device_type ||
      (device.type() == c10::DeviceType::CUDA &&
       device.index() != opts.current_cuda_device) ||
      device.type() == c10::DeviceType::MPS) {
    suffixes.push_back("device='" + DeviceStr(device) + "'");
  }
  int64_t numel = 1;
  for (int64_t s : sizes) numel *= s;
  if (numel == 0) {
    // As NumPy: the shape unless it is (0,); the dtype unless the default
    // float one, since no element tells it.
    if (sizes.size() != 1) suffixes.push_back("size=" + FormatSizeTuple(sizes));
    if (dtype != opts.default_dtype) {
      suffixes.push_back("dtype=" + FormatDtype(dtype));
    }
  } else {
    const bool default_dtype =
        dtype == opts.default_dtype ||
        dtype == ComplexCounterpart(opts.default_dtype) ||
        dtype == c10::ScalarType::Long || dtype == c10::ScalarType::Bool;
    if (!default_dtype) suffixes.push_back("dtype=" + FormatDtype(dtype));
  }
  if (!opts.grad_fn.empty()) {
    suffixes.push_back("grad_fn=<" + opts.grad_fn + ">");
  } else if (opts.requires_grad) {
    suffixes.push_back("requires_grad=True");
  }
  return suffixes;
}

std::string FormatTensor(const at::Tensor& t, const TensorFormatOptions& opts) {
  const std::string prefix = "tensor(";
  const int64_t indent = Len(prefix);
  const std::vector<std::string> suffixes =
      TensorSuffixes(t.scalar_type(), t.device(), t.sizes(), opts);
  return AddSuffixes(prefix + FormatTensorContents(t, indent, opts.print),
                     suffixes, indent, opts.print.linewidth);
}

std::string GradFnName(const at::Tensor& t) {
  const auto& fn = t.grad_fn();
  if (!fn) return "";
  // Python names the class (AddBackward0); name() is the demangled C++ name
  // (torch::autograd::generated::AddBackward0), as for CppFunction.
  std::string name = fn->name();
  const size_t colons = name.rfind("::");
  if (colons != std::string::npos) name.erase(0, colons + 2);
  return name;
}

std::string FormatSizeTuple(c10::IntArrayRef sizes) {
  std::string out = "(";
  for (size_t i = 0; i < sizes.size(); ++i) {
    if (i > 0) out += ", ";
    out += std::to_string(sizes[i]);
  }
  if (sizes.size() == 1) out += ",";
  return out + ")";
}

std::string FormatSize(c10::IntArrayRef sizes) {
  std::string out = "torch.Size([";
  for (size_t i = 0; i < sizes.size(); ++i) {
    if (i > 0) out += ", ";
    out += std::to_string(sizes[i]);
  }
  return out + "])";
}

std::string FormatDtype(c10::ScalarType dtype) {
  const char* name = nullptr;
  switch (dtype) {
    case c10::ScalarType::Byte:
      name = "uint8";
      break;
    case c10::ScalarType::Char:
      name = "int8";
      break;
    case c10::ScalarType::Short:
      name = "int16";
      break;
    case c10::ScalarType::Int:
      name = "int32";
      break;
    case c10::ScalarType::Long:
      name = "int64";
      break;
    case c10::ScalarType::Half:
      name = "float16";
      break;
    case c10::ScalarType::Float:
      name = "float32";
      break;
    case c10::ScalarType::Double:
      name = "float64";
      break;
    case c10::ScalarType::ComplexHalf:
      name = "complex32";
      break;
    case c10::ScalarType::ComplexFloat:
      name = "complex64";
      break;
    case c10::ScalarType::ComplexDouble:
      name = "complex128";
      break;
    case c10::ScalarType::Bool:
      name = "bool";
      break;
    case c10::ScalarType::QInt8:
      name = "qint8";
      break;
    case c10::ScalarType::QUInt8:
      name = "quint8";
      break;
    case c10::ScalarType::QInt32:
      name = "qint32";
      break;
    case c10::ScalarType::BFloat16:
      name = "bfloat16";
      break;
    case c10::ScalarType::QUInt4x2:
      name = "quint4x2";
      break;
    case c10::ScalarType::QUInt2x4:
      name = "quint2x4";
      break;
    default:
      return std::string("torch.") + c10::toString(dtype);
  }
  return std::string("torch.") + name;
}

std::string DeviceStr(const c10::Device& device) {
  std::string out = c10::DeviceTypeName(device.type(), /*lower_case=*/true);
  if (device.has_index()) out += ":" + std::to_string(device.index());
  return out;
}

std::string FormatDevice(const c10::Device& device) {
  std::string out = "device(type='" +
                    c10::DeviceTypeName(device.type(), /*lower_case=*/true) +
                    "'";
  if (device.has_index()) out += ", index=" + std::to_string(device.index());
  return out + ")";
}

}  // namespace tensor_format
}  // namespace minidynamo
