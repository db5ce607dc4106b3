// A World built directly through the model structs for the probe's route tests: VPCs, subnets,
// route tables, internet gateways, NAT gateways and peering connections, and instances placed
// in a given subnet (launched in the default VPC, then their interface moved), so that the
// tests do not depend on the VPC actions.
#ifndef EC2SIM_TESTS_NETWORK_ROUTE_TEST_SUPPORT_H_
#define EC2SIM_TESTS_NETWORK_ROUTE_TEST_SUPPORT_H_

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "sim/api/verbs.h"
#include "sim/model/instances.h"
#include "sim/model/world.h"

namespace ec2sim::testing {

using nlohmann::json;

class RouteWorldTest : public ::testing::Test {
 protected:
  RouteWorldTest() : world_(SandboxOptions{.timing = Timing::kInstant}) {
    scope_ = world_.GetScope(ctx_.account, ctx_.region).value();
    open_group_ = AddOpenGroup();
  }

  model::Scope& scope() { return *scope_; }
  const std::string& DefaultVpc() const { return scope_->default_vpc_id; }

  // A VPC with its main route table (the local route only) and a default network ACL that
  // allows everything, as CreateVpc makes them; no internet gateway.
  std::string AddVpc(const std::string& cidr) { return AddVpcIn(*scope_, cidr); }
  std::string AddVpcIn(model::Scope& scope, const std::string& cidr) {
    model::Vpc vpc;
    vpc.id = world_.NewId("vpc");
    vpc.cidr = *model::ParseCidr4(cidr);
    model::RouteTable main;
    main.id = world_.NewId("rtb");
    main.vpc_id = vpc.id;
    main.routes.push_back(
        {vpc.cidr, std::nullopt, model::RouteTarget::kLocal, "local", "CreateRouteTable"});
    main.associations.push_back({world_.NewId("rtbassoc"), "", true});
    vpc.main_route_table_id = main.id;
    model::NetworkAcl acl;
    acl.id = world_.NewId("acl");
    acl.vpc_id = vpc.id;
    acl.is_default = true;
    for (bool egress : {false, true}) {
      acl.entries.push_back({100, egress, "-1", true, model::ParseCidr4("0.0.0.0/0"), {}});
      acl.entries.push_back({32767, egress, "-1", false, model::ParseCidr4("0.0.0.0/0"), {}});
    }
    vpc.default_acl_id = acl.id;
    std::string id = vpc.id;
    scope.route_tables.Insert(main.id, std::move(main));
    scope.acls.Insert(acl.id, std::move(acl));
    scope.vpcs.Insert(id, std::move(vpc));
    return id;
  }

  // A subnet in the VPC's first AZ, on the VPC's default ACL and main route table.
  std::string AddSubnet(const std::string& vpc_id, const std::string& cidr) {
    return AddSubnetIn(*scope_, vpc_id, cidr);
  }
  std::string AddSubnetIn(model::Scope& scope, const std::string& vpc_id, const std::string& cidr) {
    model::Subnet subnet;
    subnet.id = world_.NewId("subnet");
    subnet.vpc_id = vpc_id;
    subnet.az = scope.region->code + "a";
    subnet.cidr = *model::ParseCidr4(cidr);
    model::Vpc* vpc = scope.vpcs.Find(vpc_id);
    scope.acls.Find(vpc->default_acl_id)->associations.emplace(subnet.id, world_.NewId("aclassoc"));
    std::string id = subnet.id;
    scope.subnets.Insert(id, std::move(subnet));
    return id;
  }

  // An internet gateway attached to the VPC.
  std::string AddInternetGateway(const std::string& vpc_id) {
    model::InternetGateway igw;
    igw.id = world_.NewId("igw");
    igw.vpc_id = vpc_id;
    std::string id = igw.id;
    scope_->internet_gateways.Insert(id, std::move(igw));
    return id;
  }

