// The methods of dict and of its views (dict_keys, dict_values, dict_items),
// with CPython 3.11's behaviour and messages.
//
// dict() makes an empty dict (the NewFn) and dict.__init__ fills it, as in
// CPython, so subclasses with their own __init__ work.

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "vm/core/builtin_types.h"
#include "vm/core/errors.h"
#include "vm/interp/ops.h"
#include "vm/objects/container_api.h"
#include "vm/objects/container_iterators.h"
#include "vm/objects/dict.h"
#include "vm/objects/dict_view.h"
#include "vm/objects/list.h"
#include "vm/objects/method_util.h"
#include "vm/objects/repr_guard.h"
#include "vm/objects/set.h"
#include "vm/objects/set_internal.h"  // First: set.h needs <cstddef>.
#include "vm/objects/str.h"
#include "vm/objects/tuple.h"
#include "vm/objects/type_inits.h"

namespace minidynamo {
namespace {

TypeObject* g_dict_keys_type = nullptr;
TypeObject* g_dict_values_type = nullptr;
TypeObject* g_dict_items_type = nullptr;

DictObject* AsDict(const Value& v) { return As<DictObject>(v); }
DictViewObject* AsView(const Value& v) { return As<DictViewObject>(v); }

bool IsDict(const Value& v) { return IsObjectOf(v, g_types.dict); }

// The value for `key`, or null: with no exception when absent.
Value Lookup(DictObject* d, const Value& key) { return d->Get(key); }

Value PairOf(const Value& a, const Value& b) { return TupleObject::Of({a, b}); }

// Copies every entry of `src` into `dst` (PyDict_Merge with override).
bool MergeDict(DictObject* dst, DictObject* src) {
  if (dst == src) return true;
  // Snapshot: setting may run __eq__/__hash__ code that changes `src`.
  std::vector<std::pair<Value, Value>> items;
  items.reserve(src->size());
  const DictObject::Entry* e;
  for (size_t pos = 0; src->Next(&pos, &e);)
    items.emplace_back(e->key, e->value);
  for (auto& kv : items) {
    if (!dst->Set(kv.first, std::move(kv.second))) return false;
  }
  return true;
}

// A dict (or subclass) whose iteration is dict's own: merged entry by entry,
// as CPython does without calling keys() (even if a subclass overrides it).
bool HasDictIteration(const Value& v) {
  if (!IsDict(v)) return false;
  if (IsExactType(v, g_types.dict)) return true;
  static StrObject* iter = Intern("__iter__");
  return TypeOf(v)->Lookup(iter).Is(g_types.dict->Lookup(iter));
}

// Merges a mapping that is not a plain dict: for k in other.keys(): d[k] =
// other[k].
bool MergeMapping(DictObject* d, const Value& other) {
  static StrObject* keys_name = Intern("keys");
  Value keys_method = GetAttr(other, keys_name);
  if (keys_method.is_null()) return false;
  Value keys = CallNoArgs(keys_method);
  if (keys.is_null()) return false;
  Value it = GetIter(keys);
  if (it.is_null()) return false;
  while (true) {
    Value key = IterNext(it);
    if (key.is_null()) return !ErrorOccurred();
    Value value = GetItem(other, key);
    if (value.is_null() || !d->Set(key, std::move(value))) return false;
  }
}

bool SetKeywords(DictObject* d, Value* args, size_t nargs, TupleObject* kw) {
  size_t nkw = KwCount(kw);
  for (size_t k = 0; k < nkw; ++k) {
    if (!d->Set(kw->get(k), args[nargs - nkw + k])) return false;
  }
  return true;
}

// ---- dict ------------------------------------------------------------------

Value DictNewFn(TypeObject* type, Value* args, size_t nargs, TupleObject* kw) {
  return Value::Steal(new DictObject(type));
}

Value DictInit(Value* args, size_t nargs, TupleObject* kw) {
  size_t npos = NumPositional(nargs, kw);
  if (npos > 1) {
    return RaiseF(g_exc.TypeError, "dict expected at most 1 argument, got %d",
                  npos);
  }
  DictObject* d = AsDict(args[0]);
  if (npos == 1 && !DictUpdateFrom(d, args[1])) return Value();
  if (!SetKeywords(d, args, nargs, kw)) return Value();
  return Value::None();
}

Value DictLen(Value* args, size_t nargs, TupleObject* kw) {
  return Value::Int(static_cast<int64_t>(AsDict(args[0])->size()));
}

Value DictGetItem(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("dict.__getitem__", NumPositional(nargs, kw), kw, 1, 1)) {
    return Value();
  }
  Value v = Lookup(AsDict(args[0]), args[1]);
  if (!v.is_null() || ErrorOccurred()) return v;
  if (!IsExactType(args[0], g_types.dict)) {
    static StrObject* missing = Intern("__missing__");
    Value r = CallSpecial(args[0], missing, &args[1], 1);
    if (!r.is_null() || ErrorOccurred()) return r;
  }
  return RaiseKeyError(args[1]);
}

Value DictSetItem(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("__setitem__", NumPositional(nargs, kw), kw, 2, 2)) {
    return Value();
  }
  if (!AsDict(args[0])->Set(args[1], args[2])) return Value();
  return Value::None();
}

