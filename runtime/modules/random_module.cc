// The `random` module over runtime/random (CPython's Mersenne Twister, bit for
// bit): the Random class, and module-level functions that are bound methods
// of one hidden instance, as in CPython.
//
// The sequence helpers (randrange, sample, choices, shuffle) and the
// distributions follow CPython 3.11's Lib/random.py step for step, since the
// same seed must consume the same random numbers in the same order.

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "runtime/modules/module_util.h"
#include "runtime/random/random.h"
#include "vm/core/builtin_types.h"
#include "vm/core/errors.h"
#include "vm/core/type.h"
#include "vm/interp/modules.h"
#include "vm/interp/ops.h"
#include "vm/objects/bytes.h"
#include "vm/objects/descriptor.h"
#include "vm/objects/dict.h"
#include "vm/objects/list.h"
#include "vm/objects/native.h"
#include "vm/objects/number.h"
#include "vm/objects/str.h"
#include "vm/objects/tuple.h"

namespace minidynamo {
namespace {

class RandomObject : public Object {
 public:
  explicit RandomObject(TypeObject* type) : Object(type) {}
  Random rng;
};

TypeObject* g_random_type = nullptr;

size_t NumKw(TupleObject* kw) { return kw ? kw->size() : 0; }

// ---- BigInt <-> the 32-bit words runtime/random works on

std::vector<uint32_t> MagnitudeWords(const BigInt& n) {
  BigInt mag = n.Abs();
  int64_t nbytes = static_cast<int64_t>((mag.BitLength() + 31) / 32 * 4);
  std::vector<uint32_t> words(nbytes / 4);
  if (nbytes == 0) return words;
  std::string bytes = *mag.ToBytes(nbytes, /*little_endian=*/true,
                                   /*is_signed=*/false);
  for (size_t i = 0; i < words.size(); ++i) {
    words[i] =
        static_cast<uint32_t>(static_cast<uint8_t>(bytes[4 * i])) |
        static_cast<uint32_t>(static_cast<uint8_t>(bytes[4 * i + 1])) << 8 |
        static_cast<uint32_t>(static_cast<uint8_t>(bytes[4 * i + 2])) << 16 |
        static_cast<uint32_t>(static_cast<uint8_t>(bytes[4 * i + 3])) << 24;
  }
  return words;
}

BigInt FromWords(const std::vector<uint32_t>& words) {
  std::string bytes(words.size() * 4, '\0');
  for (size_t i = 0; i < words.size(); ++i) {
    for (int b = 0; b < 4; ++b) {
      bytes[4 * i + b] = static_cast<char>((words[i] >> (8 * b)) & 0xff);
    }
  }
  return BigInt::FromBytes(bytes, /*little_endian=*/true, /*is_signed=*/false);
}

BigInt FromU128(unsigned __int128 v) {
  BigInt hi = BigInt::FromUint64(static_cast<uint64_t>(v >> 64));
  BigInt lo = BigInt::FromUint64(static_cast<uint64_t>(v));
  return hi.IsZero() ? lo : *BigInt::LeftShift(hi, 64) + lo;
}

// _randbelow(n) for n > 0 of any size.
BigInt RandBelow(Random& rng, const BigInt& n) {
  std::vector<uint32_t> w = MagnitudeWords(n);
  if (w.size() <= 2) {
    uint64_t v = w.empty() ? 0 : w[0];
    if (w.size() == 2) v |= static_cast<uint64_t>(w[1]) << 32;
    return FromU128(rng.RandBelow(v));
  }
  return FromWords(rng.RandBelowWords(w));
}

int64_t RandBelowSmall(Random& rng, int64_t n) {
  return static_cast<int64_t>(rng.RandBelow(static_cast<unsigned __int128>(n)));
}

Random& RngOf(const Value& self) { return As<RandomObject>(self)->rng; }

bool CheckSelf(const char* name, Value* args, size_t nargs) {
  if (nargs < 1 || !IsInstance(args[0], g_random_type)) {
    RaiseF(g_exc.TypeError, "descriptor '%s' requires a 'Random' object", name);
    return false;
  }
  return true;
}

// ---- Seeding and state

bool SeedFrom(Random& rng, const Value& a) {
  if (a.is_null() || a.is_none()) {
    rng.SeedFromEntropy();
    return true;
  }
  if (IsIntValue(a)) {
    rng.SeedWords(MagnitudeWords(ToBigInt(a)));
    return true;
  }
  if (IsInstance(a, g_types.str)) {
    rng.SeedBytes(As<StrObject>(a)->view());
    return true;
  }
  if (IsInstance(a, g_types.bytes)) {
    rng.SeedBytes(As<BytesObject>(a)->view());
    return true;
  }
  int64_t h;
  if (!Hash(a, &h)) return false;
  rng.SeedHash(h);
  return true;
}

Value RandomNewFn(TypeObject* type, Value*, size_t, TupleObject*) {
  return Value::Steal(new RandomObject(type));
}

Value RandomInit(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckSelf("__init__", args, nargs)) return Value();
  Value p[1];
  if (!ParseArgs("Random", args + 1, nargs - 1, kw, {"x"}, 0, p)) {
    return Value();
  }
  if (!SeedFrom(RngOf(args[0]), p[0])) return Value();
  return Value::None();
}

Value Seed(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckSelf("seed", args, nargs)) return Value();
  Value p[2];
  if (!ParseArgs("seed", args + 1, nargs - 1, kw, {"a", "version"}, 0, p)) {
    return Value();
  }
  if (!SeedFrom(RngOf(args[0]), p[0])) return Value();
  return Value::None();
}

