// Turns a finished trace (or one stopped at a graph break) into the
// OutputPlan codegen reads: how to rebuild each value (a constant, a graph
// output, a source, a container), the side effects to replay, the break.

#include "absl/container/flat_hash_set.h"
#include "tracer/translator_internal.h"
#include "vm/objects/set.h"

namespace minidynamo {
namespace tracer_detail {

// ---- building the plan

class PlanBuilder {
 public:
  PlanBuilder(OutputGraph* out) : out_(out) {}

  bool Recon(const VTRef& v0, minidynamo::Recon* r) {
    VTRef v = v0;
    // Containers and objects made in the frame keep their identity: built
    // once, then the same object wherever they appear.
    if (v->created_here &&
        (v->kind == VT::kDict || v->kind == VT::kList ||
         v->kind == VT::kNewObject || v->kind == VT::kSet) &&
        v->name != "iterator") {
      auto it = shared_ids_.find(v.get());
      if (it == shared_ids_.end()) {
        if (in_progress_.count(v.get())) {
          return out_->Fail("a container that contains itself");
        }
        in_progress_.insert(v.get());
        minidynamo::Recon inner;
        bool ok = ReconOwn(v, &inner);
        in_progress_.erase(v.get());
        if (!ok) return false;
        int id = static_cast<int>(shared_.size());
        shared_.push_back(inner);
        it = shared_ids_.emplace(v.get(), id).first;
      }
      r->kind = Recon::kShared;
      r->output = it->second;
      r->items = {shared_[it->second]};
      return true;
    }
    return ReconOwn(v, r);
  }

  bool ReconOwn(const VTRef& v0, minidynamo::Recon* r) {
    VTRef v = v0;
    if (v->kind == VT::kNewObject) {
      r->kind = Recon::kNewObject;
      r->constant = v->value;
      for (auto& e : v->entries) {
        minidynamo::Recon k, val;
        k.kind = Recon::kConst;
        k.constant = e.first;
        if (!Recon(e.second, &val)) return false;
        r->pairs.emplace_back(std::move(k), std::move(val));
      }
      return true;
    }
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
      case VT::kSet: {
        if (!v->created_here && v->source) {
          r->kind = Recon::kSource;  // never mutated here
          r->source = v->source;
          return true;
        }
        r->kind = Recon::kSet;
        size_t pos = 0;
        Value key;
        while (As<SetObject>(v->value)->Next(&pos, &key)) {
          minidynamo::Recon item;
          item.kind = Recon::kConst;
          item.constant = key;
          r->items.push_back(std::move(item));
        }
        return true;
      }
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
      case VT::kMethod: {
        r->kind = Recon::kAttr;
        r->name = v->name;
        minidynamo::Recon self;
        if (!Recon(v->items[0], &self)) return false;
        r->items.push_back(std::move(self));
        return true;
      }
      case VT::kGradMode:
        if (v->name == "__exit__" && !g_cfg->grad_mode_exit.is_null()) {
          r->kind = Recon::kGradExit;
          r->constant = g_cfg->grad_mode_exit;
          r->flag = v->grad_enabled;
          return true;
        }
        return out_->Fail("a grad-mode object codegen cannot rebuild");
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
    // Attribute stores: one per (object, name), at its first store's place
    // with its last store's value, so that attributes the frame adds land in
    // the instance dict in the order eager code adds them (Dynamo keeps
    // mutations in a dict keyed the same way).
    const auto& stores = out_->attr_stores;
    for (size_t i = 0; i < stores.size(); ++i) {
      if (!stores[i].replay) continue;
      auto same = [&](size_t j) {
        return stores[j].replay && stores[j].object.Is(stores[i].object) &&
               stores[j].name == stores[i].name;
      };
      bool earlier = false;
      for (size_t j = 0; j < i && !earlier; ++j) earlier = same(j);
      if (earlier) continue;
      size_t last = i;
      for (size_t j = i + 1; j < stores.size(); ++j) {
        if (same(j)) last = j;
      }
      AttrReplay rep;
      rep.object = stores[i].object_source;
      rep.name = stores[i].name;
      if (!Recon(stores[last].value, &rep.value)) return false;
      plan->attr_replays.push_back(std::move(rep));
    }
    // Globals the same way (a new global's place in the module dict).
    const auto& globals = out_->global_stores;
    for (size_t i = 0; i < globals.size(); ++i) {
      bool earlier = false;
      for (size_t j = 0; j < i && !earlier; ++j)
        earlier = globals[j].first == globals[i].first;
      if (earlier) continue;
      size_t last = i;
      for (size_t j = i + 1; j < globals.size(); ++j) {
        if (globals[j].first == globals[i].first) last = j;
      }
      GlobalReplay rep;
      rep.name = globals[i].first;
      if (!Recon(globals[last].second, &rep.value)) return false;
      plan->global_replays.push_back(std::move(rep));
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
    b.jump = out_->break_jump;
    b.jump_target = out_->break_jump_target;
    b.grad_at_start = out_->initial_grad;
    b.grad_at_break = out_->grad_enabled;
    b.set_grad_enabled = g_cfg->set_grad_enabled_c;
    for (const VTRef& v : out_->break_stack) {
      if (b.in_grad_blocks) break;  // the outermost block decides
      if (v->kind == VT::kGradMode && v->name == "__exit__") {
        b.in_grad_blocks = true;
        b.grad_after_blocks = v->grad_enabled;
      } else if (!g_cfg->grad_mode_exit.is_null() && v->value.is_object() &&
                 Value::FromObject(TypeOf(v->value))
                     .Is(g_cfg->grad_mode_exit)) {
        Value prev = GetAttr(v->value, "prev");
        if (prev.is_null() || !prev.is_bool()) {
          ClearError();
          return out_->Fail("a rebuilt grad-mode exit without its mode");
        }
        b.in_grad_blocks = true;
        b.grad_after_blocks = prev.as_bool();
      }
    }
    for (const VTRef& v : out_->break_stack) {
      minidynamo::Recon r;
      if (!Recon(v, &r)) return false;
      b.stack.push_back(std::move(r));
    }
    for (int i = 0; i < b.n_below; ++i) {
      b.stack_nulls.push_back(b.stack[i].kind == Recon::kNull);
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
  absl::flat_hash_map<const VT*, int> shared_ids_;
  absl::flat_hash_set<const VT*> in_progress_;
  std::vector<minidynamo::Recon> shared_;
};

}  // namespace tracer_detail

using tracer_detail::g_cfg;
using tracer_detail::OutputGraph;
using tracer_detail::PlanBuilder;
using tracer_detail::Translator;

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
        unsupported->reason = "error while tracing: " + ConstantText(exc);
      }
    }
    return false;
  }
  PlanBuilder builder(&out);
  if (!builder.Build(result)) return false;
  return true;
}

}  // namespace minidynamo
