#include "third_party/cuda/vector_add.h"

#include <vector>

#include "gtest/gtest.h"

TEST(CudaTest, VectorAddOnDevice) {
  if (CudaDeviceCount() <= 0) {
    GTEST_SKIP() << "built with CUDA, but no CUDA device is visible";
  }
  const int n = 1000;
  std::vector<float> a(n), b(n), c(n, -1.0f);
  for (int i = 0; i < n; ++i) {
    a[i] = static_cast<float>(i);
    b[i] = 0.5f * static_cast<float>(i);
  }
  ASSERT_EQ(CudaVectorAdd(a.data(), b.data(), c.data(), n), 0);
  for (int i = 0; i < n; ++i)
    EXPECT_FLOAT_EQ(c[i], 1.5f * static_cast<float>(i));
}
