#ifndef MINIDYNAMO_VM_OBJECTS_UNION_TYPE_H_
#define MINIDYNAMO_VM_OBJECTS_UNION_TYPE_H_

// types.UnionType: what `int | str` evaluates to (PEP 604). isinstance() and
// issubclass() accept it like a tuple of its members.

#include "vm/core/value.h"

namespace minidynamo {

// The members of a union (a tuple), or null when `v` is not a union.
Value UnionMembers(const Value& v);

// Adds type.__or__/__ror__ and creates the union type (called by
// InitFunctionTypes' neighbours at start-up).
void InitUnionType();

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_OBJECTS_UNION_TYPE_H_
