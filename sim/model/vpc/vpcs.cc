#include "sim/model/vpc/vpcs.h"

#include <algorithm>
#include <array>

#include "sim/model/network/nacl.h"
#include "sim/model/resource_kinds.h"
#include "sim/model/vpc/default_vpc.h"

namespace ec2sim::model {
namespace {

Error RangeError(std::string_view cidr) {
  return MakeError(ErrorCode::kInvalidVpcRange, "The CIDR '" + std::string(cidr) + "' is invalid.");
}

// Parses a VPC block: dotted CIDR text (host bits cleared as EC2 does) of /16 to /28.
Result<Cidr4> ParseVpcBlock(const std::string& text) {
  auto cidr = ParseCidr4(text);
  if (!cidr) {
    return MakeError(ErrorCode::kInvalidParameterValue,
                     "Value (" + text +
                         ") for parameter cidrBlock is invalid. This is not a "
                         "valid CIDR block.");
  }
  if (cidr->prefix < kLargestVpcPrefix || cidr->prefix > kSmallestVpcPrefix)
    return RangeError(text);
  return *cidr;
}

// Every IPv4 block of a VPC: the primary and the associated secondary blocks.
std::vector<Cidr4> Ipv4Blocks(const Vpc& vpc) {
  std::vector<Cidr4> out{vpc.cidr};
  for (const VpcCidrAssociation& a : vpc.secondary_cidrs) {
    if (a.state == "associated") out.push_back(a.cidr4);
  }
  return out;
}

// The RFC 1918 range holding `cidr` (0, 1, 2), or -1 for any other block.
int PrivateRange(const Cidr4& cidr) {
  static const std::array<Cidr4, 3> kRanges = {
      *ParseCidr4("10.0.0.0/8"), *ParseCidr4("172.16.0.0/12"), *ParseCidr4("192.168.0.0/16")};
  for (std::size_t i = 0; i < kRanges.size(); ++i) {
    if (kRanges[i].Contains(cidr)) return static_cast<int>(i);
  }
  return -1;
}

// The IPv6 entries of a default network ACL once its VPC has an IPv6 block: the "*" deny, and
// rule 101 allowing all IPv6 traffic in each direction whose entries are still the defaults
// (AWS adds no allow rule to a direction that was changed; "Default network ACL").
void AddIpv6AclEntries(NetworkAcl& acl) {
  for (const NetworkAclEntry& e : acl.entries) {
    if (e.cidr6) return;
  }
  for (bool egress : {false, true}) {
    int numbers = 0;
    bool untouched = true;
    for (const NetworkAclEntry& e : acl.entries) {
      if (e.egress != egress) continue;
      ++numbers;
      untouched = untouched && e.protocol == "-1" && e.cidr4 &&
                  e.cidr4->ToString() == "0.0.0.0/0" &&
                  ((e.rule_number == 100 && e.allow) || network::IsStarRule(e));
    }
    if (untouched && numbers == 2) {
      acl.entries.push_back({101, egress, "-1", true, std::nullopt, ParseCidr6("::/0")});
    }
    acl.entries.push_back(
        {network::kStarRuleIpv6, egress, "-1", false, std::nullopt, ParseCidr6("::/0")});
  }
}

// The default network ACL of a new VPC: rule 100 allows all, the "*" rules deny the rest, for
// IPv6 too when the VPC has an IPv6 block ("Default network ACL",
// https://docs.aws.amazon.com/vpc/latest/userguide/default-network-acl.html).
NetworkAcl DefaultAcl(World& world, const Vpc& vpc) {
  NetworkAcl acl;
  acl.id = world.NewId("acl");
  acl.vpc_id = vpc.id;
  acl.is_default = true;
  for (bool egress : {false, true}) {
    acl.entries.push_back({100, egress, "-1", true, ParseCidr4("0.0.0.0/0"), std::nullopt});
    acl.entries.push_back(
        {network::kStarRuleIpv4, egress, "-1", false, ParseCidr4("0.0.0.0/0"), std::nullopt});
  }
  if (!vpc.ipv6_cidrs.empty()) AddIpv6AclEntries(acl);
  return acl;
}

// All IPv6 traffic out, which the default group gets with its VPC's IPv6 block ("Default
// security groups": the ::/0 outbound rule).
void AddIpv6Egress(World& world, SecurityGroup& sg) {
  for (const SgRule& r : sg.rules) {
    if (r.egress && r.peer == SgRule::Peer::kCidr6 && r.peer_value == "::/0") return;
  }
  sg.rules.push_back(
      {world.NewId("sgr"), true, "-1", -1, -1, SgRule::Peer::kCidr6, "::/0", "", "", {}});
}

// The default security group: all traffic from its own members, all traffic out ("Default
// security groups", https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html).
SecurityGroup DefaultGroup(World& world, const Scope& scope, const Vpc& vpc) {
  SecurityGroup sg;
  sg.id = world.NewId("sg");
  sg.name = "default";
  sg.description = "default VPC security group";
  sg.vpc_id = vpc.id;
  sg.rules.push_back({world.NewId("sgr"),
                      false,
                      "-1",
                      -1,
                      -1,
                      SgRule::Peer::kGroup,
                      sg.id,
                      scope.account,
                      "",
                      {}});
  sg.rules.push_back(
      {world.NewId("sgr"), true, "-1", -1, -1, SgRule::Peer::kCidr4, "0.0.0.0/0", "", "", {}});
  if (!vpc.ipv6_cidrs.empty()) AddIpv6Egress(world, sg);
  return sg;
}

// The main route table with its local routes (origin CreateRouteTable, as AWS lists them).
RouteTable MainRouteTable(World& world, const Vpc& vpc) {
  RouteTable main;
  main.id = world.NewId("rtb");
  main.vpc_id = vpc.id;
  main.routes.push_back({vpc.cidr, std::nullopt, RouteTarget::kLocal, "local", "CreateRouteTable"});
  for (const VpcCidrAssociation& a : vpc.ipv6_cidrs) {
    main.routes.push_back(
        {std::nullopt, ParseCidr6(a.cidr6), RouteTarget::kLocal, "local", "CreateRouteTable"});
  }
  main.associations.push_back({world.NewId("rtbassoc"), "", true});
  return main;
}

// The scope's DHCP options set with the region's default options, created when there is none.
std::string DefaultDhcpOptionsId(World& world, Scope& scope) {
  if (const Vpc* def = scope.vpcs.Find(scope.default_vpc_id)) {
    if (scope.dhcp_options.Find(def->dhcp_options_id) != nullptr) return def->dhcp_options_id;
  }
  auto wanted = RegionDefaultDhcpOptions(*scope.region);
  for (const DhcpOptions& d : scope.dhcp_options.values()) {
    if (d.options == wanted) return d.id;
  }
  DhcpOptions dopt;
  dopt.id = world.NewId("dopt");
  dopt.options = std::move(wanted);
  std::string id = dopt.id;
  scope.dhcp_options.Insert(id, std::move(dopt));
  return id;
}

}  // namespace

Result<Vpc*> FindVpc(Scope& scope, std::string_view id) {
  const ResourceKind& kind = KindInfo(Kind::kVpc);
  Vpc* vpc = IsWellFormedId(kind, id) ? scope.vpcs.Find(id) : nullptr;
  if (vpc == nullptr) return NotFoundError(kind, id);
  return vpc;
}

std::vector<std::pair<std::string, std::vector<std::string>>> RegionDefaultDhcpOptions(
    const RegionInfo& region) {
  // https://docs.aws.amazon.com/vpc/latest/userguide/DHCPOptionSet.html
  std::string code = region.code;
  return {{"domain-name", {code == "us-east-1" ? "ec2.internal" : code + ".compute.internal"}},
          {"domain-name-servers", {"AmazonProvidedDNS"}}};
}

std::string AmazonIpv6Block(std::string_view association_id) {
  // Two bytes from the id's hex digits pick the /56 inside one /40 of Amazon's pool, so the same
  // calls give the same block.
  std::string hex(association_id.substr(association_id.rfind('-') + 1));
  while (hex.size() < 6) hex = "0" + hex;
  std::string text =
      "2600:1f18:" + hex.substr(hex.size() - 6, 4) + ":" + hex.substr(hex.size() - 2) + "00::/56";
  return ParseCidr6(text)->ToString();  // canonical text, as Describe answers compare it
}

Result<Vpc*> CreateVpc(World& world, Scope& scope, const VpcSpec& spec) {
  if (spec.cidr.empty()) {
    return MakeError(ErrorCode::kMissingParameter,
                     "Either 'cidrBlock' or 'ipv4IpamPoolId' should be provided.");
  }
  EC2SIM_ASSIGN_OR_RETURN(Cidr4 cidr, ParseVpcBlock(spec.cidr));
  if (spec.instance_tenancy != "default" && spec.instance_tenancy != "dedicated") {
    return MakeError(ErrorCode::kInvalidParameterValue, "Value (" + spec.instance_tenancy +
                                                            ") for parameter instanceTenancy is "
                                                            "invalid.");
  }
  if (scope.vpcs.size() >= static_cast<std::size_t>(kVpcsPerRegion)) {
    return MakeError(ErrorCode::kVpcLimitExceeded, "The maximum number of VPCs has been reached.");
  }
  Vpc vpc;
  vpc.id = world.NewId("vpc");
  vpc.cidr = cidr;
  vpc.cidr_association_id = world.NewId("vpc-cidr-assoc");
  // A new VPC resolves names but gives no DNS hostnames until asked ("DNS attributes for your
  // VPC", https://docs.aws.amazon.com/vpc/latest/userguide/vpc-dns.html).
  vpc.dns_hostnames = false;
  vpc.instance_tenancy = spec.instance_tenancy;
  vpc.tags = spec.tags;
  if (spec.amazon_ipv6) {
    VpcCidrAssociation v6;
    v6.association_id = world.NewId("vpc-cidr-assoc");
    v6.cidr6 = AmazonIpv6Block(v6.association_id);
    vpc.ipv6_cidrs.push_back(std::move(v6));
  }
  vpc.dhcp_options_id = DefaultDhcpOptionsId(world, scope);
  SecurityGroup sg = DefaultGroup(world, scope, vpc);
  NetworkAcl acl = DefaultAcl(world, vpc);
  RouteTable main = MainRouteTable(world, vpc);
  vpc.default_group_id = sg.id;
  vpc.default_acl_id = acl.id;
  vpc.main_route_table_id = main.id;
  scope.groups.Insert(sg.id, std::move(sg));
  scope.acls.Insert(acl.id, std::move(acl));
  scope.route_tables.Insert(main.id, std::move(main));
  std::string id = vpc.id;
  return &scope.vpcs.Insert(id, std::move(vpc));
}

Result<Vpc*> CreateDefaultVpcOnce(World& world, Scope& scope) {
  if (!scope.default_vpc_id.empty()) {
    return MakeError(ErrorCode::kDefaultVpcAlreadyExists,
                     "A Default VPC already exists for this account in this region.");
  }
  if (scope.vpcs.size() >= static_cast<std::size_t>(kVpcsPerRegion)) {
    return MakeError(ErrorCode::kVpcLimitExceeded, "The maximum number of VPCs has been reached.");
  }
  // A default VPC made again takes the region's default DHCP options set that is still there,
  // as CreateVpc does, instead of a second identical one.
  std::string kept;
  auto wanted = RegionDefaultDhcpOptions(*scope.region);
  for (const DhcpOptions& d : scope.dhcp_options.values()) {
    if (kept.empty() && d.options == wanted) kept = d.id;
  }
  CreateDefaultVpc(world, scope);
  Vpc* vpc = scope.vpcs.Find(scope.default_vpc_id);
  if (!kept.empty()) {
    scope.dhcp_options.Erase(vpc->dhcp_options_id);
    vpc->dhcp_options_id = kept;
  }
  return vpc;
}

namespace {

// Whether anything but the VPC's own main table, default ACL and default group is left in it:
// AWS refuses DeleteVpc then ("Delete your VPC",
// https://docs.aws.amazon.com/vpc/latest/userguide/delete-vpc.html).
bool HasDependencies(const Scope& scope, const Vpc& vpc) {
  auto in_vpc = [&](const auto& map, auto keep) {
    for (const auto& item : map.values()) {
      if (item.vpc_id == vpc.id && keep(item)) return true;
    }
    return false;
  };
  auto any = [](const auto&) { return true; };
  return in_vpc(scope.subnets, any) || in_vpc(scope.internet_gateways, any) ||
         in_vpc(scope.egress_only_gateways, any) || in_vpc(scope.interfaces, any) ||
         in_vpc(scope.groups,
                [&](const SecurityGroup& g) { return g.id != vpc.default_group_id; }) ||
         in_vpc(scope.route_tables,
                [&](const RouteTable& t) { return t.id != vpc.main_route_table_id; }) ||
         in_vpc(scope.acls, [&](const NetworkAcl& a) { return a.id != vpc.default_acl_id; }) ||
         in_vpc(scope.nat_gateways, [](const NatGateway& n) { return n.state != "deleted"; });
}

}  // namespace

Status DeleteVpc(Scope& scope, const std::string& vpc_id) {
  EC2SIM_ASSIGN_OR_RETURN(Vpc * vpc, FindVpc(scope, vpc_id));
  if (HasDependencies(scope, *vpc)) {
    return MakeError(ErrorCode::kDependencyViolation,
                     "The vpc '" + vpc_id + "' has dependencies and cannot be deleted.");
  }
  scope.route_tables.Erase(vpc->main_route_table_id);
  scope.acls.Erase(vpc->default_acl_id);
  scope.groups.Erase(vpc->default_group_id);
  if (scope.default_vpc_id == vpc_id) scope.default_vpc_id.clear();
  scope.vpcs.Erase(vpc_id);
  return OkStatus();
}

namespace {

Result<VpcCidrAssociation> AssociateIpv4(World& world, const Scope& scope, Vpc& vpc,
                                         const std::string& text) {
  EC2SIM_ASSIGN_OR_RETURN(Cidr4 cidr, ParseVpcBlock(text));
  std::vector<Cidr4> blocks = Ipv4Blocks(vpc);
  if (blocks.size() >= static_cast<std::size_t>(kIpv4BlocksPerVpc)) {
    return MakeError(ErrorCode::kInvalidVpcRange,
                     "This network '" + vpc.id + "' has met its maximum number of allowed CIDRs: " +
                         std::to_string(kIpv4BlocksPerVpc));
  }
  for (const Cidr4& b : blocks) {
    if (b.Overlaps(cidr)) {
      return MakeError(ErrorCode::kInvalidVpcRange, "The CIDR '" + text +
                                                        "' conflicts with another CIDR block of " +
                                                        vpc.id + " (" + b.ToString() + ").");
    }
  }
  // The restrictions table of "VPC CIDR blocks": a VPC whose primary block is in one RFC 1918
  // range takes no secondary block from another.
  int primary = PrivateRange(vpc.cidr);
  int wanted = PrivateRange(cidr);
  if (primary >= 0 && wanted >= 0 && primary != wanted) {
    return MakeError(ErrorCode::kInvalidVpcRange,
                     "The CIDR '" + text + "' is restricted: the VPC's primary block " +
                         vpc.cidr.ToString() + " is in another private address range.");
  }
  (void)scope;
  VpcCidrAssociation a;
  a.association_id = world.NewId("vpc-cidr-assoc");
  a.cidr4 = cidr;
  vpc.secondary_cidrs.push_back(a);
  return a;
}

}  // namespace

Result<VpcCidrAssociation> AssociateVpcCidr(World& world, Scope& scope, Vpc& vpc,
                                            const std::optional<std::string>& cidr,
                                            bool amazon_ipv6) {
  if (cidr.has_value() == amazon_ipv6) {
    return MakeError(ErrorCode::kInvalidParameterCombination,
                     "Exactly one of CidrBlock and AmazonProvidedIpv6CidrBlock must be specified.");
  }
  if (cidr) return AssociateIpv4(world, scope, vpc, *cidr);
  // One IPv6 block per VPC by default (quota "IPv6 CIDR blocks per VPC": 1 from Amazon's pool).
  for (const VpcCidrAssociation& a : vpc.ipv6_cidrs) {
    if (a.state == "associated") {
      return MakeError(ErrorCode::kInvalidVpcRange, "This network '" + vpc.id +
                                                        "' has met its maximum number of allowed "
                                                        "IPv6 CIDRs: 1");
    }
  }
  VpcCidrAssociation a;
  a.association_id = world.NewId("vpc-cidr-assoc");
  a.cidr6 = AmazonIpv6Block(a.association_id);
  vpc.ipv6_cidrs.push_back(a);
  // The main route table gets the IPv6 local route, the default ACL and group their IPv6 rules,
  // as AWS adds them.
  if (RouteTable* main = scope.route_tables.Find(vpc.main_route_table_id)) {
    main->routes.push_back(
        {std::nullopt, ParseCidr6(a.cidr6), RouteTarget::kLocal, "local", "CreateRouteTable"});
  }
  if (NetworkAcl* acl = scope.acls.Find(vpc.default_acl_id)) AddIpv6AclEntries(*acl);
  if (SecurityGroup* sg = scope.groups.Find(vpc.default_group_id)) AddIpv6Egress(world, *sg);
  return a;
}

Result<std::pair<std::string, VpcCidrAssociation>> DisassociateVpcCidr(Scope& scope,
                                                                       std::string_view id) {
  for (Vpc& vpc : scope.vpcs.values()) {
    if (vpc.cidr_association_id == id) {
      return MakeError(ErrorCode::kInvalidParameterValue,
                       "The vpc CIDR block with association ID " + std::string(id) +
                           " may not be disassociated. It is the primary IPv4 CIDR block of the "
                           "VPC");
    }
    for (auto* list : {&vpc.secondary_cidrs, &vpc.ipv6_cidrs}) {
      auto it = std::find_if(list->begin(), list->end(),
                             [&](const VpcCidrAssociation& a) { return a.association_id == id; });
      if (it == list->end()) continue;
      bool v6 = list == &vpc.ipv6_cidrs;
      for (const Subnet& s : scope.subnets.values()) {
        bool uses = s.vpc_id == vpc.id && (v6 ? !s.ipv6_cidr.empty() : it->cidr4.Contains(s.cidr));
        if (uses) {
          return MakeError(ErrorCode::kDependencyViolation,
                           "The CIDR block with association ID " + std::string(id) +
                               " has dependencies (subnet " + s.id +
                               ") and cannot be "
                               "disassociated.");
        }
      }
      VpcCidrAssociation gone = *it;
      gone.state = "disassociated";
      list->erase(it);
      if (v6) {
        if (RouteTable* main = scope.route_tables.Find(vpc.main_route_table_id)) {
          std::erase_if(main->routes, [&](const Route& r) {
            return r.destination6 && r.destination6->ToString() == gone.cidr6;
          });
        }
      }
      return std::make_pair(vpc.id, gone);
    }
  }
  return MakeError(ErrorCode::kInvalidVpcCidrBlockAssociationIdNotFound,
                   "The vpc CIDR block association ID '" + std::string(id) + "' does not exist");
}

}  // namespace ec2sim::model
