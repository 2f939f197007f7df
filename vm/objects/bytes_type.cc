// bytes: BytesObject and its methods, with CPython 3.11's behaviour and
// messages. The "bytes-like objects" are bytes and bytearray (the VM has no
// memoryview). The methods bytes shares with bytearray are in
// bytes_methods.cc.

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_format.h"
#include "vm/core/builtin_types.h"
#include "vm/core/errors.h"
#include "vm/format/str_repr.h"
#include "vm/interp/ops.h"
#include "vm/objects/bytes.h"
#include "vm/objects/bytes_internal.h"
#include "vm/objects/container_api.h"
#include "vm/objects/container_iterators.h"
#include "vm/objects/descriptor.h"
#include "vm/objects/list.h"
#include "vm/objects/method_util.h"
#include "vm/objects/number.h"
#include "vm/objects/py_hash.h"
#include "vm/objects/str.h"
#include "vm/objects/str_internal.h"
#include "vm/objects/text_codecs.h"
#include "vm/objects/tuple.h"
#include "vm/objects/type_inits.h"

namespace minidynamo {

Value BytesObject::New(std::string data) {
  return Value::Steal(new BytesObject(g_types.bytes, std::move(data)));
}

int64_t BytesObject::ComputeHash() const {
  // CPython's bytes hash under PYTHONHASHSEED=0 (see py_hash.h).
  return PyHashBytes(data_);
}

namespace {

using str_internal::AsStr;
using str_internal::IsStr;

BytesObject* AsBytes(const Value& v) { return As<BytesObject>(v); }
bool IsBytes(const Value& v) { return IsObjectOf(v, g_types.bytes); }

Value NewBytes(std::string_view s) { return BytesObject::New(std::string(s)); }

// The receiver unchanged (itself when exactly bytes).
Value Unchanged(const Value& self) {
  if (IsExactType(self, g_types.bytes)) return self;
  return NewBytes(AsBytes(self)->view());
}

bool IsAsciiSpace(unsigned char c) {
  return c == ' ' || (c >= '\t' && c <= '\r');
}

// A bytes-like argument; TypeError "a bytes-like object is required, not
// 'str'" otherwise.
bool BytesArg(const Value& v, std::string_view* out) {
  if (BytesLikeView(v, out)) return true;
  RaiseF(g_exc.TypeError, "a bytes-like object is required, not '%s'",
         TypeName(v));
  return false;
}

// The needle of find/count/index: bytes, or an int naming one byte.
bool NeedleArg(const Value& v, std::string* out) {
  std::string_view view;
  if (BytesLikeView(v, &view)) {
    *out = std::string(view);
    return true;
  }
  if (!HasIndex(v)) {
    RaiseF(g_exc.TypeError,
           "argument should be integer or bytes-like object, not '%s'",
           TypeName(v));
    return false;
  }
  int64_t b;
  bool clamped;  // A huge int is out of range like any other.
  if (!IndexClamped(v, &b, &clamped)) return false;
  if (b < 0 || b > 255) {
    Raise(g_exc.ValueError, "byte must be in range(0, 256)");
    return false;
  }
  *out = std::string(1, static_cast<char>(b));
  return true;
}

Value MakeList(std::vector<Value> items) {
  Value list = ListObject::New();
  As<ListObject>(list)->items() = std::move(items);
  return list;
}

// ---- Construction
// -------------------------------------------------------------

bool BytesFromObject(const Value& x, std::string* out) {
  static StrObject* bytes_hook = Intern("__bytes__");
  if (x.is_object() && !IsBytes(x)) {
    Value r = CallSpecial(x, bytes_hook, nullptr, 0);
    if (!r.is_null()) {
      if (!IsBytes(r)) {
        RaiseF(g_exc.TypeError, "__bytes__ returned non-bytes (type %s)",
               TypeName(r));
        return false;
      }
      *out = AsBytes(r)->data();
      return true;
    }
    if (ErrorOccurred()) return false;
  }
  if (IsStr(x)) {
    Raise(g_exc.TypeError, "string argument without an encoding");
    return false;
  }
  // Any object with __index__ (bool included) is a size.
  if (HasIndex(x)) {
    int64_t n;
    bool clamped;
    if (IndexClamped(x, &n, &clamped)) {
      if (clamped) {
        RaiseF(g_exc.OverflowError,
               "cannot fit '%s' into an index-sized integer", TypeName(x));
        return false;
      }
      if (n < 0) {
        Raise(g_exc.ValueError, "negative count");
        return false;
      }
      size_t total;
      if (!CheckNewSize(n, /*bytearray=*/false, &total)) return false;
      out->assign(total, '\0');
      return true;
    }
    // A TypeError from __index__ falls through to iteration, as in CPython.
    if (!ErrorMatches(g_exc.TypeError)) return false;
    ClearError();
  }
  std::string_view view;
  if (BytesLikeView(x, &view)) {
    *out = std::string(view);
    return true;
  }
  static StrObject* iter = Intern("__iter__");
  static StrObject* getitem = Intern("__getitem__");
  if (TypeOf(x)->Lookup(iter).is_null() &&
      TypeOf(x)->Lookup(getitem).is_null()) {
    RaiseF(g_exc.TypeError, "cannot convert '%s' object to bytes", TypeName(x));
    return false;
  }
  std::vector<Value> items;
  if (!CollectItems(x, &items)) return false;
  out->reserve(items.size());
  for (const Value& item : items) {
    int64_t b;
    bool clamped;  // A huge int is out of range like any other.
    if (!IndexClamped(item, &b, &clamped)) return false;
    if (b < 0 || b > 255) {
      Raise(g_exc.ValueError, "bytes must be in range(0, 256)");
      return false;
    }
    out->push_back(static_cast<char>(b));
  }
  return true;
}

Value BytesNewFn(TypeObject* type, Value* args, size_t nargs, TupleObject* kw) {
  Value parsed[3];
  if (!UnpackKeywords("bytes", args, nargs, kw, 0, 0,
                      {"source", "encoding", "errors"}, parsed)) {
    return Value();
  }
  for (int i = 1; i < 3; ++i) {
    if (!parsed[i].is_null() && !IsStr(parsed[i])) {
      return RaiseF(g_exc.TypeError,
                    "bytes() argument '%s' must be str, not %s",
                    i == 1 ? "encoding" : "errors", TypeName(parsed[i]));
    }
  }
  std::string data;
  const Value& x = parsed[0];
  bool has_encoding = !parsed[1].is_null(), has_errors = !parsed[2].is_null();
  // CPython's bytes_new order: an encoding needs a str; errors alone is an
  // error even with one.
  if ((x.is_null() && (has_encoding || has_errors)) ||
      (has_encoding && !IsStr(x)) || (has_errors && !has_encoding)) {
    return Raise(g_exc.TypeError, has_encoding
                                      ? "encoding without a string argument"
                                  : !x.is_null() && IsStr(x)
                                      ? "string argument without an encoding"
                                      : "errors without a string argument");
  }
  if (has_encoding) {
    std::string_view errors = has_errors ? AsStr(parsed[2])->view() : "strict";
    if (!EncodeText(AsStr(x)->view(), AsStr(parsed[1])->view(), errors,
                    &data)) {
      return Value();
    }
  } else if (!x.is_null()) {
    if (type == g_types.bytes && IsExactType(x, g_types.bytes)) return x;
    if (!BytesFromObject(x, &data)) return Value();
  }
  return Value::Steal(new BytesObject(type, std::move(data)));
}

// ---- Dunders
// -----------------------------------------------------------------

Value BytesReprMethod(Value* args, size_t nargs, TupleObject* kw) {
  return StrObject::New(BytesRepr(AsBytes(args[0])->view()));
}

Value BytesLen(Value* args, size_t nargs, TupleObject* kw) {
  return Value::Int(static_cast<int64_t>(AsBytes(args[0])->size()));
}

Value BytesHash(Value* args, size_t nargs, TupleObject* kw) {
  return Value::Int(AsBytes(args[0])->hash());
}

Value BytesGetItem(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckSlotArgs("__getitem__", NumPositional(nargs, kw), kw, 1)) {
    return Value();
  }
  std::string_view s = AsBytes(args[0])->view();
  const Value& key = args[1];
  int64_t n = static_cast<int64_t>(s.size());
  if (IsExactType(key, g_types.slice)) {
    int64_t start, stop, step, len;
    if (!As<SliceObject>(key)->Indices(n, &start, &stop, &step, &len)) {
      return Value();
    }
    if (step == 1) {
      if (len == n) return Unchanged(args[0]);
      return NewBytes(
          s.substr(static_cast<size_t>(start), static_cast<size_t>(len)));
    }
    std::string out;
    out.reserve(static_cast<size_t>(std::max<int64_t>(len, 0)));
    for (int64_t i = 0, j = start; i < len; ++i, j += step) out.push_back(s[j]);
    return NewBytes(out);
  }
  int64_t i;
  bool is_index;
  if (!SequenceIndex(key, &i, &is_index)) {
    if (is_index) return Value();
    return RaiseF(g_exc.TypeError,
                  "byte indices must be integers or slices, not %s",
                  TypeName(key));
  }
  if (i < 0) i += n;
  if (i < 0 || i >= n) return Raise(g_exc.IndexError, "index out of range");
  return Value::Int(static_cast<unsigned char>(s[i]));
}

Value BytesIter(Value* args, size_t nargs, TupleObject* kw) {
  return NewBytesIterator(args[0]);
}

template <CompareOp kOp>
Value BytesCompare(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckSlotArgs("comparison", NumPositional(nargs, kw), kw, 1)) {
    return Value();
  }
  if (!IsBytes(args[1])) return NotImplemented();
  int c = AsBytes(args[0])->view().compare(AsBytes(args[1])->view());
  switch (kOp) {
    case CompareOp::kLt:
      return Value::Bool(c < 0);
    case CompareOp::kLe:
      return Value::Bool(c <= 0);
    case CompareOp::kEq:
      return Value::Bool(c == 0);
    case CompareOp::kNe:
      return Value::Bool(c != 0);
    case CompareOp::kGt:
      return Value::Bool(c > 0);
    case CompareOp::kGe:
      return Value::Bool(c >= 0);
  }
  return NotImplemented();
}

