#include "vm/format/percent_format.h"

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "gtest/gtest.h"
#include "vm/format/golden.h"

namespace minidynamo {
namespace {

double FromBits(const std::string& hex) {
  const uint64_t bits = std::stoull(hex, nullptr, 16);
  double d;
  std::memcpy(&d, &bits, sizeof(d));
  return d;
}

absl::StatusOr<int64_t> NoStar() {
  return absl::InternalError("unexpected '*'");
}

TEST(PercentFormatTest, MatchesCPythonGolden) {
  MismatchLog log;
  int rows = 0;
  for (const auto& row : ReadGolden("percent_format.txt")) {
    ++rows;
    const std::string& directive = row[0];
    const std::string& kind = row[1];
    const std::string& value = row[2];
    absl::StatusOr<PercentSpec> spec = ParsePercentSpec(directive, 0, NoStar);
    auto check = [&](const char* how, const absl::StatusOr<std::string>& got) {
      const std::string diff = CompareOutcome(got, row[3], row[4]);
      if (!diff.empty()) {
        log.Add(std::string(how) + " '" + directive + "' % " + value + ": " +
                diff);
      }
    };
    if (!spec.ok()) {
      check("parse", spec.status());
      continue;
    }
    if (spec->end != directive.size()) {
      log.Add("'" + directive + "': directive not consumed");
      continue;
    }
    if (kind == "i") {
      const bool negative = value[0] == '-';
      check("bigint",
            PercentFormatBigInt(*spec, negative,
                                negative ? value.substr(1) : value, 10));
      int64_t small;
      if (absl::SimpleAtoi(value, &small)) {
        check("int64", PercentFormatInt64(*spec, small));
      }
    } else if (kind == "f") {
      check("float", PercentFormatFloat(*spec, FromBits(value)));
    } else {
      check("text", PercentFormatText(*spec, value));
    }
  }
  EXPECT_GT(rows, 3000);
  EXPECT_EQ(log.count(), 0) << log.report();
}

TEST(PercentFormatTest, ParsesKeysStarsAndPercent) {
  absl::StatusOr<PercentSpec> spec = ParsePercentSpec("%%", 0, NoStar);
  ASSERT_TRUE(spec.ok());
  EXPECT_EQ(spec->conversion, '%');
  EXPECT_EQ(spec->end, 2u);

  spec = ParsePercentSpec("x%(na(m)e)-5d!", 1, NoStar);
  ASSERT_TRUE(spec.ok());
  EXPECT_TRUE(spec->has_key);
  EXPECT_EQ(spec->key, "na(m)e");
  EXPECT_TRUE(spec->left_adjust);
  EXPECT_EQ(spec->width, 5);
  EXPECT_EQ(spec->conversion, 'd');
  EXPECT_EQ(spec->end, 13u);

  std::vector<int64_t> stars = {-6, -2};
  size_t next = 0;
  auto star = [&]() -> absl::StatusOr<int64_t> { return stars[next++]; };
  spec = ParsePercentSpec("%*.*f", 0, star);
  ASSERT_TRUE(spec.ok());
  EXPECT_TRUE(spec->left_adjust);
  EXPECT_EQ(spec->width, 6);
  EXPECT_EQ(spec->precision, 0);
  EXPECT_EQ(PercentFormatFloat(*spec, 2.5), "2     ");
}

TEST(PercentFormatTest, Errors) {
  EXPECT_EQ(ParsePercentSpec("%", 0, NoStar).status().message(),
            "incomplete format");
  EXPECT_EQ(ParsePercentSpec("%(a", 0, NoStar).status().message(),
            "incomplete format key");
  EXPECT_EQ(ParsePercentSpec("%5.", 0, NoStar).status().message(),
            "incomplete format");
  EXPECT_EQ(ParsePercentSpec("%.99999999999f", 0, NoStar).status().message(),
            "precision too big");
  absl::StatusOr<PercentSpec> spec =
      ParsePercentSpec("\xE2\x82\xAC %q", 2 + 2, NoStar);  // "€ %q"
  ASSERT_TRUE(spec.ok());
  EXPECT_FALSE(IsPercentConversion(spec->conversion));
  EXPECT_EQ(UnsupportedFormatCharacterMessage(*spec),
            "unsupported format character 'q' (0x71) at index 3");
  spec = ParsePercentSpec("%\xE2\x82\xAC", 0, NoStar);
  ASSERT_TRUE(spec.ok());
  EXPECT_EQ(UnsupportedFormatCharacterMessage(*spec),
            "unsupported format character '?' (0x20ac) at index 1");
}

TEST(PercentFormatTest, Examples) {
  auto spec = [](const char* d) { return *ParsePercentSpec(d, 0, NoStar); };
  EXPECT_EQ(PercentFormatInt64(spec("%#X"), 255), "0XFF");
  EXPECT_EQ(PercentFormatInt64(spec("%#5.3x"), 255), "0x0ff");
  EXPECT_EQ(PercentFormatInt64(spec("%-05d"), 3), "3    ");
  EXPECT_EQ(PercentFormatInt64(spec("%-+05d"), 3), "+3   ");
  EXPECT_EQ(PercentFormatInt64(spec("%+08.3d"), -7), "-0000007");
  EXPECT_EQ(PercentFormatFloat(spec("%05f"), INFINITY), "00inf");
  EXPECT_EQ(PercentFormatFloat(spec("%#.0e"), 1.5), "2.e+00");
  EXPECT_EQ(PercentFormatText(spec("%05s"), "ab"), "   ab");
  EXPECT_EQ(PercentFormatText(spec("%+.3s"), "abcdef"), "abc");
}

}  // namespace
}  // namespace minidynamo
