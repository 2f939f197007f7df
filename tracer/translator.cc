#include "tracer/translator.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "vm/compile/code.h"
#include "vm/compile/opcodes.h"
#include "vm/core/builtin_types.h"
#include "vm/core/errors.h"
#include "vm/core/type.h"
#include "vm/interp/frame.h"
#include "vm/interp/frame_hook.h"
#include "vm/interp/ops.h"
#include "vm/objects/descriptor.h"
#include "vm/objects/dict.h"
#include "vm/objects/function.h"
#include "vm/objects/list.h"
#include "vm/objects/number.h"
#include "vm/objects/str.h"
#include "vm/objects/tuple.h"

namespace minidynamo {
namespace {

// ---- configuration from torch._dynamo

struct TracerConfig {
  Value dict;  // the config dict itself (keeps everything alive)
  absl::flat_hash_map<Object*, std::string> graph_functions;  // by identity
  absl::flat_hash_map<Object*, int> special;  // by identity -> Special
  Value op_targets[64];  // operator functions by BinOp / compare index
  Value getitem;
  Value set_grad_enabled_c;  // torch._C._set_grad_enabled
  Value tensor_type;
  Value module_type;
  Value set_grad_enabled;  // torch.set_grad_enabled, for rebuilding wrappers
};
TracerConfig* g_cfg = nullptr;

enum Special {
  kGraphBreak = 1,
  kIsCompiling,
  kIsGradEnabled,
  kNoGrad,
  kEnableGrad,
  kSetGradEnabled,
  kSkipped,
  kFunctionalCall,
};

constexpr int kCompareBase = 32;  // op_targets index of COMPARE_OP targets

bool IsTensorValue(const Value& v) {
  TensorMeta m;
  return GetTensorMeta(v, &m);
}

bool IsConstantValue(const Value& v) {
  if (v.is_none() || v.is_bool() || v.is_int() || v.is_float()) return true;
  if (!v.is_object()) return false;
  TypeObject* t = v.as_object()->type();
  if (t == g_types.str || t == g_types.int_ || t == g_types.float_ ||
      t == g_types.bytes || t == g_types.ellipsis_type) {
    return true;
  }
  if (t == g_types.tuple) {
    auto* tup = As<TupleObject>(v);
    for (size_t i = 0; i < tup->size(); ++i) {
      if (!IsConstantValue(tup->get(i))) return false;
    }
    return true;
  }
  return false;
}

// ---- the output graph: state shared by the root translator and inlined ones

class OutputGraph {
 public:
  OutputGraph(FunctionObject* func, Frame* frame, OutputPlan* plan,
              Unsupported* unsupported)
      : func(func), frame(frame), plan(plan), unsupported(unsupported) {
    plan->graph = std::make_shared<Graph>();
    grad_enabled = GradModeEnabled();
    initial_grad = grad_enabled;
  }
  ~OutputGraph() { SetGradMode(initial_grad); }

  FunctionObject* func;
  Frame* frame;
  OutputPlan* plan;
  Unsupported* unsupported;
  bool grad_enabled;
  bool initial_grad;
  absl::flat_hash_map<Object*, VTRef> tracked;  // mutable objects by identity
  std::vector<VTRef> mutation_order;
  // Attribute values the traced code stored (or functional_call swapped in):
  // reads see them before the real attribute.
  struct AttrStore {
    Value object;
    std::string name;
    VTRef value;
    SourceRef object_source;
    bool replay;  // false for functional_call's temporary swaps
  };
  std::vector<AttrStore> attr_stores;
  std::vector<std::pair<int, VTRef>> cell_stores;  // root cells: deref, box

  VTRef FindAttrStore(const Value& obj, const std::string& name) {
    for (auto it = attr_stores.rbegin(); it != attr_stores.rend(); ++it) {
      if (it->object.Is(obj) && it->name == name) return it->value;
    }
    return nullptr;
  }

  // State to roll back to when a call breaks the graph (the call then runs
  // for real, so nothing it traced may stay).
  struct Checkpoint {
    size_t nodes, inputs, input_sources, mutations, attr_stores, cell_stores;
    bool grad_enabled;
    std::vector<std::pair<VTRef, VT>> saved;
  };
  Checkpoint Save() {
    Checkpoint c;
    c.nodes = graph().nodes().size();
    c.inputs = graph().num_inputs();
    c.input_sources = plan->input_sources.size();
    c.mutations = mutation_order.size();
    c.attr_stores = attr_stores.size();
    c.cell_stores = cell_stores.size();
    c.grad_enabled = grad_enabled;
    for (auto& kv : tracked) c.saved.emplace_back(kv.second, *kv.second);
    for (auto& cs : cell_stores) c.saved.emplace_back(cs.second, *cs.second);
    return c;
  }
  void Restore(const Checkpoint& c) {
    graph().Truncate(c.nodes, c.inputs);
    plan->input_sources.resize(c.input_sources);
    mutation_order.resize(c.mutations);
    attr_stores.resize(c.attr_stores);
    cell_stores.resize(c.cell_stores);
    for (auto& kv : c.saved) *kv.first = kv.second;
    // Trackers made after the checkpoint (new graph inputs) are dropped.
    for (auto it = tracked.begin(); it != tracked.end();) {
      auto cur = it++;
      if (cur->second->kind == VT::kTensor &&
          cur->second->node >= static_cast<int>(c.nodes)) {
        tracked.erase(cur);
      }
    }
    if (grad_enabled != c.grad_enabled) {
      grad_enabled = c.grad_enabled;
      SetGradMode(grad_enabled);
    }
  }
  std::string break_file;
  int break_line = 0;
  // Where the compiled frame broke (a CALL), and its state just before.
  int break_pc = -1;
  std::vector<VTRef> break_stack;
  uint32_t break_call_arg = 0;
  Value break_kwnames;
  int break_n_below = 0;
  std::vector<VTRef> break_locals;

  Graph& graph() { return *plan->graph; }

  bool Fail(std::string reason) {
    if (unsupported->reason.empty()) {
      unsupported->reason = std::move(reason);
      unsupported->filename = break_file;
      unsupported->lineno = break_line;
    }
    return false;
  }

  void AddGuard(Guard::Kind kind, const SourceRef& src, Value expected) {
    if (src == nullptr) return;
    Guard g;
    g.kind = kind;
    g.source = src;
    g.expected = std::move(expected);
    plan->guards.Add(std::move(g));
  }

  // VariableBuilder: a tracker for a real value reached through `src`.
  VTRef Wrap(const Value& v, const SourceRef& src) {
    if (v.is_object()) {
      auto it = tracked.find(v.as_object());
      if (it != tracked.end()) return it->second;
    }
    TensorMeta meta;
    if (GetTensorMeta(v, &meta)) return WrapTensor(v, src, meta);
    if (IsConstantValue(v)) {
      AddGuard(Guard::kEqualsMatch, src, v);
      return VT::Const(v);
    }
    TypeObject* type = TypeOf(v);
    // dict and subclasses that keep dict's item access (OrderedDict).
    bool dict_like =
        type == g_types.dict ||
        (type->IsSubtypeOf(g_types.dict) &&
         type->Lookup("__getitem__").Is(g_types.dict->Lookup("__getitem__")) &&
         type->Lookup("__iter__").Is(g_types.dict->Lookup("__iter__")));
    if (dict_like) {
      auto t = std::make_shared<VT>();
      t->kind = VT::kDict;
      t->source = src;
      t->value = v;
      auto* d = As<DictObject>(v);
      std::vector<Value> keys;
      size_t pos = 0;
      const DictObject::Entry* e;
      while (d->Next(&pos, &e)) {
        if (!IsConstantValue(e->key)) {
          Fail("dict with a non-constant key");
          return nullptr;
        }
        keys.push_back(e->key);
        auto lazy = std::make_shared<VT>();
        lazy->kind = VT::kLazy;
        lazy->value = e->value;
        lazy->source = src ? Source::Item(src, e->key) : nullptr;
        t->entries.emplace_back(e->key, lazy);
      }
      t->snapshot = t->entries;
      AddGuard(
          Guard::kDictKeys, src,
          TupleObject::Of({Value::FromObject(type),
                           TupleObject::FromValues(keys.data(), keys.size())}));
      tracked[v.as_object()] = t;
      return t;
    }
    if (type == g_types.tuple || type == g_types.list) {
      auto t = std::make_shared<VT>();
      t->kind = type == g_types.tuple ? VT::kTuple : VT::kList;
      t->source = src;
      t->value = v;
      std::vector<Value> items;
      if (type == g_types.tuple) {
        auto* tup = As<TupleObject>(v);
        items.assign(tup->data(), tup->data() + tup->size());
      } else {
        items = As<ListObject>(v)->items();
      }
      for (size_t i = 0; i < items.size(); ++i) {
        auto lazy = std::make_shared<VT>();
        lazy->kind = VT::kLazy;
        lazy->value = items[i];
        lazy->source =
            src ? Source::Item(src, Value::Int(static_cast<int64_t>(i)))
                : nullptr;
        t->items.push_back(lazy);
      }
      t->list_snapshot = t->items;
      if (src) {
        Guard g;
        g.kind = Guard::kListLength;
        g.source = src;
        g.expected = Value::FromObject(type);
        g.length = static_cast<int64_t>(items.size());
        plan->guards.Add(std::move(g));
      }
      if (type == g_types.list) tracked[v.as_object()] = t;
      return t;
    }
    // Functions, classes, modules, builtins: used by identity. Other objects
    // by type (their attributes are guarded as they are read).
    bool by_id = type == g_types.function || type == g_types.native_function ||
                 type == g_types.module || type->IsSubtypeOf(g_types.type) ||
                 type == g_types.method;
    if (by_id) {
      AddGuard(Guard::kIdMatch, src, v);
    } else {
      AddGuard(Guard::kTypeMatch, src, Value::FromObject(type));
    }
    return VT::Object(v, src);
  }

  VTRef WrapTensor(const Value& v, const SourceRef& src,
                   const TensorMeta& meta) {
    if (src == nullptr) {
      Fail("a tensor with no source");
      return nullptr;
    }
    Value example = MetaExample(v);
    if (example.is_null()) return nullptr;
    Guard g;
    g.kind = Guard::kTensorMatch;
    g.source = src;
    g.meta = meta;
    plan->guards.Add(std::move(g));
    auto t = std::make_shared<VT>();
    t->kind = VT::kTensor;
    t->source = src;
    t->value = v;
    t->example = example;
    std::string base = src->Name();
    std::string clean;
    for (char c : base) {
      clean += (isalnum(static_cast<unsigned char>(c)) ? c : '_');
    }
    while (!clean.empty() && clean.back() == '_') clean.pop_back();
    t->node = graph().AddPlaceholder(clean + "_", example);
    plan->input_sources.push_back(src);
    tracked[v.as_object()] = t;
    return t;
  }

