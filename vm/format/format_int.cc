#include "vm/format/format_int.h"

#include <charconv>
#include <optional>

#include "absl/status/status.h"
#include "vm/format/digit_string.h"
#include "vm/format/format_float.h"
#include "vm/format/format_spec.h"
#include "vm/format/number_layout.h"
#include "vm/format/utf8.h"

namespace minidynamo {
namespace {

// An int either as int64 or as a digit string, with the conversions the
// formatter needs.
class IntValue {
 public:
  explicit IntValue(int64_t v)
      : negative_(v < 0),
        small_(v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v)),
        is_small_(true) {}

  IntValue(bool negative, std::string_view digits, int base)
      : digits_(digits), base_(base) {
    // Leading zeros do not count; zero is never negative.
    while (digits_.size() > 1 && digits_[0] == '0') digits_.remove_prefix(1);
    if (digits_.empty()) digits_ = "0";
    negative_ = negative && digits_ != "0";
  }

  bool negative() const { return negative_; }

  // The magnitude's digits in `base`, lower case.
  std::string Digits(int base) const {
    if (is_small_) {
      char buf[70];
      auto r = std::to_chars(buf, buf + sizeof(buf), small_, base);
      return std::string(buf, r.ptr);
    }
    if (base == base_) {
      std::string out(digits_);
      for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      }
      return out;
    }
    return ConvertDigits(digits_, base_, base);
  }

  // float(n); nullopt when it overflows.
  std::optional<double> ToDouble() const {
    if (is_small_) {
      const double magnitude = static_cast<double>(small_);
      return negative_ ? -magnitude : magnitude;
    }
    std::optional<double> magnitude = DigitsToDouble(digits_, base_);
    if (!magnitude) return std::nullopt;
    return negative_ ? -*magnitude : *magnitude;
  }

  // The value as a C long (int64), or nullopt when it does not fit.
  std::optional<int64_t> ToInt64() const {
    uint64_t magnitude = small_;
    if (!is_small_) {
      const std::string hex = Digits(16);
      if (hex.size() > 16) return std::nullopt;
      std::from_chars(hex.data(), hex.data() + hex.size(), magnitude, 16);
    }
    const uint64_t limit =
        negative_ ? uint64_t{1} << 63 : (uint64_t{1} << 63) - 1;
    if (magnitude > limit) return std::nullopt;
    return negative_ ? static_cast<int64_t>(0 - magnitude)
                     : static_cast<int64_t>(magnitude);
  }

 private:
  bool negative_ = false;
  uint64_t small_ = 0;
  bool is_small_ = false;
  std::string_view digits_;
  int base_ = 10;
};

// CPython's format_long_internal.
absl::StatusOr<std::string> FormatIntegerType(const IntValue& value,
                                              const FormatSpec& spec) {
  if (spec.precision != -1) {
    return absl::InvalidArgumentError(
        "Precision not allowed in integer format specifier");
  }
  if (spec.no_neg_0) {
    return absl::InvalidArgumentError(
        "Negative zero coercion (z) not allowed in integer format specifier");
  }
  std::string_view separator;
  int group;
  GroupingFor(spec, &separator, &group);
  NumberParts parts;
  if (spec.type == 'c') {
    if (spec.sign != '\0') {
      return absl::InvalidArgumentError(
          "Sign not allowed with integer format specifier 'c'");
    }
    if (spec.alternate) {
      return absl::InvalidArgumentError(
          "Alternate form (#) not allowed with integer format specifier 'c'");
    }
    std::optional<int64_t> code = value.ToInt64();
    if (!code) {
      return absl::OutOfRangeError("Python int too large to convert to C long");
    }
    if (*code < 0 || *code > 0x10FFFF) {
      return absl::OutOfRangeError("%c arg not in range(0x110000)");
    }
    std::string ch;
    AppendUtf8(&ch, static_cast<char32_t>(*code));
    // The character is laid out as a "remainder": never grouped or padded
    // with zeros.
    parts.remainder = ch;
    return LayoutNumber(parts, spec, separator, group);
  }
  int base = 10;
  std::string_view prefix;
  switch (spec.type) {
    case 'b':
      base = 2;
      prefix = "0b";
      break;
    case 'o':
      base = 8;
      prefix = "0o";
      break;
    case 'x':
      base = 16;
      prefix = "0x";
      break;
    case 'X':
      base = 16;
      prefix = "0X";
      break;
    default:
      break;
  }
  std::string digits = value.Digits(base);
  if (spec.type == 'X') {
    for (char& c : digits) {
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    }
  }
  parts.negative = value.negative();
  if (spec.alternate) parts.prefix = prefix;
  parts.digits = digits;
  return LayoutNumber(parts, spec, separator, group);
}

absl::StatusOr<std::string> FormatIntValue(const IntValue& value,
                                           std::string_view spec,
                                           std::string_view type_name) {
  if (spec.empty()) {
    std::string out = value.negative() ? "-" : "";
    out.append(value.Digits(10));
    return out;
  }
  absl::StatusOr<FormatSpec> parsed =
      ParseFormatSpec(spec, 'd', '>', type_name);
  if (!parsed.ok()) return parsed.status();
  switch (parsed->type) {
    case 'b':
    case 'c':
    case 'd':
    case 'o':
    case 'x':
    case 'X':
    case 'n':
      return FormatIntegerType(value, *parsed);
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case '%': {
      std::optional<double> d = value.ToDouble();
      if (!d) return absl::OutOfRangeError("int too large to convert to float");
      return FormatDoubleWithSpec(*d, *parsed);
    }
    default:
      return absl::InvalidArgumentError(
          UnknownFormatCodeMessage(parsed->type, type_name));
  }
}

}  // namespace

absl::StatusOr<std::string> FormatInt64(int64_t value, std::string_view spec,
                                        std::string_view type_name) {
  return FormatIntValue(IntValue(value), spec, type_name);
}

absl::StatusOr<std::string> FormatBigInt(bool negative, std::string_view digits,
                                         int base, std::string_view spec,
                                         std::string_view type_name) {
  return FormatIntValue(IntValue(negative, digits, base), spec, type_name);
}

}  // namespace minidynamo
