// The methods of tuple, with CPython 3.11's behaviour and messages. hash() uses
// CPython's xxHash-based combination, so hash((1, 2)) matches python3.11 and so
// do the iteration orders of sets of tuples.

#include <string>
#include <vector>

#include "vm/core/builtin_types.h"
#include "vm/core/errors.h"
#include "vm/interp/ops.h"
#include "vm/objects/container_api.h"
#include "vm/objects/descriptor.h"
#include "vm/objects/iterator.h"
#include "vm/objects/method_util.h"
#include "vm/objects/repr_guard.h"
#include "vm/objects/str.h"
#include "vm/objects/tuple.h"
#include "vm/objects/type_inits.h"

namespace minidynamo {

Value TupleGetSlice(const Value& self, SliceObject* slice) {
  return TupleGetSliceOf(self, slice->bounds());
}

Value TupleGetSliceOf(const Value& self, const SliceBounds& bounds) {
  auto* t = As<TupleObject>(self);
  int64_t n = static_cast<int64_t>(t->size());
  int64_t start, stop, step, len;
  if (!SliceIndices(bounds, n, &start, &stop, &step, &len)) return Value();
  if (step == 1 && len == n && IsExactType(self, g_types.tuple)) return self;
  Value r = TupleObject::New(static_cast<size_t>(len));
  for (int64_t i = 0, j = start; i < len; ++i, j += step) {
    As<TupleObject>(r)->set(i, t->get(j));
  }
  return r;
}

namespace {

TupleObject* AsTuple(const Value& v) { return As<TupleObject>(v); }

struct TupleSeq {
  const TupleObject* t;
  size_t size() const { return t->size(); }
  Value at(size_t i) const { return t->get(i); }
};

// A tuple of `type` holding `items`.
Value MakeTuple(TypeObject* type, std::vector<Value> items) {
  if (items.empty() && type == g_types.tuple) {
    return Value::FromObject(TupleObject::Empty());
  }
  Value t = TupleObject::New(items.size());
  for (size_t i = 0; i < items.size(); ++i) {
    AsTuple(t)->set(i, std::move(items[i]));
  }
  return Retype(std::move(t), type);
}

Value TupleNewFn(TypeObject* type, Value* args, size_t nargs, TupleObject* kw) {
  if (type == g_types.tuple && !CheckNoKwargs("tuple", kw)) return Value();
  size_t npos = nargs - KwCount(kw);
  if (npos > 1) {
    return RaiseF(g_exc.TypeError, "tuple expected at most 1 argument, got %d",
                  npos);
  }
  if (npos == 0) return MakeTuple(type, {});
  if (type == g_types.tuple && IsExactType(args[0], g_types.tuple)) {
    return args[0];
  }
  std::vector<Value> items;
  if (!CollectItems(args[0], &items)) return Value();
  return MakeTuple(type, std::move(items));
}

Value TupleLen(Value* args, size_t nargs, TupleObject* kw) {
  return Value::Int(static_cast<int64_t>(AsTuple(args[0])->size()));
}

Value TupleGetItem(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("tuple.__getitem__", NumPositional(nargs, kw), kw, 1, 1)) {
    return Value();
  }
  TupleObject* t = AsTuple(args[0]);
  const Value& key = args[1];
  int64_t n = static_cast<int64_t>(t->size());
  if (IsExactType(key, g_types.slice)) {
    return TupleGetSlice(args[0], As<SliceObject>(key));
  }
  int64_t i;
  bool is_index;
  if (!SequenceIndex(key, &i, &is_index)) {
    if (is_index) return Value();
    return RaiseF(g_exc.TypeError,
                  "tuple indices must be integers or slices, not %s",
                  TypeName(key));
  }
  if (i < 0) i += n;
  if (i < 0 || i >= n)
    return Raise(g_exc.IndexError, "tuple index out of range");
  return t->get(i);
}

Value TupleContains(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("tuple.__contains__", NumPositional(nargs, kw), kw, 1, 1)) {
    return Value();
  }
  TupleObject* t = AsTuple(args[0]);
  for (size_t i = 0; i < t->size(); ++i) {
    int eq = Equals(t->get(i), args[1]);
    if (eq < 0) return Value();
    if (eq) return Value::Bool(true);
  }
  return Value::Bool(false);
}

Value TupleIter(Value* args, size_t nargs, TupleObject* kw) {
  return NewIterator(IteratorObject::Kind::kTuple, args[0]);
}

Value TupleAdd(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("tuple.__add__", NumPositional(nargs, kw), kw, 1, 1)) {
    return Value();
  }
  if (!IsObjectOf(args[1], g_types.tuple)) return NotImplemented();
  return TupleConcat(args[0], args[1]);
}

Value TupleMul(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("tuple.__mul__", NumPositional(nargs, kw), kw, 1, 1)) {
    return Value();
  }
  int64_t count;
  bool is_index;
  if (!RepeatCount(args[1], &count, &is_index)) {
    return is_index ? Value() : NotImplemented();
  }
  TupleObject* t = AsTuple(args[0]);
  if (count == 1 && IsExactType(args[0], g_types.tuple)) return args[0];
  size_t total;
  if (!RepeatSize(t->size(), count, &total, sizeof(Value))) return Value();
  if (total == 0) return Value::FromObject(TupleObject::Empty());
  Value r = TupleObject::New(total);
  for (size_t k = 0, j = 0; k < static_cast<size_t>(count); ++k) {
    for (size_t i = 0; i < t->size(); ++i) AsTuple(r)->set(j++, t->get(i));
  }
  return r;
}

