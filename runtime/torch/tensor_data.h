#ifndef MINIDYNAMO_RUNTIME_TORCH_TENSOR_DATA_H_
#define MINIDYNAMO_RUNTIME_TORCH_TENSOR_DATA_H_

// Python data <-> tensors: torch.tensor's construction from nested sequences
// and scalars (dtype inferred as PyTorch does), and Tensor.tolist.

#include <ATen/core/Tensor.h>
#include <c10/util/Optional.h>

#include "vm/core/value.h"

namespace minidynamo {

Value TensorFromData(const Value& data, c10::optional<c10::ScalarType> dtype,
                     c10::optional<c10::Device> device, bool requires_grad);
Value TensorToList(const at::Tensor& t);

}  // namespace minidynamo

#endif  // MINIDYNAMO_RUNTIME_TORCH_TENSOR_DATA_H_
