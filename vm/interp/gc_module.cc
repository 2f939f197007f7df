// The `gc` module: control of the cycle collector (vm/core/gc.h).
//
// collect, enable, disable, isenabled, get_count, get_threshold,
// set_threshold, is_tracked, get_referents, get_stats, as CPython's.

#include <cstdlib>
#include <string>

#include "vm/core/builtin_types.h"
#include "vm/core/errors.h"
#include "vm/core/gc.h"
#include "vm/core/object.h"
#include "vm/interp/frame.h"
#include "vm/interp/modules.h"
#include "vm/interp/ops.h"
#include "vm/interp/support.h"
#include "vm/objects/descriptor.h"
#include "vm/objects/dict.h"
#include "vm/objects/exception.h"
#include "vm/objects/list.h"
#include "vm/objects/native.h"
#include "vm/objects/str.h"
#include "vm/objects/tuple.h"

namespace minidynamo {
namespace {

Value Collect(Value* args, size_t nargs, TupleObject* kw) {
  Value gen;
  if (!ParseArgs("collect", args, nargs, kw, {"generation"}, 0, &gen))
    return Value();
  int64_t g = gc::kNumGenerations - 1;
  if (!gen.is_null() && !AsIndex(gen, &g)) return Value();
  if (g < 0 || g >= gc::kNumGenerations)
    return Raise(g_exc.ValueError, "invalid generation");
  return Value::Int(gc::Collect(static_cast<int>(g)));
}

Value Enable(Value*, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("enable", nargs, kw, 0, 0)) return Value();
  gc::g_state.enabled = true;
  return Value::None();
}

Value Disable(Value*, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("disable", nargs, kw, 0, 0)) return Value();
  gc::g_state.enabled = false;
  gc::g_state.pending = false;
  return Value::None();
}

Value IsEnabled(Value*, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("isenabled", nargs, kw, 0, 0)) return Value();
  return Value::Bool(gc::g_state.enabled);
}

Value GetCount(Value*, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("get_count", nargs, kw, 0, 0)) return Value();
  const auto& c = gc::g_state.count;
  return TupleObject::Of(
      {Value::Int(c[0]), Value::Int(c[1]), Value::Int(c[2])});
}

Value GetThreshold(Value*, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("get_threshold", nargs, kw, 0, 0)) return Value();
  const auto& t = gc::g_state.threshold;
  return TupleObject::Of(
      {Value::Int(t[0]), Value::Int(t[1]), Value::Int(t[2])});
}

Value SetThreshold(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("set_threshold", nargs, kw, 1, 3)) return Value();
  int64_t t[gc::kNumGenerations];
  for (size_t i = 0; i < nargs; ++i) {
    if (!AsIndex(args[i], &t[i])) return Value();
  }
  for (size_t i = 0; i < nargs; ++i) gc::g_state.threshold[i] = t[i];
  return Value::None();
}

Value IsTracked(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("is_tracked", nargs, kw, 1, 1)) return Value();
  return Value::Bool(args[0].is_object() && gc::IsTracked(args[0].as_object()));
}

class CollectReferents final : public GcVisitor {
 public:
  explicit CollectReferents(ListObject* out) : out_(out) {}
  using GcVisitor::Visit;
  void Visit(Object* o) override {
    out_->items().push_back(Value::FromObject(o));
  }

 private:
  ListObject* out_;
};

Value GetReferents(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckNoKwargs("get_referents", kw)) return Value();
  Value result = ListObject::New();
  CollectReferents visitor(As<ListObject>(result));
  for (size_t i = 0; i < nargs; ++i) {
    if (!args[i].is_object() || !gc::IsTracked(args[i].as_object())) continue;
    args[i].as_object()->Traverse(visitor);
  }
  return result;
}

