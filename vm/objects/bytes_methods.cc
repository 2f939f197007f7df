// Methods bytes and bytearray share, with CPython 3.11's behaviour and
// messages (Objects/bytes_methods.c and stringlib): ASCII-only character
// tests and case mapping, padding, partition, removeprefix, splitlines,
// translate, maketrans, fromhex. Each method is a template on kArray (the
// receiver is a bytearray): bytearray's return bytearrays and name
// "bytearray" in their argument errors.

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
#include "vm/core/builtin_types.h"
#include "vm/core/errors.h"
#include "vm/interp/ops.h"
#include "vm/objects/bytes.h"
#include "vm/objects/bytes_internal.h"
#include "vm/objects/list.h"
#include "vm/objects/method_util.h"
#include "vm/objects/number.h"
#include "vm/objects/str.h"
#include "vm/objects/str_internal.h"
#include "vm/objects/tuple.h"

namespace minidynamo {

bool BytesLikeView(const Value& v, std::string_view* out) {
  if (IsObjectOf(v, g_types.bytes)) {
    *out = As<BytesObject>(v)->view();
    return true;
  }
  if (std::string* buffer = ByteArrayBuffer(v)) {
    *out = *buffer;
    return true;
  }
  return false;
}

bool CheckNewSize(int64_t n, bool bytearray, size_t* out) {
  // PyBytesObject_SIZE: the header and the trailing NUL on 64-bit builds.
  constexpr int64_t kBytesHeader = 33;
  if (!bytearray && n > INT64_MAX - kBytesHeader) {
    Raise(g_exc.OverflowError, "byte string is too large");
    return false;
  }
  return RepeatSize(1, n, out);
}

bool IndexClamped(const Value& v, int64_t* out, bool* clamped) {
  *clamped = false;
  Value n = IndexValue(v);
  if (n.is_null()) return false;
  if (n.is_int() || n.is_bool()) {
    *out = n.as_int();
    return true;
  }
  BigInt b = ToBigInt(n);
  if (b.FitsInt64()) {
    *out = b.ToInt64();
  } else {
    *clamped = true;
    *out = b.IsNegative() ? INT64_MIN : INT64_MAX;
  }
  return true;
}

bool UnpackKeywords(const char* fname, const Value* args, size_t nargs,
                    TupleObject* kw, size_t posonly, size_t minpos,
                    std::initializer_list<const char*> names, Value* out) {
  size_t nkw = KwCount(kw);
  size_t npos = nargs - nkw;
  size_t maxargs = posonly + names.size();
  if (npos + nkw > maxargs) {
    // CPython says "keyword argument" when none was positional (bpo-31229).
    RaiseF(g_exc.TypeError, "%s() takes at most %d %sargument%s (%d given)",
           fname, maxargs, npos == 0 ? "keyword " : "", maxargs == 1 ? "" : "s",
           npos + nkw);
    return false;
  }
  size_t minposonly = std::min(posonly, minpos);
  if (npos < minposonly) {
    RaiseF(g_exc.TypeError, "%s() takes %s %d positional argument%s (%d given)",
           fname, minposonly < maxargs ? "at least" : "exactly", minposonly,
           minposonly == 1 ? "" : "s", npos);
    return false;
  }
  for (size_t i = 0; i < maxargs; ++i) out[i] = i < npos ? args[i] : Value();
  auto find = [&](const char* name) -> Value {
    for (size_t k = 0; k < nkw; ++k) {
      if (As<StrObject>(kw->get(k))->view() == name) return args[npos + k];
    }
    return Value();
  };
  size_t used = 0;
  for (size_t i = std::max(npos, posonly); i < maxargs; ++i) {
    Value v = find(names.begin()[i - posonly]);
    if (v.is_null()) continue;
    out[i] = v;
    ++used;
  }
  if (used == nkw) return true;
  for (size_t i = posonly; i < npos; ++i) {
    const char* name = names.begin()[i - posonly];
    if (!find(name).is_null()) {
      RaiseF(g_exc.TypeError,
             "argument for %s() given by name ('%s') and position (%d)", fname,
             name, i + 1);
      return false;
    }
  }
  for (size_t k = 0; k < nkw; ++k) {
    std::string_view key = As<StrObject>(kw->get(k))->view();
    bool known = false;
    for (const char* name : names) known = known || key == name;
    if (!known) {
      RaiseF(g_exc.TypeError, "'%s' is an invalid keyword argument for %s()",
             key, fname);
      return false;
    }
  }
  return true;
}

namespace {

template <bool kArray>
std::string_view SelfView(const Value& self) {
  if constexpr (kArray) {
    return *ByteArrayBuffer(self);
  } else {
    return As<BytesObject>(self)->view();
  }
}

template <bool kArray>
Value NewResult(std::string data) {
  if constexpr (kArray) {
    return NewByteArrayValue(std::move(data));
  } else {
    return BytesObject::New(std::move(data));
  }
}

template <bool kArray>
Value NewResult(std::string_view data) {
  return NewResult<kArray>(std::string(data));
}

// The receiver's bytes, unchanged: an exact bytes is returned itself (as
// CPython's return_self); a bytearray always gives a new one.
template <bool kArray>
Value Unchanged(const Value& self) {
  if (!kArray && IsExactType(self, g_types.bytes)) return self;
  return NewResult<kArray>(SelfView<kArray>(self));
}

template <bool kArray>
constexpr const char* TypeLabel() {
  return kArray ? "bytearray" : "bytes";
}

// METH_NOARGS / METH_O methods: "bytes.isalpha() takes no arguments (1
// given)", "bytearray.partition() takes exactly one argument (0 given)".
template <bool kArray>
bool CheckCount(const char* name, size_t nargs, TupleObject* kw, size_t n) {
  size_t npos = NumPositional(nargs, kw);
  if (KwCount(kw) == 0 && npos == n) return true;
  std::string qual = absl::StrCat(TypeLabel<kArray>(), ".", name);
  return CheckArgs(qual.c_str(), npos, kw, n, n);
}

// Argument clinic's positional-only methods ("center expected at least 1
// argument, got 0", "bytes.center() takes no keyword arguments").
template <bool kArray>
bool CheckClinic(const char* name, size_t nargs, TupleObject* kw, size_t min,
                 size_t max) {
  size_t npos = NumPositional(nargs, kw);
  if (KwCount(kw) == 0 && npos >= min && npos <= max) return true;
  std::string qual = absl::StrCat(TypeLabel<kArray>(), ".", name);
  return CheckClinicArgs(qual.c_str(), name, npos, kw, min, max);
}

// A Py_buffer argument: TypeError "a bytes-like object is required, not
// 'str'" for anything but bytes and bytearray.
bool BufferArg(const Value& v, std::string_view* out) {
  if (BytesLikeView(v, out)) return true;
  RaiseF(g_exc.TypeError, "a bytes-like object is required, not '%s'",
         TypeName(v));
  return false;
}

// Clinic's Py_ssize_t (kInt false) and int converters.
bool ClinicIntArg(const Value& v, bool c_int, int64_t* out) {
  bool clamped;
  if (!IndexClamped(v, out, &clamped)) return false;
  if (clamped || (c_int && (*out < INT32_MIN || *out > INT32_MAX))) {
    RaiseF(g_exc.OverflowError, "Python int too large to convert to C %s",
           c_int ? "int" : "ssize_t");
    return false;
  }
  return true;
}

bool IsLowerAscii(unsigned char c) { return c >= 'a' && c <= 'z'; }
bool IsUpperAscii(unsigned char c) { return c >= 'A' && c <= 'Z'; }
bool IsDigitAscii(unsigned char c) { return c >= '0' && c <= '9'; }
bool IsSpaceAscii(unsigned char c) {
  return c == ' ' || (c >= '\t' && c <= '\r');
}
char ToUpperAscii(char c) {
  return IsLowerAscii(static_cast<unsigned char>(c)) ? static_cast<char>(c - 32)
                                                     : c;
}
char ToLowerAscii(char c) {
  return IsUpperAscii(static_cast<unsigned char>(c)) ? static_cast<char>(c + 32)
                                                     : c;
}

// ---- Character tests
// ----------------------------------------------------------

enum class Test { kAlnum, kAlpha, kAscii, kDigit, kLower, kUpper, kSpace };

template <Test kTest>
bool TestByte(unsigned char c) {
  switch (kTest) {
    case Test::kAlnum:
      return IsLowerAscii(c) || IsUpperAscii(c) || IsDigitAscii(c);
    case Test::kAlpha:
      return IsLowerAscii(c) || IsUpperAscii(c);
    case Test::kAscii:
      return c < 128;
    case Test::kDigit:
      return IsDigitAscii(c);
    case Test::kSpace:
      return IsSpaceAscii(c);
    default:
      return false;
  }
}

template <bool kArray, Test kTest>
Value IsMethod(Value* args, size_t nargs, TupleObject* kw) {
  static const char* const kNames[] = {"isalnum", "isalpha", "isascii",
                                       "isdigit", "islower", "isupper",
                                       "isspace"};
  if (!CheckCount<kArray>(kNames[static_cast<int>(kTest)], nargs, kw, 0)) {
    return Value();
  }
  std::string_view s = SelfView<kArray>(args[0]);
  if (kTest == Test::kLower || kTest == Test::kUpper) {
    // At least one cased byte, and none of the other case.
    bool cased = false;
    for (unsigned char c : s) {
      if (kTest == Test::kLower ? IsUpperAscii(c) : IsLowerAscii(c)) {
        return Value::Bool(false);
      }
      cased =
          cased || (kTest == Test::kLower ? IsLowerAscii(c) : IsUpperAscii(c));
    }
    return Value::Bool(cased);
  }
  // Empty is false but for isascii.
  if (s.empty()) return Value::Bool(kTest == Test::kAscii);
  for (unsigned char c : s) {
    if (!TestByte<kTest>(c)) return Value::Bool(false);
  }
  return Value::Bool(true);
}

template <bool kArray>
Value IsTitle(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckCount<kArray>("istitle", nargs, kw, 0)) return Value();
  bool cased = false, previous_is_cased = false;
  for (unsigned char c : SelfView<kArray>(args[0])) {
    if (IsUpperAscii(c)) {
      if (previous_is_cased) return Value::Bool(false);
      previous_is_cased = cased = true;
    } else if (IsLowerAscii(c)) {
      if (!previous_is_cased) return Value::Bool(false);
      previous_is_cased = cased = true;
    } else {
      previous_is_cased = false;
    }
  }
  return Value::Bool(cased);
}

// ---- Case mapping
// -------------------------------------------------------------

enum class CaseOp { kCapitalize, kSwapCase, kTitle };

template <bool kArray, CaseOp kOp>
Value CaseMethod(Value* args, size_t nargs, TupleObject* kw) {
  static const char* const kNames[] = {"capitalize", "swapcase", "title"};
  if (!CheckCount<kArray>(kNames[static_cast<int>(kOp)], nargs, kw, 0)) {
    return Value();
  }
  std::string out(SelfView<kArray>(args[0]));
  bool previous_is_cased = false;
  for (size_t i = 0; i < out.size(); ++i) {
    char& c = out[i];
    unsigned char u = static_cast<unsigned char>(c);
    switch (kOp) {
      case CaseOp::kCapitalize:
        c = i == 0 ? ToUpperAscii(c) : ToLowerAscii(c);
        break;
      case CaseOp::kSwapCase:
        c = IsLowerAscii(u) ? ToUpperAscii(c) : ToLowerAscii(c);
        break;
      case CaseOp::kTitle:
        if (IsLowerAscii(u) || IsUpperAscii(u)) {
          c = previous_is_cased ? ToLowerAscii(c) : ToUpperAscii(c);
          previous_is_cased = true;
        } else {
          previous_is_cased = false;
        }
        break;
    }
  }
  return NewResult<kArray>(std::move(out));
}

// ---- Padding
// ------------------------------------------------------------------

// The receiver with `left` and `right` fill bytes around it; MemoryError when
// that cannot be allocated.
template <bool kArray>
Value Pad(const Value& self, int64_t left, int64_t right, char fill) {
  std::string_view s = SelfView<kArray>(self);
  left = std::max<int64_t>(left, 0);
  right = std::max<int64_t>(right, 0);
  if (left == 0 && right == 0) return Unchanged<kArray>(self);
  size_t total;
  if (!CheckNewSize(left + right + static_cast<int64_t>(s.size()), kArray,
                    &total)) {
    return Value();
  }
  std::string out;
  out.reserve(total);
  out.append(static_cast<size_t>(left), fill);
  out.append(s);
  out.append(static_cast<size_t>(right), fill);
  return NewResult<kArray>(std::move(out));
}

enum class PadKind { kCenter, kLeft, kRight };

template <bool kArray, PadKind kKind>
Value PadMethod(Value* args, size_t nargs, TupleObject* kw) {
  const char* name = kKind == PadKind::kCenter ? "center"
                     : kKind == PadKind::kLeft ? "ljust"
                                               : "rjust";
  if (!CheckClinic<kArray>(name, nargs, kw, 1, 2)) return Value();
  int64_t width;
  if (!ClinicIntArg(args[1], /*c_int=*/false, &width)) return Value();
  char fill = ' ';
  if (NumPositional(nargs, kw) > 1) {
    // Clinic's `char` converter: a bytes or bytearray of length 1.
    std::string_view f;
    if (!BytesLikeView(args[2], &f) || f.size() != 1) {
      // _PyArg_BadArgument names None itself, not its type.
      return RaiseF(g_exc.TypeError,
                    "%s() argument 2 must be a byte string of length 1, not %s",
                    name, args[2].is_none() ? "None" : TypeName(args[2]));
    }
    fill = f[0];
  }
  int64_t len = static_cast<int64_t>(SelfView<kArray>(args[0]).size());
  if (len >= width) return Unchanged<kArray>(args[0]);
  int64_t marg = width - len;
  switch (kKind) {
    case PadKind::kCenter: {
      // CPython's rounding: the odd byte goes left when width is odd.
      int64_t left = marg / 2 + (marg & width & 1);
      return Pad<kArray>(args[0], left, marg - left, fill);
    }
    case PadKind::kLeft:
      return Pad<kArray>(args[0], 0, marg, fill);
    case PadKind::kRight:
      return Pad<kArray>(args[0], marg, 0, fill);
  }
  return Value();
}

template <bool kArray>
Value ZFill(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckCount<kArray>("zfill", nargs, kw, 1)) return Value();
  int64_t width;
  if (!ClinicIntArg(args[1], /*c_int=*/false, &width)) return Value();
  std::string_view s = SelfView<kArray>(args[0]);
  int64_t len = static_cast<int64_t>(s.size());
  if (len >= width) return Unchanged<kArray>(args[0]);
  size_t total;
  if (!CheckNewSize(width, kArray, &total)) return Value();
  std::string out(static_cast<size_t>(width - len), '0');
  out.append(s);
  size_t fill = static_cast<size_t>(width - len);
  if (len > 0 && (out[fill] == '+' || out[fill] == '-')) {
    // The sign moves in front of the zeros.
    out[0] = out[fill];
    out[fill] = '0';
  }
  return NewResult<kArray>(std::move(out));
}

