// CPython 3.11's random.Random, bit for bit: the same seeds give the same
// sequences from random(), getrandbits(), randrange(), randint(), choice(),
// shuffle(), uniform(), gauss(), normalvariate() and randbytes().
//
// Python ints past int64 cross this interface as little-endian 32-bit words
// of their magnitude (what CPython's seeding and getrandbits work on), so the
// VM can convert to and from its BigInt. Errors are absl::Status with
// CPython's text: InvalidArgument for ValueError, OutOfRange for IndexError.
#ifndef MINIDYNAMO_RUNTIME_RANDOM_RANDOM_H_
#define MINIDYNAMO_RUNTIME_RANDOM_RANDOM_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "runtime/random/mersenne_twister.h"

namespace minidynamo {

class Random {
 public:
  // Like random.Random(): seeded from the system's entropy.
  Random();
  // Like random.Random(seed) for an int seed.
  explicit Random(int64_t seed);

  // --- Seeding (random.seed); each also forgets a pending gauss() value.

  // seed(n) for an int: `magnitude_words` are |n| as little-endian 32-bit
  // words (zero words at the top are ignored; empty means 0).
  void SeedWords(std::vector<uint32_t> magnitude_words);
  // seed(n) for an int that fits int64.
  void Seed(int64_t n);
  // seed(s) for str (its UTF-8 bytes), bytes and bytearray, version 2: the
  // seed is int.from_bytes(s + sha512(s).digest()).
  void SeedBytes(std::string_view bytes);
  // seed(x) for other hashable objects (float, for one): CPython seeds with
  // hash(x) reinterpreted as an unsigned 64-bit number.
  void SeedHash(int64_t hash);
  // seed() / seed(None): 624 words of system entropy.
  void SeedFromEntropy();

  // --- Core generators.

  // random(): a double in [0, 1) with 53 random bits.
  double NextDouble();
  // getrandbits(k) for 0 <= k <= 64.
  uint64_t GetRandBits64(int k);
  // getrandbits(k) for any k >= 0, as little-endian 32-bit words (k/32
  // rounded up of them); ValueError "number of bits must be non-negative".
  absl::StatusOr<std::vector<uint32_t>> GetRandBits(int64_t k);

  // --- Integers. Arguments are Python ints that fit int64; ranges wider than
  // int64 are handled exactly (randint(-2**63, 2**63 - 1) works).

  // _randbelow(n) for 0 < n <= 2**64; 128 bits so that 2**64, the width of
  // randint(-2**63, 2**63 - 1), fits.
  unsigned __int128 RandBelow(unsigned __int128 n);
  // _randbelow(n) for any n > 0 given as little-endian words.
  std::vector<uint32_t> RandBelowWords(const std::vector<uint32_t>& n);
  // randrange(stop).
  absl::StatusOr<int64_t> RandRange(int64_t stop);
  // randrange(start, stop[, step]).
  absl::StatusOr<int64_t> RandRange(int64_t start, int64_t stop,
                                    int64_t step = 1);
  // randint(a, b) = randrange(a, b + 1).
  absl::StatusOr<int64_t> RandInt(int64_t a, int64_t b);

  // --- Sequences.

  // The index choice(seq) picks for len(seq) == `length`; IndexError
  // "Cannot choose from an empty sequence" when it is 0.
  absl::StatusOr<size_t> ChoiceIndex(size_t length);
  // shuffle(x) on a sequence of `length` items, calling swap(i, j) in
  // CPython's order (i from length-1 down to 1, j = _randbelow(i + 1)).
  template <typename Swap>
  void ShuffleWith(size_t length, Swap swap) {
    for (size_t i = length; i-- > 1;) {
      const size_t j = static_cast<size_t>(RandBelow(i + 1));
      swap(i, j);
    }
  }
  template <typename T>
  void Shuffle(std::vector<T>* items) {
    ShuffleWith(items->size(), [items](size_t i, size_t j) {
      std::swap((*items)[i], (*items)[j]);
    });
  }

  // --- Distributions.

  // uniform(a, b) = a + (b - a) * random().
  double Uniform(double a, double b);
  // gauss(mu, sigma): Box-Muller, which makes values in pairs; the second is
  // kept for the next call.
  double Gauss(double mu = 0.0, double sigma = 1.0);
  // normalvariate(mu, sigma): Kinderman and Monahan's method.
  double NormalVariate(double mu = 0.0, double sigma = 1.0);
  // randbytes(n) = getrandbits(n * 8).to_bytes(n, 'little').
  absl::StatusOr<std::string> RandBytes(int64_t n);

  // --- State (getstate / setstate, version 3).

  struct State {
    std::array<uint32_t, MersenneTwister::kStateSize> words;
    int index = MersenneTwister::kStateSize;
    std::optional<double> gauss_next;
  };
  State GetState() const;
  // ValueError "invalid state" when the index is outside [0, 624].
  absl::Status SetState(const State& state);

 private:
  // getrandbits(k) for k <= 128.
  unsigned __int128 GetRandBits128(int k);

  MersenneTwister mt_;
  std::optional<double> gauss_next_;
};

}  // namespace minidynamo

#endif  // MINIDYNAMO_RUNTIME_RANDOM_RANDOM_H_
