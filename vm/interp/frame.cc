#include "vm/interp/frame.h"

#include <cstdlib>
#include <new>

#include "vm/core/small_alloc.h"
#include "vm/core/type.h"
#include "vm/objects/dict.h"

namespace minidynamo {
namespace {

constexpr size_t kChunkBytes = 256 * 1024;

}  // namespace

void ThreadState::ComputeFrameLayout(CodeObject* code) {
  size_t slots = code->nlocalsplus() + static_cast<size_t>(code->stacksize) + 1;
  size_t bytes = sizeof(Frame) + slots * sizeof(Value);
  code->frame_locals = static_cast<uint32_t>(code->nlocalsplus());
  code->frame_bytes = static_cast<uint32_t>((bytes + 15) & ~size_t{15});
  code->fast_nargs =
      code->nfree() == 0 &&
              code->BindsExactly(static_cast<size_t>(code->argcount))
          ? code->argcount
          : -1;
}

void ThreadState::NextChunk(const CodeObject* code) {
  // Chunks are allocated on first use and kept; a frame bigger than a chunk
  // gets one of its own size.
  size_t next = top_ == nullptr ? 0 : chunk_index_ + 1;
  size_t size =
      code->frame_bytes > kChunkBytes ? code->frame_bytes : kChunkBytes;
  if (next < chunks_.size() && size > kChunkBytes) {
    std::free(chunks_[next]);
    chunks_[next] = static_cast<char*>(std::malloc(size));
  }
  if (next >= chunks_.size()) {
    chunks_.push_back(static_cast<char*>(std::malloc(size)));
  }
  if (chunks_[next] == nullptr) throw std::bad_alloc();
  chunk_index_ = next;
  top_ = chunks_[next];
  limit_ = top_ + size;
}

void ThreadState::RestoreChunk(char* prev_top, uint32_t prev_chunk) {
  if (prev_top == nullptr) {
    chunk_index_ = 0;
    limit_ = nullptr;
    return;
  }
  chunk_index_ = prev_chunk;
  limit_ = chunks_[chunk_index_] + kChunkBytes;
}

Frame* ThreadState::NewHeapFrame(Value code, DictObject* globals,
                                 DictObject* builtins) {
  auto* c = As<CodeObject>(code);
  if (c->frame_bytes == 0) ComputeFrameLayout(c);
  // From the object pools (a generator's frame is usually small and lives
  // and dies with it).
  void* mem = SmallAlloc(c->frame_bytes);
  auto* f = static_cast<Frame*>(mem);
  InitFrame(f, std::move(code), c, Value(), globals, builtins, nullptr, 0);
  f->on_heap = true;
  return f;
}

void ThreadState::FreeHeapFrame(Frame* f) {
  DestroyFrame(f);
  SmallFree(f);
}

}  // namespace minidynamo