template <bool kArray>
Value ExpandTabs(Value* args, size_t nargs, TupleObject* kw) {
  Value parsed[1];
  if (!UnpackKeywords("expandtabs", args + 1, nargs - 1, kw, 0, 0, {"tabsize"},
                      parsed)) {
    return Value();
  }
  int64_t tabsize = 8;
  if (!parsed[0].is_null() &&
      !ClinicIntArg(parsed[0], /*c_int=*/true, &tabsize)) {
    return Value();
  }
  std::string_view s = SelfView<kArray>(args[0]);
  // First the size (CPython's first pass), so that a huge result is a
  // MemoryError rather than a failed allocation midway.
  uint64_t size = 0, column = 0;
  for (char c : s) {
    if (c == '\t') {
      if (tabsize > 0) column += tabsize - column % tabsize;
    } else {
      ++column;
      if (c == '\n' || c == '\r') {
        size += column;
        column = 0;
      }
    }
    if (size + column > static_cast<uint64_t>(INT64_MAX)) {
      return Raise(g_exc.OverflowError, "result too long");
    }
  }
  size_t total;
  if (!CheckNewSize(static_cast<int64_t>(size + column), kArray, &total)) {
    return Value();
  }
  std::string out;
  out.reserve(total);
  column = 0;
  for (char c : s) {
    if (c == '\t') {
      if (tabsize > 0) {
        uint64_t incr = tabsize - column % tabsize;
        column += incr;
        out.append(incr, ' ');
      }
    } else {
      ++column;
      out.push_back(c);
      if (c == '\n' || c == '\r') column = 0;
    }
  }
  return NewResult<kArray>(std::move(out));
}

