#include "vm/objects/container_iterators.h"

#include "vm/core/type.h"
#include "vm/objects/bytes.h"
#include "vm/objects/dict.h"
#include "vm/objects/set.h"
#include "vm/objects/set_internal.h"  // First: set.h needs <cstddef>.
#include "vm/objects/str.h"

namespace minidynamo {

int64_t ContainerIteratorLengthHint(IteratorObject* it) {
  if (it->source.is_null()) return 0;
  switch (it->kind) {
    case IteratorObject::Kind::kStr:
      return As<StrObject>(it->source)->length() - it->index;
    case IteratorObject::Kind::kBytes:
      return static_cast<int64_t>(As<BytesObject>(it->source)->size()) -
             it->index;
    case IteratorObject::Kind::kDictKeys:
    case IteratorObject::Kind::kDictValues:
    case IteratorObject::Kind::kDictItems:
      // After a size change the iterator can only fail: nothing is left.
      if (As<DictObject>(it->source)->size() != it->expected_size) return 0;
      return it->count;
    case IteratorObject::Kind::kSet:
      if (As<SetObject>(it->source)->size() != it->expected_size) return 0;
      return it->count;
    default:
      return 0;
  }
}

}  // namespace minidynamo
