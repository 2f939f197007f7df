// The methods of str, with CPython 3.11's behaviour and messages. Formatting
// (%, format, format_map, __format__) is in str_format.cc; the Unicode data
// for case mapping and classification in str_unicode.cc.
//
// Strings are UTF-8 (see str.h). Searching works on bytes, which is exact for
// UTF-8 (a code point's encoding never matches inside another's); positions
// given and returned in code points are converted at the edges.

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "vm/core/builtin_types.h"
#include "vm/core/errors.h"
#include "vm/format/str_repr.h"
#include "vm/format/unicode_tables.h"
#include "vm/interp/ops.h"
#include "vm/objects/bytes.h"
#include "vm/objects/container_api.h"
#include "vm/objects/container_iterators.h"
#include "vm/objects/descriptor.h"
#include "vm/objects/dict.h"
#include "vm/objects/list.h"
#include "vm/objects/method_util.h"
#include "vm/objects/number.h"
#include "vm/objects/str.h"
#include "vm/objects/str_internal.h"
#include "vm/objects/str_unicode.h"
#include "vm/objects/text_codecs.h"
#include "vm/objects/tuple.h"
#include "vm/objects/type_inits.h"

namespace minidynamo {

// Defined in str_format.cc.
void InitStrFormatMethods();

namespace {

using str_internal::AsStr;
using str_internal::CodePointIndex;
using str_internal::DecodeUtf8Before;
using str_internal::IsStr;
using str_internal::Unchanged;
namespace uni = str_unicode;

Value NewStr(std::string_view s) { return StrObject::New(s); }

std::u32string CodePoints(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) out.push_back(DecodeUtf8(s, &i));
  return out;
}

bool IsSpace(uint32_t cp) {
  if (cp < 128) {
    return cp == ' ' || (cp >= '\t' && cp <= '\r') ||
           (cp >= 0x1C && cp <= 0x1F);
  }
  return IsUnicodeSpace(cp);
}

bool IsLineBreak(uint32_t cp) {
  switch (cp) {
    case '\n':
    case '\r':
    case 0x0B:
    case 0x0C:
    case 0x1C:
    case 0x1D:
    case 0x1E:
    case 0x85:
    case 0x2028:
    case 0x2029:
      return true;
    default:
      return false;
  }
}

// "must be str, not int" style argument check.
bool RequireStr(const Value& v, const char* what) {
  if (IsStr(v)) return true;
  RaiseF(g_exc.TypeError, "%s, not %s", what, TypeName(v));
  return false;
}

Value MakeList(std::vector<Value> items) {
  Value list = ListObject::New();
  As<ListObject>(list)->items() = std::move(items);
  return list;
}

// ---- Construction and dunders -------------------------------------------

Value StrNewFn(TypeObject* type, Value* args, size_t nargs, TupleObject* kw) {
  Value parsed[3];
  if (!ParseKeywordArgs("str", args, nargs, kw,
                        {"object", "encoding", "errors"}, parsed)) {
    return Value();
  }
  Value result;
  if (parsed[1].is_null() && parsed[2].is_null()) {
    result = parsed[0].is_null() ? NewStr("") : Str(parsed[0]);
  } else {
    for (int i = 1; i < 3; ++i) {
      if (!parsed[i].is_null() && !IsStr(parsed[i])) {
        return RaiseF(g_exc.TypeError,
                      "str() argument '%s' must be str, not %s",
                      i == 1 ? "encoding" : "errors", TypeName(parsed[i]));
      }
    }
    const Value& obj = parsed[0].is_null() ? Value() : parsed[0];
    if (obj.is_null()) {
      result = NewStr("");
    } else if (IsStr(obj)) {
      return Raise(g_exc.TypeError, "decoding str is not supported");
    } else if (!IsObjectOf(obj, g_types.bytes)) {
      return RaiseF(g_exc.TypeError,
                    "decoding to str: need a bytes-like object, %s found",
                    TypeName(obj));
    } else {
      std::string text;
      std::string_view encoding =
          parsed[1].is_null() ? "utf-8" : AsStr(parsed[1])->view();
      std::string_view errors =
          parsed[2].is_null() ? "strict" : AsStr(parsed[2])->view();
      if (!DecodeBytes(As<BytesObject>(obj)->view(), encoding, errors, &text)) {
        return Value();
      }
      result = NewStr(text);
    }
  }
  if (result.is_null() || type == g_types.str) return result;
  return Value::Steal(new StrObject(type, AsStr(result)->str()));
}

Value StrReprMethod(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckSlotArgs("__repr__", NumPositional(nargs, kw), kw, 0))
    return Value();
  return NewStr(StrRepr(AsStr(args[0])->view()));
}

Value StrStr(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckSlotArgs("__str__", NumPositional(nargs, kw), kw, 0))
    return Value();
  return Unchanged(args[0]);
}

Value StrHash(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckSlotArgs("__hash__", NumPositional(nargs, kw), kw, 0))
    return Value();
  return Value::Int(AsStr(args[0])->hash());
}

Value StrLen(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckSlotArgs("__len__", NumPositional(nargs, kw), kw, 0))
    return Value();
  return Value::Int(AsStr(args[0])->length());
}

template <CompareOp kOp>
Value StrCompare(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckSlotArgs("comparison", NumPositional(nargs, kw), kw, 1)) {
    return Value();
  }
  if (!IsStr(args[1])) return NotImplemented();
  StrObject* a = AsStr(args[0]);
  StrObject* b = AsStr(args[1]);
  if (kOp == CompareOp::kEq) return Value::Bool(a->Equals(b));
  if (kOp == CompareOp::kNe) return Value::Bool(!a->Equals(b));
  // UTF-8 byte order is code point order.
  int c = a->view().compare(b->view());
  switch (kOp) {
    case CompareOp::kLt:
      return Value::Bool(c < 0);
    case CompareOp::kLe:
      return Value::Bool(c <= 0);
    case CompareOp::kGt:
      return Value::Bool(c > 0);
    default:
      return Value::Bool(c >= 0);
  }
}

