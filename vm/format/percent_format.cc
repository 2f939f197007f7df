#include "vm/format/percent_format.h"

#include <charconv>
#include <climits>
#include <cstdint>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "vm/format/digit_string.h"
#include "vm/format/float_to_string.h"
#include "vm/format/utf8.h"

namespace minidynamo {
namespace {

// CPython's unicode_format_arg_output: `numeric` conversions take a sign
// and zero padding; s, r and a are truncated to the precision.
std::string OutputArg(const PercentSpec& spec, std::string_view text,
                      bool numeric) {
  const char32_t conv = spec.conversion;
  const bool prefixed =
      spec.alternate && (conv == 'x' || conv == 'X' || conv == 'o');
  const char fill = numeric && spec.zero ? '0' : ' ';
  int64_t len = static_cast<int64_t>(CountCodePoints(text));
  int64_t width = spec.width;
  if ((width == -1 || width <= len) &&
      (spec.precision == -1 || spec.precision >= len) && !spec.plus &&
      !spec.blank) {
    return std::string(text);
  }
  if ((conv == 's' || conv == 'r' || conv == 'a') && spec.precision >= 0 &&
      len > spec.precision) {
    len = spec.precision;
  }
  size_t pindex = 0;  // Numeric texts are ASCII, so bytes and chars agree.
  char sign = '\0';
  bool has_sign = numeric;
  if (has_sign) {
    if (text[0] == '-' || text[0] == '+') {
      sign = text[0];
      --len;
      ++pindex;
    } else if (spec.plus) {
      sign = '+';
    } else if (spec.blank) {
      sign = ' ';
    } else {
      has_sign = false;
    }
  }
  if (width < len) width = len;

  std::string out;
  if (has_sign) {
    if (fill != ' ') out.push_back(sign);
    if (width > len) --width;
  }
  if (prefixed) {
    if (fill != ' ') {
      out.append(text.substr(pindex, 2));  // "0x", "0X" or "0o".
      pindex += 2;
    }
    width = width >= 2 ? width - 2 : 0;
    len -= 2;
  }
  if (width > len && !spec.left_adjust) {
    out.append(static_cast<size_t>(width - len), fill);
    width = len;
  }
  if (fill == ' ') {
    if (has_sign) out.push_back(sign);
    if (prefixed) {
      out.append(text.substr(pindex, 2));
      pindex += 2;
    }
  }
  const std::string_view rest = text.substr(pindex);
  out.append(rest.substr(0, PrefixBytes(rest, static_cast<size_t>(len))));
  if (width > len) out.append(static_cast<size_t>(width - len), ' ');
  return out;
}

// CPython's _PyUnicode_FormatLong: sign, "0x"/"0o" when '#', the precision as
// a minimum digit count, upper case for 'X'.
std::string FormatLong(const PercentSpec& spec, bool negative,
                       std::string digits) {
  const char32_t conv = spec.conversion;
  std::string out = negative ? "-" : "";
  if (spec.alternate && (conv == 'x' || conv == 'X')) out.append("0x");
  if (spec.alternate && conv == 'o') out.append("0o");
  const int64_t ndigits = static_cast<int64_t>(digits.size());
  if (spec.precision > ndigits) {
    out.append(static_cast<size_t>(spec.precision - ndigits), '0');
  }
  out.append(digits);
  if (conv == 'X') {
    for (char& c : out) {
      if (c >= 'a' && c <= 'x') c = static_cast<char>(c - 'a' + 'A');
    }
  }
  return out;
}

int BaseFor(char32_t conv) {
  if (conv == 'o') return 8;
  if (conv == 'x' || conv == 'X') return 16;
  return 10;
}

bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }

}  // namespace

bool IsPercentConversion(char32_t c) {
  switch (c) {
    case 'd':
    case 'i':
    case 'u':
    case 'o':
    case 'x':
    case 'X':
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case 'c':
    case 's':
    case 'r':
    case 'a':
      return true;
    default:
      return false;
  }
}

