#include "sim/model/catalog.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "sim/model/regions.h"

namespace ec2sim::model {
namespace {

TEST(Catalog, LoadsEveryRequiredFamilyAndSize) {
  const char* const kRequired[] = {
      "t2.nano",     "t2.micro",    "t2.small",    "t2.medium",   "t2.large",    "t2.xlarge",
      "t2.2xlarge",  "t3.nano",     "t3.micro",    "t3.small",    "t3.medium",   "t3.large",
      "t3.xlarge",   "t3.2xlarge",  "t3a.nano",    "t3a.micro",   "t3a.small",   "t3a.medium",
      "t3a.large",   "t3a.xlarge",  "t3a.2xlarge", "m5.large",    "m5.xlarge",   "m5.2xlarge",
      "m5.4xlarge",  "m5.8xlarge",  "m5.12xlarge", "m5.16xlarge", "m5.24xlarge", "c5.large",
      "c5.xlarge",   "c5.2xlarge",  "c5.4xlarge",  "c5.9xlarge",  "c5.12xlarge", "c5.18xlarge",
      "c5.24xlarge", "r5.large",    "r5.xlarge",   "r5.2xlarge",  "r5.4xlarge",  "r5.8xlarge",
      "r5.12xlarge", "r5.16xlarge", "r5.24xlarge"};
  for (const char* name : kRequired) {
    const InstanceTypeInfo* type = FindInstanceType(name);
    ASSERT_NE(type, nullptr) << name;
    EXPECT_EQ(type->name, name);
    EXPECT_EQ(type->default_cores * type->threads_per_core, type->vcpus) << name;
  }
  EXPECT_EQ(FindInstanceType("t2.mega"), nullptr);
  EXPECT_EQ(FindInstanceType(""), nullptr);
}

TEST(Catalog, InstanceTypesKeepCatalogOrderAndUniqueNames) {
  const auto& types = InstanceTypes();
  ASSERT_FALSE(types.empty());
  EXPECT_EQ(types.front().name, "t2.nano");
  std::set<std::string> names;
  for (const auto& t : types) EXPECT_TRUE(names.insert(t.name).second) << t.name;
}

TEST(Catalog, T2MicroIsOneVcpuOneGibBurstableFreeTier) {
  const InstanceTypeInfo* t = FindInstanceType("t2.micro");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->family, "t2");
  EXPECT_EQ(t->vcpus, 1);
  EXPECT_EQ(t->memory_mib, 1024);
  EXPECT_TRUE(t->burstable);
  EXPECT_TRUE(t->free_tier_eligible);
  EXPECT_EQ(t->architecture, "x86_64");
  EXPECT_EQ(t->network_performance, "Low to Moderate");
  EXPECT_EQ(t->hypervisor, "xen");
  EXPECT_EQ(t->ebs_optimized_support, "unsupported");
  EXPECT_EQ(t->virtualization_types, std::vector<std::string>{"hvm"});
  EXPECT_TRUE(t->current_generation);
}

TEST(Catalog, OnlyT2MicroAndT3MicroAreFreeTierEligible) {
  std::set<std::string> eligible;
  for (const auto& t : InstanceTypes()) {
    if (t.free_tier_eligible) eligible.insert(t.name);
  }
  EXPECT_EQ(eligible, (std::set<std::string>{"t2.micro", "t3.micro"}));
}

TEST(Catalog, NitroSpecsMatchAwsForSampleTypes) {
  const InstanceTypeInfo* m5 = FindInstanceType("m5.24xlarge");
  ASSERT_NE(m5, nullptr);
  EXPECT_EQ(m5->vcpus, 96);
  EXPECT_EQ(m5->memory_mib, 384 * 1024);
  EXPECT_EQ(m5->network_performance, "25 Gigabit");
  EXPECT_FALSE(m5->burstable);
  const InstanceTypeInfo* c5 = FindInstanceType("c5.9xlarge");
  ASSERT_NE(c5, nullptr);
  EXPECT_EQ(c5->vcpus, 36);
  EXPECT_EQ(c5->memory_mib, 72 * 1024);
  EXPECT_EQ(c5->default_cores, 18);
  const InstanceTypeInfo* t4g = FindInstanceType("t4g.micro");
  ASSERT_NE(t4g, nullptr);
  EXPECT_EQ(t4g->architecture, "arm64");
  EXPECT_EQ(t4g->threads_per_core, 1);
}

TEST(CatalogPrice, KnownPricesFromTheReference) {
  EXPECT_EQ(OnDemandPriceMicroUsd("us-east-1", "t2.micro", OsFamily::kLinux), 11600);
  EXPECT_EQ(OnDemandPriceMicroUsd("ap-northeast-2", "t2.micro", OsFamily::kLinux), 14400);
  EXPECT_EQ(OnDemandPriceMicroUsd("us-east-1", "t3.micro", OsFamily::kLinux), 10400);
  EXPECT_EQ(OnDemandPriceMicroUsd("us-east-1", "m5.large", OsFamily::kLinux), 96000);
  EXPECT_EQ(OnDemandPriceMicroUsd("ap-northeast-2", "t3.medium", OsFamily::kLinux), 52000);
  EXPECT_EQ(OnDemandPriceMicroUsd("ap-northeast-2", "c5.large", OsFamily::kLinux), 96000);
}

TEST(CatalogPrice, EveryTypeHasALinuxPriceInUsEast1AndSeoul) {
  for (const auto& t : InstanceTypes()) {
    EXPECT_TRUE(OnDemandPriceMicroUsd("us-east-1", t.name, OsFamily::kLinux).has_value()) << t.name;
    EXPECT_TRUE(OnDemandPriceMicroUsd("ap-northeast-2", t.name, OsFamily::kLinux).has_value())
        << t.name;
  }
}

TEST(CatalogPrice, UnsourcedCombinationsHaveNoPrice) {
  EXPECT_FALSE(OnDemandPriceMicroUsd("sa-east-1", "t3.micro", OsFamily::kLinux).has_value());
  EXPECT_FALSE(OnDemandPriceMicroUsd("us-east-1", "t3.micro", OsFamily::kWindows).has_value());
  EXPECT_FALSE(OnDemandPriceMicroUsd("us-east-1", "t9.huge", OsFamily::kLinux).has_value());
  EXPECT_FALSE(OnDemandPriceMicroUsd("mars-1", "t3.micro", OsFamily::kLinux).has_value());
  // t2 is not sold in Cape Town.
  EXPECT_FALSE(OnDemandPriceMicroUsd("af-south-1", "t2.micro", OsFamily::kLinux).has_value());
}

TEST(CatalogPrice, SourcedPriceIsItsOwnEstimate) {
  auto estimate = EstimatedPriceMicroUsd("ap-northeast-2", "m5.large", OsFamily::kLinux);
  ASSERT_TRUE(estimate.has_value());
  EXPECT_EQ(estimate->micro_usd_per_hour, 118000);
  EXPECT_EQ(estimate->rule, PriceRule::kSourced);
  EXPECT_FALSE(estimate->estimated());
}

TEST(CatalogPrice, RegionWithoutAnyPriceUsesUsEast1Price) {
  auto estimate = EstimatedPriceMicroUsd("sa-east-1", "m5.large", OsFamily::kLinux);
  ASSERT_TRUE(estimate.has_value());
  EXPECT_EQ(estimate->micro_usd_per_hour, 96000);
  EXPECT_EQ(estimate->rule, PriceRule::kUsEast1Price);
  EXPECT_TRUE(estimate->estimated());
  EXPECT_EQ(PriceRuleName(estimate->rule), "us-east-1-price");
}

TEST(CatalogPrice, MissingTypeIsScaledByTheRegionsT3MicroRatio) {
  // Cape Town sells no t2: 11600 * 13600 / 10400 = 15169.23 -> 15169.
  auto estimate = EstimatedPriceMicroUsd("af-south-1", "t2.micro", OsFamily::kLinux);
  ASSERT_TRUE(estimate.has_value());
  EXPECT_EQ(estimate->rule, PriceRule::kScaledByReferenceType);
  EXPECT_EQ(estimate->reference_type, "t3.micro");
  EXPECT_EQ(estimate->micro_usd_per_hour, 15169);
  // Hong Kong has no t3a: 9400 * 14600 / 10400 = 13196.15 -> 13196.
  auto hk = EstimatedPriceMicroUsd("ap-east-1", "t3a.micro", OsFamily::kLinux);
  ASSERT_TRUE(hk.has_value());
  EXPECT_EQ(hk->micro_usd_per_hour, 13196);
}

TEST(CatalogPrice, WindowsWithoutAnyWindowsRateFallsBackToLinux) {
  auto estimate = EstimatedPriceMicroUsd("us-east-1", "m5.large", OsFamily::kWindows);
  ASSERT_TRUE(estimate.has_value());
  EXPECT_EQ(estimate->rule, PriceRule::kLinuxPrice);
  EXPECT_EQ(estimate->micro_usd_per_hour, 96000);
  auto sourced = EstimatedPriceMicroUsd("us-west-2", "t2.micro", OsFamily::kWindows);
  ASSERT_TRUE(sourced.has_value());
  EXPECT_EQ(sourced->rule, PriceRule::kSourced);
  EXPECT_EQ(sourced->micro_usd_per_hour, 16200);
}

TEST(CatalogPrice, EstimateOfUnknownRegionOrTypeIsNullopt) {
  EXPECT_FALSE(EstimatedPriceMicroUsd("mars-1", "t3.micro", OsFamily::kLinux).has_value());
  EXPECT_FALSE(EstimatedPriceMicroUsd("us-east-1", "t9.huge", OsFamily::kLinux).has_value());
}

TEST(CatalogPrice, EveryRegionAndTypeHasAnEstimate) {
  for (const auto& region : Regions()) {
    for (const auto& t : InstanceTypes()) {
      for (OsFamily os : {OsFamily::kLinux, OsFamily::kWindows}) {
        auto estimate = EstimatedPriceMicroUsd(region.code, t.name, os);
        ASSERT_TRUE(estimate.has_value()) << region.code << " " << t.name;
        EXPECT_GT(estimate->micro_usd_per_hour, 0);
      }
    }
  }
}

TEST(CatalogPrice, MulDivRoundsHalfUp) {
  EXPECT_EQ(MulDivRoundHalfUp(5, 1, 2), 3);   // 2.5
  EXPECT_EQ(MulDivRoundHalfUp(7, 1, 2), 4);   // 3.5
  EXPECT_EQ(MulDivRoundHalfUp(10, 1, 3), 3);  // 3.33
  EXPECT_EQ(MulDivRoundHalfUp(20, 1, 3), 7);  // 6.67
  EXPECT_EQ(MulDivRoundHalfUp(0, 5, 7), 0);
  // The intermediate product overflows int64 but the result does not.
  EXPECT_EQ(MulDivRoundHalfUp(INT64_C(4000000000000000000), 3, 4), INT64_C(3000000000000000000));
}

TEST(CatalogImage, EveryRegionHasFiveImagesWithUniqueWellFormedIds) {
  std::set<std::string> ids;
  ASSERT_EQ(Regions().size(), 34u);
  for (const auto& region : Regions()) {
    auto images = ImagesIn(region.code);
    ASSERT_EQ(images.size(), 5u) << region.code;
    EXPECT_EQ(images[0].key, "al2023");
    EXPECT_EQ(images[1].key, "ubuntu-22.04");
    EXPECT_EQ(images[2].key, "ubuntu-24.04");
    EXPECT_EQ(images[3].key, "debian-12");
    EXPECT_EQ(images[4].key, "windows-2022");
    for (const auto& image : images) {
      EXPECT_TRUE(IsWellFormedImageId(image.image_id)) << image.image_id;
      EXPECT_TRUE(ids.insert(image.image_id).second) << "duplicate " << image.image_id;
    }
  }
  EXPECT_EQ(ids.size(), 34u * 5u);
}

TEST(CatalogImage, IdsAreStableAcrossCalls) {
  auto first = ImagesIn("eu-west-1");
  auto second = ImagesIn("eu-west-1");
  ASSERT_EQ(first.size(), second.size());
  for (size_t i = 0; i < first.size(); ++i) EXPECT_EQ(first[i].image_id, second[i].image_id);
  EXPECT_NE(first[0].image_id, ImagesIn("eu-west-2")[0].image_id);
}

TEST(CatalogImage, SeoulAmazonLinuxHasTheScenarioSpecId) {
  auto image = FindImage("ap-northeast-2", "ami-0c9c942bd7bf113a2");
  ASSERT_TRUE(image.has_value());
  EXPECT_EQ(image->key, "al2023");
  EXPECT_EQ(image->name, "al2023-ami-2023.6.20250115.0-kernel-6.1-x86_64");
  EXPECT_EQ(image->owner_id, "137112412989");
  EXPECT_EQ(image->owner_alias, "amazon");
  EXPECT_EQ(image->root_device_name, "/dev/xvda");
  EXPECT_EQ(image->root_volume_gib, 8);
  EXPECT_EQ(image->billing, BillingGranularity::kPerSecond);
}

TEST(CatalogImage, ImageOfAnotherRegionIsNotFound) {
  EXPECT_FALSE(FindImage("us-east-1", "ami-0c9c942bd7bf113a2").has_value());
  std::string tokyo_ubuntu = ImagesIn("ap-northeast-1")[2].image_id;
  EXPECT_TRUE(FindImage("ap-northeast-1", tokyo_ubuntu).has_value());
  EXPECT_FALSE(FindImage("ap-northeast-3", tokyo_ubuntu).has_value());
  EXPECT_FALSE(FindImage("mars-1", tokyo_ubuntu).has_value());
  EXPECT_TRUE(ImagesIn("mars-1").empty());
}

TEST(CatalogImage, PublisherAttributes) {
  auto images = ImagesIn("us-east-1");
  ASSERT_EQ(images.size(), 5u);
  EXPECT_EQ(images[1].owner_id, "099720109477");
  EXPECT_EQ(images[1].owner_alias, "");
  EXPECT_EQ(images[1].root_device_name, "/dev/sda1");
  EXPECT_EQ(images[1].description,
            "Canonical, Ubuntu, 22.04 LTS, amd64 jammy image build on 2025-01-15");
  EXPECT_EQ(images[3].owner_id, "136693071363");
  EXPECT_EQ(images[3].root_device_name, "/dev/xvda");
  const ImageInfo& windows = images[4];
  EXPECT_EQ(windows.os, OsFamily::kWindows);
  EXPECT_EQ(windows.owner_id, "801119661308");
  EXPECT_EQ(windows.root_device_name, "/dev/sda1");
  EXPECT_EQ(windows.root_volume_gib, 30);
  EXPECT_EQ(windows.billing, BillingGranularity::kHourly);
  for (const auto& image : images) EXPECT_EQ(image.volume_type, "gp3");
}

TEST(CatalogImage, GenericImageIsEightGibGp3LinuxX86) {
  ImageInfo image = GenericImage("ami-12345678");
  EXPECT_EQ(image.image_id, "ami-12345678");
  EXPECT_EQ(image.os, OsFamily::kLinux);
  EXPECT_EQ(image.architecture, "x86_64");
  EXPECT_EQ(image.root_volume_gib, 8);
  EXPECT_EQ(image.volume_type, "gp3");
  EXPECT_EQ(image.root_device_name, "/dev/xvda");
  EXPECT_EQ(image.billing, BillingGranularity::kPerSecond);
}

TEST(CatalogImage, WellFormedImageIds) {
  EXPECT_TRUE(IsWellFormedImageId("ami-12345678"));
  EXPECT_TRUE(IsWellFormedImageId("ami-0c9c942bd7bf113a2"));
  EXPECT_TRUE(IsWellFormedImageId("ami-abcdef01"));
  EXPECT_FALSE(IsWellFormedImageId("ami-"));
  EXPECT_FALSE(IsWellFormedImageId("ami-XYZ"));
  EXPECT_FALSE(IsWellFormedImageId("ami-ABCDEF01"));            // uppercase
  EXPECT_FALSE(IsWellFormedImageId("ami-0C9C942BD7BF113A2"));   // uppercase, 17
  EXPECT_FALSE(IsWellFormedImageId("ami-1234567"));             // 7 digits
  EXPECT_FALSE(IsWellFormedImageId("ami-123456789"));           // 9 digits
  EXPECT_FALSE(IsWellFormedImageId("ami-0c9c942bd7bf113a"));    // 16 digits
  EXPECT_FALSE(IsWellFormedImageId("ami-0c9c942bd7bf113a2f"));  // 18 digits
  EXPECT_FALSE(IsWellFormedImageId("ami-1234567g"));
  EXPECT_FALSE(IsWellFormedImageId("i-123"));
  EXPECT_FALSE(IsWellFormedImageId("i-12345678"));
  EXPECT_FALSE(IsWellFormedImageId(""));
  EXPECT_FALSE(IsWellFormedImageId("AMI-12345678"));
  EXPECT_FALSE(IsWellFormedImageId(" ami-12345678"));
}

TEST(Catalog, OsFamilyNames) {
  EXPECT_EQ(OsFamilyName(OsFamily::kLinux), "linux");
  EXPECT_EQ(OsFamilyName(OsFamily::kWindows), "windows");
}

}  // namespace
}  // namespace ec2sim::model
