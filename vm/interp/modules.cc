#include "vm/interp/modules.h"

#include <unistd.h>

#include <cfloat>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "vm/compile/compiler.h"
#include "vm/compile/disassemble.h"
#include "vm/core/builtin_types.h"
#include "vm/core/errors.h"
#include "vm/interp/eval.h"
#include "vm/interp/frame.h"
#include "vm/interp/ops.h"
#include "vm/interp/pattern_match.h"
#include "vm/interp/source_file.h"
#include "vm/interp/suggestions.h"
#include "vm/interp/support.h"
#include "vm/interp/traceback_carets.h"
#include "vm/objects/bytes_internal.h"
#include "vm/objects/descriptor.h"
#include "vm/objects/dict.h"
#include "vm/objects/exception.h"
#include "vm/objects/function.h"
#include "vm/objects/list.h"
#include "vm/objects/method_util.h"
#include "vm/objects/native.h"
#include "vm/objects/number.h"
#include "vm/objects/str.h"
#include "vm/objects/tuple.h"
#include "vm/version.h"

namespace minidynamo {
namespace {

Value LoadModuleFromSource(const std::string& name, const std::string& path,
                           const std::string& source, bool is_package);

ModuleObject* g_builtins = nullptr;
ModuleObject* g_sys = nullptr;
TypeObject* g_file_type = nullptr;

// sys.stdout / sys.stderr: text files over C stdio, which buffers like
// CPython's TextIOWrapper (line-buffered on a terminal, block-buffered
// otherwise).
class FileObject : public Object {
 public:
  FileObject(TypeObject* type, FILE* f, std::string name)
      : Object(type), file(f), name(std::move(name)) {}
  FILE* file;
  std::string name;
};

struct EmbeddedModule {
  const char* source;
  bool is_package;
};

absl::flat_hash_map<std::string, EmbeddedModule>& EmbeddedModules() {
  static auto* m = new absl::flat_hash_map<std::string, EmbeddedModule>();
  return *m;
}

absl::flat_hash_map<std::string, ModuleInitFn>& NativeModules() {
  static auto* m = new absl::flat_hash_map<std::string, ModuleInitFn>();
  return *m;
}

DictObject* SysDict() { return g_sys->dict(); }

Value SysAttr(const char* name) { return SysDict()->GetStr(Intern(name)); }

// Writes to one of the standard streams. stderr is unbuffered, and what
// stdout holds goes out first, so `2>&1` output keeps the program's order
// (as CPython's does: `print("a", end="")` then a stderr write gives "a"
// first).
void WriteToStdio(std::FILE* file, const std::string& text) {
  if (file == stderr) std::fflush(stdout);
  std::fwrite(text.data(), 1, text.size(), file);
  if (file == stderr) std::fflush(stderr);
}

Value FileWrite(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("write", nargs - 1, kw, 1, 1)) return Value();
  if (!IsInstance(args[1], g_types.str)) {
    return RaiseF(g_exc.TypeError, "write() argument must be str, not %s",
                  TypeName(args[1]));
  }
  auto* f = As<FileObject>(args[0]);
  const std::string& s = As<StrObject>(args[1])->str();
  WriteToStdio(f->file, s);
  return Value::Int(As<StrObject>(args[1])->length());
}

Value FileFlush(Value* args, size_t, TupleObject*) {
  std::fflush(As<FileObject>(args[0])->file);
  return Value::None();
}

Value FileFileno(Value* args, size_t, TupleObject*) {
  return Value::Int(fileno(As<FileObject>(args[0])->file));
}

Value FileIsatty(Value* args, size_t, TupleObject*) {
  return Value::Bool(isatty(fileno(As<FileObject>(args[0])->file)));
}

Value SysExit(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("exit", nargs, kw, 0, 1)) return Value();
  Value exc = nargs == 0
                  ? CallNoArgs(Value::FromObject(g_exc.SystemExit))
                  : CallOneArg(Value::FromObject(g_exc.SystemExit), args[0]);
  if (exc.is_null()) return exc;
  return RaiseValue(exc);
}

Value SysGetRecursionLimit(Value*, size_t, TupleObject*) {
  return Value::Int(ThreadState::Get()->recursion_limit);
}

Value SysSetRecursionLimit(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("setrecursionlimit", nargs, kw, 1, 1)) return Value();
  int64_t n;
  if (!CIntArg(args[0], &n)) return Value();
  if (n < 1)
    return Raise(g_exc.ValueError,
                 "recursion limit must be greater or equal than 1");
  ThreadState::Get()->recursion_limit = static_cast<int>(n);
  return Value::None();
}

Value SysGetIntMaxStrDigits(Value*, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("get_int_max_str_digits", nargs, kw, 0, 0)) return Value();
  return Value::Int(IntMaxStrDigits());
}

Value SysSetIntMaxStrDigits(Value* args, size_t nargs, TupleObject* kw) {
  Value p[1];
  if (!UnpackKeywords("set_int_max_str_digits", args, nargs, kw, 0, 1,
                      {"maxdigits"}, p)) {
    return Value();
  }
  if (p[0].is_null()) {
    return Raise(g_exc.TypeError,
                 "set_int_max_str_digits() missing required argument "
                 "'maxdigits' (pos 1)");
  }
  int64_t n;
  if (!CIntArg(p[0], &n)) return Value();
  if (n != 0 && n < 640) {
    return Raise(g_exc.ValueError, "maxdigits must be 0 or larger than 640");
  }
  SetIntMaxStrDigits(n);
  return Value::None();
}

Value SysExcInfo(Value*, size_t, TupleObject*) {
  const Value& e = ThreadState::Get()->handled_exception;
  if (e.is_null() || e.is_none()) {
    return TupleObject::Of({Value::None(), Value::None(), Value::None()});
  }
  return TupleObject::Of(
      {Value::FromObject(TypeOf(e)), e, As<ExceptionObject>(e)->traceback});
}

Value SysException(Value*, size_t, TupleObject*) {
  const Value& e = ThreadState::Get()->handled_exception;
  return e.is_null() ? Value::None() : e;
}

Value SysIntern(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("intern", nargs, kw, 1, 1)) return Value();
  if (!IsInstance(args[0], g_types.str)) {
    return RaiseF(g_exc.TypeError, "intern() argument must be str, not %s",
                  TypeName(args[0]));
  }
  return Value::FromObject(StrObject::Intern(As<StrObject>(args[0])->str()));
}

