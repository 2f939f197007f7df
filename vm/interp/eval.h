#ifndef MINIDYNAMO_VM_INTERP_EVAL_H_
#define MINIDYNAMO_VM_INTERP_EVAL_H_

// The interpreter: runs frames.

#include "vm/compile/opcodes.h"
#include "vm/core/value.h"
#include "vm/interp/frame.h"

namespace minidynamo {

class FunctionObject;
class TupleObject;

// Runs `frame` (already pushed, arguments bound) until it returns; Python calls
// it makes run in the same loop. Returns the frame's result, or null with an
// exception. The frame is popped (or, for a generator frame, left suspended or
// finished).
Value EvalFrame(Frame* frame);

// Resumes a suspended generator frame by raising the pending exception at its
// suspension point (generator.throw()).
Value EvalThrow(Frame* frame);

// Creates the frame for calling `func` and binds the arguments into it
// (CPython's rules and messages). Returns nullptr with an exception raised on a
// binding error. For generator and coroutine functions, `*result` receives the
// new generator and no frame is returned.
Frame* PrepareCall(FunctionObject* func, Value* args, size_t nargs,
                   TupleObject* kwnames, Value* result);

// PrepareCall's common case without the general binder: `func`'s code
// BindsExactly(nargs), no keywords, no frame hook. The arguments are moved
// in when `steal_args` (CALL, whose stack drops them next), else copied.
Frame* PushExactFrame(FunctionObject* func, Value* args, size_t nargs,
                      bool steal_args);

// BINARY_OP on an instance of a class whose method for the operator (no
// __iop__ for an in-place one) is a Python function that binds the two
// operands exactly, with no right-hand subclass whose reflected method could
// go first: that function (borrowed from the class), which the eval loop
// then runs in its own loop; null when BinaryOp must run as a whole.
FunctionObject* BinaryOpLeftFunction(const Value& a, const Value& b, BinOp op);
// The rest of BinaryOp once that function answered NotImplemented: the right
// operand's reflected method, then the TypeError.
Value BinaryOpAfterLeft(const Value& a, const Value& b, BinOp op);

// Calls a Python function from C++ (a native function calling back, or the
// CLI).
Value CallFunction(FunctionObject* func, Value* args, size_t nargs,
                   TupleObject* kwnames);

// The builtins module's dict, shared by every frame.
DictObject* BuiltinsDict();

// Runs module-level code with `globals` as its namespace.
Value RunCode(Value code, DictObject* globals);

// SIGINT becomes KeyboardInterrupt at the eval loop's next safe point.
void InstallInterruptHandler();

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_INTERP_EVAL_H_
