// Attribute access: object.__getattribute__/__setattr__ semantics (descriptors,
// instance dicts, __getattr__), type attribute lookup, modules and super().

#include <algorithm>
#include <cstring>

#include "vm/core/builtin_types.h"
#include "vm/core/errors.h"
#include "vm/interp/inline_cache.h"
#include "vm/interp/ops.h"
#include "vm/interp/suggestions.h"
#include "vm/objects/descriptor.h"
#include "vm/objects/dict.h"
#include "vm/objects/function.h"
#include "vm/objects/instance.h"
#include "vm/objects/slots.h"
#include "vm/objects/str.h"
#include "vm/objects/tuple.h"

namespace minidynamo {
namespace {

// Whether `attr` (found on a type) defines __set__ or __delete__ (a data
// descriptor, which wins over the instance dict).
bool IsDataDescriptor(const Value& attr) {
  if (!attr.is_object()) return false;
  TypeObject* t = attr.as_object()->type();
  if (t == g_types.property || t == g_types.member_descriptor) return true;
  if (t == g_types.function || t == g_types.native_function ||
      t == g_types.classmethod || t == g_types.staticmethod ||
      !t->is_heap_type()) {
    return false;
  }
  static StrObject* set = Intern("__set__");
  static StrObject* del = Intern("__delete__");
  return !t->Lookup(set).is_null() || !t->Lookup(del).is_null();
}

// descr.__get__(obj, owner) for anything found on a type. `obj` is null when
// the attribute is read from the class itself.
Value BindDescriptor(const Value& attr, const Value& obj, TypeObject* owner) {
  if (!attr.is_object()) return attr;
  TypeObject* t = attr.as_object()->type();
  if (t == g_types.function) {
    if (obj.is_null()) return attr;
    return BoundMethod::New(attr, obj);
  }
  if (t == g_types.native_function) {
    auto* nf = As<NativeFunction>(attr);
    if (obj.is_null() || nf->owner() == nullptr) return attr;
    // A builtin method binds only to instances of its type (CPython's
    // descr_check), wherever it was found (`push = list.append`).
    if (!TypeOf(obj)->IsSubtypeOf(nf->owner())) {
      return RaiseF(g_exc.TypeError,
                    "descriptor '%s' for '%s' objects doesn't apply to a '%s' "
                    "object",
                    nf->name(), nf->owner()->name(), TypeName(obj));
    }
    return BoundMethod::New(attr, obj);
  }
  if (t == g_types.staticmethod) return As<MethodWrapperObject>(attr)->callable;
  if (t == g_types.classmethod) {
    return BoundMethod::New(As<MethodWrapperObject>(attr)->callable,
                            Value::FromObject(owner));
  }
  if (t == g_types.property) {
    if (obj.is_null()) return attr;
    auto* p = As<PropertyObject>(attr);
    if (p->fget.is_none() || p->fget.is_null()) {
      return Raise(g_exc.AttributeError, "property object has no getter");
    }
    return CallOneArg(p->fget, obj);
  }
  if (t == g_types.member_descriptor) {
    if (obj.is_null()) return attr;
    return As<MemberDescriptor>(attr)->Get(obj);
  }
  if (t->is_heap_type()) {
    static StrObject* get = Intern("__get__");
    Value getter = t->Lookup(get);
    if (!getter.is_null()) {
      Value args[3] = {attr, obj.is_null() ? Value::None() : obj,
                       Value::FromObject(owner)};
      return Call(getter, args, 3);
    }
  }
  return attr;
}

// Attributes every type has, computed rather than stored: in CPython they are
// data descriptors on `type`, so they win over anything in the class's own MRO
// (the
// `__name__` property that function instances use must not shadow
// `function.__name__`).
Value TypeSpecialAttr(TypeObject* type, const std::string& n) {
  // All of them are dunder names: most lookups (methods, class attributes)
  // are answered by the first two characters.
  if (n.size() < 4 || n[0] != '_' || n[1] != '_') return Value();
  if (n == "__name__") return StrObject::New(type->name());
  if (n == "__qualname__") return StrObject::New(type->qualname());
  if (n == "__mro__" || n == "__bases__") {
    const auto& v = n == "__mro__" ? type->mro() : type->bases();
    Value t = TupleObject::New(v.size());
    for (size_t i = 0; i < v.size(); ++i) {
      As<TupleObject>(t)->set(i, Value::FromObject(v[i]));
    }
    return t;
  }
  if (n == "__base__") {
    return type->bases().empty() ? Value::None()
                                 : Value::FromObject(type->bases()[0]);
  }
  if (n == "__dict__") return Value::FromObject(type->dict());
  if (n == "__class__") return Value::FromObject(type->type());
  if (n == "__module__" && !type->is_heap_type()) {
    return StrObject::New(type->module_name());
  }
  return Value();
}

Value TypeGetAttr(TypeObject* type, StrObject* name, bool suppress_missing) {
  Value special = TypeSpecialAttr(type, name->str());
  if (!special.is_null()) return special;
  TypeObject* meta = type->type();
  Value meta_attr = meta->Lookup(name);
  if (!meta_attr.is_null() && IsDataDescriptor(meta_attr)) {
    return BindDescriptor(meta_attr, Value::FromObject(type), meta);
  }
  Value attr = type->Lookup(name);
  if (!attr.is_null()) return BindDescriptor(attr, Value(), type);
  if (!meta_attr.is_null()) {
    return BindDescriptor(meta_attr, Value::FromObject(type), meta);
  }
  if (name->str() == "__module__") return StrObject::New(type->module_name());
  if (name->str() == "__doc__") return Value::None();
  if (suppress_missing) return Value();
  return RaiseF(g_exc.AttributeError, "type object '%s' has no attribute '%s'",
                type->name(), name->str());
}

Value SuperGetAttr(SuperObject* sup, StrObject* name, bool suppress_missing) {
  // Search the MRO of type(obj) starting after `sup->type`.
  TypeObject* start = As<TypeObject>(sup->thisclass);
  TypeObject* obj_type = As<TypeObject>(sup->obj_type);
  const auto& mro = obj_type->mro();
  size_t i = 0;
  while (i < mro.size() && mro[i] != start) ++i;
  for (++i; i < mro.size(); ++i) {
    Value attr = mro[i]->dict()->GetStr(name);
    if (attr.is_null()) continue;
    bool obj_is_type = sup->obj.Is(sup->obj_type);
    return BindDescriptor(attr, obj_is_type ? Value() : sup->obj, obj_type);
  }
  if (name->str() == "__class__") return Value::FromObject(sup->type());
  if (suppress_missing) return Value();
  return RaiseF(g_exc.AttributeError, "'super' object has no attribute '%s'",
                name->str());
}

}  // namespace

Value CallSpecialMethod(const Value& obj, const Value& method, Value* args,
                        size_t nargs, TupleObject* kwnames) {
  if (IsFunctionLike(method))
    return CallWithSelf(method, obj, args, nargs, kwnames);
  Value bound = BindDescriptor(method, obj, TypeOf(obj));
  if (bound.is_null()) return bound;
  return Call(bound, args, nargs, kwnames);
}

namespace {

// Whether `obj` has the `__dict__` attribute CPython's instances of such a
// type have (the type's __dict__ getset).
bool HasDunderDict(const Value& obj, TypeObject* type) {
  return obj.is_object() && !type->has_slots_only() &&
         (type->is_heap_type() || type->layout() == Layout::kFunction ||
          type->layout() == Layout::kException ||
          type->layout() == Layout::kModule);
}

// The instance's own attribute `name` (inline values or dict entry), null
// when it has none; never makes the dict. `hint` as DictObject's.
Value OwnAttr(Object* o, StrObject* name, uint32_t* hint) {
  if (InstanceObject* inst = InstanceObject::ValuesOf(o)) {
    return inst->Get(name, hint);
  }
  DictObject* d = o->dict_if_made();
  return d == nullptr ? Value() : d->GetStrHinted(name, hint);
}

// Whether the instance may have an attribute `name` (false: it has none).
bool MayHaveOwnAttr(Object* o, StrObject* name) {
  if (InstanceObject::ValuesOf(o) != nullptr) {
    return o->type()->SharedKeysMayHold(name->hash());
  }
  DictObject* d = o->dict_if_made();
  return d != nullptr && d->MayHoldHash(name->hash());
}

// Stores an instance attribute (no descriptor applies): in the inline
// values while they can hold it, else in the dict.
void StoreOwnAttr(Object* o, TypeObject* type, StrObject* name, Value value,
                  uint32_t* hint) {
  if (InstanceObject* inst = InstanceObject::ValuesOf(o)) {
    if (inst->TrySet(name, &value, hint)) return;
  }
  DictObject* d = o->EnsureDict();
  d->SetStrHinted(name, std::move(value), hint);
  if (type->is_heap_type()) type->NoteInstanceDictSize(d->size());
}

}  // namespace

Value GenericGetAttr(const Value& obj, StrObject* name, bool suppress_missing) {
  TypeObject* type = TypeOf(obj);
  Value attr = type->Lookup(name);
  if (!attr.is_null() && IsDataDescriptor(attr)) {
    return BindDescriptor(attr, obj, type);
  }
  if (obj.is_object()) {
    uint32_t hint = 0;
    Value v = OwnAttr(obj.as_object(), name, &hint);
    if (!v.is_null()) return v;
  }
  if (!attr.is_null()) return BindDescriptor(attr, obj, type);
  if (name->str() == "__class__") return Value::FromObject(type);
  if (name->str() == "__dict__" && HasDunderDict(obj, type)) {
    return Value::FromObject(obj.as_object()->EnsureDict());
  }
  if (suppress_missing) return Value();
  return RaiseF(g_exc.AttributeError, "'%s' object has no attribute '%s'",
                type->name(), name->str());
}

namespace {
Value GetAttrImpl(const Value& obj, StrObject* name, bool suppress);
}  // namespace

Value GetAttrOptional(const Value& obj, StrObject* name) {
  return GetAttrImpl(obj, name, true);
}

namespace {
Value GetAttrImpl(const Value& obj, StrObject* name, bool suppress) {
  TypeObject* type = TypeOf(obj);
  Value r;
  if (type->has_custom_getattribute()) {
    static StrObject* ga = Intern("__getattribute__");
    Value arg = Value::FromObject(name);
    r = CallSpecial(obj, ga, &arg, 1);
    if (r.is_null() && ErrorMatches(g_exc.AttributeError)) ClearError();
  } else if (type->layout() == Layout::kType && obj.is_object() &&
             obj.as_object()->type()->IsSubtypeOf(g_types.type)) {
    r = TypeGetAttr(As<TypeObject>(obj), name, true);
  } else if (type == g_types.super) {
    r = SuperGetAttr(As<SuperObject>(obj), name, true);
  } else {
    r = GenericGetAttr(obj, name, true);
    // A descriptor's AttributeError (an unset slot, a property's getter)
    // means "missing" to optional lookups and to __getattr__, as in CPython.
    if (r.is_null() && (suppress || type->has_getattr_hook()) &&
        ErrorMatches(g_exc.AttributeError)) {
      ClearError();
    }
  }
  if (!r.is_null() || ErrorOccurred()) return r;
  if (type == g_types.method) {
    // A bound method forwards unknown attributes (__name__, __doc__, ...) to
    // its function, as CPython's method objects do.
    return GetAttrOptional(As<BoundMethod>(obj)->func, name);
  }
  if (type->layout() == Layout::kModule && obj.as_object()->dict() != nullptr) {
    // PEP 562: a module's own __getattr__ answers missing attributes.
    static StrObject* getattr = Intern("__getattr__");
    Value hook = obj.as_object()->dict()->GetStr(getattr);
    if (!hook.is_null()) {
      r = CallOneArg(hook, Value::FromObject(name));
      if (r.is_null() && suppress && ErrorMatches(g_exc.AttributeError)) {
        ClearError();
      }
      return r;
    }
  }
  if (type->has_getattr_hook()) {
    static StrObject* getattr = Intern("__getattr__");
    Value arg = Value::FromObject(name);
    r = CallSpecial(obj, getattr, &arg, 1);
    // GetAttr keeps the hook's own AttributeError (its message); optional
    // lookups treat it as "missing".
    if (r.is_null() && suppress && ErrorMatches(g_exc.AttributeError))
      ClearError();
  }
  return r;
}

}  // namespace

namespace {

// GetAttr's error when nothing answered for `name`.
void RaiseMissingAttribute(const Value& obj, StrObject* name) {
  TypeObject* type = TypeOf(obj);
  if (obj.is_object() && obj.as_object()->type()->IsSubtypeOf(g_types.type)) {
    RaiseF(g_exc.AttributeError, "type object '%s' has no attribute '%s'",
           As<TypeObject>(obj)->name(), name->str());
  } else if (type->layout() == Layout::kModule) {
    RaiseF(g_exc.AttributeError, "module '%s' has no attribute '%s'",
           As<ModuleObject>(obj)->name, name->str());
  } else if (type == g_types.super) {
    RaiseF(g_exc.AttributeError, "'super' object has no attribute '%s'",
           name->str());
  } else {
    RaiseF(g_exc.AttributeError, "'%s' object has no attribute '%s'",
           type->name(), name->str());
  }
}

// A failed lookup's AttributeError says what was looked up, on what.
Value LookupFailed(const Value& obj, StrObject* name) {
  NoteLookupFailure(Value::FromObject(name), obj);
  return Value();
}

}  // namespace

Value GetAttr(const Value& obj, StrObject* name) {
  Value r = GetAttrImpl(obj, name, false);
  if (!r.is_null()) return r;
  if (!ErrorOccurred()) RaiseMissingAttribute(obj, name);
  return LookupFailed(obj, name);
}

Value GetAttr(const Value& obj, const char* name) {
  return GetAttr(obj, Intern(name));
}

Value SuperLoadMethod(const Value& owner, StrObject* name, Value* self) {
  auto* sup = As<SuperObject>(owner);
  if (sup->obj.Is(sup->obj_type)) return Value();  // super(C, cls): classes
  TypeObject* start = As<TypeObject>(sup->thisclass);
  const auto& mro = As<TypeObject>(sup->obj_type)->mro();
  size_t i = 0;
  while (i < mro.size() && mro[i] != start) ++i;
  for (++i; i < mro.size(); ++i) {
    Value attr = mro[i]->dict()->GetStr(name);
    if (attr.is_null()) continue;
    // Only a plain function, or a builtin method whose type the instance
    // has (object.__init__), binds to the instance as a method would; the
    // rest (descriptors, a builtin method that raises when bound) take the
    // generic path.
    if (!IsFunctionLike(attr)) return Value();
    if (attr.as_object()->type() == g_types.native_function &&
        !TypeOf(sup->obj)->IsSubtypeOf(As<NativeFunction>(attr)->owner())) {
      return Value();
    }
    *self = sup->obj;
    return attr;
  }
  return Value();
}

Value LoadMethod(const Value& obj, StrObject* name, bool* is_method) {
  TypeObject* type = TypeOf(obj);
  *is_method = false;
  if (!type->has_custom_getattribute() && type->layout() != Layout::kType &&
      type != g_types.super) {
    Value attr = type->Lookup(name);
    if (!attr.is_null() && IsFunctionLike(attr)) {
      uint32_t hint = 0;
      if (!obj.is_object() || OwnAttr(obj.as_object(), name, &hint).is_null()) {
        *is_method = true;
        return attr;
      }
    }
  }
  return GetAttr(obj, name);
}

namespace {

// Whether instances of `a` and `b` have the same inline slots. As CPython's
// same_slots_added, the names are compared as sets: a class with the same
// names in another order is accepted (and reads them at its own indexes).
bool SameInlineSlots(const TypeObject* a, const TypeObject* b) {
  if (a->num_inline_slots() != b->num_inline_slots()) return false;
  std::vector<std::string> x = a->inline_slot_names();
  std::vector<std::string> y = b->inline_slot_names();
  std::sort(x.begin(), x.end());
  std::sort(y.begin(), y.end());
  return x == y;
}

// object.__class__'s setter (CPython's object_set_class): both classes must be
// heap types (or module subclasses) with the same instance layout.
bool SetClass(const Value& obj, const Value& value) {
  if (value.is_null()) {
    Raise(g_exc.TypeError, "can't delete __class__ attribute");
    return false;
  }
  if (!value.is_object() || !IsInstance(value, g_types.type)) {
    RaiseF(g_exc.TypeError, "__class__ must be set to a class, not '%s' object",
           TypeName(value));
    return false;
  }
  TypeObject* old_type = TypeOf(obj);
  auto* new_type = As<TypeObject>(value);
  bool modules = old_type->layout() == Layout::kModule &&
                 new_type->layout() == Layout::kModule;
  if (!obj.is_object() ||
      (!modules && (!old_type->is_heap_type() || !new_type->is_heap_type()))) {
    Raise(g_exc.TypeError,
          "__class__ assignment only supported for mutable types or ModuleType "
          "subclasses");
    return false;
  }
  if (old_type->layout() != new_type->layout() ||
      old_type->has_slots_only() != new_type->has_slots_only() ||
      old_type->slot_names() != new_type->slot_names() ||
      !SameInlineSlots(old_type, new_type)) {
    RaiseF(g_exc.TypeError,
           "__class__ assignment: '%s' object layout differs from '%s'",
           new_type->name(), old_type->name());
    return false;
  }
  // Inline values are keyed by their class's shared keys: an instance that
  // changes class keeps its attributes in a dict instead (and one that was
  // made without values gets one before joining a class that has them).
  if (old_type->inline_values() || new_type->inline_values()) {
    obj.as_object()->EnsureDict();
  }
  obj.as_object()->set_type(new_type);
  return true;
}

}  // namespace

bool GenericSetAttr(const Value& obj, StrObject* name, Value value) {
  TypeObject* type = TypeOf(obj);
  static StrObject* class_name = Intern("__class__");
  if (name == class_name) return SetClass(obj, value);
  Value attr = type->Lookup(name);
  if (!attr.is_null() && IsDataDescriptor(attr)) {
    if (attr.as_object()->type() == g_types.member_descriptor) {
      return As<MemberDescriptor>(attr)->Set(obj, std::move(value));
    }
    if (attr.as_object()->type() == g_types.property) {
      auto* p = As<PropertyObject>(attr);
      if (value.is_null()) {
        if (p->fdel.is_none() || p->fdel.is_null()) {
          RaiseF(g_exc.AttributeError, "can't delete attribute '%s'",
                 name->str());
          return false;
        }
        return !CallOneArg(p->fdel, obj).is_null();
      }
      if (p->fset.is_none() || p->fset.is_null()) {
        RaiseF(g_exc.AttributeError,
               "property '%s' of '%s' object has no setter", name->str(),
               type->name());
        return false;
      }
      return !CallTwoArgs(p->fset, obj, std::move(value)).is_null();
    }
    static StrObject* set = Intern("__set__");
    static StrObject* del = Intern("__delete__");
    if (value.is_null()) {
      Value args[2] = {attr, obj};
      Value d = attr.as_object()->type()->Lookup(del);
      return !d.is_null() && !Call(d, args, 2).is_null();
    }
    Value args[3] = {attr, obj, std::move(value)};
    Value s = attr.as_object()->type()->Lookup(set);
    if (s.is_null()) {
      RaiseF(g_exc.AttributeError, "__set__");
      return false;
    }
    return !Call(s, args, 3).is_null();
  }
  bool has_dict =
      obj.is_object() &&
      (type->is_heap_type() || type->layout() == Layout::kFunction ||
       type->layout() == Layout::kModule || type->layout() == Layout::kType ||
       type->layout() == Layout::kException);
  if (!has_dict) {
    if (attr.is_null()) {
      RaiseF(g_exc.AttributeError, "'%s' object has no attribute '%s'",
             type->name(), name->str());
    } else {
      RaiseF(g_exc.AttributeError, "'%s' object attribute '%s' is read-only",
             type->name(), name->str());
    }
    return false;
  }
  if (type->layout() == Layout::kType &&
      obj.as_object()->type()->IsSubtypeOf(g_types.type)) {
    auto* t = As<TypeObject>(obj);
    if (!t->is_heap_type()) {
      RaiseF(g_exc.TypeError,
             "cannot set '%s' attribute of immutable type '%s'", name->str(),
             t->name());
      return false;
    }
    if (value.is_null()) {
      if (!t->dict()->DelStr(name)) {
        RaiseF(g_exc.AttributeError, "type object '%s' has no attribute '%s'",
               t->name(), name->str());
        return false;
      }
      t->Modified();
      return true;
    }
    t->SetAttribute(name, std::move(value));
    return true;
  }
  if (name->str() == "__dict__" && attr.is_null() && HasDunderDict(obj, type)) {
    // The instance dict itself is replaced (subtype_setdict); deleting it
    // leaves the instance with no attributes (a new dict comes on demand).
    if (value.is_null()) {
      obj.as_object()->set_dict(nullptr);
      return true;
    }
    if (!IsInstance(value, g_types.dict)) {
      RaiseF(g_exc.TypeError,
             "__dict__ must be set to a dictionary, not a '%s'",
             TypeName(value));
      return false;
    }
    obj.as_object()->set_dict(As<DictObject>(value));
    return true;
  }
  if (type->has_slots_only()) {
    const auto& allowed = type->slot_names();
    if (std::find(allowed.begin(), allowed.end(), name->str()) ==
        allowed.end()) {
      if (!attr.is_null()) {
        RaiseF(g_exc.AttributeError, "'%s' object attribute '%s' is read-only",
               type->name(), name->str());
        return false;
      }
      RaiseF(g_exc.AttributeError, "'%s' object has no attribute '%s'",
             type->name(), name->str());
      return false;
    }
  }
  if (!value.is_null()) {
    uint32_t hint = 0;
    StoreOwnAttr(obj.as_object(), type, name, std::move(value), &hint);
    return true;
  }
  // Deleting: from the dict (inline values are moved into one first).
  DictObject* d = obj.as_object()->EnsureDict();
  if (!d->DelStr(name)) {
    if (type->has_slots_only()) {
      // Deleting an unset slot: CPython's member descriptor names just the
      // slot.
      Raise(g_exc.AttributeError, name->str());
      return false;
    }
    RaiseF(g_exc.AttributeError, "'%s' object has no attribute '%s'",
           type->name(), name->str());
    return false;
  }
  return true;
}

bool SetAttr(const Value& obj, StrObject* name, Value value) {
  TypeObject* type = TypeOf(obj);
  if (type->has_custom_setattr()) {
    static StrObject* setattr = Intern("__setattr__");
    static StrObject* delattr = Intern("__delattr__");
    if (value.is_null()) {
      Value arg = Value::FromObject(name);
      return !CallSpecial(obj, delattr, &arg, 1).is_null();
    }
    Value args[2] = {Value::FromObject(name), std::move(value)};
    return !CallSpecial(obj, setattr, args, 2).is_null();
  }
  return GenericSetAttr(obj, name, std::move(value));
}

bool DelAttr(const Value& obj, StrObject* name) {
  return SetAttr(obj, name, Value());
}

// Inline caches (inline_cache.h). Each kind mirrors one way GenericGetAttr
// or GenericSetAttr resolves, decided once per (type, version, epoch).
namespace {

const Value& CachedAttr(const InlineCache* c) {
  return *reinterpret_cast<const Value*>(c->value);
}

void FillCache(InlineCache* c, TypeObject* type, StrObject* name,
               const Value& attr, InlineCacheKind kind) {
  c->key = type;
  c->name = name;
  c->version = type->version();
  c->aux = g_type_dict_epoch;
  std::memcpy(c->value, static_cast<const void*>(&attr), sizeof(Value));
  c->kind = kind;
}

// The entry of `c`'s extension for `type` (the primary entry did not match):
// the valid one when *hit, else the one to fill.
InlineCache* PolymorphicEntryFor(InlineCache* c, const TypeObject* type,
                                 bool* hit) {
  *hit = false;
  if (c->key == nullptr || c->key == type) return c;
  if (c->more == nullptr) c->more.reset(new InlineCache[kMorePolymorphic]);
  InlineCache* more = c->more.get();
  for (int i = 0; i < kMorePolymorphic; ++i) {
    if (InlineCacheValid(&more[i], type)) {
      *hit = true;
      return &more[i];
    }
  }
  for (int i = 0; i < kMorePolymorphic; ++i) {
    if (more[i].key == nullptr || more[i].key == type) return &more[i];
  }
  InlineCache* victim = &more[c->next];
  c->next = static_cast<uint8_t>((c->next + 1) % kMorePolymorphic);
  return victim;
}

inline InlineCache* EntryFor(InlineCache* c, const TypeObject* type,
                             bool* hit) {
  *hit = true;
  if (InlineCacheValid(c, type)) return c;
  return PolymorphicEntryFor(c, type, hit);
}

// Whether reading attributes of `type`'s instances is GenericGetAttr alone
// (GetAttrImpl's other branches and __getattr__ are left to it).
bool PlainReads(const TypeObject* type) {
  return !type->has_custom_getattribute() && !type->has_getattr_hook() &&
         type->layout() != Layout::kType && type != g_types.super;
}

// A store through a member descriptor the cache resolved: `owner`'s type has
// the slot. The old value is dropped after the store (its __del__ may run).
void StoreSlot(const Value& owner, uint32_t index, Value value) {
  Value& slot = static_cast<SlottedObject*>(owner.as_object())->slots()[index];
  Value old = std::move(slot);
  slot = std::move(value);
}

// Whether `attr` is a member descriptor for a slot that instances of `type`
// have: one of its own classes' (a descriptor copied onto another class
// applies to nothing there, and its generic path raises the TypeError).
bool IsOwnSlot(const Value& attr, const TypeObject* type) {
  return IsMemberDescriptor(attr) &&
         type->IsSubtypeOf(As<MemberDescriptor>(attr)->owner());
}

// How a read of `attr` (what `type` holds under the name) resolves; a slot
// read keeps the slot's index in the cache's hint.
InlineCacheKind ReadKind(const Value& attr, const TypeObject* type,
                         InlineCache* c) {
  if (attr.is_null()) return kAttrInstance;
  if (IsOwnSlot(attr, type)) {
    c->hint = As<MemberDescriptor>(attr)->index();
    return kAttrSlot;
  }
  return IsDataDescriptor(attr) ? kAttrData : kAttrPlain;
}

Value ReadCached(const Value& owner, TypeObject* type, StrObject* name,
                 InlineCache* c) {
  switch (c->kind) {
    case kAttrInstance:
    case kAttrPlain:
    case kAttrMethod: {
      if (owner.is_object()) {
        Value v = OwnAttr(owner.as_object(), name, &c->hint);
        if (!v.is_null()) return v;
      }
      if (c->kind == kAttrInstance) return GetAttr(owner, name);
      Value attr = CachedAttr(c);  // counted: binding may run Python code
      return BindDescriptor(attr, owner, type);
    }
    case kAttrData: {
      Value attr = CachedAttr(c);
      return BindDescriptor(attr, owner, type);
    }
    case kAttrSlot: {
      const Value& v =
          static_cast<SlottedObject*>(owner.as_object())->slots()[c->hint];
      if (!v.is_null()) return v;
      return GetAttr(owner, name);  // raises the member's AttributeError
    }
    default:
      return GetAttr(owner, name);
  }
}

// `cls.name` for a class whose metaclass is exactly `type` (Strength.stronger,
// Color.RED), when the attribute needs no binding: cached per site keyed on
// the class itself, valid while its version and the type-dict epoch hold.
// The entry holds the answer, borrowed from what the class dict holds: a
// staticmethod's callable, or a classmethod's function (of a plain function
// only), which comes back with *bind_class set (to be bound to the class,
// or called with it first). Null, with nothing raised, for anything else:
// TypeGetAttr answers.
Value ClassAttrCached(TypeObject* cls, StrObject* name, InlineCache* c,
                      bool* bind_class) {
  *bind_class = false;
  bool hit;
  InlineCache* e = EntryFor(c, cls, &hit);
  if (hit && e->kind == kClassAttr) {
    // The general hint is cached too, so that a call site does not redo
    // the checks below every time.
    if (e->hint == kClassAttrGeneral) return Value();
    *bind_class = e->hint == kClassAttrClassMethod;
    return CachedAttr(e);
  }
  auto general = [&] {
    FillCache(e, cls, name, Value(), kClassAttr);
    e->hint = kClassAttrGeneral;
    return Value();
  };
  // TypeGetAttr's order: the special attributes and `type`'s data
  // descriptors come before the class's own.
  if (!TypeSpecialAttr(cls, name->str()).is_null()) return general();
  Value meta_attr = g_types.type->Lookup(name);
  if (!meta_attr.is_null() && IsDataDescriptor(meta_attr)) return general();
  Value answer = cls->Lookup(name);
  uint32_t hint = kClassAttrPlain;
  if (answer.is_null()) return general();
  if (answer.is_object()) {
    TypeObject* t = answer.as_object()->type();
    const Value* wrapped = t == g_types.staticmethod || t == g_types.classmethod
                               ? &As<MethodWrapperObject>(answer)->callable
                               : nullptr;
    if (t == g_types.staticmethod) {
      answer = *wrapped;
    } else if (t == g_types.classmethod && wrapped->is_object() &&
               wrapped->as_object()->type() == g_types.function) {
      answer = *wrapped;
      hint = kClassAttrClassMethod;
    } else if (t != g_types.function) {
      static StrObject* get = Intern("__get__");
      if (!t->Lookup(get).is_null()) return general();
    }
  }
  FillCache(e, cls, name, answer, kClassAttr);
  e->hint = hint;
  *bind_class = hint == kClassAttrClassMethod;
  return answer;
}

// A class (not an instance) whose metaclass is exactly `type`, else null.
TypeObject* PlainClass(const Value& owner) {
  if (!owner.is_object() || owner.as_object()->type() != g_types.type) {
    return nullptr;
  }
  return As<TypeObject>(owner);
}

}  // namespace

Value LoadAttrCached(const Value& owner, StrObject* name, InlineCache* c) {
  if (TypeObject* cls = PlainClass(owner)) {
    bool bind_class;
    Value v = ClassAttrCached(cls, name, c, &bind_class);
    // A classmethod: classmethod.__get__(None, cls).
    if (bind_class) return BoundMethod::New(v, owner);
    if (!v.is_null()) return v;
  }
  TypeObject* type = TypeOf(owner);
  bool hit;
  c = EntryFor(c, type, &hit);
  if (!hit || c->kind == kStoreInstance || c->kind == kStoreSlot ||
      c->kind == kClassAttr) {
    if (!PlainReads(type)) return GetAttr(owner, name);
    Value attr = type->Lookup(name);
    FillCache(c, type, name, attr, ReadKind(attr, type, c));
  }
  Value v = ReadCached(owner, type, name, c);
  if (v.is_null()) return LookupFailed(owner, name);
  return v;
}

Value LoadMethodCached(const Value& owner, StrObject* name, InlineCache* c,
                       bool* is_method) {
  *is_method = false;
  if (TypeObject* cls = PlainClass(owner)) {
    bool bind_class;
    Value v = ClassAttrCached(cls, name, c, &bind_class);
    // A classmethod (Strength.stronger(a, b)): its function, called with
    // the class first (the caller pushes `owner` as self), without a bound
    // method.
    *is_method = bind_class;
    if (!v.is_null()) return v;
  }
  TypeObject* type = TypeOf(owner);
  bool hit;
  c = EntryFor(c, type, &hit);
  if (!hit || c->kind == kStoreInstance || c->kind == kStoreSlot ||
      c->kind == kClassAttr) {
    if (!PlainReads(type)) return LoadMethod(owner, name, is_method);
    Value attr = type->Lookup(name);
    FillCache(c, type, name, attr,
              IsFunctionLike(attr) ? kAttrMethod : ReadKind(attr, type, c));
  }
  if (c->kind == kAttrMethod) {
    if (owner.is_object() && MayHaveOwnAttr(owner.as_object(), name)) {
      // An instance attribute of the same name shadows the method.
      Value v = OwnAttr(owner.as_object(), name, &c->hint);
      if (!v.is_null()) return v;
    }
    *is_method = true;
    return CachedAttr(c);
  }
  Value v = ReadCached(owner, type, name, c);
  if (v.is_null()) return LookupFailed(owner, name);
  return v;
}

bool StoreAttrCached(const Value& owner, StrObject* name, Value value,
                     InlineCache* c) {
  TypeObject* type = TypeOf(owner);
  bool hit;
  c = EntryFor(c, type, &hit);
  if (hit && c->kind == kStoreInstance) {
    StoreOwnAttr(owner.as_object(), type, name, std::move(value), &c->hint);
    return true;
  }
  if (hit && c->kind == kStoreSlot) {
    StoreSlot(owner, c->hint, std::move(value));
    return true;
  }
  // GenericSetAttr's member-descriptor and instance-dict cases: a heap type's
  // instance, no __setattr__, and a slot of the instance, or no data
  // descriptor to call and a name its __slots__ (if any) allow. (A type's
  // slot names never change, so the check is made once.)
  static StrObject* class_name = Intern("__class__");
  static StrObject* dict_name = Intern("__dict__");
  if (owner.is_object() && !type->has_custom_setattr() && name != class_name &&
      name != dict_name && type->is_heap_type() &&
      type->layout() != Layout::kType) {
    Value attr = type->Lookup(name);
    if (IsOwnSlot(attr, type)) {
      uint32_t index = As<MemberDescriptor>(attr)->index();
      FillCache(c, type, name, Value(), kStoreSlot);
      c->hint = index;
      StoreSlot(owner, index, std::move(value));
      return true;
    }
    if ((attr.is_null() || !IsDataDescriptor(attr)) &&
        (!type->has_slots_only() ||
         std::find(type->slot_names().begin(), type->slot_names().end(),
                   name->str()) != type->slot_names().end())) {
      FillCache(c, type, name, Value(), kStoreInstance);
      StoreOwnAttr(owner.as_object(), type, name, std::move(value), &c->hint);
      return true;
    }
  }
  return SetAttr(owner, name, std::move(value));
}

}  // namespace minidynamo
