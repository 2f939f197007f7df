// The methods of list, with CPython 3.11's behaviour and messages.
//
// list() makes an empty list (the NewFn) and list.__init__ fills it, as in
// CPython, so `class L(list)` with its own __init__ calling super().__init__
// works. The NewFn of a subclass call and of list.__new__ is the same.

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "vm/core/builtin_types.h"
#include "vm/core/errors.h"
#include "vm/interp/generator.h"
#include "vm/interp/ops.h"
#include "vm/objects/container_api.h"
#include "vm/objects/descriptor.h"
#include "vm/objects/generic_alias.h"
#include "vm/objects/iterator.h"
#include "vm/objects/list.h"
#include "vm/objects/method_util.h"
#include "vm/objects/repr_guard.h"
#include "vm/objects/str.h"
#include "vm/objects/tuple.h"
#include "vm/objects/type_inits.h"

namespace minidynamo {
namespace {

ListObject* AsList(const Value& v) { return As<ListObject>(v); }

struct ListSeq {
  const ListObject* l;
  size_t size() const { return l->size(); }
  Value at(size_t i) const { return l->items()[i]; }
};

Value ListNewFn(TypeObject* type, Value* args, size_t nargs, TupleObject* kw) {
  return Value::Steal(new ListObject(type));
}

Value ListInit(Value* args, size_t nargs, TupleObject* kw) {
  // As CPython: keywords are refused unless a subclass supplies its own
  // __new__ (which may take them).
  static StrObject* new_name = Intern("__new__");
  TypeObject* type = TypeOf(args[0]);
  if (KwCount(kw) > 0 &&
      (type == g_types.list ||
       type->Lookup(new_name).Is(g_types.object->Lookup(new_name))) &&
      !CheckNoKwargs("list", kw)) {
    return Value();
  }
  size_t npos = NumPositional(nargs, kw);
  if (npos > 1) {
    return RaiseF(g_exc.TypeError, "list expected at most 1 argument, got %d",
                  npos);
  }
  ListObject* self = AsList(args[0]);
  // Re-initialising empties the list first, as CPython does.
  if (self->size() > 0) {
    std::vector<Value> old;
    old.swap(self->items());
  }
  if (npos == 1 && !ListExtendWith(self, args[1])) return Value();
  return Value::None();
}

Value ListLen(Value* args, size_t nargs, TupleObject* kw) {
  return Value::Int(static_cast<int64_t>(AsList(args[0])->size()));
}

// Resolves an int index into [0, n); false with `message` as IndexError, or the
// TypeError for a non-index key.
bool ListIndex(const Value& key, int64_t n, int64_t* out, const char* message) {
  bool is_index;
  if (!SequenceIndex(key, out, &is_index)) {
    if (is_index) return false;
    RaiseF(g_exc.TypeError, "list indices must be integers or slices, not %s",
           TypeName(key));
    return false;
  }
  if (*out < 0) *out += n;
  if (*out < 0 || *out >= n) {
    Raise(g_exc.IndexError, message);
    return false;
  }
  return true;
}

Value GetSlice(ListObject* l, const SliceBounds& bounds) {
  int64_t start, stop, step;
  if (!SliceUnpack(bounds, &start, &stop, &step)) return Value();
  // The length after the bounds' __index__ (which may change the list).
  int64_t len =
      SliceAdjust(static_cast<int64_t>(l->size()), &start, &stop, step);
  auto* r = new ListObject(g_types.list);
  Value result = Value::Steal(r);
  r->items().reserve(static_cast<size_t>(len));
  for (int64_t i = 0, j = start; i < len; ++i, j += step) {
    r->items().push_back(l->items()[j]);
  }
  return result;
}

Value ListGetItem(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("list.__getitem__", NumPositional(nargs, kw), kw, 1, 1)) {
    return Value();
  }
  ListObject* l = AsList(args[0]);
  const Value& key = args[1];
  int64_t n = static_cast<int64_t>(l->size());
  if (IsExactType(key, g_types.slice)) {
    return GetSlice(l, As<SliceObject>(key)->bounds());
  }
  int64_t i;
  if (!ListIndex(key, n, &i, "list index out of range")) return Value();
  return l->items()[i];
}

// a[lo:hi] = items (step 1), CPython's list_ass_slice.
void AssignSimpleSlice(ListObject* l, int64_t lo, int64_t hi,
                       std::vector<Value> items) {
  int64_t n = static_cast<int64_t>(l->size());
  if (lo < 0) lo = 0;
  if (lo > n) lo = n;
  if (hi < lo) hi = lo;
  if (hi > n) hi = n;
  std::vector<Value>& v = l->items();
  if (hi - lo == static_cast<int64_t>(items.size())) {
    // As many as it replaces (a reversal, a rotation): swapped in place, the
    // replaced items leaving through `items` once the list is consistent.
    for (size_t i = 0; i < items.size(); ++i) v[lo + i].Swap(items[i]);
    ListObject::ReleaseItems(&items);
    return;
  }
  // Keep the replaced items alive until the list is consistent again: their
  // destructors may run Python code.
  std::vector<Value> removed(std::make_move_iterator(v.begin() + lo),
                             std::make_move_iterator(v.begin() + hi));
  v.erase(v.begin() + lo, v.begin() + hi);
  v.insert(v.begin() + lo, std::make_move_iterator(items.begin()),
           std::make_move_iterator(items.end()));
  ListObject::ReleaseItems(&removed);  // last first, as CPython
}

bool DeleteSlice(ListObject* l, int64_t start, int64_t step, int64_t len) {
  if (len <= 0) return true;
  std::vector<Value>& v = l->items();
  if (step < 0) {
    // Walk forwards over the same positions.
    start = start + step * (len - 1);
    step = -step;
  }
  std::vector<Value> removed;
  removed.reserve(static_cast<size_t>(len));
  std::vector<Value> kept;
  kept.reserve(v.size() - static_cast<size_t>(len));
  int64_t next = start, taken = 0;
  for (int64_t i = 0; i < static_cast<int64_t>(v.size()); ++i) {
    if (taken < len && i == next) {
      removed.push_back(std::move(v[i]));
      ++taken;
      next += step;
    } else {
      kept.push_back(std::move(v[i]));
    }
  }
  v.swap(kept);
  return true;
}

bool AssignSlice(ListObject* l, const Value& self, const SliceBounds& bounds,
                 const Value& value) {
  int64_t start, stop, step, len;
  if (!SliceUnpack(bounds, &start, &stop, &step)) return false;
  if (value.is_null()) {
    len = SliceAdjust(static_cast<int64_t>(l->size()), &start, &stop, step);
    if (step == 1) {
      AssignSimpleSlice(l, start, stop, {});
      return true;
    }
    return DeleteSlice(l, start, step, len);
  }
  std::vector<Value> items;
  if (value.Is(self)) {
    items = l->items();  // a[:] = a: copy before changing a.
  } else if (IsExactType(value, g_types.list) &&
             value.as_object()->refcount() == 1) {
    // A list nobody else holds (a[:k] = b[k::-1]'s temporary): its items
    // are taken instead of copied.
    items.swap(As<ListObject>(value)->items());
  } else if (IsExactType(value, g_types.list) ||
             IsExactType(value, g_types.tuple)) {
    CollectItems(value, &items);
  } else {
    // CPython's PySequence_Fast: a non-iterable gets this operation's message.
    Value it = GetIter(value);
    if (it.is_null()) {
      if (ErrorMatches(g_exc.TypeError)) {
        ClearError();
        Raise(g_exc.TypeError, step == 1
                                   ? "can only assign an iterable"
                                   : "must assign iterable to extended slice");
      }
      return false;
    }
    if (!CollectItems(it, &items)) return false;
  }
  // The length after the bounds' __index__ and the value's iteration (either
  // may change the list).
  len = SliceAdjust(static_cast<int64_t>(l->size()), &start, &stop, step);
  if (step == 1) {
    AssignSimpleSlice(l, start, stop, std::move(items));
    return true;
  }
  if (static_cast<int64_t>(items.size()) != len) {
    RaiseF(g_exc.ValueError,
           "attempt to assign sequence of size %d to extended slice of size %d",
           items.size(), len);
    return false;
  }
  std::vector<Value> old;
  old.reserve(items.size());
  for (int64_t i = 0, j = start; i < len; ++i, j += step) {
    old.push_back(std::move(l->items()[j]));
    l->items()[j] = std::move(items[i]);
  }
  return true;
}

Value ListSetItem(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("__setitem__", NumPositional(nargs, kw), kw, 2, 2)) {
    return Value();
  }
  ListObject* l = AsList(args[0]);
  if (IsExactType(args[1], g_types.slice)) {
    if (!AssignSlice(l, args[0], As<SliceObject>(args[1])->bounds(), args[2])) {
      return Value();
    }
    return Value::None();
  }
  int64_t i;
  if (!ListIndex(args[1], static_cast<int64_t>(l->size()), &i,
                 "list assignment index out of range")) {
    return Value();
  }
  Value old = std::move(l->items()[i]);
  l->items()[i] = args[2];
  return Value::None();
}

