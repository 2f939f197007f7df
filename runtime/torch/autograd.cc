// Autograd from Python: grad_fn objects (autograd graph nodes), backward and
// torch.autograd.grad, and the grad-mode switches under the context managers
// of torch.autograd.grad_mode (written in Python, embedded).

#include <ATen/ATen.h>
#include <c10/core/GradMode.h>
#include <torch/csrc/autograd/autograd.h>
#include <torch/csrc/autograd/function.h>

#include "absl/strings/str_format.h"
#include "runtime/modules/module_util.h"
#include "runtime/torch/arg_parser.h"
#include "runtime/torch/tensor.h"
#include "vm/core/builtin_types.h"
#include "vm/core/errors.h"
#include "vm/core/type.h"
#include "vm/interp/ops.h"
#include "vm/objects/dict.h"
#include "vm/objects/list.h"
#include "vm/objects/native.h"
#include "vm/objects/str.h"
#include "vm/objects/tuple.h"

namespace minidynamo {
namespace {

class NodeObject : public Object {
 public:
  NodeObject(TypeObject* type, std::shared_ptr<torch::autograd::Node> n)
      : Object(type), node(std::move(n)) {}
  std::shared_ptr<torch::autograd::Node> node;
};

Value WrapNode(const std::shared_ptr<torch::autograd::Node>& n) {
  if (!n) return Value::None();
  return Value::Steal(new NodeObject(g_torch.node, n));
}

torch::autograd::Node* NodeOf(const Value& v) {
  return As<NodeObject>(v)->node.get();
}

Value NodeName(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("name", nargs - 1, kw, 0, 0)) return Value();
  return StrObject::New(NodeOf(args[0])->name());
}

Value NodeRepr(Value* args, size_t, TupleObject*) {
  return StrObject::New(
      absl::StrFormat("<%s object at %#x>", NodeOf(args[0])->name(),
                      reinterpret_cast<uintptr_t>(args[0].as_object())));
}

Value NodeEq(Value* args, size_t, TupleObject*) {
  if (!args[1].is_object() || args[1].as_object()->type() != g_torch.node) {
    return NotImplemented();
  }
  return Value::Bool(NodeOf(args[0]) == NodeOf(args[1]));
}

Value NodeHash(Value* args, size_t, TupleObject*) {
  return Value::Int(
      static_cast<int64_t>(reinterpret_cast<intptr_t>(NodeOf(args[0])) >> 4));
}

Value NodeNextFunctions(Value* args, size_t, TupleObject*) {
  torch::autograd::Node* n = NodeOf(args[0]);
  const auto& edges = n->next_edges();
  Value out = TupleObject::New(edges.size());
  for (size_t i = 0; i < edges.size(); ++i) {
    As<TupleObject>(out)->set(
        i, TupleObject::Of(
               {WrapNode(edges[i].function), Value::Int(edges[i].input_nr)}));
  }
  return out;
}

Value GetGradFn(Value* args, size_t, TupleObject*) {
  return WrapNode(TensorOf(args[0]).grad_fn());
}

bool ToTensorVector(const Value& v, std::vector<at::Tensor>* out,
                    bool allow_none) {
  if (IsTensor(v)) {
    out->push_back(TensorOf(v));
    return true;
  }
  Value it = GetIter(v);
  if (it.is_null()) return false;
  while (true) {
    Value x = IterNext(it);
    if (x.is_null()) break;
    if (IsTensor(x)) {
      out->push_back(TensorOf(x));
    } else if (allow_none && x.is_none()) {
      out->push_back(at::Tensor());
    } else {
      RaiseF(g_exc.TypeError, "expected Tensor, got %s", TypeName(x));
      return false;
    }
  }
  return !ErrorOccurred();
}

// Tensor.backward(gradient=None, retain_graph=None, create_graph=False,
// inputs=None)
Value TensorBackward(Value* args, size_t nargs, TupleObject* kw) {
  static const ArgParser parser(
      {"backward(Tensor self, Tensor? gradient=None, bool? retain_graph=None, "
       "bool create_graph=False, PyObject inputs=None)"});
  ParsedArgs a;
  if (!parser.Parse(&args[0], args + 1, nargs - 1, kw, &a)) return Value();
  std::vector<at::Tensor> inputs;
  if (a.has(4) && !ToTensorVector(a.values[4], &inputs, false)) return Value();
  return Guarded([&] {
    std::vector<at::Tensor> grads;
    if (a.has(1)) grads.push_back(a.tensor(1));
    c10::optional<bool> retain;
    if (a.has(2)) retain = a.tobool(2);
    torch::autograd::backward({a.tensor(0)}, grads, retain, a.tobool(3),
                              inputs);
    return Value::None();
  });
}

// torch.autograd.backward(tensors, grad_tensors=None, retain_graph=None,
// create_graph=False, inputs=None)
Value AutogradBackward(Value* args, size_t nargs, TupleObject* kw) {
  static const ArgParser parser(
      {"backward(PyObject tensors, PyObject grad_tensors=None, "
       "bool? retain_graph=None, bool create_graph=False, "
       "PyObject inputs=None)"});
  ParsedArgs a;
  if (!parser.Parse(nullptr, args, nargs, kw, &a)) return Value();
  std::vector<at::Tensor> tensors, grads, inputs;
  if (!ToTensorVector(a.values[0], &tensors, false)) return Value();
  if (a.has(1) && !ToTensorVector(a.values[1], &grads, true)) return Value();
  if (a.has(4) && !ToTensorVector(a.values[4], &inputs, false)) return Value();
  return Guarded([&] {
    c10::optional<bool> retain;
    if (a.has(2)) retain = a.tobool(2);
    torch::autograd::backward(tensors, grads, retain, a.tobool(3), inputs);
    return Value::None();
  });
}

// torch.autograd.grad(outputs, inputs, grad_outputs=None, retain_graph=None,
// create_graph=False, allow_unused=False)
Value AutogradGrad(Value* args, size_t nargs, TupleObject* kw) {
  static const ArgParser parser(
      {"grad(PyObject outputs, PyObject inputs, PyObject grad_outputs=None, "
       "bool? retain_graph=None, bool create_graph=False, "
       "bool allow_unused=False)"});
  ParsedArgs a;
  if (!parser.Parse(nullptr, args, nargs, kw, &a)) return Value();
  std::vector<at::Tensor> outputs, inputs, grads;
  if (!ToTensorVector(a.values[0], &outputs, false)) return Value();
  if (!ToTensorVector(a.values[1], &inputs, false)) return Value();
  if (a.has(2) && !ToTensorVector(a.values[2], &grads, true)) return Value();
  return Guarded([&] {
    c10::optional<bool> retain;
    if (a.has(3)) retain = a.tobool(3);
    std::vector<at::Tensor> result = torch::autograd::grad(
        outputs, inputs, grads, retain, a.tobool(4), a.tobool(5));
    Value out = TupleObject::New(result.size());
    for (size_t i = 0; i < result.size(); ++i) {
      As<TupleObject>(out)->set(i, WrapTensor(result[i]));
    }
    return out;
  });
}

Value IsGradEnabled(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("is_grad_enabled", nargs, kw, 0, 0)) return Value();
  return Value::Bool(c10::GradMode::is_enabled());
}

