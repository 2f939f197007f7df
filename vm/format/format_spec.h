// The format-spec mini-language of format(), str.format() and f-strings:
//   [[fill]align][sign][z][#][0][width][grouping][.precision][type]
// parsed with CPython 3.11's rules (formatter_unicode.c).
#ifndef MINIDYNAMO_VM_FORMAT_FORMAT_SPEC_H_
#define MINIDYNAMO_VM_FORMAT_FORMAT_SPEC_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace minidynamo {

struct FormatSpec {
  char32_t fill = ' ';     // Any code point.
  char align = '\0';       // '<', '>', '=', '^'; the type's default if unset.
  char sign = '\0';        // '+', '-', ' ', or '\0' when not given.
  bool no_neg_0 = false;   // 'z'.
  bool alternate = false;  // '#'.
  int64_t width = -1;      // -1 when not given.
  char grouping = '\0';    // ',' or '_', or '\0'.
  int64_t precision = -1;  // -1 when not given.
  char32_t type = '\0';    // The presentation type (the default if not given).
};

// Parses `spec` (UTF-8) for an object whose type uses `default_type` ('d' for
// int, '\0' for float, 's' for str) and `default_align` ('>' for numbers, '<'
// for str). `type_name` is the Python type name used in error messages.
// Errors are InvalidArgument with CPython's ValueError text.
absl::StatusOr<FormatSpec> ParseFormatSpec(std::string_view spec,
                                           char32_t default_type,
                                           char default_align,
                                           std::string_view type_name);

// CPython's message for a presentation type the object does not support:
// "Unknown format code 'q' for object of type 'int'".
std::string UnknownFormatCodeMessage(char32_t type, std::string_view type_name);

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_FORMAT_FORMAT_SPEC_H_
