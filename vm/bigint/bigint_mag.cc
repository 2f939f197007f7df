// Magnitude kernels: carry-propagating add/sub, schoolbook and Karatsuba
// multiplication, and Knuth's Algorithm D for division.
#include "vm/bigint/bigint_mag.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <utility>
#include <vector>

#include "absl/numeric/bits.h"

namespace minidynamo {
namespace bigint_internal {
namespace {

constexpr uint64_t kLimbMask = 0xFFFFFFFFu;

size_t TrimmedLength(const Limb* x, size_t n) {
  while (n > 0 && x[n - 1] == 0) --n;
  return n;
}

// x[0..n) += y[0..m) with m <= n; returns the carry out of x[n-1].
Limb AddInPlace(Limb* x, size_t n, const Limb* y, size_t m) {
  uint64_t carry = 0;
  size_t i = 0;
  for (; i < m; ++i) {
    carry += uint64_t{x[i]} + y[i];
    x[i] = static_cast<Limb>(carry);
    carry >>= 32;
  }
  for (; carry != 0 && i < n; ++i) {
    carry += x[i];
    x[i] = static_cast<Limb>(carry);
    carry >>= 32;
  }
  return static_cast<Limb>(carry);
}

// x[0..n) -= y[0..m) with m <= n; returns the borrow out of x[n-1].
Limb SubInPlace(Limb* x, size_t n, const Limb* y, size_t m) {
  uint64_t borrow = 0;
  size_t i = 0;
  for (; i < m; ++i) {
    uint64_t d = uint64_t{x[i]} - y[i] - borrow;
    x[i] = static_cast<Limb>(d);
    borrow = d >> 63;
  }
  for (; borrow != 0 && i < n; ++i) {
    uint64_t d = uint64_t{x[i]} - borrow;
    x[i] = static_cast<Limb>(d);
    borrow = d >> 63;
  }
  return static_cast<Limb>(borrow);
}

void SchoolbookMul(const Limb* a, size_t na, const Limb* b, size_t nb,
                   Limb* out) {
  std::fill(out, out + na + nb, 0);
  for (size_t i = 0; i < nb; ++i) {
    const uint64_t bi = b[i];
    if (bi == 0) continue;
    Limb* o = out + i;
    uint64_t carry = 0;
    for (size_t j = 0; j < na; ++j) {
      // (2^32-1)^2 + 2 * (2^32-1) == 2^64 - 1: never overflows.
      uint64_t t = a[j] * bi + o[j] + carry;
      o[j] = static_cast<Limb>(t);
      carry = t >> 32;
    }
    o[na] = static_cast<Limb>(carry);
  }
}

// Squaring computes each cross product once and doubles it: about half the work
// of a general schoolbook product, which matters for pow's repeated squaring.
void SchoolbookSquare(const Limb* a, size_t n, Limb* out) {
  std::fill(out, out + 2 * n, 0);
  for (size_t i = 0; i + 1 < n; ++i) {
    const uint64_t ai = a[i];
    if (ai == 0) continue;
    uint64_t carry = 0;
    for (size_t j = i + 1; j < n; ++j) {
      uint64_t t = ai * a[j] + out[i + j] + carry;
      out[i + j] = static_cast<Limb>(t);
      carry = t >> 32;
    }
    out[i + n] = static_cast<Limb>(carry);
  }
  // Double the cross products, then add the squares on the diagonal.
  Limb top = 0;
  for (size_t k = 0; k < 2 * n; ++k) {
    Limb next_top = out[k] >> 31;
    out[k] = (out[k] << 1) | top;
    top = next_top;
  }
  uint64_t carry = 0;
  for (size_t i = 0; i < n; ++i) {
    uint64_t sq = uint64_t{a[i]} * a[i];
    uint64_t lo = uint64_t{out[2 * i]} + (sq & kLimbMask) + carry;
    out[2 * i] = static_cast<Limb>(lo);
    uint64_t hi = uint64_t{out[2 * i + 1]} + (sq >> 32) + (lo >> 32);
    out[2 * i + 1] = static_cast<Limb>(hi);
    carry = hi >> 32;
  }
}

// out[0..na+nb) = a * b. out must not overlap the inputs.
void MulInto(const Limb* a, size_t na, const Limb* b, size_t nb, Limb* out) {
  const size_t total = na + nb;
  const bool square = a == b && na == nb;
  na = TrimmedLength(a, na);
  nb = square ? na : TrimmedLength(b, nb);
  if (na < nb) {
    std::swap(a, b);
    std::swap(na, nb);
  }
  std::fill(out + na + nb, out + total, 0);
  if (nb == 0) {
    std::fill(out, out + na, 0);
    return;
  }
  if (nb < kKaratsubaThreshold) {
    if (square) {
      SchoolbookSquare(a, na, out);
    } else {
      SchoolbookMul(a, na, b, nb, out);
    }
    return;
  }
  if (na >= 2 * nb) {
    // Lopsided: Karatsuba on halves of very different sizes wastes work, so
    // multiply b by nb-limb slices of a and accumulate.
    std::fill(out, out + na + nb, 0);
    std::vector<Limb> tmp(2 * nb);
    for (size_t off = 0; off < na; off += nb) {
      size_t len = std::min(nb, na - off);
      MulInto(a + off, len, b, nb, tmp.data());
      AddInPlace(out + off, na + nb - off, tmp.data(), len + nb);
    }
    return;
  }
  // Karatsuba: with a = a1*B^m + a0 and b = b1*B^m + b0,
  // a*b = z2*B^2m + ((a0+a1)(b0+b1) - z0 - z2)*B^m + z0. Since nb > na/2 >= m,
  // both high halves are nonempty.
  const size_t m = na / 2;
  const Limb* a0 = a;
  const Limb* a1 = a + m;
  const size_t na1 = na - m;
  const Limb* b0 = b;
  const Limb* b1 = b + m;
  const size_t nb1 = nb - m;
  MulInto(a0, m, square ? a0 : b0, m, out);              // z0
  MulInto(a1, na1, square ? a1 : b1, nb1, out + 2 * m);  // z2

  std::vector<Limb> sa(na1 + 1, 0);
  std::copy(a1, a1 + na1, sa.begin());
  sa[na1] = AddInPlace(sa.data(), na1, a0, m);
  std::vector<Limb> z1;
  if (square) {
    z1.resize(2 * sa.size());
    MulInto(sa.data(), sa.size(), sa.data(), sa.size(), z1.data());
  } else {
    const size_t nsb = std::max(m, nb1) + 1;
    std::vector<Limb> sb(nsb, 0);
    if (m >= nb1) {
      std::copy(b0, b0 + m, sb.begin());
      sb[nsb - 1] = AddInPlace(sb.data(), m, b1, nb1);
    } else {
      std::copy(b1, b1 + nb1, sb.begin());
      sb[nsb - 1] = AddInPlace(sb.data(), nb1, b0, m);
    }
    z1.resize(sa.size() + sb.size());
    MulInto(sa.data(), sa.size(), sb.data(), sb.size(), z1.data());
  }
  SubInPlace(z1.data(), z1.size(), out, 2 * m);
  SubInPlace(z1.data(), z1.size(), out + 2 * m, na1 + nb1);
  // The middle term times B^m cannot exceed the full product, so it fits.
  size_t nz1 = TrimmedLength(z1.data(), z1.size());
  AddInPlace(out + m, na + nb - m, z1.data(), nz1);
}

}  // namespace

int CompareMag(const Limb* a, size_t na, const Limb* b, size_t nb) {
  na = TrimmedLength(a, na);
  nb = TrimmedLength(b, nb);
  if (na != nb) return na < nb ? -1 : 1;
  for (size_t i = na; i-- > 0;) {
    if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return 0;
}

void AddMag(const Limb* a, size_t na, const Limb* b, size_t nb, Limbs* out) {
  if (na < nb) {
    std::swap(a, b);
    std::swap(na, nb);
  }
  out->resize(na + 1);
  Limb* o = out->data();
  std::copy(a, a + na, o);
  o[na] = AddInPlace(o, na, b, nb);
  TrimLimbs(out);
}

void SubMag(const Limb* a, size_t na, const Limb* b, size_t nb, Limbs* out) {
  nb = TrimmedLength(b, nb);
  out->resize(na);
  Limb* o = out->data();
  std::copy(a, a + na, o);
  SubInPlace(o, na, b, nb);
  TrimLimbs(out);
}

void MulMag(const Limb* a, size_t na, const Limb* b, size_t nb, Limbs* out) {
  na = TrimmedLength(a, na);
  nb = TrimmedLength(b, nb);
  if (na == 0 || nb == 0) {
    out->clear();
    return;
  }
  if (na < nb) {
    std::swap(a, b);
    std::swap(na, nb);
  }
  out->resize(na + nb);
  if (nb == 1) {
    // By far the most common shape in interpreted code (`f *= i`): one pass.
    const uint64_t m = b[0];
    Limb* o = out->data();
    uint64_t carry = 0;
    for (size_t i = 0; i < na; ++i) {
      const uint64_t t = a[i] * m + carry;
      o[i] = static_cast<Limb>(t);
      carry = t >> 32;
    }
    o[na] = static_cast<Limb>(carry);
  } else {
    MulInto(a, na, b, nb, out->data());
  }
  TrimLimbs(out);
}

Limb DivSmall(Limb* x, size_t n, Limb d) {
  uint64_t rem = 0;
  for (size_t i = n; i-- > 0;) {
    uint64_t cur = (rem << 32) | x[i];
    x[i] = static_cast<Limb>(cur / d);
    rem = cur % d;
  }
  return static_cast<Limb>(rem);
}

void MulAddSmall(Limbs* x, Limb m, Limb add) {
  uint64_t carry = add;
  for (Limb& limb : *x) {
    uint64_t t = uint64_t{limb} * m + carry;
    limb = static_cast<Limb>(t);
    carry = t >> 32;
  }
  if (carry != 0) x->push_back(static_cast<Limb>(carry));
}

void DecrementMag(Limb* x, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    if (x[i]-- != 0) return;
  }
}

void IncrementMag(Limbs* x) {
  for (Limb& limb : *x) {
    if (++limb != 0) return;
  }
  x->push_back(1);
}

uint64_t BitLengthMag(const Limb* x, size_t n) {
  n = TrimmedLength(x, n);
  if (n == 0) return 0;
  return uint64_t{n - 1} * 32 + (32 - absl::countl_zero(x[n - 1]));
}

uint64_t ExtractBits(const Limb* x, size_t n, uint64_t shift, bool* sticky) {
  const uint64_t limb = shift / 32;
  const int bit = static_cast<int>(shift % 32);
  if (sticky != nullptr) {
    bool any = false;
    for (uint64_t i = 0; i < limb && i < n && !any; ++i) any = x[i] != 0;
    if (!any && bit != 0 && limb < n) any = (x[limb] & ((1u << bit) - 1)) != 0;
    *sticky = any;
  }
  // Gather three limbs (96 bits) from `limb` up, then shift: covers 64 bits +
  // bit.
  auto at = [&](uint64_t i) -> uint64_t { return i < n ? x[i] : 0; };
  const uint64_t lo = at(limb) | (at(limb + 1) << 32);
  const uint64_t hi = at(limb + 2);
  return bit == 0 ? lo : (lo >> bit) | (hi << (64 - bit));
}

double RoundAndScale(uint64_t x, int extra, bool sticky, int64_t exp) {
  const uint64_t low = x & ((uint64_t{1} << extra) - 1);
  const uint64_t half = uint64_t{1} << (extra - 1);
  uint64_t kept = x >> extra;
  if (low > half || (low == half && (sticky || (kept & 1) != 0))) ++kept;
  // kept has at most 54 bits here, so the conversion is exact.
  return std::ldexp(static_cast<double>(kept), static_cast<int>(exp + extra));
}

void DivModMag(const Limb* a, size_t na, const Limb* b, size_t nb, Limbs* q,
               Limbs* r) {
  na = TrimmedLength(a, na);
  nb = TrimmedLength(b, nb);
  if (CompareMag(a, na, b, nb) < 0) {
    if (q != nullptr) q->clear();
    if (r != nullptr) r->assign(a, a + na);
    return;
  }
  if (nb == 1) {
    Limbs quot(a, a + na);
    Limb rem = DivSmall(quot.data(), na, b[0]);
    if (q != nullptr) {
      TrimLimbs(&quot);
      *q = std::move(quot);
    }
    if (r != nullptr) {
      r->clear();
      if (rem != 0) r->push_back(rem);
    }
    return;
  }
  // Algorithm D (Knuth, TAOCP vol. 2, 4.3.1): normalize so the divisor's top
  // bit is set, which makes each two-limb quotient estimate at most two too
  // large.
  const int s = absl::countl_zero(b[nb - 1]);
  std::vector<Limb> v(nb);
  std::vector<Limb> u(na + 1);
  if (s == 0) {
    std::copy(b, b + nb, v.begin());
    std::copy(a, a + na, u.begin());
    u[na] = 0;
  } else {
    for (size_t i = nb; i-- > 1;) v[i] = (b[i] << s) | (b[i - 1] >> (32 - s));
    v[0] = b[0] << s;
    u[na] = a[na - 1] >> (32 - s);
    for (size_t i = na; i-- > 1;) u[i] = (a[i] << s) | (a[i - 1] >> (32 - s));
    u[0] = a[0] << s;
  }
  const uint64_t vtop = v[nb - 1];
  const uint64_t vnext = v[nb - 2];
  Limbs quot(na - nb + 1);
  for (size_t j = na - nb + 1; j-- > 0;) {
    const uint64_t num = (uint64_t{u[j + nb]} << 32) | u[j + nb - 1];
    uint64_t qhat = num / vtop;
    uint64_t rhat = num % vtop;
    while (qhat > kLimbMask || qhat * vnext > ((rhat << 32) | u[j + nb - 2])) {
      --qhat;
      rhat += vtop;
      if (rhat > kLimbMask) break;
    }
    // u[j..j+nb] -= qhat * v.
    uint64_t carry = 0;
    uint64_t borrow = 0;
    for (size_t i = 0; i < nb; ++i) {
      uint64_t p = qhat * v[i] + carry;
      carry = p >> 32;
      uint64_t d = uint64_t{u[i + j]} - (p & kLimbMask) - borrow;
      u[i + j] = static_cast<Limb>(d);
      borrow = d >> 63;
    }
    uint64_t d = uint64_t{u[j + nb]} - carry - borrow;
    u[j + nb] = static_cast<Limb>(d);
    if ((d >> 63) != 0) {
      // The estimate was one too large (rare): add the divisor back.
      --qhat;
      u[j + nb] += AddInPlace(u.data() + j, nb, v.data(), nb);
    }
    quot[j] = static_cast<Limb>(qhat);
  }
  if (q != nullptr) {
    TrimLimbs(&quot);
    *q = std::move(quot);
  }
  if (r != nullptr) {
    r->resize(nb);
    if (s == 0) {
      std::copy(u.begin(), u.begin() + nb, r->begin());
    } else {
      for (size_t i = 0; i + 1 < nb; ++i) {
        (*r)[i] = (u[i] >> s) | (u[i + 1] << (32 - s));
      }
      (*r)[nb - 1] = u[nb - 1] >> s;
    }
    TrimLimbs(r);
  }
}

}  // namespace bigint_internal
}  // namespace minidynamo