Value StrGetItem(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckSlotArgs("__getitem__", NumPositional(nargs, kw), kw, 1)) {
    return Value();
  }
  StrObject* s = AsStr(args[0]);
  const Value& key = args[1];
  if (IsExactType(key, g_types.slice)) {
    int64_t start, stop, step, len;
    if (!As<SliceObject>(key)->Indices(s->length(), &start, &stop, &step,
                                       &len)) {
      return Value();
    }
    if (step == 1 && len == s->length()) return Unchanged(args[0]);
    if (len <= 0) return NewStr("");
    return s->Slice(start, stop, step);
  }
  int64_t i;
  bool is_index;
  if (!SequenceIndex(key, &i, &is_index)) {
    if (is_index) return Value();
    return RaiseF(g_exc.TypeError, "string indices must be integers, not '%s'",
                  TypeName(key));
  }
  if (i < 0) i += s->length();
  if (i < 0 || i >= s->length()) {
    return Raise(g_exc.IndexError, "string index out of range");
  }
  return s->CharAt(i);
}

Value StrContains(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckSlotArgs("__contains__", NumPositional(nargs, kw), kw, 1)) {
    return Value();
  }
  if (!IsStr(args[1])) {
    return RaiseF(g_exc.TypeError,
                  "'in <string>' requires string as left operand, not %s",
                  TypeName(args[1]));
  }
  return Value::Bool(AsStr(args[0])->view().find(AsStr(args[1])->view()) !=
                     std::string_view::npos);
}

Value StrIter(Value* args, size_t nargs, TupleObject* kw) {
  return NewStrIterator(args[0]);
}

Value StrAdd(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckSlotArgs("__add__", NumPositional(nargs, kw), kw, 1))
    return Value();
  if (!IsStr(args[1])) return NotImplemented();
  return StrConcat(args[0], args[1]);
}

Value StrMul(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckSlotArgs("__mul__", NumPositional(nargs, kw), kw, 1))
    return Value();
  int64_t count;
  bool is_index;
  if (!RepeatCount(args[1], &count, &is_index)) {
    return is_index ? Value() : NotImplemented();
  }
  StrObject* s = AsStr(args[0]);
  if (count == 1) return Unchanged(args[0]);
  size_t total;
  if (!RepeatSize(s->view().size(), count, &total)) return Value();
  std::string out;
  out.reserve(total);
  for (int64_t k = 0; total > 0 && k < count; ++k) out.append(s->view());
  return NewStr(out);
}

// ---- Searching ----------------------------------------------------------

// Parses (sub[, start[, end]]) for find/count/index; start/end come back in
// code points, adjusted to the string (CPython's ADJUST_INDICES).
bool ParseSubArgs(const char* name, Value* args, size_t nargs, TupleObject* kw,
                  int64_t* start, int64_t* end) {
  if (!CheckOldStyleArgs(name, NumPositional(nargs, kw), kw, 1, 3))
    return false;
  if (!RequireStr(args[1], "must be str")) return false;
  *start = 0;
  *end = INT64_MAX;
  if (nargs > 2 && !SliceIndexArg(args[2], start)) return false;
  if (nargs > 3 && !SliceIndexArg(args[3], end)) return false;
  AdjustIndices(start, end, AsStr(args[0])->length());
  return true;
}

// Position (code points) of sub in s[start:end], or -1.
int64_t FindIn(StrObject* s, StrObject* sub, int64_t start, int64_t end,
               bool reverse) {
  if (end - start < sub->length()) return -1;
  if (sub->length() == 0) return reverse ? end : start;
  size_t b0 = s->ByteOffset(start);
  size_t b1 = s->ByteOffset(end);
  std::string_view hay = s->view().substr(b0, b1 - b0);
  size_t pos = reverse ? hay.rfind(sub->view()) : hay.find(sub->view());
  if (pos == std::string_view::npos) return -1;
  return CodePointIndex(s, b0 + pos);
}

template <bool kReverse, bool kRaise>
Value StrFind(Value* args, size_t nargs, TupleObject* kw) {
  const char* name =
      kRaise ? (kReverse ? "rindex" : "index") : (kReverse ? "rfind" : "find");
  int64_t start, end;
  if (!ParseSubArgs(name, args, nargs, kw, &start, &end)) return Value();
  int64_t pos = FindIn(AsStr(args[0]), AsStr(args[1]), start, end, kReverse);
  if (pos < 0 && kRaise) return Raise(g_exc.ValueError, "substring not found");
  return Value::Int(pos);
}

Value StrCount(Value* args, size_t nargs, TupleObject* kw) {
  int64_t start, end;
  if (!ParseSubArgs("count", args, nargs, kw, &start, &end)) return Value();
  StrObject* s = AsStr(args[0]);
  StrObject* sub = AsStr(args[1]);
  if (end - start < sub->length()) return Value::Int(0);
  if (sub->length() == 0) return Value::Int(end - start + 1);
  size_t b0 = s->ByteOffset(start);
  size_t b1 = s->ByteOffset(end);
  std::string_view hay = s->view().substr(b0, b1 - b0);
  int64_t n = 0;
  for (size_t pos = hay.find(sub->view()); pos != std::string_view::npos;
       pos = hay.find(sub->view(), pos + sub->view().size())) {
    ++n;
  }
  return Value::Int(n);
}

// CPython's tailmatch: does s[start:end] start (or end) with sub?
bool TailMatch(StrObject* s, StrObject* sub, int64_t start, int64_t end,
               bool suffix) {
  AdjustIndices(&start, &end, s->length());
  end -= sub->length();
  if (end < start) return false;
  if (sub->length() == 0) return true;
  size_t at = s->ByteOffset(suffix ? end : start);
  return s->view().substr(at, sub->view().size()) == sub->view();
}