Value ListDelItem(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("list.__delitem__", NumPositional(nargs, kw), kw, 1, 1)) {
    return Value();
  }
  ListObject* l = AsList(args[0]);
  if (IsExactType(args[1], g_types.slice)) {
    if (!AssignSlice(l, args[0], As<SliceObject>(args[1])->bounds(), Value())) {
      return Value();
    }
    return Value::None();
  }
  int64_t i;
  if (!ListIndex(args[1], static_cast<int64_t>(l->size()), &i,
                 "list assignment index out of range")) {
    return Value();
  }
  Value old = std::move(l->items()[i]);
  l->items().erase(l->items().begin() + i);
  return Value::None();
}

Value ListContains(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("list.__contains__", NumPositional(nargs, kw), kw, 1, 1)) {
    return Value();
  }
  ListObject* l = AsList(args[0]);
  for (size_t i = 0; i < l->size(); ++i) {
    Value item = l->items()[i];
    int eq = Equals(item, args[1]);
    if (eq < 0) return Value();
    if (eq) return Value::Bool(true);
  }
  return Value::Bool(false);
}

Value ListIter(Value* args, size_t nargs, TupleObject* kw) {
  return NewIterator(IteratorObject::Kind::kList, args[0]);
}

Value ListReversed(Value* args, size_t nargs, TupleObject* kw) {
  return ListReverseIterator(args[0]);
}

}  // namespace

