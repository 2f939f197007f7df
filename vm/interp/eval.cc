// The eval loop: one function that runs frames, with Python-to-Python calls and
// returns switching frames inside the loop instead of recursing in C++.
//
// Dispatch is a computed goto through a table built from the opcode X-macro (a
// `switch` where the compiler lacks labels-as-values). Each handler either
// continues with the next instruction or jumps to `error`, which records the
// traceback and unwinds through the code's exception table.

#include "vm/interp/eval.h"

#include <cassert>
#include <cmath>
#include <csignal>
#include <cstring>
#include <new>

#include "vm/compile/code.h"
#include "vm/core/builtin_types.h"
#include "vm/core/errors.h"
#include "vm/core/gc.h"
#include "vm/interp/frame_hook.h"
#include "vm/interp/generator.h"
#include "vm/interp/inline_cache.h"
#include "vm/interp/ops.h"
#include "vm/interp/pattern_match.h"
#include "vm/interp/support.h"
#include "vm/objects/container_api.h"
#include "vm/objects/descriptor.h"
#include "vm/objects/dict.h"
#include "vm/objects/exception.h"
#include "vm/objects/function.h"
#include "vm/objects/instance.h"
#include "vm/objects/iterator.h"
#include "vm/objects/list.h"
#include "vm/objects/number.h"
#include "vm/objects/set.h"
#include "vm/objects/set_internal.h"
#include "vm/objects/slots.h"
#include "vm/objects/str.h"
#include "vm/objects/tuple.h"

#if defined(__GNUC__) || defined(__clang__)
#define MINIDYNAMO_COMPUTED_GOTO 1
#endif

