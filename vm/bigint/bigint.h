// Arbitrary-precision integers with exactly Python 3.11's `int` semantics.
//
// The VM keeps small ints inline as int64 and switches to a BigInt when an
// operation overflows; every operation here matches CPython's results and error
// messages (floor division, infinite two's complement bitwise ops, correctly
// rounded int-to-float and int/int, hash modulo 2**61-1, int(s, base) parsing
// rules).
//
// Representation: sign + magnitude in 32-bit limbs, least significant first, no
// leading zero limbs; zero is an empty magnitude and never negative. 32-bit
// limbs keep every product and the Knuth division step inside native uint64
// arithmetic (no
// __int128, no compiler intrinsics), and up to 128 bits live inline without a
// heap allocation, which keeps the VM's int64-overflow path cheap.
//
// Errors: fallible operations return absl::Status carrying CPython's message;
// the code names the Python exception (see PythonExceptionName):
//   kInvalidArgument    -> ValueError
//   kOutOfRange         -> OverflowError
//   kFailedPrecondition -> ZeroDivisionError
//   kResourceExhausted  -> MemoryError (result would exceed kMaxBitLength)
#ifndef MINIDYNAMO_VM_BIGINT_BIGINT_H_
#define MINIDYNAMO_VM_BIGINT_BIGINT_H_

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>

#include "absl/container/inlined_vector.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace minidynamo {

class BigInt {
 public:
  using Limb = uint32_t;
  using Limbs = absl::InlinedVector<Limb, 4>;
  static constexpr int kLimbBits = 32;
  // Results larger than this (2**33 bits, 1 GiB) fail with MemoryError instead
  // of attempting the allocation, as CPython does for `1 << 2**62`.
  static constexpr uint64_t kMaxBitLength = uint64_t{1} << 33;

  BigInt() = default;  // zero
  explicit BigInt(int64_t value);

  static BigInt FromInt64(int64_t value) { return BigInt(value); }
  static BigInt FromUint64(uint64_t value);
  // int(float): truncates toward zero; OverflowError for inf, ValueError for
  // nan.
  static absl::StatusOr<BigInt> FromDouble(double value);
  // int(text, base) for a UTF-8 str: base 0 or 2..36, surrounding whitespace
  // (Unicode too), sign, single underscores between digits, 0x/0o/0b prefixes,
  // Unicode decimal digits. `max_str_digits` > 0 applies
  // sys.get_int_max_str_digits() to bases that are not powers of two; 0 means
  // no limit.
  static absl::StatusOr<BigInt> FromString(std::string_view text, int base = 10,
                                           int64_t max_str_digits = 0);
  // int.from_bytes(bytes, byteorder, signed=...).
  static BigInt FromBytes(std::string_view bytes, bool little_endian,
                          bool is_signed);

  bool IsZero() const { return mag_.empty(); }
  bool IsNegative() const { return negative_; }
  int Sign() const { return negative_ ? -1 : (mag_.empty() ? 0 : 1); }
  bool IsOdd() const { return !mag_.empty() && (mag_[0] & 1) != 0; }

  bool FitsInt64() const;
  // Precondition: FitsInt64().
  int64_t ToInt64() const;
  // float(n), correctly rounded (half to even); OverflowError past DBL_MAX.
  absl::StatusOr<double> ToDouble() const;

  uint64_t BitLength() const;  // int.bit_length()
  uint64_t BitCount() const;   // int.bit_count()
  int64_t Hash() const;        // hash(n) on 64-bit CPython

  // Digits in `base` (2..36, lowercase, '-' for negatives, no prefix): str(n)
  // for 10. A base outside 2..36 prints base 10.
  std::string ToString(int base = 10) const;
  // bin(n), oct(n), hex(n) for base 2, 8, 16: "0b101", "-0x1f".
  std::string ToPrefixedString(int base) const;
  // str(n) under sys.set_int_max_str_digits(max_str_digits) (0 means no limit).
  absl::StatusOr<std::string> ToDecimalString(int64_t max_str_digits) const;
  // int.to_bytes(length, byteorder, signed=...) as raw bytes.
  absl::StatusOr<std::string> ToBytes(int64_t length, bool little_endian,
                                      bool is_signed) const;