Value BytesAdd(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckSlotArgs("__add__", NumPositional(nargs, kw), kw, 1))
    return Value();
  std::string_view other;
  if (!BytesLikeView(args[1], &other)) {
    return RaiseF(g_exc.TypeError, "can't concat %s to %s", TypeName(args[1]),
                  TypeName(args[0]));
  }
  std::string out(AsBytes(args[0])->view());
  out.append(other);
  return BytesObject::New(std::move(out));
}

Value BytesMul(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckSlotArgs("__mul__", NumPositional(nargs, kw), kw, 1))
    return Value();
  int64_t count;
  bool is_index;
  if (!RepeatCount(args[1], &count, &is_index)) {
    return is_index ? Value() : NotImplemented();
  }
  std::string_view s = AsBytes(args[0])->view();
  size_t total;
  if (!RepeatSize(s.size(), count, &total)) return Value();
  std::string out;
  out.reserve(total);
  for (int64_t k = 0; total > 0 && k < count; ++k) out.append(s);
  return BytesObject::New(std::move(out));
}

Value BytesMod(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckSlotArgs("__mod__", NumPositional(nargs, kw), kw, 1))
    return Value();
  return BytesPercentFormat(args[0], args[1]);
}

// other % self: only a bytes left operand formats (CPython's bytes_mod).
Value BytesRMod(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckSlotArgs("__rmod__", NumPositional(nargs, kw), kw, 1)) {
    return Value();
  }
  if (!IsBytes(args[1])) return NotImplemented();
  return BytesPercentFormat(args[1], args[0]);
}