Value ListReverseIterator(const Value& list) {
  Value it = NewIterator(IteratorObject::Kind::kListReverse, list);
  if (it.is_null()) return it;
  As<IteratorObject>(it)->index =
      static_cast<int64_t>(As<ListObject>(list)->size()) - 1;
  return it;
}

Value ListConcat(const ListObject* a, const ListObject* b) {
  auto* r = new ListObject(g_types.list);
  Value result = Value::Steal(r);
  std::vector<Value>& items = r->items();
  items.reserve(a->size() + b->size());
  items.insert(items.end(), a->items().begin(), a->items().end());
  items.insert(items.end(), b->items().begin(), b->items().end());
  return result;
}

namespace {

Value ListAdd(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("list.__add__", NumPositional(nargs, kw), kw, 1, 1)) {
    return Value();
  }
  if (!IsObjectOf(args[1], g_types.list)) return NotImplemented();
  return ListConcat(AsList(args[0]), AsList(args[1]));
}

Value ListIAdd(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("list.__iadd__", NumPositional(nargs, kw), kw, 1, 1)) {
    return Value();
  }
  if (!ListExtendWith(AsList(args[0]), args[1])) return Value();
  return args[0];
}

bool RepeatInto(const std::vector<Value>& src, int64_t count,
                std::vector<Value>* out) {
  size_t total;
  if (!RepeatSize(src.size(), count, &total, sizeof(Value))) return false;
  out->reserve(total);
  for (int64_t k = 0; total > 0 && k < count; ++k) {
    out->insert(out->end(), src.begin(), src.end());
  }
  return true;
}

