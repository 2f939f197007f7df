#ifndef MINIDYNAMO_TRACER_PLAN_H_
#define MINIDYNAMO_TRACER_PLAN_H_

// OutputPlan: the narrow interface between the tracer and codegen. The
// tracer fills one per compiled frame (the graph, where its inputs come from,
// the side effects to replay, how to rebuild the return value, the guards);
// codegen turns it into the out code.

#include <memory>
#include <utility>
#include <vector>

#include "tracer/graph.h"
#include "tracer/guards.h"
#include "tracer/source.h"
#include "vm/compile/opcodes.h"
#include "vm/core/value.h"

namespace minidynamo {

// How to rebuild a value in the out code.
struct Recon {
  enum Kind {
    kConst,
    kGraphOutput,
    kSource,
    kTuple,
    kList,
    kDict,
    kNull,         // the NULL slot of a call (PUSH_NULL)
    kGradWrapped,  // constant(flag)(items[0]): torch.set_grad_enabled(b)(fn)
    kIter,         // iter(items[0]): an iterator the traced code was using
    kGradExit,     // constant(flag): the __exit__ of a grad-mode `with`
    kAttr,         // items[0].name: a bound method of a rebuilt value
    kNewObject,    // object.__new__(constant), then `pairs` as attributes
    kShared,       // items[0], made once (id `output`) and reused after
    kSet,          // BUILD_SET of items (constants)
    kFunction,     // a function made in the frame: MAKE_FUNCTION of constant
                   // with the frame's cells (`cells`) as closure
  };
  Kind kind = kConst;
  Value constant;
  int output = -1;  // index into the graph's outputs
  SourceRef source;
  std::vector<Recon> items;                    // tuple/list
  std::vector<std::pair<Recon, Recon>> pairs;  // dict
  bool flag = false;                           // kGradWrapped: the mode
  std::string name;                            // kAttr
  std::vector<int> cells;  // kFunction: LOAD_CLOSURE indexes
};

// A tracked dict's replay: [clear()], then update({changed entries}).
struct DictReplay {
  SourceRef dict;
  bool clear = false;
  std::vector<std::pair<Recon, Recon>> entries;
};

// A tracked list's replay: src[:] = [items].
struct ListReplay {
  SourceRef list;
  std::vector<Recon> items;
};

// An attribute store on an object that existed before the call.
struct AttrReplay {
  SourceRef object;
  std::string name;
  Recon value;
};

// A store to a cell of the compiled frame.
struct CellReplay {
  int deref_index;  // LOAD_DEREF/STORE_DEREF argument
  Recon value;
};

// A store to a global of the compiled frame's module.
struct GlobalReplay {
  std::string name;
  Recon value;
};

// A graph break at a CALL of the compiled frame: the out code rebuilds the
// stack as it was before the call, runs the call for real, then hands the
// stack and the live locals to a resume function that continues after it.
struct BreakPlan {
  bool active = false;
  std::vector<Recon> stack;       // bottom to top, the call's operands on top
  uint32_t call_arg = 0;          // the CALL's argument
  Value kwnames;                  // its KW_NAMES tuple, if any
  int n_below = 0;                // stack items below the call's operands
  std::vector<bool> stack_nulls;  // which of those are NULL markers
  std::vector<std::pair<int, Recon>> locals;  // live locals: slot, value
  Value resume_code;
  std::string reason;
  // A break at a conditional jump on a tensor (no call): the out code runs
  // the jump itself; `resume_code` continues after it, `jump_resume_code` at
  // its target. The condition is the top of `stack`.
  Opcode jump = Opcode::NOP;
  uint32_t jump_target = 0;
  Value jump_resume_code;
  // Grad mode when the frame started and where it broke: the real call must
  // run in the latter (inside `with torch.no_grad():`, say).
  bool grad_at_start = true;
  bool grad_at_break = true;
  // Inside grad-mode `with` blocks (their __exit__s on the stack, rebuilt or
  // passed in from an earlier break): the mode the outermost one restores,
  // which an exception from the instruction must leave behind.
  bool in_grad_blocks = false;
  bool grad_after_blocks = true;
  Value set_grad_enabled;  // torch._C._set_grad_enabled
};

struct OutputPlan {
  std::shared_ptr<Graph> graph;
  std::vector<SourceRef> input_sources;  // graph inputs, in order
  std::vector<DictReplay> dict_replays;  // last registered first
  std::vector<ListReplay> list_replays;
  std::vector<AttrReplay> attr_replays;
  std::vector<CellReplay> cell_replays;
  std::vector<GlobalReplay> global_replays;
  BreakPlan brk;
  int resume_pc = -1;  // with a break: where the resume function continues
  Recon return_value;
  GuardSet guards;
};

}  // namespace minidynamo

#endif  // MINIDYNAMO_TRACER_PLAN_H_
