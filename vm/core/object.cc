#include "vm/core/object.h"

#include <vector>

#include "vm/core/builtin_types.h"
#include "vm/core/type.h"
#include "vm/objects/dict.h"
#include "vm/objects/instance.h"

namespace minidynamo {

Object::~Object() {
  gc::Untrack(this, &flags_);
  if (dict_ != nullptr) dict_->DecRef();
  // Types are immortal for builtins; heap types are referenced by instances.
  if (type_ != nullptr && type_ != this) type_->DecRef();
}

void Object::Traverse(GcVisitor& visitor) {
  if (dict_ != nullptr) visitor.Visit(dict_);
  // Builtin types are immortal; as CPython's, only a class is visited.
  if (type_ != nullptr && type_ != this && type_->is_heap_type())
    visitor.Visit(type_);
}

void Object::set_type(TypeObject* t) {
  t->IncRef();
  TypeObject* old = type_;
  type_ = t;
  if (old != nullptr) old->DecRef();
}

DictObject* Object::MaterializeValues(bool always) const {
  auto* self = static_cast<InstanceObject*>(const_cast<Object*>(this));
  if (!always && self->size() == 0) return nullptr;
  return self->Materialize();
}

DictObject* Object::EnsureDict() {
  if (dict_ == nullptr && type_ != nullptr && type_->inline_values()) {
    return MaterializeValues(true);
  }
  if (dict_ == nullptr) {
    // Room inside the dict's own allocation for what earlier instances of
    // the class held.
    dict_ = DictObject::Create(
        g_types.dict, type_ != nullptr ? type_->instance_dict_hint() : 0);
  }
  return dict_;
}

void Object::set_dict(DictObject* d) {
  // An instance in values mode: the new dict replaces its attributes.
  if (type_ != nullptr) {
    if (InstanceObject* inst = InstanceObject::ValuesOf(this)) {
      inst->DropValues();
    }
  }
  if (d != nullptr) d->IncRef();
  DictObject* old = dict_;
  dict_ = d;
  if (old != nullptr) old->DecRef();
}

// Freeing a deeply nested structure (a list inside a list, 100,000 deep) would
// recurse once per level in the destructors. Past a modest depth, objects are
// queued and freed by the outermost Dealloc instead, as CPython's "trashcan"
// does.
void Object::Dealloc() {
  // __del__ runs once, with the object alive again for the call; it may keep
  // it alive (resurrection).
  if (type_ != nullptr && type_->has_finalizer() &&
      (flags_ & gc::kFinalized) == 0) {
    ++refcount_;
    gc::CallFinalizer(this);
    if (--refcount_ != 0) return;
  }
  // Out of the collector's lists before anything is released: destructors
  // release items one by one and may run Python code (__del__) that starts a
  // collection, which must not visit this half-destroyed object (or one
  // queued below with no references), as CPython's deallocators untrack
  // first.
  gc::Untrack(this, &flags_);
  static int depth = 0;
  static std::vector<Object*>* pending = new std::vector<Object*>();
  constexpr int kMaxDepth = 500;
  if (depth >= kMaxDepth) {
    pending->push_back(this);
    return;
  }
  ++depth;
  delete this;
  --depth;
  if (depth == 0) {
    while (!pending->empty()) {
      Object* o = pending->back();
      pending->pop_back();
      ++depth;
      delete o;
      --depth;
    }
  }
}

}  // namespace minidynamo
