#ifndef MINIDYNAMO_VM_INTERP_PATTERN_MATCH_H_
#define MINIDYNAMO_VM_INTERP_PATTERN_MATCH_H_

// What the pattern-matching opcodes do (CPython 3.11's ceval.c match_class
// and match_keys). Errors follow vm/core/errors.h.

#include "vm/core/value.h"

namespace minidynamo {

// MATCH_SEQUENCE / MATCH_MAPPING: whether the subject's type carries CPython's
// Py_TPFLAGS_SEQUENCE / Py_TPFLAGS_MAPPING (TypeObject::collection_flags).
bool MatchesSequence(const Value& subject);
bool MatchesMapping(const Value& subject);

// MATCH_CLASS: the tuple of `nargs` positional (through __match_args__, or the
// subject itself for the builtins that match by self) and keyword (`names`)
// attributes; None when the subject does not match; a null Value with an
// exception on error ("called match pattern must be a type", ...).
Value MatchClass(const Value& subject, const Value& type, int nargs,
                 const Value& names);

// MATCH_KEYS: the tuple of the subject's values for `keys` (read with
// subject.get(key, sentinel)), None when a key is missing, or a null Value with
// an exception (ValueError for a key given twice).
Value MatchKeys(const Value& subject, const Value& keys);

// The `_vmabc` module: what ABCMeta needs to keep the collection flags of
// collections.abc's Sequence/Mapping on registered classes.
void RegisterVmAbcModule();

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_INTERP_PATTERN_MATCH_H_
