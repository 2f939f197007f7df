#include "vm/core/type.h"

#include <algorithm>
#include <cstring>

#include "absl/strings/str_join.h"
#include "vm/core/builtin_types.h"
#include "vm/core/errors.h"
#include "vm/objects/dict.h"
#include "vm/objects/str.h"

namespace minidynamo {
namespace {

// Versions are unique over the run; the epoch counts changes to type dicts
// (both key the attribute cache, see Lookup below).
uint64_t g_next_type_version = 1;

}  // namespace

uint64_t g_type_dict_epoch = 1;

TypeObject::TypeObject(TypeObject* metatype, std::string name, Layout layout)
    : Object(metatype),
      name_(name),
      qualname_(std::move(name)),
      layout_(layout) {
  version_ = ++g_next_type_version;
  EnsureDict()->set_type_dict();
  RefreshTracking();
}

void TypeObject::RefreshTracking() {
  switch (layout_) {
    case Layout::kNone:
    case Layout::kBool:
    case Layout::kInt:
    case Layout::kFloat:
    case Layout::kStr:
    case Layout::kBytes:
    case Layout::kCode:
    case Layout::kRange:
    case Layout::kDict:   // Tracked on the first container stored (dict.h).
    case Layout::kSlice:  // Tracked by NewSlice when it holds a container.
      tracks_instances_ = is_heap_type_;
      break;
    default:
      tracks_instances_ = true;
  }
}

TypeObject::~TypeObject() {
  for (TypeObject* b : bases_) {
    auto& subs = b->subclasses_;
    subs.erase(std::remove(subs.begin(), subs.end(), this), subs.end());
    b->DecRef();
  }
  for (TypeObject* t : mro_) {
    if (t != this) t->DecRef();
  }
}

void TypeObject::Traverse(GcVisitor& v) {
  Object::Traverse(v);
  for (TypeObject* b : bases_) v.Visit(b);
  // mro_[0] is this type, not counted; subclasses_ are weak.
  for (TypeObject* t : mro_) {
    if (t != this) v.Visit(t);
  }
}

// As CPython's type_clear: a class's dict holds its methods, whose globals
// usually hold the class. Builtin types are never garbage.
void TypeObject::ClearRefs() {
  if (!is_heap_type_ || dict() == nullptr) return;
  dict()->Clear();
  Modified();
}

namespace {

// C3 linearization: merge the bases' MROs and the list of bases, always taking
// the first head that appears in no tail.
bool MergeC3(std::vector<std::vector<TypeObject*>> seqs,
             std::vector<TypeObject*>* out) {
  while (true) {
    seqs.erase(std::remove_if(seqs.begin(), seqs.end(),
                              [](const auto& s) { return s.empty(); }),
               seqs.end());
    if (seqs.empty()) return true;
    TypeObject* candidate = nullptr;
    for (const auto& s : seqs) {
      TypeObject* head = s.front();
      bool in_tail = false;
      for (const auto& other : seqs) {
        if (std::find(other.begin() + 1, other.end(), head) != other.end()) {
          in_tail = true;
          break;
        }
      }
      if (!in_tail) {
        candidate = head;
        break;
      }
    }
    if (candidate == nullptr) return false;
    out->push_back(candidate);
    for (auto& s : seqs) {
      if (!s.empty() && s.front() == candidate) s.erase(s.begin());
    }
  }
}

}  // namespace

bool TypeObject::SetBases(std::vector<TypeObject*> bases) {
  std::vector<std::vector<TypeObject*>> seqs;
  for (TypeObject* b : bases) seqs.push_back(b->mro_);
  seqs.push_back(bases);
  std::vector<TypeObject*> merged;
  if (!MergeC3(seqs, &merged)) {
    std::vector<std::string> names;
    for (TypeObject* b : bases) names.push_back(b->name());
    Raise(
        g_exc.TypeError,
        "Cannot create a consistent method resolution\norder (MRO) for bases " +
            absl::StrJoin(names, ", "));
    return false;
  }
  for (TypeObject* b : bases) {
    b->IncRef();
    b->subclasses_.push_back(this);
  }
  // Collection flags come from the solid base, else the first base.
  if (!bases.empty()) {
    TypeObject* best = bases[0];
    for (TypeObject* b : bases) {
      if (b->layout() != Layout::kObject) {
        best = b;
        break;
      }
    }
    collection_flags_ = best->collection_flags_;
  }
  bases_ = std::move(bases);
  mro_.clear();
  mro_.push_back(this);
  for (TypeObject* t : merged) {
    t->IncRef();
    mro_.push_back(t);
  }
  RefreshHookFlags();
  return true;
}

void TypeObject::SetCollectionFlagRecursive(uint8_t flag) {
  constexpr uint8_t kCollection = kSequenceFlag | kMappingFlag;
  if (!is_heap_type_ || (collection_flags_ & kCollection) == flag) return;
  collection_flags_ = (collection_flags_ & ~kCollection) | flag;
  for (TypeObject* sub : subclasses_) sub->SetCollectionFlagRecursive(flag);
}

bool TypeObject::IsSubtypeOf(const TypeObject* other) const {
  if (this == other) return true;
  for (const TypeObject* t : mro_) {
    if (t == other) return true;
  }
  return false;
}

// The attribute cache (CPython's type method cache): attribute lookups on a
// type walk its MRO, one dict probe per class, and most of them miss (an
// instance attribute is first looked for on the type, for descriptors). The
// cache remembers the result, misses included, per (type, version, name).
// Entries are valid while nothing changed: the type's version is unique over
// the run (a new type never reuses one, even at a freed type's address) and
// changes when its MRO does; any change to any type's dict bumps the epoch.
// So a hit's value is still in the dict that held it, and the cache keeps no
// reference of its own. Only interned names are cached (they live forever).
namespace {

struct LookupCacheEntry {
  const TypeObject* type = nullptr;
  uint64_t version = 0;
  uint64_t epoch = 0;
  const StrObject* name = nullptr;
  alignas(Value) unsigned char value[sizeof(Value)] = {};  // borrowed bits
};
constexpr size_t kLookupCacheSize = 4096;
LookupCacheEntry g_lookup_cache[kLookupCacheSize];

}  // namespace

void BumpTypeDictEpoch() { ++g_type_dict_epoch; }

Value TypeObject::LookupUncached(StrObject* name) const {
  for (const TypeObject* t : mro_) {
    Value v = t->dict()->GetStr(name);
    if (!v.is_null()) return v;
  }
  if (mro_.empty()) return dict()->GetStr(name);
  return Value();
}

Value TypeObject::Lookup(StrObject* name) const {
  if (!name->is_interned()) return LookupUncached(name);
  size_t slot = ((reinterpret_cast<uintptr_t>(this) >> 4) ^
                 (reinterpret_cast<uintptr_t>(name) >> 3) ^ version_) &
                (kLookupCacheSize - 1);
  LookupCacheEntry& e = g_lookup_cache[slot];
  if (e.type == this && e.name == name && e.version == version_ &&
      e.epoch == g_type_dict_epoch) {
    return *reinterpret_cast<const Value*>(e.value);  // a counted copy
  }
  Value v = LookupUncached(name);
  e.type = this;
  e.name = name;
  e.version = version_;
  e.epoch = g_type_dict_epoch;
  std::memcpy(e.value, static_cast<const void*>(&v), sizeof(Value));
  return v;
}

Value TypeObject::Lookup(const char* name) const {
  return Lookup(StrObject::Intern(name));
}

void TypeObject::SetAttribute(StrObject* name, Value value) {
  dict()->SetStr(name, std::move(value));
  Modified();
}

void TypeObject::SetAttribute(const char* name, Value value) {
  SetAttribute(StrObject::Intern(name), std::move(value));
}

void TypeObject::Modified() {
  version_ = ++g_next_type_version;
  direct_call_state_ = 0;  // Decided again at the next call.
  RefreshHookFlags();
  for (TypeObject* sub : subclasses_) sub->Modified();
}

void TypeObject::RefreshHookFlags() {
  static StrObject* getattr = StrObject::Intern("__getattr__");
  static StrObject* setattr = StrObject::Intern("__setattr__");
  static StrObject* getattribute = StrObject::Intern("__getattribute__");
  static StrObject* del = StrObject::Intern("__del__");
  has_getattr_hook_ = !Lookup(getattr).is_null();
  has_finalizer_ =
      finalize_fn_ != nullptr || (is_heap_type_ && !Lookup(del).is_null());
  // object's own __setattr__/__getattribute__ are the generic ones.
  Value s = Lookup(setattr);
  Value base_s =
      g_types.object ? g_types.object->dict()->GetStr(setattr) : Value();
  has_custom_setattr_ = !s.is_null() && !s.Is(base_s);
  Value g = Lookup(getattribute);
  Value base_g =
      g_types.object ? g_types.object->dict()->GetStr(getattribute) : Value();
  has_custom_getattribute_ = !g.is_null() && !g.Is(base_g);
  static StrObject* eq = StrObject::Intern("__eq__");
  static StrObject* ne = StrObject::Intern("__ne__");
  // Classes only (builtin types mostly define their own; one that does not
  // just takes the general path): the two lookups stay out of start-up.
  has_default_eq_ = is_heap_type_ && g_types.object != nullptr &&
                    Lookup(eq).Is(g_types.object->dict()->GetStr(eq)) &&
                    Lookup(ne).Is(g_types.object->dict()->GetStr(ne));
}

}  // namespace minidynamo