Value BytesContains(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckSlotArgs("__contains__", NumPositional(nargs, kw), kw, 1)) {
    return Value();
  }
  std::string_view s = AsBytes(args[0])->view();
  if (HasIndex(args[1]) && !IsBytes(args[1])) {
    int64_t b;
    bool clamped;  // A huge int is out of range like any other.
    if (!IndexClamped(args[1], &b, &clamped)) return Value();
    if (b < 0 || b > 255) {
      return Raise(g_exc.ValueError, "byte must be in range(0, 256)");
    }
    return Value::Bool(s.find(static_cast<char>(b)) != std::string_view::npos);
  }
  std::string_view needle;
  if (!BytesArg(args[1], &needle)) return Value();
  return Value::Bool(s.find(needle) != std::string_view::npos);
}

// ---- Methods
// -------------------------------------------------------------------

Value BytesDecode(Value* args, size_t nargs, TupleObject* kw) {
  Value parsed[2];
  if (!ParseKeywordArgs("decode", args + 1, nargs - 1, kw,
                        {"encoding", "errors"}, parsed)) {
    return Value();
  }
  for (int i = 0; i < 2; ++i) {
    if (!parsed[i].is_null() && !IsStr(parsed[i])) {
      return RaiseF(g_exc.TypeError,
                    "decode() argument '%s' must be str, not %s",
                    i == 0 ? "encoding" : "errors", TypeName(parsed[i]));
    }
  }
  std::string out;
  if (!DecodeBytes(AsBytes(args[0])->view(),
                   parsed[0].is_null() ? "utf-8" : AsStr(parsed[0])->view(),
                   parsed[1].is_null() ? "strict" : AsStr(parsed[1])->view(),
                   &out)) {
    return Value();
  }
  return StrObject::New(out);
}

