#ifndef MINIDYNAMO_TESTING_FUZZ_FUZZ_SUPPORT_H_
#define MINIDYNAMO_TESTING_FUZZ_FUZZ_SUPPORT_H_

// What the libFuzzer targets share: the VM started once per process, and
// Python entry points of testing/fuzz/fuzzgen.py called with each input. A
// finding (a divergence the Python side reports, or an exception escaping it)
// prints the program and aborts, which libFuzzer records as a crash with the
// input that caused it.

#include <cstddef>
#include <cstdint>

#include "vm/core/object.h"
#include "vm/core/value.h"

namespace minidynamo {
namespace fuzz {

// Starts the VM (once) and returns fuzzgen.<name>.
Value LoadEntry(const char* name);

// Calls `entry(data)`; aborts the process when it raises.
void RunEntry(const Value& entry, const uint8_t* data, size_t size);

}  // namespace fuzz
}  // namespace minidynamo

#endif  // MINIDYNAMO_TESTING_FUZZ_FUZZ_SUPPORT_H_
