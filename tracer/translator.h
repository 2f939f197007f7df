#ifndef MINIDYNAMO_TRACER_TRANSLATOR_H_
#define MINIDYNAMO_TRACER_TRANSLATOR_H_

// The symbolic interpreter (Dynamo's InstructionTranslator): runs a frame's
// bytecode over variable trackers, recording tensor work into a graph,
// guards into a GuardSet and mutations of pre-existing objects as side
// effects; inlines calls of Python functions. The result is an OutputPlan
// that codegen turns into the out code.

#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "tracer/plan.h"
#include "tracer/variables.h"
#include "vm/core/value.h"

namespace minidynamo {

class CodeObject;
class FunctionObject;
struct Frame;

// Why tracing stopped short (Dynamo's Unsupported): the reason and the user
// line it happened at.
struct Unsupported {
  std::string reason;
  std::string filename;
  int lineno = 0;
};

// Traces the frame `f` of `func` (arguments bound). On success fills `plan`
// and returns true; returns false with `*unsupported` set when something
// cannot be traced (a graph break), or false with a Python exception raised
// on an error in the traced code's own logic.
bool TraceFrame(FunctionObject* func, Frame* f, OutputPlan* plan,
                Unsupported* unsupported);

// Registers torch functions the tracer records as graph calls (by identity)
// and the special callables it models (graph_break, is_compiling, grad
// modes, functional_call). Set by torch._dynamo at import.
void SetTracerConfig(const Value& config);

}  // namespace minidynamo

#endif  // MINIDYNAMO_TRACER_TRANSLATOR_H_
