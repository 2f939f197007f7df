// Checks every case in testdata/golden.txt, recorded from python3.11 by
// testdata/generate.py (see there for the line format). One test per operation.
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "gtest/gtest.h"
#include "vm/bigint/bigint.h"

namespace minidynamo {
namespace {

struct Case {
  int line;
  std::vector<std::string> fields;  // fields[0] is the operation
};

std::string DataPath() {
  const char* srcdir = std::getenv("TEST_SRCDIR");
  if (srcdir != nullptr) {
    return absl::StrCat(srcdir, "/minidynamo/vm/bigint/testdata/golden.txt");
  }
  return "vm/bigint/testdata/golden.txt";
}

const std::map<std::string, std::vector<Case>>& CasesByOp() {
  static const auto* cases = [] {
    auto* by_op = new std::map<std::string, std::vector<Case>>();
    std::ifstream in(DataPath());
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
      ++number;
      if (line.empty() || line[0] == '#') continue;
      std::vector<std::string> fields = absl::StrSplit(line, '\t');
      (*by_op)[fields[0]].push_back({number, std::move(fields)});
    }
    return by_op;
  }();
  return *cases;
}

BigInt Int(const std::string& text) {
  absl::StatusOr<BigInt> v = BigInt::FromString(text, 0);
  EXPECT_TRUE(v.ok()) << "bad operand " << text << ": " << v.status();
  return v.ok() ? *v : BigInt();
}

std::string Unhex(const std::string& hex) {
  std::string out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    out.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
  }
  return out;
}

std::string Hex(const std::string& bytes) {
  static const char kDigits[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) {
    out.push_back(kDigits[c >> 4]);
    out.push_back(kDigits[c & 15]);
  }
  return out;
}

std::string ErrorText(const absl::Status& status) {
  return absl::StrCat("!", PythonExceptionName(status), ": ", status.message());
}

// A result rendered like the expected field: hex() for ints, or the error.
std::string Render(const absl::StatusOr<BigInt>& r) {
  return r.ok() ? r->ToPrefixedString(16) : ErrorText(r.status());
}

std::string RenderFloat(const absl::StatusOr<double>& r) {
  if (!r.ok()) return ErrorText(r.status());
  // Bit patterns, so -0.0 and 0.0 differ; the expected side goes through
  // strtod.
  uint64_t bits;
  std::memcpy(&bits, &*r, sizeof bits);
  return absl::StrCat("bits:", bits);
}

std::string ExpectedFloat(const std::string& field) {
  if (field[0] == '!') return field;
  const double d = std::strtod(field.c_str(), nullptr);
  uint64_t bits;
  std::memcpy(&bits, &d, sizeof bits);
  return absl::StrCat("bits:", bits);
}

// Runs one case; returns what the implementation produced, rendered like the
// expected field(s) joined by tabs.
std::string RunCase(const std::vector<std::string>& f) {
  const std::string& op = f[0];
  if (op == "add") return Render(BigInt::Add(Int(f[1]), Int(f[2])));
  if (op == "sub") return Render(BigInt::Sub(Int(f[1]), Int(f[2])));
  if (op == "mul") return Render(BigInt::Mul(Int(f[1]), Int(f[2])));
  if (op == "and") return Render(BigInt::And(Int(f[1]), Int(f[2])));
  if (op == "or") return Render(BigInt::Or(Int(f[1]), Int(f[2])));
  if (op == "xor") return Render(BigInt::Xor(Int(f[1]), Int(f[2])));
  if (op == "gcd") return Render(BigInt::Gcd(Int(f[1]), Int(f[2])));
  if (op == "cmp") return absl::StrCat(BigInt::Compare(Int(f[1]), Int(f[2])));
  if (op == "floordiv") return Render(BigInt::FloorDiv(Int(f[1]), Int(f[2])));
  if (op == "mod") return Render(BigInt::Mod(Int(f[1]), Int(f[2])));
  if (op == "divmod") {
    auto qr = BigInt::DivMod(Int(f[1]), Int(f[2]));
    if (!qr.ok()) return ErrorText(qr.status());
    return absl::StrCat(qr->first.ToPrefixedString(16), "\t",
                        qr->second.ToPrefixedString(16));
  }
  if (op == "truediv") {
    return RenderFloat(BigInt::TrueDiv(Int(f[1]), Int(f[2])));
  }
  if (op == "pow") return Render(BigInt::Pow(Int(f[1]), Int(f[2])));
  if (op == "powmod") {
    return Render(BigInt::PowMod(Int(f[1]), Int(f[2]), Int(f[3])));
  }
  if (op == "lshift") return Render(BigInt::LeftShift(Int(f[1]), Int(f[2])));
  if (op == "rshift") return Render(BigInt::RightShift(Int(f[1]), Int(f[2])));
  if (op == "neg") return Render(Int(f[1]).Negated());
  if (op == "abs") return Render(Int(f[1]).Abs());
  if (op == "invert") return Render(Int(f[1]).Invert());
  if (op == "bit_length") return absl::StrCat(Int(f[1]).BitLength());
  if (op == "bit_count") return absl::StrCat(Int(f[1]).BitCount());
  if (op == "hash") return absl::StrCat(Int(f[1]).Hash());
  if (op == "fits") {
    const BigInt a = Int(f[1]);
    // A value that fits must round-trip through int64.
    if (a.FitsInt64() && BigInt(a.ToInt64()) != a) return "bad round trip";
    return a.FitsInt64() ? "1" : "0";
  }
  if (op == "float") return RenderFloat(Int(f[1]).ToDouble());
  if (op == "int_float") {
    return Render(BigInt::FromDouble(std::strtod(f[1].c_str(), nullptr)));
  }
  if (op == "cmp_float") {
    auto c = BigInt::CompareWithDouble(Int(f[1]),
                                       std::strtod(f[2].c_str(), nullptr));
    return c.has_value() ? absl::StrCat(*c) : "nan";
  }
  if (op == "str") {
    // Also parse the decimal text back: the decimal parser's own golden check.
    const BigInt a = Int(f[1]);
    auto back = BigInt::FromString(f[2], 10);
    if (!back.ok() || *back != a) return "decimal parse mismatch";
    return a.ToString();
  }
  if (op == "str_limit") {
    auto s = Int(f[1]).ToDecimalString(std::stoll(f[2]));
    return s.ok() ? *s : ErrorText(s.status());
  }
  if (op == "bin") return Int(f[1]).ToPrefixedString(2);
  if (op == "oct") return Int(f[1]).ToPrefixedString(8);
  if (op == "hex") return Int(f[1]).ToPrefixedString(16);
  if (op == "tostr") return Int(f[1]).ToString(std::stoi(f[2]));
  if (op == "parse") {
    return Render(
        BigInt::FromString(Unhex(f[1]), std::stoi(f[2]), std::stoll(f[3])));
  }
  if (op == "to_bytes") {
    auto bytes =
        Int(f[1]).ToBytes(std::stoll(f[2]), f[3] == "little", f[4] == "1");
    return bytes.ok() ? Hex(*bytes) : ErrorText(bytes.status());
  }
  if (op == "from_bytes") {
    return Render(
        BigInt::FromBytes(Unhex(f[1]), f[2] == "little", f[3] == "1"));
  }
  return "unknown op " + op;
}

