// libFuzzer target: the tracer. fuzzgen.py builds a function that mutates
// dicts, lists, attributes, cells and globals holding tensors, with graph
// breaks, runs it eagerly and under torch.compile on fresh copies of the same
// state, and raises when results, exceptions or any object's final state
// differ.

#include <cstddef>
#include <cstdint>

#include "testing/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const minidynamo::Value entry =
      minidynamo::fuzz::LoadEntry("fuzz_tracer");
  minidynamo::fuzz::RunEntry(entry, data, size);
  return 0;
}
