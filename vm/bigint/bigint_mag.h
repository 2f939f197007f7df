// Unsigned magnitude arithmetic on little-endian 32-bit limb arrays: the layer
// under BigInt's signed operations. Inputs are (pointer, length) pairs and may
// carry leading zero limbs; outputs are normalized (no leading zeros). Outputs
// must not alias inputs.
#ifndef MINIDYNAMO_VM_BIGINT_BIGINT_MAG_H_
#define MINIDYNAMO_VM_BIGINT_BIGINT_MAG_H_

#include <cstddef>
#include <cstdint>

#include "vm/bigint/bigint.h"

namespace minidynamo {
namespace bigint_internal {

using Limb = BigInt::Limb;
using Limbs = BigInt::Limbs;

// Below this many limbs in the shorter operand, schoolbook multiplication wins.
inline constexpr size_t kKaratsubaThreshold = 40;

inline void TrimLimbs(Limbs* x) {
  while (!x->empty() && x->back() == 0) x->pop_back();
}

int CompareMag(const Limb* a, size_t na, const Limb* b, size_t nb);

// *out = a + b.
void AddMag(const Limb* a, size_t na, const Limb* b, size_t nb, Limbs* out);
// *out = a - b; requires a >= b.
void SubMag(const Limb* a, size_t na, const Limb* b, size_t nb, Limbs* out);
// *out = a * b.
void MulMag(const Limb* a, size_t na, const Limb* b, size_t nb, Limbs* out);
// *q = a / b and *r = a % b (truncating); b must be nonzero; q or r may be
// null.
void DivModMag(const Limb* a, size_t na, const Limb* b, size_t nb, Limbs* q,
               Limbs* r);

// In place: *x = *x * m + add.
void MulAddSmall(Limbs* x, Limb m, Limb add);
// In place: x[0..n) /= d (d nonzero); returns the remainder. Leaves leading
// zeros.
Limb DivSmall(Limb* x, size_t n, Limb d);
// In place: x[0..n) -= 1; requires x nonzero. Leaves leading zeros.
void DecrementMag(Limb* x, size_t n);
// In place: *x += 1.
void IncrementMag(Limbs* x);

// Number of significant bits in x[0..n) (n may include leading zeros).
uint64_t BitLengthMag(const Limb* x, size_t n);
// The low 64 bits of x >> shift; *sticky (if not null) is set when any bit
// below `shift` is nonzero.
uint64_t ExtractBits(const Limb* x, size_t n, uint64_t shift, bool* sticky);
// Rounds x half-to-even at bit `extra` (1..63): the bits below it, plus
// `sticky` for nonzero bits already dropped, decide. Returns the rounded value
// times 2**exp; inf when that overflows. Callers choose `extra` so the result
// is exact otherwise.
double RoundAndScale(uint64_t x, int extra, bool sticky, int64_t exp);

}  // namespace bigint_internal
}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_BIGINT_BIGINT_MAG_H_
