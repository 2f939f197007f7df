// Entry point of the front end: Python 3.11 source text to an AST.
//
//   Parse(source, filename, mode) -> ParseResult (owns the tree) or a
//   SyntaxError
//
// Data flow: lexer.h tokenizes the whole source into a vector (tokenizer errors
// win over parser errors, as in CPython); the recursive-descent parser
// (parser_*.cc) builds nodes in the result's arena; strings and f-strings are
// decoded while parsing. Errors carry CPython 3.11's messages and positions.
#ifndef MINIDYNAMO_VM_PARSE_PARSER_H_
#define MINIDYNAMO_VM_PARSE_PARSER_H_

#include <memory>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "vm/parse/ast.h"
#include "vm/parse/syntax_error.h"

namespace minidynamo {

// compile()'s modes: "exec" -> ast::Module, "eval" -> ast::Expression,
// "single" -> ast::Interactive.
enum class ParseMode { kExec, kEval, kSingle };

// The tree and the arena that owns its nodes. Movable; node pointers stay valid
// across moves.
class ParseResult {
 public:
  ParseResult(std::unique_ptr<ast::Arena> arena, ast::mod* tree)
      : arena_(std::move(arena)), tree_(tree) {}

  const ast::mod& tree() const { return *tree_; }
  ast::mod* mutable_tree() { return tree_; }
  // The tree as its concrete type; nullptr when the mode was another.
  ast::Module* module() const { return ast::As<ast::Module>(tree_); }
  ast::Expression* expression() const {
    return ast::As<ast::Expression>(tree_);
  }
  ast::Interactive* interactive() const {
    return ast::As<ast::Interactive>(tree_);
  }
  ast::Arena& arena() { return *arena_; }

 private:
  std::unique_ptr<ast::Arena> arena_;
  ast::mod* tree_;
};

struct ParseOptions {
  ParseMode mode = ParseMode::kExec;
  // compile() of a str reports the columns of parser-level SyntaxErrors in
  // characters; a file or bytes source reports them in bytes (CPython 3.11.2).
  bool source_is_str = false;
};

// Parses `source` (UTF-8; a BOM, \r\n and a missing final newline are fine).
// On a syntax error returns InvalidArgumentError whose message is
// "<type>: <msg> (<filename>, line <n>)" and, when `error` is not null, fills
// it with the structured error for raising a SyntaxError object.
absl::StatusOr<ParseResult> Parse(std::string_view source,
                                  std::string_view filename,
                                  const ParseOptions& options,
                                  SyntaxErrorInfo* error = nullptr);
// The same for a bytes/file source in the given mode.
absl::StatusOr<ParseResult> Parse(std::string_view source,
                                  std::string_view filename, ParseMode mode,
                                  SyntaxErrorInfo* error = nullptr);

// Parses and returns ast.dump(ast.parse(source)) or "<type>: <msg>" on error;
// a convenience for tests and tools.
std::string ParseAndDump(std::string_view source,
                         bool include_attributes = false);

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_PARSE_PARSER_H_
