#ifndef MINIDYNAMO_VM_CORE_ERRORS_H_
#define MINIDYNAMO_VM_CORE_ERRORS_H_

// Raising and inspecting Python exceptions from C++.
//
// Convention (as CPython's): a function that can fail returns a null Value (or
// false, or -1) after storing the exception in the thread's error slot. Callers
// either handle it (Fetch/Clear) or return failure in turn. The interpreter
// unwinds through the exception table when an instruction fails.

#include <string>

#include "absl/strings/str_format.h"
#include "vm/core/value.h"

namespace minidynamo {

class TypeObject;

struct ExceptionTypes {
  TypeObject* BaseException;
  TypeObject* Exception;
  TypeObject* ArithmeticError;
  TypeObject* AssertionError;
  TypeObject* AttributeError;
  TypeObject* BufferError;
  TypeObject* EOFError;
  TypeObject* FloatingPointError;
  TypeObject* GeneratorExit;
  TypeObject* ImportError;
  TypeObject* IndentationError;
  TypeObject* IndexError;
  TypeObject* KeyError;
  TypeObject* KeyboardInterrupt;
  TypeObject* LookupError;
  TypeObject* MemoryError;
  TypeObject* ModuleNotFoundError;
  TypeObject* NameError;
  TypeObject* NotImplementedError;
  TypeObject* OSError;
  TypeObject* FileNotFoundError;
  TypeObject* OverflowError;
  TypeObject* RecursionError;
  TypeObject* ReferenceError;
  TypeObject* RuntimeError;
  TypeObject* StopAsyncIteration;
  TypeObject* StopIteration;
  TypeObject* SyntaxError;
  TypeObject* SystemError;
  TypeObject* SystemExit;
  TypeObject* TabError;
  TypeObject* TypeError;
  TypeObject* UnboundLocalError;
  TypeObject* UnicodeError;
  TypeObject* UnicodeDecodeError;
  TypeObject* UnicodeEncodeError;
  TypeObject* ValueError;
  TypeObject* ZeroDivisionError;
  TypeObject* Warning;
  TypeObject* UserWarning;
  TypeObject* DeprecationWarning;
  TypeObject* RuntimeWarning;
  TypeObject* BaseExceptionGroup;
  TypeObject* ExceptionGroup;  // (BaseExceptionGroup, Exception)
  // Less common ones, by name only (no C++ code raises them directly).
  TypeObject* Others[32];
};

extern ExceptionTypes g_exc;

// Raises `type(message)`. Always returns a null Value, so `return Raise(...)`
// works.
//
// These are cold and out of line: a call predicts its path unlikely (the
// compiler moves it away from the hot code), and the message's string
// and formatting live in the callee's frame, not in every caller's (whose
// stack-protector canary and register saves they would otherwise cost).
[[gnu::cold]] Value Raise(TypeObject* type, std::string message);
[[gnu::cold]] Value Raise(TypeObject* type, const char* message);
template <typename... Args>
[[gnu::cold, gnu::noinline]] Value RaiseF(TypeObject* type,
                                          const absl::FormatSpec<Args...>& fmt,
                                          const Args&... args) {
  return Raise(type, absl::StrFormat(fmt, args...));
}
// Raises an exception instance (or class, instantiated with no arguments).
Value RaiseValue(Value exc);

bool ErrorOccurred();
// Takes the pending exception (an exception instance) and clears the slot.
Value FetchError();
// Re-raises an exception instance previously fetched.
void RestoreError(Value exc);
void ClearError();
// True when a pending exception is an instance of `type` (or a subclass).
bool ErrorMatches(TypeObject* type);

// The `type(obj).__name__` used in TypeError messages.
const char* TypeName(const Value& v);

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_CORE_ERRORS_H_
