// LibTorch wiring: a tensor op with checked values, and PyTorch's error text
// for a shape mismatch (the runtime will surface these messages unchanged).
#include <string>

#include "gtest/gtest.h"
#include "torch/torch.h"

namespace {

TEST(LibTorchTest, MatmulAndReductions) {
  torch::Tensor a = torch::arange(6, torch::kFloat32).reshape({2, 3});
  torch::Tensor b = torch::ones({3, 2});
  torch::Tensor c = torch::matmul(a, b);
  ASSERT_EQ(c.sizes(), (std::vector<int64_t>{2, 2}));
  EXPECT_FLOAT_EQ(c[0][0].item<float>(), 0 + 1 + 2);
  EXPECT_FLOAT_EQ(c[1][1].item<float>(), 3 + 4 + 5);
  EXPECT_FLOAT_EQ(a.sum().item<float>(), 15.0f);
}

TEST(LibTorchTest, SeededRandomIsReproducible) {
  torch::manual_seed(0);
  torch::Tensor x = torch::randn({4});
  torch::manual_seed(0);
  torch::Tensor y = torch::randn({4});
  EXPECT_TRUE(torch::equal(x, y));
  // The same value PyTorch prints for torch.manual_seed(0); torch.randn(1).
  torch::manual_seed(0);
  EXPECT_NEAR(torch::randn({1}).item<float>(), 1.5410f, 1e-4);
}

TEST(LibTorchTest, ShapeMismatchMessage) {
  try {
    torch::ones({2, 3}) + torch::ones({4});
    FAIL() << "expected c10::Error";
  } catch (const c10::Error& e) {
    std::string msg = e.what_without_backtrace();
    EXPECT_NE(
        msg.find(
            "The size of tensor a (3) must match the size of tensor b (4)"),
        std::string::npos)
        << msg;
  }
}

TEST(LibTorchTest, AutogradComputesGradient) {
  torch::Tensor x = torch::tensor({1.0, 2.0, 3.0}, torch::requires_grad());
  (x * x).sum().backward();
  EXPECT_TRUE(torch::allclose(x.grad(), torch::tensor({2.0, 4.0, 6.0})));
}

}  // namespace
