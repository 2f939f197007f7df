// Shifts, bitwise operations on the infinite two's complement form, and
// int.to_bytes / int.from_bytes.
#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>

#include "vm/bigint/bigint.h"
#include "vm/bigint/bigint_mag.h"

namespace minidynamo {
namespace {

absl::Status NegativeShift() {
  return absl::InvalidArgumentError("negative shift count");
}

// x[0..n) as n limbs of two's complement: a negative value is ~(|x| - 1).
void ToTwosComplement(bool negative, const BigInt::Limbs& mag, size_t n,
                      BigInt::Limbs* out) {
  out->assign(n, 0);
  std::copy(mag.begin(), mag.end(), out->begin());
  if (negative) {
    bigint_internal::DecrementMag(out->data(), n);
    for (BigInt::Limb& limb : *out) limb = ~limb;
  }
}

}  // namespace

BigInt BigInt::ShiftLeftBits(const BigInt& a, uint64_t bits) {
  if (a.IsZero() || bits == 0) return a;
  const size_t limbs = static_cast<size_t>(bits / 32);
  const int bit = static_cast<int>(bits % 32);
  Limbs out(limbs + a.mag_.size() + 1, 0);
  if (bit == 0) {
    std::copy(a.mag_.begin(), a.mag_.end(), out.begin() + limbs);
  } else {
    Limb carry = 0;
    for (size_t i = 0; i < a.mag_.size(); ++i) {
      out[limbs + i] = (a.mag_[i] << bit) | carry;
      carry = a.mag_[i] >> (32 - bit);
    }
    out[limbs + a.mag_.size()] = carry;
  }
  return BigInt(a.negative_, std::move(out));
}

BigInt BigInt::ShiftRightBits(const BigInt& a, uint64_t bits) {
  if (a.IsZero() || bits == 0) return a;
  if (bits >= a.BitLength()) return BigInt(a.negative_ ? -1 : 0);
  // Floor for negatives: -((|a| - 1) >> n) - 1.
  Limbs src = a.mag_;
  if (a.negative_) bigint_internal::DecrementMag(src.data(), src.size());
  const size_t limbs = static_cast<size_t>(bits / 32);
  const int bit = static_cast<int>(bits % 32);
  Limbs out(src.size() - limbs, 0);
  for (size_t i = 0; i < out.size(); ++i) {
    const Limb lo = src[i + limbs];
    const Limb hi = i + limbs + 1 < src.size() ? src[i + limbs + 1] : 0;
    out[i] = bit == 0 ? lo : (lo >> bit) | (hi << (32 - bit));
  }
  bigint_internal::TrimLimbs(&out);
  if (a.negative_) bigint_internal::IncrementMag(&out);
  return BigInt(a.negative_, std::move(out));
}

absl::StatusOr<BigInt> BigInt::LeftShift(const BigInt& a, int64_t count) {
  if (count < 0) return NegativeShift();
  if (a.IsZero()) return BigInt();
  if (a.BitLength() + static_cast<uint64_t>(count) > kMaxBitLength) {
    return absl::ResourceExhaustedError("");
  }
  return ShiftLeftBits(a, static_cast<uint64_t>(count));
}

absl::StatusOr<BigInt> BigInt::RightShift(const BigInt& a, int64_t count) {
  if (count < 0) return NegativeShift();
  return ShiftRightBits(a, static_cast<uint64_t>(count));
}

absl::StatusOr<BigInt> BigInt::LeftShift(const BigInt& a, const BigInt& count) {
  if (count.negative_) return NegativeShift();
  if (a.IsZero()) return BigInt();
  if (!count.FitsInt64()) return absl::ResourceExhaustedError("");
  return LeftShift(a, count.ToInt64());
}

absl::StatusOr<BigInt> BigInt::RightShift(const BigInt& a,
                                          const BigInt& count) {
  if (count.negative_) return NegativeShift();
  if (!count.FitsInt64()) return BigInt(a.negative_ ? -1 : 0);
  return RightShift(a, count.ToInt64());
}

BigInt BigInt::Bitwise(const BigInt& a, const BigInt& b, char op) {
  auto apply = [op](Limb x, Limb y) -> Limb {
    return op == '&' ? (x & y) : op == '|' ? (x | y) : (x ^ y);
  };
  auto apply_sign = [op](bool x, bool y) {
    return op == '&' ? (x && y) : op == '|' ? (x || y) : (x != y);
  };
  if (!a.negative_ && !b.negative_) {
    const size_t n = std::max(a.mag_.size(), b.mag_.size());
    Limbs out(n, 0);
    for (size_t i = 0; i < n; ++i) {
      const Limb x = i < a.mag_.size() ? a.mag_[i] : 0;
      const Limb y = i < b.mag_.size() ? b.mag_[i] : 0;
      out[i] = apply(x, y);
    }
    return BigInt(false, std::move(out));
  }
  // One limb past the longer operand holds the (infinitely repeated) sign bits.
  const size_t n = std::max(a.mag_.size(), b.mag_.size()) + 1;
  Limbs x;
  Limbs y;
  ToTwosComplement(a.negative_, a.mag_, n, &x);
  ToTwosComplement(b.negative_, b.mag_, n, &y);
  for (size_t i = 0; i < n; ++i) x[i] = apply(x[i], y[i]);
  const bool negative = apply_sign(a.negative_, b.negative_);
  if (negative) {
    // Back from two's complement: |r| = ~r + 1.
    for (Limb& limb : x) limb = ~limb;
    bigint_internal::TrimLimbs(&x);
    bigint_internal::IncrementMag(&x);
  }
  return BigInt(negative, std::move(x));
}

BigInt BigInt::And(const BigInt& a, const BigInt& b) {
  return Bitwise(a, b, '&');
}
BigInt BigInt::Or(const BigInt& a, const BigInt& b) {
  return Bitwise(a, b, '|');
}
BigInt BigInt::Xor(const BigInt& a, const BigInt& b) {
  return Bitwise(a, b, '^');
}

BigInt BigInt::Invert() const {
  // ~n == -(n + 1).
  return Sub(BigInt(-1), *this);
}

absl::StatusOr<std::string> BigInt::ToBytes(int64_t length, bool little_endian,
                                            bool is_signed) const {
  if (length < 0) {
    return absl::InvalidArgumentError("length argument must be non-negative");
  }
  if (static_cast<uint64_t>(length) > kMaxBitLength / 8) {
    return absl::ResourceExhaustedError("");
  }
  if (negative_ && !is_signed) {
    return absl::OutOfRangeError("can't convert negative int to unsigned");
  }
  const uint64_t avail = static_cast<uint64_t>(length) * 8;
  bool fits;
  if (!is_signed) {
    fits = BitLength() <= avail;
  } else if (!negative_) {
    fits = BitLength() < avail || IsZero();
  } else {
    // -2**(8L-1) <= n, i.e. |n| - 1 has at most 8L-1 bits. CPython also lets -1
    // through with length 0 (it yields b''), so |n| - 1 == 0 always fits.
    Limbs m1 = mag_;
    bigint_internal::DecrementMag(m1.data(), m1.size());
    const uint64_t bits = bigint_internal::BitLengthMag(m1.data(), m1.size());
    fits = bits == 0 || bits < avail;
  }
  if (!fits) return absl::OutOfRangeError("int too big to convert");
  Limbs src = mag_;
  // A negative value's bytes are those of |n| - 1, complemented.
  if (negative_) bigint_internal::DecrementMag(src.data(), src.size());
  std::string out(static_cast<size_t>(length), '\0');
  for (size_t i = 0; i < out.size(); ++i) {
    const size_t limb = i / 4;
    uint8_t byte = limb < src.size()
                       ? static_cast<uint8_t>(src[limb] >> (8 * (i % 4)))
                       : 0;
    if (negative_) byte = static_cast<uint8_t>(~byte);
    out[little_endian ? i : out.size() - 1 - i] = static_cast<char>(byte);
  }
  return out;
}

BigInt BigInt::FromBytes(std::string_view bytes, bool little_endian,
                         bool is_signed) {
  const size_t n = bytes.size();
  auto byte_at = [&](size_t i) {  // i-th least significant byte
    return static_cast<uint8_t>(bytes[little_endian ? i : n - 1 - i]);
  };
  const bool negative = is_signed && n > 0 && (byte_at(n - 1) & 0x80) != 0;
  Limbs mag((n + 3) / 4, 0);
  for (size_t i = 0; i < n; ++i) {
    const uint8_t byte =
        negative ? static_cast<uint8_t>(~byte_at(i)) : byte_at(i);
    mag[i / 4] |= Limb{byte} << (8 * (i % 4));
  }
  // Negative: the complemented bytes hold |n| - 1.
  if (negative) {
    bigint_internal::TrimLimbs(&mag);
    bigint_internal::IncrementMag(&mag);
  }
  return BigInt(negative, std::move(mag));
}

}  // namespace minidynamo
