// BaseExceptionGroup and ExceptionGroup (PEP 654) as CPython 3.11 has them:
// construction and its checks, message/exceptions, split/subgroup/derive,
// __str__; and the two helpers behind except* (CHECK_EG_MATCH's matching and
// PREP_RERAISE_STAR's combining of what the clauses raised).

#include <string>
#include <unordered_set>
#include <vector>

#include "absl/strings/str_cat.h"
#include "vm/core/builtin_types.h"
#include "vm/core/errors.h"
#include "vm/core/gc.h"
#include "vm/interp/ops.h"
#include "vm/objects/dict.h"
#include "vm/objects/exception.h"
#include "vm/objects/generic_alias.h"
#include "vm/objects/list.h"
#include "vm/objects/method_util.h"
#include "vm/objects/native.h"
#include "vm/objects/str.h"
#include "vm/objects/tuple.h"
#include "vm/objects/type_inits.h"

namespace minidynamo {
namespace {

size_t NumKw(TupleObject* kw) { return kw ? kw->size() : 0; }

bool IsExceptionClass(const Value& v) {
  return IsInstance(v, g_types.type) &&
         As<TypeObject>(v)->IsSubtypeOf(g_exc.BaseException);
}

// PySequence_Check: the type has __getitem__ and is not a mapping.
bool IsSequence(const Value& v) {
  if (IsInstance(v, g_types.dict) || IsInstance(v, g_types.set) ||
      IsInstance(v, g_types.frozenset)) {
    return false;
  }
  static StrObject* getitem = Intern("__getitem__");
  return !TypeOf(v)->Lookup(getitem).is_null();
}

// The items of an iterable as a vector; false on error.
bool Items(const Value& v, std::vector<Value>* out) {
  if (IsInstance(v, g_types.tuple)) {
    auto* t = As<TupleObject>(v);
    out->assign(t->data(), t->data() + t->size());
    return true;
  }
  if (IsInstance(v, g_types.list)) {
    *out = As<ListObject>(v)->items();
    return true;
  }
  Value it = GetIter(v);
  if (it.is_null()) return false;
  while (true) {
    Value x = IterNext(it);
    if (x.is_null()) break;
    out->push_back(std::move(x));
  }
  return !ErrorOccurred();
}

// BaseExceptionGroup.__new__(cls, message, exceptions).
Value GroupNewFn(TypeObject* type, Value* args, size_t nargs, TupleObject* kw) {
  size_t npos = nargs - NumKw(kw);
  if (npos != 2) {
    return RaiseF(g_exc.TypeError,
                  "BaseExceptionGroup.__new__() takes exactly 2 arguments "
                  "(%d given)",
                  npos);
  }
  if (!IsInstance(args[0], g_types.str)) {
    return RaiseF(g_exc.TypeError,
                  "BaseExceptionGroup.__new__() argument 1 must be str, not %s",
                  TypeName(args[0]));
  }
  if (!IsSequence(args[1])) {
    return Raise(g_exc.TypeError,
                 "second argument (exceptions) must be a sequence");
  }
  std::vector<Value> excs;
  if (!Items(args[1], &excs)) return Value();
  if (excs.empty()) {
    return Raise(g_exc.ValueError,
                 "second argument (exceptions) must be a non-empty sequence");
  }
  bool nested_base = false;
  for (size_t i = 0; i < excs.size(); ++i) {
    if (!IsInstance(excs[i], g_exc.BaseException)) {
      return RaiseF(
          g_exc.ValueError,
          "Item %d of second argument (exceptions) is not an exception", i);
    }
    if (!IsInstance(excs[i], g_exc.Exception)) nested_base = true;
  }
  TypeObject* cls = type;
  if (cls == g_exc.ExceptionGroup) {
    if (nested_base) {
      return Raise(g_exc.TypeError,
                   "Cannot nest BaseExceptions in an ExceptionGroup");
    }
  } else if (cls == g_exc.BaseExceptionGroup) {
    if (!nested_base) cls = g_exc.ExceptionGroup;
  } else if (nested_base && cls->IsSubtypeOf(g_exc.Exception)) {
    return RaiseF(g_exc.TypeError, "Cannot nest BaseExceptions in '%s'",
                  cls->name());
  }
  auto* g = new ExceptionGroupObject(cls);
  Value result = Value::Steal(g);
  g->args = TupleObject::FromValues(args, npos);
  g->message = args[0];
  g->exceptions = TupleObject::FromValues(excs.data(), excs.size());
  return result;
}

Value GroupInit(Value* args, size_t nargs, TupleObject* kw) {
  if (NumKw(kw) > 0) {
    return RaiseF(g_exc.TypeError, "%s() takes no keyword arguments",
                  TypeName(args[0]));
  }
  As<ExceptionObject>(args[0])->args =
      TupleObject::FromValues(args + 1, nargs - 1);
  return Value::None();
}

ExceptionGroupObject* Self(const Value& v) {
  ExceptionGroupObject* g = AsExceptionGroup(v);
  if (g == nullptr) {
    RaiseF(g_exc.TypeError,
           "descriptor requires a 'BaseExceptionGroup' object but received "
           "'%s'",
           TypeName(v));
  }
  return g;
}

Value GroupStr(Value* args, size_t, TupleObject*) {
  ExceptionGroupObject* g = Self(args[0]);
  if (g == nullptr) return Value();
  Value msg = Str(g->message);
  if (msg.is_null()) return msg;
  size_t n = As<TupleObject>(g->exceptions)->size();
  return StrObject::New(absl::StrCat(As<StrObject>(msg)->str(), " (", n,
                                     " sub-exception", n > 1 ? "s" : "", ")"));
}

Value GroupMessage(Value* args, size_t, TupleObject*) {
  ExceptionGroupObject* g = Self(args[0]);
  return g == nullptr ? Value() : g->message;
}

Value GroupExceptions(Value* args, size_t, TupleObject*) {
  ExceptionGroupObject* g = Self(args[0]);
  return g == nullptr ? Value() : g->exceptions;
}

// message and exceptions are read-only members in CPython.
Value ReadOnly(Value*, size_t, TupleObject*) {
  return Raise(g_exc.AttributeError, "readonly attribute");
}

Value GroupDerive(Value* args, size_t nargs, TupleObject* kw) {
  ExceptionGroupObject* g = Self(args[0]);
  if (g == nullptr) return Value();
  if (!CheckNoKwargs("derive", kw)) return Value();
  if (nargs != 2) {
    return RaiseF(g_exc.TypeError,
                  "function takes exactly 1 argument (%d given)", nargs - 1);
  }
  Value call_args[] = {g->message, args[1]};
  return CallType(g_exc.BaseExceptionGroup, call_args, 2, nullptr);
}

// What split() and subgroup() match leaves by.
struct Matcher {
  enum Kind { kType, kPredicate, kInstanceIds } kind;
  Value value;                            // kType, kPredicate
  std::unordered_set<const Object*> ids;  // kInstanceIds
};

bool GetMatcher(const Value& v, Matcher* m) {
  static StrObject* call = Intern("__call__");
  TypeObject* t = TypeOf(v);
  bool callable = t == g_types.function || t == g_types.native_function ||
                  t == g_types.method || !t->Lookup(call).is_null();
  m->value = v;
  if (callable && !IsInstance(v, g_types.type)) {
    m->kind = Matcher::kPredicate;
    return true;
  }
  m->kind = Matcher::kType;
  if (IsExceptionClass(v)) return true;
  if (IsExactType(v, g_types.tuple)) {
    auto* tup = As<TupleObject>(v);
    bool all = true;
    for (size_t i = 0; i < tup->size(); ++i) {
      all = all && IsExceptionClass(tup->get(i));
    }
    if (all) return true;
  }
  Raise(g_exc.TypeError,
        "expected a function, exception type or tuple of exception types");
  return false;
}

// 1 when `exc` matches, 0 when not, -1 on error.
int Matches(const Value& exc, const Matcher& m) {
  switch (m.kind) {
    case Matcher::kType: {
      TypeObject* t = TypeOf(exc);
      if (IsInstance(m.value, g_types.tuple)) {
        auto* tup = As<TupleObject>(m.value);
        for (size_t i = 0; i < tup->size(); ++i) {
          if (t->IsSubtypeOf(As<TypeObject>(tup->get(i)))) return 1;
        }
        return 0;
      }
      return t->IsSubtypeOf(As<TypeObject>(m.value)) ? 1 : 0;
    }
    case Matcher::kPredicate: {
      Value r = CallOneArg(m.value, exc);
      if (r.is_null()) return -1;
      return IsTrue(r);
    }
    case Matcher::kInstanceIds:
      if (AsExceptionGroup(exc) != nullptr) return 0;
      return m.ids.count(exc.as_object()) ? 1 : 0;
  }
  return 0;
}

// A group like `orig` (through its derive()) holding `excs`, with orig's
// traceback, cause, context and a copy of its notes; null with no error when
// `excs` is empty.
bool Subset(const Value& orig, std::vector<Value> excs, Value* result) {
  *result = Value();
  if (excs.empty()) return true;
  Value list = ListObject::FromValues(excs.data(), excs.size());
  Value eg = CallMethod(orig, "derive", &list, 1);
  if (eg.is_null()) return false;
  if (AsExceptionGroup(eg) == nullptr) {
    Raise(g_exc.TypeError,
          "derive must return an instance of BaseExceptionGroup");
    return false;
  }
  auto* o = As<ExceptionObject>(orig);
  auto* e = As<ExceptionObject>(eg);
  e->traceback = o->traceback;
  e->context = o->context;
  e->cause = o->cause;
  e->suppress_context = true;  // As PyException_SetCause always does.
  static StrObject* notes_name = Intern("__notes__");
  Value notes = GetAttrOptional(orig, notes_name);
  if (notes.is_null() && ErrorOccurred()) return false;
  if (!notes.is_null() && IsSequence(notes)) {
    std::vector<Value> items;
    if (!Items(notes, &items)) return false;
    if (!SetAttr(eg, notes_name,
                 ListObject::FromValues(items.data(), items.size()))) {
      return false;
    }
  }
  *result = std::move(eg);
  return true;
}

// exceptiongroup_split_recursive: the matching part of `exc` in *match and,
// with `construct_rest`, the rest in *rest (null where empty).
bool SplitRecursive(const Value& exc, const Matcher& m, bool construct_rest,
                    Value* match, Value* rest, int depth = 0) {
  *match = Value();
  *rest = Value();
  int is_match = Matches(exc, m);
  if (is_match < 0) return false;
  if (is_match) {
    *match = exc;
    return true;
  }
  ExceptionGroupObject* g = AsExceptionGroup(exc);
  if (g == nullptr) {
    if (construct_rest) *rest = exc;
    return true;
  }
  if (depth > 1000) {
    Raise(g_exc.RecursionError,
          "maximum recursion depth exceeded in exceptiongroup_split_recursive");
    return false;
  }
  std::vector<Value> match_list, rest_list;
  auto* excs = As<TupleObject>(g->exceptions);
  for (size_t i = 0; i < excs->size(); ++i) {
    Value sub_match, sub_rest;
    if (!SplitRecursive(excs->get(i), m, construct_rest, &sub_match, &sub_rest,
                        depth + 1)) {
      return false;
    }
    if (!sub_match.is_null()) match_list.push_back(std::move(sub_match));
    if (!sub_rest.is_null()) rest_list.push_back(std::move(sub_rest));
  }
  if (!Subset(exc, std::move(match_list), match)) return false;
  if (construct_rest && !Subset(exc, std::move(rest_list), rest)) {
    *match = Value();
    return false;
  }
  return true;
}

Value NoneIfNull(const Value& v) { return v.is_null() ? Value::None() : v; }

bool CheckOneArg(const char* name, size_t nargs, TupleObject* kw) {
  if (!CheckNoKwargs(name, kw)) return false;
  if (nargs != 2) {
    RaiseF(g_exc.TypeError, "%s expected 1 argument, got %d", name, nargs - 1);
    return false;
  }
  return true;
}

Value GroupSplit(Value* args, size_t nargs, TupleObject* kw) {
  if (Self(args[0]) == nullptr || !CheckOneArg("split", nargs, kw)) {
    return Value();
  }
  Matcher m;
  if (!GetMatcher(args[1], &m)) return Value();
  Value match, rest;
  if (!SplitRecursive(args[0], m, true, &match, &rest)) return Value();
  return TupleObject::Of({NoneIfNull(match), NoneIfNull(rest)});
}

Value GroupSubgroup(Value* args, size_t nargs, TupleObject* kw) {
  if (Self(args[0]) == nullptr || !CheckOneArg("subgroup", nargs, kw)) {
    return Value();
  }
  Matcher m;
  if (!GetMatcher(args[1], &m)) return Value();
  Value match, rest;
  if (!SplitRecursive(args[0], m, false, &match, &rest)) return Value();
  return NoneIfNull(match);
}

Value GroupClassGetItem(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("__class_getitem__", nargs - NumKw(kw) - 1, kw, 1, 1)) {
    return Value();
  }
  return NewGenericAlias(args[0], args[1]);
}

void CollectLeafIds(const Value& exc, std::unordered_set<const Object*>* ids) {
  if (exc.is_none()) return;
  ExceptionGroupObject* g = AsExceptionGroup(exc);
  if (g == nullptr) {
    ids->insert(exc.as_object());
    return;
  }
  auto* excs = As<TupleObject>(g->exceptions);
  for (size_t i = 0; i < excs->size(); ++i) CollectLeafIds(excs->get(i), ids);
}

// Traceback, cause and context are the same objects: `e` is `orig` or a part
// split off it, re-raised unchanged.
bool SameMetadata(const Value& a, const Value& b) {
  auto* x = As<ExceptionObject>(a);
  auto* y = As<ExceptionObject>(b);
  return x->traceback.Is(y->traceback) && x->cause.Is(y->cause) &&
         x->context.Is(y->context);
}

}  // namespace

