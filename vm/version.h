#ifndef MINIDYNAMO_VM_VERSION_H_
#define MINIDYNAMO_VM_VERSION_H_

namespace minidynamo {

// The project's version, and the Python language version whose semantics it
// follows.
inline constexpr char kVersion[] = "0.1.0";
inline constexpr char kPythonVersion[] = "3.11";

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_VERSION_H_