  // A meta tensor with v's dtype, shape, strides and requires_grad.
  Value MetaExample(const Value& v) {
    Value d = CallMethod(v, "detach", nullptr, 0);
    if (d.is_null()) return FailPy("detach");
    Value meta = StrObject::New("meta");
    Value m = CallMethod(d, "to", &meta, 1);
    if (m.is_null()) return FailPy("to meta");
    Value rg = GetAttr(v, "requires_grad");
    if (rg.is_null()) return FailPy("requires_grad");
    if (rg.is_bool() && rg.as_bool()) {
      Value r = CallMethod(m, "requires_grad_", nullptr, 0);
      if (r.is_null()) return FailPy("requires_grad_");
    }
    return m;
  }

  Value FailPy(const char* what) {
    Value exc = FetchError();
    std::string text = exc.is_null() ? "" : ReprString(exc);
    size_t nl = text.find("\\n");
    if (nl != std::string::npos) text = text.substr(0, nl) + "...";
    Fail(absl::StrCat("could not run ", what, " on example tensors: ", text));
    return Value();
  }

  VTRef Realize(const VTRef& v) {
    if (v == nullptr || v->kind != VT::kLazy) return v;
    VTRef r = Wrap(v->value, v->source);
    return r;
  }
};

// ---- the translator

class Translator {
 public:
  Translator(OutputGraph* out, FunctionObject* func, CodeObject* code,
             int depth)
      : out_(out), func_(func), code_(code), depth_(depth) {
    locals_.resize(code->nlocalsplus());
  }

  std::vector<VTRef>& locals() { return locals_; }
  // Inlined code runs with the globals of the function it came from; a
  // function made in the traced frame brings its own closure boxes.
  void set_globals_func(FunctionObject* f) { func_ = f; }

  // Runs to RETURN_VALUE; false on a break (out_->unsupported set).
  bool Run(VTRef* result);

 private:
  bool Step(Opcode op, uint32_t arg, bool* done, VTRef* result);
  bool Unsupported(std::string reason) { return out_->Fail(std::move(reason)); }

  VTRef Pop() {
    VTRef v = stack_.back();
    stack_.pop_back();
    return v;
  }
  void Push(VTRef v) { stack_.push_back(std::move(v)); }
  VTRef Real(VTRef v) { return out_->Realize(v); }

  bool CallVT(const VTRef& fn, std::vector<VTRef> args,
              std::vector<std::pair<std::string, VTRef>> kwargs, VTRef* result);
  bool CallMethodVT(const VTRef& self, const std::string& name,
                    std::vector<VTRef> args,
                    std::vector<std::pair<std::string, VTRef>> kwargs,
                    VTRef* result);
  bool DictMethod(const VTRef& d, const std::string& name,
                  std::vector<VTRef>& args, VTRef* result);
  bool ListMethod(const VTRef& l, const std::string& name,
                  std::vector<VTRef>& args, VTRef* result);
  bool Inline(FunctionObject* fn, std::vector<VTRef> args,
              std::vector<std::pair<std::string, VTRef>> kwargs, VTRef* result);
  bool InlineCode(CodeObject* code, FunctionObject* fn, const Value& defaults,
                  const Value& kwdefaults, const std::vector<VTRef>* boxes,
                  std::vector<VTRef> args,
                  std::vector<std::pair<std::string, VTRef>> kwargs,
                  VTRef* result);
  // Records a graph call on tensors; `*result` is the new tracker.
  bool RecordCall(GraphNode::Op op, const Value& target,
                  const std::string& target_name, const std::string& method,
                  const std::vector<VTRef>& args,
                  const std::vector<std::pair<std::string, VTRef>>& kwargs,
                  VTRef* result);
  bool ToGraphArg(const VTRef& v, GraphArg* out, Value* example);
  Value CallOnMaterialized(GraphNode::Op op, const Value& target,
                           const std::string& method,
                           const std::vector<Value>& ex_args, TupleObject* kw);
  bool ConstValue(const VTRef& v, Value* out);
  bool BinaryOpVT(int op_index, const VTRef& a, const VTRef& b, VTRef* r);
  bool GetAttrVT(const VTRef& obj, const std::string& name, VTRef* result);
  bool Truth(const VTRef& v, int* truth);
  bool SetItemVT(const VTRef& container, const VTRef& key, VTRef value);
  void MarkMutated(const VTRef& v, bool all);
  bool SetGrad(bool enabled);
  bool FunctionalCall(std::vector<VTRef>& args,
                      std::vector<std::pair<std::string, VTRef>>& kwargs,
                      VTRef* result);
  bool MakeFunction(uint32_t flags);
  bool IterateObject(const VTRef& obj, std::vector<VTRef>* items);