  // Arithmetic. The int64 overloads are the VM's overflow path: exact results
  // of operations whose int64 fast path overflowed.
  static BigInt Add(const BigInt& a, const BigInt& b);
  static BigInt Sub(const BigInt& a, const BigInt& b);
  static BigInt Mul(const BigInt& a, const BigInt& b);
  static BigInt Add(int64_t a, int64_t b);
  static BigInt Sub(int64_t a, int64_t b);
  static BigInt Mul(int64_t a, int64_t b);
  static BigInt Negate(int64_t a);
  // a // b, a % b, divmod(a, b): floor semantics, remainder has the divisor's
  // sign.
  static absl::StatusOr<BigInt> FloorDiv(const BigInt& a, const BigInt& b);
  static absl::StatusOr<BigInt> Mod(const BigInt& a, const BigInt& b);
  static absl::StatusOr<std::pair<BigInt, BigInt>> DivMod(const BigInt& a,
                                                          const BigInt& b);
  // a / b correctly rounded, as CPython's int true division.
  static absl::StatusOr<double> TrueDiv(const BigInt& a, const BigInt& b);
  // a ** b for b >= 0 (a negative b is the caller's float path: ValueError
  // here).
  static absl::StatusOr<BigInt> Pow(const BigInt& base, const BigInt& exponent);
  // pow(base, exponent, modulus); a negative exponent uses the modular inverse.
  static absl::StatusOr<BigInt> PowMod(const BigInt& base,
                                       const BigInt& exponent,
                                       const BigInt& modulus);
  // math.gcd(a, b): non-negative.
  static BigInt Gcd(const BigInt& a, const BigInt& b);

  BigInt Negated() const;
  BigInt Abs() const;
  BigInt Invert() const;  // ~n == -n - 1

  // a << n and a >> n (floors for negatives); ValueError for a negative count.
  static absl::StatusOr<BigInt> LeftShift(const BigInt& a, const BigInt& count);
  static absl::StatusOr<BigInt> RightShift(const BigInt& a,
                                           const BigInt& count);
  static absl::StatusOr<BigInt> LeftShift(const BigInt& a, int64_t count);
  static absl::StatusOr<BigInt> RightShift(const BigInt& a, int64_t count);
  // Bitwise ops on the infinite two's complement form of both operands.
  static BigInt And(const BigInt& a, const BigInt& b);
  static BigInt Or(const BigInt& a, const BigInt& b);
  static BigInt Xor(const BigInt& a, const BigInt& b);

  // -1, 0 or 1.
  static int Compare(const BigInt& a, const BigInt& b);
  // Exact comparison of an int with a float (as Python's `n < x`); nullopt for
  // NaN.
  static std::optional<int> CompareWithDouble(const BigInt& a, double b);

  friend bool operator==(const BigInt& a, const BigInt& b) {
    return a.negative_ == b.negative_ && a.mag_ == b.mag_;
  }
  friend bool operator!=(const BigInt& a, const BigInt& b) { return !(a == b); }
  friend bool operator<(const BigInt& a, const BigInt& b) {
    return Compare(a, b) < 0;
  }
  friend bool operator<=(const BigInt& a, const BigInt& b) {
    return Compare(a, b) <= 0;
  }
  friend bool operator>(const BigInt& a, const BigInt& b) {
    return Compare(a, b) > 0;
  }
  friend bool operator>=(const BigInt& a, const BigInt& b) {
    return Compare(a, b) >= 0;
  }
  friend BigInt operator+(const BigInt& a, const BigInt& b) {
    return Add(a, b);
  }
  friend BigInt operator-(const BigInt& a, const BigInt& b) {
    return Sub(a, b);
  }
  friend BigInt operator*(const BigInt& a, const BigInt& b) {
    return Mul(a, b);
  }
  friend BigInt operator-(const BigInt& a) { return a.Negated(); }
  friend std::ostream& operator<<(std::ostream& os, const BigInt& n) {
    return os << n.ToString();
  }

 private:
  BigInt(bool negative, Limbs mag);
  // Drops leading zero limbs and clears the sign of zero.
  void Normalize();
  static BigInt FromMagnitude(bool negative, Limbs mag);
  // Floor division core shared by FloorDiv, Mod and DivMod; b must be nonzero.
  static void FloorDivModNonZero(const BigInt& a, const BigInt& b, BigInt* q,
                                 BigInt* r);
  static BigInt ShiftLeftBits(const BigInt& a, uint64_t bits);
  static BigInt ShiftRightBits(const BigInt& a, uint64_t bits);
  static BigInt Bitwise(const BigInt& a, const BigInt& b, char op);

  bool negative_ = false;
  Limbs mag_;  // little-endian limbs, no leading zeros
};

// "ValueError", "OverflowError", "ZeroDivisionError" or "MemoryError" for a
// status returned by BigInt; "" for OK or a code BigInt does not use.
const char* PythonExceptionName(const absl::Status& status);

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_BIGINT_BIGINT_H_
