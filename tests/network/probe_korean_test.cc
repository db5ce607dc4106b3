// Probe explanations in Korean ("lang": "ko"): the same verdict and fields as in English, the
// sentences in the AWS Korean console's terms.
#include <string>

#include "tests/network/network_test_support.h"

namespace ec2sim::testing {
namespace {

using ProbeKorean = NetworkTest;

json Korean(json spec) {
  spec["lang"] = "ko";
  return spec;
}

TEST_F(ProbeKorean, AllowedProbeIsExplainedInKoreanWithTheSameFields) {
  std::string web = CreateGroup("web");
  AllowIn(web, 22, "203.0.113.0/24");
  std::string id = LaunchWith({web});
  json en = Probe(Flow(kClient, id, "tcp", 22));
  json ko = Probe(Korean(Flow(kClient, id, "tcp", 22)));
  EXPECT_EQ(ko["Verdict"], "allowed");
  std::string text = ko["Explanation"];
  EXPECT_EQ(text.rfind("허용: tcp/22 트래픽이 인터넷 호스트 203.0.113.7에서 " + id, 0), 0u) << text;
  EXPECT_NE(text.find("응답도 돌아옵니다."), std::string::npos) << text;
  EXPECT_NE(text.find("경로: 인터넷 호스트 203.0.113.7 -> "), std::string::npos) << text;
  EXPECT_NE(text.find("의 인터넷 게이트웨이"), std::string::npos) << text;
  EXPECT_NE(text.find("의 보안 그룹 인바운드 규칙: " + web + "의 규칙 "), std::string::npos)
      << text;
  // Only the sentences change: every other field is the English answer's.
  ko.erase("Explanation");
  en.erase("Explanation");
  EXPECT_EQ(ko, en);
}

TEST_F(ProbeKorean, SecurityGroupBlockSaysWhichInboundRuleIsMissing) {
  std::string web = CreateGroup("web");
  AllowIn(web, 22, "203.0.113.0/24");
  std::string id = LaunchWith({web});
  json r = Probe(Korean(Flow(kClient, id, "tcp", 80)));
  EXPECT_EQ(r["Verdict"], "blocked");
  EXPECT_EQ(r["BlockedBy"]["Reason"], "security-group-no-matching-rule");
  std::string text = r["Explanation"];
  EXPECT_EQ(text.rfind("차단: tcp/80 트래픽(인터넷 호스트 203.0.113.7 -> " + id, 0), 0u) << text;
  EXPECT_NE(text.find("막은 곳: " + id), std::string::npos) << text;
  EXPECT_NE(text.find("을 허용하는 인바운드 규칙이 없습니다. 보안 그룹은 허용만 합니다."),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("소스 203.0.113.7/32"), std::string::npos) << text;
}

TEST_F(ProbeKorean, NetworkAclDenyEntryIsNamedWithItsNumber) {
  std::string web = CreateGroup("web");
  AllowIn(web, 22, "0.0.0.0/0");
  std::string id = LaunchWith({web});
  std::string acl = CreateAcl();
  AddEntry(Entry(acl, 90, false, "tcp", "deny", "198.51.100.0/24", 22, 22));
  AddEntry(Entry(acl, 100, false, "-1", "allow", "0.0.0.0/0"));
  AddEntry(Entry(acl, 100, true, "-1", "allow", "0.0.0.0/0"));
  Associate(acl, SubnetOf(id));
  json r = Probe(Korean(Flow("198.51.100.7", id, "tcp", 22)));
  EXPECT_EQ(r["BlockedBy"]["RuleNumber"], 90);
  std::string text = r["Explanation"];
  EXPECT_NE(text.find("막은 곳: 네트워크 ACL " + acl + " 인바운드: 항목 90 (거부)"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("네트워크 ACL " + acl +
                      "의 인바운드 항목 90번이 소스 198.51.100.7의 tcp/22 트래픽을 거부합니다."),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("처음 맞는 항목이 결정"), std::string::npos) << text;
}

TEST_F(ProbeKorean, StatelessAclReplyNeedsEphemeralPortsInKorean) {
  std::string web = CreateGroup("web");
  AllowIn(web, 22, "0.0.0.0/0");
  std::string id = LaunchWith({web});
  std::string acl = CreateAcl();
  AddEntry(Entry(acl, 100, false, "tcp", "allow", "0.0.0.0/0", 22, 22));
  Associate(acl, SubnetOf(id));
  std::string text = Probe(Korean(Flow(kClient, id, "tcp", 22)))["Explanation"];
  EXPECT_NE(text.find("응답이 막힙니다"), std::string::npos) << text;
  EXPECT_NE(text.find("마지막 * 항목이 거부합니다"), std::string::npos) << text;
  EXPECT_NE(text.find("네트워크 ACL은 상태 비저장입니다"), std::string::npos) << text;
  EXPECT_NE(text.find("임시 포트 1024-65535"), std::string::npos) << text;
}

TEST_F(ProbeKorean, StoppedInstanceHasReleasedItsPublicIpNeverUsesHaeje) {
  std::string id = LaunchWith({});
  Call("StopInstances", {{"InstanceIds", {id}}});
  std::string text = Probe(Korean(Flow(kClient, id, "tcp", 22)))["Explanation"];
  EXPECT_NE(text.find("중지됨"), std::string::npos) << text;
  EXPECT_EQ(text.find("해제"), std::string::npos) << text;
}

TEST_F(ProbeKorean, EnglishIsTheDefaultAndOtherLanguagesAreRefused) {
  std::string id = LaunchWith({});
  json en = Probe(Flow(kClient, id, "tcp", 22));
  json explicit_en = Probe([&] {
    json s = Flow(kClient, id, "tcp", 22);
    s["lang"] = "en";
    return s;
  }());
  EXPECT_EQ(en["Explanation"], explicit_en["Explanation"]);
  json fr = Flow(kClient, id, "tcp", 22);
  fr["lang"] = "fr";
  EXPECT_EQ(ProbeError(fr), "InvalidParameterValue");
}

}  // namespace
}  // namespace ec2sim::testing
