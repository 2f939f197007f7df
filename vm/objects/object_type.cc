// `object` and `type`: instance creation (type.__call__, __new__/__init__),
// class creation (type(name, bases, ns)), and object's default methods.

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "vm/compile/symtable.h"
#include "vm/core/builtin_types.h"
#include "vm/core/errors.h"
#include "vm/interp/frame.h"
#include "vm/interp/ops.h"
#include "vm/objects/descriptor.h"
#include "vm/objects/dict.h"
#include "vm/objects/function.h"
#include "vm/objects/instance.h"
#include "vm/objects/list.h"
#include "vm/objects/native.h"
#include "vm/objects/slots.h"
#include "vm/objects/str.h"
#include "vm/objects/tuple.h"
#include "vm/objects/type_inits.h"

namespace minidynamo {

Value CallType(TypeObject* type, Value* args, size_t nargs,
               TupleObject* kwnames);

namespace {

size_t NumKw(TupleObject* kw) { return kw ? kw->size() : 0; }

// The NewFn of the nearest builtin ancestor (the instance layout's
// constructor).
NewFn SolidNew(TypeObject* type) {
  for (TypeObject* t : type->mro()) {
    if (t->new_fn() != nullptr) return t->new_fn();
  }
  return nullptr;
}

Value ObjectNewFn(TypeObject* type, Value* args, size_t nargs,
                  TupleObject* kw) {
  if (type->num_inline_slots() > 0) {
    return Value::Steal(SlottedObject::New(type));
  }
  if (type->inline_values()) return Value::Steal(InstanceObject::New(type));
  return Value::Steal(new Object(type));
}

// object.__new__(cls, ...): dispatches to the solid base's constructor, so
// `super().__new__(cls)` in a subclass of list makes a list.
Value ObjectDunderNew(Value* args, size_t nargs, TupleObject* kw) {
  if (nargs - NumKw(kw) < 1) {
    return Raise(g_exc.TypeError, "object.__new__(): not enough arguments");
  }
  if (!IsInstance(args[0], g_types.type)) {
    return RaiseF(g_exc.TypeError,
                  "object.__new__(X): X is not a type object (%s)",
                  TypeName(args[0]));
  }
  auto* type = As<TypeObject>(args[0]);
  NewFn fn = SolidNew(type);
  if (fn == nullptr) {
    return RaiseF(g_exc.TypeError, "cannot create '%s' instances",
                  type->name());
  }
  return fn(type, args + 1, nargs - 1, kw);
}

// T.__new__(cls, ...) for a builtin type T (bound to T): checks that cls is a
// subtype of T, as CPython's tp_new wrappers do, then builds cls's instance.
Value TypedDunderNew(Value* args, size_t nargs, TupleObject* kw) {
  auto* owner = As<TypeObject>(args[0]);
  if (nargs - NumKw(kw) < 2) {
    return RaiseF(g_exc.TypeError, "%s.__new__(): not enough arguments",
                  owner->name());
  }
  if (!IsInstance(args[1], g_types.type)) {
    return RaiseF(g_exc.TypeError, "%s.__new__(X): X is not a type object (%s)",
                  owner->name(), TypeName(args[1]));
  }
  auto* cls = As<TypeObject>(args[1]);
  if (!cls->IsSubtypeOf(owner)) {
    return RaiseF(g_exc.TypeError, "%s.__new__(%s): %s is not a subtype of %s",
                  owner->name(), cls->name(), cls->name(), owner->name());
  }
  NewFn fn = SolidNew(cls);
  if (fn == nullptr) {
    return RaiseF(g_exc.TypeError, "cannot create '%s' instances", cls->name());
  }
  return fn(cls, args + 2, nargs - 2, kw);
}

// Whether `v` (found as __new__) is a builtin one, so calling the class can go
// straight to the layout's constructor.
bool IsBuiltinDunderNew(const Value& v) {
  if (!IsInstance(v, g_types.staticmethod)) return false;
  const Value& c = As<MethodWrapperObject>(v)->callable;
  if (!IsInstance(c, g_types.native_function)) return false;
  NativeFn fn = As<NativeFunction>(c)->fn();
  return fn == TypedDunderNew || fn == ObjectDunderNew;
}

Value ObjectInit(Value* args, size_t nargs, TupleObject* kw) {
  return Value::None();
}

Value ObjectRepr(Value* args, size_t nargs, TupleObject* kw) {
  TypeObject* t = TypeOf(args[0]);
  const void* addr = args[0].is_object()
                         ? static_cast<const void*>(args[0].as_object())
                         : nullptr;
  if (t->module_name() == "builtins") {
    return StrObject::New(
        absl::StrFormat("<%s object at %p>", t->name(), addr));
  }
  return StrObject::New(absl::StrFormat("<%s.%s object at %p>",
                                        t->module_name(), t->qualname(), addr));
}

Value ObjectStr(Value* args, size_t nargs, TupleObject* kw) {
  return Repr(args[0]);
}

Value ObjectEq(Value* args, size_t nargs, TupleObject* kw) {
  if (args[0].Is(args[1])) return Value::Bool(true);
  return NotImplemented();
}

Value ObjectNe(Value* args, size_t nargs, TupleObject* kw) {
  // __ne__ inverts __eq__ unless that is NotImplemented.
  static StrObject* eq = Intern("__eq__");
  Value r = CallSpecial(args[0], eq, &args[1], 1);
  if (r.is_null() || r.Is(NotImplemented())) return r;
  int t = IsTrue(r);
  if (t < 0) return Value();
  return Value::Bool(!t);
}

Value ObjectHash(Value* args, size_t nargs, TupleObject* kw) {
  auto p = reinterpret_cast<uintptr_t>(args[0].as_object());
  return Value::Int(static_cast<int64_t>((p >> 4) | (p << 60)) & INT64_MAX);
}

Value ObjectSetattr(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("__setattr__", nargs - 1, kw, 2, 2)) return Value();
  if (!IsInstance(args[1], g_types.str)) {
    return RaiseF(g_exc.TypeError, "attribute name must be string, not '%s'",
                  TypeName(args[1]));
  }
  if (!GenericSetAttr(args[0], StrObject::Intern(As<StrObject>(args[1])->str()),
                      args[2])) {
    return Value();
  }
  return Value::None();
}

Value ObjectDelattr(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("__delattr__", nargs - 1, kw, 1, 1)) return Value();
  if (!GenericSetAttr(args[0], StrObject::Intern(As<StrObject>(args[1])->str()),
                      Value())) {
    return Value();
  }
  return Value::None();
}

