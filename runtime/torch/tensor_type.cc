// torch.Tensor: the type, its properties, the Python operators and indexing.
// The named methods shared with torch.* functions (add, sum, view, ...) are
// bound from the op table in torch_functions.cc.

#include <ATen/ATen.h>
#include <ATen/TensorIndexing.h>

#include "absl/container/flat_hash_map.h"
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
#include "vm/objects/descriptor.h"
#include "vm/objects/dict.h"
#include "vm/objects/list.h"
#include "vm/objects/native.h"
#include "vm/objects/number.h"
#include "vm/objects/str.h"
#include "vm/objects/tuple.h"

namespace minidynamo {
namespace {

size_t NumKw(TupleObject* kw) { return kw ? kw->size() : 0; }

// One Python object per live TensorImpl, so that `t.grad is t.grad` and
// in-place methods return `self`, as in PyTorch. Entries are weak: a
// TensorObject removes itself when freed.
absl::flat_hash_map<const c10::TensorImpl*, Object*>& LiveTensors() {
  static auto* m = new absl::flat_hash_map<const c10::TensorImpl*, Object*>();
  return *m;
}

class TrackedTensor : public TensorObject {
 public:
  TrackedTensor(TypeObject* type, at::Tensor t)
      : TensorObject(type, std::move(t)) {
    LiveTensors()[tensor.unsafeGetTensorImpl()] = this;
  }
  ~TrackedTensor() override {
    auto it = LiveTensors().find(tensor.unsafeGetTensorImpl());
    if (it != LiveTensors().end() && it->second == this) {
      LiveTensors().erase(it);
    }
  }
};

const at::Tensor& Self(Value* args) { return TensorOf(args[0]); }

// ---- scalar conversions of one-element tensors

Value TensorBool(Value* args, size_t, TupleObject*) {
  return Guarded([&] { return Value::Bool(Self(args).is_nonzero()); });
}

Value OneElement(const at::Tensor& t, const char* what) {
  if (t.numel() != 1) {
    return Raise(g_exc.ValueError,
                 "only one element tensors can be converted to Python scalars");
  }
  return Value::None();
}

Value TensorFloat(Value* args, size_t, TupleObject*) {
  if (OneElement(Self(args), "float").is_null()) return Value();
  return Guarded([&] { return Value::Float(Self(args).item().toDouble()); });
}

Value TensorInt(Value* args, size_t, TupleObject*) {
  if (OneElement(Self(args), "int").is_null()) return Value();
  return Guarded([&]() -> Value {
    const at::Tensor& t = Self(args);
    if (c10::isFloatingType(t.scalar_type())) {
      double d = t.item().toDouble();
      return Call(Value::FromObject(g_types.int_),
                  std::vector<Value>{Value::Float(d)}.data(), 1);
    }
    return Value::Int(t.item().toLong());
  });
}

Value TensorIndex(Value* args, size_t, TupleObject*) {
  const at::Tensor& t = Self(args);
  if (t.numel() != 1 || c10::isFloatingType(t.scalar_type()) ||
      c10::isComplexType(t.scalar_type())) {
    return Raise(g_exc.TypeError,
                 "only integer tensors of a single element can be converted "
                 "to an index");
  }
  return Guarded([&] { return Value::Int(t.item().toLong()); });
}

Value TensorItem(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("item", nargs - 1, kw, 0, 0)) return Value();
  if (OneElement(Self(args), "item").is_null()) return Value();
  return Guarded([&] { return ScalarToValue(Self(args).item()); });
}

Value TensorToListMethod(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("tolist", nargs - 1, kw, 0, 0)) return Value();
  const at::Tensor& t = Self(args);
  if (t.dim() == 0) return Guarded([&] { return ScalarToValue(t.item()); });
  return TensorToList(t);
}

Value TensorLen(Value* args, size_t, TupleObject*) {
  const at::Tensor& t = Self(args);
  if (t.dim() == 0) return Raise(g_exc.TypeError, "len() of a 0-d tensor");
  return Value::Int(t.size(0));
}

Value TensorIter(Value* args, size_t, TupleObject*) {
  const at::Tensor& t = Self(args);
  if (t.dim() == 0) {
    return Raise(g_exc.TypeError, "iteration over a 0-d tensor");
  }
  return Guarded([&]() -> Value {
    std::vector<at::Tensor> parts = t.unbind(0);
    Value tuple = TupleObject::New(parts.size());
    for (size_t i = 0; i < parts.size(); ++i) {
      As<TupleObject>(tuple)->set(i, WrapTensor(parts[i]));
    }
    return GetIter(tuple);
  });
}

