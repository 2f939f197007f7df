// UTF-8 helpers for the formatting code. Python strings may hold lone
// surrogates, so their 3-byte encodings (as produced by "surrogatepass") decode
// like any other code point; bytes that are not UTF-8 decode one at a time and
// are reported as invalid.
#ifndef MINIDYNAMO_VM_FORMAT_UTF8_H_
#define MINIDYNAMO_VM_FORMAT_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace minidynamo {

// Decodes the code point that starts at `*pos` and advances `*pos` past it. On
// a malformed sequence returns the single byte's value, advances by one and
// sets `*valid` (when given) to false.
char32_t DecodeUtf8(std::string_view text, size_t* pos, bool* valid = nullptr);

// Appends the UTF-8 encoding of `cp` (surrogates included).
void AppendUtf8(std::string* out, char32_t cp);

// Number of code points in `text` (malformed bytes count one each).
size_t CountCodePoints(std::string_view text);

// Length in bytes of the first `n` code points of `text` (all of it if it has
// fewer).
size_t PrefixBytes(std::string_view text, size_t n);

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_FORMAT_UTF8_H_
