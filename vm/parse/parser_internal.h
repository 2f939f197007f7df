// The recursive-descent parser behind Parse(); internal to //vm/parse.
//
// One Parser walks one token vector. Functions are named after the rules of
// CPython 3.11's Grammar/python.gram they implement and return nullptr after an
// error (the first error is kept; everything unwinds). Binary operators use
// precedence climbing and left-associative chains are loops, so long flat
// expressions cost no stack; real nesting is bounded by kMaxDepth.
//
// CPython finds its detailed messages by re-parsing failed input with extra
// "invalid_*" rules. This parser reports the same messages where it notices the
// problem, using cheap speculative probes (Probe) when a message depends on
// what follows.
//
// Node positions follow CPython's rule: a node spans from the first token of
// its rule to the last token the rule consumed, skipping NEWLINE, INDENT and
// DEDENT; a parenthesized expression keeps the position of what is inside.
#ifndef MINIDYNAMO_VM_PARSE_PARSER_INTERNAL_H_
#define MINIDYNAMO_VM_PARSE_PARSER_INTERNAL_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "vm/parse/ast.h"
#include "vm/parse/lexer.h"
#include "vm/parse/parser.h"
#include "vm/parse/syntax_error.h"
#include "vm/parse/token.h"

namespace minidynamo {

// What the error functions return: nullptr for rules that build nodes, false
// for rules that return bool, so every error site can `return Error...(...)`.
struct Failure {
  Failure() = default;
  Failure(std::nullptr_t) {}  // NOLINT: implicit by design
  template <typename T>
  operator T*() const {  // NOLINT: implicit by design
    return nullptr;
  }
  operator bool() const { return false; }  // NOLINT
};

class Parser {
 public:
  // Nesting limit for expressions and statements; CPython 3.11 gives up near
  // 3000 levels as well (RecursionError in the compiler, MemoryError in the
  // parser).
  static constexpr int kMaxDepth = 3000;

  // Where the "(expr)" text of an f-string replacement field sits in the file:
  // errors in it are reported relative to that text, as CPython does.
  struct FStringOrigin {
    int starting_lineno = 0;
    int starting_col_offset = 0;
  };

  Parser(const LexOutput* lex, ast::Arena* arena, std::string filename,
         int depth = 0, const FStringOrigin* fstring = nullptr);

  ast::mod* ParseMod(ParseMode mode);
  // For f-string sub-parsers: the whole "(expr)" text as star_expressions.
  ast::expr* ParseFStringExpression();

  bool failed() const { return failed_; }
  const SyntaxErrorInfo& error() const { return error_; }
  // The line of the token the parser stood on when it failed (CPython compares
  // it with an unclosed bracket's line).
  int error_token_line() const { return error_token_line_; }

 private:
  enum class TargetsType { kStar, kDel, kFor };
  struct LastExpr {
    int start = -1;
    int end = -1;
    const ast::expr* node = nullptr;
  };

  // ---- tokens (parser.cc) ----
  const Token& Cur() const { return toks_[pos_]; }
  TokenKind Kind() const { return toks_[pos_].kind; }
  TokenKind KindAt(int ahead) const;
  bool At(TokenKind k) const { return toks_[pos_].kind == k; }
  void Advance() {
    if (pos_ + 1 < static_cast<int>(toks_.size())) ++pos_;
  }
  bool Accept(TokenKind k) {
    if (!At(k)) return false;
    Advance();
    return true;
  }
  bool Expect(TokenKind k);
  std::string_view Text(const Token& t) const { return lex_->Text(t); }
  std::string Identifier(const Token& t) const;
  static bool CanStartExpression(TokenKind k);

  // ---- positions (parser.cc) ----
  // End of the last consumed token that is not NEWLINE/INDENT/DEDENT.
  const Token& PrevToken() const;
  void SetLoc(ast::Located* node, int start_tok) const;
  template <typename T>
  T* Make(int start_tok) {
    T* node = arena_->New<T>();
    SetLoc(node, start_tok);
    return node;
  }
  static ast::Located TokenLoc(const Token& t);