Value TensorHash(Value* args, size_t, TupleObject*) {
  return Value::Int(static_cast<int64_t>(
      reinterpret_cast<intptr_t>(args[0].as_object()) >> 4));
}

Value TensorRepr(Value* args, size_t, TupleObject*) {
  return Guarded([&]() -> Value {
    std::string s = ReprTensor(Self(args));
    if (ErrorOccurred()) return Value();
    return StrObject::New(s);
  });
}

// ---- indexing

bool ToTensorIndex(const Value& v,
                   std::vector<at::indexing::TensorIndex>* out) {
  using at::indexing::Slice;
  using at::indexing::TensorIndex;
  if (v.is_none()) {
    out->emplace_back(at::indexing::None);
  } else if (v.Is(Ellipsis())) {
    out->emplace_back(at::indexing::Ellipsis);
  } else if (v.is_bool()) {
    out->emplace_back(v.as_bool());
  } else if (v.is_int()) {
    out->emplace_back(v.as_int());
  } else if (IsTensor(v)) {
    out->emplace_back(TensorOf(v));
  } else if (IsInstance(v, g_types.slice)) {
    auto* s = As<SliceObject>(v);
    c10::optional<int64_t> bounds[3];
    const Value* parts[3] = {&s->start, &s->stop, &s->step};
    for (int i = 0; i < 3; ++i) {
      if (parts[i]->is_none()) continue;
      int64_t x;
      if (IsTensor(*parts[i])) {
        x = TensorOf(*parts[i]).item().toLong();
      } else if (!AsIndex(*parts[i], &x)) {
        ClearError();
        Raise(g_exc.TypeError,
              "slice indices must be integers or None or have an __index__ "
              "method");
        return false;
      }
      bounds[i] = x;
    }
    out->emplace_back(Slice(bounds[0], bounds[1], bounds[2]));
  } else if (IsInstance(v, g_types.list)) {
    Value t = TensorFromData(v, c10::nullopt, c10::nullopt, false);
    if (t.is_null()) return false;
    out->emplace_back(TensorOf(t));
  } else {
    int64_t x;
    if (IsIntValue(v) && AsIndex(v, &x)) {
      out->emplace_back(x);
      return true;
    }
    ClearError();
    Raise(g_exc.IndexError,
          "only integers, slices (`:`), ellipsis (`...`), None and long or "
          "byte Variables are valid indices (got " +
              std::string(TypeName(v)) + ")");
    return false;
  }
  return true;
}

bool ToIndices(const Value& key, std::vector<at::indexing::TensorIndex>* out) {
  if (IsInstance(key, g_types.tuple)) {
    auto* t = As<TupleObject>(key);
    for (size_t i = 0; i < t->size(); ++i) {
      if (!ToTensorIndex(t->get(i), out)) return false;
    }
    return true;
  }
  return ToTensorIndex(key, out);
}

Value TensorGetItem(Value* args, size_t nargs, TupleObject* kw) {
  std::vector<at::indexing::TensorIndex> idx;
  if (!ToIndices(args[1], &idx)) return Value();
  return Guarded([&] { return WrapTensor(Self(args).index(idx)); });
}

Value TensorSetItem(Value* args, size_t nargs, TupleObject* kw) {
  std::vector<at::indexing::TensorIndex> idx;
  if (!ToIndices(args[1], &idx)) return Value();
  return Guarded([&]() -> Value {
    at::Tensor self = Self(args);
    if (IsTensor(args[2])) {
      self.index_put_(idx, TensorOf(args[2]));
    } else if (IsScalarValue(args[2])) {
      self.index_put_(idx, ToScalar(args[2]));
    } else {
      Value t =
          TensorFromData(args[2], self.scalar_type(), c10::nullopt, false);
      if (t.is_null()) return t;
      self.index_put_(idx, TensorOf(t));
    }
    return Value::None();
  });
}

// ---- operators

// The other operand as a tensor or scalar; false for NotImplemented.
enum class Operand { kTensor, kScalar, kOther };
Operand Classify(const Value& v) {
  if (IsTensor(v)) return Operand::kTensor;
  if (IsScalarValue(v)) return Operand::kScalar;
  return Operand::kOther;
}

