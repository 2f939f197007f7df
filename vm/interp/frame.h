#ifndef MINIDYNAMO_VM_INTERP_FRAME_H_
#define MINIDYNAMO_VM_INTERP_FRAME_H_

// Frames of running code and the thread state that links them.
//
// A Frame is a header followed by its slots: the code's localsplus (locals,
// cells, free variables) and then its value stack, all in one block. The
// locals start null (unbound); the stack slots from `sp` up hold no values
// (garbage bytes, never read or released: PUSH constructs, POP moves out), so
// a call nulls only its frame's locals. Frames of
// ordinary calls come from a LIFO arena, so a Python-to-Python call allocates
// nothing from the heap and runs in the same C++ eval loop (no C++ recursion).
// Generator and coroutine frames are heap blocks owned by their generator
// object, since they outlive the call that created them.

#include <cassert>
#include <cstdint>
#include <cstring>
#include <new>
#include <vector>

#include "vm/compile/code.h"
#include "vm/core/object.h"

namespace minidynamo {

class DictObject;
class FunctionObject;

struct Frame {
  // The header of a frame for `c` (held by `code`); the slots are the
  // pusher's to fill.
  Frame(Value code, CodeObject* c, DictObject* g, DictObject* b)
      : code_ref(std::move(code)),
        code(c),
        globals(g),
        builtins(b),
        nlocalsplus(c->frame_locals) {}

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
  uint32_t pc = 0;  // Index of the next instruction (saved across calls).
  // The instruction being run (for tracebacks and line numbers): a pointer
  // into the code's `quickened` copy, stored by the eval loop's dispatch
  // without an index computation.
  const Instruction* prev_instr = nullptr;
  Value* sp = nullptr;    // Value stack pointer (one past the top).
  bool is_entry = false;  // Returning from it returns from EvalFrame.
  bool yielded = false;   // Set when EvalFrame returned a yielded value.
  bool on_heap = false;   // Owned by a generator.
  // 1 + the BinOp when the caller's BINARY_OP runs this frame (an operator
  // method, BinaryOpLeftFunction) and waits for its result with both
  // operands still on its stack; 0 otherwise.
  uint8_t binop = 0;
  Object* generator = nullptr;  // The generator running this frame, if any.
  uint32_t nlocalsplus = 0;     // the code's, cached: where the stack starts
  // Arena bookkeeping, restored by PopFrame.
  char* arena_prev_top = nullptr;
  uint32_t arena_chunk = 0;

  // Whether returning from this frame only hands the value to the previous
  // one: not an entry frame, not a generator's, no operator fallback
  // (binop) and no __init__ result (init_self).
  bool ReturnsPlainly() const {
    return (is_entry | on_heap | binop) == 0 && init_self.is_null();
  }

  Value* localsplus() { return reinterpret_cast<Value*>(this + 1); }
  Value* stack_base() { return localsplus() + nlocalsplus; }
  // Index of the instruction being run (0 before the first).
  uint32_t lasti() const {
    return prev_instr == nullptr
               ? 0
               : static_cast<uint32_t>(prev_instr - code->quickened.data());
  }
  void set_lasti(uint32_t i) { prev_instr = code->quickened.data() + i; }
  int CurrentLine() const { return code->LineOf(lasti()); }
};

class ThreadState {
 public:
  // Inline: every call and attribute error path asks for it.
  static ThreadState* Get() {
    static ThreadState* ts = new ThreadState();
    return ts;
  }

  // A frame for `code` with all locals null. Pushed frames are popped in LIFO
  // order. Inline: every Python call pushes and pops one; the arena bump is
  // the common case, a new chunk the rare one.
  Frame* PushFrame(Value code, DictObject* globals, DictObject* builtins) {
    CodeObject* c = As<CodeObject>(code);
    return PushArgsFrame(std::move(code), c, Value(), globals, builtins,
                         nullptr, 0);
  }
  // A frame for `c` (held by `code`) running `func`, whose first `nargs`
  // locals are moved from `args` and whose other locals are null: the header
  // written once and one memset, inline in the eval loop's CALL.
  Frame* PushArgsFrame(Value code, CodeObject* c, Value func,
                       DictObject* globals, DictObject* builtins, Value* args,
                       size_t nargs) {
    if (c->frame_bytes == 0) ComputeFrameLayout(c);
    return PushLaidOutFrame(std::move(code), c, std::move(func), globals,
                            builtins, args, nargs);
  }
  // PushArgsFrame for code whose layout is known (frame_bytes set).
  Frame* PushLaidOutFrame(Value code, CodeObject* c, Value func,
                          DictObject* globals, DictObject* builtins,
                          Value* args, size_t nargs) {
    char* prev_top = top_;
    uint32_t prev_chunk = static_cast<uint32_t>(chunk_index_);
    if (top_ == nullptr || top_ + c->frame_bytes > limit_) NextChunk(c);
    auto* f = reinterpret_cast<Frame*>(top_);
    top_ += c->frame_bytes;
    InitFrame(f, std::move(code), c, std::move(func), globals, builtins, args,
              nargs);
    f->arena_prev_top = prev_top;
    f->arena_chunk = prev_chunk;
    return f;
  }
  void PopFrame(Frame* f) {
    char* prev_top = f->arena_prev_top;
    uint32_t prev_chunk = f->arena_chunk;
    DestroyFrame(f);
    top_ = prev_top;
    if (prev_chunk != chunk_index_ || prev_top == nullptr) {
      RestoreChunk(prev_top, prev_chunk);
    }
  }
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
  static void ComputeFrameLayout(CodeObject* code);
  // Makes the next chunk (big enough for `code`'s frame) current.
  void NextChunk(const CodeObject* code);
  void RestoreChunk(char* prev_top, uint32_t prev_chunk);
  // The header and slots of a frame for `c` at `f`: `func`, the first
  // `nargs` locals moved from `args`, the other locals null.
  // Rvalue references: by-value Values would be temporaries copied on every
  // call.
  [[gnu::always_inline]] static void InitFrame(Frame* f, Value&& code,
                                               CodeObject* c, Value&& func,
                                               DictObject* globals,
                                               DictObject* builtins,
                                               Value* args, size_t nargs) {
    new (f) Frame(std::move(code), c, globals, builtins);
    new (&f->func) Value(std::move(func));
    Value* slots = f->localsplus();
    for (size_t i = 0; i < nargs; ++i) {
      new (&slots[i]) Value(std::move(args[i]));
    }
    // Only the locals: the value stack above sp is never read.
    NullSlots(slots + nargs, f->nlocalsplus - nargs);
    f->sp = f->stack_base();
  }
  static void NullSlots(Value* slots, size_t n) {
    // A null Value is all zero bytes (kNull is 0), so one memset nulls them.
    static_assert(static_cast<int>(Value::Tag::kNull) == 0);
    // Often there is none (every local an argument): no call then.
    if (n > 0) std::memset(static_cast<void*>(slots), 0, n * sizeof(Value));
  }
  // Releases the locals and what is still on the value stack, up to `sp`
  // (frames leave with an empty stack or, suspended, with `sp` saved).
  static void DestroyFrame(Frame* f) {
    Value* slots = f->localsplus();
    Value* top = f->sp;
    for (Value* v = slots; v < top; ++v) v->~Value();
    f->~Frame();
  }

  std::vector<char*> chunks_;
  size_t chunk_index_ = 0;
  char* top_ = nullptr;
  char* limit_ = nullptr;
};

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_INTERP_FRAME_H_
