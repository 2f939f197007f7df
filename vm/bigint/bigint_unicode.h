// The Unicode facts int(str) needs: CPython maps non-ASCII whitespace and
// decimal digits to ASCII before parsing, and quotes the input with repr() in
// its error message. Tables come from unicode_tables.inc (Unicode 14.0, as
// Python 3.11).
#ifndef MINIDYNAMO_VM_BIGINT_BIGINT_UNICODE_H_
#define MINIDYNAMO_VM_BIGINT_BIGINT_UNICODE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace minidynamo {
namespace bigint_internal {

// Decodes the code point at s[*pos] and advances *pos. An invalid byte is
// consumed alone and returned as a value above 0x10FFFF (kInvalidUtf8Base +
// byte).
inline constexpr uint32_t kInvalidUtf8Base = 0x110000;
uint32_t DecodeUtf8(std::string_view s, size_t* pos);

// str.isspace() for one code point.
bool IsUnicodeSpace(uint32_t cp);
// unicodedata.decimal(c, -1).
int UnicodeDecimalValue(uint32_t cp);
// str.isprintable() for one code point.
bool IsUnicodePrintable(uint32_t cp);

// repr(s) for a UTF-8 str, cut to its first `max_chars` characters as CPython's
// "%.200R" format does. Invalid UTF-8 bytes appear as \xNN escapes.
std::string PyStrRepr(std::string_view utf8, size_t max_chars);

// CPython's _PyUnicode_TransformDecimalAndSpaceToASCII: ASCII below 0x7f is
// kept, Unicode whitespace becomes ' ', Unicode decimal digits become '0'..'9',
// and the first other character becomes '?' and ends the output (so parsing
// fails).
std::string TransformDecimalAndSpaceToAscii(std::string_view utf8);

}  // namespace bigint_internal
}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_BIGINT_BIGINT_UNICODE_H_