Value DictDelItem(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("dict.__delitem__", NumPositional(nargs, kw), kw, 1, 1)) {
    return Value();
  }
  bool found;
  Value old = AsDict(args[0])->Pop(args[1], &found);
  if (ErrorOccurred()) return Value();
  if (!found) return RaiseKeyError(args[1]);
  return Value::None();
}

Value DictContains(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("dict.__contains__", NumPositional(nargs, kw), kw, 1, 1)) {
    return Value();
  }
  bool found;
  if (!AsDict(args[0])->Contains(args[1], &found)) return Value();
  return Value::Bool(found);
}

Value DictIter(Value* args, size_t nargs, TupleObject* kw) {
  return NewDictIterator(args[0], IteratorObject::Kind::kDictKeys, false);
}

Value DictReversed(Value* args, size_t nargs, TupleObject* kw) {
  return NewDictIterator(args[0], IteratorObject::Kind::kDictKeys, true);
}

Value DictRepr(Value* args, size_t nargs, TupleObject* kw) {
  DictObject* d = AsDict(args[0]);
  if (d->size() == 0) return StrObject::New("{}");
  ReprGuard guard(d);
  if (!guard.entered()) return StrObject::New("{...}");
  std::string out = "{";
  bool first = true;
  // Positions are re-read each step: a __repr__ may change the dict.
  for (size_t pos = 0; pos < d->entries().size(); ++pos) {
    const DictObject::Entry& e = d->entries()[pos];
    if (e.key.is_null()) continue;
    Value key = e.key, value = e.value;
    if (!first) out += ", ";
    first = false;
    Value kr = Repr(key);
    if (kr.is_null()) return kr;
    out += As<StrObject>(kr)->str();
    out += ": ";
    Value vr = Repr(value);
    if (vr.is_null()) return vr;
    out += As<StrObject>(vr)->str();
  }
  out += "}";
  return StrObject::New(out);
}

// 1 / 0 / -1: CPython's dict_equal.
int DictEqual(DictObject* a, DictObject* b) {
  if (a->size() != b->size()) return 0;
  for (size_t pos = 0; pos < a->entries().size(); ++pos) {
    const DictObject::Entry& e = a->entries()[pos];
    if (e.key.is_null()) continue;
    Value key = e.key, aval = e.value;
    Value bval = b->Get(key);
    if (bval.is_null()) return ErrorOccurred() ? -1 : 0;
    int eq = Equals(aval, bval);
    if (eq <= 0) return eq;
  }
  return 1;
}