Value BytesHex(Value* args, size_t nargs, TupleObject* kw) {
  Value parsed[2];
  if (!ParseKeywordArgs("hex", args + 1, nargs - 1, kw,
                        {"sep", "bytes_per_sep"}, parsed)) {
    return Value();
  }
  std::string_view s = AsBytes(args[0])->view();
  std::string sep;
  if (!parsed[0].is_null()) {
    if (IsStr(parsed[0])) {
      sep = AsStr(parsed[0])->str();
    } else if (IsBytes(parsed[0])) {
      sep = AsBytes(parsed[0])->data();
    } else {
      return Raise(g_exc.TypeError, "sep must be str or bytes.");
    }
    if (sep.size() != 1) {
      return Raise(g_exc.ValueError, "sep must be length 1.");
    }
  }
  int64_t per = 1;
  if (!parsed[1].is_null() && !CIntArg(parsed[1], &per)) return Value();
  std::string out;
  const char* digits = "0123456789abcdef";
  size_t group = static_cast<size_t>(per < 0 ? -per : per);
  for (size_t i = 0; i < s.size(); ++i) {
    // Groups are counted from the right for a positive bytes_per_sep.
    if (!sep.empty() && group > 0 && i > 0) {
      bool boundary = per > 0 ? (s.size() - i) % group == 0 : i % group == 0;
      if (boundary) out.append(sep);
    }
    unsigned char c = static_cast<unsigned char>(s[i]);
    out.push_back(digits[c >> 4]);
    out.push_back(digits[c & 15]);
  }
  return StrObject::New(out);
}

Value BytesJoin(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("bytes.join", NumPositional(nargs, kw), kw, 1, 1))
    return Value();
  std::vector<Value> items;
  if (!CollectItems(args[1], &items)) return Value();
  std::string_view sep = AsBytes(args[0])->view();
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    std::string_view item;
    if (!BytesLikeView(items[i], &item)) {
      return RaiseF(g_exc.TypeError,
                    "sequence item %d: expected a bytes-like object, %s found",
                    i, TypeName(items[i]));
    }
    if (i > 0) out.append(sep);
    out.append(item);
  }
  return BytesObject::New(std::move(out));
}