Value ObjectGetattribute(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("__getattribute__", nargs - 1, kw, 1, 1)) return Value();
  if (!IsInstance(args[1], g_types.str)) {
    return RaiseF(g_exc.TypeError, "attribute name must be string, not '%s'",
                  TypeName(args[1]));
  }
  return GenericGetAttr(
      args[0], StrObject::Intern(As<StrObject>(args[1])->str()), false);
}

Value ObjectFormat(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("__format__", nargs - 1, kw, 1, 1)) return Value();
  if (!IsInstance(args[1], g_types.str)) {
    return RaiseF(g_exc.TypeError, "__format__() argument must be str, not %s",
                  TypeName(args[1]));
  }
  if (As<StrObject>(args[1])->length() > 0) {
    return RaiseF(g_exc.TypeError,
                  "unsupported format string passed to %s.__format__",
                  TypeName(args[0]));
  }
  return Str(args[0]);
}

Value ObjectInitSubclass(Value* args, size_t nargs, TupleObject* kw) {
  if (NumKw(kw) > 0) {
    return RaiseF(g_exc.TypeError,
                  "%s.__init_subclass__() takes no keyword arguments",
                  As<TypeObject>(args[0])->name());
  }
  return Value::None();
}

Value TypeRepr(Value* args, size_t nargs, TupleObject* kw) {
  auto* t = As<TypeObject>(args[0]);
  if (t->module_name() == "builtins") {
    return StrObject::New(absl::StrCat("<class '", t->qualname(), "'>"));
  }
  return StrObject::New(
      absl::StrCat("<class '", t->module_name(), ".", t->qualname(), "'>"));
}

Value TypeCall(Value* args, size_t nargs, TupleObject* kw) {
  return CallType(As<TypeObject>(args[0]), args + 1, nargs - 1, kw);
}