  // ---- errors (parser.cc) ----
  Failure Raise(const char* type, std::string msg, int lineno, int offset,
                int end_lineno, int end_offset);
  Failure ErrorAtToken(const Token& t, std::string msg,
                       const char* type = "SyntaxError");
  Failure ErrorAtCurrent(std::string msg) {
    return ErrorAtToken(Cur(), std::move(msg));
  }
  Failure ErrorKnownLocation(int lineno, int col, int end_lineno, int end_col,
                             std::string msg);
  Failure ErrorAtNode(const ast::Located& n, std::string msg) {
    return ErrorKnownLocation(n.lineno, n.col_offset, n.end_lineno,
                              n.end_col_offset, std::move(msg));
  }
  Failure ErrorRange(const ast::Located& a, const ast::Located& b,
                     std::string msg) {
    return ErrorKnownLocation(a.lineno, a.col_offset, b.end_lineno,
                              b.end_col_offset, std::move(msg));
  }
  // From `a` to the end of `last_fetched` (CPython's
  // RAISE_SYNTAX_ERROR_STARTING_FROM).
  Failure ErrorStartingFrom(const ast::Located& a, const Token& last_fetched,
                            std::string msg);
  Failure RecursionError();
  // The generic failure at the current token, with CPython's fallbacks
  // (unexpected indent, never-closed bracket, missing comma, print statement).
  Failure InvalidSyntax();
  Failure UnclosedBracketError();

  // Runs `parse` (returning a node or a bool) with errors muted and restores
  // the position; returns the position after a successful parse, or -1.
  template <typename F>
  int Probe(F&& parse) {
    int saved_pos = pos_;
    bool saved_failed = failed_;
    LastExpr saved_last = last_expr_;
    ++speculating_;
    bool ok = static_cast<bool>(parse()) && !failed_;
    --speculating_;
    int end = ok ? pos_ : -1;
    pos_ = saved_pos;
    failed_ = saved_failed;
    last_expr_ = saved_last;
    return end;
  }

  // Counts nesting; a bracket level costs more because it goes through a
  // dozen rule functions (nested f-strings can stack 4 x 200 brackets).
  struct DepthGuard {
    explicit DepthGuard(Parser* p, int weight = 1) : p(p), weight(weight) {
      p->depth_ += weight;
    }
    ~DepthGuard() { p->depth_ -= weight; }
    Parser* p;
    int weight;
  };
  static constexpr int kBracketWeight = 5;

  // ---- targets (parser.cc) ----
  // The first sub-expression that cannot be a target
  // (_PyPegen_get_invalid_target).
  const ast::expr* InvalidTarget(const ast::expr* e, TargetsType type) const;
  // Checks `e` as a target and sets Store/Del contexts; reports "cannot assign
  // to ..." / "cannot delete ..." on failure.
  bool SetTargetContext(ast::expr* e, TargetsType type);
  void SetContext(ast::expr* e, ast::expr_context ctx);
  bool IsGroup(const ast::expr* e) const { return grouped_.contains(e); }

