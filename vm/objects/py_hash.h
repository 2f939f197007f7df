#ifndef MINIDYNAMO_VM_OBJECTS_PY_HASH_H_
#define MINIDYNAMO_VM_OBJECTS_PY_HASH_H_

// CPython 3.11's hash of str and bytes under PYTHONHASHSEED=0: SipHash-1-3
// with an all-zero key, over the bytes for bytes and over the string's
// canonical code units for str (1, 2 or 4 bytes per code point, little
// endian, by the largest code point: PEP 393's representation). The
// conformance suite records CPython's output with PYTHONHASHSEED=0, so using
// these makes sets of strings iterate (and print) in CPython's order.

#include <cstdint>
#include <string_view>

namespace minidynamo {

// hash(b) for bytes; 0 for b''.
int64_t PyHashBytes(std::string_view bytes);
// hash(s) for a str held as UTF-8 (lone surrogates in their 3-byte form);
// `is_ascii` skips the scan for the widest code point.
int64_t PyHashStrUtf8(std::string_view utf8, bool is_ascii);

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_OBJECTS_PY_HASH_H_
