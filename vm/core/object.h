#ifndef MINIDYNAMO_VM_CORE_OBJECT_H_
#define MINIDYNAMO_VM_CORE_OBJECT_H_

// Object: the header every heap value shares.
//
//   vptr | refcount | flags | type | dict
//
// Reference counting frees objects (and the tensors they hold) as promptly as
// CPython does; the cycle collector (gc.h) frees reference cycles, and keeps
// its bookkeeping (generation list, index, finalized mark) in `flags`. The
// optional instance dict lives in the header so that subclasses of builtin
// types (a list subclass with attributes, an Exception subclass) need no
// per-type layout tricks.

#include <cstddef>
#include <cstdint>

#include "vm/core/gc.h"
#include "vm/core/small_alloc.h"
#include "vm/core/value.h"

namespace minidynamo {

class TypeObject;
class DictObject;

class Object {
 public:
  // Adds a reference to `type` (defined in type.h, where TypeObject is
  // complete).
  inline explicit Object(TypeObject* type);
  virtual ~Object();
  Object(const Object&) = delete;
  Object& operator=(const Object&) = delete;
  // Heap objects come from the small-object free lists (small_alloc.h).
  static void* operator new(size_t bytes) { return SmallAlloc(bytes); }
  static void operator delete(void* p) { SmallFree(p); }

  TypeObject* type() const { return type_; }
  void set_type(TypeObject* t);  // __class__ assignment; adjusts references.

  // The instance dict, or null. An instance that keeps its attributes inline
  // (vm/objects/instance.h) makes its dict here when it has any: code that
  // only reads attributes uses the paths in attributes.cc, which do not.
  // Defined in type.h.
  inline DictObject* dict() const;
  // The dict if one exists, without making it.
  DictObject* dict_if_made() const { return dict_; }
  // Lazily creates the instance dict (for types whose instances have one).
  DictObject* EnsureDict();
  void set_dict(DictObject* d);

  void IncRef() { ++refcount_; }
  void DecRef() {
    if (--refcount_ == 0) Dealloc();
  }
  uint32_t refcount() const { return refcount_; }

  // Cycle collector hooks (vm/core/gc.h), CPython's tp_traverse / tp_clear.
  //
  // Traverse visits every reference this object owns, each once: the base
  // visits the instance dict and the type. It must never report a reference
  // the object does not hold a count for (the collector would free a live
  // object); leaving one out only keeps garbage alive.
  virtual void Traverse(GcVisitor& visitor);
  // Drops the references that can form cycles, leaving the object safe to
  // use (empty containers, None fields). The base does nothing: the instance
  // dict is a tracked container and is cleared on its own.
  virtual void ClearRefs() {}

  // The collector's bookkeeping (list and index); 0 when untracked.
  uint32_t gc_flags() const { return flags_; }
  void set_gc_flags(uint32_t f) { flags_ = f; }
  uint32_t* gc_flags_ptr() { return &flags_; }

 protected:
  // For the free list of one type (tuple.cc): an object that was freed with
  // its type reference kept made live again, with one reference and tracked
  // as a new object.
  void Revive() {
    refcount_ = 1;
    gc::Track(this, &flags_);
  }

 private:
  void Dealloc();
  // Frees the objects Dealloc queued (the outermost Dealloc's loop).
  static void DeletePending();
  // An InstanceObject's inline attributes moved into a new dict (null when
  // it has none, unless `always`).
  DictObject* MaterializeValues(bool always) const;

  uint32_t refcount_ = 1;
  uint32_t flags_ = 0;
  TypeObject* type_;
  DictObject* dict_ = nullptr;
};

inline Value Value::FromObject(Object* o) {
  o->IncRef();
  return Steal(o);
}
inline void Value::IncRef() const {
  if (tag_ == Tag::kObject) u_.o->IncRef();
}
inline void Value::DecRef() {
  if (tag_ == Tag::kObject) {
    // Never null; saying so keeps GCC from a -Wnonnull false positive where
    // it cannot see that on an inlined path.
    if (u_.o == nullptr) __builtin_unreachable();
    u_.o->DecRef();
  }
}

// A checked downcast: `As<ListObject>(v)` when the caller knows v's type.
template <typename T>
T* As(const Value& v) {
  return static_cast<T*>(v.as_object());
}

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_CORE_OBJECT_H_
