// The `vm` executable: everything lives in the cli library so that it can be
// tested.
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <new>
#include <string>
#include <vector>

#include "vm/cli.h"
#include "vm/interp/modules.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  int rc;
  try {
    rc = minidynamo::RunCli(args);
  } catch (const std::bad_alloc&) {
    // An allocation no MemoryError check anticipated: end cleanly, with a
    // traceback when there is memory left to make one.
    std::cout.flush();
    std::fflush(nullptr);
    try {
      minidynamo::ReportOutOfMemory();
    } catch (const std::bad_alloc&) {
      std::fputs("MemoryError\n", stderr);
    }
    rc = 1;
  }
  if (minidynamo::SkipStaticTeardown()) {
    // LibTorch's static destructors cost ~50 ms and free nothing that
    // outlives the process; everything written is flushed first.
    std::cout.flush();
    std::cerr.flush();
    std::fflush(nullptr);
    _exit(rc);
  }
  return rc;
}
