// printf-style formatting (str % args), one conversion at a time, as CPython
// 3.11's PyUnicode_Format does it. The caller walks the format string, fetches
// arguments and converts them (str(), repr(), ascii(), int() of floats for %d,
// the character of %c); these functions parse a directive and lay out one
// converted value.
#ifndef MINIDYNAMO_VM_FORMAT_PERCENT_FORMAT_H_
#define MINIDYNAMO_VM_FORMAT_PERCENT_FORMAT_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace minidynamo {

// One %-directive: %[(key)][flags][width][.precision][length]conversion.
struct PercentSpec {
  bool has_key = false;
  std::string_view key;         // The text between the parentheses.
  bool left_adjust = false;     // '-'
  bool plus = false;            // '+'
  bool blank = false;           // ' '
  bool alternate = false;       // '#'
  bool zero = false;            // '0'
  int64_t width = -1;           // -1 when not given.
  int64_t precision = -1;       // -1 when not given.
  char32_t conversion = 0;      // '%' for "%%" (write one '%', no argument).
  size_t end = 0;               // Byte offset just past the conversion.
  size_t conversion_index = 0;  // Code point index of the conversion
                                // character in the whole format string
                                // (set only when it is unsupported).
};

// Fetches the next argument for a '*' width or precision as an integer. It
// reports the caller's errors ("not enough arguments for format string",
// TypeError "* wants int").
using StarArgument = std::function<absl::StatusOr<int64_t>()>;

// Parses the directive whose '%' is at byte `percent_pos` of `format`. A '*'
// calls `star` right away, in CPython's order: a negative width turns on '-',
// a negative precision means 0. Errors are InvalidArgument with CPython's
// ValueError text ("incomplete format", "incomplete format key", "width too
// big", "precision too big") or what `star` returns. The conversion character
// is not checked here: CPython fetches the argument first, then reports
// UnsupportedFormatCharacter.
absl::StatusOr<PercentSpec> ParsePercentSpec(std::string_view format,
                                             size_t percent_pos,
                                             const StarArgument& star);

// Whether `c` is a conversion these functions format: d i u o x X e E f F g G
// c s r a.
bool IsPercentConversion(char32_t c);

// "unsupported format character 'q' (0x71) at index 3".
std::string UnsupportedFormatCharacterMessage(const PercentSpec& spec);

// %d %i %u %o %x %X of an int64.
std::string PercentFormatInt64(const PercentSpec& spec, int64_t value);

// The same for any int: sign plus magnitude `digits` in `base` (2, 8, 10 or
// 16), converted as needed.
std::string PercentFormatBigInt(const PercentSpec& spec, bool negative,
                                std::string_view digits, int base);

// %e %E %f %F %g %G of a double (precision 6 by default).
std::string PercentFormatFloat(const PercentSpec& spec, double value);

// %s %r %a %c of text the caller already converted (str(x), repr(x),
// ascii(x), or the one character of %c): width, '-', and for s, r and a the
// precision, which truncates.
std::string PercentFormatText(const PercentSpec& spec, std::string_view text);

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_FORMAT_PERCENT_FORMAT_H_
