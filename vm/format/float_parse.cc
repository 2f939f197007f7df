#include "vm/format/float_parse.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "vm/format/numeric_text.h"
#include "vm/format/str_repr.h"

namespace minidynamo {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool MatchesNoCase(std::string_view text, std::string_view word) {
  if (text.size() != word.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != word[i]) return false;
  }
  return true;
}

// CPython's rule for underscores in numbers: each one must sit between two
// digits. Returns the text without them, or nullopt.
std::optional<std::string> RemoveUnderscores(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  char prev = '\0';
  for (char c : text) {
    if (c == '_') {
      if (!IsDigit(prev)) return std::nullopt;
    } else {
      if (prev == '_' && !IsDigit(c)) return std::nullopt;
      out.push_back(c);
    }
    prev = c;
  }
  if (prev == '_') return std::nullopt;
  return out;
}

}  // namespace

std::optional<double> AsciiToDouble(std::string_view text) {
  size_t pos = 0;
  bool negative = false;
  if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
    negative = text[pos] == '-';
    ++pos;
  }
  const std::string_view body = text.substr(pos);
  if (MatchesNoCase(body, "inf") || MatchesNoCase(body, "infinity")) {
    return negative ? -std::numeric_limits<double>::infinity()
                    : std::numeric_limits<double>::infinity();
  }
  if (MatchesNoCase(body, "nan")) {
    return std::copysign(std::numeric_limits<double>::quiet_NaN(),
                         negative ? -1.0 : 1.0);
  }

  // Significant digits without leading zeros; the value is
  // mantissa * 10**exponent.
  std::string mantissa;
  int64_t exponent = 0;
  bool any_digit = false;
  while (pos < text.size() && IsDigit(text[pos])) {
    any_digit = true;
    if (!mantissa.empty() || text[pos] != '0') mantissa.push_back(text[pos]);
    ++pos;
  }
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    while (pos < text.size() && IsDigit(text[pos])) {
      any_digit = true;
      if (!mantissa.empty() || text[pos] != '0') mantissa.push_back(text[pos]);
      --exponent;
      ++pos;
    }
  }
  if (!any_digit) return std::nullopt;
  if (pos < text.size() && (text[pos] == 'e' || text[pos] == 'E')) {
    ++pos;
    bool exp_negative = false;
    if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
      exp_negative = text[pos] == '-';
      ++pos;
    }
    if (pos == text.size() || !IsDigit(text[pos])) return std::nullopt;
    // Saturate: past this bound the result is 0 or inf whatever the digits.
    int64_t e = 0;
    constexpr int64_t kSaturated = int64_t{1} << 40;
    while (pos < text.size() && IsDigit(text[pos])) {
      if (e < kSaturated) e = e * 10 + (text[pos] - '0');
      ++pos;
    }
    exponent += exp_negative ? -e : e;
  }
  if (pos != text.size()) return std::nullopt;

  const double zero = negative ? -0.0 : 0.0;
  const double inf = negative ? -std::numeric_limits<double>::infinity()
                              : std::numeric_limits<double>::infinity();
  while (!mantissa.empty() && mantissa.back() == '0') {
    mantissa.pop_back();
    ++exponent;
  }
  if (mantissa.empty()) return zero;
  // Magnitude is in [10**(top-1), 10**top): far outside the double range the
  // answer is known without asking from_chars about huge exponents.
  const int64_t top = static_cast<int64_t>(mantissa.size()) + exponent;
  if (top > 400) return inf;
  if (top < -400) return zero;
  absl::StrAppend(&mantissa, "e", exponent);
  double value = 0;
  auto r = std::from_chars(mantissa.data(), mantissa.data() + mantissa.size(),
                           value);
  if (r.ec == std::errc::result_out_of_range) return top > 0 ? inf : zero;
  return negative ? -value : value;
}

absl::StatusOr<double> ParseFloat(std::string_view utf8) {
  auto fail = [&]() {
    return absl::InvalidArgumentError(
        absl::StrCat("could not convert string to float: ", StrRepr(utf8)));
  };
  std::optional<std::string> ascii = NumericTextToAscii(utf8);
  if (!ascii) return fail();
  std::string_view text = *ascii;
  std::optional<std::string> without_underscores;
  if (text.find('_') != std::string_view::npos) {
    without_underscores = RemoveUnderscores(text);
    if (!without_underscores) return fail();
    text = *without_underscores;
  }
  text = StripAsciiSpace(text);
  std::optional<double> value = AsciiToDouble(text);
  if (!value) return fail();
  return *value;
}

}  // namespace minidynamo
