// The `re` module over RE2.
//
// Python's pattern syntax is mostly RE2's; what RE2 cannot do (backreferences,
// lookaround, possessive/atomic groups) is rejected with re.error naming the
// construct, rather than silently matching differently. Positions are code
// point indexes, as in Python; RE2 works on UTF-8 bytes, so offsets are
// converted. Iteration (findall, finditer, sub, split) follows Python 3.7+'s
// rule for empty matches: an empty match may not start where the previous match
// ended empty.

#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "re2/re2.h"
#include "vm/core/builtin_types.h"
#include "vm/core/errors.h"
#include "vm/interp/modules.h"
#include "vm/interp/ops.h"
#include "vm/objects/descriptor.h"
#include "vm/objects/dict.h"
#include "vm/objects/list.h"
#include "vm/objects/native.h"
#include "vm/objects/str.h"
#include "vm/objects/tuple.h"

namespace minidynamo {
namespace {

// Python's flag values.
constexpr int64_t kIgnoreCase = 2;
constexpr int64_t kMultiline = 8;
constexpr int64_t kDotAll = 16;
constexpr int64_t kVerbose = 64;
constexpr int64_t kAscii = 256;

TypeObject* g_pattern_type = nullptr;
TypeObject* g_match_type = nullptr;
TypeObject* g_error_type = nullptr;

class PatternObject : public Object {
 public:
  PatternObject(TypeObject* type, std::string pattern, int64_t flags)
      : Object(type), pattern(std::move(pattern)), flags(flags) {}
  std::string pattern;
  int64_t flags;
  std::unique_ptr<RE2> re;
};

class MatchObject : public Object {
 public:
  explicit MatchObject(TypeObject* type) : Object(type) {}
  Value pattern;  // PatternObject
  Value string;   // StrObject searched
  std::vector<int64_t>
      spans;  // start, end per group in code points; -1 if unset
  int64_t pos = 0, endpos = 0;

