#include "vm/objects/function.h"

#include "vm/core/builtin_types.h"
#include "vm/objects/str.h"

namespace minidynamo {

Value CellObject::New(Value contents) {
  auto* c = new CellObject(g_types.cell);
  c->contents = std::move(contents);
  return Value::Steal(c);
}

FunctionObject::FunctionObject(TypeObject* type, Value code, Value globals)
    : Object(type), code_(std::move(code)), globals_(std::move(globals)) {
  defaults = Value::None();
  kwdefaults = Value::None();
  closure = Value::None();
  annotations = Value::None();
  doc = Value::None();
  module = Value::None();
  CodeObject* c = this->code();
  name = c->name_str();
  qualname = c->qualname_str();
}

void FunctionObject::Traverse(GcVisitor& v) {
  Object::Traverse(v);
  v.Visit(code_);
  v.Visit(globals_);
  v.Visit(defaults);
  v.Visit(kwdefaults);
  v.Visit(closure);
  v.Visit(annotations);
  v.Visit(name);
  v.Visit(qualname);
  v.Visit(module);
  v.Visit(doc);
}

// The code, globals, names and closure stay (the closure's cells are cleared
// on their own), so the function remains callable.
void FunctionObject::ClearRefs() {
  Value old[5] = {std::move(defaults), std::move(kwdefaults),
                  std::move(annotations), std::move(module), std::move(doc)};
  defaults = Value::None();
  kwdefaults = Value::None();
  annotations = Value::None();
  module = Value::None();
  doc = Value::None();
}

NativeFunction::NativeFunction(TypeObject* type, std::string name, NativeFn fn,
                               TypeObject* owner)
    : Object(type), name_(std::move(name)), fn_(fn), owner_(owner) {}

Value NativeFunction::New(std::string name, NativeFn fn, TypeObject* owner) {
  return Value::Steal(
      new NativeFunction(g_types.native_function, std::move(name), fn, owner));
}

BoundMethod::BoundMethod(TypeObject* type, Value func, Value self)
    : Object(type), func(std::move(func)), self(std::move(self)) {}

Value BoundMethod::New(Value func, Value self) {
  return Value::Steal(
      new BoundMethod(g_types.method, std::move(func), std::move(self)));
}

}  // namespace minidynamo
