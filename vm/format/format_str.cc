#include "vm/format/format_str.h"

#include <cstdint>

#include "absl/status/status.h"
#include "vm/format/format_spec.h"
#include "vm/format/number_layout.h"
#include "vm/format/utf8.h"

namespace minidynamo {

absl::StatusOr<std::string> FormatStr(std::string_view text,
                                      std::string_view spec,
                                      std::string_view type_name) {
  if (spec.empty()) return std::string(text);
  absl::StatusOr<FormatSpec> parsed =
      ParseFormatSpec(spec, 's', '<', type_name);
  if (!parsed.ok()) return parsed.status();
  const FormatSpec& f = *parsed;
  if (f.type != 's') {
    return absl::InvalidArgumentError(
        UnknownFormatCodeMessage(f.type, type_name));
  }
  if (f.sign == ' ') {
    return absl::InvalidArgumentError(
        "Space not allowed in string format specifier");
  }
  if (f.sign != '\0') {
    return absl::InvalidArgumentError(
        "Sign not allowed in string format specifier");
  }
  if (f.no_neg_0) {
    return absl::InvalidArgumentError(
        "Negative zero coercion (z) not allowed in string format specifier");
  }
  if (f.alternate) {
    return absl::InvalidArgumentError(
        "Alternate form (#) not allowed in string format specifier");
  }
  if (f.align == '=') {
    return absl::InvalidArgumentError(
        "'=' alignment not allowed in string format specifier");
  }
  int64_t len = static_cast<int64_t>(CountCodePoints(text));
  if (f.precision >= 0 && len > f.precision) {
    text = text.substr(0, PrefixBytes(text, static_cast<size_t>(f.precision)));
    len = f.precision;
  }
  const int64_t total = f.width > len ? f.width : len;
  int64_t lpad = 0;
  if (f.align == '>') {
    lpad = total - len;
  } else if (f.align == '^') {
    lpad = (total - len) / 2;
  }
  std::string out;
  AppendFill(&out, f.fill, lpad);
  out.append(text);
  AppendFill(&out, f.fill, total - len - lpad);
  return out;
}

}  // namespace minidynamo
