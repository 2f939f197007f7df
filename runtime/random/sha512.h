// SHA-512 (FIPS 180-4), which random.seed() needs for str and bytes seeds.
#ifndef MINIDYNAMO_RUNTIME_RANDOM_SHA512_H_
#define MINIDYNAMO_RUNTIME_RANDOM_SHA512_H_

#include <array>
#include <cstdint>
#include <string_view>

namespace minidynamo {

std::array<uint8_t, 64> Sha512(std::string_view data);

}  // namespace minidynamo

#endif  // MINIDYNAMO_RUNTIME_RANDOM_SHA512_H_