// The argument's reference count, the call's own reference included, as
// CPython's. Values stored inline (small ints, floats, None, bools) have no
// count: they answer a large constant, as immortal objects do in 3.12.
Value SysGetRefCount(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("getrefcount", nargs, kw, 1, 1)) return Value();
  if (!args[0].is_object()) return Value::Int(int64_t{1} << 32);
  return Value::Int(args[0].as_object()->refcount());
}

Value DisplayHook(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("displayhook", nargs, kw, 1, 1)) return Value();
  if (args[0].is_none()) return Value::None();
  Value r = Repr(args[0]);
  if (r.is_null()) return r;
  if (!WriteToFile(SysStdout(), As<StrObject>(r)->str() + "\n")) return Value();
  g_builtins->dict()->SetStr(Intern("_"), args[0]);
  return Value::None();
}

Value MakeStrList(const std::vector<std::string>& items) {
  Value l = ListObject::New();
  for (const auto& s : items)
    As<ListObject>(l)->items().push_back(StrObject::New(s));
  return l;
}

// A struct sequence (sys.version_info, sys.float_info, ...) holding `values`.
Value MakeStructSeq(const char* name, const std::vector<const char*>& fields,
                    std::vector<Value> values) {
  TypeObject* t = NewStructSeqType(name, "sys", fields);
  t->set_base_type(false);
  Value items = TupleObject::FromValues(values.data(), values.size());
  return g_types.tuple->new_fn()(t, &items, 1, nullptr);
}

Value MakeVersionInfo() {
  return MakeStructSeq("version_info",
                       {"major", "minor", "micro", "releaselevel", "serial"},
                       {Value::Int(3), Value::Int(11), Value::Int(0),
                        StrObject::New("final"), Value::Int(0)});
}

// os.path.normpath of an absolute path: no empty or "." components, ".."
// resolved lexically, no trailing slash.
std::string NormAbsPath(const std::string& path) {
  std::vector<std::string> parts;
  for (absl::string_view part : absl::StrSplit(path, '/')) {
    if (part.empty() || part == ".") continue;
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
      continue;
    }
    parts.emplace_back(part);
  }
  std::string out;
  for (const std::string& p : parts) absl::StrAppend(&out, "/", p);
  return out.empty() ? "/" : out;
}

// The directories named by $PYTHONPATH, as CPython puts them on sys.path
// (after the script's directory): made absolute against the working directory
// and normalized (os.path.abspath), an empty entry meaning the working
// directory itself.
std::vector<std::string> PythonPathEntries() {
  std::vector<std::string> out;
  const char* env = std::getenv("PYTHONPATH");
  if (env == nullptr || *env == '\0') return out;
  std::string cwd;
  char buf[4096];
  if (getcwd(buf, sizeof buf) != nullptr) cwd = buf;
  for (absl::string_view part : absl::StrSplit(env, ':')) {
    std::string entry(part);
    if (entry.empty()) {
      entry = cwd;
    } else if (entry[0] != '/' && !cwd.empty()) {
      entry = cwd + "/" + entry;
    }
    if (!entry.empty())
      out.push_back(entry[0] == '/' ? NormAbsPath(entry) : entry);
  }
  return out;
}

void InitSys(const std::vector<std::string>& argv) {
  g_sys = new ModuleObject(g_types.module, "sys");
  DictObject* d = g_sys->dict();
  d->SetStr(Intern("__name__"), StrObject::New("sys"));
  d->SetStr(Intern("argv"), MakeStrList(argv));
  d->SetStr(Intern("path"), MakeStrList(PythonPathEntries()));
  d->SetStr(Intern("modules"), DictObject::New());
  d->SetStr(Intern("stdout"),
            Value::Steal(new FileObject(g_file_type, stdout, "<stdout>")));
  d->SetStr(Intern("stderr"),
            Value::Steal(new FileObject(g_file_type, stderr, "<stderr>")));
  d->SetStr(Intern("stdin"),
            Value::Steal(new FileObject(g_file_type, stdin, "<stdin>")));
  d->SetStr(Intern("__stdout__"), d->GetStr(Intern("stdout")));
  d->SetStr(Intern("__stderr__"), d->GetStr(Intern("stderr")));
  d->SetStr(Intern("version"),
            StrObject::New(absl::StrCat(kPythonVersion, ".0 (minidynamo ",
                                        kVersion, ")")));
  d->SetStr(Intern("version_info"), MakeVersionInfo());
  d->SetStr(
      Intern("float_info"),
      MakeStructSeq(
          "float_info",
          {"max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp",
           "dig", "mant_dig", "epsilon", "radix", "rounds"},
          {Value::Float(DBL_MAX), Value::Int(DBL_MAX_EXP),
           Value::Int(DBL_MAX_10_EXP), Value::Float(DBL_MIN),
           Value::Int(DBL_MIN_EXP), Value::Int(DBL_MIN_10_EXP),
           Value::Int(DBL_DIG), Value::Int(DBL_MANT_DIG),
           Value::Float(DBL_EPSILON), Value::Int(FLT_RADIX), Value::Int(1)}));
  d->SetStr(Intern("hash_info"),
            MakeStructSeq("hash_info",
                          {"width", "modulus", "inf", "nan", "imag",
                           "algorithm", "hash_bits", "seed_bits", "cutoff"},
                          {Value::Int(64), Value::Int((int64_t{1} << 61) - 1),
                           Value::Int(314159), Value::Int(0),
                           Value::Int(1000003), StrObject::New("siphash13"),
                           Value::Int(64), Value::Int(128), Value::Int(0)}));
  d->SetStr(Intern("implementation"),
            MakeStructSeq("implementation", {"name", "cache_tag", "version"},
                          {StrObject::New("minidynamo"), Value::None(),
                           MakeVersionInfo()}));
  d->SetStr(
      Intern("int_info"),
      MakeStructSeq(
          "int_info",
          {"bits_per_digit", "sizeof_digit", "default_max_str_digits",
           "str_digits_check_threshold"},
          {Value::Int(30), Value::Int(4), Value::Int(4300), Value::Int(640)}));
  d->SetStr(Intern("hexversion"), Value::Int(0x030B00F0));
  d->SetStr(Intern("platform"), StrObject::New("linux"));
  d->SetStr(Intern("byteorder"), StrObject::New("little"));
  d->SetStr(Intern("maxsize"), Value::Int(INT64_MAX));
  d->SetStr(Intern("executable"), StrObject::New(argv.empty() ? "vm" : "vm"));
  d->SetStr(Intern("implementation_name"), StrObject::New("minidynamo"));
  AddFunction(d, "exit", SysExit);
  AddFunction(d, "getrecursionlimit", SysGetRecursionLimit);
  AddFunction(d, "setrecursionlimit", SysSetRecursionLimit);
  AddFunction(d, "get_int_max_str_digits", SysGetIntMaxStrDigits);
  AddFunction(d, "set_int_max_str_digits", SysSetIntMaxStrDigits);
  AddFunction(d, "exc_info", SysExcInfo);
  AddFunction(d, "exception", SysException);
  AddFunction(d, "intern", SysIntern);
  AddFunction(d, "getrefcount", SysGetRefCount);
  AddFunction(d, "displayhook", DisplayHook);
  As<DictObject>(SysAttr("modules"))
      ->SetStr(Intern("sys"), Value::FromObject(g_sys));
}

