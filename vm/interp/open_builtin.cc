// open(): files on disk as Python file objects (text or binary, read, write or
// append), over C stdio. Text mode is UTF-8 with universal newlines on read.

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include "absl/strings/str_cat.h"
#include "vm/core/builtin_types.h"
#include "vm/core/errors.h"
#include "vm/interp/modules.h"
#include "vm/interp/ops.h"
#include "vm/objects/bytes.h"
#include "vm/objects/dict.h"
#include "vm/objects/list.h"
#include "vm/objects/native.h"
#include "vm/objects/str.h"
#include "vm/objects/tuple.h"

namespace minidynamo {
namespace {

TypeObject* g_text_type = nullptr;
TypeObject* g_binary_type = nullptr;

class DiskFile : public Object {
 public:
  DiskFile(TypeObject* t, FILE* f, std::string name, std::string mode)
      : Object(t), file(f), name(std::move(name)), mode(std::move(mode)) {}
  ~DiskFile() override {
    if (file != nullptr) std::fclose(file);
  }
  FILE* file;
  std::string name, mode;
  bool binary() const { return mode.find('b') != std::string::npos; }
};

DiskFile* DF(const Value& v) { return As<DiskFile>(v); }

bool CheckOpen(DiskFile* f) {
  if (f->file == nullptr) {
    Raise(g_exc.ValueError, "I/O operation on closed file.");
    return false;
  }
  return true;
}

Value Wrap(DiskFile* f, std::string data) {
  if (f->binary()) return BytesObject::New(std::move(data));
  // Universal newlines: \r\n and \r read as \n.
  std::string out;
  out.reserve(data.size());
  for (size_t i = 0; i < data.size(); ++i) {
    if (data[i] == '\r') {
      out.push_back('\n');
      if (i + 1 < data.size() && data[i + 1] == '\n') ++i;
    } else {
      out.push_back(data[i]);
    }
  }
  return StrObject::New(out);
}

Value Read(Value* a, size_t n, TupleObject* kw) {
  if (!CheckArgs("read", n - 1, kw, 0, 1)) return Value();
  DiskFile* f = DF(a[0]);
  if (!CheckOpen(f)) return Value();
  int64_t size = -1;
  if (n == 2 && !a[1].is_none() && !AsIndex(a[1], &size)) return Value();
  std::string data;
  if (size >= 0 && !f->binary()) {
    // Text mode counts characters: read whole UTF-8 sequences.
    for (int64_t k = 0; k < size; ++k) {
      int c = std::fgetc(f->file);
      if (c == EOF) break;
      data.push_back(static_cast<char>(c));
      int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
      for (int e = 0; e < extra; ++e) {
        int d = std::fgetc(f->file);
        if (d == EOF) break;
        data.push_back(static_cast<char>(d));
      }
    }
    return Wrap(f, std::move(data));
  }
  char buf[65536];
  while (size < 0 || static_cast<int64_t>(data.size()) < size) {
    size_t want = size < 0 ? sizeof buf
                           : std::min<size_t>(sizeof buf, size - data.size());
    size_t got = std::fread(buf, 1, want, f->file);
    data.append(buf, got);
    if (got < want) break;
  }
  return Wrap(f, std::move(data));
}

// One line including its newline; "" at end of file.
bool ReadLineRaw(DiskFile* f, std::string* line) {
  line->clear();
  int c;
  while ((c = std::fgetc(f->file)) != EOF) {
    line->push_back(static_cast<char>(c));
    if (c == '\n') break;
    if (c == '\r' && !f->binary()) {
      int d = std::fgetc(f->file);
      if (d != '\n' && d != EOF) std::ungetc(d, f->file);
      if (d == '\n') line->push_back('\n');
      break;
    }
  }
  return !line->empty();
}

Value ReadLine(Value* a, size_t n, TupleObject* kw) {
  if (!CheckArgs("readline", n - 1, kw, 0, 1)) return Value();
  DiskFile* f = DF(a[0]);
  if (!CheckOpen(f)) return Value();
  std::string line;
  ReadLineRaw(f, &line);
  return Wrap(f, std::move(line));
}

Value ReadLines(Value* a, size_t n, TupleObject* kw) {
  if (!CheckArgs("readlines", n - 1, kw, 0, 1)) return Value();
  DiskFile* f = DF(a[0]);
  if (!CheckOpen(f)) return Value();
  Value list = ListObject::New();
  std::string line;
  while (ReadLineRaw(f, &line))
    As<ListObject>(list)->items().push_back(Wrap(f, line));
  return list;
}

Value Next(Value* a, size_t, TupleObject*) {
  DiskFile* f = DF(a[0]);
  if (!CheckOpen(f)) return Value();
  std::string line;
  if (!ReadLineRaw(f, &line))
    return RaiseValue(Value::FromObject(g_exc.StopIteration));
  return Wrap(f, std::move(line));
}

Value Write(Value* a, size_t n, TupleObject* kw) {
  if (!CheckArgs("write", n - 1, kw, 1, 1)) return Value();
  DiskFile* f = DF(a[0]);
  if (!CheckOpen(f)) return Value();
  if (f->binary()) {
    if (!IsInstance(a[1], g_types.bytes)) {
      return RaiseF(g_exc.TypeError,
                    "a bytes-like object is required, not '%s'",
                    TypeName(a[1]));
    }
    const std::string& d = As<BytesObject>(a[1])->data();
    std::fwrite(d.data(), 1, d.size(), f->file);
    return Value::Int(static_cast<int64_t>(d.size()));
  }
  if (!IsInstance(a[1], g_types.str)) {
    return RaiseF(g_exc.TypeError, "write() argument must be str, not %s",
                  TypeName(a[1]));
  }
  const std::string& s = As<StrObject>(a[1])->str();
  std::fwrite(s.data(), 1, s.size(), f->file);
  return Value::Int(As<StrObject>(a[1])->length());
}

Value Close(Value* a, size_t, TupleObject*) {
  DiskFile* f = DF(a[0]);
  if (f->file != nullptr) {
    std::fclose(f->file);
    f->file = nullptr;
  }
  return Value::None();
}

Value Exit(Value* a, size_t n, TupleObject* kw) {
  Close(a, n, kw);
  return Value::Bool(false);
}

Value Repr(Value* a, size_t, TupleObject*) {
  DiskFile* f = DF(a[0]);
  if (f->binary()) {
    const char* kind = f->mode.find('r') != std::string::npos
                           ? "BufferedReader"
                           : "BufferedWriter";
    return StrObject::New(
        absl::StrCat("<_io.", kind, " name='", f->name, "'>"));
  }
  return StrObject::New(absl::StrCat("<_io.TextIOWrapper name='", f->name,
                                     "' mode='", f->mode,
                                     "' encoding='UTF-8'>"));
}

void AddFileMethods(TypeObject* t) {
  AddMethod(t, "read", Read);
  AddMethod(t, "readline", ReadLine);
  AddMethod(t, "readlines", ReadLines);
  AddMethod(t, "write", Write);
  AddMethod(t, "close", Close);
  AddMethod(t, "flush", [](Value* a, size_t, TupleObject*) {
    if (DF(a[0])->file != nullptr) std::fflush(DF(a[0])->file);
    return Value::None();
  });
  AddMethod(t, "__enter__",
            [](Value* a, size_t, TupleObject*) { return a[0]; });
  AddMethod(t, "__exit__", Exit);
  AddMethod(t, "__iter__", [](Value* a, size_t, TupleObject*) { return a[0]; });
  AddMethod(t, "__next__", Next);
  AddMethod(t, "__repr__", Repr);
  AddGetter(t, "closed", [](Value* a, size_t, TupleObject*) {
    return Value::Bool(DF(a[0])->file == nullptr);
  });
  AddGetter(t, "name", [](Value* a, size_t, TupleObject*) {
    return StrObject::New(DF(a[0])->name);
  });
  AddGetter(t, "mode", [](Value* a, size_t, TupleObject*) {
    return StrObject::New(DF(a[0])->mode);
  });
}

Value Open(Value* args, size_t nargs, TupleObject* kw) {
  Value p[4];
  if (!ParseArgs("open", args, nargs, kw,
                 {"file", "mode", "buffering", "encoding"}, 1, p)) {
    return Value();
  }
  if (!IsInstance(p[0], g_types.str)) {
    return RaiseF(g_exc.TypeError,
                  "expected str, bytes or os.PathLike object, not %s",
                  TypeName(p[0]));
  }
  std::string mode = p[1].is_null() ? "r" : As<StrObject>(Str(p[1]))->str();
  std::string cmode;
  for (char c : mode) {
    if (std::string("rwaxb+t").find(c) == std::string::npos) {
      return RaiseF(g_exc.ValueError, "invalid mode: '%s'", mode);
    }
  }
  char base = mode.find('w') != std::string::npos   ? 'w'
              : mode.find('a') != std::string::npos ? 'a'
              : mode.find('x') != std::string::npos ? 'x'
                                                    : 'r';
  cmode = base == 'x' ? "wx" : std::string(1, base);
  if (mode.find('+') != std::string::npos) cmode += "+";
  cmode += "b";  // Newline translation is ours, not stdio's.
  const std::string& path = As<StrObject>(p[0])->str();
  FILE* file = std::fopen(path.c_str(), cmode.c_str());
  if (file == nullptr) {
    int err = errno;
    Value exc =
        Call(Value::FromObject(g_exc.OSError),
             std::vector<Value>{Value::Int(err),
                                StrObject::New(std::strerror(err)), p[0]}
                 .data(),
             3);
    if (exc.is_null()) return exc;
    return RaiseValue(exc);
  }
  bool binary = mode.find('b') != std::string::npos;
  std::string shown = mode;
  if (!binary && shown.find('t') != std::string::npos)
    shown.erase(shown.find('t'), 1);
  return Value::Steal(
      new DiskFile(binary ? g_binary_type : g_text_type, file, path, shown));
}

}  // namespace

void InstallOpen(DictObject* builtins) {
  g_text_type = new TypeObject(g_types.type, "TextIOWrapper", Layout::kOther);
  g_binary_type =
      new TypeObject(g_types.type, "BufferedIOBase", Layout::kOther);
  for (TypeObject* t : {g_text_type, g_binary_type}) {
    t->SetBases({g_types.object});
    t->set_base_type(false);
    t->set_module_name("_io");
    AddFileMethods(t);
  }
  AddFunction(builtins, "open", Open);
}

}  // namespace minidynamo