template <bool kSuffix>
Value StrStartsWith(Value* args, size_t nargs, TupleObject* kw) {
  const char* name = kSuffix ? "endswith" : "startswith";
  if (!CheckOldStyleArgs(name, NumPositional(nargs, kw), kw, 1, 3)) {
    return Value();
  }
  int64_t start = 0, end = INT64_MAX;
  if (nargs > 2 && !SliceIndexArg(args[2], &start)) return Value();
  if (nargs > 3 && !SliceIndexArg(args[3], &end)) return Value();
  StrObject* s = AsStr(args[0]);
  if (IsObjectOf(args[1], g_types.tuple)) {
    auto* t = As<TupleObject>(args[1]);
    for (size_t i = 0; i < t->size(); ++i) {
      if (!IsStr(t->get(i))) {
        return RaiseF(g_exc.TypeError,
                      "tuple for %s must only contain str, not %s", name,
                      TypeName(t->get(i)));
      }
      if (TailMatch(s, AsStr(t->get(i)), start, end, kSuffix)) {
        return Value::Bool(true);
      }
    }
    return Value::Bool(false);
  }
  if (!IsStr(args[1])) {
    return RaiseF(g_exc.TypeError,
                  "%s first arg must be str or a tuple of str, not %s", name,
                  TypeName(args[1]));
  }
  return Value::Bool(TailMatch(s, AsStr(args[1]), start, end, kSuffix));
}

Value StrReplace(Value* args, size_t nargs, TupleObject* kw) {
  size_t npos = NumPositional(nargs, kw);
  if (!CheckClinicArgs("str.replace", "replace", npos, kw, 2, 3))
    return Value();
  for (int i = 1; i <= 2; ++i) {
    if (!IsStr(args[i])) {
      return RaiseF(g_exc.TypeError,
                    "replace() argument %d must be str, not %s", i,
                    TypeName(args[i]));
    }
  }
  int64_t count = -1;
  if (npos > 2 && !SsizeArg(args[3], &count)) return Value();
  std::string_view s = AsStr(args[0])->view();
  std::string_view old = AsStr(args[1])->view();
  std::string_view repl = AsStr(args[2])->view();
  if (count < 0) count = INT64_MAX;
  std::string out;
  if (old.empty()) {
    // Insert between code points (and at both ends), up to `count` times.
    size_t i = 0;
    int64_t done = 0;
    while (done < count) {
      out.append(repl);
      ++done;
      if (i >= s.size()) break;
      size_t next = i;
      DecodeUtf8(s, &next);
      out.append(s.substr(i, next - i));
      i = next;
    }
    out.append(s.substr(std::min(i, s.size())));
    return NewStr(out);
  }
  size_t pos = 0;
  int64_t done = 0;
  bool changed = false;
  while (done < count) {
    size_t hit = s.find(old, pos);
    if (hit == std::string_view::npos) break;
    out.append(s.substr(pos, hit - pos));
    out.append(repl);
    pos = hit + old.size();
    ++done;
    changed = true;
  }
  if (!changed) return Unchanged(args[0]);
  out.append(s.substr(pos));
  return NewStr(out);
}

// ---- Splitting ----------------------------------------------------------

// sep: null or None for whitespace; maxsplit < 0 for no limit.
bool ParseSplitArgs(const char* name, Value* args, size_t nargs,
                    TupleObject* kw, Value* sep, int64_t* maxsplit) {
  Value parsed[2];
  if (!ParseKeywordArgs(name, args + 1, nargs - 1, kw, {"sep", "maxsplit"},
                        parsed)) {
    return false;
  }
  *sep = parsed[0];
  if (!sep->is_null() && !sep->is_none()) {
    if (!RequireStr(*sep, "must be str or None")) return false;
    if (AsStr(*sep)->view().empty()) {
      Raise(g_exc.ValueError, "empty separator");
      return false;
    }
  }
  *maxsplit = -1;
  if (!parsed[1].is_null() && !SsizeArg(parsed[1], maxsplit)) return false;
  if (*maxsplit < 0) *maxsplit = INT64_MAX;
  return true;
}

Value StrSplit(Value* args, size_t nargs, TupleObject* kw) {
  Value sep;
  int64_t maxsplit;
  if (!ParseSplitArgs("split", args, nargs, kw, &sep, &maxsplit))
    return Value();
  std::string_view s = AsStr(args[0])->view();
  std::vector<Value> parts;
  if (sep.is_null() || sep.is_none()) {
    size_t i = 0;
    auto skip_space = [&] {
      while (i < s.size()) {
        size_t j = i;
        if (!IsSpace(DecodeUtf8(s, &j))) break;
        i = j;
      }
    };
    while (maxsplit-- > 0) {
      skip_space();
      if (i >= s.size()) break;
      size_t start = i;
      while (i < s.size()) {
        size_t j = i;
        if (IsSpace(DecodeUtf8(s, &j))) break;
        i = j;
      }
      if (start == 0 && i == s.size() && IsExactType(args[0], g_types.str)) {
        parts.push_back(args[0]);
      } else {
        parts.push_back(NewStr(s.substr(start, i - start)));
      }
    }
    if (i < s.size()) {
      skip_space();
      if (i < s.size()) parts.push_back(NewStr(s.substr(i)));
    }
    return MakeList(std::move(parts));
  }
  std::string_view sp = AsStr(sep)->view();
  size_t pos = 0;
  while (maxsplit-- > 0) {
    size_t hit = s.find(sp, pos);
    if (hit == std::string_view::npos) break;
    parts.push_back(NewStr(s.substr(pos, hit - pos)));
    pos = hit + sp.size();
  }
  if (pos == 0 && IsExactType(args[0], g_types.str)) {
    parts.push_back(args[0]);
  } else {
    parts.push_back(NewStr(s.substr(pos)));
  }
  return MakeList(std::move(parts));
}