at::Tensor ScalarOperand(const Value& v, const at::Tensor& like) {
  return at::scalar_to_tensor(ToScalar(v), like.device());
}

template <at::Tensor (*TT)(const at::Tensor&, const at::Tensor&)>
Value Binary(Value* args, size_t, TupleObject*) {
  Operand k = Classify(args[1]);
  if (k == Operand::kOther) return NotImplemented();
  return Guarded([&] {
    const at::Tensor& a = Self(args);
    if (k == Operand::kTensor) return WrapTensor(TT(a, TensorOf(args[1])));
    at::Tensor b = ScalarOperand(args[1], a);
    b.unsafeGetTensorImpl()->set_wrapped_number(true);
    return WrapTensor(TT(a, b));
  });
}

// other OP self (reflected): the scalar becomes a wrapped-number tensor.
template <at::Tensor (*TT)(const at::Tensor&, const at::Tensor&)>
Value Reflected(Value* args, size_t, TupleObject*) {
  Operand k = Classify(args[1]);
  if (k == Operand::kOther) return NotImplemented();
  return Guarded([&] {
    const at::Tensor& a = Self(args);
    if (k == Operand::kTensor) return WrapTensor(TT(TensorOf(args[1]), a));
    at::Tensor b = ScalarOperand(args[1], a);
    b.unsafeGetTensorImpl()->set_wrapped_number(true);
    return WrapTensor(TT(b, a));
  });
}

template <at::Tensor& (*TT)(at::Tensor&, const at::Tensor&)>
Value InPlace(Value* args, size_t, TupleObject*) {
  Operand k = Classify(args[1]);
  if (k == Operand::kOther) return NotImplemented();
  return Guarded([&] {
    at::Tensor a = Self(args);
    if (k == Operand::kTensor) {
      TT(a, TensorOf(args[1]));
    } else {
      at::Tensor b = ScalarOperand(args[1], a);
      b.unsafeGetTensorImpl()->set_wrapped_number(true);
      TT(a, b);
    }
    return args[0];
  });
}

at::Tensor Add(const at::Tensor& a, const at::Tensor& b) {
  return at::add(a, b);
}
at::Tensor Sub(const at::Tensor& a, const at::Tensor& b) {
  return at::sub(a, b);
}
at::Tensor Mul(const at::Tensor& a, const at::Tensor& b) {
  return at::mul(a, b);
}
at::Tensor Div(const at::Tensor& a, const at::Tensor& b) {
  return at::div(a, b);
}
at::Tensor FloorDiv(const at::Tensor& a, const at::Tensor& b) {
  return at::floor_divide(a, b);
}
at::Tensor Mod(const at::Tensor& a, const at::Tensor& b) {
  return at::remainder(a, b);
}
at::Tensor Pow(const at::Tensor& a, const at::Tensor& b) {
  if (b.unsafeGetTensorImpl()->is_wrapped_number()) return at::pow(a, b.item());
  if (a.unsafeGetTensorImpl()->is_wrapped_number()) return at::pow(a.item(), b);
  return at::pow(a, b);
}
at::Tensor MatMul(const at::Tensor& a, const at::Tensor& b) {
  return at::matmul(a, b);
}
at::Tensor And(const at::Tensor& a, const at::Tensor& b) {
  return at::bitwise_and(a, b);
}
at::Tensor Or(const at::Tensor& a, const at::Tensor& b) {
  return at::bitwise_or(a, b);
}
at::Tensor Xor(const at::Tensor& a, const at::Tensor& b) {
  return at::bitwise_xor(a, b);
}
at::Tensor LShift(const at::Tensor& a, const at::Tensor& b) {
  return at::bitwise_left_shift(a, b);
}
at::Tensor RShift(const at::Tensor& a, const at::Tensor& b) {
  return at::bitwise_right_shift(a, b);
}
at::Tensor Eq(const at::Tensor& a, const at::Tensor& b) { return at::eq(a, b); }
at::Tensor Ne(const at::Tensor& a, const at::Tensor& b) { return at::ne(a, b); }
at::Tensor Lt(const at::Tensor& a, const at::Tensor& b) { return at::lt(a, b); }
at::Tensor Le(const at::Tensor& a, const at::Tensor& b) { return at::le(a, b); }
at::Tensor Gt(const at::Tensor& a, const at::Tensor& b) { return at::gt(a, b); }
at::Tensor Ge(const at::Tensor& a, const at::Tensor& b) { return at::ge(a, b); }

