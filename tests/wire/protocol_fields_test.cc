#include "sim/wire/protocol_fields.h"

#include <gtest/gtest.h>

#include <string>

namespace ec2sim::wire {
namespace {

Result<ProtocolFields> Read(const std::string& form) {
  Result<QueryParams> params = ParseFormUrlEncoded(form);
  if (!params.ok()) return std::move(params).error();
  return ReadProtocolFields(*params);
}

std::string CodeOf(const Result<ProtocolFields>& r) {
  return r.ok() ? "" : std::string(AwsCode(r.error().code));
}

TEST(ProtocolFields, ActionAndTheVersionEverySdkSendsAreRead) {
  Result<ProtocolFields> r = Read("Action=DescribeRegions&Version=2016-11-15");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->action, "DescribeRegions");
  EXPECT_EQ(r->version, "2016-11-15");
}

TEST(ProtocolFields, AMissingVersionIsServedAsTheCurrentOne) {
  Result<ProtocolFields> r = Read("Action=DescribeRegions");
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->version.has_value());
}

TEST(ProtocolFields, EveryPublishedVersionIsAcceptedAndOthersAreNoSuchVersion) {
  for (const char* v : {"2006-06-26", "2008-12-01", "2011-01-01", "2014-10-01", "2016-09-15"}) {
    EXPECT_EQ(CodeOf(Read(std::string("Action=DescribeRegions&Version=") + v)), "") << v;
  }
  for (const char* v : {"2016-11-16", "2017-01-01", "2016-11-15 ", "latest", ""}) {
    EXPECT_EQ(CodeOf(Read(std::string("Action=DescribeRegions&Version=") + v)), "NoSuchVersion")
        << v;
  }
  Result<ProtocolFields> r = Read("Action=DescribeRegions&Version=2099-01-01");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(HttpStatus(r.error().code), 400);
  EXPECT_EQ(r.error().message,
            "The requested version (2099-01-01) of service AmazonEC2 does not exist");
}

TEST(ProtocolFields, ADuplicatedActionOrVersionIsRefusedLikeAnyDuplicatedScalar) {
  // Before: the first Action won silently, while InstanceId.1 twice was refused.
  EXPECT_EQ(CodeOf(Read("Action=DescribeRegions&Action=TerminateInstances")),
            "InvalidParameterValue");
  EXPECT_EQ(CodeOf(Read("Action=DescribeRegions&Action=DescribeRegions")), "InvalidParameterValue");
  EXPECT_EQ(CodeOf(Read("Action=DescribeRegions&Version=2016-11-15&Version=2016-11-15")),
            "InvalidParameterValue");
  EXPECT_EQ(Read("Action=A&Action=B").error().message,
            "The parameter Action is given more than once");
}

TEST(ProtocolFields, AMissingOrEmptyActionIsMissingParameter) {
  EXPECT_EQ(CodeOf(Read("Version=2016-11-15")), "MissingParameter");
  EXPECT_EQ(CodeOf(Read("Action=&Version=2016-11-15")), "MissingParameter");
}

}  // namespace
}  // namespace ec2sim::wire
