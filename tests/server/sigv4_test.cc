#include "sim/server/sigv4.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ec2sim/sim_time.h"
#include "tests/server/sigv4_test_support.h"

namespace ec2sim::server::sigv4 {
namespace {

using signing_test::At;
using signing_test::CodeOf;
using signing_test::ParseAndVerify;

// AWS's documented example credentials (the secret is AWS's published example, not a real key).
constexpr const char* kDocSecret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
constexpr const char* kS3DocSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

// The IAM ListUsers example of AWS's "Create a signed AWS API request" walk-through
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html,
// formerly https://docs.aws.amazon.com/general/latest/gr/sigv4-calculate-signature.html):
// 2015-08-30T12:36:00Z, us-east-1, service iam, key AKIDEXAMPLE.
TEST(SigV4, ReproducesAwsDocumentedListUsersExample) {
  EXPECT_EQ(HexSha256(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  std::string key = SigningKey(kDocSecret, "20150830", "us-east-1", "iam");
  EXPECT_EQ(HexHmacSha256(key, "").size(), 64u);
  std::string hex_key;
  for (unsigned char c : key) {
    static constexpr char kDigits[] = "0123456789abcdef";
    hex_key += kDigits[c >> 4];
    hex_key += kDigits[c & 0xf];
  }
  EXPECT_EQ(hex_key, "c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9");

  std::vector<Header> headers = {
      {"Host", "iam.amazonaws.com"},
      {"Content-Type", "application/x-www-form-urlencoded; charset=utf-8"},
      {"X-Amz-Date", "20150830T123600Z"},
      {"Authorization",
       "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, "
       "SignedHeaders=content-type;host;x-amz-date, "
       "Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7"}};
  Request request{"GET", "/", "Action=ListUsers&Version=2010-05-08", "", &headers};
  Result<std::string> canonical =
      CanonicalRequest(request, {"content-type", "host", "x-amz-date"}, HexSha256(""));
  ASSERT_TRUE(canonical.ok());
  EXPECT_EQ(HexSha256(*canonical),
            "f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59");
  std::string sts =
      StringToSign("20150830T123600Z", "20150830/us-east-1/iam/aws4_request", *canonical);
  EXPECT_EQ(HexHmacSha256(key, sts),
            "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7");

  EXPECT_TRUE(ParseAndVerify(request, kDocSecret, At("2015-08-30T12:40:00Z")).ok());
  EXPECT_EQ(CodeOf(ParseAndVerify(request, "another-secret", At("2015-08-30T12:40:00Z"))),
            ErrorCode::kSignatureDoesNotMatch);
}

// get-vanilla-query-order-key-case of AWS's SigV4 test suite
// (https://docs.aws.amazon.com/general/latest/gr/signature-v4-test-suite.html): the query is
// sent unsorted and must be sorted for the canonical request.
TEST(SigV4, SortsTheQueryAsAwsTestSuiteExpects) {
  std::vector<Header> headers = {
      {"Host", "example.amazonaws.com"},
      {"X-Amz-Date", "20150830T123600Z"},
      {"Authorization",
       "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
       "SignedHeaders=host;x-amz-date, "
       "Signature=b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500"}};
  Request request{"GET", "/", "Param2=value2&Param1=value1", "", &headers};
  EXPECT_TRUE(ParseAndVerify(request, kDocSecret, At("2015-08-30T12:36:00Z")).ok());
}

// The GET Object example of Amazon S3's "Signature calculations for the Authorization header"
// (https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html): a Range
// header and x-amz-content-sha256 among the signed headers.
TEST(SigV4, AcceptsS3DocumentedHeaderExampleWithContentSha256) {
  std::vector<Header> headers = {
      {"Host", "examplebucket.s3.amazonaws.com"},
      {"Range", "bytes=0-9"},
      {"x-amz-content-sha256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
      {"x-amz-date", "20130524T000000Z"},
      {"Authorization",
       "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,"
       "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,"
       "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41"}};
  Request request{"GET", "/test.txt", "", "", &headers};
  EXPECT_TRUE(ParseAndVerify(request, kS3DocSecret, At("2013-05-24T00:05:00Z")).ok());
  // The header claims the empty body's hash; a body that is not empty betrays the tampering.
  Request with_body{"GET", "/test.txt", "", "x", &headers};
  EXPECT_EQ(CodeOf(ParseAndVerify(with_body, kS3DocSecret, At("2013-05-24T00:05:00Z"))),
            ErrorCode::kSignatureDoesNotMatch);
}

// The presigned GET example of Amazon S3's "Authenticating requests: using query parameters"
// (https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html): valid for
// 86400 s, payload UNSIGNED-PAYLOAD. The canonical form reproduces S3's signature, but an EC2
// server never takes UNSIGNED-PAYLOAD: the URL is refused once its time window is checked.
TEST(SigV4, S3DocumentedPresignedUrlComputesButItsUnsignedPayloadIsRefused) {
  std::vector<Header> headers = {{"Host", "examplebucket.s3.amazonaws.com"}};
  std::string query =
      "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-"
      "east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-"
      "SignedHeaders=host&X-Amz-Signature="
      "aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404";
  Request request{"GET", "/test.txt", query, "", &headers};
  Result<Signature> sig = ParseSignature(request);
  ASSERT_TRUE(sig.ok()) << sig.error().message;
  EXPECT_EQ(sig->form, Form::kQuery);
  EXPECT_EQ(sig->access_key_id, "AKIAIOSFODNN7EXAMPLE");
  EXPECT_EQ(sig->expires_s, 86400);
  Result<std::string> canonical = CanonicalRequest(request, {"host"}, "UNSIGNED-PAYLOAD");
  ASSERT_TRUE(canonical.ok());
  EXPECT_EQ(HexHmacSha256(
                SigningKey(kS3DocSecret, "20130524", "us-east-1", "s3"),
                StringToSign("20130524T000000Z", "20130524/us-east-1/s3/aws4_request", *canonical)),
            sig->signature);
  EXPECT_EQ(CodeOf(Verify(request, *sig, kS3DocSecret, At("2013-05-24T20:00:00Z"))),
            ErrorCode::kSignatureDoesNotMatch);
  EXPECT_EQ(CodeOf(Verify(request, *sig, kS3DocSecret, At("2013-05-25T00:00:01Z"))),
            ErrorCode::kRequestExpired);
}

class SigV4RoundTrip : public ::testing::Test {
 protected:
  SigV4RoundTrip() {
    out_.method = "POST";
    out_.host = "127.0.0.1:4566";
    out_.body = "Action=RunInstances&Version=2016-11-15&ImageId=ami-1&MinCount=1&MaxCount=1";
    out_.headers = {{"Content-Type", "application/x-www-form-urlencoded; charset=utf-8"}};
    out_.access_key_id = "AKIAALICE";
    out_.secret_access_key = "alice-secret";
    out_.region = "ap-northeast-2";
    out_.time_ms = At("2026-03-01T09:00:00Z");
    headers_ = {{"Host", out_.host}};
    headers_.insert(headers_.end(), out_.headers.begin(), out_.headers.end());
    for (const Header& h : SignRequest(out_)) headers_.push_back(h);
    body_ = out_.body;
  }
  Request View() const { return Request{"POST", "/", query_, body_, &headers_}; }
  Status Check(std::int64_t now) const { return ParseAndVerify(View(), "alice-secret", now); }

  Outgoing out_;
  std::vector<Header> headers_;
  std::string query_;
  std::string body_;
};

TEST_F(SigV4RoundTrip, SignedRequestVerifiesWithinFifteenMinutesEitherWay) {
  EXPECT_TRUE(Check(out_.time_ms).ok());
  EXPECT_TRUE(Check(out_.time_ms + 15 * kMinute).ok());
  EXPECT_TRUE(Check(out_.time_ms - 15 * kMinute).ok());
  EXPECT_EQ(CodeOf(Check(out_.time_ms + 15 * kMinute + kSecond)), ErrorCode::kRequestExpired);
  EXPECT_EQ(CodeOf(Check(out_.time_ms - 15 * kMinute - kSecond)), ErrorCode::kRequestExpired);
  EXPECT_EQ(headers_.back().first, "Authorization");
  EXPECT_NE(
      headers_.back().second.find("Credential=AKIAALICE/20260301/ap-northeast-2/ec2/"
                                  "aws4_request, SignedHeaders=content-type;host;x-amz-date,"),
      std::string::npos);
}

TEST_F(SigV4RoundTrip, ChangedBodyQueryHeaderOrDateFailsTheSignature) {
  body_ = out_.body.substr(0, out_.body.size() - 1) + "9";  // MaxCount=9
  EXPECT_EQ(CodeOf(Check(out_.time_ms)), ErrorCode::kSignatureDoesNotMatch);
  body_ = out_.body;
  query_ = "DryRun=true";
  EXPECT_EQ(CodeOf(Check(out_.time_ms)), ErrorCode::kSignatureDoesNotMatch);
  query_.clear();
  headers_[1].second = "application/json";  // Content-Type is signed
  EXPECT_EQ(CodeOf(Check(out_.time_ms)), ErrorCode::kSignatureDoesNotMatch);
  headers_[1].second = out_.headers[0].second;
  ASSERT_EQ(headers_[2].first, "X-Amz-Date");
  headers_[2].second = "20260301T090001Z";  // one second later, same scope date
  EXPECT_EQ(CodeOf(Check(out_.time_ms)), ErrorCode::kSignatureDoesNotMatch);
  headers_[2].second = FormatAmzDate(out_.time_ms);
  EXPECT_TRUE(Check(out_.time_ms).ok());
  // An unsigned header may change or be added (proxies do), a signed one may not disappear.
  headers_.emplace_back("User-Agent", "anything");
  EXPECT_TRUE(Check(out_.time_ms).ok());
  headers_.erase(headers_.begin() + 1);
  EXPECT_EQ(CodeOf(Check(out_.time_ms)), ErrorCode::kSignatureDoesNotMatch);
}

TEST_F(SigV4RoundTrip, HeaderValuesAreTrimmedAndCaseOfNamesIgnored) {
  headers_[0].first = "HOST";
  headers_[1].second = "  application/x-www-form-urlencoded;   charset=utf-8 ";
  EXPECT_TRUE(Check(out_.time_ms).ok());
}

TEST(SigV4, PresignedQueryRoundTripsAndRejectsChangedParameters) {
  Outgoing out;
  out.method = "GET";
  out.host = "localhost:4566";
  out.query = "Action=DescribeInstances&Version=2016-11-15&InstanceId.1=i-0abc";
  out.access_key_id = "AKIABOB";
  out.secret_access_key = "bob/secret+with=odd chars";
  out.region = "eu-west-1";
  out.time_ms = At("2026-03-01T09:00:00Z");
  std::string query = Presign(out, 300);
  std::vector<Header> headers = {{"Host", out.host}};
  Request request{"GET", "/", query, "", &headers};
  EXPECT_TRUE(ParseAndVerify(request, out.secret_access_key, out.time_ms + 299 * kSecond).ok());
  EXPECT_EQ(CodeOf(ParseAndVerify(request, out.secret_access_key, out.time_ms + 301 * kSecond)),
            ErrorCode::kRequestExpired);
  std::string changed = query;
  changed.replace(changed.find("i-0abc"), 6, "i-0abd");
  Request tampered{"GET", "/", changed, "", &headers};
  EXPECT_EQ(CodeOf(ParseAndVerify(tampered, out.secret_access_key, out.time_ms)),
            ErrorCode::kSignatureDoesNotMatch);
  // A body added to a presigned GET is not covered by the signature, so it is refused.
  Request with_body{"GET", "/", query, "Action=TerminateInstances", &headers};
  EXPECT_EQ(CodeOf(ParseAndVerify(with_body, out.secret_access_key, out.time_ms)),
            ErrorCode::kSignatureDoesNotMatch);
}

TEST(SigV4, MissingOrPartialAuthenticationHasItsOwnCodes) {
  std::vector<Header> none = {{"Host", "h"}};
  EXPECT_EQ(ParseSignature(Request{"POST", "/", "", "", &none}).error().code,
            ErrorCode::kMissingAuthenticationToken);
  auto parse = [](std::vector<Header> headers, std::string query = "") {
    Request r{"POST", "/", query, "", &headers};
    Result<Signature> sig = ParseSignature(r);
    return sig.ok() ? ErrorCode::kInternalError : sig.error().code;
  };
  const std::string cred = "Credential=AKID/20260301/us-east-1/ec2/aws4_request";
  const Header date{"X-Amz-Date", "20260301T000000Z"};
  EXPECT_EQ(parse({date, {"Authorization", "AWS4-HMAC-SHA256 " + cred + ", SignedHeaders=host"}}),
            ErrorCode::kIncompleteSignature);
  EXPECT_EQ(parse({date, {"Authorization", "AWS AKID:c2lnbmF0dXJl"}}),
            ErrorCode::kIncompleteSignature);
  EXPECT_EQ(parse({date,
                   {"Authorization",
                    "AWS4-HMAC-SHA256 Credential=AKID/20260301/us-east-1, "
                    "SignedHeaders=host, Signature=ab"}}),
            ErrorCode::kIncompleteSignature);
  EXPECT_EQ(
      parse({{"Authorization", "AWS4-HMAC-SHA256 " + cred + ", SignedHeaders=host, Signature=ab"}}),
      ErrorCode::kIncompleteSignature);  // no X-Amz-Date
  EXPECT_EQ(
      parse({{"X-Amz-Date", "2026-03-01T00:00:00Z"},
             {"Authorization", "AWS4-HMAC-SHA256 " + cred + ", SignedHeaders=host, Signature=ab"}}),
      ErrorCode::kIncompleteSignature);  // not the basic ISO 8601 form
  EXPECT_EQ(parse({}, "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=ab"),
            ErrorCode::kIncompleteSignature);
  EXPECT_EQ(
      parse({date,
             {"Authorization", "AWS4-HMAC-SHA256 " + cred + ", SignedHeaders=host, Signature=ab"}},
            "X-Amz-Signature=ab"),
      ErrorCode::kIncompleteSignature);  // both forms
  std::string presigned =
      "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKID%2F20260301%2Fus-east-1%2Fec2%2F"
      "aws4_request&X-Amz-Date=20260301T000000Z&X-Amz-SignedHeaders=host&X-Amz-Signature=ab";
  EXPECT_EQ(parse({}, presigned), ErrorCode::kInternalError);  // complete: parses
  EXPECT_EQ(parse({}, presigned + "&X-Amz-Expires=0"), ErrorCode::kIncompleteSignature);
  EXPECT_EQ(parse({}, presigned + "&X-Amz-Expires=604801"), ErrorCode::kIncompleteSignature);
}

TEST(SigV4, ScopeDateMustBeTheDateOfTheRequest) {
  Outgoing out;
  out.host = "h";
  out.access_key_id = "AKID";
  out.secret_access_key = "s";
  out.region = "us-east-1";
  out.time_ms = At("2026-03-01T23:59:00Z");
  std::vector<Header> headers = {{"Host", "h"}};
  for (const Header& h : SignRequest(out)) headers.push_back(h);
  headers[1].second = "20260302T000100Z";  // next day, within 15 minutes
  Request r{"POST", "/", "", "", &headers};
  Status s = ParseAndVerify(r, "s", out.time_ms);
  EXPECT_EQ(CodeOf(s), ErrorCode::kSignatureDoesNotMatch);
  EXPECT_NE(s.error().message.find("Credential scope"), std::string::npos);
}

TEST(SigV4, CanonicalFormEncodesStrictlyAndNormalizesThePath) {
  EXPECT_EQ(UriEncode("a b+c~d/e*", false), "a%20b%2Bc~d%2Fe%2A");
  EXPECT_EQ(UriEncode("/a b/", true), "/a%20b/");
  std::vector<Header> headers = {{"Host", "h"}, {"X-Multi", "a"}, {"x-multi", " b  c "}};
  // '+' is a space, as the server's form decoding reads it; only %2B is a plus.
  Request r{"GET", "/x/./y/../z//w", "b=2&a=%7e&c=x+y&a=%41&d=%2B", "", &headers};
  Result<std::string> canonical = CanonicalRequest(r, {"host", "x-multi"}, "HASH");
  ASSERT_TRUE(canonical.ok());
  EXPECT_EQ(*canonical,
            "GET\n/x/z/w\na=A&a=~&b=2&c=x%20y&d=%2B\nhost:h\nx-multi:a,b c\n\nhost;x-multi\nHASH");
  // Every service but S3 signs the path encoded twice, as botocore does.
  Request encoded{"GET", "/a%20b", "", "", &headers};
  EXPECT_EQ(CanonicalRequest(encoded, {"host"}, "H")->substr(0, 14), "GET\n/a%2520b\n\n");
  EXPECT_EQ(FormatAmzDate(At("2015-08-30T12:36:00Z")), "20150830T123600Z");
}

TEST(SigV4, AuthErrorCodesCarryAwsHttpStatuses) {
  EXPECT_EQ(AwsCode(ErrorCode::kIncompleteSignature), "IncompleteSignature");
  EXPECT_EQ(HttpStatus(ErrorCode::kIncompleteSignature), 400);
  EXPECT_EQ(AwsCode(ErrorCode::kMissingAuthenticationToken), "MissingAuthenticationToken");
  EXPECT_EQ(HttpStatus(ErrorCode::kMissingAuthenticationToken), 403);
  EXPECT_EQ(AwsCode(ErrorCode::kRequestExpired), "RequestExpired");
  EXPECT_EQ(HttpStatus(ErrorCode::kRequestExpired), 400);
  EXPECT_EQ(HttpStatus(ErrorCode::kSignatureDoesNotMatch), 403);
  EXPECT_EQ(HttpStatus(ErrorCode::kAuthFailure), 401);
}

TEST(SigV4, SecretsCompareWholly) {
  EXPECT_TRUE(SameSecret("abc", "abc"));
  EXPECT_FALSE(SameSecret("abc", "abd"));
  EXPECT_FALSE(SameSecret("abc", "ab"));
  EXPECT_FALSE(SameSecret("", "a"));
}

}  // namespace
}  // namespace ec2sim::server::sigv4
