// BaseException and its subclasses' methods: construction, args, str/repr,
// __cause__/__context__/__traceback__, and the extra attributes of
// StopIteration, SystemExit, KeyError, SyntaxError and ImportError.

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "vm/core/builtin_types.h"
#include "vm/core/errors.h"
#include "vm/interp/ops.h"
#include "vm/objects/descriptor.h"
#include "vm/objects/dict.h"
#include "vm/objects/exception.h"
#include "vm/objects/list.h"
#include "vm/objects/native.h"
#include "vm/objects/str.h"
#include "vm/objects/tuple.h"
#include "vm/objects/type_inits.h"

namespace minidynamo {
namespace {

size_t NumKw(TupleObject* kw) { return kw ? kw->size() : 0; }

ExceptionObject* Exc(const Value& v) { return As<ExceptionObject>(v); }

Value ExceptionNewFn(TypeObject* type, Value* args, size_t nargs,
                     TupleObject* kw) {
  auto* e = new ExceptionObject(type);
  Value result = Value::Steal(e);
  e->args = TupleObject::FromValues(args, nargs - NumKw(kw));
  return result;
}

Value ExceptionInit(Value* args, size_t nargs, TupleObject* kw) {
  if (NumKw(kw) > 0 && TypeOf(args[0])->is_heap_type() == false) {
    return RaiseF(g_exc.TypeError, "%s() takes no keyword arguments",
                  TypeName(args[0]));
  }
  Exc(args[0])->args = TupleObject::FromValues(args + 1, nargs - 1 - NumKw(kw));
  return Value::None();
}

Value ExceptionStr(Value* args, size_t, TupleObject*) {
  auto* t = As<TupleObject>(Exc(args[0])->args);
  if (t->size() == 0) return StrObject::New("");
  if (t->size() == 1) return Str(t->get(0));
  return Str(Exc(args[0])->args);
}

Value ExceptionRepr(Value* args, size_t, TupleObject*) {
  auto* t = As<TupleObject>(Exc(args[0])->args);
  std::string name = TypeOf(args[0])->name();
  if (t->size() == 1) {
    Value r = Repr(t->get(0));
    if (r.is_null()) return r;
    return StrObject::New(
        absl::StrCat(name, "(", As<StrObject>(r)->str(), ")"));
  }
  Value r = Repr(Exc(args[0])->args);
  if (r.is_null()) return r;
  return StrObject::New(absl::StrCat(name, As<StrObject>(r)->str()));
}

Value KeyErrorStr(Value* args, size_t, TupleObject*) {
  auto* t = As<TupleObject>(Exc(args[0])->args);
  if (t->size() == 1) return Repr(t->get(0));
  return ExceptionStr(args, 1, nullptr);
}

Value GetArgs(Value* a, size_t, TupleObject*) { return Exc(a[0])->args; }
Value SetArgs(Value* a, size_t, TupleObject*) {
  if (!IsInstance(a[1], g_types.tuple)) {
    Value it = GetIter(a[1]);
    if (it.is_null()) return Value();
    std::vector<Value> items;
    while (true) {
      Value x = IterNext(it);
      if (x.is_null()) break;
      items.push_back(std::move(x));
    }
    if (ErrorOccurred()) return Value();
    Exc(a[0])->args = TupleObject::FromValues(items.data(), items.size());
  } else {
    Exc(a[0])->args = a[1];
  }
  return Value::None();
}
Value GetTraceback(Value* a, size_t, TupleObject*) {
  return Exc(a[0])->traceback;
}
Value SetTraceback(Value* a, size_t, TupleObject*) {
  Exc(a[0])->traceback = a[1];
  return Value::None();
}
Value GetCause(Value* a, size_t, TupleObject*) { return Exc(a[0])->cause; }
Value SetCause(Value* a, size_t, TupleObject*) {
  Exc(a[0])->cause = a[1];
  Exc(a[0])->suppress_context = true;
  return Value::None();
}
Value GetContext(Value* a, size_t, TupleObject*) { return Exc(a[0])->context; }
Value SetContext(Value* a, size_t, TupleObject*) {
  Exc(a[0])->context = a[1];
  return Value::None();
}
Value GetSuppress(Value* a, size_t, TupleObject*) {
  return Value::Bool(Exc(a[0])->suppress_context);
}
Value SetSuppress(Value* a, size_t, TupleObject*) {
  int t = IsTrue(a[1]);
  if (t < 0) return Value();
  Exc(a[0])->suppress_context = t;
  return Value::None();
}
Value WithTraceback(Value* a, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("with_traceback", nargs - 1, kw, 1, 1)) return Value();
  Exc(a[0])->traceback = a[1];
  return a[0];
}

// BaseException.__reduce__: (type, args) or (type, args, __dict__), what
// copy.copy/deepcopy rebuild an exception from.
Value ExceptionReduce(Value* a, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("__reduce__", nargs - 1, kw, 0, 0)) return Value();
  Value type = Value::FromObject(TypeOf(a[0]));
  DictObject* d = a[0].as_object()->dict();
  if (d == nullptr) return TupleObject::Of({type, Exc(a[0])->args});
  return TupleObject::Of({type, Exc(a[0])->args, Value::FromObject(d)});
}

