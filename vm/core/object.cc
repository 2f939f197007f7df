#include "vm/core/object.h"

#include <cstdlib>
#include <new>

#include "vm/core/builtin_types.h"
#include "vm/core/type.h"
#include "vm/objects/dict.h"
#include "vm/objects/instance.h"
#include "vm/objects/tuple.h"

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

namespace {
// Dealloc's nesting depth and the objects queued past kMaxDepth: constant-
// initialized globals (objects are freed from static initializers on and
// during exit), with no initialization guard for Dealloc to test.
int g_dealloc_depth = 0;
struct PendingList {
  Object** data;
  size_t size;
  size_t capacity;
  void push_back(Object* o) {
    if (size == capacity) {
      size_t n = capacity == 0 ? 64 : capacity * 2;
      void* p = std::realloc(data, n * sizeof(Object*));
      if (p == nullptr) throw std::bad_alloc();
      data = static_cast<Object**>(p);
      capacity = n;
    }
    data[size++] = o;
  }
  bool empty() const { return size == 0; }
  Object* back() const { return data[size - 1]; }
  void pop_back() { --size; }
};
PendingList g_dealloc_pending = {nullptr, 0, 0};
}  // namespace

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
  constexpr int kMaxDepth = 500;
  if (g_dealloc_depth >= kMaxDepth) {
    g_dealloc_pending.push_back(this);
    return;
  }
  ++g_dealloc_depth;
  // An exact tuple may go on its size's free list instead.
  if (type_ != g_types.tuple || !TupleObject::Recycle(this)) delete this;
  --g_dealloc_depth;
  if (g_dealloc_depth == 0 && !g_dealloc_pending.empty()) DeletePending();
}

void Object::DeletePending() {
  while (!g_dealloc_pending.empty()) {
    Object* o = g_dealloc_pending.back();
    g_dealloc_pending.pop_back();
    ++g_dealloc_depth;
    delete o;
    --g_dealloc_depth;
  }
}

}  // namespace minidynamo