// ---- Source files
// -------------------------------------------------------------

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

bool FileExists(const std::string& path) {
  return access(path.c_str(), R_OK) == 0;
}

std::string DirName(const std::string& path) {
  size_t slash = path.rfind('/');
  if (slash == std::string::npos) return "";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

// The source lines of files, for tracebacks.
// Line `lineno` of a file as it is there (no newline); *had_newline tells
// whether one followed it.
std::string RawSourceLine(const std::string& filename, int lineno,
                          bool* had_newline) {
  static auto* cache =
      new absl::flat_hash_map<std::string, std::vector<std::string>>();
  auto it = cache->find(filename);
  if (it == cache->end()) {
    std::string text;
    std::vector<std::string> lines;
    if (ReadFile(filename, &text)) {
      std::string decoded;
      if (DecodeSourceFile(filename, text, &decoded)) {
        text = std::move(decoded);
      } else {
        ClearError();  // shown as the bytes are
      }
      lines = absl::StrSplit(text, '\n');
    }
    it = cache->emplace(filename, std::move(lines)).first;
  }
  *had_newline = false;
  if (lineno < 1 || static_cast<size_t>(lineno) > it->second.size()) return "";
  *had_newline = static_cast<size_t>(lineno) < it->second.size();
  return it->second[lineno - 1];
}

std::string SourceLine(const std::string& filename, int lineno) {
  bool had_newline;
  std::string line = RawSourceLine(filename, lineno, &had_newline);
  size_t b = line.find_first_not_of(" \t\f\r");
  size_t e = line.find_last_not_of(" \t\f\r\n");
  if (b == std::string::npos) return "";
  return line.substr(b, e - b + 1);
}

Value ExecModuleCode(const Value& code, ModuleObject* module) {
  return RunCode(code, module->dict());
}

// Loads `path` as module `name` (registered in sys.modules before it runs, as
// CPython does, so circular imports see the partial module).
Value LoadSourceModule(const std::string& name, const std::string& path,
                       bool is_package) {
  std::string source;
  if (!ReadFile(path, &source)) {
    return RaiseF(g_exc.ImportError, "cannot read '%s'", path);
  }
  std::string decoded;
  if (!DecodeSourceFile(path, source, &decoded)) return Value();
  return LoadModuleFromSource(name, path, decoded, is_package);
}

Value LoadModuleFromSource(const std::string& name, const std::string& path,
                           const std::string& source, bool is_package) {
  SyntaxErrorInfo err;
  auto code = CompileSource(source, path, CompileMode::kExec, &err);
  if (!code.ok()) return RaiseSyntaxError(err);
  auto* m = new ModuleObject(g_types.module, name);
  Value mod = Value::Steal(m);
  DictObject* d = m->dict();
  d->SetStr(Intern("__name__"), StrObject::New(name));
  d->SetStr(Intern("__file__"), StrObject::New(path));
  d->SetStr(Intern("__builtins__"), Value::FromObject(g_builtins));
  d->SetStr(Intern("__doc__"), Value::None());
  size_t dot = name.rfind('.');
  if (is_package) {
    d->SetStr(Intern("__package__"), StrObject::New(name));
    // Embedded packages have no directory; their submodules are found by name.
    d->SetStr(Intern("__path__"), MakeStrList({DirName(path)}));
  } else {
    d->SetStr(
        Intern("__package__"),
        StrObject::New(dot == std::string::npos ? "" : name.substr(0, dot)));
  }
  auto* modules = As<DictObject>(SysAttr("modules"));
  modules->SetStr(StrObject::Intern(name), mod);
  Value r = ExecModuleCode(*code, m);
  if (r.is_null()) {
    modules->DelStr(StrObject::Intern(name));
    return r;
  }
  // The module object may have been replaced in sys.modules by its own code.
  Value final_mod = modules->GetStr(StrObject::Intern(name));
  return final_mod.is_null() ? mod : final_mod;
}

// Finds and loads one module `fullname` whose parent (if any) is loaded;
// `search` is the list of directories (sys.path or the parent's __path__).
Value FindAndLoad(const std::string& fullname, const Value& search) {
  auto* modules = As<DictObject>(SysAttr("modules"));
  Value cached = modules->GetStr(StrObject::Intern(fullname));
  if (!cached.is_null()) return cached;
  auto native = NativeModules().find(fullname);
  if (native != NativeModules().end()) {
    auto* m = new ModuleObject(g_types.module, fullname);
    Value mod = Value::Steal(m);
    m->dict()->SetStr(Intern("__name__"), StrObject::New(fullname));
    modules->SetStr(StrObject::Intern(fullname), mod);
    if (!native->second(m)) {
      modules->DelStr(StrObject::Intern(fullname));
      return Value();
    }
    return mod;
  }
  auto embedded = EmbeddedModules().find(fullname);
  if (embedded != EmbeddedModules().end()) {
    return LoadModuleFromSource(
        fullname, absl::StrCat("<frozen ", fullname, ">"),
        embedded->second.source, embedded->second.is_package);
  }
  std::string leaf = fullname.substr(fullname.rfind('.') + 1);
  if (IsInstance(search, g_types.list)) {
    std::vector<Value> dirs = As<ListObject>(search)->items();
    for (const Value& dv : dirs) {
      if (!IsInstance(dv, g_types.str)) continue;
      std::string dir = As<StrObject>(dv)->str();
      std::string base = dir.empty() ? leaf : dir + "/" + leaf;
      if (FileExists(base + "/__init__.py")) {
        return LoadSourceModule(fullname, base + "/__init__.py", true);
      }
      if (FileExists(base + ".py"))
        return LoadSourceModule(fullname, base + ".py", false);
    }
  }
  Value exc = CallOneArg(
      Value::FromObject(g_exc.ModuleNotFoundError),
      StrObject::New(absl::StrCat("No module named '", fullname, "'")));
  if (exc.is_null()) return exc;
  SetAttr(exc, Intern("name"), StrObject::New(fullname));
  return RaiseValue(exc);
}

// Imports a dotted name, loading each package on the way; returns the last
// module.
Value ImportDotted(const std::string& name) {
  std::vector<std::string> parts = absl::StrSplit(name, '.');
  std::string prefix;
  Value module;
  for (const std::string& part : parts) {
    Value search = SysAttr("path");
    if (!module.is_null()) {
      search = GetAttrOptional(module, Intern("__path__"));
      if (search.is_null()) {
        if (ErrorOccurred()) return Value();
        Value exc = CallOneArg(
            Value::FromObject(g_exc.ModuleNotFoundError),
            StrObject::New(absl::StrCat("No module named '", prefix, ".", part,
                                        "'; '", prefix, "' is not a package")));
        return exc.is_null() ? exc : RaiseValue(exc);
      }
    }
    std::string full = prefix.empty() ? part : prefix + "." + part;
    Value m = FindAndLoad(full, search);
    if (m.is_null()) return m;
    if (!module.is_null()) {
      // Bind the submodule on its parent, as the import system does.
      SetAttr(module, StrObject::Intern(part), m);
    }
    module = m;
    prefix = full;
  }
  return module;
}

std::string ResolveRelative(const std::string& name, DictObject* globals,
                            int64_t level, bool* ok) {
  *ok = true;
  if (level == 0) return name;
  Value pkg = globals->GetStr(Intern("__package__"));
  std::string package;
  if (!pkg.is_null() && IsInstance(pkg, g_types.str)) {
    package = As<StrObject>(pkg)->str();
  } else {
    Value n = globals->GetStr(Intern("__name__"));
    if (!n.is_null() && IsInstance(n, g_types.str)) {
      package = As<StrObject>(n)->str();
      if (globals->GetStr(Intern("__path__")).is_null()) {
        size_t dot = package.rfind('.');
        package = dot == std::string::npos ? "" : package.substr(0, dot);
      }
    }
  }
  if (package.empty()) {
    Raise(g_exc.ImportError,
          "attempted relative import with no known parent package");
    *ok = false;
    return "";
  }
  for (int64_t i = 1; i < level; ++i) {
    size_t dot = package.rfind('.');
    if (dot == std::string::npos) {
      Raise(g_exc.ImportError,
            "attempted relative import beyond top-level package");
      *ok = false;
      return "";
    }
    package = package.substr(0, dot);
  }
  return name.empty() ? package : package + "." + name;
}

std::string ExceptionLine(const Value& exc) {
  TypeObject* t = TypeOf(exc);
  std::string name =
      t->module_name() == "builtins" || t->module_name() == "__main__"
          ? t->qualname()
          : absl::StrCat(t->module_name(), ".", t->qualname());
  Value s = Str(exc);
  std::string text;
  if (s.is_null()) {
    ClearError();
    text = "<exception str() failed>";
  } else {
    text = As<StrObject>(s)->str();
  }
  return text.empty() ? name : absl::StrCat(name, ": ", text);
}

// Printing exceptions as CPython 3.11's pythonrun.c does: the chain of causes
// and contexts, each exception's traceback and "Type: message" line and notes,
// and exception groups as nested boxes. Inside a group every line gets the
// group's indent and a "| " margin; a group's sub-exceptions are numbered
// "+---------------- N ----------------", at most 15 shown and 10 levels deep.
struct ExceptionPrinter {
  static constexpr int kMaxGroupDepth = 10;
  static constexpr int kMaxGroupWidth = 15;
  static constexpr int kMaxChain = 100;

  std::string* out;
  int group_depth = 0;
  bool need_close = false;
  int recursion = 0;
  bool suggestions = false;  // "Did you mean" (the interpreter's own print)
  absl::flat_hash_set<const Object*> seen;

  std::string Indent() const { return std::string(2 * group_depth, ' '); }
  std::string Margin() const { return group_depth > 0 ? "| " : ""; }
  // One line of output (ending in a newline) behind the indent and margin.
  void Line(const std::string& text) {
    absl::StrAppend(out, Indent(), Margin(), text);
  }

  void Traceback(const Value& tb, const char* header,
                 const std::string& header_margin) {
    if (tb.is_null() || tb.is_none()) return;
    std::string prefix = Indent() + Margin();
    absl::StrAppend(out, Indent(), header_margin, header);
    // Repeated identical entries are folded, as CPython does after three (the
    // "[Previous line repeated ...]" line has no margin there either).
    std::string last;
    int repeats = 0;
    auto flush = [&]() {
      if (repeats > 3) {
        absl::StrAppend(out, "  [Previous line repeated ", repeats - 3,
                        " more time", repeats - 3 == 1 ? "" : "s", "]\n");
      }
    };
    for (Value t = tb; !t.is_none() && !t.is_null();
         t = As<TracebackObject>(t)->next) {
      auto* entry = As<TracebackObject>(t);
      auto* code = As<CodeObject>(entry->code);
      std::string text =
          absl::StrCat(prefix, "  File \"", code->filename, "\", line ",
                       entry->lineno, ", in ", code->name, "\n");
      std::string src = SourceLine(code->filename, entry->lineno);
      if (!src.empty()) {
        absl::StrAppend(&text, prefix, "    ", src, "\n");
        bool had_newline;
        std::string raw =
            RawSourceLine(code->filename, entry->lineno, &had_newline);
        if (entry->lasti >= 0 &&
            static_cast<size_t>(entry->lasti) < code->positions.size()) {
          std::string carets = TracebackCaretLine(
              raw, had_newline, code->positions[entry->lasti]);
          if (!carets.empty()) absl::StrAppend(&text, prefix, carets);
        }
      }
      if (text == last) {
        ++repeats;
        if (repeats > 3) continue;
      } else {
        flush();
        last = text;
        repeats = 1;
      }
      absl::StrAppend(out, text);
    }
    flush();
  }

  // SyntaxError's location lines: File "x", line N / the source line / a
  // caret; then "Type: msg".
  void SyntaxErrorLines(const Value& exc) {
    DictObject* d = exc.as_object()->EnsureDict();
    Value fn = d->GetStr(Intern("filename"));
    Value ln = d->GetStr(Intern("lineno"));
    Value text = d->GetStr(Intern("text"));
    Value off = d->GetStr(Intern("offset"));
    Value end_off = d->GetStr(Intern("end_offset"));
    Value end_ln = d->GetStr(Intern("end_lineno"));
    Value msg = d->GetStr(Intern("msg"));
    if (!fn.is_null() && !fn.is_none()) {
      Line(absl::StrCat("  File \"", As<StrObject>(Str(fn))->str(), "\", line ",
                        ln.is_int() ? absl::StrCat(ln.as_int()) : "?", "\n"));
      if (!text.is_null() && IsInstance(text, g_types.str)) {
        std::string t = As<StrObject>(text)->str();
        while (!t.empty() && (t.back() == '\n' || t.back() == '\r'))
          t.pop_back();
        size_t lead = t.find_first_not_of(" \t\f");
        if (lead == std::string::npos) lead = t.size();
        std::string shown = t.substr(lead);
        Line(absl::StrCat("    ", shown, "\n"));
        // As CPython's print_error_text: the caret column counts from the
        // stripped text; none when it points into the leading whitespace.
        if (off.is_int()) {
          int64_t col = off.as_int() - 1 - static_cast<int64_t>(lead);
          int64_t width = 1;
          bool same_line =
              end_ln.is_int() && ln.is_int() && end_ln.as_int() == ln.as_int();
          // CPython shows a single caret for indentation errors.
          bool indentation = IsInstance(exc, g_exc.IndentationError);
          if (same_line && !indentation && end_off.is_int() &&
              end_off.as_int() > off.as_int()) {
            width = end_off.as_int() - off.as_int();
          }
          int64_t shown_len = Utf8Length(shown);
          if (col > shown_len) col = shown_len;
          // A range that ends on a later line is marked to the end of the
          // first one.
          if (!same_line && !indentation && end_ln.is_int() && ln.is_int() &&
              end_ln.as_int() > ln.as_int() && shown_len > col) {
            width = shown_len - col;
          }
          // With no end (end_offset -1), CPython omits a caret that would point
          // past the end of the text.
          bool no_end = end_off.is_int() && end_off.as_int() == -1;
          if (col >= 0 && !(no_end && col >= shown_len)) {
            Line(absl::StrCat("    ", std::string(col, ' '),
                              std::string(width, '^'), "\n"));
          }
        }
      }
    }
    std::string name = TypeOf(exc)->name();
    std::string m =
        msg.is_null() || msg.is_none() ? "" : As<StrObject>(Str(msg))->str();
    Line(absl::StrCat(name, ": ", m, "\n"));
  }

  // 3.11's add_note(): each note on its own line(s) after the exception.
  void Notes(const Value& exc) {
    DictObject* d = exc.as_object()->dict();
    Value notes = d == nullptr ? Value() : d->GetStr(Intern("__notes__"));
    if (notes.is_null() || !IsInstance(notes, g_types.list)) return;
    for (const Value& n : As<ListObject>(notes)->items()) {
      Value s = Str(n);
      if (s.is_null()) {
        ClearError();
        continue;
      }
      // Each line of the note behind the margin, then a newline without one
      // (as CPython's print_exception_notes: a note ending in a newline is
      // followed by a bare empty line).
      const std::string& note = As<StrObject>(s)->str();
      size_t start = 0;
      while (start < note.size()) {
        size_t nl = note.find('\n', start);
        size_t end = nl == std::string::npos ? note.size() : nl + 1;
        Line(note.substr(start, end - start));
        start = end;
      }
      absl::StrAppend(out, "\n");
    }
  }

  // print_exception: traceback, exception line, notes.
  void One(const Value& exc) {
    bool group = AsExceptionGroup(exc) != nullptr;
    std::string header_margin = group && group_depth == 1 ? "+ " : Margin();
    Traceback(As<ExceptionObject>(exc)->traceback,
              group ? "Exception Group Traceback (most recent call last):\n"
                    : "Traceback (most recent call last):\n",
              header_margin);
    if (IsInstance(exc, g_exc.SyntaxError)) {
      SyntaxErrorLines(exc);
    } else {
      std::string suggestion = suggestions ? OfferSuggestion(exc) : "";
      Line(absl::StrCat(ExceptionLine(exc),
                        suggestion.empty() ? ""
                                           : absl::StrCat(". Did you mean: '",
                                                          suggestion, "'?"),
                        "\n"));
    }
    Notes(exc);
  }

  void Chained(const Value& exc, const char* message) {
    bool saved_close = need_close;
    Recursive(exc);
    need_close = saved_close;
    Line("\n");
    Line(message);
    Line("\n");
  }

  void Group(const Value& exc) {
    if (group_depth > kMaxGroupDepth) {
      Line(absl::StrCat("... (max_group_depth is ", kMaxGroupDepth, ")\n"));
      return;
    }
    if (group_depth == 0) group_depth = 1;
    One(exc);
    Value excs = AsExceptionGroup(exc)->exceptions;
    size_t num = As<TupleObject>(excs)->size();
    size_t n = num <= kMaxGroupWidth ? num : kMaxGroupWidth + 1;
    need_close = false;
    for (size_t i = 0; i < n; ++i) {
      bool last = i + 1 == n;
      if (last) need_close = true;  // A nested group may close the box.
      bool truncated = i >= kMaxGroupWidth;
      absl::StrAppend(out, Indent(), i == 0 ? "+-" : "  ", "+---------------- ",
                      truncated ? std::string("...") : absl::StrCat(i + 1),
                      " ----------------\n");
      ++group_depth;
      if (!truncated) {
        Recursive(As<TupleObject>(excs)->get(i));
      } else {
        size_t remaining = num - kMaxGroupWidth;
        Line(absl::StrCat("and ", remaining, " more exception",
                          remaining > 1 ? "s" : "", "\n"));
      }
      if (last && need_close) {
        absl::StrAppend(out, Indent(),
                        "+------------------------------------\n");
        need_close = false;
      }
      --group_depth;
    }
    if (group_depth == 1) group_depth = 0;
  }

  // print_exception_recursive: the cause or context first (each exception
  // once), then the exception or group itself.
  void Recursive(const Value& exc) {
    ++recursion;
    seen.insert(exc.as_object());
    auto* e = As<ExceptionObject>(exc);
    if (recursion > kMaxChain) {
      // A chain this long is cut: its older part is not printed.
    } else if (!e->cause.is_none() &&
               IsInstance(e->cause, g_exc.BaseException)) {
      if (!seen.contains(e->cause.as_object())) {
        Chained(e->cause,
                "The above exception was the direct cause of the following "
                "exception:\n");
      }
    } else if (!e->suppress_context && !e->context.is_none() &&
               IsInstance(e->context, g_exc.BaseException) &&
               !seen.contains(e->context.as_object())) {
      Chained(e->context,
              "During handling of the above exception, another exception "
              "occurred:\n");
    }
    if (AsExceptionGroup(exc) != nullptr) {
      Group(exc);
    } else {
      One(exc);
    }
    --recursion;
  }
};

Value RunInNewMain(const Value& code, const std::string& filename) {
  auto* m = new ModuleObject(g_types.module, "__main__");
  Value mod = Value::Steal(m);
  DictObject* d = m->dict();
  d->SetStr(Intern("__name__"), StrObject::New("__main__"));
  d->SetStr(Intern("__file__"), StrObject::New(filename));
  d->SetStr(Intern("__builtins__"), Value::FromObject(g_builtins));
  d->SetStr(Intern("__doc__"), Value::None());
  d->SetStr(Intern("__package__"), Value::None());
  As<DictObject>(SysAttr("modules"))->SetStr(Intern("__main__"), mod);
  return RunCode(code, d);
}

int RunCompiled(absl::StatusOr<Value> code, const SyntaxErrorInfo& err,
                const std::string& filename) {
  if (!code.ok()) {
    if (err.msg.empty()) {
      std::fprintf(stderr, "%s\n",
                   std::string(code.status().message()).c_str());
      return 1;
    }
    RaiseSyntaxError(err);
    return HandleUncaught(FetchError());
  }
  Value r = RunInNewMain(*code, filename);
  int rc = 0;
  if (r.is_null()) rc = HandleUncaught(FetchError());
  FlushFile(SysStdout());
  FlushFile(SysStderr());
  return rc;
}

}  // namespace

