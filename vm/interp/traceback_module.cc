// The `traceback` module: formatting and printing exceptions exactly as the VM
// does for uncaught ones (FormatException), plus the traceback objects'
// attributes (tb_next, tb_lineno, tb_lasti) so code can walk or trim them.

#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "vm/core/builtin_types.h"
#include "vm/core/errors.h"
#include "vm/interp/frame.h"
#include "vm/interp/modules.h"
#include "vm/interp/ops.h"
#include "vm/objects/descriptor.h"
#include "vm/objects/exception.h"
#include "vm/objects/list.h"
#include "vm/objects/native.h"
#include "vm/objects/str.h"
#include "vm/objects/tuple.h"

namespace minidynamo {
namespace {

// format_exception(exc) or format_exception(type, value, tb): the lines, each
// ending in a newline, as CPython returns them.
Value FormatExceptionLines(const Value& exc) {
  std::string text = FormatException(exc);
  Value list = ListObject::New();
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    size_t end = nl == std::string::npos ? text.size() : nl + 1;
    As<ListObject>(list)->items().push_back(
        StrObject::New(text.substr(start, end - start)));
    start = end;
  }
  return list;
}

// The exception argument: exc alone (3.10+), or (type, value, tb) using value.
Value ExceptionArg(Value* args, size_t nargs) {
  if (nargs >= 2 && !args[1].is_none()) return args[1];
  return nargs >= 1 ? args[0] : Value::None();
}

Value FormatExceptionFn(Value* args, size_t nargs, TupleObject* kw) {
  size_t npos = nargs - (kw ? kw->size() : 0);
  if (npos < 1) return Raise(g_exc.TypeError, "format_exception() missing exc");
  return FormatExceptionLines(ExceptionArg(args, npos));
}

Value CurrentException() {
  const Value& e = ThreadState::Get()->handled_exception;
  return e.is_null() ? Value::None() : e;
}

Value FormatExc(Value*, size_t, TupleObject*) {
  Value e = CurrentException();
  if (e.is_none()) return StrObject::New("NoneType: None\n");
  return StrObject::New(FormatException(e));
}

// Writes `e` (None: "NoneType: None") to `file`, sys.stderr when null or
// None.
Value PrintTo(const Value& e, Value file) {
  if (file.is_null() || file.is_none()) file = SysStderr();
  std::string text = e.is_none() ? "NoneType: None\n" : FormatException(e);
  if (!WriteToFile(file, text)) return Value();
  return Value::None();
}

// The `file` argument: by keyword, or positional at `index`.
Value FileArg(Value* args, size_t nargs, TupleObject* kw, size_t index) {
  size_t npos = nargs - (kw ? kw->size() : 0);
  Value file = npos > index ? args[index] : Value();
  for (size_t i = 0; kw != nullptr && i < kw->size(); ++i) {
    if (As<StrObject>(kw->get(i))->str() == "file") file = args[npos + i];
  }
  return file;
}

// print_exception(exc, /, value, tb, limit, file, chain)
Value PrintExceptionFn(Value* args, size_t nargs, TupleObject* kw) {
  size_t npos = nargs - (kw ? kw->size() : 0);
  Value e = npos >= 1 ? ExceptionArg(args, npos) : CurrentException();
  return PrintTo(e, FileArg(args, nargs, kw, 4));
}

// print_exc(limit, file, chain)
Value PrintExc(Value* args, size_t nargs, TupleObject* kw) {
  return PrintTo(CurrentException(), FileArg(args, nargs, kw, 1));
}

// _chain(entries): a new traceback linking copies of `entries` in order (used
// by unittest to drop its own frames from reports).
Value Chain(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("_chain", nargs, kw, 1, 1)) return Value();
  if (!IsInstance(args[0], g_types.list))
    return Raise(g_exc.TypeError, "expected a list");
  Value next = Value::None();
  auto& items = As<ListObject>(args[0])->items();
  for (size_t i = items.size(); i > 0; --i) {
    if (!IsInstance(items[i - 1], g_types.traceback)) {
      return Raise(g_exc.TypeError, "expected traceback objects");
    }
    auto* src = As<TracebackObject>(items[i - 1]);
    auto* copy = new TracebackObject(g_types.traceback, src->code, src->lineno,
                                     src->lasti, std::move(next));
    copy->globals = src->globals;
    next = Value::Steal(copy);
  }
  return next;
}

bool InitTraceback(ModuleObject* m) {
  DictObject* d = m->dict();
  AddFunction(d, "format_exception", FormatExceptionFn);
  AddFunction(d, "format_exc", FormatExc);
  AddFunction(d, "print_exception", PrintExceptionFn);
  AddFunction(d, "print_exc", PrintExc);
  AddFunction(d, "_chain", Chain);
  return true;
}

// tb_frame: frames are not objects in this VM (they live on an arena), so a
// traceback entry answers for its frame with what it recorded: f_code,
// f_lineno, f_globals.
TypeObject* g_frame_info_type = nullptr;

class FrameInfoObject : public Object {
 public:
  explicit FrameInfoObject(TypeObject* t) : Object(t) {}
  Value code, globals;
  int lineno = 0;

  void Traverse(GcVisitor& v) override {
    Object::Traverse(v);
    v.Visit(code);
    v.Visit(globals);
  }
};

Value TbFrame(Value* a, size_t, TupleObject*) {
  auto* tb = As<TracebackObject>(a[0]);
  return NewFrameInfo(tb->code, tb->globals, tb->lineno);
}

}  // namespace

Value NewFrameInfo(Value code, Value globals, int lineno) {
  auto* f = new FrameInfoObject(g_types.frame);
  f->code = std::move(code);
  f->globals = globals.is_null() ? Value::None() : std::move(globals);
  f->lineno = lineno;
  return Value::Steal(f);
}

void RegisterTracebackModule() {
  g_frame_info_type = g_types.frame;
  AddGetter(g_frame_info_type, "f_code", [](Value* a, size_t, TupleObject*) {
    return As<FrameInfoObject>(a[0])->code;
  });
  AddGetter(g_frame_info_type, "f_globals", [](Value* a, size_t, TupleObject*) {
    return As<FrameInfoObject>(a[0])->globals;
  });
  AddGetter(g_frame_info_type, "f_lineno", [](Value* a, size_t, TupleObject*) {
    return Value::Int(As<FrameInfoObject>(a[0])->lineno);
  });
  AddGetter(g_types.traceback, "tb_frame", TbFrame);
  TypeObject* t = g_types.traceback;
  AddGetter(t, "tb_next", [](Value* a, size_t, TupleObject*) {
    return As<TracebackObject>(a[0])->next;
  });
  AddGetter(t, "tb_lineno", [](Value* a, size_t, TupleObject*) {
    return Value::Int(As<TracebackObject>(a[0])->lineno);
  });
  AddGetter(t, "tb_lasti", [](Value* a, size_t, TupleObject*) {
    return Value::Int(As<TracebackObject>(a[0])->lasti * 2);
  });
  RegisterNativeModule("traceback", InitTraceback);
}

}  // namespace minidynamo