// Number of operand fields before the expected result(s).
size_t Arity(const std::string& op) {
  static const std::map<std::string, size_t> kArity = {
      {"powmod", 3},    {"parse", 3}, {"to_bytes", 4}, {"from_bytes", 3},
      {"neg", 1},       {"abs", 1},   {"invert", 1},   {"bit_length", 1},
      {"bit_count", 1}, {"hash", 1},  {"fits", 1},     {"float", 1},
      {"int_float", 1}, {"str", 1},   {"bin", 1},      {"oct", 1},
      {"hex", 1}};
  auto it = kArity.find(op);
  return it == kArity.end() ? 2 : it->second;
}

class GoldenTest : public testing::TestWithParam<std::string> {};

TEST_P(GoldenTest, MatchesPython) {
  const auto& all = CasesByOp();
  auto it = all.find(GetParam());
  ASSERT_NE(it, all.end()) << "no cases for " << GetParam() << " in "
                           << DataPath();
  int failures = 0;
  for (const Case& c : it->second) {
    const std::string& op = c.fields[0];
    const size_t arity = Arity(op);
    ASSERT_GT(c.fields.size(), arity + 1) << "line " << c.line;
    std::string expected;
    for (size_t i = arity + 1; i < c.fields.size(); ++i) {
      if (!expected.empty()) expected += "\t";
      expected += c.fields[i];
    }
    if (op == "truediv" || op == "float") expected = ExpectedFloat(expected);
    const std::string actual = RunCase(c.fields);
    EXPECT_EQ(actual, expected) << "golden.txt line " << c.line;
    if (actual != expected && ++failures >= 20) {
      FAIL() << "stopping after 20 failures";
    }
  }
  RecordProperty("cases", static_cast<int>(it->second.size()));
}

INSTANTIATE_TEST_SUITE_P(
    Ops, GoldenTest,
    testing::Values("add", "sub", "mul", "and", "or", "xor", "gcd", "cmp",
                    "floordiv", "mod", "divmod", "truediv", "pow", "powmod",
                    "lshift", "rshift", "neg", "abs", "invert", "bit_length",
                    "bit_count", "hash", "fits", "float", "int_float",
                    "cmp_float", "str", "str_limit", "bin", "oct", "hex",
                    "tostr", "parse", "to_bytes", "from_bytes"),
    [](const testing::TestParamInfo<std::string>& info) { return info.param; });

TEST(GoldenFileTest, EveryOperationIsChecked) {
  size_t total = 0;
  for (const auto& [op, cases] : CasesByOp()) {
    EXPECT_NE(RunCase(cases[0].fields).rfind("unknown op", 0), 0u) << op;
    total += cases.size();
  }
  EXPECT_GT(total, 5000u);
}

}  // namespace
}  // namespace minidynamo
