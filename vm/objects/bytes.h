#ifndef MINIDYNAMO_VM_OBJECTS_BYTES_H_
#define MINIDYNAMO_VM_OBJECTS_BYTES_H_

// BytesObject: Python's bytes, an immutable byte string. The hash is cached;
// it is CPython's under PYTHONHASHSEED=0 (py_hash.h), which also makes
// hash(b'abc') == hash('abc') as in CPython.

#include <cstdint>
#include <string>
#include <string_view>

#include "vm/core/object.h"
#include "vm/core/type.h"  // Object's inline constructor.

namespace minidynamo {

class BytesObject : public Object {
 public:
  BytesObject(TypeObject* type, std::string data)
      : Object(type), data_(std::move(data)) {}
  // A new exact bytes object.
  static Value New(std::string data);

  const std::string& data() const { return data_; }
  std::string_view view() const { return data_; }
  size_t size() const { return data_.size(); }
  int64_t hash() const {
    if (hash_ == -1) hash_ = ComputeHash();
    return hash_;
  }

 private:
  int64_t ComputeHash() const;

  std::string data_;
  mutable int64_t hash_ = -1;
};

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_OBJECTS_BYTES_H_
