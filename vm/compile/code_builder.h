#ifndef MINIDYNAMO_VM_COMPILE_CODE_BUILDER_H_
#define MINIDYNAMO_VM_COMPILE_CODE_BUILDER_H_

// CodeBuilder: assembles one code object's instructions. Labels stand for jump
// targets until Finish() resolves them; exception handlers are attached to the
// instructions emitted while they are active (PushHandler/PopHandler, or set
// directly for code emitted on an unwinding path), and Finish() turns runs of
// instructions with the same handler into exception-table rows. Finish() also
// computes the maximum stack depth by flow analysis over jumps and handlers,
// and checks that every path agrees on the depth (the verifier's first duty).
//
// The compiler uses it; codegen/ (the tracer's bytecode emitter) uses it too.

#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "vm/compile/code.h"

namespace minidynamo {

class CodeBuilder {
 public:
  using Label = int;

  Label NewLabel();
  void Bind(Label label);
  // Emits an instruction; for jump opcodes pass the target label as `arg`
  // through EmitJump instead.
  void Emit(Opcode op, uint32_t arg = 0);
  void EmitJump(Opcode op, Label target);
  void set_position(const Position& p) { position_ = p; }
  const Position& position() const { return position_; }

  // Exception handlers. `depth` is the value-stack depth to cut back to;
  // `push_lasti` pushes the failing instruction's index before the exception.
  int PushHandler(Label target, int depth, bool push_lasti);
  void PopHandler();
  int current_handler() const { return current_handler_; }
  // Sets the active handler directly (for code emitted on an unwinding path,
  // which belongs to an outer handler); returns the previous one.
  int SetCurrentHandler(int handler);

  // Constant and name tables (deduplicated).
  uint32_t AddConst(const Value& v);
  uint32_t AddName(const std::string& name);
  size_t num_instructions() const { return instrs_.size(); }
  // The last emitted opcode (NOP if none), for peephole decisions.
  Opcode last_op() const;

  // Resolves labels, builds the exception table and positions, and computes the
  // stack size into `code`. Fails on an inconsistent stack (a compiler bug).
  absl::Status Finish(CodeObject* code);

 private:
  void RemoveUnreachable();
  struct Instr {
    Opcode op;
    uint32_t arg;
    Label target;  // -1 unless a jump
    Position pos;
    int handler;
  };
  struct Handler {
    Label target;
    int depth;
    bool push_lasti;
    int parent;
  };

  std::vector<Instr> instrs_;
  std::vector<int> label_pos_;
  std::vector<Handler> handlers_;
  int current_handler_ = -1;
  Position position_;
  std::vector<Value> consts_;
  absl::flat_hash_map<std::string, uint32_t> const_index_;
  std::vector<std::string> names_;
  absl::flat_hash_map<std::string, uint32_t> name_index_;
};

// A key that distinguishes constants that are equal in Python but must stay
// distinct in co_consts (1, 1.0, True; 0.0 and -0.0).
std::string ConstKey(const Value& v);

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_COMPILE_CODE_BUILDER_H_
