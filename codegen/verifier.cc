#include "codegen/verifier.h"

#include <vector>

#include "absl/strings/str_cat.h"
#include "vm/compile/code.h"
#include "vm/compile/opcodes.h"
#include "vm/core/builtin_types.h"
#include "vm/interp/ops.h"

namespace minidynamo {
namespace {

absl::Status Bad(const CodeObject& code, size_t i, const std::string& what) {
  return absl::InvalidArgumentError(absl::StrCat(
      "invalid code object ", code.name, ": instruction ", i, " (",
      i < code.code.size() ? OpcodeName(code.code[i].op()) : "?", "): ", what));
}

absl::Status CheckArg(const CodeObject& code, size_t i) {
  const Instruction ins = code.code[i];
  if (static_cast<int>(ins.op()) >= static_cast<int>(Opcode::kCount)) {
    return Bad(code, i, "unknown opcode");
  }
  uint32_t arg = ins.arg();
  switch (OpcodeArgKind(ins.op())) {
    case ArgKind::kConst:
      if (arg >= code.consts.size()) return Bad(code, i, "constant index");
      if (ins.op() == Opcode::KW_NAMES &&
          !IsInstance(code.consts[arg], g_types.tuple)) {
        return Bad(code, i, "KW_NAMES of a non-tuple");
      }
      break;
    case ArgKind::kName: {
      uint32_t idx = ins.op() == Opcode::LOAD_GLOBAL ? arg >> 1 : arg;
      if (idx >= code.names.size()) return Bad(code, i, "name index");
      break;
    }
    case ArgKind::kLocal:
      if (arg >= code.nlocals()) return Bad(code, i, "local index");
      break;
    case ArgKind::kFree:
      if (arg >= code.ncells() + code.nfree()) {
        return Bad(code, i, "cell index");
      }
      break;
    case ArgKind::kJump:
      if (arg >= code.code.size()) return Bad(code, i, "jump target");
      break;
    default:
      break;
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status VerifyCode(const CodeObject& code) {
  const size_t n = code.code.size();
  if (n == 0) return absl::InvalidArgumentError("empty code object");
  if (code.positions.size() != n) {
    return absl::InvalidArgumentError(
        absl::StrCat("invalid code object ", code.name,
                     ": positions do not match the instructions"));
  }
  for (size_t i = 0; i < n; ++i) {
    absl::Status s = CheckArg(code, i);
    if (!s.ok()) return s;
  }
  for (const ExceptionTableEntry& e : code.exception_table) {
    if (e.start >= e.end || e.end > n || e.target >= n ||
        static_cast<int>(e.depth) > code.stacksize) {
      return absl::InvalidArgumentError(absl::StrCat(
          "invalid code object ", code.name, ": exception table entry [",
          e.start, ", ", e.end, ") -> ", e.target));
    }
  }
  // Stack depth by flow analysis over jumps, fall-through and handlers.
  std::vector<int> depth(n, -1);
  std::vector<size_t> work;
  auto reach = [&](size_t to, int d, size_t from) -> absl::Status {
    if (to >= n) return Bad(code, from, "falls off the end of the code");
    if (d < 0) return Bad(code, from, "pops an empty stack");
    if (d > code.stacksize) {
      return Bad(code, from,
                 absl::StrCat("stack depth ", d, " exceeds co_stacksize ",
                              code.stacksize));
    }
    if (depth[to] == -1) {
      depth[to] = d;
      work.push_back(to);
    } else if (depth[to] != d) {
      return Bad(
          code, to,
          absl::StrCat("reached with stack depths ", depth[to], " and ", d));
    }
    return absl::OkStatus();
  };
  depth[0] = 0;
  work.push_back(0);
  while (!work.empty()) {
    size_t i = work.back();
    work.pop_back();
    const Instruction ins = code.code[i];
    int d = depth[i];
    if (const ExceptionTableEntry* h = code.HandlerFor(i)) {
      int hd = static_cast<int>(h->depth) + (h->push_lasti ? 2 : 1);
      absl::Status s = reach(h->target, hd, i);
      if (!s.ok()) return s;
    }
    if (IsJump(ins.op())) {
      absl::Status s =
          reach(ins.arg(), d + StackEffect(ins.op(), ins.arg(), true), i);
      if (!s.ok()) return s;
    }
    if (!IsTerminator(ins.op())) {
      absl::Status s =
          reach(i + 1, d + StackEffect(ins.op(), ins.arg(), false), i);
      if (!s.ok()) return s;
    }
  }
  return absl::OkStatus();
}

}  // namespace minidynamo
