// PEP 263 decoding of source files, with CPython 3.11's messages.

#include "vm/interp/source_file.h"

#include <string>

#include "gtest/gtest.h"
#include "vm/core/errors.h"
#include "vm/interp/modules.h"
#include "vm/interp/ops.h"
#include "vm/objects/str.h"

namespace minidynamo {
namespace {

class SourceFileTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    static bool initialized = false;
    if (!initialized) InitRuntime({"source_file_test"});
    initialized = true;
  }

  // The decoded text, or "SyntaxError: <message>".
  std::string Decode(const std::string& bytes) {
    std::string out;
    if (DecodeSourceFile("/t/f.py", bytes, &out)) return out;
    Value e = FetchError();
    return std::string(TypeName(e)) + ": " + As<StrObject>(Str(e))->str();
  }
};

TEST_F(SourceFileTest, Utf8AndByteOrderMark) {
  EXPECT_EQ(Decode("x = 'é'\n"), "x = 'é'\n");
  EXPECT_EQ(Decode("\xEF\xBB\xBFx = 1\n"), "x = 1\n");
}

TEST_F(SourceFileTest, UndeclaredNonUtf8) {
  EXPECT_EQ(Decode("x = 1\ny = '\xff'\n"),
            "SyntaxError: Non-UTF-8 code starting with '\\xff' in file "
            "/t/f.py on line 2, but no encoding declared; see "
            "https://peps.python.org/pep-0263/ for details");
  // A declaration after a line of code does not count.
  EXPECT_EQ(Decode("x = 1\n# coding: latin-1\ny = '\xe9'\n").substr(0, 42),
            "SyntaxError: Non-UTF-8 code starting with ");
  // Encoded surrogates and overlong forms are not UTF-8.
  EXPECT_NE(Decode("x = '\xed\xa0\x80'\n").find("Non-UTF-8"),
            std::string::npos);
  EXPECT_NE(Decode("x = '\xc0\xaf'\n").find("Non-UTF-8"), std::string::npos);
}

TEST_F(SourceFileTest, Declarations) {
  EXPECT_EQ(Decode("# -*- coding: latin-1 -*-\nx = '\xe9'\n"),
            "# -*- coding: latin-1 -*-\nx = '\xc3\xa9'\n");
  const std::string second_line =
      "#!/usr/bin/env python\n# vim: set fileencoding=ISO_8859_1 :\n";
  EXPECT_EQ(Decode(second_line + "x = '\xe9'\n"),
            second_line + "x = '\xc3\xa9'\n");
  EXPECT_EQ(Decode("# coding=ascii\nx = '\xe9'\n"),
            "SyntaxError: encoding problem: ascii");
  EXPECT_EQ(Decode("# coding: klingon\n"),
            "SyntaxError: encoding problem: klingon");
  EXPECT_EQ(Decode("\xEF\xBB\xBF# coding: latin-1\n"),
            "SyntaxError: encoding problem: iso-8859-1 with BOM");
  // A utf-8 declaration leaves the checking (with positions) to the lexer.
  EXPECT_EQ(Decode("# coding: utf-8\nx = '\xff'\n"),
            "# coding: utf-8\nx = '\xff'\n");
}

}  // namespace
}  // namespace minidynamo
