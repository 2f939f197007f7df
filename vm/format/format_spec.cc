#include "vm/format/format_spec.h"

#include <cstdint>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "vm/format/unicode_tables.h"
#include "vm/format/utf8.h"

namespace minidynamo {
namespace {

bool IsAlign(char32_t c) {
  return c == '<' || c == '>' || c == '=' || c == '^';
}

bool IsSign(char32_t c) { return c == '+' || c == '-' || c == ' '; }

// A code point as CPython's messages print a format character: itself when
// printable ASCII, else \x followed by unpadded hex.
std::string CharForMessage(char32_t c) {
  if (c > 32 && c < 128) return std::string(1, static_cast<char>(c));
  return absl::StrFormat("\\x%x", static_cast<uint32_t>(c));
}

// Reads decimal digits (Unicode ones too, as CPython does) at `*pos`. Returns
// the number read, or -1 if the value passes the Py_ssize_t range.
int64_t ReadInteger(const std::vector<char32_t>& cps, size_t* pos,
                    int64_t* value) {
  int64_t count = 0;
  int64_t acc = 0;
  for (; *pos < cps.size(); ++*pos, ++count) {
    const int digit = DecimalDigitValue(cps[*pos]);
    if (digit < 0) break;
    if (acc > (INT64_MAX - digit) / 10) return -1;
    acc = acc * 10 + digit;
  }
  *value = acc;
  return count;
}

}  // namespace

std::string UnknownFormatCodeMessage(char32_t type,
                                     std::string_view type_name) {
  return "Unknown format code '" + CharForMessage(type) +
         "' for object of type '" + std::string(type_name.substr(0, 200)) + "'";
}

absl::StatusOr<FormatSpec> ParseFormatSpec(std::string_view spec,
                                           char32_t default_type,
                                           char default_align,
                                           std::string_view type_name) {
  std::vector<char32_t> cps;
  cps.reserve(spec.size());
  for (size_t i = 0; i < spec.size();) cps.push_back(DecodeUtf8(spec, &i));
  const size_t end = cps.size();

  FormatSpec f;
  f.align = default_align;
  f.type = default_type;
  size_t pos = 0;
  bool align_given = false;
  bool fill_given = false;
  if (end - pos >= 2 && IsAlign(cps[pos + 1])) {
    f.fill = cps[pos];
    f.align = static_cast<char>(cps[pos + 1]);
    fill_given = align_given = true;
    pos += 2;
  } else if (end - pos >= 1 && IsAlign(cps[pos])) {
    f.align = static_cast<char>(cps[pos]);
    align_given = true;
    ++pos;
  }
  if (pos < end && IsSign(cps[pos])) f.sign = static_cast<char>(cps[pos++]);
  if (pos < end && cps[pos] == 'z') {
    f.no_neg_0 = true;
    ++pos;
  }
  if (pos < end && cps[pos] == '#') {
    f.alternate = true;
    ++pos;
  }
  // A leading 0 means zero padding between sign and digits, unless a fill was
  // given explicitly.
  if (!fill_given && pos < end && cps[pos] == '0') {
    f.fill = '0';
    if (!align_given && default_align == '>') f.align = '=';
    ++pos;
  }
  const absl::Status too_many_digits =
      absl::InvalidArgumentError("Too many decimal digits in format string");
  int64_t width = 0;
  const int64_t width_digits = ReadInteger(cps, &pos, &width);
  if (width_digits < 0) return too_many_digits;
  if (width_digits > 0) f.width = width;

  const absl::Status both_separators =
      absl::InvalidArgumentError("Cannot specify both ',' and '_'.");
  if (pos < end && cps[pos] == ',') {
    f.grouping = ',';
    ++pos;
  }
  if (pos < end && cps[pos] == '_') {
    if (f.grouping != '\0') return both_separators;
    f.grouping = '_';
    ++pos;
  }
  if (pos < end && cps[pos] == ',' && f.grouping == '_') return both_separators;

  if (pos < end && cps[pos] == '.') {
    ++pos;
    int64_t precision = 0;
    const int64_t digits = ReadInteger(cps, &pos, &precision);
    if (digits < 0) return too_many_digits;
    if (digits == 0) {
      return absl::InvalidArgumentError("Format specifier missing precision");
    }
    f.precision = precision;
  }

  if (end - pos > 1) {
    return absl::InvalidArgumentError(
        "Invalid format specifier '" + std::string(spec) +
        "' for object of type '" + std::string(type_name.substr(0, 200)) + "'");
  }
  if (end - pos == 1) f.type = cps[pos];

  if (f.grouping != '\0') {
    switch (f.type) {
      case 'd':
      case 'e':
      case 'f':
      case 'g':
      case 'E':
      case 'G':
      case '%':
      case 'F':
      case '\0':
        break;
      case 'b':
      case 'o':
      case 'x':
      case 'X':
        // PEP 515: '_' groups bin/oct/hex digits by four.
        if (f.grouping == '_') break;
        [[fallthrough]];
      default:
        return absl::InvalidArgumentError(
            absl::StrCat("Cannot specify '", std::string(1, f.grouping),
                         "' with '", CharForMessage(f.type), "'."));
    }
  }
  return f;
}

}  // namespace minidynamo