Value ListMul(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("list.__mul__", NumPositional(nargs, kw), kw, 1, 1)) {
    return Value();
  }
  int64_t count;
  bool is_index;
  if (!RepeatCount(args[1], &count, &is_index)) {
    return is_index ? Value() : NotImplemented();
  }
  auto* r = new ListObject(g_types.list);
  Value result = Value::Steal(r);
  if (!RepeatInto(AsList(args[0])->items(), count, &r->items())) return Value();
  return result;
}

Value ListIMul(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("list.__imul__", NumPositional(nargs, kw), kw, 1, 1)) {
    return Value();
  }
  int64_t count;
  bool is_index;
  if (!RepeatCount(args[1], &count, &is_index)) {
    return is_index ? Value() : NotImplemented();
  }
  ListObject* l = AsList(args[0]);
  std::vector<Value> repeated;
  if (!RepeatInto(l->items(), count, &repeated)) return Value();
  repeated.swap(l->items());  // The old items die with `repeated`.
  return args[0];
}

template <CompareOp kOp>
Value ListCompare(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("comparison", NumPositional(nargs, kw), kw, 1, 1)) {
    return Value();
  }
  if (!IsObjectOf(args[1], g_types.list)) return NotImplemented();
  ListObject* a = AsList(args[0]);
  ListObject* b = AsList(args[1]);
  // Lists of different lengths are never equal; skip comparing items.
  if (a->size() != b->size() &&
      (kOp == CompareOp::kEq || kOp == CompareOp::kNe)) {
    return Value::Bool(kOp == CompareOp::kNe);
  }
  return CompareSequences(ListSeq{a}, ListSeq{b}, kOp);
}

Value ListRepr(Value* args, size_t nargs, TupleObject* kw) {
  ListObject* l = AsList(args[0]);
  if (l->size() == 0) return StrObject::New("[]");
  ReprGuard guard(l);
  if (!guard.entered()) return StrObject::New("[...]");
  std::string out = "[";
  // Re-check the size each step: an item's __repr__ may change the list.
  for (size_t i = 0; i < l->size(); ++i) {
    if (i > 0) out += ", ";
    Value item = l->items()[i];
    Value r = Repr(item);
    if (r.is_null()) return r;
    out += As<StrObject>(r)->str();
  }
  out += "]";
  return StrObject::New(out);
}

Value ListAppend(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("list.append", NumPositional(nargs, kw), kw, 1, 1)) {
    return Value();
  }
  AsList(args[0])->Append(args[1]);
  return Value::None();
}

Value ListExtend(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("list.extend", NumPositional(nargs, kw), kw, 1, 1)) {
    return Value();
  }
  if (!ListExtendWith(AsList(args[0]), args[1])) return Value();
  return Value::None();
}

Value ListInsert(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("insert", NumPositional(nargs, kw), kw, 2, 2)) return Value();
  int64_t i;
  if (!SsizeArg(args[1], &i)) return Value();
  std::vector<Value>& v = AsList(args[0])->items();
  int64_t n = static_cast<int64_t>(v.size());
  if (i < 0) {
    i += n;
    if (i < 0) i = 0;
  }
  if (i > n) i = n;
  v.insert(v.begin() + i, args[2]);
  return Value::None();
}

Value ListPop(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("pop", NumPositional(nargs, kw), kw, 0, 1)) return Value();
  int64_t i = -1;
  if (nargs > 1 && !SsizeArg(args[1], &i)) return Value();
  std::vector<Value>& v = AsList(args[0])->items();
  int64_t n = static_cast<int64_t>(v.size());
  if (n == 0) return Raise(g_exc.IndexError, "pop from empty list");
  if (i < 0) i += n;
  if (i < 0 || i >= n) return Raise(g_exc.IndexError, "pop index out of range");
  Value item = std::move(v[i]);
  v.erase(v.begin() + i);
  return item;
}