at::Tensor& IAdd(at::Tensor& a, const at::Tensor& b) { return a.add_(b); }
at::Tensor& ISub(at::Tensor& a, const at::Tensor& b) { return a.sub_(b); }
at::Tensor& IMul(at::Tensor& a, const at::Tensor& b) { return a.mul_(b); }
at::Tensor& IDiv(at::Tensor& a, const at::Tensor& b) { return a.div_(b); }
at::Tensor& IFloorDiv(at::Tensor& a, const at::Tensor& b) {
  return a.floor_divide_(b);
}
at::Tensor& IMod(at::Tensor& a, const at::Tensor& b) { return a.remainder_(b); }
at::Tensor& IPow(at::Tensor& a, const at::Tensor& b) { return a.pow_(b); }
at::Tensor& IAnd(at::Tensor& a, const at::Tensor& b) {
  return a.bitwise_and_(b);
}
at::Tensor& IOr(at::Tensor& a, const at::Tensor& b) { return a.bitwise_or_(b); }
at::Tensor& IXor(at::Tensor& a, const at::Tensor& b) {
  return a.bitwise_xor_(b);
}

// 2 / t is t.reciprocal() * 2 in PyTorch.
Value RTrueDiv(Value* args, size_t, TupleObject*) {
  Operand k = Classify(args[1]);
  if (k == Operand::kOther) return NotImplemented();
  return Guarded([&] {
    const at::Tensor& a = Self(args);
    if (k == Operand::kTensor) return WrapTensor(at::div(TensorOf(args[1]), a));
    return WrapTensor(at::mul(a.reciprocal(), ToScalar(args[1])));
  });
}

Value RSub(Value* args, size_t, TupleObject*) {
  Operand k = Classify(args[1]);
  if (k == Operand::kOther) return NotImplemented();
  return Guarded([&] {
    const at::Tensor& a = Self(args);
    if (k == Operand::kTensor) return WrapTensor(at::sub(TensorOf(args[1]), a));
    return WrapTensor(at::rsub(a, ToScalar(args[1])));
  });
}

Value Neg(Value* args, size_t, TupleObject*) {
  return Guarded([&] { return WrapTensor(at::neg(Self(args))); });
}
Value Pos(Value* args, size_t, TupleObject*) {
  return Guarded([&] { return WrapTensor(at::positive(Self(args))); });
}
Value Abs(Value* args, size_t, TupleObject*) {
  return Guarded([&] { return WrapTensor(at::abs(Self(args))); });
}
Value Invert(Value* args, size_t, TupleObject*) {
  return Guarded([&] { return WrapTensor(at::bitwise_not(Self(args))); });
}

template <at::Tensor (*TT)(const at::Tensor&, const at::Tensor&)>
Value Compare(Value* args, size_t nargs, TupleObject* kw) {
  // t == None and friends fall back to Python's default (identity).
  return Binary<TT>(args, nargs, kw);
}

// ---- properties