  void Traverse(GcVisitor& v) override {
    Object::Traverse(v);
    v.Visit(pattern);
    v.Visit(string);
  }
};

Value RaiseReError(const std::string& msg) { return Raise(g_error_type, msg); }

// Rewrites Python-only syntax into RE2's and rejects what RE2 lacks.
bool TranslatePattern(const std::string& p_in, int64_t flags, std::string* out,
                      std::string* error) {
  std::string p = p_in;
  // A leading inline (?a...) flag group: RE2 has no ASCII flag, we do.
  if (p.rfind("(?", 0) == 0) {
    size_t close = p.find(')');
    std::string f = close == std::string::npos ? "" : p.substr(2, close - 2);
    if (!f.empty() && f.find_first_not_of("aiLmsux") == std::string::npos &&
        f.find('a') != std::string::npos) {
      flags |= kAscii;
      f.erase(std::remove(f.begin(), f.end(), 'a'), f.end());
      p = (f.empty() ? "" : "(?" + f + ")") + p.substr(close + 1);
    }
  }
  // Python's \w, \d and \s match Unicode in str patterns; RE2's are ASCII.
  const bool unicode = !(flags & kAscii);
  std::string r;
  bool verbose = flags & kVerbose;
  bool in_class = false;
  for (size_t i = 0; i < p.size(); ++i) {
    char c = p[i];
    if (c == '\\' && i + 1 < p.size()) {
      char n = p[i + 1];
      if (!in_class && n >= '1' && n <= '9') {
        *error = "backreferences are not supported by RE2";
        return false;
      }
      if (n == 'Z') {
        r += "\\z";
      } else if (unicode && (n == 'w' || n == 'd' || n == 's')) {
        const char* cls = n == 'w'   ? "\\p{L}\\p{N}_"
                          : n == 'd' ? "\\p{Nd}"
                                     : "\\s\\p{Z}";
        r += in_class ? std::string(cls) : absl::StrCat("[", cls, "]");
      } else if (unicode && !in_class && (n == 'W' || n == 'D' || n == 'S')) {
        const char* cls = n == 'W'   ? "\\p{L}\\p{N}_"
                          : n == 'D' ? "\\p{Nd}"
                                     : "\\s\\p{Z}";
        r += absl::StrCat("[^", cls, "]");
      } else {
        r += c;
        r += n;
      }
      ++i;
      continue;
    }
    if (in_class) {
      if (c == ']') in_class = false;
      r += c;
      continue;
    }
    if (c == '[') {
      in_class = true;
      r += c;
      if (i + 1 < p.size() && p[i + 1] == '^') r += p[++i];
      if (i + 1 < p.size() && p[i + 1] == ']') r += p[++i];
      continue;
    }
    if (c == '(' && i + 2 < p.size() && p[i + 1] == '?') {
      char k = p[i + 2];
      if (k == '=' || k == '!') {
        *error = "lookahead assertions are not supported by RE2";
        return false;
      }
      if (k == '<' && i + 3 < p.size() &&
          (p[i + 3] == '=' || p[i + 3] == '!')) {
        *error = "lookbehind assertions are not supported by RE2";
        return false;
      }
      if (k == 'P' && i + 3 < p.size() && p[i + 3] == '=') {
        *error = "named backreferences are not supported by RE2";
        return false;
      }
      if (k == '>') {
        *error = "atomic groups are not supported by RE2";
        return false;
      }
      if (k == '#') {  // (?#comment)
        size_t close = p.find(')', i);
        if (close == std::string::npos) {
          *error = "missing ), unterminated comment";
          return false;
        }
        i = close;
        continue;
      }
    }
    if (verbose && (c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
                    c == '\f' || c == '\v')) {
      continue;
    }
    if (verbose && c == '#') {
      while (i < p.size() && p[i] != '\n') ++i;
      continue;
    }
    r += c;
  }
  std::string prefix;
  if (flags & kIgnoreCase) prefix += 'i';
  if (flags & kMultiline) prefix += 'm';
  if (flags & kDotAll) prefix += 's';
  *out = prefix.empty() ? r : absl::StrCat("(?", prefix, ")", r);
  return true;
}

// Code point index of a byte offset in UTF-8 text.
int64_t CpIndex(const StrObject* s, size_t byte) {
  if (s->is_ascii()) return static_cast<int64_t>(byte);
  return static_cast<int64_t>(CountCodePoints(s->view().substr(0, byte)));
}

std::vector<std::pair<std::pair<std::string, int64_t>, Value>>* PatternCache() {
  static auto* cache =
      new std::vector<std::pair<std::pair<std::string, int64_t>, Value>>();
  return cache;
}

Value CompilePattern(const Value& pattern, int64_t flags) {
  if (pattern.is_object() && pattern.as_object()->type() == g_pattern_type) {
    if (flags != 0) {
      return Raise(g_exc.ValueError,
                   "cannot process flags argument with a compiled pattern");
    }
    return pattern;
  }
  if (!IsInstance(pattern, g_types.str)) {
    return RaiseF(g_exc.TypeError,
                  "first argument must be string or compiled pattern");
  }
  // A small cache, as Python's re module keeps one: patterns in loops compile
  // once.
  std::vector<std::pair<std::pair<std::string, int64_t>, Value>>* cache =
      PatternCache();
  const std::string& text = As<StrObject>(pattern)->str();
  for (auto& [key, v] : *cache) {
    if (key.first == text && key.second == flags) return v;
  }
  std::string translated, error;
  if (!TranslatePattern(text, flags, &translated, &error))
    return RaiseReError(error);
  RE2::Options options;
  options.set_log_errors(false);
  auto* p =
      new PatternObject(g_pattern_type, text, flags | 32 /* re.UNICODE */);
  Value result = Value::Steal(p);
  if (flags & kAscii) p->flags &= ~int64_t{32};
  p->re = std::make_unique<RE2>(translated, options);
  if (!p->re->ok()) return RaiseReError(p->re->error());
  if (cache->size() >= 256) cache->clear();
  cache->push_back({{text, flags}, result});
  return result;
}

PatternObject* Pat(const Value& v) { return As<PatternObject>(v); }
MatchObject* Mat(const Value& v) { return As<MatchObject>(v); }

// Runs the pattern on `s` from byte `start`; fills `groups` (byte spans).
bool RunAt(PatternObject* p, const StrObject* s, size_t start, size_t end,
           RE2::Anchor anchor, std::vector<re2::StringPiece>* groups) {
  int n = 1 + p->re->NumberOfCapturingGroups();
  groups->assign(n, re2::StringPiece());
  re2::StringPiece text(s->str().data(), s->str().size());
  return p->re->Match(text, start, end, anchor, groups->data(), n);
}

Value MakeMatch(const Value& pattern, const Value& string,
                const std::vector<re2::StringPiece>& groups, int64_t pos,
                int64_t endpos) {
  auto* m = new MatchObject(g_match_type);
  Value result = Value::Steal(m);
  m->pattern = pattern;
  m->string = string;
  m->pos = pos;
  m->endpos = endpos;
  auto* s = As<StrObject>(string);
  const char* base = s->str().data();
  for (const auto& g : groups) {
    if (g.data() == nullptr) {
      m->spans.push_back(-1);
      m->spans.push_back(-1);
    } else {
      m->spans.push_back(CpIndex(s, g.data() - base));
      m->spans.push_back(CpIndex(s, g.data() - base + g.size()));
    }
  }
  return result;
}

size_t ByteOffset(const StrObject* s, int64_t cp) {
  if (cp <= 0) return 0;
  if (cp >= s->length()) return s->str().size();
  return s->ByteOffset(cp);
}

// pattern.match/search/fullmatch(string, pos=0, endpos=len)
Value DoMatch(const Value& pattern, Value* args, size_t nargs, TupleObject* kw,
              RE2::Anchor anchor, const char* name) {
  Value p[3];
  if (!ParseArgs(name, args, nargs, kw, {"string", "pos", "endpos"}, 1, p))
    return Value();
  if (!IsInstance(p[0], g_types.str)) {
    return RaiseF(g_exc.TypeError,
                  "expected string or bytes-like object, got '%s'",
                  TypeName(p[0]));
  }
  auto* s = As<StrObject>(p[0]);
  int64_t pos = 0, endpos = s->length();
  if (!p[1].is_null() && !AsIndex(p[1], &pos)) return Value();
  if (!p[2].is_null() && !AsIndex(p[2], &endpos)) return Value();
  pos = std::max<int64_t>(0, std::min(pos, s->length()));
  endpos = std::max<int64_t>(pos, std::min(endpos, s->length()));
  std::vector<re2::StringPiece> groups;
  if (!RunAt(Pat(pattern), s, ByteOffset(s, pos), ByteOffset(s, endpos), anchor,
             &groups)) {
    return Value::None();
  }
  return MakeMatch(pattern, p[0], groups, pos, endpos);
}

// Calls fn(match) for each match in Python's order; stops early if fn returns
// false.
template <typename Fn>
bool ForEachMatch(const Value& pattern, const Value& string, int64_t limit,
                  Fn fn) {
  auto* s = As<StrObject>(string);
  size_t n = s->str().size();
  size_t pos = 0;
  bool last_empty_at = false;
  size_t last_end = 0;
  int64_t count = 0;
  std::vector<re2::StringPiece> groups;
  while (pos <= n && (limit <= 0 || count < limit)) {
    if (!RunAt(Pat(pattern), s, pos, n, RE2::UNANCHORED, &groups)) break;
    size_t start = groups[0].data() - s->str().data();
    size_t end = start + groups[0].size();
    if (start == end && last_empty_at && start == last_end) {
      // An empty match where the previous one ended: advance one code point.
      if (pos >= n) break;
      size_t next = pos;
      DecodeUtf8(s->str(), &next);
      pos = next;
      last_empty_at = false;
      continue;
    }
    ++count;
    if (!fn(groups, start, end)) return false;
    last_empty_at = start == end;
    last_end = end;
    pos = end;
  }
  return true;
}

Value GroupValue(MatchObject* m, size_t g) {
  int64_t a = m->spans[2 * g], b = m->spans[2 * g + 1];
  if (a < 0) return Value::None();
  return As<StrObject>(m->string)->Slice(a, b, 1);
}

bool GroupIndex(MatchObject* m, const Value& g, size_t* out) {
  size_t n = m->spans.size() / 2;
  if (g.is_int() || g.is_bool()) {
    int64_t i = g.as_int();
    if (i < 0 || static_cast<size_t>(i) >= n) {
      Raise(g_exc.IndexError, "no such group");
      return false;
    }
    *out = static_cast<size_t>(i);
    return true;
  }
  if (IsInstance(g, g_types.str)) {
    const auto& names = Pat(m->pattern)->re->NamedCapturingGroups();
    auto it = names.find(As<StrObject>(g)->str());
    if (it == names.end()) {
      Raise(g_exc.IndexError, "no such group");
      return false;
    }
    *out = static_cast<size_t>(it->second);
    return true;
  }
  Raise(g_exc.IndexError, "no such group");
  return false;
}

// Expands a replacement template (\1, \g<name>, \n, ...) for one match.
bool ExpandTemplate(MatchObject* m, const std::string& repl, std::string* out) {
  for (size_t i = 0; i < repl.size(); ++i) {
    char c = repl[i];
    if (c != '\\' || i + 1 >= repl.size()) {
      out->push_back(c);
      continue;
    }
    char n = repl[++i];
    if (n >= '0' && n <= '9') {
      size_t g = n - '0';
      if (i + 1 < repl.size() && repl[i + 1] >= '0' && repl[i + 1] <= '9') {
        g = g * 10 + (repl[++i] - '0');
      }
      if (g >= m->spans.size() / 2) {
        RaiseReError(absl::StrCat("invalid group reference ", g));
        return false;
      }
      Value v = GroupValue(m, g);
      if (!v.is_none()) *out += As<StrObject>(v)->str();
      continue;
    }
    if (n == 'g' && i + 1 < repl.size() && repl[i + 1] == '<') {
      size_t close = repl.find('>', i);
      if (close == std::string::npos) {
        RaiseReError("missing >, unterminated name");
        return false;
      }
      std::string name = repl.substr(i + 2, close - i - 2);
      Value key = !name.empty() && isdigit(static_cast<unsigned char>(name[0]))
                      ? Value::Int(std::stoll(name))
                      : StrObject::New(name);
      size_t g;
      if (!GroupIndex(m, key, &g)) return false;
      Value v = GroupValue(m, g);
      if (!v.is_none()) *out += As<StrObject>(v)->str();
      i = close;
      continue;
    }
    switch (n) {
      case 'n':
        out->push_back('\n');
        break;
      case 't':
        out->push_back('\t');
        break;
      case 'r':
        out->push_back('\r');
        break;
      case '\\':
        out->push_back('\\');
        break;
      default:
        if (isalpha(static_cast<unsigned char>(n))) {
          RaiseReError(absl::StrCat("bad escape \\", std::string(1, n)));
          return false;
        }
        out->push_back('\\');
        out->push_back(n);
    }
  }
  return true;
}

Value DoSub(const Value& pattern, const Value& repl, const Value& string,
            int64_t count, bool with_count) {
  if (!IsInstance(string, g_types.str)) {
    return RaiseF(g_exc.TypeError,
                  "expected string or bytes-like object, got '%s'",
                  TypeName(string));
  }
  auto* s = As<StrObject>(string);
  std::string out;
  size_t last = 0;
  int64_t n = 0;
  bool callable = !IsInstance(repl, g_types.str);
  bool ok = ForEachMatch(
      pattern, string, count,
      [&](const auto& groups, size_t start, size_t end) {
        out.append(s->str(), last, start - last);
        Value m = MakeMatch(pattern, string, groups, 0, s->length());
        if (callable) {
          Value r = CallOneArg(repl, m);
          if (r.is_null()) return false;
          if (!IsInstance(r, g_types.str)) {
            RaiseF(g_exc.TypeError, "expected str instance, %s found",
                   TypeName(r));
            return false;
          }
          out += As<StrObject>(r)->str();
        } else if (!ExpandTemplate(Mat(m), As<StrObject>(repl)->str(), &out)) {
          return false;
        }
        last = end;
        ++n;
        return true;
      });
  if (!ok) return Value();
  out.append(s->str(), last, std::string::npos);
  Value result = StrObject::New(out);
  if (with_count) return TupleObject::Of({std::move(result), Value::Int(n)});
  return result;
}

Value DoSplit(const Value& pattern, const Value& string, int64_t maxsplit) {
  if (!IsInstance(string, g_types.str)) {
    return RaiseF(g_exc.TypeError,
                  "expected string or bytes-like object, got '%s'",
                  TypeName(string));
  }
  auto* s = As<StrObject>(string);
  Value list = ListObject::New();
  auto& items = As<ListObject>(list)->items();
  size_t last = 0;
  ForEachMatch(
      pattern, string, maxsplit,
      [&](const auto& groups, size_t start, size_t end) {
        items.push_back(StrObject::New(s->view().substr(last, start - last)));
        for (size_t g = 1; g < groups.size(); ++g) {
          items.push_back(groups[g].data() == nullptr
                              ? Value::None()
                              : StrObject::New(std::string(groups[g].data(),
                                                           groups[g].size())));
        }
        last = end;
        return true;
      });
  items.push_back(StrObject::New(s->view().substr(last)));
  return list;
}

Value DoFindall(const Value& pattern, const Value& string) {
  if (!IsInstance(string, g_types.str)) {
    return RaiseF(g_exc.TypeError,
                  "expected string or bytes-like object, got '%s'",
                  TypeName(string));
  }
  Value list = ListObject::New();
  auto& items = As<ListObject>(list)->items();
  auto piece = [](const re2::StringPiece& g) {
    return g.data() == nullptr
               ? StrObject::New("")
               : StrObject::New(std::string(g.data(), g.size()));
  };
  ForEachMatch(pattern, string, 0, [&](const auto& groups, size_t, size_t) {
    if (groups.size() == 1) {
      items.push_back(piece(groups[0]));
    } else if (groups.size() == 2) {
      items.push_back(piece(groups[1]));
    } else {
      std::vector<Value> t;
      for (size_t g = 1; g < groups.size(); ++g) t.push_back(piece(groups[g]));
      items.push_back(TupleObject::FromValues(t.data(), t.size()));
    }
    return true;
  });
  return list;
}

Value DoFinditer(const Value& pattern, const Value& string) {
  if (!IsInstance(string, g_types.str)) {
    return RaiseF(g_exc.TypeError,
                  "expected string or bytes-like object, got '%s'",
                  TypeName(string));
  }
  Value list = ListObject::New();
  int64_t len = As<StrObject>(string)->length();
  ForEachMatch(pattern, string, 0, [&](const auto& groups, size_t, size_t) {
    As<ListObject>(list)->items().push_back(
        MakeMatch(pattern, string, groups, 0, len));
    return true;
  });
  return GetIter(list);
}

// ---- Module-level functions: re.X(pattern, ..., flags=0)
// -----------------------

bool PatternAndFlags(const char* name, Value* args, size_t nargs,
                     TupleObject* kw, std::initializer_list<const char*> names,
                     size_t required, Value* out, Value* pattern) {
  if (!ParseArgs(name, args, nargs, kw, names, required, out)) return false;
  int64_t flags = 0;
  const Value& f = out[names.size() - 1];
  if (!f.is_null() && !AsIndex(f, &flags)) return false;
  *pattern = CompilePattern(out[0], flags);
  return !pattern->is_null();
}

Value ReCompile(Value* args, size_t nargs, TupleObject* kw) {
  Value p[2], pat;
  if (!PatternAndFlags("compile", args, nargs, kw, {"pattern", "flags"}, 1, p,
                       &pat)) {
    return Value();
  }
  return pat;
}

template <RE2::Anchor kAnchor>
Value ReMatchFn(Value* args, size_t nargs, TupleObject* kw) {
  Value p[3], pat;
  if (!PatternAndFlags("match", args, nargs, kw, {"pattern", "string", "flags"},
                       2, p, &pat)) {
    return Value();
  }
  Value s = p[1];
  return DoMatch(pat, &s, 1, nullptr, kAnchor, "match");
}

Value ReFindall(Value* args, size_t nargs, TupleObject* kw) {
  Value p[3], pat;
  if (!PatternAndFlags("findall", args, nargs, kw,
                       {"pattern", "string", "flags"}, 2, p, &pat)) {
    return Value();
  }
  return DoFindall(pat, p[1]);
}

Value ReFinditer(Value* args, size_t nargs, TupleObject* kw) {
  Value p[3], pat;
  if (!PatternAndFlags("finditer", args, nargs, kw,
                       {"pattern", "string", "flags"}, 2, p, &pat)) {
    return Value();
  }
  return DoFinditer(pat, p[1]);
}

template <bool kWithCount>
Value ReSub(Value* args, size_t nargs, TupleObject* kw) {
  Value p[5], pat;
  if (!PatternAndFlags("sub", args, nargs, kw,
                       {"pattern", "repl", "string", "count", "flags"}, 3, p,
                       &pat)) {
    return Value();
  }
  int64_t count = 0;
  if (!p[3].is_null() && !AsIndex(p[3], &count)) return Value();
  return DoSub(pat, p[1], p[2], count, kWithCount);
}

Value ReSplit(Value* args, size_t nargs, TupleObject* kw) {
  Value p[4], pat;
  if (!PatternAndFlags("split", args, nargs, kw,
                       {"pattern", "string", "maxsplit", "flags"}, 2, p,
                       &pat)) {
    return Value();
  }
  int64_t maxsplit = 0;
  if (!p[2].is_null() && !AsIndex(p[2], &maxsplit)) return Value();
  return DoSplit(pat, p[1], maxsplit);
}

Value ReEscape(Value* args, size_t nargs, TupleObject* kw) {
  if (!CheckArgs("escape", nargs, kw, 1, 1)) return Value();
  if (!IsInstance(args[0], g_types.str)) {
    return RaiseF(g_exc.TypeError, "expected str, not %s", TypeName(args[0]));
  }
  // Python escapes exactly these ASCII characters.
  static const std::string kSpecial = "()[]{}?*+-|^$\\.&~# \t\n\r\v\f";
  std::string out;
  for (char c : As<StrObject>(args[0])->str()) {
    if (kSpecial.find(c) != std::string::npos) out.push_back('\\');
    out.push_back(c);
  }
  return StrObject::New(out);
}

// ---- Pattern and Match methods
// ------------------------------------------------

template <RE2::Anchor kAnchor>
Value PatMatch(Value* a, size_t n, TupleObject* kw) {
  return DoMatch(a[0], a + 1, n - 1, kw, kAnchor, "match");
}

Value PatFindall(Value* a, size_t n, TupleObject* kw) {
  if (!CheckArgs("findall", n - 1, kw, 1, 1)) return Value();
  return DoFindall(a[0], a[1]);
}
Value PatFinditer(Value* a, size_t n, TupleObject* kw) {
  if (!CheckArgs("finditer", n - 1, kw, 1, 1)) return Value();
  return DoFinditer(a[0], a[1]);
}
template <bool kWithCount>
Value PatSub(Value* a, size_t n, TupleObject* kw) {
  Value p[3];
  if (!ParseArgs("sub", a + 1, n - 1, kw, {"repl", "string", "count"}, 2, p))
    return Value();
  int64_t count = 0;
  if (!p[2].is_null() && !AsIndex(p[2], &count)) return Value();
  return DoSub(a[0], p[0], p[1], count, kWithCount);
}
Value PatSplit(Value* a, size_t n, TupleObject* kw) {
  Value p[2];
  if (!ParseArgs("split", a + 1, n - 1, kw, {"string", "maxsplit"}, 1, p))
    return Value();
  int64_t maxsplit = 0;
  if (!p[1].is_null() && !AsIndex(p[1], &maxsplit)) return Value();
  return DoSplit(a[0], p[0], maxsplit);
}
Value PatRepr(Value* a, size_t, TupleObject*) {
  Value r = Repr(StrObject::New(Pat(a[0])->pattern));
  if (r.is_null()) return r;
  int64_t f = Pat(a[0])->flags & ~int64_t{32};
  std::string flags;
  const std::pair<int64_t, const char*> names[] = {
      {kIgnoreCase, "re.IGNORECASE"},
      {kMultiline, "re.MULTILINE"},
      {kDotAll, "re.DOTALL"},
      {kVerbose, "re.VERBOSE"},
      {kAscii, "re.ASCII"}};
  for (const auto& [bit, name] : names) {
    if (f & bit) flags += flags.empty() ? name : std::string("|") + name;
  }
  return StrObject::New(absl::StrCat("re.compile(", As<StrObject>(r)->str(),
                                     flags.empty() ? "" : ", ", flags, ")"));
}

Value MatchGroup(Value* a, size_t n, TupleObject* kw) {
  if (!CheckNoKwargs("group", kw)) return Value();
  MatchObject* m = Mat(a[0]);
  if (n == 1) return GroupValue(m, 0);
  std::vector<Value> out;
  for (size_t i = 1; i < n; ++i) {
    size_t g;
    if (!GroupIndex(m, a[i], &g)) return Value();
    out.push_back(GroupValue(m, g));
  }
  if (out.size() == 1) return out[0];
  return TupleObject::FromValues(out.data(), out.size());
}
Value MatchGetItem(Value* a, size_t, TupleObject*) {
  size_t g;
  if (!GroupIndex(Mat(a[0]), a[1], &g)) return Value();
  return GroupValue(Mat(a[0]), g);
}
Value MatchGroups(Value* a, size_t n, TupleObject* kw) {
  Value p[1];
  if (!ParseArgs("groups", a + 1, n - 1, kw, {"default"}, 0, p)) return Value();
  MatchObject* m = Mat(a[0]);
  std::vector<Value> out;
  for (size_t g = 1; g < m->spans.size() / 2; ++g) {
    Value v = GroupValue(m, g);
    out.push_back(v.is_none() && !p[0].is_null() ? p[0] : v);
  }
  return TupleObject::FromValues(out.data(), out.size());
}
Value MatchGroupdict(Value* a, size_t n, TupleObject* kw) {
  Value p[1];
  if (!ParseArgs("groupdict", a + 1, n - 1, kw, {"default"}, 0, p))
    return Value();
  MatchObject* m = Mat(a[0]);
  Value d = DictObject::New();
  // Named groups in the order they appear in the pattern.
  const auto& names = Pat(m->pattern)->re->CapturingGroupNames();
  for (const auto& [index, name] : names) {
    Value v = GroupValue(m, index);
    As<DictObject>(d)->Set(StrObject::New(name),
                           v.is_none() && !p[0].is_null() ? p[0] : v);
  }
  return d;
}
template <int kWhich>  // 0 start, 1 end, 2 span
Value MatchPos(Value* a, size_t n, TupleObject* kw) {
  if (!CheckArgs("span", n - 1, kw, 0, 1)) return Value();
  size_t g = 0;
  if (n == 2 && !GroupIndex(Mat(a[0]), a[1], &g)) return Value();
  MatchObject* m = Mat(a[0]);
  Value s = Value::Int(m->spans[2 * g]), e = Value::Int(m->spans[2 * g + 1]);
  if (kWhich == 0) return s;
  if (kWhich == 1) return e;
  return TupleObject::Of({s, e});
}
Value MatchRepr(Value* a, size_t, TupleObject*) {
  MatchObject* m = Mat(a[0]);
  Value g = Repr(GroupValue(m, 0));
  if (g.is_null()) return g;
  return StrObject::New(
      absl::StrCat("<re.Match object; span=(", m->spans[0], ", ", m->spans[1],
                   "), match=", As<StrObject>(g)->str(), ">"));
}
Value MatchLastindex(Value* a, size_t, TupleObject*) {
  MatchObject* m = Mat(a[0]);
  // The group that closed last: the one with the greatest end among set groups.
  int64_t best = -1, best_end = -1;
  for (size_t g = 1; g < m->spans.size() / 2; ++g) {
    if (m->spans[2 * g] >= 0 && m->spans[2 * g + 1] >= best_end) {
      best = static_cast<int64_t>(g);
      best_end = m->spans[2 * g + 1];
    }
  }
  return best < 0 ? Value::None() : Value::Int(best);
}
Value MatchLastgroup(Value* a, size_t n, TupleObject* kw) {
  Value idx = MatchLastindex(a, n, kw);
  if (idx.is_none()) return idx;
  const auto& names = Pat(Mat(a[0])->pattern)->re->CapturingGroupNames();
  auto it = names.find(static_cast<int>(idx.as_int()));
  return it == names.end() ? Value::None() : StrObject::New(it->second);
}

Value MatchExpand(Value* a, size_t n, TupleObject* kw) {
  if (!CheckArgs("expand", n - 1, kw, 1, 1)) return Value();
  std::string out;
  if (!ExpandTemplate(Mat(a[0]), As<StrObject>(a[1])->str(), &out))
    return Value();
  return StrObject::New(out);
}

bool InitRe(ModuleObject* module) {
  DictObject* d = module->dict();
  if (g_pattern_type == nullptr) {
    g_error_type = new TypeObject(g_types.type, "error", Layout::kException);
    g_error_type->SetBases({g_exc.Exception});
    g_error_type->set_module_name("re");
    g_pattern_type = new TypeObject(g_types.type, "Pattern", Layout::kOther);
    g_pattern_type->SetBases({g_types.object});
    g_pattern_type->set_module_name("re");
    g_match_type = new TypeObject(g_types.type, "Match", Layout::kOther);
    g_match_type->SetBases({g_types.object});
    g_match_type->set_module_name("re");
    TypeObject* p = g_pattern_type;
    AddMethod(p, "match", PatMatch<RE2::ANCHOR_START>);
    AddMethod(p, "search", PatMatch<RE2::UNANCHORED>);
    AddMethod(p, "fullmatch", PatMatch<RE2::ANCHOR_BOTH>);
    AddMethod(p, "findall", PatFindall);
    AddMethod(p, "finditer", PatFinditer);
    AddMethod(p, "sub", PatSub<false>);
    AddMethod(p, "subn", PatSub<true>);
    AddMethod(p, "split", PatSplit);
    AddMethod(p, "__repr__", PatRepr);
    AddGetter(p, "pattern", [](Value* a, size_t, TupleObject*) {
      return StrObject::New(Pat(a[0])->pattern);
    });
    AddGetter(p, "flags", [](Value* a, size_t, TupleObject*) {
      return Value::Int(Pat(a[0])->flags);
    });
    AddGetter(p, "groups", [](Value* a, size_t, TupleObject*) {
      return Value::Int(Pat(a[0])->re->NumberOfCapturingGroups());
    });
    AddGetter(p, "groupindex", [](Value* a, size_t, TupleObject*) {
      Value dict = DictObject::New();
      for (const auto& [name, index] : Pat(a[0])->re->NamedCapturingGroups()) {
        As<DictObject>(dict)->Set(StrObject::New(name), Value::Int(index));
      }
      return dict;
    });
    TypeObject* m = g_match_type;
    AddMethod(m, "group", MatchGroup);
    AddMethod(m, "__getitem__", MatchGetItem);
    AddMethod(m, "groups", MatchGroups);
    AddMethod(m, "groupdict", MatchGroupdict);
    AddMethod(m, "start", MatchPos<0>);
    AddMethod(m, "end", MatchPos<1>);
    AddMethod(m, "span", MatchPos<2>);
    AddMethod(m, "expand", MatchExpand);
    AddMethod(m, "__repr__", MatchRepr);
    AddGetter(m, "string",
              [](Value* a, size_t, TupleObject*) { return Mat(a[0])->string; });
    AddGetter(m, "re", [](Value* a, size_t, TupleObject*) {
      return Mat(a[0])->pattern;
    });
    AddGetter(m, "pos", [](Value* a, size_t, TupleObject*) {
      return Value::Int(Mat(a[0])->pos);
    });
    AddGetter(m, "endpos", [](Value* a, size_t, TupleObject*) {
      return Value::Int(Mat(a[0])->endpos);
    });
    AddGetter(m, "lastindex", MatchLastindex);
    AddGetter(m, "lastgroup", MatchLastgroup);
  }
  AddFunction(d, "compile", ReCompile);
  AddFunction(d, "match", ReMatchFn<RE2::ANCHOR_START>);
  AddFunction(d, "search", ReMatchFn<RE2::UNANCHORED>);
  AddFunction(d, "fullmatch", ReMatchFn<RE2::ANCHOR_BOTH>);
  AddFunction(d, "findall", ReFindall);
  AddFunction(d, "finditer", ReFinditer);
  AddFunction(d, "sub", ReSub<false>);
  AddFunction(d, "subn", ReSub<true>);
  AddFunction(d, "split", ReSplit);
  AddFunction(d, "escape", ReEscape);
  AddFunction(d, "purge", [](Value*, size_t, TupleObject*) {
    PatternCache()->clear();
    return Value::None();
  });
  d->SetStr(Intern("error"), Value::FromObject(g_error_type));
  d->SetStr(Intern("Pattern"), Value::FromObject(g_pattern_type));
  d->SetStr(Intern("Match"), Value::FromObject(g_match_type));
  const std::pair<const char*, int64_t> flags[] = {
      {"I", kIgnoreCase}, {"IGNORECASE", kIgnoreCase},
      {"M", kMultiline},  {"MULTILINE", kMultiline},
      {"S", kDotAll},     {"DOTALL", kDotAll},
      {"X", kVerbose},    {"VERBOSE", kVerbose},
      {"A", kAscii},      {"ASCII", kAscii},
      {"U", 32},          {"UNICODE", 32}};
  for (const auto& [name, value] : flags)
    d->SetStr(Intern(name), Value::Int(value));
  return true;
}

const bool kRegistered = (RegisterNativeModule("re", InitRe), true);

}  // namespace
}  // namespace minidynamo
