#ifndef MINIDYNAMO_VM_OBJECTS_DICT_VIEW_H_
#define MINIDYNAMO_VM_OBJECTS_DICT_VIEW_H_

// dict.keys(), dict.values() and dict.items(): live views of a dict. Keys and
// items views are set-like (==, <=, &, |, -, ^ with sets and other views,
// isdisjoint); values views are only sized and iterable. Their types
// (dict_keys, dict_values, dict_items) are created by InitDictType().

#include <cstdint>

#include "vm/core/object.h"
#include "vm/core/type.h"  // Object's inline constructor.

namespace minidynamo {

class DictViewObject : public Object {
 public:
  enum class Kind : uint8_t { kKeys, kValues, kItems };
  DictViewObject(TypeObject* type, Value dict, Kind kind)
      : Object(type), dict(std::move(dict)), kind(kind) {}

  Value dict;  // The DictObject (or subclass instance) viewed.
  Kind kind;

  void Traverse(GcVisitor& v) override {
    Object::Traverse(v);
    v.Visit(dict);
  }
};

TypeObject* DictKeysType();
TypeObject* DictValuesType();
TypeObject* DictItemsType();

// A new view of `dict` (a dict or a subclass instance).
Value NewDictView(const Value& dict, DictViewObject::Kind kind);

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_OBJECTS_DICT_VIEW_H_
