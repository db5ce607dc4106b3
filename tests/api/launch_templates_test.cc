// Launch templates through the API: versions and their numbering, SourceVersion, the default
// version, Describe selectors and filters, deletion, GetLaunchTemplateData, and RunInstances
// from a template.
#include <regex>
#include <string>

#include "tests/api/test_support.h"

namespace ec2sim::testing {
namespace {

class LaunchTemplates : public SandboxTest {
 protected:
  json Create(const std::string& name, const json& data, const json& extra = json::object()) {
    json params = {{"LaunchTemplateName", name}, {"LaunchTemplateData", data}};
    for (auto it = extra.begin(); it != extra.end(); ++it) params[it.key()] = it.value();
    return Call("CreateLaunchTemplate", params)["LaunchTemplate"];
  }
  json AddVersion(const std::string& id, const json& data, const json& extra = json::object()) {
    json params = {{"LaunchTemplateId", id}, {"LaunchTemplateData", data}};
    for (auto it = extra.begin(); it != extra.end(); ++it) params[it.key()] = it.value();
    return Call("CreateLaunchTemplateVersion", params)["LaunchTemplateVersion"];
  }
  json Versions(const json& params) {
    return Call("DescribeLaunchTemplateVersions", params)["LaunchTemplateVersions"];
  }
  static json Web() { return {{"ImageId", kSeoulAl2023}, {"InstanceType", "t3.micro"}}; }
  static std::string TagValue(const json& tags, const std::string& key) {
    for (const json& t : tags) {
      if (t["Key"] == key) return t["Value"];
    }
    return "";
  }
};

TEST_F(LaunchTemplates, CreateAnswersVersionOneAsDefaultAndLatest) {
  json tag = json{{"Key", "team"}, {"Value", "web"}};
  json specs =
      json::array({json{{"ResourceType", "launch-template"}, {"Tags", json::array({tag})}}});
  json lt = Create("web-(v1)/a_b.c", Web(), {{"TagSpecifications", specs}});
  EXPECT_TRUE(
      std::regex_match(lt["LaunchTemplateId"].get<std::string>(), std::regex("lt-[0-9a-f]{17}")));
  EXPECT_EQ(lt["LaunchTemplateName"], "web-(v1)/a_b.c");
  EXPECT_EQ(lt["DefaultVersionNumber"], 1);
  EXPECT_EQ(lt["LatestVersionNumber"], 1);
  EXPECT_EQ(lt["CreatedBy"], "arn:aws:iam::" + ctx_.account + ":root");
  EXPECT_EQ(lt["Tags"][0]["Key"], "team");
  json v = Versions({{"LaunchTemplateId", lt["LaunchTemplateId"]}})[0];
  EXPECT_EQ(v["VersionNumber"], 1);
  EXPECT_EQ(v["DefaultVersion"], true);
  EXPECT_EQ(v["LaunchTemplateData"], Web());
}

TEST_F(LaunchTemplates, NamesAreUniqueAndFollowAwsRules) {
  Create("web", Web());
  EXPECT_EQ(ErrorOf("CreateLaunchTemplate",
                    {{"LaunchTemplateName", "web"}, {"LaunchTemplateData", Web()}}),
            "InvalidLaunchTemplateName.AlreadyExistsException");
  for (std::string bad :
       {std::string("ab"), std::string("has space"), std::string("star*"), std::string(129, 'a')}) {
    EXPECT_EQ(ErrorOf("CreateLaunchTemplate",
                      {{"LaunchTemplateName", bad}, {"LaunchTemplateData", Web()}}),
              "InvalidLaunchTemplateName.MalformedException")
        << bad;
  }
  EXPECT_EQ(ErrorOf("CreateLaunchTemplate", {{"LaunchTemplateName", "nodata"}}),
            "MissingParameter");
}

TEST_F(LaunchTemplates, RepeatedClientTokenReturnsTheSameTemplate) {
  json a = Create("web", Web(), {{"ClientToken", "tok-1"}});
  json b = Create("web", Web(), {{"ClientToken", "tok-1"}});
  EXPECT_EQ(a["LaunchTemplateId"], b["LaunchTemplateId"]);
  EXPECT_EQ(Call("DescribeLaunchTemplates")["LaunchTemplates"].size(), 1u);
}

TEST_F(LaunchTemplates, VersionFromSourceVersionKeepsItsDataAndOverridesTopLevelMembers) {
  json lt = Create("web", {{"ImageId", kSeoulAl2023},
                           {"InstanceType", "t3.micro"},
                           {"MetadataOptions", {{"HttpTokens", "required"}}}});
  std::string id = lt["LaunchTemplateId"];
  json v2 = AddVersion(id, {{"InstanceType", "t3.small"}},
                       {{"SourceVersion", "1"}, {"VersionDescription", "bigger"}});
  EXPECT_EQ(v2["VersionNumber"], 2);
  EXPECT_EQ(v2["DefaultVersion"], false);
  EXPECT_EQ(v2["VersionDescription"], "bigger");
  EXPECT_EQ(v2["LaunchTemplateData"]["InstanceType"], "t3.small");
  EXPECT_EQ(v2["LaunchTemplateData"]["ImageId"], kSeoulAl2023);
  EXPECT_EQ(v2["LaunchTemplateData"]["MetadataOptions"]["HttpTokens"], "required");
  // Without SourceVersion the version holds only what it was given.
  json v3 = AddVersion(id, {{"InstanceType", "t3.nano"}});
  EXPECT_EQ(v3["VersionNumber"], 3);
  EXPECT_FALSE(v3["LaunchTemplateData"].contains("ImageId"));
  EXPECT_EQ(
      ErrorOf("CreateLaunchTemplateVersion",
              {{"LaunchTemplateId", id}, {"SourceVersion", "9"}, {"LaunchTemplateData", Web()}}),
      "InvalidLaunchTemplateId.VersionNotFound");
  json described = Call("DescribeLaunchTemplates", {{"LaunchTemplateIds", {id}}});
  EXPECT_EQ(described["LaunchTemplates"][0]["LatestVersionNumber"], 3);
  EXPECT_EQ(described["LaunchTemplates"][0]["DefaultVersionNumber"], 1);
}

TEST_F(LaunchTemplates, ModifySetsTheDefaultVersionByNumberOrLatest) {
  std::string id = Create("web", Web())["LaunchTemplateId"];
  AddVersion(id, {{"InstanceType", "t3.small"}});
  json lt = Call("ModifyLaunchTemplate", {{"LaunchTemplateName", "web"}, {"DefaultVersion", "2"}});
  EXPECT_EQ(lt["LaunchTemplate"]["DefaultVersionNumber"], 2);
  json v = Versions({{"LaunchTemplateId", id}, {"Versions", {"$Default"}}});
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0]["VersionNumber"], 2);
  EXPECT_EQ(ErrorOf("ModifyLaunchTemplate", {{"LaunchTemplateId", id}, {"DefaultVersion", "7"}}),
            "InvalidLaunchTemplateId.VersionNotFound");
}

