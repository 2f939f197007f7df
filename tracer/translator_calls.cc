// Calls, attribute reads and container methods of the symbolic
// interpreter: what a CALL does depending on the callee (a torch op recorded
// in the graph, a Python function inlined, a special function Dynamo
// models, a builtin folded on constants), dict and list methods with
// Dynamo's mutation rules, nn.Module and functional_call handling.

#include "absl/strings/str_cat.h"
#include "tracer/translator_internal.h"
#include "vm/interp/frame_hook.h"
#include "vm/objects/set.h"

namespace minidynamo {
namespace tracer_detail {

namespace {

// Sets the process's grad mode for a scope (example computations), then puts
// back what it was.
class GradModeScope {
 public:
  explicit GradModeScope(bool enabled) : saved_(GradModeEnabled()) {
    if (enabled != saved_) SetGradMode(enabled);
  }
  ~GradModeScope() {
    if (GradModeEnabled() != saved_) SetGradMode(saved_);
  }
  GradModeScope(const GradModeScope&) = delete;
  GradModeScope& operator=(const GradModeScope&) = delete;

 private:
  bool saved_;
};

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

bool InTryBlock(const CodeObject& code, uint32_t index) {
  const ExceptionTableEntry* h = code.HandlerFor(index);
  // Entries do not overlap; each step moves to the entry around a handler.
  for (int hops = 0; h != nullptr && hops < 64; ++hops) {
    uint32_t t = h->target;
    auto op_at = [&](uint32_t i) {
      return i < code.code.size() ? code.code[i].op() : Opcode::NOP;
    };
    if (op_at(t) == Opcode::PUSH_EXC_INFO &&
        op_at(t + 1) == Opcode::WITH_EXCEPT_START) {
      h = code.HandlerFor(t + 1);  // a `with` block: look at what encloses it
    } else if (op_at(t) == Opcode::COPY && op_at(t + 1) == Opcode::POP_EXCEPT &&
               op_at(t + 2) == Opcode::RERAISE) {
      h = code.HandlerFor(t);  // a handler's cleanup: likewise
    } else {
      return true;
    }
  }
  return false;
}

bool Translator::InTry() const {
  return in_outer_try_ || (pc_ > 0 && InTryBlock(*code_, pc_ - 1));
}

bool Translator::RecordCall(
    GraphNode::Op op, const Value& target, const std::string& target_name,
    const std::string& method, const std::vector<VTRef>& args,
    const std::vector<std::pair<std::string, VTRef>>& kwargs, VTRef* result,
    int binop) {
  // A tensor op's data-dependent errors (an index out of range) would be
  // raised by the graph, outside the user's handler; like Dynamo, which
  // cannot restore try blocks, the frame runs eagerly instead.
  if (InTry()) return Unsupported("tensor op inside a try block");
  GraphNode node;
  node.op = op;
  node.binop = binop;
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
  // Run it on the examples for the result's metadata, in the grad mode the
  // traced code is in (inside `with torch.no_grad():` a result does not
  // require grad, which the code may ask).
  Value ex;
  GradModeScope traced_mode(out_->grad_enabled);
  if (op == GraphNode::kCallMethod) {
    bool is_method = false;
    Value m = LoadMethod(ex_args[0], StrObject::Intern(method), &is_method);
    if (m.is_null()) return out_->PyFail(method.c_str());
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
  if (name == "move_to_end" && (args.size() == 1 || args.size() == 2)) {
    // OrderedDict only; the new order is kept by rebuilding everything
    // (Dynamo itself loses the reorder).
    if (d->value.is_null() ||
        TypeOf(d->value)->Lookup("move_to_end").is_null()) {
      return Unsupported("move_to_end on a plain dict");
    }
    bool last = true;
    if (args.size() == 2) {
      Value b;
      if (!ConstValue(Real(args[1]), &b) || !b.is_bool()) {
        return Unsupported("move_to_end with a non-constant `last`");
      }
      last = b.as_bool();
    }
    int found = find(args[0], &idx);
    if (found != 1) return Unsupported("move_to_end of a missing key");
    auto entry = d->entries[idx];
    d->entries.erase(d->entries.begin() + idx);
    if (last) {
      d->entries.push_back(entry);
    } else {
      d->entries.insert(d->entries.begin(), entry);
    }
    MarkMutated(d, true);
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
      if (v.is_null()) return out_->PyFail(name.c_str());
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
  if (obj->kind == VT::kNewObject) {
    for (auto& e : obj->entries) {
      if (As<StrObject>(e.first)->str() == name) {
        *result = e.second;
        return true;
      }
    }
    Value attr = As<TypeObject>(obj->value)->Lookup(name.c_str());
    if (attr.is_null()) {
      return Unsupported(
          absl::StrCat("missing attribute ", name, " of an object made here"));
    }
    if (IsInstance(attr, g_types.function)) {
      auto m = std::make_shared<VT>();
      m->kind = VT::kMethod;
      m->items = {obj};
      m->name = name;
      *result = m;
      return true;
    }
    if (IsConstantValue(attr)) {
      *result = VT::Const(attr);
      return true;
    }
    return Unsupported(absl::StrCat("class attribute ", name));
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
    // A property with a Python getter is inlined, as Dynamo does: calling it
    // for real (here and in every guard check) would repeat its effects.
    if (!IsInstance(obj->value, g_types.type) &&
        !IsInstance(obj->value, g_types.module)) {
      Value attr = TypeOf(obj->value)->Lookup(name.c_str());
      if (!attr.is_null() && IsInstance(attr, g_types.property)) {
        const Value& fget = As<PropertyObject>(attr)->fget;
        if (IsInstance(fget, g_types.function)) {
          return Inline(As<FunctionObject>(fget), {obj}, {}, result);
        }
        return Unsupported(
            absl::StrCat("property ", name, " with a native getter"));
      }
    }
    // A real attribute read (modules, classes, user objects), guarded
    // through its source.
    Value v = GetAttr(obj->value, name.c_str());
    if (v.is_null()) return out_->PyFail("getattr");
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
                        VTRef* result, const SourceRef& fn_source) {
  return InlineCode(fn->code(), fn, fn->defaults, fn->kwdefaults, nullptr,
                    std::move(args), std::move(kwargs), result, fn_source);
}

bool Translator::InlineCode(CodeObject* code, FunctionObject* fn,
                            const Value& defaults_value,
                            const Value& kwdefaults_value,
                            const std::vector<VTRef>* boxes,
                            std::vector<VTRef> args,
                            std::vector<std::pair<std::string, VTRef>> kwargs,
                            VTRef* result, const SourceRef& fn_source) {
  if (depth_ > 20) return Unsupported("inlining too deep");
  if (code->flags & (kCoGenerator | kCoCoroutine | kCoAsyncGenerator |
                     kCoVarargs | kCoVarkeywords)) {
    return Unsupported(absl::StrCat("inlining ", code->name,
                                    " (generator or *args/**kwargs)"));
  }
  Translator t(out_, fn, code, depth_ + 1);
  t.set_in_outer_try(InTry());
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
      const Value& cell_value = closure->get(i);
      auto* cell = As<CellObject>(cell_value);
      // One box per real cell for the whole trace, so a store made by one
      // inlined call is seen by the next.
      auto known = out_->tracked.find(cell_value.as_object());
      if (known != out_->tracked.end()) {
        t.locals()[code->nlocals() + code->ncells() + i] = known->second;
        continue;
      }
      // A function no source reaches is still a fixed object: its cells are
      // reached through the function itself.
      SourceRef fn_src =
          fn_source != nullptr
              ? fn_source
              : Source::Const(Value::FromObject(fn),
                              absl::StrCat("<function ", code->qualname, ">"));
      auto box = std::make_shared<VT>();
      box->kind = VT::kList;
      box->created_here = true;
      box->name = "real_cell";  // a cell of a real closure
      box->value = cell_value;
      // Reads are guarded and stores replayed through
      // fn.__closure__[i].cell_contents.
      box->source = Source::Item(Source::Attr(fn_src, "__closure__"),
                                 Value::Int(static_cast<int64_t>(i)));
      if (cell->contents.is_null()) {
        box->items = {nullptr};
      } else {
        VTRef w = out_->Wrap(cell->contents,
                             Source::Attr(box->source, "cell_contents"));
        if (w == nullptr) return false;
        box->items = {w};
      }
      out_->tracked[cell_value.as_object()] = box;
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
      if (r.is_null()) return out_->PyFail(name.c_str());
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
  if (self->kind == VT::kNewObject) {
    for (auto& e : self->entries) {
      if (As<StrObject>(e.first)->str() == name) {
        return CallVT(e.second, std::move(args), std::move(kwargs), result);
      }
    }
    Value attr = As<TypeObject>(self->value)->Lookup(name.c_str());
    if (attr.is_null() || !IsInstance(attr, g_types.function)) {
      return Unsupported(
          absl::StrCat("method ", name, " of an object made here"));
    }
    std::vector<VTRef> all = {self};
    for (auto& a : args) all.push_back(a);
    return Inline(As<FunctionObject>(attr), std::move(all), std::move(kwargs),
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
  if (self->kind == VT::kSet) {
    if (!kwargs.empty()) return Unsupported("set method with keywords");
    return SetMethod(self, name, args, result);
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
  if ((callee.Is(Value::FromObject(g_types.set)) ||
       callee.Is(Value::FromObject(g_types.frozenset))) &&
      kwargs.empty()) {
    return MakeSet(As<TypeObject>(callee), args, result);
  }
  if ((callee.Is(Value::FromObject(g_types.list)) ||
       callee.Is(Value::FromObject(g_types.tuple))) &&
      kwargs.empty() && args.size() <= 1) {
    // list(x), tuple(x): a new container of what x yields (an iterator
    // argument is used up, as the real call leaves it).
    auto c = std::make_shared<VT>();
    c->kind =
        callee.Is(Value::FromObject(g_types.list)) ? VT::kList : VT::kTuple;
    c->created_here = true;
    if (!args.empty()) {
      VTRef it;
      if (!IterVT(args[0], &it)) return false;
      c->items = it->items;
      it->items.clear();
    }
    *result = c;
    return true;
  }
  if (IsInstance(callee, g_types.native_function) &&
      As<NativeFunction>(callee)->name() == "sorted" && args.size() == 1 &&
      kwargs.empty()) {
    // sorted() of constants: Python's own sort, on the values.
    VTRef it;
    if (!IterVT(args[0], &it)) return false;
    std::vector<Value> values;
    for (const VTRef& x0 : it->items) {
      VTRef x = Real(x0);
      Value c;
      if (x == nullptr || !x->is_const() || !ConstValue(x, &c)) {
        return Unsupported("sorted of non-constant values");
      }
      values.push_back(c);
    }
    Value list = ListObject::FromValues(values.data(), values.size());
    Value r = CallMethod(list, "sort", nullptr, 0);
    if (r.is_null()) return out_->PyFail("sorted");
    it->items.clear();
    auto c = std::make_shared<VT>();
    c->kind = VT::kList;
    c->created_here = true;
    for (const Value& v : As<ListObject>(list)->items()) {
      c->items.push_back(VT::Const(v));
    }
    *result = c;
    return true;
  }
  if (kwargs.empty() && callee.is_object()) {
    // The iteration builtins: functions (iter, next) and types (enumerate,
    // zip, reversed), the builtins' own, never a user's of that name.
    std::string nm;
    if (IsInstance(callee, g_types.native_function)) {
      nm = As<NativeFunction>(callee)->name();
      if (nm != "iter" && nm != "next") nm.clear();
    } else if (IsInstance(callee, g_types.type) &&
               !As<TypeObject>(callee)->is_heap_type()) {
      nm = As<TypeObject>(callee)->name();
      if (nm != "enumerate" && nm != "zip" && nm != "reversed") nm.clear();
    }
    if (!nm.empty()) return IterationBuiltin(nm, args, result);
  }
  if (!g_cfg->grad_mode_exit.is_null() && callee.is_object() &&
      Value::FromObject(TypeOf(callee)).Is(g_cfg->grad_mode_exit)) {
    // A `with` exit rebuilt after an earlier break: back to its mode.
    Value prev = GetAttr(callee, "prev");
    if (prev.is_null() || !prev.is_bool()) {
      ClearError();
      return Unsupported("a rebuilt grad-mode exit without its mode");
    }
    if (!SetGrad(prev.as_bool())) return false;
    *result = VT::Const(Value::None());
    return true;
  }
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
  // A Python class with the default __new__: the object is made here and
  // rebuilt by the out code (object.__new__(cls), then its attributes).
  if (IsInstance(callee, g_types.type) &&
      As<TypeObject>(callee)->is_heap_type() &&
      As<TypeObject>(callee)->layout() == Layout::kObject &&
      As<TypeObject>(callee)->Lookup("__new__").Is(
          g_types.object->Lookup("__new__")) &&
      TypeOf(callee) == g_types.type &&
      (g_cfg->module_type.is_null() ||
       !As<TypeObject>(callee)->IsSubtypeOf(
           As<TypeObject>(g_cfg->module_type)))) {
    auto obj = std::make_shared<VT>();
    obj->kind = VT::kNewObject;
    obj->value = callee;
    obj->created_here = true;
    Value init = As<TypeObject>(callee)->Lookup("__init__");
    if (init.Is(g_types.object->Lookup("__init__"))) {
      if (!args.empty() || !kwargs.empty()) {
        return Unsupported("arguments to a class without __init__");
      }
    } else if (IsInstance(init, g_types.function)) {
      std::vector<VTRef> all = {obj};
      for (auto& a : args) all.push_back(a);
      VTRef r;
      if (!Inline(As<FunctionObject>(init), std::move(all), std::move(kwargs),
                  &r)) {
        return false;
      }
    } else {
      return Unsupported("a class with a native __init__");
    }
    *result = obj;
    return true;
  }
  auto gf = g_cfg->graph_functions.find(id);
  if (gf != g_cfg->graph_functions.end()) {
    return RecordCall(GraphNode::kCallFunction, callee, gf->second, "", args,
                      kwargs, result);
  }
  if (IsInstance(callee, g_types.function)) {
    return Inline(As<FunctionObject>(callee), std::move(args),
                  std::move(kwargs), result, fn->source);
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
      return Inline(
          As<FunctionObject>(bm->func), std::move(all), std::move(kwargs),
          result, fn->source ? Source::Attr(fn->source, "__func__") : nullptr);
    }
  }
  // Builtins and classes on constants: call for real.
  bool all_const = true;
  bool object_args = false;  // some argument is an object used by identity
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
         r->kind == VT::kDict || r->kind == VT::kSet) &&
        IsInstance(callee, g_types.native_function) &&
        As<NativeFunction>(callee)->name() == "len" && args.size() == 1) {
      size_t n = r->kind == VT::kDict  ? r->entries.size()
                 : r->kind == VT::kSet ? As<SetObject>(r->value)->size()
                                       : r->items.size();
      *result = VT::Const(Value::Int(static_cast<int64_t>(n)));
      return true;
    }
    if (r->is_tensor() && IsInstance(callee, g_types.native_function)) {
      const std::string& nm = As<NativeFunction>(callee)->name();
      if (nm == "len" && r->example.is_object()) {
        Value n = CallMethod(r->example, "__len__", nullptr, 0);
        if (n.is_null()) return out_->PyFail("len");
        *result = VT::Const(n);
        return true;
      }
      if (nm == "isinstance" && args.size() == 2) {
        Value t;
        if (!ConstValue(Real(args[1]), &t)) return Unsupported("isinstance");
        Value ex_args[2] = {r->value.is_null() ? r->example : r->value, t};
        Value b = Call(callee, ex_args, 2);
        if (b.is_null()) return out_->PyFail("isinstance");
        *result = VT::Const(b);
        return true;
      }
    }
    if (!ConstValue(r, &c) || r->kind == VT::kObject) {
      if (r->kind == VT::kObject &&
          IsInstance(callee, g_types.native_function)) {
        cargs.push_back(r->value);
        object_args = true;
        continue;
      }
      all_const = false;
      break;
    }
    cargs.push_back(c);
  }
  // Builtin methods of immutable constants ('a,b'.split(','), (1, 2).index).
  bool const_method =
      IsInstance(callee, g_types.method) &&
      IsInstance(As<BoundMethod>(callee)->func, g_types.native_function) &&
      IsConstantValue(As<BoundMethod>(callee)->self);
  bool pure_builtin = const_method ||
                      IsInstance(callee, g_types.native_function) ||
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
    // Objects are guarded by type or identity only, so with them only
    // questions about types have answers that stay true.
    static const char* kTypeFacts[] = {"isinstance", "issubclass", "callable",
                                       "type"};
    bool ok = nm.empty();
    for (const char* a : kAllowed) ok |= nm == a;
    ok |= const_method;
    if (object_args) {
      ok = false;
      for (const char* a : kTypeFacts) ok |= nm == a;
    }
    if (ok) {
      Value r = Call(callee, cargs.data(), cargs.size());
      if (r.is_null()) return out_->PyFail(nm.c_str());
      if (IsInstance(r, g_types.list)) {
        // A new list ('a,b'.split(',')): a fresh one on every call.
        auto l = std::make_shared<VT>();
        l->kind = VT::kList;
        l->created_here = true;
        for (const Value& x : As<ListObject>(r)->items()) {
          if (!IsConstantValue(x)) return Unsupported("a list result");
          l->items.push_back(VT::Const(x));
        }
        *result = l;
        return true;
      }
      if (!IsConstantValue(r) && !FoldableObject(r)) {
        return Unsupported("a mutable result of " + nm);
      }
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
  std::string what = ConstantText(callee);
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
      if (owner.is_null()) return out_->PyFail("functional_call");
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

bool Translator::IsModuleValue(const Value& v) const {
  return !g_cfg->module_type.is_null() && v.is_object() &&
         TypeOf(v)->IsSubtypeOf(As<TypeObject>(g_cfg->module_type));
}

bool Translator::IterationBuiltin(const std::string& name,
                                  std::vector<VTRef>& args, VTRef* result) {
  if (name == "next") {
    if (args.size() != 1) return Unsupported("next with a default");
    VTRef it = Real(args[0]);
    if (it == nullptr) return false;
    if (it->name != "iterator") return Unsupported("next of an unknown value");
    // An exhausted iterator: the call runs for real (StopIteration).
    if (it->items.empty()) return Unsupported("next of an exhausted iterator");
    *result = it->items.front();
    it->items.erase(it->items.begin());
    return true;
  }
  if (name == "iter") {
    if (args.size() != 1) return Unsupported("iter with a sentinel");
    return IterVT(args[0], result);
  }
  if (args.empty() || (name != "zip" && args.size() > 2) ||
      (name == "reversed" && args.size() != 1)) {
    return Unsupported(name + " with these arguments");
  }
  std::vector<std::vector<VTRef>> seqs;
  size_t nseqs = name == "zip" ? args.size() : 1;
  for (size_t i = 0; i < nseqs; ++i) {
    // These are lazy: an iterator argument may be left part consumed,
    // which the expansion below would not show.
    VTRef a = Real(args[i]);
    if (a == nullptr) return false;
    if (a->name == "iterator") return Unsupported(name + " of an iterator");
    VTRef it;
    if (!IterVT(a, &it)) return false;
    seqs.push_back(it->items);
  }
  auto out = std::make_shared<VT>();
  out->kind = VT::kTuple;
  out->name = "iterator";
  if (name == "reversed") {
    VTRef seq = Real(args[0]);
    if (seq->kind != VT::kTuple && seq->kind != VT::kList &&
        seq->kind != VT::kConst) {
      return Unsupported("reversed of an unknown value");
    }
    out->items.assign(seqs[0].rbegin(), seqs[0].rend());
  } else if (name == "enumerate") {
    int64_t start = 0;
    if (args.size() == 2) {
      Value s;
      if (!ConstValue(Real(args[1]), &s) || !s.is_int()) {
        return Unsupported("enumerate with a non-constant start");
      }
      start = s.as_int();
    }
    for (size_t i = 0; i < seqs[0].size(); ++i) {
      auto pair = std::make_shared<VT>();
      pair->kind = VT::kTuple;
      pair->created_here = true;
      pair->items = {VT::Const(Value::Int(start + static_cast<int64_t>(i))),
                     seqs[0][i]};
      out->items.push_back(pair);
    }
  } else {  // zip: as long as the shortest
    size_t n = seqs[0].size();
    for (const auto& s : seqs) n = std::min(n, s.size());
    for (size_t i = 0; i < n; ++i) {
      auto t = std::make_shared<VT>();
      t->kind = VT::kTuple;
      t->created_here = true;
      for (const auto& s : seqs) t->items.push_back(s[i]);
      out->items.push_back(t);
    }
  }
  *result = out;
  return true;
}

// Iteration over a constant (a range, a tuple of constants) or an
// nn.Module container (Sequential, ModuleList: its submodules, reached
// through `_modules`).
bool Translator::IterateObject(const VTRef& obj, std::vector<VTRef>* items) {
  Value real = obj->value;
  Value it = GetIter(real);
  if (it.is_null()) return out_->PyFail("iter");
  std::vector<Value> values;
  while (true) {
    Value x = IterNext(it);
    if (x.is_null()) break;
    values.push_back(std::move(x));
    if (values.size() > 10000) return Unsupported("iteration too long");
  }
  if (ErrorOccurred()) return out_->PyFail("next");
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

}  // namespace tracer_detail
}  // namespace minidynamo
