// Two small private native modules that the Python-written standard library
// builds on:
//
//   _os       the process environment, the working directory, and a few
//             file-system calls (os and os.path are Python, in stdlib/os/).
//   _vmframe  where the running Python code is: caller(depth) returns the
//             (filename, lineno, globals) of a frame up the stack, for
//             warnings.warn's location, namedtuple's __module__ and
//             sys._getframe-style needs (the VM has no frame objects).

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "runtime/modules/module_util.h"
#include "vm/core/builtin_types.h"
#include "vm/core/errors.h"
#include "vm/interp/frame.h"
#include "vm/interp/modules.h"
#include "vm/interp/ops.h"
#include "vm/objects/bytes.h"
#include "vm/objects/descriptor.h"
#include "vm/objects/dict.h"
#include "vm/objects/list.h"
#include "vm/objects/native.h"
#include "vm/objects/str.h"
#include "vm/objects/tuple.h"

extern char** environ;

namespace minidynamo {
namespace {

// A path argument: str, or bytes (decoded as UTF-8 bytes unchanged).
bool PathArg(const char* fname, const Value& v, std::string* out) {
  if (IsInstance(v, g_types.str)) {
    *out = As<StrObject>(v)->str();
    return true;
  }
  if (IsInstance(v, g_types.bytes)) {
    *out = As<BytesObject>(v)->data();
    return true;
  }
  RaiseF(g_exc.TypeError,
         "%s: path should be string, bytes or os.PathLike, not %s", fname,
         TypeName(v));
  return false;
}

// OSError (FileNotFoundError for ENOENT) with CPython's "[Errno n] text:
// 'path'" form.
Value RaiseErrno(int err, const std::string& path) {
  TypeObject* type = err == ENOENT ? g_exc.FileNotFoundError : g_exc.OSError;
  Value args = TupleObject::Of(
      {Value::Int(err), StrObject::New(strerror(err)), StrObject::New(path)});
  Value exc = Call(Value::FromObject(type), As<TupleObject>(args)->data(), 3);
  if (exc.is_null()) return exc;
  return RaiseValue(exc);
}

Value Getenv(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("getenv", nargs, kw, 1, 1)) return Value();
  std::string name;
  if (!PathArg("getenv", args[0], &name)) return Value();
  const char* v = std::getenv(name.c_str());
  return v == nullptr ? Value::None() : StrObject::New(v);
}

Value Environ(Value*, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("environ", nargs, kw, 0, 0)) return Value();
  Value d = DictObject::New();
  for (char** e = environ; e != nullptr && *e != nullptr; ++e) {
    const char* eq = std::strchr(*e, '=');
    if (eq == nullptr) continue;
    if (!As<DictObject>(d)->Set(StrObject::New(std::string(*e, eq - *e)),
                                StrObject::New(eq + 1))) {
      return Value();
    }
  }
  return d;
}

Value Putenv(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("putenv", nargs, kw, 2, 2)) return Value();
  std::string name, value;
  if (!PathArg("putenv", args[0], &name) ||
      !PathArg("putenv", args[1], &value)) {
    return Value();
  }
  if (name.empty() || name.find('=') != std::string::npos) {
    return Raise(g_exc.ValueError, "illegal environment variable name");
  }
  setenv(name.c_str(), value.c_str(), 1);
  return Value::None();
}

Value Unsetenv(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("unsetenv", nargs, kw, 1, 1)) return Value();
  std::string name;
  if (!PathArg("unsetenv", args[0], &name)) return Value();
  unsetenv(name.c_str());
  return Value::None();
}

Value Getcwd(Value*, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("getcwd", nargs, kw, 0, 0)) return Value();
  std::vector<char> buf(4096);
  while (getcwd(buf.data(), buf.size()) == nullptr) {
    if (errno != ERANGE) return RaiseErrno(errno, "");
    buf.resize(buf.size() * 2);
  }
  return StrObject::New(buf.data());
}

Value Chdir(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("chdir", nargs, kw, 1, 1)) return Value();
  std::string path;
  if (!PathArg("chdir", args[0], &path)) return Value();
  if (chdir(path.c_str()) != 0) return RaiseErrno(errno, path);
  return Value::None();
}

Value Listdir(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("listdir", nargs, kw, 0, 1)) return Value();
  std::string path = ".";
  if (nargs == 1 && !args[0].is_none() && !PathArg("listdir", args[0], &path)) {
    return Value();
  }
  DIR* dir = opendir(path.c_str());
  if (dir == nullptr) return RaiseErrno(errno, path);
  Value result = ListObject::New();
  while (dirent* entry = readdir(dir)) {
    std::string name = entry->d_name;
    if (name == "." || name == "..") continue;
    As<ListObject>(result)->items().push_back(StrObject::New(name));
  }
  closedir(dir);
  return result;
}

