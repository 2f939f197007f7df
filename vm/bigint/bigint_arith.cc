// Signed arithmetic: add/sub/mul, floor division, true division, pow, modular
// pow, gcd. Operands that fit in int64 take native fast paths where the result
// does too.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <utility>

#include "absl/numeric/bits.h"
#include "vm/bigint/bigint.h"
#include "vm/bigint/bigint_mag.h"

namespace minidynamo {
namespace {

using bigint_internal::AddMag;
using bigint_internal::CompareMag;
using bigint_internal::DivModMag;
using bigint_internal::MulMag;
using bigint_internal::SubMag;

absl::Status DivisionByZero() {
  return absl::FailedPreconditionError("integer division or modulo by zero");
}

absl::Status ModuloByZero() {
  return absl::FailedPreconditionError("integer modulo by zero");
}

absl::Status TooLarge() {
  // CPython fails these with a bare MemoryError once the allocation fails.
  return absl::ResourceExhaustedError("");
}

}  // namespace

BigInt BigInt::Add(const BigInt& a, const BigInt& b) {
  if (a.mag_.size() <= 1 && b.mag_.size() <= 1) {
    return BigInt(a.ToInt64() +
                  b.ToInt64());  // |a|, |b| < 2**32: cannot overflow
  }
  Limbs out;
  if (a.negative_ == b.negative_) {
    AddMag(a.mag_.data(), a.mag_.size(), b.mag_.data(), b.mag_.size(), &out);
    return BigInt(a.negative_, std::move(out));
  }
  // Opposite signs: subtract the smaller magnitude; the larger one's sign wins.
  const int c =
      CompareMag(a.mag_.data(), a.mag_.size(), b.mag_.data(), b.mag_.size());
  if (c == 0) return BigInt();
  const BigInt& big = c > 0 ? a : b;
  const BigInt& small = c > 0 ? b : a;
  SubMag(big.mag_.data(), big.mag_.size(), small.mag_.data(), small.mag_.size(),
         &out);
  return BigInt(big.negative_, std::move(out));
}

BigInt BigInt::Sub(const BigInt& a, const BigInt& b) {
  if (a.mag_.size() <= 1 && b.mag_.size() <= 1) {
    return BigInt(a.ToInt64() - b.ToInt64());
  }
  return Add(a, b.Negated());
}

BigInt BigInt::Mul(const BigInt& a, const BigInt& b) {
  if (a.mag_.size() <= 1 && b.mag_.size() <= 1) {
    const uint64_t p = uint64_t{a.mag_.empty() ? 0 : a.mag_[0]} *
                       (b.mag_.empty() ? 0 : b.mag_[0]);
    BigInt r = FromUint64(p);
    r.negative_ = p != 0 && a.negative_ != b.negative_;
    return r;
  }
  Limbs out;
  MulMag(a.mag_.data(), a.mag_.size(), b.mag_.data(), b.mag_.size(), &out);
  return BigInt(a.negative_ != b.negative_, std::move(out));
}

BigInt BigInt::Add(int64_t a, int64_t b) {
  int64_t r;
  if (!__builtin_add_overflow(a, b, &r)) return BigInt(r);
  return Add(BigInt(a), BigInt(b));
}

BigInt BigInt::Sub(int64_t a, int64_t b) {
  int64_t r;
  if (!__builtin_sub_overflow(a, b, &r)) return BigInt(r);
  return Sub(BigInt(a), BigInt(b));
}

BigInt BigInt::Mul(int64_t a, int64_t b) {
  int64_t r;
  if (!__builtin_mul_overflow(a, b, &r)) return BigInt(r);
  return Mul(BigInt(a), BigInt(b));
}

BigInt BigInt::Negate(int64_t a) { return BigInt(a).Negated(); }

void BigInt::FloorDivModNonZero(const BigInt& a, const BigInt& b, BigInt* q,
                                BigInt* r) {
  if (a.FitsInt64() && b.FitsInt64()) {
    const int64_t x = a.ToInt64();
    const int64_t y = b.ToInt64();
    if (!(x == INT64_MIN && y == -1)) {
      int64_t qi = x / y;
      int64_t ri = x % y;
      // C++ truncates; Python floors, so the remainder takes the divisor's
      // sign.
      if (ri != 0 && ((ri < 0) != (y < 0))) {
        --qi;
        ri += y;
      }
      if (q != nullptr) *q = BigInt(qi);
      if (r != nullptr) *r = BigInt(ri);
      return;
    }
  }
  Limbs qm;
  Limbs rm;
  DivModMag(a.mag_.data(), a.mag_.size(), b.mag_.data(), b.mag_.size(), &qm,
            &rm);
  // |a| = Q|b| + R. With equal signs that is already the floor result;
  // otherwise a nonzero R pushes the quotient one further from zero and R
  // becomes |b| - R.
  const bool differ = a.negative_ != b.negative_;
  if (differ && !rm.empty()) {
    bigint_internal::IncrementMag(&qm);
    Limbs adjusted;
    SubMag(b.mag_.data(), b.mag_.size(), rm.data(), rm.size(), &adjusted);
    rm = std::move(adjusted);
  }
  if (q != nullptr) *q = BigInt(differ, std::move(qm));
  if (r != nullptr) *r = BigInt(b.negative_, std::move(rm));
}

absl::StatusOr<BigInt> BigInt::FloorDiv(const BigInt& a, const BigInt& b) {
  if (b.IsZero()) return DivisionByZero();
  BigInt q;
  FloorDivModNonZero(a, b, &q, nullptr);
  return q;
}

absl::StatusOr<BigInt> BigInt::Mod(const BigInt& a, const BigInt& b) {
  if (b.IsZero()) return ModuloByZero();
  BigInt r;
  FloorDivModNonZero(a, b, nullptr, &r);
  return r;
}

absl::StatusOr<std::pair<BigInt, BigInt>> BigInt::DivMod(const BigInt& a,
                                                         const BigInt& b) {
  if (b.IsZero()) return DivisionByZero();
  std::pair<BigInt, BigInt> qr;
  FloorDivModNonZero(a, b, &qr.first, &qr.second);
  return qr;
}

absl::StatusOr<double> BigInt::TrueDiv(const BigInt& a, const BigInt& b) {
  if (b.IsZero()) return absl::FailedPreconditionError("division by zero");
  const bool negate = a.negative_ != b.negative_;
  if (a.IsZero()) return negate ? -0.0 : 0.0;
  const uint64_t la = a.BitLength();
  const uint64_t lb = b.BitLength();
  if (la <= 53 && lb <= 53) {
    // Both operands are exact doubles, so one IEEE division rounds correctly.
    const double q = static_cast<double>(a.Abs().ToInt64()) /
                     static_cast<double>(b.Abs().ToInt64());
    return negate ? -q : q;
  }
  // 2**(diff-1) < |a/b| < 2**(diff+1).
  const int64_t diff = static_cast<int64_t>(la) - static_cast<int64_t>(lb);
  if (diff > 1024) {
    return absl::OutOfRangeError(
        "integer division result too large for a float");
  }
  if (diff < -1075)
    return negate ? -0.0 : 0.0;  // below half the least subnormal
  // Scale so the integer quotient x = |a| / (|b| * 2**shift) has 55-56 bits (or
  // the bits down to 2**-1076 for subnormals): two guard bits, plus a sticky
  // bit from the remainder, are enough to round once, correctly.
  const int64_t shift = std::max<int64_t>(diff, -1021) - 55;
  Limbs num;
  bool inexact = false;
  if (shift >= 0) {
    num = ShiftRightBits(a.Abs(), static_cast<uint64_t>(shift)).mag_;
    bigint_internal::ExtractBits(a.mag_.data(), a.mag_.size(),
                                 static_cast<uint64_t>(shift), &inexact);
  } else {
    num = ShiftLeftBits(a.Abs(), static_cast<uint64_t>(-shift)).mag_;
  }
  Limbs qm;
  Limbs rm;
  DivModMag(num.data(), num.size(), b.mag_.data(), b.mag_.size(), &qm, &rm);
  inexact = inexact || !rm.empty();
  const uint64_t x =
      bigint_internal::ExtractBits(qm.data(), qm.size(), 0, nullptr);
  const int64_t xbits =
      static_cast<int64_t>(bigint_internal::BitLengthMag(qm.data(), qm.size()));
  // Normal results keep 53 bits; subnormal ones stop at 2**-1074.
  const int extra =
      static_cast<int>(std::max<int64_t>(xbits - 53, -1074 - shift));
  const double result =
      bigint_internal::RoundAndScale(x, extra, inexact, shift);
  if (std::isinf(result)) {
    return absl::OutOfRangeError(
        "integer division result too large for a float");
  }
  return negate ? -result : result;
}

absl::StatusOr<BigInt> BigInt::Pow(const BigInt& base, const BigInt& exponent) {
  if (exponent.negative_) {
    return absl::InvalidArgumentError(
        "negative exponent: int ** negative int is a float");
  }
  if (exponent.IsZero()) return BigInt(1);
  if (base.IsZero()) return BigInt();
  const bool negative = base.negative_ && exponent.IsOdd();
  if (base.mag_.size() == 1 && base.mag_[0] == 1) {
    return BigInt(negative ? -1 : 1);
  }
  if (exponent.mag_.size() > 2) return TooLarge();
  const uint64_t e =
      static_cast<uint64_t>(exponent.mag_[0]) |
      (exponent.mag_.size() > 1 ? static_cast<uint64_t>(exponent.mag_[1]) << 32
                                : 0);
  // Split |base| = odd * 2**twos: the power of two becomes one shift at the
  // end.
  uint64_t twos = 0;
  while (base.mag_[twos / 32] == 0) twos += 32;
  twos += absl::countr_zero(base.mag_[twos / 32]);
  const BigInt odd = ShiftRightBits(base.Abs(), twos);
  const uint64_t odd_bits = odd.BitLength();
  // The result has more than (bits(odd) - 1) * e + twos * e bits.
  const unsigned __int128 min_bits =
      static_cast<unsigned __int128>(odd_bits - 1 + twos) * e;
  if (min_bits > kMaxBitLength) return TooLarge();
  BigInt result(1);
  if (odd_bits > 1) {
    // Left-to-right binary powering: squarings grow the big operand while the
    // multiplications only ever multiply by the (small) base.
    result = odd;
    for (int bit = 62 - absl::countl_zero(e); bit >= 0; --bit) {
      result = Mul(result, result);
      if ((e >> bit) & 1) result = Mul(result, odd);
    }
  }
  if (twos != 0) result = ShiftLeftBits(result, twos * e);
  result.negative_ = negative;
  return result;
}

namespace {

// x**-1 modulo m for 0 <= x < m, by the extended Euclidean algorithm.
absl::StatusOr<BigInt> ModularInverse(const BigInt& x, const BigInt& m) {
  BigInt old_r = x;
  BigInt r = m;
  BigInt old_s(1);
  BigInt s;
  while (!r.IsZero()) {
    auto qr = *BigInt::DivMod(old_r, r);
    old_r = std::move(r);
    r = std::move(qr.second);
    BigInt next_s = BigInt::Sub(old_s, BigInt::Mul(qr.first, s));
    old_s = std::move(s);
    s = std::move(next_s);
  }
  if (old_r != BigInt(1)) {
    return absl::InvalidArgumentError(
        "base is not invertible for the given modulus");
  }
  return *BigInt::Mod(old_s, m);
}

}  // namespace

absl::StatusOr<BigInt> BigInt::PowMod(const BigInt& base,
                                      const BigInt& exponent,
                                      const BigInt& modulus) {
  if (modulus.IsZero()) {
    return absl::InvalidArgumentError("pow() 3rd argument cannot be 0");
  }
  // Work modulo |m|; a negative modulus shifts a nonzero result into (m, 0].
  const BigInt m = modulus.Abs();
  if (m == BigInt(1)) return BigInt();
  BigInt b = *Mod(base, m);
  BigInt e = exponent;
  if (e.negative_) {
    absl::StatusOr<BigInt> inverse = ModularInverse(b, m);
    if (!inverse.ok()) return inverse.status();
    b = *std::move(inverse);
    e = e.Negated();
  }
  BigInt result(1);
  const uint64_t bits = e.BitLength();
  auto bit = [&e](uint64_t i) { return (e.mag_[i / 32] >> (i % 32)) & 1; };
  if (bits <= 64) {
    for (uint64_t i = bits; i-- > 0;) {
      result = *Mod(Mul(result, result), m);
      if (bit(i)) result = *Mod(Mul(result, b), m);
    }
  } else {
    // Fixed 4-bit windows: a quarter as many multiplications by table entries
    // as bit-at-a-time, for 14 extra products up front.
    constexpr int kWindow = 4;
    BigInt table[1 << kWindow];
    table[0] = BigInt(1);
    for (int k = 1; k < (1 << kWindow); ++k) {
      table[k] = *Mod(Mul(table[k - 1], b), m);
    }
    uint64_t top = (bits + kWindow - 1) / kWindow * kWindow;
    for (uint64_t i = top; i > 0; i -= kWindow) {
      int digit = 0;
      for (int k = 1; k <= kWindow; ++k) {
        result = *Mod(Mul(result, result), m);
        const uint64_t pos = i - k;
        digit = (digit << 1) | (pos < bits ? static_cast<int>(bit(pos)) : 0);
      }
      if (digit != 0) result = *Mod(Mul(result, table[digit]), m);
    }
  }
  if (modulus.negative_ && !result.IsZero()) result = Sub(result, m);
  return result;
}

BigInt BigInt::Gcd(const BigInt& a, const BigInt& b) {
  BigInt x = a.Abs();
  BigInt y = b.Abs();
  while (!y.IsZero()) {
    if (x.FitsInt64() && y.FitsInt64()) {
      // Both below 2**63 once non-negative: finish natively.
      uint64_t u = static_cast<uint64_t>(x.ToInt64());
      uint64_t v = static_cast<uint64_t>(y.ToInt64());
      while (v != 0) {
        const uint64_t t = u % v;
        u = v;
        v = t;
      }
      return FromUint64(u);
    }
    BigInt r = *Mod(x, y);
    x = std::move(y);
    y = std::move(r);
  }
  return x;
}

}  // namespace minidynamo