// ---- Public API
// -----------------------------------------------------------------

ModuleObject* BuiltinsModule() { return g_builtins; }
DictObject* BuiltinsDict() { return g_builtins->dict(); }

namespace {
bool g_skip_static_teardown = false;
}  // namespace

void SetSkipStaticTeardown(bool skip) { g_skip_static_teardown = skip; }
bool SkipStaticTeardown() { return g_skip_static_teardown; }

void RegisterNativeModule(const char* name, ModuleInitFn init) {
  NativeModules()[name] = init;
}

void RegisterEmbeddedModule(const char* name, const char* source,
                            bool is_package) {
  EmbeddedModules()[name] = EmbeddedModule{source, is_package};
}

namespace {

// SyntaxWarnings from the compiler go through warnings.warn_explicit, so the
// filters and the output are the warnings module's (CPython's
// PyErr_WarnExplicitObject). A warning the filters make an error fails the
// compile as a SyntaxError; any other failure of the warnings machinery drops
// the warning.
bool ShowSyntaxWarning(const std::string& filename, int lineno,
                       const std::string& message) {
  static bool showing = false;  // warnings' own import compiles code
  if (showing) return true;
  showing = true;
  Value pending = ErrorOccurred() ? FetchError() : Value();
  bool ok = true;
  Value module = ImportName(StrObject::New("warnings"), g_builtins->dict(),
                            Value::None(), Value::Int(0));
  Value warn = module.is_null() ? Value() : GetAttr(module, "warn_explicit");
  Value category = g_builtins->dict()->GetStr(Intern("SyntaxWarning"));
  if (!warn.is_null() && !category.is_null()) {
    Value args[4] = {StrObject::New(message), category,
                     StrObject::New(filename), Value::Int(lineno)};
    if (Call(warn, args, 4).is_null() &&
        ErrorMatches(As<TypeObject>(category))) {
      ok = false;
    }
  }
  ClearError();
  if (!pending.is_null()) RestoreError(std::move(pending));
  showing = false;
  return ok;
}

}  // namespace

