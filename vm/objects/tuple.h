#ifndef MINIDYNAMO_VM_OBJECTS_TUPLE_H_
#define MINIDYNAMO_VM_OBJECTS_TUPLE_H_

// TupleObject: an immutable sequence. Items are stored inline after the header,
// as in CPython, so a tuple is one allocation.

#include <cstddef>
#include <initializer_list>

#include "vm/core/object.h"

namespace minidynamo {

class TupleObject : public Object {
 public:
  static Value New(size_t size);  // Items start as null; fill them with set().
  static Value FromValues(const Value* items, size_t n);
  // Moves the n items in (each source left null): BUILD_TUPLE's stack slots.
  static Value FromMoved(Value* items, size_t n);
  // A new tuple of a's items then b's (tuple + tuple).
  static Value Concat(const TupleObject* a, const TupleObject* b);
  static Value Of(std::initializer_list<Value> items);
  static TupleObject* Empty();

  size_t size() const { return size_; }
  const Value& get(size_t i) const { return items_[i]; }
  void set(size_t i, Value v) { items_[i] = std::move(v); }
  Value* data() { return items_; }
  const Value* data() const { return items_; }

  // Cached hash (-1: not computed); tuples of hashable items only.
  int64_t cached_hash = -1;

  ~TupleObject() override;
  // No ClearRefs: tuples are immutable (a cycle through one also runs through
  // a mutable container).
  void Traverse(GcVisitor& v) override {
    Object::Traverse(v);
    for (size_t i = 0; i < size_; ++i) v.Visit(items_[i]);
  }
  static void* operator new(size_t base, size_t items);
  static void operator delete(void* p);

  // Object::Dealloc of an exact tuple (refcount 0, untracked): releases the
  // items and keeps the tuple on its size's free list, as CPython's
  // tupledealloc does for sizes below 20 (up to 2000 each). False when it
  // does not (then the tuple is deleted as usual). A tuple made of that size
  // takes it back: no allocation, no destructor chain and no type
  // reference counting.
  static bool Recycle(Object* o);

 private:
  // A tuple of `size` items from the free list, live and tracked, its items
  // not constructed; null when the list is empty.
  static TupleObject* TakeFree(size_t size);
  TupleObject(TypeObject* type, size_t size);
  // Items copied, or moved, from `src` (size of them) as they are built.
  TupleObject(TypeObject* type, size_t size, const Value* src);
  TupleObject(TypeObject* type, size_t size, Value* src, bool /*move*/);
  size_t size_;
  Value items_[1];  // Really `size_` items (allocated with the object).
};

class SliceObject;
struct SliceBounds;

// t[slice] for a tuple `self`, as its __getitem__ (null with an exception
// raised); GetItem calls it for exact tuples directly.
Value TupleGetSlice(const Value& self, SliceObject* slice);
// The same by bounds, without a slice object.
Value TupleGetSliceOf(const Value& self, const SliceBounds& bounds);

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_OBJECTS_TUPLE_H_