Value StrRSplit(Value* args, size_t nargs, TupleObject* kw) {
  Value sep;
  int64_t maxsplit;
  if (!ParseSplitArgs("rsplit", args, nargs, kw, &sep, &maxsplit)) {
    return Value();
  }
  std::string_view s = AsStr(args[0])->view();
  std::vector<Value> parts;
  if (sep.is_null() || sep.is_none()) {
    size_t i = s.size();  // One past the part being scanned.
    auto skip_space = [&] {
      while (i > 0) {
        size_t j = i;
        if (!IsSpace(DecodeUtf8Before(s, &j))) break;
        i = j;
      }
    };
    while (maxsplit-- > 0) {
      skip_space();
      if (i == 0) break;
      size_t end = i;
      while (i > 0) {
        size_t j = i;
        if (IsSpace(DecodeUtf8Before(s, &j))) break;
        i = j;
      }
      parts.push_back(NewStr(s.substr(i, end - i)));
    }
    if (i > 0) {
      skip_space();
      if (i > 0) parts.push_back(NewStr(s.substr(0, i)));
    }
    std::reverse(parts.begin(), parts.end());
    return MakeList(std::move(parts));
  }
  std::string_view sp = AsStr(sep)->view();
  size_t end = s.size();
  while (maxsplit-- > 0 && end >= sp.size()) {
    size_t hit = s.rfind(sp, end - sp.size());
    if (hit == std::string_view::npos) break;
    parts.push_back(NewStr(s.substr(hit + sp.size(), end - hit - sp.size())));
    end = hit;
  }
  parts.push_back(NewStr(s.substr(0, end)));
  std::reverse(parts.begin(), parts.end());
  return MakeList(std::move(parts));
}

Value StrSplitLines(Value* args, size_t nargs, TupleObject* kw) {
  Value parsed[1];
  if (!ParseKeywordArgs("splitlines", args + 1, nargs - 1, kw, {"keepends"},
                        parsed)) {
    return Value();
  }
  int64_t keepends = 0;
  if (!parsed[0].is_null()) {
    if (parsed[0].is_float()) {
      return Raise(g_exc.TypeError,
                   "'float' object cannot be interpreted as an integer");
    }
    if (!CIntArg(parsed[0], &keepends)) return Value();
  }
  std::string_view s = AsStr(args[0])->view();
  std::vector<Value> lines;
  size_t i = 0;
  while (i < s.size()) {
    size_t start = i, eol = i;
    bool found = false;
    while (i < s.size()) {
      size_t j = i;
      uint32_t cp = DecodeUtf8(s, &j);
      if (IsLineBreak(cp)) {
        eol = i;
        i = j;
        if (cp == '\r' && i < s.size() && s[i] == '\n') ++i;
        found = true;
        break;
      }
      i = j;
    }
    if (!found) eol = i;
    size_t end = keepends ? i : eol;
    if (start == 0 && end == s.size() && IsExactType(args[0], g_types.str)) {
      lines.push_back(args[0]);
    } else {
      lines.push_back(NewStr(s.substr(start, end - start)));
    }
  }
  return MakeList(std::move(lines));
}

template <bool kReverse>
Value StrPartition(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs(kReverse ? "str.rpartition" : "str.partition",
                 NumPositional(nargs, kw), kw, 1, 1)) {
    return Value();
  }
  if (!RequireStr(args[1], "must be str")) return Value();
  std::string_view s = AsStr(args[0])->view();
  std::string_view sep = AsStr(args[1])->view();
  if (sep.empty()) return Raise(g_exc.ValueError, "empty separator");
  size_t hit = kReverse ? s.rfind(sep) : s.find(sep);
  if (hit == std::string_view::npos) {
    Value empty = NewStr("");
    if (kReverse) return TupleObject::Of({empty, empty, Unchanged(args[0])});
    return TupleObject::Of({Unchanged(args[0]), empty, empty});
  }
  return TupleObject::Of({NewStr(s.substr(0, hit)), Unchanged(args[1]),
                          NewStr(s.substr(hit + sep.size()))});
}

Value StrJoin(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("str.join", NumPositional(nargs, kw), kw, 1, 1))
    return Value();
  std::vector<Value> items;
  if (IsExactType(args[1], g_types.list) ||
      IsExactType(args[1], g_types.tuple)) {
    CollectItems(args[1], &items);
  } else {
    Value it = GetIter(args[1]);
    if (it.is_null()) {
      if (ErrorMatches(g_exc.TypeError)) {
        ClearError();
        Raise(g_exc.TypeError, "can only join an iterable");
      }
      return Value();
    }
    if (!CollectItems(it, &items)) return Value();
  }
  if (items.size() == 1 && IsExactType(items[0], g_types.str)) return items[0];
  std::string_view sep = AsStr(args[0])->view();
  size_t total = 0;
  for (size_t i = 0; i < items.size(); ++i) {
    if (!IsStr(items[i])) {
      return RaiseF(g_exc.TypeError,
                    "sequence item %d: expected str instance, %s found", i,
                    TypeName(items[i]));
    }
    total += AsStr(items[i])->view().size() + sep.size();
  }
  std::string out;
  out.reserve(total);
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out.append(sep);
    out.append(AsStr(items[i])->view());
  }
  return NewStr(out);
}

// ---- Stripping and padding ------------------------------------------------

enum StripKind { kLeft = 1, kRight = 2, kBoth = 3 };

template <int kKind>
Value StrStrip(Value* args, size_t nargs, TupleObject* kw) {
  const char* name = kKind == kBoth   ? "strip"
                     : kKind == kLeft ? "lstrip"
                                      : "rstrip";
  const char* qual = kKind == kBoth   ? "str.strip"
                     : kKind == kLeft ? "str.lstrip"
                                      : "str.rstrip";
  size_t npos = NumPositional(nargs, kw);
  if (!CheckClinicArgs(qual, name, npos, kw, 0, 1)) return Value();
  std::u32string chars;
  bool whitespace = npos == 0 || args[1].is_none();
  if (!whitespace) {
    if (!IsStr(args[1])) {
      return RaiseF(g_exc.TypeError, "%s arg must be None or str", name);
    }
    chars = CodePoints(AsStr(args[1])->view());
  }
  auto strip_it = [&](uint32_t cp) {
    return whitespace ? IsSpace(cp) : chars.find(cp) != std::u32string::npos;
  };
  std::string_view s = AsStr(args[0])->view();
  size_t begin = 0, end = s.size();
  if (kKind & kLeft) {
    while (begin < end) {
      size_t j = begin;
      if (!strip_it(DecodeUtf8(s, &j))) break;
      begin = j;
    }
  }
  if (kKind & kRight) {
    while (end > begin) {
      size_t j = end;
      if (!strip_it(DecodeUtf8Before(s, &j))) break;
      end = j;
    }
  }
  if (begin == 0 && end == s.size()) return Unchanged(args[0]);
  return NewStr(s.substr(begin, end - begin));
}

