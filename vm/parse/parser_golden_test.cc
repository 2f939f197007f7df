// Golden tests against CPython 3.11 (testdata/regenerate.sh writes the files):
//   testdata/ast/NAME.py    parses to ast.dump() == NAME.ast, and with
//                           include_attributes=True == NAME.attrs;
//   testdata/errors/NAME.py fails with the SyntaxError fields in NAME.err.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "vm/parse/ast_dump.h"
#include "vm/parse/parser.h"

namespace minidynamo {
namespace {

namespace fs = std::filesystem;

const char kTestData[] = "vm/parse/testdata";

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

std::vector<fs::path> Sources(const char* subdir) {
  std::vector<fs::path> paths;
  for (const auto& entry :
       fs::directory_iterator(fs::path(kTestData) / subdir)) {
    if (entry.path().extension() == ".py") paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

std::string Repr(const std::string& s) {
  ast::ConstantValue v;
  v.kind = ast::ConstantValue::Kind::kStr;
  v.str_value = s;
  return ReprConstant(v);
}

TEST(ParserGoldenTest, AstDumpsMatchCPython) {
  std::vector<fs::path> paths = Sources("ast");
  ASSERT_GE(paths.size(), 100u);
  for (const fs::path& path : paths) {
    SCOPED_TRACE(path.string());
    SyntaxErrorInfo error;
    absl::StatusOr<ParseResult> result =
        Parse(ReadFile(path), path.string(), ParseMode::kExec, &error);
    ASSERT_TRUE(result.ok()) << error.Format();
    fs::path golden = path;
    EXPECT_EQ(DumpAst(result->tree()) + "\n",
              ReadFile(golden.replace_extension(".ast")));
    EXPECT_EQ(DumpAst(result->tree(), /*include_attributes=*/true) + "\n",
              ReadFile(golden.replace_extension(".attrs")));
  }
}

TEST(ParserGoldenTest, SyntaxErrorsMatchCPython) {
  std::vector<fs::path> paths = Sources("errors");
  ASSERT_GE(paths.size(), 200u);
  for (const fs::path& path : paths) {
    SCOPED_TRACE(path.string());
    SyntaxErrorInfo error;
    absl::StatusOr<ParseResult> result =
        Parse(ReadFile(path), "<unknown>", ParseMode::kExec, &error);
    ASSERT_FALSE(result.ok());
    std::string got = absl::StrCat(error.type, "\n", error.msg, "\n");
    if (error.has_location) {
      absl::StrAppend(&got, error.lineno, "\n", error.offset, "\n",
                      error.end_lineno, "\n", error.end_offset, "\n",
                      Repr(error.text), "\n");
    }
    fs::path golden = path;
    EXPECT_EQ(got, ReadFile(golden.replace_extension(".err")));
  }
}

}  // namespace
}  // namespace minidynamo
