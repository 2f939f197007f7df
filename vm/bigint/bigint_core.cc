// Construction, comparison, int64/float conversion and hashing.
#include <cmath>
#include <cstdint>
#include <limits>
#include <utility>

#include "absl/numeric/bits.h"
#include "vm/bigint/bigint.h"
#include "vm/bigint/bigint_mag.h"

namespace minidynamo {

using bigint_internal::CompareMag;

BigInt::BigInt(int64_t value) : negative_(value < 0) {
  // Negating through uint64 keeps INT64_MIN well defined.
  uint64_t u = negative_ ? 0 - static_cast<uint64_t>(value)
                         : static_cast<uint64_t>(value);
  while (u != 0) {
    mag_.push_back(static_cast<Limb>(u));
    u >>= 32;
  }
}

BigInt::BigInt(bool negative, Limbs mag)
    : negative_(negative), mag_(std::move(mag)) {
  Normalize();
}

BigInt BigInt::FromMagnitude(bool negative, Limbs mag) {
  return BigInt(negative, std::move(mag));
}

void BigInt::Normalize() {
  bigint_internal::TrimLimbs(&mag_);
  if (mag_.empty()) negative_ = false;
}

BigInt BigInt::FromUint64(uint64_t value) {
  Limbs mag;
  while (value != 0) {
    mag.push_back(static_cast<Limb>(value));
    value >>= 32;
  }
  return BigInt(false, std::move(mag));
}

absl::StatusOr<BigInt> BigInt::FromDouble(double value) {
  if (std::isnan(value)) {
    return absl::InvalidArgumentError("cannot convert float NaN to integer");
  }
  if (std::isinf(value)) {
    return absl::OutOfRangeError("cannot convert float infinity to integer");
  }
  const double t = std::trunc(value);
  if (std::fabs(t) < 9223372036854775808.0) {
    return BigInt(static_cast<int64_t>(t));
  }
  // |t| = m * 2**exp with m in [0.5, 1): its 53-bit mantissa, shifted into
  // place.
  int exp = 0;
  const double m = std::frexp(std::fabs(t), &exp);
  const uint64_t mantissa = static_cast<uint64_t>(std::ldexp(m, 53));
  BigInt r =
      ShiftLeftBits(FromUint64(mantissa), static_cast<uint64_t>(exp - 53));
  r.negative_ = t < 0;
  return r;
}

bool BigInt::FitsInt64() const {
  if (mag_.size() <= 1) return true;
  if (mag_.size() > 2) return false;
  const uint64_t u = (uint64_t{mag_[1]} << 32) | mag_[0];
  return negative_ ? u <= (uint64_t{1} << 63) : u < (uint64_t{1} << 63);
}

int64_t BigInt::ToInt64() const {
  uint64_t u = 0;
  if (!mag_.empty()) u = mag_[0];
  if (mag_.size() > 1) u |= uint64_t{mag_[1]} << 32;
  return negative_ ? static_cast<int64_t>(0 - u) : static_cast<int64_t>(u);
}

absl::StatusOr<double> BigInt::ToDouble() const {
  double magnitude;
  if (mag_.size() <= 2) {
    uint64_t u = 0;
    if (!mag_.empty()) u = mag_[0];
    if (mag_.size() > 1) u |= uint64_t{mag_[1]} << 32;
    // The hardware conversion rounds half to even, as required.
    magnitude = static_cast<double>(u);
  } else {
    const uint64_t bits = BitLength();
    if (bits > 1024) {
      return absl::OutOfRangeError("int too large to convert to float");
    }
    // Keep the top 64 bits; everything below only matters as a sticky bit.
    bool sticky = false;
    const uint64_t shift = bits - 64;
    const uint64_t top =
        bigint_internal::ExtractBits(mag_.data(), mag_.size(), shift, &sticky);
    magnitude = bigint_internal::RoundAndScale(top, 64 - 53, sticky,
                                               static_cast<int64_t>(shift));
    if (std::isinf(magnitude)) {
      return absl::OutOfRangeError("int too large to convert to float");
    }
  }
  return negative_ ? -magnitude : magnitude;
}

uint64_t BigInt::BitLength() const {
  return bigint_internal::BitLengthMag(mag_.data(), mag_.size());
}

uint64_t BigInt::BitCount() const {
  uint64_t count = 0;
  for (Limb limb : mag_) count += absl::popcount(limb);
  return count;
}

int64_t BigInt::Hash() const {
  // CPython reduces |n| modulo the Mersenne prime 2**61 - 1, where multiplying
  // by 2**32 is a 61-bit rotation, then applies the sign; -1 is reserved for
  // errors.
  constexpr uint64_t kModulus = (uint64_t{1} << 61) - 1;
  uint64_t x = 0;
  for (size_t i = mag_.size(); i-- > 0;) {
    x = ((x << 32) & kModulus) | (x >> 29);
    x += mag_[i];
    if (x >= kModulus) x -= kModulus;
  }
  const int64_t h =
      negative_ ? -static_cast<int64_t>(x) : static_cast<int64_t>(x);
  return h == -1 ? -2 : h;
}

int BigInt::Compare(const BigInt& a, const BigInt& b) {
  if (a.negative_ != b.negative_) return a.negative_ ? -1 : 1;
  const int c =
      CompareMag(a.mag_.data(), a.mag_.size(), b.mag_.data(), b.mag_.size());
  return a.negative_ ? -c : c;
}

std::optional<int> BigInt::CompareWithDouble(const BigInt& a, double b) {
  if (std::isnan(b)) return std::nullopt;
  if (std::isinf(b)) return b > 0 ? -1 : 1;
  const double whole = std::trunc(b);
  // Finite, so the conversion cannot fail; the integral parts compare exactly
  // and the fraction breaks ties.
  const int c = Compare(a, *FromDouble(whole));
  if (c != 0) return c;
  const double frac = b - whole;
  return frac > 0 ? -1 : (frac < 0 ? 1 : 0);
}

BigInt BigInt::Negated() const {
  BigInt r = *this;
  if (!r.mag_.empty()) r.negative_ = !r.negative_;
  return r;
}

BigInt BigInt::Abs() const {
  BigInt r = *this;
  r.negative_ = false;
  return r;
}

const char* PythonExceptionName(const absl::Status& status) {
  switch (status.code()) {
    case absl::StatusCode::kInvalidArgument:
      return "ValueError";
    case absl::StatusCode::kOutOfRange:
      return "OverflowError";
    case absl::StatusCode::kFailedPrecondition:
      return "ZeroDivisionError";
    case absl::StatusCode::kResourceExhausted:
      return "MemoryError";
    default:
      return "";
  }
}

}  // namespace minidynamo