  OutputGraph* out_;
  FunctionObject* func_;
  CodeObject* code_;
  int depth_;
  std::vector<VTRef> locals_;
  std::vector<VTRef> stack_;
  uint32_t pc_ = 0;
  Value kwnames_;
};

bool Translator::ConstValue(const VTRef& v, Value* out) {
  if (v->kind == VT::kConst || v->kind == VT::kObject) {
    *out = v->value;
    return true;
  }
  if (v->kind == VT::kTuple) {
    std::vector<Value> items;
    for (const VTRef& x : v->items) {
      Value c;
      if (!ConstValue(Real(x), &c)) return false;
      items.push_back(c);
    }
    *out = TupleObject::FromValues(items.data(), items.size());
    return true;
  }
  return false;
}

bool Translator::ToGraphArg(const VTRef& v0, GraphArg* out, Value* example) {
  VTRef v = Real(v0);
  if (v == nullptr) return false;
  if (v->kind == VT::kTensor) {
    *out = GraphArg::Node(v->node);
    *example = v->example;
    return true;
  }
  if (v->kind == VT::kConst) {
    *out = GraphArg::Const(v->value);
    *example = v->value;
    return true;
  }
  if (v->kind == VT::kTuple || v->kind == VT::kList) {
    GraphArg a;
    a.kind = v->kind == VT::kTuple ? GraphArg::kTuple : GraphArg::kList;
    std::vector<Value> ex;
    for (const VTRef& x : v->items) {
      GraphArg ga;
      Value e;
      if (!ToGraphArg(x, &ga, &e)) return false;
      a.items.push_back(std::move(ga));
      ex.push_back(e);
    }
    *out = std::move(a);
    *example = v->kind == VT::kTuple
                   ? TupleObject::FromValues(ex.data(), ex.size())
                   : ListObject::FromValues(ex.data(), ex.size());
    return true;
  }
  if (v->kind == VT::kObject &&
      (IsInstance(v->value, g_types.type) || v->value.is_object())) {
    // dtypes, devices and other plain objects pass as constants.
    *out = GraphArg::Const(v->value);
    *example = v->value;
    return true;
  }
  return Unsupported("an argument the graph cannot take");
}

namespace {

Value Materialize(const Value& v) {
  if (IsTensorValue(v)) {
    // zeros with v's shape, dtype and requires_grad, on the CPU.
    Value fn = GetAttr(v, "new_zeros");
    Value shape = GetAttr(v, "shape");
    Value rg = GetAttr(v, "requires_grad");
    if (fn.is_null() || shape.is_null() || rg.is_null()) return Value();
    Value args[3] = {shape, StrObject::New("cpu"), rg};
    Value kw = TupleObject::Of(
        {StrObject::New("device"), StrObject::New("requires_grad")});
    return Call(fn, args, 3, As<TupleObject>(kw));
  }
  if (IsInstance(v, g_types.tuple) || IsInstance(v, g_types.list)) {
    std::vector<Value> items;
    if (IsInstance(v, g_types.tuple)) {
      auto* t = As<TupleObject>(v);
      items.assign(t->data(), t->data() + t->size());
    } else {
      items = As<ListObject>(v)->items();
    }
    for (Value& x : items) {
      x = Materialize(x);
      if (x.is_null()) return x;
    }
    return IsInstance(v, g_types.tuple)
               ? TupleObject::FromValues(items.data(), items.size())
               : ListObject::FromValues(items.data(), items.size());
  }
  return v;
}

Value ToMeta(const Value& v) {
  if (IsTensorValue(v)) {
    Value meta = StrObject::New("meta");
    return CallMethod(v, "to", &meta, 1);
  }
  if (IsInstance(v, g_types.tuple)) {
    auto* t = As<TupleObject>(v);
    std::vector<Value> items(t->data(), t->data() + t->size());
    for (Value& x : items) {
      x = ToMeta(x);
      if (x.is_null()) return x;
    }
    return TupleObject::FromValues(items.data(), items.size());
  }
  return v;
}

}  // namespace

Value Translator::CallOnMaterialized(GraphNode::Op op, const Value& target,
                                     const std::string& method,
                                     const std::vector<Value>& ex_args,
                                     TupleObject* kw) {
  std::vector<Value> real;
  for (const Value& a : ex_args) {
    Value m = Materialize(a);
    if (m.is_null()) return m;
    real.push_back(std::move(m));
  }
  Value r;
  if (op == GraphNode::kCallMethod) {
    r = CallMethod(real[0], method.c_str(), real.data() + 1, real.size() - 1);
    if (kw != nullptr && kw->size() > 0) {
      return Raise(g_exc.RuntimeError, "method with keywords on CPU examples");
    }
  } else {
    r = Call(target, real.data(), real.size(), kw);
  }
  if (r.is_null()) return r;
  return ToMeta(r);
}

bool Translator::RecordCall(
    GraphNode::Op op, const Value& target, const std::string& target_name,
    const std::string& method, const std::vector<VTRef>& args,
    const std::vector<std::pair<std::string, VTRef>>& kwargs, VTRef* result) {
  GraphNode node;
  node.op = op;
  node.target = target;
  node.method = method;
  node.target_name = target_name;
  std::vector<Value> ex_args;
  for (const VTRef& a : args) {
    GraphArg ga;
    Value ex;
    if (!ToGraphArg(a, &ga, &ex)) return false;
    node.args.push_back(std::move(ga));
    ex_args.push_back(ex);
  }
  Value kwnames;
  if (!kwargs.empty()) {
    kwnames = TupleObject::New(kwargs.size());
    for (size_t i = 0; i < kwargs.size(); ++i) {
      GraphArg ga;
      Value ex;
      if (!ToGraphArg(kwargs[i].second, &ga, &ex)) return false;
      node.kwargs.emplace_back(kwargs[i].first, std::move(ga));
      As<TupleObject>(kwnames)->set(i, StrObject::New(kwargs[i].first));
      ex_args.push_back(ex);
    }
  }
  auto* kw = kwnames.is_null() ? nullptr : As<TupleObject>(kwnames);
  // Run it on the examples for the result's metadata.
  Value ex;
  if (op == GraphNode::kCallMethod) {
    bool is_method = false;
    Value m = LoadMethod(ex_args[0], StrObject::Intern(method), &is_method);
    if (m.is_null()) return out_->FailPy(method.c_str()).is_null() && false;
    ex = is_method ? Call(m, ex_args.data(), ex_args.size(), kw)
                   : Call(m, ex_args.data() + 1, ex_args.size() - 1, kw);
  } else {
    ex = Call(target, ex_args.data(), ex_args.size(), kw);
  }
  if (ex.is_null()) {
    // Some kernels have no meta implementation in this LibTorch: run the
    // call on zero-filled CPU tensors of the same metadata instead, and keep
    // the result's metadata.
    ClearError();
    ex = CallOnMaterialized(op, target, method, ex_args, kw);
    if (ex.is_null()) {
      out_->FailPy(target_name.empty() ? method.c_str() : target_name.c_str());
      return false;
    }
  }
  std::string base = op == GraphNode::kCallMethod ? method : target_name;
  size_t dot = base.rfind('.');
  if (dot != std::string::npos) base = base.substr(dot + 1);
  node.name = base;
  if (IsTensorValue(ex)) {
    node.example = ex;
    int id = out_->graph().AddCall(std::move(node));
    auto t = std::make_shared<VT>();
    t->kind = VT::kTensor;
    t->node = id;
    t->example = ex;
    *result = t;
    return true;
  }
  if (IsInstance(ex, g_types.tuple) || IsInstance(ex, g_types.list)) {
    std::vector<Value> items;
    if (IsInstance(ex, g_types.tuple)) {
      auto* tup = As<TupleObject>(ex);
      items.assign(tup->data(), tup->data() + tup->size());
    } else {
      items = As<ListObject>(ex)->items();
    }
    for (const Value& x : items) {
      if (!IsTensorValue(x)) {
        return Unsupported(absl::StrCat(base, " returned a non-tensor"));
      }
    }
    node.example = ex;
    int id = out_->graph().AddCall(std::move(node));
    auto tup = std::make_shared<VT>();
    tup->kind = VT::kTuple;
    for (size_t i = 0; i < items.size(); ++i) {
      GraphNode g;
      g.op = GraphNode::kCallFunction;
      g.target = g_cfg->getitem;
      g.target_name = "operator.getitem";
      g.name = "getitem";
      g.args = {GraphArg::Node(id),
                GraphArg::Const(Value::Int(static_cast<int64_t>(i)))};
      g.example = items[i];
      int gid = out_->graph().AddCall(std::move(g));
      auto t = std::make_shared<VT>();
      t->kind = VT::kTensor;
      t->node = gid;
      t->example = items[i];
      tup->items.push_back(t);
    }
    *result = tup;
    return true;
  }
  return Unsupported(absl::StrCat(base, " returned ", TypeName(ex),
                                  " (data-dependent values are not traced)"));
}

bool Translator::SetGrad(bool enabled) {
  if (out_->grad_enabled == enabled) return true;
  GraphNode node;
  node.op = GraphNode::kCallFunction;
  node.target = g_cfg->set_grad_enabled_c;
  node.target_name = "torch._C._set_grad_enabled";
  node.name = "_set_grad_enabled";
  node.args = {GraphArg::Const(Value::Bool(enabled))};
  node.example = Value::None();
  out_->graph().AddCall(std::move(node));
  out_->grad_enabled = enabled;
  SetGradMode(enabled);
  return true;
}

bool Translator::BinaryOpVT(int op_index, const VTRef& a0, const VTRef& b0,
                            VTRef* r) {
  VTRef a = Real(a0), b = Real(b0);
  if (a == nullptr || b == nullptr) return false;
  if (a->is_tensor() || b->is_tensor()) {
    const Value& target = g_cfg->op_targets[op_index];
    if (target.is_null()) return Unsupported("unsupported operator on tensors");
    Value name = GetAttr(target, "__name__");
    std::string n = name.is_null() ? "op" : As<StrObject>(name)->str();
    ClearError();
    return RecordCall(GraphNode::kCallFunction, target, "operator." + n, "",
                      {a, b}, {}, r);
  }
  Value x, y;
  if (!ConstValue(a, &x) || !ConstValue(b, &y)) {
    return Unsupported("operator on non-constant values");
  }
  Value v;
  if (op_index >= kCompareBase) {
    v = RichCompare(x, y, static_cast<CompareOp>(op_index - kCompareBase));
  } else {
    v = BinaryOp(x, y, static_cast<BinOp>(op_index));
  }
  if (v.is_null()) return out_->FailPy("operator").is_null() && false;
  *r = IsConstantValue(v) ? VT::Const(v) : VT::Object(v, nullptr);
  return true;
}

bool Translator::Truth(const VTRef& v0, int* truth) {
  VTRef v = Real(v0);
  if (v == nullptr) return false;
  if (v->is_tensor()) {
    return Unsupported("data-dependent branching on a tensor");
  }
  if (v->kind == VT::kDict) {
    *truth = !v->entries.empty();
    return true;
  }
  if (v->kind == VT::kList || v->kind == VT::kTuple) {
    *truth = !v->items.empty();
    return true;
  }
  Value c;
  if (!ConstValue(v, &c)) return Unsupported("truth of an unknown value");
  *truth = IsTrue(c);
  if (*truth < 0) return out_->FailPy("bool").is_null() && false;
  return true;
}

void Translator::MarkMutated(const VTRef& v, bool all) {
  if (!v->mutated) {
    v->mutated = true;
    out_->mutation_order.push_back(v);
  }
  if (all) v->reconstruct_all = true;
}

bool Translator::SetItemVT(const VTRef& c0, const VTRef& key0, VTRef value) {
  VTRef c = Real(c0), key = Real(key0);
  if (c == nullptr || key == nullptr) return false;
  if (c->kind == VT::kDict) {
    Value k;
    if (!key->is_const() || !ConstValue(key, &k)) {
      return Unsupported("dict key that is not a constant");
    }
    for (auto& e : c->entries) {
      if (RichCompareBool(e.first, k, CompareOp::kEq) == 1) {
        e.second = value;
        MarkMutated(c, false);
        return true;
      }
    }
    c->entries.emplace_back(k, value);
    MarkMutated(c, false);
    return true;
  }
  if (c->kind == VT::kList) {
    Value k;
    if (!key->is_const() || !ConstValue(key, &k) || !k.is_int()) {
      return Unsupported("list index that is not a constant int");
    }
    int64_t i = k.as_int();
    int64_t n = static_cast<int64_t>(c->items.size());
    if (i < 0) i += n;
    if (i < 0 || i >= n) return Unsupported("list index out of range");
    c->items[i] = value;
    MarkMutated(c, true);
    return true;
  }
  if (c->is_tensor()) {
    VTRef ignored;
    return RecordCall(GraphNode::kCallFunction, g_cfg->op_targets[63],
                      "operator.setitem", "", {c, key, value}, {}, &ignored);
  }
  return Unsupported(absl::StrCat("item assignment on ", TypeName(c->value)));
}

bool Translator::DictMethod(const VTRef& d, const std::string& name,
                            std::vector<VTRef>& args, VTRef* result) {
  auto find = [&](const VTRef& key, size_t* idx) -> int {
    VTRef k = Real(key);
    Value kv;
    if (k == nullptr || !k->is_const() || !ConstValue(k, &kv)) return -1;
    for (size_t i = 0; i < d->entries.size(); ++i) {
      if (RichCompareBool(d->entries[i].first, kv, CompareOp::kEq) == 1) {
        *idx = i;
        return 1;
      }
    }
    return 0;
  };
  size_t idx = 0;
  if (name == "get" && (args.size() == 1 || args.size() == 2)) {
    int found = find(args[0], &idx);
    if (found < 0) return Unsupported("dict.get with a non-constant key");
    *result = found ? d->entries[idx].second
                    : (args.size() == 2 ? args[1] : VT::Const(Value::None()));
    return true;
  }
  if (name == "__getitem__" && args.size() == 1) {
    int found = find(args[0], &idx);
    if (found != 1) return Unsupported("dict lookup of a missing key");
    *result = d->entries[idx].second;
    return true;
  }
  if (name == "__contains__" && args.size() == 1) {
    int found = find(args[0], &idx);
    if (found < 0) return Unsupported("`in` with a non-constant key");
    *result = VT::Const(Value::Bool(found == 1));
    return true;
  }
  if (name == "pop" && (args.size() == 1 || args.size() == 2)) {
    int found = find(args[0], &idx);
    if (found < 0) return Unsupported("dict.pop with a non-constant key");
    if (found == 0) {
      if (args.size() == 2) {
        *result = args[1];
        return true;
      }
      return Unsupported("dict.pop of a missing key");
    }
    *result = d->entries[idx].second;
    d->entries.erase(d->entries.begin() + idx);
    MarkMutated(d, true);
    return true;
  }
  if (name == "popitem" && args.empty()) {
    if (d->entries.empty()) return Unsupported("popitem on an empty dict");
    auto last = d->entries.back();
    d->entries.pop_back();
    MarkMutated(d, true);
    auto tup = std::make_shared<VT>();
    tup->kind = VT::kTuple;
    tup->items = {VT::Const(last.first), last.second};
    *result = tup;
    return true;
  }
  if (name == "clear" && args.empty()) {
    d->entries.clear();
    MarkMutated(d, true);
    *result = VT::Const(Value::None());
    return true;
  }
  if (name == "__setitem__" && args.size() == 2) {
    if (!SetItemVT(d, args[0], args[1])) return false;
    *result = VT::Const(Value::None());
    return true;
  }
  if (name == "__delitem__" && args.size() == 1) {
    int found = find(args[0], &idx);
    if (found != 1) return Unsupported("del of a missing or unknown key");
    d->entries.erase(d->entries.begin() + idx);
    MarkMutated(d, true);
    *result = VT::Const(Value::None());
    return true;
  }
  if (name == "setdefault" && (args.size() == 1 || args.size() == 2)) {
    int found = find(args[0], &idx);
    if (found < 0) return Unsupported("setdefault with a non-constant key");
    if (found == 1) {
      *result = d->entries[idx].second;
      return true;
    }
    VTRef value = args.size() == 2 ? args[1] : VT::Const(Value::None());
    if (!SetItemVT(d, args[0], value)) return false;
    *result = value;
    return true;
  }
  if (name == "update" && args.size() == 1) {
    VTRef other = Real(args[0]);
    if (other == nullptr || other->kind != VT::kDict) {
      return Unsupported("dict.update with a non-dict");
    }
    for (auto& e : other->entries) {
      if (!SetItemVT(d, VT::Const(e.first), e.second)) return false;
    }
    *result = VT::Const(Value::None());
    return true;
  }
  if (name == "copy" && args.empty()) {
    auto c = std::make_shared<VT>();
    c->kind = VT::kDict;
    c->entries = d->entries;
    c->created_here = true;
    *result = c;
    return true;
  }
  if ((name == "keys" || name == "values" || name == "items") && args.empty()) {
    auto l = std::make_shared<VT>();
    l->kind = VT::kTuple;
    for (auto& e : d->entries) {
      if (name == "keys") {
        l->items.push_back(VT::Const(e.first));
      } else if (name == "values") {
        l->items.push_back(e.second);
      } else {
        auto pair = std::make_shared<VT>();
        pair->kind = VT::kTuple;
        pair->items = {VT::Const(e.first), e.second};
        l->items.push_back(pair);
      }
    }
    *result = l;
    return true;
  }
  return Unsupported(absl::StrCat("dict.", name));
}

bool Translator::ListMethod(const VTRef& l, const std::string& name,
                            std::vector<VTRef>& args, VTRef* result) {
  if (name == "append" && args.size() == 1) {
    l->items.push_back(args[0]);
    MarkMutated(l, true);
    *result = VT::Const(Value::None());
    return true;
  }
  if (name == "pop" && args.size() <= 1) {
    if (l->items.empty()) return Unsupported("pop from an empty list");
    int64_t i = static_cast<int64_t>(l->items.size()) - 1;
    if (args.size() == 1) {
      Value k;
      if (!ConstValue(Real(args[0]), &k) || !k.is_int()) {
        return Unsupported("list.pop with a non-constant index");
      }
      i = k.as_int() < 0 ? k.as_int() + l->items.size() : k.as_int();
    }
    *result = l->items[i];
    l->items.erase(l->items.begin() + i);
    MarkMutated(l, true);
    return true;
  }
  if (name == "extend" && args.size() == 1) {
    VTRef other = Real(args[0]);
    if (other == nullptr ||
        (other->kind != VT::kList && other->kind != VT::kTuple)) {
      return Unsupported("list.extend with a non-sequence");
    }
    for (const VTRef& x : other->items) l->items.push_back(x);
    MarkMutated(l, true);
    *result = VT::Const(Value::None());
    return true;
  }
  return Unsupported(absl::StrCat("list.", name));
}

bool Translator::GetAttrVT(const VTRef& obj0, const std::string& name,
                           VTRef* result) {
  VTRef obj = Real(obj0);
  if (obj == nullptr) return false;
  if (obj->is_tensor()) {
    // Metadata answers come from the example; anything else is a graph call
    // of getattr.
    if (name == "shape" || name == "dtype" || name == "device" ||
        name == "ndim" || name == "requires_grad" || name == "is_leaf") {
      Value v = GetAttr(obj->example, name.c_str());
      if (v.is_null()) return out_->FailPy(name.c_str()).is_null() && false;
      if (name == "device") {
        v = GetAttr(obj->value.is_null() ? obj->example : obj->value,
                    name.c_str());
        if (v.is_null() || obj->value.is_null()) {
          ClearError();
          return Unsupported("device of a computed tensor");
        }
      }
      *result = IsConstantValue(v) ? VT::Const(v) : VT::Object(v, nullptr);
      return true;
    }
    if (name == "T" || name == "mT" || name == "data" || name == "real") {
      return Unsupported(absl::StrCat("tensor attribute ", name));
    }
    auto m = std::make_shared<VT>();
    m->kind = VT::kMethod;
    m->items = {obj};
    m->name = name;
    *result = m;
    return true;
  }
  if (obj->kind == VT::kDict || obj->kind == VT::kList) {
    auto m = std::make_shared<VT>();
    m->kind = VT::kMethod;
    m->items = {obj};
    m->name = name;
    *result = m;
    return true;
  }
  if (obj->kind == VT::kObject || obj->kind == VT::kConst) {
    VTRef stored = out_->FindAttrStore(obj->value, name);
    if (stored != nullptr) {
      *result = stored;
      return true;
    }
    // A real attribute read (modules, classes, user objects), guarded
    // through its source.
    Value v = GetAttr(obj->value, name.c_str());
    if (v.is_null()) return out_->FailPy("getattr").is_null() && false;
    SourceRef src = obj->source ? Source::Attr(obj->source, name) : nullptr;
    if (src == nullptr) {
      if (IsConstantValue(v)) {
        *result = VT::Const(v);
        return true;
      }
      if (IsTensorValue(v))
        return Unsupported("tensor attribute of a temporary");
      *result = VT::Object(v, nullptr);
      return true;
    }
    *result = out_->Wrap(v, src);
    return *result != nullptr;
  }
  return Unsupported(absl::StrCat("attribute ", name));
}

bool Translator::Inline(FunctionObject* fn, std::vector<VTRef> args,
                        std::vector<std::pair<std::string, VTRef>> kwargs,
                        VTRef* result) {
  return InlineCode(fn->code(), fn, fn->defaults, fn->kwdefaults, nullptr,
                    std::move(args), std::move(kwargs), result);
}

bool Translator::InlineCode(CodeObject* code, FunctionObject* fn,
                            const Value& defaults_value,
                            const Value& kwdefaults_value,
                            const std::vector<VTRef>* boxes,
                            std::vector<VTRef> args,
                            std::vector<std::pair<std::string, VTRef>> kwargs,
                            VTRef* result) {
  if (depth_ > 20) return Unsupported("inlining too deep");
  if (code->flags & (kCoGenerator | kCoCoroutine | kCoAsyncGenerator |
                     kCoVarargs | kCoVarkeywords)) {
    return Unsupported(absl::StrCat("inlining ", code->name,
                                    " (generator or *args/**kwargs)"));
  }
  Translator t(out_, fn, code, depth_ + 1);
  size_t nparams = code->argcount + code->kwonlyargcount;
  std::vector<VTRef> bound(nparams);
  if (args.size() > static_cast<size_t>(code->argcount)) {
    return Unsupported("too many arguments to an inlined call");
  }
  for (size_t i = 0; i < args.size(); ++i) bound[i] = args[i];
  for (auto& kv : kwargs) {
    size_t i = 0;
    for (; i < nparams; ++i) {
      if (As<StrObject>(code->varnames[i])->str() == kv.first) break;
    }
    if (i == nparams || bound[i] != nullptr) {
      return Unsupported("keyword argument of an inlined call");
    }
    bound[i] = kv.second;
  }
  // Defaults.
  size_t npos = code->argcount;
  if (defaults_value.is_object()) {
    auto* defs = As<TupleObject>(defaults_value);
    size_t first = npos - defs->size();
    for (size_t i = first; i < npos; ++i) {
      if (bound[i] == nullptr) {
        const Value& d = defs->get(i - first);
        bound[i] = IsConstantValue(d) ? VT::Const(d) : VT::Object(d, nullptr);
      }
    }
  }
  if (kwdefaults_value.is_object()) {
    for (size_t i = npos; i < nparams; ++i) {
      if (bound[i] != nullptr) continue;
      Value d = As<DictObject>(kwdefaults_value)
                    ->GetStr(As<StrObject>(code->varnames[i]));
      if (!d.is_null()) {
        bound[i] = IsConstantValue(d) ? VT::Const(d) : VT::Object(d, nullptr);
      }
    }
  }
  for (size_t i = 0; i < nparams; ++i) {
    if (bound[i] == nullptr)
      return Unsupported("missing argument in inlined call");
    t.locals()[i] = bound[i];
  }
  // Cells: arguments moved into cells, and the closure's free variables.
  for (size_t i = 0; i < code->ncells(); ++i) {
    auto cell = std::make_shared<VT>();
    cell->kind = VT::kList;  // a one-slot box
    cell->created_here = true;
    int arg = code->cell2arg.empty() ? -1 : code->cell2arg[i];
    cell->items = {arg >= 0 ? t.locals()[arg] : nullptr};
    t.locals()[code->nlocals() + i] = cell;
  }
  if (boxes != nullptr) {
    for (size_t i = 0; i < code->nfree() && i < boxes->size(); ++i) {
      t.locals()[code->nlocals() + code->ncells() + i] = (*boxes)[i];
    }
  } else if (code->nfree() > 0) {
    auto* closure = As<TupleObject>(fn->closure);
    for (size_t i = 0; i < code->nfree(); ++i) {
      auto* cell = As<CellObject>(closure->get(i));
      auto box = std::make_shared<VT>();
      box->kind = VT::kList;
      box->created_here = true;
      Value contents = cell->contents;
      if (contents.is_null()) {
        box->items = {nullptr};
      } else if (IsConstantValue(contents)) {
        box->items = {VT::Const(contents)};
      } else {
        // No source reaches a closure's cell from the root frame in general:
        // non-constant contents are used by identity.
        auto it = out_->tracked.find(contents.is_object() ? contents.as_object()
                                                          : nullptr);
        box->items = {it != out_->tracked.end()
                          ? it->second
                          : (IsTensorValue(contents)
                                 ? nullptr
                                 : VT::Object(contents, nullptr))};
        if (box->items[0] == nullptr) {
          return Unsupported("a tensor captured by an inlined closure");
        }
      }
      t.locals()[code->nlocals() + code->ncells() + i] = box;
    }
  }
  return t.Run(result);
}

bool Translator::CallMethodVT(const VTRef& self0, const std::string& name,
                              std::vector<VTRef> args,
                              std::vector<std::pair<std::string, VTRef>> kwargs,
                              VTRef* result) {
  VTRef self = Real(self0);
  if (self == nullptr) return false;
  if (self->is_tensor()) {
    if (name == "size" || name == "dim" || name == "numel" ||
        name == "ndimension" || name == "is_floating_point" ||
        name == "stride" || name == "is_contiguous" || name == "nelement" ||
        name == "element_size") {
      std::vector<Value> cargs;
      for (const VTRef& a : args) {
        Value c;
        if (!ConstValue(Real(a), &c)) return Unsupported("tensor." + name);
        cargs.push_back(c);
      }
      Value r =
          CallMethod(self->example, name.c_str(), cargs.data(), cargs.size());
      if (r.is_null()) return out_->FailPy(name.c_str()).is_null() && false;
      *result = IsConstantValue(r) ? VT::Const(r) : VT::Object(r, nullptr);
      return true;
    }
    if (name == "item" || name == "tolist" || name == "numpy" ||
        name == "data_ptr" || name == "__bool__" || name == "__index__") {
      return Unsupported(
          absl::StrCat("Tensor.", name, " (a data-dependent value)"));
    }
    std::vector<VTRef> all = {self};
    for (auto& a : args) all.push_back(a);
    return RecordCall(GraphNode::kCallMethod, Value(), "", name, all, kwargs,
                      result);
  }
  if (self->kind == VT::kDict) {
    if (!kwargs.empty()) return Unsupported("dict method with keywords");
    return DictMethod(self, name, args, result);
  }
  if (self->kind == VT::kList) {
    if (!kwargs.empty()) return Unsupported("list method with keywords");
    return ListMethod(self, name, args, result);
  }
  VTRef attr;
  if (!GetAttrVT(self, name, &attr)) return false;
  return CallVT(attr, std::move(args), std::move(kwargs), result);
}

bool Translator::CallVT(const VTRef& fn0, std::vector<VTRef> args,
                        std::vector<std::pair<std::string, VTRef>> kwargs,
                        VTRef* result) {
  VTRef fn = Real(fn0);
  if (fn == nullptr) return false;
  if (fn->kind == VT::kMethod) {
    return CallMethodVT(fn->items[0], fn->name, std::move(args),
                        std::move(kwargs), result);
  }
  if (fn->kind == VT::kGradMode && fn->name == "__exit__") {
    // The exit of a `with` block: back to the mode before it.
    if (!SetGrad(fn->grad_enabled)) return false;
    *result = VT::Const(Value::None());
    return true;
  }
  if (fn->kind == VT::kGradMode) {
    // torch.no_grad()(fn): a wrapped callable; set_grad_enabled(b)(fn)
    // first restores the mode it switched on construction.
    if (args.size() != 1 || !kwargs.empty()) {
      return Unsupported("calling a grad-mode object");
    }
    if (fn->grad_applied && !SetGrad(!fn->grad_enabled)) return false;
    auto w = std::make_shared<VT>();
    w->kind = VT::kGradWrapped;
    w->items = {args[0]};
    w->grad_enabled = fn->grad_enabled;
    *result = w;
    return true;
  }
  if (fn->kind == VT::kGradWrapped) {
    bool prev = out_->grad_enabled;
    if (!SetGrad(fn->grad_enabled)) return false;
    if (!CallVT(fn->items[0], std::move(args), std::move(kwargs), result)) {
      return false;
    }
    return SetGrad(prev);
  }
  if (fn->kind == VT::kFunction) {
    auto* code = As<CodeObject>(fn->value);
    return InlineCode(code, func_, fn->defaults, Value(), &fn->items,
                      std::move(args), std::move(kwargs), result);
  }
  if (fn->kind != VT::kObject && fn->kind != VT::kConst) {
    return Unsupported("calling a non-callable tracker");
  }
  const Value& callee = fn->value;
  Object* id = callee.is_object() ? callee.as_object() : nullptr;
  auto special = g_cfg->special.find(id);
  if (special != g_cfg->special.end()) {
    switch (special->second) {
      case kGraphBreak:
        return Unsupported("graph_break() call");
      case kIsCompiling:
        *result = VT::Const(Value::Bool(true));
        return true;
      case kIsGradEnabled:
        *result = VT::Const(Value::Bool(out_->grad_enabled));
        return true;
      case kNoGrad:
      case kEnableGrad:
      case kSetGradEnabled: {
        auto g = std::make_shared<VT>();
        g->kind = VT::kGradMode;
        g->value = callee;
        if (special->second == kSetGradEnabled) {
          Value b;
          if (args.size() != 1 || !ConstValue(Real(args[0]), &b) ||
              !b.is_bool()) {
            return Unsupported("set_grad_enabled with a non-constant");
          }
          g->grad_enabled = b.as_bool();
          // set_grad_enabled(b) takes effect when called.
          g->grad_applied = true;
          if (!SetGrad(b.as_bool())) return false;
        } else {
          g->grad_enabled = special->second == kEnableGrad;
        }
        *result = g;
        return true;
      }
      case kSkipped:
        return Unsupported("call to a skipped function");
      case kFunctionalCall:
        return FunctionalCall(args, kwargs, result);
      default:
        break;
    }
  }
  auto gf = g_cfg->graph_functions.find(id);
  if (gf != g_cfg->graph_functions.end()) {
    return RecordCall(GraphNode::kCallFunction, callee, gf->second, "", args,
                      kwargs, result);
  }
  if (IsInstance(callee, g_types.function)) {
    return Inline(As<FunctionObject>(callee), std::move(args),
                  std::move(kwargs), result);
  }
  if (IsInstance(callee, g_types.method)) {
    auto* bm = As<BoundMethod>(callee);
    if (IsInstance(bm->func, g_types.function)) {
      std::vector<VTRef> all;
      all.push_back(
          out_->Wrap(bm->self, fn->source ? Source::Attr(fn->source, "__self__")
                                          : nullptr));
      if (all[0] == nullptr) return false;
      for (auto& a : args) all.push_back(a);
      return Inline(As<FunctionObject>(bm->func), std::move(all),
                    std::move(kwargs), result);
    }
  }
  // Builtins and classes on constants: call for real.
  bool all_const = true;
  std::vector<Value> cargs;
  for (const VTRef& a : args) {
    Value c;
    VTRef r = Real(a);
    if (r == nullptr) return false;
    if (r->is_tensor() && callee.Is(Value::FromObject(g_types.int_))) {
      all_const = false;
      break;
    }
    if ((r->kind == VT::kList || r->kind == VT::kTuple ||
         r->kind == VT::kDict) &&
        IsInstance(callee, g_types.native_function) &&
        As<NativeFunction>(callee)->name() == "len" && args.size() == 1) {
      size_t n = r->kind == VT::kDict ? r->entries.size() : r->items.size();
      *result = VT::Const(Value::Int(static_cast<int64_t>(n)));
      return true;
    }
    if (r->is_tensor() && IsInstance(callee, g_types.native_function)) {
      const std::string& nm = As<NativeFunction>(callee)->name();
      if (nm == "len" && r->example.is_object()) {
        Value n = CallMethod(r->example, "__len__", nullptr, 0);
        if (n.is_null()) return out_->FailPy("len").is_null() && false;
        *result = VT::Const(n);
        return true;
      }
      if (nm == "isinstance" && args.size() == 2) {
        Value t;
        if (!ConstValue(Real(args[1]), &t)) return Unsupported("isinstance");
        Value ex_args[2] = {r->value.is_null() ? r->example : r->value, t};
        Value b = Call(callee, ex_args, 2);
        if (b.is_null()) return out_->FailPy("isinstance").is_null() && false;
        *result = VT::Const(b);
        return true;
      }
    }
    if (!ConstValue(r, &c) || r->kind == VT::kObject) {
      if (r->kind == VT::kObject &&
          IsInstance(callee, g_types.native_function)) {
        cargs.push_back(r->value);
        continue;
      }
      all_const = false;
      break;
    }
    cargs.push_back(c);
  }
  bool pure_builtin = IsInstance(callee, g_types.native_function) ||
                      callee.Is(Value::FromObject(g_types.int_)) ||
                      callee.Is(Value::FromObject(g_types.float_)) ||
                      callee.Is(Value::FromObject(g_types.str)) ||
                      callee.Is(Value::FromObject(g_types.bool_)) ||
                      callee.Is(Value::FromObject(g_types.tuple)) ||
                      callee.Is(Value::FromObject(g_types.range));
  if (all_const && kwargs.empty() && pure_builtin) {
    const std::string nm = IsInstance(callee, g_types.native_function)
                               ? As<NativeFunction>(callee)->name()
                               : "";
    static const char* kAllowed[] = {
        "len", "isinstance", "issubclass", "abs",      "min",
        "max", "hasattr",    "getattr",    "callable", "type",
        "id",  "round",      "divmod",     "sum",      "any",
        "all", "ord",        "chr",        "repr",     "hash"};
    bool ok = nm.empty();
    for (const char* a : kAllowed) ok |= nm == a;
    if (ok) {
      Value r = Call(callee, cargs.data(), cargs.size());
      if (r.is_null()) return out_->FailPy(nm.c_str()).is_null() && false;
      *result = IsConstantValue(r) ? VT::Const(r) : VT::Object(r, nullptr);
      return true;
    }
  }
  // An nn.Module without hooks: inline its forward, as Dynamo does.
  if (!g_cfg->module_type.is_null() && callee.is_object() &&
      TypeOf(callee)->IsSubtypeOf(As<TypeObject>(g_cfg->module_type))) {
    Value fwd = TypeOf(callee)->Lookup("forward");
    Value hooks = GetAttr(callee, "_forward_hooks");
    Value pre = GetAttr(callee, "_forward_pre_hooks");
    if (hooks.is_null() || pre.is_null()) {
      ClearError();
      return Unsupported("a module without hook dicts");
    }
    if (Length(hooks) > 0 || Length(pre) > 0) {
      return Unsupported("a module with forward hooks");
    }
    if (!fwd.is_null() && IsInstance(fwd, g_types.function)) {
      std::vector<VTRef> all = {fn};
      for (auto& a : args) all.push_back(a);
      return Inline(As<FunctionObject>(fwd), std::move(all), std::move(kwargs),
                    result);
    }
  }
  // A callable object: inline its type's __call__.
  if (callee.is_object() && !IsInstance(callee, g_types.type) &&
      !IsInstance(callee, g_types.native_function)) {
    Value call = TypeOf(callee)->Lookup("__call__");
    if (!call.is_null() && IsInstance(call, g_types.function)) {
      std::vector<VTRef> all = {fn};
      for (auto& a : args) all.push_back(a);
      return Inline(As<FunctionObject>(call), std::move(all), std::move(kwargs),
                    result);
    }
  }
  std::string what = ReprString(callee);
  return Unsupported(absl::StrCat("call to ", what));
}

// torch.func.functional_call(module, tensors, args[, kwargs]): the module's
// parameters and buffers named (dotted) in `tensors` read as the given
// trackers while its forward is inlined; nothing it does to the module's
// parameter dicts is a side effect.
bool Translator::FunctionalCall(
    std::vector<VTRef>& args,
    std::vector<std::pair<std::string, VTRef>>& kwargs, VTRef* result) {
  if (args.size() < 2 || args.size() > 4 || !kwargs.empty()) {
    return Unsupported("functional_call with unusual arguments");
  }
  VTRef module = Real(args[0]);
  VTRef tensors = Real(args[1]);
  if (module == nullptr || tensors == nullptr) return false;
  if (module->kind != VT::kObject || tensors->kind != VT::kDict) {
    return Unsupported("functional_call on a non-module or non-dict");
  }
  size_t mark = out_->attr_stores.size();
  for (auto& e : tensors->entries) {
    if (!IsInstance(e.first, g_types.str)) {
      return Unsupported("functional_call with a non-string name");
    }
    std::string dotted = As<StrObject>(e.first)->str();
    Value owner = module->value;
    size_t start = 0;
    while (true) {
      size_t dot = dotted.find('.', start);
      if (dot == std::string::npos) break;
      owner = GetAttr(owner, dotted.substr(start, dot - start).c_str());
      if (owner.is_null())
        return out_->FailPy("functional_call").is_null() && false;
      start = dot + 1;
    }
    VTRef value = Real(e.second);
    if (value == nullptr) return false;
    out_->attr_stores.push_back(
        {owner, dotted.substr(start), value, nullptr, false});
  }
  std::vector<VTRef> call_args;
  if (args.size() >= 3) {
    VTRef a = Real(args[2]);
    if (a == nullptr) return false;
    if (a->kind == VT::kTuple) {
      call_args = a->items;
    } else {
      call_args = {a};
    }
  }
  std::vector<std::pair<std::string, VTRef>> call_kwargs;
  if (args.size() == 4) {
    VTRef k = Real(args[3]);
    if (k == nullptr || k->kind != VT::kDict) {
      return Unsupported("functional_call kwargs");
    }
    for (auto& e : k->entries) {
      call_kwargs.emplace_back(As<StrObject>(e.first)->str(), e.second);
    }
  }
  bool ok =
      CallVT(module, std::move(call_args), std::move(call_kwargs), result);
  out_->attr_stores.resize(mark);
  return ok;
}

// Iteration over a constant (a range, a tuple of constants) or an
// nn.Module container (Sequential, ModuleList: its submodules, reached
// through `_modules`).
bool Translator::IterateObject(const VTRef& obj, std::vector<VTRef>* items) {
  Value real = obj->value;
  Value it = GetIter(real);
  if (it.is_null()) return out_->FailPy("iter").is_null() && false;
  std::vector<Value> values;
  while (true) {
    Value x = IterNext(it);
    if (x.is_null()) break;
    values.push_back(std::move(x));
    if (values.size() > 10000) return Unsupported("iteration too long");
  }
  if (ErrorOccurred()) return out_->FailPy("next").is_null() && false;
  bool all_const = true;
  for (const Value& v : values) all_const &= IsConstantValue(v);
  if (all_const) {
    for (const Value& v : values) items->push_back(VT::Const(v));
    return true;
  }
  if (obj->kind == VT::kObject && obj->source != nullptr &&
      !g_cfg->module_type.is_null() &&
      TypeOf(real)->IsSubtypeOf(As<TypeObject>(g_cfg->module_type))) {
    Value mods = GetAttr(real, "_modules");
    if (mods.is_null() || !IsInstance(mods, g_types.dict)) {
      ClearError();
      return Unsupported("iteration over a module without _modules");
    }
    auto* d = As<DictObject>(mods);
    std::vector<std::pair<Value, Value>> entries;
    size_t pos = 0;
    const DictObject::Entry* e;
    while (d->Next(&pos, &e)) entries.emplace_back(e->key, e->value);
    if (entries.size() != values.size()) {
      return Unsupported("a module that iterates over other things");
    }
    SourceRef base = Source::Attr(obj->source, "_modules");
    for (size_t i = 0; i < values.size(); ++i) {
      if (!entries[i].second.Is(values[i])) {
        return Unsupported("a module that iterates over other things");
      }
      VTRef w = out_->Wrap(values[i], Source::Item(base, entries[i].first));
      if (w == nullptr) return false;
      items->push_back(w);
    }
    return true;
  }
  return Unsupported(absl::StrCat("iteration over ", TypeName(real)));
}

bool Translator::MakeFunction(uint32_t flags) {
  VTRef code = Pop();
  VTRef closure = (flags & 8) ? Pop() : nullptr;
  if (flags & 4) Pop();  // annotations: ignored, as in CPython's tracing
  if (flags & 2) return Unsupported("keyword-only defaults of a new function");
  VTRef defaults = (flags & 1) ? Pop() : nullptr;
  if (code->kind != VT::kObject || !IsInstance(code->value, g_types.code)) {
    return Unsupported("MAKE_FUNCTION of an unknown code");
  }
  auto fn = std::make_shared<VT>();
  fn->kind = VT::kFunction;
  fn->value = code->value;
  fn->created_here = true;
  if (closure != nullptr) fn->items = closure->items;
  if (defaults != nullptr) {
    Value d;
    if (!ConstValue(Real(defaults), &d)) {
      return Unsupported("non-constant defaults of a new function");
    }
    fn->defaults = d;
  }
  Push(fn);
  return true;
}

bool Translator::Run(VTRef* result) {
  const std::vector<Instruction>& code = code_->code;
  size_t steps = 0;
  while (pc_ < code.size()) {
    if (++steps > 100000) return Unsupported("trace too long");
    Instruction ins = code[pc_];
    out_->break_file = code_->filename;
    out_->break_line = code_->LineOf(pc_);
    ++pc_;
    bool done = false;
    if (!Step(ins.op(), ins.arg(), &done, result)) return false;
    if (done) return true;
  }
  return Unsupported("ran off the end of the code");
}

bool Translator::Step(Opcode op, uint32_t arg, bool* done, VTRef* result) {
  switch (op) {
    case Opcode::NOP:
    case Opcode::RESUME:
      return true;
    case Opcode::POP_TOP:
      Pop();
      return true;
    case Opcode::PUSH_NULL:
      Push(VT::Null());
      return true;
    case Opcode::COPY:
      Push(stack_[stack_.size() - arg]);
      return true;
    case Opcode::SWAP:
      std::swap(stack_.back(), stack_[stack_.size() - arg]);
      return true;
    case Opcode::LOAD_CONST: {
      const Value& c = code_->consts[arg];
      Push(IsConstantValue(c) ? VT::Const(c) : VT::Object(c, nullptr));
      return true;
    }
    case Opcode::LOAD_FAST: {
      VTRef v = locals_[arg];
      if (v == nullptr) {
        if (depth_ == 0) {
          const Value& real = out_->frame->localsplus()[arg];
          if (!real.is_null()) {
            std::string name = As<StrObject>(code_->varnames[arg])->str();
            v = out_->Wrap(real, Source::Local(name, arg));
            if (v == nullptr) return false;
            locals_[arg] = v;
          }
        }
        if (v == nullptr) return Unsupported("read of an unbound local");
      }
      Push(v);
      return true;
    }
    case Opcode::STORE_FAST:
      locals_[arg] = Pop();
      return true;
    case Opcode::DELETE_FAST:
      locals_[arg] = nullptr;
      return true;
    case Opcode::LOAD_GLOBAL: {
      const std::string& name = As<StrObject>(code_->names[arg >> 1])->str();
      DictObject* globals = func_->globals();
      Value v = globals->GetStr(As<StrObject>(code_->names[arg >> 1]));
      if (v.is_null()) {
        v = out_->frame->builtins->GetStr(
            As<StrObject>(code_->names[arg >> 1]));
      }
      if (v.is_null()) return Unsupported("read of a missing global " + name);
      SourceRef src;
      if (depth_ == 0 || globals == out_->frame->globals) {
        src = Source::Global(name);
      }
      VTRef t =
          src ? out_->Wrap(v, src)
              : (IsConstantValue(v) ? VT::Const(v) : VT::Object(v, nullptr));
      if (t == nullptr) return false;
      if (t->kind == VT::kTensor && src == nullptr) {
        return Unsupported("tensor global of another module");
      }
      if (arg & 1) Push(VT::Null());
      Push(t);
      return true;
    }
    case Opcode::LOAD_DEREF:
    case Opcode::LOAD_CLOSURE: {
      size_t slot = code_->nlocals() + arg;
      VTRef cell = locals_[slot];
      if (cell == nullptr && depth_ == 0) {
        const Value& real = out_->frame->localsplus()[slot];
        std::string name = As<StrObject>(code_->LocalsplusName(slot))->str();
        auto box = std::make_shared<VT>();
        box->kind = VT::kList;
        box->created_here = true;
        if (IsInstance(real, g_types.cell)) {
          const Value& contents = As<CellObject>(real)->contents;
          if (!contents.is_null()) {
            VTRef w = out_->Wrap(contents, Source::Cell(name, slot));
            if (w == nullptr) return false;
            box->items = {w};
          } else {
            box->items = {nullptr};
          }
        }
        box->value = real;
        locals_[slot] = cell = box;
      }
      if (cell == nullptr) return Unsupported("unknown cell");
      if (op == Opcode::LOAD_CLOSURE) {
        if (depth_ == 0) cell->cell_slot = static_cast<int>(arg);
        Push(cell);
        return true;
      }
      if (cell->items.empty() || cell->items[0] == nullptr) {
        return Unsupported("read of an empty cell");
      }
      Push(cell->items[0]);
      return true;
    }
    case Opcode::STORE_DEREF: {
      size_t slot = code_->nlocals() + arg;
      if (depth_ == 0) {
        // A cell of the compiled frame: replayed with STORE_DEREF.
        VTRef box = locals_[slot];
        if (box == nullptr) {
          box = std::make_shared<VT>();
          box->kind = VT::kList;
          box->created_here = true;
          locals_[slot] = box;
        }
        box->cell_slot = static_cast<int>(arg);
        box->items = {Pop()};
        bool known = false;
        for (auto& cs : out_->cell_stores) known |= cs.second == box;
        if (!known) out_->cell_stores.emplace_back(arg, box);
        return true;
      }
      if (locals_[slot] == nullptr)
        return Unsupported("store to an unknown cell");
      locals_[slot]->items = {Pop()};
      return true;
    }
    case Opcode::STORE_ATTR: {
      VTRef obj = Real(Pop());
      VTRef value = Pop();
      if (obj == nullptr) return false;
      if (obj->kind != VT::kObject || obj->source == nullptr ||
          IsInstance(obj->value, g_types.type) ||
          IsInstance(obj->value, g_types.module)) {
        return Unsupported("attribute store on this object");
      }
      out_->attr_stores.push_back({obj->value,
                                   As<StrObject>(code_->names[arg])->str(),
                                   value, obj->source, true});
      return true;
    }
    case Opcode::MAKE_FUNCTION:
      return MakeFunction(arg);
    case Opcode::LOAD_ATTR: {
      VTRef obj = Pop();
      VTRef r;
      if (!GetAttrVT(obj, As<StrObject>(code_->names[arg])->str(), &r)) {
        return false;
      }
      Push(r);
      return true;
    }
    case Opcode::LOAD_METHOD: {
      VTRef obj = Pop();
      VTRef r;
      const std::string& name = As<StrObject>(code_->names[arg])->str();
      VTRef real = Real(obj);
      if (real == nullptr) return false;
      if (real->is_tensor() || real->kind == VT::kDict ||
          real->kind == VT::kList) {
        auto m = std::make_shared<VT>();
        m->kind = VT::kMethod;
        m->items = {real};
        m->name = name;
        Push(VT::Null());
        Push(m);
        return true;
      }
      if (!GetAttrVT(real, name, &r)) return false;
      Push(VT::Null());
      Push(r);
      return true;
    }
    case Opcode::KW_NAMES:
      kwnames_ = code_->consts[arg];
      return true;
    case Opcode::CALL: {
      size_t nkw = kwnames_.is_null() ? 0 : As<TupleObject>(kwnames_)->size();
      std::vector<VTRef> before;
      if (depth_ == 0) before = stack_;
      size_t below = stack_.size() - arg - 2;
      std::vector<VTRef> all(stack_.end() - arg, stack_.end());
      stack_.resize(stack_.size() - arg);
      VTRef callable = Pop();
      VTRef null_or_meth = Pop();
      if (null_or_meth->kind != VT::kNull) {
        // A method and its self: self is the first argument.
        all.insert(all.begin(), callable);
        callable = null_or_meth;
      }
      std::vector<std::pair<std::string, VTRef>> kwargs;
      for (size_t i = 0; i < nkw; ++i) {
        kwargs.emplace_back(
            As<StrObject>(As<TupleObject>(kwnames_)->get(i))->str(),
            all[all.size() - nkw + i]);
      }
      all.resize(all.size() - nkw);
      Value kwnames = kwnames_;
      kwnames_ = Value();
      VTRef r;
      if (depth_ > 0) {
        if (!CallVT(callable, std::move(all), std::move(kwargs), &r)) {
          return false;
        }
        Push(r);
        return true;
      }
      // In the compiled frame, a call that cannot be traced is a graph
      // break: roll back what it traced and plan to run it for real.
      OutputGraph::Checkpoint cp = out_->Save();
      if (CallVT(callable, std::move(all), std::move(kwargs), &r)) {
        Push(r);
        return true;
      }
      if (!out_->unsupported->reason.empty() || ErrorOccurred()) {
        ClearError();
        out_->Restore(cp);
        out_->break_pc = static_cast<int>(pc_) - 1;
        out_->break_stack = std::move(before);
        out_->break_call_arg = arg;
        out_->break_kwnames = kwnames;
        out_->break_n_below = static_cast<int>(below);
        out_->break_locals = locals_;
      }
      return false;
    }
    case Opcode::BINARY_OP: {
      VTRef b = Pop(), a = Pop(), r;
      if (!BinaryOpVT(static_cast<int>(arg), a, b, &r)) return false;
      Push(r);
      return true;
    }
    case Opcode::COMPARE_OP: {
      VTRef b = Pop(), a = Pop(), r;
      if (!BinaryOpVT(kCompareBase + static_cast<int>(arg), a, b, &r)) {
        return false;
      }
      Push(r);
      return true;
    }
    case Opcode::IS_OP: {
      VTRef b = Real(Pop()), a = Real(Pop());
      if (a == nullptr || b == nullptr) return false;
      bool same;
      if (a->kind == VT::kConst && b->kind == VT::kConst) {
        same =
            a->value.Is(b->value) || (a->value.is_none() && b->value.is_none());
      } else if (a->is_tensor() || b->is_tensor()) {
        same = a == b;
      } else if ((a->kind == VT::kObject || a->kind == VT::kConst) &&
                 (b->kind == VT::kObject || b->kind == VT::kConst)) {
        same = a->value.Is(b->value);
      } else {
        same = a == b;
      }
      Push(VT::Const(Value::Bool(arg ? !same : same)));
      return true;
    }
    case Opcode::CONTAINS_OP: {
      VTRef container = Real(Pop()), item = Pop();
      if (container == nullptr) return false;
      VTRef r;
      if (container->kind == VT::kDict) {
        std::vector<VTRef> a = {item};
        if (!DictMethod(container, "__contains__", a, &r)) return false;
      } else {
        Value c, x;
        if (!ConstValue(container, &c) || !ConstValue(Real(item), &x)) {
          return Unsupported("`in` on non-constants");
        }
        int in = Contains(c, x);
        if (in < 0) return out_->FailPy("in").is_null() && false;
        r = VT::Const(Value::Bool(in == 1));
      }
      if (arg) r = VT::Const(Value::Bool(!r->value.as_bool()));
      Push(r);
      return true;
    }
    case Opcode::UNARY_NOT: {
      int truth;
      if (!Truth(Pop(), &truth)) return false;
      Push(VT::Const(Value::Bool(!truth)));
      return true;
    }
    case Opcode::UNARY_NEGATIVE: {
      VTRef a = Real(Pop());
      if (a == nullptr) return false;
      if (a->is_tensor()) {
        VTRef r;
        if (!RecordCall(GraphNode::kCallFunction, g_cfg->op_targets[62],
                        "operator.neg", "", {a}, {}, &r)) {
          return false;
        }
        Push(r);
        return true;
      }
      Value c;
      if (!ConstValue(a, &c))
        return Unsupported("negation of an unknown value");
      Value v = Negative(c);
      if (v.is_null()) return out_->FailPy("neg").is_null() && false;
      Push(VT::Const(v));
      return true;
    }
    case Opcode::BINARY_SUBSCR: {
      VTRef key = Pop(), container = Real(Pop());
      if (container == nullptr) return false;
      VTRef r;
      if (container->kind == VT::kDict) {
        std::vector<VTRef> a = {key};
        if (!DictMethod(container, "__getitem__", a, &r)) return false;
      } else if (container->kind == VT::kTuple ||
                 container->kind == VT::kList) {
        Value k;
        if (!ConstValue(Real(key), &k) || !k.is_int()) {
          return Unsupported("sequence index that is not a constant int");
        }
        int64_t i = k.as_int();
        int64_t n = static_cast<int64_t>(container->items.size());
        if (i < 0) i += n;
        if (i < 0 || i >= n) return Unsupported("index out of range");
        r = container->items[i];
      } else if (container->is_tensor()) {
        if (!RecordCall(GraphNode::kCallFunction, g_cfg->getitem,
                        "operator.getitem", "", {container, key}, {}, &r)) {
          return false;
        }
      } else {
        return Unsupported("subscript of an unknown value");
      }
      Push(r);
      return true;
    }
    case Opcode::STORE_SUBSCR: {
      VTRef key = Pop(), container = Pop(), value = Pop();
      return SetItemVT(container, key, value);
    }
    case Opcode::DELETE_SUBSCR: {
      VTRef key = Pop(), container = Real(Pop());
      if (container == nullptr) return false;
      if (container->kind != VT::kDict) return Unsupported("del of an item");
      std::vector<VTRef> a = {key};
      VTRef r;
      return DictMethod(container, "__delitem__", a, &r);
    }
    case Opcode::BUILD_TUPLE:
    case Opcode::BUILD_LIST: {
      auto t = std::make_shared<VT>();
      t->kind = op == Opcode::BUILD_TUPLE ? VT::kTuple : VT::kList;
      t->created_here = true;
      t->items.assign(stack_.end() - arg, stack_.end());
      stack_.resize(stack_.size() - arg);
      Push(t);
      return true;
    }
    case Opcode::BUILD_MAP: {
      auto d = std::make_shared<VT>();
      d->kind = VT::kDict;
      d->created_here = true;
      std::vector<VTRef> kv(stack_.end() - 2 * arg, stack_.end());
      stack_.resize(stack_.size() - 2 * arg);
      for (size_t i = 0; i < arg; ++i) {
        if (!SetItemVT(d, kv[2 * i], kv[2 * i + 1])) return false;
      }
      d->mutated = false;  // a new dict is rebuilt, never replayed
      Push(d);
      return true;
    }
    case Opcode::BUILD_CONST_KEY_MAP: {
      VTRef keys = Real(Pop());
      auto d = std::make_shared<VT>();
      d->kind = VT::kDict;
      d->created_here = true;
      std::vector<VTRef> vals(stack_.end() - arg, stack_.end());
      stack_.resize(stack_.size() - arg);
      Value kt;
      if (!ConstValue(keys, &kt)) return Unsupported("const key map");
      for (size_t i = 0; i < arg; ++i) {
        d->entries.emplace_back(As<TupleObject>(kt)->get(i), vals[i]);
      }
      Push(d);
      return true;
    }
    case Opcode::LIST_EXTEND: {
      VTRef seq = Real(Pop());
      VTRef list = stack_[stack_.size() - arg];
      if (seq == nullptr ||
          (seq->kind != VT::kTuple && seq->kind != VT::kList)) {
        return Unsupported("list.extend of an unknown value");
      }
      for (const VTRef& x : seq->items) list->items.push_back(x);
      return true;
    }
    case Opcode::LIST_TO_TUPLE: {
      VTRef l = Pop();
      auto t = std::make_shared<VT>();
      t->kind = VT::kTuple;
      t->created_here = true;
      t->items = l->items;
      Push(t);
      return true;
    }
    case Opcode::UNPACK_SEQUENCE: {
      VTRef seq = Real(Pop());
      if (seq == nullptr) return false;
      if (seq->kind != VT::kTuple && seq->kind != VT::kList) {
        return Unsupported("unpacking an unknown value");
      }
      if (seq->items.size() != arg) return Unsupported("unpack size mismatch");
      for (size_t i = arg; i > 0; --i) Push(seq->items[i - 1]);
      return true;
    }
    case Opcode::GET_ITER: {
      VTRef seq = Real(Pop());
      if (seq == nullptr) return false;
      auto it = std::make_shared<VT>();
      it->kind = VT::kTuple;  // an iterator: remaining items, consumed
      it->name = "iterator";
      if (seq->kind == VT::kTuple || seq->kind == VT::kList) {
        it->items = seq->items;
      } else if (seq->kind == VT::kDict) {
        for (auto& e : seq->entries) it->items.push_back(VT::Const(e.first));
      } else if (seq->kind == VT::kConst || seq->kind == VT::kObject) {
        if (!IterateObject(seq, &it->items)) return false;
      } else {
        return Unsupported("iteration over an unknown value");
      }
      Push(it);
      return true;
    }
    case Opcode::FOR_ITER: {
      VTRef it = stack_.back();
      if (it->name != "iterator")
        return Unsupported("FOR_ITER on a non-iterator");
      if (it->items.empty()) {
        Pop();
        pc_ = arg;
        return true;
      }
      VTRef next = it->items.front();
      it->items.erase(it->items.begin());
      Push(next);
      return true;
    }
    case Opcode::BEFORE_WITH: {
      VTRef mgr = Real(Pop());
      if (mgr == nullptr) return false;
      if (mgr->kind != VT::kGradMode) {
        return Unsupported("with on a context manager other than grad mode");
      }
      bool prev = out_->grad_enabled;
      if (!SetGrad(mgr->grad_enabled)) return false;
      auto exit = std::make_shared<VT>();
      exit->kind = VT::kGradMode;
      exit->grad_enabled = prev;
      exit->name = "__exit__";
      Push(exit);
      Push(VT::Const(Value::None()));
      return true;
    }
    case Opcode::POP_JUMP_IF_FALSE:
    case Opcode::POP_JUMP_IF_TRUE: {
      int truth;
      if (!Truth(Pop(), &truth)) return false;
      if ((op == Opcode::POP_JUMP_IF_TRUE) == (truth != 0)) pc_ = arg;
      return true;
    }
    case Opcode::POP_JUMP_IF_NONE:
    case Opcode::POP_JUMP_IF_NOT_NONE: {
      VTRef v = Real(Pop());
      if (v == nullptr) return false;
      bool is_none = v->kind == VT::kConst && v->value.is_none();
      if ((op == Opcode::POP_JUMP_IF_NONE) == is_none) pc_ = arg;
      return true;
    }
    case Opcode::JUMP_FORWARD:
    case Opcode::JUMP_BACKWARD:
      pc_ = arg;
      return true;
    case Opcode::LOAD_ASSERTION_ERROR:
      return Unsupported("assertion failed while tracing");
    case Opcode::RETURN_VALUE:
      *result = Pop();
      *done = true;
      return true;
    default:
      return Unsupported(absl::StrCat("opcode ", OpcodeName(op)));
  }
}

// ---- building the plan

class PlanBuilder {
 public:
  PlanBuilder(OutputGraph* out) : out_(out) {}

