#include "testing/fuzz/fuzz_support.h"

#include <limits.h>
#include <signal.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "vm/core/errors.h"
#include "vm/interp/eval.h"
#include "vm/interp/modules.h"
#include "vm/interp/ops.h"
#include "vm/interp/support.h"
#include "vm/objects/bytes.h"
#include "vm/objects/str.h"

namespace minidynamo {
namespace fuzz {
namespace {

std::string ExeDir() {
  char buf[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);
  if (n <= 0) return ".";
  std::string exe(buf, n);
  return exe.substr(0, exe.rfind('/'));
}

// fuzzgen.py: $MINIDYNAMO_FUZZ_DIR, else the folder in the binary's runfiles,
// else testing/fuzz under the working directory (the repository root).
std::string FuzzDir() {
  if (const char* env = std::getenv("MINIDYNAMO_FUZZ_DIR")) return env;
  char buf[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);
  if (n > 0) {
    std::string dir = std::string(buf, n) + ".runfiles/minidynamo/testing/fuzz";
    if (access((dir + "/fuzzgen.py").c_str(), R_OK) == 0) return dir;
  }
  return "testing/fuzz";
}

[[noreturn]] void ReportAndAbort(const char* what) {
  std::fprintf(stderr, "fuzz finding: %s\n", what);
  std::fflush(nullptr);
  std::abort();
}

void InitOnce() {
  static bool started = false;
  if (started) return;
  started = true;
  // The torch runtime sits in bazel-bin/runtime/torch, two folders above
  // bazel-bin/testing/fuzz/<target>.
  if (std::getenv("MINIDYNAMO_TORCH_LIBRARY") == nullptr) {
    std::string lib = ExeDir() + "/../../runtime/torch/libtorch_c.so";
    setenv("MINIDYNAMO_TORCH_LIBRARY", lib.c_str(), 0);
  }
  // The runtime turns SIGINT into KeyboardInterrupt, which would escape the
  // driver as a false finding; keep libFuzzer's handler (Ctrl-C ends the run).
  struct sigaction fuzzer_sigint;
  sigaction(SIGINT, nullptr, &fuzzer_sigint);
  InitRuntime({"fuzz"});
  sigaction(SIGINT, &fuzzer_sigint, nullptr);
  std::string setup = "import sys\nsys.path.insert(0, '" + FuzzDir() + "')\n";
  if (RunMainSource(setup, "<fuzz>") != 0) ReportAndAbort("setup failed");
}

}  // namespace

Value LoadEntry(const char* name) {
  InitOnce();
  Value module = ImportName(Value::FromObject(StrObject::Intern("fuzzgen")),
                            BuiltinsDict(), Value::None(), Value::Int(0));
  if (module.is_null()) {
    PrintException(FetchError());
    ReportAndAbort("cannot import fuzzgen");
  }
  Value entry = GetAttr(module, name);
  if (entry.is_null()) {
    PrintException(FetchError());
    ReportAndAbort(name);
  }
  return entry;
}

void RunEntry(const Value& entry, const uint8_t* data, size_t size) {
  Value arg =
      BytesObject::New(std::string(reinterpret_cast<const char*>(data), size));
  Value r = CallOneArg(entry, arg);
  if (r.is_null()) {
    Value exc = FetchError();
    PrintException(exc);
    ReportAndAbort("the Python side raised");
  }
}

}  // namespace fuzz
}  // namespace minidynamo