Value ListRemove(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("list.remove", NumPositional(nargs, kw), kw, 1, 1)) {
    return Value();
  }
  ListObject* l = AsList(args[0]);
  for (size_t i = 0; i < l->size(); ++i) {
    Value item = l->items()[i];
    int eq = Equals(item, args[1]);
    if (eq < 0) return Value();
    if (eq) {
      if (i < l->size()) {
        Value old = std::move(l->items()[i]);
        l->items().erase(l->items().begin() + i);
      }
      return Value::None();
    }
  }
  return Raise(g_exc.ValueError, "list.remove(x): x not in list");
}

Value ListIndexMethod(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("index", NumPositional(nargs, kw), kw, 1, 3)) return Value();
  ListObject* l = AsList(args[0]);
  int64_t start = 0, stop = INT64_MAX;
  if (nargs > 2 && !SliceIndexArgNotNone(args[2], &start)) return Value();
  if (nargs > 3 && !SliceIndexArgNotNone(args[3], &stop)) return Value();
  int64_t n = static_cast<int64_t>(l->size());
  if (start < 0) {
    start += n;
    if (start < 0) start = 0;
  }
  if (stop < 0) {
    stop += n;
    if (stop < 0) stop = 0;
  }
  for (int64_t i = start; i < stop && i < static_cast<int64_t>(l->size());
       ++i) {
    Value item = l->items()[i];
    int eq = Equals(item, args[1]);
    if (eq < 0) return Value();
    if (eq) return Value::Int(i);
  }
  Value r = Repr(args[1]);
  if (r.is_null()) return r;
  return RaiseF(g_exc.ValueError, "%s is not in list", As<StrObject>(r)->str());
}

Value ListCount(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("list.count", NumPositional(nargs, kw), kw, 1, 1)) {
    return Value();
  }
  ListObject* l = AsList(args[0]);
  int64_t count = 0;
  for (size_t i = 0; i < l->size(); ++i) {
    Value item = l->items()[i];
    int eq = Equals(item, args[1]);
    if (eq < 0) return Value();
    count += eq;
  }
  return Value::Int(count);
}

Value ListClear(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("list.clear", NumPositional(nargs, kw), kw, 0, 0)) {
    return Value();
  }
  std::vector<Value> old;
  old.swap(AsList(args[0])->items());
  ListObject::ReleaseItems(&old);
  return Value::None();
}

Value ListCopy(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("list.copy", NumPositional(nargs, kw), kw, 0, 0)) {
    return Value();
  }
  const std::vector<Value>& v = AsList(args[0])->items();
  return ListObject::FromValues(v.data(), v.size());
}

Value ListReverse(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("list.reverse", NumPositional(nargs, kw), kw, 0, 0)) {
    return Value();
  }
  std::vector<Value>& v = AsList(args[0])->items();
  std::reverse(v.begin(), v.end());
  return Value::None();
}

Value ListSortMethod(Value* args, size_t nargs, TupleObject* kw) {
  size_t nkw = KwCount(kw);
  if (NumPositional(nargs, kw) > 0) {
    return Raise(g_exc.TypeError, "sort() takes no positional arguments");
  }
  Value key, reverse;
  for (size_t k = 0; k < nkw; ++k) {
    const std::string& name = As<StrObject>(kw->get(k))->str();
    const Value& v = args[nargs - nkw + k];
    if (name == "key") {
      key = v;
    } else if (name == "reverse") {
      reverse = v;
    } else {
      return RaiseF(g_exc.TypeError,
                    "'%s' is an invalid keyword argument for sort()", name);
    }
  }
  int64_t rev = 0;
  if (!reverse.is_null()) {
    if (reverse.is_float()) {
      return Raise(g_exc.TypeError,
                   "'float' object cannot be interpreted as an integer");
    }
    if (!AsIndex(reverse, &rev)) return Value();
  }
  if (!ListSort(AsList(args[0]), key, rev != 0)) return Value();
  return Value::None();
}

// ---- Sorting ---------------------------------------------------------------

