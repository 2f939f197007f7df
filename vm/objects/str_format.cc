// str's formatting: `format % args` (printf style, also for bytes), str.format
// and format_map (PEP 3101, parsed as CPython's unicode_format.h does), and
// str.__format__. Layout of individual values comes from vm/format.

#include "absl/strings/str_format.h"

#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
#include "vm/core/builtin_types.h"
#include "vm/core/errors.h"
#include "vm/format/format_str.h"
#include "vm/format/percent_format.h"
#include "vm/format/unicode_tables.h"
#include "vm/interp/ops.h"
#include "vm/objects/bytes.h"
#include "vm/objects/bytes_internal.h"
#include "vm/objects/container_api.h"
#include "vm/objects/dict.h"
#include "vm/objects/method_util.h"
#include "vm/objects/number.h"
#include "vm/objects/str.h"
#include "vm/objects/str_internal.h"
#include "vm/objects/tuple.h"

namespace minidynamo {

void InitStrFormatMethods();

namespace {

using str_internal::AsStr;
using str_internal::IsStr;

// format(v, spec) through v.__format__, checking the result (PyObject_Format).
Value FormatObject(const Value& v, std::string_view spec) {
  if (IsExactType(v, g_types.str)) {
    absl::StatusOr<std::string> r = FormatStr(AsStr(v)->view(), spec);
    if (!r.ok())
      return Raise(g_exc.ValueError, std::string(r.status().message()));
    return StrObject::New(*r);
  }
  static StrObject* format = Intern("__format__");
  Value arg = StrObject::New(spec);
  Value r = CallSpecial(v, format, &arg, 1);
  if (r.is_null()) {
    if (!ErrorOccurred()) {
      return RaiseF(g_exc.TypeError, "Type %s doesn't define __format__",
                    TypeName(v));
    }
    return r;
  }
  if (!IsStr(r)) {
    return RaiseF(g_exc.TypeError, "__format__ must return a str, not %s",
                  TypeName(r));
  }
  return r;
}

// ---- printf-style formatting ----------------------------------------------

class PercentFormatter {
 public:
  // `bytes_mode`: bytes % args (%b, byte-sized %c and %s, bytes result).
  PercentFormatter(std::string_view format, const Value& args, bool bytes_mode)
      : format_(format), args_(args), bytes_(bytes_mode) {
    if (IsObjectOf(args, g_types.tuple)) {
      arglen_ = static_cast<int64_t>(As<TupleObject>(args)->size());
      argidx_ = 0;
    } else {
      arglen_ = -1;
      argidx_ = -2;
    }
    // Anything subscriptable but a tuple or the format's own type (for bytes
    // also str and bytearray, as CPython's _PyBytes_FormatEx) can serve
    // %(key)s; any other single argument must be consumed.
    static StrObject* getitem = Intern("__getitem__");
    bool own_type = bytes_ ? IsObjectOf(args, g_types.bytes) || IsStr(args) ||
                                 ByteArrayBuffer(args) != nullptr
                           : IsStr(args);
    if (args.is_object() && !IsObjectOf(args, g_types.tuple) && !own_type &&
        !TypeOf(args)->Lookup(getitem).is_null()) {
      dict_ = args;
    }
  }

  Value Run() {
    std::string out;
    size_t pos = 0;
    while (pos < format_.size()) {
      size_t pct = format_.find('%', pos);
      if (pct == std::string_view::npos) {
        out.append(format_.substr(pos));
        break;
      }
      out.append(format_.substr(pos, pct - pos));
      if (!Directive(pct, &out, &pos)) return Value();
    }
    if (argidx_ < arglen_ && dict_.is_null()) {
      return RaiseF(g_exc.TypeError,
                    "not all arguments converted during %s formatting",
                    bytes_ ? "bytes" : "string");
    }
    if (bytes_) return BytesObject::New(std::move(out));
    return StrObject::New(out);
  }

 private:
  Value NextArg() {
    if (argidx_ < arglen_) {
      int64_t i = argidx_++;
      if (arglen_ < 0) return cur_args();
      return As<TupleObject>(cur_args())->get(static_cast<size_t>(i));
    }
    return Raise(g_exc.TypeError, "not enough arguments for format string");
  }

