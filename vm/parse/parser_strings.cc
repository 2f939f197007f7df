// String literals: implicit concatenation, bytes, and f-strings the way CPython
// 3.11 parses them (Parser/string_parser.c): an f-string is one STRING token
// whose replacement fields are found by scanning, then each field's text is
// tokenized and parsed as "(expr)" by a nested Parser.
#include <cctype>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "vm/parse/lexer.h"
#include "vm/parse/parser_internal.h"
#include "vm/parse/string_literal.h"

namespace minidynamo {

using ast::expr;
using K = TokenKind;

namespace {

constexpr int kMaxFStringNesting = 200;  // CPython's MAXLEVEL

bool IsPySpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
         c == '\f';
}

}  // namespace

// The pieces of one string concatenation being assembled into a JoinedStr.
struct Parser::FStringState {
  int first_tok = 0;  // the concatenation's first and last STRING tokens
  int last_tok = 0;
  bool kind_u = false;   // the first token has a lowercase u prefix
  std::string last_str;  // literal text not yet turned into a Constant
};

namespace {

void SetSpan(ast::Located* node, const Token& first, const Token& last) {
  node->lineno = first.lineno;
  node->col_offset = first.col_offset;
  node->end_lineno = last.end_lineno;
  node->end_col_offset = last.end_col_offset;
}

}  // namespace

expr* Parser::ParseStrings() {
  // CPython decodes strings in grammar actions: their errors come from the
  // first pass.
  ActionScope action(this);
  int first = pos_;
  while (At(K::kString)) Advance();
  int last = pos_ - 1;

  FStringState st;
  st.first_tok = first;
  st.last_tok = last;
  st.kind_u = !Text(toks_[first]).empty() && Text(toks_[first])[0] == 'u';
  bool bytesmode = false;
  bool fmode = false;
  std::string bytes;
  ast::ExprList values;
  std::string error;

  for (int i = first; i <= last; ++i) {
    const Token& t = toks_[i];
    std::string_view text = Text(t);
    StringLiteralParts parts = SplitStringLiteral(text);
    if (parts.is_bytes) {
      for (char c : parts.body) {
        if (static_cast<unsigned char>(c) >= 0x80) {
          return ErrorAtCurrent(
              "bytes can only contain ASCII literal characters");
        }
      }
    }
    // Plain literals are decoded before the bytes/str mixing check, as in
    // CPython, so their errors come first.
    std::string decoded;
    if (!parts.is_fstring) {
      bool ok;
      if (parts.is_raw) {
        decoded.assign(parts.body);
        ok = true;
      } else if (parts.is_bytes) {
        ok = DecodeBytesEscapes(parts.body, &decoded, &error);
      } else {
        ok = DecodeStrEscapes(parts.body, &decoded, &error);
      }
      if (!ok) return ErrorAtCurrent(error);
    }
    if (i != first && parts.is_bytes != bytesmode) {
      return ErrorAtCurrent("cannot mix bytes and nonbytes literals");
    }
    bytesmode = parts.is_bytes;
    if (parts.is_fstring) {
      fmode = true;
      size_t body_offset = parts.prefix_len + parts.quote_len;
      size_t fpos = body_offset;
      if (!ParseFString(&st, text.substr(0, body_offset + parts.body.size()),
                        parts.is_raw, 0, i, &fpos, &values)) {
        return nullptr;
      }
    } else if (bytesmode) {
      bytes.append(decoded);
    } else {
      st.last_str.append(decoded);
    }
  }

  const Token& first_tok = toks_[first];
  const Token& last_tok = toks_[last];
  if (bytesmode) {
    auto* c = arena_->New<ast::Constant>();
    c->value.kind = ast::ConstantValue::Kind::kBytes;
    c->value.str_value = std::move(bytes);
    SetSpan(c, first_tok, last_tok);
    return c;
  }
  if (!fmode || !st.last_str.empty()) {
    auto* c = arena_->New<ast::Constant>();
    c->value.kind = ast::ConstantValue::Kind::kStr;
    c->value.str_value = std::move(st.last_str);
    c->kind_u = st.kind_u;
    SetSpan(c, first_tok, last_tok);
    if (!fmode) return c;
    values.push_back(c);
  }
  auto* joined = arena_->New<ast::JoinedStr>();
  joined->values = std::move(values);
  SetSpan(joined, first_tok, last_tok);
  return joined;
}

