// int(str, base) parsing and str/bin/oct/hex formatting.
//
// Non-power-of-two bases go through chunks of base**k (the largest power below
// 2**32; 10**9 for decimal): parsing multiplies the running value by a chunk at
// a time, printing converts the limbs to chunks with one multiply-accumulate
// pass per limb. Both are quadratic but with small constants: a 16,000-digit
// str() is a few milliseconds. Power-of-two bases map bits to digits directly.
#include <cmath>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "vm/bigint/bigint.h"
#include "vm/bigint/bigint_mag.h"
#include "vm/bigint/bigint_unicode.h"

namespace minidynamo {
namespace {

using Limb = BigInt::Limb;
using Limbs = BigInt::Limbs;

constexpr char kDigitChars[] = "0123456789abcdefghijklmnopqrstuvwxyz";

// Python's threshold below which the digit limit is never checked.
constexpr int64_t kMaxStrDigitsThreshold = 640;

int DigitValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

// CPython's Py_ISSPACE: only ASCII whitespace (Unicode was mapped to ' '
// already).
bool IsAsciiSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

bool IsPowerOfTwo(int base) { return (base & (base - 1)) == 0; }

int Log2(int base) {
  int k = 0;
  while ((1 << k) < base) ++k;
  return k;
}

// The largest power of `base` that fits in a limb, and its exponent.
std::pair<Limb, int> ChunkFor(int base) {
  uint64_t chunk = static_cast<uint64_t>(base);
  int digits = 1;
  while (chunk * static_cast<uint64_t>(base) <= 0xFFFFFFFFu) {
    chunk *= static_cast<uint64_t>(base);
    ++digits;
  }
  return {static_cast<Limb>(chunk), digits};
}

// |mag| in little-endian chunks of `chunk` (< 2**32): for each limb from the
// top, chunks = chunks * 2**32 + limb. kDecimal lets the compiler turn the
// division by 10**9 into a multiplication.
template <bool kDecimal>
std::vector<Limb> ToChunks(const Limbs& mag, Limb runtime_chunk) {
  const uint64_t chunk = kDecimal ? 1000000000u : runtime_chunk;
  std::vector<Limb> out;
  // log(2**32) / log(10**9) ~ 1.07; leave slack for other bases.
  out.reserve(mag.size() * 2 + 1);
  for (size_t i = mag.size(); i-- > 0;) {
    uint64_t carry = mag[i];
    for (Limb& c : out) {
      // c < chunk and carry < 2**32, so t < chunk * 2**32 <= 2**64.
      const uint64_t t = (uint64_t{c} << 32) | carry;
      c = static_cast<Limb>(t % chunk);
      carry = t / chunk;
    }
    while (carry != 0) {
      out.push_back(static_cast<Limb>(carry % chunk));
      carry /= chunk;
    }
  }
  return out;
}

std::string MagnitudeDigits(const Limbs& mag, int base) {
  if (mag.empty()) return "0";
  std::string out;
  if (IsPowerOfTwo(base)) {
    const int k = Log2(base);
    const uint64_t bits = bigint_internal::BitLengthMag(mag.data(), mag.size());
    const uint64_t ndigits = (bits + k - 1) / k;
    out.resize(ndigits);
    for (uint64_t j = 0; j < ndigits; ++j) {
      const uint64_t v =
          bigint_internal::ExtractBits(mag.data(), mag.size(), j * k, nullptr);
      out[ndigits - 1 - j] = kDigitChars[v & (base - 1)];
    }
    return out;
  }
  const auto [chunk, chunk_digits] = ChunkFor(base);
  const std::vector<Limb> chunks =
      base == 10 ? ToChunks<true>(mag, chunk) : ToChunks<false>(mag, chunk);
  out.reserve(chunks.size() * chunk_digits);
  char buf[40];
  for (size_t i = chunks.size(); i-- > 0;) {
    Limb c = chunks[i];
    int n = 0;
    do {
      buf[n++] = kDigitChars[c % base];
      c /= base;
    } while (c != 0);
    // Every chunk but the most significant is zero-padded to full width.
    if (i + 1 != chunks.size()) {
      while (n < chunk_digits) buf[n++] = '0';
    }
    while (n > 0) out.push_back(buf[--n]);
  }
  return out;
}

absl::Status LimitError(int64_t limit, const std::string& detail) {
  return absl::InvalidArgumentError(absl::StrCat(
      "Exceeds the limit (", limit, " digits) for integer string conversion",
      detail, "; use sys.set_int_max_str_digits() to increase the limit"));
}

}  // namespace

std::string BigInt::ToString(int base) const {
  if (base < 2 || base > 36) base = 10;
  std::string digits = MagnitudeDigits(mag_, base);
  return negative_ ? absl::StrCat("-", digits) : digits;
}

std::string BigInt::ToPrefixedString(int base) const {
  const char* prefix = base == 2    ? "0b"
                       : base == 8  ? "0o"
                       : base == 16 ? "0x"
                                    : "";
  return absl::StrCat(negative_ ? "-" : "", prefix,
                      MagnitudeDigits(mag_, base));
}

absl::StatusOr<std::string> BigInt::ToDecimalString(
    int64_t max_str_digits) const {
  if (max_str_digits > 0) {
    // A value of b bits has more than (b - 1) * log10(2) digits: reject
    // hopeless cases before the quadratic conversion, then check the exact
    // count.
    const uint64_t bits = BitLength();
    if (bits > 0 && static_cast<double>(bits - 1) * 0.30102999566398119 >
                        static_cast<double>(max_str_digits) + 1) {
      return LimitError(max_str_digits, "");
    }
  }
  std::string digits = MagnitudeDigits(mag_, 10);
  if (max_str_digits > 0 &&
      static_cast<int64_t>(digits.size()) > max_str_digits) {
    return LimitError(max_str_digits, "");
  }
  return negative_ ? absl::StrCat("-", digits) : digits;
}

absl::StatusOr<BigInt> BigInt::FromString(std::string_view text, int base,
                                          int64_t max_str_digits) {
  if (base != 0 && (base < 2 || base > 36)) {
    return absl::InvalidArgumentError(
        "int() base must be >= 2 and <= 36, or 0");
  }
  // CPython parses an ASCII image of the text; only non-ASCII input needs one.
  std::string ascii;
  std::string_view s = text;
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x7F) {
      ascii = bigint_internal::TransformDecimalAndSpaceToAscii(text);
      s = ascii;
      break;
    }
  }
  auto invalid = [&]() {
    return absl::InvalidArgumentError(
        absl::StrCat("invalid literal for int() with base ", base, ": ",
                     bigint_internal::PyStrRepr(text, 200)));
  };
  const size_t n = s.size();
  auto at = [&](size_t k) { return k < n ? s[k] : '\0'; };
  size_t i = 0;
  while (i < n && IsAsciiSpace(s[i])) ++i;
  bool negative = false;
  if (at(i) == '+' || at(i) == '-') {
    negative = at(i) == '-';
    ++i;
  }
  int b = base;
  // "0" followed by more digits is a C-style octal literal, invalid in base 0
  // unless the value is zero ("00", "0_0").
  bool error_if_nonzero = false;
  const char next = at(i + 1);
  if (b == 0) {
    if (at(i) != '0') {
      b = 10;
    } else if (next == 'x' || next == 'X') {
      b = 16;
    } else if (next == 'o' || next == 'O') {
      b = 8;
    } else if (next == 'b' || next == 'B') {
      b = 2;
    } else {
      error_if_nonzero = true;
      b = 10;
    }
  }
  if (at(i) == '0' && ((b == 16 && (next == 'x' || next == 'X')) ||
                       (b == 8 && (next == 'o' || next == 'O')) ||
                       (b == 2 && (next == 'b' || next == 'B')))) {
    i += 2;
    if (at(i) == '_') ++i;  // one underscore may follow the prefix
  }
  if (at(i) == '_') return invalid();
  // Digits with single underscores between them.
  std::vector<uint8_t> digits;
  char prev = '\0';
  for (; i < n; ++i) {
    const char c = s[i];
    if (c == '_') {
      if (prev == '_') return invalid();
    } else {
      const int d = DigitValue(c);
      if (d >= b) break;
      digits.push_back(static_cast<uint8_t>(d));
    }
    prev = c;
  }
  if (prev == '_') return invalid();
  if (digits.empty()) return invalid();
  const int64_t ndigits = static_cast<int64_t>(digits.size());
  if (!IsPowerOfTwo(b) && ndigits > kMaxStrDigitsThreshold &&
      max_str_digits > 0 && ndigits > max_str_digits) {
    return LimitError(max_str_digits,
                      absl::StrCat(": value has ", ndigits, " digits"));
  }
  while (i < n && IsAsciiSpace(s[i])) ++i;
  if (i != n) return invalid();

  Limbs mag;
  if (IsPowerOfTwo(b)) {
    const int k = Log2(b);
    mag.reserve((digits.size() * k + 31) / 32);
    uint64_t acc = 0;
    int acc_bits = 0;
    for (size_t j = digits.size(); j-- > 0;) {
      acc |= uint64_t{digits[j]} << acc_bits;
      acc_bits += k;
      if (acc_bits >= 32) {
        mag.push_back(static_cast<Limb>(acc));
        acc >>= 32;
        acc_bits -= 32;
      }
    }
    if (acc_bits > 0) mag.push_back(static_cast<Limb>(acc));
  } else {
    const auto [chunk, chunk_digits] = ChunkFor(b);
    mag.reserve(static_cast<size_t>(static_cast<double>(digits.size()) *
                                    std::log2(b) / 32) +
                2);
    Limb acc = 0;
    Limb scale = 1;
    int count = 0;
    for (uint8_t d : digits) {
      acc = acc * b + d;
      scale *= b;
      if (++count == chunk_digits) {
        bigint_internal::MulAddSmall(&mag, chunk, acc);
        acc = 0;
        scale = 1;
        count = 0;
      }
    }
    if (count > 0) bigint_internal::MulAddSmall(&mag, scale, acc);
  }
  BigInt result(negative, std::move(mag));
  if (error_if_nonzero && !result.IsZero()) return invalid();
  return result;
}

}  // namespace minidynamo
