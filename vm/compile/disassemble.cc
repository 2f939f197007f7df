#include "vm/compile/disassemble.h"

#include <algorithm>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "vm/core/builtin_types.h"
#include "vm/core/errors.h"
#include "vm/interp/ops.h"
#include "vm/objects/str.h"

namespace minidynamo {
namespace {

constexpr int kOpnameWidth = 20;
constexpr int kOpargWidth = 5;

std::string SafeRepr(const Value& v) {
  std::string r = ReprString(v);
  if (ErrorOccurred()) {
    ClearError();
    return "<repr failed>";
  }
  return r;
}

const char* kFormatConversions[] = {"", "str", "repr", "ascii"};

}  // namespace

std::vector<DecodedInstruction> DecodeInstructions(const CodeObject* code) {
  absl::flat_hash_set<uint32_t> targets;
  for (const Instruction& in : code->code) {
    if (IsJump(in.op())) targets.insert(in.arg());
  }
  for (const ExceptionTableEntry& e : code->exception_table)
    targets.insert(e.target);
  std::vector<DecodedInstruction> out;
  int last_line = -1;
  for (size_t i = 0; i < code->code.size(); ++i) {
    const Instruction in = code->code[i];
    DecodedInstruction d;
    d.op = in.op();
    d.opname = OpcodeName(in.op());
    d.arg = in.arg();
    ArgKind kind = OpcodeArgKind(in.op());
    d.has_arg = kind != ArgKind::kNone;
    d.offset = static_cast<int>(i * 2);
    int line = code->LineOf(i);
    d.starts_line = (line > 0 && line != last_line) ? line : 0;
    if (line > 0) last_line = line;
    d.is_jump_target = targets.contains(static_cast<uint32_t>(i));
    d.argval = Value::None();
    switch (kind) {
      case ArgKind::kConst:
        if (d.arg < code->consts.size()) {
          d.argval = code->consts[d.arg];
          d.argrepr = SafeRepr(d.argval);
        }
        break;
      case ArgKind::kName: {
        uint32_t idx = in.op() == Opcode::LOAD_GLOBAL ? d.arg >> 1 : d.arg;
        if (idx < code->names.size()) {
          d.argval = code->names[idx];
          d.argrepr = As<StrObject>(d.argval)->str();
          if (in.op() == Opcode::LOAD_GLOBAL && (d.arg & 1)) {
            d.argrepr = "NULL + " + d.argrepr;
          }
        }
        break;
      }
      case ArgKind::kLocal:
        if (d.arg < code->varnames.size()) {
          d.argval = code->varnames[d.arg];
          d.argrepr = As<StrObject>(d.argval)->str();
        }
        break;
      case ArgKind::kFree:
        if (d.arg < code->ncells() + code->nfree()) {
          d.argval = code->LocalsplusName(code->nlocals() + d.arg);
          d.argrepr = As<StrObject>(d.argval)->str();
        }
        break;
      case ArgKind::kJump:
        d.argval = Value::Int(static_cast<int64_t>(d.arg) * 2);
        d.argrepr = absl::StrCat("to ", d.arg * 2);
        break;
      case ArgKind::kCmp:
        d.argval = StrObject::New(CompareOpSymbol(d.arg));
        d.argrepr = CompareOpSymbol(d.arg);
        break;
      case ArgKind::kBinOp:
        d.argval = Value::Int(d.arg);
        d.argrepr = BinOpSymbol(d.arg);
        break;
      case ArgKind::kCount:
      case ArgKind::kRaw:
        d.argval = Value::Int(d.arg);
        if (in.op() == Opcode::FORMAT_VALUE) {
          d.argrepr = kFormatConversions[d.arg & 3];
          if (d.arg & 4)
            d.argrepr += d.argrepr.empty() ? "with format" : ", with format";
        }
        break;
      case ArgKind::kNone:
        break;
    }
    out.push_back(std::move(d));
  }
  return out;
}

std::string Disassemble(const CodeObject* code, bool recursive) {
  std::vector<DecodedInstruction> instrs = DecodeInstructions(code);
  int max_line = 0;
  for (const auto& d : instrs) max_line = std::max(max_line, d.starts_line);
  int lineno_width =
      max_line >= 1000 ? static_cast<int>(absl::StrCat(max_line).size()) : 3;
  int max_offset = instrs.empty() ? 0 : instrs.back().offset;
  int offset_width = max_offset >= 10000
                         ? static_cast<int>(absl::StrCat(max_offset).size())
                         : 4;
  std::string out;
  bool first = true;
  for (const auto& d : instrs) {
    if (d.starts_line > 0 && !first) out += "\n";
    first = false;
    std::string line;
    line += d.starts_line > 0
                ? absl::StrFormat("%*d", lineno_width, d.starts_line)
                : std::string(lineno_width, ' ');
    line += " ";
    line += "   ";
    line += " ";
    line += d.is_jump_target ? ">>" : "  ";
    line += " ";
    line += absl::StrFormat("%*d", offset_width, d.offset);
    line += " ";
    line += absl::StrFormat("%-*s", kOpnameWidth, d.opname);
    if (d.has_arg) {
      line += " ";
      line += absl::StrFormat("%*d", kOpargWidth, d.arg);
      if (!d.argrepr.empty()) line += " (" + d.argrepr + ")";
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  if (recursive) {
    for (const Value& c : code->consts) {
      if (!c.is_object() || c.as_object()->type() != g_types.code) continue;
      const auto* sub = static_cast<const CodeObject*>(c.as_object());
      out += absl::StrCat("\nDisassembly of ", SafeRepr(c), ":\n");
      out += Disassemble(sub, true);
    }
  }
  return out;
}

}  // namespace minidynamo
