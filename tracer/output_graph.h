#ifndef MINIDYNAMO_TRACER_OUTPUT_GRAPH_H_
#define MINIDYNAMO_TRACER_OUTPUT_GRAPH_H_

// Internal to tracer/: the configuration torch._dynamo hands over, and the
// OutputGraph, the state one compilation shares between the root translator
// and the translators of inlined calls (Dynamo's OutputGraph): the graph,
// guards, trackers of mutable objects by identity, pending side effects and
// checkpoints to roll back a call that breaks the graph. Its Wrap is
// Dynamo's VariableBuilder.

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "tracer/plan.h"
#include "tracer/translator.h"
#include "tracer/variables.h"
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
namespace tracer_detail {

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
  Value grad_mode_exit;    // torch._dynamo's rebuilt `with` exit class
};
extern TracerConfig* g_cfg;

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

bool IsTensorValue(const Value& v);

bool IsConstantValue(const Value& v);
// A set or frozenset whose elements are all constants.
bool SetOfConstants(const Value& v);
// Whether trace-time questions about an object (==, truth, `in`) may be
// answered once: not for instances of Python classes or mutable builtins.
bool FoldableObject(const Value& v);

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
  // Globals of the compiled frame's module the traced code assigned.
  std::vector<std::pair<std::string, VTRef>> global_stores;

  VTRef FindGlobalStore(const std::string& name) {
    for (auto it = global_stores.rbegin(); it != global_stores.rend(); ++it) {
      if (it->first == name) return it->second;
    }
    return nullptr;
  }

  VTRef FindAttrStore(const Value& obj, const std::string& name) {
    for (auto it = attr_stores.rbegin(); it != attr_stores.rend(); ++it) {
      if (it->object.Is(obj) && it->name == name) return it->value;
    }
    return nullptr;
  }

  // State to roll back to when a call breaks the graph (the call then runs
  // for real, so nothing it traced may stay).
  struct Checkpoint {
    size_t nodes, inputs, input_sources, mutations, attr_stores, cell_stores,
        global_stores;
    bool grad_enabled;
    std::vector<std::pair<VTRef, VT>> saved;
  };
  // `roots` are the caller's stack and locals: every tracker reachable from
  // them (or tracked by identity) that holds mutable state is saved, so a
  // rolled-back call leaves iterators, lists, dicts and objects as they were.
  Checkpoint Save(const std::vector<VTRef>& stack,
                  const std::vector<VTRef>& locals) {
    Checkpoint c;
    c.nodes = graph().nodes().size();
    c.inputs = graph().num_inputs();
    c.input_sources = plan->input_sources.size();
    c.mutations = mutation_order.size();
    c.attr_stores = attr_stores.size();
    c.cell_stores = cell_stores.size();
    c.global_stores = global_stores.size();
    c.grad_enabled = grad_enabled;
    absl::flat_hash_set<const VT*> seen;
    std::vector<VTRef> work;
    for (auto& kv : tracked) work.push_back(kv.second);
    for (auto& cs : cell_stores) work.push_back(cs.second);
    for (const VTRef& v : stack) work.push_back(v);
    for (const VTRef& v : locals) work.push_back(v);
    while (!work.empty()) {
      VTRef v = std::move(work.back());
      work.pop_back();
      if (v == nullptr || !seen.insert(v.get()).second) continue;
      switch (v->kind) {
        case VT::kTuple:
        case VT::kList:
        case VT::kDict:
        case VT::kNewObject:
        case VT::kFunction:
        case VT::kMethod:
        case VT::kGradWrapped:
        case VT::kSet:
          c.saved.emplace_back(v, *v);
          for (const VTRef& x : v->items) work.push_back(x);
          for (auto& e : v->entries) work.push_back(e.second);
          break;
        default:
          break;
      }
    }
    return c;
  }
  void Restore(const Checkpoint& c) {
    graph().Truncate(c.nodes, c.inputs);
    plan->input_sources.resize(c.input_sources);
    mutation_order.resize(c.mutations);
    attr_stores.resize(c.attr_stores);
    cell_stores.resize(c.cell_stores);
    global_stores.resize(c.global_stores);
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
  Opcode break_jump = Opcode::NOP;  // a conditional jump that broke, or NOP
  uint32_t break_jump_target = 0;

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
      if (it != tracked.end()) {
        // The same object reached another way: the reuse of its tracker
        // holds only while both ways still reach one object.
        const SourceRef& first = it->second->source;
        if (src != nullptr && first != nullptr &&
            src->Name() != first->Name()) {
          Guard g;
          g.kind = Guard::kAliased;
          g.source = src;
          g.other = first;
          plan->guards.Add(std::move(g));
        }
        return it->second;
      }
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
    if (type == g_types.set && SetOfConstants(v)) {
      // Guarded by its contents; traced on a private copy.
      Value arg = v;
      Value copy = Call(Value::FromObject(g_types.set), &arg, 1);
      Value expected = Call(Value::FromObject(g_types.set), &arg, 1);
      if (copy.is_null() || expected.is_null()) {
        FailPy("set");
        return nullptr;
      }
      AddGuard(Guard::kEqualsMatch, src, expected);
      auto t = std::make_shared<VT>();
      t->kind = VT::kSet;
      t->source = src;
      t->value = copy;
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
    // L['state']['calls'] -> L_state_calls_, as Dynamo names inputs.
    for (char c : base) {
      char x = isalnum(static_cast<unsigned char>(c)) ? c : '_';
      if (x == '_' && !clean.empty() && clean.back() == '_') continue;
      clean += x;
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

  // Fail() with the pending Python exception as the reason; false.
  bool PyFail(const char* what) {
    FailPy(what);
    return false;
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

}  // namespace tracer_detail
}  // namespace minidynamo

#endif  // MINIDYNAMO_TRACER_OUTPUT_GRAPH_H_
