// MT19937, the generator behind CPython's random module, with the seeding
// routines CPython uses (init_genrand and init_by_array of the reference code
// by Matsumoto and Nishimura).
#ifndef MINIDYNAMO_RUNTIME_RANDOM_MERSENNE_TWISTER_H_
#define MINIDYNAMO_RUNTIME_RANDOM_MERSENNE_TWISTER_H_

#include <array>
#include <cstddef>
#include <cstdint>

namespace minidynamo {

class MersenneTwister {
 public:
  static constexpr int kStateSize = 624;

  // Seeded with init_genrand(5489), the reference default; CPython always
  // reseeds before use.
  MersenneTwister();

  void InitGenrand(uint32_t seed);
  // Seeds from a key of 32-bit words; `length` may be 0 (CPython never
  // passes an empty key, it passes {0} for zero).
  void InitByArray(const uint32_t* key, size_t length);

  // The next 32 random bits (genrand_uint32).
  uint32_t Next();

  // The raw state, as random.getstate() exposes it: the 624 words and the
  // position of the next word (624 means "regenerate first").
  const std::array<uint32_t, kStateSize>& words() const { return mt_; }
  int index() const { return index_; }
  // `index` must be in [0, 624].
  void SetState(const std::array<uint32_t, kStateSize>& words, int index);

 private:
  void Regenerate();

  std::array<uint32_t, kStateSize> mt_;
  int index_ = kStateSize + 1;
};

}  // namespace minidynamo

#endif  // MINIDYNAMO_RUNTIME_RANDOM_MERSENNE_TWISTER_H_
