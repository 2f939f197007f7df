#include "vm/compile/code.h"

#include "vm/core/builtin_types.h"
#include "vm/objects/str.h"

namespace minidynamo {

CodeObject::CodeObject() : Object(g_types.code) {}
const Value& CodeObject::name_str() {
  if (name_str_.is_null()) name_str_ = StrObject::New(name);
  return name_str_;
}

const Value& CodeObject::qualname_str() {
  if (qualname_str_.is_null()) qualname_str_ = StrObject::New(qualname);
  return qualname_str_;
}

CodeObject::~CodeObject() {
  if (extra != nullptr) extra->DecRef();
}

void CodeObject::PrepareCaches() {
  cache_slot.assign(code.size(), 0);
  size_t n = 0;
  for (size_t i = 0; i < code.size(); ++i) {
    switch (code[i].op()) {
      case Opcode::LOAD_GLOBAL:
      case Opcode::LOAD_ATTR:
      case Opcode::LOAD_METHOD:
      case Opcode::STORE_ATTR:
        cache_slot[i] = static_cast<uint32_t>(n++);
        break;
      default:
        break;
    }
  }
  caches.clear();
  caches.resize(n);
  quickened = code;
  // LOAD_FAST with the attribute access after it: the pair reads the local in
  // place. It wins over a pair ending in that LOAD_FAST (below).
  auto attr_pair = [&](size_t i) {
    if (i + 1 >= code.size() || code[i].op() != Opcode::LOAD_FAST) {
      return Opcode::LOAD_FAST;
    }
    switch (code[i + 1].op()) {
      case Opcode::LOAD_ATTR:
        return Opcode::LOAD_FAST__LOAD_ATTR;
      case Opcode::LOAD_METHOD:
        return Opcode::LOAD_FAST__LOAD_METHOD;
      case Opcode::STORE_ATTR:
        return Opcode::LOAD_FAST__STORE_ATTR;
      default:
        return Opcode::LOAD_FAST;
    }
  };
  for (size_t i = 0; i + 1 < code.size(); ++i) {
    Opcode a = code[i].op(), b = code[i + 1].op();
    Opcode fused = a;
    if (attr_pair(i) != Opcode::LOAD_FAST) {
      fused = attr_pair(i);
    } else if (b == Opcode::LOAD_FAST &&
               attr_pair(i + 1) != Opcode::LOAD_FAST) {
      // Leave the next LOAD_FAST to its attribute pair.
    } else if (a == Opcode::LOAD_FAST && b == Opcode::LOAD_FAST) {
      fused = Opcode::LOAD_FAST__LOAD_FAST;
    } else if (a == Opcode::STORE_FAST && b == Opcode::LOAD_FAST) {
      fused = Opcode::STORE_FAST__LOAD_FAST;
    } else if (a == Opcode::BUILD_SLICE && b == Opcode::BINARY_SUBSCR) {
      fused = Opcode::BUILD_SLICE__BINARY_SUBSCR;
    } else if (a == Opcode::BUILD_SLICE && b == Opcode::STORE_SUBSCR) {
      fused = Opcode::BUILD_SLICE__STORE_SUBSCR;
    } else if (a == Opcode::COMPARE_OP && (b == Opcode::POP_JUMP_IF_FALSE ||
                                           b == Opcode::POP_JUMP_IF_TRUE)) {
      fused = Opcode::COMPARE_OP__JUMP;
    }
    if (fused != a) quickened[i] = Instruction::Make(fused, code[i].arg());
  }
}

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
