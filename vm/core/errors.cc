#include "vm/core/errors.h"

#include "vm/core/builtin_types.h"
#include "vm/interp/ops.h"
#include "vm/objects/exception.h"
#include "vm/objects/str.h"
#include "vm/objects/tuple.h"

namespace minidynamo {

ExceptionTypes g_exc;

namespace {
// The pending exception of the (only) interpreter thread.
Value& PendingError() {
  static Value* pending = new Value();
  return *pending;
}
}  // namespace

Value Raise(TypeObject* type, std::string message) {
  // An empty message makes an exception without arguments (MemoryError(),
  // KeyboardInterrupt()), as CPython's.
  Value exc = message.empty() ? CallNoArgs(Value::FromObject(type))
                              : CallOneArg(Value::FromObject(type),
                                           StrObject::New(message));
  if (exc.is_null()) return Value();  // The constructor itself failed.
  PendingError() = std::move(exc);
  return Value();
}

Value Raise(TypeObject* type, const char* message) {
  return Raise(type, std::string(message));
}

Value RaiseValue(Value exc) {
  if (exc.is_object() && exc.as_object()->type()->layout() == Layout::kType) {
    exc = CallNoArgs(exc);
    if (exc.is_null()) return Value();
  }
  PendingError() = std::move(exc);
  return Value();
}

bool ErrorOccurred() { return !PendingError().is_null(); }

Value FetchError() {
  Value e = std::move(PendingError());
  PendingError() = Value();
  return e;
}

void RestoreError(Value exc) { PendingError() = std::move(exc); }

void ClearError() { PendingError() = Value(); }

bool ErrorMatches(TypeObject* type) {
  const Value& e = PendingError();
  return !e.is_null() && TypeOf(e)->IsSubtypeOf(type);
}

const char* TypeName(const Value& v) { return TypeOf(v)->name().c_str(); }

}  // namespace minidynamo
