#include "runtime/random/mersenne_twister.h"

#include <algorithm>

namespace minidynamo {
namespace {

constexpr int kN = MersenneTwister::kStateSize;
constexpr int kM = 397;
constexpr uint32_t kMatrixA = 0x9908B0DFu;
constexpr uint32_t kUpperMask = 0x80000000u;
constexpr uint32_t kLowerMask = 0x7FFFFFFFu;

}  // namespace

MersenneTwister::MersenneTwister() { InitGenrand(5489u); }

void MersenneTwister::InitGenrand(uint32_t seed) {
  mt_[0] = seed;
  for (int i = 1; i < kN; ++i) {
    mt_[i] = 1812433253u * (mt_[i - 1] ^ (mt_[i - 1] >> 30)) +
             static_cast<uint32_t>(i);
  }
  index_ = kN;
}

void MersenneTwister::InitByArray(const uint32_t* key, size_t length) {
  InitGenrand(19650218u);
  size_t i = 1;
  size_t j = 0;
  // Mix the key in, then scramble every word once more; the constants and
  // the order are the reference code's, which CPython follows.
  for (size_t k = std::max<size_t>(kN, length); k > 0; --k) {
    mt_[i] = (mt_[i] ^ ((mt_[i - 1] ^ (mt_[i - 1] >> 30)) * 1664525u)) +
             (length > 0 ? key[j] : 0u) + static_cast<uint32_t>(j);
    ++i;
    ++j;
    if (i >= kN) {
      mt_[0] = mt_[kN - 1];
      i = 1;
    }
    if (j >= length) j = 0;
  }
  for (size_t k = kN - 1; k > 0; --k) {
    mt_[i] = (mt_[i] ^ ((mt_[i - 1] ^ (mt_[i - 1] >> 30)) * 1566083941u)) -
             static_cast<uint32_t>(i);
    ++i;
    if (i >= kN) {
      mt_[0] = mt_[kN - 1];
      i = 1;
    }
  }
  mt_[0] = 0x80000000u;  // Makes the initial state non-zero.
  index_ = kN;
}

void MersenneTwister::Regenerate() {
  auto twist = [](uint32_t upper, uint32_t lower, uint32_t far) {
    const uint32_t y = (upper & kUpperMask) | (lower & kLowerMask);
    return far ^ (y >> 1) ^ ((y & 1u) ? kMatrixA : 0u);
  };
  int k = 0;
  for (; k < kN - kM; ++k) mt_[k] = twist(mt_[k], mt_[k + 1], mt_[k + kM]);
  for (; k < kN - 1; ++k) {
    mt_[k] = twist(mt_[k], mt_[k + 1], mt_[k + (kM - kN)]);
  }
  mt_[kN - 1] = twist(mt_[kN - 1], mt_[0], mt_[kM - 1]);
  index_ = 0;
}

uint32_t MersenneTwister::Next() {
  if (index_ >= kN) Regenerate();
  uint32_t y = mt_[index_++];
  y ^= y >> 11;
  y ^= (y << 7) & 0x9D2C5680u;
  y ^= (y << 15) & 0xEFC60000u;
  y ^= y >> 18;
  return y;
}

void MersenneTwister::SetState(const std::array<uint32_t, kStateSize>& words,
                               int index) {
  mt_ = words;
  index_ = index;
}

}  // namespace minidynamo
