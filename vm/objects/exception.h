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
  // AttributeError.name/.obj and NameError.name (null reads as None): what
  // was looked up and on what, for the "Did you mean" suggestion
  // (vm/interp/suggestions.h). Set by the failed lookup or by keywords.
  Value attr_name;
  Value attr_obj;

  void Traverse(GcVisitor& v) override;
  void ClearRefs() override;
  // StopIteration.value / SystemExit.code / SyntaxError details live in the
  // instance dict as attributes, set by the types' __init__.
};

// An instance of BaseExceptionGroup (or a subclass): `message` and the
// `exceptions` tuple, fixed at construction (CPython's PyBaseExceptionGroup).
class ExceptionGroupObject : public ExceptionObject {
 public:
  explicit ExceptionGroupObject(TypeObject* type) : ExceptionObject(type) {}
  Value message;     // Str.
  Value exceptions;  // Tuple of exception instances, never empty.

  void Traverse(GcVisitor& v) override;
  void ClearRefs() override;
};

// `v` as an exception group, or null when it is none.
ExceptionGroupObject* AsExceptionGroup(const Value& v);

// BaseExceptionGroup(message, excs): an ExceptionGroup when every item is an
// Exception (what the interpreter builds for except*).
Value NewExceptionGroup(const char* message, Value excs);

// except*'s matching (CHECK_EG_MATCH): splits `exc` by the exception type (or
// tuple) `type`. A naked exception that matches is wrapped in a new group
// ExceptionGroup("", (exc,)). *match is None when nothing matched (then *rest
// is None too and `exc` stays as it is). Returns false on error, with
// CPython's TypeError for a type that is not an exception class or is an
// exception group.
bool ExceptionGroupMatch(const Value& exc, const Value& type, Value* match,
                         Value* rest);

// The exception to re-raise at the end of a try-except* (PREP_RERAISE_STAR):
// from the original exception and the list of exceptions raised or re-raised
// by the except* clauses (with the unhandled rest, maybe None, last). Re-raised
// parts keep their place in the original's nesting; raised ones become
// siblings in a new group. None when nothing is left to raise.
Value PrepReraiseStar(const Value& orig, const Value& excs);

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
