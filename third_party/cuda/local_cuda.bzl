"""local_cuda_repository: the CUDA toolkit from /usr/local/cuda (or $CUDA_PATH).

Generates @local_cuda with:
  :cuda_runtime   cc_library for cudart (headers + link options), empty without CUDA
  defs.bzl        HAS_CUDA, True when the toolkit was found, and NVCC, its driver
nvcc finds its helpers (cicc, ptxas) relative to its own real path, so it is called
by absolute path rather than through a symlink inside the sandbox.
The default build never touches these; `--config=cuda` selects them (see
third_party/cuda/cuda.bzl).
"""

def _local_cuda_repository_impl(rctx):
    root = rctx.os.environ.get("CUDA_PATH", "/usr/local/cuda")
    has_cuda = rctx.path(root + "/bin/nvcc").exists
    rctx.file("WORKSPACE", "workspace(name = \"local_cuda\")\n")
    rctx.file("defs.bzl", "HAS_CUDA = %s\nNVCC = \"%s/bin/nvcc\"\n" % (has_cuda, root))
    if not has_cuda:
        rctx.file("BUILD", """package(default_visibility = ["//visibility:public"])
exports_files(["defs.bzl"])
cc_library(name = "cuda_runtime")
""")
        return
    rctx.symlink(root + "/include", "include")
    libdir = root + "/lib64"
    rctx.file("BUILD", """package(default_visibility = ["//visibility:public"])
exports_files(["defs.bzl"])

filegroup(
    name = "headers",
    srcs = glob(["include/**"]),
)

cc_library(
    name = "cuda_runtime",
    hdrs = glob(["include/*.h", "include/crt/*.h", "include/crt/*.hpp"]),
    includes = ["include"],
    linkopts = ["-L{libdir}", "-Wl,-rpath,{libdir}", "-lcudart"],
)
""".format(libdir = libdir))

local_cuda_repository = repository_rule(
    implementation = _local_cuda_repository_impl,
    environ = ["CUDA_PATH"],
    local = True,
)
