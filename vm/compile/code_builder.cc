#include "vm/compile/code_builder.h"

#include <cstring>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "vm/core/builtin_types.h"
#include "vm/interp/ops.h"
#include "vm/objects/number.h"
#include "vm/objects/str.h"
#include "vm/objects/tuple.h"

namespace minidynamo {

std::string ConstKey(const Value& v) {
  switch (v.tag()) {
    case Value::Tag::kNone:
      return "N";
    case Value::Tag::kBool:
      return v.as_bool() ? "T" : "F";
    case Value::Tag::kInt:
      return absl::StrCat("i", v.as_int());
    case Value::Tag::kFloat: {
      uint64_t bits;
      double d = v.as_float();
      std::memcpy(&bits, &d, sizeof bits);
      return absl::StrCat("f", bits);
    }
    case Value::Tag::kObject: {
      TypeObject* t = v.as_object()->type();
      if (t == g_types.str) return absl::StrCat("s", As<StrObject>(v)->str());
      if (t == g_types.int_) return absl::StrCat("I", IntToString(v));
      if (t == g_types.tuple) {
        std::string k = "(";
        auto* tup = As<TupleObject>(v);
        for (size_t i = 0; i < tup->size(); ++i) {
          k += ConstKey(tup->get(i));
          k += ",";
        }
        return k + ")";
      }
      // Code objects, bytes and others: by identity.
      return absl::StrFormat("o%p", static_cast<void*>(v.as_object()));
    }
    case Value::Tag::kNull:
      break;
  }
  return "?";
}

CodeBuilder::Label CodeBuilder::NewLabel() {
  label_pos_.push_back(-1);
  return static_cast<Label>(label_pos_.size() - 1);
}

void CodeBuilder::Bind(Label label) {
  label_pos_[label] = static_cast<int>(instrs_.size());
}

void CodeBuilder::Emit(Opcode op, uint32_t arg) {
  instrs_.push_back(Instr{op, arg, -1, position_, current_handler_});
}

void CodeBuilder::EmitJump(Opcode op, Label target) {
  instrs_.push_back(Instr{op, 0, target, position_, current_handler_});
}

int CodeBuilder::PushHandler(Label target, int depth, bool push_lasti) {
  handlers_.push_back(Handler{target, depth, push_lasti, current_handler_});
  current_handler_ = static_cast<int>(handlers_.size() - 1);
  return current_handler_;
}

void CodeBuilder::PopHandler() {
  current_handler_ = handlers_[current_handler_].parent;
}

int CodeBuilder::SetCurrentHandler(int handler) {
  int old = current_handler_;
  current_handler_ = handler;
  return old;
}

uint32_t CodeBuilder::AddConst(const Value& v) {
  std::string key = ConstKey(v);
  auto it = const_index_.find(key);
  if (it != const_index_.end()) return it->second;
  uint32_t i = static_cast<uint32_t>(consts_.size());
  consts_.push_back(v);
  const_index_.emplace(std::move(key), i);
  return i;
}

uint32_t CodeBuilder::AddName(const std::string& name) {
  auto it = name_index_.find(name);
  if (it != name_index_.end()) return it->second;
  uint32_t i = static_cast<uint32_t>(names_.size());
  names_.push_back(name);
  name_index_.emplace(name, i);
  return i;
}

Opcode CodeBuilder::last_op() const {
  return instrs_.empty() ? Opcode::NOP : instrs_.back().op;
}

// Drops instructions no path reaches (code after a return, the implicit
// `return None` after a body that always returns), as CPython's compiler
// does; labels move to the next instruction kept.
void CodeBuilder::RemoveUnreachable() {
  const size_t n = instrs_.size();
  if (n == 0) return;
  std::vector<char> seen(n, 0);
  std::vector<size_t> work;
  auto visit = [&](long i) {
    if (i >= 0 && static_cast<size_t>(i) < n && !seen[i]) {
      seen[i] = 1;
      work.push_back(static_cast<size_t>(i));
    }
  };
  visit(0);
  while (!work.empty()) {
    size_t i = work.back();
    work.pop_back();
    const Instr& in = instrs_[i];
    if (in.handler >= 0) visit(label_pos_[handlers_[in.handler].target]);
    if (in.target >= 0) visit(label_pos_[in.target]);
    if (!IsTerminator(in.op)) visit(static_cast<long>(i) + 1);
  }
  std::vector<int> new_index(n + 1);
  int k = 0;
  for (size_t i = 0; i < n; ++i) {
    new_index[i] = k;
    if (seen[i]) ++k;
  }
  new_index[n] = k;
  if (static_cast<size_t>(k) == n) return;
  for (int& pos : label_pos_) {
    if (pos >= 0) pos = new_index[pos];
  }
  std::vector<Instr> kept;
  kept.reserve(k);
  for (size_t i = 0; i < n; ++i) {
    if (seen[i]) kept.push_back(instrs_[i]);
  }
  instrs_ = std::move(kept);
}

absl::Status CodeBuilder::Finish(CodeObject* code) {
  for (int pos : label_pos_) {
    if (pos > static_cast<int>(instrs_.size())) {
      return absl::InternalError("label past the end");
    }
  }
  RemoveUnreachable();
  // Resolve jump targets.
  for (Instr& in : instrs_) {
    if (in.target < 0) continue;
    int pos = label_pos_[in.target];
    if (pos < 0) return absl::InternalError("jump to an unbound label");
    in.arg = static_cast<uint32_t>(pos);
  }
  const size_t n = instrs_.size();
  // Stack depth by flow analysis: depth[i] is the depth before instruction i.
  std::vector<int> depth(n + 1, -1);
  std::vector<size_t> work;
  int max_depth = 0;
  auto reach = [&](size_t i, int d, size_t from) -> absl::Status {
    if (d < 0) {
      return absl::InternalError(
          absl::StrCat("stack underflow reaching instruction ", i, " from ",
                       from, " (", OpcodeName(instrs_[from].op), ")"));
    }
    if (i >= n) return absl::OkStatus();
    if (depth[i] == -1) {
      depth[i] = d;
      if (d > max_depth) max_depth = d;
      work.push_back(i);
    } else if (depth[i] != d) {
      return absl::InternalError(absl::StrCat(
          "inconsistent stack depth at instruction ", i, ": ", depth[i], " vs ",
          d, " from ", from, " (", OpcodeName(instrs_[from].op), ")"));
    }
    return absl::OkStatus();
  };
  if (n > 0) {
    depth[0] = 0;
    work.push_back(0);
  }
  while (!work.empty()) {
    size_t i = work.back();
    work.pop_back();
    const Instr& in = instrs_[i];
    int d = depth[i];
    if (in.handler >= 0) {
      const Handler& h = handlers_[in.handler];
      int hd = h.depth + (h.push_lasti ? 2 : 1);
      size_t target = static_cast<size_t>(label_pos_[h.target]);
      absl::Status s = reach(target, hd, i);
      if (!s.ok()) return s;
      if (hd > max_depth) max_depth = hd;
    }
    if (IsJump(in.op)) {
      absl::Status s = reach(in.arg, d + StackEffect(in.op, in.arg, true), i);
      if (!s.ok()) return s;
      int peak = d + StackEffect(in.op, in.arg, false);
      if (peak > max_depth) max_depth = peak;
    }
    if (!IsTerminator(in.op)) {
      absl::Status s = reach(i + 1, d + StackEffect(in.op, in.arg, false), i);
      if (!s.ok()) return s;
    }
  }
  code->code.clear();
  code->positions.clear();
  for (const Instr& in : instrs_) {
    if (in.arg > kMaxArg)
      return absl::InternalError("instruction argument too large");
    code->code.push_back(Instruction::Make(in.op, in.arg));
    code->positions.push_back(in.pos);
  }
  // Exception table: maximal runs of instructions sharing a handler.
  code->exception_table.clear();
  size_t i = 0;
  while (i < n) {
    int h = instrs_[i].handler;
    size_t j = i;
    while (j < n && instrs_[j].handler == h) ++j;
    if (h >= 0) {
      const Handler& hd = handlers_[h];
      code->exception_table.push_back(ExceptionTableEntry{
          static_cast<uint32_t>(i), static_cast<uint32_t>(j),
          static_cast<uint32_t>(label_pos_[hd.target]),
          static_cast<uint32_t>(hd.depth), hd.push_lasti});
    }
    i = j;
  }
  code->stacksize = max_depth;
  code->consts = consts_;
  code->names.clear();
  for (const std::string& nm : names_) {
    code->names.push_back(Value::FromObject(StrObject::Intern(nm)));
  }
  return absl::OkStatus();
}

}  // namespace minidynamo