  bool Recon(const VTRef& v0, minidynamo::Recon* r) {
    VTRef v = v0;
    if (v->kind == VT::kLazy) {
      if (v->source == nullptr) return out_->Fail("a value with no source");
      r->kind = Recon::kSource;
      r->source = v->source;
      return true;
    }
    switch (v->kind) {
      case VT::kConst:
        r->kind = Recon::kConst;
        r->constant = v->value;
        return true;
      case VT::kTensor: {
        if (v->source != nullptr) {
          // A graph input is loaded from where it came from.
          r->kind = Recon::kSource;
          r->source = v->source;
          return true;
        }
        r->kind = Recon::kGraphOutput;
        auto it = outputs_.find(v->node);
        if (it == outputs_.end()) {
          int idx = static_cast<int>(out_->graph().outputs().size());
          out_->graph().outputs().push_back(GraphArg::Node(v->node));
          it = outputs_.emplace(v->node, idx).first;
        }
        r->output = it->second;
        return true;
      }
      case VT::kObject:
        if (v->source) {
          r->kind = Recon::kSource;
          r->source = v->source;
          return true;
        }
        if (IsConstantValue(v->value) || v->value.is_object()) {
          r->kind = Recon::kConst;
          r->constant = v->value;
          return true;
        }
        return out_->Fail("an object with no source");
      case VT::kTuple:
      case VT::kList:
        if (v->name == "iterator") {
          // The items it has left, iterated again.
          r->kind = Recon::kIter;
          minidynamo::Recon items;
          items.kind = Recon::kTuple;
          for (const VTRef& x : v->items) {
            minidynamo::Recon item;
            if (!Recon(x, &item)) return false;
            items.items.push_back(std::move(item));
          }
          r->items.push_back(std::move(items));
          return true;
        }
        if (v->kind == VT::kList && !v->created_here && v->source) {
          r->kind = Recon::kSource;
          r->source = v->source;
          return true;
        }
        r->kind = v->kind == VT::kTuple ? Recon::kTuple : Recon::kList;
        for (const VTRef& x : v->items) {
          minidynamo::Recon item;
          if (!Recon(x, &item)) return false;
          r->items.push_back(std::move(item));
        }
        return true;
      case VT::kDict:
        if (!v->created_here && v->source) {
          r->kind = Recon::kSource;
          r->source = v->source;
          return true;
        }
        r->kind = Recon::kDict;
        for (auto& e : v->entries) {
          minidynamo::Recon k, val;
          k.kind = Recon::kConst;
          k.constant = e.first;
          if (!Recon(e.second, &val)) return false;
          r->pairs.emplace_back(std::move(k), std::move(val));
        }
        return true;
      case VT::kNull:
        r->kind = Recon::kNull;
        return true;
      case VT::kGradWrapped: {
        r->kind = Recon::kGradWrapped;
        r->constant = g_cfg->set_grad_enabled;
        r->flag = v->grad_enabled;
        minidynamo::Recon inner;
        if (!Recon(v->items[0], &inner)) return false;
        r->items.push_back(std::move(inner));
        return true;
      }
      case VT::kFunction: {
        r->kind = Recon::kFunction;
        r->constant = v->value;
        for (const VTRef& box : v->items) {
          if (box == nullptr || box->cell_slot < 0) {
            return out_->Fail("a closure over cells of an inlined frame");
          }
          r->cells.push_back(box->cell_slot);
        }
        if (!v->defaults.is_null()) {
          return out_->Fail("rebuilding a new function with defaults");
        }
        return true;
      }
      default:
        return out_->Fail("a value codegen cannot rebuild");
    }
  }

