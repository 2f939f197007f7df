#ifndef MINIDYNAMO_TRACER_GRAPH_H_
#define MINIDYNAMO_TRACER_GRAPH_H_

// The graph IR: what the tracer records of a frame's tensor work, in FX's
// shape. Nodes are placeholders (graph inputs), calls of a Python callable
// (torch.add, operator.mul, ...), calls of a tensor method by name, and one
// output node listing the results. Arguments are constants, earlier nodes, or
// tuples/lists of arguments.
//
// The same graph serves three purposes: the tracer runs each call on example
// (meta) tensors as it records it, the eager executor (RunGraph) runs it on
// real tensors, and GraphDescription hands it to Python backends as data for
// torch.fx-style GraphModules.

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "vm/core/value.h"

namespace minidynamo {

struct GraphArg {
  enum Kind { kConst, kNode, kTuple, kList };
  Kind kind = kConst;
  Value constant;
  int node = -1;
  std::vector<GraphArg> items;

  static GraphArg Const(Value v) {
    GraphArg a;
    a.constant = std::move(v);
    return a;
  }
  static GraphArg Node(int n) {
    GraphArg a;
    a.kind = kNode;
    a.node = n;
    return a;
  }
};

struct GraphNode {
  enum Op { kPlaceholder, kCallFunction, kCallMethod };
  Op op;
  std::string name;    // x, add, add_1, ...
  Value target;        // kCallFunction: the callable
  std::string method;  // kCallMethod: the method name (args[0] is self)
  std::vector<GraphArg> args;
  std::vector<std::pair<std::string, GraphArg>> kwargs;
  Value example;            // the example value the tracer computed
  std::string target_name;  // how printing names the target ("torch.add")
  int input_index = -1;     // kPlaceholder: position among the inputs
  // A Python operator (the target is operator.add etc.): BINARY_OP's
  // argument, or 32 + COMPARE_OP's; the executor applies it directly.
  int binop = -1;
};

class Graph {
 public:
  int AddPlaceholder(const std::string& base_name, Value example);
  int AddCall(GraphNode node);  // names it uniquely from node.name
  // Drops nodes from `nodes` on (rolling back a call that broke the graph).
  void Truncate(size_t nodes, int inputs);
  std::vector<GraphNode>& nodes() { return nodes_; }
  const std::vector<GraphNode>& nodes() const { return nodes_; }
  std::vector<GraphArg>& outputs() { return outputs_; }
  const std::vector<GraphArg>& outputs() const { return outputs_; }
  int num_inputs() const { return num_inputs_; }
  // Number of call nodes (CompileCounter's op_count).
  int num_calls() const {
    return static_cast<int>(nodes_.size()) - num_inputs_;
  }

  // FX-style Python source of forward(): "def forward(self, L_x_ :
  // torch.Tensor):" then one line per node and the return.
  std::string Code() const;

 private:
  std::string UniqueName(const std::string& base);
  std::vector<GraphNode> nodes_;
  std::vector<GraphArg> outputs_;
  int num_inputs_ = 0;
  std::vector<std::string> used_names_;
};

// Runs `g` on real inputs; returns a tuple of the outputs (null with an
// exception raised on error).
Value RunGraph(const Graph& g, const Value* inputs, size_t n);
// Runs one call node; `env` holds the values of the nodes its arguments name.
Value RunGraphNode(const GraphNode& node, const std::vector<Value>& env);

// A graph lowered by the torch runtime to direct kernel calls (no argument
// parsing or Python objects between ops). Run has RunGraph's contract.
class LoweredGraph {
 public:
  virtual ~LoweredGraph() = default;
  virtual Value Run(const Value* inputs, size_t n) = 0;
};
// Returns null when lowering would not help (RunGraph runs the graph then).
using GraphLowerer = std::unique_ptr<LoweredGraph> (*)(const Graph& g);
// Set by the torch runtime when it loads (the tracer includes no ATen).
void SetGraphLowerer(GraphLowerer lowerer);

// A Python callable running a graph eagerly (the "eager" backend and the
// default executor): CompiledGraph(*inputs) -> tuple of outputs; through
// the torch runtime's lowered form when it has one.
Value NewCompiledGraph(std::shared_ptr<const Graph> g);

// The graph as Python data for torch._dynamo's GraphModule wrapper: a list of
// (name, op, target, args, kwargs) tuples, op being "placeholder",
// "call_function", "call_method" or "output"; node references in args are
// `("node", name)` tuples.
Value GraphDescription(const Graph& g);

void InitGraphTypes();

}  // namespace minidynamo

#endif  // MINIDYNAMO_TRACER_GRAPH_H_