Value GetState(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckSelf("getstate", args, nargs)) return Value();
  if (!CheckArgs("getstate", nargs - 1, kw, 0, 0)) return Value();
  Random::State st = RngOf(args[0]).GetState();
  Value words = TupleObject::New(st.words.size() + 1);
  auto* t = As<TupleObject>(words);
  for (size_t i = 0; i < st.words.size(); ++i) {
    t->set(i, Value::Int(st.words[i]));
  }
  t->set(st.words.size(), Value::Int(st.index));
  Value gauss = st.gauss_next ? Value::Float(*st.gauss_next) : Value::None();
  return TupleObject::Of({Value::Int(3), words, gauss});
}

Value SetState(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckSelf("setstate", args, nargs)) return Value();
  if (!CheckArgs("setstate", nargs - 1, kw, 1, 1)) return Value();
  const Value& state = args[1];
  if (!IsInstance(state, g_types.tuple) ||
      As<TupleObject>(state)->size() != 3) {
    return Raise(g_exc.TypeError, "state vector must be a tuple");
  }
  auto* st = As<TupleObject>(state);
  // Version 2 states (Python 2's) have the same layout as far as the size
  // check, which is what rejects malformed ones.
  if (!st->get(0).is_int() ||
      (st->get(0).as_int() != 3 && st->get(0).as_int() != 2)) {
    std::string v = ReprString(st->get(0));
    return RaiseF(g_exc.ValueError,
                  "state with version %s passed to Random.setstate() of "
                  "version 3",
                  v);
  }
  Random::State s;
  if (!IsInstance(st->get(1), g_types.tuple) ||
      As<TupleObject>(st->get(1))->size() != s.words.size() + 1) {
    return Raise(g_exc.ValueError, "state vector is the wrong size");
  }
  auto* words = As<TupleObject>(st->get(1));
  for (size_t i = 0; i <= s.words.size(); ++i) {
    int64_t w;
    if (!ArgToInt64(words->get(i), &w,
                    "Python int too large to convert to C "
                    "unsigned long")) {
      return Value();
    }
    if (i < s.words.size()) {
      s.words[i] = static_cast<uint32_t>(w);
    } else {
      s.index = static_cast<int>(w);
    }
  }
  if (!st->get(2).is_none()) {
    double g;
    if (!ArgToDouble(st->get(2), &g)) return Value();
    s.gauss_next = g;
  }
  absl::Status status = RngOf(args[0]).SetState(s);
  if (!status.ok()) return RaiseStatus(status);
  return Value::None();
}

// ---- Core draws

