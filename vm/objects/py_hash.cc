#include "vm/objects/py_hash.h"

#include <cstring>
#include <string>

#include "vm/objects/str.h"

namespace minidynamo {
namespace {

inline uint64_t Rotate(uint64_t x, int b) { return (x << b) | (x >> (64 - b)); }

inline void HalfRound(uint64_t& a, uint64_t& b, uint64_t& c, uint64_t& d, int s,
                      int t) {
  a += b;
  c += d;
  b = Rotate(b, s) ^ a;
  d = Rotate(d, t) ^ c;
  a = Rotate(a, 32);
}

inline void Round(uint64_t& v0, uint64_t& v1, uint64_t& v2, uint64_t& v3) {
  HalfRound(v0, v1, v2, v3, 13, 16);
  HalfRound(v2, v1, v0, v3, 17, 21);
}

// SipHash with one compression and three finalization rounds (CPython's
// default since 3.11), key k0 = k1 = 0, little-endian input words.
uint64_t SipHash13(const unsigned char* in, size_t size) {
  uint64_t b = static_cast<uint64_t>(size) << 56;
  uint64_t v0 = 0x736f6d6570736575ull;
  uint64_t v1 = 0x646f72616e646f6dull;
  uint64_t v2 = 0x6c7967656e657261ull;
  uint64_t v3 = 0x7465646279746573ull;
  while (size >= 8) {
    uint64_t m;
    std::memcpy(&m, in, 8);  // x86-64 is little endian, as the hash wants.
    in += 8;
    size -= 8;
    v3 ^= m;
    Round(v0, v1, v2, v3);
    v0 ^= m;
  }
  uint64_t t = 0;
  for (size_t i = 0; i < size; ++i)
    t |= static_cast<uint64_t>(in[i]) << (8 * i);
  b |= t;
  v3 ^= b;
  Round(v0, v1, v2, v3);
  v0 ^= b;
  v2 ^= 0xff;
  Round(v0, v1, v2, v3);
  Round(v0, v1, v2, v3);
  Round(v0, v1, v2, v3);
  return (v0 ^ v1) ^ (v2 ^ v3);
}

int64_t HashData(const unsigned char* data, size_t size) {
  if (size == 0) return 0;
  int64_t h = static_cast<int64_t>(SipHash13(data, size));
  return h == -1 ? -2 : h;
}

}  // namespace

int64_t PyHashBytes(std::string_view bytes) {
  return HashData(reinterpret_cast<const unsigned char*>(bytes.data()),
                  bytes.size());
}

int64_t PyHashStrUtf8(std::string_view utf8, bool is_ascii) {
  if (is_ascii) return PyHashBytes(utf8);
  uint32_t max = 0;
  for (size_t i = 0; i < utf8.size();) {
    uint32_t cp = DecodeUtf8(utf8, &i);
    if (cp > max) max = cp;
  }
  size_t width = max < 0x100 ? 1 : max < 0x10000 ? 2 : 4;
  std::string units;
  units.reserve(utf8.size() * width);
  for (size_t i = 0; i < utf8.size();) {
    uint32_t cp = DecodeUtf8(utf8, &i);
    for (size_t k = 0; k < width; ++k) {
      units.push_back(static_cast<char>((cp >> (8 * k)) & 0xFF));
    }
  }
  return PyHashBytes(units);
}

}  // namespace minidynamo
