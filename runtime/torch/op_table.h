#ifndef MINIDYNAMO_RUNTIME_TORCH_OP_TABLE_H_
#define MINIDYNAMO_RUNTIME_TORCH_OP_TABLE_H_

// Internal to runtime/torch: what the op table's parts share. Each op is a
// list of PyTorch-style signatures and one implementation that switches on
// the overload matched (see arg_parser.h); torch_functions.cc binds them.

#include <ATen/ATen.h>

#include <array>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "runtime/modules/module_util.h"
#include "runtime/torch/arg_parser.h"
#include "runtime/torch/tensor.h"
#include "runtime/torch/tensor_data.h"
#include "runtime/torch/tensor_repr.h"
#include "vm/core/builtin_types.h"
#include "vm/core/errors.h"
#include "vm/core/type.h"
#include "vm/interp/ops.h"
#include "vm/interp/support.h"
#include "vm/objects/dict.h"
#include "vm/objects/native.h"
#include "vm/objects/str.h"
#include "vm/objects/tuple.h"

namespace minidynamo {
namespace op_table {

using OpImpl = Value (*)(ParsedArgs& a);
enum : int { kFn = 1, kMethod = 2, kBoth = 3 };

struct OpDef {
  const char* name;
  int where;
  std::vector<const char*> sigs;
  OpImpl impl;
};

inline Value W(at::Tensor t) { return WrapTensor(std::move(t)); }

inline Value WrapList(const std::vector<at::Tensor>& ts) {
  Value out = TupleObject::New(ts.size());
  for (size_t i = 0; i < ts.size(); ++i) {
    As<TupleObject>(out)->set(i, WrapTensor(ts[i]));
  }
  return out;
}

// torch.return_types.*: (values, indices) pairs with PyTorch's repr.
extern TypeObject* g_return_types[8];
enum ReturnType {
  kMax,
  kMin,
  kSort,
  kTopk,
  kKthvalue,
  kMedian,
  kMode,
  kAminmax
};
inline const char* kReturnTypeNames[] = {
    "max", "min", "sort", "topk", "kthvalue", "median", "mode", "aminmax"};

inline Value Pair(ReturnType rt, const std::tuple<at::Tensor, at::Tensor>& p) {
  Value items = TupleObject::Of({W(std::get<0>(p)), W(std::get<1>(p))});
  return g_types.tuple->new_fn()(g_return_types[rt], &items, 1, nullptr);
}

inline Value ReturnTypeRepr(Value* args, size_t, TupleObject*) {
  auto* t = As<TupleObject>(args[0]);
  TypeObject* type = args[0].as_object()->type();
  bool minmax = type == g_return_types[kAminmax];
  std::string s = absl::StrCat("torch.return_types.", type->name(), "(\n");
  const char* names[2] = {minmax ? "min" : "values",
                          minmax ? "max" : "indices"};
  for (size_t i = 0; i < 2; ++i) {
    Value r = Repr(t->get(i));
    if (r.is_null()) return r;
    absl::StrAppend(&s, names[i], "=", As<StrObject>(r)->str(),
                    i == 0 ? ",\n" : ")");
  }
  return StrObject::New(s);
}

inline at::TensorOptions Options(ParsedArgs& a, int dtype_i, int device_i) {
  at::TensorOptions o;
  if (auto dt = a.dtype(dtype_i)) o = o.dtype(*dt);
  if (device_i >= 0) {
    if (auto dev = a.device(device_i)) o = o.device(*dev);
  }
  return o;
}

// Creation functions: the options end with `requires_grad`.
inline Value Created(at::Tensor t, ParsedArgs& a, int requires_grad_i) {
  if (a.tobool(requires_grad_i)) t.set_requires_grad(true);
  return W(std::move(t));
}

#define CREATION_KW                                                        \
  "*, ScalarType? dtype=None, PyObject layout=None, Device? device=None, " \
  "bool pin_memory=False, bool requires_grad=False"

#define UNARY(name)                                                      \
  {#name,                                                                \
   kBoth,                                                                \
   {#name "(Tensor input)"},                                             \
   [](ParsedArgs& a) { return W(at::name(a.tensor(0))); }},              \
  {                                                                      \
#name "_", kMethod, {#name "_(Tensor self)"}, [](ParsedArgs& a) {      \
      at::Tensor t = a.tensor(0);                                          \
      t.name##_();                                                         \
      return a.values[0];                                                  \
    } \
  }

#define UNARY_NO_INPLACE(name)                                   \
  {                                                              \
#name, kBoth,                                                \
        {#name "(Tensor input)" },                               \
         [](ParsedArgs & a) { return W(at::name(a.tensor(0))); } \
  }

// name(input, other) with a Tensor or Scalar other; in-place name_ too.
#define BINARY(name)                                                     \
  {#name,                                                                \
   kBoth,                                                                \
   {#name "(Tensor input, Tensor other)",                                \
    #name "(Tensor input, Scalar other) |hidden"},                       \
   [](ParsedArgs& a) {                                                   \
     return a.overload == 0 ? W(at::name(a.tensor(0), a.tensor(1)))      \
                            : W(at::name(a.tensor(0), a.scalar(1)));     \
   }},                                                                   \
  {                                                                      \
#name "_", kMethod,                                                    \
        {#name "_(Tensor self, Tensor other)",                             \
         #name "_(Tensor self, Scalar other) |hidden"},                    \
        [](ParsedArgs& a) {                                                \
          at::Tensor t = a.tensor(0);                                      \
          if (a.overload == 0) {                                           \
            t.name##_(a.tensor(1));                                        \
          } else {                                                         \
            t.name##_(a.scalar(1));                                        \
          }                                                                \
          return a.values[0];                                              \
        } \
  }

// name(input, other) for tensors only.
#define BINARY_NO_INPLACE(name)                                               \
  {                                                                           \
#name, kBoth,                                                             \
        {#name "(Tensor input, Tensor other)" },                              \
         [](ParsedArgs & a) { return W(at::name(a.tensor(0), a.tensor(1))); } \
  }

inline c10::optional<at::IntArrayRef> OptDims(const std::vector<int64_t>& v,
                                              bool present) {
  if (!present) return c10::nullopt;
  return at::IntArrayRef(v);
}

// The two halves of the table (torch_ops_basic.cc, torch_ops_more.cc).
std::vector<OpDef> CreationAndMathOps();
std::vector<OpDef> ReductionShapeAndNnOps();

}  // namespace op_table
}  // namespace minidynamo

#endif  // MINIDYNAMO_RUNTIME_TORCH_OP_TABLE_H_
