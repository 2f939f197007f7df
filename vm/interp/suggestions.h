#ifndef MINIDYNAMO_VM_INTERP_SUGGESTIONS_H_
#define MINIDYNAMO_VM_INTERP_SUGGESTIONS_H_

// "Did you mean" for AttributeError and NameError, as CPython 3.11's
// suggestions.c: the closest name (a weighted Levenshtein distance, case
// changes cheaper than other edits, at most a third of the characters
// changed) among dir(obj) for an AttributeError, or among the failing frame's
// local variable names, then its globals, then the builtins for a NameError.
// Printed after the exception's message: "...'valeu'. Did you mean: 'value'?"

#include <string>

#include "vm/core/value.h"

namespace minidynamo {

// The suggested name for exception `exc`, or "" (never leaves an exception).
std::string OfferSuggestion(const Value& exc);

// Records what a failed lookup was looking for on the pending exception when
// it does not say yet (CPython's set_attribute_error_context): an
// AttributeError for `name` on `obj`, or with `obj` null a NameError.
void NoteLookupFailure(const Value& name, const Value& obj);

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_INTERP_SUGGESTIONS_H_