// Parses (width[, fillchar]) for center/ljust/rjust.
bool ParsePadArgs(const char* qual, const char* name, Value* args, size_t nargs,
                  TupleObject* kw, int64_t* width, std::string* fill) {
  size_t npos = NumPositional(nargs, kw);
  if (!CheckClinicArgs(qual, name, npos, kw, 1, 2)) return false;
  if (args[1].is_float()) {
    Raise(g_exc.TypeError,
          "'float' object cannot be interpreted as an integer");
    return false;
  }
  if (!SsizeArg(args[1], width)) return false;
  *fill = " ";
  if (npos > 1) {
    if (!IsStr(args[2])) {
      RaiseF(g_exc.TypeError,
             "The fill character must be a unicode character, not %s",
             TypeName(args[2]));
      return false;
    }
    if (AsStr(args[2])->length() != 1) {
      Raise(g_exc.TypeError,
            "The fill character must be exactly one character long");
      return false;
    }
    *fill = AsStr(args[2])->str();
  }
  return true;
}

Value Pad(const Value& self, int64_t left, int64_t right,
          const std::string& fill) {
  std::string out;
  for (int64_t i = 0; i < left; ++i) out.append(fill);
  out.append(AsStr(self)->view());
  for (int64_t i = 0; i < right; ++i) out.append(fill);
  return NewStr(out);
}

enum class PadKind { kCenter, kLeft, kRight };

template <PadKind kKind>
Value StrPad(Value* args, size_t nargs, TupleObject* kw) {
  const char* name = kKind == PadKind::kCenter ? "center"
                     : kKind == PadKind::kLeft ? "ljust"
                                               : "rjust";
  const char* qual = kKind == PadKind::kCenter ? "str.center"
                     : kKind == PadKind::kLeft ? "str.ljust"
                                               : "str.rjust";
  int64_t width;
  std::string fill;
  if (!ParsePadArgs(qual, name, args, nargs, kw, &width, &fill)) return Value();
  int64_t len = AsStr(args[0])->length();
  if (len >= width) return Unchanged(args[0]);
  int64_t marg = width - len;
  switch (kKind) {
    case PadKind::kCenter: {
      // CPython's rounding: the extra space goes left when width is odd.
      int64_t left = marg / 2 + (marg & width & 1);
      return Pad(args[0], left, marg - left, fill);
    }
    case PadKind::kLeft:
      return Pad(args[0], 0, marg, fill);
    case PadKind::kRight:
      return Pad(args[0], marg, 0, fill);
  }
  return Value();
}

Value StrZFill(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("str.zfill", NumPositional(nargs, kw), kw, 1, 1))
    return Value();
  int64_t width;
  if (args[1].is_float()) {
    return Raise(g_exc.TypeError,
                 "'float' object cannot be interpreted as an integer");
  }
  if (!SsizeArg(args[1], &width)) return Value();
  std::string_view s = AsStr(args[0])->view();
  int64_t len = AsStr(args[0])->length();
  if (len >= width) return Unchanged(args[0]);
  std::string out(static_cast<size_t>(width - len), '0');
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    out[0] = s[0];
    out.push_back('0');
    out.append(s.substr(1));
  } else {
    out.append(s);
  }
  return NewStr(out);
}

Value StrExpandTabs(Value* args, size_t nargs, TupleObject* kw) {
  Value parsed[1];
  if (!ParseKeywordArgs("expandtabs", args + 1, nargs - 1, kw, {"tabsize"},
                        parsed)) {
    return Value();
  }
  int64_t tabsize = 8;
  if (!parsed[0].is_null()) {
    if (parsed[0].is_float()) {
      return Raise(g_exc.TypeError,
                   "'float' object cannot be interpreted as an integer");
    }
    if (!CIntArg(parsed[0], &tabsize)) return Value();
  }
  std::string_view s = AsStr(args[0])->view();
  if (s.find('\t') == std::string_view::npos) return Unchanged(args[0]);
  std::string out;
  int64_t column = 0;
  for (size_t i = 0; i < s.size();) {
    size_t j = i;
    uint32_t cp = DecodeUtf8(s, &j);
    if (cp == '\t') {
      if (tabsize > 0) {
        int64_t incr = tabsize - (column % tabsize);
        column += incr;
        out.append(static_cast<size_t>(incr), ' ');
      }
    } else {
      ++column;
      out.append(s.substr(i, j - i));
      if (cp == '\n' || cp == '\r') column = 0;
    }
    i = j;
  }
  return NewStr(out);
}

template <bool kSuffix>
Value StrRemoveAffix(Value* args, size_t nargs, TupleObject* kw) {
  const char* name = kSuffix ? "removesuffix" : "removeprefix";
  if (!CheckArgs(kSuffix ? "str.removesuffix" : "str.removeprefix",
                 NumPositional(nargs, kw), kw, 1, 1)) {
    return Value();
  }
  if (!IsStr(args[1])) {
    return RaiseF(g_exc.TypeError, "%s() argument must be str, not %s", name,
                  TypeName(args[1]));
  }
  std::string_view s = AsStr(args[0])->view();
  std::string_view affix = AsStr(args[1])->view();
  if (!affix.empty() && s.size() >= affix.size()) {
    if (!kSuffix && s.substr(0, affix.size()) == affix) {
      return NewStr(s.substr(affix.size()));
    }
    if (kSuffix && s.substr(s.size() - affix.size()) == affix) {
      return NewStr(s.substr(0, s.size() - affix.size()));
    }
  }
  return Unchanged(args[0]);
}

