// The endpoint's response cache on its own: keys, the version and clock rules, and the request
// id spliced into a stored body.
#include "sim/server/response_cache.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

namespace ec2sim::server {
namespace {

using nlohmann::json;

const std::string kMarked =
    "<R><requestId>" + std::string(ResponseCache::kIdMarker) + "</requestId><x>1</x></R>";

TEST(ResponseCache, KeysSeparateAccountsRegionsActionsAndInputs) {
  CallContext a{"111122223333", "us-east-1"};
  CallContext b{"444455556666", "us-east-1"};
  CallContext c{"111122223333", "eu-west-1"};
  json in = {{"InstanceIds", {"i-1"}}};
  std::string key = ResponseCache::Key(a, "DescribeInstances", in);
  EXPECT_EQ(key, ResponseCache::Key(a, "DescribeInstances", in));
  EXPECT_NE(key, ResponseCache::Key(b, "DescribeInstances", in));
  EXPECT_NE(key, ResponseCache::Key(c, "DescribeInstances", in));
  EXPECT_NE(key, ResponseCache::Key(a, "DescribeAddresses", in));
  EXPECT_NE(key, ResponseCache::Key(a, "DescribeInstances", json::object()));
}

TEST(ResponseCache, AStoredBodyAnswersEachRequestWithItsOwnId) {
  ResponseCache cache;
  std::optional<std::string> first = cache.Store("k", kMarked, 7, std::nullopt, "id-1");
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(*first, "<R><requestId>id-1</requestId><x>1</x></R>");
  auto hit = cache.Find("k", 7, 123);
  ASSERT_NE(hit, nullptr);
  EXPECT_EQ(hit->WithRequestId("id-2"), "<R><requestId>id-2</requestId><x>1</x></R>");
  EXPECT_EQ(cache.Find("other", 7, 123), nullptr);
}

TEST(ResponseCache, ABodyHoldsOnlyAtItsStateVersion) {
  ResponseCache cache;
  ASSERT_TRUE(cache.Store("k", kMarked, 7, std::nullopt, "id").has_value());
  EXPECT_EQ(cache.Find("k", 8, 0), nullptr);
  EXPECT_EQ(cache.Find("k", 6, 0), nullptr);
  EXPECT_NE(cache.Find("k", 7, 0), nullptr);
  // A newer body replaces the older one under the same key.
  ASSERT_TRUE(cache.Store("k", kMarked, 8, std::nullopt, "id").has_value());
  EXPECT_EQ(cache.Find("k", 7, 0), nullptr);
  EXPECT_NE(cache.Find("k", 8, 0), nullptr);
}

TEST(ResponseCache, ABodyStoredWithATimeHoldsAtThatTimeOnly) {
  ResponseCache cache;
  ASSERT_TRUE(cache.Store("k", kMarked, 7, SimTime{5000}, "id").has_value());
  EXPECT_NE(cache.Find("k", 7, 5000), nullptr);
  EXPECT_EQ(cache.Find("k", 7, 5001), nullptr);
  ASSERT_TRUE(cache.Store("k", kMarked, 7, std::nullopt, "id").has_value());
  EXPECT_NE(cache.Find("k", 7, 99999), nullptr);
}

TEST(ResponseCache, ABodyWithoutTheMarkerIsNotStored) {
  ResponseCache cache;
  EXPECT_EQ(cache.Store("k", "<R><x>1</x></R>", 7, std::nullopt, "id"), std::nullopt);
  EXPECT_EQ(cache.Find("k", 7, 0), nullptr);
  EXPECT_EQ(cache.size(), 0u);
}

// A key of `account` (as Key() makes them: the account first) and a marked body of about
// `size` bytes.
std::string KeyOf(const std::string& account, int i) {
  return account + "\nus-east-1\nDescribeInstances\n" + std::to_string(i);
}
std::string BodyOf(std::size_t size) {
  return std::string(ResponseCache::kIdMarker) + std::string(size, 'x');
}

TEST(ResponseCache, BytesStayWithinBothBudgetsUnderManyDistinctKeys) {
  ResponseCache cache({.per_account_bytes = 64 * 1024, .total_bytes = 256 * 1024});
  for (int i = 0; i < 5000; ++i) {
    std::string account = "11112222333" + std::to_string(i % 7);
    ASSERT_TRUE(cache.Store(KeyOf(account, i), BodyOf(1000 + i % 3000), 1, std::nullopt, "id"));
    ASSERT_LE(cache.account_bytes(account), 64u * 1024);
    ASSERT_LE(cache.bytes(), 256u * 1024);
  }
  EXPECT_GT(cache.bytes(), 200u * 1024);  // full, not emptied
}

TEST(ResponseCache, TheLeastRecentlyUsedEntryGoesFirst) {
  const std::size_t cost = KeyOf("111122223333", 0).size() + 1000 + ResponseCache::kEntryOverhead;
  ResponseCache cache({.per_account_bytes = 3 * cost, .total_bytes = 100 * cost});
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(cache.Store(KeyOf("111122223333", i), BodyOf(1000), 1, std::nullopt, "id"));
  }
  ASSERT_EQ(cache.account_bytes("111122223333"), 3 * cost);
  ASSERT_NE(cache.Find(KeyOf("111122223333", 0), 1, 0), nullptr);  // 0 is now the newest
  ASSERT_TRUE(cache.Store(KeyOf("111122223333", 3), BodyOf(1000), 1, std::nullopt, "id"));
  EXPECT_NE(cache.Find(KeyOf("111122223333", 0), 1, 0), nullptr);
  EXPECT_EQ(cache.Find(KeyOf("111122223333", 1), 1, 0), nullptr);  // the oldest unused
  EXPECT_NE(cache.Find(KeyOf("111122223333", 2), 1, 0), nullptr);
  EXPECT_NE(cache.Find(KeyOf("111122223333", 3), 1, 0), nullptr);
  EXPECT_EQ(cache.size(), 3u);
}

TEST(ResponseCache, AnAnswerLargerThanTheAccountBudgetIsAnsweredButNotKept) {
  ResponseCache cache({.per_account_bytes = 4096, .total_bytes = 1 << 20});
  ASSERT_TRUE(cache.Store(KeyOf("111122223333", 0), BodyOf(100), 1, std::nullopt, "id"));
  std::optional<std::string> big =
      cache.Store(KeyOf("111122223333", 1), BodyOf(5000), 1, std::nullopt, "id-9");
  ASSERT_TRUE(big.has_value());
  EXPECT_EQ(big->substr(0, 4), "id-9");
  EXPECT_EQ(cache.Find(KeyOf("111122223333", 1), 1, 0), nullptr);
  EXPECT_NE(cache.Find(KeyOf("111122223333", 0), 1, 0), nullptr);  // nothing evicted for it
  // A key that grew past the budget loses its older, smaller body too: it could not be right.
  ASSERT_TRUE(cache.Store(KeyOf("111122223333", 0), BodyOf(5000), 2, std::nullopt, "id"));
  EXPECT_EQ(cache.size(), 0u);
  EXPECT_EQ(cache.bytes(), 0u);
}

TEST(ResponseCache, OneAccountsFloodLeavesAnotherAccountsHotEntries) {
  // Room for four accounts' whole budgets; the flood fills its own and then takes only from
  // itself, the account holding the most.
  ResponseCache cache({.per_account_bytes = 64 * 1024, .total_bytes = 128 * 1024});
  for (int i = 0; i < 20; ++i) {
    ASSERT_TRUE(cache.Store(KeyOf("444455556666", i), BodyOf(2000), 1, std::nullopt, "id"));
  }
  std::size_t hot = cache.account_bytes("444455556666");
  for (int i = 0; i < 10000; ++i) {
    ASSERT_TRUE(cache.Store(KeyOf("111122223333", i), BodyOf(3000), 1, std::nullopt, "id"));
  }
  for (int i = 0; i < 20; ++i) {
    EXPECT_NE(cache.Find(KeyOf("444455556666", i), 1, 0), nullptr) << i;
  }
  EXPECT_EQ(cache.account_bytes("444455556666"), hot);
  EXPECT_LE(cache.account_bytes("111122223333"), 64u * 1024);
}

TEST(ResponseCache, OverTheTotalTheLargestAccountGivesWayNotTheSmallOnes) {
  // Per-account budgets that add up past the total: the total decides.
  ResponseCache cache({.per_account_bytes = 64 * 1024, .total_bytes = 96 * 1024});
  for (int i = 0; i < 5; ++i) {
    ASSERT_TRUE(cache.Store(KeyOf("444455556666", i), BodyOf(2000), 1, std::nullopt, "id"));
  }
  for (int a = 0; a < 3; ++a) {
    for (int i = 0; i < 1000; ++i) {
      std::string account = "99990000000" + std::to_string(a);
      ASSERT_TRUE(cache.Store(KeyOf(account, i), BodyOf(3000), 1, std::nullopt, "id"));
      ASSERT_LE(cache.bytes(), 96u * 1024);
    }
  }
  for (int i = 0; i < 5; ++i) {
    EXPECT_NE(cache.Find(KeyOf("444455556666", i), 1, 0), nullptr) << i;
  }
}

TEST(ResponseCache, StatusAnswersWithAnInitializingCheckFollowTheClock) {
  json ok = {{"InstanceStatuses",
              {{{"InstanceStatus", {{"Status", "ok"}}}, {"SystemStatus", {{"Status", "ok"}}}}}}};
  json initializing = {
      {"InstanceStatuses",
       {{{"InstanceStatus", {{"Status", "ok"}}}, {"SystemStatus", {{"Status", "initializing"}}}}}}};
  EXPECT_TRUE(ResponseCache::ClockedAnswerHoldsAtAnyTime(ok));
  EXPECT_FALSE(ResponseCache::ClockedAnswerHoldsAtAnyTime(initializing));
  EXPECT_TRUE(ResponseCache::ClockedAnswerHoldsAtAnyTime({{"InstanceStatuses", json::array()}}));
  EXPECT_TRUE(ResponseCache::ClockedAnswerHoldsAtAnyTime(json::object()));
}

}  // namespace
}  // namespace ec2sim::server