Value TypeMro(Value* args, size_t nargs, TupleObject* kw) {
  auto* t = As<TypeObject>(args[0]);
  Value l = ListObject::New();
  for (TypeObject* m : t->mro())
    As<ListObject>(l)->items().push_back(Value::FromObject(m));
  return l;
}

Value TypeSubclassCheck(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("__subclasscheck__", nargs - 1, kw, 1, 1)) return Value();
  if (!IsInstance(args[1], g_types.type)) {
    return Raise(g_exc.TypeError, "issubclass() arg 1 must be a class");
  }
  return Value::Bool(
      As<TypeObject>(args[1])->IsSubtypeOf(As<TypeObject>(args[0])));
}

Value TypeInstanceCheck(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("__instancecheck__", nargs - 1, kw, 1, 1)) return Value();
  return Value::Bool(TypeOf(args[1])->IsSubtypeOf(As<TypeObject>(args[0])));
}

Value TypePrepare(Value* args, size_t nargs, TupleObject* kw) {
  return DictObject::New();
}

// Finds the layout instances of a new class get, from its bases.
bool SolidLayout(const std::vector<TypeObject*>& bases, Layout* out) {
  Layout layout = Layout::kObject;
  for (TypeObject* b : bases) {
    Layout l = b->layout();
    if (l == Layout::kObject) continue;
    if (layout != Layout::kObject && layout != l) {
      Raise(g_exc.TypeError, "multiple bases have instance lay-out conflict");
      return false;
    }
    layout = l;
  }
  *out = layout;
  return true;
}

// The inline slots a new class inherits (vm/objects/slots.h): those of its
// most derived base that has any. Two bases that each add slots cannot share
// an instance (TypeError, as CPython), nor can slots and a builtin layout.
bool InheritedInlineSlots(const std::vector<TypeObject*>& bases, Layout layout,
                          const std::vector<std::string>** out) {
  static const std::vector<std::string> kNone;
  TypeObject* solid = nullptr;
  for (TypeObject* b : bases) {
    if (b->num_inline_slots() == 0) continue;
    if (layout == Layout::kObject) {
      if (solid == nullptr || b->IsSubtypeOf(solid)) {
        solid = b;
        continue;
      }
      if (solid->IsSubtypeOf(b)) continue;
    }
    Raise(g_exc.TypeError, "multiple bases have instance lay-out conflict");
    return false;
  }
  *out = solid != nullptr ? &solid->inline_slot_names() : &kNone;
  return true;
}

}  // namespace

