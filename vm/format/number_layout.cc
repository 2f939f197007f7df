#include "vm/format/number_layout.h"

#include <algorithm>
#include <cstdint>

#include "vm/format/utf8.h"

namespace minidynamo {
namespace {

// CPython's _PyUnicode_InsertThousandsGrouping: groups `digits` from the
// right and, while `min_width` is not reached, adds leading zeros that are
// grouped too ("0,001,234" for width 8).
std::string GroupDigits(std::string_view digits, int64_t min_width,
                        std::string_view separator, int group) {
  min_width = std::max<int64_t>(0, min_width);
  const int64_t sep_len = static_cast<int64_t>(separator.size());
  std::string reversed;
  int64_t remaining = static_cast<int64_t>(digits.size());
  size_t digits_pos = digits.size();
  bool use_separator = false;
  auto emit = [&](int64_t len) {
    const int64_t zeros = std::max<int64_t>(0, len - remaining);
    const int64_t chars = std::max<int64_t>(0, std::min(remaining, len));
    if (use_separator) reversed.append(separator.rbegin(), separator.rend());
    for (int64_t k = 0; k < chars; ++k)
      reversed.push_back(digits[--digits_pos]);
    reversed.append(zeros, '0');
    use_separator = true;
    remaining -= chars;
  };
  bool done = false;
  if (group > 0) {
    while (true) {
      const int64_t len = std::min<int64_t>(
          group, std::max({remaining, min_width, int64_t{1}}));
      emit(len);
      min_width -= len;
      if (remaining <= 0 && min_width <= 0) {
        done = true;
        break;
      }
      min_width -= sep_len;
    }
  }
  if (!done) emit(std::max({remaining, min_width, int64_t{1}}));
  return std::string(reversed.rbegin(), reversed.rend());
}

}  // namespace

void AppendFill(std::string* out, char32_t fill, int64_t count) {
  if (count <= 0) return;
  if (fill < 0x80) {
    out->append(static_cast<size_t>(count), static_cast<char>(fill));
    return;
  }
  std::string one;
  AppendUtf8(&one, fill);
  for (int64_t k = 0; k < count; ++k) out->append(one);
}

void GroupingFor(const FormatSpec& spec, std::string_view* separator,
                 int* group) {
  if (spec.grouping == '\0' || spec.type == 'n') {
    *separator = "";
    *group = 0;
    return;
  }
  *separator = spec.grouping == ',' ? "," : "_";
  const bool by_four =
      spec.grouping == '_' && (spec.type == 'b' || spec.type == 'o' ||
                               spec.type == 'x' || spec.type == 'X');
  *group = by_four ? 4 : 3;
}

std::string LayoutNumber(const NumberParts& parts, const FormatSpec& spec,
                         std::string_view separator, int group) {
  char sign = '\0';
  if (spec.sign == '+') {
    sign = parts.negative ? '-' : '+';
  } else if (spec.sign == ' ') {
    sign = parts.negative ? '-' : ' ';
  } else if (parts.negative) {
    sign = '-';
  }
  const int64_t n_sign = sign != '\0' ? 1 : 0;
  const int64_t n_decimal = parts.has_decimal ? 1 : 0;
  const int64_t n_remainder =
      static_cast<int64_t>(CountCodePoints(parts.remainder));
  const int64_t n_other = n_sign + static_cast<int64_t>(parts.prefix.size()) +
                          n_decimal + n_remainder;
  const int64_t min_width =
      spec.fill == '0' && spec.align == '=' ? spec.width - n_other : 0;
  // 'c' has no digits, and then no zero padding either.
  const std::string grouped =
      parts.digits.empty()
          ? std::string()
          : GroupDigits(parts.digits, min_width, separator, group);

  int64_t lpad = 0, spad = 0, rpad = 0;
  const int64_t padding =
      spec.width - (n_other + static_cast<int64_t>(grouped.size()));
  if (padding > 0) {
    switch (spec.align) {
      case '<':
        rpad = padding;
        break;
      case '^':
        lpad = padding / 2;
        rpad = padding - lpad;
        break;
      case '=':
        spad = padding;
        break;
      default:
        lpad = padding;
        break;
    }
  }
  std::string out;
  AppendFill(&out, spec.fill, lpad);
  if (sign != '\0') out.push_back(sign);
  out.append(parts.prefix);
  AppendFill(&out, spec.fill, spad);
  out.append(grouped);
  if (parts.has_decimal) out.push_back('.');
  out.append(parts.remainder);
  AppendFill(&out, spec.fill, rpad);
  return out;
}

}  // namespace minidynamo
