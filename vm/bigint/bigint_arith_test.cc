// Hand-written arithmetic tests: int64 boundaries, error messages,
// large-operand identities (Karatsuba and long division against independent
// formulas), and the speed targets.
#include <chrono>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "gtest/gtest.h"
#include "vm/bigint/bigint.h"

namespace minidynamo {
namespace {

constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
constexpr int64_t kMin = std::numeric_limits<int64_t>::min();

BigInt Parse(const std::string& s) { return *BigInt::FromString(s, 0); }

BigInt Pow2(int64_t k) { return *BigInt::LeftShift(BigInt(1), k); }

// Checks a failed status: Python exception name and message.
void ExpectError(const absl::Status& status, const std::string& type,
                 const std::string& message) {
  EXPECT_FALSE(status.ok());
  EXPECT_EQ(PythonExceptionName(status), type);
  EXPECT_EQ(status.message(), message);
}

// Deterministic pseudo-random numbers of `limbs` 32-bit limbs.
BigInt Random(uint64_t* state, int limbs, bool negative = false) {
  BigInt r;
  for (int i = 0; i < limbs; ++i) {
    *state = *state * 6364136223846793005u + 1442695040888963407u;
    r = BigInt::Add(*BigInt::LeftShift(r, 32),
                    BigInt::FromUint64((*state >> 32) | 1));
  }
  return negative ? r.Negated() : r;
}

TEST(BigIntInt64Test, ConstructionAndRoundTrip) {
  for (int64_t v :
       {int64_t{0}, int64_t{1}, int64_t{-1}, kMax, kMin, int64_t{1} << 32,
        -(int64_t{1} << 32), int64_t{4294967295}}) {
    BigInt b(v);
    EXPECT_TRUE(b.FitsInt64()) << v;
    EXPECT_EQ(b.ToInt64(), v);
    EXPECT_EQ(b.ToString(), std::to_string(v));
  }
  EXPECT_EQ(BigInt::FromUint64(18446744073709551615u).ToString(),
            "18446744073709551615");
  EXPECT_FALSE(BigInt::FromUint64(uint64_t{1} << 63).FitsInt64());
  EXPECT_TRUE(BigInt::FromUint64(uint64_t{1} << 63).Negated().FitsInt64());
  EXPECT_TRUE(BigInt().IsZero());
  EXPECT_FALSE(BigInt(0).IsNegative());
  EXPECT_EQ(BigInt(0).Negated(), BigInt(0));
  EXPECT_FALSE(BigInt(0).Negated().IsNegative());
}

TEST(BigIntInt64Test, OverflowPathsProduceExactResults) {
  EXPECT_EQ(BigInt::Add(kMax, 1).ToString(), "9223372036854775808");
  EXPECT_EQ(BigInt::Add(kMin, kMin).ToString(), "-18446744073709551616");
  EXPECT_EQ(BigInt::Sub(kMin, 1).ToString(), "-9223372036854775809");
  EXPECT_EQ(BigInt::Sub(kMax, kMin).ToString(), "18446744073709551615");
  EXPECT_EQ(BigInt::Mul(kMin, -1).ToString(), "9223372036854775808");
  EXPECT_EQ(BigInt::Mul(kMax, kMax).ToString(),
            "85070591730234615847396907784232501249");
  EXPECT_EQ(BigInt::Mul(kMin, kMin).ToString(),
            "85070591730234615865843651857942052864");
  EXPECT_EQ(BigInt::Negate(kMin).ToString(), "9223372036854775808");
  EXPECT_EQ(*BigInt::FloorDiv(BigInt(kMin), BigInt(-1)), BigInt::Negate(kMin));
  EXPECT_EQ(*BigInt::Mod(BigInt(kMin), BigInt(-1)), BigInt(0));
  // Results that fit come back small, so the VM can demote them.
  EXPECT_TRUE(BigInt::Sub(BigInt::Add(kMax, 1), BigInt(1)).FitsInt64());
  EXPECT_EQ(BigInt::Add(2, 3), BigInt(5));
}

TEST(BigIntArithTest, FloorSemantics) {
  struct Row {
    int64_t a, b, q, r;
  };
  for (const Row& row :
       {Row{7, 2, 3, 1}, Row{-7, 2, -4, 1}, Row{7, -2, -4, -1},
        Row{-7, -2, 3, -1}, Row{6, -3, -2, 0}, Row{0, -5, 0, 0}}) {
    auto qr = BigInt::DivMod(BigInt(row.a), BigInt(row.b));
    ASSERT_TRUE(qr.ok());
    EXPECT_EQ(qr->first, BigInt(row.q)) << row.a << " // " << row.b;
    EXPECT_EQ(qr->second, BigInt(row.r)) << row.a << " % " << row.b;
  }
  // The same through the multi-limb path.
  const BigInt big = Pow2(100);
  EXPECT_EQ(*BigInt::FloorDiv(big.Negated(), BigInt(3)),
            Parse("-422550200076076467165567735126"));
  EXPECT_EQ(*BigInt::Mod(big.Negated(), BigInt(3)), BigInt(2));
  EXPECT_EQ(*BigInt::Mod(big, BigInt(-3)), BigInt(-2));
}

TEST(BigIntArithTest, ErrorMessagesMatchCPython) {
  const BigInt zero;
  const BigInt big = Pow2(100);
  for (const BigInt& a : {BigInt(1), big}) {
    ExpectError(BigInt::FloorDiv(a, zero).status(), "ZeroDivisionError",
                "integer division or modulo by zero");
    ExpectError(BigInt::Mod(a, zero).status(), "ZeroDivisionError",
                "integer modulo by zero");
    ExpectError(BigInt::DivMod(a, zero).status(), "ZeroDivisionError",
                "integer division or modulo by zero");
    ExpectError(BigInt::TrueDiv(a, zero).status(), "ZeroDivisionError",
                "division by zero");
  }
  ExpectError(BigInt::PowMod(BigInt(2), BigInt(3), zero).status(), "ValueError",
              "pow() 3rd argument cannot be 0");
  ExpectError(BigInt::PowMod(BigInt(2), BigInt(-1), BigInt(4)).status(),
              "ValueError", "base is not invertible for the given modulus");
  ExpectError(BigInt::LeftShift(BigInt(1), -1).status(), "ValueError",
              "negative shift count");
  ExpectError(BigInt::RightShift(big, BigInt(-1)).status(), "ValueError",
              "negative shift count");
  ExpectError(BigInt::FromDouble(INFINITY).status(), "OverflowError",
              "cannot convert float infinity to integer");
  ExpectError(BigInt::FromDouble(-INFINITY).status(), "OverflowError",
              "cannot convert float infinity to integer");
  ExpectError(BigInt::FromDouble(NAN).status(), "ValueError",
              "cannot convert float NaN to integer");
  ExpectError(Pow2(1024).ToDouble().status(), "OverflowError",
              "int too large to convert to float");
  ExpectError(BigInt::TrueDiv(Pow2(2000), BigInt(3)).status(), "OverflowError",
              "integer division result too large for a float");
  ExpectError(BigInt(1).ToBytes(-1, false, false).status(), "ValueError",
              "length argument must be non-negative");
  ExpectError(BigInt(-1).ToBytes(1, false, false).status(), "OverflowError",
              "can't convert negative int to unsigned");
  ExpectError(BigInt(256).ToBytes(1, false, false).status(), "OverflowError",
              "int too big to convert");
  // Results past kMaxBitLength fail like CPython's MemoryError, without trying.
  EXPECT_EQ(
      PythonExceptionName(BigInt::LeftShift(BigInt(1), Pow2(64)).status()),
      std::string("MemoryError"));
  EXPECT_EQ(PythonExceptionName(
                BigInt::LeftShift(BigInt(1), int64_t{1} << 62).status()),
            std::string("MemoryError"));
  EXPECT_EQ(PythonExceptionName(BigInt::Pow(BigInt(2), Pow2(70)).status()),
            std::string("MemoryError"));
  EXPECT_EQ(PythonExceptionName(BigInt::Pow(BigInt(3), Pow2(40)).status()),
            std::string("MemoryError"));
  EXPECT_EQ(PythonExceptionName(absl::OkStatus()), std::string(""));
}

TEST(BigIntArithTest, HugeCountsThatAreStillCheap) {
  const BigInt huge = Pow2(100);
  EXPECT_EQ(*BigInt::LeftShift(BigInt(0), huge), BigInt(0));
  EXPECT_EQ(*BigInt::RightShift(BigInt(5), huge), BigInt(0));
  EXPECT_EQ(*BigInt::RightShift(BigInt(-5), huge), BigInt(-1));
  EXPECT_EQ(*BigInt::Pow(BigInt(1), huge), BigInt(1));
  EXPECT_EQ(*BigInt::Pow(BigInt(-1), huge), BigInt(1));
  EXPECT_EQ(*BigInt::Pow(BigInt(-1), BigInt::Add(huge, BigInt(1))), BigInt(-1));
  EXPECT_EQ(*BigInt::Pow(BigInt(0), huge), BigInt(0));
  EXPECT_EQ(*BigInt::Pow(BigInt(0), BigInt(0)), BigInt(1));
  EXPECT_EQ(*BigInt::PowMod(BigInt(3), huge, BigInt(1)), BigInt(0));
  EXPECT_EQ(*BigInt::PowMod(BigInt(2), BigInt(-1), BigInt(1)), BigInt(0));
  EXPECT_FALSE(BigInt::Pow(BigInt(2), BigInt(-1)).ok());
}

TEST(BigIntArithTest, PowAndModularPow) {
  EXPECT_EQ(BigInt::Pow(BigInt(2), BigInt(10000))->ToString().size(), 3011u);
  EXPECT_EQ(*BigInt::Pow(BigInt(-3), BigInt(3)), BigInt(-27));
  EXPECT_EQ(*BigInt::Pow(BigInt(12), BigInt(40)),
            Parse("14697715679690864505827555550150426126974976"));
  // 3 * 5 == 15 == 1 (mod 7), so 3**-1 == 5; a negative modulus maps into (m,
  // 0].
  EXPECT_EQ(*BigInt::PowMod(BigInt(3), BigInt(-1), BigInt(7)), BigInt(5));
  EXPECT_EQ(*BigInt::PowMod(BigInt(3), BigInt(-1), BigInt(-7)), BigInt(-2));
  EXPECT_EQ(*BigInt::PowMod(BigInt(3), BigInt(0), BigInt(-7)), BigInt(-6));
  // Fermat: a**(p-1) == 1 mod the Mersenne prime 2**127 - 1.
  const BigInt p = BigInt::Sub(Pow2(127), BigInt(1));
  const BigInt a = Parse("123456789012345678901234567890");
  EXPECT_EQ(*BigInt::PowMod(a, BigInt::Sub(p, BigInt(1)), p), BigInt(1));
  const BigInt inv = *BigInt::PowMod(a, BigInt(-1), p);
  EXPECT_EQ(*BigInt::Mod(BigInt::Mul(a, inv), p), BigInt(1));
}

TEST(BigIntArithTest, KaratsubaMatchesLimbByLimbProducts) {
  uint64_t state = 42;
  for (int na : {39, 40, 41, 64, 100, 257}) {
    for (int nb : {1, 39, 40, 60, 100, 300}) {
      const BigInt a = Random(&state, na, na % 2 == 0);
      const BigInt b = Random(&state, nb);
      // Independent reference: a * b as a sum of a * (one limb of b) << 32i,
      // each a single-limb (schoolbook) product.
      BigInt expected;
      BigInt rest = b;
      for (int i = 0; !rest.IsZero(); ++i) {
        const BigInt limb = BigInt::And(rest, BigInt(0xFFFFFFFF));
        expected = BigInt::Add(
            expected, *BigInt::LeftShift(BigInt::Mul(a, limb), 32 * i));
        rest = *BigInt::RightShift(rest, 32);
      }
      EXPECT_EQ(BigInt::Mul(a, b), expected) << na << "x" << nb;
      EXPECT_EQ(BigInt::Mul(b, a), expected) << nb << "x" << na;
    }
  }
}

TEST(BigIntArithTest, SquaringAndDivisionIdentities) {
  uint64_t state = 7;
  for (int n : {10, 40, 80, 200, 333}) {
    const BigInt a = Random(&state, n);
    const BigInt b = Random(&state, n / 2 + 1, true);
    // (a + b)**2 == a*a + 2ab + b*b exercises the squaring path against
    // products.
    const BigInt s = BigInt::Add(a, b);
    EXPECT_EQ(BigInt::Mul(s, s),
              BigInt::Add(BigInt::Add(BigInt::Mul(a, a), BigInt::Mul(b, b)),
                          BigInt::Mul(BigInt(2), BigInt::Mul(a, b))));
    auto qr = *BigInt::DivMod(a, b);
    EXPECT_EQ(BigInt::Add(BigInt::Mul(qr.first, b), qr.second), a);
    EXPECT_TRUE(qr.second.IsZero() || qr.second.IsNegative());
    EXPECT_LT(BigInt::Compare(qr.second.Abs(), b.Abs()), 0);
    EXPECT_EQ(*BigInt::FloorDiv(BigInt::Mul(a, b), b), a);
  }
}

TEST(BigIntFloatTest, CorrectRounding) {
  // 2**53 + 1 is a tie between 2**53 and 2**53 + 2: half to even goes down.
  EXPECT_EQ(*BigInt::Add(Pow2(53), BigInt(1)).ToDouble(), 9007199254740992.0);
  EXPECT_EQ(*BigInt::Add(Pow2(53), BigInt(3)).ToDouble(), 9007199254740996.0);
  // Sticky bits far below the rounding point break the tie upward.
  const BigInt tie_plus = BigInt::Add(
      *BigInt::LeftShift(BigInt::Add(Pow2(53), BigInt(1)), 100), BigInt(1));
  EXPECT_EQ(*tie_plus.ToDouble(), std::ldexp(9007199254740994.0, 100));
  EXPECT_EQ(*BigInt::TrueDiv(BigInt(1), BigInt(3)), 1.0 / 3.0);
  EXPECT_EQ(*BigInt::TrueDiv(Pow2(1100), BigInt::Mul(Pow2(1000), BigInt(3))),
            std::ldexp(1.0, 100) / 3.0);
  // Signed zero and the subnormal range.
  EXPECT_TRUE(std::signbit(*BigInt::TrueDiv(BigInt(0), BigInt(-5))));
  EXPECT_EQ(*BigInt::TrueDiv(BigInt(1), Pow2(1074)), 5e-324);
  EXPECT_EQ(*BigInt::TrueDiv(BigInt(1), Pow2(1075)), 0.0);
  EXPECT_EQ(*BigInt::TrueDiv(BigInt(3), Pow2(1076)), 5e-324);
  EXPECT_EQ(*BigInt::FromDouble(1e300),
            Parse("100000000000000005250476025520442024870446858110815915491585"
                  "411551180245798890819578637137508044786404370444383288387817"
                  "694252323536043057564479218478670698284838720092657580373783"
                  "023379478809005936895323497079994508111903896764088007465274"
                  "278014249457925878882005684283811566947219638686545940054016"
                  "0"));
  EXPECT_EQ(*BigInt::FromDouble(-2.5), BigInt(-2));
  EXPECT_EQ(BigInt::CompareWithDouble(BigInt(2), 2.5), -1);
  EXPECT_EQ(BigInt::CompareWithDouble(BigInt(-3), -2.5), -1);
  EXPECT_EQ(BigInt::CompareWithDouble(Pow2(1024), 1.7976931348623157e308), 1);
  EXPECT_EQ(BigInt::CompareWithDouble(Pow2(2000), INFINITY), -1);
  EXPECT_EQ(BigInt::CompareWithDouble(Pow2(60), std::ldexp(1.0, 60)), 0);
  EXPECT_FALSE(BigInt::CompareWithDouble(BigInt(1), NAN).has_value());
}

TEST(BigIntBitsTest, TwosComplementSemantics) {
  EXPECT_EQ(BigInt::And(BigInt(-1), Pow2(100)), Pow2(100));
  EXPECT_EQ(BigInt::Or(BigInt(-8), BigInt(3)), BigInt(-5));
  EXPECT_EQ(BigInt::Xor(BigInt(-1), Pow2(64)),
            BigInt::Sub(Pow2(64).Negated(), BigInt(1)));
  EXPECT_EQ(BigInt::And(Pow2(64).Negated(), Pow2(64).Negated()),
            Pow2(64).Negated());
  EXPECT_EQ(BigInt(5).Invert(), BigInt(-6));
  EXPECT_EQ(*BigInt::RightShift(BigInt(-1), 1000), BigInt(-1));
  EXPECT_EQ(*BigInt::RightShift(BigInt::Sub(BigInt(0), Pow2(64)), 64),
            BigInt(-1));
  EXPECT_EQ(*BigInt::RightShift(BigInt::Sub(BigInt(-1), Pow2(64)), 64),
            BigInt(-2));
  EXPECT_EQ(Pow2(100).BitLength(), 101u);
  EXPECT_EQ(BigInt::Sub(BigInt(0), Pow2(100)).BitCount(), 1u);
  EXPECT_EQ(BigInt(0).BitLength(), 0u);
}

TEST(BigIntHashTest, MatchesCPython) {
  EXPECT_EQ(Pow2(100).Hash(), 549755813888);
  EXPECT_EQ(BigInt(-1).Hash(), -2);
  EXPECT_EQ(BigInt(-2).Hash(), -2);
  EXPECT_EQ(BigInt::Sub(Pow2(61), BigInt(1)).Hash(), 0);
  EXPECT_EQ(Pow2(61).Negated().Hash(), -2);
  EXPECT_EQ(BigInt(kMin).Hash(), -4);
  EXPECT_EQ(BigInt(12345).Hash(), 12345);
}

TEST(BigIntBytesTest, RoundTrips) {
  EXPECT_EQ(*BigInt(-128).ToBytes(1, false, true), std::string("\x80", 1));
  EXPECT_EQ(*BigInt(1024).ToBytes(4, true, false),
            std::string("\x00\x04\x00\x00", 4));
  EXPECT_EQ(*BigInt(-1).ToBytes(0, false, true), "");  // a CPython quirk
  EXPECT_EQ(BigInt::FromBytes(std::string("\xff\xff", 2), false, true),
            BigInt(-1));
  EXPECT_EQ(BigInt::FromBytes(std::string("\xff\xff", 2), false, false),
            BigInt(65535));
  EXPECT_EQ(BigInt::FromBytes("", false, true), BigInt(0));
  uint64_t state = 3;
  const BigInt big = Random(&state, 20, true);
  for (bool little : {false, true}) {
    auto bytes = big.ToBytes(81, little, true);
    ASSERT_TRUE(bytes.ok());
    EXPECT_EQ(BigInt::FromBytes(*bytes, little, true), big);
  }
}

double Millis(std::chrono::steady_clock::duration d) {
  return std::chrono::duration<double, std::milli>(d).count();
}

// Generous bounds (the README lists measured times) so a loaded machine passes,
// but a quadratic-to-cubic regression does not.
TEST(BigIntSpeedTest, FactorialAndPowerPrinting) {
  const auto start = std::chrono::steady_clock::now();
  BigInt f(1);
  for (int i = 2; i <= 5000; ++i) f = BigInt::Mul(f, BigInt(i));
  const std::string s = f.ToString();
  const double elapsed = Millis(std::chrono::steady_clock::now() - start);
  EXPECT_EQ(s.size(), 16326u);
  EXPECT_EQ(s.substr(0, 10), "4228577926");
  EXPECT_EQ(*BigInt::FromString(s), f);
  EXPECT_LT(elapsed, 500.0);

  const auto start2 = std::chrono::steady_clock::now();
  const std::string p = BigInt::Pow(BigInt(2), BigInt(10000))->ToString();
  EXPECT_LT(Millis(std::chrono::steady_clock::now() - start2), 100.0);
  EXPECT_EQ(p.substr(0, 12), "199506311688");
  EXPECT_EQ(p.substr(p.size() - 6), "709376");
}

}  // namespace
}  // namespace minidynamo
