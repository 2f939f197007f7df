// Tensors from Python data (torch.tensor, torch.Tensor(list), new_tensor) and
// back (tolist, item), with PyTorch's dtype inference: bools, ints, floats
// and complex numbers promote in that order; floats take the default dtype.

#include "runtime/torch/tensor_data.h"

#include <ATen/ATen.h>

#include <vector>

#include "runtime/torch/arg_parser.h"
#include "runtime/torch/tensor.h"
#include "vm/core/builtin_types.h"
#include "vm/core/errors.h"
#include "vm/interp/ops.h"
#include "vm/objects/complex.h"
#include "vm/objects/list.h"
#include "vm/objects/number.h"
#include "vm/objects/tuple.h"

namespace minidynamo {
namespace {

enum Kind { kBoolKind = 0, kIntKind = 1, kFloatKind = 2, kComplexKind = 3 };

bool IsSeq(const Value& v) {
  return IsInstance(v, g_types.list) || IsInstance(v, g_types.tuple);
}

std::vector<Value> SeqItems(const Value& v) {
  if (IsInstance(v, g_types.list)) return As<ListObject>(v)->items();
  auto* t = As<TupleObject>(v);
  return std::vector<Value>(t->data(), t->data() + t->size());
}

struct Flattener {
  std::vector<int64_t> sizes;
  std::vector<Value> leaves;
  int kind = kBoolKind;
  bool any_leaf = false;
  c10::ScalarType tensor_leaf_type = at::kBool;
  bool tensor_leaves = false;

  bool Walk(const Value& v, size_t dim) {
    if (IsSeq(v)) {
      std::vector<Value> items = SeqItems(v);
      if (dim == sizes.size()) {
        if (any_leaf) return Mismatch(dim, items.size());
        sizes.push_back(static_cast<int64_t>(items.size()));
      } else if (sizes[dim] != static_cast<int64_t>(items.size())) {
        return Mismatch(dim, items.size());
      }
      for (const Value& x : items) {
        if (!Walk(x, dim + 1)) return false;
      }
      return true;
    }
    if (dim != sizes.size()) {
      RaiseF(g_exc.ValueError,
             "expected sequence of length %d at dim %d (got %s)", sizes[dim],
             dim, "a scalar");
      return false;
    }
    any_leaf = true;
    if (IsTensor(v)) {
      const at::Tensor& t = TensorOf(v);
      if (t.numel() != 1) {
        Raise(g_exc.ValueError,
              "only one element tensors can be converted to Python scalars");
        return false;
      }
      c10::ScalarType st = t.scalar_type();
      int k = c10::isComplexType(st)    ? kComplexKind
              : c10::isFloatingType(st) ? kFloatKind
              : st == at::kBool         ? kBoolKind
                                        : kIntKind;
      kind = std::max(kind, k);
      tensor_leaf_type =
          tensor_leaves ? c10::promoteTypes(tensor_leaf_type, st) : st;
      tensor_leaves = true;
    } else if (v.is_bool()) {
    } else if (IsIntValue(v)) {
      kind = std::max<int>(kind, kIntKind);
    } else if (v.is_float() || IsInstance(v, g_types.float_)) {
      kind = std::max<int>(kind, kFloatKind);
    } else if (IsComplex(v)) {
      kind = kComplexKind;
    } else if (IsInstance(v, g_types.str)) {
      // PyTorch walks into the string as a sequence until it gives up.
      Raise(g_exc.ValueError, "too many dimensions 'str'");
      return false;
    } else {
      RaiseF(g_exc.RuntimeError, "Could not infer dtype of %s", TypeName(v));
      return false;
    }
    leaves.push_back(v);
    return true;
  }

