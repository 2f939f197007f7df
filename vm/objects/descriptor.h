#ifndef MINIDYNAMO_VM_OBJECTS_DESCRIPTOR_H_
#define MINIDYNAMO_VM_OBJECTS_DESCRIPTOR_H_

// property, classmethod, staticmethod, super, slice, range, cell and
// module-like small objects.

#include <string>

#include "vm/core/object.h"

namespace minidynamo {

class PropertyObject : public Object {
 public:
  explicit PropertyObject(TypeObject* type) : Object(type) {}
  Value fget, fset, fdel, doc;

  void Traverse(GcVisitor& v) override {
    Object::Traverse(v);
    v.Visit(fget);
    v.Visit(fset);
    v.Visit(fdel);
    v.Visit(doc);
  }
};

// classmethod and staticmethod: both wrap a callable.
class MethodWrapperObject : public Object {
 public:
  MethodWrapperObject(TypeObject* type, Value callable)
      : Object(type), callable(std::move(callable)) {}
  Value callable;

  void Traverse(GcVisitor& v) override {
    Object::Traverse(v);
    v.Visit(callable);
  }
};

class SuperObject : public Object {
 public:
  explicit SuperObject(TypeObject* type) : Object(type) {}
  Value
      thisclass;   // The class whose MRO position starts the search (after it).
  Value obj;       // The instance (or class) bound.
  Value obj_type;  // type(obj), or obj itself when obj is a class.

  void Traverse(GcVisitor& v) override {
    Object::Traverse(v);
    v.Visit(thisclass);
    v.Visit(obj);
    v.Visit(obj_type);
  }
};

// The bounds of a slice: a SliceObject's, or BUILD_SLICE's operands on the
// eval stack when the subscript after it needs no slice object.
struct SliceBounds {
  const Value& start;
  const Value& stop;
  const Value& step;
};
// The bounds as ints (CPython's PySlice_Unpack): __index__ is called on
// each, huge values are clamped, a missing one is the far end. False with
// an exception raised for a zero step or bad index types. Unpacking may run
// Python code: a mutable sequence's length is read after it.
bool SliceUnpack(const SliceBounds& b, int64_t* start, int64_t* stop,
                 int64_t* step);
// Clamps unpacked bounds to a sequence of `length` and returns the number
// of items selected (CPython's PySlice_AdjustIndices). Inline: every slice
// of a list or tuple runs it.
inline int64_t SliceAdjust(int64_t length, int64_t* start, int64_t* stop,
                           int64_t step) {
  auto clamp = [length, step](int64_t* p) {
    if (*p < 0) {
      *p = *p < -length ? (step < 0 ? -1 : 0) : *p + length;
    } else if (*p >= length) {
      *p = step < 0 ? length - 1 : length;
    }
  };
  clamp(start);
  clamp(stop);
  if (step == 1) return *start < *stop ? *stop - *start : 0;
  if (step < 0) return *stop < *start ? (*start - *stop - 1) / (-step) + 1 : 0;
  return *start < *stop ? (*stop - *start - 1) / step + 1 : 0;
}
// Both, against a `length` known beforehand (an immutable sequence's).
bool SliceIndices(const SliceBounds& b, int64_t length, int64_t* start,
                  int64_t* stop, int64_t* step, int64_t* slicelength);

class SliceObject : public Object {
 public:
  SliceObject(TypeObject* type, Value start, Value stop, Value step)
      : Object(type),
        start(std::move(start)),
        stop(std::move(stop)),
        step(std::move(step)) {}
  Value start, stop, step;

  void Traverse(GcVisitor& v) override {
    Object::Traverse(v);
    v.Visit(start);
    v.Visit(stop);
    v.Visit(step);
  }
  SliceBounds bounds() const { return {start, stop, step}; }
  // SliceIndices of the bounds.
  bool Indices(int64_t length, int64_t* pstart, int64_t* pstop, int64_t* pstep,
               int64_t* slicelength) const {
    return SliceIndices(bounds(), length, pstart, pstop, pstep, slicelength);
  }
};

class RangeObject : public Object {
 public:
  RangeObject(TypeObject* type, int64_t start, int64_t stop, int64_t step)
      : Object(type), start(start), stop(stop), step(step) {}
  int64_t start, stop, step;
  int64_t Length() const;
};

class ModuleObject : public Object {
 public:
  ModuleObject(TypeObject* type, std::string name);
  std::string name;
};

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_OBJECTS_DESCRIPTOR_H_
