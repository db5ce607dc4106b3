// What a signature must cover on an EC2 server beyond matching: the body (never
// UNSIGNED-PAYLOAD), host and x-amz-date, and the query as the server decodes it.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ec2sim/sim_time.h"
#include "sim/server/sigv4.h"
#include "tests/server/sigv4_test_support.h"

namespace ec2sim::server::sigv4 {
namespace {

using signing_test::At;
using signing_test::CodeOf;
using signing_test::ParseAndVerify;

// A header-form request signed over exactly `names` and `payload_hash`, as a hand-made or
// hostile client could sign it (SignRequest always signs host, x-amz-date and the body's hash).
std::vector<Header> HandSigned(const Outgoing& out, std::vector<Header> headers,
                               const std::vector<std::string>& names,
                               const std::string& payload_hash) {
  std::string amz_date = FormatAmzDate(out.time_ms);
  headers.emplace_back("X-Amz-Date", amz_date);
  Request view{out.method, out.path, out.query, out.body, &headers};
  std::string date = amz_date.substr(0, 8);
  std::string scope = date + "/" + out.region + "/ec2/aws4_request";
  Result<std::string> canonical = CanonicalRequest(view, names, payload_hash);
  EXPECT_TRUE(canonical.ok());
  std::string signature =
      HexHmacSha256(SigningKey(out.secret_access_key, date, out.region, "ec2"),
                    StringToSign(amz_date, scope, canonical.ok() ? *canonical : ""));
  std::string list;
  for (const std::string& n : names) list += (list.empty() ? "" : ";") + n;
  headers.emplace_back("Authorization", "AWS4-HMAC-SHA256 Credential=" + out.access_key_id + "/" +
                                            scope + ", SignedHeaders=" + list +
                                            ", Signature=" + signature);
  return headers;
}

Outgoing DescribeRegionsPost() {
  Outgoing out;
  out.host = "127.0.0.1:4566";
  out.body = "Action=DescribeRegions&Version=2016-11-15";
  out.access_key_id = "AKIAALICE";
  out.secret_access_key = "alice-secret";
  out.region = "ap-northeast-2";
  out.time_ms = At("2026-03-01T09:00:00Z");
  return out;
}

TEST(SigV4Required, UnsignedPayloadIsRefusedSoNoBodyCanBeSwappedUnderASignature) {
  Outgoing out = DescribeRegionsPost();
  std::vector<Header> headers =
      HandSigned(out, {{"Host", out.host}, {"x-amz-content-sha256", "UNSIGNED-PAYLOAD"}},
                 {"host", "x-amz-content-sha256", "x-amz-date"}, "UNSIGNED-PAYLOAD");
  for (const char* body : {"Action=DescribeRegions&Version=2016-11-15",
                           "Action=TerminateInstances&Version=2016-11-15&InstanceId.1=i-1"}) {
    Status s =
        ParseAndVerify(Request{"POST", "/", "", body, &headers}, "alice-secret", out.time_ms);
    EXPECT_EQ(CodeOf(s), ErrorCode::kSignatureDoesNotMatch) << body;
    EXPECT_NE(s.error().message.find("UNSIGNED-PAYLOAD"), std::string::npos);
  }
  // The header may repeat the body's hash, as S3 clients send it.
  std::string hash = HexSha256(out.body);
  headers = HandSigned(out, {{"Host", out.host}, {"x-amz-content-sha256", hash}},
                       {"host", "x-amz-content-sha256", "x-amz-date"}, hash);
  EXPECT_TRUE(
      ParseAndVerify(Request{"POST", "/", "", out.body, &headers}, "alice-secret", out.time_ms)
          .ok());
}

TEST(SigV4Required, HostAndXAmzDateMustBeAmongTheSignedHeaders) {
  Outgoing out = DescribeRegionsPost();
  auto verify = [&](const std::vector<std::string>& names) {
    std::vector<Header> headers = HandSigned(out, {{"Host", out.host}}, names, HexSha256(out.body));
    return ParseAndVerify(Request{"POST", "/", "", out.body, &headers}, "alice-secret",
                          out.time_ms);
  };
  Status no_host = verify({"x-amz-date"});
  EXPECT_EQ(CodeOf(no_host), ErrorCode::kSignatureDoesNotMatch);
  EXPECT_EQ(no_host.error().message,
            "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
  Status no_date = verify({"host"});
  EXPECT_EQ(CodeOf(no_date), ErrorCode::kSignatureDoesNotMatch);
  EXPECT_NE(no_date.error().message.find("'X-Amz-Date' must be a 'SignedHeader'"),
            std::string::npos);
  EXPECT_TRUE(verify({"host", "x-amz-date"}).ok());
}

TEST(SigV4Required, PresignedQueryIsVerifiedAsSentNotWithPlusSignsRewritten) {
  Outgoing out;
  out.method = "GET";
  out.host = "localhost:4566";
  out.query =
      "Action=DescribeInstances&Version=2016-11-15&Filter.1.Name=tag%3AName&"
      "Filter.1.Value.1=a%2Bb";
  out.access_key_id = "AKIABOB";
  out.secret_access_key = "bob-secret";
  out.region = "eu-west-1";
  out.time_ms = At("2026-03-01T09:00:00Z");
  std::string query = Presign(out, 300);
  std::vector<Header> headers = {{"Host", out.host}};
  EXPECT_TRUE(
      ParseAndVerify(Request{"GET", "/", query, "", &headers}, "bob-secret", out.time_ms).ok());
  // "a+b" is the value "a b" to the server: it is not what was signed.
  std::string rewritten = query;
  rewritten.replace(rewritten.find("a%2Bb"), 5, "a+b");
  EXPECT_EQ(CodeOf(ParseAndVerify(Request{"GET", "/", rewritten, "", &headers}, "bob-secret",
                                  out.time_ms)),
            ErrorCode::kSignatureDoesNotMatch);
  // A presigned URL must sign host too.
  std::string unsigned_host = query;
  unsigned_host.replace(unsigned_host.find("X-Amz-SignedHeaders=host"), 24,
                        "X-Amz-SignedHeaders=x-other");
  headers.emplace_back("X-Other", "1");
  EXPECT_EQ(CodeOf(ParseAndVerify(Request{"GET", "/", unsigned_host, "", &headers}, "bob-secret",
                                  out.time_ms)),
            ErrorCode::kSignatureDoesNotMatch);
}

}  // namespace
}  // namespace ec2sim::server::sigv4