Value RandomFn(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckSelf("random", args, nargs)) return Value();
  if (!CheckArgs("random", nargs - 1, kw, 0, 0)) return Value();
  return Value::Float(RngOf(args[0]).NextDouble());
}

Value GetRandBits(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckSelf("getrandbits", args, nargs)) return Value();
  if (!CheckArgs("getrandbits", nargs - 1, kw, 1, 1)) return Value();
  int64_t k;
  if (!ArgToInt64(args[1], &k, "Python int too large to convert to C int")) {
    return Value();
  }
  if (k < 0) {
    return Raise(g_exc.ValueError, "number of bits must be non-negative");
  }
  Random& rng = RngOf(args[0]);
  if (k <= 64)
    return MakeInt(BigInt::FromUint64(rng.GetRandBits64(static_cast<int>(k))));
  auto words = rng.GetRandBits(k);
  if (!words.ok()) return RaiseStatus(words.status());
  return MakeInt(FromWords(*words));
}

Value RandBytes(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckSelf("randbytes", args, nargs)) return Value();
  if (!CheckArgs("randbytes", nargs - 1, kw, 1, 1)) return Value();
  int64_t n;
  if (!ArgToInt64(args[1], &n,
                  "Python int too large to convert to C ssize_t")) {
    return Value();
  }
  auto bytes = RngOf(args[0]).RandBytes(n);
  if (!bytes.ok()) return RaiseStatus(bytes.status());
  return BytesObject::New(*std::move(bytes));
}

// An int argument of randrange: ints, __index__, or floats equal to an int
// (accepted with a deprecation in 3.11; the warning is not printed).
bool RangeArg(const Value& v, int which, BigInt* out) {
  if (v.is_float()) {
    double d = v.as_float();
    if (!std::isfinite(d) || d != std::floor(d)) {
      RaiseF(g_exc.ValueError, "non-integer arg %d for randrange()", which);
      return false;
    }
    *out = *BigInt::FromDouble(d);
    return true;
  }
  return ArgToBigInt(v, out);
}

Value RandRangeImpl(Random& rng, const Value& start, const Value& stop,
                    const Value& step) {
  BigInt istart;
  if (!RangeArg(start, 1, &istart)) return Value();
  bool step_given = !step.is_null();
  if (stop.is_null() || stop.is_none()) {
    if (step_given && !(step.is_int() && step.as_int() == 1)) {
      return Raise(g_exc.TypeError, "Missing a non-None stop argument");
    }
    if (istart.Sign() > 0) return MakeInt(RandBelow(rng, istart));
    return Raise(g_exc.ValueError, "empty range for randrange()");
  }
  BigInt istop;
  if (!RangeArg(stop, 2, &istop)) return Value();
  BigInt width = istop - istart;
  BigInt istep(1);
  if (step_given && !RangeArg(step, 3, &istep)) return Value();
  if (istep == BigInt(1)) {
    if (width.Sign() > 0) return MakeInt(istart + RandBelow(rng, width));
    return RaiseF(g_exc.ValueError, "empty range for randrange() (%s, %s, %s)",
                  istart.ToString(), istop.ToString(), width.ToString());
  }
  BigInt n;
  if (istep.Sign() > 0) {
    n = *BigInt::FloorDiv(width + istep - BigInt(1), istep);
  } else if (istep.Sign() < 0) {
    n = *BigInt::FloorDiv(width + istep + BigInt(1), istep);
  } else {
    return Raise(g_exc.ValueError, "zero step for randrange()");
  }
  if (n.Sign() <= 0)
    return Raise(g_exc.ValueError, "empty range for randrange()");
  return MakeInt(istart + BigInt::Mul(istep, RandBelow(rng, n)));
}

Value RandRange(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckSelf("randrange", args, nargs)) return Value();
  Value p[3];
  if (!ParseArgs("randrange", args + 1, nargs - 1, kw,
                 {"start", "stop", "step"}, 1, p)) {
    return Value();
  }
  return RandRangeImpl(RngOf(args[0]), p[0], p[1], p[2]);
}