  const Value& cur_args() const {
    return key_value_.is_null() ? args_ : key_value_;
  }

  // %(key): looks the key up before the rest of the directive is parsed, as
  // CPython does; the value then stands in for the arguments.
  bool LookupKey(size_t pct) {
    if (pct + 1 >= format_.size() || format_[pct + 1] != '(') return true;
    int depth = 1;
    size_t p = pct + 2;
    const size_t start = p;
    while (depth > 0 && p < format_.size()) {
      if (format_[p] == ')') --depth;
      if (format_[p] == '(') ++depth;
      ++p;
    }
    if (depth > 0) return true;  // ParsePercentSpec reports it.
    if (dict_.is_null()) {
      Raise(g_exc.TypeError, "format requires a mapping");
      return false;
    }
    std::string_view key_text = format_.substr(start, p - 1 - start);
    Value key = bytes_ ? BytesObject::New(std::string(key_text))
                       : StrObject::New(key_text);
    Value v = GetItem(dict_, key);
    if (v.is_null()) return false;
    key_value_ = std::move(v);
    arglen_ = -1;
    argidx_ = -2;
    return true;
  }

  bool Directive(size_t pct, std::string* out, size_t* pos) {
    if (!LookupKey(pct)) return false;
    StarArgument star = [this]() -> absl::StatusOr<int64_t> {
      Value v = NextArg();
      if (v.is_null()) return absl::CancelledError("raised");
      if (!v.is_int() && !v.is_bool() && !IsIntValue(v)) {
        Raise(g_exc.TypeError, "* wants int");
        return absl::CancelledError("raised");
      }
      int64_t n;
      if (!AsIndex(v, &n)) return absl::CancelledError("raised");
      return n;
    };
    absl::StatusOr<PercentSpec> parsed = ParsePercentSpec(format_, pct, star);
    if (!parsed.ok()) {
      if (!ErrorOccurred()) {
        Raise(g_exc.ValueError, std::string(parsed.status().message()));
      }
      return false;
    }
    const PercentSpec& spec = *parsed;
    *pos = spec.end;
    if (spec.conversion == '%' && spec.end == pct + 2) {
      out->push_back('%');
      return true;
    }
    Value v = NextArg();
    if (v.is_null()) return false;
    bool ok = true;
    if (!bytes_ && IsPlain(spec) && AppendPlain(spec.conversion, v, out, &ok)) {
      return ok;
    }
    if (bytes_) {
      switch (spec.conversion) {
        case 'b':
        case 's':
          return FormatBytesArg(spec, v, out);
        case 'c':
          return FormatByte(spec, v, out);
        case 'r':
        case 'a': {
          Value text = Ascii(v);
          if (text.is_null()) return false;
          out->append(PercentFormatText(spec, AsStr(text)->view()));
          return true;
        }
        default:
          break;
      }
    }
    switch (spec.conversion) {
      case 's':
      case 'r':
      case 'a': {
        Value text = spec.conversion == 's'   ? Str(v)
                     : spec.conversion == 'r' ? Repr(v)
                                              : Ascii(v);
        if (text.is_null()) return false;
        out->append(PercentFormatText(spec, AsStr(text)->view()));
        return true;
      }
      case 'c':
        return FormatChar(spec, v, out);
      case 'd':
      case 'i':
      case 'u':
      case 'o':
      case 'x':
      case 'X':
        return FormatInteger(spec, v, out);
      case 'e':
      case 'E':
      case 'f':
      case 'F':
      case 'g':
      case 'G': {
        double d;
        if (!AsDouble(v, &d)) return false;
        out->append(PercentFormatFloat(spec, d));
        return true;
      }
      default:
        if (bytes_) {
          // The index is in bytes, and the character one byte.
          unsigned char c = static_cast<unsigned char>(format_[spec.end - 1]);
          RaiseF(g_exc.ValueError,
                 "unsupported format character '%c' (0x%x) at index %d",
                 c >= 32 && c < 127 ? static_cast<char>(c) : '?', c,
                 spec.end - 1);
          return false;
        }
        Raise(g_exc.ValueError, UnsupportedFormatCharacterMessage(spec));
        return false;
    }
  }

