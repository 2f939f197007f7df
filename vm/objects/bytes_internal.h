#ifndef MINIDYNAMO_VM_OBJECTS_BYTES_INTERNAL_H_
#define MINIDYNAMO_VM_OBJECTS_BYTES_INTERNAL_H_

// Pieces shared by bytes_type.cc, bytearray_type.cc and bytes_methods.cc (the
// methods bytes and bytearray have in common, written once for both).

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

#include "vm/core/value.h"
#include "vm/objects/native.h"

namespace minidynamo {

class TupleObject;
class TypeObject;

// bytearray_type.cc: the bytearray type, the buffer of a bytearray (or
// subclass) instance (null for any other value), and a new exact bytearray.
TypeObject* ByteArrayTypeObject();
std::string* ByteArrayBuffer(const Value& v);
Value NewByteArrayValue(std::string data);

// The bytes of a bytes-like value (bytes, bytearray or a subclass); false,
// with no exception, for anything else. A bytearray's view lasts until it is
// next mutated: take it after any argument conversion that may run Python
// code.
bool BytesLikeView(const Value& v, std::string_view* out);

// The size of a new bytes object: OverflowError "byte string is too large"
// past CPython's limit (PY_SSIZE_T_MAX less the object header), MemoryError
// when it cannot be allocated. bytearray only has the latter.
bool CheckNewSize(int64_t n, bool bytearray, size_t* out);

// PyNumber_AsSsize_t(v, NULL): an int or an object with __index__; a value
// beyond int64 is clamped to INT64_MIN/INT64_MAX with *clamped set (callers
// choose the error, as CPython's do). False with TypeError otherwise.
bool IndexClamped(const Value& v, int64_t* out, bool* clamped);

// Argument clinic's keyword parsing (_PyArg_UnpackKeywords) with its 3.11
// messages, for `fname(p1, .., p<posonly>, /, names...)` with `minpos`
// required positional arguments. `args`/`nargs` exclude the receiver; fills
// out[0 .. posonly + names.size()), null when absent.
bool UnpackKeywords(const char* fname, const Value* args, size_t nargs,
                    TupleObject* kw, size_t posonly, size_t minpos,
                    std::initializer_list<const char*> names, Value* out);

// bytes_methods.cc: registers the methods shared by bytes and bytearray
// (center, partition, translate, splitlines, isalpha, ... and fromhex).
void AddSharedBytesMethods();
void AddSharedByteArrayMethods();

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_OBJECTS_BYTES_INTERNAL_H_
