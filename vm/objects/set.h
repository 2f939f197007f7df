#ifndef MINIDYNAMO_VM_OBJECTS_SET_H_
#define MINIDYNAMO_VM_OBJECTS_SET_H_

// SetObject: set and frozenset. Iteration order must match CPython's for sets
// of ints (programs print them), so the table follows CPython's setobject.c
// layout: open addressing, linear probing in groups of LINEAR_PROBES,
// perturbation, the same growth rule. Keys compare with Python's == and hash.

#include <cstdint>
#include <vector>

#include "vm/core/object.h"
#include "vm/core/small_alloc.h"

namespace minidynamo {

class SetObject : public Object {
 public:
  struct Slot {
    int64_t hash = 0;
    Value key;  // Null: empty. A dummy marker object: deleted.
  };
  static Value New(TypeObject* type);  // set or frozenset (or a subclass)
  explicit SetObject(TypeObject* type);

  // The hash table, from the object pools (small_alloc.h): most sets are
  // small and short-lived.
  using Table = std::vector<Slot, SmallAllocator<Slot>>;

  // These may run Python code (__hash__/__eq__); false / -1 on error.
  bool Add(const Value& key);
  // Adds `key` when that can run no Python code: an int, float, bool, None
  // or exact str key whose probe meets only such keys. False, with the set
  // unchanged, when Add is needed instead.
  bool AddPlain(const Value& key);
  int Contains(const Value& key);
  int Discard(const Value& key);  // 1 removed, 0 absent, -1 error.
  void Clear();
  size_t size() const { return used_; }
  // Insertion-independent table order, as CPython iterates.
  bool Next(size_t* pos, Value* key) const;

  // Deleted slots hold a dummy object that is not tracked: visiting it is
  // harmless.
  void Traverse(GcVisitor& v) override {
    Object::Traverse(v);
    for (const Slot& s : table_) v.Visit(s.key);
  }
  void ClearRefs() override { Clear(); }

 private:
  Table table_;
  size_t used_ = 0;
  size_t fill_ = 0;
  int64_t cached_hash_ = -1;  // frozenset hash.
  friend class SetAccess;
};

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_OBJECTS_SET_H_
