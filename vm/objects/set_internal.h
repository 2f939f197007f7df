#ifndef MINIDYNAMO_VM_OBJECTS_SET_INTERNAL_H_
#define MINIDYNAMO_VM_OBJECTS_SET_INTERNAL_H_

// Table-level operations on SetObject (set.h names SetAccess its friend),
// shared by set.cc (the table) and set_type.cc (the methods). They follow
// CPython 3.11's setobject.c step by step (probe sequence, when the table grows
// and to what size, how merges and copies place entries) because iteration
// order is table order and programs print sets.
//
// The pop "finger" (where the next set.pop() starts scanning) needs a field
// that set.h does not have; mutable sets never use the frozenset hash cache, so
// for them `cached_hash_` holds the finger instead (see Finger()).

#include <cstddef>
#include <cstdint>

#include "vm/objects/set.h"

namespace minidynamo {

class DictObject;

class SetAccess {
 public:
  // A key known to hash to `hash`. 0 / 1 / -1 as the public forms.
  static bool AddEntry(SetObject* s, const Value& key, int64_t hash);
  // AddEntry's probe and insertion. With kPlainOnly, a probe that would
  // compare with a key whose __eq__ may be Python code stops first: -1, the
  // set unchanged. Otherwise 1 on success, 0 with an exception raised.
  template <bool kPlainOnly>
  static int InsertEntry(SetObject* s, const Value& key, int64_t hash);
  static int ContainsEntry(SetObject* s, const Value& key, int64_t hash);
  static int DiscardEntry(SetObject* s, const Value& key, int64_t hash);

  // Iteration with the stored hashes (set_next).
  static bool NextEntry(const SetObject* s, size_t* pos, Value* key,
                        int64_t* hash);

  // set_update_internal: another set (set_merge), an exact dict (with its
  // stored hashes), or any iterable.
  static bool Update(SetObject* s, const Value& other);
  static bool Merge(SetObject* s, SetObject* other);
  static bool UpdateFromDict(SetObject* s, DictObject* d);

  static void Resize(SetObject* s, size_t minused);
  // Removes dummies when more than a quarter of the table is dummies (after
  // difference_update), as CPython does.
  static void MaybeShrinkAfterDiscards(SetObject* s);
  static void SwapBodies(SetObject* a, SetObject* b);
  // set.pop(): null with KeyError when empty.
  static Value Pop(SetObject* s);
  // frozenset's hash, cached.
  static int64_t FrozenHash(SetObject* s);
  // The cached hash (-1 when not computed) for equality shortcuts; -1 for
  // mutable sets.
  static int64_t CachedHash(const SetObject* s);
  // Resets the table after set.__init__ (keeps a mutable set's finger).
  static void ResetHash(SetObject* s);

  static size_t TableSize(const SetObject* s) { return s->table_.size(); }
  static size_t Fill(const SetObject* s) { return s->fill_; }
  // frozenset layout (frozenset or a subclass).
  static bool IsFrozen(const SetObject* s);
};

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_OBJECTS_SET_INTERNAL_H_
