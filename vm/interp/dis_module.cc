// The `dis` module: disassembly of the VM's own bytecode, with CPython's API
// (dis.dis, dis.get_instructions yielding Instruction tuples, opname, opmap).
// It lives beside the interpreter because it reads the opcode table and code
// objects directly; the tracer's tests inspect emitted code through it.

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "vm/compile/code.h"
#include "vm/compile/disassemble.h"
#include "vm/core/builtin_types.h"
#include "vm/core/errors.h"
#include "vm/interp/modules.h"
#include "vm/interp/ops.h"
#include "vm/objects/descriptor.h"
#include "vm/objects/dict.h"
#include "vm/objects/function.h"
#include "vm/objects/list.h"
#include "vm/objects/native.h"
#include "vm/objects/str.h"
#include "vm/objects/tuple.h"

namespace minidynamo {
namespace {

constexpr const char* kFields[] = {"opname",      "opcode",        "arg",
                                   "argval",      "argrepr",       "offset",
                                   "starts_line", "is_jump_target"};
constexpr size_t kNumFields = sizeof(kFields) / sizeof(kFields[0]);

TypeObject* g_instruction_type = nullptr;

Value InstructionRepr(Value* a, size_t, TupleObject*) {
  auto* t = As<TupleObject>(a[0]);
  std::string out = "Instruction(";
  for (size_t i = 0; i < kNumFields; ++i) {
    Value r = Repr(t->get(i));
    if (r.is_null()) return r;
    absl::StrAppend(&out, i ? ", " : "", kFields[i], "=",
                    As<StrObject>(r)->str());
  }
  return StrObject::New(out + ")");
}

void MakeInstructionType() {
  g_instruction_type =
      NewStructSeqType("Instruction", "dis",
                       std::vector<const char*>(kFields, kFields + kNumFields));
  AddMethod(g_instruction_type, "__repr__", InstructionRepr);
}

// The code object behind a function, method, class body or code object.
Value CodeOf(const Value& x) {
  Value v = x;
  if (IsInstance(v, g_types.method)) v = As<BoundMethod>(v)->func;
  if (IsInstance(v, g_types.function))
    return As<FunctionObject>(v)->code_value();
  if (IsInstance(v, g_types.code)) return v;
  Value code = GetAttrOptional(v, Intern("__code__"));
  if (!code.is_null() && IsInstance(code, g_types.code)) return code;
  if (!ErrorOccurred()) {
    RaiseF(g_exc.TypeError, "don't know how to disassemble %s objects",
           TypeName(x));
  }
  return Value();
}

Value GetInstructions(Value* args, size_t nargs, TupleObject* kw) {
  if (nargs - (kw ? kw->size() : 0) < 1) {
    return Raise(
        g_exc.TypeError,
        "get_instructions() missing 1 required positional argument: 'x'");
  }
  Value code = CodeOf(args[0]);
  if (code.is_null()) return code;
  Value list = ListObject::New();
  for (const DecodedInstruction& d : DecodeInstructions(As<CodeObject>(code))) {
    Value items = TupleObject::Of({
        StrObject::New(d.opname),
        Value::Int(static_cast<int>(d.op)),
        d.has_arg ? Value::Int(d.arg) : Value::None(),
        d.has_arg ? d.argval : Value::None(),
        StrObject::New(d.argrepr),
        Value::Int(d.offset),
        d.starts_line > 0 ? Value::Int(d.starts_line) : Value::None(),
        Value::Bool(d.is_jump_target),
    });
    Value ins = g_types.tuple->new_fn()(g_instruction_type, &items, 1, nullptr);
    if (ins.is_null()) return ins;
    As<ListObject>(list)->items().push_back(std::move(ins));
  }
  return GetIter(list);
}

// dis.dis(x=None, *, file=None, depth=None, ...): the disassembly of x and
// the code objects nested in it, to `file` (sys.stdout by default).
Value Dis(Value* args, size_t nargs, TupleObject* kw) {
  Value parsed[2];
  if (!ParseArgs("dis", args, nargs, kw, {"x", "file"}, 1, parsed)) {
    return Value();
  }
  Value code = CodeOf(parsed[0]);
  if (code.is_null()) return code;
  Value file =
      parsed[1].is_null() || parsed[1].is_none() ? SysStdout() : parsed[1];
  if (!WriteToFile(file, Disassemble(As<CodeObject>(code), true))) {
    return Value();
  }
  return Value::None();
}

bool InitDis(ModuleObject* m) {
  if (g_instruction_type == nullptr) MakeInstructionType();
  DictObject* d = m->dict();
  AddFunction(d, "get_instructions", GetInstructions);
  AddFunction(d, "dis", Dis);
  d->SetStr(Intern("Instruction"), Value::FromObject(g_instruction_type));
  Value opname = ListObject::New();
  Value opmap = DictObject::New();
  for (int i = 0; i < static_cast<int>(Opcode::kCount); ++i) {
    const char* name = OpcodeName(static_cast<Opcode>(i));
    As<ListObject>(opname)->items().push_back(StrObject::New(name));
    As<DictObject>(opmap)->SetStr(StrObject::Intern(name), Value::Int(i));
  }
  d->SetStr(Intern("opname"), opname);
  d->SetStr(Intern("opmap"), opmap);
  return true;
}

}  // namespace

void RegisterDisModule() { RegisterNativeModule("dis", InitDis); }

}  // namespace minidynamo
