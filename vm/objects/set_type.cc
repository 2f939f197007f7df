// The methods of set and frozenset, following CPython 3.11's setobject.c in
// which operand is iterated and which table receives the keys, so that results
// iterate in CPython's order (see set.cc).

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "vm/core/builtin_types.h"
#include "vm/core/errors.h"
#include "vm/interp/ops.h"
#include "vm/objects/container_api.h"
#include "vm/objects/container_iterators.h"
#include "vm/objects/dict.h"
#include "vm/objects/method_util.h"
#include "vm/objects/repr_guard.h"
#include "vm/objects/set.h"
#include "vm/objects/set_internal.h"  // First: set.h needs <cstddef>.
#include "vm/objects/str.h"
#include "vm/objects/type_inits.h"

namespace minidynamo {
namespace {

SetObject* AsSet(const Value& v) { return As<SetObject>(v); }

bool IsAnySet(const Value& v) {
  if (!v.is_object()) return false;
  Layout l = v.as_object()->type()->layout();
  return l == Layout::kSet || l == Layout::kFrozenSet;
}

// set or a subclass (PySet_Check: not frozenset).
bool IsMutableSet(const Value& v) {
  return v.is_object() && v.as_object()->type()->layout() == Layout::kSet;
}

// A new set of `type`, filled from `iterable` when given.
Value MakeNewSet(TypeObject* type, const Value& iterable) {
  Value result = SetObject::New(type);
  if (!iterable.is_null() && !SetAccess::Update(AsSet(result), iterable)) {
    return Value();
  }
  return result;
}

// Results of operations on subclasses are plain sets or frozensets.
Value MakeNewSetBaseType(TypeObject* type, const Value& iterable) {
  if (type != g_types.set && type != g_types.frozenset) {
    type = type->IsSubtypeOf(g_types.set) ? g_types.set : g_types.frozenset;
  }
  return MakeNewSet(type, iterable);
}

Value SetCopy(const Value& so) { return MakeNewSetBaseType(TypeOf(so), so); }

// Same conversion for discard/remove: 1 removed, 0 absent, -1 error.
int SetDiscardKey(SetObject* so, const Value& key) {
  int rv = so->Discard(key);
  if (rv >= 0 || !IsMutableSet(key) || !ErrorMatches(g_exc.TypeError)) {
    return rv;
  }
  ClearError();
  Value tmp = MakeNewSet(g_types.frozenset, key);
  if (tmp.is_null()) return -1;
  return so->Discard(tmp);
}

Value Intersection(const Value& so_value, const Value& other) {
  if (so_value.Is(other)) return SetCopy(so_value);
  Value result = MakeNewSetBaseType(TypeOf(so_value), Value());
  if (result.is_null()) return result;
  SetObject* res = AsSet(result);
  if (IsAnySet(other)) {
    // Iterate over the smaller set, probing the larger.
    SetObject* so = AsSet(so_value);
    SetObject* ot = AsSet(other);
    if (ot->size() > so->size()) std::swap(so, ot);
    Value keep_so = Value::FromObject(so), keep_ot = Value::FromObject(ot);
    Value key;
    int64_t hash;
    for (size_t pos = 0; SetAccess::NextEntry(ot, &pos, &key, &hash);) {
      int rv = SetAccess::ContainsEntry(so, key, hash);
      if (rv < 0) return Value();
      if (rv && !SetAccess::AddEntry(res, key, hash)) return Value();
    }
    return result;
  }
  SetObject* so = AsSet(so_value);
  Value it = GetIter(other);
  if (it.is_null()) return Value();
  while (true) {
    Value key = IterNext(it);
    if (key.is_null()) break;
    int64_t hash;
    if (!Hash(key, &hash)) return Value();
    int rv = SetAccess::ContainsEntry(so, key, hash);
    if (rv < 0) return Value();
    if (rv) {
      if (!SetAccess::AddEntry(res, key, hash)) return Value();
      if (res->size() >= so->size()) break;
    }
  }
  if (ErrorOccurred()) return Value();
  return result;
}

bool DifferenceUpdate(const Value& so_value, const Value& other_value) {
  SetObject* so = AsSet(so_value);
  if (so_value.Is(other_value)) {
    so->Clear();
    return true;
  }
  if (IsAnySet(other_value)) {
    Value other = other_value;
    // Much larger other: only the common part matters.
    if ((AsSet(other)->size() >> 3) > so->size()) {
      other = Intersection(so_value, other_value);
      if (other.is_null()) return false;
    }
    Value key;
    int64_t hash;
    for (size_t pos = 0;
         SetAccess::NextEntry(AsSet(other), &pos, &key, &hash);) {
      if (SetAccess::DiscardEntry(so, key, hash) < 0) return false;
    }
  } else {
    Value it = GetIter(other_value);
    if (it.is_null()) return false;
    while (true) {
      Value key = IterNext(it);
      if (key.is_null()) break;
      if (so->Discard(key) < 0) return false;
    }
    if (ErrorOccurred()) return false;
  }
  SetAccess::MaybeShrinkAfterDiscards(so);
  return true;
}

Value CopyAndDifference(const Value& so, const Value& other) {
  Value result = SetCopy(so);
  if (result.is_null() || !DifferenceUpdate(result, other)) return Value();
  return result;
}

Value Difference(const Value& so_value, const Value& other) {
  size_t other_size;
  bool other_is_dict = IsExactType(other, g_types.dict);
  if (IsAnySet(other)) {
    other_size = AsSet(other)->size();
  } else if (other_is_dict) {
    other_size = As<DictObject>(other)->size();
  } else {
    return CopyAndDifference(so_value, other);
  }
  SetObject* so = AsSet(so_value);
  if ((so->size() >> 2) > other_size) return CopyAndDifference(so_value, other);
  Value result = MakeNewSetBaseType(TypeOf(so_value), Value());
  if (result.is_null()) return result;
  Value key;
  int64_t hash;
  for (size_t pos = 0; SetAccess::NextEntry(so, &pos, &key, &hash);) {
    int rv;
    if (other_is_dict) {
      bool found;
      if (!As<DictObject>(other)->Contains(key, &found)) return Value();
      rv = found;
    } else {
      rv = SetAccess::ContainsEntry(AsSet(other), key, hash);
      if (rv < 0) return Value();
    }
    if (!rv && !SetAccess::AddEntry(AsSet(result), key, hash)) return Value();
  }
  return result;
}

bool SymmetricDifferenceUpdate(const Value& so_value, const Value& other) {
  SetObject* so = AsSet(so_value);
  if (so_value.Is(other)) {
    so->Clear();
    return true;
  }
  auto toggle = [so](const Value& key, int64_t hash) {
    int rv = SetAccess::DiscardEntry(so, key, hash);
    if (rv < 0) return false;
    if (rv == 0) return SetAccess::AddEntry(so, key, hash);
    return true;
  };
  if (IsExactType(other, g_types.dict)) {
    const DictObject::Entry* entry;
    for (size_t pos = 0; As<DictObject>(other)->Next(&pos, &entry);) {
      Value key = entry->key;
      if (!toggle(key, entry->hash)) return false;
    }
    return true;
  }
  Value otherset = other;
  if (!IsAnySet(other)) {
    otherset = MakeNewSetBaseType(TypeOf(so_value), other);
    if (otherset.is_null()) return false;
  }
  Value key;
  int64_t hash;
  for (size_t pos = 0;
       SetAccess::NextEntry(AsSet(otherset), &pos, &key, &hash);) {
    if (!toggle(key, hash)) return false;
  }
  return true;
}

Value SymmetricDifference(const Value& so, const Value& other) {
  Value result = MakeNewSetBaseType(TypeOf(so), other);
  if (result.is_null() || !SymmetricDifferenceUpdate(result, so))
    return Value();
  return result;
}

// -1 on error, else 0/1.
int IsSubset(const Value& so_value, const Value& other) {
  if (!IsAnySet(other)) {
    Value tmp = Intersection(so_value, other);
    if (tmp.is_null()) return -1;
    return AsSet(tmp)->size() == AsSet(so_value)->size();
  }
  SetObject* so = AsSet(so_value);
  if (so->size() > AsSet(other)->size()) return 0;
  Value key;
  int64_t hash;
  for (size_t pos = 0; SetAccess::NextEntry(so, &pos, &key, &hash);) {
    int rv = SetAccess::ContainsEntry(AsSet(other), key, hash);
    if (rv <= 0) return rv;
  }
  return 1;
}

int IsSuperset(const Value& so_value, const Value& other) {
  if (IsAnySet(other)) return IsSubset(other, so_value);
  Value it = GetIter(other);
  if (it.is_null()) return -1;
  while (true) {
    Value key = IterNext(it);
    if (key.is_null()) return ErrorOccurred() ? -1 : 1;
    int rv = AsSet(so_value)->Contains(key);
    if (rv <= 0) return rv;
  }
}

Value BoolOrNull(int rv) { return rv < 0 ? Value() : Value::Bool(rv != 0); }

// ---- Construction --------------------------------------------------------

Value SetNewFn(TypeObject* type, Value* args, size_t nargs, TupleObject* kw) {
  // set.__new__ makes an empty set; set.__init__ fills it.
  if (type == g_types.set && !CheckNoKwargs("set", kw)) return Value();
  return SetObject::New(type);
}

Value SetInit(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckNoKwargs("set", kw)) return Value();
  size_t npos = NumPositional(nargs, kw);
  if (npos > 1) {
    return RaiseF(g_exc.TypeError, "%s expected at most 1 argument, got %d",
                  TypeName(args[0]), npos);
  }
  SetObject* so = AsSet(args[0]);
  if (SetAccess::Fill(so) > 0) so->Clear();
  SetAccess::ResetHash(so);
  if (npos == 0) return Value::None();
  if (!SetAccess::Update(so, args[1])) return Value();
  return Value::None();
}

Value FrozenSetNewFn(TypeObject* type, Value* args, size_t nargs,
                     TupleObject* kw) {
  size_t npos = nargs - KwCount(kw);
  if (type == g_types.frozenset && !CheckNoKwargs("frozenset", kw)) {
    return Value();
  }
  if (npos > 1) {
    return RaiseF(g_exc.TypeError, "%s expected at most 1 argument, got %d",
                  type->name(), npos);
  }
  Value iterable = npos == 1 ? args[0] : Value();
  // frozenset(f) is f itself when nothing could tell them apart.
  if (type == g_types.frozenset && IsExactType(iterable, g_types.frozenset)) {
    return iterable;
  }
  return MakeNewSet(type, iterable);
}

// ---- Methods shared by set and frozenset ---------------------------------

Value SetLen(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("__len__", NumPositional(nargs, kw), kw, 0, 0)) return Value();
  return Value::Int(static_cast<int64_t>(AsSet(args[0])->size()));
}

