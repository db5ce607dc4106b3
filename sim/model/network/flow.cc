#include "sim/model/network/flow.h"

#include <algorithm>
#include <cctype>

#include "sim/engine/ascii.h"

namespace ec2sim::network {

Result<int> ParseTrafficProtocol(std::string_view text) {
  std::string lower = engine::AsciiLower(text);
  if (lower == "tcp") return kProtoTcp;
  if (lower == "udp") return kProtoUdp;
  if (lower == "icmp") return kProtoIcmp;
  if (lower == "icmpv6" || lower == "58") {
    return MakeError(ErrorCode::kInvalidParameterValue,
                     "ICMPv6 cannot be probed: no simulated interface has an IPv6 address.");
  }
  bool digits = !lower.empty() && lower.size() <= 3 &&
                std::all_of(lower.begin(), lower.end(),
                            [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
  int number = digits ? std::stoi(lower) : -1;  // at most three digits: stoi cannot throw
  if (number >= 0 && number <= 255) return number;
  return MakeError(ErrorCode::kInvalidParameterValue,
                   "Invalid value '" + std::string(text) +
                       "' for protocol. Use tcp, udp, icmp or a protocol number from 0 to 255 "
                       "(a probe is one protocol, so not -1 or all).");
}

std::string ProtocolName(int protocol) {
  switch (protocol) {
    case kProtoTcp:
      return "tcp";
    case kProtoUdp:
      return "udp";
    case kProtoIcmp:
      return "icmp";
    case kProtoIcmpv6:
      return "icmpv6";
    default:
      return std::to_string(protocol);
  }
}

std::string TrafficText(const Traffic& t) {
  if (HasPorts(t.protocol)) return ProtocolName(t.protocol) + "/" + std::to_string(t.port);
  if (t.protocol == kProtoIcmp) {
    return "icmp type " + std::to_string(t.port) + " code " + std::to_string(t.icmp_code);
  }
  return "protocol " + std::to_string(t.protocol);
}

int IcmpReplyType(int type) {
  switch (type) {
    case 8:
      return 0;  // echo request -> echo reply
    case 13:
      return 14;  // timestamp -> timestamp reply
    default:
      return -1;
  }
}

std::string_view ReasonCode(Reason reason) {
  switch (reason) {
    case Reason::kNone:
      return "none";
    case Reason::kSecurityGroupNoRule:
      return "security-group-no-matching-rule";
    case Reason::kNaclDenyRule:
      return "network-acl-deny-entry";
    case Reason::kNaclDefaultDeny:
      return "network-acl-default-deny";
    case Reason::kNoPublicIp:
      return "no-public-ip";
    case Reason::kNotRunning:
      return "instance-not-running";
    case Reason::kUnknownInstance:
      return "unknown-instance";
    case Reason::kUnknownAddress:
      return "unknown-address";
    case Reason::kPrivateFromInternet:
      return "private-address-from-internet";
    case Reason::kNoRoute:
      return "no-route";
    case Reason::kOutsideSimulation:
      return "outside-simulation";
    case Reason::kConnectionClosed:
      return "connection-closed";
    case Reason::kAddressChanged:
      return "address-changed";
    case Reason::kNoAnswer:
      return "no-answer";
    case Reason::kBlackholeRoute:
      return "blackhole-route";
    case Reason::kNoInternetGateway:
      return "no-internet-gateway";
    case Reason::kNatGatewayNotAvailable:
      return "nat-gateway-not-available";
    case Reason::kNatGatewayInbound:
      return "nat-gateway-inbound";
  }
  return "unknown";
}

std::string_view TrackingName(Tracking t) {
  switch (t) {
    case Tracking::kNotApplicable:
      return "not-applicable";
    case Tracking::kTracked:
      return "tracked";
    case Tracking::kUntracked:
      return "untracked";
  }
  return "unknown";
}

}  // namespace ec2sim::network