Value SetGradEnabledC(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("_set_grad_enabled", nargs, kw, 1, 1)) return Value();
  if (!args[0].is_bool()) {
    return Raise(g_exc.TypeError, "enabled must be a bool (got " +
                                      std::string(TypeName(args[0])) + ")");
  }
  c10::GradMode::set_enabled(args[0].as_bool());
  return Value::None();
}

Value RetainGrad(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("retain_grad", nargs - 1, kw, 0, 0)) return Value();
  return Guarded([&] {
    TensorOf(args[0]).retain_grad();
    return Value::None();
  });
}

Value RetainsGrad(Value* args, size_t, TupleObject*) {
  return Value::Bool(TensorOf(args[0]).retains_grad());
}

}  // namespace

bool InitAutogradNodes(DictObject* d) {
  auto* t = new TypeObject(g_types.type, "Node", Layout::kOther);
  t->SetBases({g_types.object});
  t->set_base_type(false);
  t->set_module_name("torch.autograd.graph");
  AddMethod(t, "name", NodeName);
  AddMethod(t, "__repr__", NodeRepr);
  AddMethod(t, "__eq__", NodeEq);
  AddMethod(t, "__hash__", NodeHash);
  AddGetter(t, "next_functions", NodeNextFunctions);
  g_torch.node = t;
  AddFunction(d, "is_grad_enabled", IsGradEnabled);
  AddFunction(d, "_set_grad_enabled", SetGradEnabledC);
  AddFunction(d, "_autograd_backward", AutogradBackward);
  AddFunction(d, "_autograd_grad", AutogradGrad);
  return true;
}

// Tensor's autograd members (the type exists once InitTensorType ran).
bool InitTensorAutograd() {
  TypeObject* t = g_torch.tensor;
  AddGetter(t, "grad_fn", GetGradFn);
  AddMethod(t, "backward", TensorBackward);
  AddMethod(t, "retain_grad", RetainGrad);
  AddGetter(t, "retains_grad", RetainsGrad);
  return true;
}

}  // namespace minidynamo