namespace minidynamo {
namespace {

inline bool IsExact(const Value& v, TypeObject* t) {
  return v.is_object() && v.as_object()->type() == t;
}

// x op y for two small ints, as Python computes it (floor division, the
// divisor's sign for %); false when the result needs a big int or the
// operation raises (zero divisor): the general path answers then.
// Forced inline: the BINARY_OP handler's own int path.
[[gnu::always_inline]] inline bool IntBinary(int64_t x, int64_t y, uint32_t op,
                                             int64_t* r) {
  switch (static_cast<BinOp>(op)) {
    case BinOp::kAdd:
    case BinOp::kInplaceAdd:
      return !__builtin_add_overflow(x, y, r);
    case BinOp::kSubtract:
    case BinOp::kInplaceSubtract:
      return !__builtin_sub_overflow(x, y, r);
    case BinOp::kMultiply:
    case BinOp::kInplaceMultiply:
      return !__builtin_mul_overflow(x, y, r);
    case BinOp::kAnd:
    case BinOp::kInplaceAnd:
      *r = x & y;
      return true;
    case BinOp::kOr:
    case BinOp::kInplaceOr:
      *r = x | y;
      return true;
    case BinOp::kXor:
    case BinOp::kInplaceXor:
      *r = x ^ y;
      return true;
    case BinOp::kFloorDivide:
    case BinOp::kInplaceFloorDivide:
      // INT64_MIN // -1 is a big int.
      if (y == 0 || (x == INT64_MIN && y == -1)) return false;
      *r = x / y;
      if ((x % y != 0) && ((x < 0) != (y < 0))) --*r;
      return true;
    case BinOp::kRemainder:
    case BinOp::kInplaceRemainder:
      if (y == 0 || y == -1) return false;  // INT64_MIN % -1 traps in C
      *r = x % y;
      if (*r != 0 && ((*r < 0) != (y < 0))) *r += y;
      return true;
    default:
      return false;
  }
}

// Int/float fast paths of BINARY_OP; false when the slow path must run.
inline bool FastBinary(const Value& a, const Value& b, uint32_t op,
                       Value* out) {
  if (a.is_int() && b.is_int()) {
    int64_t r;
    if (!IntBinary(a.as_int(), b.as_int(), op, &r)) return false;
    *out = Value::Int(r);
    return true;
  }
  if (a.is_float() || b.is_float()) {
    double x, y;
    if (a.is_float()) {
      x = a.as_float();
    } else if (a.is_int()) {
      x = static_cast<double>(a.as_int());
    } else {
      return false;
    }
    if (b.is_float()) {
      y = b.as_float();
    } else if (b.is_int()) {
      y = static_cast<double>(b.as_int());
    } else {
      return false;
    }
    switch (static_cast<BinOp>(op)) {
      case BinOp::kAdd:
      case BinOp::kInplaceAdd:
        *out = Value::Float(x + y);
        return true;
      case BinOp::kSubtract:
      case BinOp::kInplaceSubtract:
        *out = Value::Float(x - y);
        return true;
      case BinOp::kMultiply:
      case BinOp::kInplaceMultiply:
        *out = Value::Float(x * y);
        return true;
      case BinOp::kTrueDivide:
      case BinOp::kInplaceTrueDivide:
        if (y == 0.0) return false;
        *out = Value::Float(x / y);
        return true;
      default:
        return false;
    }
  }
  return false;
}

// x op y for two numbers of the same C++ type.
template <typename T>
inline bool CompareScalars(T x, T y, uint32_t op, bool* r) {
  switch (static_cast<CompareOp>(op)) {
    case CompareOp::kLt:
      *r = x < y;
      return true;
    case CompareOp::kLe:
      *r = x <= y;
      return true;
    case CompareOp::kEq:
      *r = x == y;
      return true;
    case CompareOp::kNe:
      *r = x != y;
      return true;
    case CompareOp::kGt:
      *r = x > y;
      return true;
    case CompareOp::kGe:
      *r = x >= y;
      return true;
  }
  return false;
}

// Int/float fast path of COMPARE_OP.
inline bool FastCompare(const Value& a, const Value& b, uint32_t op,
                        Value* out) {
  bool r;
  if (a.is_int() && b.is_int()) {
    if (!CompareScalars(a.as_int(), b.as_int(), op, &r)) return false;
  } else if (a.is_float() && b.is_float()) {
    if (!CompareScalars(a.as_float(), b.as_float(), op, &r)) return false;
  } else {
    return false;
  }
  *out = Value::Bool(r);
  return true;
}

// Truth of a value without a call for the common types; -1 on error.
inline int Truth(const Value& v) {
  switch (v.tag()) {
    case Value::Tag::kBool:
    case Value::Tag::kInt:
      return v.as_int() != 0;
    case Value::Tag::kNone:
      return 0;
    case Value::Tag::kFloat:
      return v.as_float() != 0.0;
    default:
      return IsTrue(v);
  }
}

Value LoadGlobal(Frame* f, StrObject* name) {
  Value v = f->globals->GetStr(name);
  if (!v.is_null()) return v;
  v = f->builtins->GetStr(name);
  if (!v.is_null()) return v;
  return RaiseNameError(Value::FromObject(name));
}

Value LoadName(Frame* f, StrObject* name) {
  if (!f->locals.is_null()) {
    Value v;
    if (IsExact(f->locals, g_types.dict)) {
      v = As<DictObject>(f->locals)->GetStr(name);
    } else {
      v = GetItem(f->locals, Value::FromObject(name));
      if (v.is_null()) {
        if (!ErrorMatches(g_exc.KeyError)) return Value();
        ClearError();
      }
    }
    if (!v.is_null()) return v;
  }
  return LoadGlobal(f, name);
}

}  // namespace

namespace {
Value Run(Frame* frame, bool throwing);

// Ctrl-C: the handler only sets flags; the eval loop raises
// KeyboardInterrupt at its next safe point (the collector's, which the
// pending flag also brings it to).
volatile sig_atomic_t g_interrupted = 0;

void OnSigint(int) {
  g_interrupted = 1;
  gc::g_state.pending = true;
}

// RESUME and JUMP_BACKWARD: run a due collection, or raise
// KeyboardInterrupt after Ctrl-C. False with the exception raised.
bool SafePoint() {
  if (g_interrupted) {
    g_interrupted = 0;
    Raise(g_exc.KeyboardInterrupt, "");
    return false;
  }
  gc::CollectPending();
  return true;
}
}  // namespace

Value EvalFrame(Frame* frame) { return Run(frame, false); }
Value EvalThrow(Frame* frame) { return Run(frame, true); }

namespace {

// PushExactFrame for CALL, inline: `args` moved in; a closure's free
// variables take the out-of-line path.
inline Frame* PushCallFrame(ThreadState* ts, FunctionObject* func, Value* args,
                            size_t nargs, DictObject* builtins) {
  CodeObject* c = func->code();
  if (c->nfree() > 0) return PushExactFrame(func, args, nargs, true);
  return ts->PushArgsFrame(func->code_value(), c, Value::FromObject(func),
                           func->globals(), builtins, args, nargs);
}

// CALL's common case, inlined at its site (an out-of-line call saved and
// restored six registers per call): the function in `*callable`, whose code
// has its frame layout and `fast_nargs == nargs` (no closure, no layout
// check left). The function and the arguments are moved into the frame, so
// their stack slots hold no values afterwards.
[[gnu::always_inline]] inline Frame* PushFastFrame(ThreadState* ts,
                                                   Value* callable, Value* args,
                                                   size_t nargs,
                                                   DictObject* builtins) {
  auto* func = As<FunctionObject>(*callable);
  CodeObject* c = func->code();
  return ts->PushLaidOutFrame(func->code_value(), c, std::move(*callable),
                              func->globals(), builtins, args, nargs);
}

// By value: the argument is complete before the slot is written, so even
// PUSH(POP()) (moving out of the very slot written) is safe. The slot holds
// no value (frame.h: slots from sp up are not owned), so it is constructed,
// not assigned.
inline void PushOnto(Value*& sp, Value v) {
  new (sp) Value(std::move(v));
  ++sp;
}

// The entry of `c` for type `t`: at a polymorphic site (a base-class method
// running on instances of several subclasses) one of `more` may hold it;
// otherwise the primary entry, for the caller's validity check.
[[gnu::always_inline]] inline InlineCache* EntryForType(InlineCache* c,
                                                        const TypeObject* t) {
  if (c->key != t && c->more != nullptr) {
    InlineCache* more = c->more.get();
    for (int i = 0; i < kMorePolymorphic; ++i) {
      if (more[i].key == t) return &more[i];
    }
  }
  return c;
}

// LOAD_ATTR's common hits, answered in the eval loop (anything else:
// LoadAttrCached): an instance attribute under a valid cache entry,
// from the inline values (instance.h) or the dict if there is one, or a
// __slots__ member whose index the cache holds. Null on a miss.
[[gnu::always_inline]] inline Value LoadAttrHit(Object* o, StrObject* name,
                                                InlineCache* c) {
  TypeObject* t = o->type();
  c = EntryForType(c, t);
  if (c->kind <= kAttrMethod && c->kind != kCacheEmpty &&
      InlineCacheValid(c, t)) {
    DictObject* d = o->dict_if_made();
    if (d != nullptr) return d->GetStrHinted(name, &c->hint);
    if (t->inline_values()) {
      return static_cast<InstanceObject*>(o)->Get(name, &c->hint);
    }
  } else if (c->kind == kAttrSlot && InlineCacheValid(c, t)) {
    return static_cast<SlottedObject*>(o)->slots()[c->hint];
  } else if (t == g_types.type) {
    // A class attribute needing no binding (Strength.REQUIRED, a
    // staticmethod's callable), under an entry keyed on the class itself
    // (attributes.cc's ClassAttrCached).
    auto* cls = static_cast<TypeObject*>(o);
    InlineCache* e = EntryForType(c, cls);
    if (e->kind == kClassAttr && e->hint == kClassAttrPlain &&
        InlineCacheValid(e, cls)) {
      return *reinterpret_cast<const Value*>(e->value);
    }
  }
  return Value();
}

// LOAD_METHOD's common hit: a method on the class that the instance dict (if
// any) cannot shadow, under this type's entry (the primary one or, at a
// polymorphic site, one of `more`). The function to call with `o` as self
// (no bound method made), else null.
[[gnu::always_inline]] inline const Value* LoadMethodHit(Object* o,
                                                         StrObject* name,
                                                         InlineCache* c) {
  TypeObject* t = o->type();
  c = EntryForType(c, t);
  if (c->kind != kAttrMethod) return nullptr;
  DictObject* d = o->dict_if_made();
  // The dict's and the class's filters of attribute names have one bit per
  // name (a tenth of methods collide with ten attributes): on a match, the
  // dict or the values' keys say exactly.
  bool shadowable =
      d != nullptr ? d->MayHoldHash(name->hash()) &&
                         !d->GetStrHinted(name, &c->hint).is_null()
                   : t->inline_values() && t->SharedKeysMayHold(name->hash()) &&
                         static_cast<InstanceObject*>(o)->Find(name) >= 0;
  if (shadowable || !InlineCacheValid(c, t)) return nullptr;
  return reinterpret_cast<const Value*>(c->value);
}

// STORE_ATTR's common hits: an instance attribute (no data descriptor on the
// type) or a __slots__ member, under a valid entry. Moves `*value`
// in and answers true; false, with `*value` untouched, on a miss.
[[gnu::always_inline]] inline bool StoreAttrHit(Object* o, StrObject* name,
                                                Value* value, InlineCache* c) {
  TypeObject* t = o->type();
  c = EntryForType(c, t);
  if (c->kind == kStoreInstance) {
    if (!InlineCacheValid(c, t)) return false;
    DictObject* d = o->dict_if_made();
    if (d != nullptr) {
      d->SetStrHinted(name, std::move(*value), &c->hint);
      return true;
    }
    return t->inline_values() &&
           static_cast<InstanceObject*>(o)->TrySet(name, value, &c->hint);
  }
  if (c->kind == kStoreSlot && InlineCacheValid(c, t)) {
    // The old value is released after the store.
    Value old = std::move(static_cast<SlottedObject*>(o)->slots()[c->hint]);
    static_cast<SlottedObject*>(o)->slots()[c->hint] = std::move(*value);
    return true;
  }
  return false;
}

// The builtins CALL answers inline, compared by identity. Set by the first
// Run (builtins and builtin types are complete by then) rather than as
// function statics, whose guards CALL would test on every native call.
// Each holds a reference that is never released, so that a program which
// replaces builtins.len cannot free the original and have another object
// take its address.
struct InlineCallees {
  bool ready = false;
  const Object* len = nullptr;
  const Object* isinstance = nullptr;
  const Object* list_append = nullptr;
  const Object* set_add = nullptr;
  const Object* list_pop = nullptr;
};
InlineCallees g_inline_callees;

void FindInlineCallees() {
  auto find = [](DictObject* d, const char* name) -> const Object* {
    Value v = d->GetStr(Intern(name));
    return v.is_object() ? static_cast<Object*>(v.Release()) : nullptr;
  };
  InlineCallees& c = g_inline_callees;
  if (c.len == nullptr) c.len = find(BuiltinsDict(), "len");
  if (c.isinstance == nullptr) {
    c.isinstance = find(BuiltinsDict(), "isinstance");
  }
  if (c.list_append == nullptr) {
    c.list_append = find(g_types.list->dict(), "append");
  }
  if (c.set_add == nullptr) c.set_add = find(g_types.set->dict(), "add");
  if (c.list_pop == nullptr) c.list_pop = find(g_types.list->dict(), "pop");
  c.ready = c.len != nullptr && c.isinstance != nullptr &&
            c.list_append != nullptr && c.set_add != nullptr &&
            c.list_pop != nullptr;
}

Value Run(Frame* frame, bool throwing) {
  ThreadState* ts = ThreadState::Get();
  if (!g_inline_callees.ready) FindInlineCallees();
  if (++ts->depth > ts->recursion_limit) {
    --ts->depth;
    Raise(g_exc.RecursionError, "maximum recursion depth exceeded");
    if (frame->on_heap) return Value();
    ts->PopFrame(frame);
    return Value();
  }
  frame->previous = ts->current;
  ts->current = frame;

  Frame* f = frame;
  // The running code object, read from the frame where needed rather than
  // held in a variable: with OPARG, two long-lived values fewer for the
  // register allocator, which then keeps ip in a register (it had lived in
  // memory: a load and a store at every dispatch). 1-3.5% instructions.
#define CODE (f->code)
  if (!CODE->caches_ready()) CODE->PrepareCaches();
  Value* sp = f->sp;
  // Its instructions likewise (INSTRS()): GCC then keeps f in a register.
#define INSTRS() (CODE->quickened.data())
  // The locals follow the frame header: an offset from f, not a variable
  // (which GCC kept in memory and reloaded on every LOAD_FAST).
#define LOCAL(i) (f->localsplus()[i])
  const Instruction* ip = INSTRS() + f->pc;  // the next instruction
  // The running instruction's argument, read from the instruction itself
  // (ip is past it) rather than kept in a variable: one register fewer
  // across the loop and no decode at dispatch (1-2.3% instructions on every
  // kernel). A handler that moves ip on and still needs its own argument
  // copies it first; the quickened pairs move ip on to reach the second
  // instruction's. Signed: stack offsets like sp[i - OPARG] must not wrap.
#define OPARG (static_cast<int>(ip[-1].arg()))
  TupleObject* kwnames = nullptr;  // Set by KW_NAMES for the next CALL.
  Frame* entering = nullptr;       // CALL's prepared frame, for enter_frame.
  Value retval;

#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define PEEK(n) (sp[-(n)])
// The slots from sp up hold no values (frame.h), so PUSH constructs in place
// instead of assigning (no old value to release).
#define PUSH(v) PushOnto(sp, v)
#define POP() (Value::TakeFrom(*--sp))
#define DROP() ((--sp)->~Value())
#define NAME(i) As<StrObject>(CODE->names[i])
// LOAD_FAST's work: pushes local `i`, or raises UnboundLocalError.
#define PUSH_LOCAL(i)                       \
  do {                                      \
    const Value& local_ = LOCAL(i);         \
    if (local_.is_null()) {                 \
      RaiseUnboundLocal(CODE->varnames[i]); \
      goto error;                           \
    }                                       \
    PUSH(local_);                           \
  } while (0)
// Handlers that grow containers turn an allocation failure into a
// MemoryError the program can catch: their state is this function's locals,
// so the error path sees a consistent stack. If the failure unwound through
// Python frames of a nested call (left running), only main can report it.
#define CATCH_BAD_ALLOC           \
  catch (const std::bad_alloc&) { \
    if (ts->current != f) throw;  \
    Raise(g_exc.MemoryError, ""); \
    goto error;                   \
  }
// The first half of a LOAD_FAST pair whose second half reads the local in
// place: `name` refers to local `OPARG` (UnboundLocalError if unset); then
// the next instruction becomes the running one, its argument in OPARG.
#define LOCAL_THEN_NEXT(name)                 \
  const Value& name = LOCAL(OPARG);           \
  if (name.is_null()) {                       \
    RaiseUnboundLocal(CODE->varnames[OPARG]); \
    goto error;                               \
  }                                           \
  f->prev_instr = ip;                         \
  ++ip
// The current instruction's inline cache (ip is already past it).
#define CACHE() (&CODE->caches[CODE->cache_slot[ip - 1 - INSTRS()]])
#define SAVE_STATE() (f->sp = sp, f->pc = static_cast<uint32_t>(ip - INSTRS()))
#define JUMP_TO(target) (ip = INSTRS() + (target))
#define LOAD_STATE()                                  \
  do {                                                \
    if (!CODE->caches_ready()) CODE->PrepareCaches(); \
    LOAD_RUN_STATE();                                 \
  } while (0)
// LOAD_STATE for a frame that has run before (a caller being returned or
// unwound to): its caches and quickened code exist.
#define LOAD_CALLER_STATE() \
  do {                      \
    LOAD_RUN_STATE();       \
  } while (0)
#define LOAD_RUN_STATE()   \
  do {                     \
    sp = f->sp;            \
    ip = INSTRS() + f->pc; \
  } while (0)

#ifdef MINIDYNAMO_COMPUTED_GOTO
  static void* const kLabels[] = {
#define MINIDYNAMO_OPCODE_LABEL(name, kind, effect) &&op_##name,
      MINIDYNAMO_OPCODES(MINIDYNAMO_OPCODE_LABEL)
#undef MINIDYNAMO_OPCODE_LABEL
  };
// Handlers leave through a plain goto to `dispatch`, which runs the destructors
// of their local Values; a computed goto straight out of a handler's scope
// would skip them and leak references. The computed goto happens at `dispatch`,
// outside every handler.
#define DISPATCH() goto dispatch
#define TARGET(name) op_##name:
#else
#define DISPATCH() goto dispatch
#define TARGET(name) case Opcode::name:
#endif

  if (throwing) goto error;
  DISPATCH();

#ifdef MINIDYNAMO_COMPUTED_GOTO
dispatch : {
  f->prev_instr = ip;
  Instruction in = *ip++;
  goto* kLabels[static_cast<int>(in.op())];
}
#else
dispatch : {
  f->prev_instr = ip;
  Instruction in = *ip++;
  switch (in.op()) {
#endif

  TARGET(NOP) { DISPATCH(); }
  // Safe points for the cycle collector: no object is half-built here.
  TARGET(RESUME) {
    if (gc::g_state.pending && !SafePoint()) goto error;
    DISPATCH();
  }
  TARGET(POP_TOP) {
    DROP();
    DISPATCH();
  }
  TARGET(PUSH_NULL) {
    PUSH(Value());
    DISPATCH();
  }
  TARGET(COPY) {
    Value v = PEEK(OPARG);
    PUSH(std::move(v));
    DISPATCH();
  }
  TARGET(SWAP) {
    TOP().Swap(PEEK(OPARG));
    DISPATCH();
  }
  TARGET(LOAD_CONST) {
    PUSH(CODE->consts[OPARG]);
    DISPATCH();
  }
  TARGET(LOAD_FAST) {
    PUSH_LOCAL(OPARG);
    DISPATCH();
  }
  // The quickened pairs (opcodes.h): the second instruction's argument is
  // the next word; it becomes the running instruction before its half runs,
  // so its errors point at it.
  TARGET(LOAD_FAST__LOAD_FAST) {
    PUSH_LOCAL(OPARG);
    f->prev_instr = ip;
    ++ip;
    PUSH_LOCAL(OPARG);
    DISPATCH();
  }
  TARGET(STORE_FAST__LOAD_FAST) {
    LOCAL(OPARG) = POP();
    f->prev_instr = ip;
    ++ip;
    PUSH_LOCAL(OPARG);
    DISPATCH();
  }
  TARGET(COMPARE_OP__JUMP) {
    bool r;
    if (SECOND().is_int() && TOP().is_int()) {
      CompareScalars(SECOND().as_int(), TOP().as_int(), OPARG, &r);
    } else if (SECOND().is_float() && TOP().is_float()) {
      CompareScalars(SECOND().as_float(), TOP().as_float(), OPARG, &r);
    } else {
      goto compare_op_jump_general;
    }
    DROP();
    DROP();
    f->prev_instr = ip++;  // the jump
    if (r == (ip[-1].op() == Opcode::POP_JUMP_IF_TRUE)) JUMP_TO(ip[-1].arg());
    DISPATCH();
  compare_op_jump_general : {
    Value v = RichCompare(SECOND(), TOP(), static_cast<CompareOp>(OPARG));
    if (v.is_null()) goto error;
    DROP();
    DROP();
    f->prev_instr = ip++;
    int t = Truth(v);  // may raise: the jump's error
    if (t < 0) goto error;
    if ((t != 0) == (ip[-1].op() == Opcode::POP_JUMP_IF_TRUE)) {
      JUMP_TO(ip[-1].arg());
    }
    DISPATCH();
  }
  }
  TARGET(STORE_FAST) {
    LOCAL(OPARG) = POP();
    DISPATCH();
  }
  TARGET(DELETE_FAST) {
    if (LOCAL(OPARG).is_null()) {
      RaiseUnboundLocal(CODE->varnames[OPARG]);
      goto error;
    }
    LOCAL(OPARG) = Value();
    DISPATCH();
  }
  TARGET(LOAD_NAME) {
    Value v = LoadName(f, NAME(OPARG));
    if (v.is_null()) goto error;
    PUSH(std::move(v));
    DISPATCH();
  }
  TARGET(STORE_NAME) {
    Value v = POP();
    if (IsExact(f->locals, g_types.dict)) {
      As<DictObject>(f->locals)->SetStr(NAME(OPARG), std::move(v));
    } else if (!SetItem(f->locals, CODE->names[OPARG], std::move(v))) {
      goto error;
    }
    DISPATCH();
  }
  TARGET(DELETE_NAME) {
    if (!DelItem(f->locals, CODE->names[OPARG])) {
      if (ErrorMatches(g_exc.KeyError)) {
        ClearError();
        RaiseNameError(CODE->names[OPARG]);
      }
      goto error;
    }
    DISPATCH();
  }
  TARGET(LOAD_GLOBAL) {
    // Cached while neither the globals nor the builtins dict changed (their
    // versions are unique over the run, so they also identify the dicts).
    InlineCache* c = CACHE();
    StrObject* name = NAME(OPARG >> 1);
    if (OPARG & 1) PUSH(Value());
    if (c->key == name && c->version == f->globals->version() &&
        c->aux == f->builtins->version()) {
      PUSH(*reinterpret_cast<const Value*>(c->value));
      DISPATCH();
    }
    Value v = LoadGlobal(f, name);
    if (v.is_null()) goto error;
    c->key = name;
    c->version = f->globals->version();
    c->aux = f->builtins->version();
    std::memcpy(c->value, static_cast<const void*>(&v), sizeof(Value));
    PUSH(std::move(v));
    DISPATCH();
  }
  TARGET(STORE_GLOBAL) {
    f->globals->SetStr(NAME(OPARG), POP());
    DISPATCH();
  }
  TARGET(DELETE_GLOBAL) {
    if (!f->globals->DelStr(NAME(OPARG))) {
      RaiseNameError(CODE->names[OPARG]);
      goto error;
    }
    DISPATCH();
  }
  TARGET(LOAD_CLOSURE) {
    PUSH(LOCAL(CODE->nlocals() + OPARG));
    DISPATCH();
  }
  TARGET(LOAD_DEREF) {
    auto* cell = As<CellObject>(LOCAL(CODE->nlocals() + OPARG));
    if (cell->contents.is_null()) {
      RaiseUnboundDeref(*CODE, OPARG);
      goto error;
    }
    PUSH(cell->contents);
    DISPATCH();
  }
  TARGET(LOAD_CLASSDEREF) {
    // A class body reading a variable of an enclosing function: the class
    // namespace wins if it has the name.
    const Value& name = CODE->LocalsplusName(CODE->nlocals() + OPARG);
    Value v = As<DictObject>(f->locals)->Get(name);
    if (v.is_null()) {
      if (ErrorOccurred()) goto error;
      auto* cell = As<CellObject>(LOCAL(CODE->nlocals() + OPARG));
      if (cell->contents.is_null()) {
        RaiseUnboundFree(name);
        goto error;
      }
      v = cell->contents;
    }
    PUSH(std::move(v));
    DISPATCH();
  }
  TARGET(STORE_DEREF) {
    As<CellObject>(LOCAL(CODE->nlocals() + OPARG))->contents = POP();
    DISPATCH();
  }
  TARGET(DELETE_DEREF) {
    auto* cell = As<CellObject>(LOCAL(CODE->nlocals() + OPARG));
    if (cell->contents.is_null()) {
      RaiseUnboundDeref(*CODE, OPARG);
      goto error;
    }
    cell->contents = Value();
    DISPATCH();
  }
  TARGET(LOAD_ATTR) {
    if (TOP().is_object()) {
      Value v = LoadAttrHit(TOP().as_object(), NAME(OPARG), CACHE());
      if (!v.is_null()) {
        TOP() = std::move(v);
        DISPATCH();
      }
    }
    goto load_attr_miss;
  }
  // LOAD_FAST self; LOAD_ATTR name: the hit reads the local in place, so
  // self's count is not raised and lowered around the read.
  TARGET(LOAD_FAST__LOAD_ATTR) {
    LOCAL_THEN_NEXT(owner);
    if (owner.is_object()) {
      Value v = LoadAttrHit(owner.as_object(), NAME(OPARG), CACHE());
      if (!v.is_null()) {
        PUSH(std::move(v));
        DISPATCH();
      }
    }
    PUSH(owner);
    goto load_attr_miss;
  }
// The misses of the attribute handlers and their pairs, shared. The name
// comes from the instruction (ip[-1]) rather than OPARG, so that OPARG need
// not stay live from each handler into this block.
load_attr_miss : {
  StrObject* name = NAME(ip[-1].arg());
  InlineCache* c = CACHE();
  Value owner = POP();
  Value v = LoadAttrCached(owner, name, c);
  if (v.is_null()) goto error;
  PUSH(std::move(v));
  DISPATCH();
}
  TARGET(LOAD_METHOD) {
    if (TOP().is_object()) {
      const Value* fn = LoadMethodHit(TOP().as_object(), NAME(OPARG), CACHE());
      if (fn != nullptr) {
        new (sp) Value(std::move(sp[-1]));  // the owner becomes self
        sp[-1] = *fn;
        ++sp;
        DISPATCH();
      }
    }
    goto load_method_miss;
  }
  TARGET(LOAD_FAST__LOAD_METHOD) {
    LOCAL_THEN_NEXT(owner);
    if (owner.is_object()) {
      const Value* fn = LoadMethodHit(owner.as_object(), NAME(OPARG), CACHE());
      if (fn != nullptr) {
        PUSH(*fn);
        PUSH(owner);
        DISPATCH();
      }
    }
    PUSH(owner);
    goto load_method_miss;
  }
load_method_miss : {
  StrObject* name = NAME(ip[-1].arg());
  InlineCache* c = CACHE();
  Value owner = POP();
  if (owner.is_object() && owner.as_object()->type() == g_types.type) {
    // Strength.stronger(a, b) of a classmethod on a class whose metaclass
    // is type: the function under the class's own entry (attributes.cc's
    // ClassAttrCached), called with the class as self. A staticmethod's
    // callable is a plain class attribute: LoadAttrHit below.
    auto* cls = static_cast<TypeObject*>(owner.as_object());
    InlineCache* e = EntryForType(c, cls);
    if (e->kind == kClassAttr && e->hint == kClassAttrClassMethod &&
        InlineCacheValid(e, cls)) {
      PUSH(*reinterpret_cast<const Value*>(e->value));
      PUSH(std::move(owner));
      DISPATCH();
    }
  }
  if (owner.is_object()) {
    // Not a method of the type: an attribute LOAD_ATTR would read without
    // binding (a module's function, math.sqrt; an instance attribute
    // holding a callable; a class's staticmethod) is called with no self.
    Value v = LoadAttrHit(owner.as_object(), name, c);
    if (!v.is_null()) {
      PUSH(Value());
      PUSH(std::move(v));
      DISPATCH();
    }
  }
  if (owner.is_object() && owner.as_object()->type() == g_types.super) {
    // super().method(...): the function and the instance, as a method
    // call, without a bound method.
    Value self;
    Value fn = SuperLoadMethod(owner, name, &self);
    if (!fn.is_null()) {
      PUSH(std::move(fn));
      PUSH(std::move(self));
      DISPATCH();
    }
  }
  bool is_method = false;
  Value v = LoadMethodCached(owner, name, c, &is_method);
  if (v.is_null()) goto error;
  if (is_method) {
    PUSH(std::move(v));
    PUSH(std::move(owner));
  } else {
    PUSH(Value());
    PUSH(std::move(v));
  }
  DISPATCH();
}
  TARGET(STORE_ATTR) {
    // The owner stays on the stack (alive) until the store is done.
    if (TOP().is_object() &&
        StoreAttrHit(TOP().as_object(), NAME(OPARG), &SECOND(), CACHE())) {
      DROP();
      DROP();
      DISPATCH();
    }
    goto store_attr_miss;
  }
  // LOAD_FAST self; STORE_ATTR name: the local keeps self alive during the
  // store (a value's release cannot rebind it: the frame holds it).
  TARGET(LOAD_FAST__STORE_ATTR) {
    LOCAL_THEN_NEXT(owner);
    if (owner.is_object() &&
        StoreAttrHit(owner.as_object(), NAME(OPARG), &TOP(), CACHE())) {
      DROP();
      DISPATCH();
    }
    PUSH(owner);
    goto store_attr_miss;
  }
store_attr_miss : {
  StrObject* name = NAME(ip[-1].arg());
  InlineCache* c = CACHE();
  Value owner = POP();
  Value v = POP();
  if (!StoreAttrCached(owner, name, std::move(v), c)) goto error;
  DISPATCH();
}
  TARGET(DELETE_ATTR) {
    Value owner = POP();
    if (!DelAttr(owner, NAME(OPARG))) goto error;
    DISPATCH();
  }
  TARGET(LOAD_ASSERTION_ERROR) {
    PUSH(Value::FromObject(g_exc.AssertionError));
    DISPATCH();
  }
  TARGET(LOAD_BUILD_CLASS) {
    PUSH(BuildClassFunction());
    DISPATCH();
  }
  TARGET(UNARY_POSITIVE) {
    Value v = POP();
    Value r = Positive(v);
    if (r.is_null()) goto error;
    PUSH(std::move(r));
    DISPATCH();
  }
  TARGET(UNARY_NEGATIVE) {
    Value v = POP();
    Value r;
    if (v.is_int() && v.as_int() != INT64_MIN) {
      r = Value::Int(-v.as_int());
    } else if (v.is_float()) {
      r = Value::Float(-v.as_float());
    } else {
      r = Negative(v);
      if (r.is_null()) goto error;
    }
    PUSH(std::move(r));
    DISPATCH();
  }
  TARGET(UNARY_NOT) {
    Value v = POP();
    int t = Truth(v);
    if (t < 0) goto error;
    PUSH(Value::Bool(!t));
    DISPATCH();
  }
  TARGET(UNARY_INVERT) {
    Value v = POP();
    Value r = Invert(v);
    if (r.is_null()) goto error;
    PUSH(std::move(r));
    DISPATCH();
  }
  TARGET(BINARY_OP) {
    if (SECOND().is_float() && TOP().is_float()) {
      // Float arithmetic inline (FastBinary is a call).
      double x = SECOND().as_float(), y = TOP().as_float(), z;
      switch (static_cast<BinOp>(OPARG)) {
        case BinOp::kAdd:
        case BinOp::kInplaceAdd:
          z = x + y;
          break;
        case BinOp::kSubtract:
        case BinOp::kInplaceSubtract:
          z = x - y;
          break;
        case BinOp::kMultiply:
        case BinOp::kInplaceMultiply:
          z = x * y;
          break;
        case BinOp::kTrueDivide:
        case BinOp::kInplaceTrueDivide:
          if (y == 0.0) goto binary_op_general;  // ZeroDivisionError
          z = x / y;
          break;
        case BinOp::kPower:
        case BinOp::kInplacePower:
          // A positive finite base and finite exponent: C's pow, as float's
          // __pow__ computes it. Other bases (a complex result, 0 to a
          // negative power) and an overflow are the general path's.
          if (!(x > 0.0) || !std::isfinite(x) || !std::isfinite(y)) {
            goto binary_op_general;
          }
          z = std::pow(x, y);
          if (!std::isfinite(z)) goto binary_op_general;
          break;
        default:
          goto binary_op_general;
      }
      DROP();
      TOP() = Value::Float(z);
      DISPATCH();
    }
    if (SECOND().is_int() && TOP().is_int()) {
      int64_t z;
      if (!IntBinary(SECOND().as_int(), TOP().as_int(), OPARG, &z)) {
        goto binary_op_general;  // a big int, an error, another operator
      }
      DROP();
      TOP() = Value::Int(z);
      DISPATCH();
    }
    if ((OPARG == static_cast<int>(BinOp::kAdd) ||
         OPARG == static_cast<int>(BinOp::kInplaceAdd)) &&
        SECOND().is_object() && TOP().is_object()) {
      // `+` of two exact tuples or strs (neither has __iadd__), or `a + b`
      // of two exact lists (whose += is extend): BinaryOp's shortcut or
      // list.__add__, without the calls on the way there.
      TypeObject* t = SECOND().as_object()->type();
      if (t == TOP().as_object()->type() &&
          (t == g_types.tuple || t == g_types.str ||
           (t == g_types.list && OPARG == static_cast<int>(BinOp::kAdd)))) {
        Value r;
        try {
          r = t == g_types.tuple ? TupleConcat(SECOND(), TOP())
              : t == g_types.str
                  ? StrConcat(SECOND(), TOP())
                  : ListConcat(As<ListObject>(SECOND()), As<ListObject>(TOP()));
        }
        CATCH_BAD_ALLOC
        if (r.is_null()) goto error;
        DROP();
        TOP() = std::move(r);
        DISPATCH();
      }
    }
  binary_op_general:
    if (Value r; FastBinary(SECOND(), TOP(), OPARG, &r)) {
      // The rest of the number fast paths (mixed int and float, ...).
      DROP();
      TOP() = std::move(r);
      DISPATCH();
    }
    if (g_frame_hook == nullptr) {
      // An operator method in Python runs in this loop, as a call would; the
      // operands stay on the stack for the fallback (do_return).
      FunctionObject* fn =
          BinaryOpLeftFunction(SECOND(), TOP(), static_cast<BinOp>(OPARG));
      if (fn != nullptr) {
        Value operands[2] = {SECOND(), TOP()};
        entering = PushCallFrame(ts, fn, operands, 2, f->builtins);
        entering->binop = static_cast<uint8_t>(OPARG + 1);
        goto enter_frame;
      }
    }
    Value r;
    // Only the general path allocates much ([0] * n, list + list).
    try {
      r = BinaryOp(SECOND(), TOP(), static_cast<BinOp>(OPARG));
    }
    CATCH_BAD_ALLOC
    if (r.is_null()) goto error;
    DROP();
    TOP() = std::move(r);
    DISPATCH();
  }
  TARGET(COMPARE_OP) {
    Value r;
    if (!FastCompare(SECOND(), TOP(), OPARG, &r)) {
      r = RichCompare(SECOND(), TOP(), static_cast<CompareOp>(OPARG));
      if (r.is_null()) goto error;
    }
    DROP();
    TOP() = std::move(r);
    DISPATCH();
  }
  TARGET(IS_OP) {
    bool r = SECOND().Is(TOP()) != (OPARG == 1);
    DROP();
    TOP() = Value::Bool(r);
    DISPATCH();
  }
  TARGET(CONTAINS_OP) {
    int r = Contains(TOP(), SECOND());
    if (r < 0) goto error;
    DROP();
    TOP() = Value::Bool((r == 1) != (OPARG == 1));
    DISPATCH();
  }
  TARGET(BINARY_SUBSCR) {
    Value r;
    const Value& container = SECOND();
    const Value& key = TOP();
    if (key.is_int() && container.is_object()) {
      TypeObject* t = container.as_object()->type();
      int64_t i = key.as_int();
      if (t == g_types.list) {
        auto& items = As<ListObject>(container)->items();
        if (i < 0) i += static_cast<int64_t>(items.size());
        if (i >= 0 && i < static_cast<int64_t>(items.size())) r = items[i];
      } else if (t == g_types.tuple) {
        auto* tuple = As<TupleObject>(container);
        if (i < 0) i += static_cast<int64_t>(tuple->size());
        if (i >= 0 && i < static_cast<int64_t>(tuple->size())) {
          r = tuple->get(i);
        }
      }
    }
    if (r.is_null()) {
      r = GetItem(container, key);  // slices and exact dicts answer first
      if (r.is_null()) goto error;
    }
    DROP();
    TOP() = std::move(r);
    DISPATCH();
  }
  TARGET(STORE_SUBSCR) {
    // value container key
    const Value& container = SECOND();
    const Value& key = TOP();
    bool done = false;
    if (key.is_int() && IsExact(container, g_types.list)) {
      auto& items = As<ListObject>(container)->items();
      int64_t i = key.as_int();
      if (i < 0) i += static_cast<int64_t>(items.size());
      if (i >= 0 && i < static_cast<int64_t>(items.size())) {
        items[i] = std::move(PEEK(3));
        done = true;
      }
    }
    if (!done) {
      bool ok = false;
      try {
        ok = SetItem(container, key, std::move(PEEK(3)));
      }
      CATCH_BAD_ALLOC
      if (!ok) goto error;
    }
    DROP();
    DROP();
    DROP();
    DISPATCH();
  }
  TARGET(DELETE_SUBSCR) {
    if (!DelItem(SECOND(), TOP())) goto error;
    DROP();
    DROP();
    DISPATCH();
  }
  // BUILD_SLICE n; BINARY_SUBSCR or STORE_SUBSCR with an exact list (or, to
  // read, an exact tuple) below the bounds: the subscript by the bounds on
  // the stack, without a slice object (CPython 3.12's BINARY_SLICE and
  // STORE_SLICE). Anything else builds the slice and runs the subscript.
  TARGET(BUILD_SLICE__BINARY_SUBSCR) {
    const int nbounds = OPARG;  // BUILD_SLICE's; ip moves on to the subscript
    Value* bounds = sp - nbounds;
    const Value& container = bounds[-1];
    f->prev_instr = ip++;  // errors are the subscript's
    if (container.is_object() &&
        (container.as_object()->type() == g_types.list ||
         container.as_object()->type() == g_types.tuple)) {
      const Value none = Value::None();
      SliceBounds b{bounds[0], bounds[1], nbounds == 3 ? bounds[2] : none};
      Value r;
      try {
        r = container.as_object()->type() == g_types.list
                ? ListGetSliceOf(As<ListObject>(container), b)
                : TupleGetSliceOf(container, b);
      }
      CATCH_BAD_ALLOC
      if (r.is_null()) goto error;
      while (sp > bounds) DROP();
      TOP() = std::move(r);
      DISPATCH();
    }
    // Back to BUILD_SLICE's half; the subscript runs next.
    --ip;
    f->prev_instr = ip - 1;
    goto build_slice;
  }
  TARGET(BUILD_SLICE__STORE_SUBSCR) {
    // value container start stop [step]
    const int nbounds = OPARG;  // BUILD_SLICE's; ip moves on to the subscript
    Value* bounds = sp - nbounds;
    const Value& container = bounds[-1];
    f->prev_instr = ip++;
    if (IsExact(container, g_types.list)) {
      const Value none = Value::None();
      SliceBounds b{bounds[0], bounds[1], nbounds == 3 ? bounds[2] : none};
      bool ok = false;
      try {
        ok = ListAssignSliceOf(As<ListObject>(container), container, b,
                               bounds[-2]);
      }
      CATCH_BAD_ALLOC
      if (!ok) goto error;
      while (sp > bounds - 2) DROP();
      DISPATCH();
    }
    --ip;
    f->prev_instr = ip - 1;
    goto build_slice;
  }
  TARGET(BUILD_SLICE) {
  build_slice:
    Value step = OPARG == 3 ? POP() : Value::None();
    Value stop = POP();
    Value start = POP();
    Value s = NewSlice(std::move(start), std::move(stop), std::move(step));
    PUSH(std::move(s));
    DISPATCH();
  }
  TARGET(BUILD_TUPLE) {
    try {
      Value t = TupleObject::FromMoved(sp - OPARG, OPARG);
      sp -= OPARG;  // the items were moved out
      PUSH(std::move(t));
      DISPATCH();
    }
    CATCH_BAD_ALLOC
  }
  TARGET(BUILD_LIST) {
    try {
      Value l = ListObject::New();
      auto& items = As<ListObject>(l)->items();
      items.reserve(OPARG);
      for (int i = 0; i < OPARG; ++i) items.push_back(std::move(sp[i - OPARG]));
      for (int i = 0; i < OPARG; ++i) DROP();
      PUSH(std::move(l));
      DISPATCH();
    }
    CATCH_BAD_ALLOC
  }
  TARGET(BUILD_SET) {
    try {
      Value s = NewSet(sp - OPARG, OPARG);
      if (s.is_null()) goto error;
      for (int i = 0; i < OPARG; ++i) DROP();
      PUSH(std::move(s));
      DISPATCH();
    }
    CATCH_BAD_ALLOC
  }
  TARGET(BUILD_MAP) {
    try {
      // A literal's entries fit in the dict's own allocation.
      Value d = Value::Steal(DictObject::Create(g_types.dict, OPARG));
      auto* dict = As<DictObject>(d);
      for (int i = 0; i < OPARG; ++i) {
        Value* pair = sp - 2 * OPARG + 2 * i;
        if (!dict->Set(pair[0], std::move(pair[1]))) goto error;
      }
      for (int i = 0; i < 2 * OPARG; ++i) DROP();
      PUSH(std::move(d));
      DISPATCH();
    }
    CATCH_BAD_ALLOC
  }
  TARGET(BUILD_CONST_KEY_MAP) {
    Value keys = POP();
    auto* kt = As<TupleObject>(keys);
    Value d = Value::Steal(DictObject::Create(g_types.dict, OPARG));
    auto* dict = As<DictObject>(d);
    for (int i = 0; i < OPARG; ++i) {
      if (!dict->Set(kt->get(i), std::move(sp[i - OPARG]))) goto error;
    }
    for (int i = 0; i < OPARG; ++i) DROP();
    PUSH(std::move(d));
    DISPATCH();
  }
  TARGET(BUILD_STRING) {
    try {
      std::string s;
      for (int i = 0; i < OPARG; ++i) {
        s += As<StrObject>(sp[i - OPARG])->str();
      }
      for (int i = 0; i < OPARG; ++i) DROP();
      PUSH(StrObject::New(s));
      DISPATCH();
    }
    CATCH_BAD_ALLOC
  }
  TARGET(LIST_APPEND) {
    try {
      Value v = POP();
      As<ListObject>(PEEK(OPARG))->Append(std::move(v));
      DISPATCH();
    }
    CATCH_BAD_ALLOC
  }
  TARGET(SET_ADD) {
    try {
      Value v = POP();
      if (!SetAdd(PEEK(OPARG), v)) goto error;
      DISPATCH();
    }
    CATCH_BAD_ALLOC
  }
  TARGET(MAP_ADD) {
    try {
      Value v = POP();
      Value k = POP();
      if (!As<DictObject>(PEEK(OPARG))->Set(k, std::move(v))) goto error;
      DISPATCH();
    }
    CATCH_BAD_ALLOC
  }
  TARGET(LIST_EXTEND) {
    try {
      Value iterable = POP();
      if (!ListExtend(PEEK(OPARG), iterable)) {
        if (ErrorMatches(g_exc.TypeError) && !HasIter(iterable)) {
          ClearError();
          RaiseF(g_exc.TypeError, "Value after * must be an iterable, not %s",
                 TypeName(iterable));
        }
        goto error;
      }
      DISPATCH();
    }
    CATCH_BAD_ALLOC
  }
  TARGET(SET_UPDATE) {
    try {
      Value iterable = POP();
      if (!SetUpdate(PEEK(OPARG), iterable)) goto error;
      DISPATCH();
    }
    CATCH_BAD_ALLOC
  }
  TARGET(DICT_UPDATE) {
    try {
      Value other = POP();
      if (!DictUpdate(PEEK(OPARG), other, /*merge=*/false, Value())) goto error;
      DISPATCH();
    }
    CATCH_BAD_ALLOC
  }
  TARGET(DICT_MERGE) {
    try {
      Value other = POP();
      // The function being called sits below the dict: NULL|meth, f, args,
      // kwargs.
      if (!DictUpdate(PEEK(OPARG), other, /*merge=*/true, PEEK(OPARG + 2))) {
        goto error;
      }
      DISPATCH();
    }
    CATCH_BAD_ALLOC
  }
  TARGET(GET_LEN) {
    int64_t n = Length(TOP());
    if (n < 0) goto error;
    PUSH(Value::Int(n));
    DISPATCH();
  }
  TARGET(MATCH_MAPPING) {
    bool is_mapping = MatchesMapping(TOP());
    PUSH(Value::Bool(is_mapping));
    DISPATCH();
  }
  TARGET(MATCH_SEQUENCE) {
    bool is_sequence = MatchesSequence(TOP());
    PUSH(Value::Bool(is_sequence));
    DISPATCH();
  }
  TARGET(MATCH_KEYS) {
    Value values = MatchKeys(SECOND(), TOP());
    if (values.is_null()) goto error;
    PUSH(std::move(values));
    DISPATCH();
  }
  TARGET(MATCH_CLASS) {
    Value names = POP();
    Value type = POP();
    Value attrs = MatchClass(TOP(), type, OPARG, names);
    if (attrs.is_null()) goto error;
    TOP() = std::move(attrs);
    DISPATCH();
  }
  TARGET(LIST_TO_TUPLE) {
    Value l = POP();
    auto& items = As<ListObject>(l)->items();
    PUSH(TupleObject::FromValues(items.data(), items.size()));
    DISPATCH();
  }
  TARGET(UNPACK_SEQUENCE) {
    // Exact tuples and lists of the right size unpack inline (CPython's
    // UNPACK_SEQUENCE_TUPLE and _LIST); anything else iterates.
    Value seq = POP();
    const Value* items = nullptr;
    if (IsExact(seq, g_types.tuple) &&
        As<TupleObject>(seq)->size() == static_cast<size_t>(OPARG)) {
      items = As<TupleObject>(seq)->data();
    } else if (IsExact(seq, g_types.list) &&
               As<ListObject>(seq)->size() == static_cast<size_t>(OPARG)) {
      items = As<ListObject>(seq)->items().data();
    }
    if (items != nullptr) {
      // Pushing copies and runs no code, so a list cannot change under the
      // loop; `seq` keeps the container alive.
      for (int i = 0; i < OPARG; ++i) PUSH(items[OPARG - 1 - i]);
      DISPATCH();
    }
    if (!UnpackSequence(seq, OPARG, sp)) goto error;
    sp += OPARG;
    DISPATCH();
  }
  TARGET(UNPACK_EX) {
    Value seq = POP();
    size_t before = OPARG & 0xFF, after = OPARG >> 8;
    if (!UnpackEx(seq, before, after, sp)) goto error;
    sp += before + after + 1;
    DISPATCH();
  }
  TARGET(FORMAT_VALUE) {
    Value spec = (OPARG & 4) ? POP() : Value();
    Value v = POP();
    Value r = FormatValue(v, OPARG & 3, spec);
    if (r.is_null()) goto error;
    PUSH(std::move(r));
    DISPATCH();
  }
  TARGET(JUMP_FORWARD) {
    JUMP_TO(OPARG);
    DISPATCH();
  }
  TARGET(JUMP_BACKWARD) {
    // Before the jump: an exception raised here belongs to this instruction.
    if (gc::g_state.pending && !SafePoint()) goto error;
    JUMP_TO(OPARG);
    DISPATCH();
  }
  TARGET(POP_JUMP_IF_FALSE) {
    Value v = POP();
    int t = Truth(v);
    if (t < 0) goto error;
    if (!t) JUMP_TO(OPARG);
    DISPATCH();
  }
  TARGET(POP_JUMP_IF_TRUE) {
    Value v = POP();
    int t = Truth(v);
    if (t < 0) goto error;
    if (t) JUMP_TO(OPARG);
    DISPATCH();
  }
  TARGET(POP_JUMP_IF_NONE) {
    Value v = POP();
    if (v.is_none()) JUMP_TO(OPARG);
    DISPATCH();
  }
  TARGET(POP_JUMP_IF_NOT_NONE) {
    Value v = POP();
    if (!v.is_none()) JUMP_TO(OPARG);
    DISPATCH();
  }
  TARGET(JUMP_IF_FALSE_OR_POP) {
    int t = Truth(TOP());
    if (t < 0) goto error;
    if (!t) {
      JUMP_TO(OPARG);
    } else {
      DROP();
    }
    DISPATCH();
  }
  TARGET(JUMP_IF_TRUE_OR_POP) {
    int t = Truth(TOP());
    if (t < 0) goto error;
    if (t) {
      JUMP_TO(OPARG);
    } else {
      DROP();
    }
    DISPATCH();
  }
  TARGET(GET_ITER) {
    Value v = POP();
    Value it = GetIter(v);
    if (it.is_null()) goto error;
    PUSH(std::move(it));
    DISPATCH();
  }
  TARGET(FOR_ITER) {
    if (TOP().is_object() && TOP().as_object()->type() == g_types.generator) {
      auto* gen = As<GeneratorObject>(TOP());
      if (CanResumeInline(gen, Value::None()) &&
          ts->depth < ts->recursion_limit) {
        entering = ResumeInline(gen, Value::None(), ts);
        goto enter_generator;
      }
    }
    if (TOP().is_object() &&
        TOP().as_object()->type()->layout() == Layout::kIterator) {
      // A list's, tuple's or range's next item inline (CPython's FOR_ITER_LIST,
      // _TUPLE and _RANGE); their ends and every other iterator: IterNext.
      auto* it = static_cast<IteratorObject*>(TOP().as_object());
      if (it->kind == IteratorObject::Kind::kList && !it->exhausted) {
        auto& items = As<ListObject>(it->source)->items();
        if (it->index < static_cast<int64_t>(items.size())) {
          PUSH(items[it->index++]);
          DISPATCH();
        }
      } else if (it->kind == IteratorObject::Kind::kTuple && !it->exhausted) {
        auto* t = As<TupleObject>(it->source);
        if (it->index < static_cast<int64_t>(t->size())) {
          PUSH(t->get(it->index++));
          DISPATCH();
        }
      } else if (it->kind == IteratorObject::Kind::kRange && it->count > 0) {
        --it->count;
        int64_t v = it->index;
        it->index += it->aux;
        PUSH(Value::Int(v));
        DISPATCH();
      }
    }
    Value next = IterNext(TOP());
    if (next.is_null()) {
      if (ErrorOccurred()) goto error;
      DROP();
      JUMP_TO(OPARG);
      DISPATCH();
    }
    PUSH(std::move(next));
    DISPATCH();
  }
  TARGET(KW_NAMES) {
    kwnames = As<TupleObject>(CODE->consts[OPARG]);
    DISPATCH();
  }
  TARGET(CALL) {
    // Stack: NULL|method, callable|self, args...
    Value* base = sp - OPARG - 2;
    Value* args = base + 2;
    size_t nargs = OPARG;
    Value* callable = base + 1;
    if (!base[0].is_null()) {  // A method and its self: self is the first arg.
      callable = base;
      args = base + 1;
      ++nargs;
    }
    TupleObject* kw = kwnames;
    kwnames = nullptr;
    if (IsExact(*callable, g_types.function)) {
      auto* func = As<FunctionObject>(*callable);
      CodeObject* fcode = func->code();
      if (fcode->fast_nargs == static_cast<int32_t>(nargs) && kw == nullptr &&
          g_frame_hook == nullptr) {
        entering = PushFastFrame(ts, callable, args, nargs, f->builtins);
        // No slot from base up holds a value now: the callable and the
        // arguments were moved out, and below a function (no method)
        // base[0] is the null that PUSH_NULL left.
        sp = base;
        goto enter_frame;
      }
      Value gen;
      Frame* callee = PrepareCall(func, args, nargs, kw, &gen);
      while (sp > base) DROP();
      if (callee == nullptr) {
        if (gen.is_null()) goto error;
        PUSH(std::move(gen));
        DISPATCH();
      }
      entering = callee;
      goto enter_frame;
    }
    if (callable->is_object() &&
        callable->as_object()->type() == g_types.native_function) {
      // Builtins called straight from here, without Call's dispatch on the
      // callable's type (CPython's CALL_BUILTIN_* specializations), and a few
      // answered inline: len and isinstance (CALL_NO_KW_LEN, _ISINSTANCE),
      // x.append(v) on an exact list and s.add(v) on an exact set
      // (CALL_NO_KW_LIST_APPEND). The callable is compared by identity with
      // the original objects, so a shadowed or replaced builtin (another
      // object) takes the generic path.
      const Object* callee = callable->as_object();
      if (kw == nullptr && nargs == 1 && callee == g_inline_callees.len) {
        int64_t n = ExactLength(args[0]);
        if (n >= 0) {
          while (sp > base) DROP();
          PUSH(Value::Int(n));
          DISPATCH();
        }
      } else if (kw == nullptr && nargs == 1 &&
                 callee == g_inline_callees.list_pop &&
                 IsExact(args[0], g_types.list) &&
                 !As<ListObject>(args[0])->items().empty()) {
        // x.pop() of a non-empty exact list (CPython's CALL_NO_KW_LIST_POP
        // is a 3.12 idea; the generic call checks and parses the argument).
        auto& items = As<ListObject>(args[0])->items();
        Value v = std::move(items.back());
        items.pop_back();
        while (sp > base) DROP();
        PUSH(std::move(v));
        DISPATCH();
      } else if (kw == nullptr && nargs == 2) {
        if (callee == g_inline_callees.isinstance && args[1].is_object() &&
            args[1].as_object()->type() == g_types.type) {
          // A class whose metaclass is exactly `type` has no
          // __instancecheck__ of its own: the answer is the subtype test.
          bool is = TypeOf(args[0])->IsSubtypeOf(As<TypeObject>(args[1]));
          while (sp > base) DROP();
          PUSH(Value::Bool(is));
          DISPATCH();
        }
        bool append = callee == g_inline_callees.list_append &&
                      IsExact(args[0], g_types.list);
        bool add =
            callee == g_inline_callees.set_add && IsExact(args[0], g_types.set);
        if (append || add) {
          try {
            if (append) {
              As<ListObject>(args[0])->Append(std::move(args[1]));
            } else if (args[1].is_int()) {
              // An int key: AddPlain's inline probe, or straight to the
              // table with its hash (a stored key's __eq__ may still raise).
              auto* s = As<SetObject>(args[0]);
              if (!s->AddPlain(args[1]) &&
                  !SetAccess::AddEntry(s, args[1],
                                       HashInt64(args[1].as_int()))) {
                goto error;
              }
            } else if (!As<SetObject>(args[0])->Add(args[1])) {
              goto error;
            }
            while (sp > base) DROP();
            PUSH(Value::None());
            DISPATCH();
          }
          CATCH_BAD_ALLOC
        }
      }
      auto* nf = As<NativeFunction>(*callable);
      // A method descriptor with a receiver of its type, or of a subclass
      // (an OrderedCollection(list)'s append), passes CheckNativeReceiver's
      // test here; any other receiver goes through Call for its TypeError.
      if (nf->bound_self.is_null() &&
          (nf->owner() == nullptr ||
           (nargs > (kw != nullptr ? kw->size() : 0) && args[0].is_object() &&
            (args[0].as_object()->type() == nf->owner() ||
             args[0].as_object()->type()->IsSubtypeOf(nf->owner()))))) {
        // CallNativeFunction's work, inline: out of line it cost float and
        // go 1-2.5% of their instructions.
        if (++ts->depth > ts->recursion_limit + 50) {
          --ts->depth;
          Raise(g_exc.RecursionError, "maximum recursion depth exceeded");
          goto error;
        }
        Value r;
        try {
          r = nf->fn()(args, nargs, kw);
        } catch (const std::bad_alloc&) {
          --ts->depth;
          if (ts->current != f) throw;
          Raise(g_exc.MemoryError, "");
          goto error;
        }
        --ts->depth;
        while (sp > base) DROP();
        if (r.is_null()) goto error;
        PUSH(std::move(r));
        DISPATCH();
      }
    }
    if (callable->is_object() &&
        callable->as_object()->type() == g_types.type) {
      // A class whose metaclass is exactly `type` (whose __call__ is
      // CallType): an instance of a plain class gets its __init__ frame
      // here; the others, a builtin class's included, go to CallType without
      // Call's dispatch on the callable.
      Value init;
      Value obj;
      if (base[0].is_null() && As<TypeObject>(*callable)->is_heap_type()) {
        obj = NewInstanceForInit(As<TypeObject>(*callable), &init);
      }
      if (obj.is_null()) {
        Value r = CallType(As<TypeObject>(*callable), args, nargs, kw);
        while (sp > base) DROP();
        if (r.is_null()) goto error;
        PUSH(std::move(r));
        DISPATCH();
      } else {
        // __init__(obj, *args): obj takes the class's slot, just below args.
        *callable = obj;
        auto* init_fn = As<FunctionObject>(init);
        if (init_fn->code()->fast_nargs == static_cast<int32_t>(nargs + 1) &&
            kw == nullptr && g_frame_hook == nullptr) {
          entering = ts->PushLaidOutFrame(
              init_fn->code_value(), init_fn->code(), std::move(init),
              init_fn->globals(), f->builtins, callable, nargs + 1);
          sp = base;  // base[0] was null; obj and the arguments were moved

          entering->init_self = std::move(obj);
          goto enter_frame;
        }
        Value gen;
        Frame* callee = PrepareCall(As<FunctionObject>(init), callable,
                                    nargs + 1, kw, &gen);
        while (sp > base) DROP();
        if (callee == nullptr) {
          if (gen.is_null()) goto error;
          RaiseF(g_exc.TypeError, "__init__() should return None, not '%s'",
                 TypeName(gen));
          goto error;
        }
        callee->init_self = std::move(obj);
        entering = callee;
        goto enter_frame;
      }
    }
    Value r = Call(*callable, args, nargs, kw);
    while (sp > base) DROP();
    if (r.is_null()) goto error;
    PUSH(std::move(r));
    DISPATCH();
  }
  TARGET(CALL_FUNCTION_EX) {
    Value kwargs = (OPARG & 1) ? POP() : Value();
    Value callargs = POP();
    Value func = POP();
    DROP();  // The NULL below the callable.
    Value r = CallWithTupleAndDict(func, callargs, kwargs);
    if (r.is_null()) goto error;
    PUSH(std::move(r));
    DISPATCH();
  }
  TARGET(MAKE_FUNCTION) {
    Value fcode = POP();
    Value closure = (OPARG & 8) ? POP() : Value();
    Value annotations = (OPARG & 4) ? POP() : Value();
    Value kwdefaults = (OPARG & 2) ? POP() : Value();
    Value defaults = (OPARG & 1) ? POP() : Value();
    Value fn = MakeFunction(std::move(fcode), f->globals, std::move(defaults),
                            std::move(kwdefaults), std::move(annotations),
                            std::move(closure));
    if (fn.is_null()) goto error;
    PUSH(std::move(fn));
    DISPATCH();
  }
  TARGET(RETURN_VALUE) {
    retval = POP();
    goto do_return;
  }
  TARGET(IMPORT_NAME) {
    Value fromlist = POP();
    Value level = POP();
    Value m = ImportName(CODE->names[OPARG], f->globals, fromlist, level);
    if (m.is_null()) goto error;
    PUSH(std::move(m));
    DISPATCH();
  }
  TARGET(IMPORT_FROM) {
    Value v = ImportFrom(TOP(), CODE->names[OPARG]);
    if (v.is_null()) goto error;
    PUSH(std::move(v));
    DISPATCH();
  }
  TARGET(IMPORT_STAR) {
    Value m = POP();
    if (!ImportStar(m, f->locals)) goto error;
    DISPATCH();
  }
  TARGET(RAISE_VARARGS) {
    Value cause = OPARG == 2 ? POP() : Value();
    Value exc = OPARG >= 1 ? POP() : Value();
    if (OPARG == 0) {
      // Bare `raise`: re-raise the exception being handled, traceback as is.
      if (ts->handled_exception.is_null() || ts->handled_exception.is_none()) {
        Raise(g_exc.RuntimeError, "No active exception to reraise");
        goto error;
      }
      RestoreError(ts->handled_exception);
      goto exception_unwind;
    }
    DoRaise(exc, cause);
    goto error;
  }
  TARGET(RERAISE) {
    // With an argument, the instruction index saved below the exception (and
    // OPARG - 1 other items) becomes lasti again, so the traceback points at
    // the original failing line.
    if (OPARG) f->set_lasti(static_cast<uint32_t>(PEEK(OPARG + 1).as_int()));
    Value exc = POP();
    RestoreError(std::move(exc));
    goto exception_unwind;
  }
  TARGET(PUSH_EXC_INFO) {
    Value exc = POP();
    Value prev =
        ts->handled_exception.is_null() ? Value::None() : ts->handled_exception;
    PUSH(std::move(prev));
    ts->handled_exception = exc;
    PUSH(std::move(exc));
    DISPATCH();
  }
  TARGET(POP_EXCEPT) {
    Value prev = POP();
    ts->handled_exception = std::move(prev);
    DISPATCH();
  }
  TARGET(CHECK_EXC_MATCH) {
    Value type = POP();
    int r = ExceptionMatches(TOP(), type);
    if (r < 0) goto error;
    PUSH(Value::Bool(r));
    DISPATCH();
  }
  TARGET(CHECK_EG_MATCH) {
    // except*: [exc, type] becomes [rest, match] with match the handled
    // exception, or [exc, None] when nothing matches.
    Value type = POP();
    Value match, rest;
    if (!ExceptionGroupMatch(TOP(), type, &match, &rest)) goto error;
    if (!match.is_none()) {
      TOP() = std::move(rest);
      ts->handled_exception = match;
    }
    PUSH(std::move(match));
    DISPATCH();
  }
  TARGET(PREP_RERAISE_STAR) {
    Value raised = POP();
    Value orig = POP();
    Value exc = PrepReraiseStar(orig, raised);
    if (exc.is_null()) goto error;
    PUSH(std::move(exc));
    DISPATCH();
  }
  TARGET(BEFORE_WITH) {
    Value mgr = POP();
    static StrObject* enter_name = Intern("__enter__");
    static StrObject* exit_name = Intern("__exit__");
    Value enter = GetSpecialMethod(mgr, enter_name);
    if (enter.is_null()) {
      if (!ErrorOccurred()) {
        RaiseF(g_exc.TypeError,
               "'%s' object does not support the context manager protocol",
               TypeName(mgr));
      }
      goto error;
    }
    Value exit = GetSpecialMethod(mgr, exit_name);
    if (exit.is_null()) {
      if (!ErrorOccurred()) {
        RaiseF(g_exc.TypeError,
               "'%s' object does not support the context manager protocol "
               "(missed __exit__ method)",
               TypeName(mgr));
      }
      goto error;
    }
    PUSH(std::move(exit));
    Value r = CallNoArgs(enter);
    if (r.is_null()) goto error;
    PUSH(std::move(r));
    DISPATCH();
  }
  TARGET(WITH_EXCEPT_START) {
    // exit, lasti, prev_exc, exc -- exit, lasti, prev_exc, exc, result
    const Value& exc = TOP();
    Value args[3] = {Value::FromObject(TypeOf(exc)), exc,
                     As<ExceptionObject>(exc)->traceback};
    Value r = Call(PEEK(4), args, 3);
    if (r.is_null()) goto error;
    PUSH(std::move(r));
    DISPATCH();
  }
  TARGET(SETUP_ANNOTATIONS) {
    static StrObject* ann = Intern("__annotations__");
    if (IsExact(f->locals, g_types.dict)) {
      auto* d = As<DictObject>(f->locals);
      if (d->GetStr(ann).is_null()) d->SetStr(ann, DictObject::New());
    }
    DISPATCH();
  }
  TARGET(RETURN_GENERATOR) { DISPATCH(); }
  TARGET(YIELD_VALUE) {
    if (f->generator != nullptr) {
      // CollectGenerator (list(g), tuple(g)) and CollectGeneratorIntoSet
      // (set(g)): the value goes to the list or set and the frame goes on as
      // next() would resume it (the yield is None).
      auto* gen = static_cast<GeneratorObject*>(f->generator);
      if (gen->collect != nullptr) {
        try {
          ListObject::AppendTo(gen->collect, POP());
        }
        CATCH_BAD_ALLOC
        PUSH(Value::None());
        DISPATCH();
      }
      // all(), any(), sum() (IterNextFolding): an item that leaves the
      // result undecided, or a plain addend, is folded in and the frame
      // goes on.
      if (gen->fold != nullptr && FoldYielded(gen->fold, TOP())) {
        DROP();
        PUSH(Value::None());
        DISPATCH();
      }
      if (gen->collect_set != nullptr) {
        bool added;
        try {
          added = gen->collect_set->AddPlain(TOP());
        }
        CATCH_BAD_ALLOC
        if (added) {
          DROP();
          PUSH(Value::None());
          DISPATCH();
        }
      }
    }
    retval = POP();
    SAVE_STATE();
    f->yielded = true;
    goto do_yield;
  }
  TARGET(GET_YIELD_FROM_ITER) {
    Value v = POP();
    Value it;
    if (v.is_object() && (v.as_object()->type() == g_types.generator ||
                          v.as_object()->type() == g_types.coroutine)) {
      it = std::move(v);
    } else {
      it = GetIter(v);
      if (it.is_null()) goto error;
    }
    PUSH(std::move(it));
    DISPATCH();
  }
  TARGET(GET_AWAITABLE) {
    Value v = POP();
    Value it = GetAwaitable(v);
    if (it.is_null()) goto error;
    PUSH(std::move(it));
    DISPATCH();
  }
  TARGET(SEND) {
    // receiver value -- receiver result; jumps (keeping both) when the
    // receiver returned, with its return value in place of `value`.
    if (SECOND().is_object() &&
        SECOND().as_object()->type() == g_types.generator) {
      auto* gen = As<GeneratorObject>(SECOND());
      if (CanResumeInline(gen, TOP()) && ts->depth < ts->recursion_limit) {
        entering = ResumeInline(gen, POP(), ts);
        goto enter_generator;
      }
    }
    Value v = POP();
    const Value& receiver = TOP();
    Value returned;
    Value r;
    if (receiver.is_object() &&
        (receiver.as_object()->type() == g_types.generator ||
         receiver.as_object()->type() == g_types.coroutine)) {
      r = GeneratorSend(As<GeneratorObject>(receiver), std::move(v), &returned);
    } else if (v.is_none() && IsBuiltinIterator(receiver)) {
      r = IterNext(receiver);
      if (r.is_null() && !ErrorOccurred()) returned = Value::None();
    } else if (v.is_none()) {
      // __next__ directly, so StopIteration's value (an awaitable's result)
      // is kept rather than swallowed as plain exhaustion.
      static StrObject* next_name = Intern("__next__");
      r = CallSpecial(receiver, next_name, nullptr, 0);
      if (r.is_null()) {
        if (ErrorMatches(g_exc.StopIteration)) {
          returned = StopIterationValue(FetchError());
        } else if (!ErrorOccurred()) {
          RaiseF(g_exc.TypeError, "'%s' object is not an iterator",
                 TypeName(receiver));
        }
      }
    } else {
      Value arg = v;
      r = CallMethod(receiver, "send", &arg, 1);
      if (r.is_null() && ErrorMatches(g_exc.StopIteration)) {
        returned = StopIterationValue(FetchError());
      }
    }
    if (r.is_null()) {
      if (returned.is_null()) goto error;
      PUSH(std::move(returned));
      JUMP_TO(OPARG);
      DISPATCH();
    }
    PUSH(std::move(r));
    DISPATCH();
  }
  TARGET(BEFORE_ASYNC_WITH) {
    Value mgr = POP();
    static StrObject* aenter_name = Intern("__aenter__");
    static StrObject* aexit_name = Intern("__aexit__");
    Value aenter = GetSpecialMethod(mgr, aenter_name);
    Value aexit =
        aenter.is_null() ? Value() : GetSpecialMethod(mgr, aexit_name);
    if (aenter.is_null() || aexit.is_null()) {
      if (!ErrorOccurred()) {
        RaiseF(g_exc.TypeError,
               "'%s' object does not support the asynchronous context manager "
               "protocol",
               TypeName(mgr));
      }
      goto error;
    }
    PUSH(std::move(aexit));
    Value r = CallNoArgs(aenter);
    if (r.is_null()) goto error;
    PUSH(std::move(r));
    DISPATCH();
  }
  TARGET(GET_AITER) {
    Value obj = POP();
    static StrObject* aiter_name = Intern("__aiter__");
    Value r = CallSpecial(obj, aiter_name, nullptr, 0);
    if (r.is_null()) {
      if (!ErrorOccurred()) {
        RaiseF(g_exc.TypeError,
               "'async for' requires an object with __aiter__ method, got %s",
               TypeName(obj));
      }
      goto error;
    }
    PUSH(std::move(r));
    DISPATCH();
  }
  TARGET(GET_ANEXT) {
    static StrObject* anext_name = Intern("__anext__");
    Value r = CallSpecial(TOP(), anext_name, nullptr, 0);
    if (r.is_null()) {
      if (!ErrorOccurred()) {
        RaiseF(g_exc.TypeError,
               "'async for' requires an iterator with __anext__ method, got %s",
               TypeName(TOP()));
      }
      goto error;
    }
    Value awaitable = GetAwaitable(r);
    if (awaitable.is_null()) goto error;
    PUSH(std::move(awaitable));
    DISPATCH();
  }
  TARGET(END_ASYNC_FOR) {
    // [aiter, exc]: StopAsyncIteration ends the loop; anything else propagates.
    Value exc = POP();
    if (IsInstance(exc, g_exc.StopAsyncIteration)) {
      DROP();
      DISPATCH();
    }
    RestoreError(std::move(exc));
    goto exception_unwind;
  }
  TARGET(ASYNC_GEN_WRAP) {
    TOP() = WrapAsyncGenValue(std::move(TOP()));
    DISPATCH();
  }
  TARGET(END_SEND) {
    Value v = POP();
    DROP();
    PUSH(std::move(v));
    DISPATCH();
  }

#ifndef MINIDYNAMO_COMPUTED_GOTO
  case Opcode::kCount:
    break;
}
RaiseF(g_exc.SystemError, "unknown opcode %d", static_cast<int>(ip[-1].op()));
goto error;
}
#endif

error :
// A new exception from the instruction at f->lasti.
{
  Value exc = FetchError();
  ChainContext(exc);
  AddTraceback(exc, f);
  RestoreError(std::move(exc));
}
exception_unwind : while (true) {
  // The handler covering the instruction that failed (pc - 1). f->lasti may
  // differ: RERAISE restores the original instruction there for tracebacks.
  const ExceptionTableEntry* h =
      CODE->HandlerFor(static_cast<size_t>(ip - 1 - INSTRS()));
  if (h != nullptr) {
    Value* target_sp = f->stack_base() + h->depth;
    while (sp > target_sp) DROP();
    if (h->push_lasti) PUSH(Value::Int(f->lasti()));
    PUSH(FetchError());
    JUMP_TO(h->target);
    kwnames = nullptr;
    DISPATCH();
  }
  // No handler here: leave the frame.
  while (sp > f->stack_base()) DROP();
  // The stack is empty: f->sp (saved at this frame's last call) must say so
  // before PopFrame releases what is below it.
  f->sp = sp;
  if (f->on_heap) f->pc = static_cast<uint32_t>(CODE->code.size());
  Frame* caller = f->previous;
  bool entry = f->is_entry || f == frame;
  --ts->depth;
  ts->current = caller;
  if (!f->on_heap) ts->PopFrame(f);
  if (entry) return Value();
  if (f->on_heap) {
    // A generator resumed inline raised: its caller's FOR_ITER or SEND fails.
    FinishInline(static_cast<GeneratorObject*>(f->generator), ts);
    f = caller;
    LOAD_STATE();
    goto error;
  }
  f = caller;
  LOAD_STATE();
  // The call instruction in the caller failed: record it there too.
  {
    Value exc = FetchError();
    AddTraceback(exc, f);
    RestoreError(std::move(exc));
  }
}

// A Python frame the CALL handler prepared (a function, or a class's
// __init__) runs next in this same loop.
enter_frame : {
  SAVE_STATE();
  if (++ts->depth > ts->recursion_limit) {
    --ts->depth;
    ts->PopFrame(entering);
    Raise(g_exc.RecursionError, "maximum recursion depth exceeded");
    goto error;
  }
  entering->previous = f;
  ts->current = entering;
  f = entering;
  LOAD_STATE();
  DISPATCH();
}

do_return : {
  while (sp > f->stack_base()) DROP();
  // The stack is empty: f->sp (saved at this frame's last call) must say so
  // before PopFrame releases what is below it.
  f->sp = sp;
  if (f->ReturnsPlainly() && f != frame) {
    // The common return, from a frame CALL pushed: the caller gets the value.
    Frame* caller = f->previous;
    --ts->depth;
    ts->current = caller;
    ts->PopFrame(f);
    f = caller;
    LOAD_CALLER_STATE();
    PUSH(std::move(retval));
    DISPATCH();
  }
  Frame* caller = f->previous;
  bool entry = f->is_entry || f == frame;
  Value init_self = std::move(f->init_self);
  const uint8_t binop = f->binop;
  --ts->depth;
  ts->current = caller;
  if (f->on_heap) {
    f->pc = static_cast<uint32_t>(CODE->code.size());
  } else {
    ts->PopFrame(f);
  }
  if (entry) return retval;
  if (f->on_heap) {
    // A generator resumed inline returned: FOR_ITER ends its loop (the
    // value is dropped), SEND pushes the value and jumps.
    FinishInline(static_cast<GeneratorObject*>(f->generator), ts);
    f = caller;
    LOAD_CALLER_STATE();
    Instruction resumed_by = ip[-1];
    if (resumed_by.op() == Opcode::FOR_ITER) {
      retval = Value();
      DROP();
    } else {
      PUSH(std::move(retval));
    }
    JUMP_TO(resumed_by.arg());
    DISPATCH();
  }
  f = caller;
  LOAD_CALLER_STATE();
  if (binop != 0) {
    // The caller's BINARY_OP: the left operand's method answered; on
    // NotImplemented the right one's reflected method comes next.
    if (retval.Is(NotImplemented())) {
      retval =
          BinaryOpAfterLeft(SECOND(), TOP(), static_cast<BinOp>(binop - 1));
      if (retval.is_null()) goto error;
    }
    DROP();
    DROP();
  }
  if (!init_self.is_null()) {
    if (!retval.is_none()) {
      RaiseF(g_exc.TypeError, "__init__() should return None, not '%s'",
             TypeName(retval));
      goto error;
    }
    retval = std::move(init_self);
  }
  PUSH(std::move(retval));
  DISPATCH();
}

// FOR_ITER or SEND resumes a generator's frame (ResumeInline) in this loop.
enter_generator : {
  SAVE_STATE();
  ++ts->depth;
  entering->previous = f;
  ts->current = entering;
  f = entering;
  LOAD_STATE();
  DISPATCH();
}

do_yield : {
  --ts->depth;
  ts->current = f->previous;
  if (f->is_entry || f == frame) return retval;  // resumed by gen.send()
  // Resumed inline: the value is what the caller's FOR_ITER or SEND pushes.
  SuspendInline(static_cast<GeneratorObject*>(f->generator), ts);
  f = f->previous;
  LOAD_CALLER_STATE();
  PUSH(std::move(retval));
  DISPATCH();
}
}

}  // namespace

void InstallInterruptHandler() { std::signal(SIGINT, OnSigint); }

Value RunCode(Value code, DictObject* globals) {
  ThreadState* ts = ThreadState::Get();
  Frame* f = ts->PushFrame(std::move(code), globals, BuiltinsDict());
  f->locals = Value::FromObject(globals);
  f->is_entry = true;
  return EvalFrame(f);
}

}  // namespace minidynamo