void InitRuntime(const std::vector<std::string>& argv) {
  InitBuiltinTypes();
  InstallInterruptHandler();
  g_file_type = new TypeObject(g_types.type, "TextIOWrapper", Layout::kOther);
  g_file_type->SetBases({g_types.object});
  g_file_type->set_base_type(false);
  g_file_type->set_module_name("_io");
  AddMethod(g_file_type, "write", FileWrite);
  AddMethod(g_file_type, "flush", FileFlush);
  AddMethod(g_file_type, "fileno", FileFileno);
  AddMethod(g_file_type, "isatty", FileIsatty);
  RegisterDisModule();
  RegisterGcModule();
  RegisterItertoolsNativeModule();
  RegisterTracebackModule();
  RegisterVmAbcModule();
  g_builtins = new ModuleObject(g_types.module, "builtins");
  InitBuiltinsModule(g_builtins->dict());
  InstallOpen(g_builtins->dict());
  InitSys(argv);
  As<DictObject>(SysAttr("modules"))
      ->SetStr(Intern("builtins"), Value::FromObject(g_builtins));
  g_builtins->dict()->SetStr(Intern("__displayhook__"), SysAttr("displayhook"));
  SetSyntaxWarningHook(ShowSyntaxWarning);
}

Value SysStdout() { return SysAttr("stdout"); }
Value SysStderr() { return SysAttr("stderr"); }