template <bool kEq>
Value DictCompare(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("comparison", NumPositional(nargs, kw), kw, 1, 1)) {
    return Value();
  }
  if (!IsDict(args[1])) return NotImplemented();
  int eq = DictEqual(AsDict(args[0]), AsDict(args[1]));
  if (eq < 0) return Value();
  return Value::Bool(kEq ? eq == 1 : eq == 0);
}

Value DictCopyOf(DictObject* src) {
  Value result = DictObject::New();
  if (!MergeDict(AsDict(result), src)) return Value();
  return result;
}

// d | other (kReflected: other | d, args[0] being the right operand).
template <bool kReflected>
Value DictOr(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("operator", NumPositional(nargs, kw), kw, 1, 1)) {
    return Value();
  }
  const Value& left = kReflected ? args[1] : args[0];
  const Value& right = kReflected ? args[0] : args[1];
  if (!IsDict(left) || !IsDict(right)) return NotImplemented();
  Value result = DictCopyOf(AsDict(left));
  if (result.is_null() || !DictUpdateFrom(AsDict(result), right))
    return Value();
  return result;
}

Value DictIOr(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("operator", NumPositional(nargs, kw), kw, 1, 1)) {
    return Value();
  }
  if (!DictUpdateFrom(AsDict(args[0]), args[1])) return Value();
  return args[0];
}

Value DictGet(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("get", NumPositional(nargs, kw), kw, 1, 2)) return Value();
  Value v = Lookup(AsDict(args[0]), args[1]);
  if (!v.is_null() || ErrorOccurred()) return v;
  return nargs > 2 ? args[2] : Value::None();
}

Value DictSetDefault(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("setdefault", NumPositional(nargs, kw), kw, 1, 2)) {
    return Value();
  }
  DictObject* d = AsDict(args[0]);
  Value v = Lookup(d, args[1]);
  if (!v.is_null() || ErrorOccurred()) return v;
  Value dflt = nargs > 2 ? args[2] : Value::None();
  if (!d->Set(args[1], dflt)) return Value();
  return dflt;
}

Value DictPop(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("pop", NumPositional(nargs, kw), kw, 1, 2)) return Value();
  // As CPython's _PyDict_Pop, an empty dict does not hash the key.
  if (AsDict(args[0])->size() == 0) {
    if (nargs > 2) return args[2];
    return RaiseKeyError(args[1]);
  }
  bool found;
  Value v = AsDict(args[0])->Pop(args[1], &found);
  if (ErrorOccurred()) return Value();
  if (found) return v;
  if (nargs > 2) return args[2];
  return RaiseKeyError(args[1]);
}

Value DictPopItem(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("dict.popitem", NumPositional(nargs, kw), kw, 0, 0)) {
    return Value();
  }
  DictObject* d = AsDict(args[0]);
  if (d->size() == 0) {
    return RaiseKeyError(StrObject::New("popitem(): dictionary is empty"));
  }
  Value key, value;
  if (!d->PopLast(&key, &value)) return ErrorOccurred() ? Value() : Value();
  return PairOf(key, value);
}

Value DictUpdate(Value* args, size_t nargs, TupleObject* kw) {
  size_t npos = NumPositional(nargs, kw);
  if (npos > 1) {
    return RaiseF(g_exc.TypeError, "update expected at most 1 argument, got %d",
                  npos);
  }
  DictObject* d = AsDict(args[0]);
  if (npos == 1 && !DictUpdateFrom(d, args[1])) return Value();
  if (!SetKeywords(d, args, nargs, kw)) return Value();
  return Value::None();
}

Value DictClear(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("dict.clear", NumPositional(nargs, kw), kw, 0, 0)) {
    return Value();
  }
  AsDict(args[0])->Clear();
  return Value::None();
}

Value DictCopy(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("dict.copy", NumPositional(nargs, kw), kw, 0, 0)) {
    return Value();
  }
  return DictCopyOf(AsDict(args[0]));
}

