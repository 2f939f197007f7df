// Lowers a traced graph (tracer/graph.h) to direct ATen calls, so that a
// compiled graph runs without the per-op costs of the Python bindings:
// argument parsing, method lookup, a Python tensor object per intermediate
// result. Each node in the table below becomes one prepared step over an
// array of at::Tensor slots; any other node runs through the tracer's generic
// node executor (RunGraphNode, the bindings), with Python objects made only
// for the values it reads. Outputs are wrapped once each.
//
// The lowered steps call the same ATen functions the bindings call, so
// results, type promotion, autograd history and errors are the same.

#include <ATen/ATen.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "runtime/torch/tensor.h"
#include "tracer/graph.h"
#include "vm/compile/opcodes.h"
#include "vm/core/errors.h"
#include "vm/core/value.h"
#include "vm/objects/list.h"
#include "vm/objects/tuple.h"

namespace minidynamo {
namespace {

using Unary = at::Tensor (*)(const at::Tensor&);

// Tensor methods and torch functions of one tensor argument and no options.
const absl::flat_hash_map<std::string, Unary>& UnaryOps() {
  static const auto* ops = new absl::flat_hash_map<std::string, Unary>{
      {"relu", [](const at::Tensor& t) { return at::relu(t); }},
      {"sigmoid", [](const at::Tensor& t) { return at::sigmoid(t); }},
      {"tanh", [](const at::Tensor& t) { return at::tanh(t); }},
      {"exp", [](const at::Tensor& t) { return at::exp(t); }},
      {"log", [](const at::Tensor& t) { return at::log(t); }},
      {"neg", [](const at::Tensor& t) { return at::neg(t); }},
      {"abs", [](const at::Tensor& t) { return at::abs(t); }},
      {"sin", [](const at::Tensor& t) { return at::sin(t); }},
      {"cos", [](const at::Tensor& t) { return at::cos(t); }},
      {"sqrt", [](const at::Tensor& t) { return at::sqrt(t); }},
      {"sum", [](const at::Tensor& t) { return at::sum(t); }},
      {"mean", [](const at::Tensor& t) { return at::mean(t); }},
  };
  return *ops;
}

// One prepared node: out = op(slot a, slot b or scalar), or kFallback: node
// `out` through RunGraphNode.
struct Step {
  enum Kind { kUnary, kBinaryTensor, kBinaryScalar, kMatmul, kFallback };
  Kind kind;
  Unary unary = nullptr;
  BinOp binop = BinOp::kAdd;
  int a = -1;
  int b = -1;
  at::Scalar scalar;
  int out = -1;
  std::vector<int> reads;  // kFallback: the nodes its arguments name
};

// `b` is a tensor or a Scalar (the overloads ATen has for both).
template <typename Other>
at::Tensor ApplyBinary(BinOp op, const at::Tensor& a, const Other& b) {
  switch (op) {
    case BinOp::kAdd:
      return at::add(a, b);
    case BinOp::kSubtract:
      return at::sub(a, b);
    case BinOp::kMultiply:
      return at::mul(a, b);
    default:
      return at::div(a, b);
  }
}

// Node indices an argument reads (in tuples and lists too).
void NodesOf(const GraphArg& a, std::vector<int>* out) {
  if (a.kind == GraphArg::kNode) out->push_back(a.node);
  for (const GraphArg& x : a.items) NodesOf(x, out);
}

class AtenGraph : public LoweredGraph {
 public:
  explicit AtenGraph(const Graph* g) : graph_(g) {}

  // False when no node is in the table (nothing to gain).
  bool Lower() {
    const auto& nodes = graph_->nodes();
    tensor_.assign(nodes.size(), false);
    int lowered = 0;
    for (size_t i = 0; i < nodes.size(); ++i) {
      const GraphNode& n = nodes[i];
      int index = static_cast<int>(i);
      if (n.op == GraphNode::kPlaceholder) {
        // Plain tensors (and Parameters) only: a subclass may override the
        // methods the steps call directly.
        std::string type = IsTensor(n.example) ? TypeName(n.example) : "";
        tensor_[i] = type == "Tensor" || type == "Parameter";
        inputs_.emplace_back(index, n.input_index);
        continue;
      }
      if (IsTensor(n.example) && n.kwargs.empty() && LowerCall(n, index)) {
        tensor_[i] = true;
        ++lowered;
        continue;
      }
      Step s;
      s.kind = Step::kFallback;
      s.out = index;
      // Its tensor result feeds later steps through its slot.
      tensor_[i] = IsTensor(n.example);
      for (const GraphArg& a : n.args) NodesOf(a, &s.reads);
      for (const auto& kv : n.kwargs) NodesOf(kv.second, &s.reads);
      steps_.push_back(std::move(s));
    }
    return lowered > 0;
  }

