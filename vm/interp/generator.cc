#include "vm/interp/generator.h"

#include "absl/strings/str_format.h"
#include "vm/core/builtin_types.h"
#include "vm/core/errors.h"
#include "vm/interp/eval.h"
#include "vm/interp/modules.h"
#include "vm/interp/ops.h"
#include "vm/interp/support.h"
#include "vm/objects/exception.h"
#include "vm/objects/function.h"
#include "vm/objects/native.h"
#include "vm/objects/str.h"
#include "vm/objects/tuple.h"

namespace minidynamo {

GeneratorObject::GeneratorObject(TypeObject* type, Frame* frame, Value name,
                                 Value qualname)
    : Object(type),
      frame(frame),
      name(std::move(name)),
      qualname(std::move(qualname)) {
  frame->generator = this;
}

GeneratorObject::~GeneratorObject() {
  if (frame != nullptr) ThreadState::FreeHeapFrame(frame);
}

Value NewGenerator(Frame* frame, FunctionObject* func) {
  TypeObject* type = (frame->code->flags & kCoCoroutine) ? g_types.coroutine
                                                         : g_types.generator;
  return Value::Steal(
      new GeneratorObject(type, frame, func->name, func->qualname));
}

namespace {

const char* KindName(GeneratorObject* gen) {
  return gen->type() == g_types.coroutine ? "coroutine" : "generator";
}

// Runs the generator's frame until it yields, returns or raises. `value` is
// what the suspended YIELD_VALUE evaluates to; null means "raise the pending
// exception at the suspension point" (throw).
Value Resume(GeneratorObject* gen, Value value, Value* returned) {
  if (gen->running) {
    return RaiseF(g_exc.ValueError, "%s already executing", KindName(gen));
  }
  if (gen->frame == nullptr) {
    if (value.is_null()) return Value();  // throw() into a finished generator.
    if (returned != nullptr) {
      *returned = Value::None();
      return Value();
    }
    if (gen->type() == g_types.coroutine) {
      return Raise(g_exc.RuntimeError,
                   "cannot reuse already awaited coroutine");
    }
    return RaiseValue(Value::FromObject(g_exc.StopIteration));
  }
  Frame* f = gen->frame;
  const bool throwing = value.is_null();
  if (!gen->started && !value.is_null() && !value.is_none()) {
    return RaiseF(g_exc.TypeError,
                  "can't send non-None value to a just-started %s",
                  KindName(gen));
  }
  if (gen->started && !value.is_null()) {
    *f->sp++ = std::move(value);  // The result of the suspended YIELD_VALUE.
  }
  gen->started = true;
  gen->running = true;
  f->yielded = false;
  f->is_entry = true;
  Value self_ref = Value::FromObject(gen);  // Keep alive while running.
  Value r;
  if (throwing) {
    r = EvalThrow(f);
  } else {
    r = EvalFrame(f);
  }
  gen->running = false;
  if (f->yielded) return r;
  // Finished: returned (r non-null) or raised.
  ThreadState::FreeHeapFrame(f);
  gen->frame = nullptr;
  if (r.is_null()) {
    if (ErrorMatches(g_exc.StopIteration)) {
      Value exc = FetchError();
      Raise(g_exc.RuntimeError,
            absl::StrFormat("%s raised StopIteration", KindName(gen)));
      Value rt = FetchError();
      As<ExceptionObject>(rt)->cause = exc;
      As<ExceptionObject>(rt)->context = exc;
      As<ExceptionObject>(rt)->suppress_context = true;
      RestoreError(rt);
    }
    return Value();
  }
  if (returned != nullptr) {
    *returned = std::move(r);
    return Value();
  }
  if (r.is_none()) return RaiseValue(Value::FromObject(g_exc.StopIteration));
  Value exc = CallOneArg(Value::FromObject(g_exc.StopIteration), std::move(r));
  if (exc.is_null()) return exc;
  return RaiseValue(std::move(exc));
}

GeneratorObject* Gen(const Value& v) { return As<GeneratorObject>(v); }

Value GenNext(Value* a, size_t, TupleObject*) {
  return Resume(Gen(a[0]), Value::None(), nullptr);
}

Value GenSend(Value* a, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("send", nargs - 1, kw, 1, 1)) return Value();
  return Resume(Gen(a[0]), a[1], nullptr);
}

Value GenThrow(Value* a, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("throw", nargs - 1, kw, 1, 3)) return Value();
  Value exc = a[1];
  if (IsInstance(exc, g_types.type)) {
    if (!As<TypeObject>(exc)->IsSubtypeOf(g_exc.BaseException)) {
      return Raise(g_exc.TypeError,
                   "exceptions must be classes or instances deriving from "
                   "BaseException, "
                   "not type");
    }
    exc =
        nargs >= 3 && !a[2].is_none() ? CallOneArg(exc, a[2]) : CallNoArgs(exc);
    if (exc.is_null()) return exc;
  } else if (!IsInstance(exc, g_exc.BaseException)) {
    return RaiseF(
        g_exc.TypeError,
        "exceptions must be classes or instances deriving from BaseException, "
        "not %s",
        TypeName(exc));
  }
  return GeneratorThrow(Gen(a[0]), exc);
}

