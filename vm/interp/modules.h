#ifndef MINIDYNAMO_VM_INTERP_MODULES_H_
#define MINIDYNAMO_VM_INTERP_MODULES_H_

// Modules and the program's entry: the builtins and sys modules, the import
// system (sys.modules, native modules registered by name, .py files and
// packages on sys.path), running a script as __main__, and printing uncaught
// exceptions as CPython does.

#include <string>
#include <vector>

#include "vm/core/object.h"  // Value's inline members
#include "vm/parse/syntax_error.h"

namespace minidynamo {

class DictObject;
class FunctionObject;
class ModuleObject;

// Creates the builtin types, the builtins and sys modules. Call once, first.
void InitRuntime(const std::vector<std::string>& argv);

ModuleObject* BuiltinsModule();
void InitBuiltinsModule(DictObject* d);  // builtins_module.cc
// Registers `_itertools` (itertools.count, builtins_module.cc).
void RegisterItertoolsNativeModule();

// A native module: `init` fills the module's dict; it runs on first import.
using ModuleInitFn = bool (*)(ModuleObject* module);
void RegisterNativeModule(const char* name, ModuleInitFn init);

// A module written in Python and embedded in the binary (runtime/ embeds its
// standard-library subset this way). `source` must outlive the program (a
// string literal); `is_package` gives it a __path__ so submodules can be
// registered as "pkg.sub". Found after native modules and before sys.path.
void RegisterEmbeddedModule(const char* name, const char* source,
                            bool is_package);

// Registers the `dis` module (dis_module.cc); InitRuntime calls it.
void RegisterDisModule();
// Registers the `gc` module (gc_module.cc); InitRuntime calls it.
void RegisterGcModule();

// sys.stdout / sys.stderr and writing to a file-like object.
Value SysStdout();
Value SysStderr();
bool WriteToFile(const Value& file, const std::string& text);
void FlushFile(const Value& file);

// Raises a SyntaxError (or IndentationError/TabError) from parser details.
Value RaiseSyntaxError(const SyntaxErrorInfo& info);

// Runs a code object with explicit globals and locals (exec/eval).
Value RunCodeWithLocals(const Value& code, DictObject* globals,
                        const Value& locals);
// Runs a class body function with `ns` as its namespace; returns its result
// (the
// __class__ cell or None).
Value RunClassBody(FunctionObject* body, const Value& ns);

// Runs the script at `path` as __main__ and returns the process exit code (0, 1
// after printing an uncaught exception's traceback, or SystemExit's code).
int RunMainFile(const std::string& path);
// Runs `source` (from `vm -c`) as __main__.
int RunMainSource(const std::string& source, const std::string& filename);

// `vm` with no arguments: an interactive prompt when stdin is a terminal (reads
// statements, prints expression values), else runs stdin as a script as CPython
// does. Returns the exit code.
int RunInteractive();

// `vm dis`: prints the disassembly of the file's module code and every nested
// code object; returns the exit code.
int DisassembleFile(const std::string& path);

// The text PrintException writes: traceback, chained exceptions, the exception
// line and notes (traceback.format_exception uses it too). Only the
// interpreter's own print adds "Did you mean" suggestions (suggestions.h), as
// CPython 3.11's traceback module does not.
std::string FormatException(const Value& exc, bool suggestions = false);

// A frame object for introspection (tb_frame, gi_frame): frames are not objects
// in this VM, so it answers with what was recorded: f_code, f_lineno,
// f_globals.
Value NewFrameInfo(Value code, Value globals, int lineno);

// Adds open() and its file types to the builtins (open_builtin.cc).
void InstallOpen(DictObject* builtins);

// Registers the `traceback` module (traceback_module.cc); InitRuntime calls it.
void RegisterTracebackModule();

// Set when a native library whose static destructors are slow and pointless
// at exit (LibTorch's, ~50 ms) has been loaded: `vm` then ends with _exit
// after flushing every stdio stream, as the process's memory goes anyway.
void SetSkipStaticTeardown(bool skip);
bool SkipStaticTeardown();

// Prints `exc` with its traceback and chained exceptions to stderr, as CPython.
void PrintException(const Value& exc);
// main's last resort for an allocation failure no MemoryError check caught:
// prints a MemoryError with the traceback of the frames that were running.
void ReportOutOfMemory();
// The exit code for an uncaught exception (handles SystemExit); prints it
// unless it is a SystemExit.
int HandleUncaught(const Value& exc);

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_INTERP_MODULES_H_