absl::StatusOr<PercentSpec> ParsePercentSpec(std::string_view format,
                                             size_t percent_pos,
                                             const StarArgument& star) {
  PercentSpec spec;
  size_t pos = percent_pos + 1;
  if (pos < format.size() && format[pos] == '%') {
    spec.conversion = '%';
    spec.end = pos + 1;
    return spec;
  }
  if (pos < format.size() && format[pos] == '(') {
    // The key runs to the matching parenthesis.
    int depth = 1;
    const size_t key_start = ++pos;
    while (depth > 0 && pos < format.size()) {
      if (format[pos] == ')') --depth;
      if (format[pos] == '(') ++depth;
      ++pos;
    }
    if (depth > 0) return absl::InvalidArgumentError("incomplete format key");
    spec.has_key = true;
    spec.key = format.substr(key_start, pos - 1 - key_start);
  }
  for (; pos < format.size(); ++pos) {
    const char c = format[pos];
    if (c == '-') {
      spec.left_adjust = true;
    } else if (c == '+') {
      spec.plus = true;
    } else if (c == ' ') {
      spec.blank = true;
    } else if (c == '#') {
      spec.alternate = true;
    } else if (c == '0') {
      spec.zero = true;
    } else {
      break;
    }
  }
  if (pos < format.size() && format[pos] == '*') {
    absl::StatusOr<int64_t> w = star();
    if (!w.ok()) return w.status();
    spec.width = *w;
    if (spec.width < 0) {
      spec.left_adjust = true;
      spec.width = -spec.width;
    }
    ++pos;
  } else if (pos < format.size() && IsDigit(format[pos])) {
    spec.width = 0;
    for (; pos < format.size() && IsDigit(format[pos]); ++pos) {
      const int d = format[pos] - '0';
      if (spec.width > (INT64_MAX - d) / 10) {
        return absl::InvalidArgumentError("width too big");
      }
      spec.width = spec.width * 10 + d;
    }
  }
  if (pos < format.size() && format[pos] == '.') {
    spec.precision = 0;
    ++pos;
    if (pos < format.size() && format[pos] == '*') {
      absl::StatusOr<int64_t> p = star();
      if (!p.ok()) return p.status();
      spec.precision = *p < 0 ? 0 : *p;
      ++pos;
    } else {
      for (; pos < format.size() && IsDigit(format[pos]); ++pos) {
        const int d = format[pos] - '0';
        if (spec.precision > (INT_MAX - d) / 10) {
          return absl::InvalidArgumentError("precision too big");
        }
        spec.precision = spec.precision * 10 + d;
      }
    }
  }
  // C length modifiers mean nothing in Python.
  if (pos < format.size() &&
      (format[pos] == 'h' || format[pos] == 'l' || format[pos] == 'L')) {
    ++pos;
  }
  if (pos >= format.size())
    return absl::InvalidArgumentError("incomplete format");
  const size_t conversion_pos = pos;
  spec.conversion = DecodeUtf8(format, &pos);
  spec.end = pos;
  // Only an unsupported conversion's message needs the code point index (a
  // count from the start: done per directive, long formats were quadratic).
  if (!IsPercentConversion(spec.conversion)) {
    spec.conversion_index = CountCodePoints(format.substr(0, conversion_pos));
  }
  return spec;
}

std::string UnsupportedFormatCharacterMessage(const PercentSpec& spec) {
  const char32_t c = spec.conversion;
  const char shown = c >= 31 && c <= 126 ? static_cast<char>(c) : '?';
  return absl::StrFormat("unsupported format character '%c' (0x%x) at index %d",
                         shown, static_cast<uint32_t>(c),
                         spec.conversion_index);
}

std::string PercentFormatInt64(const PercentSpec& spec, int64_t value) {
  const uint64_t magnitude = value < 0 ? 0 - static_cast<uint64_t>(value)
                                       : static_cast<uint64_t>(value);
  char buf[32];
  auto r = std::to_chars(buf, buf + sizeof(buf), magnitude,
                         BaseFor(spec.conversion));
  return OutputArg(spec, FormatLong(spec, value < 0, std::string(buf, r.ptr)),
                   true);
}

std::string PercentFormatBigInt(const PercentSpec& spec, bool negative,
                                std::string_view digits, int base) {
  std::string converted = ConvertDigits(digits, base, BaseFor(spec.conversion));
  negative = negative && converted != "0";
  return OutputArg(spec, FormatLong(spec, negative, std::move(converted)),
                   true);
}

std::string PercentFormatFloat(const PercentSpec& spec, double value) {
  const int precision =
      spec.precision < 0 ? 6 : static_cast<int>(spec.precision);
  const std::string text =
      DoubleToString(value, static_cast<char>(spec.conversion), precision,
                     spec.alternate ? kDtsfAlt : 0);
  return OutputArg(spec, text, true);
}

std::string PercentFormatText(const PercentSpec& spec, std::string_view text) {
  return OutputArg(spec, text, false);
}

}  // namespace minidynamo
