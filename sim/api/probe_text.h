// A probe's explanation in the language the caller asked for. The model explains in English
// (sim/model/network/explain.cc) from the same structured outcome (verdict, reason, hops with
// their rules and entries); other languages are rendered here, above the model, so that the
// model carries no language tables and the JSON fields stay the same in every language.
#ifndef EC2SIM_API_PROBE_TEXT_H_
#define EC2SIM_API_PROBE_TEXT_H_

#include <string>

#include "ec2sim/lang.h"
#include "sim/model/network/probe.h"

namespace ec2sim::api {

// The explanation of `outcome` in `lang`: the model's own text for English, Korean built with the
// AWS Korean console's terms (보안 그룹, 네트워크 ACL, 인바운드/아웃바운드, 퍼블릭 IP, ...).
std::string ProbeExplanation(const network::ProbeOutcome& outcome, Lang lang);

// The console's Korean name of an instance state ("running" -> "실행 중").
std::string InstanceStateKo(std::string_view state);

// Route tables and NAT gateways in Korean (probe_text_route_ko.cc): the component, and why it
// stopped the traffic with what to add; NoGatewayInVpcKo: a VPC without an internet gateway.
std::string RouteHopKo(const network::Hop& hop);
std::string NatHopKo(const network::Hop& hop);
std::string RouteAdviceKo(const network::ProbeOutcome& outcome, const network::Hop& hop);
std::string NatAdviceKo(const network::ProbeOutcome& outcome, const network::Hop& hop);
std::string NoGatewayInVpcKo(const std::string& vpc_id);

}  // namespace ec2sim::api

#endif  // EC2SIM_API_PROBE_TEXT_H_
