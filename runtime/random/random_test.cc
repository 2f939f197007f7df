#include "runtime/random/random.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <numeric>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "gtest/gtest.h"

namespace minidynamo {
namespace {

std::vector<std::vector<std::string>> ReadGolden() {
  std::string path = "runtime/random/testdata/golden.txt";
  if (const char* srcdir = std::getenv("TEST_SRCDIR")) {
    path = std::string(srcdir) + "/minidynamo/" + path;
  }
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr, "cannot read %s\n", path.c_str());
    std::abort();
  }
  std::vector<std::vector<std::string>> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    rows.push_back(absl::StrSplit(line, '\t'));
  }
  return rows;
}

// Hex digits to little-endian 32-bit words.
std::vector<uint32_t> HexToWords(const std::string& hex) {
  std::vector<uint32_t> words;
  for (size_t end = hex.size(); end > 0;) {
    const size_t begin = end >= 8 ? end - 8 : 0;
    words.push_back(static_cast<uint32_t>(
        std::stoul(hex.substr(begin, end - begin), nullptr, 16)));
    end = begin;
  }
  return words;
}

std::string WordsToHex(const std::vector<uint32_t>& words) {
  std::string out;
  char buf[9];
  size_t top = words.size();
  while (top > 0 && words[top - 1] == 0)
    --top;  // Python's hex() has no
            // leading zeros.
  for (size_t i = top; i-- > 0;) {
    std::snprintf(buf, sizeof(buf), out.empty() ? "%x" : "%08x", words[i]);
    out += buf;
  }
  return out.empty() ? "0" : out;
}

std::string Bits(double d) {
  uint64_t bits;
  std::memcpy(&bits, &d, sizeof(d));
  char buf[17];
  std::snprintf(buf, sizeof(buf), "%016llx",
                static_cast<unsigned long long>(bits));
  return buf;
}

int64_t Int(const std::string& s) {
  int64_t v;
  if (!absl::SimpleAtoi(s, &v)) {
    std::fprintf(stderr, "not an int64: %s\n", s.c_str());
    std::abort();
  }
  return v;
}

std::string HexToBytes(const std::string& hex) {
  std::string out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    out.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
  }
  return out;
}

std::string BytesToHex(const std::string& bytes) {
  std::string out;
  char buf[3];
  for (unsigned char c : bytes) {
    std::snprintf(buf, sizeof(buf), "%02x", c);
    out += buf;
  }
  return out;
}

std::string ErrorName(const absl::Status& status) {
  return status.code() == absl::StatusCode::kOutOfRange ? "IndexError"
                                                        : "ValueError";
}