// `a < b` with fast paths for the common homogeneous cases. -1 on error.
int SortLess(const Value& a, const Value& b) {
  if (a.is_int() && b.is_int()) return a.as_int() < b.as_int();
  if (a.is_float() && b.is_float()) return a.as_float() < b.as_float();
  if (IsExactType(a, g_types.str) && IsExactType(b, g_types.str)) {
    // UTF-8 byte order is code point order.
    return As<StrObject>(a)->view() < As<StrObject>(b)->view();
  }
  return RichCompareBool(a, b, CompareOp::kLt);
}

// A stable merge sort of `order` (indices into `keys`) that stops at the first
// failed comparison. Insertion sort for short runs keeps comparisons few.
class Sorter {
 public:
  explicit Sorter(const std::vector<Value>& keys) : keys_(keys) {}

  bool Sort(std::vector<size_t>* order) {
    std::vector<size_t> tmp(order->size());
    return SortRange(order->data(), tmp.data(), order->size());
  }

 private:
  // 1 when keys[b] < keys[a] (b must move before a), -1 on error.
  int Less(size_t a, size_t b) { return SortLess(keys_[a], keys_[b]); }

  bool SortRange(size_t* v, size_t* tmp, size_t n) {
    if (n <= 16) {
      for (size_t i = 1; i < n; ++i) {
        size_t x = v[i];
        // Binary search for the insertion point after equal keys (stability).
        size_t lo = 0, hi = i;
        while (lo < hi) {
          size_t mid = (lo + hi) / 2;
          int lt = Less(x, v[mid]);
          if (lt < 0) return false;
          if (lt) {
            hi = mid;
          } else {
            lo = mid + 1;
          }
        }
        for (size_t j = i; j > lo; --j) v[j] = v[j - 1];
        v[lo] = x;
      }
      return true;
    }
    size_t half = n / 2;
    if (!SortRange(v, tmp, half) || !SortRange(v + half, tmp, n - half)) {
      return false;
    }
    // Already in order: nothing to merge.
    int lt = Less(v[half], v[half - 1]);
    if (lt < 0) return false;
    if (!lt) return true;
    std::copy(v, v + half, tmp);
    size_t i = 0, j = half, k = 0;
    while (i < half && j < n) {
      int take_right = Less(v[j], tmp[i]);
      if (take_right < 0) {
        // Leave a permutation behind: copy back what is still pending.
        while (i < half) v[k++] = tmp[i++];
        return false;
      }
      v[k++] = take_right ? v[j++] : tmp[i++];
    }
    while (i < half) v[k++] = tmp[i++];
    return true;
  }

  const std::vector<Value>& keys_;
};

}  // namespace

Value ListGetSlice(ListObject* l, SliceObject* slice) {
  return GetSlice(l, slice->bounds());
}

bool ListAssignSlice(ListObject* l, const Value& self, SliceObject* slice,
                     const Value& value) {
  return AssignSlice(l, self, slice->bounds(), value);
}

Value ListGetSliceOf(ListObject* l, const SliceBounds& bounds) {
  return GetSlice(l, bounds);
}

bool ListAssignSliceOf(ListObject* l, const Value& self,
                       const SliceBounds& bounds, const Value& value) {
  return AssignSlice(l, self, bounds, value);
}

bool ListExtendWith(ListObject* list, const Value& iterable) {
  if (IsExactType(iterable, g_types.list) ||
      IsExactType(iterable, g_types.tuple)) {
    std::vector<Value> items;  // Copy first: the source may be `list` itself.
    CollectItems(iterable, &items);
    list->items().insert(list->items().end(),
                         std::make_move_iterator(items.begin()),
                         std::make_move_iterator(items.end()));
    return true;
  }
  // A generator appends to the list as it runs (CPython's list.extend
  // appends each item as it comes, in the generator's sight too).
  bool done;
  std::vector<Value>& items = list->items();
  size_t before = items.size();
  bool ok = CollectGenerator(iterable, &items, &done);
  if (done) {
    // Most of the room CollectGenerator made unused: given back, as
    // CPython's list cuts its allocation to the items.
    if (items.size() - before < 4 && items.capacity() > items.size() + 4) {
      items.shrink_to_fit();
    }
    return ok;
  }
  Value it = GetIter(iterable);
  if (it.is_null()) return false;
  while (true) {
    Value item = IterNext(it);
    if (item.is_null()) return !ErrorOccurred();
    list->Append(std::move(item));
  }
}