// Parses the f-string `text` (a token's text cut at the end of its body) from
// offset *pos, appending Constants and FormattedValues to `out_values`. At
// recurse_lvl 1 it parses a format spec and stops at its '}' (left in *pos).
bool Parser::ParseFString(FStringState* st, std::string_view text, bool raw,
                          int recurse_lvl, int tok_index, size_t* pos,
                          ast::ExprList* out_values) {
  const size_t end = text.size();
  size_t s = *pos;
  const Token& first_tok = toks_[st->first_tok];
  const Token& last_tok = toks_[st->last_tok];
  const Token& this_tok = toks_[tok_index];
  std::string error;

  auto flush_literal = [&](const Token& from, const Token& to) {
    if (st->last_str.empty()) return;
    auto* c = arena_->New<ast::Constant>();
    c->value.kind = ast::ConstantValue::Kind::kStr;
    c->value.str_value = std::move(st->last_str);
    c->kind_u = st->kind_u;
    st->last_str.clear();
    SetSpan(c, from, to);
    out_values->push_back(c);
  };

  while (true) {
    // ---- literal text up to an unescaped '{' (or '}' in a format spec) ----
    size_t literal_start = s;
    size_t literal_end;
    bool doubled = false;
    size_t i = s;
    while (i < end) {
      char ch = text[i++];
      if (!raw && ch == '\\' && i < end) {
        ch = text[i++];
        if (ch == 'N') {
          // Skip "\N{NAME}" so its braces do not start a field.
          if (i < end && text[i++] == '{') {
            while (i < end && text[i++] != '}') {
            }
          }
          continue;
        }
      }
      if (ch == '{' || ch == '}') {
        if (recurse_lvl == 0) {
          if (i < end && text[i] == ch) {
            doubled = true;
            break;
          }
          if (ch == '}') {
            return ErrorAtCurrent("f-string: single '}' is not allowed");
          }
        }
        --i;
        break;
      }
    }
    literal_end = i;
    s = doubled ? i + 1 : i;
    if (literal_end > literal_start) {
      std::string_view piece =
          text.substr(literal_start, literal_end - literal_start);
      if (raw) {
        st->last_str.append(piece);
      } else if (!DecodeStrEscapes(piece, &st->last_str, &error)) {
        return ErrorAtCurrent(error);
      }
    }
    if (doubled) continue;
    if (s >= end || text[s] == '}') break;

    // ---- a replacement field: {expr[=][!c][:spec]} ----
    if (recurse_lvl >= 2) {
      return ErrorAtCurrent("f-string: expressions nested too deeply");
    }
    ++s;
    size_t expr_start = s;
    char quote_char = 0;
    int string_type = 0;
    int nested_depth = 0;
    char parens[kMaxFStringNesting];
    for (; s < end; ++s) {
      char ch = text[s];
      if (ch == '\\') {
        return ErrorAtCurrent(
            "f-string expression part cannot include a backslash");
      }
      if (quote_char) {
        if (ch == quote_char) {
          if (string_type == 3) {
            if (s + 2 < end && text[s + 1] == ch && text[s + 2] == ch) {
              s += 2;
              string_type = 0;
              quote_char = 0;
            }
          } else {
            string_type = 0;
            quote_char = 0;
          }
        }
        continue;
      }
      if (ch == '\'' || ch == '"') {
        if (s + 2 < end && text[s + 1] == ch && text[s + 2] == ch) {
          string_type = 3;
          s += 2;
        } else {
          string_type = 1;
        }
        quote_char = ch;
      } else if (ch == '[' || ch == '{' || ch == '(') {
        if (nested_depth >= kMaxFStringNesting) {
          return ErrorAtCurrent("f-string: too many nested parenthesis");
        }
        parens[nested_depth++] = ch;
      } else if (ch == '#') {
        return ErrorAtCurrent("f-string expression part cannot include '#'");
      } else if (nested_depth == 0 && (ch == '!' || ch == ':' || ch == '}' ||
                                       ch == '=' || ch == '>' || ch == '<')) {
        if (s + 1 < end && text[s + 1] == '=' &&
            (ch == '!' || ch == '=' || ch == '<' || ch == '>')) {
          ++s;  // "!=", "==", "<=", ">="
          continue;
        }
        if (ch == '>' || ch == '<') continue;
        break;
      } else if (ch == ']' || ch == '}' || ch == ')') {
        if (nested_depth == 0) {
          return ErrorAtCurrent(
              absl::StrFormat("f-string: unmatched '%c'", ch));
        }
        char open = parens[--nested_depth];
        if (!((open == '(' && ch == ')') || (open == '[' && ch == ']') ||
              (open == '{' && ch == '}'))) {
          return ErrorAtCurrent(absl::StrFormat(
              "f-string: closing parenthesis '%c' does not match opening "
              "parenthesis '%c'",
              ch, open));
        }
      }
    }
    size_t expr_end = s;
    if (quote_char) return ErrorAtCurrent("f-string: unterminated string");
    if (nested_depth) {
      return ErrorAtCurrent(absl::StrFormat("f-string: unmatched '%c'",
                                            parens[nested_depth - 1]));
    }
    if (s >= end) return ErrorAtCurrent("f-string: expecting '}'");

    expr* value = CompileFStringExpr(text, expr_start, expr_end, tok_index);
    if (value == nullptr) return false;

    // "{x=}" keeps the expression's text (and the spaces after '=').
    if (text[s] == '=') {
      ++s;
      while (s < end && IsPySpace(text[s])) ++s;
      if (s >= end) return ErrorAtCurrent("f-string: expecting '}'");
      st->last_str.append(text.substr(expr_start, s - expr_start));
      // Remember that the field was self-documenting.
      expr_start = std::string_view::npos;
    }
    int conversion = -1;
    if (text[s] == '!') {
      ++s;
      if (s >= end) return ErrorAtCurrent("f-string: expecting '}'");
      conversion = static_cast<unsigned char>(text[s]);
      ++s;
      if (conversion != 's' && conversion != 'r' && conversion != 'a') {
        return ErrorAtCurrent(
            "f-string: invalid conversion character: expected 's', 'r', or "
            "'a'");
      }
    }
    expr* format_spec = nullptr;
    if (s < end && text[s] == ':') {
      ++s;
      if (s >= end) return ErrorAtCurrent("f-string: expecting '}'");
      // The spec is an f-string of its own; its JoinedStr (and its trailing
      // literal) get the position of this token only, as in CPython.
      FStringState spec_state;
      spec_state.first_tok = st->first_tok;
      spec_state.last_tok = st->last_tok;
      spec_state.kind_u = st->kind_u;
      ast::ExprList spec_values;
      if (!ParseFString(&spec_state, text, raw, recurse_lvl + 1, tok_index, &s,
                        &spec_values)) {
        return false;
      }
      if (!spec_state.last_str.empty()) {
        auto* c = arena_->New<ast::Constant>();
        c->value.kind = ast::ConstantValue::Kind::kStr;
        c->value.str_value = std::move(spec_state.last_str);
        // Positioned (and given its kind) from this token, which is an
        // f-string and so never has the u prefix.
        c->kind_u = false;
        SetSpan(c, this_tok, this_tok);
        spec_values.push_back(c);
      }
      auto* spec = arena_->New<ast::JoinedStr>();
      spec->values = std::move(spec_values);
      SetSpan(spec, this_tok, this_tok);
      format_spec = spec;
    }
    if (s >= end || text[s] != '}') {
      return ErrorAtCurrent("f-string: expecting '}'");
    }
    ++s;
    bool self_documenting = expr_start == std::string_view::npos;
    if (self_documenting && format_spec == nullptr && conversion == -1) {
      conversion = 'r';
    }
    auto* fv = arena_->New<ast::FormattedValue>();
    fv->value = value;
    fv->conversion = conversion;
    fv->format_spec = format_spec;
    SetSpan(fv, first_tok, last_tok);
    flush_literal(first_tok, last_tok);
    out_values->push_back(fv);
  }
  if (recurse_lvl != 0 && (s >= end || text[s] != '}')) {
    return ErrorAtCurrent("f-string: expecting '}'");
  }
  *pos = s;
  return true;
}