TEST_F(LaunchTemplates, DescribeVersionsSelectsLatestDefaultNumbersAndRanges) {
  std::string id = Create("web", Web())["LaunchTemplateId"];
  for (const char* type : {"t3.small", "t3.medium", "t3.large"})
    AddVersion(id, {{"InstanceType", type}});
  EXPECT_EQ(Versions({{"LaunchTemplateId", id}}).size(), 4u);
  json latest = Versions({{"LaunchTemplateName", "web"}, {"Versions", {"$Latest"}}});
  ASSERT_EQ(latest.size(), 1u);
  EXPECT_EQ(latest[0]["VersionNumber"], 4);
  json both = Versions({{"LaunchTemplateId", id}, {"Versions", {"$Latest", "$Default", "2"}}});
  EXPECT_EQ(both.size(), 3u);
  json range = Versions({{"LaunchTemplateId", id}, {"MinVersion", "2"}, {"MaxVersion", "3"}});
  ASSERT_EQ(range.size(), 2u);
  EXPECT_EQ(range[0]["VersionNumber"], 2);
  json typed =
      Versions({{"LaunchTemplateId", id}, {"Filters", {Filter("instance-type", {"t3.large"})}}});
  ASSERT_EQ(typed.size(), 1u);
  EXPECT_EQ(typed[0]["VersionNumber"], 4);
  json dflt =
      Versions({{"LaunchTemplateId", id}, {"Filters", {Filter("is-default-version", {"true"})}}});
  ASSERT_EQ(dflt.size(), 1u);
  EXPECT_EQ(dflt[0]["VersionNumber"], 1);
  json page = Call("DescribeLaunchTemplateVersions", {{"LaunchTemplateId", id}, {"MaxResults", 3}});
  EXPECT_EQ(page["LaunchTemplateVersions"].size(), 3u);
  json rest = Call("DescribeLaunchTemplateVersions",
                   {{"LaunchTemplateId", id}, {"NextToken", page["NextToken"]}});
  EXPECT_EQ(rest["LaunchTemplateVersions"].size(), 1u);
  EXPECT_EQ(
      ErrorOf("DescribeLaunchTemplateVersions", {{"LaunchTemplateId", id}, {"Versions", {"9"}}}),
      "InvalidLaunchTemplateId.VersionNotFound");
}

