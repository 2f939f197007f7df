#ifndef MINIDYNAMO_VM_CORE_VALUE_H_
#define MINIDYNAMO_VM_CORE_VALUE_H_

// Value: what the VM passes around. 16 bytes: a tag and a payload.
//
//   tag      payload          meaning
//   kNull    -                "no value": an error was raised, or a slot is
//   unbound kNone    -                None kBool    b                True /
//   False kInt     i (int64)        an int that fits 64 bits (bigger ones are
//   heap BigInts) kFloat   f (double)       a float kObject  o (Object*)
//   everything else, reference counted
//
// Ints, floats and bools live inline so arithmetic allocates nothing (CPython
// boxes every float; nbody-style code is where this pays). Copies of a kObject
// value add a reference, moves steal it, so C++ code handles Values like shared
// pointers.

#include <cstddef>
#include <cstdint>
#include <utility>

namespace minidynamo {

class Object;

class Value {
 public:
  enum class Tag : uint8_t { kNull, kNone, kBool, kInt, kFloat, kObject };

  Value() : tag_(Tag::kNull) { u_.i = 0; }
  static Value None() { return Value(Tag::kNone); }
  static Value Bool(bool b) {
    Value v(Tag::kBool);
    v.u_.i = b ? 1 : 0;
    return v;
  }
  static Value Int(int64_t i) {
    Value v(Tag::kInt);
    v.u_.i = i;
    return v;
  }
  static Value Float(double f) {
    Value v(Tag::kFloat);
    v.u_.f = f;
    return v;
  }
  // Adds a reference to `o`.
  static inline Value FromObject(Object* o);
  // Takes over a reference the caller owns (e.g. a freshly allocated object).
  static Value Steal(Object* o) {
    Value v(Tag::kObject);
    v.u_.o = o;
    return v;
  }

  Value(const Value& other) : tag_(other.tag_), u_(other.u_) { IncRef(); }
  Value(Value&& other) noexcept : tag_(other.tag_), u_(other.u_) {
    other.tag_ = Tag::kNull;
  }
  // Assignments are forced inline: GCC otherwise calls an out-of-line copy
  // from the eval loop for every stack-slot store. The old value is released
  // after the new one is in place (its __del__ may read the slot).
  [[gnu::always_inline]] Value& operator=(const Value& other) {
    Value tmp(other);
    Swap(tmp);
    return *this;
  }
  [[gnu::always_inline]] Value& operator=(Value&& other) noexcept {
    Value tmp(std::move(other));
    Swap(tmp);
    return *this;
  }
  ~Value() { DecRef(); }

  void Swap(Value& other) noexcept {
    std::swap(tag_, other.tag_);
    std::swap(u_, other.u_);
  }

  Tag tag() const { return tag_; }
  bool is_null() const { return tag_ == Tag::kNull; }
  bool is_none() const { return tag_ == Tag::kNone; }
  bool is_bool() const { return tag_ == Tag::kBool; }
  bool is_int() const { return tag_ == Tag::kInt; }
  bool is_float() const { return tag_ == Tag::kFloat; }
  bool is_object() const { return tag_ == Tag::kObject; }

  bool as_bool() const { return u_.i != 0; }
  int64_t as_int() const { return u_.i; }
  double as_float() const { return u_.f; }
  Object* as_object() const { return u_.o; }

  // Identity (Python's `is`): same tag and payload. Floats compare by bits, as
  // two distinct float objects would not be `is`-identical in CPython either
  // way.
  bool Is(const Value& other) const {
    return tag_ == other.tag_ && u_.i == other.u_.i;
  }

  // Takes over the reference in `slot` and leaves its bytes as they are, so
  // `slot` no longer holds a value: it must not be read or released again
  // (the eval loop's POP, whose slots above the stack top are never read).
  // A move without the null store.
  static Value TakeFrom(Value& slot) {
    Value v(slot.tag_);
    v.u_ = slot.u_;
    return v;
  }

  // Releases ownership without a DecRef (for handing a reference to C++ code
  // that stores raw Object pointers).
  Object* Release() {
    tag_ = Tag::kNull;
    return u_.o;
  }

 private:
  explicit Value(Tag t) : tag_(t) { u_.i = 0; }
  inline void IncRef() const;
  inline void DecRef();

  Tag tag_;
  union {
    int64_t i;
    double f;
    Object* o;
  } u_;
};

static_assert(sizeof(Value) == 16, "Value must stay two words");

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_CORE_VALUE_H_