// StopIteration.value, SystemExit.code: the first argument (or None), kept in
// the instance dict so assignment works as for any attribute.
Value FirstArgInit(Value* args, size_t nargs, TupleObject* kw,
                   const char* attr) {
  Value r = ExceptionInit(args, nargs, kw);
  if (r.is_null()) return r;
  auto* t = As<TupleObject>(Exc(args[0])->args);
  Value v = t->size() == 0 ? Value::None()
            : t->size() == 1 || std::string(attr) == "value"
                ? t->get(0)
                : Exc(args[0])->args;
  args[0].as_object()->EnsureDict()->SetStr(Intern(attr), std::move(v));
  return Value::None();
}
Value StopIterationInit(Value* a, size_t n, TupleObject* kw) {
  return FirstArgInit(a, n, kw, "value");
}
Value SystemExitInit(Value* a, size_t n, TupleObject* kw) {
  return FirstArgInit(a, n, kw, "code");
}

// SyntaxError(msg, (filename, lineno, offset, text[, end_lineno, end_offset])).
Value SyntaxErrorInit(Value* args, size_t nargs, TupleObject* kw) {
  Value r = ExceptionInit(args, nargs, kw);
  if (r.is_null()) return r;
  DictObject* d = args[0].as_object()->EnsureDict();
  auto* t = As<TupleObject>(Exc(args[0])->args);
  const char* fields[] = {"filename", "lineno",     "offset",
                          "text",     "end_lineno", "end_offset"};
  d->SetStr(Intern("msg"), t->size() >= 1 ? t->get(0) : Value::None());
  for (const char* f : fields) d->SetStr(Intern(f), Value::None());
  d->SetStr(Intern("print_file_and_line"), Value::None());
  if (t->size() == 2 && IsInstance(t->get(1), g_types.tuple)) {
    auto* info = As<TupleObject>(t->get(1));
    for (size_t i = 0; i < info->size() && i < 6; ++i) {
      d->SetStr(Intern(fields[i]), info->get(i));
    }
  }
  return Value::None();
}

Value SyntaxErrorStr(Value* args, size_t, TupleObject*) {
  DictObject* d = args[0].as_object()->EnsureDict();
  Value msg = d->GetStr(Intern("msg"));
  Value filename = d->GetStr(Intern("filename"));
  Value lineno = d->GetStr(Intern("lineno"));
  Value text = msg.is_null() || msg.is_none() ? Value() : Str(msg);
  if (text.is_null()) return ExceptionStr(args, 1, nullptr);
  std::string out = As<StrObject>(text)->str();
  std::string file;
  if (!filename.is_null() && IsInstance(filename, g_types.str)) {
    file = As<StrObject>(filename)->str();
    size_t slash = file.rfind('/');
    if (slash != std::string::npos) file = file.substr(slash + 1);
  }
  bool has_line = !lineno.is_null() && lineno.is_int();
  if (!file.empty() && has_line) {
    out = absl::StrCat(out, " (", file, ", line ", lineno.as_int(), ")");
  } else if (!file.empty()) {
    out = absl::StrCat(out, " (", file, ")");
  } else if (has_line) {
    out = absl::StrCat(out, " (line ", lineno.as_int(), ")");
  }
  return StrObject::New(out);
}

