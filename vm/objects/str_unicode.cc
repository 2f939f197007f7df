#include "vm/objects/str_unicode.h"

#include <algorithm>

#include "vm/objects/str.h"

namespace minidynamo {
namespace str_unicode {
namespace {

using str_unicode_internal::CaseRecord;
using str_unicode_internal::kNumRuns;
using str_unicode_internal::kNumSpecials;
using str_unicode_internal::kRecords;
using str_unicode_internal::kRuns;
using str_unicode_internal::kSpecials;
using str_unicode_internal::Run;
using str_unicode_internal::SpecialCase;

// ASCII is most text; answer it from a table built once instead of searching.
struct AsciiTable {
  uint32_t flags[128];
  AsciiTable();
};

const CaseRecord& LookupRecord(char32_t cp) {
  if (cp > 0x10FFFF) return kRecords[0];
  // The last run starting at or before cp.
  const Run* end = kRuns + kNumRuns;
  const Run* it = std::upper_bound(
      kRuns, end, static_cast<uint32_t>(cp),
      [](uint32_t value, const Run& run) { return value < run.start; });
  const Run& run = *(it - 1);
  return kRecords[((cp - run.start) & 1) ? run.odd : run.even];
}

AsciiTable::AsciiTable() {
  for (char32_t c = 0; c < 128; ++c) flags[c] = LookupRecord(c).flags;
}

const char* FindSpecial(char32_t cp, char kind) {
  // kSpecials is sorted by code point; a few entries share one.
  const SpecialCase* end = kSpecials + kNumSpecials;
  const SpecialCase* it = std::lower_bound(
      kSpecials, end, static_cast<uint32_t>(cp),
      [](const SpecialCase& s, uint32_t value) { return s.cp < value; });
  for (; it != end && it->cp == cp; ++it) {
    if (it->kind == kind) return it->utf8;
  }
  return nullptr;
}

void AppendMapped(std::string* out, char32_t cp, char kind, int32_t delta) {
  if (delta == 0 && cp >= 0x80) {
    const char* special = FindSpecial(cp, kind);
    if (special != nullptr) {
      out->append(special);
      return;
    }
  }
  AppendUtf8(out, static_cast<uint32_t>(static_cast<int32_t>(cp) + delta));
}

}  // namespace

uint32_t Flags(char32_t cp) {
  static const AsciiTable* ascii = new AsciiTable();
  if (cp < 128) return ascii->flags[cp];
  return LookupRecord(cp).flags;
}

void AppendUpper(std::string* out, char32_t cp) {
  if (cp < 128) {
    out->push_back(static_cast<char>(cp >= 'a' && cp <= 'z' ? cp - 32 : cp));
    return;
  }
  AppendMapped(out, cp, 'u', LookupRecord(cp).upper_delta);
}

void AppendLower(std::string* out, char32_t cp) {
  if (cp < 128) {
    out->push_back(static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
    return;
  }
  AppendMapped(out, cp, 'l', LookupRecord(cp).lower_delta);
}

void AppendTitle(std::string* out, char32_t cp) {
  if (cp < 128) {
    out->push_back(static_cast<char>(cp >= 'a' && cp <= 'z' ? cp - 32 : cp));
    return;
  }
  AppendMapped(out, cp, 't', LookupRecord(cp).title_delta);
}

void AppendCasefold(std::string* out, char32_t cp) {
  if (cp >= 128) {
    const char* special = FindSpecial(cp, 'f');
    if (special != nullptr) {
      out->append(special);
      return;
    }
  }
  AppendLower(out, cp);
}

char32_t SimpleUpper(char32_t cp) {
  return static_cast<char32_t>(static_cast<int32_t>(cp) +
                               LookupRecord(cp).upper_delta);
}

char32_t SimpleLower(char32_t cp) {
  return static_cast<char32_t>(static_cast<int32_t>(cp) +
                               LookupRecord(cp).lower_delta);
}

}  // namespace str_unicode
}  // namespace minidynamo