// ---- Case mapping -----------------------------------------------------------

// Σ lowers to ς at the end of a word (CPython's handle_capital_sigma).
uint32_t LowerSigma(const std::u32string& cps, size_t i) {
  int64_t j = static_cast<int64_t>(i) - 1;
  while (j >= 0 && uni::Has(cps[j], uni::kCaseIgnorable)) --j;
  bool final_sigma = j >= 0 && uni::Has(cps[j], uni::kCased);
  if (final_sigma && i + 1 < cps.size()) {
    size_t k = i + 1;
    while (k < cps.size() && uni::Has(cps[k], uni::kCaseIgnorable)) ++k;
    final_sigma = k == cps.size() || !uni::Has(cps[k], uni::kCased);
  }
  return final_sigma ? 0x3C2 : 0x3C3;
}

void AppendLowerAt(std::string* out, const std::u32string& cps, size_t i) {
  if (cps[i] == 0x3A3) {
    AppendUtf8(out, LowerSigma(cps, i));
  } else {
    uni::AppendLower(out, cps[i]);
  }
}

enum class CaseOp { kUpper, kLower, kCapitalize, kTitle, kSwapCase, kCaseFold };

template <CaseOp kOp>
Value StrCase(Value* args, size_t nargs, TupleObject* kw) {
  static const char* const kNames[] = {"str.upper",      "str.lower",
                                       "str.capitalize", "str.title",
                                       "str.swapcase",   "str.casefold"};
  if (!CheckArgs(kNames[static_cast<int>(kOp)], NumPositional(nargs, kw), kw, 0,
                 0)) {
    return Value();
  }
  StrObject* s = AsStr(args[0]);
  std::string out;
  out.reserve(s->view().size());
  if (s->is_ascii() && (kOp == CaseOp::kUpper || kOp == CaseOp::kLower ||
                        kOp == CaseOp::kCaseFold)) {
    for (char c : s->view()) {
      if (kOp == CaseOp::kUpper) {
        out.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c);
      } else {
        out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
      }
    }
    return NewStr(out);
  }
  std::u32string cps = CodePoints(s->view());
  bool previous_is_cased = false;
  for (size_t i = 0; i < cps.size(); ++i) {
    uint32_t c = cps[i];
    switch (kOp) {
      case CaseOp::kUpper:
        uni::AppendUpper(&out, c);
        break;
      case CaseOp::kLower:
        AppendLowerAt(&out, cps, i);
        break;
      case CaseOp::kCaseFold:
        uni::AppendCasefold(&out, c);
        break;
      case CaseOp::kCapitalize:
        if (i == 0) {
          uni::AppendTitle(&out, c);
        } else {
          AppendLowerAt(&out, cps, i);
        }
        break;
      case CaseOp::kTitle:
        if (previous_is_cased) {
          AppendLowerAt(&out, cps, i);
        } else {
          uni::AppendTitle(&out, c);
        }
        previous_is_cased = uni::Has(c, uni::kCased);
        break;
      case CaseOp::kSwapCase:
        if (uni::Has(c, uni::kUpper)) {
          AppendLowerAt(&out, cps, i);
        } else if (uni::Has(c, uni::kLower)) {
          uni::AppendUpper(&out, c);
        } else {
          AppendUtf8(&out, c);
        }
        break;
    }
  }
  return NewStr(out);
}

// ---- Predicates -------------------------------------------------------------

enum class Pred {
  kDigit,
  kAlpha,
  kAlnum,
  kSpace,
  kUpper,
  kLower,
  kIdentifier,
  kNumeric,
  kDecimal,
  kPrintable,
  kTitle,
  kAscii,
};

bool TestString(Pred p, const std::u32string& cps) {
  auto all = [&](auto test) {
    for (uint32_t c : cps) {
      if (!test(c)) return false;
    }
    return true;
  };
  switch (p) {
    case Pred::kDigit:
      return !cps.empty() &&
             all([](uint32_t c) { return uni::Has(c, uni::kDigit); });
    case Pred::kAlpha:
      return !cps.empty() &&
             all([](uint32_t c) { return uni::Has(c, uni::kAlpha); });
    case Pred::kAlnum:
      return !cps.empty() && all([](uint32_t c) {
        return (uni::Flags(c) & (uni::kAlpha | uni::kDecimal | uni::kDigit |
                                 uni::kNumeric)) != 0;
      });
    case Pred::kSpace:
      return !cps.empty() && all(IsSpace);
    case Pred::kNumeric:
      return !cps.empty() &&
             all([](uint32_t c) { return uni::Has(c, uni::kNumeric); });
    case Pred::kDecimal:
      return !cps.empty() &&
             all([](uint32_t c) { return uni::Has(c, uni::kDecimal); });
    case Pred::kPrintable:
      return all([](uint32_t c) { return IsPrintable(c); });
    case Pred::kAscii:
      return all([](uint32_t c) { return c < 128; });
    case Pred::kIdentifier:
      if (cps.empty() || !uni::Has(cps[0], uni::kXidStart)) return false;
      for (size_t i = 1; i < cps.size(); ++i) {
        if (!uni::Has(cps[i], uni::kXidContinue)) return false;
      }
      return true;
    case Pred::kUpper:
    case Pred::kLower: {
      uint32_t want = p == Pred::kUpper ? uni::kUpper : uni::kLower;
      uint32_t other = p == Pred::kUpper ? uni::kLower : uni::kUpper;
      bool cased = false;
      for (uint32_t c : cps) {
        uint32_t f = uni::Flags(c);
        if (f & (other | uni::kTitle)) return false;
        if (f & want) cased = true;
      }
      return cased;
    }
    case Pred::kTitle: {
      bool cased = false, previous_is_cased = false;
      for (uint32_t c : cps) {
        uint32_t f = uni::Flags(c);
        if (f & (uni::kUpper | uni::kTitle)) {
          if (previous_is_cased) return false;
          previous_is_cased = cased = true;
        } else if (f & uni::kLower) {
          if (!previous_is_cased) return false;
          previous_is_cased = cased = true;
        } else {
          previous_is_cased = false;
        }
      }
      return cased;
    }
  }
  return false;
}

