#include "vm/parse/number_literal.h"

#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "absl/strings/str_format.h"

namespace minidynamo {
namespace {

double ParseDouble(const std::string& s) {
  double d = 0;
  auto res = std::from_chars(s.data(), s.data() + s.size(), d);
  if (res.ec == std::errc()) return d;
  // Out of range: strtod gives inf or 0 the way Python does.
  return std::strtod(s.c_str(), nullptr);
}

// Digits of an arbitrary-size non-negative integer in `radix`, as decimal text.
std::string ToDecimal(std::string_view digits, int radix) {
  // Little-endian limbs of base 10^9.
  constexpr uint32_t kBase = 1000000000;
  std::vector<uint32_t> limbs = {0};
  for (char c : digits) {
    uint32_t d = c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
    uint64_t carry = d;
    for (uint32_t& limb : limbs) {
      uint64_t v = static_cast<uint64_t>(limb) * radix + carry;
      limb = static_cast<uint32_t>(v % kBase);
      carry = v / kBase;
    }
    while (carry > 0) {
      limbs.push_back(static_cast<uint32_t>(carry % kBase));
      carry /= kBase;
    }
  }
  std::string out = absl::StrFormat("%u", limbs.back());
  for (size_t i = limbs.size() - 1; i-- > 0;) {
    out += absl::StrFormat("%09u", limbs[i]);
  }
  return out;
}

}  // namespace

void ParseNumberLiteral(std::string_view text, ast::ConstantValue* out) {
  std::string s;
  s.reserve(text.size());
  for (char c : text) {
    if (c != '_') s.push_back(c);
  }
  using K = ast::ConstantValue::Kind;
  char last = s.back();
  if (last == 'j' || last == 'J') {
    s.pop_back();
    out->kind = K::kComplex;
    out->float_value = ParseDouble(s);
    return;
  }
  int radix = 10;
  std::string_view digits = s;
  if (s.size() > 2 && s[0] == '0') {
    char p = s[1] | 0x20;
    if (p == 'x') radix = 16;
    if (p == 'o') radix = 8;
    if (p == 'b') radix = 2;
    if (radix != 10) digits.remove_prefix(2);
  }
  if (radix == 10 && s.find_first_of(".eE") != std::string::npos) {
    out->kind = K::kFloat;
    out->float_value = ParseDouble(s);
    return;
  }
  while (digits.size() > 1 && digits[0] == '0') digits.remove_prefix(1);
  uint64_t v = 0;
  bool fits = true;
  for (char c : digits) {
    uint64_t d = c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
    if (v > (static_cast<uint64_t>(INT64_MAX) - d) / radix) {
      fits = false;
      break;
    }
    v = v * radix + d;
  }
  if (fits) {
    out->kind = K::kInt;
    out->int_value = static_cast<int64_t>(v);
    return;
  }
  out->kind = K::kBigInt;
  out->str_value = radix == 10 ? std::string(digits) : ToDecimal(digits, radix);
}

}  // namespace minidynamo
