#include "vm/format/digit_string.h"

#include <charconv>
#include <cstdint>
#include <vector>

#include "vm/format/int_string.h"

namespace minidynamo {
namespace {

using Limbs = std::vector<uint32_t>;  // Little-endian base 2**32.

// The largest power of `base` below 2**32, and its exponent: how many digits
// one 32-bit step handles.
struct Chunk {
  uint32_t power;
  int count;
};

Chunk ChunkFor(int base) {
  uint64_t p = base;
  int n = 1;
  while (p * base <= 0xFFFFFFFFull) {
    p *= base;
    ++n;
  }
  return {static_cast<uint32_t>(p), n};
}

void MultiplyAdd(Limbs* limbs, uint32_t mul, uint32_t add) {
  uint64_t carry = add;
  for (uint32_t& limb : *limbs) {
    const uint64_t t = static_cast<uint64_t>(limb) * mul + carry;
    limb = static_cast<uint32_t>(t);
    carry = t >> 32;
  }
  if (carry != 0) limbs->push_back(static_cast<uint32_t>(carry));
}

// Divides in place and returns the remainder.
uint32_t DivideSmall(Limbs* limbs, uint32_t divisor) {
  uint64_t rem = 0;
  for (size_t i = limbs->size(); i-- > 0;) {
    const uint64_t cur = (rem << 32) | (*limbs)[i];
    (*limbs)[i] = static_cast<uint32_t>(cur / divisor);
    rem = cur % divisor;
  }
  while (!limbs->empty() && limbs->back() == 0) limbs->pop_back();
  return static_cast<uint32_t>(rem);
}

Limbs ToLimbs(std::string_view digits, int base) {
  const int count = ChunkFor(base).count;
  Limbs limbs;
  size_t i = 0;
  // The first chunk takes the remainder so that the rest are full.
  size_t first = digits.size() % count;
  if (first == 0) first = count;
  while (i < digits.size()) {
    const size_t len = i == 0 ? first : count;
    uint32_t chunk = 0;
    uint32_t scale = 1;
    for (size_t k = 0; k < len; ++k) {
      chunk = chunk * base + DigitValue(digits[i + k]);
      scale *= base;
    }
    MultiplyAdd(&limbs, scale, chunk);
    i += len;
  }
  while (!limbs.empty() && limbs.back() == 0) limbs.pop_back();
  return limbs;
}

constexpr char kDigitChars[] = "0123456789abcdefghijklmnopqrstuvwxyz";

}  // namespace

std::string ConvertDigits(std::string_view digits, int from_base, int to_base) {
  Limbs limbs = ToLimbs(digits, from_base);
  if (limbs.empty()) return "0";
  std::string out;  // Least significant digit first, reversed at the end.
  if ((to_base & (to_base - 1)) == 0) {
    int bits = 0;
    while ((1 << bits) < to_base) ++bits;
    const size_t total_bits = limbs.size() * 32;
    for (size_t bit = 0; bit < total_bits; bit += bits) {
      uint32_t d = 0;
      for (int k = 0; k < bits && bit + k < total_bits; ++k) {
        d |= ((limbs[(bit + k) / 32] >> ((bit + k) % 32)) & 1u) << k;
      }
      out.push_back(kDigitChars[d]);
    }
  } else {
    const Chunk chunk_size = ChunkFor(to_base);
    while (!limbs.empty()) {
      uint32_t chunk = DivideSmall(&limbs, chunk_size.power);
      for (int k = 0; k < chunk_size.count; ++k) {
        out.push_back(kDigitChars[chunk % to_base]);
        chunk /= to_base;
      }
    }
  }
  while (out.size() > 1 && out.back() == '0') out.pop_back();
  return std::string(out.rbegin(), out.rend());
}

std::optional<double> DigitsToDouble(std::string_view digits, int base) {
  std::string decimal;
  if (base != 10) {
    decimal = ConvertDigits(digits, base, 10);
    digits = decimal;
  }
  double value = 0;
  auto r = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (r.ec == std::errc::result_out_of_range) return std::nullopt;
  return value;
}

}  // namespace minidynamo
