// STS GetCallerIdentity, IAM GetUser and ListAccountAliases at the EC2 endpoint's address: the
// routing by signature scope, Version or action, their XML and their error format, in open and
// classroom mode (no sockets).
#include "sim/server/identity_endpoint.h"

#include <gtest/gtest.h>

#include <regex>
#include <string>
#include <vector>

#include "sim/server/sigv4.h"
#include "sim/wire/caller.h"

namespace ec2sim::server {
namespace {

std::string OpenAuth(const std::string& key, const std::string& service) {
  return "AWS4-HMAC-SHA256 Credential=" + key + "/20260101/us-east-1/" + service +
         "/aws4_request, SignedHeaders=host, Signature=0";
}

HttpRequest IdentityPost(const std::string& body, const std::string& authorization = "") {
  HttpRequest r;
  r.method = "POST";
  r.path = "/";
  r.raw_path = "/";
  r.content_type = "application/x-www-form-urlencoded; charset=utf-8";
  r.authorization = authorization;
  r.body = body;
  return r;
}

std::string Between(const std::string& text, const std::string& tag) {
  std::size_t open = text.find("<" + tag + ">");
  std::size_t close = text.find("</" + tag + ">");
  if (open == std::string::npos || close == std::string::npos) return "";
  open += tag.size() + 2;
  return text.substr(open, close - open);
}

class IdentityEndpointTest : public ::testing::Test {
 protected:
  IdentityEndpointTest() : clock_(1767225600000, ClockMode::kManual, 1), world_(options_, clock_) {}
  HttpResponse Send(IdentityEndpoint& endpoint, const HttpRequest& request) {
    std::string service = IdentityServiceOf(request);
    EXPECT_FALSE(service.empty()) << request.body;
    return endpoint.Handle(request, service);
  }

