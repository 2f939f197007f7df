#ifndef MINIDYNAMO_VM_INTERP_GENERATOR_H_
#define MINIDYNAMO_VM_INTERP_GENERATOR_H_

// Generators and coroutines: an object owning a suspended heap frame.

#include "vm/core/object.h"
#include "vm/interp/frame.h"

namespace minidynamo {

class FunctionObject;

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
// gen.throw(exc) and gen.close().
Value GeneratorThrow(GeneratorObject* gen, Value exc);
Value GeneratorClose(GeneratorObject* gen);

void InitGeneratorType();

// ASYNC_GEN_WRAP: marks a value yielded by an async generator (as opposed to a
// suspension of an await inside it).
Value WrapAsyncGenValue(Value v);

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_INTERP_GENERATOR_H_
