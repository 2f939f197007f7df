// libFuzzer target: generated programs run in the VM (testing/fuzz/fuzzgen.py
// builds a program from the input bytes and runs it; the program's own
// exceptions are expected, a crash, a sanitizer report, a hang or an exception
// escaping the driver is a finding).

#include <cstddef>
#include <cstdint>

#include "testing/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const minidynamo::Value entry = minidynamo::fuzz::LoadEntry("fuzz_vm");
  minidynamo::fuzz::RunEntry(entry, data, size);
  return 0;
}
