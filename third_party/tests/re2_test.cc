// RE2 backs the VM's `re` module; check matching, captures and rejected syntax.
#include "re2/re2.h"

#include <string>

#include "gtest/gtest.h"

namespace {

TEST(Re2Test, FullMatchWithCaptures) {
  std::string name;
  int line = 0;
  ASSERT_TRUE(RE2::FullMatch("test_reconstruct.py:42", R"((\w+\.py):(\d+))",
                             &name, &line));
  EXPECT_EQ(name, "test_reconstruct.py");
  EXPECT_EQ(line, 42);
}

TEST(Re2Test, PartialMatchAndReplace) {
  EXPECT_TRUE(RE2::PartialMatch("x = BUILD_MAP 2", R"(BUILD_MAP \d)"));
  std::string s = "LOAD_FAST x; LOAD_FAST y";
  EXPECT_EQ(RE2::GlobalReplace(&s, "LOAD_FAST (\\w)", "L(\\1)"), 2);
  EXPECT_EQ(s, "L(x); L(y)");
}

TEST(Re2Test, BackreferencesAreRejected) {
  // The `re` module reports such patterns as re.error; RE2 says why.
  RE2 re("(a)\\1", RE2::Quiet);
  EXPECT_FALSE(re.ok());
  EXPECT_NE(re.error().find("invalid escape sequence"), std::string::npos);
}

}  // namespace
