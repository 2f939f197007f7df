// format(s, spec) for str, as CPython 3.11 does it.
#ifndef MINIDYNAMO_VM_FORMAT_FORMAT_STR_H_
#define MINIDYNAMO_VM_FORMAT_FORMAT_STR_H_

#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace minidynamo {

// format(text, spec) for a str held as UTF-8: fill, alignment (default left),
// width and precision (truncation) count code points; only type 's'. Errors
// are InvalidArgument with CPython's ValueError text ("Sign not allowed in
// string format specifier", ...).
absl::StatusOr<std::string> FormatStr(std::string_view text,
                                      std::string_view spec,
                                      std::string_view type_name = "str");

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_FORMAT_FORMAT_STR_H_
