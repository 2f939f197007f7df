#ifndef MINIDYNAMO_TRACER_SOURCE_H_
#define MINIDYNAMO_TRACER_SOURCE_H_

// Sources: where a value seen by the tracer came from, relative to the frame
// being compiled (Dynamo's Source). A source names the value in guards and
// logs (`L['d'][1]`), fetches it again when guards are checked, and is how
// codegen loads it in the out code.

#include <memory>
#include <string>

#include "vm/core/value.h"

namespace minidynamo {

class DictObject;
struct Frame;

struct Source;
using SourceRef = std::shared_ptr<const Source>;

struct Source {
  enum Kind {
    kLocal,   // a fast local of the frame (index = localsplus slot)
    kCell,    // contents of a cell or free variable (index = localsplus slot)
    kGlobal,  // a global of the frame (name)
    kAttr,    // base.name
    kItem,    // base[key] with a constant key
    kConst,   // a fixed object (`key`): another module's globals dict
  };
  Kind kind;
  std::string name;
  int index = -1;
  Value key;
  SourceRef base;

  static SourceRef Local(std::string name, int slot);
  static SourceRef Cell(std::string name, int slot);
  static SourceRef Global(std::string name);
  static SourceRef Attr(SourceRef base, std::string name);
  static SourceRef Item(SourceRef base, Value key);
  static SourceRef Const(Value object, std::string label);

  // Dynamo's spelling: L['x'], G['x'], L['self'].a, L['d'][1].
  std::string Name() const;
  // The global a source reads through, if any (guards on globals).
  bool ReadsGlobal() const;
};

// Evaluates a source against a frame about to run (for guards). Returns null
// with no exception when the value is missing (an unbound local, a missing
// key): a guard on it fails.
Value FetchSource(const Source& s, Frame* f);

// A constant as source names (dict keys) and graph code show it. It never
// leaves an exception and tells different constants apart: an int past
// sys.get_int_max_str_digits() shows in hex, an object whose repr raises as
// <T object at 0x...>.
std::string ConstantText(const Value& v);

}  // namespace minidynamo

#endif  // MINIDYNAMO_TRACER_SOURCE_H_