Value RandInt(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckSelf("randint", args, nargs)) return Value();
  Value p[2];
  if (!ParseArgs("randint", args + 1, nargs - 1, kw, {"a", "b"}, 2, p)) {
    return Value();
  }
  Value stop = BinaryOp(p[1], Value::Int(1), BinOp::kAdd);
  if (stop.is_null()) return stop;
  return RandRangeImpl(RngOf(args[0]), p[0], stop, Value());
}

// ---- Sequences

Value Choice(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckSelf("choice", args, nargs)) return Value();
  if (!CheckArgs("choice", nargs - 1, kw, 1, 1)) return Value();
  int64_t n = Length(args[1]);
  if (n < 0) return Value();
  if (n == 0) {
    return Raise(g_exc.IndexError, "Cannot choose from an empty sequence");
  }
  return GetItem(args[1], Value::Int(RandBelowSmall(RngOf(args[0]), n)));
}

Value Shuffle(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckSelf("shuffle", args, nargs)) return Value();
  if (!CheckArgs("shuffle", nargs - 1, kw, 1, 1)) return Value();
  Random& rng = RngOf(args[0]);
  const Value& x = args[1];
  if (TypeOf(x) == g_types.list) {
    rng.Shuffle(&As<ListObject>(x)->items());
    return Value::None();
  }
  int64_t n = Length(x);
  if (n < 0) return Value();
  for (int64_t i = n - 1; i > 0; --i) {
    int64_t j = RandBelowSmall(rng, i + 1);
    Value a = GetItem(x, Value::Int(i));
    if (a.is_null()) return a;
    Value b = GetItem(x, Value::Int(j));
    if (b.is_null()) return b;
    if (!SetItem(x, Value::Int(i), b) || !SetItem(x, Value::Int(j), a)) {
      return Value();
    }
  }
  return Value::None();
}

bool ToValues(const Value& iterable, std::vector<Value>* out) {
  Value it = GetIter(iterable);
  if (it.is_null()) return false;
  for (;;) {
    Value item = IterNext(it);
    if (item.is_null()) return !ErrorOccurred();
    out->push_back(std::move(item));
  }
}

Value Sample(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckSelf("sample", args, nargs)) return Value();
  Value p[3];
  if (!ParseArgs("sample", args + 1, nargs - 1, kw,
                 {"population", "k", "counts"}, 2, p)) {
    return Value();
  }
  Random& rng = RngOf(args[0]);
  const Value& population = p[0];
  if (IsInstance(population, g_types.set) ||
      IsInstance(population, g_types.frozenset) ||
      IsInstance(population, g_types.dict)) {
    return Raise(g_exc.TypeError,
                 "Population must be a sequence.  For dicts or sets, use "
                 "sorted(d).");
  }
  int64_t n = Length(population);
  if (n < 0) return Value();
  int64_t k;
  if (!ArgToInt64(p[1], &k, "Python int too large to convert to C ssize_t")) {
    return Value();
  }
  if (!p[2].is_null() && !p[2].is_none()) {
    // Sampling with counts: sample positions in the expanded population,
    // then map each back through the cumulative counts.
    std::vector<Value> counts;
    if (!ToValues(p[2], &counts)) return Value();
    if (static_cast<int64_t>(counts.size()) != n) {
      return Raise(g_exc.ValueError,
                   "The number of counts does not match the population");
    }
    std::vector<BigInt> cum;
    BigInt total;
    for (const Value& c : counts) {
      if (!IsIntValue(c))
        return Raise(g_exc.TypeError, "Counts must be integers");
      total = total + ToBigInt(c);
      cum.push_back(total);
    }
    if (cum.empty() || total.Sign() <= 0) {
      return Raise(g_exc.ValueError,
                   "Total of counts must be greater than zero");
    }
    cum.pop_back();
    Value range_args[1] = {MakeInt(total)};
    Value r = CallType(g_types.range, range_args, 1, nullptr);
    if (r.is_null()) return r;
    Value sargs[3] = {args[0], r, Value::Int(k)};
    Value picks = Sample(sargs, 3, nullptr);
    if (picks.is_null()) return picks;
    Value result = ListObject::New();
    for (const Value& s : As<ListObject>(picks)->items()) {
      BigInt sv = ToBigInt(s);
      size_t lo = 0, hi = cum.size();
      while (lo < hi) {  // bisect_right
        size_t mid = (lo + hi) / 2;
        if (sv < cum[mid]) {
          hi = mid;
        } else {
          lo = mid + 1;
        }
      }
      Value item = GetItem(population, Value::Int(static_cast<int64_t>(lo)));
      if (item.is_null()) return item;
      As<ListObject>(result)->items().push_back(std::move(item));
    }
    return result;
  }
  if (k < 0 || k > n) {
    return Raise(g_exc.ValueError,
                 "Sample larger than population or is negative");
  }
  std::vector<Value> result(k);
  int64_t setsize = 21;
  if (k > 5) {
    setsize += static_cast<int64_t>(std::pow(
        4.0, std::ceil(std::log(static_cast<double>(k * 3)) / std::log(4.0))));
  }
  if (n <= setsize) {
    std::vector<Value> pool;
    if (!ToValues(population, &pool)) return Value();
    for (int64_t i = 0; i < k; ++i) {
      int64_t j = RandBelowSmall(rng, n - i);
      result[i] = pool[j];
      pool[j] = pool[n - i - 1];
    }
  } else {
    std::vector<bool> selected(n, false);
    for (int64_t i = 0; i < k; ++i) {
      int64_t j = RandBelowSmall(rng, n);
      while (selected[j]) j = RandBelowSmall(rng, n);
      selected[j] = true;
      result[i] = GetItem(population, Value::Int(j));
      if (result[i].is_null()) return Value();
    }
  }
  return ListObject::FromValues(result.data(), result.size());
}