Value ImportErrorInit(Value* args, size_t nargs, TupleObject* kw) {
  // name= and path= keywords are accepted here (and only here).
  size_t nkw = NumKw(kw);
  Value base = ExceptionInit(args, nargs - nkw, nullptr);
  if (base.is_null()) return base;
  DictObject* d = args[0].as_object()->EnsureDict();
  d->SetStr(Intern("name"), Value::None());
  d->SetStr(Intern("path"), Value::None());
  auto* t = As<TupleObject>(Exc(args[0])->args);
  d->SetStr(Intern("msg"), t->size() == 1 ? t->get(0) : Value::None());
  for (size_t i = 0; i < nkw; ++i) {
    const std::string& k = As<StrObject>(kw->get(i))->str();
    if (k != "name" && k != "path") {
      return RaiseF(g_exc.TypeError,
                    "'%s' is an invalid keyword argument for %s()", k,
                    TypeName(args[0]));
    }
    d->SetStr(Intern(k.c_str()), args[nargs - nkw + i]);
  }
  return Value::None();
}

// AttributeError(*args, name=None, obj=None) and NameError(*args,
// name=None): the keywords fill the lookup details.
Value LookupErrorDetailsInit(Value* args, size_t nargs, TupleObject* kw,
                             bool with_obj) {
  size_t nkw = NumKw(kw);
  Value base = ExceptionInit(args, nargs - nkw, nullptr);
  if (base.is_null()) return base;
  auto* e = Exc(args[0]);
  for (size_t i = 0; i < nkw; ++i) {
    const std::string& k = As<StrObject>(kw->get(i))->str();
    if (k == "name") {
      e->attr_name = args[nargs - nkw + i];
    } else if (k == "obj" && with_obj) {
      e->attr_obj = args[nargs - nkw + i];
    } else {
      return RaiseF(g_exc.TypeError,
                    "'%s' is an invalid keyword argument for %s()", k,
                    TypeName(args[0]));
    }
  }
  return Value::None();
}
Value AttributeErrorInit(Value* a, size_t n, TupleObject* kw) {
  return LookupErrorDetailsInit(a, n, kw, true);
}
Value NameErrorInit(Value* a, size_t n, TupleObject* kw) {
  return LookupErrorDetailsInit(a, n, kw, false);
}
Value GetAttrName(Value* a, size_t, TupleObject*) {
  const Value& v = Exc(a[0])->attr_name;
  return v.is_null() ? Value::None() : v;
}
Value SetAttrName(Value* a, size_t, TupleObject*) {
  Exc(a[0])->attr_name = a[1];
  return Value::None();
}
Value GetAttrObj(Value* a, size_t, TupleObject*) {
  const Value& v = Exc(a[0])->attr_obj;
  return v.is_null() ? Value::None() : v;
}
Value SetAttrObj(Value* a, size_t, TupleObject*) {
  Exc(a[0])->attr_obj = a[1];
  return Value::None();
}

// OSError(errno, strerror[, filename]): the attributes, and the subclass
// CPython picks for a known errno (OSError(2, ...) is a FileNotFoundError).
TypeObject* OSErrorSubclassFor(int64_t err) {
  Value builtins_name;
  const char* name = nullptr;
  switch (err) {
    case 2:
      name = "FileNotFoundError";
      break;
    case 17:
      name = "FileExistsError";
      break;
    case 21:
      name = "IsADirectoryError";
      break;
    case 20:
      name = "NotADirectoryError";
      break;
    case 1:
    case 13:
      name = "PermissionError";
      break;
    case 4:
      name = "InterruptedError";
      break;
    case 110:
      name = "TimeoutError";
      break;
    case 32:
      name = "BrokenPipeError";
      break;
    case 111:
      name = "ConnectionRefusedError";
      break;
    default:
      return nullptr;
  }
  for (TypeObject* t : g_exc.Others) {
    if (t != nullptr && t->name() == name) return t;
  }
  return name == std::string("FileNotFoundError") ? g_exc.FileNotFoundError
                                                  : nullptr;
}

