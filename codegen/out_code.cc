#include "codegen/out_code.h"

#include "absl/status/status.h"
#include "vm/compile/code.h"
#include "vm/compile/code_builder.h"
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
      case Recon::kDict:
        for (const auto& kv : r.pairs) {
          Rebuild(kv.first);
          Rebuild(kv.second);
        }
        b_->Emit(Opcode::BUILD_MAP, r.pairs.size());
        return;
    }
  }

  void set_graph_out_slot(int slot) { graph_out_slot_ = slot; }

 private:
  CodeObject* original_;
  CodeBuilder* b_;
  int graph_out_slot_ = -1;
};

}  // namespace

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
  for (const DictReplay& rep : plan.dict_replays) {
    // Everything the new entries need is loaded while the dict still holds
    // its old items; then clear() (when rebuilding all) and update().
    e.Load(*rep.dict);
    b.Emit(Opcode::LOAD_METHOD, b.AddName("update"));
    for (const auto& kv : rep.entries) {
      e.Rebuild(kv.first);
      e.Rebuild(kv.second);
    }
    b.Emit(Opcode::BUILD_MAP, rep.entries.size());
    if (rep.clear) {
      e.Load(*rep.dict);
      b.Emit(Opcode::LOAD_METHOD, b.AddName("clear"));
      b.Emit(Opcode::CALL, 0);
      b.Emit(Opcode::POP_TOP);
    }
    b.Emit(Opcode::CALL, 1);
    b.Emit(Opcode::POP_TOP);
  }
  for (const ListReplay& rep : plan.list_replays) {
    for (const Recon& x : rep.items) e.Rebuild(x);
    b.Emit(Opcode::BUILD_LIST, rep.items.size());
    e.Load(*rep.list);
    b.Emit(Opcode::LOAD_CONST, b.AddConst(Value::None()));
    b.Emit(Opcode::LOAD_CONST, b.AddConst(Value::None()));
    b.Emit(Opcode::BUILD_SLICE, 2);
    b.Emit(Opcode::STORE_SUBSCR);
  }
  e.Rebuild(plan.return_value);
  b.Emit(Opcode::RETURN_VALUE);
  absl::Status st = b.Finish(code);
  if (!st.ok()) return st;
  return result;
}

}  // namespace minidynamo
