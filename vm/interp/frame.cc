#include "vm/interp/frame.h"

#include <cstdlib>
#include <new>

#include "vm/core/type.h"
#include "vm/objects/dict.h"

namespace minidynamo {
namespace {

constexpr size_t kChunkBytes = 256 * 1024;

size_t FrameBytes(const CodeObject* code) {
  return sizeof(Frame) +
         (code->nlocalsplus() + static_cast<size_t>(code->stacksize) + 1) *
             sizeof(Value);
}

void InitFrame(Frame* f, Value code, DictObject* globals,
               DictObject* builtins) {
  new (f) Frame();
  f->code = As<CodeObject>(code);
  f->code_ref = std::move(code);
  f->globals = globals;
  f->builtins = builtins;
  f->nslots =
      static_cast<uint32_t>(f->code->nlocalsplus() + f->code->stacksize + 1);
  Value* slots = f->localsplus();
  for (uint32_t i = 0; i < f->nslots; ++i) new (&slots[i]) Value();
  f->sp = f->stack_base();
}

void DestroyFrame(Frame* f) {
  // Everything still on the value stack or in locals is released.
  Value* slots = f->localsplus();
  for (uint32_t i = 0; i < f->nslots; ++i) slots[i].~Value();
  f->~Frame();
}

}  // namespace

ThreadState* ThreadState::Get() {
  static ThreadState* ts = new ThreadState();
  return ts;
}

Frame* ThreadState::PushFrame(Value code, DictObject* globals,
                              DictObject* builtins) {
  size_t bytes = FrameBytes(As<CodeObject>(code));
  bytes = (bytes + 15) & ~size_t{15};
  char* prev_top = top_;
  uint32_t prev_chunk = static_cast<uint32_t>(chunk_index_);
  if (top_ == nullptr || top_ + bytes > limit_) {
    // Move to the next chunk (allocated on first use; big frames get their own
    // size).
    size_t next = top_ == nullptr ? 0 : chunk_index_ + 1;
    size_t size = bytes > kChunkBytes ? bytes : kChunkBytes;
    if (next < chunks_.size() && size > kChunkBytes) {
      std::free(chunks_[next]);
      chunks_[next] = static_cast<char*>(std::malloc(size));
    }
    if (next >= chunks_.size())
      chunks_.push_back(static_cast<char*>(std::malloc(size)));
    if (chunks_[next] == nullptr) throw std::bad_alloc();
    chunk_index_ = next;
    top_ = chunks_[next];
    limit_ = top_ + size;
  }
  auto* f = reinterpret_cast<Frame*>(top_);
  top_ += bytes;
  InitFrame(f, std::move(code), globals, builtins);
  f->arena_prev_top = prev_top;
  f->arena_chunk = prev_chunk;
  return f;
}

void ThreadState::PopFrame(Frame* f) {
  char* prev_top = f->arena_prev_top;
  uint32_t prev_chunk = f->arena_chunk;
  DestroyFrame(f);
  top_ = prev_top;
  if (prev_chunk != chunk_index_ && prev_top != nullptr) {
    chunk_index_ = prev_chunk;
    limit_ = chunks_[chunk_index_] + kChunkBytes;
  }
  if (prev_top == nullptr) {
    chunk_index_ = 0;
    limit_ = nullptr;
  }
}

Frame* ThreadState::NewHeapFrame(Value code, DictObject* globals,
                                 DictObject* builtins) {
  void* mem = std::malloc(FrameBytes(As<CodeObject>(code)));
  if (mem == nullptr) throw std::bad_alloc();
  auto* f = static_cast<Frame*>(mem);
  InitFrame(f, std::move(code), globals, builtins);
  f->on_heap = true;
  return f;
}

void ThreadState::FreeHeapFrame(Frame* f) {
  DestroyFrame(f);
  std::free(f);
}

}  // namespace minidynamo
