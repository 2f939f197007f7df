#ifndef MINIDYNAMO_VM_OBJECTS_GENERIC_ALIAS_H_
#define MINIDYNAMO_VM_OBJECTS_GENERIC_ALIAS_H_

// types.GenericAlias: what `list[int]` evaluates to (PEP 585), so that
// annotations and typing-style code using builtin generics run. It keeps the
// origin and the arguments, prints as `list[int]`, compares and hashes by
// them, and calling it calls the origin. Not supported: substitution of type
// variables (__parameters__ is always empty) and attribute forwarding to the
// origin.

#include "vm/core/object.h"
#include "vm/core/type.h"  // Object's inline constructor.

namespace minidynamo {

class GenericAliasObject : public Object {
 public:
  GenericAliasObject(TypeObject* type, Value origin, Value args)
      : Object(type), origin(std::move(origin)), args(std::move(args)) {}
  Value origin;  // The class subscripted.
  Value args;    // Tuple of the subscript's items.

  void Traverse(GcVisitor& v) override {
    Object::Traverse(v);
    v.Visit(origin);
    v.Visit(args);
  }
};

// origin[item]: a tuple item gives several arguments.
Value NewGenericAlias(const Value& origin, const Value& item);

// Creates the type and the __class_getitem__ of list, tuple, dict, set and
// frozenset. Called by InitListType().
void InitGenericAlias();

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_OBJECTS_GENERIC_ALIAS_H_