Value Choices(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckSelf("choices", args, nargs)) return Value();
  if (!CheckKwNames("choices", kw,
                    {"population", "weights", "cum_weights", "k"})) {
    return Value();
  }
  size_t npos = nargs - 1 - NumKw(kw);
  if (npos > 2) {
    return RaiseF(g_exc.TypeError,
                  "Random.choices() takes from 2 to 3 positional arguments but "
                  "%d were given",
                  npos + 1);
  }
  Value population = npos > 0 ? args[1] : KwArg(args, nargs, kw, "population");
  if (population.is_null()) {
    return Raise(g_exc.TypeError,
                 "Random.choices() missing 1 required positional argument: "
                 "'population'");
  }
  Value weights = npos > 1 ? args[2] : KwArg(args, nargs, kw, "weights");
  Value cum_weights = KwArg(args, nargs, kw, "cum_weights");
  Value kv = KwArg(args, nargs, kw, "k");
  int64_t k = 1;
  if (!kv.is_null() &&
      !ArgToInt64(kv, &k, "Python int too large to convert to C ssize_t")) {
    return Value();
  }
  Random& rng = RngOf(args[0]);
  int64_t n = Length(population);
  if (n < 0) return Value();
  Value result = ListObject::New();
  auto& out = As<ListObject>(result)->items();
  if (cum_weights.is_null() || cum_weights.is_none()) {
    if (weights.is_null() || weights.is_none()) {
      double fn = static_cast<double>(n);
      for (int64_t i = 0; i < k; ++i) {
        double r = std::floor(rng.NextDouble() * fn);
        Value item = GetItem(population, Value::Int(static_cast<int64_t>(r)));
        if (item.is_null()) return item;
        out.push_back(std::move(item));
      }
      return result;
    }
  } else if (!weights.is_null() && !weights.is_none()) {
    return Raise(g_exc.TypeError,
                 "Cannot specify both weights and cumulative weights");
  }
  // Cumulative weights, as Python numbers are added (accumulate), compared
  // as floats by bisect.
  std::vector<double> cum;
  std::vector<Value> raw;
  if (!ToValues(cum_weights.is_null() || cum_weights.is_none() ? weights
                                                               : cum_weights,
                &raw)) {
    return Value();
  }
  Value acc;
  for (const Value& w : raw) {
    if (cum_weights.is_null() || cum_weights.is_none()) {
      acc = acc.is_null() ? w : BinaryOp(acc, w, BinOp::kAdd);
      if (acc.is_null()) return acc;
    } else {
      acc = w;
    }
    double d;
    if (!ArgToDouble(acc, &d)) return Value();
    cum.push_back(d);
  }
  if (static_cast<int64_t>(cum.size()) != n) {
    return Raise(g_exc.ValueError,
                 "The number of weights does not match the population");
  }
  double total = cum.empty() ? 0.0 : cum.back() + 0.0;
  if (total <= 0.0) {
    return Raise(g_exc.ValueError,
                 "Total of weights must be greater than zero");
  }
  if (!std::isfinite(total)) {
    return Raise(g_exc.ValueError, "Total of weights must be finite");
  }
  size_t hi_limit = static_cast<size_t>(n - 1);
  for (int64_t i = 0; i < k; ++i) {
    double x = rng.NextDouble() * total;
    size_t lo = 0, hi = hi_limit;
    while (lo < hi) {
      size_t mid = (lo + hi) / 2;
      if (x < cum[mid]) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    Value item = GetItem(population, Value::Int(static_cast<int64_t>(lo)));
    if (item.is_null()) return item;
    out.push_back(std::move(item));
  }
  return result;
}