template <DictViewObject::Kind kKind>
Value DictViewMethod(Value* args, size_t nargs, TupleObject* kw) {
  const char* name = kKind == DictViewObject::Kind::kKeys     ? "dict.keys"
                     : kKind == DictViewObject::Kind::kValues ? "dict.values"
                                                              : "dict.items";
  if (!CheckArgs(name, NumPositional(nargs, kw), kw, 0, 0)) return Value();
  return NewDictView(args[0], kKind);
}

Value DictFromKeys(Value* args, size_t nargs, TupleObject* kw) {
  // Classmethod: args[0] is the class.
  if (!CheckArgs("fromkeys", NumPositional(nargs, kw), kw, 1, 2))
    return Value();
  Value value = nargs > 2 ? args[2] : Value::None();
  Value d = CallNoArgs(args[0]);
  if (d.is_null()) return d;
  bool exact = IsExactType(d, g_types.dict);
  Value it = GetIter(args[1]);
  if (it.is_null()) return Value();
  while (true) {
    Value key = IterNext(it);
    if (key.is_null()) break;
    bool ok = exact ? AsDict(d)->Set(key, value) : SetItem(d, key, value);
    if (!ok) return Value();
  }
  if (ErrorOccurred()) return Value();
  return d;
}

// ---- Views
// -------------------------------------------------------------------

bool IsSetLikeView(const Value& v) {
  if (!v.is_object()) return false;
  TypeObject* t = v.as_object()->type();
  return t == g_dict_keys_type || t == g_dict_items_type;
}

bool IsAnySet(const Value& v) {
  if (!v.is_object()) return false;
  Layout l = v.as_object()->type()->layout();
  return l == Layout::kSet || l == Layout::kFrozenSet;
}

Value ViewLen(Value* args, size_t nargs, TupleObject* kw) {
  return Value::Int(
      static_cast<int64_t>(AsDict(AsView(args[0])->dict)->size()));
}

IteratorObject::Kind IterKindOf(DictViewObject::Kind kind) {
  switch (kind) {
    case DictViewObject::Kind::kKeys:
      return IteratorObject::Kind::kDictKeys;
    case DictViewObject::Kind::kValues:
      return IteratorObject::Kind::kDictValues;
    case DictViewObject::Kind::kItems:
      break;
  }
  return IteratorObject::Kind::kDictItems;
}

Value ViewIter(Value* args, size_t nargs, TupleObject* kw) {
  DictViewObject* v = AsView(args[0]);
  return NewDictIterator(v->dict, IterKindOf(v->kind), false);
}

Value ViewReversed(Value* args, size_t nargs, TupleObject* kw) {
  DictViewObject* v = AsView(args[0]);
  return NewDictIterator(v->dict, IterKindOf(v->kind), true);
}

Value ViewRepr(Value* args, size_t nargs, TupleObject* kw) {
  DictViewObject* v = AsView(args[0]);
  ReprGuard guard(v);
  if (!guard.entered()) return StrObject::New("...");
  Value list = ListObject::New();
  if (!ListExtendWith(As<ListObject>(list), args[0])) return Value();
  Value r = Repr(list);
  if (r.is_null()) return r;
  return StrObject::New(
      absl::StrCat(TypeName(args[0]), "(", As<StrObject>(r)->str(), ")"));
}

// `obj in view` for keys and items views; -1 on error.
int ViewContains(DictViewObject* v, const Value& obj) {
  DictObject* d = AsDict(v->dict);
  if (v->kind == DictViewObject::Kind::kKeys) {
    bool found;
    if (!d->Contains(obj, &found)) return -1;
    return found;
  }
  if (!IsObjectOf(obj, g_types.tuple) || As<TupleObject>(obj)->size() != 2) {
    return 0;
  }
  auto* pair = As<TupleObject>(obj);
  Value found = d->Get(pair->get(0));
  if (found.is_null()) return ErrorOccurred() ? -1 : 0;
  return Equals(found, pair->get(1));
}

