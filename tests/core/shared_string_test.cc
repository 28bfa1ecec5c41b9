#include "core/shared_string.h"

#include <gtest/gtest.h>

#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace centinela::core {
namespace {

TEST(SharedString, EmptyByDefaultAndFromEmptyText) {
  const SharedString none;
  EXPECT_TRUE(none.empty());
  EXPECT_EQ(none.size(), 0U);
  EXPECT_EQ(none.view(), "");
  EXPECT_EQ(none, "");
  EXPECT_TRUE(SharedString("").empty());
  EXPECT_TRUE(SharedString(std::string()).empty());
  EXPECT_EQ(none.str(), "");
}

TEST(SharedString, OwnsACopyOfItsText) {
  std::string source = "spec.containers[0].securityContext.privileged";
  const SharedString s(source);
  source.assign(source.size(), 'x');
  EXPECT_EQ(s, "spec.containers[0].securityContext.privileged");
  EXPECT_EQ(s.size(), 45U);
  EXPECT_NE(s.data(), source.data());
}

TEST(SharedString, CopiesShareTheBufferAndOutliveTheOriginal) {
  std::vector<SharedString> copies;
  {
    const SharedString original("data-renderer-1");
    for (int i = 0; i < 3; ++i) copies.push_back(original);
    EXPECT_EQ(copies[0].data(), original.data());
  }
  for (const SharedString& c : copies) EXPECT_EQ(c, "data-renderer-1");
  EXPECT_EQ(copies[1].data(), copies[2].data());
}

TEST(SharedString, AssignmentAndMove) {
  SharedString a("first");
  SharedString b("second");
  a = b;
  EXPECT_EQ(a, "second");
  EXPECT_EQ(a.data(), b.data());
  SharedString c(std::move(b));
  EXPECT_EQ(c, "second");
  EXPECT_TRUE(b.empty());  // NOLINT(bugprone-use-after-move): moved-from is empty by contract
  c = std::move(a);
  EXPECT_EQ(c, "second");
  SharedString& self = c;
  c = self;
  EXPECT_EQ(c, "second");
  c = "third";
  EXPECT_EQ(c, "third");
  c = std::string("fourth");
  EXPECT_EQ(c, "fourth");
}

TEST(SharedString, AppendingMakesANewBufferAndLeavesCopiesAlone) {
  SharedString a("config .centinela.yaml:2");
  const SharedString before = a;
  a += ": system pods";
  EXPECT_EQ(a, "config .centinela.yaml:2: system pods");
  EXPECT_EQ(before, "config .centinela.yaml:2");
  a += "";
  EXPECT_EQ(a, "config .centinela.yaml:2: system pods");
  SharedString empty;
  empty += "x";
  EXPECT_EQ(empty, "x");
}

TEST(SharedString, ComparesWithEveryKindOfString) {
  const SharedString s("Deployment");
  EXPECT_TRUE(s == "Deployment");
  EXPECT_TRUE("Deployment" == s);
  EXPECT_TRUE(s == std::string("Deployment"));
  EXPECT_TRUE(std::string("Deployment") == s);
  EXPECT_TRUE(s == std::string_view("Deployment"));
  EXPECT_TRUE(s == SharedString("Deployment"));
  EXPECT_TRUE(s != "DaemonSet");
  EXPECT_TRUE(s > "DaemonSet");
  EXPECT_TRUE(s < SharedString("Job"));
  EXPECT_TRUE(SharedString() < s);
  EXPECT_TRUE(std::string_view("Z") > s);
  std::map<std::string, int, std::less<>> by_name{{"Deployment", 1}};
  EXPECT_EQ(by_name.find(s.view())->second, 1);
}

TEST(SharedString, ReadsLikeAStringView) {
  const SharedString s("annotation centinela.dev/ignore");
  EXPECT_EQ(s.find("centinela"), 11U);
  EXPECT_EQ(s.find("absent"), std::string_view::npos);
  EXPECT_EQ(s.rfind("annotation", 0), 0U);
  EXPECT_TRUE(s.starts_with("annotation"));
  EXPECT_TRUE(s.ends_with("ignore"));
  EXPECT_EQ(std::string(s.begin(), s.end()), "annotation centinela.dev/ignore");
  const std::string_view view = s;
  EXPECT_EQ(view, "annotation centinela.dev/ignore");
  EXPECT_EQ(std::string(s), "annotation centinela.dev/ignore");
  std::ostringstream out;
  out << s << '|' << SharedString();
  EXPECT_EQ(out.str(), "annotation centinela.dev/ignore|");
}

TEST(SharedString, HoldsAnyBytes) {
  const std::string bytes("a\0b\xFF\n", 5);
  const SharedString s(bytes);
  EXPECT_EQ(s.size(), 5U);
  EXPECT_EQ(s, bytes);
}

// Copies of one buffer made and dropped on several threads at once: the count must stay exact
// (ASan and the final value catch a lost update).
TEST(SharedString, CopiesOnSeveralThreads) {
  const SharedString shared("build-bench/data/deployments-20000.yaml");
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&shared] {
      std::vector<SharedString> mine;
      for (int i = 0; i < 10000; ++i) {
        mine.push_back(shared);
        if (mine.size() > 100) mine.clear();
      }
    });
  }
  for (auto& t : threads) t.join();
  const SharedString last = shared;
  EXPECT_EQ(last, "build-bench/data/deployments-20000.yaml");
}

}  // namespace
}  // namespace centinela::core
