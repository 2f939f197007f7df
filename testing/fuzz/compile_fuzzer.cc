// libFuzzer target: the lexer, parser and compiler on arbitrary bytes.
//
// Oracles: no crash or sanitizer report; a failure is a SyntaxError (or its
// RecursionError/MemoryError kin) with a message, never the compiler's
// internal-error status; every code object the compiler returns, nested ones
// included, passes the verifier (the same one that checks codegen's output)
// and disassembles.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "codegen/verifier.h"
#include "vm/compile/code.h"
#include "vm/compile/compiler.h"
#include "vm/compile/disassemble.h"
#include "vm/core/builtin_types.h"
#include "vm/core/errors.h"
#include "vm/interp/modules.h"

namespace minidynamo {
namespace {

[[noreturn]] void Finding(const std::string& what, const std::string& source) {
  std::fprintf(stderr, "fuzz finding: %s\n--- source ---\n%s\n--- end ---\n",
               what.c_str(), source.c_str());
  std::abort();
}

void VerifyTree(const CodeObject& code, const std::string& source) {
  absl::Status s = VerifyCode(code);
  if (!s.ok()) Finding("verifier: " + std::string(s.message()), source);
  for (const Value& c : code.consts) {
    if (c.is_object() && c.as_object()->type() == g_types.code)
      VerifyTree(*static_cast<const CodeObject*>(c.as_object()), source);
  }
}

void CompileOne(const std::string& source, CompileMode mode) {
  SyntaxErrorInfo err;
  absl::StatusOr<Value> code = CompileSource(source, "<fuzz>", mode, &err);
  ClearError();
  if (!code.ok()) {
    if (code.status().code() == absl::StatusCode::kInternal ||
        err.msg.empty()) {
      Finding("compiler error without a SyntaxError: " +
                  std::string(code.status().message()),
              source);
    }
    return;
  }
  const auto* c = static_cast<const CodeObject*>(code->as_object());
  VerifyTree(*c, source);
  if (Disassemble(c, /*recursive=*/true).empty())
    Finding("empty disassembly", source);
}

}  // namespace
}  // namespace minidynamo

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace minidynamo;
  static bool started = false;
  if (!started) {
    InitRuntime({"compile_fuzzer"});
    started = true;
  }
  std::string source(reinterpret_cast<const char*>(data), size);
  CompileOne(source, CompileMode::kExec);
  // The same text as an expression (eval) exercises the other entry point.
  if (size < 512) CompileOne(source, CompileMode::kEval);
  return 0;
}