bool WriteToFile(const Value& file, const std::string& text) {
  if (file.is_object() && file.as_object()->type() == g_file_type) {
    WriteToStdio(As<FileObject>(file)->file, text);
    return true;
  }
  Value arg = StrObject::New(text);
  return !CallMethod(file, "write", &arg, 1).is_null();
}

void FlushFile(const Value& file) {
  if (file.is_null()) return;
  if (file.is_object() && file.as_object()->type() == g_file_type) {
    std::fflush(As<FileObject>(file)->file);
    return;
  }
  Value r = CallMethod(file, "flush", nullptr, 0);
  if (r.is_null()) ClearError();
}

Value RaiseSyntaxError(const SyntaxErrorInfo& info) {
  TypeObject* type = g_exc.SyntaxError;
  if (info.type == "IndentationError") type = g_exc.IndentationError;
  if (info.type == "TabError") type = g_exc.TabError;
  if (info.type == "RecursionError")
    return Raise(g_exc.RecursionError, info.msg);
  if (info.type == "MemoryError") return Raise(g_exc.MemoryError, info.msg);
  // A compiler error without a line (lineno -1, as after unwinding a with
  // block) has no text, as CPython finds no source line for it.
  Value text = info.lineno < 1 && info.text.empty() ? Value::None()
                                                    : StrObject::New(info.text);
  Value details =
      info.has_location
          ? TupleObject::Of({StrObject::New(info.filename),
                             Value::Int(info.lineno), Value::Int(info.offset),
                             text, Value::Int(info.end_lineno),
                             Value::Int(info.end_offset)})
          : TupleObject::Of({StrObject::New(info.filename), Value::None(),
                             Value::None(), Value::None(), Value::None(),
                             Value::None()});
  Value exc =
      CallTwoArgs(Value::FromObject(type), StrObject::New(info.msg), details);
  if (exc.is_null()) return exc;
  return RaiseValue(exc);
}