Value GenClose(Value* a, size_t, TupleObject*) {
  return GeneratorClose(Gen(a[0]));
}

Value GenRepr(Value* a, size_t, TupleObject*) {
  return StrObject::New(
      absl::StrFormat("<%s object %s at %p>", KindName(Gen(a[0])),
                      As<StrObject>(Gen(a[0])->qualname)->str(),
                      static_cast<void*>(a[0].as_object())));
}

// When the generator is suspended inside `yield from`/`await` (the instruction
// after its YIELD_VALUE is RESUME with argument 2 or 3, as the compiler emits
// for those loops), returns the sub-iterator it delegates to (on top of its
// stack).
Value Delegate(GeneratorObject* gen) {
  Frame* f = gen->frame;
  if (f == nullptr || !gen->started || f->pc >= f->code->code.size())
    return Value();
  Instruction next = f->code->code[f->pc];
  if (next.op() != Opcode::RESUME || next.arg() < 2) return Value();
  return f->sp[-1];
}

// Ends the delegation loop with the sub-iterator's return value: resumes after
// the SEND loop (at its exit, END_SEND) as if SEND had seen the sub-iterator
// finish.
Value FinishDelegation(GeneratorObject* gen, Value value) {
  Frame* f = gen->frame;
  // YIELD_VALUE, RESUME, JUMP_BACKWARD to SEND; SEND's target is the exit.
  Instruction jump = f->code->code[f->pc + 1];
  Instruction send = f->code->code[jump.arg()];
  f->pc = send.arg();
  return Resume(gen, std::move(value), nullptr);
}

}  // namespace

Value GeneratorSend(GeneratorObject* gen, Value value, Value* returned) {
  return Resume(gen, std::move(value), returned);
}

