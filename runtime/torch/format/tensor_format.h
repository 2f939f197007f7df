// repr()/str() of tensors, character for character as PyTorch's
// torch/_tensor_str.py prints them (PyTorch 1.13), plus the reprs of
// torch.Size, torch.dtype and torch.device.
//
// The header stays light (c10 value types only; at::Tensor is forward
// declared) so that the Python layer can include it without ATen.
#ifndef MINIDYNAMO_RUNTIME_TORCH_FORMAT_TENSOR_FORMAT_H_
#define MINIDYNAMO_RUNTIME_TORCH_FORMAT_TENSOR_FORMAT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "c10/core/Device.h"
#include "c10/core/ScalarType.h"
#include "c10/util/ArrayRef.h"

namespace at {
class Tensor;
}  // namespace at

namespace minidynamo {
namespace tensor_format {

// torch._tensor_str.PRINT_OPTS: the global options torch.set_printoptions
// sets. `threshold` is a double because profile "full" makes it infinite.
// PyTorch accepts any value here; a negative precision then makes repr raise
// ValueError (a bad format spec) and a negative edgeitems prints nonsense.
// Callers that want that ValueError must check precision themselves: here a
// negative precision formats as 0, and negative edgeitems is unspecified.
struct PrintOptions {
  int64_t precision = 4;
  double threshold = 1000;
  int64_t edgeitems = 3;
  int64_t linewidth = 80;
  std::optional<bool> sci_mode;  // None: chosen per tensor
};

// The arguments of torch.set_printoptions; an empty optional is Python's None.
struct SetPrintOptionsArgs {
  std::optional<int64_t> precision;
  std::optional<double> threshold;
  std::optional<int64_t> edgeitems;
  std::optional<int64_t> linewidth;
  std::optional<std::string> profile;  // "default", "short" or "full"
  std::optional<bool> sci_mode;
};

// torch.set_printoptions: the profile (if any, and known) first, then each
// given option. As in PyTorch, sci_mode is always assigned, so a call without
// it resets it to None. An unknown profile name is ignored, as PyTorch does.
void SetPrintOptions(const SetPrintOptionsArgs& args, PrintOptions* opts);

// What the Python layer knows about a tensor and its session that ATen does
// not say on its own.
struct TensorFormatOptions {
  PrintOptions print;
  // The `name=value` suffixes FormatTensor puts after the contents of a dense
  // tensor with these properties, in PyTorch's order: device, size (empty
  // tensors not 1-D), dtype, then grad_fn or requires_grad.
  std::vector<std::string> TensorSuffixes(c10::ScalarType dtype,
                                          const c10::Device& device,
                                          c10::IntArrayRef sizes,
                                          const TensorFormatOptions& opts);

  // type(t.grad_fn).__name__, e.g. "AddBackward0"; empty when t.grad_fn is
  // None. When set it is shown instead of requires_grad.
  std::string grad_fn;
  // t.requires_grad: shows `requires_grad=True` (when there is no grad_fn).
  bool requires_grad = false;
  // torch.get_default_dtype() (float32 or float64): a tensor of this dtype,
  // its complex counterpart, int64 or bool prints without `dtype=`.
  c10::ScalarType default_dtype = c10::ScalarType::Float;
  // The default device type (torch._C._get_default_device()) and the current
  // CUDA device: tensors elsewhere print `device='cuda:1'`.
  c10::DeviceType default_device_type = c10::DeviceType::CPU;
  c10::DeviceIndex current_cuda_device = 0;
};

// repr(t) and str(t) (the same for tensors): `tensor([1.5000, 2.0000])`.
// Handles strided tensors of every dense dtype (bool, integers, float16,
// bfloat16, float32/64, complex32/64/128) on any device that can copy to the
// CPU, views and non-contiguous tensors included. Quantized, sparse, nested
// and meta tensors are out of scope.
std::string FormatTensor(const at::Tensor& t, const TensorFormatOptions& opts);

// Only the bracketed contents, as torch._tensor_str._tensor_str(t, indent)
// returns them: `[1, 2, 3]` (`[]` when empty). `indent` is the column where
// the opening bracket is (7 after "tensor(").
std::string FormatTensorContents(const at::Tensor& t, int64_t indent,
                                 const PrintOptions& print);

// The `name=value` suffixes FormatTensor puts after the contents of a dense
// tensor with these properties, in PyTorch's order: device, size (empty
// tensors not 1-D), dtype, then grad_fn or requires_grad.
std::vector<std::string> TensorSuffixes(c10::ScalarType dtype,
                                        const c10::Device& device,
                                        c10::IntArrayRef sizes,
                                        const TensorFormatOptions& opts);

// type(t.grad_fn).__name__ from ATen's autograd node ("AddBackward0"), or ""
// when the tensor has no grad_fn. A convenience for callers that do not track
// the name themselves.
std::string GradFnName(const at::Tensor& t);

// repr(torch.Size(sizes)): `torch.Size([2, 3])`, `torch.Size([])`.
std::string FormatSize(c10::IntArrayRef sizes);

// str(tuple(sizes)): `(2, 3)`, `(0,)`, `()`.
std::string FormatSizeTuple(c10::IntArrayRef sizes);

// repr(dtype) and str(dtype): `torch.float32`, `torch.int64`, `torch.bool`.
std::string FormatDtype(c10::ScalarType dtype);

// repr(device): `device(type='cpu')`, `device(type='cuda', index=0)`.
std::string FormatDevice(const c10::Device& device);

// str(device): `cpu`, `cuda:0`.
std::string DeviceStr(const c10::Device& device);

}  // namespace tensor_format
}  // namespace minidynamo

#endif  // MINIDYNAMO_RUNTIME_TORCH_FORMAT_TENSOR_FORMAT_H_
