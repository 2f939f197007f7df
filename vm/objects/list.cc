#include "vm/objects/list.h"

#include "vm/core/builtin_types.h"

namespace minidynamo {

Value ListObject::New() { return Value::Steal(new ListObject(g_types.list)); }

Value ListObject::FromValues(const Value* items, size_t n) {
  auto* l = new ListObject(g_types.list);
  l->items_.assign(items, items + n);
  return Value::Steal(l);
}

}  // namespace minidynamo