// type(name, bases, namespace, **kwds).
Value TypeNewFn(TypeObject* metatype, Value* args, size_t nargs,
                TupleObject* kw) {
  size_t npos = nargs - NumKw(kw);
  if (npos == 1 && metatype == g_types.type && NumKw(kw) == 0) {
    return Value::FromObject(TypeOf(args[0]));
  }
  if (npos != 3) return Raise(g_exc.TypeError, "type() takes 1 or 3 arguments");
  if (!IsInstance(args[0], g_types.str)) {
    return RaiseF(g_exc.TypeError,
                  "type.__new__() argument 1 must be str, not %s",
                  TypeName(args[0]));
  }
  if (!IsInstance(args[1], g_types.tuple)) {
    return RaiseF(g_exc.TypeError,
                  "type.__new__() argument 2 must be tuple, not %s",
                  TypeName(args[1]));
  }
  if (!IsInstance(args[2], g_types.dict)) {
    return RaiseF(g_exc.TypeError,
                  "type.__new__() argument 3 must be dict, not %s",
                  TypeName(args[2]));
  }
  const std::string& name = As<StrObject>(args[0])->str();
  auto* bases_tuple = As<TupleObject>(args[1]);
  std::vector<TypeObject*> bases;
  for (size_t i = 0; i < bases_tuple->size(); ++i) {
    const Value& b = bases_tuple->get(i);
    if (!IsInstance(b, g_types.type)) {
      return RaiseF(g_exc.TypeError, "bases must be types");
    }
    auto* bt = As<TypeObject>(b);
    if (!bt->is_base_type()) {
      return RaiseF(g_exc.TypeError, "type '%s' is not an acceptable base type",
                    bt->name());
    }
    bases.push_back(bt);
  }
  if (bases.empty()) bases.push_back(g_types.object);
  Layout layout;
  if (!SolidLayout(bases, &layout)) return Value();
  const std::vector<std::string>* base_slots;
  if (!InheritedInlineSlots(bases, layout, &base_slots)) return Value();

  auto* t = new TypeObject(metatype, name, layout);
  Value result = Value::Steal(t);
  t->set_heap_type(true);
  // Copy the namespace, handling the entries type.__new__ treats specially.
  auto* ns = As<DictObject>(args[2]);
  Value classcell;
  int64_t abc_tpflags = -1;
  size_t pos = 0;
  const DictObject::Entry* e;
  while (ns->Next(&pos, &e)) {
    if (!IsInstance(e->key, g_types.str)) continue;
    const std::string& k = As<StrObject>(e->key)->str();
    if (k == "__qualname__") {
      if (!IsInstance(e->value, g_types.str)) {
        return RaiseF(g_exc.TypeError,
                      "type __qualname__ must be a str, not %s",
                      TypeName(e->value));
      }
      t->set_qualname(As<StrObject>(e->value)->str());
      continue;
    }
    if (k == "__classcell__") {
      classcell = e->value;
      continue;
    }
    if (k == "__abc_tpflags__" && e->value.is_int()) {
      // CPython's ABCMeta reads (and drops) it: collections.abc's Sequence
      // and Mapping mark themselves and their subclasses for match statements.
      abc_tpflags = e->value.as_int();
      continue;
    }
    Value v = e->value;
    if ((k == "__new__") && IsInstance(v, g_types.function)) {
      v = Value::Steal(new MethodWrapperObject(g_types.staticmethod, v));
    } else if ((k == "__init_subclass__" || k == "__class_getitem__") &&
               IsInstance(v, g_types.function)) {
      v = Value::Steal(new MethodWrapperObject(g_types.classmethod, v));
    }
    if (k == "__module__" && IsInstance(v, g_types.str)) {
      t->set_module_name(As<StrObject>(v)->str());
    }
    t->dict()->SetStr(StrObject::Intern(k), std::move(v));
  }
  // A class that defines __eq__ but not __hash__ is unhashable (CPython's
  // rule).
  if (!t->dict()->GetStr(Intern("__eq__")).is_null() &&
      t->dict()->GetStr(Intern("__hash__")).is_null()) {
    t->dict()->SetStr(Intern("__hash__"), Value::None());
  }
  if (t->dict()->GetStr(Intern("__module__")).is_null()) {
    // type(name, bases, ns) called directly: the module is the caller's.
    Frame* caller = ThreadState::Get()->current;
    Value modname =
        caller ? caller->globals->GetStr(Intern("__name__")) : Value();
    if (!modname.is_null() && IsInstance(modname, g_types.str)) {
      t->dict()->SetStr(Intern("__module__"), modname);
      t->set_module_name(As<StrObject>(modname)->str());
    }
  }
  if (!t->SetBases(bases)) return Value();
  if (abc_tpflags >= 0) {
    uint8_t flags = t->collection_flags() & TypeObject::kMatchSelfFlag;
    if (abc_tpflags & (1 << 5)) flags |= TypeObject::kSequenceFlag;
    if (abc_tpflags & (1 << 6)) flags |= TypeObject::kMappingFlag;
    t->set_collection_flags(flags);
  }
  t->Modified();
  // __slots__: restrict instance attributes when no class in the MRO gives
  // instances a __dict__.
  Value slots = t->dict()->GetStr(Intern("__slots__"));
  t->set_inline_slot_names(*base_slots);
  if (!slots.is_null()) {
    std::vector<std::string> names;
    bool wants_dict = false;
    static StrObject* isidentifier = Intern("isidentifier");
    auto add_name = [&](const Value& x) {
      if (!IsInstance(x, g_types.str)) {
        RaiseF(g_exc.TypeError, "__slots__ items must be strings, not '%s'",
               TypeName(x));
        return false;
      }
      Value ok = CallSpecial(x, isidentifier, nullptr, 0);
      if (ok.is_null()) return false;
      if (!ok.as_bool()) {
        Raise(g_exc.TypeError, "__slots__ must be identifiers");
        return false;
      }
      const std::string& n = As<StrObject>(x)->str();
      if (n == "__dict__") {
        wants_dict = true;
      } else if (n != "__weakref__") {
        // Private names are mangled, as the class body's own code sees them.
        names.push_back(MangleName(name, n));
      }
      return true;
    };
    if (IsInstance(slots, g_types.str)) {
      if (!add_name(slots)) return Value();
    } else {
      Value it = GetIter(slots);
      if (it.is_null()) return Value();
      while (true) {
        Value x = IterNext(it);
        if (x.is_null()) break;
        if (!add_name(x)) return Value();
      }
      if (ErrorOccurred()) return Value();
    }
    bool bases_slotted = true;
    for (TypeObject* m : t->mro()) {
      if (m == t || m == g_types.object) continue;
      if (m->is_heap_type() && !m->has_slots_only()) bases_slotted = false;
    }
    if (layout == Layout::kObject) {
      // Plain objects keep their slots inline, read and written through a
      // member descriptor per name in the class dict.
      // Conflicts are with the class body's names; a name given twice gets
      // two slots, the dict the last.
      for (size_t i = 0; i < names.size(); ++i) {
        if (!t->dict()->GetStr(StrObject::Intern(names[i])).is_null()) {
          return RaiseF(g_exc.ValueError,
                        "'%s' in __slots__ conflicts with class variable",
                        names[i]);
        }
      }
      std::vector<std::string> all = *base_slots;
      for (const std::string& n : names) {
        StrObject* key = StrObject::Intern(n);
        t->dict()->SetStr(key, Value::Steal(new MemberDescriptor(
                                   t, key, static_cast<uint32_t>(all.size()))));
        all.push_back(n);
      }
      t->set_inline_slot_names(std::move(all));
      t->Modified();
      if (!wants_dict && bases_slotted) t->SetSlots({});
    } else {
      for (TypeObject* m : t->mro()) {
        if (m == t) continue;
        for (const std::string& n : m->slot_names()) names.push_back(n);
      }
      if (!wants_dict && bases_slotted) t->SetSlots(std::move(names));
    }
  }
  // A plain class's instances keep their attributes inline (instance.h).
  t->set_inline_values(layout == Layout::kObject &&
                       t->num_inline_slots() == 0 && !t->has_slots_only() &&
                       SolidNew(t) == ObjectNewFn);
  if (!classcell.is_null() && IsInstance(classcell, g_types.cell)) {
    As<CellObject>(classcell)->contents = result;
  }
  // __set_name__ on descriptors, then the parent's __init_subclass__.
  static StrObject* set_name = Intern("__set_name__");
  pos = 0;
  std::vector<std::pair<Value, Value>> items;
  while (t->dict()->Next(&pos, &e)) items.emplace_back(e->key, e->value);
  for (auto& [k, v] : items) {
    Value m = TypeOf(v)->Lookup(set_name);
    if (m.is_null()) continue;
    Value a[3] = {v, result, k};
    if (Call(m, a, 3).is_null()) return Value();
  }
  static StrObject* init_subclass = Intern("__init_subclass__");
  if (t->mro().size() > 1) {
    Value sup_attr;
    for (size_t i = 1; i < t->mro().size(); ++i) {
      sup_attr = t->mro()[i]->dict()->GetStr(init_subclass);
      if (!sup_attr.is_null()) break;
    }
    if (!sup_attr.is_null()) {
      Value callee = sup_attr;
      if (IsInstance(sup_attr, g_types.classmethod)) {
        callee = As<MethodWrapperObject>(sup_attr)->callable;
      }
      std::vector<Value> call_args;
      call_args.push_back(result);
      size_t nkw = NumKw(kw);
      for (size_t i = 0; i < nkw; ++i) call_args.push_back(args[npos + i]);
      if (Call(callee, call_args.data(), call_args.size(), kw).is_null()) {
        return Value();
      }
    }
  }
  return result;
}