Value GetShape(Value* args, size_t, TupleObject*) {
  return MakeSize(Self(args).sizes());
}
Value GetDtype(Value* args, size_t, TupleObject*) {
  return DtypeValue(Self(args).scalar_type());
}
Value GetDevice(Value* args, size_t, TupleObject*) {
  return DeviceValue(Self(args).device());
}
Value GetNdim(Value* args, size_t, TupleObject*) {
  return Value::Int(Self(args).dim());
}
Value GetRequiresGrad(Value* args, size_t, TupleObject*) {
  return Value::Bool(Self(args).requires_grad());
}
Value SetRequiresGrad(Value* args, size_t, TupleObject*) {
  if (!args[1].is_bool()) {
    return Raise(g_exc.TypeError, "requires_grad must be a bool");
  }
  return Guarded([&] {
    at::Tensor t = Self(args);
    if (!t.is_leaf()) {
      // PyTorch's Python-level message (the C++ check words it otherwise).
      std::string hint =
          args[1].as_bool()
              ? ""
              : " If you want to use a computed variable in a subgraph that "
                "doesn't require differentiation use var_no_grad = "
                "var.detach().";
      Raise(
          g_exc.RuntimeError,
          "you can only change requires_grad flags of leaf variables." + hint);
      return Value();
    }
    t.set_requires_grad(args[1].as_bool());
    return Value::None();
  });
}
Value GetGrad(Value* args, size_t, TupleObject*) {
  return WrapTensor(Self(args).grad());
}
Value SetGrad(Value* args, size_t, TupleObject*) {
  return Guarded([&] {
    at::Tensor t = Self(args);
    if (args[1].is_none()) {
      t.mutable_grad() = at::Tensor();
    } else if (IsTensor(args[1])) {
      t.mutable_grad() = TensorOf(args[1]);
    } else {
      Raise(g_exc.TypeError,
            "assigned grad expected to be a Tensor or None "
            "but got grad of type " +
                std::string(TypeName(args[1])));
      return Value();
    }
    return Value::None();
  });
}
Value GetIsLeaf(Value* args, size_t, TupleObject*) {
  return Value::Bool(Self(args).is_leaf());
}
Value GetData(Value* args, size_t, TupleObject*) {
  return Guarded([&] { return WrapTensor(Self(args).variable_data()); });
}
Value SetData(Value* args, size_t, TupleObject*) {
  if (!IsTensor(args[1])) {
    return RaiseF(g_exc.TypeError,
                  "Variable data has to be a tensor, but got %s",
                  TypeName(args[1]));
  }
  return Guarded([&] {
    at::Tensor t = Self(args);
    t.set_data(TensorOf(args[1]));
    return Value::None();
  });
}
Value GetT(Value* args, size_t, TupleObject*) {
  return Guarded([&] {
    const at::Tensor& t = Self(args);
    std::vector<int64_t> dims;
    for (int64_t i = t.dim() - 1; i >= 0; --i) dims.push_back(i);
    return WrapTensor(t.permute(dims));
  });
}
Value GetMT(Value* args, size_t, TupleObject*) {
  return Guarded([&] { return WrapTensor(Self(args).transpose(-2, -1)); });
}
Value GetIsCuda(Value* args, size_t, TupleObject*) {
  return Value::Bool(Self(args).is_cuda());
}
Value GetIsSparse(Value* args, size_t, TupleObject*) {
  return Value::Bool(Self(args).is_sparse());
}
Value GetIsMeta(Value* args, size_t, TupleObject*) {
  return Value::Bool(Self(args).is_meta());
}
Value GetIsQuantized(Value* args, size_t, TupleObject*) {
  return Value::Bool(Self(args).is_quantized());
}
Value GetVersion(Value* args, size_t, TupleObject*) {
  return Value::Int(static_cast<int64_t>(Self(args)._version()));
}
Value GetBase(Value* args, size_t, TupleObject*) {
  const at::Tensor& t = Self(args);
  if (!t.is_view()) return Value::None();
  return WrapTensor(at::Tensor(t._base()));
}
Value GetOutputNr(Value* args, size_t, TupleObject*) {
  return Value::Int(Self(args).output_nr());
}
Value GetItemsize(Value* args, size_t, TupleObject*) {
  return Value::Int(static_cast<int64_t>(Self(args).element_size()));
}
Value GetReal(Value* args, size_t, TupleObject*) {
  return Guarded([&] { return WrapTensor(at::real(Self(args))); });
}
Value GetImag(Value* args, size_t, TupleObject*) {
  return Guarded([&] { return WrapTensor(at::imag(Self(args))); });
}
Value GetLayout(Value* args, size_t, TupleObject*) {
  return StrObject::New("torch.strided");
}

// ---- construction

// torch.Tensor(...): the legacy constructor (default float dtype).
Value TensorNew(TypeObject* type, Value* args, size_t nargs, TupleObject* kw) {
  if (NumKw(kw) != 0) {
    return Raise(g_exc.TypeError,
                 "new(): keyword arguments are not supported here");
  }
  return Guarded([&]() -> Value {
    at::Tensor t;
    if (nargs == 0) {
      t = at::empty({0}, DefaultFloatDtype());
    } else if (nargs == 1 && !args[0].is_int() && !IsTensor(args[0])) {
      Value v =
          TensorFromData(args[0], DefaultFloatDtype(), c10::nullopt, false);
      if (v.is_null()) return v;
      t = TensorOf(v);
    } else if (nargs == 1 && IsTensor(args[0])) {
      t = TensorOf(args[0]).alias();
    } else {
      std::vector<int64_t> sizes;
      for (size_t i = 0; i < nargs; ++i) {
        int64_t x;
        if (!AsIndex(args[i], &x)) return Value();
        sizes.push_back(x);
      }
      t = at::empty(sizes, DefaultFloatDtype());
    }
    return WrapTensorAs(type, t);
  });
}

