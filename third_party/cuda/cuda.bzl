"""cuda_library: compiles .cu sources with nvcc under --config=cuda.

Bazel 4.2.3's native C++ rules know nothing of CUDA, so each .cu file is compiled to
a position-independent object by a genrule calling nvcc, and the objects become the
srcs of an ordinary cc_library linked against cudart. Without --config=cuda the
target is marked incompatible, so `bazel test //...` skips it and the default build
needs no toolkit.
"""

load("@local_cuda//:defs.bzl", "HAS_CUDA", "NVCC")

_ENABLED_ONLY = select({
    "//third_party/cuda:enabled": [] if HAS_CUDA else ["//third_party:incompatible"],
    "//conditions:default": ["//third_party:incompatible"],
})

def cuda_library(name, srcs, hdrs = [], deps = [], **kwargs):
    objects = []
    if HAS_CUDA:
        for src in srcs:
            stem = src.replace("/", "_").replace(".cu", "")
            obj = "_%s_%s.pic.o" % (name, stem)
            native.genrule(
                name = "_%s_%s_nvcc" % (name, stem),
                srcs = [src] + hdrs + ["@local_cuda//:headers"],
                outs = [obj],
                cmd = ("%s -std=c++17 -O2 -I. -Xcompiler -fPIC " +
                       "-c $(location %s) -o $@") % (NVCC, src),
                target_compatible_with = _ENABLED_ONLY,
            )
            objects.append(obj)
    native.cc_library(
        name = name,
        srcs = objects,
        hdrs = hdrs,
        deps = deps + ["@local_cuda//:cuda_runtime"],
        target_compatible_with = _ENABLED_ONLY,
        **kwargs
    )
