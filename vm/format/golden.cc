#include "vm/format/golden.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"

namespace minidynamo {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return c - 'A' + 10;
}

std::string Unescape(std::string_view field) {
  std::string out;
  for (size_t i = 0; i < field.size(); ++i) {
    if (field[i] != '\\' || i + 1 == field.size()) {
      out.push_back(field[i]);
      continue;
    }
    const char next = field[++i];
    if (next == 't') {
      out.push_back('\t');
    } else if (next == 'n') {
      out.push_back('\n');
    } else if (next == 'x' && i + 2 < field.size()) {
      out.push_back(static_cast<char>(HexValue(field[i + 1]) * 16 +
                                      HexValue(field[i + 2])));
      i += 2;
    } else {
      out.push_back(next);
    }
  }
  return out;
}

}  // namespace

std::vector<std::vector<std::string>> ReadGolden(const std::string& name) {
  std::string path = absl::StrCat("vm/format/testdata/", name);
  if (const char* srcdir = std::getenv("TEST_SRCDIR")) {
    path = absl::StrCat(srcdir, "/minidynamo/", path);
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "cannot read golden file %s\n", path.c_str());
    std::abort();
  }
  std::vector<std::vector<std::string>> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> fields;
    size_t start = 0;
    while (true) {
      const size_t tab = line.find('\t', start);
      fields.push_back(Unescape(std::string_view(line).substr(
          start, tab == std::string::npos ? std::string::npos : tab - start)));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    rows.push_back(std::move(fields));
  }
  return rows;
}

std::string CompareOutcome(const absl::StatusOr<std::string>& got,
                           const std::string& status, const std::string& text) {
  if (status == "ok") {
    if (!got.ok()) {
      return absl::StrCat("want '", text, "', got error ",
                          got.status().ToString());
    }
    if (*got != text)
      return absl::StrCat("want '", text, "', got '", *got, "'");
    return "";
  }
  const absl::StatusCode want_code = status == "OverflowError"
                                         ? absl::StatusCode::kOutOfRange
                                         : absl::StatusCode::kInvalidArgument;
  if (got.ok()) {
    return absl::StrCat("want ", status, " '", text, "', got '", *got, "'");
  }
  if (got.status().code() != want_code ||
      std::string(got.status().message()) != text) {
    return absl::StrCat("want ", status, " '", text, "', got ",
                        got.status().ToString());
  }
  return "";
}

}  // namespace minidynamo
