// The round-trip time an allowed probe reports (RttMs): from an internet client's place to the
// instance's AZ, or between two instances' AZs, by the latency model of docs/latency.md.
#include <string>

#include "tests/network/network_test_support.h"

namespace ec2sim::testing {
namespace {

using ProbeRtt = NetworkTest;

const char* kClient = "203.0.113.7";
const char* kVirginiaImage = kVirginiaAl2023;

json SshFrom(const std::string& from, const std::string& to) {
  return {{"from", from}, {"to", to}, {"protocol", "tcp"}, {"port", 22}};
}

json WithClient(json spec, const std::string& client) {
  spec["client"] = client;
  return spec;
}

double Rtt(const json& probe) {
  EXPECT_TRUE(probe.contains("RttMs")) << probe.dump();
  return probe.value("RttMs", -1.0);
}

class ProbeRttWorld : public ProbeRtt {
 protected:
  // A server in `region` (ImageId `image`) whose group lets SSH in from anywhere.
  std::string OpenServer(const std::string& region, const std::string& image) {
    std::string saved = ctx_.region;
    ctx_.region = region;
    std::string group = CreateGroup("ssh");
    AllowIn(group, 22, "0.0.0.0/0");
    std::string id = LaunchWith({group}, "", {{"ImageId", image}});
    ctx_.region = saved;
    return id;
  }
};

TEST_F(ProbeRttWorld, FromSeoulTheSeoulRegionAnswersFasterThanVirginia) {
  std::string seoul = OpenServer("ap-northeast-2", kSeoulAl2023);
  std::string virginia = OpenServer("us-east-1", kVirginiaImage);
  double near = Rtt(Probe(WithClient(SshFrom(kClient, seoul), "Seoul")));
  double far = Rtt(Probe(WithClient(SshFrom(kClient, virginia), "Seoul")));
  EXPECT_LT(near, far);
  // Hand-worked bounds: Seoul to its own region is a few ms of metro fiber plus the 3 ms fiber
  // access; Seoul to Virginia is at least the fiber limit over ~11,100 km of great circle
  // (2 x 11,100 km / 200,000 km/s = 111 ms) and crosses the Pacific and North America.
  EXPECT_GT(near, 3.0);
  EXPECT_LT(near, 12.0);
  EXPECT_GT(far, 111.0);
  EXPECT_LT(far, 250.0);
}

TEST_F(ProbeRttWorld, RttIsTheLatencyVerbsFigureForTheSamePlaces) {
  std::string virginia = OpenServer("us-east-1", kVirginiaImage);
  ctx_.region = "us-east-1";
  std::string az = Describe(virginia)["Placement"].value("AvailabilityZone", "");
  ASSERT_FALSE(az.empty());
  double probe = Rtt(Probe(WithClient(SshFrom(kClient, virginia), "Seoul")));
  Result<json> latency = sandbox_->Latency({{"from", "Seoul"}, {"to", az}}, ctx_);
  ASSERT_TRUE(latency.ok()) << latency.error().message;
  EXPECT_DOUBLE_EQ(probe, (*latency)["RttMs"].get<double>());
}

TEST_F(ProbeRttWorld, WithoutAClientTheInternetHostIsNextToTheRegion) {
  std::string virginia = OpenServer("us-east-1", kVirginiaImage);
  double local = Rtt(Probe(SshFrom(kClient, virginia)));
  // A fiber client in the region's own metro: 3 ms of access, a little metro fiber, one
  // exchange (2.75 ms) and the region end (1.5 ms), well under 20 ms.
  EXPECT_GT(local, 3.0);
  EXPECT_LT(local, 20.0);
  EXPECT_LT(local, Rtt(Probe(WithClient(SshFrom(kClient, virginia), "Seoul"))));
}

TEST_F(ProbeRttWorld, OutboundProbesPlaceTheDestinationClientToo) {
  std::string seoul = OpenServer("ap-northeast-2", kSeoulAl2023);
  json out = {{"from", seoul}, {"to", "198.51.100.1"}, {"protocol", "tcp"}, {"port", 443}};
  double to_seoul = Rtt(Probe(WithClient(out, "Busan")));
  double to_london = Rtt(Probe(WithClient(out, "London")));
  EXPECT_LT(to_seoul, to_london);
}

TEST_F(ProbeRttWorld, MobileAccessAddsTwentySevenMillisecondsOverFiber) {
  std::string seoul = OpenServer("ap-northeast-2", kSeoulAl2023);
  json spec = WithClient(SshFrom(kClient, seoul), "Seoul");
  double fiber = Rtt(Probe(spec));
  spec["access"] = "mobile";
  double mobile = Rtt(Probe(spec));
  // Last-mile costs of docs/latency.md: mobile 30 ms, fiber 3 ms.
  EXPECT_NEAR(mobile - fiber, 27.0, 0.11);
}

TEST_F(ProbeRtt, InstancesInOneAvailabilityZoneAnswerInUnderTwoMilliseconds) {
  // The default group lets its members reach each other on every port.
  std::string a = LaunchWith({}, "ap-northeast-2a");
  std::string b = LaunchWith({}, "ap-northeast-2a");
  std::string c = LaunchWith({}, "ap-northeast-2c");
  json same = Probe(SshFrom(a, b));
  ASSERT_EQ(same["Verdict"], "allowed");
  double same_az = Rtt(same);
  double cross_az = Rtt(Probe(SshFrom(a, c)));
  EXPECT_GT(same_az, 0.0);
  EXPECT_LT(same_az, 2.0);
  EXPECT_LT(same_az, cross_az);
  EXPECT_LT(cross_az, 3.0);  // AWS: single-digit ms between AZs; the model stays below 1.7
}

TEST_F(ProbeRtt, InstancesInTwoRegionsAnswerAtTheirRegionsDistance) {
  std::string seoul_group = CreateGroup("db");
  AllowIn(seoul_group, 22, "0.0.0.0/0");
  std::string seoul = LaunchWith({seoul_group});
  ctx_.region = "us-east-1";
  std::string virginia = Launch({{"ImageId", kVirginiaImage}});
  json r = Probe(WithClient(SshFrom(virginia, seoul), "London"));  // no internet end: unused
  ASSERT_EQ(r["Verdict"], "allowed");
  EXPECT_GT(Rtt(r), 111.0);  // the fiber limit over the great circle, as above
  EXPECT_LT(Rtt(r), 250.0);
}

TEST_F(ProbeRtt, BlockedProbeHasNoRtt) {
  std::string id = LaunchWith({});  // the default group lets nothing in from the internet
  json r = Probe(WithClient(SshFrom(kClient, id), "Seoul"));
  ASSERT_EQ(r["Verdict"], "blocked");
  EXPECT_FALSE(r.contains("RttMs"));
}

TEST_F(ProbeRtt, ConnectionRecheckReportsTheRttOfItsPath) {
  std::string web = CreateGroup("web");
  AllowIn(web, 22, "0.0.0.0/0");
  std::string id = LaunchWith({web});
  json open = WithClient(SshFrom(kClient, id), "Seoul");
  open["open"] = "ssh";
  double opened = Rtt(Probe(open));
  json again = Probe({{"connection", "ssh"}, {"client", "Seoul"}});
  EXPECT_EQ(again["Connection"]["State"], "established");
  EXPECT_DOUBLE_EQ(Rtt(again), opened);
}

TEST_F(ProbeRtt, BadClientOrAccessIsAnInputError) {
  std::string id = LaunchWith({});
  EXPECT_EQ(ProbeError(WithClient(SshFrom(kClient, id), "Atlantis")), "Ec2sim.NotFound");
  EXPECT_EQ(ProbeError(WithClient(SshFrom(kClient, id), "us-east-1")), "InvalidParameterValue");
  EXPECT_EQ(ProbeError(WithClient(SshFrom(kClient, id), "95,0")), "Ec2sim.InvalidInput");
  json bad_access = SshFrom(kClient, id);
  bad_access["access"] = "satellite";
  EXPECT_EQ(ProbeError(bad_access), "InvalidParameterValue");
  json not_text = SshFrom(kClient, id);
  not_text["client"] = 37.5;
  EXPECT_EQ(ProbeError(not_text), "InvalidParameterValue");
  EXPECT_EQ(ProbeError({{"connection", "ssh"}, {"port", 22}}), "InvalidParameterCombination");
}

}  // namespace
}  // namespace ec2sim::testing
