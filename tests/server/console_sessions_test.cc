#include "sim/server/console/console_sessions.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace ec2sim::server {
namespace {

ConsoleSession Learner(const std::string& account) {
  ConsoleSession s;
  s.account = account;
  s.user = "learner";
  return s;
}

TEST(ConsoleSessions, TokensAreLongRandomAndDistinct) {
  ConsoleSessions sessions;
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    std::string token = sessions.Start(Learner("111111111111"), 0);
    EXPECT_EQ(token.size(), 64u);
    EXPECT_EQ(token.find_first_not_of("0123456789abcdef"), std::string::npos);
    EXPECT_TRUE(seen.insert(token).second);
  }
}

TEST(ConsoleSessions, FindsTheAccountAndAnAntiForgeryTokenOfItsOwn) {
  ConsoleSessions sessions;
  std::string a = sessions.Start(Learner("111111111111"), 0);
  std::string b = sessions.Start(Learner("222222222222"), 0);
  ASSERT_TRUE(sessions.Find(a, 1).has_value());
  EXPECT_EQ(sessions.Find(a, 1)->account, "111111111111");
  EXPECT_EQ(sessions.Find(b, 1)->account, "222222222222");
  EXPECT_EQ(sessions.Find(a, 1)->csrf.size(), 64u);
  EXPECT_NE(sessions.Find(a, 1)->csrf, sessions.Find(b, 1)->csrf);
  EXPECT_NE(sessions.Find(a, 1)->csrf, a);
  EXPECT_FALSE(sessions.Find("", 1).has_value());
  EXPECT_FALSE(sessions.Find(a.substr(0, 63), 1).has_value());
}

TEST(ConsoleSessions, ExpireAfterTheirLifetime) {
  ConsoleSessions sessions(/*lifetime_ms=*/1000);
  std::string token = sessions.Start(Learner("111111111111"), 5000);
  EXPECT_TRUE(sessions.Find(token, 5999).has_value());
  EXPECT_FALSE(sessions.Find(token, 6000).has_value());
}

TEST(ConsoleSessions, EndForgetsTheSession) {
  ConsoleSessions sessions;
  std::string token = sessions.Start(Learner("111111111111"), 0);
  sessions.End(token);
  EXPECT_FALSE(sessions.Find(token, 1).has_value());
}

TEST(ConsoleSessions, ACapacityDropsTheOldestSession) {
  ConsoleSessions sessions(/*lifetime_ms=*/1000000, /*capacity=*/2);
  std::string first = sessions.Start(Learner("111111111111"), 0);
  std::string second = sessions.Start(Learner("222222222222"), 10);
  std::string third = sessions.Start(Learner("333333333333"), 20);
  EXPECT_FALSE(sessions.Find(first, 30).has_value());
  EXPECT_TRUE(sessions.Find(second, 30).has_value());
  EXPECT_TRUE(sessions.Find(third, 30).has_value());
}

}  // namespace
}  // namespace ec2sim::server
