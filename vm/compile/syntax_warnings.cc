#include "vm/compile/syntax_warnings.h"

#include "absl/strings/str_cat.h"

namespace minidynamo {
namespace {

using ast::ConstantValue;
using ast::ExprKind;

// The type name of a constant the AST optimizer would fold `e` to, or
// nullptr when `e` is not constant.
const char* FoldedConstantType(const ast::expr* e) {
  if (auto* c = ast::As<ast::Constant>(e)) {
    switch (c->value.kind) {
      case ConstantValue::Kind::kNone:
        return "NoneType";
      case ConstantValue::Kind::kTrue:
      case ConstantValue::Kind::kFalse:
        return "bool";
      case ConstantValue::Kind::kEllipsis:
        return "ellipsis";
      case ConstantValue::Kind::kInt:
      case ConstantValue::Kind::kBigInt:
        return "int";
      case ConstantValue::Kind::kFloat:
        return "float";
      case ConstantValue::Kind::kComplex:
        return "complex";
      case ConstantValue::Kind::kStr:
        return "str";
      case ConstantValue::Kind::kBytes:
        return "bytes";
    }
  }
  if (auto* u = ast::As<ast::UnaryOp>(e)) {
    const char* t = FoldedConstantType(u->operand);
    if (t == nullptr) return nullptr;
    std::string_view type(t);
    if (u->op == ast::unaryop::Not) return "bool";
    bool numeric =
        type == "int" || type == "bool" || type == "float" || type == "complex";
    if (!numeric) return nullptr;  // -"s" is not folded (it fails)
    if (u->op == ast::unaryop::Invert) {
      return type == "int" || type == "bool" ? "int" : nullptr;
    }
    return type == "bool" ? "int" : t;
  }
  if (auto* t = ast::As<ast::Tuple>(e)) {
    for (const ast::expr* x : t->elts) {
      if (FoldedConstantType(x) == nullptr) return nullptr;
    }
    return "tuple";
  }
  return nullptr;
}

// compile.c's infer_type: the type an expression certainly has, or nullptr.
const char* InferredType(const ast::expr* e) {
  switch (e->kind) {
    case ExprKind::Tuple:
      return "tuple";
    case ExprKind::List:
    case ExprKind::ListComp:
      return "list";
    case ExprKind::Dict:
    case ExprKind::DictComp:
      return "dict";
    case ExprKind::Set:
    case ExprKind::SetComp:
      return "set";
    case ExprKind::GeneratorExp:
      return "generator";
    case ExprKind::Lambda:
      return "function";
    case ExprKind::JoinedStr:
    case ExprKind::FormattedValue:
      return "str";
    default:
      return FoldedConstantType(e);
  }
}

// check_is_arg: an operand `is` may meet without a warning (not a constant,
// or one of the named singletons).
bool IsOperandOk(const ast::expr* e) {
  const char* t = FoldedConstantType(e);
  if (t == nullptr) return true;
  std::string_view type(t);
  return type == "NoneType" || type == "bool" || type == "ellipsis";
}

}  // namespace

std::string CompareWarning(const ast::Compare& compare) {
  bool left = IsOperandOk(compare.left);
  for (size_t i = 0; i < compare.ops.size(); ++i) {
    bool right = IsOperandOk(compare.comparators[i]);
    ast::cmpop op = compare.ops[i];
    if ((op == ast::cmpop::Is || op == ast::cmpop::IsNot) &&
        (!left || !right)) {
      return op == ast::cmpop::Is
                 ? "\"is\" with a literal. Did you mean \"==\"?"
                 : "\"is not\" with a literal. Did you mean \"!=\"?";
    }
    left = right;
  }
  return "";
}

std::string CallWarning(const ast::expr& func) {
  switch (func.kind) {
    case ExprKind::Constant:
    case ExprKind::Tuple:
    case ExprKind::List:
    case ExprKind::ListComp:
    case ExprKind::Dict:
    case ExprKind::DictComp:
    case ExprKind::Set:
    case ExprKind::SetComp:
    case ExprKind::GeneratorExp:
    case ExprKind::JoinedStr:
    case ExprKind::FormattedValue:
      return absl::StrCat("'", InferredType(&func),
                          "' object is not callable; perhaps you missed a "
                          "comma?");
    default:
      return "";
  }
}

std::string SubscriptWarning(const ast::Subscript& subscript) {
  const ast::expr* value = subscript.value;
  // check_subscripter: a value that has no __getitem__ at all.
  const char* folded = FoldedConstantType(value);
  bool unsubscriptable = false;
  if (folded != nullptr && value->kind != ExprKind::Tuple) {
    std::string_view t(folded);
    unsubscriptable = t == "NoneType" || t == "ellipsis" || t == "int" ||
                      t == "bool" || t == "float" || t == "complex";
  }
  switch (value->kind) {
    case ExprKind::Set:
    case ExprKind::SetComp:
    case ExprKind::GeneratorExp:
    case ExprKind::Lambda:
      unsubscriptable = true;
      break;
    default:
      break;
  }
  if (unsubscriptable) {
    return absl::StrCat("'", InferredType(value),
                        "' object is not subscriptable; perhaps you missed a "
                        "comma?");
  }
  // check_index: a sequence indexed by something that is no int or slice.
  const char* index_type = InferredType(subscript.slice);
  if (index_type == nullptr || std::string_view(index_type) == "int" ||
      std::string_view(index_type) == "bool" ||
      subscript.slice->kind == ExprKind::Slice) {
    return "";
  }
  bool sequence = false;
  switch (value->kind) {
    case ExprKind::Tuple:
    case ExprKind::List:
    case ExprKind::ListComp:
    case ExprKind::JoinedStr:
    case ExprKind::FormattedValue:
      sequence = true;
      break;
    case ExprKind::Constant: {
      std::string_view t(folded);
      sequence = t == "str" || t == "bytes";
      break;
    }
    default:
      break;
  }
  if (!sequence) return "";
  return absl::StrCat(InferredType(value),
                      " indices must be integers or slices, not ", index_type,
                      "; perhaps you missed a comma?");
}

std::string AssertWarning(const ast::Assert& assert_stmt) {
  auto* t = ast::As<ast::Tuple>(assert_stmt.test);
  if (t != nullptr && !t->elts.empty()) {
    return "assertion is always true, perhaps remove parentheses?";
  }
  return "";
}

}  // namespace minidynamo
