#include "sim/server/users.h"

#include <gtest/gtest.h>

#include <string>

#include "ec2sim/sim_time.h"

namespace ec2sim::server {
namespace {

constexpr const char* kClass = R"({"users": [
  {"access_key_id": "AKIAALICE", "secret_access_key": "alice-secret",
   "account_id": "111111111111", "name": "alice"},
  {"access_key_id": "AKIABOB", "secret_access_key": "bob-secret", "account_id": "222222222222"},
  {"access_key_id": "AKIATEACHER", "secret_access_key": "teacher-secret",
   "account_id": "999999999999", "name": "teacher", "admin": true}
]})";

std::string ErrorOf(std::string_view text) {
  Result<UserDirectory> users = ParseUsersFile(text);
  if (users.ok()) return "ok";
  EXPECT_EQ(users.error().code, ErrorCode::kSimInvalidInput);
  return users.error().message;
}

TEST(UsersFile, ReadsUsersWithDefaultsForNameAndAdmin) {
  Result<UserDirectory> users = ParseUsersFile(kClass);
  ASSERT_TRUE(users.ok()) << users.error().message;
  EXPECT_EQ(users->size(), 3u);
  const User* alice = users->Find("AKIAALICE");
  ASSERT_NE(alice, nullptr);
  EXPECT_EQ(alice->secret_access_key, "alice-secret");
  EXPECT_EQ(alice->account_id, "111111111111");
  EXPECT_FALSE(alice->admin);
  const User* bob = users->Find("AKIABOB");
  ASSERT_NE(bob, nullptr);
  EXPECT_EQ(bob->name, "AKIABOB");
  EXPECT_TRUE(users->Find("AKIATEACHER")->admin);
  EXPECT_EQ(users->Find("AKIAMALLORY"), nullptr);
  EXPECT_EQ(users->users()[2].name, "teacher");
}

TEST(UsersFile, ErrorsNameTheUserFieldAndReason) {
  auto one = [](const std::string& fields) {
    return ErrorOf(R"({"users": [{"access_key_id": "AKIA1", "secret_access_key": "s",
                                  "account_id": "111111111111"}, {)" +
                   fields + "}]}");
  };
  EXPECT_EQ(one(R"("access_key_id": "AKIA1", "secret_access_key": "t",
                   "account_id": "222222222222")"),
            "users[1].access_key_id: duplicate of users[0] ('AKIA1')");
  EXPECT_EQ(one(R"("access_key_id": "AKIA2", "secret_access_key": "t", "account_id": "12345")"),
            "users[1].account_id: must be exactly 12 digits, got '12345'");
  EXPECT_EQ(one(R"("access_key_id": "AKIA2", "secret_access_key": "t",
                   "account_id": 222222222222)"),
            "users[1].account_id: must be a string");
  EXPECT_EQ(one(R"("access_key_id": "AKIA2", "account_id": "222222222222")"),
            "users[1].secret_access_key: missing");
  EXPECT_EQ(one(R"("access_key_id": "AKIA2", "secret_access_key": "",
                   "account_id": "222222222222")"),
            "users[1].secret_access_key: is empty");
  EXPECT_EQ(one(R"("access_key_id": "AKIA/2", "secret_access_key": "t",
                   "account_id": "222222222222")"),
            "users[1].access_key_id: must be 1 to 128 characters of A-Z a-z 0-9 _ . -, got "
            "'AKIA/2'");
  EXPECT_EQ(one(R"("access_key_id": "AKIA2", "secret_access_key": "t",
                   "account_id": "222222222222", "admin": "yes")"),
            "users[1].admin: must be true or false");
  EXPECT_EQ(one(R"("access_key_id": "AKIA2", "secret_key": "t", "account_id": "222222222222")"),
            "users[1]: unknown field 'secret_key' (fields: access_key_id, secret_access_key, "
            "account_id, name, admin, quotas, opt_in_regions)");
  EXPECT_EQ(ErrorOf(R"({"users": []})"),
            "users: the list is empty, so nobody could call the server");
  EXPECT_EQ(ErrorOf(R"({"people": []})"), "unknown top-level field 'people' (only 'users')");
  EXPECT_EQ(ErrorOf(R"([1])"), "the file must be a JSON object {\"users\": [...]}");
  EXPECT_EQ(ErrorOf(R"({"users": [7]})"), "users[0]: must be an object");
}

