#include "vm/objects/str.h"

#include "absl/container/flat_hash_map.h"
#include "vm/core/builtin_types.h"
#include "vm/objects/py_hash.h"

namespace minidynamo {

StrObject::StrObject(TypeObject* type, std::string data)
    : Object(type), data_(std::move(data)) {
  length_ = Utf8Length(data_);
  is_ascii_ = length_ == static_cast<int64_t>(data_.size());
}

Value StrObject::New(std::string_view utf8) {
  return Value::Steal(new StrObject(g_types.str, std::string(utf8)));
}

StrObject* StrObject::Intern(std::string_view utf8) {
  // Interned strings are immortal: the table holds one reference forever.
  static auto* table = new absl::flat_hash_map<std::string, StrObject*>();
  // Debian's Abseil has its own string_view type, distinct from std's.
  auto it = table->find(absl::string_view(utf8.data(), utf8.size()));
  if (it != table->end()) return it->second;
  auto* s = new StrObject(g_types.str, std::string(utf8));
  s->interned_ = true;
  table->emplace(std::string(utf8), s);
  return s;
}

int64_t StrObject::ComputeHash() const {
  // CPython's str hash with PYTHONHASHSEED=0, so sets of strings iterate in the
  // order CPython prints them when run that way (the conformance suite does).
  return PyHashStrUtf8(data_, is_ascii_);
}

size_t StrObject::ByteOffset(int64_t index) const {
  if (is_ascii_) return static_cast<size_t>(index);
  size_t i = 0;
  for (int64_t k = 0; k < index; ++k) DecodeUtf8(data_, &i);
  return i;
}

Value StrObject::CharAt(int64_t index) const {
  if (is_ascii_) {
    return Value::FromObject(Intern(std::string_view(&data_[index], 1)));
  }
  size_t start = ByteOffset(index);
  size_t end = start;
  DecodeUtf8(data_, &end);
  return New(std::string_view(data_).substr(start, end - start));
}

Value StrObject::Slice(int64_t start, int64_t stop, int64_t step) const {
  if (step == 1) {
    if (start >= stop) return New("");
    size_t b = ByteOffset(start);
    size_t e = is_ascii_ ? static_cast<size_t>(stop) : ByteOffset(stop);
    return New(std::string_view(data_).substr(b, e - b));
  }
  std::string out;
  if (is_ascii_) {
    for (int64_t i = start; step > 0 ? i < stop : i > stop; i += step) {
      out.push_back(data_[i]);
    }
    return New(out);
  }
  // Decode once into code points, then pick.
  std::vector<uint32_t> cps;
  for (size_t i = 0; i < data_.size();) cps.push_back(DecodeUtf8(data_, &i));
  for (int64_t i = start; step > 0 ? i < stop : i > stop; i += step) {
    AppendUtf8(&out, cps[i]);
  }
  return New(out);
}

}  // namespace minidynamo
