// api::Params reading a request and the structures nested in it: every error names where in the
// request it is and carries EC2's code, and the first error wins.
#include "sim/api/params.h"

#include <gtest/gtest.h>

namespace ec2sim::api {
namespace {

TEST(Params, NestedErrorsNameTheirPathInTheRequest) {
  json request = json::parse(R"({"IpPermissions": [{"IpRanges": [{}, {"Description": 7}]}]})");
  Params p(request);
  const json* list = p.List("IpPermissions");
  ASSERT_NE(list, nullptr);
  Params perm((*list)[0], "IpPermissions[0]", p);
  const json* ranges = perm.List("IpRanges");
  ASSERT_NE(ranges, nullptr);
  Params second((*ranges)[1], "IpPermissions[0].IpRanges[1]", perm);
  EXPECT_EQ(second.OptString("Description"), std::nullopt);
  Status status = p.Finish();
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kInvalidParameterValue);
  EXPECT_EQ(status.error().message,
            "Invalid type for parameter IpPermissions[0].IpRanges[1].Description: expected a "
            "string, got an integer");
}

TEST(Params, AMissingNestedMemberIsMissingParameterWithItsPath) {
  json item = json::object();
  json request = json::object();
  Params p(request);
  Params nested(item, "PortRange", p);
  EXPECT_EQ(nested.String("From"), "");
  Status status = p.Finish();
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kMissingParameter);
  EXPECT_EQ(status.error().message, "The request must contain the parameter PortRange.From");
}

TEST(Params, DoneReportsTheFirstNestedMemberNobodyRead) {
  json item = json::parse(R"({"From": 22, "Form": 23})");
  json request = json::object();
  Params p(request);
  Params nested(item, "PortRange", p);
  EXPECT_EQ(nested.OptInt("From"), 22);
  EXPECT_TRUE(p.Finish().ok());  // nothing is reported until the nested reader is done
  nested.Done();
  Status status = p.Finish();
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kUnknownParameter);
  EXPECT_EQ(status.error().message, "Unknown parameter in PortRange: \"Form\"");
}

TEST(Params, ANestedValueThatIsNoStructureFailsAtOnce) {
  json item = json::array({1, 2});
  json request = json::object();
  Params p(request);
  Params nested(item, "IcmpTypeCode", p);
  EXPECT_FALSE(nested.ok());
  EXPECT_EQ(nested.OptInt("Type"), std::nullopt);
  Status status = p.Finish();
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().message,
            "Invalid type for parameter IcmpTypeCode: expected a structure, got a list");
}

TEST(Params, TheFirstErrorWinsAcrossTheRequestAndItsStructures) {
  json request = json::parse(R"({"Count": "three", "Inner": {"Name": 5}})");
  Params p(request);
  EXPECT_EQ(p.OptInt("Count", 0, 10), std::nullopt);
  Params inner(request["Inner"], "Inner", p);
  EXPECT_EQ(inner.OptString("Name"), std::nullopt);
  Status status = p.Finish();
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().message,
            "Invalid type for parameter Count: expected an integer, got a string");
}

TEST(Params, AListMemberOfAnotherTypeIsInvalid) {
  json request = json::parse(R"({"IpPermissions": {"IpProtocol": "tcp"}})");
  Params p(request);
  EXPECT_EQ(p.List("IpPermissions"), nullptr);
  Status status = p.Finish();
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kInvalidParameterValue);
}

}  // namespace
}  // namespace ec2sim::api
