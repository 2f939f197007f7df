#ifndef MINIDYNAMO_VM_OBJECTS_EXCEPTION_H_
#define MINIDYNAMO_VM_OBJECTS_EXCEPTION_H_

// Exception instances and traceback entries.

#include "vm/core/object.h"

namespace minidynamo {

class ExceptionObject : public Object {
 public:
  explicit ExceptionObject(TypeObject* type);
  Value args;       // Tuple.
  Value traceback;  // TracebackObject or None.
  Value cause;      // __cause__: exception or None.
  Value context;    // __context__: exception or None.
  bool suppress_context = false;

  void Traverse(GcVisitor& v) override;
  void ClearRefs() override;
  // StopIteration.value / SystemExit.code / SyntaxError details live in the
  // instance dict as attributes, set by the types' __init__.
};

// One level of a traceback: where an exception passed through (tb_lineno),
// newest last when following `next` from the outermost frame.
class TracebackObject : public Object {
 public:
  TracebackObject(TypeObject* type, Value code, int lineno, int lasti,
                  Value next);
  Value code;     // The CodeObject that was running.
  Value globals;  // Its globals (tb_frame.f_globals; unittest hides its frames
                  // by it).
  int lineno;
  int lasti;
  Value next;  // TracebackObject or None.

  void Traverse(GcVisitor& v) override;
  void ClearRefs() override;
};

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_OBJECTS_EXCEPTION_H_