TEST_F(LaunchTemplates, DescribeVersionsWithoutTemplateListsLatestOfEveryTemplate) {
  std::string a = Create("one", Web())["LaunchTemplateId"];
  Create("two", Web());
  AddVersion(a, {{"InstanceType", "t3.small"}});
  json latest = Versions({{"Versions", {"$Latest"}}});
  ASSERT_EQ(latest.size(), 2u);
  EXPECT_EQ(latest[0]["VersionNumber"], 2);
  EXPECT_EQ(latest[1]["VersionNumber"], 1);
  EXPECT_EQ(ErrorOf("DescribeLaunchTemplateVersions", {{"Versions", {"1"}}}), "MissingParameter");
}

TEST_F(LaunchTemplates, DescribeTemplatesByIdNameFilterAndPage) {
  std::string a = Create("alpha", Web())["LaunchTemplateId"];
  Create("beta", Web());
  Create("gamma", Web());
  EXPECT_EQ(Call("DescribeLaunchTemplates")["LaunchTemplates"].size(), 3u);
  json by_name = Call("DescribeLaunchTemplates", {{"LaunchTemplateNames", {"beta"}}});
  ASSERT_EQ(by_name["LaunchTemplates"].size(), 1u);
  EXPECT_EQ(by_name["LaunchTemplates"][0]["LaunchTemplateName"], "beta");
  json filtered =
      Call("DescribeLaunchTemplates", {{"Filters", {Filter("launch-template-name", {"gam*"})}}});
  ASSERT_EQ(filtered["LaunchTemplates"].size(), 1u);
  json page = Call("DescribeLaunchTemplates", {{"MaxResults", 2}});
  EXPECT_EQ(page["LaunchTemplates"].size(), 2u);
  EXPECT_TRUE(page.contains("NextToken"));
  EXPECT_EQ(ErrorOf("DescribeLaunchTemplates", {{"LaunchTemplateNames", {"nope"}}}),
            "InvalidLaunchTemplateName.NotFoundException");
  EXPECT_EQ(ErrorOf("DescribeLaunchTemplates", {{"LaunchTemplateIds", {"lt-0123456789abcdef0"}}}),
            "InvalidLaunchTemplateId.NotFound");
  EXPECT_EQ(ErrorOf("DescribeLaunchTemplates", {{"LaunchTemplateIds", {"lt-nope"}}}),
            "InvalidLaunchTemplateId.Malformed");
  EXPECT_EQ(
      ErrorOf("ModifyLaunchTemplate", {{"LaunchTemplateName", "nope"}, {"DefaultVersion", "1"}}),
      "InvalidLaunchTemplateName.NotFoundException");
  EXPECT_EQ(ErrorOf("ModifyLaunchTemplate", {{"DefaultVersion", "1"}}), "MissingParameter");
  (void)a;
}

