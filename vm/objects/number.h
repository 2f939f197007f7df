#ifndef MINIDYNAMO_VM_OBJECTS_NUMBER_H_
#define MINIDYNAMO_VM_OBJECTS_NUMBER_H_

// int, bool and float arithmetic with Python's semantics. Ints that fit 64 bits
// are inline Values; bigger ones are IntObjects holding a BigInt, and every
// result is normalized back to inline form when it fits, so both forms never
// mean the same int.

#include <string>

#include "vm/bigint/bigint.h"
#include "vm/compile/opcodes.h"
#include "vm/core/object.h"

namespace minidynamo {

class IntObject : public Object {
 public:
  IntObject(TypeObject* type, BigInt value)
      : Object(type), value(std::move(value)) {}
  BigInt value;
};

// An int Value for `b`: inline when it fits.
Value MakeInt(BigInt b);
// True for int, bool and big ints (and their subclasses' instances).
bool IsIntValue(const Value& v);
// The BigInt of an int Value (inline, bool or IntObject).
BigInt ToBigInt(const Value& v);
// A float for an int or float Value; false (with OverflowError) when too large.
bool ToDouble(const Value& v, double* out);
bool IsNumber(const Value& v);  // int, bool, float (exact types or subclasses).

// a op b for numbers; NotImplemented (the singleton) when either is not a
// number.
Value NumberBinaryOp(const Value& a, const Value& b, BinOp op);
// Three-way comparison for numbers; NotImplemented when not both numbers.
Value NumberCompare(const Value& a, const Value& b, CompareOp op);
Value NumberNegative(const Value& v);
Value NumberInvert(const Value& v);
Value NumberAbs(const Value& v);
// pow(a, b, mod) with mod given (not None).
Value NumberPowMod(const Value& a, const Value& b, const Value& mod);

// Python's hash for numbers (equal numbers hash equal across int and float).
// An int below 2**61 - 1 in magnitude is its own hash (-1 excepted): inline,
// without the modulus (sets and dicts of ints hash on every probe).
int64_t HashInt64Slow(int64_t v);
inline int64_t HashInt64(int64_t v) {
  constexpr int64_t kModulus = (int64_t{1} << 61) - 1;
  if (v > -kModulus && v < kModulus) return v == -1 ? -2 : v;
  return HashInt64Slow(v);
}
int64_t HashDouble(double v);

std::string IntToString(const Value& v);  // repr of an int Value.
// sys.get_int_max_str_digits() / set_int_max_str_digits() (0: no limit).
int64_t IntMaxStrDigits();
void SetIntMaxStrDigits(int64_t n);
// Checks that an int's decimal form is within IntMaxStrDigits(): ValueError
// ("Exceeds the limit (4300 digits) for integer string conversion; ...")
// otherwise.
bool CheckIntStrDigits(const Value& v);
std::string FloatToString(double v);  // repr of a float.

void InitNumberTypes();

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_OBJECTS_NUMBER_H_
