#ifndef MINIDYNAMO_CODEGEN_OUT_CODE_H_
#define MINIDYNAMO_CODEGEN_OUT_CODE_H_

// The out code of a compiled frame: calls the compiled graph with its inputs
// (loaded from their sources), replays the side effects (dict.update with
// only the changed entries, after clear() when everything is rebuilt; list
// slice assignment), rebuilds the return value and returns it. The code keeps
// the original's arguments, cells and free variables (see
// vm/interp/frame_hook.h) and adds its own locals after the original's.

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "tracer/plan.h"
#include "vm/core/value.h"

namespace minidynamo {

class CodeObject;

// `compiled_fn_name` is the global the graph callable is stored under.
absl::StatusOr<Value> BuildOutCode(CodeObject* original, const OutputPlan& plan,
                                   const std::string& compiled_fn_name);

// The resume function's code after a graph break: the original's code with
// a prologue that pushes the stack back and jumps to instruction
// `resume_pc`; `stack_nulls` says, bottom to top, which stack slots are a
// call's NULL (pushed by the prologue, not passed). Its arguments are the stack
// items, then the live locals (`live_slots` of the original); the original's
// cells become free variables, shared with the frame that broke.
absl::StatusOr<Value> BuildResumeCode(CodeObject* original, int resume_pc,
                                      const std::vector<bool>& stack_nulls,
                                      const std::vector<int>& live_slots);

}  // namespace minidynamo

#endif  // MINIDYNAMO_CODEGEN_OUT_CODE_H_