// Replays every operation of golden.txt on one generator and compares.
TEST(RandomTest, MatchesCPythonGolden) {
  Random r(0);
  int checked = 0;
  int failures = 0;
  for (const auto& row : ReadGolden()) {
    const std::string& op = row[0];
    std::string want = row.back();
    std::string got;
    if (op == "seed_int") {
      std::vector<uint32_t> words = HexToWords(row[2]);
      r.SeedWords(words);
      continue;
    } else if (op == "seed_bytes") {
      r.SeedBytes(HexToBytes(row[1]));
      continue;
    } else if (op == "seed_hash") {
      r.SeedHash(Int(row[1]));
      continue;
    } else if (op == "random") {
      got = Bits(r.NextDouble());
    } else if (op == "randint") {
      got = std::to_string(*r.RandInt(Int(row[1]), Int(row[2])));
    } else if (op == "randrange") {
      got = std::to_string(*r.RandRange(Int(row[1]), Int(row[2]), Int(row[3])));
    } else if (op == "randrange1") {
      got = std::to_string(*r.RandRange(Int(row[1])));
    } else if (op == "shuffle") {
      std::vector<int> items(Int(row[1]));
      std::iota(items.begin(), items.end(), 0);
      r.Shuffle(&items);
      got = absl::StrJoin(items, " ");
    } else if (op == "choice") {
      got = std::to_string(*r.ChoiceIndex(Int(row[1])));
    } else if (op == "getrandbits") {
      const int64_t k = Int(row[1]);
      got = WordsToHex(*r.GetRandBits(k));
    } else if (op == "randbelow_words") {
      got = WordsToHex(r.RandBelowWords(HexToWords(row[1])));
    } else if (op == "uniform") {
      got = Bits(r.Uniform(std::stod(row[1]), std::stod(row[2])));
    } else if (op == "gauss") {
      got = Bits(r.Gauss(std::stod(row[1]), std::stod(row[2])));
    } else if (op == "normalvariate") {
      got = Bits(r.NormalVariate(std::stod(row[1]), std::stod(row[2])));
    } else if (op == "randbytes") {
      got = BytesToHex(*r.RandBytes(Int(row[1])));
    } else if (op == "state") {
      const Random::State s = r.GetState();
      uint32_t sum = 0;
      for (uint32_t w : s.words) sum += w;
      got = absl::StrJoin({std::to_string(s.index), std::to_string(s.words[0]),
                           std::to_string(s.words[623]), std::to_string(sum),
                           s.gauss_next ? Bits(*s.gauss_next) : "none"},
                          "\t");
      want = absl::StrJoin(row.begin() + 1, row.end(), "\t");
    } else if (op.rfind("error_", 0) == 0) {
      absl::Status status;
      if (op == "error_randint") {
        status = r.RandInt(Int(row[1]), Int(row[2])).status();
      } else if (op == "error_randrange") {
        status = r.RandRange(Int(row[1]), Int(row[2]), Int(row[3])).status();
      } else if (op == "error_randrange1") {
        status = r.RandRange(Int(row[1])).status();
      } else if (op == "error_choice") {
        status = r.ChoiceIndex(Int(row[1])).status();
      } else if (op == "error_getrandbits") {
        status = r.GetRandBits(Int(row[1])).status();
      }
      got = ErrorName(status) + "\t" + std::string(status.message());
      want = row[row.size() - 2] + "\t" + row.back();
    } else {
      ADD_FAILURE() << "unknown operation " << op;
      continue;
    }
    ++checked;
    if (got != want && ++failures <= 20) {
      ADD_FAILURE() << absl::StrJoin(row, " ") << "\n  got: " << got;
    }
  }
  EXPECT_GT(checked, 2000);
  EXPECT_EQ(failures, 0);
}

TEST(RandomTest, SeedFormsAgree) {
  // seed(n) and seed(-n) are the same; so are extra zero words.
  Random a(12345), b(-12345), c(0);
  c.SeedWords({12345, 0, 0});
  for (int i = 0; i < 10; ++i) {
    const double x = a.NextDouble();
    EXPECT_EQ(x, b.NextDouble());
    EXPECT_EQ(x, c.NextDouble());
  }
  Random d(0), e(7);
  e.SeedWords({});
  EXPECT_EQ(d.NextDouble(), e.NextDouble());
}

TEST(RandomTest, KnownFirstValues) {
  Random r(42);
  EXPECT_EQ(r.NextDouble(), 0.6394267984578837);
  EXPECT_EQ(r.NextDouble(), 0.025010755222666936);
  r.Seed(42);
  EXPECT_EQ(*r.RandInt(1, 10), 2);
}

TEST(RandomTest, StateRoundTrip) {
  Random r(99);
  r.Gauss();  // Leaves a pending value in the state.
  const Random::State saved = r.GetState();
  std::vector<double> first;
  for (int i = 0; i < 5; ++i) first.push_back(r.Gauss());
  ASSERT_TRUE(r.SetState(saved).ok());
  for (int i = 0; i < 5; ++i) EXPECT_EQ(r.Gauss(), first[i]);
  Random::State bad = saved;
  bad.index = 625;
  EXPECT_EQ(r.SetState(bad).message(), "invalid state");
}

TEST(RandomTest, GetRandBitsFastPathAgrees) {
  Random a(5), b(5);
  for (int k : {0, 1, 17, 32, 33, 64}) {
    const uint64_t fast = a.GetRandBits64(k);
    const std::vector<uint32_t> words = *b.GetRandBits(k);
    uint64_t slow = 0;
    for (size_t i = 0; i < words.size(); ++i) {
      slow |= static_cast<uint64_t>(words[i]) << (32 * i);
    }
    EXPECT_EQ(fast, slow) << k;
  }
}

}  // namespace
}  // namespace minidynamo
