#include "vm/cli.h"

#include "gtest/gtest.h"

namespace minidynamo {
namespace {

using Action = CliInvocation::Action;

TEST(CliTest, VersionAndHelpFlags) {
  EXPECT_EQ(ParseCommandLine({"--version"}).action, Action::kVersion);
  EXPECT_EQ(ParseCommandLine({"-V"}).action, Action::kVersion);
  EXPECT_EQ(ParseCommandLine({"--help"}).action, Action::kHelp);
  EXPECT_EQ(ParseCommandLine({"-h"}).action, Action::kHelp);
}

TEST(CliTest, UnknownOptionIsAUsageError) {
  CliInvocation inv = ParseCommandLine({"--bogus"});
  EXPECT_EQ(inv.action, Action::kUsageError);
  EXPECT_EQ(inv.error, "unknown option --bogus");
  EXPECT_EQ(RunCli({"--bogus"}), 2);
}

TEST(CliTest, VersionTextNamesProjectAndPythonVersion) {
  EXPECT_EQ(VersionText(), "minidynamo vm 0.1.0 (Python 3.11 semantics)\n");
  EXPECT_EQ(RunCli({"--version"}), 0);
}

}  // namespace
}  // namespace minidynamo
