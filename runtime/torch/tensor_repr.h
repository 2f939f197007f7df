#ifndef MINIDYNAMO_RUNTIME_TORCH_TENSOR_REPR_H_
#define MINIDYNAMO_RUNTIME_TORCH_TENSOR_REPR_H_

// repr(tensor) as PyTorch prints it, with the global print options that
// torch.set_printoptions changes.

#include <ATen/core/Tensor.h>

#include <string>

#include "vm/core/value.h"

namespace minidynamo {

std::string ReprTensor(const at::Tensor& t);

class DictObject;
// torch._C._set_printoptions / _get_printoptions.
bool InitTensorRepr(DictObject* module);

}  // namespace minidynamo

#endif  // MINIDYNAMO_RUNTIME_TORCH_TENSOR_REPR_H_
