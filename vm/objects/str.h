#ifndef MINIDYNAMO_VM_OBJECTS_STR_H_
#define MINIDYNAMO_VM_OBJECTS_STR_H_

// StrObject: Python's str, stored as UTF-8.
//
// Python indexes strings by code point. Most strings in practice are ASCII,
// where a byte index is a code point index; for the others, indexing walks the
// UTF-8 (the length is computed once at creation). Hashes are cached; interned
// strings (identifiers, attribute names) compare by pointer first.

#include <cstdint>
#include <string>
#include <string_view>

#include "vm/core/object.h"
#include "vm/format/utf8.h"

namespace minidynamo {

class StrObject : public Object {
 public:
  // A new string (not interned).
  static Value New(std::string_view utf8);
  // The interned string with this text; lives for the whole run.
  static StrObject* Intern(std::string_view utf8);

  const std::string& str() const { return data_; }
  std::string_view view() const { return data_; }
  int64_t length() const { return length_; }  // In code points.
  bool is_ascii() const { return is_ascii_; }
  bool is_interned() const { return interned_; }
  int64_t hash() const {
    if (hash_ == -1) hash_ = ComputeHash();
    return hash_;
  }

  // Byte offset of code point `index` (0 <= index <= length()).
  size_t ByteOffset(int64_t index) const;
  // The code point at `index`, as a new one-character string.
  Value CharAt(int64_t index) const;
  // Code points [start, stop) with step (already clamped by the caller).
  Value Slice(int64_t start, int64_t stop, int64_t step) const;

  bool Equals(const StrObject* other) const {
    return this == other ||
           (length_ == other->length_ && data_ == other->data_);
  }

  StrObject(TypeObject* type, std::string data);

 private:
  int64_t ComputeHash() const;

  std::string data_;
  int64_t length_ = 0;
  mutable int64_t hash_ = -1;
  bool is_ascii_ = true;
  bool interned_ = false;
};

// UTF-8 helpers (DecodeUtf8, AppendUtf8, CountCodePoints) come from
// vm/format/utf8.h, shared with the formatting code.
inline int64_t Utf8Length(std::string_view s) {
  return static_cast<int64_t>(CountCodePoints(s));
}

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_OBJECTS_STR_H_