  SandboxOptions options_{.timing = Timing::kInstant};
  ServerClock clock_;
  SharedWorld world_;
};

TEST(IdentityRouting, SignatureScopeNamesTheService) {
  EXPECT_EQ(IdentityServiceOf(IdentityPost("Action=GetCallerIdentity", OpenAuth("AKIAX", "sts"))),
            "sts");
  EXPECT_EQ(IdentityServiceOf(IdentityPost("Action=CreateUser", OpenAuth("AKIAX", "iam"))), "iam");
  // An EC2-scoped request stays EC2's, whatever its action.
  EXPECT_EQ(IdentityServiceOf(IdentityPost("Action=GetUser", OpenAuth("AKIAX", "ec2"))), "");
}

TEST(IdentityRouting, UnsignedRequestsGoByVersionThenAction) {
  EXPECT_EQ(IdentityServiceOf(IdentityPost("Action=AssumeRole&Version=2011-06-15")), "sts");
  EXPECT_EQ(IdentityServiceOf(IdentityPost("Action=ListUsers&Version=2010-05-08")), "iam");
  EXPECT_EQ(IdentityServiceOf(IdentityPost("Action=GetCallerIdentity")), "sts");
  EXPECT_EQ(IdentityServiceOf(IdentityPost("Action=ListAccountAliases")), "iam");
  EXPECT_EQ(IdentityServiceOf(IdentityPost("Action=DescribeRegions&Version=2016-11-15")), "");
}

TEST(IdentityUserId, IsAidaShapedAndStablePerKey) {
  std::string id = UserIdForAccessKey("AKIAALICE");
  EXPECT_TRUE(std::regex_match(id, std::regex("AIDA[A-Z2-7]{17}"))) << id;
  EXPECT_EQ(id, UserIdForAccessKey("AKIAALICE"));
  EXPECT_NE(id, UserIdForAccessKey("AKIABOB"));
}

TEST_F(IdentityEndpointTest, GetCallerIdentityNamesTheKeysAccountAndTheOpenModeUser) {
  IdentityEndpoint endpoint(world_);
  HttpResponse r = Send(endpoint, IdentityPost("Action=GetCallerIdentity&Version=2011-06-15",
                                               OpenAuth("AKIAEXAMPLE", "sts")));
  ASSERT_EQ(r.status, 200) << r.body;
  std::string account = wire::AccountForAccessKey("AKIAEXAMPLE");
  EXPECT_EQ(Between(r.body, "Account"), account);
  EXPECT_EQ(Between(r.body, "Arn"), "arn:aws:iam::" + account + ":user/ec2sim");
  EXPECT_EQ(Between(r.body, "UserId"), UserIdForAccessKey("AKIAEXAMPLE"));
  EXPECT_NE(r.body.find("<GetCallerIdentityResponse "
                        "xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"),
            std::string::npos);
  EXPECT_FALSE(Between(r.body, "RequestId").empty());
}

TEST_F(IdentityEndpointTest, TwelveDigitKeyIsThatAccount) {
  IdentityEndpoint endpoint(world_);
  HttpResponse r = Send(endpoint, IdentityPost("Action=GetCallerIdentity&Version=2011-06-15",
                                               OpenAuth("111122223333", "sts")));
  EXPECT_EQ(Between(r.body, "Account"), "111122223333");
}

TEST_F(IdentityEndpointTest, GetUserAnswersTheCallerAndNoSuchEntityForOthers) {
  IdentityEndpoint endpoint(world_);
  std::string auth = OpenAuth("111122223333", "iam");
  HttpResponse me = Send(endpoint, IdentityPost("Action=GetUser&Version=2010-05-08", auth));
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(Between(me.body, "UserName"), "ec2sim");
  EXPECT_EQ(Between(me.body, "Path"), "/");
  EXPECT_EQ(Between(me.body, "Arn"), "arn:aws:iam::111122223333:user/ec2sim");
  EXPECT_EQ(Between(me.body, "CreateDate"), "2026-01-01T00:00:00Z");
  HttpResponse named =
      Send(endpoint, IdentityPost("Action=GetUser&Version=2010-05-08&UserName=ec2sim", auth));
  EXPECT_EQ(named.status, 200);
  HttpResponse other =
      Send(endpoint, IdentityPost("Action=GetUser&Version=2010-05-08&UserName=mallory", auth));
  EXPECT_EQ(other.status, 404);
  EXPECT_EQ(Between(other.body, "Code"), "NoSuchEntity");
  EXPECT_EQ(Between(other.body, "Type"), "Sender");
  EXPECT_NE(other.body.find("<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">"),
            std::string::npos);
}

TEST_F(IdentityEndpointTest, ListAccountAliasesIsEmpty) {
  IdentityEndpoint endpoint(world_);
  HttpResponse r = Send(endpoint, IdentityPost("Action=ListAccountAliases&Version=2010-05-08"));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Between(r.body, "IsTruncated"), "false");
  EXPECT_NE(r.body.find("<AccountAliases></AccountAliases>"), std::string::npos);
}

TEST_F(IdentityEndpointTest, OtherActionsAreInvalidActionInTheServicesFormat) {
  IdentityEndpoint endpoint(world_);
  HttpResponse sts = Send(endpoint, IdentityPost("Action=AssumeRole&Version=2011-06-15"));
  EXPECT_EQ(sts.status, 400);
  EXPECT_EQ(Between(sts.body, "Code"), "InvalidAction");
  EXPECT_NE(sts.body.find("<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"),
            std::string::npos);
  HttpResponse iam = Send(endpoint, IdentityPost("Action=CreateUser&Version=2010-05-08"));
  EXPECT_EQ(Between(iam.body, "Code"), "InvalidAction");
  EXPECT_NE(Between(iam.body, "Message").find("2010-05-08"), std::string::npos);
}

// Signs `body` for `service` as alice would.
HttpRequest Signed(const std::string& body, const std::string& service, const std::string& key,
                   const std::string& secret) {
  sigv4::Outgoing out;
  out.host = "127.0.0.1:4566";
  out.body = body;
  out.headers = {{"Content-Type", "application/x-www-form-urlencoded; charset=utf-8"}};
  out.access_key_id = key;
  out.secret_access_key = secret;
  out.region = "us-east-1";
  out.service = service;
  out.time_ms = WallClockMs();
  HttpRequest r = IdentityPost(body);
  r.headers = {{"Host", out.host}, {"Content-Type", out.headers[0].second}};
  for (const sigv4::Header& h : sigv4::SignRequest(out)) {
    r.headers.push_back(h);
    if (h.first == "Authorization") r.authorization = h.second;
  }
  return r;
}

UserDirectory AliceDirectory() {
  User alice;
  alice.access_key_id = "AKIAALICE";
  alice.secret_access_key = "alice-secret";
  alice.account_id = "111111111111";
  alice.name = "alice";
  return UserDirectory({alice});
}

TEST_F(IdentityEndpointTest, ClassroomShowsTheSignedUsersOwnIdentity) {
  UserDirectory users = AliceDirectory();
  IdentityEndpoint endpoint(world_, &users);
  HttpResponse r = Send(endpoint, Signed("Action=GetCallerIdentity&Version=2011-06-15", "sts",
                                         "AKIAALICE", "alice-secret"));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Between(r.body, "Arn"), "arn:aws:iam::111111111111:user/alice");
  HttpResponse user = Send(
      endpoint, Signed("Action=GetUser&Version=2010-05-08", "iam", "AKIAALICE", "alice-secret"));
  EXPECT_EQ(Between(user.body, "UserName"), "alice");
}

TEST_F(IdentityEndpointTest, ClassroomRefusesUnsignedAndWronglySignedCalls) {
  UserDirectory users = AliceDirectory();
  IdentityEndpoint endpoint(world_, &users);
  HttpResponse unsigned_call =
      Send(endpoint, IdentityPost("Action=GetCallerIdentity&Version=2011-06-15"));
  EXPECT_EQ(Between(unsigned_call.body, "Code"), "MissingAuthenticationToken");
  HttpResponse wrong = Send(endpoint, Signed("Action=GetCallerIdentity&Version=2011-06-15", "sts",
                                             "AKIAALICE", "not-the-secret"));
  EXPECT_EQ(Between(wrong.body, "Code"), "SignatureDoesNotMatch");
  EXPECT_GE(wrong.status, 400);
}

}  // namespace
}  // namespace ec2sim::server
