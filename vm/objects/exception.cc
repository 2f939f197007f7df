#include "vm/objects/exception.h"

#include "vm/core/builtin_types.h"
#include "vm/objects/tuple.h"

namespace minidynamo {

ExceptionObject::ExceptionObject(TypeObject* type) : Object(type) {
  args = Value::FromObject(TupleObject::Empty());
  traceback = Value::None();
  cause = Value::None();
  context = Value::None();
}

TracebackObject::TracebackObject(TypeObject* type, Value code, int lineno,
                                 int lasti, Value next)
    : Object(type),
      code(std::move(code)),
      lineno(lineno),
      lasti(lasti),
      next(std::move(next)) {}

}  // namespace minidynamo
