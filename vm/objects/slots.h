#ifndef MINIDYNAMO_VM_OBJECTS_SLOTS_H_
#define MINIDYNAMO_VM_OBJECTS_SLOTS_H_

// Real __slots__ storage, as CPython's member descriptors.
//
// A class whose instances are plain objects (its solid base is `object`) and
// whose MRO declares __slots__ gets a fixed list of slot names
// (TypeObject::inline_slot_names); its instances are SlottedObjects that keep
// one Value per name right after the header, and the class dict maps each of
// its own names to a MemberDescriptor (a data descriptor: `p.x` reads
// slots()[index]). A slots-only instance has no dict at all: three float
// attributes cost one 88-byte allocation instead of an object, a dict, its
// entries and its index.
//
// Subclasses of builtin types (`class L(list): __slots__ = ('x',)`) keep their
// slot values in the hidden instance dict instead (TypeObject::slot_names).

#include <cstdint>
#include <new>

#include "vm/core/object.h"

namespace minidynamo {

class StrObject;

class SlottedObject : public Object {
 public:
  // An instance of `type` with every slot unset (`type` has inline slots).
  static SlottedObject* New(TypeObject* type);
  ~SlottedObject() override;

  uint32_t num_slots() const { return num_slots_; }
  Value* slots() { return reinterpret_cast<Value*>(this + 1); }

  void Traverse(GcVisitor& v) override;
  void ClearRefs() override;

  // The slot Values follow the object in the same allocation.
  static void operator delete(void* p) { SmallFree(p); }

 private:
  SlottedObject(TypeObject* type, uint32_t n);
  static void* operator new(size_t size, uint32_t n) {
    return SmallAlloc(size + n * sizeof(Value));
  }
  // Only reached if the constructor threw (it does not).
  static void operator delete(void* p, uint32_t) { SmallFree(p); }

  uint32_t num_slots_;
};
static_assert(sizeof(SlottedObject) % alignof(Value) == 0,
              "slot Values follow the header");

// <member 'x' of 'P' objects>: the class attribute that reads and writes one
// slot of the owner's instances.
class MemberDescriptor : public Object {
 public:
  MemberDescriptor(TypeObject* owner, StrObject* name, uint32_t index);
  ~MemberDescriptor() override;

  TypeObject* owner() const { return owner_; }
  StrObject* name() const { return name_; }
  uint32_t index() const { return index_; }

  // descr.__get__(obj): the slot's value, or AttributeError when unset;
  // TypeError when obj is not an instance of the owner.
  Value Get(const Value& obj) const;
  // descr.__set__(obj, value), or __delete__ when `value` is null.
  bool Set(const Value& obj, Value value) const;

  void Traverse(GcVisitor& v) override;

 private:
  // Whether obj is an instance of the owner (else raises TypeError).
  bool Applies(const Value& obj) const;

  TypeObject* owner_;
  StrObject* name_;
  uint32_t index_;
};

// Whether `v` is a MemberDescriptor.
bool IsMemberDescriptor(const Value& v);

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_OBJECTS_SLOTS_H_