  bool BuildSideEffects() {
    OutputPlan* plan = out_->plan;
    // Attribute stores: the last one per (object, name), in store order.
    for (size_t i = 0; i < out_->attr_stores.size(); ++i) {
      const auto& st = out_->attr_stores[i];
      if (!st.replay) continue;
      bool later = false;
      for (size_t j = i + 1; j < out_->attr_stores.size(); ++j) {
        later |= out_->attr_stores[j].object.Is(st.object) &&
                 out_->attr_stores[j].name == st.name;
      }
      if (later) continue;
      AttrReplay rep;
      rep.object = st.object_source;
      rep.name = st.name;
      if (!Recon(st.value, &rep.value)) return false;
      plan->attr_replays.push_back(std::move(rep));
    }
    for (const auto& cs : out_->cell_stores) {
      CellReplay rep;
      rep.deref_index = cs.first;
      if (cs.second->items.empty() || cs.second->items[0] == nullptr) continue;
      if (!Recon(cs.second->items[0], &rep.value)) return false;
      plan->cell_replays.push_back(std::move(rep));
    }
    return true;
  }

  bool BuildBreak(CodeObject* code) {
    OutputPlan* plan = out_->plan;
    BreakPlan& b = plan->brk;
    b.active = true;
    b.reason = out_->unsupported->reason;
    b.call_arg = out_->break_call_arg;
    b.kwnames = out_->break_kwnames;
    b.n_below = out_->break_n_below;
    for (const VTRef& v : out_->break_stack) {
      minidynamo::Recon r;
      if (!Recon(v, &r)) return false;
      b.stack.push_back(std::move(r));
    }
    for (size_t i = 0; i < code->nlocals(); ++i) {
      const VTRef& v = out_->break_locals[i];
      if (v == nullptr) {
        // Unread arguments are live too: they are still in the frame.
        if (out_->frame->localsplus()[i].is_null()) continue;
        minidynamo::Recon r;
        r.kind = Recon::kSource;
        r.source = Source::Local(As<StrObject>(code->varnames[i])->str(),
                                 static_cast<int>(i));
        b.locals.emplace_back(static_cast<int>(i), std::move(r));
        continue;
      }
      minidynamo::Recon r;
      if (!Recon(v, &r)) return false;
      b.locals.emplace_back(static_cast<int>(i), std::move(r));
    }
    if (!BuildSideEffects()) return false;
    return BuildMutations();
  }

