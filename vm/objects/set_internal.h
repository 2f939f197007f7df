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

// Slots a probe looks at after its home slot before it jumps (LINEAR_PROBES).
inline constexpr size_t kSetLinearProbes = 9;

class SetAccess {
 public:
  // ContainsEntry's first probe group, inline for a caller with a key that
  // only needs identity (an int): 1 when the key itself is there, 0 when an
  // unused slot ends the probe first; -2 when a key of the same hash that is
  // not the key (1.0 for 1), or the group's end, leaves it to ContainsEntry.
  static int ContainsInFirstGroup(const SetObject* s, const Value& key,
                                  int64_t hash) {
    const size_t mask = s->table_.size() - 1;
    const size_t i = static_cast<size_t>(hash) & mask;
    const size_t probes = (i + kSetLinearProbes <= mask) ? kSetLinearProbes : 0;
    const SetObject::Slot* group = s->table_.data() + i;
    for (size_t j = 0; j <= probes; ++j) {
      const SetObject::Slot& slot = group[j];
      if (slot.key.is_null()) return 0;
      if (slot.hash == hash) return slot.key.Is(key) ? 1 : -2;
    }
    return -2;
  }

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
