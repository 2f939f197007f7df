// Test support: reads the golden files that testdata/generate.py writes with
// CPython 3.11, and compares results against them.
#ifndef MINIDYNAMO_VM_FORMAT_GOLDEN_H_
#define MINIDYNAMO_VM_FORMAT_GOLDEN_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace minidynamo {

// The rows of vm/format/testdata/`name`: tab-separated fields with \\, \t,
// \n and \xHH escapes undone; '#' lines are skipped. Aborts if the file is
// missing, so that a broken data dependency cannot pass silently.
std::vector<std::vector<std::string>> ReadGolden(const std::string& name);

// Compares an outcome with a golden (status, text) pair: status "ok" wants
// the value `text`; "ValueError" wants InvalidArgument and "OverflowError"
// OutOfRange, with message `text`. Returns "" on a match, else a description.
std::string CompareOutcome(const absl::StatusOr<std::string>& got,
                           const std::string& status, const std::string& text);

// Collects mismatches and reports the first few with their inputs.
class MismatchLog {
 public:
  void Add(std::string what) {
    if (count_++ < 25) report_ += what + "\n";
  }
  int count() const { return count_; }
  const std::string& report() const { return report_; }

 private:
  int count_ = 0;
  std::string report_;
};

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_FORMAT_GOLDEN_H_
