#include "vm/objects/tuple.h"

#include <new>

#include "vm/core/builtin_types.h"

namespace minidynamo {

void* TupleObject::operator new(size_t base, size_t items) {
  // `base` already counts one item.
  return SmallAlloc(base + (items > 0 ? items - 1 : 0) * sizeof(Value));
}

void TupleObject::operator delete(void* p) { SmallFree(p); }

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
  return Value::Steal(new (size) TupleObject(g_types.tuple, size));
}

Value TupleObject::FromValues(const Value* items, size_t n) {
  return Value::Steal(new (n) TupleObject(g_types.tuple, n, items));
}

Value TupleObject::FromMoved(Value* items, size_t n) {
  return Value::Steal(new (n) TupleObject(g_types.tuple, n, items, true));
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
