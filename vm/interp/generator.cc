#include "vm/interp/generator.h"

#include "absl/cleanup/cleanup.h"
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
#include "vm/objects/set.h"
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

void GeneratorObject::Traverse(GcVisitor& v) {
  Object::Traverse(v);
  v.Visit(name);
  v.Visit(qualname);
  v.Visit(handled_exception);
  if (frame == nullptr || running) return;
  // globals and builtins are borrowed (the function holds them).
  v.Visit(frame->code_ref);
  v.Visit(frame->func);
  v.Visit(frame->locals);
  Value* slots = frame->localsplus();
  // Up to the saved stack top: the slots above it hold no values.
  for (Value* s = slots; s < frame->sp; ++s) v.Visit(*s);
}

void GeneratorObject::ClearRefs() {
  handled_exception = Value();
  if (frame == nullptr || running) return;
  Frame* f = frame;
  frame = nullptr;
  ThreadState::FreeHeapFrame(f);
}

namespace {
TypeObject* g_async_gen_type = nullptr;  // async_generator
TypeObject* g_asend_type = nullptr;  // the awaitable of __anext__/asend/athrow
TypeObject* g_wrapped_type = nullptr;  // a value yielded by an async generator
}  // namespace

Value NewGenerator(Frame* frame, FunctionObject* func) {
  TypeObject* type = (frame->code->flags & kCoAsyncGenerator) ? g_async_gen_type
                     : (frame->code->flags & kCoCoroutine) ? g_types.coroutine
                                                           : g_types.generator;
  return Value::Steal(
      new GeneratorObject(type, frame, func->name, func->qualname));
}

