// The Korean words for route tables and NAT gateways on a probe's path, from the same facts as
// the English ones (network::RouteFactsOf), with the console's terms (라우팅 테이블, 라우팅,
// 대상, 인터넷 게이트웨이, NAT 게이트웨이, VPC 피어링 연결, 블랙홀). As in probe_text_ko.cc, no
// particle that depends on the last syllable follows an id or address.
#include "sim/api/probe_text.h"
#include "sim/model/network/explain.h"

namespace ec2sim::api {
namespace {

using model::FormatIpv4;
using network::Hop;
using network::Reason;
using network::RouteFacts;

std::string LeadKo(const Hop& h, const RouteFacts& f) {
  return std::string(h.eni == nullptr ? "NAT 게이트웨이의 서브넷 " : "서브넷 ") + f.subnet +
         "에서 쓰는 라우팅 테이블 " + f.table;
}

std::string FixKo(const Hop& h, const RouteFacts& f) {
  if (!f.internet) {
    if (f.peering.empty()) {
      return f.vpc + "에서 " + f.destination +
             " 주소가 있는 VPC로 이어지는 활성 VPC 피어링 연결이 없습니다. 피어링은 전이되지 "
             "않습니다: 피어 VPC의 다른 피어링, 인터넷 게이트웨이, NAT 게이트웨이는 쓸 수 "
             "없습니다.";
    }
    return "다음 라우팅을 추가하세요: " + f.peer_cidr + " -> " + f.peering + " (" + f.destination +
           " 주소가 있는 VPC로 가는 피어링 연결)." +
           (h.return_path ? " 피어링의 양쪽에 각각 상대 쪽으로 가는 라우팅이 있어야 합니다." : "");
  }
  std::string gateway = f.gateway.empty() ? f.vpc + "에 연결한 인터넷 게이트웨이"
                                          : f.gateway + " (VPC의 인터넷 게이트웨이)";
  if (h.return_path) {
    return "다음 라우팅을 추가하세요: 0.0.0.0/0 -> " + gateway +
           ". 라우팅 테이블이 인터넷 게이트웨이로 트래픽을 보내는 서브넷이 퍼블릭 서브넷이고, "
           "인터넷으로 가는 응답도 그 라우팅을 따릅니다.";
  }
  if (h.eni == nullptr)
    return "그 서브넷에 다음 라우팅을 추가하세요: 0.0.0.0/0 -> " + gateway + ".";
  return "다음 라우팅을 추가하세요: 0.0.0.0/0 -> " + gateway +
         ". 아웃바운드 전용이라면 대상을 NAT 게이트웨이" +
         (f.nat.empty() ? "(퍼블릭 서브넷에 있는 것)" : " (" + f.nat + ")") + "로 해도 됩니다.";
}

std::string WrongTargetKo(const Hop& h) {
  switch (h.route->target) {
    case model::RouteTarget::kPeering:
      return "피어링 연결은 피어 VPC 자체의 주소에만 닿습니다(전이 라우팅 없음: 피어의 인터넷 "
             "게이트웨이, NAT 게이트웨이, 다른 피어링은 쓸 수 없음).";
    case model::RouteTarget::kLocal:
      return "패킷이 VPC 안에 머무릅니다.";
    case model::RouteTarget::kNatGateway:
      return "NAT 게이트웨이는 인터넷으로 가는 트래픽만 전달합니다.";
    case model::RouteTarget::kInternetGateway:
      return "프라이빗 주소에는 인터넷을 거쳐 닿을 수 없습니다.";
    default:
      return "인스턴스나 네트워크 인터페이스를 통한 전달(NAT 인스턴스, 어플라이언스)은 "
             "시뮬레이션하지 않습니다.";
  }
}

std::string NoGatewayKo(const Hop& h, const RouteFacts& f) {
  if (h.route != nullptr && h.route->target == model::RouteTarget::kInternetGateway) {
    return LeadKo(h, f) + "의 라우팅 " + f.route + ": 대상 인터넷 게이트웨이 " + f.target +
           "에 이어지지만, 이 게이트웨이는 " + f.vpc +
           "에 연결되어 있지 않습니다. 게이트웨이를 VPC에 연결하거나(AttachInternetGateway) "
           "라우팅의 대상을 VPC의 인터넷 게이트웨이" +
           (f.gateway.empty() ? "" : " (" + f.gateway + ")") + "로 바꾸세요.";
  }
  if (h.return_path) {
    return LeadKo(h, f) + "의 라우팅 " + f.route + ": " + f.destination +
           " 주소로 가는 응답을 NAT 게이트웨이로 보냅니다. NAT 게이트웨이는 그 뒤의 인스턴스가 "
           "시작한 연결만 전달하므로, 인터넷에서는 이 서브넷에 연결을 시작할 수 없습니다(프라이빗 "
           "서브넷). " +
           FixKo(h, f) + " 또는 VPC 안에서 인스턴스에 접속하세요.";
  }
  return LeadKo(h, f) + "의 " + f.destination + " 주소에 대한 라우팅: " + f.route +
         ". 인터넷 게이트웨이가 아닙니다. 퍼블릭 NAT 게이트웨이는 퍼블릭 서브넷에 있어야 합니다. " +
         FixKo(h, f);
}

}  // namespace

std::string RouteHopKo(const Hop& h) {
  RouteFacts f = network::RouteFactsOf(h);
  if (f.table.empty()) return "서브넷 " + f.subnet + "에 라우팅 테이블 없음";
  return "서브넷 " + f.subnet + "의 라우팅 테이블 " + f.table + ": " +
         (f.route.empty() ? f.destination + " 주소에 대한 라우팅 없음" : f.route);
}

std::string NatHopKo(const Hop& h) {
  return "NAT 게이트웨이 " + h.nat->id + " (" + FormatIpv4(h.mapped) + " <-> " +
         (h.address != 0 ? FormatIpv4(h.address) : "퍼블릭 IP 없음") + ")";
}

std::string RouteAdviceKo(const network::ProbeOutcome& o, const Hop& h) {
  RouteFacts f = network::RouteFactsOf(h);
  if (f.table.empty()) {
    return "서브넷 " + f.subnet + "에 라우팅 테이블이 없습니다: " + f.vpc +
           "에 기본 라우팅 테이블이 없습니다. 서브넷에 라우팅 테이블을 연결하세요.";
  }
  if (o.verdict.reason == Reason::kBlackholeRoute) {
    return LeadKo(h, f) + "의 라우팅 " + f.route + ": 블랙홀 라우팅입니다. 대상 " + f.target +
           "에 해당하는 리소스가 더 이상 없거나 활성 상태가 아닙니다. 라우팅의 대상을 바꾸거나"
           "(ReplaceRoute) 라우팅을 삭제하세요. " +
           FixKo(h, f);
  }
  if (o.verdict.reason == Reason::kNoInternetGateway) return NoGatewayKo(h, f);
  if (f.route.empty()) {
    std::string wanted = f.internet ? "0.0.0.0/0" : f.destination;
    return LeadKo(h, f) + "에는 " + wanted + "에 대한 라우팅이 없습니다" +
           (f.internet ? "(" + f.destination + " 주소를 포함하는 라우팅도 없음)" : "") + ". " +
           FixKo(h, f);
  }
  return LeadKo(h, f) + "의 " + f.destination + " 주소에 대한 라우팅: " + f.route +
         ". 이 라우팅으로는 갈 수 없습니다: " + WrongTargetKo(h) + " " + FixKo(h, f);
}

std::string NatAdviceKo(const network::ProbeOutcome& o, const Hop& h) {
  if (o.verdict.reason == Reason::kNatGatewayNotAvailable) {
    return "NAT 게이트웨이 " + h.nat->id + "의 상태: " + h.nat->state +
           ". 사용 가능한(available) NAT 게이트웨이만 트래픽을 전달합니다" +
           (h.nat->state == "pending" ? "(생성 후 잠시 뒤에 사용 가능해집니다)."
                                      : ". 라우팅의 대상을 사용 가능한 NAT 게이트웨이로 바꾸세요.");
  }
  return "NAT 게이트웨이 " + h.nat->id +
         ": 프라이빗 NAT 게이트웨이라(탄력적 IP 없음) 인터넷으로 트래픽을 보낼 수 없습니다. "
         "0.0.0.0/0 트래픽을 인터넷 게이트웨이로 보내는 서브넷에 탄력적 IP가 있는 퍼블릭 NAT "
         "게이트웨이를 쓰세요.";
}

std::string NoGatewayInVpcKo(const std::string& vpc_id) {
  return vpc_id +
         "에 연결된 인터넷 게이트웨이가 없어서 인터넷에서는 이 VPC에 닿을 수 없습니다. 인터넷 "
         "게이트웨이를 만들어 연결하고(CreateInternetGateway, AttachInternetGateway) 0.0.0.0/0 "
         "트래픽을 그쪽으로 라우팅하세요.";
}

}  // namespace ec2sim::api
