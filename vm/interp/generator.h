#ifndef MINIDYNAMO_VM_INTERP_GENERATOR_H_
#define MINIDYNAMO_VM_INTERP_GENERATOR_H_

// Generators and coroutines: an object owning a suspended heap frame.

#include <vector>

#include "vm/core/object.h"
#include "vm/interp/frame.h"

namespace minidynamo {

class FunctionObject;
class SetObject;

struct GeneratorFold;

class GeneratorObject : public Object {
 public:
  GeneratorObject(TypeObject* type, Frame* frame, Value name, Value qualname);
  ~GeneratorObject() override;

  Frame* frame = nullptr;  // Null once finished.
  Value name;
  Value qualname;
  bool running = false;
  bool started = false;
  // The exception its suspended frame is handling (an `except` block it
  // yielded from); null when none.
  Value handled_exception;
  // While resumed inline (below): the caller's handled exception, which
  // comes back when the generator suspends or finishes.
  Value caller_handled;
  // While CollectGenerator runs it: where its yields go (YIELD_VALUE appends
  // and goes on instead of suspending).
  std::vector<Value>* collect = nullptr;
  // While CollectGeneratorIntoSet resumes it: the set that YIELD_VALUE adds
  // a plain key to (SetObject::AddPlain) instead of suspending; any other
  // value is yielded, and added by the caller with the generator suspended.
  SetObject* collect_set = nullptr;
  // While all(), any() or sum() takes its next item (IterNextFolding): the
  // fold YIELD_VALUE offers each yielded value to before suspending.
  GeneratorFold* fold = nullptr;

  // A suspended frame's slots are all owned Values; a running frame is not
  // visited (its stack pointer lives in the eval loop), which only makes
  // what it references look externally referenced.
  void Traverse(GcVisitor& v) override;
  // Drops a suspended frame, as if the generator had finished.
  void ClearRefs() override;
};

// A generator (or coroutine, by the code's flags) for a prepared frame.
Value NewGenerator(Frame* frame, FunctionObject* func);

// gen.send(value): resumes the generator. Returns the next yielded value; on
// return, raises StopIteration(value) unless `*returned` is non-null, in which
// case it stores the return value there and returns null with no exception.
Value GeneratorSend(GeneratorObject* gen, Value value,
                    Value* returned = nullptr);
// When `v` is an exact generator that can run now (neither running nor
// finished), runs it to its end appending what it yields to `out` (list(g),
// tuple(g), list.extend(g)) without suspending it between items: CPython
// resumes it once per item, but nothing other than the append runs in
// between, so no program can tell. Sets *done then and returns false with an
// exception raised on an error; otherwise *done is false and nothing ran.
// `out` gets room for 8 more items first (CPython's guess for an iterator
// without a length hint); a caller that keeps `out` trims what is unused.
bool CollectGenerator(const Value& v, std::vector<Value>* out, bool* done);
// The same for set(g) and set.update(g): the items go into `s` in the order
// CPython adds them. A key whose hashing or comparing may run Python code is
// added with the generator suspended, as CPython's set.update does for each.
bool CollectGeneratorIntoSet(const Value& v, SetObject* s, bool* done);
// all(), any() and sum() over a generator: YIELD_VALUE folds an item that
// cannot decide the result (a true one for all(), a false one for any()) or
// adds it to the running total (sum() of small ints, or of floats), and goes
// on without suspending, as list(g) collects. Only items whose truth or sum
// runs no Python code are folded (None, bools, ints, floats), so nothing
// else could have run between the resumes CPython makes; any other item is
// yielded to the caller as usual.
struct GeneratorFold {
  enum class Kind : uint8_t { kAll, kAny, kSum };
  Kind kind;
  Value* total = nullptr;  // kSum: the running total, updated in place.
};
// Whether YIELD_VALUE may drop `v` (folded into `fold`) and go on.
bool FoldYielded(GeneratorFold* fold, const Value& v);
// IterNext(it), with `fold` applied while an exact generator runs (only
// then: code run between items may resume it with next()).
Value IterNextFolding(const Value& it, GeneratorFold* fold);
// gen.throw(exc) and gen.close().
Value GeneratorThrow(GeneratorObject* gen, Value exc);
Value GeneratorClose(GeneratorObject* gen);

// Resumption inside the caller's eval loop: FOR_ITER and SEND on an exact
// generator run its frame as CALL runs a callee's (no nested C++ call), with
// the steps gen.send() takes around it. The eval loop checks
// CanResumeInline, enters the frame ResumeInline returns, and calls
// SuspendInline at its yield or FinishInline when it returns or raises.
inline bool CanResumeInline(const GeneratorObject* gen, const Value& sent) {
  return gen->frame != nullptr && !gen->running &&
         (gen->started || sent.is_none());
}
inline Frame* ResumeInline(GeneratorObject* gen, Value sent, ThreadState* ts) {
  Frame* f = gen->frame;
  // The value of the suspended YIELD_VALUE (a new generator has none).
  if (gen->started) new (f->sp++) Value(std::move(sent));
  gen->started = true;
  gen->running = true;
  f->yielded = false;
  f->is_entry = false;
  gen->caller_handled = ts->handled_exception;
  if (!gen->handled_exception.is_null()) {
    ts->handled_exception = std::move(gen->handled_exception);
  }
  return f;
}
inline void SuspendInline(GeneratorObject* gen, ThreadState* ts) {
  gen->running = false;
  if (!ts->handled_exception.Is(gen->caller_handled)) {
    gen->handled_exception = std::move(ts->handled_exception);
  }
  ts->handled_exception = std::move(gen->caller_handled);
}
// Frees the finished frame; a StopIteration raised out of it becomes
// RuntimeError, as from gen.send().
void FinishInline(GeneratorObject* gen, ThreadState* ts);

void InitGeneratorType();

// ASYNC_GEN_WRAP: marks a value yielded by an async generator (as opposed to a
// suspension of an await inside it).
Value WrapAsyncGenValue(Value v);

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_INTERP_GENERATOR_H_
