#include "vm/format/format_float.h"

#include <climits>

#include "absl/status/status.h"
#include "vm/format/float_to_string.h"
#include "vm/format/number_layout.h"

namespace minidynamo {

absl::StatusOr<std::string> FormatDoubleWithSpec(double value,
                                                 const FormatSpec& spec) {
  if (spec.precision > INT_MAX) {
    return absl::InvalidArgumentError("precision too big");
  }
  int precision = static_cast<int>(spec.precision);
  int flags = 0;
  if (spec.alternate) flags |= kDtsfAlt;
  if (spec.no_neg_0) flags |= kDtsfNoNeg0;
  char type = static_cast<char>(spec.type);
  int default_precision = 6;
  if (type == '\0') {
    // No type: repr() without a precision, else 'g' that keeps a ".0".
    flags |= kDtsfAddDot0;
    type = 'r';
    default_precision = 0;
  }
  if (type == 'n') type = 'g';
  bool percent = false;
  if (type == '%') {
    type = 'f';
    value *= 100;
    percent = true;
  }
  if (precision < 0) {
    precision = default_precision;
  } else if (type == 'r') {
    type = 'g';
  }
  std::string text = DoubleToString(value, type, precision, flags);
  if (percent) text.push_back('%');

  // Split into sign, integer digits, point and the rest for the layout.
  NumberParts parts;
  std::string_view rest = text;
  if (!rest.empty() && rest[0] == '-') {
    parts.negative = true;
    rest.remove_prefix(1);
  }
  size_t n = 0;
  while (n < rest.size() && rest[n] >= '0' && rest[n] <= '9') ++n;
  parts.digits = rest.substr(0, n);
  rest.remove_prefix(n);
  if (!rest.empty() && rest[0] == '.') {
    parts.has_decimal = true;
    rest.remove_prefix(1);
  }
  parts.remainder = rest;
  std::string_view separator;
  int group;
  GroupingFor(spec, &separator, &group);
  return LayoutNumber(parts, spec, separator, group);
}

absl::StatusOr<std::string> FormatFloat(double value, std::string_view spec,
                                        std::string_view type_name) {
  if (spec.empty()) return FloatRepr(value);  // str(x).
  absl::StatusOr<FormatSpec> parsed =
      ParseFormatSpec(spec, '\0', '>', type_name);
  if (!parsed.ok()) return parsed.status();
  switch (parsed->type) {
    case '\0':
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case 'n':
    case '%':
      return FormatDoubleWithSpec(value, *parsed);
    default:
      return absl::InvalidArgumentError(
          UnknownFormatCodeMessage(parsed->type, type_name));
  }
}

}  // namespace minidynamo