// ---- partition, removeprefix, splitlines
// ----------------------------------------------

template <bool kArray, bool kReverse>
Value Partition(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckCount<kArray>(kReverse ? "rpartition" : "partition", nargs, kw,
                          1)) {
    return Value();
  }
  std::string_view sep;
  if (!BufferArg(args[1], &sep)) return Value();
  if (sep.empty()) return Raise(g_exc.ValueError, "empty separator");
  std::string_view s = SelfView<kArray>(args[0]);
  size_t pos = kReverse ? s.rfind(sep) : s.find(sep);
  Value parts[3];
  if (pos == std::string_view::npos) {
    // bytes gives the receiver itself, even a subclass instance (stringlib).
    parts[kReverse ? 2 : 0] = kArray ? NewResult<kArray>(s) : Value(args[0]);
    parts[kReverse ? 0 : 2] = NewResult<kArray>(std::string());
    parts[1] = NewResult<kArray>(std::string());
  } else {
    parts[0] = NewResult<kArray>(s.substr(0, pos));
    // bytes puts the separator object itself in the tuple (even a
    // bytearray), as CPython's stringlib does; bytearray copies it.
    parts[1] = kArray ? NewResult<kArray>(sep) : args[1];
    parts[2] = NewResult<kArray>(s.substr(pos + sep.size()));
  }
  return TupleObject::FromValues(parts, 3);
}