void ExceptionGroupObject::Traverse(GcVisitor& v) {
  ExceptionObject::Traverse(v);
  v.Visit(message);
  v.Visit(exceptions);
}

void ExceptionGroupObject::ClearRefs() {
  ExceptionObject::ClearRefs();
  Value old[2] = {std::move(message), std::move(exceptions)};
  message = Value::FromObject(Intern(""));
  exceptions = Value::FromObject(TupleObject::Empty());
}

ExceptionGroupObject* AsExceptionGroup(const Value& v) {
  if (!v.is_object() || !IsInstance(v, g_exc.BaseExceptionGroup)) {
    return nullptr;
  }
  return dynamic_cast<ExceptionGroupObject*>(v.as_object());
}

Value NewExceptionGroup(const char* message, Value excs) {
  Value args[] = {StrObject::New(message), std::move(excs)};
  return CallType(g_exc.BaseExceptionGroup, args, 2, nullptr);
}

bool ExceptionGroupMatch(const Value& exc, const Value& type, Value* match,
                         Value* rest) {
  auto check = [](const Value& t) {
    if (!IsExceptionClass(t)) {
      Raise(g_exc.TypeError,
            "catching classes that do not inherit from BaseException is not "
            "allowed");
      return false;
    }
    return true;
  };
  bool is_group_type = false;
  if (IsInstance(type, g_types.tuple)) {
    auto* t = As<TupleObject>(type);
    for (size_t i = 0; i < t->size(); ++i) {
      if (!check(t->get(i))) return false;
    }
    for (size_t i = 0; i < t->size() && !is_group_type; ++i) {
      is_group_type =
          As<TypeObject>(t->get(i))->IsSubtypeOf(g_exc.BaseExceptionGroup);
    }
  } else {
    if (!check(type)) return false;
    is_group_type = As<TypeObject>(type)->IsSubtypeOf(g_exc.BaseExceptionGroup);
  }
  if (is_group_type) {
    Raise(g_exc.TypeError,
          "catching ExceptionGroup with except* is not allowed. Use except "
          "instead.");
    return false;
  }
  *match = Value::None();
  *rest = Value::None();
  if (exc.is_none()) return true;
  Matcher m;
  m.kind = Matcher::kType;
  m.value = type;
  if (Matches(exc, m)) {
    if (AsExceptionGroup(exc) != nullptr) {
      *match = exc;
    } else {
      // CPython 3.11.2 gives the wrapper no traceback.
      *match = NewExceptionGroup("", TupleObject::Of({exc}));
      if (match->is_null()) return false;
    }
    return true;
  }
  if (AsExceptionGroup(exc) != nullptr) {
    Value arg = type;
    Value pair = CallMethod(exc, "split", &arg, 1);
    if (pair.is_null()) return false;
    if (!IsExactType(pair, g_types.tuple) ||
        As<TupleObject>(pair)->size() != 2) {
      RaiseF(g_exc.TypeError, "%s.split must return a 2-tuple, got %s",
             TypeName(exc), TypeName(pair));
      return false;
    }
    *match = As<TupleObject>(pair)->get(0);
    *rest = As<TupleObject>(pair)->get(1);
  }
  return true;
}