template <bool kReverse>
Value BytesSplit(Value* args, size_t nargs, TupleObject* kw) {
  Value parsed[2];
  if (!ParseKeywordArgs(kReverse ? "rsplit" : "split", args + 1, nargs - 1, kw,
                        {"sep", "maxsplit"}, parsed)) {
    return Value();
  }
  int64_t maxsplit = -1;
  if (!parsed[1].is_null() && !SsizeArg(parsed[1], &maxsplit)) return Value();
  if (maxsplit < 0) maxsplit = INT64_MAX;
  std::string_view s = AsBytes(args[0])->view();
  std::vector<Value> parts;
  if (parsed[0].is_null() || parsed[0].is_none()) {
    auto space = [&](size_t i) {
      return IsAsciiSpace(static_cast<unsigned char>(s[i]));
    };
    if (!kReverse) {
      size_t i = 0;
      while (maxsplit-- > 0) {
        while (i < s.size() && space(i)) ++i;
        if (i == s.size()) break;
        size_t start = i;
        while (i < s.size() && !space(i)) ++i;
        parts.push_back(NewBytes(s.substr(start, i - start)));
      }
      while (i < s.size() && space(i)) ++i;
      if (i < s.size()) parts.push_back(NewBytes(s.substr(i)));
    } else {
      size_t i = s.size();
      while (maxsplit-- > 0) {
        while (i > 0 && space(i - 1)) --i;
        if (i == 0) break;
        size_t end = i;
        while (i > 0 && !space(i - 1)) --i;
        parts.push_back(NewBytes(s.substr(i, end - i)));
      }
      while (i > 0 && space(i - 1)) --i;
      if (i > 0) parts.push_back(NewBytes(s.substr(0, i)));
      std::reverse(parts.begin(), parts.end());
    }
    return MakeList(std::move(parts));
  }
  std::string_view sep;
  if (!BytesArg(parsed[0], &sep)) return Value();
  if (sep.empty()) return Raise(g_exc.ValueError, "empty separator");
  if (!kReverse) {
    size_t pos = 0;
    while (maxsplit-- > 0) {
      size_t hit = s.find(sep, pos);
      if (hit == std::string_view::npos) break;
      parts.push_back(NewBytes(s.substr(pos, hit - pos)));
      pos = hit + sep.size();
    }
    parts.push_back(NewBytes(s.substr(pos)));
  } else {
    size_t end = s.size();
    while (maxsplit-- > 0 && end >= sep.size()) {
      size_t hit = s.rfind(sep, end - sep.size());
      if (hit == std::string_view::npos) break;
      parts.push_back(
          NewBytes(s.substr(hit + sep.size(), end - hit - sep.size())));
      end = hit;
    }
    parts.push_back(NewBytes(s.substr(0, end)));
    std::reverse(parts.begin(), parts.end());
  }
  return MakeList(std::move(parts));
}

template <int kKind>  // 1 left, 2 right, 3 both.
Value BytesStrip(Value* args, size_t nargs, TupleObject* kw) {
  const char* name = kKind == 3 ? "strip" : kKind == 1 ? "lstrip" : "rstrip";
  const char* qual = kKind == 3   ? "bytes.strip"
                     : kKind == 1 ? "bytes.lstrip"
                                  : "bytes.rstrip";
  size_t npos = NumPositional(nargs, kw);
  if (!CheckClinicArgs(qual, name, npos, kw, 0, 1)) return Value();
  std::string_view chars;
  bool whitespace = npos == 0 || args[1].is_none();
  if (!whitespace && !BytesArg(args[1], &chars)) return Value();
  auto strip_it = [&](char c) {
    return whitespace ? IsAsciiSpace(static_cast<unsigned char>(c))
                      : chars.find(c) != std::string_view::npos;
  };
  std::string_view s = AsBytes(args[0])->view();
  size_t begin = 0, end = s.size();
  if (kKind & 1) {
    while (begin < end && strip_it(s[begin])) ++begin;
  }
  if (kKind & 2) {
    while (end > begin && strip_it(s[end - 1])) --end;
  }
  if (begin == 0 && end == s.size()) return Unchanged(args[0]);
  return NewBytes(s.substr(begin, end - begin));
}

bool TailMatch(std::string_view s, std::string_view sub, int64_t start,
               int64_t end, bool suffix) {
  AdjustIndices(&start, &end, static_cast<int64_t>(s.size()));
  end -= static_cast<int64_t>(sub.size());
  if (end < start) return false;
  size_t at = static_cast<size_t>(suffix ? end : start);
  return s.substr(at, sub.size()) == sub;
}