template <bool kArray, bool kSuffix>
Value RemoveAffix(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckCount<kArray>(kSuffix ? "removesuffix" : "removeprefix", nargs, kw,
                          1)) {
    return Value();
  }
  std::string_view affix;
  if (!BufferArg(args[1], &affix)) return Value();
  std::string_view s = SelfView<kArray>(args[0]);
  if (!affix.empty() && s.size() >= affix.size()) {
    size_t n = affix.size();
    if (kSuffix && s.substr(s.size() - n) == affix) {
      return NewResult<kArray>(s.substr(0, s.size() - n));
    }
    if (!kSuffix && s.substr(0, n) == affix) {
      return NewResult<kArray>(s.substr(n));
    }
  }
  return Unchanged<kArray>(args[0]);
}

template <bool kArray>
Value SplitLines(Value* args, size_t nargs, TupleObject* kw) {
  Value parsed[1];
  if (!UnpackKeywords("splitlines", args + 1, nargs - 1, kw, 0, 0, {"keepends"},
                      parsed)) {
    return Value();
  }
  int64_t keepends = 0;
  if (!parsed[0].is_null() &&
      !ClinicIntArg(parsed[0], /*c_int=*/true, &keepends)) {
    return Value();
  }
  std::string_view s = SelfView<kArray>(args[0]);
  Value list = ListObject::New();
  std::vector<Value>& items = As<ListObject>(list)->items();
  // Only \n, \r and \r\n end lines in bytes.
  for (size_t i = 0, j = 0; i < s.size(); j = i) {
    while (i < s.size() && s[i] != '\n' && s[i] != '\r') ++i;
    size_t eol = i;
    if (i < s.size()) {
      i += s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n' ? 2 : 1;
      if (keepends) eol = i;
    }
    if (j == 0 && eol == s.size()) {
      items.push_back(Unchanged<kArray>(args[0]));
      break;
    }
    items.push_back(NewResult<kArray>(s.substr(j, eol - j)));
  }
  return list;
}

