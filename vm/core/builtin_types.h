#ifndef MINIDYNAMO_VM_CORE_BUILTIN_TYPES_H_
#define MINIDYNAMO_VM_CORE_BUILTIN_TYPES_H_

// The builtin types and singletons, created once by InitBuiltinTypes() before
// any code runs and alive for the whole process.

#include "vm/core/type.h"

namespace minidynamo {

struct BuiltinTypes {
  TypeObject* type;
  TypeObject* object;
  TypeObject* none;
  TypeObject* bool_;
  TypeObject* int_;
  TypeObject* float_;
  TypeObject* str;
  TypeObject* bytes;
  TypeObject* tuple;
  TypeObject* list;
  TypeObject* dict;
  TypeObject* set;
  TypeObject* frozenset;
  TypeObject* function;
  TypeObject* native_function;
  TypeObject* method;
  TypeObject* code;
  TypeObject* cell;
  TypeObject* module;
  TypeObject* range;
  TypeObject* slice;
  TypeObject*
      iterator;  // One type per builtin iterator kind would be CPython's way;
                 // names are set per object for repr instead.
  TypeObject* generator;
  TypeObject* coroutine;
  TypeObject* property;
  TypeObject* classmethod;
  TypeObject* staticmethod;
  TypeObject* super;
  TypeObject* not_implemented_type;
  TypeObject* ellipsis_type;
  TypeObject* frame;
  TypeObject* traceback;
  TypeObject* member_descriptor;  // vm/objects/slots.h
};

extern BuiltinTypes g_types;

// Singletons that are heap objects (None, True, False and ints are inline
// Values).
Value NotImplemented();
Value Ellipsis();

void InitBuiltinTypes();

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_CORE_BUILTIN_TYPES_H_
