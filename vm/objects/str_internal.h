#ifndef MINIDYNAMO_VM_OBJECTS_STR_INTERNAL_H_
#define MINIDYNAMO_VM_OBJECTS_STR_INTERNAL_H_

// Helpers shared by str_type.cc and str_format.cc.

#include <cstdint>
#include <string>
#include <string_view>

#include "vm/core/builtin_types.h"
#include "vm/objects/method_util.h"
#include "vm/objects/str.h"

namespace minidynamo {
namespace str_internal {

inline StrObject* AsStr(const Value& v) { return As<StrObject>(v); }
inline bool IsStr(const Value& v) { return IsObjectOf(v, g_types.str); }

// The receiver unchanged: itself when it is an exact str, else an exact copy
// (methods of str subclasses return plain str).
inline Value Unchanged(const Value& self) {
  if (IsExactType(self, g_types.str)) return self;
  return StrObject::New(As<StrObject>(self)->view());
}

// Moves *i back to the start of the code point before it and decodes it.
inline uint32_t DecodeUtf8Before(std::string_view s, size_t* i) {
  size_t j = *i - 1;
  while (j > 0 && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) --j;
  *i = j;
  size_t k = j;
  return DecodeUtf8(s, &k);
}

// The code point index of byte offset `byte` (a code point boundary).
inline int64_t CodePointIndex(const StrObject* s, size_t byte) {
  if (s->is_ascii()) return static_cast<int64_t>(byte);
  return Utf8Length(s->view().substr(0, byte));
}

}  // namespace str_internal
}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_OBJECTS_STR_INTERNAL_H_
