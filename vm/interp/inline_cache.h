#ifndef MINIDYNAMO_VM_INTERP_INLINE_CACHE_H_
#define MINIDYNAMO_VM_INTERP_INLINE_CACHE_H_

// Inline caches for attribute access (CPython 3.11's specializing LOAD_ATTR /
// LOAD_METHOD / STORE_ATTR, reduced to one entry per instruction). Each entry
// remembers, for one receiver type, what the type's MRO holds under the name
// and how the access resolves; it is valid while the type's version and the
// type-dict epoch are unchanged (vm/core/type.h). The instance dict is still
// read on every access, through an entry-index hint. Any other case takes the
// generic path (attributes.cc), which these functions fall back to.

#include "vm/compile/code.h"
#include "vm/core/object.h"
#include "vm/core/type.h"

namespace minidynamo {

class StrObject;

// How an attribute site resolves for the cached type; each mirrors one way
// GenericGetAttr or GenericSetAttr goes.
enum InlineCacheKind : uint8_t {
  kCacheEmpty,
  kAttrInstance,   // nothing on the type: the instance dict, else missing
  kAttrPlain,      // a non-data attribute: the instance dict, else bind it
  kAttrMethod,     // a function: as kAttrPlain, or a method call unbound
  kAttrData,       // a data descriptor: bind it
  kStoreInstance,  // no data descriptor: store in the instance dict
  kAttrSlot,       // a member descriptor: read the slot `hint` (slots.h)
  kStoreSlot,      // a member descriptor: store in the slot `hint`
  // The owner is the class `key` itself (its metaclass exactly `type`), and
  // `hint` says how the attribute resolves (ClassAttrHint).
  kClassAttr,
};

// A kClassAttr entry's hint.
enum ClassAttrHint : uint32_t {
  // No binding: a function, a staticmethod's callable (what the entry
  // holds) or a value whose type has no __get__.
  kClassAttrPlain = 0,
  // Anything else: TypeGetAttr answers.
  kClassAttrGeneral = 1,
  // A classmethod of a plain function: the entry holds the function, bound
  // to the class.
  kClassAttrClassMethod = 2,
};

// Whether `c` answers for `type`. Each cache belongs to one instruction, so
// its name never changes (a code object's instructions are never rewritten
// in place): the name is not part of the key.
inline bool InlineCacheValid(const InlineCache* c, const TypeObject* type) {
  return c->key == type && c->version == type->version() &&
         c->aux == g_type_dict_epoch;
}

Value LoadAttrCached(const Value& owner, StrObject* name, InlineCache* c);
// As LoadMethod: *is_method says the result is an unbound function to call
// with `owner` as its first argument.
Value LoadMethodCached(const Value& owner, StrObject* name, InlineCache* c,
                       bool* is_method);
bool StoreAttrCached(const Value& owner, StrObject* name, Value value,
                     InlineCache* c);
// super().name for a call (LOAD_METHOD on a super object): the function found
// after the class along the instance's MRO, unbound, with *self the instance
// to call it with (no bound method made). Null, with nothing raised, when the
// attribute is anything else or missing: then the generic lookup answers.
Value SuperLoadMethod(const Value& owner, StrObject* name, Value* self);

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_INTERP_INLINE_CACHE_H_