  // No flags, width or precision: the converted text is the output.
  static bool IsPlain(const PercentSpec& spec) {
    return spec.width < 0 && spec.precision < 0 && !spec.left_adjust &&
           !spec.plus && !spec.blank && !spec.alternate && !spec.zero;
  }

  // The common plain directives of str formatting: %s and %r of anything,
  // %d and %i of a small int, written straight into `out` (no spec layout,
  // no intermediate strings). Returns whether it handled the directive, with
  // *ok false when the conversion raised; false (nothing written, nothing
  // called) sends the directive down the general path.
  static bool AppendPlain(char32_t conversion, const Value& v, std::string* out,
                          bool* ok) {
    const bool text = conversion == 's' || conversion == 'r';
    if (v.is_int() && (text || conversion == 'd' || conversion == 'i')) {
      absl::StrAppend(out, v.as_int());
      return true;
    }
    if (!text) return false;
    Value converted = conversion == 's' ? Str(v) : Repr(v);
    if (converted.is_null()) {
      *ok = false;
      return true;
    }
    out->append(AsStr(converted)->view());
    return true;
  }

  // Width and precision in bytes (PercentFormatText counts code points).
  static void AppendPadded(const PercentSpec& spec, std::string_view text,
                           std::string* out) {
    if (spec.precision >= 0 &&
        static_cast<size_t>(spec.precision) < text.size()) {
      text = text.substr(0, static_cast<size_t>(spec.precision));
    }
    size_t pad = spec.width > static_cast<int64_t>(text.size())
                     ? static_cast<size_t>(spec.width) - text.size()
                     : 0;
    if (!spec.left_adjust) out->append(pad, ' ');
    out->append(text);
    if (spec.left_adjust) out->append(pad, ' ');
  }

  // %s / %b of bytes formatting: bytes, bytearray, or __bytes__.
  bool FormatBytesArg(const PercentSpec& spec, const Value& v,
                      std::string* out) {
    if (IsObjectOf(v, g_types.bytes)) {
      AppendPadded(spec, As<BytesObject>(v)->view(), out);
      return true;
    }
    if (const std::string* buf = ByteArrayBuffer(v)) {
      AppendPadded(spec, *buf, out);
      return true;
    }
    static StrObject* bytes_hook = Intern("__bytes__");
    Value r = IsStr(v) ? Value() : CallSpecial(v, bytes_hook, nullptr, 0);
    if (r.is_null()) {
      if (ErrorOccurred()) return false;
      RaiseF(g_exc.TypeError,
             "%%b requires a bytes-like object, or an object that implements "
             "__bytes__, not '%s'",
             TypeName(v));
      return false;
    }
    if (!IsObjectOf(r, g_types.bytes)) {
      RaiseF(g_exc.TypeError, "__bytes__ returned non-bytes (type %s)",
             TypeName(r));
      return false;
    }
    AppendPadded(spec, As<BytesObject>(r)->view(), out);
    return true;
  }

  bool FormatByte(const PercentSpec& spec, const Value& v, std::string* out) {
    char byte;
    const std::string* buf = ByteArrayBuffer(v);
    if (IsObjectOf(v, g_types.bytes) && As<BytesObject>(v)->size() == 1) {
      byte = As<BytesObject>(v)->data()[0];
    } else if (buf != nullptr && buf->size() == 1) {
      byte = (*buf)[0];
    } else if (IsIntValue(v)) {
      BigInt b = ToBigInt(v);
      if (b.IsNegative() || !b.FitsInt64() || b.ToInt64() > 255) {
        Raise(g_exc.OverflowError, "%c arg not in range(256)");
        return false;
      }
      byte = static_cast<char>(b.ToInt64());
    } else {
      Raise(g_exc.TypeError,
            "%c requires an integer in range(256) or a single byte");
      return false;
    }
    AppendPadded(spec, std::string_view(&byte, 1), out);
    return true;
  }

