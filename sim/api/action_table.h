// The action table: every EC2 action the simulator implements, by its AWS name. The scenario
// runner, the tests and the HTTP server all reach the model through this one table.
#ifndef EC2SIM_API_ACTION_TABLE_H_
#define EC2SIM_API_ACTION_TABLE_H_

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ec2sim/result.h"
#include "ec2sim/sandbox.h"
#include "sim/api/params.h"
#include "sim/model/world.h"

namespace ec2sim::api {

// What a handler works on: the world and the caller's account/region scope.
struct ApiContext {
  model::World& world;
  model::Scope& scope;
  const CallContext& call;
};

// A handler reads its parameters from `p`, checks p.Finish() before changing any state, and
// returns the result in boto3's shape (without ResponseMetadata).
using Handler = Result<json> (*)(ApiContext& ctx, Params& p);

// What an action's answer depends on. It decides how the server caches the answer, whether a
// call moves Sandbox::StateVersion and whether it is journaled. Every action has exactly one
// kind; the zero value is no kind at all, so a traits value left unset is caught (tested).
enum class ActionKind : std::uint8_t {
  // Depends on the static catalog, the region and the request only, never on account state or
  // the clock (DescribeRegions, DescribeImages, ...): its answer may be cached for good.
  kCatalog = 1,
  // A Describe whose answer follows from the account's resources alone: the same at the same
  // Sandbox::StateVersion.
  kStateDescribe,
  // A Describe whose answer also follows the simulated clock, which moves no state version
  // (DescribeInstanceStatus: checks turn from initializing to ok with time alone).
  kClockedDescribe,
  // May change state: moves the state version and is journaled.
  kMutating,
};

struct ActionTraits {
  ActionKind kind{};

  // Whether the kind is one of the four (not the unset zero value).
  bool valid() const { return kind >= ActionKind::kCatalog && kind <= ActionKind::kMutating; }
  bool catalog() const { return kind == ActionKind::kCatalog; }
  bool state_describe() const { return kind == ActionKind::kStateDescribe; }
  bool clocked() const { return kind == ActionKind::kClockedDescribe; }
  bool mutating() const { return kind == ActionKind::kMutating; }
};

// The traits every Register*Actions passes to ActionTable::Add.
inline constexpr ActionTraits kCatalog{ActionKind::kCatalog};
inline constexpr ActionTraits kStateDescribe{ActionKind::kStateDescribe};
inline constexpr ActionTraits kClockedDescribe{ActionKind::kClockedDescribe};
inline constexpr ActionTraits kMutating{ActionKind::kMutating};

class ActionTable {
 public:
  // Registers `name` (an AWS action name, registered once) with its handler and traits.
  void Add(std::string name, Handler handler, ActionTraits traits) {
    actions_.emplace(std::move(name), Entry{handler, traits});
  }
  // The handler of `name`; nullptr when the action is not implemented.
  Handler Find(std::string_view name) const {
    auto it = actions_.find(name);
    return it == actions_.end() ? nullptr : it->second.handler;
  }
  // The traits of `name`; nullopt when the action is not implemented.
  std::optional<ActionTraits> Traits(std::string_view name) const {
    auto it = actions_.find(name);
    if (it == actions_.end()) return std::nullopt;
    return it->second.traits;
  }
  std::vector<std::string> Names() const;

  // The table with every implemented action.
  static const ActionTable& Get();

 private:
  struct Entry {
    Handler handler;
    ActionTraits traits;
  };
  std::map<std::string, Entry, std::less<>> actions_;
};

// Each actions_*.cc file registers its actions.
void RegisterInstanceActions(ActionTable& table);
void RegisterAddressActions(ActionTable& table);
void RegisterKeyPairActions(ActionTable& table);
void RegisterSecurityGroupActions(ActionTable& table);
void RegisterTagActions(ActionTable& table);
void RegisterDescribeActions(ActionTable& table);
void RegisterNetworkAclActions(ActionTable& table);
void RegisterInternetGatewayActions(ActionTable& table);
void RegisterRouteTableActions(ActionTable& table);
void RegisterPeeringActions(ActionTable& table);
void RegisterNatGatewayActions(ActionTable& table);
void RegisterInstanceAttributeActions(ActionTable& table);
void RegisterCreditSpecificationActions(ActionTable& table);
void RegisterAddressAttributeActions(ActionTable& table);
void RegisterVolumeActions(ActionTable& table);
void RegisterAccountActions(ActionTable& table);
void RegisterLaunchTemplateActions(ActionTable& table);
void RegisterInstanceTypeOfferingActions(ActionTable& table);
void RegisterSnapshotActions(ActionTable& table);
void RegisterMonitoringActions(ActionTable& table);
// CreateImage, RegisterImage, CopyImage, DeregisterImage and the image attribute actions.
void RegisterOwnImageActions(ActionTable& table);
// Describe-, Modify- and ResetImageAttribute (called by RegisterOwnImageActions).
void RegisterImageAttributeActions(ActionTable& table);

}  // namespace ec2sim::api

#endif  // EC2SIM_API_ACTION_TABLE_H_