Value SetContainsMethod(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("__contains__", NumPositional(nargs, kw), kw, 1, 1)) {
    return Value();
  }
  return BoolOrNull(SetContainsKey(AsSet(args[0]), args[1]));
}

Value SetIter(Value* args, size_t nargs, TupleObject* kw) {
  return NewSetIterator(args[0]);
}

Value SetRepr(Value* args, size_t nargs, TupleObject* kw) {
  SetObject* so = AsSet(args[0]);
  const std::string& name = TypeOf(args[0])->name();
  ReprGuard guard(so);
  if (!guard.entered()) return StrObject::New(absl::StrCat(name, "(...)"));
  if (so->size() == 0) return StrObject::New(absl::StrCat(name, "()"));
  // Snapshot the keys first: a key's __repr__ could change the set.
  std::vector<Value> keys;
  keys.reserve(so->size());
  Value key;
  for (size_t pos = 0; so->Next(&pos, &key);) keys.push_back(key);
  std::string out = "{";
  for (size_t i = 0; i < keys.size(); ++i) {
    if (i > 0) out += ", ";
    Value r = Repr(keys[i]);
    if (r.is_null()) return r;
    out += As<StrObject>(r)->str();
  }
  out += "}";
  if (TypeOf(args[0]) != g_types.set) out = absl::StrCat(name, "(", out, ")");
  return StrObject::New(out);
}