Value ViewContainsMethod(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("__contains__", NumPositional(nargs, kw), kw, 1, 1)) {
    return Value();
  }
  int rv = ViewContains(AsView(args[0]), args[1]);
  return rv < 0 ? Value() : Value::Bool(rv != 0);
}

// Every item of `a` is in `b` (CPython's all_contained_in). -1 on error.
int AllContainedIn(const Value& a, const Value& b) {
  Value it = GetIter(a);
  if (it.is_null()) return -1;
  while (true) {
    Value item = IterNext(it);
    if (item.is_null()) return ErrorOccurred() ? -1 : 1;
    int rv = Contains(b, item);
    if (rv <= 0) return rv;
  }
}

template <CompareOp kOp>
Value ViewCompare(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("comparison", NumPositional(nargs, kw), kw, 1, 1)) {
    return Value();
  }
  const Value& self = args[0];
  const Value& other = args[1];
  if (!IsAnySet(other) && !IsSetLikeView(other)) return NotImplemented();
  int64_t len_self = Length(self);
  if (len_self < 0) return Value();
  int64_t len_other = Length(other);
  if (len_other < 0) return Value();
  int ok = 0;
  switch (kOp) {
    case CompareOp::kEq:
    case CompareOp::kNe:
      if (len_self == len_other) ok = AllContainedIn(self, other);
      if (kOp == CompareOp::kNe && ok >= 0) ok = !ok;
      break;
    case CompareOp::kLt:
      if (len_self < len_other) ok = AllContainedIn(self, other);
      break;
    case CompareOp::kLe:
      if (len_self <= len_other) ok = AllContainedIn(self, other);
      break;
    case CompareOp::kGt:
      if (len_self > len_other) ok = AllContainedIn(other, self);
      break;
    case CompareOp::kGe:
      if (len_self >= len_other) ok = AllContainedIn(other, self);
      break;
  }
  if (ok < 0) return Value();
  return Value::Bool(ok != 0);
}

// A set from the left operand of a view operator: a keys view of a plain dict
// is built from the dict itself (the set constructor's dict path, which sizes
// the table up front, as CPython's dictviews_to_set does).
Value ViewToSet(const Value& v) {
  if (v.is_object() && v.as_object()->type() == g_dict_keys_type &&
      IsExactType(AsView(v)->dict, g_types.dict)) {
    return NewSetFrom(g_types.set, AsView(v)->dict);
  }
  return NewSetFrom(g_types.set, v);
}

Value ViewsIntersect(Value self, Value other) {
  // The interpreter calls __rand__ with the view on the right.
  if (!IsSetLikeView(self)) std::swap(self, other);
  int64_t len_self = Length(self);
  if (len_self < 0) return Value();
  if (IsExactType(other, g_types.set)) {
    int64_t len_other = Length(other);
    if (len_other < 0) return Value();
    if (len_self <= len_other) return SetIntersectionWith(other, self);
  }
  if (IsSetLikeView(other)) {
    int64_t len_other = Length(other);
    if (len_other < 0) return Value();
    if (len_other > len_self) std::swap(self, other);
  }
  Value result = NewSetFrom(g_types.set, Value());
  if (result.is_null()) return result;
  Value it = GetIter(other);
  if (it.is_null()) return Value();
  while (true) {
    Value key = IterNext(it);
    if (key.is_null()) break;
    int rv = ViewContains(AsView(self), key);
    if (rv < 0) return Value();
    if (rv && !As<SetObject>(result)->Add(key)) return Value();
  }
  if (ErrorOccurred()) return Value();
  return result;
}

