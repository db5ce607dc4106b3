// The VPC model where the actions alone cannot reach yet: deleting the default VPC once its
// gateway is gone, and building it again.
#include "sim/model/vpc/vpcs.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sim/model/vpc/subnets.h"

namespace ec2sim::model {
namespace {

class VpcModelTest : public ::testing::Test {
 protected:
  VpcModelTest() : world_(SandboxOptions{}) {
    scope_ = world_.GetScope("123456789012", "ap-northeast-2").value();
  }
  World world_;
  Scope* scope_ = nullptr;
};

TEST_F(VpcModelTest, DeletingTheDefaultVpcLeavesNoneAndCreateDefaultVpcBuildsOneAgain) {
  std::string id = scope_->default_vpc_id;
  std::vector<std::string> subnets, gateways;
  for (const Subnet& s : scope_->subnets.values()) subnets.push_back(s.id);
  for (const InternetGateway& g : scope_->internet_gateways.values()) gateways.push_back(g.id);
  for (const std::string& s : subnets) ASSERT_TRUE(DeleteSubnet(*scope_, s).ok());
  for (const std::string& g : gateways) scope_->internet_gateways.Erase(g);
  Status deleted = DeleteVpc(*scope_, id);
  ASSERT_TRUE(deleted.ok()) << deleted.error().message;
  EXPECT_TRUE(scope_->default_vpc_id.empty());
  EXPECT_EQ(scope_->vpcs.size(), 0u);
  EXPECT_EQ(scope_->groups.size(), 0u);
  EXPECT_EQ(scope_->acls.size(), 0u);
  std::string dopt = (*scope_->dhcp_options.values().begin()).id;
  Result<Vpc*> again = CreateDefaultVpcOnce(world_, *scope_);
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_TRUE((*again)->is_default);
  EXPECT_NE((*again)->id, id);
  EXPECT_EQ(scope_->default_vpc_id, (*again)->id);
  // The region's default DHCP options set outlived the old VPC and is taken again.
  EXPECT_EQ((*again)->dhcp_options_id, dopt);
  EXPECT_EQ(scope_->dhcp_options.size(), 1u);
  EXPECT_FALSE(CreateDefaultVpcOnce(world_, *scope_).ok());
}

TEST_F(VpcModelTest, AmazonIpv6BlockFollowsTheAssociationId) {
  EXPECT_EQ(AmazonIpv6Block("vpc-cidr-assoc-0123456789abcdef0"), "2600:1f18:bcde:f000::/56");
  EXPECT_EQ(AmazonIpv6Block("vpc-cidr-assoc-0123456789abcdef0"),
            AmazonIpv6Block("vpc-cidr-assoc-0123456789abcdef0"));
}

}  // namespace
}  // namespace ec2sim::model
