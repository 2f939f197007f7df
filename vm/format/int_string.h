// Integers to and from text: str(int) for int64 and CPython 3.11's int(str,
// base) grammar. Big values stay strings of digits so that the VM's BigInt can
// take over.
#ifndef MINIDYNAMO_VM_FORMAT_INT_STRING_H_
#define MINIDYNAMO_VM_FORMAT_INT_STRING_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace minidynamo {

// str(v).
std::string Int64ToString(int64_t v);
void AppendInt64(std::string* out, int64_t v);

// CPython's default limit on decimal (non power-of-two base) digits that
// int(str) accepts (sys.get_int_max_str_digits()).
inline constexpr int kDefaultMaxStrDigits = 4300;

// A syntactically valid int literal: the value is (-1 if negative) times
// `digits` read in `base`. `digits` is lower-case, has no underscores or
// leading zeros, and is "0" for zero (never negative).
struct IntLiteral {
  bool negative = false;
  int base = 10;
  std::string digits;
};

// int(text, base) for a str held as UTF-8, base 0 or 2..36: surrounding
// whitespace, a sign, the 0x/0o/0b prefix when base is 0 or matches, single
// underscores between digits (and after a prefix), Unicode decimal digits.
// Errors are InvalidArgument with CPython's ValueError text: "invalid literal
// for int() with base 10: 'x'", the base range message, and the digit limit
// message when a non power-of-two base has more than `max_str_digits` digits
// (0 disables the limit).
absl::StatusOr<IntLiteral> ParseIntLiteral(
    std::string_view text, int base, int max_str_digits = kDefaultMaxStrDigits);

// The same, for values that fit int64: a value, nullopt when the literal is
// valid but does not fit int64 (call ParseIntLiteral and build a BigInt), or
// the ValueError status.
absl::StatusOr<std::optional<int64_t>> ParseInt64(
    std::string_view text, int base, int max_str_digits = kDefaultMaxStrDigits);

// The value of an ASCII digit or letter as a digit in bases up to 36, or 37.
int DigitValue(char c);

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_FORMAT_INT_STRING_H_
