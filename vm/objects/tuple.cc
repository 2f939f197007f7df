#include "vm/objects/tuple.h"

#include <new>

#include "vm/core/builtin_types.h"

namespace minidynamo {

void* TupleObject::operator new(size_t base, size_t items) {
  // `base` already counts one item.
  return SmallAlloc(base + (items > 0 ? items - 1 : 0) * sizeof(Value));
}

void TupleObject::operator delete(void* p) { SmallFree(p); }

namespace {
// Free lists of exact tuples by size (1..kFreeSizes-1), linked through the
// first item's bytes.
constexpr size_t kFreeSizes = 20;
constexpr int kMaxFreePerSize = 2000;
TupleObject* g_free_tuples[kFreeSizes];
int g_num_free_tuples[kFreeSizes];

TupleObject*& NextFree(TupleObject* t) {
  return *reinterpret_cast<TupleObject**>(t->data());
}
}  // namespace

bool TupleObject::Recycle(Object* o) {
  auto* t = static_cast<TupleObject*>(o);
  const size_t n = t->size_;
  if (!kFreeListsOn || n == 0 || n >= kFreeSizes ||
      g_num_free_tuples[n] >= kMaxFreePerSize || t->dict_if_made() != nullptr) {
    return false;
  }
  // Last to first, as the destructor. An item's __del__ may make and free
  // tuples meanwhile; this one is not on the list yet.
  for (size_t i = n; i-- > 0;) t->items_[i].~Value();
  t->cached_hash = -1;
  NextFree(t) = g_free_tuples[n];
  g_free_tuples[n] = t;
  ++g_num_free_tuples[n];
  return true;
}

TupleObject* TupleObject::TakeFree(size_t size) {
  if (size >= kFreeSizes) return nullptr;
  TupleObject* t = g_free_tuples[size];
  if (t == nullptr) return nullptr;
  g_free_tuples[size] = NextFree(t);
  --g_num_free_tuples[size];
  t->Revive();
  return t;
}

TupleObject::TupleObject(TypeObject* type, size_t size)
    : Object(type), size_(size) {
  for (size_t i = 1; i < size; ++i) new (&items_[i]) Value();
}

TupleObject::TupleObject(TypeObject* type, size_t size, const Value* src)
    : Object(type), size_(size) {
  if (size > 0) items_[0] = src[0];
  for (size_t i = 1; i < size; ++i) new (&items_[i]) Value(src[i]);
}

TupleObject::TupleObject(TypeObject* type, size_t size, Value* src, bool)
    : Object(type), size_(size) {
  if (size > 0) items_[0] = std::move(src[0]);
  for (size_t i = 1; i < size; ++i) new (&items_[i]) Value(std::move(src[i]));
}

TupleObject::~TupleObject() {
  // Last to first, as CPython's tupledealloc (visible through __del__);
  // items_[0], a member, goes last.
  for (size_t i = size_; i-- > 1;) items_[i].~Value();
}

Value TupleObject::New(size_t size) {
  if (TupleObject* t = TakeFree(size)) {
    for (size_t i = 0; i < size; ++i) new (&t->items_[i]) Value();
    return Value::Steal(t);
  }
  return Value::Steal(new (size) TupleObject(g_types.tuple, size));
}

Value TupleObject::FromValues(const Value* items, size_t n) {
  if (TupleObject* t = TakeFree(n)) {
    for (size_t i = 0; i < n; ++i) new (&t->items_[i]) Value(items[i]);
    return Value::Steal(t);
  }
  return Value::Steal(new (n) TupleObject(g_types.tuple, n, items));
}

Value TupleObject::FromMoved(Value* items, size_t n) {
  if (TupleObject* t = TakeFree(n)) {
    for (size_t i = 0; i < n; ++i) {
      new (&t->items_[i]) Value(std::move(items[i]));
    }
    return Value::Steal(t);
  }
  return Value::Steal(new (n) TupleObject(g_types.tuple, n, items, true));
}

Value TupleObject::Concat(const TupleObject* a, const TupleObject* b) {
  const size_t na = a->size_;
  const size_t n = na + b->size_;
  if (TupleObject* t = TakeFree(n)) {
    // Copied straight into the recycled slots (no nulls to overwrite).
    for (size_t i = 0; i < na; ++i) new (&t->items_[i]) Value(a->items_[i]);
    for (size_t i = na; i < n; ++i) {
      new (&t->items_[i]) Value(b->items_[i - na]);
    }
    return Value::Steal(t);
  }
  Value r = New(n);
  auto* t = static_cast<TupleObject*>(r.as_object());
  for (size_t i = 0; i < na; ++i) t->items_[i] = a->items_[i];
  for (size_t i = na; i < n; ++i) t->items_[i] = b->items_[i - na];
  return r;
}

Value TupleObject::Of(std::initializer_list<Value> items) {
  return FromValues(items.begin(), items.size());
}

TupleObject* TupleObject::Empty() {
  static TupleObject* empty = [] {
    Value t = New(0);
    return static_cast<TupleObject*>(t.Release());
  }();
  return empty;
}

}  // namespace minidynamo
