// Unit tests of the tracer's data structures and of codegen: the graph IR's
// printing and rollback, guard bookkeeping, sources, and the resume code's
// rewriting of the original bytecode.

#include <string>
#include <vector>

#include "codegen/out_code.h"
#include "codegen/verifier.h"
#include "gtest/gtest.h"
#include "tracer/graph.h"
#include "tracer/guards.h"
#include "tracer/plan.h"
#include "tracer/source.h"
#include "vm/compile/code.h"
#include "vm/compile/compiler.h"
#include "vm/core/builtin_types.h"
#include "vm/core/errors.h"
#include "vm/interp/modules.h"
#include "vm/interp/ops.h"
#include "vm/objects/str.h"

namespace minidynamo {
namespace {

class TracerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    static bool initialized = false;
    if (!initialized) {
      InitRuntime({"tracer_test"});
      initialized = true;
    }
  }
};

TEST_F(TracerTest, SourceNamesFollowDynamo) {
  SourceRef d = Source::Local("d", 0);
  EXPECT_EQ(d->Name(), "L['d']");
  EXPECT_EQ(Source::Item(d, Value::Int(40))->Name(), "L['d'][40]");
  EXPECT_EQ(Source::Attr(Source::Global("m"), "weight")->Name(),
            "G['m'].weight");
  EXPECT_TRUE(Source::Attr(Source::Global("m"), "w")->ReadsGlobal());
  EXPECT_FALSE(Source::Item(d, Value::Int(1))->ReadsGlobal());
}

TEST_F(TracerTest, GraphCodeNamesNodesUniquelyAndTruncates) {
  Graph g;
  int x = g.AddPlaceholder("L_x_", Value::None());
  GraphNode add;
  add.op = GraphNode::kCallFunction;
  add.name = "add";
  add.target_name = "operator.add";
  add.args = {GraphArg::Node(x), GraphArg::Const(Value::Int(1))};
  int a = g.AddCall(add);
  int b = g.AddCall(add);
  EXPECT_EQ(g.nodes()[a].name, "add");
  EXPECT_EQ(g.nodes()[b].name, "add_1");
  g.outputs().push_back(GraphArg::Node(b));
  EXPECT_EQ(g.Code(),
            "def forward(self, L_x_ : torch.Tensor):\n"
            "    add = operator.add(L_x_, 1)\n"
            "    add_1 = operator.add(L_x_, 1)\n"
            "    return (add_1,)\n");
  EXPECT_EQ(g.num_calls(), 2);
  g.outputs().clear();
  g.Truncate(2, 1);
  EXPECT_EQ(g.num_calls(), 1);
  // The name is free again after a rollback.
  EXPECT_EQ(g.nodes()[g.AddCall(add)].name, "add_1");
}

// A fuzz finding: a graph constant past sys.get_int_max_str_digits() made
// its repr for the graph code raise, and the ValueError stayed pending until
// unrelated code (the compile log) tripped over it.
TEST_F(TracerTest, ConstantTextOfAHugeIntIsHexAndLeavesNoError) {
  Value big = BinaryOp(Value::Int(3), Value::Int(10000), BinOp::kPower);
  ASSERT_FALSE(big.is_null());
  std::string text = ConstantText(big);
  EXPECT_FALSE(ErrorOccurred());
  EXPECT_EQ(text.substr(0, 2), "0x");
  EXPECT_EQ(Source::Item(Source::Local("d", 0), big)->Name(),
            "L['d'][" + text + "]");
  Graph g;
  GraphNode add;
  add.op = GraphNode::kCallFunction;
  add.name = "add";
  add.target_name = "operator.add";
  add.args = {GraphArg::Node(g.AddPlaceholder("L_x_", Value::None())),
              GraphArg::Const(big)};
  g.outputs().push_back(GraphArg::Node(g.AddCall(add)));
  EXPECT_NE(g.Code().find(text), std::string::npos);
  EXPECT_FALSE(ErrorOccurred());
}

TEST_F(TracerTest, GuardSetKeepsOneGuardPerKindAndSource) {
  GuardSet gs;
  Guard a;
  a.kind = Guard::kEqualsMatch;
  a.source = Source::Local("n", 1);
  a.expected = Value::Int(3);
  gs.Add(a);
  gs.Add(a);
  Guard grad;
  grad.kind = Guard::kGradMode;
  grad.grad_enabled = true;
  gs.Add(grad);
  gs.Add(grad);
  ASSERT_EQ(gs.guards().size(), 2u);
  EXPECT_EQ(gs.guards()[0].Describe(), "EQUALS_MATCH: L['n']");
  EXPECT_EQ(gs.guards()[1].Describe(), "GRAD_MODE: True");
}

