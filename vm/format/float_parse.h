// Text to float the way CPython 3.11's float(str) reads it.
#ifndef MINIDYNAMO_VM_FORMAT_FLOAT_PARSE_H_
#define MINIDYNAMO_VM_FORMAT_FLOAT_PARSE_H_

#include <optional>
#include <string_view>

#include "absl/status/statusor.h"

namespace minidynamo {

// float(s) for a str held as UTF-8: surrounding whitespace (Unicode's too) is
// ignored, single underscores may sit between digits, Unicode decimal digits
// count as ASCII ones, "inf", "infinity" and "nan" are accepted in any case
// with a sign, and the result is correctly rounded (overflow gives +-inf,
// underflow +-0.0). On failure the status is InvalidArgument with CPython's
// ValueError text, "could not convert string to float: 'abc'".
absl::StatusOr<double> ParseFloat(std::string_view utf8);

// The core grammar alone, for text that has been cleaned up already (a float
// literal without its underscores, say): [+-] then digits with an optional
// point and exponent, or inf/infinity/nan in any case. No whitespace or
// underscores. nullopt when `text` is not exactly one such number.
std::optional<double> AsciiToDouble(std::string_view text);

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_FORMAT_FLOAT_PARSE_H_
