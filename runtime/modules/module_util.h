#ifndef MINIDYNAMO_RUNTIME_MODULES_MODULE_UTIL_H_
#define MINIDYNAMO_RUNTIME_MODULES_MODULE_UTIL_H_

// Argument conversions and error helpers shared by the native modules of
// runtime/modules/. All follow the VM's error convention: false or a null
// Value with the exception raised.

#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "vm/bigint/bigint.h"
#include "vm/core/value.h"

namespace minidynamo {

class DictObject;
class TupleObject;
class TypeObject;

// Raises the Python exception that a BigInt (or runtime/random) status names:
// InvalidArgument -> ValueError, OutOfRange -> OverflowError (or `range_type`),
// FailedPrecondition -> ZeroDivisionError, ResourceExhausted -> MemoryError.
Value RaiseStatus(const absl::Status& status, TypeObject* range_type = nullptr);

// A float from a float, an int or an object with __float__ (or __index__), as
// CPython's PyFloat_AsDouble: TypeError "must be real number, not X".
bool ArgToDouble(const Value& v, double* out);

// An int from an int or an object with __index__: TypeError "'X' object cannot
// be interpreted as an integer".
bool ArgToBigInt(const Value& v, BigInt* out);
// The same, for ints that must fit int64 (OverflowError `overflow_msg`).
bool ArgToInt64(const Value& v, int64_t* out, const char* overflow_msg);

// Looks up keyword argument `name`; a null Value when it was not passed.
Value KwArg(Value* args, size_t nargs, TupleObject* kwnames, const char* name);
// Raises "f() got an unexpected keyword argument 'x'" for keywords outside
// `allowed`; true when all are allowed.
bool CheckKwNames(const char* fname, TupleObject* kwnames,
                  std::initializer_list<const char*> allowed);

// Sets `name` in a module dict.
void SetAttrStr(DictObject* dict, const char* name, Value value);

}  // namespace minidynamo

#endif  // MINIDYNAMO_RUNTIME_MODULES_MODULE_UTIL_H_
