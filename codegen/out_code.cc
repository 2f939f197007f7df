#include "codegen/out_code.h"

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "vm/compile/code.h"
#include "vm/compile/code_builder.h"
#include "vm/core/builtin_types.h"
#include "vm/core/type.h"
#include "vm/interp/modules.h"
#include "vm/objects/descriptor.h"
#include "vm/objects/dict.h"
#include "vm/objects/str.h"

namespace minidynamo {
namespace {

class Emitter {
 public:
  Emitter(CodeObject* original, CodeBuilder* b) : original_(original), b_(b) {}

  void Load(const Source& s) {
    switch (s.kind) {
      case Source::kLocal:
        b_->Emit(Opcode::LOAD_FAST, s.index);
        return;
      case Source::kCell:
        // Cells keep their LOAD_DEREF index (cellvars + freevars).
        b_->Emit(Opcode::LOAD_DEREF, s.index - original_->nlocals());
        return;
      case Source::kGlobal:
        b_->Emit(Opcode::LOAD_GLOBAL, b_->AddName(s.name) << 1);
        return;
      case Source::kAttr:
        Load(*s.base);
        b_->Emit(Opcode::LOAD_ATTR, b_->AddName(s.name));
        return;
      case Source::kConst:
        b_->Emit(Opcode::LOAD_CONST, b_->AddConst(s.key));
        return;
      case Source::kItem:
        Load(*s.base);
        b_->Emit(Opcode::LOAD_CONST, b_->AddConst(s.key));
        b_->Emit(Opcode::BINARY_SUBSCR);
        return;
    }
  }

  void Rebuild(const Recon& r) {
    switch (r.kind) {
      case Recon::kConst:
        b_->Emit(Opcode::LOAD_CONST, b_->AddConst(r.constant));
        return;
      case Recon::kGraphOutput:
        b_->Emit(Opcode::LOAD_FAST, graph_out_slot_);
        b_->Emit(Opcode::LOAD_CONST, b_->AddConst(Value::Int(r.output)));
        b_->Emit(Opcode::BINARY_SUBSCR);
        return;
      case Recon::kSource:
        Load(*r.source);
        return;
      case Recon::kTuple:
      case Recon::kList:
        for (const Recon& x : r.items) Rebuild(x);
        b_->Emit(
            r.kind == Recon::kTuple ? Opcode::BUILD_TUPLE : Opcode::BUILD_LIST,
            r.items.size());
        return;
      case Recon::kSet:
        for (const Recon& x : r.items) Rebuild(x);
        b_->Emit(Opcode::BUILD_SET, r.items.size());
        return;
      case Recon::kDict:
        for (const auto& kv : r.pairs) {
          Rebuild(kv.first);
          Rebuild(kv.second);
        }
        b_->Emit(Opcode::BUILD_MAP, r.pairs.size());
        return;
      case Recon::kNull:
        b_->Emit(Opcode::PUSH_NULL);
        return;
      case Recon::kGradExit:
        b_->Emit(Opcode::PUSH_NULL);
        b_->Emit(Opcode::LOAD_CONST, b_->AddConst(r.constant));
        b_->Emit(Opcode::LOAD_CONST, b_->AddConst(Value::Bool(r.flag)));
        b_->Emit(Opcode::CALL, 1);
        return;
      case Recon::kShared: {
        auto it = shared_slots_.find(r.output);
        if (it != shared_slots_.end()) {
          b_->Emit(Opcode::LOAD_FAST, it->second);
          return;
        }
        Rebuild(r.items[0]);
        int slot = new_temp_();
        b_->Emit(Opcode::COPY, 1);
        b_->Emit(Opcode::STORE_FAST, slot);
        shared_slots_[r.output] = slot;
        return;
      }
      case Recon::kNewObject:
        b_->Emit(Opcode::PUSH_NULL);
        b_->Emit(Opcode::LOAD_CONST,
                 b_->AddConst(g_types.object->Lookup("__new__")));
        b_->Emit(Opcode::LOAD_CONST, b_->AddConst(r.constant));
        b_->Emit(Opcode::CALL, 1);
        for (const auto& kv : r.pairs) {
          b_->Emit(Opcode::COPY, 1);
          Rebuild(kv.second);
          b_->Emit(Opcode::SWAP, 2);
          b_->Emit(Opcode::STORE_ATTR,
                   b_->AddName(As<StrObject>(kv.first.constant)->str()));
        }
        return;
      case Recon::kAttr:
        Rebuild(r.items[0]);
        b_->Emit(Opcode::LOAD_ATTR, b_->AddName(r.name));
        return;
      case Recon::kIter:
        b_->Emit(Opcode::PUSH_NULL);
        b_->Emit(Opcode::LOAD_CONST,
                 b_->AddConst(BuiltinsModule()->dict()->GetStr(
                     StrObject::Intern("iter"))));
        Rebuild(r.items[0]);
        b_->Emit(Opcode::CALL, 1);
        return;
      case Recon::kGradWrapped:
        // torch.set_grad_enabled(flag)(fn)
        b_->Emit(Opcode::PUSH_NULL);
        b_->Emit(Opcode::PUSH_NULL);
        b_->Emit(Opcode::LOAD_CONST, b_->AddConst(r.constant));
        b_->Emit(Opcode::LOAD_CONST, b_->AddConst(Value::Bool(r.flag)));
        b_->Emit(Opcode::CALL, 1);
        Rebuild(r.items[0]);
        b_->Emit(Opcode::CALL, 1);
        return;
      case Recon::kFunction:
        if (r.cells.empty()) {
          b_->Emit(Opcode::LOAD_CONST, b_->AddConst(r.constant));
          b_->Emit(Opcode::MAKE_FUNCTION, 0);
          return;
        }
        for (int c : r.cells) b_->Emit(Opcode::LOAD_CLOSURE, c);
        b_->Emit(Opcode::BUILD_TUPLE, r.cells.size());
        b_->Emit(Opcode::LOAD_CONST, b_->AddConst(r.constant));
        b_->Emit(Opcode::MAKE_FUNCTION, 8);
        return;
    }
  }