TEST_F(LaunchTemplates, DeleteVersionsReportsEachAndRefusesTheDefault) {
  std::string id = Create("web", Web())["LaunchTemplateId"];
  AddVersion(id, {{"InstanceType", "t3.small"}});
  json r = Call("DeleteLaunchTemplateVersions",
                {{"LaunchTemplateId", id}, {"Versions", {"2", "1", "5"}}});
  ASSERT_EQ(r["SuccessfullyDeletedLaunchTemplateVersions"].size(), 1u);
  EXPECT_EQ(r["SuccessfullyDeletedLaunchTemplateVersions"][0]["VersionNumber"], 2);
  json failed = r["UnsuccessfullyDeletedLaunchTemplateVersions"];
  ASSERT_EQ(failed.size(), 2u);
  EXPECT_EQ(failed[0]["VersionNumber"], 1);
  EXPECT_EQ(failed[0]["ResponseError"]["Code"], "unexpectedError");
  EXPECT_EQ(failed[1]["ResponseError"]["Code"], "launchTemplateVersionDoesNotExist");
  // Numbers are never reused: the next version is 3 even though 2 is gone.
  EXPECT_EQ(AddVersion(id, Web())["VersionNumber"], 3);
  EXPECT_EQ(Versions({{"LaunchTemplateId", id}}).size(), 2u);
}

TEST_F(LaunchTemplates, DeleteTemplateRemovesItAndItsVersions) {
  std::string id = Create("web", Web())["LaunchTemplateId"];
  json r = Call("DeleteLaunchTemplate", {{"LaunchTemplateName", "web"}});
  EXPECT_EQ(r["LaunchTemplate"]["LaunchTemplateId"], id);
  EXPECT_TRUE(Call("DescribeLaunchTemplates")["LaunchTemplates"].empty());
  EXPECT_EQ(ErrorOf("DeleteLaunchTemplate", {{"LaunchTemplateId", id}}),
            "InvalidLaunchTemplateId.NotFound");
  // The name is free again.
  Create("web", Web());
}

TEST_F(LaunchTemplates, RunInstancesMergesTheTemplateAndTagsTheInstance) {
  json tag = json{{"Key", "Name"}, {"Value", "from-template"}};
  json data = Web();
  data["TagSpecifications"] =
      json::array({json{{"ResourceType", "instance"}, {"Tags", json::array({tag})}}});
  std::string id = Create("web", data)["LaunchTemplateId"];
  AddVersion(id, {{"InstanceType", "t3.small"}}, {{"SourceVersion", "1"}});
  // Default version ($Default, version 1) unless told otherwise.
  json r = Call("RunInstances",
                {{"LaunchTemplate", {{"LaunchTemplateId", id}}}, {"MinCount", 1}, {"MaxCount", 1}});
  json inst = r["Instances"][0];
  EXPECT_EQ(inst["InstanceType"], "t3.micro");
  EXPECT_EQ(inst["ImageId"], kSeoulAl2023);
  EXPECT_EQ(TagValue(inst["Tags"], "aws:ec2launchtemplate:id"), id);
  EXPECT_EQ(TagValue(inst["Tags"], "aws:ec2launchtemplate:version"), "1");
  EXPECT_EQ(TagValue(inst["Tags"], "Name"), "from-template");
  // $Latest, and a request member overrides the template's.
  json r2 = Call("RunInstances",
                 {{"LaunchTemplate", {{"LaunchTemplateName", "web"}, {"Version", "$Latest"}}},
                  {"InstanceType", "t3.nano"},
                  {"MinCount", 1},
                  {"MaxCount", 1}});
  json inst2 = Describe(r2["Instances"][0]["InstanceId"]);
  EXPECT_EQ(inst2["InstanceType"], "t3.nano");
  EXPECT_EQ(TagValue(inst2["Tags"], "aws:ec2launchtemplate:version"), "2");
}