Value RunCodeWithLocals(const Value& code, DictObject* globals,
                        const Value& locals) {
  ThreadState* ts = ThreadState::Get();
  Frame* f = ts->PushFrame(code, globals, BuiltinsDict());
  f->locals = locals;
  f->is_entry = true;
  return EvalFrame(f);
}

Value RunClassBody(FunctionObject* body, const Value& ns) {
  Value result;
  Frame* f = PrepareCall(body, nullptr, 0, nullptr, &result);
  if (f == nullptr) return result;
  f->locals = ns;
  f->is_entry = true;
  return EvalFrame(f);
}

Value ImportName(const Value& name_v, DictObject* globals,
                 const Value& fromlist, const Value& level_v) {
  int64_t level = level_v.is_int() ? level_v.as_int() : 0;
  bool ok;
  std::string name =
      ResolveRelative(As<StrObject>(name_v)->str(), globals, level, &ok);
  if (!ok) return Value();
  Value module = ImportDotted(name);
  if (module.is_null()) return module;
  bool has_fromlist = !fromlist.is_none() && !fromlist.is_null() &&
                      !(IsInstance(fromlist, g_types.tuple) &&
                        As<TupleObject>(fromlist)->size() == 0);
  if (has_fromlist) {
    // `from pkg import sub`: submodules named in the fromlist are imported too.
    if (!GetAttrOptional(module, Intern("__path__")).is_null()) {
      auto* fl = As<TupleObject>(fromlist);
      for (size_t i = 0; i < fl->size(); ++i) {
        const std::string& item = As<StrObject>(fl->get(i))->str();
        if (item == "*") continue;
        if (!GetAttrOptional(module, StrObject::Intern(item)).is_null())
          continue;
        if (ErrorOccurred()) return Value();
        Value sub = ImportDotted(name + "." + item);
        if (sub.is_null()) {
          if (ErrorMatches(g_exc.ModuleNotFoundError)) {
            ClearError();  // IMPORT_FROM reports the missing name.
            continue;
          }
          return sub;
        }
      }
    }
    ClearError();
    return module;
  }
  if (level == 0 && name.find('.') != std::string::npos) {
    // `import a.b.c` binds `a`.
    return ImportDotted(name.substr(0, name.find('.')));
  }
  return module;
}

Value ImportFrom(const Value& module, const Value& name) {
  auto* n = As<StrObject>(name);
  Value v = GetAttrOptional(module, n);
  if (!v.is_null() || ErrorOccurred()) return v;
  // A submodule not yet bound on its package.
  Value mname = GetAttrOptional(module, Intern("__name__"));
  if (!mname.is_null() && IsInstance(mname, g_types.str)) {
    std::string full = absl::StrCat(As<StrObject>(mname)->str(), ".", n->str());
    Value sub =
        As<DictObject>(SysAttr("modules"))->GetStr(StrObject::Intern(full));
    if (!sub.is_null()) return sub;
  }
  ClearError();
  std::string modname = mname.is_null() ? "?" : As<StrObject>(mname)->str();
  Value file = GetAttrOptional(module, Intern("__file__"));
  ClearError();
  std::string where = file.is_null() || !IsInstance(file, g_types.str)
                          ? " (unknown location)"
                          : absl::StrCat(" (", As<StrObject>(file)->str(), ")");
  RaiseF(g_exc.ImportError, "cannot import name '%s' from '%s'%s", n->str(),
         modname, where);
  Value exc = FetchError();
  if (exc.is_object()) {
    DictObject* ed = exc.as_object()->EnsureDict();
    ed->SetStr(Intern("name"), StrObject::New(modname));
    ed->SetStr(Intern("path"), file.is_null() ? Value::None() : file);
  }
  return RaiseValue(exc);
}

bool ImportStar(const Value& module, const Value& locals) {
  Value all = GetAttrOptional(module, Intern("__all__"));
  if (ErrorOccurred()) return false;
  std::vector<Value> names;
  if (!all.is_null()) {
    Value it = GetIter(all);
    if (it.is_null()) return false;
    while (true) {
      Value x = IterNext(it);
      if (x.is_null()) break;
      names.push_back(x);
    }
    if (ErrorOccurred()) return false;
  } else {
    DictObject* d = module.as_object()->dict();
    size_t pos = 0;
    const DictObject::Entry* e;
    while (d->Next(&pos, &e)) {
      if (IsInstance(e->key, g_types.str) &&
          !As<StrObject>(e->key)->str().empty() &&
          As<StrObject>(e->key)->str()[0] != '_') {
        names.push_back(e->key);
      }
    }
  }
  for (const Value& n : names) {
    Value v = GetAttr(module, StrObject::Intern(As<StrObject>(n)->str()));
    if (v.is_null()) return false;
    if (!SetItem(locals, n, v)) return false;
  }
  return true;
}

std::string FormatException(const Value& exc, bool suggestions) {
  std::string out;
  if (!IsInstance(exc, g_exc.BaseException)) {
    out = absl::StrCat(ReprString(exc), "\n");
  } else {
    ExceptionPrinter printer{&out};
    printer.suggestions = suggestions;
    printer.Recursive(exc);
  }
  return out;
}

void PrintException(const Value& exc) {
  FlushFile(SysStdout());
  std::string out = FormatException(exc, /*suggestions=*/true);
  WriteToFile(SysStderr(), out);
  FlushFile(SysStderr());
}

void ReportOutOfMemory() {
  // The frames the failed allocation unwound through are still in the frame
  // arena (nothing popped them): their lines make the traceback.
  ClearError();
  Value exc = CallNoArgs(Value::FromObject(g_exc.MemoryError));
  if (exc.is_null()) return;
  for (Frame* f = ThreadState::Get()->current; f != nullptr; f = f->previous) {
    AddTraceback(exc, f);
  }
  PrintException(exc);
}