  // A route table explicitly associated with `subnet_id`, holding the local route.
  std::string AddRouteTable(const std::string& subnet_id) {
    return AddRouteTableIn(*scope_, subnet_id);
  }
  std::string AddRouteTableIn(model::Scope& scope, const std::string& subnet_id) {
    const model::Subnet& subnet = *scope.subnets.Find(subnet_id);
    const model::Vpc& vpc = *scope.vpcs.Find(subnet.vpc_id);
    model::RouteTable table;
    table.id = world_.NewId("rtb");
    table.vpc_id = vpc.id;
    table.routes.push_back(
        {vpc.cidr, std::nullopt, model::RouteTarget::kLocal, "local", "CreateRouteTable"});
    table.associations.push_back({world_.NewId("rtbassoc"), subnet_id, false});
    std::string id = table.id;
    scope.route_tables.Insert(id, std::move(table));
    return id;
  }

  void AddRoute(const std::string& table_id, const std::string& cidr, model::RouteTarget target,
                const std::string& target_id) {
    AddRouteIn(*scope_, table_id, cidr, target, target_id);
  }
  static void AddRouteIn(model::Scope& scope, const std::string& table_id, const std::string& cidr,
                         model::RouteTarget target, const std::string& target_id) {
    scope.route_tables.Find(table_id)->routes.push_back(
        {model::ParseCidr4(cidr), std::nullopt, target, target_id, "CreateRoute"});
  }

  // An available public NAT gateway in `subnet_id`, with an address from the region's pool.
  std::string AddNatGateway(const std::string& subnet_id) {
    model::Subnet& subnet = *scope_->subnets.Find(subnet_id);
    model::NatGateway nat;
    nat.id = world_.NewId("nat");
    nat.vpc_id = subnet.vpc_id;
    nat.subnet_id = subnet_id;
    nat.public_ip = world_.TakePublicIp(*scope_->region);
    nat.private_ip = model::AllocatePrivateIp(world_, subnet);
    nat.state = "available";
    std::string id = nat.id;
    scope_->nat_gateways.Insert(id, std::move(nat));
    return id;
  }

  // The NAT gateway's network interface (no instance), holding its addresses.
  void AddNatInterface(const std::string& nat_id) {
    const model::NatGateway& nat = *scope_->nat_gateways.Find(nat_id);
    model::NetworkInterface eni;
    eni.id = world_.NewId("eni");
    eni.subnet_id = nat.subnet_id;
    eni.vpc_id = nat.vpc_id;
    eni.private_ip = nat.private_ip;
    eni.public_ip = nat.public_ip;
    eni.description = "Interface for NAT Gateway " + nat_id;
    std::string id = eni.id;
    scope_->interfaces.Insert(id, std::move(eni));
    scope_->nat_gateways.Find(nat_id)->network_interface_id = id;
  }

  // An active peering connection between two VPCs of this account (in `scope_` and `other`).
  std::string AddPeering(const std::string& requester_vpc, model::Scope& other,
                         const std::string& accepter_vpc) {
    model::VpcPeeringConnection pcx;
    pcx.id = world_.NewId("pcx");
    pcx.requester = {scope_->account, scope_->region->code, requester_vpc,
                     scope_->vpcs.Find(requester_vpc)->cidr};
    pcx.accepter = {other.account, other.region->code, accepter_vpc,
                    other.vpcs.Find(accepter_vpc)->cidr};
    pcx.status = "active";
    std::string id = pcx.id;
    if (&other != scope_) other.peerings.Insert(id, model::VpcPeeringConnection(pcx));
    scope_->peerings.Insert(id, std::move(pcx));
    return id;
  }

