#ifndef MINIDYNAMO_TRACER_VARIABLES_H_
#define MINIDYNAMO_TRACER_VARIABLES_H_

// Variable trackers: what the tracer knows about each value on its symbolic
// stack and in its symbolic locals (Dynamo's VariableTracker family, as one
// tagged struct: the families share most fields and the translator switches
// on the kind).
//
// Mutable containers met through a source (a dict argument, a list in a
// global) are tracked once per object, so every reference shares one
// tracker and its mutations become side effects replayed by the out code.

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "tracer/source.h"
#include "vm/core/value.h"

namespace minidynamo {

struct VT;
using VTRef = std::shared_ptr<VT>;

struct VT {
  enum Kind {
    kNull,      // the NULL a call's callable slot may hold
    kConst,     // None, bool, int, float, str, bytes, Ellipsis, tuples thereof
    kTensor,    // a graph node (input or result)
    kTuple,     // items
    kList,      // items (mutable)
    kDict,      // entries (mutable)
    kObject,    // any other Python object, used by identity (functions,
                // classes, modules, builtins, user objects)
    kMethod,    // items[0] is self; `name` the method (on a tracked value)
    kLazy,      // a value behind a source, not looked at yet
    kGradMode,  // torch.no_grad()/enable_grad()/set_grad_enabled(b) object
    kGradWrapped,  // a callable (items[0]) wrapped by a grad-mode object
    kNewObject,    // an instance of a Python class made in the traced
                   // frame: value is the class, `entries` its attributes
    kFunction,     // a function made in the traced frame: value is its code,
                   // items its closure cells (boxes), defaults in `entries`
    kSet,          // a set of constants: value is a private set object,
                   // replaced (never changed) on mutation so checkpoints
                   // keep the old one; `source` when it came from the frame
  };
  Kind kind = kConst;
  SourceRef source;
  Value value;    // kConst/kObject: the value; kLazy/kDict/kList: the original
  int node = -1;  // kTensor
  Value example;  // kTensor: a meta tensor with the same metadata
  std::vector<VTRef> items;   // kTuple/kList; kMethod: {self}
  std::string name;           // kMethod
  bool grad_enabled = false;  // kGradMode: the mode it switches to
  bool grad_applied = false;  // kGradMode: set_grad_enabled took effect
  // kDict: entries in order; keys are constants.
  std::vector<std::pair<Value, VTRef>> entries;
  // Mutation state of a tracked dict or list.
  std::vector<std::pair<Value, VTRef>> snapshot;
  std::vector<VTRef> list_snapshot;
  bool mutated = false;
  bool reconstruct_all = false;
  bool created_here = false;  // made inside the traced frame (no source)
  int cell_slot = -1;  // a box for a cell of the compiled frame: its slot
  Value defaults;      // kFunction: defaults tuple (constants) or null

  static VTRef Const(Value v) {
    auto t = std::make_shared<VT>();
    t->kind = kConst;
    t->value = std::move(v);
    return t;
  }
  static VTRef Null() {
    auto t = std::make_shared<VT>();
    t->kind = kNull;
    return t;
  }
  static VTRef Object(Value v, SourceRef s) {
    auto t = std::make_shared<VT>();
    t->kind = kObject;
    t->value = std::move(v);
    t->source = std::move(s);
    return t;
  }
  bool is_const() const { return kind == kConst; }
  bool is_tensor() const { return kind == kTensor; }
};

}  // namespace minidynamo

#endif  // MINIDYNAMO_TRACER_VARIABLES_H_
