#include "vm/parse/ast.h"

#include <algorithm>

namespace minidynamo::ast {

Arena::~Arena() {
  for (auto it = dtors_.rbegin(); it != dtors_.rend(); ++it) it->fn(it->obj);
}

void* Arena::Allocate(size_t size, size_t align) {
  uintptr_t p = reinterpret_cast<uintptr_t>(ptr_);
  uintptr_t aligned = (p + align - 1) & ~(static_cast<uintptr_t>(align) - 1);
  if (ptr_ == nullptr || aligned + size > reinterpret_cast<uintptr_t>(end_)) {
    // Blocks grow with the tree so big files need few of them.
    size_t block = std::max<size_t>(size + align, 16384 + bytes_allocated_ / 4);
    blocks_.emplace_back(new char[block]);
    ptr_ = blocks_.back().get();
    end_ = ptr_ + block;
    bytes_allocated_ += block;
    p = reinterpret_cast<uintptr_t>(ptr_);
    aligned = (p + align - 1) & ~(static_cast<uintptr_t>(align) - 1);
  }
  ptr_ = reinterpret_cast<char*>(aligned + size);
  return reinterpret_cast<void*>(aligned);
}

std::string_view NameOf(expr_context v) {
  static constexpr std::string_view kNames[] = {"Load", "Store", "Del"};
  return kNames[static_cast<int>(v)];
}

std::string_view NameOf(boolop v) { return v == boolop::And ? "And" : "Or"; }

std::string_view NameOf(operator_ v) {
  static constexpr std::string_view kNames[] = {
      "Add",    "Sub",    "Mult",  "MatMult", "Div",    "Mod",     "Pow",
      "LShift", "RShift", "BitOr", "BitXor",  "BitAnd", "FloorDiv"};
  return kNames[static_cast<int>(v)];
}

std::string_view NameOf(unaryop v) {
  static constexpr std::string_view kNames[] = {"Invert", "Not", "UAdd",
                                                "USub"};
  return kNames[static_cast<int>(v)];
}

std::string_view NameOf(cmpop v) {
  static constexpr std::string_view kNames[] = {
      "Eq", "NotEq", "Lt", "LtE", "Gt", "GtE", "Is", "IsNot", "In", "NotIn"};
  return kNames[static_cast<int>(v)];
}

std::string_view NameOf(ExprKind k) {
#define MINIDYNAMO_AST_NAME(name) #name,
  static constexpr std::string_view kNames[] = {
      MINIDYNAMO_AST_EXPR_KINDS(MINIDYNAMO_AST_NAME)};
#undef MINIDYNAMO_AST_NAME
  return kNames[static_cast<int>(k)];
}

std::string_view NameOf(StmtKind k) {
#define MINIDYNAMO_AST_NAME(name) #name,
  static constexpr std::string_view kNames[] = {
      MINIDYNAMO_AST_STMT_KINDS(MINIDYNAMO_AST_NAME)};
#undef MINIDYNAMO_AST_NAME
  return kNames[static_cast<int>(k)];
}

std::string_view NameOf(PatternKind k) {
#define MINIDYNAMO_AST_NAME(name) #name,
  static constexpr std::string_view kNames[] = {
      MINIDYNAMO_AST_PATTERN_KINDS(MINIDYNAMO_AST_NAME)};
#undef MINIDYNAMO_AST_NAME
  return kNames[static_cast<int>(k)];
}

const char* DescribeExpr(const expr* e) {
  switch (e->kind) {
    case ExprKind::Attribute:
      return "attribute";
    case ExprKind::Subscript:
      return "subscript";
    case ExprKind::Starred:
      return "starred";
    case ExprKind::Name:
      return "name";
    case ExprKind::List:
      return "list";
    case ExprKind::Tuple:
      return "tuple";
    case ExprKind::Lambda:
      return "lambda";
    case ExprKind::Call:
      return "function call";
    case ExprKind::BoolOp:
    case ExprKind::BinOp:
    case ExprKind::UnaryOp:
      return "expression";
    case ExprKind::GeneratorExp:
      return "generator expression";
    case ExprKind::Yield:
    case ExprKind::YieldFrom:
      return "yield expression";
    case ExprKind::Await:
      return "await expression";
    case ExprKind::ListComp:
      return "list comprehension";
    case ExprKind::SetComp:
      return "set comprehension";
    case ExprKind::DictComp:
      return "dict comprehension";
    case ExprKind::Dict:
      return "dict literal";
    case ExprKind::Set:
      return "set display";
    case ExprKind::JoinedStr:
    case ExprKind::FormattedValue:
      return "f-string expression";
    case ExprKind::Constant: {
      switch (static_cast<const Constant*>(e)->value.kind) {
        case ConstantValue::Kind::kNone:
          return "None";
        case ConstantValue::Kind::kFalse:
          return "False";
        case ConstantValue::Kind::kTrue:
          return "True";
        case ConstantValue::Kind::kEllipsis:
          return "ellipsis";
        default:
          return "literal";
      }
    }
    case ExprKind::Compare:
      return "comparison";
    case ExprKind::IfExp:
      return "conditional expression";
    case ExprKind::NamedExpr:
      return "named expression";
    case ExprKind::Slice:
      return "slice";
  }
  return "expression";
}

}  // namespace minidynamo::ast