// stat(path) -> (st_mode, st_size, st_mtime), or raises; follow_symlinks
// as os.stat's default.
Value Stat(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("stat", nargs, kw, 1, 1)) return Value();
  std::string path;
  if (!PathArg("stat", args[0], &path)) return Value();
  struct stat st;
  if (stat(path.c_str(), &st) != 0) return RaiseErrno(errno, path);
  double mtime =
      static_cast<double>(st.st_mtim.tv_sec) + st.st_mtim.tv_nsec * 1e-9;
  return TupleObject::Of(
      {Value::Int(st.st_mode), Value::Int(st.st_size), Value::Float(mtime)});
}

Value Mkdir(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("mkdir", nargs, kw, 1, 2)) return Value();
  std::string path;
  if (!PathArg("mkdir", args[0], &path)) return Value();
  int64_t mode = 0777;
  if (nargs == 2 && !ArgToInt64(args[1], &mode, "mode out of range"))
    return Value();
  if (mkdir(path.c_str(), static_cast<mode_t>(mode)) != 0) {
    return RaiseErrno(errno, path);
  }
  return Value::None();
}

Value Rmdir(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("rmdir", nargs, kw, 1, 1)) return Value();
  std::string path;
  if (!PathArg("rmdir", args[0], &path)) return Value();
  if (rmdir(path.c_str()) != 0) return RaiseErrno(errno, path);
  return Value::None();
}

Value Remove(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("remove", nargs, kw, 1, 1)) return Value();
  std::string path;
  if (!PathArg("remove", args[0], &path)) return Value();
  if (unlink(path.c_str()) != 0) return RaiseErrno(errno, path);
  return Value::None();
}

Value Getpid(Value*, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("getpid", nargs, kw, 0, 0)) return Value();
  return Value::Int(getpid());
}

// os._exit(n): ends the process at once: no exception, no cleanup, no
// flushing of Python-level buffers (as CPython's).
Value Exit(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("_exit", nargs, kw, 1, 1)) return Value();
  int64_t code;
  if (!ArgToInt64(args[0], &code, "exit status out of range")) return Value();
  _exit(static_cast<int>(code));
}

Value CpuCount(Value*, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("cpu_count", nargs, kw, 0, 0)) return Value();
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  return n > 0 ? Value::Int(n) : Value::None();
}

Value Urandom(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("urandom", nargs, kw, 1, 1)) return Value();
  int64_t n;
  if (!ArgToInt64(args[0], &n,
                  "Python int too large to convert to C ssize_t")) {
    return Value();
  }
  if (n < 0) return Raise(g_exc.ValueError, "negative argument not allowed");
  std::ifstream in("/dev/urandom", std::ios::binary);
  std::string bytes(static_cast<size_t>(n), '\0');
  if (!in.read(bytes.data(), n)) return RaiseErrno(EIO, "/dev/urandom");
  return BytesObject::New(std::move(bytes));
}

// read_text(path) -> the file's contents as str (UTF-8), for linecache.
Value ReadText(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("read_text", nargs, kw, 1, 1)) return Value();
  std::string path;
  if (!PathArg("read_text", args[0], &path)) return Value();
  std::ifstream in(path, std::ios::binary);
  if (!in) return RaiseErrno(errno != 0 ? errno : ENOENT, path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return StrObject::New(ss.str());
}

bool InitOs(ModuleObject* m) {
  DictObject* d = m->dict();
  AddFunction(d, "getenv", Getenv);
  AddFunction(d, "environ", Environ);
  AddFunction(d, "putenv", Putenv);
  AddFunction(d, "unsetenv", Unsetenv);
  AddFunction(d, "getcwd", Getcwd);
  AddFunction(d, "chdir", Chdir);
  AddFunction(d, "listdir", Listdir);
  AddFunction(d, "stat", Stat);
  AddFunction(d, "mkdir", Mkdir);
  AddFunction(d, "rmdir", Rmdir);
  AddFunction(d, "remove", Remove);
  AddFunction(d, "getpid", Getpid);
  AddFunction(d, "_exit", Exit);
  AddFunction(d, "cpu_count", CpuCount);
  AddFunction(d, "urandom", Urandom);
  AddFunction(d, "read_text", ReadText);
  return true;
}

// caller(depth=0): (filename, lineno, globals) of the frame `depth` levels
// above the Python code that calls it; None past the outermost frame.
Value Caller(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("caller", nargs, kw, 0, 1)) return Value();
  int64_t depth = 0;
  if (nargs == 1 && !ArgToInt64(args[0], &depth, "depth out of range")) {
    return Value();
  }
  Frame* f = ThreadState::Get()->current;
  for (int64_t i = 0; i < depth && f != nullptr; ++i) f = f->previous;
  if (f == nullptr) return Value::None();
  return TupleObject::Of({StrObject::New(f->code->filename),
                          Value::Int(f->CurrentLine()),
                          Value::FromObject(f->globals)});
}

bool InitVmFrame(ModuleObject* m) {
  AddFunction(m->dict(), "caller", Caller);
  return true;
}

const bool kRegistered = (RegisterNativeModule("_os", InitOs),
                          RegisterNativeModule("_vmframe", InitVmFrame), true);

}  // namespace
}  // namespace minidynamo