template <Pred kPred>
Value StrPredicate(Value* args, size_t nargs, TupleObject* kw) {
  static const char* const kNames[] = {
      "str.isdigit",   "str.isalpha",     "str.isalnum",      "str.isspace",
      "str.isupper",   "str.islower",     "str.isidentifier", "str.isnumeric",
      "str.isdecimal", "str.isprintable", "str.istitle",      "str.isascii"};
  if (!CheckArgs(kNames[static_cast<int>(kPred)], NumPositional(nargs, kw), kw,
                 0, 0)) {
    return Value();
  }
  StrObject* s = AsStr(args[0]);
  if (kPred == Pred::kAscii) return Value::Bool(s->is_ascii());
  return Value::Bool(TestString(kPred, CodePoints(s->view())));
}

// ---- encode, maketrans, translate ---------------------------------------

Value StrEncode(Value* args, size_t nargs, TupleObject* kw) {
  Value parsed[2];
  if (!ParseKeywordArgs("encode", args + 1, nargs - 1, kw,
                        {"encoding", "errors"}, parsed)) {
    return Value();
  }
  for (int i = 0; i < 2; ++i) {
    if (!parsed[i].is_null() && !IsStr(parsed[i])) {
      return RaiseF(g_exc.TypeError,
                    "encode() argument '%s' must be str, not %s",
                    i == 0 ? "encoding" : "errors", TypeName(parsed[i]));
    }
  }
  std::string_view encoding =
      parsed[0].is_null() ? "utf-8" : AsStr(parsed[0])->view();
  std::string_view errors =
      parsed[1].is_null() ? "strict" : AsStr(parsed[1])->view();
  std::string out;
  if (!EncodeText(AsStr(args[0])->view(), encoding, errors, &out)) {
    return Value();
  }
  return BytesObject::New(std::move(out));
}

Value StrMakeTrans(Value* args, size_t nargs, TupleObject* kw) {
  // A staticmethod: no receiver in args.
  size_t npos = nargs - KwCount(kw);
  if (!CheckClinicArgs("str.maketrans", "maketrans", npos, kw, 1, 3)) {
    return Value();
  }
  Value result = DictObject::New();
  DictObject* d = As<DictObject>(result);
  if (npos == 1) {
    if (!IsObjectOf(args[0], g_types.dict)) {
      return Raise(
          g_exc.TypeError,
          "if you give only one argument to maketrans it must be a dict");
    }
    DictObject* src = As<DictObject>(args[0]);
    const DictObject::Entry* e;
    for (size_t pos = 0; src->Next(&pos, &e);) {
      Value key = e->key;
      if (IsStr(key)) {
        if (AsStr(key)->length() != 1) {
          return Raise(g_exc.ValueError,
                       "string keys in translate table must be of length 1");
        }
        size_t i = 0;
        key = Value::Int(DecodeUtf8(AsStr(key)->view(), &i));
      } else if (!IsObjectOf(key, g_types.int_) && !key.is_int() &&
                 !key.is_bool()) {
        return Raise(g_exc.TypeError,
                     "keys in translate table must be strings or integers");
      }
      if (!d->Set(key, e->value)) return Value();
    }
    return result;
  }
  for (size_t i = 0; i < npos; ++i) {
    if (!IsStr(args[i])) {
      return RaiseF(g_exc.TypeError,
                    "maketrans() argument %d must be str, not %s", i + 1,
                    TypeName(args[i]));
    }
  }
  std::u32string x = CodePoints(AsStr(args[0])->view());
  std::u32string y = CodePoints(AsStr(args[1])->view());
  if (x.size() != y.size()) {
    return Raise(g_exc.ValueError,
                 "the first two maketrans arguments must have equal length");
  }
  for (size_t i = 0; i < x.size(); ++i) {
    if (!d->Set(Value::Int(x[i]), Value::Int(y[i]))) return Value();
  }
  if (npos > 2) {
    for (uint32_t c : CodePoints(AsStr(args[2])->view())) {
      if (!d->Set(Value::Int(c), Value::None())) return Value();
    }
  }
  return result;
}

Value StrTranslate(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("str.translate", NumPositional(nargs, kw), kw, 1, 1)) {
    return Value();
  }
  const Value& table = args[1];
  std::string_view s = AsStr(args[0])->view();
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    size_t start = i;
    uint32_t cp = DecodeUtf8(s, &i);
    Value mapped = GetItem(table, Value::Int(cp));
    if (mapped.is_null()) {
      if (!ErrorMatches(g_exc.LookupError)) return Value();
      ClearError();
      out.append(s.substr(start, i - start));
      continue;
    }
    if (mapped.is_none()) continue;
    if (IsIntValue(mapped)) {
      BigInt v = ToBigInt(mapped);
      if (v.IsNegative() || !v.FitsInt64() || v.ToInt64() > 0x10FFFF) {
        return Raise(g_exc.ValueError,
                     "character mapping must be in range(0x110000)");
      }
      AppendUtf8(&out, static_cast<uint32_t>(v.ToInt64()));
    } else if (IsStr(mapped)) {
      out.append(AsStr(mapped)->view());
    } else {
      return Raise(g_exc.TypeError,
                   "character mapping must return integer, None or str");
    }
  }
  return NewStr(out);
}

}  // namespace

Value StrConcat(const Value& av, const Value& bv) {
  StrObject* a = AsStr(av);
  StrObject* b = AsStr(bv);
  if (b->view().empty() && IsExactType(av, g_types.str)) return av;
  if (a->view().empty() && IsExactType(bv, g_types.str)) return bv;
  std::string out;
  out.reserve(a->view().size() + b->view().size());
  out.append(a->view());
  out.append(b->view());
  return NewStr(out);
}

