// The table of resource kinds: one entry per kind, found by its id prefix, and the NotFound and
// Malformed answers every lookup gives from it.
#include "sim/model/resource_kinds.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "sim/model/world.h"

namespace ec2sim::model {
namespace {

// A well-formed id of `kind` that names nothing.
std::string UnknownId(const ResourceKind& kind) {
  return std::string(kind.prefix) + "0123456789abcdef0";
}

TEST(ResourceKinds, EveryKindIsListedOnceInKindOrder) {
  int index = 0;
  for (const ResourceKind& kind : ResourceKinds()) {
    EXPECT_EQ(static_cast<int>(kind.kind), index++);
    EXPECT_EQ(&KindInfo(kind.kind), &kind);
  }
  EXPECT_EQ(index, static_cast<int>(Kind::kImage) + 1);
}

TEST(ResourceKinds, PrefixesTagTypesAndIdKeysAreDistinct) {
  std::set<std::string_view> prefixes, tag_types, id_keys;
  for (const ResourceKind& kind : ResourceKinds()) {
    EXPECT_TRUE(prefixes.insert(kind.prefix).second) << kind.prefix;
    EXPECT_TRUE(tag_types.insert(kind.tag_type).second) << kind.tag_type;
    EXPECT_TRUE(id_keys.insert(kind.id_key).second) << kind.id_key;
    EXPECT_TRUE(kind.prefix.ends_with('-')) << kind.prefix;
    EXPECT_FALSE(kind.noun.empty());
    EXPECT_FALSE(kind.ids_param.empty());
    EXPECT_NE(kind.find, nullptr);
    EXPECT_NE(kind.list, nullptr);
  }
}

TEST(ResourceKinds, EveryKindIsFoundByThePrefixOfItsIds) {
  for (const ResourceKind& kind : ResourceKinds()) {
    std::string id = UnknownId(kind);
    EXPECT_EQ(KindOfId(id), &kind) << id;
    EXPECT_TRUE(IsWellFormedId(kind, id)) << id;
    EXPECT_FALSE(IsWellFormedId(kind, std::string(kind.prefix) + "xyz")) << kind.prefix;
  }
}

TEST(ResourceKinds, LongerPrefixesAreNotMistakenForShorterOnes) {
  EXPECT_EQ(KindOfId("sgr-0123456789abcdef0")->kind, Kind::kSecurityGroupRule);
  EXPECT_EQ(KindOfId("sg-0123456789abcdef0")->kind, Kind::kSecurityGroup);
  EXPECT_EQ(KindOfId("vpc-cidr-assoc-0123456789abcdef0"), nullptr);
  EXPECT_EQ(KindOfId("ami-0123456789abcdef0")->kind, Kind::kImage);
  EXPECT_EQ(KindOfId("no-dash-here-but-unknown"), nullptr);
  EXPECT_EQ(KindOfId("nodash"), nullptr);
}

TEST(ResourceKinds, NotFoundNamesOneIdOrSeveral) {
  const ResourceKind& acl = KindInfo(Kind::kNetworkAcl);
  Error one = NotFoundError(acl, "acl-1a2b3c4d");
  EXPECT_EQ(one.code, ErrorCode::kInvalidNetworkAclIdNotFound);
  EXPECT_EQ(one.message, "The networkAcl ID 'acl-1a2b3c4d' does not exist");
  Error two = NotFoundError(acl, std::vector<std::string>{"acl-1a2b3c4d", "acl-5e6f7a8b"});
  EXPECT_EQ(two.message, "The networkAcl IDs 'acl-1a2b3c4d, acl-5e6f7a8b' do not exist");
}

TEST(ResourceKinds, MalformedSpellsOutTheShapeForGroupsOnly) {
  EXPECT_EQ(MalformedIdError(KindInfo(Kind::kInstance), "i-x").message, "Invalid id: \"i-x\"");
  Error group = MalformedIdError(KindInfo(Kind::kSecurityGroup), "sg-x");
  EXPECT_EQ(group.code, ErrorCode::kInvalidGroupIdMalformed);
  EXPECT_EQ(group.message, "Invalid id: \"sg-x\" (expecting \"sg-...\")");
}

class ResourceKindsInScope : public ::testing::Test {
 protected:
  ResourceKindsInScope() : world_(SandboxOptions{}) {
    scope_ = world_.GetScope("123456789012", "ap-northeast-2").value();
  }
  World world_;
  Scope* scope_ = nullptr;
};

TEST_F(ResourceKindsInScope, ListedResourcesAreFoundByTheirIds) {
  // A new scope holds the default VPC, its subnets, network ACL and security group (with rules).
  for (Kind k : {Kind::kVpc, Kind::kSubnet, Kind::kNetworkAcl, Kind::kSecurityGroup,
                 Kind::kSecurityGroupRule}) {
    const ResourceKind& kind = KindInfo(k);
    std::vector<TaggedResource> listed;
    kind.list(*scope_, listed);
    ASSERT_FALSE(listed.empty()) << kind.tag_type;
    for (const TaggedResource& r : listed) {
      EXPECT_EQ(KindOfId(r.id), &kind) << r.id;
      EXPECT_EQ(kind.find(*scope_, r.id), r.tags) << r.id;
    }
    EXPECT_EQ(kind.find(*scope_, UnknownId(kind)), nullptr);
    EXPECT_TRUE(CheckIds(kind, *scope_, {std::string(listed[0].id)}).ok());
  }
}

TEST_F(ResourceKindsInScope, CheckIdsNamesEveryMissingIdWhereTheKindDoes) {
  const ResourceKind& vpc = KindInfo(Kind::kVpc);
  Status s = CheckIds(vpc, *scope_, {"vpc-1a2b3c4d", "vpc-1a2b3c4d", "vpc-5e6f7a8b"});
  EXPECT_EQ(s.error().code, ErrorCode::kInvalidVpcIdNotFound);
  EXPECT_EQ(s.error().message, "The vpc IDs 'vpc-1a2b3c4d, vpc-5e6f7a8b' do not exist");
  // Without a Malformed code, a malformed id is one more missing id.
  s = CheckIds(vpc, *scope_, {"vpc-bad", "vpc-1a2b3c4d"});
  EXPECT_EQ(s.error().message, "The vpc IDs 'vpc-bad, vpc-1a2b3c4d' do not exist");
}

TEST_F(ResourceKindsInScope, CheckIdsStopsAtTheFirstMissingIdWhereTheKindDoes) {
  Status s = CheckIds(KindInfo(Kind::kSecurityGroup), *scope_, {"sg-1a2b3c4d", "sg-5e6f7a8b"});
  EXPECT_EQ(s.error().code, ErrorCode::kInvalidGroupNotFound);
  EXPECT_EQ(s.error().message, "The security group 'sg-1a2b3c4d' does not exist");
}

TEST_F(ResourceKindsInScope, CheckIdsAnswersAMalformedIdFirstWhereTheKindHasACode) {
  Status s = CheckIds(KindInfo(Kind::kInstance), *scope_, {"i-1a2b3c4d", "i-nothex"});
  EXPECT_EQ(s.error().code, ErrorCode::kInvalidInstanceIdMalformed);
  EXPECT_EQ(s.error().message, "Invalid id: \"i-nothex\"");
  EXPECT_TRUE(CheckIds(KindInfo(Kind::kInstance), *scope_, {}).ok());
}

}  // namespace
}  // namespace ec2sim::model
