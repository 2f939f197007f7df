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

void ExceptionObject::Traverse(GcVisitor& v) {
  Object::Traverse(v);
  v.Visit(args);
  v.Visit(traceback);
  v.Visit(cause);
  v.Visit(context);
  v.Visit(attr_name);
  v.Visit(attr_obj);
}

void ExceptionObject::ClearRefs() {
  Value old[6] = {std::move(args),      std::move(traceback),
                  std::move(cause),     std::move(context),
                  std::move(attr_name), std::move(attr_obj)};
  args = Value::FromObject(TupleObject::Empty());
  traceback = Value::None();
  cause = Value::None();
  context = Value::None();
}

void TracebackObject::Traverse(GcVisitor& v) {
  Object::Traverse(v);
  v.Visit(code);
  v.Visit(globals);
  v.Visit(next);
}

void TracebackObject::ClearRefs() {
  Value old[2] = {std::move(globals), std::move(next)};
  globals = Value::None();
  next = Value::None();
}

}  // namespace minidynamo