  Value Run(const Value* inputs, size_t n) override {
    if (static_cast<int>(n) != graph_->num_inputs()) {
      return RunGraph(*graph_, inputs, n);
    }
    for (const auto& [node, input] : inputs_) {
      // Guards make this hold; anything else takes the generic path.
      if (tensor_[node] && !IsTensor(inputs[input])) {
        return RunGraph(*graph_, inputs, n);
      }
    }
    // One slot and one value per node, in node order; the object's own
    // arrays unless a run is already using them (a fallback node may call
    // back into Python).
    Scratch local;
    Scratch& sc = busy_ ? local : scratch_;
    size_t count = graph_->nodes().size();
    sc.slots.resize(count);
    sc.values.resize(count);
    struct Release {  // drops the intermediates, on errors too
      Scratch& sc;
      bool& busy;
      bool was_busy;
      ~Release() {
        for (at::Tensor& t : sc.slots) t.reset();
        for (Value& v : sc.values) v = Value();
        busy = was_busy;
      }
    } release{sc, busy_, busy_};
    busy_ = true;
    return Guarded([&]() -> Value {
      auto& slots = sc.slots;
      auto& values = sc.values;
      for (const auto& [node, input] : inputs_) {
        values[node] = inputs[input];
        if (tensor_[node]) slots[node] = TensorOf(inputs[input]);
      }
      for (const Step& s : steps_) {
        switch (s.kind) {
          case Step::kUnary:
            slots[s.out] = s.unary(slots[s.a]);
            break;
          case Step::kBinaryTensor:
            slots[s.out] = ApplyBinary(s.binop, slots[s.a], slots[s.b]);
            break;
          case Step::kBinaryScalar:
            slots[s.out] = ApplyBinary(s.binop, slots[s.a], s.scalar);
            break;
          case Step::kMatmul:
            slots[s.out] = at::matmul(slots[s.a], slots[s.b]);
            break;
          case Step::kFallback: {
            for (int j : s.reads) ValueOf(j, sc);
            const GraphNode& node = graph_->nodes()[s.out];
            Value r = RunGraphNode(node, values);
            if (r.is_null()) return r;
            if (IsTensor(r)) {
              slots[s.out] = TensorOf(r);
            } else if (tensor_[s.out]) {
              return RaiseF(g_exc.TypeError,
                            "graph node %s returned %s where it traced a "
                            "tensor",
                            node.name, TypeName(r));
            }
            values[s.out] = std::move(r);
            break;
          }
        }
      }
      const auto& outs = graph_->outputs();
      Value result = TupleObject::New(outs.size());
      for (size_t i = 0; i < outs.size(); ++i) {
        As<TupleObject>(result)->set(i, OutputValue(outs[i], sc));
      }
      return result;
    });
  }

 private:
  struct Scratch {
    std::vector<at::Tensor> slots;
    std::vector<Value> values;
  };

  // The Python value of node j: made once from its slot, then reused (one
  // object per tensor, even when returned twice).
  const Value& ValueOf(int j, Scratch& sc) {
    if (sc.values[j].is_null()) sc.values[j] = WrapTensor(sc.slots[j]);
    return sc.values[j];
  }

  Value OutputValue(const GraphArg& a, Scratch& sc) {
    switch (a.kind) {
      case GraphArg::kConst:
        return a.constant;
      case GraphArg::kNode:
        return ValueOf(a.node, sc);
      default: {
        std::vector<Value> items;
        for (const GraphArg& x : a.items) items.push_back(OutputValue(x, sc));
        if (a.kind == GraphArg::kList) {
          return ListObject::FromValues(items.data(), items.size());
        }
        return TupleObject::FromValues(items.data(), items.size());
      }
    }
  }

  bool LowerCall(const GraphNode& n, int index) {
    // A node argument qualifies when it is a tensor slot.
    auto node_slot = [&](const GraphArg& a) {
      return a.kind == GraphArg::kNode && tensor_[a.node] ? a.node : -1;
    };
    Step s;
    if (n.binop >= 0) {
      auto op = static_cast<BinOp>(n.binop);
      bool arith = op == BinOp::kAdd || op == BinOp::kSubtract ||
                   op == BinOp::kMultiply || op == BinOp::kTrueDivide;
      if ((!arith && op != BinOp::kMatrixMultiply) || n.args.size() != 2) {
        return false;
      }
      s.binop = op;
      s.a = node_slot(n.args[0]);
      if (s.a < 0) return false;  // a number on the left: the binding's path
      s.b = node_slot(n.args[1]);
      if (op == BinOp::kMatrixMultiply) {
        if (s.b < 0) return false;
        s.kind = Step::kMatmul;
      } else if (s.b >= 0) {
        s.kind = Step::kBinaryTensor;
      } else {
        const Value& c = n.args[1].constant;
        if (n.args[1].kind != GraphArg::kConst) return false;
        // Python numbers become Scalars as the binding's wrapped numbers do.
        if (c.is_bool()) {
          s.scalar = at::Scalar(c.as_bool());
        } else if (c.is_int()) {
          s.scalar = at::Scalar(c.as_int());
        } else if (c.is_float()) {
          s.scalar = at::Scalar(c.as_float());
        } else {
          return false;
        }
        s.kind = Step::kBinaryScalar;
      }
    } else {
      std::string name;
      if (n.op == GraphNode::kCallMethod) {
        name = n.method;
      } else if (n.target_name.rfind("torch.", 0) == 0) {
        name = n.target_name.substr(6);
      } else {
        return false;
      }
      auto it = UnaryOps().find(name);
      if (it == UnaryOps().end() || n.args.size() != 1) return false;
      s.kind = Step::kUnary;
      s.unary = it->second;
      s.a = node_slot(n.args[0]);
      if (s.a < 0) return false;
    }
    s.out = index;
    steps_.push_back(s);
    return true;
  }

  const Graph* graph_;
  std::vector<std::pair<int, int>> inputs_;  // (node, index among inputs)
  std::vector<bool> tensor_;                 // node -> its slot holds a tensor
  std::vector<Step> steps_;
  Scratch scratch_;
  bool busy_ = false;
};

std::unique_ptr<LoweredGraph> LowerToAten(const Graph& g) {
  auto lowered = std::make_unique<AtenGraph>(&g);
  if (!lowered->Lower()) return nullptr;
  return lowered;
}

}  // namespace

void InitGraphLowering() { SetGraphLowerer(LowerToAten); }

}  // namespace minidynamo