Value GeneratorThrow(GeneratorObject* gen, Value exc) {
  if (gen->frame == nullptr || !gen->started) {
    // Not started or finished: the exception is raised right away, and a
    // not-yet-started generator is finished by it.
    if (gen->frame != nullptr) {
      ThreadState::FreeHeapFrame(gen->frame);
      gen->frame = nullptr;
    }
    return RaiseValue(std::move(exc));
  }
  Value yf = Delegate(gen);
  if (!yf.is_null()) {
    bool is_exit = IsInstance(exc, g_exc.GeneratorExit);
    Value r;
    if (is_exit) {
      // close() the sub-iterator first, then raise GeneratorExit here.
      if (IsInstance(yf, g_types.generator) ||
          IsInstance(yf, g_types.coroutine)) {
        r = GeneratorClose(As<GeneratorObject>(yf));
      } else {
        Value close = GetAttrOptional(yf, Intern("close"));
        r = close.is_null() ? (ErrorOccurred() ? Value() : Value::None())
                            : CallNoArgs(close);
      }
      if (r.is_null())
        return Resume(gen, Value(), nullptr);  // Its error, raised here.
      RestoreError(std::move(exc));
      return Resume(gen, Value(), nullptr);
    }
    gen->running = true;
    if (IsInstance(yf, g_types.generator) ||
        IsInstance(yf, g_types.coroutine)) {
      r = GeneratorThrow(As<GeneratorObject>(yf), exc);
    } else {
      Value thrower = GetAttrOptional(yf, Intern("throw"));
      if (thrower.is_null()) {
        gen->running = false;
        if (ErrorOccurred()) return Resume(gen, Value(), nullptr);
        RestoreError(std::move(exc));
        return Resume(gen, Value(), nullptr);
      }
      r = CallOneArg(thrower, exc);
    }
    gen->running = false;
    if (!r.is_null()) return r;  // The sub-iterator yielded: so does this one.
    if (ErrorMatches(g_exc.StopIteration)) {
      Value stop = FetchError();
      return FinishDelegation(gen, StopIterationValue(stop));
    }
    return Resume(gen, Value(),
                  nullptr);  // Its exception, raised at our yield.
  }
  RestoreError(std::move(exc));
  return Resume(gen, Value(), nullptr);
}

Value GeneratorClose(GeneratorObject* gen) {
  if (gen->frame == nullptr) return Value::None();
  if (!gen->started) {
    ThreadState::FreeHeapFrame(gen->frame);
    gen->frame = nullptr;
    return Value::None();
  }
  Value exc = CallNoArgs(Value::FromObject(g_exc.GeneratorExit));
  Value r = GeneratorThrow(gen, std::move(exc));
  if (!r.is_null()) {
    return RaiseF(g_exc.RuntimeError, "%s ignored GeneratorExit",
                  KindName(gen));
  }
  if (ErrorMatches(g_exc.GeneratorExit) || ErrorMatches(g_exc.StopIteration)) {
    ClearError();
    return Value::None();
  }
  return Value();
}

void InitGeneratorType() {
  for (TypeObject* t : {g_types.generator, g_types.coroutine}) {
    AddMethod(t, "send", GenSend);
    AddMethod(t, "throw", GenThrow);
    AddMethod(t, "close", GenClose);
    AddMethod(t, "__repr__", GenRepr);
    AddGetter(t, "__name__",
              [](Value* a, size_t, TupleObject*) { return Gen(a[0])->name; });
    AddGetter(t, "__qualname__", [](Value* a, size_t, TupleObject*) {
      return Gen(a[0])->qualname;
    });
    bool gen = t == g_types.generator;
    AddGetter(t, gen ? "gi_running" : "cr_running",
              [](Value* a, size_t, TupleObject*) {
                return Value::Bool(Gen(a[0])->running);
              });
    AddGetter(
        t, gen ? "gi_suspended" : "cr_suspended",
        [](Value* a, size_t, TupleObject*) {
          GeneratorObject* g = Gen(a[0]);
          return Value::Bool(g->frame != nullptr && g->started && !g->running);
        });
    AddGetter(t, gen ? "gi_code" : "cr_code",
              [](Value* a, size_t, TupleObject*) {
                GeneratorObject* g = Gen(a[0]);
                return g->frame != nullptr ? g->frame->code_ref : Value::None();
              });
    // None once finished; else the frame's code, globals and current line.
    AddGetter(t, gen ? "gi_frame" : "cr_frame",
              [](Value* a, size_t, TupleObject*) {
                GeneratorObject* g = Gen(a[0]);
                if (g->frame == nullptr) return Value::None();
                return NewFrameInfo(g->frame->code_ref,
                                    Value::FromObject(g->frame->globals),
                                    g->frame->CurrentLine());
              });
  }
  AddMethod(g_types.generator, "__iter__",
            [](Value* a, size_t, TupleObject*) { return a[0]; });
  AddMethod(g_types.generator, "__next__", GenNext);
  AddMethod(g_types.coroutine, "__await__",
            [](Value* a, size_t, TupleObject*) { return a[0]; });
}

}  // namespace minidynamo
