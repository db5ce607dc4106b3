// The id-shape check every lookup makes before it searches: AWS answers a malformed id with
// *.Malformed or InvalidID and a well-formed unknown one with *.NotFound.
#include "sim/model/resource_ids.h"

#include <gtest/gtest.h>

namespace ec2sim::model {
namespace {

TEST(ResourceIds, AcceptsBothAwsIdLengths) {
  EXPECT_TRUE(IsHexId("i-1a2b3c4d", "i-"));           // 8 digits, the original format
  EXPECT_TRUE(IsHexId("i-0123456789abcdef0", "i-"));  // 17 digits, the longer format
  EXPECT_TRUE(IsHexId("sg-0123456789abcdef0", "sg-"));
  EXPECT_TRUE(IsHexId("acl-00000000", "acl-"));
}

TEST(ResourceIds, RejectsOtherLengths) {
  EXPECT_FALSE(IsHexId("i-", "i-"));
  EXPECT_FALSE(IsHexId("i-1a2b3c4", "i-"));             // 7
  EXPECT_FALSE(IsHexId("i-1a2b3c4d5", "i-"));           // 9
  EXPECT_FALSE(IsHexId("i-0123456789abcdef", "i-"));    // 16
  EXPECT_FALSE(IsHexId("i-0123456789abcdef01", "i-"));  // 18
}

TEST(ResourceIds, RejectsUpperCaseAndNonHexDigits) {
  EXPECT_FALSE(IsHexId("i-1A2B3C4D", "i-"));
  EXPECT_FALSE(IsHexId("i-1a2b3c4g", "i-"));
  EXPECT_FALSE(IsHexId("i-1a2b 3c4", "i-"));
  EXPECT_FALSE(IsHexId("i-1a2b-3c4", "i-"));
}

TEST(ResourceIds, NeedsTheWholePrefixWithItsDash) {
  EXPECT_FALSE(IsHexId("sg-1a2b3c4d", "i-"));
  EXPECT_FALSE(IsHexId("i1a2b3c4d", "i-"));
  EXPECT_FALSE(IsHexId("sgr-1a2b3c4d", "sg-"));  // "sg-" is not a prefix of "sgr-"
  EXPECT_FALSE(IsHexId("I-1a2b3c4d", "i-"));
  EXPECT_FALSE(IsHexId("", "i-"));
}

TEST(ResourceIds, DigitsAloneFollowTheSameRule) {
  EXPECT_TRUE(IsIdHexDigits("deadbeef"));
  EXPECT_TRUE(IsIdHexDigits("0123456789abcdef0"));
  EXPECT_FALSE(IsIdHexDigits("deadbee"));
  EXPECT_FALSE(IsIdHexDigits("DEADBEEF"));
  EXPECT_TRUE(IsHexId("deadbeef", ""));
}

}  // namespace
}  // namespace ec2sim::model
