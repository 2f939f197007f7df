#include "tracer/graph.h"

#include <algorithm>
#include <functional>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "tracer/source.h"
#include "vm/core/builtin_types.h"
#include "vm/core/errors.h"
#include "vm/core/type.h"
#include "vm/interp/ops.h"
#include "vm/objects/dict.h"
#include "vm/objects/function.h"
#include "vm/objects/list.h"
#include "vm/objects/native.h"
#include "vm/objects/str.h"
#include "vm/objects/tuple.h"

namespace minidynamo {

std::string Graph::UniqueName(const std::string& base) {
  std::string name = base;
  int suffix = 0;
  while (std::find(used_names_.begin(), used_names_.end(), name) !=
         used_names_.end()) {
    name = absl::StrCat(base, "_", ++suffix);
  }
  used_names_.push_back(name);
  return name;
}

int Graph::AddPlaceholder(const std::string& base_name, Value example) {
  GraphNode n;
  n.op = GraphNode::kPlaceholder;
  n.name = UniqueName(base_name);
  n.example = std::move(example);
  n.input_index = num_inputs_++;
  nodes_.push_back(std::move(n));
  return static_cast<int>(nodes_.size()) - 1;
}

void Graph::Truncate(size_t nodes, int inputs) {
  while (nodes_.size() > nodes) {
    auto it =
        std::find(used_names_.begin(), used_names_.end(), nodes_.back().name);
    if (it != used_names_.end()) used_names_.erase(it);
    nodes_.pop_back();
  }
  num_inputs_ = inputs;
}

int Graph::AddCall(GraphNode node) {
  node.name = UniqueName(node.name);
  nodes_.push_back(std::move(node));
  return static_cast<int>(nodes_.size()) - 1;
}

namespace {

std::string ArgText(const Graph& g, const GraphArg& a) {
  switch (a.kind) {
    case GraphArg::kConst:
      return ConstantText(a.constant);
    case GraphArg::kNode:
      return g.nodes()[a.node].name;
    case GraphArg::kTuple:
    case GraphArg::kList: {
      std::vector<std::string> parts;
      for (const GraphArg& x : a.items) parts.push_back(ArgText(g, x));
      if (a.kind == GraphArg::kList) {
        return absl::StrCat("[", absl::StrJoin(parts, ", "), "]");
      }
      return absl::StrCat("(", absl::StrJoin(parts, ", "),
                          parts.size() == 1 ? ",)" : ")");
    }
  }
  return "?";
}

Value Materialize(const GraphArg& a, const std::vector<Value>& env) {
  switch (a.kind) {
    case GraphArg::kConst:
      return a.constant;
    case GraphArg::kNode:
      return env[a.node];
    case GraphArg::kTuple:
    case GraphArg::kList: {
      std::vector<Value> items;
      for (const GraphArg& x : a.items) {
        Value v = Materialize(x, env);
        if (v.is_null()) return v;
        items.push_back(std::move(v));
      }
      if (a.kind == GraphArg::kList) {
        return ListObject::FromValues(items.data(), items.size());
      }
      return TupleObject::FromValues(items.data(), items.size());
    }
  }
  return Value();
}

}  // namespace

std::string Graph::Code() const {
  std::vector<std::string> params = {"self"};
  for (const GraphNode& n : nodes_) {
    if (n.op == GraphNode::kPlaceholder) {
      params.push_back(absl::StrCat(n.name, " : torch.Tensor"));
    }
  }
  std::string out =
      absl::StrCat("def forward(", absl::StrJoin(params, ", "), "):\n");
  for (size_t i = 0; i < nodes_.size(); ++i) {
    const GraphNode& n = nodes_[i];
    if (n.op == GraphNode::kPlaceholder) continue;
    std::vector<std::string> args;
    for (const GraphArg& a : n.args) args.push_back(ArgText(*this, a));
    for (const auto& kv : n.kwargs) {
      args.push_back(absl::StrCat(kv.first, " = ", ArgText(*this, kv.second)));
    }
    if (n.op == GraphNode::kCallMethod) {
      std::string self = args.empty() ? "" : args[0];
      std::vector<std::string> rest(args.begin() + (args.empty() ? 0 : 1),
                                    args.end());
      absl::StrAppend(&out, "    ", n.name, " = ", self, ".", n.method, "(",
                      absl::StrJoin(rest, ", "), ")\n");
    } else {
      absl::StrAppend(&out, "    ", n.name, " = ", n.target_name, "(",
                      absl::StrJoin(args, ", "), ")\n");
    }
  }
  std::vector<std::string> outs;
  for (const GraphArg& a : outputs_) outs.push_back(ArgText(*this, a));
  absl::StrAppend(&out, "    return (", absl::StrJoin(outs, ", "),
                  outs.size() == 1 ? ",)" : ")", "\n");
  return out;
}

Value RunGraphNode(const GraphNode& node, const std::vector<Value>& env) {
  std::vector<Value> args;
  for (const GraphArg& a : node.args) {
    Value v = Materialize(a, env);
    if (v.is_null()) return v;
    args.push_back(std::move(v));
  }
  Value kwnames;
  if (!node.kwargs.empty()) {
    kwnames = TupleObject::New(node.kwargs.size());
    for (size_t k = 0; k < node.kwargs.size(); ++k) {
      As<TupleObject>(kwnames)->set(k, StrObject::New(node.kwargs[k].first));
      Value v = Materialize(node.kwargs[k].second, env);
      if (v.is_null()) return v;
      args.push_back(std::move(v));
    }
  }
  auto* kw = kwnames.is_null() ? nullptr : As<TupleObject>(kwnames);
  if (node.binop >= 0 && args.size() == 2 && kw == nullptr) {
    return node.binop >= 32
               ? RichCompare(args[0], args[1],
                             static_cast<CompareOp>(node.binop - 32))
               : BinaryOp(args[0], args[1], static_cast<BinOp>(node.binop));
  }
  if (node.op == GraphNode::kCallMethod) {
    bool is_method = false;
    Value m = LoadMethod(args[0], StrObject::Intern(node.method), &is_method);
    if (m.is_null()) return m;
    if (is_method) return Call(m, args.data(), args.size(), kw);
    return Call(m, args.data() + 1, args.size() - 1, kw);
  }
  // Native targets (the torch ops) are entered directly, without the
  // generic call protocol.
  Object* t = node.target.is_object() ? node.target.as_object() : nullptr;
  if (t != nullptr && t->type() == g_types.native_function &&
      static_cast<NativeFunction*>(t)->bound_self.is_null()) {
    return static_cast<NativeFunction*>(t)->fn()(args.data(), args.size(), kw);
  }
  return Call(node.target, args.data(), args.size(), kw);
}

Value RunGraph(const Graph& g, const Value* inputs, size_t n) {
  if (static_cast<int>(n) != g.num_inputs()) {
    return RaiseF(g_exc.TypeError, "compiled graph takes %d inputs, got %d",
                  g.num_inputs(), n);
  }
  std::vector<Value> env(g.nodes().size());
  for (size_t i = 0; i < g.nodes().size(); ++i) {
    const GraphNode& node = g.nodes()[i];
    if (node.op == GraphNode::kPlaceholder) {
      env[i] = inputs[node.input_index];
      continue;
    }
    Value r = RunGraphNode(node, env);
    if (r.is_null()) return r;
    env[i] = std::move(r);
  }
  Value out = TupleObject::New(g.outputs().size());
  for (size_t i = 0; i < g.outputs().size(); ++i) {
    Value v = Materialize(g.outputs()[i], env);
    if (v.is_null()) return v;
    As<TupleObject>(out)->set(i, std::move(v));
  }
  return out;
}

namespace {

TypeObject* g_compiled_graph_type = nullptr;

GraphLowerer g_lowerer = nullptr;

class CompiledGraphObject : public Object {
 public:
  CompiledGraphObject(TypeObject* t, std::shared_ptr<const Graph> g)
      : Object(t), graph(std::move(g)) {
    if (g_lowerer != nullptr) lowered = g_lowerer(*graph);
  }
  std::shared_ptr<const Graph> graph;
  std::unique_ptr<LoweredGraph> lowered;
};

Value CompiledGraphCall(Value* args, size_t nargs, TupleObject* kw) {
  if (kw != nullptr && kw->size() > 0) {
    return Raise(g_exc.TypeError, "compiled graphs take no keyword arguments");
  }
  auto* self = As<CompiledGraphObject>(args[0]);
  if (self->lowered != nullptr) return self->lowered->Run(args + 1, nargs - 1);
  return RunGraph(*self->graph, args + 1, nargs - 1);
}

Value CompiledGraphCode(Value* args, size_t, TupleObject*) {
  return StrObject::New(As<CompiledGraphObject>(args[0])->graph->Code());
}

Value CompiledGraphLowered(Value* args, size_t, TupleObject*) {
  return Value::Bool(As<CompiledGraphObject>(args[0])->lowered != nullptr);
}

Value CompiledGraphDescription(Value* args, size_t, TupleObject*) {
  return GraphDescription(*As<CompiledGraphObject>(args[0])->graph);
}

Value ArgData(const Graph& g, const GraphArg& a) {
  switch (a.kind) {
    case GraphArg::kConst:
      return a.constant;
    case GraphArg::kNode:
      return TupleObject::Of(
          {StrObject::New("node"), StrObject::New(g.nodes()[a.node].name)});
    default: {
      std::vector<Value> items;
      for (const GraphArg& x : a.items) items.push_back(ArgData(g, x));
      if (a.kind == GraphArg::kList) {
        return ListObject::FromValues(items.data(), items.size());
      }
      return TupleObject::FromValues(items.data(), items.size());
    }
  }
}

}  // namespace

void SetGraphLowerer(GraphLowerer lowerer) { g_lowerer = lowerer; }

Value GraphDescription(const Graph& g) {
  Value list = ListObject::New();
  auto& items = As<ListObject>(list)->items();
  // Placeholders first, as FX orders them.
  std::vector<const GraphNode*> order;
  for (const GraphNode& n : g.nodes()) {
    if (n.op == GraphNode::kPlaceholder) order.push_back(&n);
  }
  for (const GraphNode& n : g.nodes()) {
    if (n.op != GraphNode::kPlaceholder) order.push_back(&n);
  }
  for (const GraphNode* np : order) {
    const GraphNode& n = *np;
    const char* op = n.op == GraphNode::kPlaceholder    ? "placeholder"
                     : n.op == GraphNode::kCallFunction ? "call_function"
                                                        : "call_method";
    Value target = n.op == GraphNode::kCallFunction ? n.target
                   : n.op == GraphNode::kCallMethod ? StrObject::New(n.method)
                                                    : StrObject::New(n.name);
    std::vector<Value> args;
    for (const GraphArg& a : n.args) args.push_back(ArgData(g, a));
    Value kwargs = DictObject::New();
    for (const auto& kv : n.kwargs) {
      As<DictObject>(kwargs)->SetStr(StrObject::Intern(kv.first),
                                     ArgData(g, kv.second));
    }
    items.push_back(TupleObject::Of(
        {StrObject::New(n.name), StrObject::New(op), target,
         TupleObject::FromValues(args.data(), args.size()), kwargs,
         n.example.is_null() ? Value::None() : n.example,
         StrObject::New(n.target_name)}));
  }
  std::vector<Value> outs;
  for (const GraphArg& a : g.outputs()) outs.push_back(ArgData(g, a));
  items.push_back(TupleObject::Of(
      {StrObject::New("output"), StrObject::New("output"),
       StrObject::New("output"),
       TupleObject::Of({TupleObject::FromValues(outs.data(), outs.size())}),
       DictObject::New(), Value::None(), StrObject::New("output")}));
  return list;
}

Value NewCompiledGraph(std::shared_ptr<const Graph> g) {
  return Value::Steal(
      new CompiledGraphObject(g_compiled_graph_type, std::move(g)));
}

void InitGraphTypes() {
  if (g_compiled_graph_type != nullptr) return;
  auto* t = new TypeObject(g_types.type, "CompiledGraph", Layout::kOther);
  t->SetBases({g_types.object});
  t->set_base_type(false);
  t->set_module_name("torch._dynamo");
  AddMethod(t, "__call__", CompiledGraphCall);
  AddGetter(t, "code", CompiledGraphCode);
  // True when every node runs as a direct ATen call (runtime/torch).
  AddGetter(t, "lowered", CompiledGraphLowered);
  AddMethod(t, "_nodes", CompiledGraphDescription);
  g_compiled_graph_type = t;
}

}  // namespace minidynamo
