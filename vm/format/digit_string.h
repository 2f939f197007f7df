// Arithmetic on integers held as digit strings, for values past int64 that the
// VM hands over as text (see FormatBigInt). Schoolbook base conversion: fine
// for formatting, where the output is as long as the input anyway.
#ifndef MINIDYNAMO_VM_FORMAT_DIGIT_STRING_H_
#define MINIDYNAMO_VM_FORMAT_DIGIT_STRING_H_

#include <optional>
#include <string>
#include <string_view>

namespace minidynamo {

// `digits` (no sign, either case, each below `from_base`) rewritten in
// `to_base` (2..36) with lower-case letters and no leading zeros ("0" for
// zero).
std::string ConvertDigits(std::string_view digits, int from_base, int to_base);

// The magnitude as a correctly rounded double (ties to even, like
// PyLong_AsDouble), or nullopt when it rounds past the largest finite double.
std::optional<double> DigitsToDouble(std::string_view digits, int base);

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_FORMAT_DIGIT_STRING_H_
