#include "vm/objects/instance.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "vm/core/builtin_types.h"
#include "vm/objects/dict.h"
#include "vm/objects/str.h"

namespace minidynamo {

InstanceObject* InstanceObject::New(TypeObject* type) {
  // As many values as the class's instances have set (the first instance,
  // which teaches the class its keys, guesses a few).
  size_t n =
      std::max<size_t>(type->shared_keys().size(), type->instance_dict_hint());
  if (n == 0) n = 4;
  n = std::min(n, TypeObject::kMaxSharedKeys);
  auto capacity = static_cast<uint32_t>(n);
  return new (capacity) InstanceObject(type, capacity);
}

InstanceObject::InstanceObject(TypeObject* type, uint32_t capacity)
    : Object(type), capacity_(capacity) {}

InstanceObject::~InstanceObject() {
  Value* v = values();
  for (uint32_t i = 0; i < size_; ++i) v[i].~Value();
}

int64_t InstanceObject::Find(StrObject* name) const {
  const std::vector<StrObject*>& keys = type()->shared_keys();
  for (uint32_t i = 0; i < size_; ++i) {
    if (keys[i] == name) return i;
  }
  if (name->is_interned()) return -1;  // the keys are interned too
  for (uint32_t i = 0; i < size_; ++i) {
    if (keys[i]->str() == name->str()) return i;
  }
  return -1;
}

Value InstanceObject::GetMiss(StrObject* name, uint32_t* hint) {
  int64_t i = Find(name);
  if (i < 0) return Value();
  *hint = static_cast<uint32_t>(i);
  return values()[i];
}

bool InstanceObject::TrySetMiss(StrObject* name, Value* value, uint32_t* hint) {
  int64_t i = Find(name);
  if (i >= 0) {
    *hint = static_cast<uint32_t>(i);
    Value& slot = values()[i];
    Value old(std::move(slot));  // released after the store
    new (&slot) Value(std::move(*value));
    return true;
  }
  // A new attribute: the next shared key, or a key the class learns now.
  if (!name->is_interned()) return false;
  TypeObject* type = this->type();
  const std::vector<StrObject*>& keys = type->shared_keys();
  if (size_ < keys.size()) {
    if (keys[size_] != name) return false;  // another order: a dict
  } else if (keys.size() < TypeObject::kMaxSharedKeys) {
    // Learnt even when this instance has no room: the next ones will.
    type->AddSharedKey(name, name->hash());
  } else {
    return false;
  }
  if (size_ == capacity_) return false;
  *hint = size_;
  new (&values()[size_]) Value(std::move(*value));
  ++size_;
  type->NoteInstanceDictSize(size_);
  return true;
}

DictObject* InstanceObject::Materialize() {
  DictObject* d = DictObject::Create(
      g_types.dict, std::max<size_t>(size_, type()->instance_dict_hint()));
  // Moved in order, each slot emptied first: the dict takes the references.
  const std::vector<StrObject*>& keys = type()->shared_keys();
  uint32_t n = size_;
  size_ = 0;
  Value* v = values();
  for (uint32_t i = 0; i < n; ++i) {
    Value value = std::move(v[i]);
    v[i].~Value();
    d->SetStr(keys[i], std::move(value));
  }
  set_dict(d);  // no values left: set_dict has nothing to drop
  d->DecRef();
  return d;
}

void InstanceObject::DropValues() {
  // Moved out before any is released (first to last, as CPython clears
  // instance values): a __del__ they run sees an instance with no
  // attributes, and may set new ones without disturbing the release.
  uint32_t n = size_;
  size_ = 0;
  std::vector<Value> old;
  old.reserve(n);
  Value* v = values();
  for (uint32_t i = 0; i < n; ++i) {
    old.push_back(std::move(v[i]));
    v[i].~Value();
  }
}

void InstanceObject::Traverse(GcVisitor& v) {
  Object::Traverse(v);
  Value* values = this->values();
  for (uint32_t i = 0; i < size_; ++i) v.Visit(values[i]);
}

void InstanceObject::ClearRefs() { DropValues(); }

}  // namespace minidynamo