TEST(UsersFile, BadJsonReportsTheLineAndColumn) {
  std::string message = ErrorOf("{\"users\": [\n  {\"access_key_id\": \"A\"},\n  oops\n]}");
  EXPECT_EQ(message.rfind("line 3, column ", 0), 0u) << message;
  EXPECT_NE(message.find("syntax error"), std::string::npos) << message;
  EXPECT_EQ(ErrorOf("").rfind("line 1, column 1: ", 0), 0u);
}

TEST(UsersFile, AuthenticateMapsAKnownSignedKeyToItsAccountAndRegion) {
  UserDirectory users = std::move(ParseUsersFile(kClass)).value();
  std::int64_t now = *ParseIsoTime("2026-03-01T09:00:00Z");
  sigv4::Outgoing out;
  out.host = "127.0.0.1:4566";
  out.body = "Action=DescribeInstances&Version=2016-11-15";
  out.access_key_id = "AKIAALICE";
  out.secret_access_key = "alice-secret";
  out.region = "ap-northeast-2";
  out.time_ms = now;
  auto check = [&](const sigv4::Outgoing& o) {
    std::vector<sigv4::Header> headers = {{"Host", o.host}};
    for (const auto& h : sigv4::SignRequest(o)) headers.push_back(h);
    sigv4::Request r{"POST", "/", "", o.body, &headers};
    return Authenticate(users, r, now);
  };
  Result<AuthenticatedCaller> ok = check(out);
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  EXPECT_EQ(ok->user->account_id, "111111111111");
  EXPECT_EQ(ok->region, "ap-northeast-2");

  sigv4::Outgoing unknown = out;
  unknown.access_key_id = "AKIAMALLORY";
  EXPECT_EQ(check(unknown).error().code, ErrorCode::kAuthFailure);
  sigv4::Outgoing wrong_secret = out;
  wrong_secret.secret_access_key = "bob-secret";
  EXPECT_EQ(check(wrong_secret).error().code, ErrorCode::kSignatureDoesNotMatch);
  sigv4::Outgoing other_service = out;
  other_service.service = "s3";
  EXPECT_EQ(check(other_service).error().code, ErrorCode::kSignatureDoesNotMatch);
  sigv4::Outgoing stale = out;
  stale.time_ms = now - 20 * kMinute;
  EXPECT_EQ(check(stale).error().code, ErrorCode::kRequestExpired);
}

TEST(UsersFile, NestingBeyondTheDepthLimitReportsTheLineAndColumn) {
  std::string deep = std::string(200000, '[') + std::string(200000, ']');
  EXPECT_EQ(ErrorOf("{\"users\": " + deep + "}"),
            "line 1, column 74: JSON nested deeper than 64 levels");
}

}  // namespace
}  // namespace ec2sim::server

namespace ec2sim::server {
namespace {

constexpr const char* kQuotaClass = R"({"users": [
  {"access_key_id": "AKIAALICE", "secret_access_key": "s", "account_id": "111111111111",
   "quotas": {"vcpus": 64}},
  {"access_key_id": "AKIABOB", "secret_access_key": "s", "account_id": "222222222222"}
]})";

TEST(UsersFileQuotas, AUsersQuotasBecomeTheirAccountsOverTheServersOwn) {
  UserDirectory users = std::move(ParseUsersFile(kQuotaClass)).value();
  std::map<std::string, AccountQuotas> quotas = AccountQuotasOf(users, AccountQuotas{40, 7});
  ASSERT_EQ(quotas.size(), 1u);
  EXPECT_EQ(quotas["111111111111"].vcpus, 64);
  EXPECT_EQ(quotas["111111111111"].elastic_ips, 7);
}

