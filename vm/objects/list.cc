#include "vm/objects/list.h"

#include "vm/core/builtin_types.h"

namespace minidynamo {

Value ListObject::New() { return Value::Steal(new ListObject(g_types.list)); }

void ListObject::GrowForAppend(std::vector<Value>* items) {
  size_t n = items->size() + 1;
  // Past 1024 items, by half: CPython's realloc often grows a big block in
  // place, where a vector moves every item, so small steps would cost far
  // more here.
  items->reserve(n < 1024 ? (n + (n >> 3) + 6) & ~size_t{3} : n + (n >> 1));
}

Value ListObject::FromValues(const Value* items, size_t n) {
  auto* l = new ListObject(g_types.list);
  l->items_.assign(items, items + n);
  return Value::Steal(l);
}

}  // namespace minidynamo
