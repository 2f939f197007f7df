#include "vm/cli.h"

#include <cstdio>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "vm/version.h"

namespace minidynamo {

CliInvocation ParseCommandLine(const std::vector<std::string>& args) {
  CliInvocation inv;
  if (args.empty()) {
    inv.action = CliInvocation::Action::kUsageError;
    inv.error = "no command given (the interactive prompt is not built yet)";
    return inv;
  }
  const std::string& first = args[0];
  if (first == "--version" || first == "-V") {
    inv.action = CliInvocation::Action::kVersion;
  } else if (first == "--help" || first == "-h" || first == "-?") {
    inv.action = CliInvocation::Action::kHelp;
  } else if (!first.empty() && first[0] == '-') {
    inv.action = CliInvocation::Action::kUsageError;
    inv.error = absl::StrCat("unknown option ", first);
  } else {
    inv.action = CliInvocation::Action::kUsageError;
    inv.error = absl::StrCat("unknown command '", first, "'");
  }
  return inv;
}

std::string VersionText() {
  return absl::StrFormat("minidynamo vm %s (Python %s semantics)\n", kVersion,
                         kPythonVersion);
}

std::string HelpText() {
  return absl::StrCat(
      "usage: vm [option] ...\n", "Options:\n",
      "-h, --help     : print this help message and exit\n",
      "-V, --version  : print the minidynamo version and exit\n");
}

std::string UsageErrorHint() {
  return "usage: vm [option] ...\nTry `vm -h' for more information.\n";
}

int RunCli(const std::vector<std::string>& args) {
  CliInvocation inv = ParseCommandLine(args);
  switch (inv.action) {
    case CliInvocation::Action::kVersion:
      std::fputs(VersionText().c_str(), stdout);
      return 0;
    case CliInvocation::Action::kHelp:
      std::fputs(HelpText().c_str(), stdout);
      return 0;
    case CliInvocation::Action::kUsageError:
      std::fprintf(stderr, "%s\n%s", inv.error.c_str(),
                   UsageErrorHint().c_str());
      return 2;
  }
  return 2;
}

}  // namespace minidynamo