namespace {

StrObject* NewName() {
  static StrObject* name = Intern("__new__");
  return name;
}
StrObject* InitName() {
  static StrObject* name = Intern("__init__");
  return name;
}
// object.__new__ and object.__init__ as the class dicts hold them (fixed:
// a builtin type's dict cannot be assigned to).
const Value& ObjectNewAttr() {
  static const Value attr = g_types.object->dict()->GetStr(NewName());
  return attr;
}
const Value& ObjectInitAttr() {
  static const Value attr = g_types.object->dict()->GetStr(InitName());
  return attr;
}

// The end of a class call: __init__ runs on what __new__ made when that is
// an instance of the class called (its own type's __init__, which __new__
// may have chosen).
Value InitIfInstance(TypeObject* type, Value obj, Value* args, size_t nargs,
                     TupleObject* kwnames) {
  if (!TypeOf(obj)->IsSubtypeOf(type)) return obj;
  if (type == g_types.type) return obj;
  Value init_attr = TypeOf(obj)->Lookup(InitName());
  if (init_attr.is_null() || init_attr.Is(ObjectInitAttr())) return obj;
  Value r = CallSpecialMethod(obj, init_attr, args, nargs, kwnames);
  if (r.is_null()) return r;
  if (!r.is_none()) {
    return RaiseF(g_exc.TypeError, "__init__() should return None, not '%s'",
                  TypeName(r));
  }
  return obj;
}

// Whether calling builtin type `type` is just its layout's constructor: its
// __new__ a builtin one, its __init__ object's, and its constructor not
// object's (whose "takes no arguments" check depends on the call). Decided
// at the first call: a builtin type's dict changes only through
// TypeObject::Modified, which resets the decision.
bool CallsConstructorDirectly(TypeObject* type) {
  if (type->direct_call_state() == 0) {
    Value new_attr = type->Lookup(NewName());
    Value init_attr = type->Lookup(InitName());
    NewFn fn = SolidNew(type);
    bool direct =
        (new_attr.Is(ObjectNewAttr()) || IsBuiltinDunderNew(new_attr)) &&
        (init_attr.is_null() || init_attr.Is(ObjectInitAttr())) &&
        fn != nullptr && fn != ObjectNewFn;
    type->set_direct_call_state(direct ? 1 : 2);
  }
  return type->direct_call_state() == 1;
}

}  // namespace