Value SetCopyMethod(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("set.copy", NumPositional(nargs, kw), kw, 0, 0))
    return Value();
  return SetCopy(args[0]);
}

Value FrozenSetCopyMethod(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("frozenset.copy", NumPositional(nargs, kw), kw, 0, 0)) {
    return Value();
  }
  if (IsExactType(args[0], g_types.frozenset)) return args[0];
  return SetCopy(args[0]);
}

// For the error messages of the *args methods ("set.union() takes no keyword
// arguments"), the type's name and the method's.
bool NoKwargs(const Value& self, const char* method, TupleObject* kw) {
  if (KwCount(kw) == 0) return true;
  RaiseF(g_exc.TypeError, "%s.%s() takes no keyword arguments",
         IsMutableSet(self) ? "set" : "frozenset", method);
  return false;
}

Value SetUnion(Value* args, size_t nargs, TupleObject* kw) {
  if (!NoKwargs(args[0], "union", kw)) return Value();
  Value result = SetCopy(args[0]);
  if (result.is_null()) return result;
  for (size_t i = 1; i < nargs; ++i) {
    if (args[i].Is(args[0])) continue;
    if (!SetAccess::Update(AsSet(result), args[i])) return Value();
  }
  return result;
}

Value IntersectionMulti(Value* args, size_t nargs) {
  if (nargs == 1) return SetCopy(args[0]);
  Value result = args[0];
  for (size_t i = 1; i < nargs; ++i) {
    result = Intersection(result, args[i]);
    if (result.is_null()) return result;
  }
  return result;
}

