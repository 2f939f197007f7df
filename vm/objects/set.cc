// SetObject's hash table, following CPython 3.11's setobject.c so that a set
// built by the same sequence of operations iterates in the same order:
//
//   * the table starts with 8 slots and is always a power of two;
//   * a probe looks at the home slot i = hash & mask and, when the next
//     kLinearProbes slots fit before the end of the table, at those too, then
//     jumps with perturbation: i = (i * 5 + 1 + (perturb >>= 5)) & mask;
//   * an insertion into a never-used slot grows the table when
//     fill * 5 >= mask * 3, to the smallest power of two above used * 4
//     (used * 2 past 50000 entries); a rebuild reinserts in old-table order;
//   * an insertion reuses the last deleted slot ("dummy") seen on its probe
//     path, without growing.
//
// Slots: key null and hash 0 is empty; key == the dummy object and hash -1 is
// deleted (no real hash is -1, Hash() maps -1 to -2).

// set_internal.h first: it includes <cstddef>, which set.h needs but lacks.
#include "vm/objects/set.h"

#include <utility>

#include "vm/core/builtin_types.h"
#include "vm/core/errors.h"
#include "vm/core/type.h"
#include "vm/interp/generator.h"
#include "vm/interp/ops.h"
#include "vm/objects/dict.h"
#include "vm/objects/number.h"
#include "vm/objects/set_internal.h"
#include "vm/objects/str.h"