  bool FormatChar(const PercentSpec& spec, const Value& v, std::string* out) {
    std::string ch;
    if (IsStr(v)) {
      if (AsStr(v)->length() != 1) {
        Raise(g_exc.TypeError, "%c requires int or char");
        return false;
      }
      ch = AsStr(v)->str();
    } else if (IsIntValue(v)) {
      BigInt b = ToBigInt(v);
      if (b.IsNegative() || !b.FitsInt64() || b.ToInt64() > 0x10FFFF) {
        Raise(g_exc.OverflowError, "%c arg not in range(0x110000)");
        return false;
      }
      AppendUtf8(&ch, static_cast<uint32_t>(b.ToInt64()));
    } else {
      Raise(g_exc.TypeError, "%c requires int or char");
      return false;
    }
    out->append(PercentFormatText(spec, ch));
    return true;
  }

  bool FormatInteger(const PercentSpec& spec, const Value& v,
                     std::string* out) {
    bool needs_index = spec.conversion == 'o' || spec.conversion == 'x' ||
                       spec.conversion == 'X';
    Value n = v;
    if (!IsIntValue(v)) {
      bool ok = false;
      if (needs_index) {
        if (HasIndex(v)) {
          n = IndexValue(v);
          ok = !n.is_null();
        }
      } else if (v.is_float() || IsObjectOf(v, g_types.float_)) {
        ok = FloatToInt(v, &n);
        if (!ok) return false;
      } else {
        static StrObject* int_name = Intern("__int__");
        static StrObject* index_name = Intern("__index__");
        Value r = CallSpecial(v, int_name, nullptr, 0);
        if (r.is_null() && !ErrorOccurred())
          r = CallSpecial(v, index_name, nullptr, 0);
        if (!r.is_null()) {
          n = r;
          ok = IsIntValue(r);
        } else if (ErrorOccurred() && !ErrorMatches(g_exc.TypeError)) {
          return false;
        }
      }
      if (!ok) {
        if (ErrorOccurred() && !ErrorMatches(g_exc.TypeError)) return false;
        ClearError();
        RaiseF(g_exc.TypeError, "%%%c format: %s is required, not %s",
               static_cast<char>(spec.conversion),
               needs_index ? "an integer" : "a real number", TypeName(v));
        return false;
      }
    }
    if (n.is_int() || n.is_bool()) {
      out->append(PercentFormatInt64(spec, n.as_int()));
    } else {
      if (spec.conversion != 'x' && spec.conversion != 'X' &&
          spec.conversion != 'o' && !CheckIntStrDigits(n)) {
        return false;
      }
      BigInt b = ToBigInt(n);
      out->append(
          PercentFormatBigInt(spec, b.IsNegative(), b.Abs().ToString(10), 10));
    }
    return true;
  }

  // int(f) for %d of a float (or a float subclass instance).
  static bool FloatToInt(const Value& v, Value* out) {
    double d;
    if (v.is_float()) {
      d = v.as_float();
    } else {
      static StrObject* float_name = Intern("__float__");
      Value f = CallSpecial(v, float_name, nullptr, 0);
      if (f.is_null()) return false;
      d = f.is_float() ? f.as_float() : 0.0;
    }
    absl::StatusOr<BigInt> b = BigInt::FromDouble(d);
    if (!b.ok()) {
      TypeObject* type = std::isnan(d) ? g_exc.ValueError : g_exc.OverflowError;
      Raise(type, std::string(b.status().message()));
      return false;
    }
    *out = MakeInt(*b);
    return true;
  }

  static bool AsDouble(const Value& v, double* out) {
    if (v.is_float()) {
      *out = v.as_float();
      return true;
    }
    if (IsIntValue(v)) return ToDouble(v, out);
    static StrObject* float_name = Intern("__float__");
    Value f = CallSpecial(v, float_name, nullptr, 0);
    if (f.is_null()) {
      if (!ErrorOccurred()) {
        RaiseF(g_exc.TypeError, "must be real number, not %s", TypeName(v));
      }
      return false;
    }
    if (!f.is_float()) {
      RaiseF(g_exc.TypeError, "%s.__float__ returned non-float (type %s)",
             TypeName(v), TypeName(f));
      return false;
    }
    *out = f.as_float();
    return true;
  }