// ---- Distributions (real-valued)

// Float arguments by name with defaults (NaN marks "required").
bool FloatArgs(const char* name, Value* args, size_t nargs, TupleObject* kw,
               std::initializer_list<const char*> names,
               std::initializer_list<double> defaults, double* out) {
  Value p[4];
  size_t required = 0;
  for (double d : defaults) {
    if (std::isnan(d)) ++required;
  }
  if (!ParseArgs(name, args + 1, nargs - 1, kw, names, required, p))
    return false;
  size_t i = 0;
  for (double d : defaults) {
    if (p[i].is_null()) {
      out[i] = d;
    } else if (!ArgToDouble(p[i], &out[i])) {
      return false;
    }
    ++i;
  }
  return true;
}

constexpr double kRequired = NAN;

Value Uniform(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckSelf("uniform", args, nargs)) return Value();
  double v[2];
  if (!FloatArgs("uniform", args, nargs, kw, {"a", "b"}, {kRequired, kRequired},
                 v)) {
    return Value();
  }
  return Value::Float(RngOf(args[0]).Uniform(v[0], v[1]));
}

Value Triangular(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckSelf("triangular", args, nargs)) return Value();
  Value p[3];
  if (!ParseArgs("triangular", args + 1, nargs - 1, kw, {"low", "high", "mode"},
                 0, p)) {
    return Value();
  }
  double low = 0.0, high = 1.0;
  if (!p[0].is_null() && !ArgToDouble(p[0], &low)) return Value();
  if (!p[1].is_null() && !ArgToDouble(p[1], &high)) return Value();
  double u = RngOf(args[0]).NextDouble();
  double c = 0.5;
  if (!p[2].is_null() && !p[2].is_none()) {
    double mode;
    if (!ArgToDouble(p[2], &mode)) return Value();
    // CPython returns `low` itself here (an int stays an int).
    if (high == low) return p[0].is_null() ? Value::Float(low) : p[0];
    c = (mode - low) / (high - low);
  }
  if (u > c) {
    u = 1.0 - u;
    c = 1.0 - c;
    std::swap(low, high);
  }
  return Value::Float(low + (high - low) * std::sqrt(u * c));
}

Value Gauss(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckSelf("gauss", args, nargs)) return Value();
  double v[2];
  if (!FloatArgs("gauss", args, nargs, kw, {"mu", "sigma"}, {0.0, 1.0}, v)) {
    return Value();
  }
  return Value::Float(RngOf(args[0]).Gauss(v[0], v[1]));
}

Value NormalVariate(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckSelf("normalvariate", args, nargs)) return Value();
  double v[2];
  if (!FloatArgs("normalvariate", args, nargs, kw, {"mu", "sigma"}, {0.0, 1.0},
                 v)) {
    return Value();
  }
  return Value::Float(RngOf(args[0]).NormalVariate(v[0], v[1]));
}

