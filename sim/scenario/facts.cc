#include "sim/scenario/facts.h"

#include <cmath>
#include <cstdio>
#include <functional>
#include <utility>

namespace ec2sim::scenario {
namespace {

using json = nlohmann::json;
using Lines = std::vector<std::string>;

std::string Text(const json& object, const char* key) { return TextOf(object, key); }
const json& Member(const json& object, const char* key) { return MemberOf(object, key); }

// One line per item of the array at `key`, at most kMaxFactItems and a count of the rest.
Lines EachOf(const json& list, const std::function<std::string(const json&)>& line) {
  Lines out;
  if (!list.is_array()) return out;
  for (const json& item : list) {
    if (out.size() == kMaxFactItems) {
      out.push_back("... and " + std::to_string(list.size() - kMaxFactItems) + " more");
      break;
    }
    out.push_back(line(item));
  }
  return out;
}

std::string NameTag(const json& tags) {
  if (!tags.is_array()) return "";
  for (const json& tag : tags) {
    if (Text(tag, "Key") == "Name") return Text(tag, "Value");
  }
  return "";
}

// EC2 marks the address of an instance by its owner: "amazon" for one drawn from Amazon's pool
// at start, the account for an Elastic IP ("Elastic IP addresses", EC2 User Guide; the
// IpOwnerId member of InstanceNetworkInterfaceAssociation).
bool IsElasticIp(const json& instance) {
  const json& interfaces = Member(instance, "NetworkInterfaces");
  if (!interfaces.is_array()) return false;
  for (const json& eni : interfaces) {
    const json& association = Member(eni, "Association");
    std::string owner = Text(association, "IpOwnerId");
    if (!owner.empty() && owner != "amazon" &&
        Text(association, "PublicIp") == Text(instance, "PublicIpAddress")) {
      return true;
    }
  }
  return false;
}

Lines Instances(const json& instances) { return EachOf(instances, InstanceFact); }

Lines DescribeInstances(const json& r) {
  json all = json::array();
  const json& reservations = Member(r, "Reservations");
  if (reservations.is_array()) {
    for (const json& reservation : reservations) {
      const json& instances = Member(reservation, "Instances");
      if (!instances.is_array()) continue;
      for (const json& instance : instances) all.push_back(instance);
    }
  }
  if (all.empty()) return {"no instances match"};
  return Instances(all);
}

// StartInstances, StopInstances and TerminateInstances: "i-0abc running -> stopping".
std::function<Lines(const json&)> StateChanges(const char* key) {
  return [key](const json& r) {
    return EachOf(Member(r, key), [](const json& change) {
      return Text(change, "InstanceId") + " " + Text(Member(change, "PreviousState"), "Name") +
             " -> " + Text(Member(change, "CurrentState"), "Name");
    });
  };
}

Lines AllocateAddress(const json& r) {
  return {"Elastic IP " + Text(r, "PublicIp") + ", allocation " + Text(r, "AllocationId")};
}

Lines AssociateAddress(const json& r) { return {"association " + Text(r, "AssociationId")}; }

Lines DescribeAddresses(const json& r) {
  const json& addresses = Member(r, "Addresses");
  if (addresses.is_array() && addresses.empty()) return {"no Elastic IPs"};
  return EachOf(addresses, [](const json& a) {
    std::string where = Text(a, "InstanceId");
    if (where.empty()) where = Text(a, "NetworkInterfaceId");
    return Text(a, "PublicIp") + " (" + Text(a, "AllocationId") + ") " +
           (where.empty() ? "idle: allocated, attached to nothing" : "on " + where);
  });
}

Lines CreateKeyPair(const json& r) {
  std::string line = Text(r, "KeyName") + ", fingerprint " + Text(r, "KeyFingerprint");
  // AWS keeps no copy of the private key: this answer is the only place it appears
  // ("Create a key pair using Amazon EC2", EC2 User Guide).
  if (!Text(r, "KeyMaterial").empty()) line += ", private key shown once (only in this answer)";
  return {line};
}

Lines CreateSecurityGroup(const json& r) { return {"group " + Text(r, "GroupId")}; }

// "inbound tcp port 22 from 203.0.113.7/32", "outbound all traffic to 0.0.0.0/0".
std::string RuleFact(const json& rule) {
  bool egress = Member(rule, "IsEgress") == true;
  std::string protocol = Text(rule, "IpProtocol");
  std::string what = protocol == "-1" ? "all traffic" : protocol;
  const json& from = Member(rule, "FromPort");
  const json& to = Member(rule, "ToPort");
  if (protocol != "-1" && from.is_number_integer() && to.is_number_integer() && from != -1) {
    what += from == to ? " port " + from.dump() : " ports " + from.dump() + "-" + to.dump();
  }
  std::string peer = Text(rule, "CidrIpv4");
  if (peer.empty()) peer = Text(rule, "CidrIpv6");
  if (peer.empty()) peer = Text(rule, "PrefixListId");
  if (peer.empty()) peer = Text(Member(rule, "ReferencedGroupInfo"), "GroupId");
  return std::string(egress ? "outbound " : "inbound ") + what + (egress ? " to " : " from ") +
         peer;
}

Lines RulesAdded(const json& r) {
  Lines rules = EachOf(Member(r, "SecurityGroupRules"), RuleFact);
  for (std::string& line : rules) line = "rule added: " + line;
  return rules;
}

std::function<Lines(const json&)> Count(const char* key, const char* noun) {
  return [key, noun](const json& r) -> Lines {
    const json& list = Member(r, key);
    if (!list.is_array()) return {};
    std::string line = std::to_string(list.size()) + " " + noun;
    if (!Text(r, "NextToken").empty()) line += " on this page (NextToken has more)";
    return {line};
  };
}

Lines Zones(const json& r) {
  const json& zones = Member(r, "AvailabilityZones");
  if (!zones.is_array()) return {};
  std::string line = std::to_string(zones.size()) + (zones.size() == 1 ? " zone" : " zones");
  for (size_t i = 0; i < zones.size(); ++i) {
    line += (i == 0 ? ": " : ", ") + Text(zones[i], "ZoneName");
  }
  return {line};
}

Lines BillTotal(const json& r) {
  const json& total = Member(r, "TotalUSD");
  if (!total.is_number()) return {};
  return {"total " + Cents(total.get<double>()) + " (" + Text(r, "PricingPolicy") + " pricing)"};
}

// The table: which facts each answer shows. Probe verdicts and latencies are already on the
// step's own line (runner.cc), so they have no entry.
const std::vector<std::pair<std::string_view, std::function<Lines(const json&)>>>& Table() {
  static const std::vector<std::pair<std::string_view, std::function<Lines(const json&)>>> kTable =
      {
          {"RunInstances", [](const json& r) { return Instances(Member(r, "Instances")); }},
          {"DescribeInstances", DescribeInstances},
          {"StartInstances", StateChanges("StartingInstances")},
          {"StopInstances", StateChanges("StoppingInstances")},
          {"TerminateInstances", StateChanges("TerminatingInstances")},
          {"AllocateAddress", AllocateAddress},
          {"AssociateAddress", AssociateAddress},
          {"DescribeAddresses", DescribeAddresses},
          {"CreateKeyPair", CreateKeyPair},
          {"CreateSecurityGroup", CreateSecurityGroup},
          {"AuthorizeSecurityGroupIngress", RulesAdded},
          {"AuthorizeSecurityGroupEgress", RulesAdded},
          {"DescribeAvailabilityZones", Zones},
          {"DescribeImages", Count("Images", "images")},
          {"DescribeInstanceTypes", Count("InstanceTypes", "instance types")},
          {"bill", BillTotal},
      };
  return kTable;
}

}  // namespace

std::vector<std::string> KeyFacts(std::string_view name, const nlohmann::json& result) {
  if (!result.is_object()) return {};
  for (const auto& [entry, facts] : Table()) {
    if (entry == name) return facts(result);
  }
  return {};
}

std::string InstanceFact(const nlohmann::json& instance) {
  std::string line = Text(instance, "InstanceId");
  std::string name = NameTag(Member(instance, "Tags"));
  if (!name.empty()) line += " (" + name + ")";
  line += " " + Text(Member(instance, "State"), "Name");
  std::string type = Text(instance, "InstanceType");
  std::string zone = Text(Member(instance, "Placement"), "AvailabilityZone");
  if (!type.empty()) line += ", " + type;
  if (!zone.empty()) line += " in " + zone;
  std::string ip = Text(instance, "PublicIpAddress");
  if (ip.empty()) return line + ", no public IP";
  return line + (IsElasticIp(instance) ? ", Elastic IP " : ", public IP ") + ip;
}

std::string TextOf(const nlohmann::json& object, const char* key) {
  if (!object.is_object()) return "";
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

const nlohmann::json& MemberOf(const nlohmann::json& object, const char* key) {
  static const nlohmann::json kNull;
  if (!object.is_object()) return kNull;
  auto it = object.find(key);
  return it != object.end() ? *it : kNull;
}

std::string Cents(double usd) {
  char text[48];
  std::snprintf(text, sizeof text, "$%.2f", std::round(usd * 100) / 100);
  return text;
}

}  // namespace ec2sim::scenario