template <CompareOp kOp>
Value TupleCompare(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("comparison", NumPositional(nargs, kw), kw, 1, 1)) {
    return Value();
  }
  if (!IsObjectOf(args[1], g_types.tuple)) return NotImplemented();
  return CompareSequences(TupleSeq{AsTuple(args[0])},
                          TupleSeq{AsTuple(args[1])}, kOp);
}

Value TupleHash(Value* args, size_t nargs, TupleObject* kw) {
  int64_t h;
  if (!TupleHashValue(AsTuple(args[0]), &h)) return Value();
  return Value::Int(h);
}

Value TupleRepr(Value* args, size_t nargs, TupleObject* kw) {
  TupleObject* t = AsTuple(args[0]);
  if (t->size() == 0) return StrObject::New("()");
  ReprGuard guard(t);
  if (!guard.entered()) return StrObject::New("(...)");
  std::string out = "(";
  for (size_t i = 0; i < t->size(); ++i) {
    if (i > 0) out += ", ";
    Value r = Repr(t->get(i));
    if (r.is_null()) return r;
    out += As<StrObject>(r)->str();
  }
  out += t->size() == 1 ? ",)" : ")";
  return StrObject::New(out);
}

Value TupleCount(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("tuple.count", NumPositional(nargs, kw), kw, 1, 1)) {
    return Value();
  }
  TupleObject* t = AsTuple(args[0]);
  int64_t n = 0;
  for (size_t i = 0; i < t->size(); ++i) {
    int eq = Equals(t->get(i), args[1]);
    if (eq < 0) return Value();
    n += eq;
  }
  return Value::Int(n);
}

Value TupleIndex(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("index", NumPositional(nargs, kw), kw, 1, 3)) return Value();
  TupleObject* t = AsTuple(args[0]);
  int64_t n = static_cast<int64_t>(t->size());
  int64_t start = 0, stop = INT64_MAX;
  if (nargs > 2 && !SliceIndexArgNotNone(args[2], &start)) return Value();
  if (nargs > 3 && !SliceIndexArgNotNone(args[3], &stop)) return Value();
  if (start < 0) {
    start += n;
    if (start < 0) start = 0;
  }
  if (stop < 0) {
    stop += n;
  } else if (stop > n) {
    stop = n;
  }
  for (int64_t i = start; i < stop && i < static_cast<int64_t>(t->size());
       ++i) {
    int eq = Equals(t->get(i), args[1]);
    if (eq < 0) return Value();
    if (eq) return Value::Int(i);
  }
  return Raise(g_exc.ValueError, "tuple.index(x): x not in tuple");
}

}  // namespace

Value TupleConcat(const Value& av, const Value& bv) {
  TupleObject* a = AsTuple(av);
  TupleObject* b = AsTuple(bv);
  if (b->size() == 0 && IsExactType(av, g_types.tuple)) return av;
  if (a->size() == 0 && IsExactType(bv, g_types.tuple)) return bv;
  return TupleObject::Concat(a, b);
}

bool TupleHashValue(TupleObject* t, int64_t* out) {
  if (t->cached_hash != -1) {
    *out = t->cached_hash;
    return true;
  }
  // CPython 3.11's tuplehash: an xxHash64-style round per item.
  constexpr uint64_t kPrime1 = 11400714785074694791ull;
  constexpr uint64_t kPrime2 = 14029467366897019727ull;
  constexpr uint64_t kPrime5 = 2870177450012600261ull;
  uint64_t acc = kPrime5;
  for (size_t i = 0; i < t->size(); ++i) {
    int64_t lane;
    if (!Hash(t->get(i), &lane)) return false;
    acc += static_cast<uint64_t>(lane) * kPrime2;
    acc = (acc << 31) | (acc >> 33);
    acc *= kPrime1;
  }
  // The length, mangled so that hash(()) keeps its historical value.
  acc += t->size() ^ (kPrime5 ^ 3527539ull);
  if (acc == static_cast<uint64_t>(-1)) acc = 1546275796;
  t->cached_hash = static_cast<int64_t>(acc);
  *out = t->cached_hash;
  return true;
}

void InitTupleType() {
  g_types.tuple->set_new_fn(TupleNewFn);
  DefMethod<TupleType, TupleLen>("__len__");
  DefMethod<TupleType, TupleGetItem>("__getitem__");
  DefMethod<TupleType, TupleContains>("__contains__");
  DefMethod<TupleType, TupleIter>("__iter__");
  DefMethod<TupleType, TupleAdd>("__add__");
  DefMethod<TupleType, TupleMul>("__mul__");
  DefMethod<TupleType, TupleMul>("__rmul__");
  DefMethod<TupleType, TupleCompare<CompareOp::kEq>>("__eq__");
  DefMethod<TupleType, TupleCompare<CompareOp::kNe>>("__ne__");
  DefMethod<TupleType, TupleCompare<CompareOp::kLt>>("__lt__");
  DefMethod<TupleType, TupleCompare<CompareOp::kLe>>("__le__");
  DefMethod<TupleType, TupleCompare<CompareOp::kGt>>("__gt__");
  DefMethod<TupleType, TupleCompare<CompareOp::kGe>>("__ge__");
  DefMethod<TupleType, TupleHash>("__hash__");
  DefMethod<TupleType, TupleRepr>("__repr__");
  DefMethod<TupleType, TupleCount>("count");
  DefMethod<TupleType, TupleIndex>("index");
}

}  // namespace minidynamo