bool ListSort(ListObject* list, const Value& key, bool reverse) {
  // The list looks empty while sorting, as in CPython, so that mutation from a
  // key function or __lt__ is detectable and harmless.
  std::vector<Value> items;
  items.swap(list->items());
  std::vector<Value> keys;
  bool ok = true;
  bool has_key = !key.is_null() && !key.is_none();
  if (has_key) {
    keys.reserve(items.size());
    for (const Value& item : items) {
      Value k = CallOneArg(key, item);
      if (k.is_null()) {
        ok = false;
        break;
      }
      keys.push_back(std::move(k));
    }
  }
  if (ok) {
    // reverse=True keeps equal items in their original order: reverse, sort
    // stably, reverse back.
    if (reverse) {
      std::reverse(items.begin(), items.end());
      std::reverse(keys.begin(), keys.end());
    }
    std::vector<size_t> order(items.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    Sorter sorter(has_key ? keys : items);
    ok = sorter.Sort(&order);
    std::vector<Value> sorted;
    sorted.reserve(items.size());
    for (size_t i : order) sorted.push_back(std::move(items[i]));
    items.swap(sorted);
    if (reverse) std::reverse(items.begin(), items.end());
  }
  bool modified = !list->items().empty();
  items.swap(list->items());  // Whatever was added meanwhile dies with `items`.
  if (modified && ok) {
    Raise(g_exc.ValueError, "list modified during sort");
    return false;
  }
  return ok;
}

void InitListType() {
  TypeObject* list = g_types.list;
  list->set_new_fn(ListNewFn);
  DefMethod<ListType, ListInit>("__init__");
  DefMethod<ListType, ListLen>("__len__");
  DefMethod<ListType, ListGetItem>("__getitem__");
  DefMethod<ListType, ListSetItem>("__setitem__");
  DefMethod<ListType, ListDelItem>("__delitem__");
  DefMethod<ListType, ListContains>("__contains__");
  DefMethod<ListType, ListIter>("__iter__");
  DefMethod<ListType, ListReversed>("__reversed__");
  DefMethod<ListType, ListAdd>("__add__");
  DefMethod<ListType, ListIAdd>("__iadd__");
  DefMethod<ListType, ListMul>("__mul__");
  DefMethod<ListType, ListMul>("__rmul__");
  DefMethod<ListType, ListIMul>("__imul__");
  DefMethod<ListType, ListCompare<CompareOp::kEq>>("__eq__");
  DefMethod<ListType, ListCompare<CompareOp::kNe>>("__ne__");
  DefMethod<ListType, ListCompare<CompareOp::kLt>>("__lt__");
  DefMethod<ListType, ListCompare<CompareOp::kLe>>("__le__");
  DefMethod<ListType, ListCompare<CompareOp::kGt>>("__gt__");
  DefMethod<ListType, ListCompare<CompareOp::kGe>>("__ge__");
  DefMethod<ListType, ListRepr>("__repr__");
  DefMethod<ListType, ListAppend>("append");
  DefMethod<ListType, ListExtend>("extend");
  DefMethod<ListType, ListInsert>("insert");
  DefMethod<ListType, ListPop>("pop");
  DefMethod<ListType, ListRemove>("remove");
  DefMethod<ListType, ListIndexMethod>("index");
  DefMethod<ListType, ListCount>("count");
  DefMethod<ListType, ListClear>("clear");
  DefMethod<ListType, ListCopy>("copy");
  DefMethod<ListType, ListReverse>("reverse");
  DefMethod<ListType, ListSortMethod>("sort");
  list->SetAttribute("__hash__", Value::None());
  // `list[int]` and friends (PEP 585) for the builtin containers.
  InitGenericAlias();
}

}  // namespace minidynamo
