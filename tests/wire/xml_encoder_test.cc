// Encoding results and errors as EC2's XML. The expected documents are written by hand from
// the model's XML names (ec2-semantics.md §2.2, §2.4).
#include "sim/wire/xml_encoder.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "sim/wire/service_model.h"

namespace ec2sim::wire {
namespace {

using nlohmann::json;

std::string Encode(const std::string& action, const json& result,
                   std::vector<std::string>* dropped = nullptr) {
  const ServiceModel& model = ServiceModel::Ec2();
  return EncodeResult(model, *model.FindOperation(action), result, "req-1", dropped);
}

constexpr const char* kHead = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

TEST(XmlEncoder, DescribeInstancesUsesSetsItemsAndXmlTimestamps) {
  json result = json::parse(R"({"Reservations": [{
      "ReservationId": "r-1", "OwnerId": "123456789012", "Groups": [],
      "Instances": [{"InstanceId": "i-1", "State": {"Code": 16, "Name": "running"},
                     "PublicIpAddress": "3.35.0.1", "PublicDnsName": "",
                     "LaunchTime": "2026-01-01T00:00:05+00:00", "EbsOptimized": false,
                     "Tags": [{"Key": "Name", "Value": "web"}]}]}]})");
  std::string want =
      std::string(kHead) +
      "<DescribeInstancesResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">"
      "<requestId>req-1</requestId><reservationSet><item><groupSet></groupSet><instancesSet>"
      "<item><instanceId>i-1</instanceId><launchTime>2026-01-01T00:00:05.000Z</launchTime>"
      "<dnsName></dnsName><ipAddress>3.35.0.1</ipAddress><instanceState><code>16</code>"
      "<name>running</name></instanceState><ebsOptimized>false</ebsOptimized><tagSet><item>"
      "<key>Name</key><value>web</value></item></tagSet></item></instancesSet>"
      "<ownerId>123456789012</ownerId><reservationId>r-1</reservationId></item>"
      "</reservationSet></DescribeInstancesResponse>";
  EXPECT_EQ(Encode("DescribeInstances", result), want);
}

TEST(XmlEncoder, ReportsMembersTheModelDoesNotKnow) {
  std::vector<std::string> dropped;
  std::string xml = Encode("DescribeRegions",
                           {{"Regions", {{{"RegionName", "x"}, {"Colour", "red"}}}}}, &dropped);
  EXPECT_EQ(dropped, std::vector<std::string>{"Regions[].Colour"});
  EXPECT_EQ(xml.find("Colour"), std::string::npos);
  EXPECT_NE(xml.find("<regionInfo><item><regionName>x</regionName></item></regionInfo>"),
            std::string::npos);
}

TEST(XmlEncoder, OperationsWithoutOutputAnswerReturnTrue) {
  EXPECT_EQ(Encode("CreateTags", json::object()),
            std::string(kHead) +
                "<CreateTagsResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">"
                "<requestId>req-1</requestId><return>true</return></CreateTagsResponse>");
}

TEST(XmlEncoder, EscapesTextAndKeepsNewlines) {
  std::string xml =
      Encode("CreateKeyPair", {{"KeyName", "a<b>&\"c\""}, {"KeyMaterial", "line1\nline2\r"}});
  EXPECT_NE(xml.find("<keyName>a&lt;b&gt;&amp;&quot;c&quot;</keyName>"), std::string::npos);
  EXPECT_NE(xml.find("<keyMaterial>line1\nline2&#13;</keyMaterial>"), std::string::npos);
}

TEST(XmlEncoder, ErrorsUseTheResponseErrorsEnvelope) {
  EXPECT_EQ(
      EncodeError("InvalidInstanceID.NotFound", "The instance ID 'i-1' does not exist", "req-9"),
      std::string(kHead) +
          "<Response><Errors><Error><Code>InvalidInstanceID.NotFound</Code><Message>The "
          "instance ID 'i-1' does not exist</Message></Error></Errors><RequestID>req-9"
          "</RequestID></Response>");
}

}  // namespace
}  // namespace ec2sim::wire
