#ifndef MINIDYNAMO_VM_COMPILE_COMPILER_H_
#define MINIDYNAMO_VM_COMPILE_COMPILER_H_

// The compiler: AST to code objects, following CPython 3.11's compile.c shapes
// (the same opcodes in the same order wherever our opcode table has them), so
// that `dis` output and the tracer's view of bytecode read like CPython's.

#include <string>

#include "absl/status/statusor.h"
#include "vm/core/value.h"
#include "vm/parse/ast.h"
#include "vm/parse/syntax_error.h"

namespace minidynamo {

enum class CompileMode { kExec, kEval, kSingle };

// Compiles a parsed module (or expression / interactive statement) into a code
// object Value. On failure returns an error and fills `error` with SyntaxError
// details.
absl::StatusOr<Value> CompileAst(const ast::mod& module,
                                 const std::string& filename, CompileMode mode,
                                 SyntaxErrorInfo* error);

// How the compiler reports a SyntaxWarning (CPython's compiler_warn, checks
// in syntax_warnings.h): the interpreter installs a hook that goes through the
// warnings module. It returns false when the warning filters made the warning
// an error; the compile then fails with a SyntaxError of the same message at
// the same place. With no hook (the compiler alone: tools, fuzzers) warnings
// are dropped.
using SyntaxWarningHook = bool (*)(const std::string& filename, int lineno,
                                   const std::string& message);
void SetSyntaxWarningHook(SyntaxWarningHook hook);

// Parses and compiles source text.
absl::StatusOr<Value> CompileSource(const std::string& source,
                                    const std::string& filename,
                                    CompileMode mode, SyntaxErrorInfo* error);

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_COMPILE_COMPILER_H_
