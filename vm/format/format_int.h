// format(n, spec) for ints, as CPython 3.11 does it, for int64 values and for
// big values handed over as digit strings.
#ifndef MINIDYNAMO_VM_FORMAT_FORMAT_INT_H_
#define MINIDYNAMO_VM_FORMAT_FORMAT_INT_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace minidynamo {

// format(value, spec): types b c d o x X n and none ('d'), ',' and '_'
// grouping, '#' prefixes, and the float types e E f F g G % (the int is
// converted to float first). An empty spec gives str(value); for int
// subclasses such as bool, CPython then uses str(obj), which the caller does.
// `type_name` names the object's type in errors. Errors: InvalidArgument for
// ValueError, OutOfRange for OverflowError ("%c arg not in range(0x110000)").
absl::StatusOr<std::string> FormatInt64(int64_t value, std::string_view spec,
                                        std::string_view type_name = "int");

// The same for any int, given as a sign and its magnitude's `digits` in
// `base` (2, 8, 10 or 16; either case; leading zeros allowed). Digits in the
// base the type needs (10 for d/n/none, 16 for x/X, 8 for o, 2 for b) are
// used as they are; others are converted. Floats types raise OverflowError
// "int too large to convert to float" past the double range.
absl::StatusOr<std::string> FormatBigInt(bool negative, std::string_view digits,
                                         int base, std::string_view spec,
                                         std::string_view type_name = "int");

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_FORMAT_FORMAT_INT_H_