Value OSErrorNewFn(TypeObject* type, Value* args, size_t nargs,
                   TupleObject* kw) {
  size_t npos = nargs - NumKw(kw);
  if (type == g_exc.OSError && npos >= 2 && args[0].is_int()) {
    TypeObject* sub = OSErrorSubclassFor(args[0].as_int());
    if (sub != nullptr) type = sub;
  }
  return ExceptionNewFn(type, args, nargs, kw);
}

Value OSErrorInit(Value* args, size_t nargs, TupleObject* kw) {
  Value r = ExceptionInit(args, nargs, kw);
  if (r.is_null()) return r;
  DictObject* d = args[0].as_object()->EnsureDict();
  auto* t = As<TupleObject>(Exc(args[0])->args);
  bool full = t->size() >= 2 && t->size() <= 5;
  d->SetStr(Intern("errno"), full ? t->get(0) : Value::None());
  d->SetStr(Intern("strerror"), full ? t->get(1) : Value::None());
  d->SetStr(Intern("filename"),
            full && t->size() >= 3 ? t->get(2) : Value::None());
  d->SetStr(Intern("filename2"),
            full && t->size() >= 5 ? t->get(4) : Value::None());
  if (full && t->size() >= 3) {
    // CPython keeps only (errno, strerror) in args when a filename is given.
    Exc(args[0])->args = TupleObject::Of({t->get(0), t->get(1)});
  }
  return Value::None();
}

Value OSErrorStr(Value* args, size_t, TupleObject*) {
  DictObject* d = args[0].as_object()->EnsureDict();
  Value err = d->GetStr(Intern("errno"));
  Value msg = d->GetStr(Intern("strerror"));
  Value file = d->GetStr(Intern("filename"));
  if (err.is_null() || err.is_none()) return ExceptionStr(args, 1, nullptr);
  Value es = Str(err), ms = Str(msg);
  if (es.is_null() || ms.is_null()) return Value();
  std::string out = absl::StrCat("[Errno ", As<StrObject>(es)->str(), "] ",
                                 As<StrObject>(ms)->str());
  if (!file.is_null() && !file.is_none()) {
    Value fr = Repr(file);
    if (fr.is_null()) return fr;
    absl::StrAppend(&out, ": ", As<StrObject>(fr)->str());
  }
  return StrObject::New(out);
}

// BaseException.add_note (3.11): appends to __notes__.
Value AddNote(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("add_note", nargs - 1, kw, 1, 1)) return Value();
  if (!IsInstance(args[1], g_types.str)) {
    return RaiseF(g_exc.TypeError, "note must be a str, not '%s'",
                  TypeName(args[1]));
  }
  DictObject* d = args[0].as_object()->EnsureDict();
  Value notes = d->GetStr(Intern("__notes__"));
  if (notes.is_null()) {
    notes = ListObject::New();
    d->SetStr(Intern("__notes__"), notes);
  }
  if (!IsInstance(notes, g_types.list)) {
    return Raise(g_exc.TypeError, "Cannot add note: __notes__ is not a list");
  }
  As<ListObject>(notes)->items().push_back(args[1]);
  return Value::None();
}

// UnicodeDecodeError/UnicodeEncodeError(encoding, object, start, end, reason).
Value UnicodeErrorInit(Value* args, size_t nargs, TupleObject* kw) {
  Value r = ExceptionInit(args, nargs, kw);
  if (r.is_null()) return r;
  auto* t = As<TupleObject>(Exc(args[0])->args);
  if (t->size() != 5) return Value::None();
  DictObject* d = args[0].as_object()->EnsureDict();
  const char* names[] = {"encoding", "object", "start", "end", "reason"};
  for (size_t i = 0; i < 5; ++i) d->SetStr(Intern(names[i]), t->get(i));
  return Value::None();
}