template <bool kSuffix>
Value BytesStartsWith(Value* args, size_t nargs, TupleObject* kw) {
  const char* name = kSuffix ? "endswith" : "startswith";
  if (!CheckOldStyleArgs(name, NumPositional(nargs, kw), kw, 1, 3)) {
    return Value();
  }
  int64_t start = 0, end = INT64_MAX;
  if (nargs > 2 && !SliceIndexArg(args[2], &start)) return Value();
  if (nargs > 3 && !SliceIndexArg(args[3], &end)) return Value();
  std::string_view s = AsBytes(args[0])->view();
  if (IsObjectOf(args[1], g_types.tuple)) {
    auto* t = As<TupleObject>(args[1]);
    for (size_t i = 0; i < t->size(); ++i) {
      std::string_view sub;
      if (!BytesArg(t->get(i), &sub)) return Value();
      if (TailMatch(s, sub, start, end, kSuffix)) return Value::Bool(true);
    }
    return Value::Bool(false);
  }
  std::string_view sub;
  if (!BytesLikeView(args[1], &sub)) {
    return RaiseF(g_exc.TypeError,
                  "%s first arg must be bytes or a tuple of bytes, not %s",
                  name, TypeName(args[1]));
  }
  return Value::Bool(TailMatch(s, sub, start, end, kSuffix));
}

// find / rfind / index / rindex / count share their argument handling.
enum class SearchOp { kFind, kRFind, kIndex, kRIndex, kCount };

template <SearchOp kOp>
Value BytesSearch(Value* args, size_t nargs, TupleObject* kw) {
  static const char* const kNames[] = {"find", "rfind", "index", "rindex",
                                       "count"};
  if (!CheckOldStyleArgs(kNames[static_cast<int>(kOp)],
                         NumPositional(nargs, kw), kw, 1, 3)) {
    return Value();
  }
  std::string needle;
  if (!NeedleArg(args[1], &needle)) return Value();
  int64_t start = 0, end = INT64_MAX;
  if (nargs > 2 && !SliceIndexArg(args[2], &start)) return Value();
  if (nargs > 3 && !SliceIndexArg(args[3], &end)) return Value();
  std::string_view s = AsBytes(args[0])->view();
  AdjustIndices(&start, &end, static_cast<int64_t>(s.size()));
  int64_t sub_len = static_cast<int64_t>(needle.size());
  if (kOp == SearchOp::kCount) {
    if (end - start < sub_len) return Value::Int(0);
    if (sub_len == 0) return Value::Int(end - start + 1);
    std::string_view hay = s.substr(start, end - start);
    int64_t n = 0;
    for (size_t p = hay.find(needle); p != std::string_view::npos;
         p = hay.find(needle, p + needle.size())) {
      ++n;
    }
    return Value::Int(n);
  }
  bool reverse = kOp == SearchOp::kRFind || kOp == SearchOp::kRIndex;
  int64_t result = -1;
  if (end - start >= sub_len) {
    if (sub_len == 0) {
      result = reverse ? end : start;
    } else {
      std::string_view hay = s.substr(start, end - start);
      size_t p = reverse ? hay.rfind(needle) : hay.find(needle);
      if (p != std::string_view::npos) result = start + static_cast<int64_t>(p);
    }
  }
  if (result < 0 && (kOp == SearchOp::kIndex || kOp == SearchOp::kRIndex)) {
    return Raise(g_exc.ValueError, "subsection not found");
  }
  return Value::Int(result);
}

Value BytesReplace(Value* args, size_t nargs, TupleObject* kw) {
  size_t npos = NumPositional(nargs, kw);
  if (!CheckClinicArgs("bytes.replace", "replace", npos, kw, 2, 3)) {
    return Value();
  }
  std::string_view old, repl;
  if (!BytesArg(args[1], &old) || !BytesArg(args[2], &repl)) return Value();
  int64_t count = -1;
  if (npos > 2) {
    // __index__ may mutate a bytearray argument: take the views again after.
    if (!SsizeArg(args[3], &count)) return Value();
    if (!BytesArg(args[1], &old) || !BytesArg(args[2], &repl)) return Value();
  }
  if (count < 0) count = INT64_MAX;
  std::string_view s = AsBytes(args[0])->view();
  std::string out;
  if (old.empty()) {
    size_t i = 0;
    int64_t done = 0;
    while (done < count) {
      out.append(repl);
      ++done;
      if (i >= s.size()) break;
      out.push_back(s[i++]);
    }
    out.append(s.substr(std::min(i, s.size())));
    return BytesObject::New(std::move(out));
  }
  size_t pos = 0;
  for (int64_t done = 0; done < count; ++done) {
    size_t hit = s.find(old, pos);
    if (hit == std::string_view::npos) break;
    out.append(s.substr(pos, hit - pos));
    out.append(repl);
    pos = hit + old.size();
  }
  out.append(s.substr(pos));
  return BytesObject::New(std::move(out));
}