// Tensor._make_subclass(cls, data, require_grad=False): nn.Parameter's
// constructor; the new object shares data's storage.
Value MakeSubclass(Value* args, size_t nargs, TupleObject* kw) {
  static const ArgParser parser(
      {"_make_subclass(PyObject cls, Tensor data, bool require_grad=False, "
       "*, PyObject dispatch_strides=None, PyObject dispatch_device=None, "
       "PyObject dispatch_layout=None, PyObject dispatch_sizes_strides_policy="
       "None)"});
  ParsedArgs a;
  if (!parser.Parse(nullptr, args, nargs, kw, &a)) return Value();
  if (!IsInstance(a.values[0], g_types.type) ||
      !As<TypeObject>(a.values[0])->IsSubtypeOf(g_torch.tensor)) {
    return Raise(g_exc.TypeError, "cls must be a type (got " +
                                      std::string(TypeName(a.values[0])) + ")");
  }
  return Guarded([&] {
    at::Tensor data = a.tensor(1).detach();
    data.unsafeGetTensorImpl()->set_allow_tensor_metadata_change(true);
    data.set_requires_grad(a.tobool(2));
    return WrapTensorAs(As<TypeObject>(a.values[0]), data);
  });
}

Value TensorFormat(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("__format__", nargs - 1, kw, 1, 1)) return Value();
  const at::Tensor& t = Self(args);
  if (t.dim() == 0 && args[0].as_object()->type() == g_torch.tensor) {
    Value item = Guarded([&] { return ScalarToValue(t.item()); });
    if (item.is_null()) return item;
    return Format(item, args[1]);
  }
  Value s = Str(args[0]);
  if (s.is_null()) return s;
  return Format(s, args[1]);
}

Value TensorContains(Value* args, size_t, TupleObject*) {
  Operand k = Classify(args[1]);
  if (k == Operand::kOther) {
    return RaiseF(g_exc.RuntimeError,
                  "Tensor.__contains__ only supports Tensor or scalar, but "
                  "you passed in a %s.",
                  TypeName(args[1]));
  }
  return Guarded([&] {
    const at::Tensor& a = Self(args);
    at::Tensor eq = k == Operand::kTensor ? at::eq(a, TensorOf(args[1]))
                                          : at::eq(a, ToScalar(args[1]));
    return Value::Bool(eq.any().item().toBool());
  });
}

}  // namespace

Value WrapTensor(at::Tensor t) {
  if (!t.defined()) return Value::None();
  auto& live = LiveTensors();
  auto it = live.find(t.unsafeGetTensorImpl());
  if (it != live.end()) return Value::FromObject(it->second);
  return Value::Steal(new TrackedTensor(g_torch.tensor, std::move(t)));
}

Value WrapTensorAs(TypeObject* type, at::Tensor t) {
  if (!t.defined()) return Value::None();
  return Value::Steal(new TrackedTensor(type, std::move(t)));
}

bool IsTensor(const Value& v) {
  if (!v.is_object()) return false;
  TypeObject* t = v.as_object()->type();
  return t == g_torch.tensor || t->IsSubtypeOf(g_torch.tensor);
}

