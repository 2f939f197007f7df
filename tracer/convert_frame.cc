// The frame hook's answer for compiled code (Dynamo's convert_frame and
// eval_frame): per code object, a cache of (guards, out code) entries; a miss
// traces the frame, builds its out code, runs the bytecode hooks and caches
// the result; past the recompile limit, or when tracing breaks, the frame
// runs as it is. Also the native module `_minidynamo_dynamo` that
// torch._dynamo (embedded Python) drives.

#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "codegen/out_code.h"
#include "codegen/verifier.h"
#include "tracer/graph.h"
#include "tracer/guards.h"
#include "tracer/translator.h"
#include "vm/compile/code.h"
#include "vm/core/builtin_types.h"
#include "vm/core/errors.h"
#include "vm/core/type.h"
#include "vm/interp/frame.h"
#include "vm/interp/frame_hook.h"
#include "vm/interp/modules.h"
#include "vm/interp/ops.h"
#include "vm/objects/descriptor.h"
#include "vm/objects/dict.h"
#include "vm/objects/function.h"
#include "vm/objects/list.h"
#include "vm/objects/native.h"
#include "vm/objects/str.h"
#include "vm/objects/tuple.h"

namespace minidynamo {
namespace {

struct CacheEntry {
  std::shared_ptr<OutputPlan> plan;
  Value out_code;
};

class FrameCache;
// Every live cache, for reset(). Its entries can reach the code object that
// holds it (a guarded global function -> its globals -> the function -> its
// code), a cycle the collector cannot see through CodeObject::extra; reset()
// breaks them all, as torch._dynamo.reset() frees every cache entry.
absl::flat_hash_set<FrameCache*>& LiveCaches() {
  static auto* live = new absl::flat_hash_set<FrameCache*>();
  return *live;
}

// Lives in CodeObject::extra, so it dies with the code object.
class FrameCache : public Object {
 public:
  FrameCache(TypeObject* t, CodeObject* owner) : Object(t), owner(owner) {
    LiveCaches().insert(this);
  }
  ~FrameCache() override { LiveCaches().erase(this); }
  CodeObject* owner;  // the code whose extra holds this cache
  std::vector<CacheEntry> entries;
  bool skip = false;
  bool library = false;  // library code: never compiled (see SkippedCode)
  bool warned = false;
  uint64_t generation = 0;
};

TypeObject* g_cache_type = nullptr;
Value g_context;            // (backend-compile callable, fullgraph) or null
Value g_config;             // dict from torch._dynamo
uint64_t g_generation = 1;  // bumped by reset(): older caches are stale
int g_compiled_fn_counter = 0;

Value ConfigGet(const char* key) {
  if (g_config.is_null()) return Value();
  return As<DictObject>(g_config)->GetStr(StrObject::Intern(key));
}

int RecompileLimit() {
  Value v = ConfigGet("config");
  if (v.is_null()) return 8;
  Value lim = GetAttr(v, "recompile_limit");
  if (lim.is_null() || !lim.is_int()) {
    ClearError();
    return 8;
  }
  return static_cast<int>(lim.as_int());
}

bool SkippedCode(const CodeObject* code) {
  // Library code (the embedded standard library and torch itself) runs as
  // it is; frames it calls are still compiled.
  // torch.nn's modules are compiled like user code (a compiled module's
  // forward may be theirs), as Dynamo inlines torch.nn.
  if (absl::StartsWith(code->filename, "<frozen torch.nn.")) return false;
  // (`vm -c` code and exec'd strings, "<string>", are user code.)
  return absl::StartsWith(code->filename, "<frozen");
}

FrameCache* CacheFor(CodeObject* code) {
  auto* c = static_cast<FrameCache*>(code->extra);
  if (c == nullptr || c->generation != g_generation) {
    if (c != nullptr) c->DecRef();
    c = new FrameCache(g_cache_type, code);
    c->generation = g_generation;
    c->library = SkippedCode(code);
    code->extra = c;
  }
  return c;
}

// Raises torch._dynamo.exc.Unsupported for fullgraph=True.
bool RaiseUnsupported(const Unsupported& u) {
  Value cls = ConfigGet("Unsupported");
  std::string msg = u.reason;
  if (!u.filename.empty()) {
    absl::StrAppend(&msg, "\n\nfrom user code:\n   File \"", u.filename,
                    "\", line ", u.lineno);
  }
  if (cls.is_null()) {
    Raise(g_exc.RuntimeError, msg);
  } else {
    Value exc = CallOneArg(cls, StrObject::New(msg));
    if (!exc.is_null()) RaiseValue(exc);
  }
  return false;
}

// What the out code of `plan` replays, one line per mutated source.
Value SideEffects(const OutputPlan& plan, CodeObject* code) {
  std::vector<Value> effects;
  for (const DictReplay& r : plan.dict_replays) {
    effects.push_back(StrObject::New(absl::StrCat(
        "Mutating object of type dict (source name: ", r.dict->Name(), ")",
        r.clear ? ", rebuilt whole" : "")));
  }
  for (const ListReplay& r : plan.list_replays) {
    effects.push_back(StrObject::New(absl::StrCat(
        "Mutating object of type list (source name: ", r.list->Name(), ")")));
  }
  for (const AttrReplay& r : plan.attr_replays) {
    effects.push_back(
        StrObject::New(absl::StrCat("Mutating attribute ", r.name,
                                    " (source name: ", r.object->Name(), ")")));
  }
  for (const GlobalReplay& r : plan.global_replays) {
    effects.push_back(StrObject::New(
        absl::StrCat("Mutating global (source name: G['", r.name, "'])")));
  }
  for (const CellReplay& r : plan.cell_replays) {
    effects.push_back(StrObject::New(absl::StrCat(
        "Mutating cell (source name: L['",
        As<StrObject>(code->LocalsplusName(code->nlocals() + r.deref_index))
            ->str(),
        "'])")));
  }
  return ListObject::FromValues(effects.data(), effects.size());
}

bool Compile(FunctionObject* func, Frame* f, FrameCache* cache,
             Value* replacement) {
  CodeObject* code = f->code;
  bool fullgraph = false;
  Value compile_graph;
  if (IsInstance(g_context, g_types.tuple)) {
    auto* t = As<TupleObject>(g_context);
    compile_graph = t->get(0);
    fullgraph = t->get(1).is_bool() && t->get(1).as_bool();
  }
  auto plan = std::make_shared<OutputPlan>();
  Unsupported unsupported;
  if (!TraceFrame(func, f, plan.get(), &unsupported)) {
    ClearError();
    Value log = ConfigGet("log_break");
    if (!log.is_null()) {
      Value a[3] = {StrObject::New(unsupported.reason),
                    StrObject::New(unsupported.filename),
                    Value::Int(unsupported.lineno)};
      if (Call(log, a, 3).is_null()) return false;
    }
    if (fullgraph) return RaiseUnsupported(unsupported);
    cache->skip = true;
    return true;
  }
  if (plan->brk.active) {
    if (fullgraph) {
      unsupported.reason = plan->brk.reason;
      return RaiseUnsupported(unsupported);
    }
    Value log = ConfigGet("log_break");
    if (!log.is_null()) {
      Value a[3] = {StrObject::New(plan->brk.reason),
                    StrObject::New(unsupported.filename),
                    Value::Int(unsupported.lineno)};
      if (Call(log, a, 3).is_null()) return false;
    }
    std::vector<int> live;
    for (const auto& kv : plan->brk.locals) live.push_back(kv.first);
    // After a call the stack holds its result too; after a jump, only what
    // was below the condition.
    std::vector<bool> nulls = plan->brk.stack_nulls;
    if (plan->brk.jump == Opcode::NOP) nulls.push_back(false);
    absl::StatusOr<Value> resume =
        BuildResumeCode(code, plan->resume_pc, nulls, live);
    if (!resume.ok()) {
      Raise(g_exc.SystemError, "codegen failed: " + resume.status().ToString());
      return false;
    }
    plan->brk.resume_code = *resume;
    if (plan->brk.jump != Opcode::NOP) {
      absl::StatusOr<Value> other = BuildResumeCode(
          code, plan->brk.jump_target, plan->brk.stack_nulls, live);
      if (!other.ok()) {
        Raise(g_exc.SystemError,
              "codegen failed: " + other.status().ToString());
        return false;
      }
      plan->brk.jump_resume_code = *other;
    }
  }
  // The graph callable, stored in the frame's globals as Dynamo does.
  std::string fn_name;
  const Graph& g = *plan->graph;
  if (g.num_calls() > 0 || !g.outputs().empty()) {
    fn_name = absl::StrCat("__compiled_fn_", ++g_compiled_fn_counter);
    Value compiled = NewCompiledGraph(plan->graph);
    if (!compile_graph.is_null() && !compile_graph.is_none()) {
      std::vector<Value> examples;
      for (const GraphNode& n : g.nodes()) {
        if (n.op == GraphNode::kPlaceholder) examples.push_back(n.example);
      }
      Value ex = ListObject::FromValues(examples.data(), examples.size());
      Value a[2] = {compiled, ex};
      compiled = Call(compile_graph, a, 2);
      if (compiled.is_null()) return false;
    }
    func->globals()->SetStr(StrObject::Intern(fn_name), compiled);
  }
  absl::StatusOr<Value> out = BuildOutCode(code, *plan, fn_name);
  if (!out.ok()) {
    Raise(g_exc.SystemError, "codegen failed: " + out.status().ToString());
    return false;
  }
  Value out_code = *out;
  // Everything that will run passes the verifier first.
  for (const Value& c :
       {out_code, plan->brk.resume_code, plan->brk.jump_resume_code}) {
    if (c.is_null()) continue;
    absl::Status ok = VerifyCode(*As<CodeObject>(c));
    if (!ok.ok()) {
      Raise(g_exc.SystemError, "codegen produced bad code: " + ok.ToString());
      return false;
    }
  }
  Value hooks = ConfigGet("bytecode_hooks");
  if (!hooks.is_null()) {
    std::vector<Value> list = As<ListObject>(hooks)->items();
    for (const Value& h : list) {
      Value a[2] = {Value::FromObject(code), out_code};
      Value r = Call(h, a, 2);
      if (r.is_null()) return false;
      if (IsInstance(r, g_types.code)) {
        absl::Status ok = VerifyCode(*As<CodeObject>(r));
        if (!ok.ok()) {
          Raise(g_exc.SystemError,
                "a bytecode hook returned bad code: " + ok.ToString());
          return false;
        }
        out_code = r;
      } else if (!r.is_none()) {
        RaiseF(g_exc.TypeError,
               "bytecode hook %s returned %s; expected a code object or None",
               ReprString(h), TypeName(r));
        return false;
      }
    }
  }
  cache->entries.push_back(CacheEntry{plan, out_code});
  *replacement = out_code;
  Value log = ConfigGet("log_compile");
  if (!log.is_null()) {
    Value info = DictObject::New();
    auto* d = As<DictObject>(info);
    d->SetStr(Intern("code"), Value::FromObject(code));
    d->SetStr(Intern("out_code"), out_code);
    d->SetStr(Intern("compiled_fn"), StrObject::New(fn_name));
    d->SetStr(Intern("graph_code"), fn_name.empty()
                                        ? Value::None()
                                        : StrObject::New(plan->graph->Code()));
    std::vector<Value> guards;
    for (const Guard& g : plan->guards.guards()) {
      guards.push_back(StrObject::New(g.Describe()));
    }
    Value effects_list = SideEffects(*plan, code);
    d->SetStr(Intern("guards"),
              ListObject::FromValues(guards.data(), guards.size()));
    d->SetStr(Intern("side_effects"), effects_list);
    d->SetStr(Intern("break_reason"), plan->brk.active
                                          ? StrObject::New(plan->brk.reason)
                                          : Value::None());
    if (CallOneArg(log, info).is_null()) return false;
  }
  return true;
}

// Compilations that ended in an exception (an Unsupported with
// fullgraph=True, a hook or backend that raised): the differential checker
// tells compile errors from runtime ones by this count.
int64_t g_compile_errors = 0;

bool DynamoFrameHook(FunctionObject* func, Frame* f, Value* replacement) {
  CodeObject* code = f->code;
  FrameCache* cache = CacheFor(code);
  if (cache->skip || cache->library) return true;
  // Guards read attributes, which may run Python code (a module's
  // __getattr__): never compiled.
  SetFrameHook(nullptr);
  for (const CacheEntry& e : cache->entries) {
    if (e.plan->guards.Check(f)) {
      SetFrameHook(DynamoFrameHook);
      *replacement = e.out_code;
      return true;
    }
  }
  SetFrameHook(DynamoFrameHook);
  if (static_cast<int>(cache->entries.size()) >= RecompileLimit()) {
    if (!cache->warned) {
      cache->warned = true;
      Value warn = ConfigGet("warn_recompile_limit");
      if (!warn.is_null()) {
        Value a[2] = {StrObject::New(code->name), Value::Int(RecompileLimit())};
        if (Call(warn, a, 2).is_null()) return false;
      }
    }
    return true;
  }
  if (!cache->entries.empty()) {
    Value log = ConfigGet("log_recompile");
    if (!log.is_null()) {
      std::string reason = cache->entries.back().plan->guards.FirstFailure(f);
      Value a[4] = {StrObject::New(code->name), StrObject::New(code->filename),
                    Value::Int(code->firstlineno), StrObject::New(reason)};
      if (Call(log, a, 4).is_null()) return false;
    }
  }
  // Frames run by the compiler itself (hooks, backends) are not compiled.
  SetFrameHook(nullptr);
  bool ok = Compile(func, f, cache, replacement);
  if (!ok) ++g_compile_errors;
  SetFrameHook(DynamoFrameHook);
  return ok;
}

// ---- torch.compile's wrapper: activates the hook around each call

TypeObject* g_optimized_type = nullptr;

class OptimizedFunctionObject : public Object {
 public:
  OptimizedFunctionObject(TypeObject* t, Value fn, Value context)
      : Object(t), fn(std::move(fn)), context(std::move(context)) {}
  Value fn;
  Value context;
};

Value OptimizedCall(Value* args, size_t nargs, TupleObject* kw) {
  auto* self = As<OptimizedFunctionObject>(args[0]);
  Value prev = g_context;
  g_context = self->context;
  SetFrameHook(DynamoFrameHook);
  Value r = Call(self->fn, args + 1, nargs - 1, kw);
  g_context = prev;
  SetFrameHook(prev.is_null() ? nullptr : DynamoFrameHook);
  return r;
}

// A compiled function stored on a class binds like a function.
Value OptimizedGet(Value* args, size_t nargs, TupleObject* kw) {
  if (nargs < 2 || args[1].is_none()) return args[0];
  return BoundMethod::New(args[0], args[1]);
}

Value OptimizedRepr(Value* args, size_t, TupleObject*) {
  auto* self = As<OptimizedFunctionObject>(args[0]);
  Value name = GetAttrOptional(self->fn, Intern("__qualname__"));
  if (name.is_null()) ClearError();
  return StrObject::New(
      absl::StrCat("<compiled function ",
                   name.is_null() ? std::string("?") : ReprString(name), ">"));
}

Value MakeOptimized(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("optimized", nargs, kw, 2, 2)) return Value();
  return Value::Steal(
      new OptimizedFunctionObject(g_optimized_type, args[0], args[1]));
}

// ---- the native module

Value SetContext(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("set_context", nargs, kw, 1, 1)) return Value();
  Value prev = g_context.is_null() ? Value::None() : g_context;
  g_context = args[0].is_none() ? Value() : args[0];
  SetFrameHook(g_context.is_null() ? nullptr : DynamoFrameHook);
  return prev;
}

