#ifndef MINIDYNAMO_VM_OBJECTS_INSTANCE_H_
#define MINIDYNAMO_VM_OBJECTS_INSTANCE_H_

// Instances of plain classes with their attributes inline, as CPython 3.11's
// values-in-object layout.
//
// A class whose solid base is `object` and that has no __slots__
// (TypeObject::inline_values) makes InstanceObjects: the header, then one
// Value per attribute, keyed by the class's shared key list
// (TypeObject::shared_keys): the i-th value is the attribute named by the
// i-th shared key. Instances that set the same attributes in the same order
// (what __init__ does) share one list, so a three-attribute instance is one
// 88-byte block instead of an object, a dict and its entries.
//
// The values stand in for the instance dict until something needs a real
// one: `__dict__`, vars(), deleting an attribute, an attribute set out of
// the shared order or past the room the instance was made with, a name that
// is not an interned str. Then MaterializeValues moves them into a dict
// (in the same order) and the instance is an ordinary one from then on:
// "values mode" is exactly `dict_if_made() == nullptr` on an instance of
// an inline_values class.

#include <cstdint>
#include <new>
#include <vector>

#include "vm/core/object.h"
#include "vm/core/type.h"

namespace minidynamo {

class StrObject;

class InstanceObject : public Object {
 public:
  // An instance of `type` (which has inline_values) with room for as many
  // attributes as the class's instances have set so far.
  static InstanceObject* New(TypeObject* type);
  ~InstanceObject() override;

  // The object in values mode, else null.
  static InstanceObject* ValuesOf(Object* o) {
    if (o->dict_if_made() != nullptr || !o->type()->inline_values()) {
      return nullptr;
    }
    return static_cast<InstanceObject*>(o);
  }

  uint32_t size() const { return size_; }
  Value* values() { return reinterpret_cast<Value*>(this + 1); }
  // The index of `name` among the set values, or -1.
  int64_t Find(StrObject* name) const;

  // The attribute `name`, or null when unset. `hint` is an inline cache's
  // index of the last hit; the hit path is inline (every cached read).
  [[gnu::always_inline]] Value Get(StrObject* name, uint32_t* hint) {
    uint32_t h = *hint;
    if (h < size_ && type()->shared_keys()[h] == name) return values()[h];
    return GetMiss(name, hint);
  }
  // Sets `name` in place when the values can hold it (an attribute already
  // set, or the next shared key with room left); false, with `value`
  // untouched, when the instance needs its dict first. The old value is
  // released after the store.
  [[gnu::always_inline]] bool TrySet(StrObject* name, Value* value,
                                     uint32_t* hint) {
    uint32_t h = *hint;
    const std::vector<StrObject*>& keys = type()->shared_keys();
    if (h < size_ && keys[h] == name) {
      Value& slot = values()[h];
      Value old(std::move(slot));  // released after the store
      new (&slot) Value(std::move(*value));
      return true;
    }
    if (h == size_ && h < capacity_ && h < keys.size() && keys[h] == name) {
      // The next attribute in the shared order (an __init__ store).
      new (&values()[h]) Value(std::move(*value));
      ++size_;
      return true;
    }
    return TrySetMiss(name, value, hint);
  }
  // The dict holding the values (empty when there were none); the instance
  // keeps it from then on.
  DictObject* Materialize();
  // Releases the values (the instance's __dict__ is being replaced).
  void DropValues();

  void Traverse(GcVisitor& v) override;
  void ClearRefs() override;

  // The values follow the object in the same allocation.
  static void operator delete(void* p) { SmallFree(p); }

 private:
  InstanceObject(TypeObject* type, uint32_t capacity);
  static void* operator new(size_t size, uint32_t n) {
    return SmallAlloc(size + n * sizeof(Value));
  }
  // Only reached if the constructor threw (it does not).
  static void operator delete(void* p, uint32_t) { SmallFree(p); }

  Value GetMiss(StrObject* name, uint32_t* hint);
  bool TrySetMiss(StrObject* name, Value* value, uint32_t* hint);

  uint32_t size_ = 0;  // values()[0, size_) are set, in shared-key order
  uint32_t capacity_;
};
static_assert(sizeof(InstanceObject) % alignof(Value) == 0,
              "values follow the header");

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_OBJECTS_INSTANCE_H_