bool InitTensorType(DictObject* d) {
  auto* t = new TypeObject(g_types.type, "Tensor", Layout::kOther);
  g_torch.tensor = t;
  t->SetBases({g_types.object});
  t->set_module_name("torch");
  t->set_heap_type(true);  // Tensors take attributes, as in PyTorch.
  t->set_new_fn(TensorNew);
  AddStaticMethod(t, "_make_subclass", MakeSubclass);
  AddMethod(t, "__repr__", TensorRepr);
  AddMethod(t, "__format__", TensorFormat);
  AddMethod(t, "__bool__", TensorBool);
  AddMethod(t, "__float__", TensorFloat);
  AddMethod(t, "__int__", TensorInt);
  AddMethod(t, "__index__", TensorIndex);
  AddMethod(t, "__len__", TensorLen);
  AddMethod(t, "__iter__", TensorIter);
  AddMethod(t, "__hash__", TensorHash);
  AddMethod(t, "__contains__", TensorContains);
  AddMethod(t, "__getitem__", TensorGetItem);
  AddMethod(t, "__setitem__", TensorSetItem);
  AddMethod(t, "item", TensorItem);
  AddMethod(t, "tolist", TensorToListMethod);

  AddMethod(t, "__add__", Binary<Add>);
  AddMethod(t, "__radd__", Reflected<Add>);
  AddMethod(t, "__iadd__", InPlace<IAdd>);
  AddMethod(t, "__sub__", Binary<Sub>);
  AddMethod(t, "__rsub__", RSub);
  AddMethod(t, "__isub__", InPlace<ISub>);
  AddMethod(t, "__mul__", Binary<Mul>);
  AddMethod(t, "__rmul__", Reflected<Mul>);
  AddMethod(t, "__imul__", InPlace<IMul>);
  AddMethod(t, "__truediv__", Binary<Div>);
  AddMethod(t, "__rtruediv__", RTrueDiv);
  AddMethod(t, "__itruediv__", InPlace<IDiv>);
  AddMethod(t, "__floordiv__", Binary<FloorDiv>);
  AddMethod(t, "__rfloordiv__", Reflected<FloorDiv>);
  AddMethod(t, "__ifloordiv__", InPlace<IFloorDiv>);
  AddMethod(t, "__mod__", Binary<Mod>);
  AddMethod(t, "__rmod__", Reflected<Mod>);
  AddMethod(t, "__imod__", InPlace<IMod>);
  AddMethod(t, "__pow__", Binary<Pow>);
  AddMethod(t, "__rpow__", Reflected<Pow>);
  AddMethod(t, "__ipow__", InPlace<IPow>);
  AddMethod(t, "__matmul__", Binary<MatMul>);
  AddMethod(t, "__rmatmul__", Reflected<MatMul>);
  AddMethod(t, "__and__", Binary<And>);
  AddMethod(t, "__rand__", Reflected<And>);
  AddMethod(t, "__iand__", InPlace<IAnd>);
  AddMethod(t, "__or__", Binary<Or>);
  AddMethod(t, "__ror__", Reflected<Or>);
  AddMethod(t, "__ior__", InPlace<IOr>);
  AddMethod(t, "__xor__", Binary<Xor>);
  AddMethod(t, "__rxor__", Reflected<Xor>);
  AddMethod(t, "__ixor__", InPlace<IXor>);
  AddMethod(t, "__lshift__", Binary<LShift>);
  AddMethod(t, "__rshift__", Binary<RShift>);
  AddMethod(t, "__neg__", Neg);
  AddMethod(t, "__pos__", Pos);
  AddMethod(t, "__abs__", Abs);
  AddMethod(t, "__invert__", Invert);
  AddMethod(t, "__eq__", Compare<Eq>);
  AddMethod(t, "__ne__", Compare<Ne>);
  AddMethod(t, "__lt__", Compare<Lt>);
  AddMethod(t, "__le__", Compare<Le>);
  AddMethod(t, "__gt__", Compare<Gt>);
  AddMethod(t, "__ge__", Compare<Ge>);

  AddGetter(t, "shape", GetShape);
  AddGetter(t, "dtype", GetDtype);
  AddGetter(t, "device", GetDevice);
  AddGetter(t, "ndim", GetNdim);
  AddGetSet(t, "requires_grad", GetRequiresGrad, SetRequiresGrad);
  AddGetSet(t, "grad", GetGrad, SetGrad);
  AddGetter(t, "is_leaf", GetIsLeaf);
  AddGetSet(t, "data", GetData, SetData);
  AddGetter(t, "T", GetT);
  AddGetter(t, "mT", GetMT);
  AddGetter(t, "is_cuda", GetIsCuda);
  AddGetter(t, "is_sparse", GetIsSparse);
  AddGetter(t, "is_meta", GetIsMeta);
  AddGetter(t, "is_quantized", GetIsQuantized);
  AddGetter(t, "_version", GetVersion);
  AddGetter(t, "_base", GetBase);
  AddGetter(t, "output_nr", GetOutputNr);
  AddGetter(t, "itemsize", GetItemsize);
  AddGetter(t, "real", GetReal);
  AddGetter(t, "imag", GetImag);
  AddGetter(t, "layout", GetLayout);
  SetAttrStr(d, "Tensor", Value::FromObject(t));
  SetAttrStr(d, "TensorBase", Value::FromObject(t));
  return true;
}

}  // namespace minidynamo
