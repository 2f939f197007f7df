#include "vm/parse/token.h"

#include "absl/container/flat_hash_map.h"

namespace minidynamo {
namespace {

struct KindInfo {
  std::string_view name;
  std::string_view text;
};

constexpr KindInfo kKindInfo[] = {
#define MINIDYNAMO_TOKEN_INFO(e, name, text) {name, text},
    MINIDYNAMO_TOKEN_KINDS(MINIDYNAMO_TOKEN_INFO)
#undef MINIDYNAMO_TOKEN_INFO
};

}  // namespace

std::string_view TokenKindName(TokenKind kind) {
  return kKindInfo[static_cast<int>(kind)].name;
}

std::string_view TokenKindText(TokenKind kind) {
  return kKindInfo[static_cast<int>(kind)].text;
}

TokenKind KeywordKind(std::string_view word) {
  // Keywords are 2..8 bytes of lower case (plus False/None/True); a length and
  // first-letter check rejects almost every identifier before the map lookup.
  if (word.size() < 2 || word.size() > 8) return TokenKind::kName;
  static const auto* const kMap = [] {
    auto* map = new absl::flat_hash_map<std::string_view, TokenKind>();
    for (int k = static_cast<int>(kFirstKeyword);
         k <= static_cast<int>(kLastKeyword); ++k) {
      TokenKind kind = static_cast<TokenKind>(k);
      (*map)[TokenKindText(kind)] = kind;
    }
    return map;
  }();
  auto it = kMap->find(word);
  return it == kMap->end() ? TokenKind::kName : it->second;
}

}  // namespace minidynamo