Value CompileErrorCount(Value*, size_t, TupleObject*) {
  return Value::Int(g_compile_errors);
}

Value SetConfig(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("set_config", nargs, kw, 1, 1)) return Value();
  if (!IsInstance(args[0], g_types.dict)) {
    return Raise(g_exc.TypeError, "config must be a dict");
  }
  g_config = args[0];
  SetTracerConfig(args[0]);
  return Value::None();
}

Value Reset(Value* args, size_t nargs, TupleObject* kw) {
  ++g_generation;
  // Detach every cache from its code first, then release them: freeing one
  // may free other code objects (whose caches are then already detached).
  std::vector<Value> released;
  for (FrameCache* c : LiveCaches()) {
    if (c->owner->extra != c) continue;
    c->owner->extra = nullptr;
    released.push_back(Value::Steal(c));
  }
  released.clear();
  return Value::None();
}

// The compiled variants cached for a code object (for the tour, explain and
// tests): a list of (guard descriptions, out_code, graph code, side effects).
Value CacheEntries(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("cache_entries", nargs, kw, 1, 1)) return Value();
  Value code = args[0];
  if (IsInstance(code, g_types.function)) {
    code = As<FunctionObject>(code)->code_value();
  }
  if (!IsInstance(code, g_types.code)) {
    return Raise(g_exc.TypeError, "expected a function or code object");
  }
  Value list = ListObject::New();
  auto* c = static_cast<FrameCache*>(As<CodeObject>(code)->extra);
  if (c == nullptr || c->generation != g_generation) return list;
  for (const CacheEntry& e : c->entries) {
    std::vector<Value> guards;
    for (const Guard& g : e.plan->guards.guards()) {
      guards.push_back(StrObject::New(g.Describe()));
    }
    As<ListObject>(list)->items().push_back(
        TupleObject::Of({ListObject::FromValues(guards.data(), guards.size()),
                         e.out_code, StrObject::New(e.plan->graph->Code()),
                         SideEffects(*e.plan, As<CodeObject>(code))}));
  }
  return list;
}

