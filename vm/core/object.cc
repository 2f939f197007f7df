#include "vm/core/object.h"

#include "vm/core/builtin_types.h"
#include "vm/core/type.h"
#include "vm/objects/dict.h"

namespace minidynamo {

Object::~Object() {
  if (dict_ != nullptr) dict_->DecRef();
  // Types are immortal for builtins; heap types are referenced by instances.
  if (type_ != nullptr && type_ != this) type_->DecRef();
}

void Object::set_type(TypeObject* t) {
  t->IncRef();
  TypeObject* old = type_;
  type_ = t;
  if (old != nullptr) old->DecRef();
}

DictObject* Object::EnsureDict() {
  if (dict_ == nullptr) dict_ = new DictObject(g_types.dict);
  return dict_;
}

void Object::set_dict(DictObject* d) {
  if (d != nullptr) d->IncRef();
  DictObject* old = dict_;
  dict_ = d;
  if (old != nullptr) old->DecRef();
}

void Object::Dealloc() { delete this; }

}  // namespace minidynamo