// items() ^ items(): CPython 3.11's dictitems_xor.
Value ItemsXor(const Value& self, const Value& other) {
  Value temp = DictCopyOf(AsDict(AsView(self)->dict));
  if (temp.is_null()) return temp;
  Value result = NewSetFrom(g_types.set, Value());
  DictObject* d2 = AsDict(AsView(other)->dict);
  for (size_t pos = 0; pos < d2->entries().size(); ++pos) {
    const DictObject::Entry& e = d2->entries()[pos];
    if (e.key.is_null()) continue;
    Value key = e.key, val2 = e.value;
    Value val1 = AsDict(temp)->Get(key);
    int to_delete = 0;
    if (val1.is_null()) {
      if (ErrorOccurred()) return Value();
    } else {
      to_delete = Equals(val1, val2);
      if (to_delete < 0) return Value();
    }
    if (to_delete) {
      bool found;
      AsDict(temp)->Pop(key, &found);
      if (ErrorOccurred()) return Value();
    } else if (!As<SetObject>(result)->Add(PairOf(key, val2))) {
      return Value();
    }
  }
  Value remaining = NewDictView(temp, DictViewObject::Kind::kItems);
  if (!SetUpdateWith(result, remaining)) return Value();
  return result;
}

enum class ViewOp { kAnd, kOr, kSub, kXor };

// Both operand orders arrive here: `left op right` as written.
Value ViewBinary(ViewOp op, const Value& left, const Value& right) {
  switch (op) {
    case ViewOp::kAnd:
      return ViewsIntersect(left, right);
    case ViewOp::kOr: {
      Value result = ViewToSet(left);
      if (result.is_null() || !SetUpdateWith(result, right)) return Value();
      return result;
    }
    case ViewOp::kSub: {
      Value result = ViewToSet(left);
      if (result.is_null() || !SetDifferenceUpdateWith(result, right)) {
        return Value();
      }
      return result;
    }
    case ViewOp::kXor: {
      if (IsExactType(left, g_dict_items_type) &&
          IsExactType(right, g_dict_items_type)) {
        return ItemsXor(left, right);
      }
      Value result = ViewToSet(left);
      if (result.is_null() ||
          !SetSymmetricDifferenceUpdateWith(result, right)) {
        return Value();
      }
      return result;
    }
  }
  return NotImplemented();
}

template <ViewOp kOp, bool kReflected>
Value ViewBinaryMethod(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("operator", NumPositional(nargs, kw), kw, 1, 1)) {
    return Value();
  }
  return kReflected ? ViewBinary(kOp, args[1], args[0])
                    : ViewBinary(kOp, args[0], args[1]);
}

Value ViewIsDisjoint(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("isdisjoint", NumPositional(nargs, kw), kw, 1, 1)) {
    return Value();
  }
  Value self = args[0];
  Value other = args[1];
  if (self.Is(other)) return Value::Bool(Length(self) == 0);
  // Iterate over the shorter one when both have cheap membership tests.
  if (IsAnySet(other) || IsSetLikeView(other)) {
    int64_t len_self = Length(self);
    int64_t len_other = Length(other);
    if (len_other < 0) return Value();
    if (len_other > len_self) std::swap(self, other);
  }
  Value it = GetIter(other);
  if (it.is_null()) return Value();
  while (true) {
    Value item = IterNext(it);
    if (item.is_null()) break;
    int rv = Contains(self, item);
    if (rv < 0) return Value();
    if (rv) return Value::Bool(false);
  }
  if (ErrorOccurred()) return Value();
  return Value::Bool(true);
}

TypeObject* MakeViewType(const char* name) {
  auto* t = new TypeObject(g_types.type, name, Layout::kOther);
  t->SetBases({g_types.object});
  t->set_base_type(false);
  return t;
}

template <TypeObject* (*Owner)()>
void DefViewCommon() {
  DefMethod<Owner, ViewLen>("__len__");
  DefMethod<Owner, ViewIter>("__iter__");
  DefMethod<Owner, ViewReversed>("__reversed__");
  DefMethod<Owner, ViewRepr>("__repr__");
}

