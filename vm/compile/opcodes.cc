#include "vm/compile/opcodes.h"

#include <cstddef>

namespace minidynamo {
namespace {

struct OpcodeInfo {
  const char* name;
  ArgKind kind;
};

constexpr OpcodeInfo kInfo[] = {
#define MINIDYNAMO_OPCODE_INFO(name, kind, effect) {#name, ArgKind::kind},
    MINIDYNAMO_OPCODES(MINIDYNAMO_OPCODE_INFO)
#undef MINIDYNAMO_OPCODE_INFO
};

constexpr const char* kBinOpSymbols[] = {
    "+",  "&",  "//", "<<",  "@",   "*",  "%",   "|",   "**",
    ">>", "-",  "/",  "^",   "+=",  "&=", "//=", "<<=", "@=",
    "*=", "%=", "|=", "**=", ">>=", "-=", "/=",  "^="};

constexpr const char* kCompareSymbols[] = {"<", "<=", "==", "!=", ">", ">="};

}  // namespace

const char* OpcodeName(Opcode op) {
  return static_cast<size_t>(op) < static_cast<size_t>(Opcode::kCount)
             ? kInfo[static_cast<size_t>(op)].name
             : "<unknown>";
}

ArgKind OpcodeArgKind(Opcode op) { return kInfo[static_cast<size_t>(op)].kind; }

int StackEffect(Opcode op, uint32_t arg_in, bool jump) {
  const int arg = static_cast<int>(arg_in);
  if (jump) {
    switch (op) {
      case Opcode::FOR_ITER:
        return -1;  // The exhausted iterator is popped.
      case Opcode::JUMP_IF_FALSE_OR_POP:
      case Opcode::JUMP_IF_TRUE_OR_POP:
        return 0;  // The tested value stays.
      default:
        break;
    }
  }
  switch (op) {
#define MINIDYNAMO_OPCODE_EFFECT(name, kind, effect) \
  case Opcode::name:                                 \
    return (effect);
    MINIDYNAMO_OPCODES(MINIDYNAMO_OPCODE_EFFECT)
#undef MINIDYNAMO_OPCODE_EFFECT
    case Opcode::kCount:
      break;
  }
  return 0;
}

bool IsJump(Opcode op) { return OpcodeArgKind(op) == ArgKind::kJump; }

bool IsTerminator(Opcode op) {
  switch (op) {
    case Opcode::JUMP_FORWARD:
    case Opcode::JUMP_BACKWARD:
    case Opcode::RETURN_VALUE:
    case Opcode::RAISE_VARARGS:
    case Opcode::RERAISE:
      return true;
    default:
      return false;
  }
}

const char* BinOpSymbol(uint32_t arg) {
  return arg < sizeof(kBinOpSymbols) / sizeof(kBinOpSymbols[0])
             ? kBinOpSymbols[arg]
             : "?";
}

const char* CompareOpSymbol(uint32_t arg) {
  return arg < 6 ? kCompareSymbols[arg] : "?";
}

}  // namespace minidynamo
