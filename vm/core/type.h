#ifndef MINIDYNAMO_VM_CORE_TYPE_H_
#define MINIDYNAMO_VM_CORE_TYPE_H_

// TypeObject: a Python type. Builtin types are created at start-up by
// vm/objects/*; classes are created by the `class` statement (type.__new__).
//
// Attribute lookup walks `mro` and reads each type's `dict`. Special methods of
// builtin types are native functions stored in those dicts like any other
// attribute, so user classes override them the ordinary way; the interpreter's
// fast paths (int/float arithmetic, list/dict subscripts) skip the lookup for
// exact builtin types.

#include <cstdint>
#include <string>
#include <vector>

#include "vm/core/object.h"

namespace minidynamo {

class StrObject;

// What C++ class a type's instances are. A subclass inherits its solid base's
// layout: instances of `class L(list)` are ListObjects whose type is L.
enum class Layout : uint8_t {
  kObject,  // InstanceObject (plain attributes in the dict)
  kNone,
  kBool,
  kInt,
  kFloat,
  kStr,
  kBytes,
  kTuple,
  kList,
  kDict,
  kSet,
  kFrozenSet,
  kType,
  kFunction,
  kNative,  // NativeFunction
  kMethod,  // BoundMethod
  kCode,
  kCell,
  kModule,
  kException,
  kRange,
  kSlice,
  kIterator,  // every builtin iterator (ListIterator, RangeIterator, ...)
  kGenerator,
  kProperty,
  kClassMethod,
  kStaticMethod,
  kSuper,
  kOther,  // native objects that cannot be subclassed
};

// Creates an instance of a type: type.__new__ of the solid base. `args` are the
// positional arguments; keyword arguments follow them, named by `kwnames`.
class TupleObject;
using NewFn = Value (*)(TypeObject* type, Value* args, size_t nargs,
                        TupleObject* kwnames);

// Counts changes to any type's dict (DictObject bumps it). Attribute caches
// (TypeObject::Lookup's and the interpreter's inline caches) key on it with a
// type's version: equal pairs mean the lookup would find the same thing.
extern uint64_t g_type_dict_epoch;

class TypeObject : public Object {
 public:
  TypeObject(TypeObject* metatype, std::string name, Layout layout);
  ~TypeObject() override;

  const std::string& name() const { return name_; }
  void set_name(std::string n) { name_ = std::move(n); }
  const std::string& qualname() const { return qualname_; }
  void set_qualname(std::string q) { qualname_ = std::move(q); }
  const std::string& module_name() const { return module_name_; }
  void set_module_name(std::string m) { module_name_ = std::move(m); }
  Layout layout() const { return layout_; }

  // Bases and the method resolution order (C3). Owned references.
  const std::vector<TypeObject*>& bases() const { return bases_; }
  const std::vector<TypeObject*>& mro() const { return mro_; }
  // Sets bases and computes the MRO; false with a TypeError raised when C3
  // fails.
  bool SetBases(std::vector<TypeObject*> bases);

  bool IsSubtypeOf(const TypeObject* other) const;

  // Looks `name` up along the MRO without binding; a null Value when absent.
  Value Lookup(StrObject* name) const;  // cached (see type.cc)
  Value LookupUncached(StrObject* name) const;
  Value Lookup(const char* name) const;

  // Sets an attribute in this type's own dict and invalidates caches.
  void SetAttribute(StrObject* name, Value value);
  void SetAttribute(const char* name, Value value);

  // Bumped whenever this type's or an ancestor's dict changes; attribute caches
  // key on it.
  uint64_t version() const { return version_; }
  void Modified();

  // The most attributes an instance's dict has held (capped), to size the
  // next instance's dict from the start.
  uint32_t instance_dict_hint() const { return instance_dict_hint_; }
  void NoteInstanceDictSize(size_t n) {
    if (n > instance_dict_hint_ && n <= 32) {
      instance_dict_hint_ = static_cast<uint32_t>(n);
    }
  }

  // Instances keep their attributes inline (vm/objects/instance.h) until a
  // dict is asked for: a plain class (solid base `object`, no __slots__).
  // Decided once the class is complete, before its first instance.
  bool inline_values() const { return inline_values_; }
  void set_inline_values(bool b) { inline_values_ = b; }
  // The attribute names of those instances, in the order instances set them
  // (interned strings, immortal); shared by all, CPython's shared keys. Only
  // grows, up to kMaxSharedKeys.
  static constexpr size_t kMaxSharedKeys = 30;
  const std::vector<StrObject*>& shared_keys() const { return shared_keys_; }
  void AddSharedKey(StrObject* key, int64_t hash) {
    shared_keys_.push_back(key);
    shared_key_filter_ |= uint64_t{1} << (static_cast<uint64_t>(hash) & 63);
  }
  // False when no shared key has this hash's filter bit: no instance in
  // values mode can hold the name (a method call's shadowing check).
  bool SharedKeysMayHold(int64_t hash) const {
    return (shared_key_filter_ >> (static_cast<uint64_t>(hash) & 63)) & 1;
  }

  NewFn new_fn() const { return new_fn_; }
  void set_new_fn(NewFn fn) { new_fn_ = fn; }
  // For a builtin type (whose dict cannot change): whether calling it is
  // only its layout's constructor, decided by the first call
  // (vm/objects/object_type.cc's CallType). 0 undecided, 1 yes, 2 no.
  uint8_t direct_call_state() const { return direct_call_state_; }
  void set_direct_call_state(uint8_t s) { direct_call_state_ = s; }
  // For a class: what NewInstanceForInit (object_type.cc) decided about
  // calling it, kept while `version` and `epoch` are those of the decision
  // (0 never is). `init` is its __init__ when instances come from object's
  // constructor and then that function (borrowed: the MRO holds it while
  // the version stands), null when calling it needs CallType.
  struct InitCache {
    uint64_t version = 0;
    uint64_t epoch = 0;
    Object* init = nullptr;
  };
  InitCache& init_cache() { return init_cache_; }

