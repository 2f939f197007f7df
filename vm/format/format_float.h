// format(x, spec) for floats, as CPython 3.11 does it.
#ifndef MINIDYNAMO_VM_FORMAT_FORMAT_FLOAT_H_
#define MINIDYNAMO_VM_FORMAT_FORMAT_FLOAT_H_

#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "vm/format/format_spec.h"

namespace minidynamo {

// format(value, spec): types e E f F g G n % and none (repr-like, or 'g' with
// at least one digit after the point when a precision is given). 'n' follows
// the C locale (no grouping). `type_name` names the object's type in errors.
// Errors are InvalidArgument with CPython's ValueError text.
absl::StatusOr<std::string> FormatFloat(double value, std::string_view spec,
                                        std::string_view type_name = "float");

// The formatting step alone, for a spec already parsed (ints formatted with a
// float type come through here too).
absl::StatusOr<std::string> FormatDoubleWithSpec(double value,
                                                 const FormatSpec& spec);

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_FORMAT_FORMAT_FLOAT_H_
