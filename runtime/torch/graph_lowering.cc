// Lowers a traced graph (tracer/graph.h) to direct ATen calls, so that a
// compiled graph runs without the per-op costs of the Python bindings:
// argument parsing, method lookup, a Python tensor object per intermediate
// result. Each node becomes one prepared step over an array of at::Tensor
// slots; Python objects are made only for the outputs.
//
// Lowering is all or nothing: a graph with any node outside the table below
// (or with non-tensor inputs) stays on the generic executor, RunGraph, which
// gives the same results through the bindings. The lowered steps call the
// same ATen functions the bindings call, so results, type promotion, autograd
// history and errors are the same.

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

// One prepared node: out = op(slot a, slot b or scalar).
struct Step {
  enum Kind { kUnary, kBinaryTensor, kBinaryScalar, kMatmul };
  Kind kind;
  Unary unary = nullptr;
  BinOp binop = BinOp::kAdd;
  int a = -1;
  int b = -1;
  at::Scalar scalar;
  int out = -1;
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

class AtenGraph : public LoweredGraph {
 public:
  explicit AtenGraph(const Graph* g) : graph_(g) {}

  // False when some node is outside the table.
  bool Lower() {
    const auto& nodes = graph_->nodes();
    for (size_t i = 0; i < nodes.size(); ++i) {
      const GraphNode& n = nodes[i];
      if (!IsTensor(n.example)) return false;
      if (n.op == GraphNode::kPlaceholder) {
        // Plain tensors (and Parameters) only: a subclass may override the
        // methods the steps call directly.
        std::string type = TypeName(n.example);
        if (type != "Tensor" && type != "Parameter") return false;
        inputs_.emplace_back(static_cast<int>(i), n.input_index);
        continue;
      }
      if (!n.kwargs.empty() || !LowerCall(n, static_cast<int>(i))) return false;
    }
    for (const GraphArg& o : graph_->outputs()) {
      if (o.kind != GraphArg::kNode && o.kind != GraphArg::kConst) return false;
    }
    return true;
  }

  Value Run(const Value* inputs, size_t n) override {
    if (static_cast<int>(n) != graph_->num_inputs()) {
      return RunGraph(*graph_, inputs, n);
    }
    for (const auto& [slot, input] : inputs_) {
      // Guards make this hold; anything else takes the generic path.
      if (!IsTensor(inputs[input])) return RunGraph(*graph_, inputs, n);
    }
    // One slot per node (placeholders included), in node order; the
    // object's own array unless a run is already using it.
    std::vector<at::Tensor> local;
    std::vector<at::Tensor>& slots = busy_ ? local : scratch_;
    slots.resize(graph_->nodes().size());
    struct Release {  // drops the intermediates, on errors too
      std::vector<at::Tensor>& slots;
      bool& busy;
      bool was_busy;
      ~Release() {
        for (at::Tensor& t : slots) t.reset();
        busy = was_busy;
      }
    } release{slots, busy_, busy_};
    busy_ = true;
    return Guarded([&]() -> Value {
      for (const auto& [slot, input] : inputs_) {
        slots[slot] = TensorOf(inputs[input]);
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
        }
      }
      const auto& outs = graph_->outputs();
      Value result = TupleObject::New(outs.size());
      auto* tuple = As<TupleObject>(result);
      // One Python object per output node, even when returned twice; a
      // returned input is the caller's own object.
      for (size_t i = 0; i < outs.size(); ++i) {
        const GraphArg& o = outs[i];
        Value v;
        if (o.kind == GraphArg::kConst) {
          v = o.constant;
        } else if (graph_->nodes()[o.node].op == GraphNode::kPlaceholder) {
          v = inputs[graph_->nodes()[o.node].input_index];
        } else {
          for (size_t j = 0; j < i && v.is_null(); ++j) {
            if (outs[j].kind == GraphArg::kNode && outs[j].node == o.node) {
              v = tuple->get(j);
            }
          }
          if (v.is_null()) v = WrapTensor(slots[o.node]);
        }
        tuple->set(i, std::move(v));
      }
      return result;
    });
  }

 private:
  bool LowerCall(const GraphNode& n, int index) {
    auto node_slot = [&](const GraphArg& a) {
      return a.kind == GraphArg::kNode ? a.node : -1;
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
  std::vector<Step> steps_;
  std::vector<at::Tensor> scratch_;
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
