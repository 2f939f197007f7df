// Binding call arguments to a Python function's parameters (CPython's rules and
// error messages), and entering the interpreter from C++.

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "vm/core/builtin_types.h"
#include "vm/core/errors.h"
#include "vm/interp/eval.h"
#include "vm/interp/frame.h"
#include "vm/interp/frame_hook.h"
#include "vm/interp/generator.h"
#include "vm/interp/ops.h"
#include "vm/objects/dict.h"
#include "vm/objects/function.h"
#include "vm/objects/str.h"
#include "vm/objects/tuple.h"

namespace minidynamo {
namespace {

std::string QuotedList(const std::vector<std::string>& names) {
  // 'a', 'b' and 'c'
  std::vector<std::string> q;
  for (const auto& n : names) q.push_back("'" + n + "'");
  if (q.size() == 1) return q[0];
  std::string head = absl::StrJoin(q.begin(), q.end() - 1, ", ");
  return absl::StrCat(head, q.size() > 2 ? ", and " : " and ", q.back());
}

const std::string& FuncQualname(FunctionObject* f) {
  return As<StrObject>(f->qualname)->str();
}

void RaiseMissing(FunctionObject* func, const std::vector<std::string>& missing,
                  const char* kind) {
  RaiseF(g_exc.TypeError, "%s() missing %d required %s argument%s: %s",
         FuncQualname(func), missing.size(), kind,
         missing.size() == 1 ? "" : "s", QuotedList(missing));
}

bool RaiseTooMany(FunctionObject* func, size_t given, size_t kw_given) {
  CodeObject* code = func->code();
  size_t argcount = code->argcount;
  size_t ndefaults =
      func->defaults.is_none() ? 0 : As<TupleObject>(func->defaults)->size();
  std::string takes;
  if (ndefaults > 0) {
    takes = absl::StrCat("from ", argcount - ndefaults, " to ", argcount,
                         " positional arguments");
  } else {
    takes = absl::StrCat(argcount, " positional argument",
                         argcount == 1 ? "" : "s");
  }
  std::string given_text = absl::StrCat(given);
  if (kw_given > 0) {
    given_text = absl::StrCat(
        given, " positional argument", given == 1 ? "" : "s", " (and ",
        kw_given, " keyword-only argument", kw_given == 1 ? "" : "s", ")");
  }
  RaiseF(g_exc.TypeError, "%s() takes %s but %s %s given", FuncQualname(func),
         takes, given_text, (given == 1 && kw_given == 0) ? "was" : "were");
  return false;
}

// Binds args into the frame's locals. Returns false with a TypeError raised.
bool BindArguments(FunctionObject* func, Frame* f, Value* args, size_t nargs,
                   TupleObject* kwnames) {
  CodeObject* code = func->code();
  Value* locals = f->localsplus();
  const size_t argcount = code->argcount;
  const size_t kwonly = code->kwonlyargcount;
  const size_t nkw = kwnames ? kwnames->size() : 0;
  const size_t npos = nargs - nkw;
  const bool has_varargs = code->flags & kCoVarargs;
  const bool has_varkw = code->flags & kCoVarkeywords;
  const size_t total = argcount + kwonly;

  // The common call: exactly the positional parameters, nothing else.
  if (npos == argcount && nkw == 0 && kwonly == 0 && !has_varargs &&
      !has_varkw) {
    for (size_t i = 0; i < npos; ++i) locals[i] = args[i];
    return true;
  }

  // Positional parameters.
  size_t n = npos < argcount ? npos : argcount;
  for (size_t i = 0; i < n; ++i) locals[i] = args[i];
  if (has_varargs) {
    locals[total] = TupleObject::FromValues(args + n, npos - n);
  } else if (npos > argcount) {
    size_t kwonly_given = 0;
    for (size_t k = 0; k < nkw; ++k) {
      for (size_t j = argcount; j < total; ++j) {
        if (As<StrObject>(kwnames->get(k))
                ->Equals(As<StrObject>(code->varnames[j]))) {
          ++kwonly_given;
        }
      }
    }
    return RaiseTooMany(func, npos, kwonly_given);
  }

  // Keyword arguments.
  Value kwdict;
  if (has_varkw) {
    kwdict = DictObject::New();
    locals[total + (has_varargs ? 1 : 0)] = kwdict;
  }
  std::vector<std::string> posonly_as_kw;
  for (size_t k = 0; k < nkw; ++k) {
    const Value& name = kwnames->get(k);
    auto* sname = As<StrObject>(name);
    size_t j = static_cast<size_t>(code->posonlyargcount);
    for (; j < total; ++j) {
      auto* pname = As<StrObject>(code->varnames[j]);
      if (pname == sname || pname->Equals(sname)) break;
    }
    if (j < total) {
      if (!locals[j].is_null()) {
        RaiseF(g_exc.TypeError, "%s() got multiple values for argument '%s'",
               FuncQualname(func), sname->str());
        return false;
      }
      locals[j] = args[npos + k];
      continue;
    }
    if (has_varkw) {
      if (!As<DictObject>(kwdict)->Set(name, args[npos + k])) return false;
      continue;
    }
    for (size_t p = 0; p < static_cast<size_t>(code->posonlyargcount); ++p) {
      if (As<StrObject>(code->varnames[p])->Equals(sname)) {
        posonly_as_kw.push_back(sname->str());
      }
    }
    if (!posonly_as_kw.empty()) continue;
    RaiseF(g_exc.TypeError, "%s() got an unexpected keyword argument '%s'",
           FuncQualname(func), sname->str());
    return false;
  }
  if (!posonly_as_kw.empty()) {
    RaiseF(g_exc.TypeError,
           "%s() got some positional-only arguments passed as keyword "
           "arguments: '%s'",
           FuncQualname(func), absl::StrJoin(posonly_as_kw, ", "));
    return false;
  }

  // Defaults for missing positional parameters.
  if (npos < argcount) {
    size_t ndefaults =
        func->defaults.is_none() ? 0 : As<TupleObject>(func->defaults)->size();
    size_t first_default = argcount - ndefaults;
    std::vector<std::string> missing;
    for (size_t i = npos; i < argcount; ++i) {
      if (!locals[i].is_null()) continue;
      if (i >= first_default) {
        locals[i] = As<TupleObject>(func->defaults)->get(i - first_default);
      } else {
        missing.push_back(As<StrObject>(code->varnames[i])->str());
      }
    }
    if (!missing.empty()) {
      RaiseMissing(func, missing, "positional");
      return false;
    }
  }
  // Keyword-only defaults.
  if (kwonly > 0) {
    std::vector<std::string> missing;
    for (size_t i = argcount; i < total; ++i) {
      if (!locals[i].is_null()) continue;
      Value d;
      if (!func->kwdefaults.is_none()) {
        d = As<DictObject>(func->kwdefaults)->Get(code->varnames[i]);
      }
      if (d.is_null()) {
        missing.push_back(As<StrObject>(code->varnames[i])->str());
      } else {
        locals[i] = std::move(d);
      }
    }
    if (!missing.empty()) {
      RaiseMissing(func, missing, "keyword-only");
      return false;
    }
  }
  return true;
}

// Cells for this code's captured variables and the closure's cells.
void SetUpCells(FunctionObject* func, Frame* f) {
  CodeObject* code = func->code();
  Value* slots = f->localsplus();
  size_t base = code->nlocals();
  for (size_t i = 0; i < code->ncells(); ++i) {
    Value init;
    int32_t arg = code->cell2arg[i];
    if (arg >= 0) init = std::move(slots[arg]);
    slots[base + i] = CellObject::New(std::move(init));
  }
  if (code->nfree() > 0) {
    auto* closure = As<TupleObject>(func->closure);
    for (size_t i = 0; i < code->nfree(); ++i) {
      slots[base + code->ncells() + i] = closure->get(i);
    }
  }
}

}  // namespace

FrameHook g_frame_hook = nullptr;

namespace {
TensorMetaFn g_tensor_meta_fn = nullptr;
}  // namespace

void SetFrameHook(FrameHook hook) { g_frame_hook = hook; }
FrameHook GetFrameHook() { return g_frame_hook; }
void SetTensorMetaFn(TensorMetaFn fn) { g_tensor_meta_fn = fn; }
bool GetTensorMeta(const Value& v, TensorMeta* out) {
  return g_tensor_meta_fn != nullptr && g_tensor_meta_fn(v, out);
}

namespace {
bool (*g_get_grad)() = nullptr;
void (*g_set_grad)(bool) = nullptr;
}  // namespace

void SetGradModeFns(bool (*get)(), void (*set)(bool)) {
  g_get_grad = get;
  g_set_grad = set;
}
bool GradModeEnabled() { return g_get_grad == nullptr || g_get_grad(); }
void SetGradMode(bool enabled) {
  if (g_set_grad != nullptr) g_set_grad(enabled);
}

Frame* ApplyFrameHook(FunctionObject* func, Frame* f, bool* replaced) {
  *replaced = false;
  Value out;
  ThreadState* ts = ThreadState::Get();
  if (!g_frame_hook(func, f, &out)) {
    ts->PopFrame(f);
    return nullptr;
  }
  if (out.is_null()) return f;
  // Move the bindings into a frame for the replacement: varnames keep their
  // slots; cells and free variables move past the replacement's extra locals.
  CodeObject* code = f->code;
  auto* out_code = As<CodeObject>(out);
  std::vector<Value> slots(code->nlocalsplus());
  Value* src = f->localsplus();
  for (size_t i = 0; i < slots.size(); ++i) slots[i] = std::move(src[i]);
  Value fn_value = std::move(f->func);
  DictObject* globals = f->globals;
  DictObject* builtins = f->builtins;
  ts->PopFrame(f);
  Frame* g = ts->PushFrame(out, globals, builtins);
  g->func = std::move(fn_value);
  Value* dst = g->localsplus();
  size_t nlocals = code->nlocals();
  for (size_t i = 0; i < nlocals; ++i) dst[i] = std::move(slots[i]);
  size_t rest = code->ncells() + code->nfree();
  for (size_t i = 0; i < rest; ++i) {
    dst[out_code->nlocals() + i] = std::move(slots[nlocals + i]);
  }
  *replaced = true;
  return g;
}

namespace {

// PrepareCall's general case: any binding, generators, the frame hook. Kept
// out of line so that the exact case below does not pay for its frame.
[[gnu::noinline]] Frame* PrepareCallGeneral(FunctionObject* func, Value* args,
                                            size_t nargs, TupleObject* kwnames,
                                            Value* result) {
  CodeObject* code = func->code();
  DictObject* builtins = BuiltinsDict();
  const bool is_gen =
      code->flags & (kCoGenerator | kCoCoroutine | kCoAsyncGenerator);
  Frame* f;
  if (is_gen) {
    f = ThreadState::NewHeapFrame(func->code_value(), func->globals(),
                                  builtins);
  } else {
    f = ThreadState::Get()->PushFrame(func->code_value(), func->globals(),
                                      builtins);
  }
  f->func = Value::FromObject(func);
  if (!BindArguments(func, f, args, nargs, kwnames)) {
    if (is_gen) {
      ThreadState::FreeHeapFrame(f);
    } else {
      ThreadState::Get()->PopFrame(f);
    }
    return nullptr;
  }
  SetUpCells(func, f);
  if (is_gen) {
    *result = NewGenerator(f, func);
    return nullptr;
  }
  if (g_frame_hook != nullptr) {
    bool replaced;
    f = ApplyFrameHook(func, f, &replaced);
  }
  return f;
}

}  // namespace

Frame* PrepareCall(FunctionObject* func, Value* args, size_t nargs,
                   TupleObject* kwnames, Value* result) {
  if (kwnames == nullptr && g_frame_hook == nullptr &&
      func->code()->BindsExactly(nargs)) {
    return PushExactFrame(func, args, nargs, /*steal_args=*/false);
  }
  return PrepareCallGeneral(func, args, nargs, kwnames, result);
}

Frame* PushExactFrame(FunctionObject* func, Value* args, size_t nargs,
                      bool steal_args) {
  // Copied arguments are assigned over the null slots afterwards.
  Frame* f = ThreadState::Get()->PushArgsFrame(
      func->code_value(), func->code(), Value::FromObject(func),
      func->globals(), BuiltinsDict(), args, steal_args ? nargs : 0);
  if (!steal_args) {
    Value* locals = f->localsplus();
    for (size_t i = 0; i < nargs; ++i) locals[i] = args[i];
  }
  if (func->code()->nfree() > 0) SetUpCells(func, f);  // no cells: exact
  return f;
}

Value CallFunction(FunctionObject* func, Value* args, size_t nargs,
                   TupleObject* kwnames) {
  Value result;
  Frame* f = PrepareCall(func, args, nargs, kwnames, &result);
  if (f == nullptr) return result;  // A generator, or null with an exception.
  f->is_entry = true;
  return EvalFrame(f);
}

}  // namespace minidynamo
