#ifndef MINIDYNAMO_VM_INTERP_FRAME_H_
#define MINIDYNAMO_VM_INTERP_FRAME_H_

// Frames of running code and the thread state that links them.
//
// A Frame is a header followed by its slots: the code's localsplus (locals,
// cells, free variables) and then its value stack, all in one block. Frames of
// ordinary calls come from a LIFO arena, so a Python-to-Python call allocates
// nothing from the heap and runs in the same C++ eval loop (no C++ recursion).
// Generator and coroutine frames are heap blocks owned by their generator
// object, since they outlive the call that created them.

#include <cstdint>
#include <vector>

#include "vm/compile/code.h"
#include "vm/core/object.h"

namespace minidynamo {

class DictObject;
class FunctionObject;

struct Frame {
  Value code_ref;  // Keeps the CodeObject alive.
  CodeObject* code;
  Value func;  // The FunctionObject being run (null for module code).
  DictObject* globals;
  DictObject* builtins;
  Value locals;  // Mapping for LOAD_NAME/STORE_NAME (module and class bodies).
  // For an __init__ frame entered by calling its class: the new instance,
  // which the call returns (the frame's own return value must be None).
  Value init_self;
  Frame* previous = nullptr;
  uint32_t pc = 0;      // Index of the next instruction.
  uint32_t lasti = 0;   // Index of the instruction being run (for tracebacks).
  Value* sp = nullptr;  // Value stack pointer (one past the top).
  bool is_entry = false;        // Returning from it returns from EvalFrame.
  bool yielded = false;         // Set when EvalFrame returned a yielded value.
  bool on_heap = false;         // Owned by a generator.
  Object* generator = nullptr;  // The generator running this frame, if any.
  uint32_t nslots = 0;
  // Arena bookkeeping, restored by PopFrame.
  char* arena_prev_top = nullptr;
  uint32_t arena_chunk = 0;

  Value* localsplus() { return reinterpret_cast<Value*>(this + 1); }
  Value* stack_base() { return localsplus() + code->nlocalsplus(); }
  int CurrentLine() const { return code->LineOf(lasti); }
};

class ThreadState {
 public:
  static ThreadState* Get();

  // A frame for `code` with all slots null. Pushed frames are popped in LIFO
  // order.
  Frame* PushFrame(Value code, DictObject* globals, DictObject* builtins);
  void PopFrame(Frame* f);
  // A heap frame for a generator; freed by FreeHeapFrame.
  static Frame* NewHeapFrame(Value code, DictObject* globals,
                             DictObject* builtins);
  static void FreeHeapFrame(Frame* f);

  Frame* current = nullptr;  // Innermost running frame.
  int depth = 0;             // Python call depth, for RecursionError.
  int recursion_limit = 1000;
  // The exception being handled (sys.exc_info()), a stack kept in the frames'
  // values by PUSH_EXC_INFO/POP_EXCEPT; this is its top.
  Value handled_exception;

 private:
  std::vector<char*> chunks_;
  size_t chunk_index_ = 0;
  char* top_ = nullptr;
  char* limit_ = nullptr;
};

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_INTERP_FRAME_H_
