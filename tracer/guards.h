#ifndef MINIDYNAMO_TRACER_GUARDS_H_
#define MINIDYNAMO_TRACER_GUARDS_H_

// Guards: what must still hold for a compiled frame to be reused, each built
// from a source (Dynamo's guard kinds, by the same names). A GuardSet is
// checked against a frame whose arguments are bound, before the out code is
// chosen over tracing again.

#include <string>
#include <vector>

#include "tracer/source.h"
#include "vm/core/value.h"
#include "vm/interp/frame_hook.h"

namespace minidynamo {

struct Guard {
  enum Kind {
    kTypeMatch,    // type(x) is T
    kIdMatch,      // x is obj (functions, modules, classes)
    kEqualsMatch,  // type(x) is T and x == value (constants)
    kTensorMatch,  // dtype, device, sizes, strides, requires_grad
    kDictKeys,     // type(x) is dict and list(x) == keys (in order)
    kListLength,   // type(x) is T and len(x) == n
    kGradMode,     // torch.is_grad_enabled() == value
    kAliased,      // x is other (one object reached two ways)
  };
  Kind kind;
  SourceRef source;  // null for kGradMode
  SourceRef other;   // kAliased
  Value expected;    // type, object, value, or keys tuple
  TensorMeta meta;
  int64_t length = 0;
  bool grad_enabled = false;

  std::string Describe() const;  // "TENSOR_MATCH: L['t']" for logs
};

class GuardSet {
 public:
  // Adds a guard unless an equal one (same kind and source) is present.
  void Add(Guard g);
  // True when every guard holds for frame `f` (no exception on failure).
  bool Check(Frame* f) const;
  // The first guard that fails for `f`, described; empty if all hold.
  std::string FirstFailure(Frame* f) const;
  const std::vector<Guard>& guards() const { return guards_; }

 private:
  std::vector<Guard> guards_;
};

}  // namespace minidynamo

#endif  // MINIDYNAMO_TRACER_GUARDS_H_