Value SetIntersection(Value* args, size_t nargs, TupleObject* kw) {
  if (!NoKwargs(args[0], "intersection", kw)) return Value();
  return IntersectionMulti(args, nargs);
}

Value SetDifference(Value* args, size_t nargs, TupleObject* kw) {
  if (!NoKwargs(args[0], "difference", kw)) return Value();
  if (nargs == 1) return SetCopy(args[0]);
  Value result = Difference(args[0], args[1]);
  for (size_t i = 2; i < nargs && !result.is_null(); ++i) {
    if (!DifferenceUpdate(result, args[i])) return Value();
  }
  return result;
}

Value SetSymmetricDifference(Value* args, size_t nargs, TupleObject* kw) {
  const char* name = IsMutableSet(args[0]) ? "set.symmetric_difference"
                                           : "frozenset.symmetric_difference";
  if (!CheckArgs(name, NumPositional(nargs, kw), kw, 1, 1)) return Value();
  return SymmetricDifference(args[0], args[1]);
}

Value SetIsSubset(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("issubset", NumPositional(nargs, kw), kw, 1, 1))
    return Value();
  return BoolOrNull(IsSubset(args[0], args[1]));
}

Value SetIsSuperset(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("issuperset", NumPositional(nargs, kw), kw, 1, 1)) {
    return Value();
  }
  return BoolOrNull(IsSuperset(args[0], args[1]));
}

Value SetIsDisjoint(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("isdisjoint", NumPositional(nargs, kw), kw, 1, 1)) {
    return Value();
  }
  SetObject* so = AsSet(args[0]);
  const Value& other = args[1];
  if (args[0].Is(other)) return Value::Bool(so->size() == 0);
  if (IsExactType(other, g_types.set) ||
      IsExactType(other, g_types.frozenset)) {
    SetObject* a = so;
    SetObject* b = AsSet(other);
    if (b->size() > a->size()) std::swap(a, b);
    Value key;
    int64_t hash;
    for (size_t pos = 0; SetAccess::NextEntry(b, &pos, &key, &hash);) {
      int rv = SetAccess::ContainsEntry(a, key, hash);
      if (rv < 0) return Value();
      if (rv) return Value::Bool(false);
    }
    return Value::Bool(true);
  }
  Value it = GetIter(other);
  if (it.is_null()) return Value();
  while (true) {
    Value key = IterNext(it);
    if (key.is_null()) break;
    int rv = so->Contains(key);
    if (rv < 0) return Value();
    if (rv) return Value::Bool(false);
  }
  if (ErrorOccurred()) return Value();
  return Value::Bool(true);
}

