#include "vm/interp/traceback_carets.h"

#include <optional>

#include "vm/format/utf8.h"
#include "vm/parse/ast.h"
#include "vm/parse/parser.h"

namespace minidynamo {
namespace {

// A byte offset within `s` as a character offset.
int CharOffset(const std::string& s, int byte) {
  if (byte <= 0) return 0;
  if (static_cast<size_t>(byte) >= s.size())
    return static_cast<int>(CountCodePoints(s));
  return static_cast<int>(CountCodePoints(std::string_view(s).substr(0, byte)));
}

struct Anchors {
  int left;
  int right;
};

// CPython's _extract_caret_anchors_from_line_segment: re-parses the failing
// segment; a binary operation marks its operator, a subscript its brackets.
std::optional<Anchors> ExtractAnchors(const std::string& segment) {
  auto parsed = Parse(segment, "<segment>", ParseMode::kExec);
  if (!parsed.ok()) return std::nullopt;
  ast::Module* m = parsed->module();
  if (m == nullptr || m->body.size() != 1) return std::nullopt;
  auto* stmt = ast::As<ast::Expr>(m->body[0]);
  if (stmt == nullptr) return std::nullopt;
  if (auto* bin = ast::As<ast::BinOp>(stmt->value)) {
    int op_start = CharOffset(segment, bin->left->end_col_offset);
    int op_end = CharOffset(segment, bin->right->col_offset);
    std::string op = segment.substr(op_start, op_end - op_start);
    size_t ws = op.find_first_not_of(" \t\f\r\n\\");
    int offset = ws == std::string::npos ? 0 : static_cast<int>(ws);
    int left = bin->left->end_col_offset + offset;
    int right = left + 1;
    if (offset + 1 < static_cast<int>(op.size()) && !isspace(op[offset + 1]))
      ++right;
    return Anchors{CharOffset(segment, left), CharOffset(segment, right)};
  }
  if (auto* sub = ast::As<ast::Subscript>(stmt->value)) {
    return Anchors{CharOffset(segment, sub->value->end_col_offset),
                   CharOffset(segment, sub->slice->end_col_offset + 1)};
  }
  return std::nullopt;
}

}  // namespace

std::string TracebackCaretLine(const std::string& raw_line, bool had_newline,
                               const Position& pos) {
  if (pos.col < 0 || pos.end_col < 0 || pos.lineno <= 0) return "";
  size_t b = raw_line.find_first_not_of(" \t\f\r\v");
  if (b == std::string::npos) return "";
  size_t e = raw_line.find_last_not_of(" \t\f\r\v");
  std::string stripped = raw_line.substr(b, e - b + 1);
  int stripped_len = static_cast<int>(CountCodePoints(stripped));
  // CPython: len(original line, newline included) - len(line.strip()).
  int stripped_chars = static_cast<int>(CountCodePoints(raw_line)) +
                       (had_newline ? 1 : 0) - stripped_len;
  int start = CharOffset(raw_line, pos.col) + 1;
  int end = CharOffset(raw_line, pos.end_col) + 1;
  std::optional<Anchors> anchors;
  if (pos.lineno == pos.end_lineno) {
    if (pos.col < pos.end_col &&
        static_cast<size_t>(pos.end_col) <= raw_line.size()) {
      anchors = ExtractAnchors(raw_line.substr(pos.col, pos.end_col - pos.col));
    }
  } else {
    end = stripped_chars + stripped_len;
  }
  bool partial = end - start < stripped_len;
  bool anchored = anchors.has_value() && anchors->right - anchors->left > 0;
  if (!partial && !anchored) return "";
  std::string row = "    ";
  row.append(std::max(0, start - stripped_chars), ' ');
  if (anchors.has_value()) {
    row.append(std::max(0, anchors->left), '~');
    row.append(std::max(0, anchors->right - anchors->left), '^');
    row.append(std::max(0, end - start - anchors->right), '~');
  } else {
    row.append(std::max(0, end - start), '^');
  }
  return row + "\n";
}

}  // namespace minidynamo
