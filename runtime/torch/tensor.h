#ifndef MINIDYNAMO_RUNTIME_TORCH_TENSOR_H_
#define MINIDYNAMO_RUNTIME_TORCH_TENSOR_H_

// The Python-visible objects of torch._C that wrap LibTorch values: Tensor
// (and its subclasses, nn.Parameter among them), torch.dtype, torch.device,
// torch.Size, torch.Generator and autograd graph nodes (grad_fn).
//
// Everything here is compiled into libtorch_c.so, which the VM opens on
// `import torch`; the VM's own code never sees ATen.

#include <ATen/core/Tensor.h>
#include <c10/core/Device.h>
#include <c10/core/ScalarType.h>

#include <optional>
#include <string>

#include "vm/core/object.h"
#include "vm/core/value.h"

namespace minidynamo {

class TypeObject;
class DictObject;

class TensorObject : public Object {
 public:
  TensorObject(TypeObject* type, at::Tensor t)
      : Object(type), tensor(std::move(t)) {}
  at::Tensor tensor;
};

struct TorchTypes {
  TypeObject* tensor;  // torch.Tensor (torch._C.TensorBase's role too)
  TypeObject* dtype;
  TypeObject* device;
  TypeObject* size;  // torch.Size, a tuple subclass
  TypeObject* generator;
  TypeObject* node;  // grad_fn objects
  TypeObject* finfo;
  TypeObject* iinfo;
};
extern TorchTypes g_torch;

// A Tensor Value for `t` (a new torch.Tensor object; an undefined tensor is
// None).
Value WrapTensor(at::Tensor t);
// The same with a given (sub)type, for Tensor._make_subclass.
Value WrapTensorAs(TypeObject* type, at::Tensor t);
bool IsTensor(const Value& v);
inline const at::Tensor& TensorOf(const Value& v) {
  return As<TensorObject>(v)->tensor;
}

// dtype objects: one per scalar type, created at init.
Value DtypeValue(c10::ScalarType st);
bool IsDtype(const Value& v);
c10::ScalarType DtypeOf(const Value& v);
// "float32" for kFloat (the attribute name under torch).
const char* DtypeName(c10::ScalarType st);

Value DeviceValue(const c10::Device& d);
bool IsDevice(const Value& v);
c10::Device DeviceOf(const Value& v);
// A device from a torch.device, a string ("cpu", "cuda:1") or a CUDA index;
// false with an exception raised otherwise.
bool ParseDevice(const Value& v, c10::Device* out);

// torch.Size of `sizes`.
Value MakeSize(c10::IntArrayRef sizes);

// The default dtype for floating-point results (torch.set_default_dtype).
c10::ScalarType DefaultFloatDtype();
void SetDefaultFloatDtype(c10::ScalarType st);

// Runs `body`, turning a c10::Error (or std::exception) into the Python
// exception PyTorch raises for it; returns a null Value on error.
template <typename F>
Value Guarded(F&& body);
Value RaiseTorchError(const std::exception& e);

// Init functions of the pieces (called by MinidynamoInitTorchC in order).
bool InitTorchTypes(DictObject* module);      // dtype, device, Size, ...
bool InitTensorType(DictObject* module);      // Tensor and its methods
bool InitTorchFunctions(DictObject* module);  // torch.* functions
bool InitAutogradNodes(DictObject* module);
bool InitTensorAutograd();  // Tensor.grad_fn, backward, ... (autograd.cc)

template <typename F>
Value Guarded(F&& body) {
  try {
    return body();
  } catch (const std::exception& e) {
    return RaiseTorchError(e);
  }
}

}  // namespace minidynamo

#endif  // MINIDYNAMO_RUNTIME_TORCH_TENSOR_H_