Value SetRichCompare(const Value& v, const Value& w, CompareOp op) {
  if (!IsAnySet(w)) return NotImplemented();
  SetObject* a = AsSet(v);
  SetObject* b = AsSet(w);
  switch (op) {
    case CompareOp::kEq:
    case CompareOp::kNe: {
      bool eq;
      if (a->size() != b->size()) {
        eq = false;
      } else {
        int64_t ha = SetAccess::CachedHash(a), hb = SetAccess::CachedHash(b);
        if (ha != -1 && hb != -1 && ha != hb) {
          eq = false;
        } else {
          int rv = IsSubset(v, w);
          if (rv < 0) return Value();
          eq = rv != 0;
        }
      }
      return Value::Bool(op == CompareOp::kEq ? eq : !eq);
    }
    case CompareOp::kLe:
      return BoolOrNull(IsSubset(v, w));
    case CompareOp::kGe:
      return BoolOrNull(IsSuperset(v, w));
    case CompareOp::kLt:
      if (a->size() >= b->size()) return Value::Bool(false);
      return BoolOrNull(IsSubset(v, w));
    case CompareOp::kGt:
      if (a->size() <= b->size()) return Value::Bool(false);
      return BoolOrNull(IsSuperset(v, w));
  }
  return NotImplemented();
}

template <CompareOp kOp>
Value SetCompareMethod(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("comparison", NumPositional(nargs, kw), kw, 1, 1)) {
    return Value();
  }
  return SetRichCompare(args[0], args[1], kOp);
}

// Binary operators: sets on both sides, else NotImplemented. `kReflected`
// swaps the operands (__ror__ and friends).
enum class SetBinOp { kOr, kAnd, kSub, kXor };

template <SetBinOp kOp, bool kReflected>
Value SetBinary(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("operator", NumPositional(nargs, kw), kw, 1, 1)) {
    return Value();
  }
  const Value& a = kReflected ? args[1] : args[0];
  const Value& b = kReflected ? args[0] : args[1];
  if (!IsAnySet(a) || !IsAnySet(b)) return NotImplemented();
  switch (kOp) {
    case SetBinOp::kOr: {
      Value result = SetCopy(a);
      if (result.is_null() || a.Is(b)) return result;
      if (!SetAccess::Update(AsSet(result), b)) return Value();
      return result;
    }
    case SetBinOp::kAnd:
      return Intersection(a, b);
    case SetBinOp::kSub:
      return Difference(a, b);
    case SetBinOp::kXor:
      return SymmetricDifference(a, b);
  }
  return NotImplemented();
}

// ---- Methods of set only -------------------------------------------------

Value SetAdd(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("set.add", NumPositional(nargs, kw), kw, 1, 1)) return Value();
  if (!AsSet(args[0])->Add(args[1])) return Value();
  return Value::None();
}

Value SetClear(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("set.clear", NumPositional(nargs, kw), kw, 0, 0)) {
    return Value();
  }
  AsSet(args[0])->Clear();
  return Value::None();
}

Value SetDiscard(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("set.discard", NumPositional(nargs, kw), kw, 1, 1)) {
    return Value();
  }
  if (SetDiscardKey(AsSet(args[0]), args[1]) < 0) return Value();
  return Value::None();
}

Value SetRemove(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("set.remove", NumPositional(nargs, kw), kw, 1, 1)) {
    return Value();
  }
  int rv = SetDiscardKey(AsSet(args[0]), args[1]);
  if (rv < 0) return Value();
  if (rv == 0) return RaiseKeyError(args[1]);
  return Value::None();
}

Value SetPop(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("set.pop", NumPositional(nargs, kw), kw, 0, 0)) return Value();
  return SetAccess::Pop(AsSet(args[0]));
}

Value SetUpdate(Value* args, size_t nargs, TupleObject* kw) {
  if (!NoKwargs(args[0], "update", kw)) return Value();
  for (size_t i = 1; i < nargs; ++i) {
    if (!SetAccess::Update(AsSet(args[0]), args[i])) return Value();
  }
  return Value::None();
}