// ---- Iterator ---------------------------------------------------------------

Value NewStrIterator(const Value& str) {
  Value v = As<StrObject>(str)->is_ascii()
                ? NewIterator(IteratorObject::Kind::kStr, str)
                : NewNonAsciiStrIterator(str);
  if (v.is_null()) return v;
  auto* it = As<IteratorObject>(v);
  it->index = 0;
  it->aux = 0;
  return v;
}

Value StrIteratorNext(IteratorObject* it) {
  if (it->source.is_null()) return Value();
  StrObject* s = AsStr(it->source);
  size_t at = static_cast<size_t>(it->aux);
  if (at >= s->view().size()) {
    it->source = Value();
    it->exhausted = true;
    return Value();
  }
  ++it->index;
  unsigned char c = static_cast<unsigned char>(s->view()[at]);
  if (c < 0x80) {
    it->aux = static_cast<int64_t>(at + 1);
    return Value::FromObject(StrObject::Intern(s->view().substr(at, 1)));
  }
  size_t end = at;
  DecodeUtf8(s->view(), &end);
  it->aux = static_cast<int64_t>(end);
  return StrObject::New(s->view().substr(at, end - at));
}

void InitStrType() {
  TypeObject* str = g_types.str;
  str->set_new_fn(StrNewFn);
  DefMethod<StrType, StrReprMethod>("__repr__");
  DefMethod<StrType, StrStr>("__str__");
  DefMethod<StrType, StrHash>("__hash__");
  DefMethod<StrType, StrLen>("__len__");
  DefMethod<StrType, StrCompare<CompareOp::kEq>>("__eq__");
  DefMethod<StrType, StrCompare<CompareOp::kNe>>("__ne__");
  DefMethod<StrType, StrCompare<CompareOp::kLt>>("__lt__");
  DefMethod<StrType, StrCompare<CompareOp::kLe>>("__le__");
  DefMethod<StrType, StrCompare<CompareOp::kGt>>("__gt__");
  DefMethod<StrType, StrCompare<CompareOp::kGe>>("__ge__");
  DefMethod<StrType, StrGetItem>("__getitem__");
  DefMethod<StrType, StrContains>("__contains__");
  DefMethod<StrType, StrIter>("__iter__");
  DefMethod<StrType, StrAdd>("__add__");
  DefMethod<StrType, StrMul>("__mul__");
  DefMethod<StrType, StrMul>("__rmul__");
  DefMethod<StrType, StrFind<false, false>>("find");
  DefMethod<StrType, StrFind<true, false>>("rfind");
  DefMethod<StrType, StrFind<false, true>>("index");
  DefMethod<StrType, StrFind<true, true>>("rindex");
  DefMethod<StrType, StrCount>("count");
  DefMethod<StrType, StrStartsWith<false>>("startswith");
  DefMethod<StrType, StrStartsWith<true>>("endswith");
  DefMethod<StrType, StrReplace>("replace");
  DefMethod<StrType, StrSplit>("split");
  DefMethod<StrType, StrRSplit>("rsplit");
  DefMethod<StrType, StrSplitLines>("splitlines");
  DefMethod<StrType, StrPartition<false>>("partition");
  DefMethod<StrType, StrPartition<true>>("rpartition");
  DefMethod<StrType, StrJoin>("join");
  DefMethod<StrType, StrStrip<kBoth>>("strip");
  DefMethod<StrType, StrStrip<kLeft>>("lstrip");
  DefMethod<StrType, StrStrip<kRight>>("rstrip");
  DefMethod<StrType, StrPad<PadKind::kCenter>>("center");
  DefMethod<StrType, StrPad<PadKind::kLeft>>("ljust");
  DefMethod<StrType, StrPad<PadKind::kRight>>("rjust");
  DefMethod<StrType, StrZFill>("zfill");
  DefMethod<StrType, StrExpandTabs>("expandtabs");
  DefMethod<StrType, StrRemoveAffix<false>>("removeprefix");
  DefMethod<StrType, StrRemoveAffix<true>>("removesuffix");
  DefMethod<StrType, StrCase<CaseOp::kUpper>>("upper");
  DefMethod<StrType, StrCase<CaseOp::kLower>>("lower");
  DefMethod<StrType, StrCase<CaseOp::kCapitalize>>("capitalize");
  DefMethod<StrType, StrCase<CaseOp::kTitle>>("title");
  DefMethod<StrType, StrCase<CaseOp::kSwapCase>>("swapcase");
  DefMethod<StrType, StrCase<CaseOp::kCaseFold>>("casefold");
  DefMethod<StrType, StrPredicate<Pred::kDigit>>("isdigit");
  DefMethod<StrType, StrPredicate<Pred::kAlpha>>("isalpha");
  DefMethod<StrType, StrPredicate<Pred::kAlnum>>("isalnum");
  DefMethod<StrType, StrPredicate<Pred::kSpace>>("isspace");
  DefMethod<StrType, StrPredicate<Pred::kUpper>>("isupper");
  DefMethod<StrType, StrPredicate<Pred::kLower>>("islower");
  DefMethod<StrType, StrPredicate<Pred::kIdentifier>>("isidentifier");
  DefMethod<StrType, StrPredicate<Pred::kNumeric>>("isnumeric");
  DefMethod<StrType, StrPredicate<Pred::kDecimal>>("isdecimal");
  DefMethod<StrType, StrPredicate<Pred::kPrintable>>("isprintable");
  DefMethod<StrType, StrPredicate<Pred::kTitle>>("istitle");
  DefMethod<StrType, StrPredicate<Pred::kAscii>>("isascii");
  DefMethod<StrType, StrEncode>("encode");
  DefMethod<StrType, StrTranslate>("translate");
  AddStaticMethod(str, "maketrans", StrMakeTrans);
  InitStrFormatMethods();
}

}  // namespace minidynamo
