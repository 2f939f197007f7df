#ifndef MINIDYNAMO_VM_OBJECTS_COMPLEX_H_
#define MINIDYNAMO_VM_OBJECTS_COMPLEX_H_

// ComplexObject: Python's complex, a heap pair of doubles (complex_type.cc).

#include "vm/core/object.h"
#include "vm/core/type.h"

namespace minidynamo {

class ComplexObject : public Object {
 public:
  explicit ComplexObject(TypeObject* type) : Object(type) {}
  double real = 0.0;
  double imag = 0.0;
};

Value NewComplex(double real, double imag);
bool IsComplex(const Value& v);
// complex(a) ** complex(b) for numbers a, b (float ** float of a negative base
// and a fractional exponent is complex, as CPython's float_pow).
Value ComplexPower(double a, double b);
// The complex type (for the builtins module).
Value ComplexType();

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_OBJECTS_COMPLEX_H_
