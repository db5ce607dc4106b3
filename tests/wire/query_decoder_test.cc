// Decoding EC2 Query requests into the action table's JSON. The request bodies are the ones
// botocore's own serializer produced (ec2-semantics.md §2.1); the expected JSON is what boto3
// callers pass for the same call.
#include "sim/wire/query_decoder.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "sim/wire/service_model.h"

namespace ec2sim::wire {
namespace {

using nlohmann::json;

// Decodes `body` (Action included) for its action; a failure is reported and yields null.
json Decode(const std::string& body) {
  Result<QueryParams> params = ParseFormUrlEncoded(body);
  if (!params.ok()) {
    ADD_FAILURE() << params.error().message;
    return nullptr;
  }
  const Operation* op = ServiceModel::Ec2().FindOperation(FindParam(*params, "Action").value());
  if (op == nullptr) {
    ADD_FAILURE() << "no operation for " << body;
    return nullptr;
  }
  Result<json> r = DecodeQuery(op->input, *params);
  if (!r.ok()) {
    ADD_FAILURE() << AwsCode(r.error().code) << ": " << r.error().message;
    return nullptr;
  }
  return *r;
}

// The error code decoding `body` fails with, or "" when it succeeds.
std::string DecodeError(const std::string& body) {
  Result<QueryParams> params = ParseFormUrlEncoded(body);
  if (!params.ok()) return std::string(AwsCode(params.error().code));
  const Operation* op = ServiceModel::Ec2().FindOperation(FindParam(*params, "Action").value());
  Result<json> r = DecodeQuery(op->input, *params);
  return r.ok() ? "" : std::string(AwsCode(r.error().code));
}

TEST(QueryDecoder, FlattenedListsAndFiltersBecomeBoto3Lists) {
  json got = Decode(
      "Action=DescribeInstances&Version=2016-11-15&InstanceId.1=i-0123456789abcdef0&"
      "InstanceId.2=i-0fedcba9876543210&Filter.1.Name=instance-state-name&Filter.1.Value.1="
      "running&Filter.1.Value.2=stopped&Filter.2.Name=tag%3AEnv&Filter.2.Value.1=lab");
  json want = json::parse(R"({
    "InstanceIds": ["i-0123456789abcdef0", "i-0fedcba9876543210"],
    "Filters": [{"Name": "instance-state-name", "Values": ["running", "stopped"]},
                {"Name": "tag:Env", "Values": ["lab"]}]})");
  EXPECT_EQ(got, want);
}

TEST(QueryDecoder, IntegersAndBooleansAreTypedByTheModel) {
  EXPECT_EQ(Decode("Action=StopInstances&Version=2016-11-15&InstanceId.1=i-0123456789abcdef0&"
                   "Force=true"),
            json::parse(R"({"InstanceIds": ["i-0123456789abcdef0"], "Force": true})"));
  EXPECT_EQ(Decode("Action=RunInstances&Version=2016-11-15&ImageId=ami-0abcdef1234567890&"
                   "InstanceType=t3.micro&MinCount=1&MaxCount=1&KeyName=lab-key&"
                   "SecurityGroupId.1=sg-0123456789abcdef0&SubnetId=subnet-0123abcd"),
            json::parse(R"({"ImageId": "ami-0abcdef1234567890", "InstanceType": "t3.micro",
                            "MinCount": 1, "MaxCount": 1, "KeyName": "lab-key",
                            "SecurityGroupIds": ["sg-0123456789abcdef0"],
                            "SubnetId": "subnet-0123abcd"})"));
  EXPECT_EQ(Decode("Action=DescribeRegions&Version=2016-11-15&AllRegions=true"),
            json::parse(R"({"AllRegions": true})"));
}

TEST(QueryDecoder, NestedStructuresUseTheirLocationNames) {
  json got = Decode(
      "Action=AuthorizeSecurityGroupIngress&Version=2016-11-15&GroupId=sg-0123456789abcdef0&"
      "IpPermissions.1.IpProtocol=tcp&IpPermissions.1.FromPort=22&IpPermissions.1.ToPort=22&"
      "IpPermissions.1.IpRanges.1.CidrIp=203.0.113.0%2F24&IpPermissions.1.IpRanges.1."
      "Description=ssh&IpPermissions.2.IpProtocol=icmp&IpPermissions.2.FromPort=8&"
      "IpPermissions.2.ToPort=-1&IpPermissions.2.Groups.1.GroupId=sg-0aaaabbbbccccdddd&"
      "IpPermissions.2.Ipv6Ranges.1.CidrIpv6=%3A%3A%2F0&IpPermissions.2.PrefixListIds.1."
      "PrefixListId=pl-12345678");
  json want = json::parse(R"({
    "GroupId": "sg-0123456789abcdef0",
    "IpPermissions": [
      {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22,
       "IpRanges": [{"CidrIp": "203.0.113.0/24", "Description": "ssh"}]},
      {"IpProtocol": "icmp", "FromPort": 8, "ToPort": -1,
       "UserIdGroupPairs": [{"GroupId": "sg-0aaaabbbbccccdddd"}],
       "Ipv6Ranges": [{"CidrIpv6": "::/0"}],
       "PrefixListIds": [{"PrefixListId": "pl-12345678"}]}]})");
  EXPECT_EQ(got, want);
  EXPECT_EQ(Decode("Action=CreateSecurityGroup&GroupName=web&GroupDescription=Web+servers"),
            json::parse(R"({"GroupName": "web", "Description": "Web servers"})"));
}

