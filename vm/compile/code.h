#ifndef MINIDYNAMO_VM_COMPILE_CODE_H_
#define MINIDYNAMO_VM_COMPILE_CODE_H_

// CodeObject: compiled bytecode plus what it refers to, as CPython's code
// objects.
//
// Frame layout ("localsplus"): the fast locals (co_varnames), then one cell per
// co_cellvars entry (variables of this code captured by inner functions), then
// the closure's cells (co_freevars). Cells are made when the frame starts; an
// argument that is also a cell variable is moved into its cell then (cell2arg),
// as in CPython 3.10. LOAD_DEREF's argument indexes cellvars + freevars.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "vm/compile/opcodes.h"
#include "vm/core/object.h"

namespace minidynamo {

// co_flags bits, as CPython's.
inline constexpr uint32_t kCoOptimized = 0x1;
inline constexpr uint32_t kCoNewLocals = 0x2;
inline constexpr uint32_t kCoVarargs = 0x4;
inline constexpr uint32_t kCoVarkeywords = 0x8;
inline constexpr uint32_t kCoNested = 0x10;
inline constexpr uint32_t kCoGenerator = 0x20;
inline constexpr uint32_t kCoNoFree = 0x40;
inline constexpr uint32_t kCoCoroutine = 0x80;
inline constexpr uint32_t kCoIterableCoroutine = 0x100;
inline constexpr uint32_t kCoAsyncGenerator = 0x200;
inline constexpr uint32_t kCoFutureAnnotations = 0x1000000;

// One row of the exception table: an exception raised by an instruction in
// [start, end) jumps to `target` with the value stack cut to `depth` items
// (plus the instruction index when `push_lasti`) and the exception pushed.
struct ExceptionTableEntry {
  uint32_t start;
  uint32_t end;
  uint32_t target;
  uint32_t depth;
  bool push_lasti;
};

// Source positions of one instruction (1-based lines; 0-based UTF-8 columns).
struct Position {
  int32_t lineno = 0;
  int32_t end_lineno = 0;
  int32_t col = -1;
  int32_t end_col = -1;
};

// What one LOAD_GLOBAL, LOAD_ATTR, LOAD_METHOD or STORE_ATTR found when it
// last ran, with the versions that keep it valid (vm/interp/inline_cache.h
// fills and reads these; DESIGN.md §4). `value` is borrowed: the versions
// guarantee the dict that holds it has not changed since.
struct InlineCache {
  const void* key = nullptr;   // the type (attributes) or the name (globals)
  const void* name = nullptr;  // the attribute's name
  uint64_t version = 0;        // type version, or the globals' dict version
  uint64_t aux = 0;            // type-dict epoch, or the builtins' version
  alignas(Value) unsigned char value[sizeof(Value)] = {};
  uint32_t hint = 0;  // entry index in the instance dict, or slot index
  uint8_t kind = 0;
  uint8_t next = 0;  // the entry of `more` to replace next
  // Attribute sites that see several types (a base-class method running on
  // instances of its subclasses) get a few more entries, made on demand.
  std::unique_ptr<InlineCache[]> more;
};
inline constexpr int kMorePolymorphic = 3;

class CodeObject : public Object {
 public:
  CodeObject();
  ~CodeObject() override;

  std::vector<Instruction> code;
  std::vector<Value> consts;
  std::vector<Value> names;     // StrObjects (interned).
  std::vector<Value> varnames;  // Fast locals; the arguments come first.
  std::vector<Value> cellvars;
  std::vector<Value> freevars;
  // For each cell variable: its local slot when it is also an argument, else
  // -1.
  std::vector<int32_t> cell2arg;
  std::vector<Position> positions;  // One per instruction.
  std::vector<ExceptionTableEntry> exception_table;

  int32_t argcount = 0;
  int32_t posonlyargcount = 0;
  int32_t kwonlyargcount = 0;
  int32_t stacksize = 0;
  // A frame's layout (vm/interp/frame.h), computed when the first frame for
  // this code is made (the code is complete by then): its localsplus count
  // (where the stack starts) and its arena size in bytes (localsplus, stack
  // and one spare slot).
  uint32_t frame_locals = 0;
  uint32_t frame_bytes = 0;
  // With the layout: the positional count a call binds straight into the
  // first locals of a frame with no free variables (BindsExactly(argcount),
  // no closure), so CALL compares one field; -1 otherwise and before the
  // first frame.
  int32_t fast_nargs = -1;
  uint32_t flags = 0;
  int32_t firstlineno = 1;
  std::string name;
  std::string qualname;
  std::string filename;
  // `name` and `qualname` as str objects, made on first use and shared by
  // every function made from this code (a comprehension or closure made in a
  // loop would otherwise allocate two strings each time).
  const Value& name_str();
  const Value& qualname_str();

  size_t nlocals() const { return varnames.size(); }
  size_t ncells() const { return cellvars.size(); }
  size_t nfree() const { return freevars.size(); }
  // Slots a frame needs before its value stack.
  size_t nlocalsplus() const {
    return varnames.size() + cellvars.size() + freevars.size();
  }
  // Whether a call with `nargs` positional arguments and no keywords binds
  // them straight into the first locals: no *args, **kwargs, keyword-only
  // parameters or defaults to fill, no cells to make, not a generator.
  bool BindsExactly(size_t nargs) const {
    constexpr uint32_t kSlowFlags = kCoVarargs | kCoVarkeywords | kCoGenerator |
                                    kCoCoroutine | kCoAsyncGenerator;
    return static_cast<size_t>(argcount) == nargs && kwonlyargcount == 0 &&
           (flags & kSlowFlags) == 0 && cellvars.empty();
  }
  // Name of localsplus slot `i` (a local, a cell or a free variable).
  const Value& LocalsplusName(size_t i) const;
  // Line of instruction `index` (0 when it has none).
  int LineOf(size_t index) const {
    return index < positions.size() ? positions[index].lineno : 0;
  }
  // The exception table entry covering instruction `index`, or nullptr.
  const ExceptionTableEntry* HandlerFor(uint32_t index) const;

  // Opaque per-code state owned by other layers (the tracer's cache of compiled
  // variants lives here, so it dies with the code object): one reference,
  // released by the destructor.
  Object* extra = nullptr;

  // Inline caches: `cache_slot[i]` is the index in `caches` of instruction
  // i's cache (only instructions with one use theirs). Made on first run,
  // with `quickened`: the instructions the eval loop runs, `code` with
  // adjacent pairs fused (the quickened opcodes in opcodes.h), same indexes.
  std::vector<uint32_t> cache_slot;
  std::vector<InlineCache> caches;
  std::vector<Instruction> quickened;
  void PrepareCaches();
  bool caches_ready() const { return cache_slot.size() == code.size(); }

 private:
  Value name_str_;  // name_str()'s
  Value qualname_str_;
};

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_COMPILE_CODE_H_
