#include "sim/scenario/substitute.h"

#include <gtest/gtest.h>

namespace ec2sim::scenario {
namespace {

const Variables kVars = {
    {"web", "i-0123"}, {"port", 22},
    {"price", 0.0116}, {"ids", nlohmann::json::array({"i-1", "i-2"})},
    {"on", true},
};

nlohmann::json Sub(const nlohmann::json& value) {
  auto out = Substitute(value, kVars);
  EXPECT_TRUE(out.ok()) << out.error().message;
  return out.ok() ? *out : nlohmann::json("<error>");
}

TEST(ScenarioSubstitute, WholeStringKeepsTheSavedType) {
  EXPECT_EQ(Sub("${port}"), 22);
  EXPECT_TRUE(Sub("${port}").is_number_integer());
  EXPECT_EQ(Sub("${ids}"), nlohmann::json::array({"i-1", "i-2"}));
  EXPECT_EQ(Sub("${on}"), true);
  EXPECT_EQ(Sub("${web}"), "i-0123");
}

TEST(ScenarioSubstitute, InsideALongerStringSplicesText) {
  EXPECT_EQ(Sub("instance ${web} on port ${port}"), "instance i-0123 on port 22");
  EXPECT_EQ(Sub("${web}${web}"), "i-0123i-0123");
  EXPECT_EQ(Sub("p=${price}"), "p=0.0116");
  EXPECT_EQ(Sub("ids=${ids}"), "ids=[\"i-1\",\"i-2\"]");
}

TEST(ScenarioSubstitute, ReachesNestedValuesButNotKeys) {
  nlohmann::json in = {{"InstanceIds", {"${web}"}}, {"${web}", {{"Port", "${port}"}}}};
  nlohmann::json out = Sub(in);
  EXPECT_EQ(out["InstanceIds"][0], "i-0123");
  EXPECT_EQ(out["${web}"]["Port"], 22);
}

TEST(ScenarioSubstitute, DoubleDollarWritesALiteral) {
  EXPECT_EQ(Sub("echo $${HOME} ${web}"), "echo ${HOME} i-0123");
  EXPECT_FALSE(IsWholeReference(nlohmann::json("$${web}")));
  EXPECT_EQ(Sub("$${web}"), "${web}");
}

TEST(ScenarioSubstitute, UnknownNameIsAnError) {
  auto out = Substitute(nlohmann::json("${nope}"), kVars);
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.error().code, ErrorCode::kSimNotFound);
  EXPECT_EQ(out.error().message, "nothing was saved as \"nope\"");
}

TEST(ScenarioSubstitute, CollectsReferencesInOrder) {
  std::vector<std::string> names;
  nlohmann::json value = {{"a", "${x} and ${y}"}, {"b", {"${z}"}}};
  ASSERT_TRUE(CollectReferences(value, names).ok());
  EXPECT_EQ(names, (std::vector<std::string>{"x", "y", "z"}));
}

TEST(ScenarioSubstitute, MalformedReferencesAreRejected) {
  std::vector<std::string> names;
  EXPECT_FALSE(CollectTextReferences("${web", names).ok());
  EXPECT_FALSE(CollectTextReferences("${}", names).ok());
  EXPECT_FALSE(CollectTextReferences("${1abc}", names).ok());
  EXPECT_FALSE(CollectTextReferences("${a b}", names).ok());
  EXPECT_TRUE(names.empty());
  EXPECT_TRUE(CollectTextReferences("cost is $5 {}", names).ok());
  EXPECT_TRUE(names.empty());
}

TEST(ScenarioSubstitute, WholeReferenceDetection) {
  EXPECT_TRUE(IsWholeReference(nlohmann::json("${web}")));
  EXPECT_FALSE(IsWholeReference(nlohmann::json(" ${web}")));
  EXPECT_FALSE(IsWholeReference(nlohmann::json("${a}${b}")));
  EXPECT_FALSE(IsWholeReference(nlohmann::json(5)));
}

}  // namespace
}  // namespace ec2sim::scenario
