#ifndef MINIDYNAMO_VM_CLI_H_
#define MINIDYNAMO_VM_CLI_H_

// Command-line parsing for `vm`. The grammar follows CPython's (`vm [option]
// ... [command | -c cmd | file] [arg] ...`): everything after the script or `-c
// cmd` belongs to the program's sys.argv, which flag libraries such as
// absl::flags cannot express, so the few options are parsed here by hand.

#include <string>
#include <vector>

namespace minidynamo {

struct CliInvocation {
  enum class Action {
    kVersion,
    kHelp,
    kUsageError,
    kRunFile,
    kRunCommand,
    kDis,
    kInteractive
  };
  Action action = Action::kHelp;
  std::string error;  // For kUsageError: the message CPython would print first.
  std::string target;             // The script path, or the -c command.
  std::vector<std::string> argv;  // The program's sys.argv.
};

CliInvocation ParseCommandLine(const std::vector<std::string>& args);

// Text printed by `vm --version` (one line, with the newline).
std::string VersionText();
// Text printed by `vm --help`.
std::string HelpText();
// The two lines that follow a usage error, as CPython prints them.
std::string UsageErrorHint();

// Runs the CLI: writes to stdout/stderr and returns the process exit code
// (0 ok, 2 usage error, as CPython).
int RunCli(const std::vector<std::string>& args);

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_CLI_H_
