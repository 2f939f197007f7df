#ifndef MINIDYNAMO_TRACER_TRANSLATOR_INTERNAL_H_
#define MINIDYNAMO_TRACER_TRANSLATOR_INTERNAL_H_

// Internal to tracer/: the symbolic interpreter of one frame (the compiled
// frame or an inlined call). translator.cc holds the opcode handlers,
// translator_calls.cc calls, attributes and container methods, and
// plan_builder.cc turns the finished state into an OutputPlan.

#include "tracer/output_graph.h"

namespace minidynamo {
namespace tracer_detail {

// ---- the translator

class Translator {
 public:
  Translator(OutputGraph* out, FunctionObject* func, CodeObject* code,
             int depth)
      : out_(out), func_(func), code_(code), depth_(depth) {
    locals_.resize(code->nlocalsplus());
  }

  std::vector<VTRef>& locals() { return locals_; }
  // Inlined code runs with the globals of the function it came from; a
  // function made in the traced frame brings its own closure boxes.
  void set_globals_func(FunctionObject* f) { func_ = f; }

  // Runs to RETURN_VALUE; false on a break (out_->unsupported set).
  bool Run(VTRef* result);

  // Set on an inlined call made inside a try block of a caller.
  void set_in_outer_try(bool v) { in_outer_try_ = v; }
  // True when the current instruction runs inside a try block (here or in a
  // caller): an exception raised there may be caught, so it must be raised
  // where the user's handler sees it, not later by the graph or out code.
  bool InTry() const;

 private:
  bool Step(Opcode op, uint32_t arg, bool* done, VTRef* result);
  bool Unsupported(std::string reason) { return out_->Fail(std::move(reason)); }

  VTRef Pop() {
    VTRef v = stack_.back();
    stack_.pop_back();
    return v;
  }
  void Push(VTRef v) { stack_.push_back(std::move(v)); }
  VTRef Real(VTRef v) { return out_->Realize(v); }

  bool CallVT(const VTRef& fn, std::vector<VTRef> args,
              std::vector<std::pair<std::string, VTRef>> kwargs, VTRef* result);
  bool CallMethodVT(const VTRef& self, const std::string& name,
                    std::vector<VTRef> args,
                    std::vector<std::pair<std::string, VTRef>> kwargs,
                    VTRef* result);
  bool DictMethod(const VTRef& d, const std::string& name,
                  std::vector<VTRef>& args, VTRef* result);
  bool ListMethod(const VTRef& l, const std::string& name,
                  std::vector<VTRef>& args, VTRef* result);
  bool Inline(FunctionObject* fn, std::vector<VTRef> args,
              std::vector<std::pair<std::string, VTRef>> kwargs, VTRef* result,
              const SourceRef& fn_source = nullptr);
  bool InlineCode(CodeObject* code, FunctionObject* fn, const Value& defaults,
                  const Value& kwdefaults, const std::vector<VTRef>* boxes,
                  std::vector<VTRef> args,
                  std::vector<std::pair<std::string, VTRef>> kwargs,
                  VTRef* result, const SourceRef& fn_source = nullptr);
  // Records a graph call on tensors; `*result` is the new tracker.
  bool RecordCall(GraphNode::Op op, const Value& target,
                  const std::string& target_name, const std::string& method,
                  const std::vector<VTRef>& args,
                  const std::vector<std::pair<std::string, VTRef>>& kwargs,
                  VTRef* result, int binop = -1);
  bool ToGraphArg(const VTRef& v, GraphArg* out, Value* example);
  Value CallOnMaterialized(GraphNode::Op op, const Value& target,
                           const std::string& method,
                           const std::vector<Value>& ex_args, TupleObject* kw);
  bool ConstValue(const VTRef& v, Value* out);
  bool BinaryOpVT(int op_index, const VTRef& a, const VTRef& b, VTRef* r);
  bool GetAttrVT(const VTRef& obj, const std::string& name, VTRef* result);
  bool Truth(const VTRef& v, int* truth);
  bool SetItemVT(const VTRef& container, const VTRef& key, VTRef value);
  void MarkMutated(const VTRef& v, bool all);
  bool SetGrad(bool enabled);
  bool FunctionalCall(std::vector<VTRef>& args,
                      std::vector<std::pair<std::string, VTRef>>& kwargs,
                      VTRef* result);
  bool MakeFunction(uint32_t flags);
  // Sets of constants (translator_sets.cc).
  VTRef NewSetVT(Value set);
  bool SetElements(const VTRef& v, std::vector<Value>* out);
  bool MakeSet(TypeObject* type, std::vector<VTRef>& args, VTRef* result);
  bool SetBinaryOp(int op_index, const VTRef& a, const VTRef& b, VTRef* r);
  bool SetMethod(const VTRef& s, const std::string& name,
                 std::vector<VTRef>& args, VTRef* result);
  bool IterateObject(const VTRef& obj, std::vector<VTRef>* items);
  // iter(v): an iterator tracker over what v holds (v itself when it is one).
  bool IterVT(const VTRef& v, VTRef* result);
  // iter, next, enumerate, zip, reversed over trackers.
  bool IterationBuiltin(const std::string& name, std::vector<VTRef>& args,
                        VTRef* result);
  bool IsModuleValue(const Value& v) const;

  OutputGraph* out_;
  FunctionObject* func_;
  CodeObject* code_;
  int depth_;
  std::vector<VTRef> locals_;
  std::vector<VTRef> stack_;
  uint32_t pc_ = 0;
  Value kwnames_;
  bool in_outer_try_ = false;
};

// True when instruction `index` of `code` is covered by a try/except or
// try/finally handler; `with` blocks (and the cleanup entries of handlers)
// are looked through to the handler around them.
bool InTryBlock(const CodeObject& code, uint32_t index);

}  // namespace tracer_detail
}  // namespace minidynamo

#endif  // MINIDYNAMO_TRACER_TRANSLATOR_INTERNAL_H_
