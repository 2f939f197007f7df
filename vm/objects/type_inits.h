#ifndef MINIDYNAMO_VM_OBJECTS_TYPE_INITS_H_
#define MINIDYNAMO_VM_OBJECTS_TYPE_INITS_H_

// Each builtin type's file fills its type's dict with methods.
// InitBuiltinTypes() (vm/core/builtin_types.cc) creates every TypeObject first,
// then calls these, so a file may refer to any builtin type.

#include "vm/core/value.h"

namespace minidynamo {

void InitObjectAndTypeTypes();
// Gives each builtin type its own __new__; runs after all the Init functions.
void InstallBuiltinDunderNew();  // object_type.cc
void InitNumberTypes();          // number_type.cc: int, bool, float
void InitStrType();              // str_type.cc (and str_format.cc)
void InitBytesType();            // bytes_type.cc
void InitListType();             // list_type.cc
void InitTupleType();            // tuple_type.cc
void InitDictType();             // dict_type.cc
void InitSetTypes();             // set_type.cc: set, frozenset
void InitRangeAndSliceTypes();   // range_type.cc
void InitIteratorTypes();        // iterator.cc
void InitFunctionTypes();  // function_type.cc: function, method, property, ...
void InitMemberDescriptorType();  // slots.cc
void InitExceptionTypes();        // exception_type.cc
void InitGeneratorType();         // vm/interp/generator.cc
void InitUnionType();             // union_type.cc: int | str
void InitByteArrayType();         // bytearray_type.cc
void InitComplexType();           // complex_type.cc
// exception_group.cc: BaseExceptionGroup, ExceptionGroup.
void InitExceptionGroupTypes();
// The bytearray type (for the builtins module).
Value ByteArrayType();

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_OBJECTS_TYPE_INITS_H_
