// Padding, signs and digit grouping for formatted numbers: CPython's
// calc_number_widths and fill_number (formatter_unicode.c), shared by the int
// and float formatters.
#ifndef MINIDYNAMO_VM_FORMAT_NUMBER_LAYOUT_H_
#define MINIDYNAMO_VM_FORMAT_NUMBER_LAYOUT_H_

#include <string>
#include <string_view>

#include "vm/format/format_spec.h"

namespace minidynamo {

// A number already turned into text, split the way the layout needs it.
struct NumberParts {
  bool negative = false;
  std::string_view prefix;     // "0x", "0X", "0o", "0b" or empty.
  std::string_view digits;     // Integer digits, grouped and zero padded.
  bool has_decimal = false;    // A '.' follows the digits.
  std::string_view remainder;  // After the point: fraction, exponent, '%',
                               // "inf", or the character of 'c' (UTF-8).
};

// Lays out `parts` as `spec` asks: fill and alignment, the sign ('+', ' ' or
// '-'), zero padding inside the sign ('=' with fill '0' pads the digits with
// grouped zeros), and `separator` every `group` digits (group 0: none).
std::string LayoutNumber(const NumberParts& parts, const FormatSpec& spec,
                         std::string_view separator, int group);

// The separator and group size that `spec` asks for, for a given type: ','
// or '_' every three digits, '_' every four for b, o, x and X.
void GroupingFor(const FormatSpec& spec, std::string_view* separator,
                 int* group);

// Appends `count` copies of `fill` (a code point) to `out`.
void AppendFill(std::string* out, char32_t fill, int64_t count);

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_FORMAT_NUMBER_LAYOUT_H_
