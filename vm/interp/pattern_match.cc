// The pattern-matching opcodes' runtime (CPython 3.11's match_class and
// match_keys in ceval.c) and the `_vmabc` module.

#include "vm/interp/pattern_match.h"

#include <string>
#include <vector>

#include "vm/core/builtin_types.h"
#include "vm/core/errors.h"
#include "vm/core/type.h"
#include "vm/interp/modules.h"
#include "vm/interp/ops.h"
#include "vm/interp/support.h"
#include "vm/objects/descriptor.h"
#include "vm/objects/dict.h"
#include "vm/objects/list.h"
#include "vm/objects/native.h"
#include "vm/objects/set.h"
#include "vm/objects/str.h"
#include "vm/objects/tuple.h"

namespace minidynamo {

bool MatchesSequence(const Value& subject) {
  return (TypeOf(subject)->collection_flags() & TypeObject::kSequenceFlag) != 0;
}

bool MatchesMapping(const Value& subject) {
  return (TypeOf(subject)->collection_flags() & TypeObject::kMappingFlag) != 0;
}

namespace {

// One attribute for a sub-pattern: its value, or null (no exception) when the
// subject lacks it; null with an exception on errors.
Value MatchClassAttr(const Value& subject, TypeObject* type, StrObject* name,
                     std::vector<std::string>* seen) {
  for (const std::string& s : *seen) {
    if (s == name->str()) {
      Value r = Repr(Value::FromObject(name));
      if (r.is_null()) return r;
      return RaiseF(g_exc.TypeError,
                    "%s() got multiple sub-patterns for attribute %s",
                    type->name(), As<StrObject>(r)->str());
    }
  }
  seen->push_back(name->str());
  Value attr = GetAttr(subject, name);
  if (attr.is_null() && ErrorMatches(g_exc.AttributeError)) ClearError();
  return attr;
}

}  // namespace

Value MatchClass(const Value& subject, const Value& type_value, int nargs,
                 const Value& names) {
  if (!IsInstance(type_value, g_types.type)) {
    return Raise(g_exc.TypeError, "called match pattern must be a type");
  }
  auto* type = As<TypeObject>(type_value);
  int is_instance = ObjectIsInstance(subject, type_value);
  if (is_instance < 0) return Value();
  if (is_instance == 0) return Value::None();
  std::vector<std::string> seen;
  std::vector<Value> attrs;
  if (nargs > 0) {
    bool match_self = false;
    Value match_args = GetAttr(type_value, "__match_args__");
    if (!match_args.is_null()) {
      if (TypeOf(match_args) != g_types.tuple) {
        return RaiseF(g_exc.TypeError,
                      "%s.__match_args__ must be a tuple (got %s)",
                      type->name(), TypeName(match_args));
      }
    } else if (ErrorMatches(g_exc.AttributeError)) {
      ClearError();
      match_args = TupleObject::FromValues(nullptr, 0);
      match_self = (type->collection_flags() & TypeObject::kMatchSelfFlag) != 0;
    } else {
      return Value();
    }
    auto* args_tuple = As<TupleObject>(match_args);
    int allowed = match_self ? 1 : static_cast<int>(args_tuple->size());
    if (allowed < nargs) {
      return RaiseF(g_exc.TypeError,
                    "%s() accepts %d positional sub-pattern%s (%d given)",
                    type->name(), allowed, allowed == 1 ? "" : "s", nargs);
    }
    if (match_self) {
      attrs.push_back(subject);
    } else {
      for (int i = 0; i < nargs; ++i) {
        const Value& name = args_tuple->get(i);
        if (TypeOf(name) != g_types.str) {
          return RaiseF(g_exc.TypeError,
                        "__match_args__ elements must be strings (got %s)",
                        TypeName(name));
        }
        Value attr = MatchClassAttr(subject, type, As<StrObject>(name), &seen);
        if (attr.is_null()) return ErrorOccurred() ? Value() : Value::None();
        attrs.push_back(std::move(attr));
      }
    }
  }
  auto* kw = As<TupleObject>(names);
  for (size_t i = 0; i < kw->size(); ++i) {
    Value attr =
        MatchClassAttr(subject, type, As<StrObject>(kw->get(i)), &seen);
    if (attr.is_null()) return ErrorOccurred() ? Value() : Value::None();
    attrs.push_back(std::move(attr));
  }
  return TupleObject::FromValues(attrs.data(), attrs.size());
}

Value MatchKeys(const Value& subject, const Value& keys_value) {
  auto* keys = As<TupleObject>(keys_value);
  if (keys->size() == 0) return TupleObject::FromValues(nullptr, 0);
  Value get = GetAttr(subject, "get");
  if (get.is_null()) return get;
  Value seen = SetObject::New(g_types.set);
  Value dummy = CallNoArgs(Value::FromObject(g_types.object));
  if (dummy.is_null()) return dummy;
  std::vector<Value> values;
  for (size_t i = 0; i < keys->size(); ++i) {
    const Value& key = keys->get(i);
    int found = As<SetObject>(seen)->Contains(key);
    if (found < 0) return Value();
    if (found) {
      Value r = Repr(key);
      if (r.is_null()) return r;
      return RaiseF(g_exc.ValueError,
                    "mapping pattern checks duplicate key (%s)",
                    As<StrObject>(r)->str());
    }
    if (!As<SetObject>(seen)->Add(key)) return Value();
    Value value = CallTwoArgs(get, key, dummy);
    if (value.is_null()) return value;
    if (value.Is(dummy)) return Value::None();
    values.push_back(std::move(value));
  }
  return TupleObject::FromValues(values.data(), values.size());
}

namespace {

// CPython's bits: Py_TPFLAGS_SEQUENCE (1 << 5), Py_TPFLAGS_MAPPING (1 << 6).
constexpr int64_t kPySequence = 1 << 5;
constexpr int64_t kPyMapping = 1 << 6;

Value GetCollectionFlags(Value* args, size_t nargs, TupleObject* kw) {
  if (nargs != 1 || kw != nullptr || !IsInstance(args[0], g_types.type)) {
    return Raise(g_exc.TypeError, "_get_collection_flags(cls) takes a class");
  }
  uint8_t f = As<TypeObject>(args[0])->collection_flags();
  return Value::Int(((f & TypeObject::kSequenceFlag) ? kPySequence : 0) |
                    ((f & TypeObject::kMappingFlag) ? kPyMapping : 0));
}

// CPython's set_collection_flag_recursive: builtin (immutable) types keep
// theirs.
Value SetCollectionFlag(Value* args, size_t nargs, TupleObject* kw) {
  if (nargs != 2 || kw != nullptr || !IsInstance(args[0], g_types.type) ||
      !args[1].is_int()) {
    return Raise(g_exc.TypeError,
                 "_set_collection_flag(cls, flags) takes a class and an int");
  }
  int64_t bits = args[1].as_int();
  uint8_t flag = (bits & kPySequence)  ? TypeObject::kSequenceFlag
                 : (bits & kPyMapping) ? TypeObject::kMappingFlag
                                       : 0;
  if (flag != 0) As<TypeObject>(args[0])->SetCollectionFlagRecursive(flag);
  return Value::None();
}

bool InitVmAbc(ModuleObject* m) {
  DictObject* d = m->dict();
  AddFunction(d, "_get_collection_flags", GetCollectionFlags);
  AddFunction(d, "_set_collection_flag", SetCollectionFlag);
  return true;
}

}  // namespace

void RegisterVmAbcModule() { RegisterNativeModule("_vmabc", InitVmAbc); }

}  // namespace minidynamo