int HandleUncaught(const Value& exc) {
  if (IsInstance(exc, g_exc.SystemExit)) {
    Value code = GetAttrOptional(exc, Intern("code"));
    ClearError();
    if (code.is_null() || code.is_none()) return 0;
    if (code.is_int() || code.is_bool())
      return static_cast<int>(code.as_int() & 0xFF);
    Value s = Str(code);
    if (!s.is_null()) {
      FlushFile(SysStdout());
      WriteToFile(SysStderr(), As<StrObject>(s)->str() + "\n");
    }
    ClearError();
    return 1;
  }
  PrintException(exc);
  // Ctrl-C: the traceback, then the status a shell reports for SIGINT.
  if (IsInstance(exc, g_exc.KeyboardInterrupt)) return 130;
  return 1;
}

int RunMainFile(const std::string& path) {
  std::string source;
  if (!ReadFile(path, &source)) {
    std::fprintf(
        stderr,
        "vm: can't open file '%s': [Errno 2] No such file or directory\n",
        path.c_str());
    return 2;
  }
  // CPython makes the main script's path absolute (__file__, tracebacks);
  // sys.path[0] is its directory. sys.argv[0] keeps what the user typed.
  std::string abs_path = path;
  if (!path.empty() && path[0] != '/') {
    char cwd[4096];
    if (getcwd(cwd, sizeof cwd) != nullptr)
      abs_path = std::string(cwd) + "/" + path;
  }
  std::string dir = DirName(abs_path);
  As<ListObject>(SysAttr("path"))
      ->items()
      .insert(As<ListObject>(SysAttr("path"))->items().begin(),
              StrObject::New(dir));
  std::string decoded;
  if (!DecodeSourceFile(abs_path, source, &decoded)) {
    return HandleUncaught(FetchError());
  }
  SyntaxErrorInfo err;
  auto code = CompileSource(decoded, abs_path, CompileMode::kExec, &err);
  return RunCompiled(std::move(code), err, abs_path);
}

namespace {

// Whether `source` failed to compile only because it is unfinished: more lines
// should be read before giving up (CPython's codeop makes the same call by
// trying the source with extra newlines).
bool IsIncomplete(const std::string& source) {
  SyntaxErrorInfo err;
  auto code = CompileSource(source, "<stdin>", CompileMode::kSingle, &err);
  if (code.ok()) return false;
  const std::string& m = err.msg;
  return m.find("was never closed") != std::string::npos ||
         m.find("unexpected EOF") != std::string::npos ||
         m.find("expected an indented block") != std::string::npos ||
         m.find("unterminated triple-quoted") != std::string::npos ||
         m.find("incomplete input") != std::string::npos;
}

bool ReadLine(const char* prompt, std::string* line) {
  std::fputs(prompt, stdout);
  std::fflush(stdout);
  line->clear();
  int c;
  while ((c = std::fgetc(stdin)) != EOF && c != '\n')
    line->push_back(static_cast<char>(c));
  return !(c == EOF && line->empty());
}

}  // namespace

int RunInteractive() {
  if (!isatty(fileno(stdin))) {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    return RunMainSource(ss.str(), "<stdin>");
  }
  std::printf("minidynamo %s (Python %s semantics)\n", kVersion,
              kPythonVersion);
  auto* m = new ModuleObject(g_types.module, "__main__");
  Value mod = Value::Steal(m);
  DictObject* globals = m->dict();
  globals->SetStr(Intern("__name__"), StrObject::New("__main__"));
  globals->SetStr(Intern("__builtins__"), Value::FromObject(g_builtins));
  As<DictObject>(SysAttr("modules"))->SetStr(Intern("__main__"), mod);
  As<ListObject>(SysAttr("path"))
      ->items()
      .insert(As<ListObject>(SysAttr("path"))->items().begin(),
              StrObject::New(""));
  std::string line;
  while (true) {
    if (!ReadLine(">>> ", &line)) {
      std::fputs("\n", stdout);
      return 0;
    }
    std::string source = line + "\n";
    bool block = !line.empty() &&
                 line.find_last_not_of(" \t") != std::string::npos &&
                 line[line.find_last_not_of(" \t")] == ':';
    while (block || IsIncomplete(source)) {
      if (!ReadLine("... ", &line)) break;
      if (block && line.find_first_not_of(" \t") == std::string::npos) break;
      source += line + "\n";
    }
    if (source.find_first_not_of(" \t\n") == std::string::npos) continue;
    SyntaxErrorInfo err;
    auto code = CompileSource(source, "<stdin>", CompileMode::kSingle, &err);
    if (!code.ok()) {
      RaiseSyntaxError(err);
      PrintException(FetchError());
      continue;
    }
    Value r = RunCodeWithLocals(*code, globals, Value::FromObject(globals));
    if (r.is_null()) {
      Value exc = FetchError();
      if (IsInstance(exc, g_exc.SystemExit)) return HandleUncaught(exc);
      PrintException(exc);
    }
    FlushFile(SysStdout());
  }
}

int DisassembleFile(const std::string& path) {
  std::string source;
  if (!ReadFile(path, &source)) {
    std::fprintf(
        stderr,
        "vm: can't open file '%s': [Errno 2] No such file or directory\n",
        path.c_str());
    return 2;
  }
  std::string bytes = std::move(source);
  if (!DecodeSourceFile(path, bytes, &source)) {
    return HandleUncaught(FetchError());
  }
  SyntaxErrorInfo err;
  auto code = CompileSource(source, path, CompileMode::kExec, &err);
  if (!code.ok()) {
    if (err.msg.empty()) {
      std::fprintf(stderr, "%s\n",
                   std::string(code.status().message()).c_str());
      return 1;
    }
    RaiseSyntaxError(err);
    return HandleUncaught(FetchError());
  }
  std::string text = Disassemble(As<CodeObject>(*code), true);
  std::fwrite(text.data(), 1, text.size(), stdout);
  return 0;
}

int RunMainSource(const std::string& source, const std::string& filename) {
  As<ListObject>(SysAttr("path"))
      ->items()
      .insert(As<ListObject>(SysAttr("path"))->items().begin(),
              StrObject::New(""));
  SyntaxErrorInfo err;
  auto code = CompileSource(source, filename, CompileMode::kExec, &err);
  return RunCompiled(std::move(code), err, filename);
}

}  // namespace minidynamo
