#ifndef MINIDYNAMO_VM_OBJECTS_DICT_H_
#define MINIDYNAMO_VM_OBJECTS_DICT_H_

// DictObject: an insertion-ordered hash map with Python key semantics (hash and
// == from the keys' types), laid out like CPython's compact dict: a dense array
// of entries in insertion order, and a sparse open-addressing index into it.
// Deleted entries leave holes that the next resize compacts. Small dicts (up
// to 8 entries, most instance dicts) have no index: lookups scan the entries'
// hashes. An instance dict is allocated with room for as many entries as
// earlier instances of its class held right after the object (one
// allocation, as CPython's values-in-object layout); it moves to a heap array
// only if it outgrows that room.
//
// `version()` changes before every mutation and is unique over the run (a
// global counter, as PEP 509's ma_version_tag): equal versions mean the same
// dict in the same state, so the interpreter's inline caches can keep borrowed
// values keyed on them.

#include <cstddef>
#include <cstdint>

#include "vm/core/object.h"

namespace minidynamo {

class StrObject;

// Invalidates TypeObject::Lookup's cache (vm/core/type.cc).
void BumpTypeDictEpoch();
// The last dict version handed out.
extern uint64_t g_dict_version;

class DictObject : public Object {
 public:
  struct Entry {
    int64_t hash;
    Value key;  // Null for a deleted entry.
    Value value;
  };

  static Value New();
  // A dict of `type` with room for `n` entries inside its own allocation
  // (n <= kMaxInline; 0 for none).
  static DictObject* Create(TypeObject* type, size_t n);
  static constexpr size_t kMaxInline = 64;
  explicit DictObject(TypeObject* type) : DictObject(type, 0) {}
  ~DictObject() override;

  // All of these may run Python code (__hash__, __eq__) and so may fail: they
  // return false / a null Value with an exception raised. A missing key is not
  // an error for Get (null Value, no exception).
  Value Get(const Value& key);
  bool Set(const Value& key, Value value);
  // Removes `key`; *found tells whether it was there. The old value is
  // returned.
  Value Pop(const Value& key, bool* found);
  bool Contains(const Value& key, bool* result);

  // Fast paths for interned or other str keys: never run Python code.
  Value GetStr(StrObject* key) const;
  void SetStr(StrObject* key, Value value);
  bool DelStr(StrObject* key);
  // The same with a hint: the entry index where `key` was found last time
  // (inline caches keep one per instruction; instances of a class store their
  // attributes in the same order, so one hint serves them all). A hit costs
  // one pointer compare, which is why the key must be the interned name.
  // The hit paths are inline (every cached instance attribute read and
  // write takes them). StrObject is incomplete here: the key is compared as
  // an address (its Object base is at offset 0: single inheritance).
  [[gnu::always_inline]] Value GetStrHinted(StrObject* key,
                                            uint32_t* hint) const {
    if (*hint < n_entries_) {
      const Entry& e = entries_[*hint];
      if (e.key.is_object() && SameObject(e.key, key)) return e.value;
    }
    return GetStrHintedMiss(key, hint);
  }
  [[gnu::always_inline]] void SetStrHinted(StrObject* key, Value value,
                                           uint32_t* hint) {
    if (*hint < n_entries_) {
      Entry& e = entries_[*hint];
      if (e.key.is_object() && SameObject(e.key, key)) {
        ReplaceValue(&e, std::move(value));
        return;
      }
    }
    SetStrHintedMiss(key, std::move(value), hint);
  }

  void Clear();
  size_t size() const { return used_; }
  // False when no key with this hash was ever inserted (since the last
  // clear): a method call checks that the instance dict does not shadow the
  // method with one AND instead of a probe of the hash table.
  bool MayHoldHash(int64_t hash) const {
    return (key_filter_ >> (static_cast<uint64_t>(hash) & 63)) & 1;
  }
  // Room for n entries without regrowing.
  void Reserve(size_t n) {
    if (n > capacity_) GrowEntries(n);
  }

