// The Korean probe explanation: the same parts, in the same order, as the English one in
// sim/model/network/explain.cc (verdict, path, reply's path, the blocking component with what to
// change, tracking, the connection). Sentences avoid particles that depend on the last syllable
// of an id or address (이/가, 을/를): ids are read letter by letter, so they are followed by
// 에, 에서, 의, 도 or a colon instead.
#include "sim/api/probe_text.h"
#include "sim/model/network/explain.h"
#include "sim/model/network/nacl.h"

namespace ec2sim::api {
namespace {

using model::FormatIpv4;
using network::Hop;
using network::HopKind;
using network::HopResult;
using network::ProbeEnd;
using network::ProbeOutcome;
using network::Reason;

// "tcp/22", "icmp 유형 8 코드 0", "프로토콜 50".
std::string Traffic(const network::Traffic& t) {
  if (network::HasPorts(t.protocol)) return network::TrafficText(t);
  if (t.protocol == network::kProtoIcmp) {
    return "icmp 유형 " + std::to_string(t.port) + " 코드 " + std::to_string(t.icmp_code);
  }
  return "프로토콜 " + std::to_string(t.protocol);
}

std::string Dir(bool egress) { return egress ? "아웃바운드" : "인바운드"; }
// The console's column names: 소스 for inbound rules, 대상 for outbound ones.
std::string Peer(bool egress, const std::string& peer) {
  return (egress ? "대상 " : "소스 ") + peer;
}

std::string EndLabel(const ProbeEnd& end) {
  if (end.instance != nullptr) {
    std::string label = network::InstanceLabel(*end.instance);
    if (end.address != 0) label += " [" + FormatIpv4(end.address) + "]";
    return label;
  }
  if (end.address != 0) return "인터넷 호스트 " + FormatIpv4(end.address);
  return end.text;
}

std::string RuleText(const model::SgRule& r) {
  std::string what;
  if (r.protocol == "-1") {
    what = "모든 트래픽";
  } else if (r.protocol == "tcp" || r.protocol == "udp") {
    what = r.protocol + " " + network::PortsText({r.from_port, r.to_port});
  } else if (r.protocol == "icmp" || r.protocol == "icmpv6") {
    what = r.from_port < 0 ? "모든 " + r.protocol
                           : r.protocol + " 유형 " + std::to_string(r.from_port) +
                                 (r.to_port < 0 ? "" : " 코드 " + std::to_string(r.to_port));
  } else {
    what = "프로토콜 " + r.protocol;
  }
  std::string peer =
      r.peer == model::SgRule::Peer::kGroup ? r.peer_value + " 그룹의 멤버" : r.peer_value;
  return what + ", " + Peer(r.egress, peer);
}

std::string EntryText(const model::NetworkAclEntry& e) {
  std::string action = e.allow ? "허용" : "거부";
  if (network::IsStarRule(e)) return "마지막 * 항목 (" + action + ")";
  return "항목 " + std::to_string(e.rule_number) + " (" + action + ")";
}

std::string HopKo(const Hop& h) {
  switch (h.kind) {
    case HopKind::kInternet:
      return "인터넷 호스트 " + FormatIpv4(h.address);
    case HopKind::kInstance:
      return "인스턴스 " + network::OwnerLabel(h);
    case HopKind::kInternetGateway:
      return network::GatewayVpcId(h) + "의 인터넷 게이트웨이 (" + FormatIpv4(h.mapped) + " <-> " +
             (h.address != 0 ? FormatIpv4(h.address) : "퍼블릭 IP 없음") + ")";
    case HopKind::kRouteTable:
      return RouteHopKo(h);
    case HopKind::kNatGateway:
      return NatHopKo(h);
    case HopKind::kNetworkAcl: {
      std::string text =
          "네트워크 ACL " + (h.acl != nullptr ? h.acl->id : std::string("?")) + " " + Dir(h.egress);
      return h.entry != nullptr ? text + ": " + EntryText(*h.entry) : text;
    }
    case HopKind::kSecurityGroup: {
      std::string text = network::OwnerLabel(h) + "의 보안 그룹 " + Dir(h.egress) + " 규칙";
      switch (h.result) {
        case HopResult::kAllowedByRule:
          if (h.rule == nullptr) return text + ": 규칙이 응답을 허용";
          return text + ": " + h.group->id + "의 규칙 " + h.rule->rule_id + " 허용 (" +
                 RuleText(*h.rule) + ")";
        case HopResult::kStatefulReply:
          return text + ": 응답 통과 (상태 저장)";
        case HopResult::kTrackedConnection:
          return text + ": 추적 중인 연결이라 다시 검사하지 않음";
        default:
          return text + ": 허용하는 규칙 없음";
      }
    }
  }
  return "";
}

std::string BlockSummaryKo(const ProbeOutcome& o) {
  const Hop& h = o.trace.hops[static_cast<std::size_t>(o.verdict.blocked_hop)];
  if (h.kind == HopKind::kSecurityGroup) {
    return network::OwnerLabel(h) + "의 보안 그룹 " + Dir(h.egress) + " 규칙";
  }
  return HopKo(h);
}

std::string NoAnswerText(const std::string& address) {
  return "주소 " + address +
         "의 호스트는 내 계정에 없고 응답하지 않았습니다. 그쪽에서 트래픽을 버리는 것(보안 "
         "그룹, 네트워크 ACL, 실행 중이 아닌 서버)은 그 소유자의 몫입니다.";
}

std::string StoppedText(const model::Instance& instance) {
  std::string state = model::StateName(instance.state);
  return network::InstanceLabel(instance) + "의 상태: " + InstanceStateKo(state) +
         ". 실행 중인 인스턴스만 트래픽을 주고받습니다" +
         (instance.state == model::InstanceState::kStopped
              ? ". 중지된 인스턴스는 퍼블릭 IP도 릴리스했습니다."
              : ".");
}

std::string SecurityGroupAdvice(const ProbeOutcome& o, const Hop& h, const std::string& peer) {
  std::string dir = Dir(h.egress);
  if (h.return_path) {
    return network::OwnerLabel(h) +
           "에서는 이 흐름을 추적하지 않아 응답도 다른 패킷처럼 규칙으로 검사하는데, 보안 그룹(" +
           network::GroupsText(h) + ")에 이 응답을 허용하는 " + dir +
           " 규칙이 없습니다: " + network::ProtocolName(o.traffic.protocol) + " 포트 " +
           network::PortsText(h.ports) + ", " + Peer(h.egress, peer) + ".";
  }
  std::string traffic = Traffic(o.traffic);
  return network::OwnerLabel(h) + "의 보안 그룹(" + network::GroupsText(h) + ")에 이 트래픽(" +
         traffic + ", " + Peer(h.egress, peer) + ")을 허용하는 " + dir +
         " 규칙이 없습니다. 보안 그룹은 허용만 합니다. " + traffic + "에 대해 " +
         Peer(h.egress, peer + "/32") + " 또는 이 주소를 포함하는 범위로 " + dir +
         " 규칙을 추가하세요" +
         (o.source.eni != nullptr && o.destination.eni != nullptr && !o.destination.via_public
              ? ". 상대 인스턴스에 연결된 보안 그룹을 " +
                    std::string(h.egress ? "대상으로" : "소스로") + " 지정해도 됩니다."
              : ".");
}

std::string NetworkAclAdvice(const ProbeOutcome& o, const Hop& h, const std::string& peer) {
  std::string dir = Dir(h.egress);
  std::string what = h.return_path ? "응답 트래픽(" + network::ProtocolName(o.traffic.protocol) +
                                         " 포트 " + std::to_string(h.blocked_port) + ")"
                                   : Traffic(o.traffic) + " 트래픽";
  std::string text =
      h.entry != nullptr && !network::IsStarRule(*h.entry)
          ? "네트워크 ACL " + h.acl->id + "의 " + dir + " 항목 " +
                std::to_string(h.entry->rule_number) + "번이 " + Peer(h.egress, peer) + "의 " +
                what +
                "을 거부합니다. 항목은 번호가 작은 것부터 확인하고 처음 맞는 항목이 결정하므로, "
                "번호가 더 큰 허용 항목은 고려되지 않습니다."
          : "네트워크 ACL " + h.acl->id + "의 " + dir + " 항목 중 " + Peer(h.egress, peer) + "의 " +
                what + "에 맞는 것이 없어 마지막 * 항목이 거부합니다." +
                (network::HasUserEntries(*h.acl, h.egress)
                     ? ""
                     : " 새로 만든 사용자 지정 네트워크 ACL은 허용 항목을 추가하기 전까지 "
                       "모든 트래픽을 거부합니다.");
  if (h.return_path) {
    text += " 네트워크 ACL은 상태 비저장입니다. 응답에는 클라이언트의 임시 포트 " +
            network::PortsText(h.ports) + "에 대한 " + dir + " 허용 항목이 따로 필요합니다.";
  }
  return text;
}

// Why the hop blocked and what would let the traffic through.
std::string BlockAdvice(const ProbeOutcome& o, const Hop& h) {
  std::string peer = FormatIpv4(h.address);
  switch (h.kind) {
    case HopKind::kSecurityGroup:
      return SecurityGroupAdvice(o, h, peer);
    case HopKind::kNetworkAcl:
      return NetworkAclAdvice(o, h, peer);
    case HopKind::kInternetGateway:
      if (o.verdict.reason == Reason::kNoInternetGateway) {
        return NoGatewayInVpcKo(network::GatewayVpcId(h));
      }
      return network::OwnerLabel(h) + "에는 퍼블릭 IPv4 주소가 없어서 " +
             (o.destination.eni == h.eni
                  ? "VPC 밖에서는 이 인스턴스에 닿을 수 없습니다. 퍼블릭 IP를 받도록 인스턴스를 "
                    "시작하거나 탄력적 IP를 연결하세요."
                  : "인터넷 게이트웨이를 쓸 수 없습니다. 퍼블릭 IP를 주거나, 서브넷의 0.0.0.0/0 "
                    "라우팅을 퍼블릭 서브넷의 NAT 게이트웨이로 보내세요.");
    case HopKind::kRouteTable:
      return RouteAdviceKo(o, h);
    case HopKind::kNatGateway:
      return NatAdviceKo(o, h);
    case HopKind::kInstance:
      // 인스턴스가 없는 인터페이스(NAT 게이트웨이의 것)는 스스로 연결을 받거나 열지 않습니다.
      if (h.instance == nullptr) {
        return network::OwnerLabel(h) + "은(는) 인스턴스에 속하지 않은 인터페이스(" +
               h.eni->description + ")라서 연결을 받거나 열지 않습니다.";
      }
      return StoppedText(*h.instance);
    case HopKind::kInternet:
      if (o.verdict.reason == Reason::kNoAnswer) return NoAnswerText(peer);
      break;
  }
  return "";
}

// The sentence for a verdict reached before any component was crossed.
std::string EndAdvice(const ProbeOutcome& o) {
  const ProbeEnd& end = o.blocked_at_source ? o.source : o.destination;
  std::string addr = end.address != 0 ? FormatIpv4(end.address) : end.text;
  switch (o.verdict.reason) {
    case Reason::kUnknownInstance:
      if (o.confined) {
        // The same words whether the id is unused or another account's: ids are private.
        return "내 계정에는 " + end.text +
               " 인스턴스가 없습니다. probe에는 내 인스턴스만 id로 지정할 수 있습니다. 다른 "
               "사람의 인스턴스에는 인터넷에서처럼 퍼블릭 IP 주소로 닿으세요.";
      }
      return "시뮬레이션된 어느 계정과 리전에도 " + end.text + " 인스턴스가 없습니다.";
    case Reason::kNoAnswer:
      return NoAnswerText(addr);
    case Reason::kNotRunning:
      return end.instance != nullptr ? StoppedText(*end.instance)
                                     : end.text + ": 더 이상 존재하지 않습니다.";
    case Reason::kUnknownAddress:
      return "주소 " + addr + "에 해당하는 시뮬레이션 네트워크 인터페이스가 없습니다" +
             (o.blocked_at_source ? "."
                                  : ". 중지된 인스턴스가 릴리스한 퍼블릭 IP나 릴리스된 탄력적 "
                                    "IP는 아무 데도 이어지지 않습니다.");
    case Reason::kPrivateFromInternet:
      return addr +
             ": 프라이빗 IP 주소이고, 인터넷은 프라이빗 주소를 라우팅하지 않습니다. 인스턴스의 "
             "퍼블릭 IP를 쓰세요.";
    case Reason::kNoRoute:
      return addr +
             ": 출발지 VPC 밖의 프라이빗 IP 주소이고, 그곳으로 가는 라우팅이 없습니다. 다른 VPC의 "
             "프라이빗 주소에는 활성 VPC 피어링 연결로 가는 라우팅으로만, 그리고 그 VPC 자체의 "
             "주소에만 닿습니다(피어링은 전이되지 않음, VPN은 시뮬레이션하지 않음).";
    case Reason::kNatGatewayInbound:
      return addr + ": NAT 게이트웨이 " + o.nat_gateway_id +
             "의 주소입니다. NAT 게이트웨이는 그 뒤의 인스턴스가 시작한 연결만 전달하고 밖에서 "
             "오는 연결은 받지 않습니다.";
    case Reason::kOutsideSimulation:
      return "출발지 " + o.source.text + "도 목적지 " + o.destination.text +
             "도 시뮬레이션된 인스턴스가 아닙니다.";
    case Reason::kAddressChanged:
      return "연결이 쓰던 주소(" + addr + ")는 이제 " +
             (end.instance != nullptr ? network::InstanceLabel(*end.instance) : end.text) +
             "의 주소가 아니므로(퍼블릭 IP가 바뀌었습니다) 연결이 사라졌습니다.";
    case Reason::kConnectionClosed:
      // closed_by is the model's English summary, kept with the connection when it was cut.
      return "연결 " + o.connection + ": 앞서 끊어졌습니다 (" + o.closed_by +
             "). 다시 시도하려면 새 연결을 여세요.";
    default:
      return "";
  }
}

std::string TrackingText(const ProbeOutcome& o) {
  std::string out;
  auto one = [&](const ProbeEnd& end, network::Tracking t) {
    if (end.instance == nullptr || t == network::Tracking::kNotApplicable) return;
    if (o.connection.empty()) return;  // tracking matters once a connection is open
    out += ' ';
    out += network::InstanceLabel(*end.instance);
    if (t == network::Tracking::kUntracked) {
      out +=
          ": 이 흐름을 추적하지 않습니다(규칙이 0.0.0.0/0에 열려 있고 반대 방향은 모든 포트가 "
          "열려 있음). 그 규칙을 삭제하면 맺어진 연결이 즉시 끊어집니다.";
    } else {
      out += ": 이 흐름을 추적합니다. 맺어진 연결은 보안 그룹을 바꿔도 유지됩니다.";
    }
  };
  one(o.source, o.verdict.source_tracking);
  one(o.destination, o.verdict.destination_tracking);
  return out;
}

std::string ConnectionText(const ProbeOutcome& o) {
  switch (o.connection_state) {
    case network::ConnectionState::kEstablished:
      return " 연결 " + o.connection + ": 맺어져 있습니다.";
    case network::ConnectionState::kRefused:
      return " 연결 " + o.connection + ": 열리지 않았습니다.";
    case network::ConnectionState::kCut:
      return " 연결 " + o.connection + ": 끊어졌습니다.";
    default:
      return "";
  }
}

std::string Korean(const ProbeOutcome& o) {
  std::string traffic = Traffic(o.traffic);
  std::string from = EndLabel(o.source), to = EndLabel(o.destination);
  const Hop* block = o.verdict.blocked_hop >= 0
                         ? &o.trace.hops[static_cast<std::size_t>(o.verdict.blocked_hop)]
                         : nullptr;
  std::string text;
  if (o.verdict.allowed) {
    bool reply =
        !(o.traffic.protocol == network::kProtoIcmp && network::IcmpReplyType(o.traffic.port) < 0);
    text = "허용: " + traffic + " 트래픽이 " + from + "에서 " + to + "에 도달" +
           (reply ? "하고 응답도 돌아옵니다." : "합니다.");
  } else if (block != nullptr && block->return_path) {
    text = "차단: " + traffic + " 트래픽은 " + from + "에서 " + to +
           "에 도달하지만, 응답이 막힙니다. 막은 곳: " + BlockSummaryKo(o) + ".";
  } else if (block != nullptr) {
    text = "차단: " + traffic + " 트래픽(" + from + " -> " + to +
           ")이 막힙니다. 막은 곳: " + BlockSummaryKo(o) + ".";
  } else {
    text = "차단: " + traffic + " 트래픽(" + from + " -> " + to + "). " + EndAdvice(o);
  }
  std::string path, reply;
  for (int i = 0; i < o.trace.size; ++i) {
    const Hop& h = o.trace.hops[static_cast<std::size_t>(i)];
    std::string& list = h.return_path ? reply : path;
    list += (list.empty() ? "" : " -> ") + HopKo(h);
  }
  if (!path.empty()) text += " 경로: " + path + ".";
  if (!reply.empty()) text += " 응답 경로: " + reply + ".";
  if (block != nullptr) {
    text += ' ';
    text += BlockAdvice(o, *block);
  }
  if (o.verdict.allowed) text += TrackingText(o);
  return text + ConnectionText(o);
}

}  // namespace

std::string InstanceStateKo(std::string_view state) {
  // The EC2 console's Korean instance states.
  if (state == "pending") return "대기 중";
  if (state == "running") return "실행 중";
  if (state == "stopping") return "중지 중";
  if (state == "stopped") return "중지됨";
  if (state == "shutting-down") return "종료 중";
  if (state == "terminated") return "종료됨";
  return std::string(state);
}

std::string ProbeExplanation(const ProbeOutcome& outcome, Lang lang) {
  return lang == Lang::kKo ? Korean(outcome) : outcome.explanation;
}

}  // namespace ec2sim::api