Value UnicodeErrorStr(Value* args, size_t, TupleObject*) {
  DictObject* d = args[0].as_object()->dict();
  Value start = d ? d->GetStr(Intern("start")) : Value();
  if (start.is_null() || !start.is_int()) return ExceptionStr(args, 1, nullptr);
  Value enc = Str(d->GetStr(Intern("encoding")));
  Value reason = Str(d->GetStr(Intern("reason")));
  Value obj = d->GetStr(Intern("object"));
  Value end = d->GetStr(Intern("end"));
  if (enc.is_null() || reason.is_null()) return Value();
  int64_t s = start.as_int(), e = end.is_int() ? end.as_int() : s + 1;
  bool decode = TypeOf(args[0])->IsSubtypeOf(g_exc.UnicodeDecodeError);
  std::string what;
  if (e == s + 1 && decode && IsInstance(obj, g_types.bytes)) {
    int64_t n = Length(obj);
    if (s >= 0 && s < n) {
      Value byte = GetItem(obj, Value::Int(s));
      if (byte.is_null()) return byte;
      what = absl::StrFormat("byte 0x%02x in position %d", byte.as_int(), s);
    }
  }
  if (what.empty() && e == s + 1 && !decode && IsInstance(obj, g_types.str)) {
    Value ch = GetItem(obj, Value::Int(s));
    if (ch.is_null()) return ch;
    size_t i = 0;
    uint32_t cp = DecodeUtf8(As<StrObject>(ch)->str(), &i);
    std::string esc = cp < 0x100     ? absl::StrFormat("\\x%02x", cp)
                      : cp < 0x10000 ? absl::StrFormat("\\u%04x", cp)
                                     : absl::StrFormat("\\U%08x", cp);
    what = absl::StrFormat("character '%s' in position %d", esc, s);
  }
  if (what.empty()) {
    what = e == s + 1
               ? absl::StrFormat("%s in position %d",
                                 decode ? "byte" : "character", s)
               : absl::StrFormat("%s in position %d-%d",
                                 decode ? "bytes" : "characters", s, e - 1);
  }
  return StrObject::New(absl::StrCat("'", As<StrObject>(enc)->str(),
                                     "' codec can't ",
                                     decode ? "decode " : "encode ", what, ": ",
                                     As<StrObject>(reason)->str()));
}

}  // namespace

void InitExceptionTypes() {
  TypeObject* b = g_exc.BaseException;
  b->set_new_fn(ExceptionNewFn);
  AddMethod(b, "__init__", ExceptionInit);
  AddMethod(b, "__str__", ExceptionStr);
  AddMethod(b, "__repr__", ExceptionRepr);
  AddMethod(b, "with_traceback", WithTraceback);
  AddMethod(b, "__reduce__", ExceptionReduce);
  AddGetSet(b, "args", GetArgs, SetArgs);
  AddGetSet(b, "__traceback__", GetTraceback, SetTraceback);
  AddGetSet(b, "__cause__", GetCause, SetCause);
  AddGetSet(b, "__context__", GetContext, SetContext);
  AddGetSet(b, "__suppress_context__", GetSuppress, SetSuppress);
  AddMethod(g_exc.KeyError, "__str__", KeyErrorStr);
  AddMethod(g_exc.StopIteration, "__init__", StopIterationInit);
  AddMethod(g_exc.SystemExit, "__init__", SystemExitInit);
  AddMethod(g_exc.SyntaxError, "__init__", SyntaxErrorInit);
  AddMethod(g_exc.SyntaxError, "__str__", SyntaxErrorStr);
  AddMethod(g_exc.ImportError, "__init__", ImportErrorInit);
  AddMethod(g_exc.AttributeError, "__init__", AttributeErrorInit);
  AddGetSet(g_exc.AttributeError, "name", GetAttrName, SetAttrName);
  AddGetSet(g_exc.AttributeError, "obj", GetAttrObj, SetAttrObj);
  AddMethod(g_exc.NameError, "__init__", NameErrorInit);
  AddGetSet(g_exc.NameError, "name", GetAttrName, SetAttrName);
  AddMethod(b, "add_note", AddNote);
  for (TypeObject* u : {g_exc.UnicodeDecodeError, g_exc.UnicodeEncodeError}) {
    AddMethod(u, "__init__", UnicodeErrorInit);
    AddMethod(u, "__str__", UnicodeErrorStr);
  }
  g_exc.OSError->set_new_fn(OSErrorNewFn);
  AddMethod(g_exc.OSError, "__init__", OSErrorInit);
  AddMethod(g_exc.OSError, "__str__", OSErrorStr);
}

}  // namespace minidynamo