Value PrepReraiseStar(const Value& orig, const Value& excs_list) {
  const std::vector<Value>& excs = As<ListObject>(excs_list)->items();
  if (excs.empty()) return Value::None();
  if (AsExceptionGroup(orig) == nullptr) {
    // A naked exception was caught and wrapped: only one except* clause ran,
    // so there is at most one exception to raise.
    return excs[0];
  }
  std::vector<Value> raised, reraised;
  for (const Value& e : excs) {
    if (e.is_none()) continue;
    (SameMetadata(e, orig) ? reraised : raised).push_back(e);
  }
  // The part of orig whose leaves were re-raised, in orig's nesting.
  Matcher m;
  m.kind = Matcher::kInstanceIds;
  for (const Value& e : reraised) CollectLeafIds(e, &m.ids);
  Value reraised_eg, unused;
  if (!SplitRecursive(orig, m, false, &reraised_eg, &unused)) return Value();
  if (raised.empty()) return NoneIfNull(reraised_eg);
  if (!reraised_eg.is_null()) raised.push_back(reraised_eg);
  // 3.11 wraps even a single raised exception (3.12 returns it alone).
  return NewExceptionGroup(
      "", ListObject::FromValues(raised.data(), raised.size()));
}

void InitExceptionGroupTypes() {
  TypeObject* b = g_exc.BaseExceptionGroup;
  b->set_new_fn(GroupNewFn);
  AddMethod(b, "__init__", GroupInit);
  AddMethod(b, "__str__", GroupStr);
  AddGetSet(b, "message", GroupMessage, ReadOnly);
  AddGetSet(b, "exceptions", GroupExceptions, ReadOnly);
  AddMethod(b, "derive", GroupDerive);
  AddMethod(b, "split", GroupSplit);
  AddMethod(b, "subgroup", GroupSubgroup);
  AddClassMethod(b, "__class_getitem__", GroupClassGetItem);
}

}  // namespace minidynamo
