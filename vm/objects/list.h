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