  bool Build(const VTRef& ret) {
    OutputPlan* plan = out_->plan;
    if (!Recon(ret, &plan->return_value)) return false;
    if (!BuildSideEffects()) return false;
    return BuildMutations();
  }

  bool BuildMutations() {
    OutputPlan* plan = out_->plan;
    // Side effects, last registered first.
    for (auto it = out_->mutation_order.rbegin();
         it != out_->mutation_order.rend(); ++it) {
      const VTRef& v = *it;
      if (v->created_here || v->source == nullptr) continue;
      if (v->kind == VT::kDict) {
        DictReplay rep;
        rep.dict = v->source;
        rep.clear = v->reconstruct_all || v->source->ReadsGlobal();
        for (auto& e : v->entries) {
          if (!rep.clear) {
            bool same = false;
            for (auto& s : v->snapshot) {
              if (RichCompareBool(s.first, e.first, CompareOp::kEq) == 1) {
                same = s.second == e.second;
                break;
              }
            }
            if (same) continue;
          }
          minidynamo::Recon k, val;
          k.kind = Recon::kConst;
          k.constant = e.first;
          if (!Recon(e.second, &val)) return false;
          rep.entries.emplace_back(std::move(k), std::move(val));
        }
        if (!rep.clear && rep.entries.empty()) continue;
        plan->dict_replays.push_back(std::move(rep));
      } else if (v->kind == VT::kList) {
        ListReplay rep;
        rep.list = v->source;
        for (const VTRef& x : v->items) {
          minidynamo::Recon item;
          if (!Recon(x, &item)) return false;
          rep.items.push_back(std::move(item));
        }
        plan->list_replays.push_back(std::move(rep));
      }
    }
    Guard g;
    g.kind = Guard::kGradMode;
    g.grad_enabled = out_->initial_grad;
    plan->guards.Add(std::move(g));
    return true;
  }

