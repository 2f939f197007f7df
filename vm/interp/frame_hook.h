#ifndef MINIDYNAMO_VM_INTERP_FRAME_HOOK_H_
#define MINIDYNAMO_VM_INTERP_FRAME_HOOK_H_

// The frame-evaluation hook: the one place the VM lets the tracer in (PEP
// 523's role in CPython). While a hook is installed, every call of a Python
// function (generators and coroutines excepted) binds its arguments into a
// frame and asks the hook first; the hook may answer with a replacement code
// object (the tracer's "out code"), which then runs in that frame's place
// with the same arguments, cells and globals.
//
// A replacement must keep the original's arguments, cell variables and free
// variables, in order: its localsplus is the original's varnames, then any
// extra locals it needs, then the same cells and free variables.

#include "vm/core/value.h"

namespace minidynamo {

class FunctionObject;
struct Frame;

// Returns false with an exception raised on error; otherwise sets
// `*replacement` to a code object, or leaves it null to run the original.
using FrameHook = bool (*)(FunctionObject* func, Frame* frame,
                           Value* replacement);

void SetFrameHook(FrameHook hook);
FrameHook GetFrameHook();
// The installed hook (null when none): read by CALL's fast path.
extern FrameHook g_frame_hook;

// Answers the hook for a prepared frame: null (run `f` as it is), or the
// frame for the replacement code with `f`'s bindings moved into it (f is
// released). Returns nullptr with an exception raised on error (f released).
// Defined in call.cc, next to PrepareCall.
Frame* ApplyFrameHook(FunctionObject* func, Frame* f, bool* replaced);

// Tensor metadata for guards and tracing, provided by the torch runtime when
// it loads (the VM itself knows nothing of tensors).
struct TensorMeta {
  int dtype = 0;  // c10::ScalarType
  int device_type = 0;
  int device_index = -1;
  bool requires_grad = false;
  int ndim = 0;
  int64_t sizes[16];
  int64_t strides[16];
};
using TensorMetaFn = bool (*)(const Value& v, TensorMeta* out);
void SetTensorMetaFn(TensorMetaFn fn);
// False when `v` is not a tensor (or no torch runtime is loaded).
bool GetTensorMeta(const Value& v, TensorMeta* out);

// Grad mode (torch.is_grad_enabled / _set_grad_enabled), also provided by
// the torch runtime; without it grad mode reads as on.
void SetGradModeFns(bool (*get)(), void (*set)(bool));
bool GradModeEnabled();
void SetGradMode(bool enabled);

}  // namespace minidynamo

#endif  // MINIDYNAMO_VM_INTERP_FRAME_HOOK_H_
