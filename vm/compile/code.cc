#include "vm/compile/code.h"

#include "vm/core/builtin_types.h"

namespace minidynamo {

CodeObject::CodeObject() : Object(g_types.code) {}
CodeObject::~CodeObject() = default;

const Value& CodeObject::LocalsplusName(size_t i) const {
  if (i < varnames.size()) return varnames[i];
  i -= varnames.size();
  if (i < cellvars.size()) return cellvars[i];
  return freevars[i - cellvars.size()];
}

const ExceptionTableEntry* CodeObject::HandlerFor(uint32_t index) const {
  // Entries are ordered innermost-first for overlapping ranges by the compiler,
  // so the first match is the innermost handler.
  for (const ExceptionTableEntry& e : exception_table) {
    if (index >= e.start && index < e.end) return &e;
  }
  return nullptr;
}

}  // namespace minidynamo
