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

TEST(ResponseCache, AFullCacheStartsOver) {
  ResponseCache cache;
  for (std::size_t i = 0; i < ResponseCache::kMaxEntries; ++i) {
    ASSERT_TRUE(cache.Store("k" + std::to_string(i), kMarked, 1, std::nullopt, "id"));
  }
  EXPECT_EQ(cache.size(), ResponseCache::kMaxEntries);
  ASSERT_TRUE(cache.Store("one-more", kMarked, 1, std::nullopt, "id"));
  EXPECT_EQ(cache.size(), 1u);
  EXPECT_EQ(cache.Find("k0", 1, 0), nullptr);
  EXPECT_NE(cache.Find("one-more", 1, 0), nullptr);
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
