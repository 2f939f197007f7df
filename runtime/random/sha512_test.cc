#include "runtime/random/sha512.h"

#include <string>

#include "gtest/gtest.h"

namespace minidynamo {
namespace {

std::string Hex(const std::array<uint8_t, 64>& digest) {
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  for (uint8_t b : digest) {
    out.push_back(kHex[b >> 4]);
    out.push_back(kHex[b & 15]);
  }
  return out;
}

// bytes(i * 7 % 256 for i in range(n)), whose digests hashlib gave.
std::string Pattern(int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out.push_back(static_cast<char>(i * 7 % 256));
  return out;
}

TEST(Sha512Test, FipsVectors) {
  EXPECT_EQ(Hex(Sha512("")),
            "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce"
            "47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e");
  EXPECT_EQ(Hex(Sha512("abc")),
            "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
            "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f");
  EXPECT_EQ(Hex(Sha512("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijkl"
                       "mnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnop"
                       "qrstu")),
            "8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018"
            "501d289e4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b874be909");
}

TEST(Sha512Test, PaddingEdges) {
  // Lengths around the 112-byte point where the length field spills into a
  // second block, and around whole blocks.
  EXPECT_EQ(Hex(Sha512(Pattern(111))),
            "d2026b9857418e96d800f55017d1c1566c027453ff240da88f0a25558fabf5d6"
            "ffbe00bb14bc04f120af1cac53f21cb4a81765140b9249f52aaab4935079dd94");
  EXPECT_EQ(Hex(Sha512(Pattern(112))),
            "4dc754b8985c03b8015b1efd61af5c05828b6d07eecda8d90dd5863f7704bd37"
            "5905932f2fbdeb4ee1b754a7778e4a0327e7d75b71ae95d1f619136e27564467");
  EXPECT_EQ(Hex(Sha512(Pattern(127))),
            "78de13cc28717e3ee7a3cb21b2ecac6d201f32f4a81bc1becdf9de5126e1a013"
            "9e25784aeb8baf327cc32f98d54d20e80e61d4d6bff5b37872fdaa645a4f3886");
  EXPECT_EQ(Hex(Sha512(Pattern(128))),
            "6e7f10bc87eacc3e98014eaade39e273285ba13c79231361c24c304a8d409018"
            "f543a28847fcc829b87fdde605caa5ab5fdb00e296737fa4687d5ee8d130ceea");
  EXPECT_EQ(Hex(Sha512(Pattern(129))),
            "cdc5b3e2f22ed03935760389c88672f8b3c867503aff012d5f9653e426c9b530"
            "e091356459108edadc8e09a444a50415b30d38f9d75cb8c456fec0ae3ca6901f");
  EXPECT_EQ(Hex(Sha512(Pattern(239))),
            "d29cefaac62d3e8acd367abe0804c702a4848773ada2ad537619bc5c29a3a1f0"
            "c7d58c639638ede6869cf43536bb0530c2e8cee6b29ac3999e1216b6e88bab4f");
  EXPECT_EQ(Hex(Sha512(Pattern(240))),
            "44f1b40dcf17562fc7119b65ea16035838ccb0438092ef3c7ba8011fda5448d6"
            "ccff715c5d17e4e399154938c8e89be6cf724018868cac11f383709af4e0d0e5");
  EXPECT_EQ(Hex(Sha512(Pattern(1000))),
            "5c3d2be85b82f8ace3dbd4cf34e814cf68201a9f3e5730253ee42fd46fbe6db2"
            "e68ab158e76a103df431f3ad279d8fa3ff6b148e21ced56feb321a6d28d101f1");
}

}  // namespace
}  // namespace minidynamo
