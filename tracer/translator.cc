#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "tracer/translator_internal.h"
#include "vm/objects/descriptor.h"
#include "vm/objects/set.h"

namespace minidynamo {
namespace tracer_detail {

namespace {

// Whether `name` resolves on an object made in the frame: one of the
// attributes it was given here, or something its class has.
bool NewObjectHasAttr(const VT& obj, const std::string& name) {
  for (const auto& e : obj.entries) {
    if (As<StrObject>(e.first)->str() == name) return true;
  }
  return !As<TypeObject>(obj.value)->Lookup(name.c_str()).is_null();
}

}  // namespace

bool Translator::ConstValue(const VTRef& v, Value* out) {
  if (v->kind == VT::kConst ||
      (v->kind == VT::kObject && FoldableObject(v->value))) {
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
                      {a, b}, {}, r, op_index);
  }
  if (a->kind == VT::kSet || b->kind == VT::kSet) {
    return SetBinaryOp(op_index, a, b, r);
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
  if (v.is_null()) return out_->PyFail("operator");
  *r = IsConstantValue(v) ? VT::Const(v) : VT::Object(v, nullptr);
  return true;
}

bool Translator::IterVT(const VTRef& seq0, VTRef* result) {
  VTRef seq = Real(seq0);
  if (seq == nullptr) return false;
  if (seq->name == "iterator") {  // iter(it) is it
    *result = seq;
    return true;
  }
  auto it = std::make_shared<VT>();
  it->kind = VT::kTuple;  // an iterator: remaining items, consumed
  it->name = "iterator";
  if (seq->kind == VT::kTuple || seq->kind == VT::kList) {
    it->items = seq->items;
  } else if (seq->kind == VT::kDict) {
    for (auto& e : seq->entries) it->items.push_back(VT::Const(e.first));
  } else if (seq->kind == VT::kSet) {
    std::vector<Value> items;
    if (!SetElements(seq, &items)) return false;
    for (const Value& x : items) it->items.push_back(VT::Const(x));
  } else if (seq->kind == VT::kConst ||
             (seq->kind == VT::kObject && FoldableObject(seq->value)) ||
             (seq->kind == VT::kObject && IsModuleValue(seq->value))) {
    if (!IterateObject(seq, &it->items)) return false;
  } else {
    return Unsupported("iteration over an unknown value");
  }
  *result = it;
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
  if (v->kind == VT::kSet) {
    *truth = As<SetObject>(v->value)->size() != 0;
    return true;
  }
  if (v->kind == VT::kObject && v->value.is_object()) {
    // Without __bool__ or __len__ an object is true: a fact of its type,
    // which the type guard keeps.
    TypeObject* t = TypeOf(v->value);
    if (t->Lookup("__bool__").is_null() && t->Lookup("__len__").is_null()) {
      *truth = 1;
      return true;
    }
  }
  Value c;
  if (!ConstValue(v, &c)) return Unsupported("truth of an unknown value");
  *truth = IsTrue(c);
  if (*truth < 0) return out_->PyFail("bool");
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
      if (globals == out_->frame->globals) {
        VTRef stored = out_->FindGlobalStore(name);
        if (stored != nullptr) {
          if (arg & 1) Push(VT::Null());
          Push(stored);
          return true;
        }
      }
      Value v = globals->GetStr(As<StrObject>(code_->names[arg >> 1]));
      if (v.is_null()) {
        v = out_->frame->builtins->GetStr(
            As<StrObject>(code_->names[arg >> 1]));
      }
      if (v.is_null()) return Unsupported("read of a missing global " + name);
      SourceRef src;
      if (depth_ == 0 || globals == out_->frame->globals) {
        src = Source::Global(name);
      } else if (!globals->GetStr(As<StrObject>(code_->names[arg >> 1]))
                      .is_null()) {
        // A global of another module: guarded through that module's dict.
        Value modname = globals->GetStr(StrObject::Intern("__name__"));
        std::string label = absl::StrCat(
            "G[", modname.is_null() ? "?" : ConstantText(modname), "]");
        src = Source::Item(
            Source::Const(Value::FromObject(globals), std::move(label)),
            Value::FromObject(As<StrObject>(code_->names[arg >> 1])));
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
      VTRef box = locals_[slot];
      if (box == nullptr) return Unsupported("store to an unknown cell");
      if (box->name == "real_cell") {
        // The cell of a closure made before the call: replayed as a store
        // to the real cell's contents, when a source reaches it.
        if (box->source == nullptr) {
          return Unsupported("store to a cell of a closure with no source");
        }
        VTRef value = Pop();
        box->items = {value};
        out_->attr_stores.push_back(
            {box->value, "cell_contents", value, box->source, true});
        return true;
      }
      box->items = {Pop()};
      if (box->cell_slot >= 0) {
        // A cell of the compiled frame, stored by an inlined closure.
        bool known = false;
        for (auto& cs : out_->cell_stores) known |= cs.second == box;
        if (!known) out_->cell_stores.emplace_back(box->cell_slot, box);
      }
      return true;
    }
    case Opcode::STORE_ATTR: {
      VTRef obj = Real(Pop());
      VTRef value = Pop();
      if (obj == nullptr) return false;
      if (obj->kind == VT::kNewObject) {
        // An object made here: its attributes are part of its rebuild.
        Value name = code_->names[arg];
        for (auto& e : obj->entries) {
          if (e.first.Is(name)) {
            e.second = value;
            return true;
          }
        }
        obj->entries.emplace_back(name, value);
        return true;
      }
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
    case Opcode::STORE_GLOBAL: {
      if (func_->globals() != out_->frame->globals) {
        return Unsupported("store to a global of another module");
      }
      out_->global_stores.emplace_back(As<StrObject>(code_->names[arg])->str(),
                                       Pop());
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
      if (real->kind == VT::kNewObject && !NewObjectHasAttr(*real, name)) {
        // Eager code raises AttributeError right here, after every effect
        // so far: stop before the instruction (a lazily reconstructed
        // method would raise before the side effects are replayed).
        return Unsupported(absl::StrCat("missing attribute ", name,
                                        " of an object made here"));
      }
      if (real->is_tensor() || real->kind == VT::kDict ||
          real->kind == VT::kList || real->kind == VT::kNewObject ||
          real->kind == VT::kSet) {
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
      OutputGraph::Checkpoint cp = out_->Save(before, locals_);
      if (CallVT(callable, std::move(all), std::move(kwargs), &r)) {
        Push(r);
        return true;
      }
      // A call that raises must raise inside the user's try block, so no
      // partial graph there (Dynamo: only `with` blocks can be restored).
      if ((!out_->unsupported->reason.empty() || ErrorOccurred()) && !InTry()) {
        ClearError();
        out_->Restore(cp);
        out_->break_pc = static_cast<int>(pc_) - 1;
        out_->break_stack = std::move(before);
        out_->break_call_arg = arg;
        out_->break_kwnames = kwnames;
        out_->break_n_below = static_cast<int>(below);
        out_->break_locals = locals_;
      } else if (InTry() && !out_->unsupported->reason.empty() &&
                 !absl::StrContains(out_->unsupported->reason, "try block")) {
        out_->unsupported->reason +=
            " (inside a try block: the frame runs eagerly)";
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
      } else if (container->kind == VT::kSet) {
        std::vector<VTRef> a = {item};
        if (!SetMethod(container, "__contains__", a, &r)) return false;
      } else {
        Value c, x;
        if (!ConstValue(container, &c) || !ConstValue(Real(item), &x)) {
          return Unsupported("`in` on non-constants");
        }
        int in = Contains(c, x);
        if (in < 0) return out_->PyFail("in");
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
      if (v.is_null()) return out_->PyFail("neg");
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
      } else if (container->is_const()) {
        // A constant (a str, a tuple, x.shape): indexed now.
        Value c, k;
        VTRef rk = Real(key);
        if (rk == nullptr) return false;
        if (!ConstValue(container, &c) || !ConstValue(rk, &k)) {
          return Unsupported("subscript of a constant by an unknown key");
        }
        Value v = GetItem(c, k);
        if (v.is_null()) return out_->PyFail("subscript");
        if (!IsConstantValue(v)) return Unsupported("subscript's result");
        r = VT::Const(v);
      } else {
        return Unsupported("subscript of an unknown value");
      }
      Push(r);
      return true;
    }
    case Opcode::BUILD_SLICE: {
      // start:stop[:step] of constants: a constant slice.
      Value parts[3] = {Value::None(), Value::None(), Value::None()};
      for (uint32_t i = arg; i > 0; --i) {
        VTRef p = Real(Pop());
        if (p == nullptr) return false;
        if (!p->is_const() || !ConstValue(p, &parts[i - 1])) {
          return Unsupported("a slice of non-constant bounds");
        }
      }
      Value sl = Value::Steal(
          new SliceObject(g_types.slice, parts[0], parts[1], parts[2]));
      Push(VT::Const(sl));
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
    case Opcode::BUILD_SET: {
      std::vector<VTRef> items(stack_.end() - arg, stack_.end());
      stack_.resize(stack_.size() - arg);
      auto tuple = std::make_shared<VT>();
      tuple->kind = VT::kTuple;
      tuple->items = std::move(items);
      std::vector<VTRef> args = {tuple};
      VTRef r;
      if (!MakeSet(g_types.set, args, &r)) return false;
      Push(r);
      return true;
    }
    case Opcode::SET_ADD:
    case Opcode::SET_UPDATE: {
      // Comprehensions and {*a, *b}: the set is `arg` items down.
      VTRef v = Pop();
      VTRef set = Real(stack_[stack_.size() - arg]);
      if (set == nullptr || set->kind != VT::kSet) {
        return Unsupported("adding to an unknown set");
      }
      std::vector<VTRef> a = {v};
      if (op == Opcode::SET_ADD) {
        auto one = std::make_shared<VT>();
        one->kind = VT::kTuple;
        one->items = {v};
        a = {one};
      }
      VTRef ignored;
      return SetMethod(set, "update", a, &ignored);
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
    case Opcode::LIST_APPEND: {
      // Comprehensions: the list is `arg` items down once TOS is popped.
      VTRef v = Pop();
      VTRef list = Real(stack_[stack_.size() - arg]);
      if (list == nullptr || list->kind != VT::kList) {
        return Unsupported("LIST_APPEND to an unknown list");
      }
      list->items.push_back(v);
      if (!list->created_here) MarkMutated(list, true);
      return true;
    }
    case Opcode::MAP_ADD: {
      VTRef value = Pop();
      VTRef key = Pop();
      VTRef d = stack_[stack_.size() - arg];
      return SetItemVT(d, key, value);
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
      VTRef it;
      if (!IterVT(Pop(), &it)) return false;
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
      if (!Truth(stack_.back(), &truth)) {
        if (depth_ == 0 && !out_->unsupported->reason.empty() && !InTry()) {
          // A branch on a tensor in the compiled frame: the out code runs
          // the jump for real and each side resumes in its own function.
          ClearError();
          out_->break_pc = static_cast<int>(pc_) - 1;
          out_->break_stack = stack_;
          out_->break_jump = op;
          out_->break_jump_target = arg;
          out_->break_n_below = static_cast<int>(stack_.size()) - 1;
          out_->break_locals = locals_;
        }
        return false;
      }
      Pop();
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

}  // namespace tracer_detail
}  // namespace minidynamo