Value SetIntersectionUpdate(Value* args, size_t nargs, TupleObject* kw) {
  if (!NoKwargs(args[0], "intersection_update", kw)) return Value();
  Value tmp = IntersectionMulti(args, nargs);
  if (tmp.is_null()) return tmp;
  SetAccess::SwapBodies(AsSet(args[0]), AsSet(tmp));
  return Value::None();
}

Value SetDifferenceUpdate(Value* args, size_t nargs, TupleObject* kw) {
  if (!NoKwargs(args[0], "difference_update", kw)) return Value();
  for (size_t i = 1; i < nargs; ++i) {
    if (!DifferenceUpdate(args[0], args[i])) return Value();
  }
  return Value::None();
}

Value SetSymmetricDifferenceUpdate(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("set.symmetric_difference_update", NumPositional(nargs, kw),
                 kw, 1, 1)) {
    return Value();
  }
  if (!SymmetricDifferenceUpdate(args[0], args[1])) return Value();
  return Value::None();
}

template <SetBinOp kOp>
Value SetInplace(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("operator", NumPositional(nargs, kw), kw, 1, 1)) {
    return Value();
  }
  if (!IsAnySet(args[1])) return NotImplemented();
  bool ok = true;
  switch (kOp) {
    case SetBinOp::kOr:
      ok = SetAccess::Update(AsSet(args[0]), args[1]);
      break;
    case SetBinOp::kAnd: {
      Value tmp = Intersection(args[0], args[1]);
      ok = !tmp.is_null();
      if (ok) SetAccess::SwapBodies(AsSet(args[0]), AsSet(tmp));
      break;
    }
    case SetBinOp::kSub:
      ok = DifferenceUpdate(args[0], args[1]);
      break;
    case SetBinOp::kXor:
      ok = SymmetricDifferenceUpdate(args[0], args[1]);
      break;
  }
  if (!ok) return Value();
  return args[0];
}

Value FrozenSetHash(Value* args, size_t nargs, TupleObject* kw) {
  return Value::Int(SetAccess::FrozenHash(AsSet(args[0])));
}

// Registers what set and frozenset share, on `Owner`.
template <TypeObject* (*Owner)()>
void DefCommon() {
  DefMethod<Owner, SetLen>("__len__");
  DefMethod<Owner, SetContainsMethod>("__contains__");
  DefMethod<Owner, SetIter>("__iter__");
  DefMethod<Owner, SetRepr>("__repr__");
  DefMethod<Owner, SetUnion>("union");
  DefMethod<Owner, SetIntersection>("intersection");
  DefMethod<Owner, SetDifference>("difference");
  DefMethod<Owner, SetSymmetricDifference>("symmetric_difference");
  DefMethod<Owner, SetIsSubset>("issubset");
  DefMethod<Owner, SetIsSuperset>("issuperset");
  DefMethod<Owner, SetIsDisjoint>("isdisjoint");
  DefMethod<Owner, SetCompareMethod<CompareOp::kEq>>("__eq__");
  DefMethod<Owner, SetCompareMethod<CompareOp::kNe>>("__ne__");
  DefMethod<Owner, SetCompareMethod<CompareOp::kLt>>("__lt__");
  DefMethod<Owner, SetCompareMethod<CompareOp::kLe>>("__le__");
  DefMethod<Owner, SetCompareMethod<CompareOp::kGt>>("__gt__");
  DefMethod<Owner, SetCompareMethod<CompareOp::kGe>>("__ge__");
  DefMethod<Owner, SetBinary<SetBinOp::kOr, false>>("__or__");
  DefMethod<Owner, SetBinary<SetBinOp::kAnd, false>>("__and__");
  DefMethod<Owner, SetBinary<SetBinOp::kSub, false>>("__sub__");
  DefMethod<Owner, SetBinary<SetBinOp::kXor, false>>("__xor__");
  DefMethod<Owner, SetBinary<SetBinOp::kOr, true>>("__ror__");
  DefMethod<Owner, SetBinary<SetBinOp::kAnd, true>>("__rand__");
  DefMethod<Owner, SetBinary<SetBinOp::kSub, true>>("__rsub__");
  DefMethod<Owner, SetBinary<SetBinOp::kXor, true>>("__rxor__");
}

}  // namespace