template <bool kUpper>
Value BytesCase(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs(kUpper ? "bytes.upper" : "bytes.lower",
                 NumPositional(nargs, kw), kw, 0, 0)) {
    return Value();
  }
  std::string out(AsBytes(args[0])->view());
  for (char& c : out) {
    if (kUpper && c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
    if (!kUpper && c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return BytesObject::New(std::move(out));
}

}  // namespace

// ---- Iterator
// ------------------------------------------------------------------

Value NewBytesIterator(const Value& bytes) {
  Value v = NewIterator(IteratorObject::Kind::kBytes, bytes);
  if (v.is_null()) return v;
  As<IteratorObject>(v)->index = 0;
  return v;
}

Value BytesIteratorNext(IteratorObject* it) {
  if (it->source.is_null()) return Value();
  std::string_view s = AsBytes(it->source)->view();
  if (it->index >= static_cast<int64_t>(s.size())) {
    it->source = Value();
    it->exhausted = true;
    return Value();
  }
  return Value::Int(static_cast<unsigned char>(s[it->index++]));
}

void InitBytesType() {
  TypeObject* bytes = g_types.bytes;
  bytes->set_new_fn(BytesNewFn);
  DefMethod<BytesType, BytesReprMethod>("__repr__");
  DefMethod<BytesType, BytesLen>("__len__");
  DefMethod<BytesType, BytesHash>("__hash__");
  DefMethod<BytesType, BytesGetItem>("__getitem__");
  DefMethod<BytesType, BytesIter>("__iter__");
  DefMethod<BytesType, BytesCompare<CompareOp::kEq>>("__eq__");
  DefMethod<BytesType, BytesCompare<CompareOp::kNe>>("__ne__");
  DefMethod<BytesType, BytesCompare<CompareOp::kLt>>("__lt__");
  DefMethod<BytesType, BytesCompare<CompareOp::kLe>>("__le__");
  DefMethod<BytesType, BytesCompare<CompareOp::kGt>>("__gt__");
  DefMethod<BytesType, BytesCompare<CompareOp::kGe>>("__ge__");
  DefMethod<BytesType, BytesAdd>("__add__");
  DefMethod<BytesType, BytesMul>("__mul__");
  DefMethod<BytesType, BytesMul>("__rmul__");
  DefMethod<BytesType, BytesContains>("__contains__");
  DefMethod<BytesType, BytesMod>("__mod__");
  DefMethod<BytesType, BytesRMod>("__rmod__");
  DefMethod<BytesType, BytesDecode>("decode");
  DefMethod<BytesType, BytesHex>("hex");
  DefMethod<BytesType, BytesJoin>("join");
  DefMethod<BytesType, BytesSplit<false>>("split");
  DefMethod<BytesType, BytesSplit<true>>("rsplit");
  DefMethod<BytesType, BytesStrip<3>>("strip");
  DefMethod<BytesType, BytesStrip<1>>("lstrip");
  DefMethod<BytesType, BytesStrip<2>>("rstrip");
  DefMethod<BytesType, BytesStartsWith<false>>("startswith");
  DefMethod<BytesType, BytesStartsWith<true>>("endswith");
  DefMethod<BytesType, BytesSearch<SearchOp::kFind>>("find");
  DefMethod<BytesType, BytesSearch<SearchOp::kRFind>>("rfind");
  DefMethod<BytesType, BytesSearch<SearchOp::kIndex>>("index");
  DefMethod<BytesType, BytesSearch<SearchOp::kRIndex>>("rindex");
  DefMethod<BytesType, BytesSearch<SearchOp::kCount>>("count");
  DefMethod<BytesType, BytesReplace>("replace");
  DefMethod<BytesType, BytesCase<true>>("upper");
  DefMethod<BytesType, BytesCase<false>>("lower");
  AddSharedBytesMethods();
}

}  // namespace minidynamo