  std::string_view format_;
  Value args_;
  bool bytes_;
  Value dict_;
  Value key_value_;
  int64_t arglen_;
  int64_t argidx_;
};

// ---- str.format
// ---------------------------------------------------------------

enum class AutoNumberState { kInit, kAuto, kManual };

struct AutoNumber {
  AutoNumberState state = AutoNumberState::kInit;
  int64_t next = 0;
};

// The integer a field name part spells (Unicode decimal digits allowed), -1
// when it is not one; -2 with ValueError on overflow.
int64_t GetInteger(std::string_view s) {
  if (s.empty()) return -1;
  int64_t acc = 0;
  for (size_t i = 0; i < s.size();) {
    uint32_t cp = DecodeUtf8(s, &i);
    int d = cp < 128
                ? (cp >= '0' && cp <= '9' ? static_cast<int>(cp - '0') : -1)
                : DecimalDigitValue(cp);
    if (d < 0) return -1;
    if (acc > (INT64_MAX - d) / 10) {
      Raise(g_exc.ValueError, "Too many decimal digits in format string");
      return -2;
    }
    acc = acc * 10 + d;
  }
  return acc;
}

class Formatter {
 public:
  Formatter(const Value& args, const Value& kwargs)
      : args_(args), kwargs_(kwargs) {}

  // Formats `input`; null with an exception on error.
  bool Build(std::string_view input, int depth, std::string* out) {
    if (depth <= 0) {
      Raise(g_exc.ValueError, "Max string recursion exceeded");
      return false;
    }
    size_t pos = 0;
    while (pos < input.size()) {
      // Literal text up to a brace.
      size_t brace = input.find_first_of("{}", pos);
      if (brace == std::string_view::npos) {
        out->append(input.substr(pos));
        return true;
      }
      out->append(input.substr(pos, brace - pos));
      char c = input[brace];
      bool at_end = brace + 1 >= input.size();
      if (c == '}' && (at_end || input[brace + 1] != '}')) {
        Raise(g_exc.ValueError, "Single '}' encountered in format string");
        return false;
      }
      if (at_end && c == '{') {
        Raise(g_exc.ValueError, "Single '{' encountered in format string");
        return false;
      }
      if (input[brace + 1] == c) {  // "{{" or "}}"
        out->push_back(c);
        pos = brace + 2;
        continue;
      }
      pos = brace + 1;
      if (!Field(input, &pos, depth, out)) return false;
    }
    return true;
  }

 private:
  // Parses and renders the field starting after '{' (CPython's parse_field
  // and output_markup).
  bool Field(std::string_view input, size_t* pos, int depth, std::string* out) {
    size_t i = *pos;
    const size_t name_start = i;
    char c = 0;
    bool terminated = false;
    while (i < input.size()) {
      c = input[i++];
      if (c == '{') {
        Raise(g_exc.ValueError, "unexpected '{' in field name");
        return false;
      }
      if (c == '[') {
        // An item key may hold ':' or '!'.
        while (i < input.size() && input[i] != ']') ++i;
        continue;
      }
      if (c == '}' || c == ':' || c == '!') {
        terminated = true;
        break;
      }
    }
    if (!terminated) {
      Raise(g_exc.ValueError, "expected '}' before end of string");
      return false;
    }
    std::string_view name = input.substr(name_start, i - 1 - name_start);
    uint32_t conversion = 0;
    std::string_view spec;
    bool spec_needs_expanding = false;
    if (c == '!' || c == ':') {
      if (c == '!') {
        if (i >= input.size()) {
          Raise(g_exc.ValueError,
                "end of string while looking for conversion specifier");
          return false;
        }
        conversion = DecodeUtf8(input, &i);
        if (i < input.size()) {
          char next = input[i++];
          if (next == '}') {
            *pos = i;
            return Render(name, conversion, spec, false, depth, out);
          }
          if (next != ':') {
            Raise(g_exc.ValueError, "expected ':' after conversion specifier");
            return false;
          }
        }
      }
      const size_t spec_start = i;
      int count = 1;
      bool closed = false;
      while (i < input.size()) {
        char d = input[i++];
        if (d == '{') {
          spec_needs_expanding = true;
          ++count;
        } else if (d == '}') {
          if (--count == 0) {
            spec = input.substr(spec_start, i - 1 - spec_start);
            closed = true;
            break;
          }
        }
      }
      if (!closed) {
        Raise(g_exc.ValueError, "unmatched '{' in format spec");
        return false;
      }
    }
    *pos = i;
    return Render(name, conversion, spec, spec_needs_expanding, depth, out);
  }

