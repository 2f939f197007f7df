// The `vm` executable: everything lives in the cli library so that it can be
// tested.
#include <string>
#include <vector>

#include "vm/cli.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  return minidynamo::RunCli(args);
}