Value LogNormVariate(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckSelf("lognormvariate", args, nargs)) return Value();
  double v[2];
  if (!FloatArgs("lognormvariate", args, nargs, kw, {"mu", "sigma"},
                 {kRequired, kRequired}, v)) {
    return Value();
  }
  return Value::Float(std::exp(RngOf(args[0]).NormalVariate(v[0], v[1])));
}

Value ExpoVariate(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckSelf("expovariate", args, nargs)) return Value();
  double v[1];
  if (!FloatArgs("expovariate", args, nargs, kw, {"lambd"}, {kRequired}, v)) {
    return Value();
  }
  double x = -std::log(1.0 - RngOf(args[0]).NextDouble());
  if (v[0] == 0.0)
    return Raise(g_exc.ZeroDivisionError, "float division by zero");
  return Value::Float(x / v[0]);
}

Value VonMisesVariate(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckSelf("vonmisesvariate", args, nargs)) return Value();
  double v[2];
  if (!FloatArgs("vonmisesvariate", args, nargs, kw, {"mu", "kappa"},
                 {kRequired, kRequired}, v)) {
    return Value();
  }
  Random& rng = RngOf(args[0]);
  const double mu = v[0], kappa = v[1];
  const double two_pi = 2.0 * M_PI;
  if (kappa <= 1e-6) return Value::Float(two_pi * rng.NextDouble());
  double s = 0.5 / kappa;
  double r = s + std::sqrt(1.0 + s * s);
  double z;
  for (;;) {
    double u1 = rng.NextDouble();
    z = std::cos(M_PI * u1);
    double d = z / (r + z);
    double u2 = rng.NextDouble();
    if (u2 < 1.0 - d * d || u2 <= (1.0 - d) * std::exp(d)) break;
  }
  double q = 1.0 / r;
  double f = (q + z) / (1.0 + q * z);
  double u3 = rng.NextDouble();
  double theta = u3 > 0.5 ? mu + std::acos(f) : mu - std::acos(f);
  // Python's float %: the result takes the divisor's sign.
  double m = std::fmod(theta, two_pi);
  if (m != 0.0 && m < 0.0) m += two_pi;
  return Value::Float(m);
}

bool GammaDraw(Random& rng, double alpha, double beta, double* out) {
  if (alpha <= 0.0 || beta <= 0.0) {
    Raise(g_exc.ValueError, "gammavariate: alpha and beta must be > 0.0");
    return false;
  }
  static const double kLog4 = std::log(4.0);
  static const double kSgMagic = 1.0 + std::log(4.5);
  if (alpha > 1.0) {
    // Cheng's rejection algorithm GB.
    double ainv = std::sqrt(2.0 * alpha - 1.0);
    double bbb = alpha - kLog4;
    double ccc = alpha + ainv;
    for (;;) {
      double u1 = rng.NextDouble();
      if (!(1e-7 < u1 && u1 < 0.9999999)) continue;
      double u2 = 1.0 - rng.NextDouble();
      double v = std::log(u1 / (1.0 - u1)) / ainv;
      double x = alpha * std::exp(v);
      double z = u1 * u1 * u2;
      double r = bbb + ccc * v - x;
      if (r + kSgMagic - 4.5 * z >= 0.0 || r >= std::log(z)) {
        *out = x * beta;
        return true;
      }
    }
  }
  if (alpha == 1.0) {
    *out = -std::log(1.0 - rng.NextDouble()) * beta;
    return true;
  }
  // alpha < 1: ALGORITHM GS of Statistical Computing (Kennedy & Gentle).
  double x;
  for (;;) {
    double u = rng.NextDouble();
    double b = (M_E + alpha) / M_E;
    double p = b * u;
    x = p <= 1.0 ? std::pow(p, 1.0 / alpha) : -std::log((b - p) / alpha);
    double u1 = rng.NextDouble();
    if (p > 1.0) {
      if (u1 <= std::pow(x, alpha - 1.0)) break;
    } else if (u1 <= std::exp(-x)) {
      break;
    }
  }
  *out = x * beta;
  return true;
}

