#include "vm/format/int_string.h"

#include <charconv>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "vm/format/numeric_text.h"
#include "vm/format/str_repr.h"
#include "vm/format/utf8.h"

namespace minidynamo {
namespace {

absl::Status InvalidLiteral(std::string_view text, int base) {
  // CPython shows the repr cut to 200 characters ("%.200R").
  std::string repr = StrRepr(text);
  repr.resize(PrefixBytes(repr, 200));
  return absl::InvalidArgumentError(
      absl::StrCat("invalid literal for int() with base ", base, ": ", repr));
}

// The common case, a plain decimal int64 in ASCII, without allocating.
// Returns false when the text needs the general parser.
bool FastParseDecimal(std::string_view text, int base, int64_t* out) {
  if (base != 10 && base != 0) return false;
  size_t pos = 0;
  while (pos < text.size() && IsAsciiSpace(text[pos])) ++pos;
  bool negative = false;
  if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
    negative = text[pos] == '-';
    ++pos;
  }
  const size_t start = pos;
  uint64_t value = 0;
  while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
    value = value * 10 + (text[pos] - '0');
    ++pos;
  }
  const size_t ndigits = pos - start;
  // Base 0 rejects leading zeros; 18 digits cannot overflow.
  if (ndigits == 0 || ndigits > 18) return false;
  if (base == 0 && text[start] == '0' && ndigits > 1) return false;
  while (pos < text.size() && IsAsciiSpace(text[pos])) ++pos;
  if (pos != text.size()) return false;
  *out = negative ? -static_cast<int64_t>(value) : static_cast<int64_t>(value);
  return true;
}

}  // namespace

std::string Int64ToString(int64_t v) {
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof(buf), v);
  return std::string(buf, r.ptr);
}

void AppendInt64(std::string* out, int64_t v) {
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof(buf), v);
  out->append(buf, r.ptr);
}

int DigitValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 37;
}

absl::StatusOr<IntLiteral> ParseIntLiteral(std::string_view text, int base,
                                           int max_str_digits) {
  if ((base != 0 && base < 2) || base > 36) {
    return absl::InvalidArgumentError(
        "int() base must be >= 2 and <= 36, or 0");
  }
  const int given_base = base;
  const std::string ascii = NumericTextToAscii(text);
  const std::string_view s = ascii;
  size_t pos = 0;
  while (pos < s.size() && IsAsciiSpace(s[pos])) ++pos;
  IntLiteral result;
  if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
    result.negative = s[pos] == '-';
    ++pos;
  }
  auto at = [&](size_t i) { return i < s.size() ? s[i] : '\0'; };
  // Base 0 reads the base from the prefix. A leading 0 without one is the
  // old octal form, now valid only for zero.
  bool error_if_nonzero = false;
  if (base == 0) {
    const char c1 = at(pos + 1);
    if (at(pos) != '0') {
      base = 10;
    } else if (c1 == 'x' || c1 == 'X') {
      base = 16;
    } else if (c1 == 'o' || c1 == 'O') {
      base = 8;
    } else if (c1 == 'b' || c1 == 'B') {
      base = 2;
    } else {
      error_if_nonzero = true;
      base = 10;
    }
  }
  if (at(pos) == '0') {
    const char c1 = at(pos + 1);
    if ((base == 16 && (c1 == 'x' || c1 == 'X')) ||
        (base == 8 && (c1 == 'o' || c1 == 'O')) ||
        (base == 2 && (c1 == 'b' || c1 == 'B'))) {
      pos += 2;
      if (at(pos) == '_') ++pos;  // One underscore may follow the prefix.
    }
  }
  if (at(pos) == '_') return InvalidLiteral(text, given_base);

  // Digits with single underscores between them.
  const size_t start = pos;
  int64_t ndigits = 0;
  char prev = '\0';
  bool nonzero = false;
  while (pos < s.size() && (DigitValue(s[pos]) < base || s[pos] == '_')) {
    const char c = s[pos];
    if (c == '_') {
      if (prev == '_') return InvalidLiteral(text, given_base);
    } else {
      ++ndigits;
      if (c != '0') nonzero = true;
      if (nonzero) {
        result.digits.push_back(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      }
    }
    prev = c;
    ++pos;
  }
  if (prev == '_') return InvalidLiteral(text, given_base);
  const bool power_of_two = (base & (base - 1)) == 0;
  if (!power_of_two && max_str_digits > 0 && ndigits > max_str_digits) {
    return absl::InvalidArgumentError(absl::StrCat(
        "Exceeds the limit (", max_str_digits,
        " digits) for integer string conversion: value has ", ndigits,
        " digits; use sys.set_int_max_str_digits() to increase the limit"));
  }
  if (error_if_nonzero && nonzero) return InvalidLiteral(text, given_base);
  if (pos == start) return InvalidLiteral(text, given_base);
  while (pos < s.size() && IsAsciiSpace(s[pos])) ++pos;
  if (pos != s.size()) return InvalidLiteral(text, given_base);
  if (result.digits.empty()) {
    result.digits = "0";
    result.negative = false;
  }
  result.base = base;
  return result;
}

absl::StatusOr<std::optional<int64_t>> ParseInt64(std::string_view text,
                                                  int base,
                                                  int max_str_digits) {
  int64_t fast = 0;
  if (FastParseDecimal(text, base, &fast)) return std::optional<int64_t>(fast);
  absl::StatusOr<IntLiteral> literal =
      ParseIntLiteral(text, base, max_str_digits);
  if (!literal.ok()) return literal.status();
  // Accumulate the magnitude; 2**63 is allowed for negative values.
  const uint64_t limit =
      literal->negative ? uint64_t{1} << 63 : (uint64_t{1} << 63) - 1;
  uint64_t value = 0;
  for (char c : literal->digits) {
    const uint64_t d = static_cast<uint64_t>(DigitValue(c));
    if (value > (limit - d) / static_cast<uint64_t>(literal->base)) {
      return std::optional<int64_t>();
    }
    value = value * literal->base + d;
  }
  if (literal->negative) {
    return std::optional<int64_t>(static_cast<int64_t>(0 - value));
  }
  return std::optional<int64_t>(static_cast<int64_t>(value));
}

}  // namespace minidynamo
