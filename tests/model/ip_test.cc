#include "sim/model/ip.h"

#include <gtest/gtest.h>

namespace ec2sim::model {
namespace {

TEST(Ipv4, ParsesStrictDottedQuads) {
  EXPECT_EQ(*ParseIpv4("203.0.113.7"), 0xCB007107u);
  EXPECT_EQ(FormatIpv4(0xCB007107u), "203.0.113.7");
  for (const char* bad : {"", "1.2.3", "1.2.3.4.5", "256.1.1.1", "1..2.3", "a.b.c.d", "1.2.3.4/32",
                          " 1.2.3.4", "1.2.3.-4"}) {
    EXPECT_FALSE(ParseIpv4(bad).has_value()) << bad;
  }
}

TEST(Cidr4, CanonicalisesOrRejectsHostBits) {
  auto c = ParseCidr4("100.68.0.18/18");
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->ToString(), "100.68.0.0/18");
  EXPECT_FALSE(ParseCidr4("100.68.0.18/18", /*canonicalize=*/false).has_value());
  EXPECT_FALSE(ParseCidr4("10.0.0.0/33").has_value());
  EXPECT_FALSE(ParseCidr4("10.0.0.0").has_value());
  EXPECT_FALSE(ParseCidr4("10.0.0.0/").has_value());
}

TEST(Cidr4, ContainmentAndOverlap) {
  Cidr4 vpc = *ParseCidr4("172.31.0.0/16");
  Cidr4 subnet = *ParseCidr4("172.31.16.0/20");
  EXPECT_TRUE(vpc.Contains(subnet));
  EXPECT_FALSE(subnet.Contains(vpc));
  EXPECT_TRUE(vpc.Overlaps(subnet));
  EXPECT_TRUE(subnet.Contains(*ParseIpv4("172.31.31.255")));
  EXPECT_FALSE(subnet.Contains(*ParseIpv4("172.31.32.0")));
  Cidr4 all = *ParseCidr4("0.0.0.0/0");
  EXPECT_TRUE(all.Contains(*ParseIpv4("8.8.8.8")));
  EXPECT_EQ(subnet.size(), 4096u);
}

TEST(Cidr6, ParsesAndMatches) {
  auto all = ParseCidr6("::/0");
  ASSERT_TRUE(all.has_value());
  EXPECT_TRUE(all->Contains(*ParseIpv6("2001:db8::1")));
  auto doc = ParseCidr6("2001:db8::/32");
  EXPECT_TRUE(doc->Contains(*ParseIpv6("2001:db8:ffff::1")));
  EXPECT_FALSE(doc->Contains(*ParseIpv6("2001:db9::1")));
  EXPECT_EQ(ParseCidr6("2001:db8::1/32")->ToString(), "2001:db8::/32");
  EXPECT_FALSE(ParseCidr6("2001:db8::1/32", false).has_value());
  EXPECT_FALSE(ParseCidr6("2001:db8::/129").has_value());
  EXPECT_FALSE(ParseCidr6("10.0.0.0/8").has_value());
}

}  // namespace
}  // namespace ec2sim::model