Value CallType(TypeObject* type, Value* args, size_t nargs,
               TupleObject* kwnames) {
  if (type == g_types.type && nargs == 1 && NumKw(kwnames) == 0) {
    return Value::FromObject(TypeOf(args[0]));
  }
  // A builtin type whose __new__ is its layout's constructor and whose
  // __init__ is object's (int(x), tuple(x), range(n), reversed(x), ...):
  // the constructor is the whole call.
  if (!type->is_heap_type() && CallsConstructorDirectly(type)) {
    Value obj = SolidNew(type)(type, args, nargs, kwnames);
    // Another type's object (reversed(x) may return x.__reversed__()'s)
    // gets the general ending: __init__ when it is an instance of `type`.
    if (obj.is_null() || TypeOf(obj) == type) return obj;
    return InitIfInstance(type, std::move(obj), args, nargs, kwnames);
  }
  // list(x) and set(x): the empty object from the layout's constructor, then
  // the type's own __init__ (a builtin type's dict cannot change, so it is
  // found once), without the lookups below and the generic call.
  if ((type == g_types.list || type == g_types.set) && NumKw(kwnames) == 0 &&
      nargs <= 1) {
    static NativeFunction* const list_init =
        As<NativeFunction>(g_types.list->dict()->GetStr(InitName()));
    static NativeFunction* const set_init =
        As<NativeFunction>(g_types.set->dict()->GetStr(InitName()));
    Value argv[2] = {SolidNew(type)(type, nullptr, 0, nullptr),
                     nargs == 1 ? args[0] : Value()};
    if (argv[0].is_null()) return argv[0];
    Value r = CallNativeFunction(ThreadState::Get(),
                                 type == g_types.list ? list_init : set_init,
                                 argv, nargs + 1, nullptr);
    if (r.is_null()) return r;
    return std::move(argv[0]);
  }
  Value new_attr = type->Lookup(NewName());
  Value obj;
  Value init_attr = type->Lookup(InitName());
  if (new_attr.Is(ObjectNewAttr()) || IsBuiltinDunderNew(new_attr)) {
    NewFn fn = SolidNew(type);
    if (fn == nullptr) {
      return RaiseF(g_exc.TypeError, "cannot create '%s' instances",
                    type->name());
    }
    if (fn == ObjectNewFn && nargs > 0 && init_attr.Is(ObjectInitAttr())) {
      return RaiseF(g_exc.TypeError, "%s() takes no arguments", type->name());
    }
    obj = fn(type, args, nargs, kwnames);
  } else {
    Value callee = new_attr;
    if (IsInstance(new_attr, g_types.staticmethod)) {
      callee = As<MethodWrapperObject>(new_attr)->callable;
    }
    std::vector<Value> full;
    full.reserve(nargs + 1);
    full.push_back(Value::FromObject(type));
    for (size_t i = 0; i < nargs; ++i) full.push_back(args[i]);
    obj = Call(callee, full.data(), full.size(), kwnames);
  }
  if (obj.is_null()) return obj;
  return InitIfInstance(type, std::move(obj), args, nargs, kwnames);
}

