#ifndef MINIDYNAMO_VM_COMPILE_OPCODES_H_
#define MINIDYNAMO_VM_COMPILE_OPCODES_H_

// The opcode table: the one list every part of the system that knows opcodes
// reads (compiler, interpreter, tracer, codegen, dis, verifier).
//
// Instruction format: one 32-bit word.
//
//   31          8 7      0
//   +-------------+--------+
//   |    arg      | opcode |
//   +-------------+--------+
//
// A 24-bit argument needs no EXTENDED_ARG. Jump arguments are absolute
// instruction indexes (dis shows byte offsets, index * 2, to read like
// CPython's). Names follow CPython 3.11 where an opcode has a counterpart
// there, so tests written against CPython's dis (BUILD_MAP's argument is the
// number of pairs, ...) read the same.
//
// Columns: name, argument kind, stack effect (an expression in `arg`; for jumps
// the effect when the jump is taken is given by JumpStackEffect in opcodes.cc).
//
// Argument kinds:
//   kNone   no argument            kConst  index into co_consts
//   kName   index into co_names    kLocal  index into co_varnames (fast locals)
//   kFree   index into cellvars, then freevars    kJump   absolute instruction
//   index kCount  an item count          kCmp    comparison operator kBinOp
//   BINARY_OP operator     kRaw    other small integer (flags, kinds)

#include <cstdint>