  bool Render(std::string_view name, uint32_t conversion, std::string_view spec,
              bool spec_needs_expanding, int depth, std::string* out) {
    Value obj = FieldObject(name);
    if (obj.is_null()) return false;
    if (conversion != 0) {
      switch (conversion) {
        case 'r':
          obj = Repr(obj);
          break;
        case 's':
          obj = Str(obj);
          break;
        case 'a':
          obj = Ascii(obj);
          break;
        default:
          if (conversion > 32 && conversion < 127) {
            RaiseF(g_exc.ValueError, "Unknown conversion specifier %c",
                   static_cast<char>(conversion));
          } else {
            RaiseF(g_exc.ValueError, "Unknown conversion specifier \\x%x",
                   conversion);
          }
          return false;
      }
      if (obj.is_null()) return false;
    }
    std::string expanded;
    if (spec_needs_expanding) {
      if (!Build(spec, depth - 1, &expanded)) return false;
      spec = expanded;
    }
    Value r = FormatObject(obj, spec);
    if (r.is_null()) return false;
    out->append(AsStr(r)->view());
    return true;
  }

  Value FieldObject(std::string_view name) {
    // The first part runs to the first '.' or '['.
    size_t first_end = name.find_first_of(".[");
    if (first_end == std::string_view::npos) first_end = name.size();
    std::string_view first = name.substr(0, first_end);
    int64_t index = GetInteger(first);
    if (index == -2) return Value();
    bool empty = first.empty();
    bool numeric = empty || index != -1;
    if (numeric) {
      if (auto_.state == AutoNumberState::kInit) {
        auto_.state = empty ? AutoNumberState::kAuto : AutoNumberState::kManual;
      }
      if (auto_.state == AutoNumberState::kManual && empty) {
        return Raise(g_exc.ValueError,
                     "cannot switch from manual field specification to "
                     "automatic field numbering");
      }
      if (auto_.state == AutoNumberState::kAuto && !empty) {
        return Raise(g_exc.ValueError,
                     "cannot switch from automatic field numbering to manual "
                     "field specification");
      }
      if (empty) index = auto_.next++;
    }
    Value obj;
    if (index == -1) {
      Value key = StrObject::New(first);
      if (kwargs_.is_null()) return RaiseKeyError(key);
      if (IsExactType(kwargs_, g_types.dict)) {
        obj = As<DictObject>(kwargs_)->Get(key);
        if (obj.is_null())
          return ErrorOccurred() ? Value() : RaiseKeyError(key);
      } else {
        obj = GetItem(kwargs_, key);
        if (obj.is_null()) return obj;
      }
    } else {
      if (args_.is_null()) {
        return Raise(g_exc.ValueError,
                     "Format string contains positional fields");
      }
      auto* t = As<TupleObject>(args_);
      if (index >= static_cast<int64_t>(t->size())) {
        return RaiseF(g_exc.IndexError,
                      "Replacement index %d out of range for positional args "
                      "tuple",
                      index);
      }
      obj = t->get(static_cast<size_t>(index));
    }
    // The rest: .attr and [item] parts.
    size_t i = first_end;
    while (i < name.size()) {
      char c = name[i++];
      std::string_view part;
      bool is_attribute;
      if (c == '.') {
        is_attribute = true;
        size_t end = name.find_first_of(".[", i);
        if (end == std::string_view::npos) end = name.size();
        part = name.substr(i, end - i);
        i = end;
      } else if (c == '[') {
        is_attribute = false;
        size_t end = name.find(']', i);
        if (end == std::string_view::npos) {
          return Raise(g_exc.ValueError, "Missing ']' in format string");
        }
        part = name.substr(i, end - i);
        i = end + 1;
      } else {
        return Raise(
            g_exc.ValueError,
            "Only '.' or '[' may follow ']' in format field specifier");
      }
      int64_t item_index = -1;
      if (!is_attribute) {
        item_index = GetInteger(part);
        if (item_index == -2) return Value();
      }
      if (part.empty()) {
        return Raise(g_exc.ValueError, "Empty attribute in format string");
      }
      if (is_attribute) {
        obj = GetAttr(obj, StrObject::Intern(part));
      } else if (item_index == -1) {
        obj = GetItem(obj, StrObject::New(part));
      } else {
        obj = GetItem(obj, Value::Int(item_index));
      }
      if (obj.is_null()) return obj;
    }
    return obj;
  }

