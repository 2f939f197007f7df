#include "runtime/random/random.h"

#include <cmath>
#include <random>

#include "absl/strings/str_cat.h"
#include "runtime/random/sha512.h"

namespace minidynamo {
namespace {

using u128 = unsigned __int128;
using i128 = __int128;

int BitLength(u128 n) {
  int bits = 0;
  while (n != 0) {
    ++bits;
    n >>= 1;
  }
  return bits;
}

std::string Int128ToString(i128 v) {
  if (v == 0) return "0";
  const bool negative = v < 0;
  u128 magnitude = negative ? -static_cast<u128>(v) : static_cast<u128>(v);
  std::string digits;
  while (magnitude != 0) {
    digits.push_back(static_cast<char>('0' + static_cast<int>(magnitude % 10)));
    magnitude /= 10;
  }
  if (negative) digits.push_back('-');
  return std::string(digits.rbegin(), digits.rend());
}

// Python's // (rounds toward minus infinity).
i128 FloorDiv(i128 a, i128 b) {
  i128 q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

void StripHighZeros(std::vector<uint32_t>* words) {
  while (!words->empty() && words->back() == 0) words->pop_back();
}

}  // namespace

Random::Random() { SeedFromEntropy(); }

Random::Random(int64_t seed) { Seed(seed); }

void Random::SeedWords(std::vector<uint32_t> magnitude_words) {
  // CPython passes the fewest words that hold the value, and {0} for zero.
  StripHighZeros(&magnitude_words);
  if (magnitude_words.empty()) magnitude_words.push_back(0);
  mt_.InitByArray(magnitude_words.data(), magnitude_words.size());
  gauss_next_.reset();
}

void Random::Seed(int64_t n) {
  const uint64_t magnitude =
      n < 0 ? 0 - static_cast<uint64_t>(n) : static_cast<uint64_t>(n);
  SeedWords({static_cast<uint32_t>(magnitude),
             static_cast<uint32_t>(magnitude >> 32)});
}

void Random::SeedBytes(std::string_view bytes) {
  // int.from_bytes(bytes + digest) is big-endian: the digest's last byte is
  // the least significant.
  std::string all(bytes);
  const std::array<uint8_t, 64> digest = Sha512(bytes);
  all.append(reinterpret_cast<const char*>(digest.data()), digest.size());
  std::vector<uint32_t> words((all.size() + 3) / 4, 0);
  for (size_t i = 0; i < all.size(); ++i) {
    const size_t significance =
        all.size() - 1 - i;  // Byte index from the low end.
    words[significance / 4] |=
        static_cast<uint32_t>(static_cast<uint8_t>(all[i]))
        << (8 * (significance % 4));
  }
  SeedWords(std::move(words));
}

void Random::SeedHash(int64_t hash) {
  const uint64_t bits = static_cast<uint64_t>(hash);
  SeedWords({static_cast<uint32_t>(bits), static_cast<uint32_t>(bits >> 32)});
}

void Random::SeedFromEntropy() {
  std::random_device device;
  std::vector<uint32_t> key(MersenneTwister::kStateSize);
  for (uint32_t& word : key) word = device();
  mt_.InitByArray(key.data(), key.size());
  gauss_next_.reset();
}

double Random::NextDouble() {
  // 27 bits and 26 bits make the 53-bit mantissa.
  const uint32_t a = mt_.Next() >> 5;
  const uint32_t b = mt_.Next() >> 6;
  return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
}

u128 Random::GetRandBits128(int k) {
  if (k == 0) return 0;
  if (k <= 32) return mt_.Next() >> (32 - k);
  // Words fill from the least significant; the last one keeps its top bits.
  u128 result = 0;
  for (int shift = 0; k > 0; shift += 32, k -= 32) {
    uint32_t r = mt_.Next();
    if (k < 32) r >>= (32 - k);
    result |= static_cast<u128>(r) << shift;
  }
  return result;
}

uint64_t Random::GetRandBits64(int k) {
  return static_cast<uint64_t>(GetRandBits128(k));
}

absl::StatusOr<std::vector<uint32_t>> Random::GetRandBits(int64_t k) {
  if (k < 0) {
    return absl::InvalidArgumentError("number of bits must be non-negative");
  }
  std::vector<uint32_t> words;
  if (k == 0) return words;
  if (k <= 32) {
    words.push_back(mt_.Next() >> (32 - k));
    return words;
  }
  words.reserve(static_cast<size_t>((k + 31) / 32));
  for (; k > 0; k -= 32) {
    uint32_t r = mt_.Next();
    if (k < 32) r >>= (32 - k);
    words.push_back(r);
  }
  return words;
}

u128 Random::RandBelow(u128 n) {
  // _randbelow_with_getrandbits: k is n's bit length (not n - 1's), so a
  // power of two rejects about half the draws, as CPython does.
  const int k = BitLength(n);
  u128 r = GetRandBits128(k);
  while (r >= n) r = GetRandBits128(k);
  return r;
}

std::vector<uint32_t> Random::RandBelowWords(const std::vector<uint32_t>& n) {
  std::vector<uint32_t> limit = n;
  StripHighZeros(&limit);
  int64_t k = 0;
  if (!limit.empty()) {
    int top_bits = 0;
    for (uint32_t top = limit.back(); top != 0; top >>= 1) ++top_bits;
    k = static_cast<int64_t>(limit.size() - 1) * 32 + top_bits;
  }
  // Little-endian word vectors of equal length compare from the top.
  auto below = [&limit](const std::vector<uint32_t>& r) {
    for (size_t i = r.size(); i-- > 0;) {
      if (r[i] != limit[i]) return r[i] < limit[i];
    }
    return false;
  };
  while (true) {
    std::vector<uint32_t> r = *GetRandBits(k);
    if (below(r)) {
      StripHighZeros(&r);
      return r;
    }
  }
}

absl::StatusOr<int64_t> Random::RandRange(int64_t stop) {
  if (stop > 0) return static_cast<int64_t>(RandBelow(static_cast<u128>(stop)));
  return absl::InvalidArgumentError("empty range for randrange()");
}

absl::StatusOr<int64_t> Random::RandRange(int64_t start, int64_t stop,
                                          int64_t step) {
  // Python ints do not overflow; 128 bits hold every intermediate here.
  const i128 istart = start;
  const i128 istop = stop;
  const i128 width = istop - istart;
  const i128 istep = step;
  if (istep == 1) {
    if (width > 0) {
      return static_cast<int64_t>(
          istart + static_cast<i128>(RandBelow(static_cast<u128>(width))));
    }
    return absl::InvalidArgumentError(absl::StrCat(
        "empty range for randrange() (", Int128ToString(istart), ", ",
        Int128ToString(istop), ", ", Int128ToString(width), ")"));
  }
  i128 n;
  if (istep > 0) {
    n = FloorDiv(width + istep - 1, istep);
  } else if (istep < 0) {
    n = FloorDiv(width + istep + 1, istep);
  } else {
    return absl::InvalidArgumentError("zero step for randrange()");
  }
  if (n <= 0) return absl::InvalidArgumentError("empty range for randrange()");
  return static_cast<int64_t>(
      istart + istep * static_cast<i128>(RandBelow(static_cast<u128>(n))));
}

absl::StatusOr<int64_t> Random::RandInt(int64_t a, int64_t b) {
  // randrange(a, b + 1), where b + 1 may pass int64.
  const i128 istart = a;
  const i128 istop = static_cast<i128>(b) + 1;
  const i128 width = istop - istart;
  if (width > 0) {
    return static_cast<int64_t>(
        istart + static_cast<i128>(RandBelow(static_cast<u128>(width))));
  }
  return absl::InvalidArgumentError(absl::StrCat(
      "empty range for randrange() (", Int128ToString(istart), ", ",
      Int128ToString(istop), ", ", Int128ToString(width), ")"));
}

absl::StatusOr<size_t> Random::ChoiceIndex(size_t length) {
  if (length == 0) {
    return absl::OutOfRangeError("Cannot choose from an empty sequence");
  }
  return static_cast<size_t>(RandBelow(length));
}

double Random::Uniform(double a, double b) {
  return a + (b - a) * NextDouble();
}

double Random::Gauss(double mu, double sigma) {
  std::optional<double> z = gauss_next_;
  gauss_next_.reset();
  if (!z) {
    constexpr double kTwoPi = 6.283185307179586;  // math.tau
    const double x2pi = NextDouble() * kTwoPi;
    const double g2rad = std::sqrt(-2.0 * std::log(1.0 - NextDouble()));
    z = std::cos(x2pi) * g2rad;
    gauss_next_ = std::sin(x2pi) * g2rad;
  }
  return mu + *z * sigma;
}

double Random::NormalVariate(double mu, double sigma) {
  // random.py's NV_MAGICCONST, computed the same way.
  static const double kMagic = 4 * std::exp(-0.5) / std::sqrt(2.0);
  double z;
  while (true) {
    const double u1 = NextDouble();
    const double u2 = 1.0 - NextDouble();
    z = kMagic * (u1 - 0.5) / u2;
    const double zz = z * z / 4.0;
    if (zz <= -std::log(u2)) break;
  }
  return mu + z * sigma;
}

absl::StatusOr<std::string> Random::RandBytes(int64_t n) {
  absl::StatusOr<std::vector<uint32_t>> words = GetRandBits(n < 0 ? n : n * 8);
  if (!words.ok()) return words.status();
  std::string out(static_cast<size_t>(n), '\0');
  for (int64_t i = 0; i < n; ++i) {
    out[i] = static_cast<char>((*words)[i / 4] >> (8 * (i % 4)));
  }
  return out;
}

Random::State Random::GetState() const {
  State state;
  state.words = mt_.words();
  state.index = mt_.index();
  state.gauss_next = gauss_next_;
  return state;
}

absl::Status Random::SetState(const State& state) {
  if (state.index < 0 || state.index > MersenneTwister::kStateSize) {
    return absl::InvalidArgumentError("invalid state");
  }
  mt_.SetState(state.words, state.index);
  gauss_next_ = state.gauss_next;
  return absl::OkStatus();
}

}  // namespace minidynamo
