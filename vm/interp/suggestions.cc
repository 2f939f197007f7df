#include "vm/interp/suggestions.h"

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

#include "vm/core/builtin_types.h"
#include "vm/core/errors.h"
#include "vm/interp/eval.h"
#include "vm/interp/ops.h"
#include "vm/objects/dict.h"
#include "vm/objects/exception.h"
#include "vm/objects/list.h"
#include "vm/objects/str.h"

namespace minidynamo {
namespace {

// suggestions.c's limits and costs.
constexpr size_t kMaxCandidates = 750;
constexpr size_t kMaxStringSize = 40;
constexpr size_t kMoveCost = 2;
constexpr size_t kCaseCost = 1;

size_t SubstitutionCost(char a, char b) {
  if ((a & 31) != (b & 31)) return kMoveCost;
  if (a == b) return 0;
  if ('A' <= a && a <= 'Z') a += 'a' - 'A';
  if ('A' <= b && b <= 'Z') b += 'a' - 'A';
  return a == b ? kCaseCost : kMoveCost;
}

// The edit distance of a and b (UTF-8 bytes), or max_cost + 1 once it is
// certain to exceed max_cost.
size_t Distance(std::string_view a, std::string_view b, size_t max_cost) {
  while (!a.empty() && !b.empty() && a.front() == b.front()) {
    a.remove_prefix(1);
    b.remove_prefix(1);
  }
  while (!a.empty() && !b.empty() && a.back() == b.back()) {
    a.remove_suffix(1);
    b.remove_suffix(1);
  }
  if (a.empty() || b.empty()) return (a.size() + b.size()) * kMoveCost;
  if (a.size() > kMaxStringSize || b.size() > kMaxStringSize) {
    return max_cost + 1;
  }
  if (b.size() < a.size()) std::swap(a, b);
  if ((b.size() - a.size()) * kMoveCost > max_cost) return max_cost + 1;
  // One row of the distance matrix, updated in place.
  size_t row[kMaxStringSize];
  for (size_t i = 0; i < a.size(); ++i) row[i] = (i + 1) * kMoveCost;
  size_t result = 0;
  for (size_t bi = 0; bi < b.size(); ++bi) {
    size_t distance = result = bi * kMoveCost;
    size_t minimum = SIZE_MAX;
    for (size_t ai = 0; ai < a.size(); ++ai) {
      size_t substitute = distance + SubstitutionCost(b[bi], a[ai]);
      distance = row[ai];
      size_t insert_delete = std::min(result, distance) + kMoveCost;
      result = std::min(insert_delete, substitute);
      row[ai] = result;
      minimum = std::min(minimum, result);
    }
    if (minimum > max_cost) return max_cost + 1;
  }
  return result;
}

// calculate_suggestions: the closest candidate to `name`, or "".
std::string Closest(const std::vector<std::string>& candidates,
                    const std::string& name) {
  if (candidates.size() >= kMaxCandidates) return "";
  size_t best_distance = SIZE_MAX;
  const std::string* best = nullptr;
  for (const std::string& c : candidates) {
    if (c == name) continue;
    // No more than a third of the characters involved should change, and
    // only better than the best so far.
    size_t max_distance = (name.size() + c.size() + 3) * kMoveCost / 6;
    if (best_distance != SIZE_MAX) {
      max_distance = std::min(max_distance, best_distance - 1);
    }
    size_t d = Distance(name, c, max_distance);
    if (d > max_distance) continue;
    if (best == nullptr || d < best_distance) {
      best = &c;
      best_distance = d;
    }
  }
  return best != nullptr ? *best : "";
}

// The str items of a list (dir()'s result), or the str keys of a dict.
std::vector<std::string> Strings(const Value& v) {
  std::vector<std::string> out;
  if (IsInstance(v, g_types.list)) {
    for (const Value& x : As<ListObject>(v)->items()) {
      if (IsInstance(x, g_types.str)) out.push_back(As<StrObject>(x)->str());
    }
  } else if (IsInstance(v, g_types.dict)) {
    size_t pos = 0;
    const DictObject::Entry* e;
    while (As<DictObject>(v)->Next(&pos, &e)) {
      if (IsInstance(e->key, g_types.str)) {
        out.push_back(As<StrObject>(e->key)->str());
      }
    }
  }
  return out;
}

std::string ForAttributeError(ExceptionObject* e) {
  // A copy: dir() runs Python code, which may set e.name again.
  const std::string name = As<StrObject>(e->attr_name)->str();
  static StrObject* dir_name = Intern("dir");
  Value dir_fn = BuiltinsDict()->GetStr(dir_name);
  if (dir_fn.is_null() || e->attr_obj.is_null()) return "";
  Value listing = CallOneArg(dir_fn, e->attr_obj);
  if (listing.is_null()) return "";
  return Closest(Strings(listing), name);
}

std::string ForNameError(ExceptionObject* e) {
  const std::string name = As<StrObject>(e->attr_name)->str();
  // The innermost traceback entry: the frame where the name was missing.
  if (!IsInstance(e->traceback, g_types.traceback)) return "";
  auto* tb = As<TracebackObject>(e->traceback);
  while (IsInstance(tb->next, g_types.traceback)) {
    tb = As<TracebackObject>(tb->next);
  }
  std::vector<std::string> locals;
  if (IsInstance(tb->code, g_types.code)) {
    for (const Value& v : As<CodeObject>(tb->code)->varnames) {
      locals.push_back(As<StrObject>(v)->str());
    }
  }
  std::string s = Closest(locals, name);
  if (!s.empty()) return s;
  s = Closest(Strings(tb->globals), name);
  if (!s.empty()) return s;
  return Closest(Strings(Value::FromObject(BuiltinsDict())), name);
}

}  // namespace

std::string OfferSuggestion(const Value& exc) {
  if (!IsInstance(exc, g_exc.BaseException)) return "";
  auto* e = As<ExceptionObject>(exc);
  if (!IsInstance(e->attr_name, g_types.str) ||
      TypeOf(e->attr_name) != g_types.str) {
    return "";
  }
  // Printing must not disturb an exception being handled (dir() may fail).
  Value pending = ErrorOccurred() ? FetchError() : Value();
  std::string s;
  if (IsInstance(exc, g_exc.AttributeError)) {
    s = ForAttributeError(e);
  } else if (IsInstance(exc, g_exc.NameError)) {
    s = ForNameError(e);
  }
  ClearError();
  if (!pending.is_null()) RestoreError(std::move(pending));
  return s;
}

void NoteLookupFailure(const Value& name, const Value& obj) {
  bool attribute = !obj.is_null();
  if (!ErrorMatches(attribute ? g_exc.AttributeError : g_exc.NameError)) {
    return;
  }
  Value exc = FetchError();
  if (IsInstance(exc, g_exc.BaseException)) {
    auto* e = As<ExceptionObject>(exc);
    bool has_name = !e->attr_name.is_null() && !e->attr_name.is_none();
    bool has_obj = !e->attr_obj.is_null() && !e->attr_obj.is_none();
    if (!has_name && !has_obj) {
      e->attr_name = name;
      if (attribute) e->attr_obj = obj;
    }
  }
  RestoreError(std::move(exc));
}

}  // namespace minidynamo
