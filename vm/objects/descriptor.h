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
  // Resolves against a sequence of `length`: CPython's PySlice_AdjustIndices.
  // Returns false with an exception raised for a zero step or bad index types.
  bool Indices(int64_t length, int64_t* start, int64_t* stop, int64_t* step,
               int64_t* slicelength) const;
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