 private:
  OutputGraph* out_;
  absl::flat_hash_map<int, int> outputs_;
};

}  // namespace

void SetTracerConfig(const Value& config) {
  if (g_cfg == nullptr) g_cfg = new TracerConfig();
  TracerConfig& c = *g_cfg;
  c = TracerConfig();
  c.dict = config;
  auto* d = As<DictObject>(config);
  Value fns = d->GetStr(StrObject::Intern("graph_functions"));
  if (!fns.is_null()) {
    size_t pos = 0;
    const DictObject::Entry* e;
    auto* fd = As<DictObject>(fns);
    while (fd->Next(&pos, &e)) {
      if (e->value.is_object()) {
        c.graph_functions[e->value.as_object()] = As<StrObject>(e->key)->str();
      }
    }
  }
  struct {
    const char* key;
    Special kind;
  } specials[] = {{"graph_break", kGraphBreak},
                  {"is_compiling", kIsCompiling},
                  {"is_grad_enabled", kIsGradEnabled},
                  {"no_grad", kNoGrad},
                  {"enable_grad", kEnableGrad},
                  {"set_grad_enabled", kSetGradEnabled},
                  {"skipped", kSkipped},
                  {"functional_call", kFunctionalCall}};
  for (auto& s : specials) {
    Value v = d->GetStr(StrObject::Intern(s.key));
    if (v.is_null()) continue;
    if (IsInstance(v, g_types.list)) {
      for (const Value& x : As<ListObject>(v)->items()) {
        if (x.is_object()) c.special[x.as_object()] = s.kind;
      }
    } else if (v.is_object()) {
      c.special[v.as_object()] = s.kind;
    }
  }
  Value ops = d->GetStr(StrObject::Intern("operators"));
  if (!ops.is_null()) {
    auto* l = As<ListObject>(ops);
    for (size_t i = 0; i < l->size() && i < 64; ++i) {
      if (!l->items()[i].is_none()) c.op_targets[i] = l->items()[i];
    }
  }
  c.getitem = d->GetStr(StrObject::Intern("getitem"));
  c.set_grad_enabled_c = d->GetStr(StrObject::Intern("_set_grad_enabled"));
  c.tensor_type = d->GetStr(StrObject::Intern("tensor_type"));
  c.module_type = d->GetStr(StrObject::Intern("module_type"));
  c.set_grad_enabled = d->GetStr(StrObject::Intern("set_grad_enabled"));
}

bool TraceFrame(FunctionObject* func, Frame* f, OutputPlan* plan,
                Unsupported* unsupported) {
  if (g_cfg == nullptr) {
    unsupported->reason = "torch._dynamo is not configured";
    return false;
  }
  OutputGraph out(func, f, plan, unsupported);
  Translator t(&out, func, f->code, 0);
  VTRef result;
  if (!t.Run(&result)) {
    if (out.break_pc >= 0) {
      ClearError();
      PlanBuilder builder(&out);
      std::string reason = unsupported->reason;
      if (builder.BuildBreak(f->code)) {
        plan->brk.reason = reason;
        plan->resume_pc = out.break_pc + 1;
        unsupported->reason = reason;
        return true;
      }
      return false;
    }
    if (ErrorOccurred()) {
      Value exc = FetchError();
      if (unsupported->reason.empty()) {
        unsupported->reason = "error while tracing: " + ReprString(exc);
      }
    }
    return false;
  }
  PlanBuilder builder(&out);
  if (!builder.Build(result)) return false;
  return true;
}

}  // namespace minidynamo