// ---- translate, maketrans
// -------------------------------------------------------

template <bool kArray>
Value Translate(Value* args, size_t nargs, TupleObject* kw) {
  Value parsed[2];
  if (!UnpackKeywords("translate", args + 1, nargs - 1, kw, 1, 1, {"delete"},
                      parsed)) {
    return Value();
  }
  std::string_view table, del;
  bool has_table = !parsed[0].is_none();
  if (has_table) {
    if (!BufferArg(parsed[0], &table)) return Value();
    if (table.size() != 256) {
      return Raise(g_exc.ValueError,
                   "translation table must be 256 characters long");
    }
  }
  if (!parsed[1].is_null() && !BufferArg(parsed[1], &del)) return Value();
  bool drop[256] = {};
  for (unsigned char c : del) drop[c] = true;
  std::string_view s = SelfView<kArray>(args[0]);
  std::string out;
  out.reserve(s.size());
  bool changed = false;
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (drop[u]) {
      changed = true;
      continue;
    }
    char t = has_table ? table[u] : c;
    changed = changed || t != c;
    out.push_back(t);
  }
  if (!changed) return Unchanged<kArray>(args[0]);
  return NewResult<kArray>(std::move(out));
}

// A staticmethod (no receiver); both types' return bytes.
template <bool kArray>
Value MakeTrans(Value* args, size_t nargs, TupleObject* kw) {
  if (KwCount(kw) > 0) {
    return RaiseF(g_exc.TypeError, "%s.maketrans() takes no keyword arguments",
                  TypeLabel<kArray>());
  }
  if (!CheckArgs("maketrans", nargs, nullptr, 2, 2)) return Value();
  std::string_view frm, to;
  if (!BufferArg(args[0], &frm) || !BufferArg(args[1], &to)) return Value();
  if (frm.size() != to.size()) {
    return Raise(g_exc.ValueError, "maketrans arguments must have same length");
  }
  std::string table(256, '\0');
  for (int i = 0; i < 256; ++i) table[i] = static_cast<char>(i);
  for (size_t i = 0; i < frm.size(); ++i) {
    table[static_cast<unsigned char>(frm[i])] = to[i];
  }
  return BytesObject::New(std::move(table));
}

