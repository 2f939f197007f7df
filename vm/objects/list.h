#ifndef MINIDYNAMO_VM_OBJECTS_LIST_H_
#define MINIDYNAMO_VM_OBJECTS_LIST_H_

// ListObject: a mutable sequence over a std::vector<Value>.

#include <vector>

#include "vm/core/object.h"

namespace minidynamo {

class ListObject : public Object {
 public:
  static Value New();
  static Value FromValues(const Value* items, size_t n);
  explicit ListObject(TypeObject* type) : Object(type) {}

  std::vector<Value>& items() { return items_; }
  const std::vector<Value>& items() const { return items_; }
  size_t size() const { return items_.size(); }

  // Appends, growing as CPython's list_resize does (to about 1.125x the new
  // size, plus 6; 1.5x past 1024 items) rather than by std::vector's
  // doubling: a list built item by item keeps little spare room, which
  // matters twice as much with 16-byte Values. Also for the item vectors
  // that become lists (CollectGenerator).
  void Append(Value v) { AppendTo(&items_, std::move(v)); }
  static void AppendTo(std::vector<Value>* items, Value v) {
    if (items->size() == items->capacity()) GrowForAppend(items);
    items->push_back(std::move(v));
  }

  void Traverse(GcVisitor& v) override {
    Object::Traverse(v);
    for (const Value& x : items_) v.Visit(x);
  }
  // Items are released last to first, as CPython's list_dealloc and
  // _list_clear (visible through __del__).
  ~ListObject() override { ReleaseItems(&items_); }
  void ClearRefs() override {
    std::vector<Value> old;
    old.swap(items_);
    ReleaseItems(&old);
  }
  static void ReleaseItems(std::vector<Value>* items) {
    while (!items->empty()) items->pop_back();
  }

 private:
  static void GrowForAppend(std::vector<Value>* items);

  std::vector<Value> items_;
};

class SliceObject;
struct SliceBounds;

// l[slice] and l[slice] = value (null: del l[slice]) for a list, as its
// __getitem__ / __setitem__ / __delitem__ do; null / false with an exception
// raised. GetItem and SetItem call them for exact lists directly.
Value ListGetSlice(ListObject* l, SliceObject* slice);
bool ListAssignSlice(ListObject* l, const Value& self, SliceObject* slice,
                     const Value& value);
// The same by bounds, without a slice object (the eval loop's BUILD_SLICE
// followed by a subscript of an exact list).
Value ListGetSliceOf(ListObject* l, const SliceBounds& bounds);
bool ListAssignSliceOf(ListObject* l, const Value& self,
                       const SliceBounds& bounds, const Value& value);

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_OBJECTS_LIST_H_