Value GammaVariate(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckSelf("gammavariate", args, nargs)) return Value();
  double v[2];
  if (!FloatArgs("gammavariate", args, nargs, kw, {"alpha", "beta"},
                 {kRequired, kRequired}, v)) {
    return Value();
  }
  double r;
  if (!GammaDraw(RngOf(args[0]), v[0], v[1], &r)) return Value();
  return Value::Float(r);
}

Value BetaVariate(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckSelf("betavariate", args, nargs)) return Value();
  double v[2];
  if (!FloatArgs("betavariate", args, nargs, kw, {"alpha", "beta"},
                 {kRequired, kRequired}, v)) {
    return Value();
  }
  Random& rng = RngOf(args[0]);
  double y;
  if (!GammaDraw(rng, v[0], 1.0, &y)) return Value();
  if (y == 0.0) return Value::Float(0.0);
  double y2;
  if (!GammaDraw(rng, v[1], 1.0, &y2)) return Value();
  return Value::Float(y / (y + y2));
}

Value ParetoVariate(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckSelf("paretovariate", args, nargs)) return Value();
  double v[1];
  if (!FloatArgs("paretovariate", args, nargs, kw, {"alpha"}, {kRequired}, v)) {
    return Value();
  }
  double u = 1.0 - RngOf(args[0]).NextDouble();
  return Value::Float(std::pow(u, -1.0 / v[0]));
}

Value WeibullVariate(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckSelf("weibullvariate", args, nargs)) return Value();
  double v[2];
  if (!FloatArgs("weibullvariate", args, nargs, kw, {"alpha", "beta"},
                 {kRequired, kRequired}, v)) {
    return Value();
  }
  double u = 1.0 - RngOf(args[0]).NextDouble();
  return Value::Float(v[0] * std::pow(-std::log(u), 1.0 / v[1]));
}

struct MethodDef {
  const char* name;
  NativeFn fn;
};

constexpr MethodDef kMethods[] = {
    {"seed", Seed},
    {"getstate", GetState},
    {"setstate", SetState},
    {"random", RandomFn},
    {"getrandbits", GetRandBits},
    {"randbytes", RandBytes},
    {"randrange", RandRange},
    {"randint", RandInt},
    {"choice", Choice},
    {"shuffle", Shuffle},
    {"sample", Sample},
    {"choices", Choices},
    {"uniform", Uniform},
    {"triangular", Triangular},
    {"gauss", Gauss},
    {"normalvariate", NormalVariate},
    {"lognormvariate", LogNormVariate},
    {"expovariate", ExpoVariate},
    {"vonmisesvariate", VonMisesVariate},
    {"gammavariate", GammaVariate},
    {"betavariate", BetaVariate},
    {"paretovariate", ParetoVariate},
    {"weibullvariate", WeibullVariate},
};

bool InitRandom(ModuleObject* m) {
  DictObject* d = m->dict();
  if (g_random_type == nullptr) {
    g_random_type = new TypeObject(g_types.type, "Random", Layout::kOther);
    g_random_type->SetBases({g_types.object});
    g_random_type->set_base_type(false);
    g_random_type->set_module_name("random");
    g_random_type->set_new_fn(RandomNewFn);
    AddMethod(g_random_type, "__init__", RandomInit);
    for (const MethodDef& def : kMethods)
      AddMethod(g_random_type, def.name, def.fn);
  }
  d->SetStr(Intern("Random"), Value::FromObject(g_random_type));
  // The module-level functions are bound methods of one shared instance.
  Value inst = CallType(g_random_type, nullptr, 0, nullptr);
  if (inst.is_null()) return false;
  d->SetStr(Intern("_inst"), inst);
  for (const MethodDef& def : kMethods) {
    Value bound = GetAttr(inst, def.name);
    if (bound.is_null()) return false;
    d->SetStr(Intern(def.name), bound);
  }
  return true;
}

const bool kRegistered = (RegisterNativeModule("random", InitRandom), true);

}  // namespace
}  // namespace minidynamo
