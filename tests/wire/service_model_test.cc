// The embedded EC2 model: it covers the action table and carries botocore's wire names.
#include "sim/wire/service_model.h"

#include <gtest/gtest.h>

#include "ec2sim/sandbox.h"

namespace ec2sim::wire {
namespace {

const Member& MemberOf(const std::string& shape_of_op, const std::string& op_part,
                       const std::string& member) {
  const Operation* op = ServiceModel::Ec2().FindOperation(shape_of_op);
  EXPECT_NE(op, nullptr) << shape_of_op;
  const Shape* shape = op_part == "input" ? op->input : op->output;
  const Member* m = shape->FindMember(member);
  EXPECT_NE(m, nullptr) << shape_of_op << "." << member;
  return *m;
}

TEST(WireModel, HasEveryActionOfTheActionTable) {
  // A failure here means an action was added without re-running tools/trim_ec2_model.py.
  for (const std::string& action : Sandbox().Actions()) {
    EXPECT_NE(ServiceModel::Ec2().FindOperation(action), nullptr)
        << action << ": run /usr/bin/python3 tools/trim_ec2_model.py";
  }
}

TEST(WireModel, QueryNamesFollowBotocoresEc2Serializer) {
  // locationName with a capital first letter, queryName first (ec2-semantics.md §2.1).
  EXPECT_EQ(MemberOf("DescribeInstances", "input", "InstanceIds").query_name, "InstanceId");
  EXPECT_EQ(MemberOf("DescribeInstances", "input", "Filters").query_name, "Filter");
  EXPECT_EQ(MemberOf("CreateSecurityGroup", "input", "Description").query_name, "GroupDescription");
  const Member& perms = MemberOf("AuthorizeSecurityGroupIngress", "input", "IpPermissions");
  const Member* pairs = perms.shape->item->FindMember("UserIdGroupPairs");
  ASSERT_NE(pairs, nullptr);
  EXPECT_EQ(pairs->query_name, "Groups");
  const Member* values =
      MemberOf("DescribeInstances", "input", "Filters").shape->item->FindMember("Values");
  ASSERT_NE(values, nullptr);
  EXPECT_EQ(values->query_name, "Value");
}

TEST(WireModel, XmlNamesAreTheLocationNames) {
  const Member& reservations = MemberOf("DescribeInstances", "output", "Reservations");
  EXPECT_EQ(reservations.xml_name, "reservationSet");
  EXPECT_EQ(reservations.shape->item_xml_name, "item");
  const Shape* instance = reservations.shape->item->FindMember("Instances")->shape->item;
  EXPECT_EQ(instance->FindMember("PublicIpAddress")->xml_name, "ipAddress");
  EXPECT_EQ(instance->FindMember("State")->xml_name, "instanceState");
  EXPECT_EQ(instance->FindMember("LaunchTime")->shape->type, ShapeType::kTimestamp);
}

TEST(WireModel, ParseRejectsDanglingShapeReferences) {
  auto r = ServiceModel::Parse(R"({"metadata": {}, "operations": {"X": {"input": "Missing"}},
                                   "shapes": {}})");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("Missing"), std::string::npos);
  EXPECT_FALSE(ServiceModel::Parse("not json").ok());
}

}  // namespace
}  // namespace ec2sim::wire
