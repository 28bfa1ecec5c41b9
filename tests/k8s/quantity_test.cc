#include "k8s/quantity.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <string>

#include "k8s_fixture.h"

namespace centinela::k8s {
namespace {

constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
constexpr int64_t kMin = std::numeric_limits<int64_t>::min();

int64_t Milli(std::string_view text) {
  std::optional<Quantity> q = ParseQuantity(text);
  EXPECT_TRUE(q.has_value()) << text;
  return q ? q->MilliValue() : -42;
}

TEST(Quantity, DecimalSuffixes) {
  EXPECT_EQ(Milli("1n"), 1);  // 0.000000001 rounds up to 1m
  EXPECT_EQ(Milli("1u"), 1);
  EXPECT_EQ(Milli("1m"), 1);
  EXPECT_EQ(Milli("500m"), 500);
  EXPECT_EQ(Milli("2"), 2000);
  EXPECT_EQ(Milli("1k"), 1'000'000);
  EXPECT_EQ(Milli("1M"), 1'000'000'000);
  EXPECT_EQ(Milli("1G"), 1'000'000'000'000);
  EXPECT_EQ(Milli("1T"), 1'000'000'000'000'000);
  EXPECT_EQ(Milli("9P"), 9'000'000'000'000'000'000);
  EXPECT_EQ(Milli("1E"), kMax);  // 10^21 thousandths: saturated
  EXPECT_EQ(Milli("128974848"), 128'974'848'000);
  EXPECT_EQ(Milli("1000000n"), 1);
  EXPECT_EQ(Milli("1500000n"), 2);
}

// Around the limits of the 64-bit fast path (at most 18 digits, digits x 2^binary below 2^63, at
// most 18 decimal places either way) and of int64 itself; expected values computed exactly.
TEST(Quantity, ExactAroundTheLimitsOf64Bits) {
  EXPECT_EQ(Milli("922337203685477580m"), 922337203685477580);
  EXPECT_EQ(Milli("9223372036854775806m"), 9223372036854775806);
  EXPECT_EQ(Milli("9223372036854775807m"), kMax);
  EXPECT_EQ(Milli("9223372036854775808m"), kMax);
  EXPECT_EQ(Milli("9223372036854775.807"), kMax);
  EXPECT_EQ(Milli("9223372036854775.808"), kMax);
  EXPECT_EQ(Milli("9007199254740Ki"), 9223372036853760000);
  EXPECT_EQ(Milli("9007199254741Ki"), kMax);
  EXPECT_EQ(Milli("8796093022Mi"), 9223372036636672000);
  EXPECT_EQ(Milli("8796093023Mi"), kMax);
  EXPECT_EQ(Milli("-922337203685477580m"), -922337203685477580);
  EXPECT_EQ(Milli("-9007199254741Ki"), kMin);
  EXPECT_EQ(Milli("0.000000000000000001k"), 1);
  EXPECT_EQ(Milli("0.000000000000000001"), 1);
  EXPECT_EQ(Milli("1.000000000000000001"), 1001);
  EXPECT_EQ(Milli("123456789.123456789"), 123456789124);
  EXPECT_EQ(Milli("12345678901234567.8m"), 12345678901234568);
  EXPECT_EQ(Milli("2.5e-3"), 3);
  EXPECT_EQ(Milli("999999999999999999e-21"), 1);
  EXPECT_EQ(Milli("1e-20"), 1);
}

TEST(Quantity, BinarySuffixes) {
  EXPECT_EQ(Milli("1Ki"), 1'024'000);
  EXPECT_EQ(Milli("1Mi"), 1'048'576'000);
  EXPECT_EQ(Milli("1.5Gi"), 1'610'612'736'000);
  EXPECT_EQ(Milli("1Ti"), 1'099'511'627'776'000);
  EXPECT_EQ(Milli("1Pi"), 1'125'899'906'842'624'000);
  EXPECT_EQ(Milli("1Ei"), kMax);
  EXPECT_EQ(ParseQuantity("1Ei")->Value(), int64_t{1} << 60);
  EXPECT_EQ(ParseQuantity("64Gi")->Value(), int64_t{64} << 30);
  EXPECT_EQ(Milli("0.5Ki"), 512'000);
  EXPECT_EQ(Milli("0.001Ki"), 1'024);  // 1.024 exactly
  EXPECT_EQ(Milli("0.0001Ki"), 103);   // 0.1024 -> 102.4m rounds up
}

TEST(Quantity, Exponents) {
  EXPECT_EQ(Milli("1e3"), 1'000'000);
  EXPECT_EQ(Milli("1E3"), 1'000'000);
  EXPECT_EQ(Milli("1.5e+3"), 1'500'000);
  EXPECT_EQ(Milli("12E2"), 1'200'000);
  EXPECT_EQ(Milli("1e-3"), 1);
  EXPECT_EQ(Milli("1e-10"), 1);
  EXPECT_EQ(Milli("5e-4"), 1);
  EXPECT_EQ(Milli("25e-4"), 3);
  EXPECT_EQ(Milli("1e0"), 1000);
  EXPECT_EQ(Milli("1e999999999999"), kMax);
  EXPECT_EQ(Milli("1e-999999999999"), 1);
}

TEST(Quantity, SignsAndDecimalPoints) {
  EXPECT_EQ(Milli("+1"), 1000);
  EXPECT_EQ(Milli("-1"), -1000);
  EXPECT_EQ(Milli("-1.5m"), -2);  // away from zero
  EXPECT_EQ(Milli("-0.1m"), -1);
  EXPECT_EQ(Milli(".5"), 500);
  EXPECT_EQ(Milli("+.5"), 500);
  EXPECT_EQ(Milli("1."), 1000);
  EXPECT_EQ(Milli("1.G"), 1'000'000'000'000);
  EXPECT_EQ(Milli("0"), 0);
  EXPECT_EQ(Milli("-0"), 0);
  EXPECT_EQ(Milli("0.000"), 0);
  EXPECT_EQ(Milli("000123"), 123'000);
  EXPECT_EQ(Milli("0.1"), 100);  // exact: no binary floating point error
  EXPECT_EQ(Milli("0.3"), 300);
  EXPECT_EQ(Milli("1.0001m"), 2);
  EXPECT_EQ(Milli("0.5m"), 1);
  EXPECT_EQ(Milli("9223372036854775807m"), kMax);
  EXPECT_EQ(Milli("9223372036854775806m"), 9'223'372'036'854'775'806);
  EXPECT_EQ(Milli("9223372036854775808m"), kMax);
  EXPECT_EQ(Milli("-9223372036854775808m"), kMin);
  EXPECT_EQ(Milli("9300000000.001"), 9'300'000'000'001);
}

TEST(Quantity, ValueIsApproximateButClose) {
  EXPECT_DOUBLE_EQ(static_cast<double>(ParseQuantity("500m")->value), 0.5);
  EXPECT_DOUBLE_EQ(static_cast<double>(ParseQuantity("1.5Gi")->value), 1610612736.0);
  EXPECT_DOUBLE_EQ(static_cast<double>(ParseQuantity("-2k")->value), -2000.0);
  EXPECT_DOUBLE_EQ(static_cast<double>(ParseQuantity("1e3")->value), 1000.0);
}

TEST(Quantity, ValueRoundsAwayFromZero) {
  EXPECT_EQ(ParseQuantity("100m")->Value(), 1);
  EXPECT_EQ(ParseQuantity("1")->Value(), 1);
  EXPECT_EQ(ParseQuantity("1001m")->Value(), 2);
  EXPECT_EQ(ParseQuantity("-100m")->Value(), -1);
  EXPECT_EQ(ParseQuantity("0")->Value(), 0);
}

TEST(Quantity, HandBuiltQuantityUsesValue) {
  Quantity q;
  q.value = 0.25L;
  EXPECT_EQ(q.MilliValue(), 250);
  q.value = 0.0001L;
  EXPECT_EQ(q.MilliValue(), 1);
  q.value = -0.0001L;
  EXPECT_EQ(q.MilliValue(), -1);
  q.value = 1e30L;
  EXPECT_EQ(q.MilliValue(), kMax);
}

TEST(Quantity, RejectsMalformed) {
  for (std::string_view bad :
       {"",      "Mi",   "1.2.3", "1 Gi", "1iB",    "1K",      "1e",    " 1",     "1 ",
        "+",     "-",    ".",     "+.",   "1e+",    "1e1.5",   "1.1.M", "1+1.0M", "0.1mi",
        "0.1am", "aoeu", ".5i",   "1i",   "-3.01i", "-3.01e-", "1Mi5",  "--1",    "1kk",
        "1GB",   "1Gi ", "1KiB",  "0x10", "1_000",  "e3",      "1,5",   "١"}) {
    EXPECT_FALSE(ParseQuantity(bad).has_value()) << '"' << bad << '"';
  }
}

TEST(Quantity, RejectsOverlongNumbers) {
  EXPECT_TRUE(ParseQuantity(std::string(4096, '1')).has_value());
  EXPECT_EQ(ParseQuantity(std::string(4096, '1'))->MilliValue(), kMax);
  EXPECT_FALSE(ParseQuantity(std::string(4097, '1')).has_value());
  EXPECT_EQ(ParseQuantity("0." + std::string(4000, '0') + "1")->MilliValue(), 1);
}

TEST(Quantity, FromNodes) {
  auto in = testing::Parse(
      "s: 250m\n"
      "i: 2\n"
      "f: 0.5\n"
      "hex: 0x10\n"
      "exp: 1e3\n"
      "q: \"1Gi\"\n"
      "bad: 1 Gi\n"
      "b: true\n"
      "n: null\n"
      "l: [1]\n"
      "m: {a: 1}\n"
      "inf: .inf\n");
  ASSERT_EQ(in->sink.error_count(), 0u);
  const doc::Node* root = in->Root();
  EXPECT_EQ(ParseQuantityNode(root->Get("s"))->MilliValue(), 250);
  EXPECT_EQ(ParseQuantityNode(root->Get("i"))->MilliValue(), 2000);
  EXPECT_EQ(ParseQuantityNode(root->Get("f"))->MilliValue(), 500);
  EXPECT_EQ(ParseQuantityNode(root->Get("hex"))->MilliValue(), 16000);
  EXPECT_EQ(ParseQuantityNode(root->Get("exp"))->MilliValue(), 1'000'000);
  EXPECT_EQ(ParseQuantityNode(root->Get("q"))->Value(), int64_t{1} << 30);
  EXPECT_FALSE(ParseQuantityNode(root->Get("bad")).has_value());
  EXPECT_FALSE(ParseQuantityNode(root->Get("b")).has_value());
  EXPECT_FALSE(ParseQuantityNode(root->Get("n")).has_value());
  EXPECT_FALSE(ParseQuantityNode(root->Get("l")).has_value());
  EXPECT_FALSE(ParseQuantityNode(root->Get("m")).has_value());
  EXPECT_FALSE(ParseQuantityNode(root->Get("inf")).has_value());
  EXPECT_FALSE(ParseQuantityNode(root->Get("missing")).has_value());
  EXPECT_FALSE(ParseQuantityNode(nullptr).has_value());
}

}  // namespace
}  // namespace centinela::k8s