#define MINIDYNAMO_OPCODES(X)                                                 \
  /* Stack manipulation */                                                    \
  X(NOP, kNone, 0)       /* does nothing */                                   \
  X(POP_TOP, kNone, -1)  /* x --                     */                       \
  X(PUSH_NULL, kNone, 1) /* -- NULL (before a callable) */                    \
  X(COPY, kCount, 1)     /* copies the arg-th item to the top */              \
  X(SWAP, kCount, 0)     /* swaps top and the arg-th item */                  \
  X(RESUME, kRaw, 0)     /* function entry marker */                          \
  /* Loads and stores */                                                      \
  X(LOAD_CONST, kConst, 1)                                                    \
  X(LOAD_FAST, kLocal, 1)                                                     \
  X(STORE_FAST, kLocal, -1)                                                   \
  X(DELETE_FAST, kLocal, 0)                                                   \
  X(LOAD_NAME, kName, 1) /* module and class bodies */                        \
  X(STORE_NAME, kName, -1)                                                    \
  X(DELETE_NAME, kName, 0)                                                    \
  X(LOAD_GLOBAL, kName,                                                       \
    1 + (arg & 1)) /* arg>>1 = name; low bit pushes NULL */                   \
  X(STORE_GLOBAL, kName, -1)                                                  \
  X(DELETE_GLOBAL, kName, 0)                                                  \
  X(LOAD_CLOSURE, kFree, 1) /* pushes the cell itself */                      \
  X(LOAD_DEREF, kFree, 1)                                                     \
  X(LOAD_CLASSDEREF, kFree, 1) /* class body: its dict, then cell */          \
  X(STORE_DEREF, kFree, -1)                                                   \
  X(DELETE_DEREF, kFree, 0)                                                   \
  X(LOAD_ATTR, kName, 0)   /* obj -- obj.name */                              \
  X(LOAD_METHOD, kName, 1) /* obj -- meth self | NULL attr */                 \
  X(STORE_ATTR, kName, -2) /* value obj -- */                                 \
  X(DELETE_ATTR, kName, -1)                                                   \
  X(LOAD_ASSERTION_ERROR, kNone, 1)                                           \
  X(LOAD_BUILD_CLASS, kNone, 1)                                               \
  /* Operators */                                                             \
  X(UNARY_POSITIVE, kNone, 0)                                                 \
  X(UNARY_NEGATIVE, kNone, 0)                                                 \
  X(UNARY_NOT, kNone, 0)                                                      \
  X(UNARY_INVERT, kNone, 0)                                                   \
  X(BINARY_OP, kBinOp, -1) /* a b -- a op b */                                \
  X(COMPARE_OP, kCmp, -1)                                                     \
  X(IS_OP, kRaw, -1)          /* arg 1: `is not` */                           \
  X(CONTAINS_OP, kRaw, -1)    /* arg 1: `not in` */                           \
  X(BINARY_SUBSCR, kNone, -1) /* container key -- item */                     \
  X(STORE_SUBSCR, kNone, -3)  /* value container key -- */                    \
  X(DELETE_SUBSCR, kNone, -2)                                                 \
  X(BUILD_SLICE, kCount, 1 - arg)                                             \
  /* Building containers */                                                   \
  X(BUILD_TUPLE, kCount, 1 - arg)                                             \
  X(BUILD_LIST, kCount, 1 - arg)                                              \
  X(BUILD_SET, kCount, 1 - arg)                                               \
  X(BUILD_MAP, kCount, 1 - 2 * arg)    /* arg = number of key/value pairs */  \
  X(BUILD_CONST_KEY_MAP, kCount, -arg) /* values... keys-tuple -- dict */     \
  X(BUILD_STRING, kCount, 1 - arg)                                            \
  X(LIST_APPEND, kCount, -1) /* appends to the arg-th item */                 \
  X(SET_ADD, kCount, -1)                                                      \
  X(MAP_ADD, kCount, -2)                                                      \
  X(LIST_EXTEND, kCount, -1)                                                  \
  X(SET_UPDATE, kCount, -1)                                                   \
  X(DICT_UPDATE, kCount, -1)                                                  \
  X(DICT_MERGE, kCount, -1) /* ** in calls: duplicate keys fail */            \
  X(LIST_TO_TUPLE, kNone, 0)                                                  \
  X(UNPACK_SEQUENCE, kCount, arg - 1)                                         \
  X(UNPACK_EX, kRaw, (arg & 0xFF) + (arg >> 8))                               \
  X(FORMAT_VALUE, kRaw, -((arg & 4) != 0)) /* conversion | 4 if a spec */     \
  /* Control flow */                                                          \
  X(JUMP_FORWARD, kJump, 0)                                                   \
  X(JUMP_BACKWARD, kJump, 0)                                                  \
  X(POP_JUMP_IF_FALSE, kJump, -1)                                             \
  X(POP_JUMP_IF_TRUE, kJump, -1)                                              \
  X(POP_JUMP_IF_NONE, kJump, -1)                                              \
  X(POP_JUMP_IF_NOT_NONE, kJump, -1)                                          \
  X(JUMP_IF_FALSE_OR_POP, kJump, -1) /* keeps the value when jumping */       \
  X(JUMP_IF_TRUE_OR_POP, kJump, -1)                                           \
  X(GET_ITER, kNone, 0)                                                       \
  X(FOR_ITER, kJump, 1) /* iter -- iter next | (jump, pop) */                 \
  /* Calls and functions */                                                   \
  X(KW_NAMES, kConst, 0)    /* names the next CALL's keywords */              \
  X(CALL, kCount, -1 - arg) /* NULL|meth f|self args -- result */             \
  X(CALL_FUNCTION_EX, kRaw, -2 - (arg & 1)) /* NULL f args [kwargs] -- res */ \
  X(MAKE_FUNCTION, kRaw,                                                      \
    -((arg & 1) != 0) - ((arg & 2) != 0) - ((arg & 4) != 0) -                 \
        ((arg & 8) != 0))                                                     \
  X(RETURN_VALUE, kNone, -1)                                                  \
  /* Imports */                                                               \
  X(IMPORT_NAME, kName, -1) /* level fromlist -- module */                    \
  X(IMPORT_FROM, kName, 1)                                                    \
  X(IMPORT_STAR, kNone, -1)                                                   \
  /* Exceptions and with */                                                   \
  X(RAISE_VARARGS, kCount, -arg)                                              \
  X(RERAISE, kRaw, -1)                                                        \
  X(PUSH_EXC_INFO, kNone, 1) /* exc -- prev exc */                            \
  X(POP_EXCEPT, kNone, -1)                                                    \
  X(CHECK_EXC_MATCH, kNone, 0)   /* exc type -- exc bool */                   \
  X(BEFORE_WITH, kNone, 1)       /* mgr -- exit enter_result */               \
  X(WITH_EXCEPT_START, kNone, 1) /* exit lasti prev exc -- ... res */         \
  X(SETUP_ANNOTATIONS, kNone, 0)                                              \
  /* Pattern matching (match statements) */                                   \
  X(GET_LEN, kNone, 1)        /* obj -- obj len(obj) */                       \
  X(MATCH_MAPPING, kNone, 1)  /* subject -- subject is_mapping */             \
  X(MATCH_SEQUENCE, kNone, 1) /* subject -- subject is_sequence */            \
  X(MATCH_KEYS, kNone, 1)     /* subject keys -- subject keys values|None */  \
  X(MATCH_CLASS, kCount, -2)  /* subject cls names -- attrs|None; arg npos */ \
  /* except*: CHECK_EG_MATCH splits exc by type (None: no match) */           \
  X(CHECK_EG_MATCH, kNone, 0)     /* exc type -- rest match | exc None */     \
  X(PREP_RERAISE_STAR, kNone, -1) /* orig raised_list -- exc | None */        \
  /* Generators and coroutines */                                             \
  X(RETURN_GENERATOR, kNone, 0)                                               \
  X(YIELD_VALUE, kNone, 0) /* value -- sent */                                \
  X(GET_YIELD_FROM_ITER, kNone, 0)                                            \
  X(GET_AWAITABLE, kRaw, 0)                                                   \
  X(SEND, kJump, 0)              /* iter value -- iter result */              \
  X(END_SEND, kNone, -1)         /* iter value -- value */                    \
  X(BEFORE_ASYNC_WITH, kNone, 1) /* mgr -- aexit awaitable(aenter()) */       \
  X(GET_AITER, kNone, 0)         /* obj -- obj.__aiter__() */                 \
  X(GET_ANEXT, kNone, 1)         /* aiter -- aiter awaitable(anext) */        \
  X(END_ASYNC_FOR, kNone, -2)    /* aiter exc -- (StopAsyncIteration ends) */ \
  X(ASYNC_GEN_WRAP, kNone, 0)    /* value -- value marked as a yield */       \
  /* Quickened pairs, runtime only: CodeObject::PrepareCaches writes them     \
     into the eval loop's copy of the code (`quickened`); the compiler never  \
     emits them, and dis, the tracer and the verifier read `code`. Each runs  \
     itself and the next instruction, which stays in place (a jump may land   \
     on it), as CPython 3.11's superinstructions. */                          \
  X(LOAD_FAST__LOAD_FAST, kLocal, 2)   /* LOAD_FAST a; LOAD_FAST b */         \
  X(STORE_FAST__LOAD_FAST, kLocal, 0)  /* STORE_FAST a; LOAD_FAST b */        \
  X(COMPARE_OP__JUMP, kCmp, -2)        /* COMPARE_OP; POP_JUMP_IF_FALSE/TRUE */\
  X(LOAD_FAST__LOAD_ATTR, kLocal, 1)   /* LOAD_FAST a; LOAD_ATTR name */      \
  X(LOAD_FAST__LOAD_METHOD, kLocal, 2) /* LOAD_FAST a; LOAD_METHOD name */    \
  X(LOAD_FAST__STORE_ATTR, kLocal, -1) /* LOAD_FAST a; STORE_ATTR name */     \
  X(BUILD_SLICE__BINARY_SUBSCR, kCount, -arg) /* BUILD_SLICE; BINARY_SUBSCR */\
  X(BUILD_SLICE__STORE_SUBSCR, kCount, -2 - arg) /* BUILD_SLICE; STORE_SUBSCR*/