  // ---- expressions (parser_expr.cc) ----
  ast::expr* ParseExpressions();      // expressions (eval input)
  ast::expr* ParseStarExpressions();  // star_expressions
  ast::expr* ParseStarExpression();   // star_expression
  ast::expr* ParseStarNamedExpression();
  ast::expr* ParseNamedExpression();
  ast::expr* ParseExpression();
  ast::expr* ParseYieldExpr();
  ast::expr* ParseLambda();
  ast::expr* ParseDisjunction();
  ast::expr* ParseConjunction();
  ast::expr* ParseInversion();
  ast::expr* ParseComparison();
  ast::expr* ParseBitOr() { return ParseBinary(1); }
  ast::expr* ParseBinary(int min_prec);
  ast::expr* ParseFactor();
  ast::expr* ParsePower();
  ast::expr* ParsePrimary();
  ast::expr* ParseAtom();
  ast::expr* ParseParenthesized();
  ast::expr* ParseListDisplay();
  ast::expr* ParseBraceDisplay();
  ast::expr* ParseDictRest(int start, ast::expr* first_key,
                           ast::expr* first_value);
  ast::expr* ParseCall(ast::expr* func, int start);
  // Call or class arguments into `args`/`keywords`; `allow_genexp`: a lone
  // generator expression argument (calls only). Consumes the closing ')'.
  bool ParseArguments(int open_paren, bool allow_genexp, ast::ExprList* args,
                      std::vector<ast::keyword*>* keywords);
  ast::expr* ParseSlices();
  ast::expr* ParseSliceItem();
  bool ParseComprehensions(std::vector<ast::comprehension*>* out);
  // for-loop and comprehension targets: `in` ends them.
  ast::expr* ParseTargetList(TargetsType type);
  // Parameters up to `close` (')' for def, ':' for lambda).
  ast::arguments* ParseParameters(TokenKind close, bool is_lambda);
  ast::arg* ParseParam(bool is_lambda, bool star_annotation);
  // The "Maybe you meant '=='" family, when a named expression is followed
  // by '='; returns nullptr after reporting, or `e` when nothing applies.
  ast::expr* CheckEqualsAfterNamedExpression(ast::expr* e, int start);
  // Whether `e` parses as a bitwise_or on its own, and whether it starts with a
  // list, tuple, generator expression or True/False/None (CPython's
  // invalid_named_expression lookaheads).
  bool IsBitOrLevel(const ast::expr* e) const;
  bool StartsWithExcludedAtom(const ast::expr* e) const;
  bool AtComprehension() const {
    return At(TokenKind::kFor) ||
           (At(TokenKind::kAsync) && KindAt(1) == TokenKind::kFor);
  }

  // ---- strings (parser_strings.cc) ----
  ast::expr* ParseStrings();
  struct FStringState;
  bool ParseFString(FStringState* st, std::string_view text, bool raw,
                    int recurse_lvl, int tok_index, size_t* pos,
                    ast::ExprList* out_values);
  ast::expr* CompileFStringExpr(std::string_view token_text, size_t expr_start,
                                size_t expr_end, int tok_index);

  // ---- statements (parser_stmt.cc) ----
  bool ParseStatements(ast::StmtList* out, bool until_dedent);
  bool ParseStatement(ast::StmtList* out);
  bool ParseSimpleStatements(ast::StmtList* out);
  ast::stmt* ParseSimpleStatement();
  ast::stmt* ParseExpressionStatement();
  ast::stmt* ParseAssignment(int start, ast::expr* first);
  ast::stmt* ParseAnnAssign(int start, ast::expr* first);
  ast::stmt* ParseAugAssign(int start, ast::expr* first);
  ast::expr* ParseAssignmentValue();
  ast::stmt* ParseImport();
  ast::stmt* ParseFromImport();
  ast::alias* ParseDottedAsName();
  ast::stmt* ParseGlobalOrNonlocal();
  ast::stmt* ParseDel();
  ast::stmt* ParseReturn();
  ast::stmt* ParseRaise();
  ast::stmt* ParseAssert();
  // Block after ':'; `what` names the statement for the indentation message
  // ("'if' statement", "function definition", ...).
  bool ParseBlock(ast::StmtList* out, const char* what, int header_line);
  // Consumes ':' or reports "expected ':'" (forced: at any token, CPython's
  // &&':'; otherwise only before a NEWLINE).
  bool ExpectColon(bool forced);
  ast::stmt* ParseIf();
  ast::stmt* ParseWhile();
  ast::stmt* ParseFor(int start, bool is_async);
  ast::stmt* ParseWith(int start, bool is_async);
  bool ParseWithItems(bool parenthesized, std::vector<ast::withitem*>* items);
  ast::stmt* ParseTry();
  ast::stmt* ParseFunctionDef(int start, bool is_async,
                              ast::ExprList decorators);
  ast::stmt* ParseClassDef(int start, ast::ExprList decorators);
  ast::stmt* ParseDecorated();