TEST(QueryDecoder, ListElementsComeInIndexOrderWhateverTheFieldOrder) {
  EXPECT_EQ(Decode("Action=DescribeInstances&InstanceId.3=i-c&InstanceId.2=i-b&InstanceId.1=i-a"),
            json::parse(R"({"InstanceIds": ["i-a", "i-b", "i-c"]})"));
}

TEST(QueryDecoder, ListElementsAreNumberedFromOneWithoutGaps) {
  // docs/server.md: a list index that is not 1, 2, ... is InvalidParameterValue.
  EXPECT_EQ(DecodeError("Action=DescribeInstances&InstanceId.2=i-1"), "InvalidParameterValue");
  EXPECT_EQ(DecodeError("Action=DescribeInstances&InstanceId.1=i-1&InstanceId.3=i-3"),
            "InvalidParameterValue");
  EXPECT_EQ(DecodeError("Action=DescribeInstances&Filter.1.Name=x&Filter.1.Value.2=y"),
            "InvalidParameterValue");
  EXPECT_EQ(DecodeError("Action=DescribeInstances&Filter.2.Name=x&Filter.2.Value.1=y"),
            "InvalidParameterValue");
  Result<QueryParams> params = ParseFormUrlEncoded("Action=DescribeInstances&InstanceId.2=i-1");
  ASSERT_TRUE(params.ok());
  Result<json> r =
      DecodeQuery(ServiceModel::Ec2().FindOperation("DescribeInstances")->input, *params);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message,
            "The parameter InstanceId.2 has no InstanceId.1: list elements are numbered 1, 2, 3, "
            "... without gaps");
}

TEST(QueryDecoder, SignatureFieldsOfPresignedUrlsAreNotParameters) {
  EXPECT_EQ(Decode("Action=DescribeRegions&Version=2016-11-15&X-Amz-Algorithm=AWS4-HMAC-SHA256&"
                   "X-Amz-Credential=AKID%2F20260101%2Fus-east-1%2Fec2%2Faws4_request&"
                   "X-Amz-Signature=abc"),
            json::object());
}

TEST(QueryDecoder, RejectsWhatTheModelDoesNotKnow) {
  EXPECT_EQ(DecodeError("Action=DescribeInstances&InstanceID.1=i-1"), "UnknownParameter");
  EXPECT_EQ(DecodeError("Action=DescribeInstances&Filter.1.Nmae=x"), "UnknownParameter");
  EXPECT_EQ(DecodeError("Action=StopInstances&Force.1=true"), "UnknownParameter");
}

TEST(QueryDecoder, RejectsMalformedValuesAndNames) {
  EXPECT_EQ(DecodeError("Action=RunInstances&MinCount=one"), "InvalidParameterValue");
  EXPECT_EQ(DecodeError("Action=RunInstances&MinCount=1.5"), "InvalidParameterValue");
  EXPECT_EQ(DecodeError("Action=StopInstances&Force=yes"), "InvalidParameterValue");
  EXPECT_EQ(DecodeError("Action=DescribeInstances&InstanceId.0=i-1"), "InvalidParameterValue");
  EXPECT_EQ(DecodeError("Action=DescribeInstances&InstanceId.x=i-1"), "InvalidParameterValue");
  EXPECT_EQ(DecodeError("Action=DescribeInstances&InstanceId=i-1"), "InvalidParameterValue");
  EXPECT_EQ(DecodeError("Action=DescribeInstances&InstanceId.1=a&InstanceId.01=b"),
            "InvalidParameterValue");
  EXPECT_EQ(DecodeError("Action=DescribeInstances&InstanceId..1=a"), "InvalidParameterValue");
  EXPECT_EQ(DecodeError("Action=DescribeInstances&InstanceId.1=a&InstanceId.1=b"),
            "InvalidParameterValue");
  EXPECT_EQ(DecodeError("Action=DescribeInstances&InstanceId.1=%zz"), "InvalidParameterValue");
  EXPECT_EQ(DecodeError("Action=DescribeInstances&InstanceId.1=%4"), "InvalidParameterValue");
}

TEST(FormUrlEncoding, DecodesPlusAndEscapesAndKeepsFieldOrder) {
  Result<QueryParams> p = ParseFormUrlEncoded("b=x+y%2Fz&&a&c=%E2%82%AC");
  ASSERT_TRUE(p.ok());
  ASSERT_EQ(p->size(), 3u);
  EXPECT_EQ((*p)[0], (std::pair<std::string, std::string>{"b", "x y/z"}));
  EXPECT_EQ((*p)[1], (std::pair<std::string, std::string>{"a", ""}));
  EXPECT_EQ((*p)[2], (std::pair<std::string, std::string>{"c", "\xE2\x82\xAC"}));
}

}  // namespace
}  // namespace ec2sim::wire