namespace minidynamo {
namespace {

constexpr size_t kMinSize = 8;
constexpr size_t kLinearProbes = kSetLinearProbes;
constexpr int kPerturbShift = 5;

// The deleted-slot marker: one immortal object that no Python code ever sees.
Object* DummyObject() {
  static Object* dummy = new Object(nullptr);
  return dummy;
}

bool IsDummy(const SetObject::Slot& slot) {
  return slot.hash == -1 && slot.key.is_object() &&
         slot.key.as_object() == DummyObject();
}

bool IsActive(const SetObject::Slot& slot) {
  return !slot.key.is_null() && !IsDummy(slot);
}

bool IsExactStr(const Value& v) {
  return v.is_object() && v.as_object()->type() == g_types.str;
}

// Keys whose hashing, and comparing with one another, run no Python code.
bool IsPlainKey(const Value& v) {
  if (!v.is_object()) return !v.is_null();
  const TypeObject* t = v.as_object()->type();
  return t == g_types.str || t == g_types.int_;
}

// Equality with the shortcuts CPython takes before calling __eq__.
int KeysEqual(const Value& stored, const Value& key) {
  if (stored.Is(key)) return 1;
  if (IsExactStr(stored) && IsExactStr(key)) {
    return As<StrObject>(stored)->Equals(As<StrObject>(key)) ? 1 : 0;
  }
  return Equals(stored, key);
}

// Places a key known to be absent into a table without dummies.
void InsertClean(SetObject::Table* table, Value key, int64_t hash) {
  size_t mask = table->size() - 1;
  uint64_t perturb = static_cast<uint64_t>(hash);
  size_t i = static_cast<size_t>(hash) & mask;
  while (true) {
    if ((*table)[i].key.is_null()) break;
    bool found = false;
    if (i + kLinearProbes <= mask) {
      for (size_t j = 1; j <= kLinearProbes; ++j) {
        if ((*table)[i + j].key.is_null()) {
          i += j;
          found = true;
          break;
        }
      }
    }
    if (found) break;
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
  new (&(*table)[i].key) Value(std::move(key));  // an unused slot
  (*table)[i].hash = hash;
}

}  // namespace

SetObject::SetObject(TypeObject* type) : Object(type) {
  table_.resize(kMinSize);
  // Mutable sets keep their pop finger in cached_hash_ (see set_internal.h).
  if (!SetAccess::IsFrozen(this)) cached_hash_ = 0;
}

Value SetObject::New(TypeObject* type) {
  return Value::Steal(new SetObject(type));
}

bool SetObject::Add(const Value& key) {
  int64_t hash;
  if (!Hash(key, &hash)) return false;
  return SetAccess::AddEntry(this, key, hash);
}

bool SetObject::AddPlain(const Value& key) {
  if (!IsPlainKey(key)) return false;
  int64_t hash;
  if (key.is_int()) {
    hash = HashInt64(key.as_int());  // the common key, without Hash's call
  } else if (!Hash(key, &hash)) {
    return false;  // Plain keys always hash.
  }
  // The first probe group, as InsertEntry walks it: an unused slot takes the
  // key, the key itself ends the add. A dummy or another key of this hash
  // (1 and 1.0) needs InsertEntry's comparisons, as does a longer probe.
  // This loop saves no registers: no call on it.
  const size_t mask = table_.size() - 1;
  const size_t i = static_cast<size_t>(hash) & mask;
  const size_t probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
  Slot* group = table_.data() + i;
  for (size_t j = 0; j <= probes; ++j) {
    Slot& slot = group[j];
    if (slot.key.is_null() && slot.hash == 0) {
      new (&slot.key) Value(key);
      slot.hash = hash;
      ++used_;
      if (++fill_ * 5 >= mask * 3) {
        SetAccess::Resize(this, used_ > 50000 ? used_ * 2 : used_ * 4);
      }
      return true;
    }
    if (slot.hash == hash || slot.hash == -1) {
      if (slot.hash == hash && slot.key.Is(key)) return true;
      break;
    }
  }
  return SetAccess::InsertEntry<true>(this, key, hash) > 0;
}

int SetObject::Contains(const Value& key) {
  int64_t hash;
  if (!Hash(key, &hash)) return -1;
  return SetAccess::ContainsEntry(this, key, hash);
}

int SetObject::Discard(const Value& key) {
  int64_t hash;
  if (!Hash(key, &hash)) return -1;
  return SetAccess::DiscardEntry(this, key, hash);
}

void SetObject::Clear() {
  // Detach the old table first: destructors of the keys may run Python code
  // that looks at this set.
  Table old(kMinSize);
  old.swap(table_);
  used_ = 0;
  fill_ = 0;
  if (SetAccess::IsFrozen(this)) cached_hash_ = -1;
}

bool SetObject::Next(size_t* pos, Value* key) const {
  int64_t hash;
  return SetAccess::NextEntry(this, pos, key, &hash);
}

bool SetAccess::IsFrozen(const SetObject* s) {
  return s->type()->layout() == Layout::kFrozenSet;
}

bool SetAccess::NextEntry(const SetObject* s, size_t* pos, Value* key,
                          int64_t* hash) {
  const SetObject::Table& table = s->table_;
  size_t i = *pos;
  while (i < table.size() && !IsActive(table[i])) ++i;
  *pos = i + 1;
  if (i >= table.size()) return false;
  *key = table[i].key;
  *hash = table[i].hash;
  return true;
}

int SetAccess::ContainsEntry(SetObject* s, const Value& key, int64_t hash) {
restart:
  size_t mask = s->table_.size() - 1;
  uint64_t perturb = static_cast<uint64_t>(hash);
  size_t i = static_cast<size_t>(hash) & mask;
  while (true) {
    size_t probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
    for (size_t j = 0; j <= probes; ++j) {
      const SetObject::Slot& slot = s->table_[i + j];
      if (slot.key.is_null()) return 0;
      if (slot.hash == hash) {
        Value stored = slot.key;
        const SetObject::Slot* table_before = s->table_.data();
        int eq = KeysEqual(stored, key);
        if (eq < 0) return -1;
        // __eq__ may have changed the set: start over if the slot moved.
        if (table_before != s->table_.data() || mask != s->table_.size() - 1 ||
            !s->table_[i + j].key.Is(stored)) {
          goto restart;
        }
        if (eq > 0) return 1;
      }
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

bool SetAccess::AddEntry(SetObject* s, const Value& key, int64_t hash) {
  return InsertEntry<false>(s, key, hash) > 0;
}

template <bool kPlainOnly>
int SetAccess::InsertEntry(SetObject* s, const Value& key, int64_t hash) {
restart:
  size_t mask = s->table_.size() - 1;
  uint64_t perturb = static_cast<uint64_t>(hash);
  size_t i = static_cast<size_t>(hash) & mask;
  // The last deleted slot on the probe path, reused if the key is absent.
  int64_t freeslot = -1;
  size_t slot_index;
  while (true) {
    size_t probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
    for (size_t j = 0; j <= probes; ++j) {
      slot_index = i + j;
      const SetObject::Slot& slot = s->table_[slot_index];
      if (slot.key.is_null() && slot.hash == 0) goto found_unused_or_dummy;
      if (slot.hash == hash) {
        Value stored = slot.key;
        if (stored.Is(key)) return 1;
        if (IsExactStr(stored) && IsExactStr(key) &&
            As<StrObject>(stored)->Equals(As<StrObject>(key))) {
          return 1;
        }
        if (kPlainOnly && !IsPlainKey(stored)) return -1;
        const SetObject::Slot* table_before = s->table_.data();
        int eq = Equals(stored, key);
        if (eq > 0) return 1;
        if (eq < 0) return 0;
        if (table_before != s->table_.data() ||
            !s->table_[slot_index].key.Is(stored)) {
          goto restart;
        }
        mask = s->table_.size() - 1;
      } else if (slot.hash == -1) {
        freeslot = static_cast<int64_t>(slot_index);
      }
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }

found_unused_or_dummy:
  if (freeslot >= 0) {
    SetObject::Slot& slot = s->table_[freeslot];
    slot.key = key;
    slot.hash = hash;
    ++s->used_;
    return 1;
  }
  {
    // Unused (not a dummy): nothing in the slot to release.
    SetObject::Slot& slot = s->table_[slot_index];
    new (&slot.key) Value(key);
    slot.hash = hash;
  }
  ++s->fill_;
  ++s->used_;
  if (s->fill_ * 5 < mask * 3) return 1;
  Resize(s, s->used_ > 50000 ? s->used_ * 2 : s->used_ * 4);
  return 1;
}

template int SetAccess::InsertEntry<false>(SetObject*, const Value&, int64_t);
template int SetAccess::InsertEntry<true>(SetObject*, const Value&, int64_t);

int SetAccess::DiscardEntry(SetObject* s, const Value& key, int64_t hash) {
restart:
  size_t mask = s->table_.size() - 1;
  uint64_t perturb = static_cast<uint64_t>(hash);
  size_t i = static_cast<size_t>(hash) & mask;
  while (true) {
    size_t probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
    for (size_t j = 0; j <= probes; ++j) {
      SetObject::Slot& slot = s->table_[i + j];
      if (slot.key.is_null()) return 0;
      if (slot.hash == hash) {
        Value stored = slot.key;
        const SetObject::Slot* table_before = s->table_.data();
        int eq = KeysEqual(stored, key);
        if (eq < 0) return -1;
        if (table_before != s->table_.data() || mask != s->table_.size() - 1 ||
            !s->table_[i + j].key.Is(stored)) {
          goto restart;
        }
        if (eq > 0) {
          SetObject::Slot& hit = s->table_[i + j];
          Value old = std::move(hit.key);
          hit.key = Value::FromObject(DummyObject());
          hit.hash = -1;
          --s->used_;
          return 1;  // `old` is released here, after the table is consistent.
        }
      }
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

void SetAccess::Resize(SetObject* s, size_t minused) {
  size_t newsize = kMinSize;
  while (newsize <= minused) newsize <<= 1;
  // An 8-slot table without dummies has nothing to gain from a rebuild.
  if (newsize == kMinSize && s->table_.size() == kMinSize &&
      s->fill_ == s->used_) {
    return;
  }
  SetObject::Table old(newsize);
  old.swap(s->table_);
  // Reinsert in old-table order, dropping dummies.
  for (SetObject::Slot& slot : old) {
    if (IsActive(slot)) InsertClean(&s->table_, std::move(slot.key), slot.hash);
  }
  s->fill_ = s->used_;
}

void SetAccess::MaybeShrinkAfterDiscards(SetObject* s) {
  if (s->fill_ - s->used_ <= (s->table_.size() - 1) / 4) return;
  Resize(s, s->used_ > 50000 ? s->used_ * 2 : s->used_ * 4);
}

bool SetAccess::Merge(SetObject* s, SetObject* other) {
  if (other == s || other->used_ == 0) return true;
  // One big resize up front, expecting few overlapping keys.
  if ((s->fill_ + other->used_) * 5 >= (s->table_.size() - 1) * 3) {
    Resize(s, (s->used_ + other->used_) * 2);
  }
  // An empty table of the same size as a dummy-free source: copy slot by slot.
  if (s->fill_ == 0 && s->table_.size() == other->table_.size() &&
      other->fill_ == other->used_) {
    for (size_t i = 0; i < other->table_.size(); ++i) {
      if (!other->table_[i].key.is_null()) {
        s->table_[i].key = other->table_[i].key;
        s->table_[i].hash = other->table_[i].hash;
      }
    }
    s->fill_ = other->fill_;
    s->used_ = other->used_;
    return true;
  }
  // An empty table: no duplicates possible, place directly.
  if (s->fill_ == 0) {
    s->fill_ = other->used_;
    s->used_ = other->used_;
    for (const SetObject::Slot& slot : other->table_) {
      if (IsActive(slot)) InsertClean(&s->table_, slot.key, slot.hash);
    }
    return true;
  }
  // General case. Index by position: inserting may run __eq__, which could
  // change `other`.
  for (size_t i = 0; i < other->table_.size(); ++i) {
    const SetObject::Slot& slot = other->table_[i];
    if (!IsActive(slot)) continue;
    Value key = slot.key;
    if (!AddEntry(s, key, slot.hash)) return false;
  }
  return true;
}

bool SetAccess::UpdateFromDict(SetObject* s, DictObject* d) {
  size_t dictsize = d->size();
  if ((s->fill_ + dictsize) * 5 >= (s->table_.size() - 1) * 3) {
    Resize(s, (s->used_ + dictsize) * 2);
  }
  const DictObject::Entry* entry;
  for (size_t pos = 0; d->Next(&pos, &entry);) {
    Value key = entry->key;
    if (!AddEntry(s, key, entry->hash)) return false;
  }
  return true;
}

bool SetAccess::Update(SetObject* s, const Value& other) {
  if (other.is_object()) {
    Layout layout = other.as_object()->type()->layout();
    if (layout == Layout::kSet || layout == Layout::kFrozenSet) {
      return Merge(s, As<SetObject>(other));
    }
    if (other.as_object()->type() == g_types.dict) {
      return UpdateFromDict(s, As<DictObject>(other));
    }
  }
  bool done;
  bool ok = CollectGeneratorIntoSet(other, s, &done);
  if (done) return ok;
  Value it = GetIter(other);
  if (it.is_null()) return false;
  while (true) {
    Value key = IterNext(it);
    if (key.is_null()) return !ErrorOccurred();
    if (!s->Add(key)) return false;
  }
}

void SetAccess::SwapBodies(SetObject* a, SetObject* b) {
  std::swap(a->table_, b->table_);
  std::swap(a->fill_, b->fill_);
  std::swap(a->used_, b->used_);
  bool a_frozen = IsFrozen(a), b_frozen = IsFrozen(b);
  if (a_frozen && b_frozen) {
    std::swap(a->cached_hash_, b->cached_hash_);
  } else {
    // Fingers stay with their sets; frozen hashes are recomputed.
    if (a_frozen) a->cached_hash_ = -1;
    if (b_frozen) b->cached_hash_ = -1;
  }
}

Value SetAccess::Pop(SetObject* s) {
  if (s->used_ == 0) return Raise(g_exc.KeyError, "pop from an empty set");
  size_t mask = s->table_.size() - 1;
  size_t i = static_cast<size_t>(s->cached_hash_) & mask;
  while (!IsActive(s->table_[i])) {
    ++i;
    if (i > mask) i = 0;
  }
  SetObject::Slot& slot = s->table_[i];
  Value key = std::move(slot.key);
  slot.key = Value::FromObject(DummyObject());
  slot.hash = -1;
  --s->used_;
  s->cached_hash_ = static_cast<int64_t>(i + 1);
  return key;
}

int64_t SetAccess::CachedHash(const SetObject* s) {
  return IsFrozen(s) ? s->cached_hash_ : -1;
}

void SetAccess::ResetHash(SetObject* s) {
  if (IsFrozen(s)) s->cached_hash_ = -1;
}

int64_t SetAccess::FrozenHash(SetObject* s) {
  if (s->cached_hash_ != -1) return s->cached_hash_;
  // Xor of every slot's shuffled hash (order-independent), with the effect of
  // the empty (hash 0) and dummy (hash -1) slots taken back out.
  auto shuffle = [](uint64_t h) {
    return ((h ^ 89869747ull) ^ (h << 16)) * 3644798167ull;
  };
  uint64_t hash = 0;
  for (const SetObject::Slot& slot : s->table_) {
    hash ^= shuffle(static_cast<uint64_t>(slot.hash));
  }
  if ((s->table_.size() - s->fill_) & 1) hash ^= shuffle(0);
  if ((s->fill_ - s->used_) & 1) hash ^= shuffle(static_cast<uint64_t>(-1));
  hash ^= (static_cast<uint64_t>(s->used_) + 1) * 1927868237ull;
  // Disperse patterns from nested frozensets.
  hash ^= (hash >> 11) ^ (hash >> 25);
  hash = hash * 69069u + 907133923ull;
  if (hash == static_cast<uint64_t>(-1)) hash = 590923713ull;
  s->cached_hash_ = static_cast<int64_t>(hash);
  return s->cached_hash_;
}

}  // namespace minidynamo