  // True for classes made by `class` (their dicts are mutable, instances get
  // __dict__).
  bool is_heap_type() const { return is_heap_type_; }
  void set_heap_type(bool b) {
    is_heap_type_ = b;
    RefreshTracking();
  }
  // Whether `class X(thistype)` is allowed (bool, NoneType, ... are final).
  bool is_base_type() const { return is_base_type_; }
  void set_base_type(bool b) { is_base_type_ = b; }

  // __slots__ without __dict__ (here and in every base): instances have no
  // dict of their own. For subclasses of builtin types, `slot_names` are the
  // names they accept (values live in a hidden instance dict); classes of
  // plain objects keep slots inline instead and accept none this way.
  bool has_slots_only() const { return slots_only_; }
  const std::vector<std::string>& slot_names() const { return slot_names_; }
  void SetSlots(std::vector<std::string> names) {
    slots_only_ = true;
    slot_names_ = std::move(names);
  }
  // Real slots (vm/objects/slots.h): the names of the Values every instance
  // carries inline, bases' first; empty for classes without them. Instances
  // of a type with any are SlottedObjects.
  const std::vector<std::string>& inline_slot_names() const {
    return inline_slot_names_;
  }
  uint32_t num_inline_slots() const { return num_inline_slots_; }
  void set_inline_slot_names(std::vector<std::string> names) {
    inline_slot_names_ = std::move(names);
    num_inline_slots_ = static_cast<uint32_t>(inline_slot_names_.size());
  }

  // CPython's Py_TPFLAGS_SEQUENCE / Py_TPFLAGS_MAPPING (what MATCH_SEQUENCE
  // and MATCH_MAPPING test) and _Py_TPFLAGS_MATCH_SELF (a class pattern with
  // one positional sub-pattern matches the subject itself). Set on builtin
  // types, inherited from the solid base (else the first base), read from a
  // class body's __abc_tpflags__ (collections.abc's Sequence and Mapping), and
  // set on registered classes by ABCMeta.register (through _vmabc).
  static constexpr uint8_t kSequenceFlag = 1;
  static constexpr uint8_t kMappingFlag = 2;
  static constexpr uint8_t kMatchSelfFlag = 4;
  uint8_t collection_flags() const { return collection_flags_; }
  void set_collection_flags(uint8_t f) { collection_flags_ = f; }
  // Makes this class and its subclasses sequences or mappings (`flag`), as
  // CPython's set_collection_flag_recursive: builtin types keep theirs.
  void SetCollectionFlagRecursive(uint8_t flag);

  // Cached presence of special methods that the interpreter checks often.
  bool has_getattr_hook() const { return has_getattr_hook_; }
  bool has_custom_setattr() const { return has_custom_setattr_; }
  bool has_custom_getattribute() const { return has_custom_getattribute_; }
  // __eq__ and __ne__ are object's: == and != between two such instances
  // are identity tests.
  bool has_default_eq() const { return has_default_eq_; }
  // A class whose instances have __del__, or a builtin type with a native
  // finalizer (CPython's tp_finalize: a generator closes itself).
  bool has_finalizer() const { return has_finalizer_; }
  // Returns null with an exception raised on failure.
  using FinalizeFn = Value (*)(Object*);
  FinalizeFn finalize_fn() const { return finalize_fn_; }
  void set_finalize_fn(FinalizeFn fn) {
    finalize_fn_ = fn;
    has_finalizer_ = true;
  }

  // Whether the cycle collector tracks instances: everything but exact
  // instances of leaf types that hold no references (subclass instances have
  // a dict).
  bool tracks_instances() const { return tracks_instances_; }

  void Traverse(GcVisitor& visitor) override;
  void ClearRefs() override;

 private:
  void RefreshHookFlags();
  void RefreshTracking();
  std::vector<TypeObject*> subclasses_;  // Weak: for propagating Modified().

  std::string name_;
  std::string qualname_;
  std::string module_name_ = "builtins";
  Layout layout_;
  std::vector<TypeObject*> bases_;
  std::vector<TypeObject*> mro_;
  uint64_t version_ = 1;
  uint32_t instance_dict_hint_ = 0;
  std::vector<StrObject*> shared_keys_;
  uint64_t shared_key_filter_ = 0;
  bool inline_values_ = false;
  NewFn new_fn_ = nullptr;
  bool is_heap_type_ = false;
  bool is_base_type_ = true;
  bool slots_only_ = false;
  std::vector<std::string> slot_names_;
  std::vector<std::string> inline_slot_names_;
  uint32_t num_inline_slots_ = 0;
  bool has_getattr_hook_ = false;
  bool has_custom_setattr_ = false;
  bool has_custom_getattribute_ = false;
  bool has_default_eq_ = false;
  bool has_finalizer_ = false;
  FinalizeFn finalize_fn_ = nullptr;
  bool tracks_instances_ = true;
  uint8_t collection_flags_ = 0;
  uint8_t direct_call_state_ = 0;
  InitCache init_cache_;
};

inline DictObject* Object::dict() const {
  if (dict_ != nullptr || type_ == nullptr || !type_->inline_values()) {
    return dict_;
  }
  return MaterializeValues(false);
}

inline Object::Object(TypeObject* type) : type_(type) {
  if (type != nullptr) {
    type->IncRef();
    if (type->tracks_instances()) gc::Track(this, &flags_);
  }
}

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_CORE_TYPE_H_
