#include "vm/objects/native.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "vm/core/builtin_types.h"
#include "vm/core/errors.h"
#include "vm/objects/descriptor.h"
#include "vm/objects/dict.h"
#include "vm/objects/str.h"
#include "vm/objects/tuple.h"

namespace minidynamo {

void AddMethod(TypeObject* type, const char* name, NativeFn fn) {
  type->SetAttribute(name, NativeFunction::New(name, fn, type));
}

void AddClassMethod(TypeObject* type, const char* name, NativeFn fn) {
  Value f = NativeFunction::New(name, fn, nullptr);
  type->SetAttribute(name, Value::Steal(new MethodWrapperObject(
                               g_types.classmethod, std::move(f))));
}

void AddStaticMethod(TypeObject* type, const char* name, NativeFn fn) {
  Value f = NativeFunction::New(name, fn, nullptr);
  type->SetAttribute(name, Value::Steal(new MethodWrapperObject(
                               g_types.staticmethod, std::move(f))));
}

void AddGetSet(TypeObject* type, const char* name, NativeFn getter,
               NativeFn setter) {
  auto* p = new PropertyObject(g_types.property);
  // Owned by `type`: called on anything else (`descr.__get__(5)`), the call
  // raises CPython's "doesn't apply to" TypeError instead of reading a
  // foreign object as this type's.
  p->fget = NativeFunction::New(name, getter, type);
  p->fset = setter ? NativeFunction::New(name, setter, type) : Value::None();
  p->fdel = Value::None();
  p->doc = Value::None();
  type->SetAttribute(name, Value::Steal(p));
}

void AddGetter(TypeObject* type, const char* name, NativeFn getter) {
  AddGetSet(type, name, getter, nullptr);
}

namespace {
// Field i of a struct sequence: the getter is bound to its index, so args are
// (index, struct).
Value StructSeqField(Value* a, size_t, TupleObject*) {
  return As<TupleObject>(a[1])->get(static_cast<size_t>(a[0].as_int()));
}
}  // namespace

TypeObject* NewStructSeqType(const char* name, const char* module,
                             const std::vector<const char*>& fields) {
  auto* t = new TypeObject(g_types.type, name, Layout::kTuple);
  t->set_module_name(module);
  t->SetBases({g_types.tuple});
  for (size_t i = 0; i < fields.size(); ++i) {
    auto* p = new PropertyObject(g_types.property);
    Value getter = NativeFunction::New(fields[i], StructSeqField, nullptr);
    As<NativeFunction>(getter)->bound_self =
        Value::Int(static_cast<int64_t>(i));
    p->fget = getter;
    p->fset = Value::None();
    p->fdel = Value::None();
    p->doc = Value::None();
    t->SetAttribute(fields[i], Value::Steal(p));
  }
  return t;
}

void AddFunction(DictObject* dict, const char* name, NativeFn fn) {
  dict->SetStr(StrObject::Intern(name), NativeFunction::New(name, fn, nullptr));
}

bool CheckNoKwargs(const char* name, TupleObject* kwnames) {
  if (kwnames != nullptr && kwnames->size() > 0) {
    RaiseF(g_exc.TypeError, "%s() takes no keyword arguments", name);
    return false;
  }
  return true;
}

bool CheckArgs(const char* name, size_t npos, TupleObject* kwnames, size_t min,
               long max) {
  size_t nkw = kwnames ? kwnames->size() : 0;
  if (nkw > 0) return CheckNoKwargs(name, kwnames);
  if (npos >= min && (max < 0 || npos <= static_cast<size_t>(max))) return true;
  if (static_cast<long>(min) == max) {
    if (max == 0) {
      RaiseF(g_exc.TypeError, "%s() takes no arguments (%d given)", name, npos);
    } else if (max == 1) {
      RaiseF(g_exc.TypeError, "%s() takes exactly one argument (%d given)",
             name, npos);
    } else {
      RaiseF(g_exc.TypeError, "%s expected %d arguments, got %d", name, max,
             npos);
    }
  } else if (npos < min) {
    RaiseF(g_exc.TypeError, "%s expected at least %d argument%s, got %d", name,
           min, min == 1 ? "" : "s", npos);
  } else {
    RaiseF(g_exc.TypeError, "%s expected at most %d argument%s, got %d", name,
           max, max == 1 ? "" : "s", npos);
  }
  return false;
}

bool ParseArgs(const char* fname, Value* args, size_t nargs,
               TupleObject* kwnames, std::initializer_list<const char*> names,
               size_t required, Value* out) {
  size_t nkw = kwnames ? kwnames->size() : 0;
  size_t npos = nargs - nkw;
  if (npos > names.size()) {
    RaiseF(g_exc.TypeError, "%s() takes at most %d argument%s (%d given)",
           fname, names.size(), names.size() == 1 ? "" : "s", npos);
    return false;
  }
  for (size_t i = 0; i < names.size(); ++i) out[i] = Value();
  for (size_t i = 0; i < npos; ++i) out[i] = args[i];
  for (size_t k = 0; k < nkw; ++k) {
    const std::string& kname = As<StrObject>(kwnames->get(k))->str();
    size_t i = 0;
    for (const char* n : names) {
      if (n != nullptr && kname == n) break;
      ++i;
    }
    if (i == names.size()) {
      RaiseF(g_exc.TypeError, "'%s' is an invalid keyword argument for %s()",
             kname, fname);
      return false;
    }
    if (!out[i].is_null()) {
      RaiseF(g_exc.TypeError,
             "argument for %s() given by name ('%s') and position (%d)", fname,
             kname, i + 1);
      return false;
    }
    out[i] = args[npos + k];
  }
  size_t i = 0;
  for (const char* n : names) {
    if (i < required && out[i].is_null()) {
      RaiseF(g_exc.TypeError, "%s() missing required argument '%s' (pos %d)",
             fname, n != nullptr ? n : "", i + 1);
      return false;
    }
    ++i;
  }
  return true;
}

}  // namespace minidynamo