  void Traverse(GcVisitor& v) override {
    Object::Traverse(v);
    for (uint32_t i = 0; i < n_entries_; ++i) {
      v.Visit(entries_[i].key);
      v.Visit(entries_[i].value);
    }
  }
  void ClearRefs() override { Clear(); }

  // As CPython's dicts, an exact dict is tracked by the collector only once a
  // key or value that can be part of a cycle (a tracked object, or another
  // dict) is stored in it: instance dicts of plain data cost it nothing.
  void MaybeTrack(const Value& v) {
    if (gc_flags() == 0 && v.is_object()) MaybeTrackSlow(v.as_object());
  }
  uint64_t version() const { return version_; }
  // A type's namespace: its mutations invalidate TypeObject::Lookup's cache.
  void set_type_dict() { type_dict_ = true; }

  // Iteration in insertion order over live entries: for (i = 0; Next(&i, &e);)
  bool Next(size_t* pos, const Entry** entry) const;
  // The entry array, holes (null keys) included. A snapshot: fetch it again
  // after anything that may run Python code (the array may move).
  struct EntrySpan {
    const Entry* data;
    size_t count;
    size_t size() const { return count; }
    const Entry& operator[](size_t i) const { return data[i]; }
  };
  EntrySpan entries() const { return EntrySpan{entries_, n_entries_}; }

  // Entry access for popitem / ordering operations.
  bool PopLast(Value* key, Value* value);
  // Moves an existing key to the end (OrderedDict.move_to_end) or the front.
  bool MoveToEnd(const Value& key, bool last, bool* found);

 private:
  DictObject(TypeObject* type, size_t inline_capacity);
  void MaybeTrackSlow(Object* o);
  Entry* inline_entries() { return reinterpret_cast<Entry*>(this + 1); }
  size_t index_size() const {
    return index_log2_ == 0 ? 0 : size_t{1} << index_log2_;
  }
  // Moves the entries to an array of `capacity` (>= n_entries_).
  void GrowEntries(size_t capacity);
  // Empties the dict, handing its entry array to the caller, who must
  // ReleaseTaken it: for where destructors may run Python code that reads us.
  void TakeEntries(Entry** out, size_t* count);
  void ReleaseTaken(Entry* taken, size_t count);
  void FreeIndex();
  // Index of the entry holding `key` or -1; -2 on error (exception raised).
  int64_t Find(const Value& key, int64_t hash) const;
  int64_t FindStr(StrObject* key, int64_t hash) const;
  void Insert(int64_t hash, Value key, Value value);
  // SetStr, answering the entry index that now holds `key`.
  size_t StoreStr(StrObject* key, Value value);
  void ReplaceValue(Entry* e, Value value) {
    Mutating();
    MaybeTrack(value);
    e->value = std::move(value);
  }
  static bool SameObject(const Value& v, const StrObject* key) {
    return static_cast<const void*>(v.as_object()) ==
           static_cast<const void*>(key);
  }
  Value GetStrHintedMiss(StrObject* key, uint32_t* hint) const;
  void SetStrHintedMiss(StrObject* key, Value value, uint32_t* hint);
  void Rebuild(size_t min_capacity);

  // entries_[0, n_entries_): live entries and holes (null keys) in insertion
  // order; room for capacity_. Either inline_entries() or SmallAlloc'd.
  Entry* entries_ = nullptr;
  // -1 empty, -2 dummy (deleted), else entry number; null for small dicts.
  int32_t* index_ = nullptr;
  uint64_t key_filter_ = 0;  // bit (hash & 63) set for each key inserted
  uint64_t version_ = ++g_dict_version;
  uint32_t n_entries_ = 0;
  uint32_t capacity_ = 0;
  uint32_t used_ = 0;
  uint8_t index_log2_ = 0;  // 0: no index
  uint8_t inline_capacity_ = 0;
  bool type_dict_ = false;
  // Called before each mutation, so that a value dropped by it (whose __del__
  // may run Python code) is never served from a cache keyed on the old state.
  void Mutating() {
    version_ = ++g_dict_version;
    if (type_dict_) BumpTypeDictEpoch();
  }
};

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_OBJECTS_DICT_H_