Value GetStats(Value*, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("get_stats", nargs, kw, 0, 0)) return Value();
  Value result = ListObject::New();
  for (int g = 0; g < gc::kNumGenerations; ++g) {
    Value d = DictObject::New();
    As<DictObject>(d)->SetStr(StrObject::Intern("collections"),
                              Value::Int(gc::g_state.collections[g]));
    As<DictObject>(d)->SetStr(StrObject::Intern("collected"),
                              Value::Int(gc::g_state.collected[g]));
    As<DictObject>(d)->SetStr(StrObject::Intern("uncollectable"),
                              Value::Int(0));
    As<ListObject>(result)->items().push_back(std::move(d));
  }
  return result;
}

bool InitGc(ModuleObject* m) {
  DictObject* d = m->dict();
  AddFunction(d, "collect", Collect);
  AddFunction(d, "enable", Enable);
  AddFunction(d, "disable", Disable);
  AddFunction(d, "isenabled", IsEnabled);
  AddFunction(d, "get_count", GetCount);
  AddFunction(d, "get_threshold", GetThreshold);
  AddFunction(d, "set_threshold", SetThreshold);
  AddFunction(d, "is_tracked", IsTracked);
  AddFunction(d, "get_referents", GetReferents);
  AddFunction(d, "get_stats", GetStats);
  d->SetStr(StrObject::Intern("garbage"), ListObject::New());
  return true;
}

}  // namespace

namespace gc {

namespace {

// CPython's PyErr_WriteUnraisable for a finalizer that raised, naming the
// __del__ method or, for a native finalizer, the object. Out of line: the
// strings it builds stay out of CallFinalizer's frame.
[[gnu::cold, gnu::noinline]] void ReportFinalizerError(Object* o, bool native,
                                                       const Value& del) {
  Value exc = FetchError();
  std::string where = ReprString(native ? Value::FromObject(o) : del);
  ClearError();
  // Printed without its chain, as CPython's unraisable hook does.
  if (IsInstance(exc, g_exc.BaseException)) {
    auto* e = As<ExceptionObject>(exc);
    e->context = Value::None();
    e->cause = Value::None();
    // One raised by native code has no traceback: the running frame stands
    // in, as in CPython's PyErr_WriteUnraisable.
    Frame* running = ThreadState::Get()->current;
    if ((e->traceback.is_null() || e->traceback.is_none()) &&
        running != nullptr) {
      AddTraceback(exc, running);
    }
  }
  std::string text = FormatException(exc);
  ClearError();
  WriteToFile(SysStderr(), "Exception ignored in: " + where + "\n" + text);
  ClearError();
}

}  // namespace

void CallFinalizer(Object* o) {
  static StrObject* del_name = StrObject::Intern("__del__");
  o->set_gc_flags(o->gc_flags() | kFinalized);
  TypeObject::FinalizeFn native = o->type()->finalize_fn();
  Value del = native != nullptr ? Value() : o->type()->Lookup(del_name);
  if (native == nullptr && del.is_null()) return;
  // The finalizer may run while an exception propagates.
  Value saved = ErrorOccurred() ? FetchError() : Value();
  Value r =
      native != nullptr ? native(o) : CallOneArg(del, Value::FromObject(o));
  if (r.is_null()) ReportFinalizerError(o, native != nullptr, del);
  if (!saved.is_null()) RestoreError(std::move(saved));
}

}  // namespace gc

void RegisterGcModule() {
  // MINIDYNAMO_GC_THRESHOLD="t0[,t1[,t2]]" sets the thresholds at start-up
  // (a low t0 stresses the collector in tests).
  if (const char* env = std::getenv("MINIDYNAMO_GC_THRESHOLD")) {
    std::string s = env;
    size_t pos = 0;
    for (int g = 0; g < gc::kNumGenerations && pos <= s.size(); ++g) {
      size_t comma = s.find(',', pos);
      std::string item = s.substr(
          pos, comma == std::string::npos ? std::string::npos : comma - pos);
      if (!item.empty()) gc::g_state.threshold[g] = std::atoll(item.c_str());
      if (comma == std::string::npos) break;
      pos = comma + 1;
    }
  }
  RegisterNativeModule("gc", InitGc);
}

}  // namespace minidynamo