template <TypeObject* (*Owner)()>
void DefSetLikeView() {
  DefViewCommon<Owner>();
  DefMethod<Owner, ViewContainsMethod>("__contains__");
  DefMethod<Owner, ViewIsDisjoint>("isdisjoint");
  DefMethod<Owner, ViewCompare<CompareOp::kEq>>("__eq__");
  DefMethod<Owner, ViewCompare<CompareOp::kNe>>("__ne__");
  DefMethod<Owner, ViewCompare<CompareOp::kLt>>("__lt__");
  DefMethod<Owner, ViewCompare<CompareOp::kLe>>("__le__");
  DefMethod<Owner, ViewCompare<CompareOp::kGt>>("__gt__");
  DefMethod<Owner, ViewCompare<CompareOp::kGe>>("__ge__");
  DefMethod<Owner, ViewBinaryMethod<ViewOp::kAnd, false>>("__and__");
  DefMethod<Owner, ViewBinaryMethod<ViewOp::kOr, false>>("__or__");
  DefMethod<Owner, ViewBinaryMethod<ViewOp::kSub, false>>("__sub__");
  DefMethod<Owner, ViewBinaryMethod<ViewOp::kXor, false>>("__xor__");
  DefMethod<Owner, ViewBinaryMethod<ViewOp::kAnd, true>>("__rand__");
  DefMethod<Owner, ViewBinaryMethod<ViewOp::kOr, true>>("__ror__");
  DefMethod<Owner, ViewBinaryMethod<ViewOp::kSub, true>>("__rsub__");
  DefMethod<Owner, ViewBinaryMethod<ViewOp::kXor, true>>("__rxor__");
  Owner()->SetAttribute("__hash__", Value::None());
}

}  // namespace

TypeObject* DictKeysType() { return g_dict_keys_type; }
TypeObject* DictValuesType() { return g_dict_values_type; }
TypeObject* DictItemsType() { return g_dict_items_type; }

Value NewDictView(const Value& dict, DictViewObject::Kind kind) {
  TypeObject* type = kind == DictViewObject::Kind::kKeys ? g_dict_keys_type
                     : kind == DictViewObject::Kind::kValues
                         ? g_dict_values_type
                         : g_dict_items_type;
  return Value::Steal(new DictViewObject(type, dict, kind));
}

bool DictMergeFromSeq2(DictObject* dict, const Value& seq) {
  Value it = GetIter(seq);
  if (it.is_null()) return false;
  for (int64_t i = 0;; ++i) {
    Value item = IterNext(it);
    if (item.is_null()) return !ErrorOccurred();
    std::vector<Value> pair;
    if (IsExactType(item, g_types.list) || IsExactType(item, g_types.tuple)) {
      CollectItems(item, &pair);
    } else {
      Value item_it = GetIter(item);
      if (item_it.is_null()) {
        if (ErrorMatches(g_exc.TypeError)) {
          ClearError();
          RaiseF(g_exc.TypeError,
                 "cannot convert dictionary update sequence element #%d to a "
                 "sequence",
                 i);
        }
        return false;
      }
      if (!CollectItems(item_it, &pair)) return false;
    }
    if (pair.size() != 2) {
      RaiseF(g_exc.ValueError,
             "dictionary update sequence element #%d has length %d; 2 is "
             "required",
             i, pair.size());
      return false;
    }
    if (!dict->Set(pair[0], std::move(pair[1]))) return false;
  }
}

bool DictUpdateFrom(DictObject* dict, const Value& other) {
  if (HasDictIteration(other)) return MergeDict(dict, AsDict(other));
  static StrObject* keys = Intern("keys");
  Value has_keys = GetAttrOptional(other, keys);
  if (ErrorOccurred()) return false;
  if (!has_keys.is_null()) return MergeMapping(dict, other);
  return DictMergeFromSeq2(dict, other);
}

Value NewDictIterator(const Value& dict, IteratorObject::Kind kind,
                      bool reversed) {
  Value v =
      reversed ? NewReversedDictIterator(kind, dict) : NewIterator(kind, dict);
  if (v.is_null()) return v;
  auto* it = As<IteratorObject>(v);
  DictObject* d = AsDict(dict);
  it->expected_size = d->size();
  it->count = static_cast<int64_t>(d->size());
  it->aux = reversed ? 1 : 0;
  it->index = reversed ? static_cast<int64_t>(d->entries().size()) - 1 : 0;
  return v;
}