TEST(UsersFileQuotas, BadQuotasNameTheUserAndField) {
  auto with = [](const std::string& quotas) {
    Result<UserDirectory> users = ParseUsersFile(
        R"({"users": [{"access_key_id": "A", "secret_access_key": "s",
            "account_id": "111111111111", "quotas": )" +
        quotas + "}]}");
    return users.ok() ? std::string("ok") : users.error().message;
  };
  EXPECT_EQ(with(R"({"vcpus": 8, "elastic_ips": 0})"), "ok");
  EXPECT_EQ(with("5"), "users[0].quotas: must be an object");
  EXPECT_EQ(with(R"({"vcpu": 8})"),
            "users[0].quotas: unknown field 'vcpu' (fields: vcpus, elastic_ips)");
  EXPECT_EQ(with(R"({"vcpus": -1})"),
            "users[0].quotas.vcpus: must be a whole number from 0 to 1000000");
  EXPECT_EQ(with(R"({"elastic_ips": 2.5})"),
            "users[0].quotas.elastic_ips: must be a whole number from 0 to 1000000");
}

TEST(UsersFileQuotas, UsersOfOneAccountMustAgree) {
  Result<UserDirectory> users = ParseUsersFile(R"({"users": [
    {"access_key_id": "A", "secret_access_key": "s", "account_id": "111111111111",
     "quotas": {"vcpus": 8}},
    {"access_key_id": "B", "secret_access_key": "s", "account_id": "111111111111",
     "quotas": {"vcpus": 9}}]})");
  ASSERT_FALSE(users.ok());
  EXPECT_EQ(users.error().message,
            "users[1].quotas: differ from users[0]'s, of the same account 111111111111");
}

}  // namespace
}  // namespace ec2sim::server

namespace ec2sim::server {
namespace {

TEST(UsersFileOptIns, AUsersOptInRegionsEnableThemForTheirAccount) {
  Result<UserDirectory> users = ParseUsersFile(R"({"users": [
    {"access_key_id": "A", "secret_access_key": "s", "account_id": "111111111111",
     "opt_in_regions": ["me-south-1", "ap-east-1"]},
    {"access_key_id": "B", "secret_access_key": "s", "account_id": "111111111111",
     "opt_in_regions": ["ap-east-1"]},
    {"access_key_id": "C", "secret_access_key": "s", "account_id": "222222222222"}]})");
  ASSERT_TRUE(users.ok()) << users.error().message;
  std::map<std::string, std::vector<std::string>> opt_ins = AccountOptInsOf(*users);
  ASSERT_EQ(opt_ins.size(), 1u);
  EXPECT_EQ(opt_ins["111111111111"], (std::vector<std::string>{"ap-east-1", "me-south-1"}));
}

TEST(UsersFileOptIns, AnUnknownOrDefaultRegionNamesItsLineUserAndReason) {
  Result<UserDirectory> users = ParseUsersFile(R"({"users": [
  {"access_key_id": "A", "secret_access_key": "s", "account_id": "111111111111",
   "opt_in_regions": ["ap-east-1"]},
  {"access_key_id": "B", "secret_access_key": "s", "account_id": "222222222222",
   "opt_in_regions": ["ap-east-1",
                      "mars-north-1"]}]})");
  ASSERT_FALSE(users.ok());
  EXPECT_EQ(users.error().message.rfind(
                "line 6, column 23: users[1].opt_in_regions[1]: \"mars-north-1\" is not a "
                "region (opt-in regions: af-south-1, ",
                0),
            0u)
      << users.error().message;
  Result<UserDirectory> seoul = ParseUsersFile(R"({"users": [
  {"access_key_id": "A", "secret_access_key": "s", "account_id": "111111111111",
   "opt_in_regions": ["ap-northeast-2"]}]})");
  ASSERT_FALSE(seoul.ok());
  EXPECT_NE(seoul.error().message.find("line 3, column 23: users[0].opt_in_regions[0]: "
                                       "\"ap-northeast-2\" is enabled by default"),
            std::string::npos)
      << seoul.error().message;
  Result<UserDirectory> text = ParseUsersFile(R"({"users": [
  {"access_key_id": "A", "secret_access_key": "s", "account_id": "111111111111",
   "opt_in_regions": "ap-east-1"}]})");
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.error().message, "users[0].opt_in_regions: must be a list of region codes");
}

}  // namespace
}  // namespace ec2sim::server