  // A running instance whose primary interface is in `subnet_id`, in a group open both ways;
  // `public_ip`: keeps the auto-assigned address, else it has none.
  std::string PlaceInstance(const std::string& subnet_id, bool public_ip) {
    return PlaceInstanceIn(*scope_, subnet_id, public_ip);
  }
  std::string PlaceInstanceIn(model::Scope& scope, const std::string& subnet_id, bool public_ip) {
    model::LaunchSpec spec;
    spec.image_id = ImageOf(scope);
    Result<std::string> r = model::RunInstances(world_, scope, spec);
    EXPECT_TRUE(r.ok());
    world_.sim().RunDue();
    model::Instance* inst = nullptr;
    for (model::Instance& i : scope.instances.values()) {
      if (i.reservation_id == r.value()) inst = &i;
    }
    model::Subnet& subnet = *scope.subnets.Find(subnet_id);
    model::NetworkInterface& eni = *model::PrimaryInterface(scope, *inst);
    eni.subnet_id = inst->subnet_id = subnet_id;
    eni.vpc_id = inst->vpc_id = subnet.vpc_id;
    eni.az = subnet.az;
    eni.private_ip = model::AllocatePrivateIp(world_, subnet);
    eni.group_ids = {OpenGroupIn(scope)};
    if (!public_ip && eni.public_ip != 0) {
      world_.ReturnPublicIp(eni.public_ip);
      eni.public_ip = 0;
    }
    return inst->id;
  }

  std::string PublicIp(const std::string& instance_id) { return Ip(instance_id, true); }
  std::string PrivateIp(const std::string& instance_id) { return Ip(instance_id, false); }

  json Probe(const std::string& from, const std::string& to, int port = 443,
             const std::string& lang = "en") {
    json spec = {{"from", from}, {"to", to}, {"protocol", "tcp"}, {"port", port}};
    if (lang != "en") spec["lang"] = lang;
    Result<json> r = api::ProbeVerb(world_, spec, ctx_);
    if (!r.ok()) {
      ADD_FAILURE() << "probe failed: " << r.error().message << "\n  spec: " << spec.dump();
      return json::object();
    }
    return r.value();
  }

  static std::vector<std::string> Types(const json& components) {
    std::vector<std::string> out;
    for (const json& c : components) out.push_back(c.value("Type", ""));
    return out;
  }

  model::World world_;
  CallContext ctx_;
  model::Scope* scope_ = nullptr;
  std::string open_group_;

 private:
  static std::string ImageOf(const model::Scope& scope) {
    return scope.region->code == "us-east-1" ? "ami-050e4422729c32c38" : "ami-0c9c942bd7bf113a2";
  }
  std::string OpenGroupIn(model::Scope& scope) {
    return &scope == scope_ ? open_group_ : AddOpenGroupIn(scope);
  }
  std::string AddOpenGroup() { return AddOpenGroupIn(*scope_); }
  std::string AddOpenGroupIn(model::Scope& scope) {
    model::SecurityGroup sg;
    sg.id = world_.NewId("sg");
    sg.name = "open";
    sg.vpc_id = scope.default_vpc_id;
    for (bool egress : {false, true}) {
      sg.rules.push_back({world_.NewId("sgr"),
                          egress,
                          "-1",
                          -1,
                          -1,
                          model::SgRule::Peer::kCidr4,
                          "0.0.0.0/0",
                          "",
                          "",
                          {}});
    }
    std::string id = sg.id;
    scope.groups.Insert(id, std::move(sg));
    return id;
  }
  // The instance's address, in whichever scope it is.
  std::string Ip(const std::string& instance_id, bool is_public) {
    for (model::Scope* scope : world_.AllScopes()) {
      const model::Instance* inst = scope->instances.Find(instance_id);
      if (inst == nullptr) continue;
      const model::NetworkInterface& eni = *scope->interfaces.Find(inst->eni_id);
      return model::FormatIpv4(is_public ? eni.public_ip : eni.private_ip);
    }
    ADD_FAILURE() << "no instance " << instance_id;
    return "";
  }
};

}  // namespace ec2sim::testing

#endif  // EC2SIM_TESTS_NETWORK_ROUTE_TEST_SUPPORT_H_
