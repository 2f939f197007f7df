// Registers the native module `torch._C`, whose code lives in a shared object
// (libtorch_c.so, linking LibTorch) opened only when a program imports torch.
//
// Linking LibTorch into the `vm` binary itself would cost every program about
// 0.45 s of static initialisers and 150 MiB at start-up, whether or not it
// uses tensors. The shared object resolves the VM's symbols against the
// executable (linked with -rdynamic), so both share one set of types and one
// interpreter state.

#include <dlfcn.h>
#include <unistd.h>

#include <climits>
#include <cstdlib>
#include <string>

#include "vm/core/errors.h"
#include "vm/core/object.h"
#include "vm/interp/modules.h"

namespace minidynamo {
namespace {

// The library sits at runtime/torch/ beside the executable's vm/ folder, both
// in bazel-bin and in a test's runfiles; MINIDYNAMO_TORCH_LIBRARY overrides.
std::string LibraryPath() {
  if (const char* env = std::getenv("MINIDYNAMO_TORCH_LIBRARY")) return env;
  char buf[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);
  if (n <= 0) return "libtorch_c.so";
  std::string exe(buf, n);
  std::string dir = exe.substr(0, exe.rfind('/'));
  std::string parent = dir.substr(0, dir.rfind('/'));
  return parent + "/runtime/torch/libtorch_c.so";
}

bool InitTorchC(ModuleObject* module) {
  static ModuleInitFn init = nullptr;
  if (init == nullptr) {
    std::string path = LibraryPath();
    // Lazy binding: LibTorch's ~100k function symbols are bound on first
    // use instead of at load (about 50 ms of start-up).
    void* handle = dlopen(path.c_str(), RTLD_LAZY | RTLD_LOCAL);
    if (handle == nullptr) {
      Raise(g_exc.ImportError,
            std::string("cannot load torch's native library: ") + dlerror());
      return false;
    }
    init =
        reinterpret_cast<ModuleInitFn>(dlsym(handle, "MinidynamoInitTorchC"));
    if (init == nullptr) {
      Raise(g_exc.ImportError,
            "torch's native library has no MinidynamoInitTorchC: " + path);
      return false;
    }
  }
  SetSkipStaticTeardown(true);
  return init(module);
}

const bool kRegistered = (RegisterNativeModule("torch._C", InitTorchC), true);

}  // namespace
}  // namespace minidynamo
