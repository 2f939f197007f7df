#include "vm/core/builtin_types.h"

#include "vm/core/errors.h"
#include "vm/objects/dict.h"
#include "vm/objects/str.h"
#include "vm/objects/type_inits.h"

namespace minidynamo {

BuiltinTypes g_types;

namespace {

Object* g_not_implemented;
Object* g_ellipsis;

TypeObject* MakeType(const char* name, Layout layout, TypeObject* base) {
  auto* t = new TypeObject(g_types.type, name, layout);
  std::vector<TypeObject*> bases;
  if (base != nullptr) bases.push_back(base);
  t->SetBases(bases);
  return t;
}

TypeObject* MakeExceptionType(const char* name, TypeObject* base) {
  TypeObject* t = MakeType(name, Layout::kException, base);
  return t;
}

void MakeExceptionHierarchy() {
  ExceptionTypes& e = g_exc;
  e.BaseException = MakeExceptionType("BaseException", g_types.object);
  e.Exception = MakeExceptionType("Exception", e.BaseException);
  e.SystemExit = MakeExceptionType("SystemExit", e.BaseException);
  e.KeyboardInterrupt = MakeExceptionType("KeyboardInterrupt", e.BaseException);
  e.GeneratorExit = MakeExceptionType("GeneratorExit", e.BaseException);
  e.ArithmeticError = MakeExceptionType("ArithmeticError", e.Exception);
  e.FloatingPointError =
      MakeExceptionType("FloatingPointError", e.ArithmeticError);
  e.OverflowError = MakeExceptionType("OverflowError", e.ArithmeticError);
  e.ZeroDivisionError =
      MakeExceptionType("ZeroDivisionError", e.ArithmeticError);
  e.AssertionError = MakeExceptionType("AssertionError", e.Exception);
  e.AttributeError = MakeExceptionType("AttributeError", e.Exception);
  e.BufferError = MakeExceptionType("BufferError", e.Exception);
  e.EOFError = MakeExceptionType("EOFError", e.Exception);
  e.ImportError = MakeExceptionType("ImportError", e.Exception);
  e.ModuleNotFoundError =
      MakeExceptionType("ModuleNotFoundError", e.ImportError);
  e.LookupError = MakeExceptionType("LookupError", e.Exception);
  e.IndexError = MakeExceptionType("IndexError", e.LookupError);
  e.KeyError = MakeExceptionType("KeyError", e.LookupError);
  e.MemoryError = MakeExceptionType("MemoryError", e.Exception);
  e.NameError = MakeExceptionType("NameError", e.Exception);
  e.UnboundLocalError = MakeExceptionType("UnboundLocalError", e.NameError);
  e.OSError = MakeExceptionType("OSError", e.Exception);
  e.FileNotFoundError = MakeExceptionType("FileNotFoundError", e.OSError);
  e.ReferenceError = MakeExceptionType("ReferenceError", e.Exception);
  e.RuntimeError = MakeExceptionType("RuntimeError", e.Exception);
  e.NotImplementedError =
      MakeExceptionType("NotImplementedError", e.RuntimeError);
  e.RecursionError = MakeExceptionType("RecursionError", e.RuntimeError);
  e.StopIteration = MakeExceptionType("StopIteration", e.Exception);
  e.StopAsyncIteration = MakeExceptionType("StopAsyncIteration", e.Exception);
  e.SyntaxError = MakeExceptionType("SyntaxError", e.Exception);
  e.IndentationError = MakeExceptionType("IndentationError", e.SyntaxError);
  e.TabError = MakeExceptionType("TabError", e.IndentationError);
  e.SystemError = MakeExceptionType("SystemError", e.Exception);
  e.TypeError = MakeExceptionType("TypeError", e.Exception);
  e.ValueError = MakeExceptionType("ValueError", e.Exception);
  e.UnicodeError = MakeExceptionType("UnicodeError", e.ValueError);
  e.UnicodeDecodeError =
      MakeExceptionType("UnicodeDecodeError", e.UnicodeError);
  e.UnicodeEncodeError =
      MakeExceptionType("UnicodeEncodeError", e.UnicodeError);
  e.Warning = MakeExceptionType("Warning", e.Exception);
  e.UserWarning = MakeExceptionType("UserWarning", e.Warning);
  e.DeprecationWarning = MakeExceptionType("DeprecationWarning", e.Warning);
  e.RuntimeWarning = MakeExceptionType("RuntimeWarning", e.Warning);
  e.BaseExceptionGroup =
      MakeExceptionType("BaseExceptionGroup", e.BaseException);
  e.ExceptionGroup =
      new TypeObject(g_types.type, "ExceptionGroup", Layout::kException);
  e.ExceptionGroup->SetBases({e.BaseExceptionGroup, e.Exception});
  TypeObject* connection = MakeExceptionType("ConnectionError", e.OSError);
  const std::pair<const char*, TypeObject*> others[] = {
      {"ConnectionError", nullptr},
      {"BrokenPipeError", connection},
      {"ConnectionAbortedError", connection},
      {"ConnectionRefusedError", connection},
      {"ConnectionResetError", connection},
      {"BlockingIOError", e.OSError},
      {"ChildProcessError", e.OSError},
      {"FileExistsError", e.OSError},
      {"InterruptedError", e.OSError},
      {"IsADirectoryError", e.OSError},
      {"NotADirectoryError", e.OSError},
      {"PermissionError", e.OSError},
      {"ProcessLookupError", e.OSError},
      {"TimeoutError", e.OSError},
      {"UnicodeTranslateError", e.UnicodeError},
      {"SyntaxWarning", e.Warning},
      {"FutureWarning", e.Warning},
      {"PendingDeprecationWarning", e.Warning},
      {"ImportWarning", e.Warning},
      {"UnicodeWarning", e.Warning},
      {"BytesWarning", e.Warning},
      {"ResourceWarning", e.Warning},
      {"EncodingWarning", e.Warning},
  };
  size_t k = 0;
  for (const auto& [name, base] : others) {
    e.Others[k++] =
        base == nullptr ? connection : MakeExceptionType(name, base);
  }
  while (k < sizeof(e.Others) / sizeof(e.Others[0])) e.Others[k++] = nullptr;
}

}  // namespace

Value NotImplemented() { return Value::FromObject(g_not_implemented); }
Value Ellipsis() { return Value::FromObject(g_ellipsis); }

void InitBuiltinTypes() {
  // `type` is its own type; `object` has no base. The first four types are made
  // before any SetBases call, since computing hook flags interns strings (str)
  // and every type owns a dict (dict).
  g_types.type = new TypeObject(nullptr, "type", Layout::kType);
  g_types.type->set_type(g_types.type);
  g_types.object = new TypeObject(g_types.type, "object", Layout::kObject);
  g_types.str = new TypeObject(g_types.type, "str", Layout::kStr);
  g_types.dict = new TypeObject(g_types.type, "dict", Layout::kDict);
  for (TypeObject* t :
       {g_types.type, g_types.object, g_types.str, g_types.dict}) {
    t->dict()->set_type(g_types.dict);
  }
  g_types.object->SetBases({});
  g_types.type->SetBases({g_types.object});
  g_types.str->SetBases({g_types.object});
  g_types.dict->SetBases({g_types.object});

  auto final_type = [](const char* name, Layout layout) {
    TypeObject* t = MakeType(name, layout, g_types.object);
    t->set_base_type(false);
    return t;
  };
  g_types.none = final_type("NoneType", Layout::kNone);
  g_types.int_ = MakeType("int", Layout::kInt, g_types.object);
  g_types.bool_ = MakeType("bool", Layout::kBool, g_types.int_);
  g_types.bool_->set_base_type(false);
  g_types.float_ = MakeType("float", Layout::kFloat, g_types.object);
  g_types.bytes = MakeType("bytes", Layout::kBytes, g_types.object);
  g_types.tuple = MakeType("tuple", Layout::kTuple, g_types.object);
  g_types.list = MakeType("list", Layout::kList, g_types.object);
  g_types.set = MakeType("set", Layout::kSet, g_types.object);
  g_types.frozenset = MakeType("frozenset", Layout::kFrozenSet, g_types.object);
  g_types.function = final_type("function", Layout::kFunction);
  g_types.native_function =
      final_type("builtin_function_or_method", Layout::kNative);
  g_types.method = final_type("method", Layout::kMethod);
  g_types.code = final_type("code", Layout::kCode);
  g_types.cell = final_type("cell", Layout::kCell);
  g_types.module = MakeType("module", Layout::kModule, g_types.object);
  g_types.range = final_type("range", Layout::kRange);
  g_types.slice = final_type("slice", Layout::kSlice);
  g_types.iterator = final_type("iterator", Layout::kIterator);
  g_types.generator = final_type("generator", Layout::kGenerator);
  g_types.coroutine = final_type("coroutine", Layout::kGenerator);
  g_types.property = MakeType("property", Layout::kProperty, g_types.object);
  g_types.classmethod =
      MakeType("classmethod", Layout::kClassMethod, g_types.object);
  g_types.staticmethod =
      MakeType("staticmethod", Layout::kStaticMethod, g_types.object);
  g_types.super = MakeType("super", Layout::kSuper, g_types.object);
  g_types.not_implemented_type =
      final_type("NotImplementedType", Layout::kOther);
  g_types.ellipsis_type = final_type("ellipsis", Layout::kOther);
  g_types.frame = final_type("frame", Layout::kOther);
  g_types.traceback = final_type("traceback", Layout::kOther);
  g_types.member_descriptor = final_type("member_descriptor", Layout::kOther);

  g_not_implemented = new Object(g_types.not_implemented_type);
  g_ellipsis = new Object(g_types.ellipsis_type);

  MakeExceptionHierarchy();

  InitObjectAndTypeTypes();
  InitNumberTypes();
  InitStrType();
  InitBytesType();
  InitListType();
  InitTupleType();
  InitDictType();
  InitSetTypes();
  InitRangeAndSliceTypes();
  InitIteratorTypes();
  InitFunctionTypes();
  InitMemberDescriptorType();
  InitExceptionTypes();
  InitExceptionGroupTypes();
  InitGeneratorType();
  InitUnionType();
  InitByteArrayType();
  InitComplexType();
  InstallBuiltinDunderNew();
  // Collection and match-self flags (what match statements test).
  for (TypeObject* t : {g_types.tuple, g_types.list, g_types.range}) {
    t->set_collection_flags(TypeObject::kSequenceFlag);
  }
  g_types.dict->set_collection_flags(TypeObject::kMappingFlag);
  for (TypeObject* t :
       {g_types.bool_, g_types.bytes, g_types.dict, g_types.float_,
        g_types.frozenset, g_types.int_, g_types.list, g_types.set, g_types.str,
        g_types.tuple, As<TypeObject>(ByteArrayType())}) {
    t->set_collection_flags(t->collection_flags() | TypeObject::kMatchSelfFlag);
  }
}

}  // namespace minidynamo
