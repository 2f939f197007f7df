#include "vm/interp/support.h"

#include "absl/strings/str_cat.h"
#include "vm/compile/code.h"
#include "vm/core/builtin_types.h"
#include "vm/core/errors.h"
#include "vm/format/str_repr.h"
#include "vm/interp/generator.h"
#include "vm/interp/ops.h"
#include "vm/interp/suggestions.h"
#include "vm/objects/container_api.h"
#include "vm/objects/dict.h"
#include "vm/objects/exception.h"
#include "vm/objects/function.h"
#include "vm/objects/list.h"
#include "vm/objects/set.h"
#include "vm/objects/str.h"
#include "vm/objects/tuple.h"

namespace minidynamo {

Value MakeFunction(Value code, DictObject* globals, Value defaults,
                   Value kwdefaults, Value annotations, Value closure) {
  auto* f = new FunctionObject(g_types.function, std::move(code),
                               Value::FromObject(globals));
  Value result = Value::Steal(f);
  if (!defaults.is_null()) f->defaults = std::move(defaults);
  if (!kwdefaults.is_null()) f->kwdefaults = std::move(kwdefaults);
  if (!annotations.is_null()) {
    // The compiler passes (name, value, name, value, ...).
    if (IsInstance(annotations, g_types.tuple)) {
      auto* t = As<TupleObject>(annotations);
      Value d = DictObject::New();
      for (size_t i = 0; i + 1 < t->size(); i += 2) {
        if (!As<DictObject>(d)->Set(t->get(i), t->get(i + 1))) return Value();
      }
      annotations = std::move(d);
    }
    f->annotations = std::move(annotations);
  }
  if (!closure.is_null()) f->closure = std::move(closure);
  static StrObject* name_key = Intern("__name__");  // interned once
  // Where __name__ sits in a module's dict (first, as a rule): checked by
  // one compare before the lookup.
  static uint32_t name_hint = 0;
  Value modname = globals->GetStrHinted(name_key, &name_hint);
  if (!modname.is_null()) f->module = modname;
  CodeObject* c = f->code();
  if (!c->consts.empty() && IsInstance(c->consts[0], g_types.str) &&
      (c->flags & kCoOptimized) && c->name != "<lambda>") {
    // The compiler puts a docstring first in co_consts (None when there is
    // none).
    f->doc = c->consts[0];
  }
  return result;
}

namespace {

// Collects an iterable's items (fast for lists and tuples).
bool Items(const Value& seq, std::vector<Value>* out) {
  if (IsInstance(seq, g_types.list) &&
      seq.as_object()->type() == g_types.list) {
    *out = As<ListObject>(seq)->items();
    return true;
  }
  if (seq.is_object() && seq.as_object()->type() == g_types.tuple) {
    auto* t = As<TupleObject>(seq);
    out->assign(t->data(), t->data() + t->size());
    return true;
  }
  Value it = GetIter(seq);
  if (it.is_null()) return false;
  while (true) {
    Value x = IterNext(it);
    if (x.is_null()) return !ErrorOccurred();
    out->push_back(std::move(x));
  }
}

}  // namespace

bool UnpackSequence(const Value& seq, size_t n, Value* out) {
  Value it = GetIter(seq);
  if (it.is_null()) {
    if (ErrorMatches(g_exc.TypeError)) {
      ClearError();
      RaiseF(g_exc.TypeError, "cannot unpack non-iterable %s object",
             TypeName(seq));
    }
    return false;
  }
  std::vector<Value> items;
  items.reserve(n + 1);
  while (items.size() <= n) {
    Value x = IterNext(it);
    if (x.is_null()) {
      if (ErrorOccurred()) return false;
      break;
    }
    items.push_back(std::move(x));
  }
  if (items.size() < n) {
    RaiseF(g_exc.ValueError,
           "not enough values to unpack (expected %d, got %d)", n,
           items.size());
    return false;
  }
  if (items.size() > n) {
    RaiseF(g_exc.ValueError, "too many values to unpack (expected %d)", n);
    return false;
  }
  // `out` is the stack from sp up: slots to construct, not assign.
  for (size_t i = 0; i < n; ++i)
    new (&out[i]) Value(std::move(items[n - 1 - i]));
  return true;
}

bool UnpackEx(const Value& seq, size_t before, size_t after, Value* out) {
  std::vector<Value> items;
  Value it = GetIter(seq);
  if (it.is_null()) {
    if (ErrorMatches(g_exc.TypeError)) {
      ClearError();
      RaiseF(g_exc.TypeError, "cannot unpack non-iterable %s object",
             TypeName(seq));
    }
    return false;
  }
  while (true) {
    Value x = IterNext(it);
    if (x.is_null()) {
      if (ErrorOccurred()) return false;
      break;
    }
    items.push_back(std::move(x));
  }
  if (items.size() < before + after) {
    RaiseF(g_exc.ValueError,
           "not enough values to unpack (expected at least %d, got %d)",
           before + after, items.size());
    return false;
  }
  // Stack order: the last target's value is pushed first.
  size_t total = before + after + 1;
  size_t k = 0;
  for (size_t i = 0; i < after; ++i) {
    new (&out[k++]) Value(std::move(items[items.size() - 1 - i]));
  }
  Value middle = ListObject::FromValues(items.data() + before,
                                        items.size() - before - after);
  new (&out[k++]) Value(std::move(middle));
  for (size_t i = 0; i < before; ++i)
    new (&out[k++]) Value(std::move(items[before - 1 - i]));
  (void)total;
  return true;
}

Value Format(const Value& v, const Value& spec) {
  static StrObject* format = Intern("__format__");
  // An empty spec formats an exact str as itself and an int, bool or float
  // as its str() (their __format__ with '' is str(): PyObject_Format's fast
  // path), with no __format__ call.
  if (spec.is_null() ||
      (IsInstance(spec, g_types.str) && As<StrObject>(spec)->length() == 0)) {
    if (v.is_object() ? v.as_object()->type() == g_types.str
                      : v.is_int() || v.is_bool() || v.is_float()) {
      return Str(v);
    }
  }
  Value s = spec.is_null() ? StrObject::New("") : spec;
  Value r = CallSpecial(v, format, &s, 1);
  if (r.is_null()) return r;
  if (!IsInstance(r, g_types.str)) {
    return RaiseF(g_exc.TypeError, "__format__ must return a str, not %s",
                  TypeName(r));
  }
  return r;
}

Value FormatValue(const Value& v, int conversion, const Value& spec) {
  Value x;
  switch (conversion) {
    case 1:
      x = Str(v);
      break;
    case 2:
      x = Repr(v);
      break;
    case 3:
      x = Ascii(v);
      break;
    default:
      x = v;
  }
  if (x.is_null()) return x;
  return Format(x, spec);
}

Value CallWithTupleAndDict(const Value& func, const Value& args,
                           const Value& kwargs) {
  std::vector<Value> all;
  if (IsInstance(args, g_types.tuple)) {
    auto* t = As<TupleObject>(args);
    all.assign(t->data(), t->data() + t->size());
  } else if (!Items(args, &all)) {
    return Value();
  }
  Value kwnames;
  if (!kwargs.is_null()) {
    auto* d = As<DictObject>(kwargs);
    std::vector<Value> names;
    size_t pos = 0;
    const DictObject::Entry* e;
    while (d->Next(&pos, &e)) {
      if (!IsInstance(e->key, g_types.str)) {
        return Raise(g_exc.TypeError, "keywords must be strings");
      }
      names.push_back(
          Value::FromObject(StrObject::Intern(As<StrObject>(e->key)->str())));
      all.push_back(e->value);
    }
    if (!names.empty())
      kwnames = TupleObject::FromValues(names.data(), names.size());
  }
  return Call(func, all.data(), all.size(),
              kwnames.is_null() ? nullptr : As<TupleObject>(kwnames));
}

void AddTraceback(const Value& exc, Frame* frame) {
  if (!IsInstance(exc, g_exc.BaseException)) return;
  auto* e = As<ExceptionObject>(exc);
  auto* entry = new TracebackObject(
      g_types.traceback, frame->code_ref, frame->CurrentLine(),
      static_cast<int>(frame->lasti()), e->traceback);
  entry->globals = Value::FromObject(frame->globals);
  e->traceback = Value::Steal(entry);
}

bool DoRaise(const Value& exc_in, const Value& cause_in) {
  Value exc = exc_in;
  if (IsInstance(exc, g_types.type)) {
    if (!As<TypeObject>(exc)->IsSubtypeOf(g_exc.BaseException)) {
      Raise(g_exc.TypeError, "exceptions must derive from BaseException");
      return false;
    }
    exc = CallNoArgs(exc);
    if (exc.is_null()) return false;
    if (!IsInstance(exc, g_exc.BaseException)) {
      RaiseF(g_exc.TypeError,
             "calling %s should have returned an instance of BaseException, "
             "not %s",
             ReprString(exc_in), TypeName(exc));
      return false;
    }
  } else if (!IsInstance(exc, g_exc.BaseException)) {
    Raise(g_exc.TypeError, "exceptions must derive from BaseException");
    return false;
  }
  if (!cause_in.is_null()) {
    Value cause = cause_in;
    if (IsInstance(cause, g_types.type) &&
        As<TypeObject>(cause)->IsSubtypeOf(g_exc.BaseException)) {
      cause = CallNoArgs(cause);
      if (cause.is_null()) return false;
    } else if (!cause.is_none() && !IsInstance(cause, g_exc.BaseException)) {
      Raise(g_exc.TypeError, "exception causes must derive from BaseException");
      return false;
    }
    As<ExceptionObject>(exc)->cause = cause;
    As<ExceptionObject>(exc)->suppress_context = true;
  }
  RestoreError(std::move(exc));
  return false;
}

int ExceptionMatches(const Value& exc, const Value& type) {
  auto check = [](const Value& t) -> int {
    if (!IsInstance(t, g_types.type) ||
        !As<TypeObject>(t)->IsSubtypeOf(g_exc.BaseException)) {
      Raise(g_exc.TypeError,
            "catching classes that do not inherit from BaseException is not "
            "allowed");
      return -1;
    }
    return 0;
  };
  if (IsInstance(type, g_types.tuple)) {
    auto* t = As<TupleObject>(type);
    for (size_t i = 0; i < t->size(); ++i) {
      if (check(t->get(i)) < 0) return -1;
    }
    for (size_t i = 0; i < t->size(); ++i) {
      if (TypeOf(exc)->IsSubtypeOf(As<TypeObject>(t->get(i)))) return 1;
    }
    return 0;
  }
  if (check(type) < 0) return -1;
  return TypeOf(exc)->IsSubtypeOf(As<TypeObject>(type)) ? 1 : 0;
}

void ChainContext(const Value& exc) {
  const Value& handled = ThreadState::Get()->handled_exception;
  if (handled.is_null() || handled.is_none() || handled.Is(exc)) return;
  if (!IsInstance(exc, g_exc.BaseException)) return;
  auto* e = As<ExceptionObject>(exc);
  if (!e->context.is_none()) return;
  // Avoid cycles: cut the chain where it reaches `exc` again.
  Value o = handled;
  while (IsInstance(o, g_exc.BaseException)) {
    auto* oe = As<ExceptionObject>(o);
    if (oe->context.Is(exc)) {
      oe->context = Value::None();
      break;
    }
    o = oe->context;
  }
  e->context = handled;
}

Value RaiseNameError(const Value& name) {
  RaiseF(g_exc.NameError, "name '%s' is not defined",
         As<StrObject>(name)->str());
  NoteLookupFailure(name, Value());
  return Value();
}

Value RaiseUnboundLocal(const Value& name) {
  return RaiseF(g_exc.UnboundLocalError,
                "cannot access local variable '%s' where it is not associated "
                "with a value",
                As<StrObject>(name)->str());
}

Value RaiseUnboundFree(const Value& name) {
  return RaiseF(g_exc.NameError,
                "cannot access free variable '%s' where it is not associated "
                "with a value "
                "in enclosing scope",
                As<StrObject>(name)->str());
}

Value RaiseUnboundDeref(const CodeObject& code, int oparg) {
  const Value& name = code.LocalsplusName(code.nlocals() + oparg);
  return static_cast<size_t>(oparg) < code.ncells() ? RaiseUnboundLocal(name)
                                                    : RaiseUnboundFree(name);
}

Value NewSet(const Value* items, size_t n) {
  Value s = SetObject::New(g_types.set);
  for (size_t i = 0; i < n; ++i) {
    if (!As<SetObject>(s)->Add(items[i])) return Value();
  }
  return s;
}

bool SetAdd(const Value& set, const Value& item) {
  return As<SetObject>(set)->Add(item);
}

bool SetUpdate(const Value& set, const Value& iterable) {
  std::vector<Value> items;
  if (!Items(iterable, &items)) return false;
  for (const Value& x : items) {
    if (!As<SetObject>(set)->Add(x)) return false;
  }
  return true;
}

bool ListExtend(const Value& list, const Value& iterable) {
  std::vector<Value> items;
  if (!Items(iterable, &items)) return false;
  auto& dst = As<ListObject>(list)->items();
  for (Value& x : items) dst.push_back(std::move(x));
  return true;
}

bool HasIter(const Value& v) {
  static StrObject* iter = Intern("__iter__");
  static StrObject* getitem = Intern("__getitem__");
  TypeObject* t = TypeOf(v);
  return !t->Lookup(iter).is_null() || !t->Lookup(getitem).is_null();
}

bool DictUpdate(const Value& dict, const Value& other, bool merge,
                const Value& func) {
  auto* d = As<DictObject>(dict);
  if (IsInstance(other, g_types.dict)) {
    auto* o = As<DictObject>(other);
    size_t pos = 0;
    const DictObject::Entry* e;
    std::vector<std::pair<Value, Value>> items;
    while (o->Next(&pos, &e)) items.emplace_back(e->key, e->value);
    for (auto& [k, v] : items) {
      if (merge) {
        bool has;
        if (!d->Contains(k, &has)) return false;
        if (has) {
          Value fname = GetAttrOptional(func, Intern("__qualname__"));
          ClearError();
          std::string name =
              fname.is_null() ? "function" : As<StrObject>(fname)->str();
          if (IsInstance(k, g_types.str)) {
            RaiseF(g_exc.TypeError,
                   "%s() got multiple values for keyword argument '%s'", name,
                   As<StrObject>(k)->str());
          } else {
            Raise(g_exc.TypeError, "keywords must be strings");
          }
          return false;
        }
      }
      if (!d->Set(k, v)) return false;
    }
    return true;
  }
  static StrObject* keys_name = Intern("keys");
  Value keys = GetAttrOptional(other, keys_name);
  if (keys.is_null()) {
    if (ErrorOccurred()) return false;
    if (merge) {
      Value fname = GetAttrOptional(func, Intern("__qualname__"));
      ClearError();
      RaiseF(g_exc.TypeError,
             "%s() argument after ** must be a mapping, not %s",
             fname.is_null() ? "function" : As<StrObject>(fname)->str(),
             TypeName(other));
    } else {
      RaiseF(g_exc.TypeError, "'%s' object is not a mapping", TypeName(other));
    }
    return false;
  }
  Value ks = CallNoArgs(keys);
  if (ks.is_null()) return false;
  std::vector<Value> key_list;
  if (!Items(ks, &key_list)) return false;
  for (const Value& k : key_list) {
    Value v = GetItem(other, k);
    if (v.is_null()) return false;
    if (!d->Set(k, std::move(v))) return false;
  }
  return true;
}

Value GetSpecialMethod(const Value& obj, StrObject* name) {
  Value m = TypeOf(obj)->Lookup(name);
  if (m.is_null()) return m;
  if (IsInstance(m, g_types.function) ||
      (IsInstance(m, g_types.native_function) &&
       As<NativeFunction>(m)->owner())) {
    return BoundMethod::New(m, obj);
  }
  return GetAttr(obj, name);
}

Value GetAwaitable(const Value& v) {
  if (v.is_object() && v.as_object()->type() == g_types.coroutine) return v;
  static StrObject* await = Intern("__await__");
  Value r = CallSpecial(v, await, nullptr, 0);
  if (r.is_null()) {
    if (!ErrorOccurred()) {
      RaiseF(g_exc.TypeError, "object %s can't be used in 'await' expression",
             TypeName(v));
    }
    return r;
  }
  return r;
}

Value StopIterationValue(const Value& exc) {
  Value v = GetAttrOptional(exc, Intern("value"));
  if (v.is_null()) {
    ClearError();
    return Value::None();
  }
  return v;
}

}  // namespace minidynamo