  // ---- match statements (parser_match.cc) ----
  bool AtSoftKeyword(std::string_view word) const;
  static bool CanStartPattern(TokenKind k);
  // Whether `match subject ':' NEWLINE` follows (a match statement, not an
  // expression statement using `match` as a name).
  bool AtMatchStatement();
  // Whether `match subject NEWLINE` follows (CPython's invalid_match_stmt).
  bool MatchMissingColon();
  // CPython's second (error) pass re-parses from the start, and its
  // invalid_match_stmt rule matches `match subject NEWLINE`, so once the
  // source holds such an expression statement, any later parser error becomes
  // "expected ':'" at the furthest token read. Rewrites error_ that way.
  void ApplyMatchStatementQuirk();
  ast::stmt* ParseMatch();
  ast::expr* ParseSubjectExpr();
  ast::match_case* ParseCaseBlock();
  ast::pattern* ParsePatterns();
  ast::pattern* ParsePattern();
  ast::pattern* ParseOrPattern();
  ast::pattern* ParseClosedPattern();
  ast::pattern* ParseMaybeStarPattern();
  ast::pattern* ParseMappingPattern();
  ast::pattern* ParseClassPattern(int start, ast::expr* cls);
  // signed_number, or complex_number when '+'/'-' follows.
  ast::expr* ParseLiteralNumber();
  // A NUMBER; `want` 1: must be real, 2: must be imaginary, 0: any.
  ast::expr* ParseNumberToken(int want);
  ast::expr* ParseNameOrAttr();

  const LexOutput* lex_;
  const std::vector<Token>& toks_;
  ast::Arena* arena_;
  std::string filename_;
  const FStringOrigin* fstring_;
  int pos_ = 0;
  int depth_;

  bool failed_ = false;
  int speculating_ = 0;
  SyntaxErrorInfo error_;
  int error_token_line_ = 0;

  // "single" input: the end of input also ends the statement and its blocks
  // (CPython turns the first ENDMARKER into NEWLINE plus DEDENTs).
  bool interactive_ = false;
  // Restricts comparisons so that `in` ends a for-target (`for x in y`).
  bool no_in_ = false;
  // The last disjunction parsed as the start of an `expression`, for the
  // "forgot a comma" and print-statement messages.
  LastExpr last_expr_;
  // Expressions that were written inside their own parentheses.
  absl::flat_hash_set<const ast::expr*> grouped_;
  // The furthest token a backtracked alternative reached (`with (...)`).
  int furthest_ = 0;
  // Set by ParseStarExpressions: whether it built an unparenthesized tuple.
  bool made_bare_tuple_ = false;
  // Whether an expression statement `match subject NEWLINE` (`match(x)`) was
  // parsed, and the furthest token read when the first error was raised: see
  // ApplyMatchStatementQuirk.
  bool saw_match_expression_ = false;
  int error_pos_ = 0;
  bool unclosed_error_ = false;  // The error is "'(' was never closed".
  // Errors CPython raises during its first pass, from grammar actions (string
  // decoding, complex literals) and forced tokens (&&':'), which its error
  // pass never rewrites.
  int in_action_ = 0;
  bool error_in_action_ = false;
  struct ActionScope {
    explicit ActionScope(Parser* p) : p(p) { ++p->in_action_; }
    ~ActionScope() { --p->in_action_; }
    Parser* p;
  };
};

// NFKC-normalizes a non-ASCII identifier (PEP 3131), as CPython's parser does.
std::string NormalizeIdentifier(std::string_view name);

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_PARSE_PARSER_INTERNAL_H_