namespace {

const char* KindName(GeneratorObject* gen) {
  if (gen->type() == g_async_gen_type) return "async generator";
  return gen->type() == g_types.coroutine ? "coroutine" : "generator";
}

// PEP 479: a StopIteration leaving a generator's frame is a RuntimeError.
void StopIterationToRuntimeError(GeneratorObject* gen) {
  if (!ErrorMatches(g_exc.StopIteration)) return;
  Value exc = FetchError();
  Raise(g_exc.RuntimeError,
        absl::StrFormat("%s raised StopIteration", KindName(gen)));
  Value rt = FetchError();
  As<ExceptionObject>(rt)->cause = exc;
  As<ExceptionObject>(rt)->context = exc;
  As<ExceptionObject>(rt)->suppress_context = true;
  RestoreError(rt);
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
    // The result of the suspended YIELD_VALUE.
    new (f->sp++) Value(std::move(value));
  }
  gen->started = true;
  gen->running = true;
  f->yielded = false;
  f->is_entry = true;
  Value self_ref = Value::FromObject(gen);  // Keep alive while running.
  // The exception a generator is handling stays its own across a yield
  // (CPython's gi_exc_state): the caller's comes back when it suspends.
  ThreadState* ts = ThreadState::Get();
  Value caller_handled = ts->handled_exception;
  if (!gen->handled_exception.is_null()) {
    ts->handled_exception = std::move(gen->handled_exception);
  }
  Value r;
  if (throwing) {
    r = EvalThrow(f);
  } else {
    r = EvalFrame(f);
  }
  gen->running = false;
  if (f->yielded) {
    if (!ts->handled_exception.Is(caller_handled)) {
      gen->handled_exception = std::move(ts->handled_exception);
    }
    ts->handled_exception = std::move(caller_handled);
    return r;
  }
  ts->handled_exception = std::move(caller_handled);
  // Finished: returned (r non-null) or raised. The generator has no frame
  // before the frame's values go (their __del__ may look at it).
  gen->frame = nullptr;
  ThreadState::FreeHeapFrame(f);
  if (r.is_null()) {
    StopIterationToRuntimeError(gen);
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

}  // namespace

void FinishInline(GeneratorObject* gen, ThreadState* ts) {
  gen->running = false;
  ts->handled_exception = std::move(gen->caller_handled);
  Frame* f = gen->frame;
  gen->frame = nullptr;
  ThreadState::FreeHeapFrame(f);
  if (ErrorOccurred()) StopIterationToRuntimeError(gen);
}

namespace {

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

namespace {

// `v` as an exact generator that can run now (neither running nor finished),
// else null: what the collecting loops below take over.
GeneratorObject* CollectableGenerator(const Value& v) {
  if (!v.is_object() || v.as_object()->type() != g_types.generator) {
    return nullptr;
  }
  auto* gen = static_cast<GeneratorObject*>(v.as_object());
  if (gen->frame == nullptr || gen->running) return nullptr;
  return gen;
}

}  // namespace

bool CollectGenerator(const Value& v, std::vector<Value>* out, bool* done) {
  GeneratorObject* gen = CollectableGenerator(v);
  *done = gen != nullptr;
  if (gen == nullptr) return true;
  // Reset also when a C++ exception leaves.
  absl::Cleanup reset = [gen] { gen->collect = nullptr; };
  gen->collect = out;
  // Room for a few items up front, as CPython's list(g) and tuple(g) guess
  // 8 and 10 for an iterator without a length hint: a short generator's
  // items need no reallocation at each doubling.
  if (out->capacity() < out->size() + 8) out->reserve(out->size() + 8);
  Value returned;
  // Runs to the end: every yield is collected, so none suspends it.
  Value r = Resume(gen, Value::None(), &returned);
  return r.is_null() && !ErrorOccurred();
}

bool CollectGeneratorIntoSet(const Value& v, SetObject* s, bool* done) {
  GeneratorObject* gen = CollectableGenerator(v);
  *done = gen != nullptr;
  if (gen == nullptr) return true;
  absl::Cleanup reset = [gen] { gen->collect_set = nullptr; };
  while (true) {
    // Set only while it runs: code called between items (a key's __eq__)
    // may resume it with next(), which must see its yields.
    gen->collect_set = s;
    Value returned;
    Value item = Resume(gen, Value::None(), &returned);
    gen->collect_set = nullptr;
    if (item.is_null()) return !ErrorOccurred();
    if (!s->Add(item)) return false;
  }
}

bool FoldYielded(GeneratorFold* fold, const Value& v) {
  if (fold->kind == GeneratorFold::Kind::kSum) {
    return AddScalars(fold->total, v);
  }
  // The truth of None, a bool, an int or a float runs no Python code.
  if (v.is_object()) return false;
  // all() goes on past a true item, any() past a false one.
  return (IsTrue(v) == 1) == (fold->kind == GeneratorFold::Kind::kAll);
}

Value IterNextFolding(const Value& it, GeneratorFold* fold) {
  GeneratorObject* gen = CollectableGenerator(it);
  if (gen == nullptr) return IterNext(it);
  absl::Cleanup reset = [gen] { gen->fold = nullptr; };
  gen->fold = fold;
  Value returned;
  return Resume(gen, Value::None(), &returned);
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

// ---- Async generators
// ----------------------------------------------------------
//
// anext()/asend()/athrow() return an awaitable that runs the async generator's
// frame when it is sent to: a value the body yields (marked by ASYNC_GEN_WRAP)
// ends the awaitable with StopIteration(value); anything else yielded is a
// suspension of an await inside the body and passes through to the awaiter.

namespace {

class WrappedValue : public Object {
 public:
  explicit WrappedValue(TypeObject* t, Value v)
      : Object(t), value(std::move(v)) {}
  Value value;

  void Traverse(GcVisitor& v) override {
    Object::Traverse(v);
    v.Visit(value);
  }
};

class ASendObject : public Object {
 public:
  explicit ASendObject(TypeObject* t) : Object(t) {}
  Value gen;
  Value
      first;  // Value to send first (asend's argument), or exception (athrow).
  bool is_throw = false;
  bool is_close = false;
  bool started = false;
  bool done = false;

  void Traverse(GcVisitor& v) override {
    Object::Traverse(v);
    v.Visit(gen);
    v.Visit(first);
  }
};

// Interprets one step of the async generator: r is what GeneratorSend/Throw
// produced.
Value AsyncGenStep(ASendObject* a, Value r) {
  if (!r.is_null()) {
    if (r.is_object() && r.as_object()->type() == g_wrapped_type) {
      a->done = true;
      if (a->is_close) {
        return Raise(g_exc.RuntimeError,
                     "async generator ignored GeneratorExit");
      }
      Value exc = CallOneArg(Value::FromObject(g_exc.StopIteration),
                             As<WrappedValue>(r)->value);
      return exc.is_null() ? exc : RaiseValue(exc);
    }
    return r;  // An await suspension: pass it to whoever awaits us.
  }
  a->done = true;
  if (ErrorMatches(g_exc.StopIteration)) {
    // The generator returned: the async iteration is over.
    ClearError();
    if (a->is_close) return RaiseValue(Value::FromObject(g_exc.StopIteration));
    return RaiseValue(Value::FromObject(g_exc.StopAsyncIteration));
  }
  if (a->is_close && (ErrorMatches(g_exc.GeneratorExit) ||
                      ErrorMatches(g_exc.StopAsyncIteration))) {
    ClearError();
    return RaiseValue(Value::FromObject(g_exc.StopIteration));
  }
  return Value();
}

Value ASendSend(ASendObject* a, Value v) {
  if (a->done) {
    return Raise(g_exc.RuntimeError,
                 "cannot reuse already awaited __anext__()/asend()");
  }
  auto* gen = As<GeneratorObject>(a->gen);
  if (!a->started) {
    a->started = true;
    if (a->is_throw || a->is_close) {
      return AsyncGenStep(a, GeneratorThrow(gen, a->first));
    }
    v = a->first.is_null() ? Value::None() : a->first;
  }
  return AsyncGenStep(a, GeneratorSend(gen, std::move(v)));
}

Value NewASend(const Value& gen, Value first, bool is_throw, bool is_close) {
  auto* a = new ASendObject(g_asend_type);
  a->gen = gen;
  a->first = std::move(first);
  a->is_throw = is_throw;
  a->is_close = is_close;
  return Value::Steal(a);
}

}  // namespace

Value WrapAsyncGenValue(Value v) {
  return Value::Steal(new WrappedValue(g_wrapped_type, std::move(v)));
}

namespace {

void InitAsyncGenTypes() {
  g_wrapped_type = new TypeObject(g_types.type, "async_generator_wrapped_value",
                                  Layout::kOther);
  g_wrapped_type->SetBases({g_types.object});
  g_asend_type =
      new TypeObject(g_types.type, "async_generator_asend", Layout::kOther);
  g_asend_type->SetBases({g_types.object});
  g_async_gen_type =
      new TypeObject(g_types.type, "async_generator", Layout::kGenerator);
  g_async_gen_type->SetBases({g_types.object});
  for (TypeObject* t : {g_wrapped_type, g_asend_type, g_async_gen_type}) {
    t->set_base_type(false);
  }
  TypeObject* s = g_asend_type;
  AddMethod(s, "__await__",
            [](Value* a, size_t, TupleObject*) { return a[0]; });
  AddMethod(s, "__iter__", [](Value* a, size_t, TupleObject*) { return a[0]; });
  AddMethod(s, "__next__", [](Value* a, size_t, TupleObject*) {
    return ASendSend(As<ASendObject>(a[0]), Value::None());
  });
  AddMethod(s, "send", [](Value* a, size_t n, TupleObject* kw) -> Value {
    if (!CheckArgs("send", n - 1, kw, 1, 1)) return Value();
    return ASendSend(As<ASendObject>(a[0]), a[1]);
  });
  AddMethod(s, "throw", [](Value* a, size_t n, TupleObject* kw) -> Value {
    if (!CheckArgs("throw", n - 1, kw, 1, 3)) return Value();
    auto* as = As<ASendObject>(a[0]);
    Value exc = a[1];
    if (IsInstance(exc, g_types.type)) {
      exc = CallNoArgs(exc);
      if (exc.is_null()) return exc;
    }
    as->started = true;
    return AsyncGenStep(as, GeneratorThrow(As<GeneratorObject>(as->gen), exc));
  });
  AddMethod(s, "close", [](Value* a, size_t, TupleObject*) {
    As<ASendObject>(a[0])->done = true;
    return Value::None();
  });

  TypeObject* g = g_async_gen_type;
  AddMethod(g, "__aiter__",
            [](Value* a, size_t, TupleObject*) { return a[0]; });
  AddMethod(g, "__anext__", [](Value* a, size_t, TupleObject*) {
    return NewASend(a[0], Value(), false, false);
  });
  AddMethod(g, "asend", [](Value* a, size_t n, TupleObject* kw) -> Value {
    if (!CheckArgs("asend", n - 1, kw, 1, 1)) return Value();
    return NewASend(a[0], a[1], false, false);
  });
  AddMethod(g, "athrow", [](Value* a, size_t n, TupleObject* kw) -> Value {
    if (!CheckArgs("athrow", n - 1, kw, 1, 3)) return Value();
    Value exc = a[1];
    if (IsInstance(exc, g_types.type)) {
      exc = CallNoArgs(exc);
      if (exc.is_null()) return exc;
    }
    return NewASend(a[0], exc, true, false);
  });
  AddMethod(g, "aclose", [](Value* a, size_t, TupleObject*) -> Value {
    Value exc = CallNoArgs(Value::FromObject(g_exc.GeneratorExit));
    if (exc.is_null()) return exc;
    return NewASend(a[0], exc, true, true);
  });
  AddMethod(g, "__repr__", GenRepr);
  AddGetter(g, "__name__",
            [](Value* a, size_t, TupleObject*) { return Gen(a[0])->name; });
  AddGetter(g, "__qualname__",
            [](Value* a, size_t, TupleObject*) { return Gen(a[0])->qualname; });
  AddGetter(g, "ag_running", [](Value* a, size_t, TupleObject*) {
    return Value::Bool(Gen(a[0])->running);
  });
}

// A suspended generator or coroutine that is freed is closed first, so its
// `finally` blocks and `with` exits run (CPython's _PyGen_Finalize; one
// never started runs nothing, and CPython's "never awaited" warning for
// coroutines is not reproduced). Errors are reported as unraisable.
Value FinalizeGenerator(Object* o) {
  auto* gen = static_cast<GeneratorObject*>(o);
  if (gen->frame == nullptr || !gen->started || gen->running) {
    return Value::None();
  }
  return GeneratorClose(gen);
}

}  // namespace

void InitGeneratorType() {
  InitAsyncGenTypes();
  for (TypeObject* t : {g_types.generator, g_types.coroutine}) {
    t->set_finalize_fn(FinalizeGenerator);
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