  bool Mismatch(size_t dim, size_t got) {
    RaiseF(g_exc.ValueError,
           "expected sequence of length %d at dim %d (got %d)",
           sizes.size() > dim ? sizes[dim] : 0, dim, got);
    return false;
  }
};

double LeafDouble(const Value& v) {
  if (IsTensor(v)) return TensorOf(v).item().toDouble();
  return ToScalar(v).toDouble();
}

}  // namespace

Value TensorFromData(const Value& data, c10::optional<c10::ScalarType> dtype,
                     c10::optional<c10::Device> device, bool requires_grad) {
  return Guarded([&]() -> Value {
    at::Tensor out;
    if (IsTensor(data)) {
      out = TensorOf(data).detach().clone();
      if (dtype) out = out.to(*dtype);
    } else {
      Flattener f;
      if (!f.Walk(data, 0)) return Value();
      size_t n = f.leaves.size();
      c10::ScalarType inferred;
      at::Tensor flat;
      switch (f.kind) {
        case kBoolKind: {
          flat = at::empty({static_cast<int64_t>(n)}, at::kBool);
          bool* p = flat.data_ptr<bool>();
          for (size_t i = 0; i < n; ++i) {
            const Value& v = f.leaves[i];
            p[i] = IsTensor(v) ? TensorOf(v).item().toBool() : v.as_bool();
          }
          inferred = at::kBool;
          break;
        }
        case kIntKind: {
          flat = at::empty({static_cast<int64_t>(n)}, at::kLong);
          int64_t* p = flat.data_ptr<int64_t>();
          for (size_t i = 0; i < n; ++i) {
            const Value& v = f.leaves[i];
            if (IsTensor(v)) {
              p[i] = TensorOf(v).item().toLong();
            } else if (v.is_bool() || v.is_int()) {
              p[i] = v.as_int();
            } else {
              BigInt b = ToBigInt(v);
              if (!b.FitsInt64()) {
                Raise(g_exc.RuntimeError, "Overflow when unpacking long");
                return Value();
              }
              p[i] = b.ToInt64();
            }
          }
          inferred = at::kLong;
          break;
        }
        case kFloatKind: {
          flat = at::empty({static_cast<int64_t>(n)}, at::kDouble);
          double* p = flat.data_ptr<double>();
          for (size_t i = 0; i < n; ++i) p[i] = LeafDouble(f.leaves[i]);
          inferred = DefaultFloatDtype();
          break;
        }
        default: {
          flat = at::empty({static_cast<int64_t>(n)}, at::kComplexDouble);
          auto* p = flat.data_ptr<c10::complex<double>>();
          for (size_t i = 0; i < n; ++i) {
            const Value& v = f.leaves[i];
            p[i] = IsTensor(v) ? TensorOf(v).item().toComplexDouble()
                               : ToScalar(v).toComplexDouble();
          }
          inferred = DefaultFloatDtype() == at::kDouble ? at::kComplexDouble
                                                        : at::kComplexFloat;
          break;
        }
      }
      // All-tensor leaves keep their own (promoted) dtype, as PyTorch.
      if (f.tensor_leaves && f.leaves.size() > 0) {
        bool all_tensors = true;
        for (const Value& v : f.leaves) all_tensors &= IsTensor(v);
        if (all_tensors) inferred = f.tensor_leaf_type;
      }
      out = flat.to(dtype ? *dtype : inferred).reshape(f.sizes);
    }
    if (device && device->type() != c10::kCPU) out = out.to(*device);
    // reshape() above may return a view of the flat buffer; PyTorch's result
    // is a tensor of its own (no _base), which autograd tells apart (a view
    // of it taken under no_grad does not require grad through a base).
    if (out.is_view()) out = out.clone();
    if (requires_grad) out.set_requires_grad(true);
    return WrapTensor(out);
  });
}

namespace {

Value ElementValue(const at::Tensor& flat, int64_t i) {
  switch (flat.scalar_type()) {
    case at::kBool:
      return Value::Bool(flat.data_ptr<bool>()[i]);
    case at::kLong:
      return Value::Int(flat.data_ptr<int64_t>()[i]);
    case at::kComplexDouble: {
      c10::complex<double> c = flat.data_ptr<c10::complex<double>>()[i];
      return NewComplex(c.real(), c.imag());
    }
    default:
      return Value::Float(flat.data_ptr<double>()[i]);
  }
}

Value Nest(const at::Tensor& flat, c10::IntArrayRef sizes, size_t dim,
           int64_t* pos) {
  if (dim == sizes.size()) return ElementValue(flat, (*pos)++);
  Value list = ListObject::New();
  auto& items = As<ListObject>(list)->items();
  items.reserve(sizes[dim]);
  for (int64_t i = 0; i < sizes[dim]; ++i) {
    items.push_back(Nest(flat, sizes, dim + 1, pos));
  }
  return list;
}

}  // namespace

Value TensorToList(const at::Tensor& t) {
  return Guarded([&]() -> Value {
    c10::ScalarType st = t.scalar_type();
    c10::ScalarType wide = st == at::kBool           ? at::kBool
                           : c10::isComplexType(st)  ? at::kComplexDouble
                           : c10::isFloatingType(st) ? at::kDouble
                                                     : at::kLong;
    at::Tensor flat = t.detach().to(at::kCPU).to(wide).contiguous().reshape(-1);
    int64_t pos = 0;
    return Nest(flat, t.sizes(), 0, &pos);
  });
}

}  // namespace minidynamo
