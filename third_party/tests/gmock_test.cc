// GoogleMock matchers and mocks, as later layer tests use them.
#include "gmock/gmock.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Return;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual double Now() = 0;
};

class MockClock : public Clock {
 public:
  MOCK_METHOD(double, Now, (), (override));
};

double Elapsed(Clock& clock) {
  double start = clock.Now();
  return clock.Now() - start;
}

TEST(GmockTest, MockReturnsScriptedValues) {
  MockClock clock;
  EXPECT_CALL(clock, Now()).WillOnce(Return(1.0)).WillOnce(Return(3.5));
  EXPECT_DOUBLE_EQ(Elapsed(clock), 2.5);
}

TEST(GmockTest, ContainerAndStringMatchers) {
  std::vector<int> v = {1, 2, 3};
  EXPECT_THAT(v, ElementsAre(1, 2, 3));
  EXPECT_THAT(std::string("Ran 16 tests"), HasSubstr("16 tests"));
}

}  // namespace
