#include <cuda_runtime.h>

#include "third_party/cuda/vector_add.h"

namespace {

__global__ void AddKernel(const float* a, const float* b, float* c, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) c[i] = a[i] + b[i];
}

}  // namespace

int CudaDeviceCount() {
  int count = 0;
  return cudaGetDeviceCount(&count) == cudaSuccess ? count : -1;
}

int CudaVectorAdd(const float* a, const float* b, float* c, int n) {
  float *da = nullptr, *db = nullptr, *dc = nullptr;
  size_t bytes = sizeof(float) * n;
  cudaError_t err = cudaMalloc(&da, bytes);
  if (err == cudaSuccess) err = cudaMalloc(&db, bytes);
  if (err == cudaSuccess) err = cudaMalloc(&dc, bytes);
  if (err == cudaSuccess)
    err = cudaMemcpy(da, a, bytes, cudaMemcpyHostToDevice);
  if (err == cudaSuccess)
    err = cudaMemcpy(db, b, bytes, cudaMemcpyHostToDevice);
  if (err == cudaSuccess) {
    AddKernel<<<(n + 255) / 256, 256>>>(da, db, dc, n);
    err = cudaGetLastError();
  }
  if (err == cudaSuccess)
    err = cudaMemcpy(c, dc, bytes, cudaMemcpyDeviceToHost);
  cudaFree(da);
  cudaFree(db);
  cudaFree(dc);
  return static_cast<int>(err);
}
