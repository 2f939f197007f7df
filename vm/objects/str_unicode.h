#ifndef MINIDYNAMO_VM_OBJECTS_STR_UNICODE_H_
#define MINIDYNAMO_VM_OBJECTS_STR_UNICODE_H_

// Unicode character facts for str's methods (upper/lower/title/casefold,
// isalpha/isdigit/..., isidentifier), generated from CPython 3.11's own data by
// gen_str_unicode.py so every code point behaves as in CPython. isspace and
// isprintable come from vm/format/unicode_tables.h.

#include <cstdint>
#include <string>

namespace minidynamo {
namespace str_unicode {

enum Flag : uint32_t {
  kAlpha = 1 << 0,           // str.isalpha (categories L*)
  kDecimal = 1 << 1,         // str.isdecimal (Nd)
  kDigit = 1 << 2,           // str.isdigit
  kNumeric = 1 << 3,         // str.isnumeric
  kLower = 1 << 4,           // Lowercase property (str.islower)
  kUpper = 1 << 5,           // Uppercase property (str.isupper)
  kTitle = 1 << 6,           // category Lt
  kXidStart = 1 << 7,        // may start an identifier (XID_Start or '_')
  kXidContinue = 1 << 8,     // may continue an identifier (XID_Continue)
  kCased = 1 << 9,           // Cased property (title casing, final sigma)
  kCaseIgnorable = 1 << 10,  // Case_Ignorable property (final sigma)
};

uint32_t Flags(char32_t cp);
inline bool Has(char32_t cp, uint32_t flag) { return (Flags(cp) & flag) != 0; }

// Full case mappings (SpecialCasing included: U+00DF upper is "SS"), appended
// as UTF-8. Lower does not apply the final-sigma rule; str.lower does.
void AppendUpper(std::string* out, char32_t cp);
void AppendLower(std::string* out, char32_t cp);
void AppendTitle(std::string* out, char32_t cp);
void AppendCasefold(std::string* out, char32_t cp);

// Simple (one code point) mappings, for callers that need a single character.
char32_t SimpleUpper(char32_t cp);
char32_t SimpleLower(char32_t cp);

}  // namespace str_unicode

namespace str_unicode_internal {

// Generated data (str_unicode_data.cc).
struct CaseRecord {
  uint32_t flags;
  int32_t upper_delta;  // Simple mappings as offsets from the code point; 0
  int32_t lower_delta;  // when the full mapping has several code points (see
  int32_t title_delta;  // kSpecials).
};
struct Run {
  uint32_t start;  // The run covers [start, next run's start).
  uint8_t even;    // Record of code points at an even offset from start,
  uint8_t odd;     // and at an odd offset.
};
struct SpecialCase {
  uint32_t cp;
  char kind;  // 'u' upper, 'l' lower, 't' title, 'f' casefold.
  const char* utf8;
};
extern const CaseRecord kRecords[];
extern const Run kRuns[];
extern const int kNumRuns;
extern const SpecialCase kSpecials[];
extern const int kNumSpecials;

}  // namespace str_unicode_internal
}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_OBJECTS_STR_UNICODE_H_
