// Worlds for the network benchmarks, built through the model API: accounts whose instances
// carry 5 security groups of 60 ingress and 60 egress rules each, behind network ACLs with 20
// entries per direction. Only the last rule of the last group and the last ACL entry match the
// benchmark's traffic, so every check scans everything before it (the worst case).
#ifndef EC2SIM_BENCH_NETWORK_WORLD_H_
#define EC2SIM_BENCH_NETWORK_WORLD_H_

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "sim/model/catalog.h"
#include "sim/model/instances.h"
#include "sim/model/network/nacl.h"
#include "sim/model/security_groups.h"
#include "sim/model/sg_rules.h"
#include "sim/model/world.h"

namespace netbench {

namespace model = ec2sim::model;
namespace network = ec2sim::network;

constexpr int kGroups = 5;
constexpr int kRulesPerDirection = 60;
constexpr int kAclEntries = 20;

template <typename T>
T Must(ec2sim::Result<T> r) {
  if (!r.ok()) {
    std::fprintf(stderr, "setup failed: %s\n", r.error().message.c_str());
    std::abort();
  }
  return std::move(r).value();
}

inline void Must(ec2sim::Status s) {
  if (!s.ok()) {
    std::fprintf(stderr, "setup failed: %s\n", s.error().message.c_str());
    std::abort();
  }
}

// 60 rules in one direction. Rules that miss alternate between the benchmark's ports with a
// host in 192.0.2.0/24 (the address check fails) and other ports (the port check fails); the
// last rule of the last group allows TCP 0-65535 from/to anywhere.
inline std::vector<model::PermissionSpec> Rules(int group, bool last_group) {
  std::vector<model::PermissionSpec> out;
  for (int i = 0; i < kRulesPerDirection; ++i) {
    model::PermissionSpec p;
    p.protocol = "tcp";
    bool match = last_group && i == kRulesPerDirection - 1;
    int port = i % 2 == 0 ? 443 : 20000 + group * 100 + i;
    p.from_port = match ? 0 : port;
    p.to_port = match ? 65535 : (i % 2 == 0 ? 5432 : port);
    std::string cidr = match ? "0.0.0.0/0" : "192.0.2." + std::to_string(i) + "/32";
    p.peers.push_back({model::SgRule::Peer::kCidr4, cidr, "", "", ""});
    out.push_back(std::move(p));
  }
  return out;
}

// Five groups with 60 + 60 rules each (the default egress rule is replaced).
inline std::vector<std::string> MakeGroups(model::World& world, model::Scope& scope) {
  std::vector<std::string> ids;
  for (int g = 0; g < kGroups; ++g) {
    std::string name = "bench-" + std::to_string(g);
    model::SecurityGroup* group =
        Must(model::CreateSecurityGroup(world, scope, {name, name, "", {}}));
    group->rules.clear();
    Must(model::AuthorizeRules(world, scope, *group, false, Rules(g, g == kGroups - 1), {}));
    Must(model::AuthorizeRules(world, scope, *group, true, Rules(g, g == kGroups - 1), {}));
    ids.push_back(group->id);
  }
  return ids;
}

// 19 deny entries that miss (other hosts) and, numbered after them, an allow for all TCP.
inline void FillAcl(model::NetworkAcl& acl) {
  for (bool egress : {false, true}) {
    for (int i = 1; i < kAclEntries; ++i) {
      network::AclEntrySpec e;
      e.rule_number = i;
      e.egress = egress;
      e.protocol = "6";
      e.rule_action = "deny";
      e.cidr4 = "192.0.2." + std::to_string(i) + "/32";
      e.port_from = 0;
      e.port_to = 65535;
      Must(network::CreateAclEntry(acl, e));
    }
    network::AclEntrySpec allow;
    allow.rule_number = 200;
    allow.egress = egress;
    allow.protocol = "6";
    allow.rule_action = "allow";
    allow.cidr4 = "0.0.0.0/0";
    allow.port_from = 0;
    allow.port_to = 65535;
    Must(network::CreateAclEntry(acl, allow));
  }
}

// Launches `count` running t2.micro instances carrying `groups` in one AZ (index into the
// region's zones) and returns their ids.
inline std::vector<std::string> Launch(model::World& world, model::Scope& scope,
                                       const std::vector<std::string>& groups, int count, int az) {
  model::LaunchSpec spec;
  spec.image_id = model::ImagesIn(scope.region->code).front().image_id;  // Amazon Linux 2023
  spec.min_count = spec.max_count = count;
  spec.group_ids = groups;
  spec.availability_zone = model::AzName(*scope.region, az);
  std::string reservation = Must(model::RunInstances(world, scope, spec));
  world.sim().RunDue();  // instant timing: pending -> running now
  return scope.reservations[reservation].instance_ids;
}

}  // namespace netbench

#endif  // EC2SIM_BENCH_NETWORK_WORLD_H_
