#include "vm/cli.h"

#include <cstdio>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "vm/interp/modules.h"
#include "vm/version.h"

namespace minidynamo {

CliInvocation ParseCommandLine(const std::vector<std::string>& args) {
  CliInvocation inv;
  if (args.empty()) {
    inv.action = CliInvocation::Action::kInteractive;
    inv.argv.push_back("");
    return inv;
  }
  const std::string& first = args[0];
  if (first == "--version" || first == "-V") {
    inv.action = CliInvocation::Action::kVersion;
  } else if (first == "--help" || first == "-h" || first == "-?") {
    inv.action = CliInvocation::Action::kHelp;
  } else if (first == "run") {
    if (args.size() < 2) {
      inv.action = CliInvocation::Action::kUsageError;
      inv.error = "vm run: missing script path";
      return inv;
    }
    inv.action = CliInvocation::Action::kRunFile;
    inv.target = args[1];
    inv.argv.assign(args.begin() + 1, args.end());
  } else if (first == "dis") {
    if (args.size() != 2) {
      inv.action = CliInvocation::Action::kUsageError;
      inv.error = "vm dis: expected one script path";
      return inv;
    }
    inv.action = CliInvocation::Action::kDis;
    inv.target = args[1];
    inv.argv.assign(args.begin() + 1, args.end());
  } else if (first == "-c") {
    if (args.size() < 2) {
      inv.action = CliInvocation::Action::kUsageError;
      inv.error = "Argument expected for the -c option";
      return inv;
    }
    inv.action = CliInvocation::Action::kRunCommand;
    inv.target = args[1];
    inv.argv.push_back("-c");
    inv.argv.insert(inv.argv.end(), args.begin() + 2, args.end());
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
      "usage: vm [option] ... [run file | -c cmd] [arg] ...\n", "Options:\n",
      "-c cmd         : program passed in as string (terminates option list)\n",
      "-h, --help     : print this help message and exit\n",
      "-V, --version  : print the minidynamo version and exit\n", "Commands:\n",
      "run file       : run the Python program in file; later arguments become "
      "sys.argv[1:]\n",
      "dis file       : disassemble every code object of file, in CPython's "
      "dis "
      "layout\n");
}

std::string UsageErrorHint() {
  return "usage: vm [option] ... [run file | -c cmd] [arg] ...\nTry `vm -h' "
         "for more "
         "information.\n";
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
    case CliInvocation::Action::kRunFile:
      InitRuntime(inv.argv);
      return RunMainFile(inv.target);
    case CliInvocation::Action::kInteractive:
      InitRuntime(inv.argv);
      return RunInteractive();
    case CliInvocation::Action::kDis:
      InitRuntime(inv.argv);
      return DisassembleFile(inv.target);
    case CliInvocation::Action::kRunCommand:
      InitRuntime(inv.argv);
      return RunMainSource(inv.target, "<string>");
    case CliInvocation::Action::kUsageError:
      std::fprintf(stderr, "%s\n%s", inv.error.c_str(),
                   UsageErrorHint().c_str());
      return 2;
  }
  return 2;
}

}  // namespace minidynamo