bool InitDynamoModule(ModuleObject* m) {
  if (g_cache_type == nullptr) {
    g_cache_type = new TypeObject(g_types.type, "FrameCache", Layout::kOther);
    g_cache_type->SetBases({g_types.object});
    g_cache_type->set_base_type(false);
    InitGraphTypes();
  }
  if (g_optimized_type == nullptr) {
    auto* t = new TypeObject(g_types.type, "OptimizedFunction", Layout::kOther);
    t->SetBases({g_types.object});
    t->set_base_type(false);
    t->set_heap_type(true);  // functools.wraps sets attributes on it
    t->set_module_name("torch._dynamo");
    AddMethod(t, "__call__", OptimizedCall);
    AddMethod(t, "__get__", OptimizedGet);
    AddMethod(t, "__repr__", OptimizedRepr);
    g_optimized_type = t;
  }
  DictObject* d = m->dict();
  AddFunction(d, "optimized", MakeOptimized);
  AddFunction(d, "set_context", SetContext);
  AddFunction(d, "compile_error_count", CompileErrorCount);
  AddFunction(d, "set_config", SetConfig);
  AddFunction(d, "reset", Reset);
  AddFunction(d, "cache_entries", CacheEntries);
  return true;
}

const bool kRegistered =
    (RegisterNativeModule("_minidynamo_dynamo", InitDynamoModule), true);

}  // namespace
}  // namespace minidynamo