TEST_F(TracerTest, ResumeCodeShiftsJumpsAndRemapsLocals) {
  const char* src =
      "def f(a, b):\n"
      "    c = a + b\n"
      "    for i in c:\n"
      "        a = a + i\n"
      "    return a\n";
  SyntaxErrorInfo err;
  auto module = CompileSource(src, "<test>", CompileMode::kExec, &err);
  ASSERT_TRUE(module.ok()) << err.msg;
  CodeObject* f = nullptr;
  for (const Value& c : As<CodeObject>(*module)->consts) {
    if (IsInstance(c, g_types.code)) f = As<CodeObject>(c);
  }
  ASSERT_NE(f, nullptr);
  // Resume at instruction 5 with one stack item, `b` (slot 1) live.
  absl::StatusOr<Value> r = BuildResumeCode(f, 5, {false}, {1});
  ASSERT_TRUE(r.ok());
  auto* code = As<CodeObject>(*r);
  EXPECT_EQ(code->argcount, 2);
  ASSERT_GE(code->varnames.size(), 4u);
  EXPECT_EQ(As<StrObject>(code->varnames[0])->str(), "___stack0");
  EXPECT_EQ(As<StrObject>(code->varnames[1])->str(), "b");
  EXPECT_EQ(code->code[2].op(), Opcode::JUMP_FORWARD);
  EXPECT_EQ(code->code[2].arg(), 5u + 3u);
  for (size_t i = 3; i < code->code.size(); ++i) {
    const Instruction& ins = code->code[i];
    const Instruction& orig = f->code[i - 3];
    EXPECT_EQ(ins.op(), orig.op());
    if (OpcodeArgKind(orig.op()) == ArgKind::kJump) {
      EXPECT_EQ(ins.arg(), orig.arg() + 3);
    } else if (OpcodeArgKind(orig.op()) == ArgKind::kLocal) {
      EXPECT_EQ(code->varnames[ins.arg()].as_object(),
                f->varnames[orig.arg()].as_object());
    }
  }
  EXPECT_TRUE(code->name.rfind("torch_dynamo_resume_in_f_at_", 0) == 0);
}

TEST_F(TracerTest, VerifierAcceptsCompiledCodeAndRejectsBrokenCode) {
  const char* src =
      "def f(a, b):\n"
      "    try:\n"
      "        for i in a:\n"
      "            b = b + i\n"
      "    except ValueError:\n"
      "        return None\n"
      "    with open('x') as h:\n"
      "        return [b, h]\n";
  SyntaxErrorInfo err;
  auto module = CompileSource(src, "<test>", CompileMode::kExec, &err);
  ASSERT_TRUE(module.ok()) << err.msg;
  CodeObject* f = nullptr;
  for (const Value& c : As<CodeObject>(*module)->consts) {
    if (IsInstance(c, g_types.code)) f = As<CodeObject>(c);
  }
  ASSERT_NE(f, nullptr);
  EXPECT_TRUE(VerifyCode(*f).ok()) << VerifyCode(*f);
  EXPECT_TRUE(VerifyCode(*As<CodeObject>(*module)).ok());

  auto broken = [&](auto mutate) {
    CodeObject copy;
    copy.code = f->code;
    copy.consts = f->consts;
    copy.names = f->names;
    copy.varnames = f->varnames;
    copy.positions = f->positions;
    copy.exception_table = f->exception_table;
    copy.stacksize = f->stacksize;
    copy.name = "f";
    mutate(copy);
    return VerifyCode(copy);
  };
  // A local index past co_varnames.
  absl::Status s = broken([](CodeObject& c) {
    for (Instruction& ins : c.code) {
      if (ins.op() == Opcode::LOAD_FAST) {
        ins = Instruction::Make(Opcode::LOAD_FAST, 99);
        break;
      }
    }
  });
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("local index"), std::string::npos);
  // A stack that overflows co_stacksize.
  s = broken([](CodeObject& c) { c.stacksize = 1; });
  EXPECT_FALSE(s.ok());
  // A jump past the end.
  s = broken([](CodeObject& c) {
    for (Instruction& ins : c.code) {
      if (ins.op() == Opcode::JUMP_FORWARD) {
        ins = Instruction::Make(Opcode::JUMP_FORWARD, 100000);
        break;
      }
    }
  });
  EXPECT_FALSE(s.ok());
  // Paths that disagree on the depth: one side of a branch pushes more.
  CodeObject diamond;
  diamond.name = "diamond";
  diamond.consts = {Value::None()};
  diamond.stacksize = 2;
  diamond.code = {Instruction::Make(Opcode::LOAD_CONST, 0),
                  Instruction::Make(Opcode::POP_JUMP_IF_FALSE, 3),
                  Instruction::Make(Opcode::LOAD_CONST, 0),
                  Instruction::Make(Opcode::LOAD_CONST, 0),
                  Instruction::Make(Opcode::RETURN_VALUE, 0)};
  diamond.positions.resize(diamond.code.size());
  s = VerifyCode(diamond);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("stack depths"), std::string::npos) << s;
}

TEST_F(TracerTest, ResumeCodePushesNullSlotsAndPassesTheRest) {
  SyntaxErrorInfo err;
  auto module = CompileSource("def f(x):\n    return int(x.sum())\n", "<test>",
                              CompileMode::kExec, &err);
  ASSERT_TRUE(module.ok());
  CodeObject* f = nullptr;
  for (const Value& c : As<CodeObject>(*module)->consts) {
    if (IsInstance(c, g_types.code)) f = As<CodeObject>(c);
  }
  // Resume after the inner call: the stack is [NULL, int, result].
  size_t call = 0;
  for (size_t i = 0; i < f->code.size(); ++i) {
    if (f->code[i].op() == Opcode::CALL && call == 0) call = i;
  }
  absl::StatusOr<Value> r =
      BuildResumeCode(f, static_cast<int>(call) + 1, {true, false, false}, {0});
  ASSERT_TRUE(r.ok());
  auto* code = As<CodeObject>(*r);
  EXPECT_EQ(code->argcount, 3);  // two stack values and x
  EXPECT_EQ(code->code[1].op(), Opcode::PUSH_NULL);
  EXPECT_EQ(code->code[2].op(), Opcode::LOAD_FAST);
  EXPECT_EQ(code->code[3].op(), Opcode::LOAD_FAST);
  EXPECT_TRUE(VerifyCode(*code).ok()) << VerifyCode(*code);
}

}  // namespace
}  // namespace minidynamo
