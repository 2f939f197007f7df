#ifndef MINIDYNAMO_VM_COMPILE_DISASSEMBLE_H_
#define MINIDYNAMO_VM_COMPILE_DISASSEMBLE_H_

// dis: decoded instructions and CPython's text layout for them. Offsets are
// instruction index * 2, so they read like CPython's byte offsets.

#include <string>
#include <vector>

#include "vm/compile/code.h"

namespace minidynamo {

struct DecodedInstruction {
  Opcode op;
  std::string opname;
  uint32_t arg;
  bool has_arg;
  Value argval;  // The resolved argument (constant, name, target offset, ...).
  std::string argrepr;  // Its text in dis output.
  int offset;
  int starts_line;  // 0 when this instruction does not start a line.
  bool is_jump_target;
};

// Decodes every instruction of `code`. Resolving constants uses repr(), which
// can run Python code; failures show as "<repr failed>".
std::vector<DecodedInstruction> DecodeInstructions(const CodeObject* code);

// dis.dis(code): the code's instructions, then (when recursive) those of every
// code object in its constants, each under a "Disassembly of ..." header.
std::string Disassemble(const CodeObject* code, bool recursive);

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_COMPILE_DISASSEMBLE_H_