Value NewInstanceForInit(TypeObject* type, Value* init) {
  // A metaclass of its own may define __call__.
  if (type->type() != g_types.type || !type->is_heap_type()) return Value();
  // The lookups below depend only on the MRO's dicts: decided once per
  // version of the class.
  TypeObject::InitCache& cache = type->init_cache();
  if (cache.version != type->version() || cache.epoch != g_type_dict_epoch) {
    Value found = type->Lookup(InitName());
    bool plain = found.is_object() &&
                 found.as_object()->type() == g_types.function &&
                 type->Lookup(NewName()).Is(ObjectNewAttr()) &&
                 SolidNew(type) == ObjectNewFn;
    cache.version = type->version();
    cache.epoch = g_type_dict_epoch;
    cache.init = plain ? found.as_object() : nullptr;
  }
  if (cache.init == nullptr) return Value();
  *init = Value::FromObject(cache.init);
  return ObjectNewFn(type, nullptr, 0, nullptr);
}

void InstallBuiltinDunderNew() {
  // Every builtin type with a constructor gets its own __new__ (int.__new__,
  // list.__new__, ...), checking that the class passed is a subtype.
  for (TypeObject* t :
       {g_types.int_, g_types.bool_, g_types.float_, g_types.str, g_types.bytes,
        g_types.tuple, g_types.list, g_types.dict, g_types.set,
        g_types.frozenset, g_types.range, g_types.slice, g_types.property,
        g_types.classmethod, g_types.staticmethod, g_types.super,
        g_types.module, g_types.type}) {
    if (t->new_fn() == nullptr ||
        !t->dict()->GetStr(Intern("__new__")).is_null())
      continue;
    Value fn = NativeFunction::New("__new__", TypedDunderNew, nullptr);
    As<NativeFunction>(fn)->bound_self = Value::FromObject(t);
    t->SetAttribute("__new__", Value::Steal(new MethodWrapperObject(
                                   g_types.staticmethod, std::move(fn))));
  }
}

void InitObjectAndTypeTypes() {
  TypeObject* o = g_types.object;
  o->set_new_fn(ObjectNewFn);
  AddStaticMethod(o, "__new__", ObjectDunderNew);
  AddMethod(o, "__init__", ObjectInit);
  AddMethod(o, "__repr__", ObjectRepr);
  AddMethod(o, "__str__", ObjectStr);
  AddMethod(o, "__eq__", ObjectEq);
  AddMethod(o, "__ne__", ObjectNe);
  AddMethod(o, "__hash__", ObjectHash);
  AddMethod(o, "__setattr__", ObjectSetattr);
  AddMethod(o, "__delattr__", ObjectDelattr);
  AddMethod(o, "__getattribute__", ObjectGetattribute);
  AddMethod(o, "__format__", ObjectFormat);
  AddClassMethod(o, "__init_subclass__", ObjectInitSubclass);

  TypeObject* t = g_types.type;
  t->set_new_fn(TypeNewFn);
  AddMethod(t, "__repr__", TypeRepr);
  AddMethod(t, "__call__", TypeCall);
  AddMethod(t, "mro", TypeMro);
  AddMethod(t, "__subclasscheck__", TypeSubclassCheck);
  AddMethod(t, "__instancecheck__", TypeInstanceCheck);
  AddClassMethod(t, "__prepare__", TypePrepare);
  // Refresh the hook flags now that object's generic methods exist.
  for (TypeObject* ty : {g_types.object, g_types.type}) ty->Modified();
}

}  // namespace minidynamo
