#ifndef MINIDYNAMO_THIRD_PARTY_CUDA_VECTOR_ADD_H_
#define MINIDYNAMO_THIRD_PARTY_CUDA_VECTOR_ADD_H_

// A smoke test of the CUDA wiring: c[i] = a[i] + b[i] on the first GPU.
// Returns 0 on success, a cudaError_t value otherwise (e.g. no device).
int CudaVectorAdd(const float* a, const float* b, float* c, int n);

// Number of CUDA devices, or -1 when the runtime reports an error.
int CudaDeviceCount();

#endif  // MINIDYNAMO_THIRD_PARTY_CUDA_VECTOR_ADD_H_