// ---- Iterator --------------------------------------------------------------

Value NewSetIterator(const Value& set) {
  Value v = NewIterator(IteratorObject::Kind::kSet, set);
  if (v.is_null()) return v;
  auto* it = As<IteratorObject>(v);
  it->index = 0;
  it->expected_size = AsSet(set)->size();
  it->count = static_cast<int64_t>(AsSet(set)->size());
  return v;
}

Value SetIteratorNext(IteratorObject* it) {
  if (it->source.is_null()) return Value();
  SetObject* so = AsSet(it->source);
  if (so->size() != it->expected_size) {
    // Stays broken, as CPython's: later calls raise again.
    it->expected_size = static_cast<size_t>(-1);
    return Raise(g_exc.RuntimeError, "Set changed size during iteration");
  }
  size_t pos = static_cast<size_t>(it->index);
  Value key;
  int64_t hash;
  bool found = SetAccess::NextEntry(so, &pos, &key, &hash);
  it->index = static_cast<int64_t>(pos);
  if (!found) {
    it->source = Value();
    it->exhausted = true;
    return Value();
  }
  --it->count;
  return key;
}

// Turning an unhashable set key into a frozenset is what makes
// `{1} in {frozenset({1})}` work.
int SetContainsKey(SetObject* so, const Value& key) {
  int rv = so->Contains(key);
  if (rv >= 0 || !IsMutableSet(key) || !ErrorMatches(g_exc.TypeError)) {
    return rv;
  }
  ClearError();
  Value tmp = MakeNewSet(g_types.frozenset, key);
  if (tmp.is_null()) return -1;
  return so->Contains(tmp);
}

Value NewSetFrom(TypeObject* type, const Value& iterable) {
  return MakeNewSet(type, iterable);
}

bool SetUpdateWith(const Value& set, const Value& other) {
  return SetAccess::Update(AsSet(set), other);
}

bool SetDifferenceUpdateWith(const Value& set, const Value& other) {
  return DifferenceUpdate(set, other);
}

bool SetSymmetricDifferenceUpdateWith(const Value& set, const Value& other) {
  return SymmetricDifferenceUpdate(set, other);
}

Value SetIntersectionWith(const Value& set, const Value& other) {
  return Intersection(set, other);
}

void InitSetTypes() {
  TypeObject* set = g_types.set;
  set->set_new_fn(SetNewFn);
  DefCommon<SetType>();
  DefMethod<SetType, SetInit>("__init__");
  DefMethod<SetType, SetCopyMethod>("copy");
  DefMethod<SetType, SetAdd>("add");
  DefMethod<SetType, SetClear>("clear");
  DefMethod<SetType, SetDiscard>("discard");
  DefMethod<SetType, SetRemove>("remove");
  DefMethod<SetType, SetPop>("pop");
  DefMethod<SetType, SetUpdate>("update");
  DefMethod<SetType, SetIntersectionUpdate>("intersection_update");
  DefMethod<SetType, SetDifferenceUpdate>("difference_update");
  DefMethod<SetType, SetSymmetricDifferenceUpdate>(
      "symmetric_difference_update");
  DefMethod<SetType, SetInplace<SetBinOp::kOr>>("__ior__");
  DefMethod<SetType, SetInplace<SetBinOp::kAnd>>("__iand__");
  DefMethod<SetType, SetInplace<SetBinOp::kSub>>("__isub__");
  DefMethod<SetType, SetInplace<SetBinOp::kXor>>("__ixor__");
  set->SetAttribute("__hash__", Value::None());

  TypeObject* frozen = g_types.frozenset;
  frozen->set_new_fn(FrozenSetNewFn);
  DefCommon<FrozenSetType>();
  DefMethod<FrozenSetType, FrozenSetCopyMethod>("copy");
  DefMethod<FrozenSetType, FrozenSetHash>("__hash__");
}

}  // namespace minidynamo