expr* Parser::CompileFStringExpr(std::string_view text, size_t expr_start,
                                 size_t expr_end, int tok_index) {
  size_t k = expr_start;
  while (k < expr_end && (text[k] == ' ' || text[k] == '\t' ||
                          text[k] == '\n' || text[k] == '\f')) {
    ++k;
  }
  if (k == expr_end) {
    char next = text[expr_end];
    if (next == '!' || next == ':' || next == '=') {
      return ErrorAtCurrent(
          absl::StrFormat("f-string: expression required before '%c'", next));
    }
    return ErrorAtCurrent("f-string: empty expression not allowed");
  }

  // Where the field's "(expr)" text lands in the file (CPython's
  // fstring_find_expr_location): lines before the '{', and the '{' column
  // unless the expression starts on a later line.
  const Token& t = toks_[tok_index];
  size_t brace = expr_start - 1;
  int lines = 0;
  for (size_t p = 0; p < brace; ++p) lines += text[p] == '\n';
  bool newline_after_brace = true;
  for (size_t p = brace + 1;
       p < text.size() && text[p] != '}' && text[p] != '\n'; ++p) {
    if (text[p] != ' ' && text[p] != '\t' && text[p] != '\f') {
      newline_after_brace = false;
      break;
    }
  }
  int cols = 0;
  if (!newline_after_brace) {
    size_t p = brace;
    while (p > 0 && text[p] != '\n') --p;
    cols = static_cast<int>(brace - p);
    if (text[p] == '\n') cols -= 1;
  }
  FStringOrigin origin;
  origin.starting_lineno = t.lineno + lines;
  origin.starting_col_offset = lines == 0 ? t.col_offset + cols : cols;

  std::string source =
      "(" + std::string(text.substr(expr_start, expr_end - expr_start)) + ")";
  LexOptions options;
  options.first_lineno = origin.starting_lineno;
  options.first_line_col_offset = origin.starting_col_offset;
  // Nodes point into the arena, not into this text, so it may die here.
  LexOutput sub_lex = Tokenize(source, options);
  if (!sub_lex.ok) {
    if (!failed_) {
      failed_ = true;
      if (speculating_ == 0) {
        error_ = sub_lex.error;
        error_.filename = filename_;
        error_token_line_ = Cur().lineno;
      }
    }
    return nullptr;
  }
  Parser sub(&sub_lex, arena_, filename_, depth_, &origin);
  expr* e = sub.ParseFStringExpression();
  if (e == nullptr || sub.failed()) {
    if (!failed_) {
      failed_ = true;
      if (speculating_ == 0) {
        error_ = sub.error();
        error_token_line_ = Cur().lineno;
      }
    }
    return nullptr;
  }
  return e;
}

}  // namespace minidynamo