Value DictIteratorNext(IteratorObject* it) {
  if (it->source.is_null()) return Value();
  DictObject* d = AsDict(it->source);
  if (d->size() != it->expected_size) {
    it->expected_size = static_cast<size_t>(-1);  // Sticky, as CPython's.
    return Raise(g_exc.RuntimeError,
                 "dictionary changed size during iteration");
  }
  DictObject::EntrySpan entries = d->entries();
  int64_t i = it->index;
  if (it->aux == 0) {
    while (i < static_cast<int64_t>(entries.size()) &&
           entries[i].key.is_null()) {
      ++i;
    }
    if (i >= static_cast<int64_t>(entries.size())) i = -1;
  } else {
    if (i >= static_cast<int64_t>(entries.size())) {
      i = static_cast<int64_t>(entries.size()) - 1;
    }
    while (i >= 0 && entries[i].key.is_null()) --i;
  }
  if (i < 0 || it->count == 0) {
    bool keys_changed = i >= 0;
    it->source = Value();
    it->exhausted = true;
    if (keys_changed) {
      return Raise(g_exc.RuntimeError,
                   "dictionary keys changed during iteration");
    }
    return Value();
  }
  it->index = it->aux == 0 ? i + 1 : i - 1;
  --it->count;
  const DictObject::Entry& e = entries[i];
  switch (it->kind) {
    case IteratorObject::Kind::kDictValues:
      return e.value;
    case IteratorObject::Kind::kDictItems:
      return PairOf(e.key, e.value);
    default:
      return e.key;
  }
}

void InitDictType() {
  TypeObject* dict = g_types.dict;
  dict->set_new_fn(DictNewFn);
  DefMethod<DictType, DictInit>("__init__");
  DefMethod<DictType, DictLen>("__len__");
  DefMethod<DictType, DictGetItem>("__getitem__");
  DefMethod<DictType, DictSetItem>("__setitem__");
  DefMethod<DictType, DictDelItem>("__delitem__");
  DefMethod<DictType, DictContains>("__contains__");
  DefMethod<DictType, DictIter>("__iter__");
  DefMethod<DictType, DictReversed>("__reversed__");
  DefMethod<DictType, DictRepr>("__repr__");
  DefMethod<DictType, DictCompare<true>>("__eq__");
  DefMethod<DictType, DictCompare<false>>("__ne__");
  DefMethod<DictType, DictOr<false>>("__or__");
  DefMethod<DictType, DictOr<true>>("__ror__");
  DefMethod<DictType, DictIOr>("__ior__");
  DefMethod<DictType, DictGet>("get");
  DefMethod<DictType, DictSetDefault>("setdefault");
  DefMethod<DictType, DictPop>("pop");
  DefMethod<DictType, DictPopItem>("popitem");
  DefMethod<DictType, DictUpdate>("update");
  DefMethod<DictType, DictClear>("clear");
  DefMethod<DictType, DictCopy>("copy");
  DefMethod<DictType, DictViewMethod<DictViewObject::Kind::kKeys>>("keys");
  DefMethod<DictType, DictViewMethod<DictViewObject::Kind::kValues>>("values");
  DefMethod<DictType, DictViewMethod<DictViewObject::Kind::kItems>>("items");
  AddClassMethod(dict, "fromkeys", DictFromKeys);
  dict->SetAttribute("__hash__", Value::None());

  g_dict_keys_type = MakeViewType("dict_keys");
  g_dict_values_type = MakeViewType("dict_values");
  g_dict_items_type = MakeViewType("dict_items");
  DefSetLikeView<DictKeysType>();
  DefSetLikeView<DictItemsType>();
  DefViewCommon<DictValuesType>();
}

}  // namespace minidynamo
