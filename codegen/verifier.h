#ifndef MINIDYNAMO_CODEGEN_VERIFIER_H_
#define MINIDYNAMO_CODEGEN_VERIFIER_H_

// The verifier every code object the compile machinery runs has passed (out
// code, resume functions, code returned by bytecode hooks): opcodes and
// arguments in range (constants, names, locals, cells, jump targets), a
// well-formed exception table, and a stack depth that is the same on every
// path into each instruction, never negative and within co_stacksize.

#include "absl/status/status.h"

namespace minidynamo {

class CodeObject;

absl::Status VerifyCode(const CodeObject& code);

}  // namespace minidynamo

#endif  // MINIDYNAMO_CODEGEN_VERIFIER_H_