// ---- fromhex
// ------------------------------------------------------------------

template <bool kArray>
Value FromHex(Value* args, size_t nargs, TupleObject* kw) {
  // A classmethod: args[0] is the class.
  if (!CheckCount<kArray>("fromhex", nargs, kw, 1)) return Value();
  if (!str_internal::IsStr(args[1])) {
    return RaiseF(g_exc.TypeError, "fromhex() argument must be str, not %s",
                  TypeName(args[1]));
  }
  StrObject* str = str_internal::AsStr(args[1]);
  std::string_view s = str->view();
  if (!str->is_ascii()) {
    // CPython reports the first non-ASCII character, wherever the first
    // invalid ASCII one is.
    size_t bad = 0;
    while (static_cast<unsigned char>(s[bad]) < 128) ++bad;
    return RaiseF(
        g_exc.ValueError,
        "non-hexadecimal number found in fromhex() arg at position %d", bad);
  }
  auto hex = [](char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  size_t i = 0;
  while (i < s.size()) {
    if (IsSpaceAscii(static_cast<unsigned char>(s[i]))) {
      ++i;
      continue;
    }
    int hi = hex(s[i]);
    int lo = i + 1 < s.size() ? hex(s[i + 1]) : -1;
    if (hi < 0 || lo < 0) {
      return RaiseF(
          g_exc.ValueError,
          "non-hexadecimal number found in fromhex() arg at position %d",
          hi < 0 ? i : i + 1);
    }
    out.push_back(static_cast<char>(hi * 16 + lo));
    i += 2;
  }
  Value result = NewResult<kArray>(std::move(out));
  TypeObject* exact = kArray ? ByteArrayTypeObject() : g_types.bytes;
  if (As<TypeObject>(args[0]) == exact) return result;
  return CallOneArg(args[0], result);
}

template <TypeObject* (*kOwner)(), bool kArray>
void AddShared() {
  DefMethod<kOwner, IsMethod<kArray, Test::kAlnum>>("isalnum");
  DefMethod<kOwner, IsMethod<kArray, Test::kAlpha>>("isalpha");
  DefMethod<kOwner, IsMethod<kArray, Test::kAscii>>("isascii");
  DefMethod<kOwner, IsMethod<kArray, Test::kDigit>>("isdigit");
  DefMethod<kOwner, IsMethod<kArray, Test::kLower>>("islower");
  DefMethod<kOwner, IsMethod<kArray, Test::kUpper>>("isupper");
  DefMethod<kOwner, IsMethod<kArray, Test::kSpace>>("isspace");
  DefMethod<kOwner, IsTitle<kArray>>("istitle");
  DefMethod<kOwner, CaseMethod<kArray, CaseOp::kCapitalize>>("capitalize");
  DefMethod<kOwner, CaseMethod<kArray, CaseOp::kSwapCase>>("swapcase");
  DefMethod<kOwner, CaseMethod<kArray, CaseOp::kTitle>>("title");
  DefMethod<kOwner, PadMethod<kArray, PadKind::kCenter>>("center");
  DefMethod<kOwner, PadMethod<kArray, PadKind::kLeft>>("ljust");
  DefMethod<kOwner, PadMethod<kArray, PadKind::kRight>>("rjust");
  DefMethod<kOwner, ZFill<kArray>>("zfill");
  DefMethod<kOwner, ExpandTabs<kArray>>("expandtabs");
  DefMethod<kOwner, Partition<kArray, false>>("partition");
  DefMethod<kOwner, Partition<kArray, true>>("rpartition");
  DefMethod<kOwner, RemoveAffix<kArray, false>>("removeprefix");
  DefMethod<kOwner, RemoveAffix<kArray, true>>("removesuffix");
  DefMethod<kOwner, SplitLines<kArray>>("splitlines");
  DefMethod<kOwner, Translate<kArray>>("translate");
  AddStaticMethod(kOwner(), "maketrans", MakeTrans<kArray>);
  AddClassMethod(kOwner(), "fromhex", FromHex<kArray>);
}

}  // namespace

void AddSharedBytesMethods() { AddShared<BytesType, false>(); }
void AddSharedByteArrayMethods() { AddShared<ByteArrayTypeObject, true>(); }

}  // namespace minidynamo