  void set_graph_out_slot(int slot) { graph_out_slot_ = slot; }
  void set_new_temp(std::function<int()> f) { new_temp_ = std::move(f); }

 private:
  CodeObject* original_;
  CodeBuilder* b_;
  int graph_out_slot_ = -1;
  std::function<int()> new_temp_;
  absl::flat_hash_map<int, int> shared_slots_;  // shared id -> temp slot
};

}  // namespace

absl::StatusOr<Value> BuildResumeCode(CodeObject* original, int resume_pc,
                                      const std::vector<bool>& stack_nulls,
                                      const std::vector<int>& live_slots) {
  const int nstack = static_cast<int>(stack_nulls.size());
  int nargs_stack = 0;
  for (bool null : stack_nulls) nargs_stack += null ? 0 : 1;
  auto* code = new CodeObject();
  Value result = Value::Steal(code);
  // Arguments: the stack items, then the live locals; then the other locals.
  std::vector<int> new_index(original->nlocals(), -1);
  for (int i = 0; i < nargs_stack; ++i) {
    code->varnames.push_back(
        Value::FromObject(StrObject::Intern("___stack" + std::to_string(i))));
  }
  for (int slot : live_slots) {
    new_index[slot] = static_cast<int>(code->varnames.size());
    code->varnames.push_back(original->varnames[slot]);
  }
  for (size_t i = 0; i < original->nlocals(); ++i) {
    if (new_index[i] >= 0) continue;
    new_index[i] = static_cast<int>(code->varnames.size());
    code->varnames.push_back(original->varnames[i]);
  }
  code->argcount = nargs_stack + static_cast<int>(live_slots.size());
  // The original's cells are shared with it: all become free variables.
  code->freevars = original->cellvars;
  for (const Value& v : original->freevars) code->freevars.push_back(v);
  code->flags = (original->flags & ~(kCoVarargs | kCoVarkeywords)) | kCoNested |
                kCoOptimized | kCoNewLocals;
  if (code->freevars.empty()) code->flags |= kCoNoFree;
  int break_line = original->LineOf(resume_pc > 0 ? resume_pc - 1 : 0);
  code->firstlineno = break_line;
  code->name = "torch_dynamo_resume_in_" + original->name + "_at_" +
               std::to_string(break_line);
  code->qualname = code->name;
  code->filename = original->filename;
  code->consts = original->consts;
  code->names = original->names;
  // Prologue: RESUME, the stack back, a jump to the continuation.
  const uint32_t prologue = static_cast<uint32_t>(nstack) + 2;
  Position pos;
  if (static_cast<size_t>(resume_pc) < original->positions.size()) {
    pos = original->positions[resume_pc];
  }
  code->code.push_back(Instruction::Make(Opcode::RESUME, 0));
  code->positions.push_back(pos);
  // NULL slots (a pending call's) cannot travel as arguments: pushed here.
  int next_arg = 0;
  for (int i = 0; i < nstack; ++i) {
    code->code.push_back(
        stack_nulls[i] ? Instruction::Make(Opcode::PUSH_NULL, 0)
                       : Instruction::Make(Opcode::LOAD_FAST, next_arg++));
    code->positions.push_back(pos);
  }
  code->code.push_back(
      Instruction::Make(Opcode::JUMP_FORWARD, resume_pc + prologue));
  code->positions.push_back(pos);
  for (size_t i = 0; i < original->code.size(); ++i) {
    Instruction ins = original->code[i];
    Opcode op = ins.op();
    uint32_t arg = ins.arg();
    ArgKind kind = OpcodeArgKind(op);
    if (kind == ArgKind::kLocal) {
      arg = new_index[arg];
    } else if (kind == ArgKind::kJump) {
      arg += prologue;
    }
    code->code.push_back(Instruction::Make(op, arg));
    code->positions.push_back(
        i < original->positions.size() ? original->positions[i] : Position());
  }
  for (ExceptionTableEntry e : original->exception_table) {
    e.start += prologue;
    e.end += prologue;
    e.target += prologue;
    code->exception_table.push_back(e);
  }
  code->stacksize = original->stacksize + nstack + 1;
  return result;
}

absl::StatusOr<Value> BuildOutCode(CodeObject* original, const OutputPlan& plan,
                                   const std::string& compiled_fn_name) {
  auto* code = new CodeObject();
  Value result = Value::Steal(code);
  code->argcount = original->argcount;
  code->posonlyargcount = original->posonlyargcount;
  code->kwonlyargcount = original->kwonlyargcount;
  code->flags = original->flags;
  code->firstlineno = original->firstlineno;
  code->name = original->name;
  code->qualname = original->qualname;
  code->filename = original->filename;
  code->varnames = original->varnames;
  code->cellvars = original->cellvars;
  code->freevars = original->freevars;
  code->cell2arg = original->cell2arg;

  CodeBuilder b;
  Position pos;
  pos.lineno = original->firstlineno;
  pos.end_lineno = original->firstlineno;
  b.set_position(pos);
  Emitter e(original, &b);
  b.Emit(Opcode::RESUME, 0);
  const Graph& g = *plan.graph;
  bool call_graph = g.num_calls() > 0 || !g.outputs().empty();
  if (call_graph) {
    int slot = static_cast<int>(code->varnames.size());
    code->varnames.push_back(
        Value::FromObject(StrObject::Intern("graph_out_0")));
    e.set_graph_out_slot(slot);
    b.Emit(Opcode::LOAD_GLOBAL, (b.AddName(compiled_fn_name) << 1) | 1);
    for (const SourceRef& s : plan.input_sources) e.Load(*s);
    b.Emit(Opcode::CALL, plan.input_sources.size());
    b.Emit(Opcode::STORE_FAST, slot);
  }
  // Phase 1: every value the replays, the result and (after a break) the
  // stack and locals need is computed into a temporary while the mutated
  // objects still hold their old state.
  auto new_temp = [&]() {
    int slot = static_cast<int>(code->varnames.size());
    code->varnames.push_back(
        Value::FromObject(StrObject::Intern("tmp_" + std::to_string(slot))));
    return slot;
  };
  e.set_new_temp(new_temp);
  auto compute = [&](const Recon& r) {
    int t = new_temp();
    e.Rebuild(r);
    b.Emit(Opcode::STORE_FAST, t);
    return t;
  };
  std::vector<int> dict_maps;
  for (const DictReplay& rep : plan.dict_replays) {
    for (const auto& kv : rep.entries) {
      e.Rebuild(kv.first);
      e.Rebuild(kv.second);
    }
    b.Emit(Opcode::BUILD_MAP, rep.entries.size());
    int t = new_temp();
    b.Emit(Opcode::STORE_FAST, t);
    dict_maps.push_back(t);
  }
  std::vector<int> list_values;
  for (const ListReplay& rep : plan.list_replays) {
    for (const Recon& x : rep.items) e.Rebuild(x);
    b.Emit(Opcode::BUILD_LIST, rep.items.size());
    int t = new_temp();
    b.Emit(Opcode::STORE_FAST, t);
    list_values.push_back(t);
  }
  std::vector<int> attr_values, cell_values;
  for (const AttrReplay& rep : plan.attr_replays) {
    attr_values.push_back(compute(rep.value));
  }
  for (const CellReplay& rep : plan.cell_replays) {
    cell_values.push_back(compute(rep.value));
  }
  std::vector<int> global_values;
  for (const GlobalReplay& rep : plan.global_replays) {
    global_values.push_back(compute(rep.value));
  }
  int ret_temp = -1;
  std::vector<int> stack_temps, local_temps;
  if (!plan.brk.active) {
    ret_temp = compute(plan.return_value);
  } else {
    for (const Recon& r : plan.brk.stack) {
      stack_temps.push_back(r.kind == Recon::kNull ? -1 : compute(r));
    }
    for (const auto& [slot, value] : plan.brk.locals) {
      bool unchanged = value.kind == Recon::kSource &&
                       value.source->kind == Source::kLocal &&
                       value.source->index == slot;
      local_temps.push_back(unchanged ? -1 : compute(value));
    }
  }
  // Phase 2: the mutations, last registered first (the tracer's order).
  for (size_t i = 0; i < plan.dict_replays.size(); ++i) {
    const DictReplay& rep = plan.dict_replays[i];
    if (rep.clear) {
      e.Load(*rep.dict);
      b.Emit(Opcode::LOAD_METHOD, b.AddName("clear"));
      b.Emit(Opcode::CALL, 0);
      b.Emit(Opcode::POP_TOP);
    }
    e.Load(*rep.dict);
    b.Emit(Opcode::LOAD_METHOD, b.AddName("update"));
    b.Emit(Opcode::LOAD_FAST, dict_maps[i]);
    b.Emit(Opcode::CALL, 1);
    b.Emit(Opcode::POP_TOP);
  }
  for (size_t i = 0; i < plan.list_replays.size(); ++i) {
    b.Emit(Opcode::LOAD_FAST, list_values[i]);
    e.Load(*plan.list_replays[i].list);
    b.Emit(Opcode::LOAD_CONST, b.AddConst(Value::None()));
    b.Emit(Opcode::LOAD_CONST, b.AddConst(Value::None()));
    b.Emit(Opcode::BUILD_SLICE, 2);
    b.Emit(Opcode::STORE_SUBSCR);
  }
  for (size_t i = 0; i < plan.attr_replays.size(); ++i) {
    b.Emit(Opcode::LOAD_FAST, attr_values[i]);
    e.Load(*plan.attr_replays[i].object);
    b.Emit(Opcode::STORE_ATTR, b.AddName(plan.attr_replays[i].name));
  }
  for (size_t i = 0; i < plan.cell_replays.size(); ++i) {
    b.Emit(Opcode::LOAD_FAST, cell_values[i]);
    b.Emit(Opcode::STORE_DEREF, plan.cell_replays[i].deref_index);
  }
  for (size_t i = 0; i < plan.global_replays.size(); ++i) {
    b.Emit(Opcode::LOAD_FAST, global_values[i]);
    b.Emit(Opcode::STORE_GLOBAL, b.AddName(plan.global_replays[i].name));
  }
  // Phase 3: the result, or the call that broke the graph and the resume.
  if (!plan.brk.active) {
    b.Emit(Opcode::LOAD_FAST, ret_temp);
    b.Emit(Opcode::RETURN_VALUE);
  } else {
    const BreakPlan& brk = plan.brk;
    if (brk.grad_at_break != brk.grad_at_start) {
      // The call runs in the grad mode of the `with` block it sits in.
      b.Emit(Opcode::PUSH_NULL);
      b.Emit(Opcode::LOAD_CONST, b.AddConst(brk.set_grad_enabled));
      b.Emit(Opcode::LOAD_CONST, b.AddConst(Value::Bool(brk.grad_at_break)));
      b.Emit(Opcode::CALL, 1);
      b.Emit(Opcode::POP_TOP);
    }
    for (size_t i = 0; i < brk.locals.size(); ++i) {
      if (local_temps[i] < 0) continue;
      b.Emit(Opcode::LOAD_FAST, local_temps[i]);
      b.Emit(Opcode::STORE_FAST, brk.locals[i].first);
    }
    for (int t : stack_temps) {
      if (t < 0) {
        b.Emit(Opcode::PUSH_NULL);
      } else {
        b.Emit(Opcode::LOAD_FAST, t);
      }
    }
    // The stack left by the instruction goes to a resume function, followed
    // by the live locals.
    auto call_resume = [&](const Value& resume_value,
                           const std::vector<bool>& nulls) {
      int nstack = static_cast<int>(nulls.size());
      std::vector<int> tmps;
      for (int i = 0; i < nstack; ++i) {
        tmps.push_back(nulls[i] ? -1 : new_temp());
      }
      for (int i = nstack - 1; i >= 0; --i) {
        if (tmps[i] < 0) {
          b.Emit(Opcode::POP_TOP);
        } else {
          b.Emit(Opcode::STORE_FAST, tmps[i]);
        }
      }
      tmps.erase(std::remove(tmps.begin(), tmps.end(), -1), tmps.end());
      nstack = static_cast<int>(tmps.size());
      b.Emit(Opcode::PUSH_NULL);
      auto* resume = As<CodeObject>(resume_value);
      if (resume->nfree() > 0) {
        for (size_t i = 0; i < resume->nfree(); ++i) {
          b.Emit(Opcode::LOAD_CLOSURE, i);
        }
        b.Emit(Opcode::BUILD_TUPLE, resume->nfree());
        b.Emit(Opcode::LOAD_CONST, b.AddConst(resume_value));
        b.Emit(Opcode::MAKE_FUNCTION, 8);
      } else {
        b.Emit(Opcode::LOAD_CONST, b.AddConst(resume_value));
        b.Emit(Opcode::MAKE_FUNCTION, 0);
      }
      for (int t : tmps) b.Emit(Opcode::LOAD_FAST, t);
      for (const auto& kv : brk.locals) b.Emit(Opcode::LOAD_FAST, kv.first);
      b.Emit(Opcode::CALL, nstack + brk.locals.size());
      b.Emit(Opcode::RETURN_VALUE);
    };
    // Inside grad-mode `with` blocks, an exception from the instruction
    // leaves the blocks, and the outermost __exit__ decides the mode it
    // leaves with; in eager code the frame's exception table runs them, here
    // a handler around the instruction sets that mode and re-raises. (After
    // it, the resume function's own table covers the rest of the blocks.)
    bool in_blocks = brk.in_grad_blocks;
    CodeBuilder::Label restore = b.NewLabel();
    if (in_blocks) b.PushHandler(restore, 0, /*push_lasti=*/false);
    if (brk.jump != Opcode::NOP) {
      // The branch itself, on the real condition; each side resumes.
      CodeBuilder::Label taken = b.NewLabel();
      b.EmitJump(brk.jump, taken);
      if (in_blocks) b.PopHandler();
      call_resume(brk.resume_code, brk.stack_nulls);
      b.Bind(taken);
      call_resume(brk.jump_resume_code, brk.stack_nulls);
    } else {
      if (!brk.kwnames.is_null()) {
        b.Emit(Opcode::KW_NAMES, b.AddConst(brk.kwnames));
      }
      b.Emit(Opcode::CALL, brk.call_arg);
      if (in_blocks) b.PopHandler();
      std::vector<bool> nulls = brk.stack_nulls;
      nulls.push_back(false);  // the call's result
      call_resume(brk.resume_code, nulls);
    }
    if (in_blocks) {
      b.Bind(restore);  // the exception on the stack
      b.Emit(Opcode::PUSH_NULL);
      b.Emit(Opcode::LOAD_CONST, b.AddConst(brk.set_grad_enabled));
      b.Emit(Opcode::LOAD_CONST,
             b.AddConst(Value::Bool(brk.grad_after_blocks)));
      b.Emit(Opcode::CALL, 1);
      b.Emit(Opcode::POP_TOP);
      b.Emit(Opcode::RERAISE, 0);
    }
  }
  absl::Status st = b.Finish(code);
  if (!st.ok()) return st;
  return result;
}

}  // namespace minidynamo