TEST_F(LaunchTemplates, RunInstancesNeedsAnImageInTemplateOrRequest) {
  std::string id = Create("noimage", {{"InstanceType", "t3.micro"}})["LaunchTemplateId"];
  json lt = {{"LaunchTemplateId", id}};
  EXPECT_EQ(ErrorOf("RunInstances", {{"LaunchTemplate", lt}, {"MinCount", 1}, {"MaxCount", 1}}),
            "MissingParameter");
  Call("RunInstances",
       {{"LaunchTemplate", lt}, {"ImageId", kSeoulAl2023}, {"MinCount", 1}, {"MaxCount", 1}});
  EXPECT_EQ(
      ErrorOf("RunInstances", {{"LaunchTemplate", {{"LaunchTemplateId", "lt-0123456789abcdef0"}}},
                               {"MinCount", 1},
                               {"MaxCount", 1}}),
      "InvalidLaunchTemplateId.NotFound");
  EXPECT_EQ(
      ErrorOf("RunInstances", {{"LaunchTemplate", {{"LaunchTemplateId", id}, {"Version", "4"}}},
                               {"MinCount", 1},
                               {"MaxCount", 1}}),
      "InvalidLaunchTemplateId.VersionNotFound");
}

TEST_F(LaunchTemplates, GetLaunchTemplateDataDescribesAnInstancesLaunchParameters) {
  std::string inst =
      Launch({{"InstanceType", "t3.micro"}, {"TagSpecifications", NameTagSpec("web")}});
  json data = Call("GetLaunchTemplateData", {{"InstanceId", inst}})["LaunchTemplateData"];
  EXPECT_EQ(data["ImageId"], kSeoulAl2023);
  EXPECT_EQ(data["InstanceType"], "t3.micro");
  EXPECT_EQ(data["CreditSpecification"]["CpuCredits"], "unlimited");
  EXPECT_EQ(data["NetworkInterfaces"][0]["DeviceIndex"], 0);
  EXPECT_EQ(data["TagSpecifications"][0]["Tags"][0]["Value"], "web");
  // What GetLaunchTemplateData answers makes a template that launches.
  std::string id = Create("copy", json{{"ImageId", data["ImageId"]},
                                       {"InstanceType", data["InstanceType"]}})["LaunchTemplateId"];
  Call("RunInstances",
       {{"LaunchTemplate", {{"LaunchTemplateId", id}}}, {"MinCount", 1}, {"MaxCount", 1}});
  EXPECT_EQ(ErrorOf("GetLaunchTemplateData", {{"InstanceId", "i-0123456789abcdef0"}}),
            "InvalidInstanceID.NotFound");
}

TEST_F(LaunchTemplates, DataAndDescriptionAreBounded) {
  json big = Web();
  big["UserData"] = std::string(70000, 'A');
  EXPECT_EQ(
      ErrorOf("CreateLaunchTemplate", {{"LaunchTemplateName", "big"}, {"LaunchTemplateData", big}}),
      "InvalidParameterValue");
  std::string id = Create("web", Web())["LaunchTemplateId"];
  EXPECT_EQ(ErrorOf("CreateLaunchTemplateVersion", {{"LaunchTemplateId", id},
                                                    {"VersionDescription", std::string(256, 'd')},
                                                    {"LaunchTemplateData", Web()}}),
            "InvalidParameterValue");
  big["UserData"] = std::string(60000, 'A');
  AddVersion(id, big);
  // SourceVersion counts: the merged data is what is kept.
  json more = {{"KernelId", std::string(6000, 'k')}};
  EXPECT_EQ(
      ErrorOf("CreateLaunchTemplateVersion",
              {{"LaunchTemplateId", id}, {"SourceVersion", "2"}, {"LaunchTemplateData", more}}),
      "InvalidParameterValue");
}

TEST_F(LaunchTemplates, DryRunCreatesNothing) {
  EXPECT_EQ(
      ErrorOf("CreateLaunchTemplate",
              {{"LaunchTemplateName", "web"}, {"LaunchTemplateData", Web()}, {"DryRun", true}}),
      "DryRunOperation");
  EXPECT_TRUE(Call("DescribeLaunchTemplates")["LaunchTemplates"].empty());
}

}  // namespace
}  // namespace ec2sim::testing
