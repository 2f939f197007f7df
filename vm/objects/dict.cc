#include "vm/objects/dict.h"

#include <new>
#include <utility>

#include "vm/core/builtin_types.h"
#include "vm/core/errors.h"
#include "vm/interp/ops.h"
#include "vm/objects/str.h"

namespace minidynamo {
namespace {

constexpr int32_t kEmpty = -1;
constexpr int32_t kDummy = -2;
// Dicts of up to this many entries (holes included) have no index: a lookup
// scans the entries' hashes. Most instance dicts stay this small, and skip
// the index's allocation and upkeep.
constexpr size_t kLinearMax = 8;

bool IsExactStr(const Value& v) {
  return v.is_object() && v.as_object()->type() == g_types.str;
}

}  // namespace

uint64_t g_dict_version = 0;

DictObject::DictObject(TypeObject* type, size_t inline_capacity)
    : Object(type) {
  if (inline_capacity > 0) {
    entries_ = inline_entries();
    capacity_ = inline_capacity_ = static_cast<uint8_t>(inline_capacity);
  }
}

DictObject* DictObject::Create(TypeObject* type, size_t n) {
  if (n > kMaxInline) n = kMaxInline;
  void* mem = Object::operator new(sizeof(DictObject) + n * sizeof(Entry));
  return ::new (mem) DictObject(type, n);
}

DictObject::~DictObject() {
  for (uint32_t i = 0; i < n_entries_; ++i) entries_[i].~Entry();
  if (entries_ != inline_entries()) SmallFree(entries_);
  SmallFree(index_);
}

void DictObject::GrowEntries(size_t capacity) {
  if (capacity > INT32_MAX) throw std::bad_alloc();
  auto* fresh = static_cast<Entry*>(SmallAlloc(capacity * sizeof(Entry)));
  for (uint32_t i = 0; i < n_entries_; ++i) {
    ::new (&fresh[i]) Entry(std::move(entries_[i]));
    entries_[i].~Entry();
  }
  if (entries_ != inline_entries()) SmallFree(entries_);
  entries_ = fresh;
  capacity_ = static_cast<uint32_t>(capacity);
}

void DictObject::FreeIndex() {
  SmallFree(index_);
  index_ = nullptr;
  index_log2_ = 0;
}

void DictObject::TakeEntries(Entry** out, size_t* count) {
  // The caller owns entries [0, count) (holes included) from here: no
  // allocation (the collector's ClearRefs calls this). Inline ones stay where
  // they are; the dict has no room until ReleaseTaken, so nothing
  // inserted meanwhile lands on them.
  *out = entries_;
  *count = n_entries_;
  entries_ = nullptr;
  n_entries_ = 0;
  capacity_ = 0;
  used_ = 0;
  key_filter_ = 0;
  FreeIndex();
}

void DictObject::ReleaseTaken(Entry* taken, size_t count) {
  for (size_t i = 0; i < count; ++i) taken[i].~Entry();
  if (taken != inline_entries()) {
    SmallFree(taken);
  } else if (entries_ == nullptr) {
    entries_ = inline_entries();
    capacity_ = inline_capacity_;
  }
}

void DictObject::MaybeTrackSlow(Object* o) {
  if (gc::MayBeTrackedSlow(o)) gc::Track(this, gc_flags_ptr());
}

Value DictObject::New() { return Value::Steal(new DictObject(g_types.dict)); }

int64_t DictObject::FindStr(StrObject* key, int64_t hash) const {
  if (index_ == nullptr) {
    for (size_t n = 0; n < n_entries_; ++n) {
      const Entry& e = entries_[n];
      if (e.hash == hash && IsExactStr(e.key) &&
          (e.key.as_object() == key || As<StrObject>(e.key)->Equals(key))) {
        return static_cast<int64_t>(n);
      }
    }
    return -1;
  }
  size_t mask = index_size() - 1;
  uint64_t perturb = static_cast<uint64_t>(hash);
  size_t i = static_cast<size_t>(hash) & mask;
  while (true) {
    int32_t ix = index_[i];
    if (ix == kEmpty) return -1;
    if (ix >= 0) {
      const Entry& e = entries_[ix];
      if (e.hash == hash && IsExactStr(e.key) &&
          As<StrObject>(e.key)->Equals(key)) {
        return ix;
      }
    }
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
}

int64_t DictObject::Find(const Value& key, int64_t hash) const {
  // Whether entry ix holds `key`: 1 yes, 0 no, -1 on error, -2 when __eq__
  // (Python code) changed the dict and the search must start over. The
  // entry's key is kept alive while __eq__ runs.
  auto matches = [&](size_t ix) {
    const Entry& e = entries_[ix];
    if (e.key.Is(key)) return 1;
    if (e.hash != hash || e.key.is_null()) return 0;
    Value other = e.key;
    uint64_t version = version_;
    int eq = Equals(other, key);
    if (eq < 0) return -1;
    if (version != version_) return -2;
    return eq;
  };
  if (index_ == nullptr) {
    for (size_t n = 0; n < n_entries_; ++n) {
      int m = matches(n);
      if (m == 1) return static_cast<int64_t>(n);
      if (m == -1) return -2;
      if (m == -2) return Find(key, hash);
    }
    return -1;
  }
  size_t mask = index_size() - 1;
  uint64_t perturb = static_cast<uint64_t>(hash);
  size_t i = static_cast<size_t>(hash) & mask;
  while (true) {
    int32_t ix = index_[i];
    if (ix == kEmpty) return -1;
    if (ix >= 0) {
      int m = matches(static_cast<size_t>(ix));
      if (m == 1) return ix;
      if (m == -1) return -2;
      if (m == -2) return Find(key, hash);
    }
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
}

void DictObject::Rebuild(size_t min_capacity) {
  // Compact live entries in place (moves run no Python code) and size the
  // index to keep it at most 2/3 full.
  if (n_entries_ != used_) {  // holes left by deletions
    uint32_t out = 0;
    for (uint32_t n = 0; n < n_entries_; ++n) {
      if (entries_[n].key.is_null()) continue;
      if (out != n) entries_[out] = std::move(entries_[n]);
      ++out;
    }
    for (uint32_t n = out; n < n_entries_; ++n) entries_[n].~Entry();
    n_entries_ = out;
  }
  if (n_entries_ < kLinearMax && min_capacity <= kLinearMax) {
    FreeIndex();  // small again: lookups scan
    return;
  }
  uint8_t log2 = 3;
  while ((size_t{1} << log2) * 2 < min_capacity * 3) ++log2;
  if (log2 > 31) throw std::bad_alloc();
  size_t size = size_t{1} << log2;
  auto* index = static_cast<int32_t*>(SmallAlloc(size * sizeof(int32_t)));
  FreeIndex();
  index_ = index;
  index_log2_ = log2;
  for (size_t i = 0; i < size; ++i) index_[i] = kEmpty;
  size_t mask = size - 1;
  for (size_t n = 0; n < n_entries_; ++n) {
    uint64_t perturb = static_cast<uint64_t>(entries_[n].hash);
    size_t i = static_cast<size_t>(entries_[n].hash) & mask;
    while (index_[i] != kEmpty) {
      perturb >>= 5;
      i = (i * 5 + perturb + 1) & mask;
    }
    index_[i] = static_cast<int32_t>(n);
  }
}

void DictObject::Insert(int64_t hash, Value key, Value value) {
  Mutating();
  if (index_ == nullptr ? n_entries_ >= kLinearMax
                        : (n_entries_ + size_t{1}) * 3 >= index_size() * 2) {
    Rebuild(used_ * size_t{2} + 1);
  }
  if (n_entries_ == capacity_) {
    // Full: drop the holes if there are any, else double the room.
    if (n_entries_ != used_) Rebuild(index_ == nullptr ? 0 : used_ * 2 + 1);
    if (n_entries_ == capacity_) {
      GrowEntries(capacity_ < 4 ? 4 : capacity_ * size_t{2});
    }
  }
  if (index_ != nullptr) {
    size_t mask = index_size() - 1;
    uint64_t perturb = static_cast<uint64_t>(hash);
    size_t i = static_cast<size_t>(hash) & mask;
    while (index_[i] >= 0) {
      perturb >>= 5;
      i = (i * 5 + perturb + 1) & mask;
    }
    index_[i] = static_cast<int32_t>(n_entries_);
  }
  key_filter_ |= uint64_t{1} << (static_cast<uint64_t>(hash) & 63);
  MaybeTrack(key);
  MaybeTrack(value);
  ::new (&entries_[n_entries_]) Entry{hash, std::move(key), std::move(value)};
  ++n_entries_;
  ++used_;
}

Value DictObject::Get(const Value& key) {
  int64_t hash;
  if (IsExactStr(key)) {
    int64_t ix = FindStr(As<StrObject>(key), As<StrObject>(key)->hash());
    return ix >= 0 ? entries_[ix].value : Value();
  }
  if (!Hash(key, &hash)) return Value();
  int64_t ix = Find(key, hash);
  return ix >= 0 ? entries_[ix].value : Value();
}

bool DictObject::Set(const Value& key, Value value) {
  int64_t hash;
  int64_t ix;
  if (IsExactStr(key)) {
    hash = As<StrObject>(key)->hash();
    ix = FindStr(As<StrObject>(key), hash);
  } else {
    if (!Hash(key, &hash)) return false;
    ix = Find(key, hash);
    if (ix == -2) return false;
  }
  if (ix >= 0) {
    ReplaceValue(&entries_[ix], std::move(value));
    return true;
  }
  Insert(hash, key, std::move(value));
  return true;
}

Value DictObject::Pop(const Value& key, bool* found) {
  *found = false;
  int64_t hash;
  if (!Hash(key, &hash)) return Value();
  int64_t ix = Find(key, hash);
  if (ix == -2) return Value();
  if (ix < 0) return Value();
  Mutating();
  if (index_ != nullptr) {
    // Find the index slot pointing at ix and mark it deleted.
    size_t mask = index_size() - 1;
    uint64_t perturb = static_cast<uint64_t>(hash);
    size_t i = static_cast<size_t>(hash) & mask;
    while (index_[i] != ix) {
      perturb >>= 5;
      i = (i * 5 + perturb + 1) & mask;
    }
    index_[i] = kDummy;
  }
  Value old = std::move(entries_[ix].value);
  entries_[ix].key = Value();
  --used_;
  *found = true;
  return old;
}

bool DictObject::Contains(const Value& key, bool* result) {
  int64_t hash;
  if (IsExactStr(key)) {
    *result = FindStr(As<StrObject>(key), As<StrObject>(key)->hash()) >= 0;
    return true;
  }
  if (!Hash(key, &hash)) return false;
  int64_t ix = Find(key, hash);
  if (ix == -2) return false;
  *result = ix >= 0;
  return true;
}

Value DictObject::GetStr(StrObject* key) const {
  int64_t ix = FindStr(key, key->hash());
  return ix >= 0 ? entries_[ix].value : Value();
}

void DictObject::SetStr(StrObject* key, Value value) {
  StoreStr(key, std::move(value));
}

size_t DictObject::StoreStr(StrObject* key, Value value) {
  int64_t hash = key->hash();
  int64_t ix = FindStr(key, hash);
  if (ix >= 0) {
    ReplaceValue(&entries_[ix], std::move(value));
    return static_cast<size_t>(ix);
  }
  Insert(hash, Value::FromObject(key), std::move(value));
  return n_entries_ - 1;
}

Value DictObject::GetStrHintedMiss(StrObject* key, uint32_t* hint) const {
  int64_t ix = FindStr(key, key->hash());
  if (ix < 0) return Value();
  *hint = static_cast<uint32_t>(ix);
  return entries_[ix].value;
}

void DictObject::SetStrHintedMiss(StrObject* key, Value value, uint32_t* hint) {
  *hint = static_cast<uint32_t>(StoreStr(key, std::move(value)));
}

bool DictObject::DelStr(StrObject* key) {
  bool found;
  Pop(Value::FromObject(key), &found);
  return found;
}

void DictObject::Clear() {
  // Move the entries out first: destructors may run Python code that reads
  // us, or drops what else holds us (inline entries live in our memory).
  Mutating();
  Value self = Value::FromObject(this);
  Entry* old;
  size_t n;
  TakeEntries(&old, &n);
  ReleaseTaken(old, n);
}

bool DictObject::Next(size_t* pos, const Entry** entry) const {
  while (*pos < n_entries_) {
    const Entry& e = entries_[(*pos)++];
    if (!e.key.is_null()) {
      *entry = &e;
      return true;
    }
  }
  return false;
}

bool DictObject::PopLast(Value* key, Value* value) {
  for (size_t n = n_entries_; n > 0; --n) {
    Entry& e = entries_[n - 1];
    if (e.key.is_null()) continue;
    *key = e.key;
    bool found;
    *value = Pop(*key, &found);
    return found;
  }
  return false;
}

bool DictObject::MoveToEnd(const Value& key, bool last, bool* found) {
  Value value = Pop(key, found);
  if (!*found) return !ErrorOccurred();
  int64_t hash;
  if (!Hash(key, &hash)) return false;
  if (last) {
    Insert(hash, key, std::move(value));
    return true;
  }
  // Re-insert everything after `key` (no Python code runs: the hashes are
  // known).
  Mutating();
  Entry* old;
  size_t n;
  TakeEntries(&old, &n);
  Insert(hash, key, std::move(value));
  for (size_t i = 0; i < n; ++i) {
    if (old[i].key.is_null()) continue;
    Insert(old[i].hash, std::move(old[i].key), std::move(old[i].value));
  }
  ReleaseTaken(old, n);
  return true;
}

}  // namespace minidynamo