namespace minidynamo {

enum class Opcode : uint8_t {
#define MINIDYNAMO_OPCODE_ENUM(name, kind, effect) name,
  MINIDYNAMO_OPCODES(MINIDYNAMO_OPCODE_ENUM)
#undef MINIDYNAMO_OPCODE_ENUM
      kCount
};

enum class ArgKind : uint8_t {
  kNone,
  kConst,
  kName,
  kLocal,
  kFree,
  kJump,
  kCount,
  kCmp,
  kBinOp,
  kRaw
};

// BINARY_OP's argument, in CPython 3.11's numbering (NB_ADD = 0, ...). The
// in-place forms are the plain ones plus 13.
enum class BinOp : uint8_t {
  kAdd,
  kAnd,
  kFloorDivide,
  kLshift,
  kMatrixMultiply,
  kMultiply,
  kRemainder,
  kOr,
  kPower,
  kRshift,
  kSubtract,
  kTrueDivide,
  kXor,
  kInplaceAdd,
  kInplaceAnd,
  kInplaceFloorDivide,
  kInplaceLshift,
  kInplaceMatrixMultiply,
  kInplaceMultiply,
  kInplaceRemainder,
  kInplaceOr,
  kInplacePower,
  kInplaceRshift,
  kInplaceSubtract,
  kInplaceTrueDivide,
  kInplaceXor,
};
inline constexpr int kInplaceOffset = 13;

// COMPARE_OP's argument, in CPython's order.
enum class CompareOp : uint8_t { kLt, kLe, kEq, kNe, kGt, kGe };

struct Instruction {
  uint32_t word;
  Opcode op() const { return static_cast<Opcode>(word & 0xFF); }
  uint32_t arg() const { return word >> 8; }
  static Instruction Make(Opcode op, uint32_t arg) {
    return Instruction{static_cast<uint32_t>(op) | (arg << 8)};
  }
};
inline constexpr uint32_t kMaxArg = (1u << 24) - 1;

const char* OpcodeName(Opcode op);
ArgKind OpcodeArgKind(Opcode op);
// Net stack effect of executing `op` with `arg`; `jump` selects the effect when
// a conditional jump is taken (FOR_ITER's exhausted path, JUMP_IF_*_OR_POP
// keeping the value, SEND's exit).
int StackEffect(Opcode op, uint32_t arg, bool jump);
bool IsJump(Opcode op);
// Opcodes after which control never falls through to the next instruction.
bool IsTerminator(Opcode op);
// Symbols for dis: "+", "+=", "<", ...
const char* BinOpSymbol(uint32_t arg);
const char* CompareOpSymbol(uint32_t arg);

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_COMPILE_OPCODES_H_
