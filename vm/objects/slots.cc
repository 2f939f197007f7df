#include "vm/objects/slots.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "vm/core/builtin_types.h"
#include "vm/core/errors.h"
#include "vm/core/type.h"
#include "vm/interp/ops.h"
#include "vm/objects/native.h"
#include "vm/objects/str.h"
#include "vm/objects/type_inits.h"

namespace minidynamo {

SlottedObject* SlottedObject::New(TypeObject* type) {
  uint32_t n = type->num_inline_slots();
  return new (n) SlottedObject(type, n);
}

SlottedObject::SlottedObject(TypeObject* type, uint32_t n)
    : Object(type), num_slots_(n) {
  Value* s = slots();
  for (uint32_t i = 0; i < n; ++i) new (&s[i]) Value();
}

SlottedObject::~SlottedObject() {
  Value* s = slots();
  for (uint32_t i = 0; i < num_slots_; ++i) s[i].~Value();
}

void SlottedObject::Traverse(GcVisitor& v) {
  Object::Traverse(v);
  Value* s = slots();
  for (uint32_t i = 0; i < num_slots_; ++i) v.Visit(s[i]);
}

void SlottedObject::ClearRefs() {
  // Each value is dropped after its slot is empty: a __del__ it runs sees a
  // consistent object.
  Value* s = slots();
  for (uint32_t i = 0; i < num_slots_; ++i) {
    Value old = std::move(s[i]);
  }
}

MemberDescriptor::MemberDescriptor(TypeObject* owner, StrObject* name,
                                   uint32_t index)
    : Object(g_types.member_descriptor),
      owner_(owner),
      name_(name),
      index_(index) {
  owner_->IncRef();
  name_->IncRef();
}

MemberDescriptor::~MemberDescriptor() {
  owner_->DecRef();
  name_->DecRef();
}

void MemberDescriptor::Traverse(GcVisitor& v) {
  Object::Traverse(v);
  if (owner_->is_heap_type()) v.Visit(owner_);
}

bool MemberDescriptor::Applies(const Value& obj) const {
  TypeObject* t = TypeOf(obj);
  if (t == owner_ || t->IsSubtypeOf(owner_)) return true;
  RaiseF(g_exc.TypeError,
         "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
         name_->str(), owner_->name(), t->name());
  return false;
}

Value MemberDescriptor::Get(const Value& obj) const {
  if (!Applies(obj)) return Value();
  Value v = static_cast<SlottedObject*>(obj.as_object())->slots()[index_];
  if (v.is_null()) {
    return RaiseF(g_exc.AttributeError, "'%s' object has no attribute '%s'",
                  TypeName(obj), name_->str());
  }
  return v;
}

bool MemberDescriptor::Set(const Value& obj, Value value) const {
  if (!Applies(obj)) return false;
  Value& slot = static_cast<SlottedObject*>(obj.as_object())->slots()[index_];
  if (value.is_null() && slot.is_null()) {
    // CPython's member descriptor names just the slot.
    Raise(g_exc.AttributeError, name_->str());
    return false;
  }
  Value old = std::move(slot);
  slot = std::move(value);
  return true;
}

bool IsMemberDescriptor(const Value& v) {
  return v.is_object() && v.as_object()->type() == g_types.member_descriptor;
}

namespace {

MemberDescriptor* Self(const Value& v) {
  return static_cast<MemberDescriptor*>(v.as_object());
}

// The receiver is checked by the call (AddMethod gives these an owner); the
// argument counts here.
Value MemberGetMethod(Value* a, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("__get__", nargs - 1, kw, 1, 2)) return Value();
  if (a[1].is_none()) return a[0];
  return Self(a[0])->Get(a[1]);
}

Value MemberSetMethod(Value* a, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("__set__", nargs - 1, kw, 2, 2)) return Value();
  if (!Self(a[0])->Set(a[1], a[2])) return Value();
  return Value::None();
}

Value MemberDeleteMethod(Value* a, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("__delete__", nargs - 1, kw, 1, 1)) return Value();
  if (!Self(a[0])->Set(a[1], Value())) return Value();
  return Value::None();
}

Value MemberRepr(Value* a, size_t, TupleObject*) {
  MemberDescriptor* m = Self(a[0]);
  return StrObject::New(absl::StrCat("<member '", m->name()->str(), "' of '",
                                     m->owner()->name(), "' objects>"));
}

}  // namespace

void InitMemberDescriptorType() {
  TypeObject* t = g_types.member_descriptor;
  AddMethod(t, "__get__", MemberGetMethod);
  AddMethod(t, "__set__", MemberSetMethod);
  AddMethod(t, "__delete__", MemberDeleteMethod);
  AddMethod(t, "__repr__", MemberRepr);
  AddGetter(t, "__name__", [](Value* a, size_t, TupleObject*) {
    return Value::FromObject(Self(a[0])->name());
  });
  AddGetter(t, "__qualname__", [](Value* a, size_t, TupleObject*) {
    MemberDescriptor* m = Self(a[0]);
    return StrObject::New(
        absl::StrCat(m->owner()->qualname(), ".", m->name()->str()));
  });
  AddGetter(t, "__objclass__", [](Value* a, size_t, TupleObject*) {
    return Value::FromObject(Self(a[0])->owner());
  });
  AddGetter(t, "__doc__",
            [](Value*, size_t, TupleObject*) { return Value::None(); });
}

}  // namespace minidynamo
