// The Query decoder's bounds on hostile requests (docs/hardening.md): each is refused with
// InvalidParameterValue before any large structure is built.
#include <gtest/gtest.h>

#include <string>

#include "sim/wire/query_decoder.h"
#include "sim/wire/service_model.h"

namespace ec2sim::wire {
namespace {

// The AWS code DecodeQuery (after ParseFormUrlEncoded) answers for `body`, "" on success.
std::string ErrorFor(const std::string& body) {
  Result<QueryParams> params = ParseFormUrlEncoded(body);
  if (!params.ok()) return std::string(AwsCode(params.error().code));
  std::optional<std::string> action = FindParam(*params, "Action");
  const Operation* op = ServiceModel::Ec2().FindOperation(action.value_or(""));
  if (op == nullptr) return "no such operation";
  Result<nlohmann::json> r = DecodeQuery(op->input, *params);
  return r.ok() ? "" : std::string(AwsCode(r.error().code));
}

std::string InstanceIds(int first, int last) {
  std::string body;
  for (int i = first; i <= last; ++i) body += "&InstanceId." + std::to_string(i) + "=i-1";
  return body;
}

TEST(QueryLimits, AThousandInstanceIdsDecodeButIndex1001IsRefused) {
  Result<QueryParams> params =
      ParseFormUrlEncoded("Action=TerminateInstances" + InstanceIds(1, 1000));
  ASSERT_TRUE(params.ok());
  Result<nlohmann::json> ok =
      DecodeQuery(ServiceModel::Ec2().FindOperation("TerminateInstances")->input, *params);
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  EXPECT_EQ((*ok)["InstanceIds"].size(), 1000u);

  EXPECT_EQ(ErrorFor("Action=TerminateInstances" + InstanceIds(1, 1001)), "InvalidParameterValue");
}

TEST(QueryLimits, HugeListIndexIsRefusedWithoutAllocating) {
  // A vector sized by the index would need gigabytes; the answer must come at once.
  EXPECT_EQ(ErrorFor("Action=DescribeInstances&InstanceId.999999999=i-1"), "InvalidParameterValue");
  EXPECT_EQ(ErrorFor("Action=DescribeInstances&InstanceId.99999999999999999999999=i-1"),
            "InvalidParameterValue");
  EXPECT_EQ(ErrorFor("Action=DescribeInstances&InstanceId.0=i-1"), "InvalidParameterValue");
}

TEST(QueryLimits, TooManyFieldsAreRefusedWhileParsing) {
  std::string body = "Action=DescribeRegions";
  for (std::size_t i = 0; i < kMaxQueryParams; ++i) body += "&x=1";
  Result<QueryParams> params = ParseFormUrlEncoded(body);
  ASSERT_FALSE(params.ok());
  EXPECT_EQ(params.error().code, ErrorCode::kInvalidParameterValue);
  EXPECT_NE(params.error().message.find("5000"), std::string::npos) << params.error().message;
}

TEST(QueryLimits, TooManyFieldsFromQueryAndBodyTogetherAreRefusedByTheDecoder) {
  // The endpoint joins the query string's fields and the body's; each part may be under the
  // bound while the request is over it.
  QueryParams params(kMaxQueryParams + 1, {"DryRun", "true"});
  Result<nlohmann::json> r =
      DecodeQuery(ServiceModel::Ec2().FindOperation("DescribeRegions")->input, params);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidParameterValue);
}

TEST(QueryLimits, NamesNestedDeeperThanTenPartsAreRefused) {
  // Ten parts reach the model and fail there (a filter value has no members); eleven do not get
  // that far.
  EXPECT_EQ(ErrorFor("Action=DescribeInstances&Filter.1.Value.1.a.b.c.d.e.f=x"),
            "UnknownParameter");
  EXPECT_EQ(ErrorFor("Action=DescribeInstances&Filter.1.Value.1.a.b.c.d.e.f.g=x"),
            "InvalidParameterValue");
}

TEST(QueryLimits, AVeryDeepNameDoesNotExhaustTheStack) {
  // 400,000 parts: as a tree of nodes its destruction alone would recurse that deep.
  std::string name = "Filter";
  for (int i = 0; i < 200000; ++i) name += ".1.a";
  EXPECT_EQ(ErrorFor("Action=DescribeInstances&" + name + "=x"), "InvalidParameterValue");
}

TEST(QueryLimits, StringValuesMustBeUtf8) {
  EXPECT_EQ(ErrorFor("Action=CreateKeyPair&KeyName=%ED%82%A4"), "");  // U+D0A4, a Hangul syllable
  EXPECT_EQ(ErrorFor("Action=CreateKeyPair&KeyName=%FF"), "InvalidParameterValue");
  EXPECT_EQ(ErrorFor("Action=CreateKeyPair&KeyName=%C0%AF"), "InvalidParameterValue");  // overlong
  EXPECT_EQ(ErrorFor("Action=CreateKeyPair&KeyName=%ED%A0%80"),
            "InvalidParameterValue");                                                   // surrogate
  EXPECT_EQ(ErrorFor("Action=CreateKeyPair&KeyName=%E2%82"), "InvalidParameterValue");  // cut short
  EXPECT_EQ(ErrorFor("Action=CreateKeyPair&KeyName=%F4%90%80%80"), "InvalidParameterValue");
}

}  // namespace
}  // namespace ec2sim::wire