  Value args_;
  Value kwargs_;
  AutoNumber auto_;
};

Value FormatWith(const Value& self, const Value& args, const Value& kwargs) {
  Formatter f(args, kwargs);
  std::string out;
  // PEP 3101 allows two levels: "{0:{1}}" works, "{0:{1:{2}}}" does not.
  if (!f.Build(AsStr(self)->view(), 2, &out)) return Value();
  return StrObject::New(out);
}

// ---- Methods
// -----------------------------------------------------------------

Value StrFormat(Value* args, size_t nargs, TupleObject* kw) {
  size_t nkw = KwCount(kw);
  size_t npos = nargs - nkw - 1;
  Value pos_args = TupleObject::FromValues(args + 1, npos);
  Value kwargs;
  if (nkw > 0) {
    kwargs = DictObject::New();
    for (size_t k = 0; k < nkw; ++k) {
      if (!As<DictObject>(kwargs)->Set(kw->get(k), args[1 + npos + k])) {
        return Value();
      }
    }
  }
  return FormatWith(args[0], pos_args, kwargs);
}

Value StrFormatMap(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("str.format_map", NumPositional(nargs, kw), kw, 1, 1)) {
    return Value();
  }
  return FormatWith(args[0], Value(), args[1]);
}

Value StrDunderFormat(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("str.__format__", NumPositional(nargs, kw), kw, 1, 1)) {
    return Value();
  }
  if (!IsStr(args[1])) {
    return RaiseF(g_exc.TypeError, "__format__() argument must be str, not %s",
                  TypeName(args[1]));
  }
  absl::StatusOr<std::string> r =
      FormatStr(AsStr(args[0])->view(), AsStr(args[1])->view());
  if (!r.ok())
    return Raise(g_exc.ValueError, std::string(r.status().message()));
  return StrObject::New(*r);
}

Value StrMod(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckSlotArgs("__mod__", NumPositional(nargs, kw), kw, 1))
    return Value();
  return StrPercentFormat(args[0], args[1]);
}

}  // namespace

Value StrPercentFormat(const Value& format, const Value& args) {
  PercentFormatter f(AsStr(format)->view(), args, /*bytes_mode=*/false);
  return f.Run();
}

Value BytesPercentFormat(const Value& format, const Value& args) {
  PercentFormatter f(As<BytesObject>(format)->view(), args,
                     /*bytes_mode=*/true);
  return f.Run();
}

Value StrFormatMethod(const Value& format, const Value& args,
                      const Value& kwargs) {
  return FormatWith(format, args, kwargs);
}

Value Ascii(const Value& v) {
  Value r = Repr(v);
  if (r.is_null()) return r;
  StrObject* s = AsStr(r);
  if (s->is_ascii()) return r;
  std::string out;
  std::string_view text = s->view();
  for (size_t i = 0; i < text.size();) {
    uint32_t cp = DecodeUtf8(text, &i);
    if (cp < 0x80) {
      out.push_back(static_cast<char>(cp));
    } else if (cp < 0x100) {
      absl::StrAppendFormat(&out, "\\x%02x", cp);
    } else if (cp < 0x10000) {
      absl::StrAppendFormat(&out, "\\u%04x", cp);
    } else {
      absl::StrAppendFormat(&out, "\\U%08x", cp);
    }
  }
  return StrObject::New(out);
}

void InitStrFormatMethods() {
  DefMethod<StrType, StrFormat>("format");
  DefMethod<StrType, StrFormatMap>("format_map");
  DefMethod<StrType, StrDunderFormat>("__format__");
  DefMethod<StrType, StrMod>("__mod__");
}

}  // namespace minidynamo
