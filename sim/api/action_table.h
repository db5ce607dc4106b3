// The action table: every EC2 action the simulator implements, by its AWS name. The scenario
// runner, the tests and the HTTP server all reach the model through this one table.
#ifndef EC2SIM_API_ACTION_TABLE_H_
#define EC2SIM_API_ACTION_TABLE_H_

#include <map>
#include <nlohmann/json.hpp>
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

class ActionTable {
 public:
  void Add(std::string name, Handler handler) { handlers_.emplace(std::move(name), handler); }
  Handler Find(std::string_view name) const {
    auto it = handlers_.find(name);
    return it == handlers_.end() ? nullptr : it->second;
  }
  std::vector<std::string> Names() const;

  // The table with every implemented action.
  static const ActionTable& Get();

 private:
  std::map<std::string, Handler, std::less<>> handlers_;
};

// Each actions_*.cc file registers its actions.
void RegisterInstanceActions(ActionTable& table);
void RegisterAddressActions(ActionTable& table);
void RegisterKeyPairActions(ActionTable& table);
void RegisterSecurityGroupActions(ActionTable& table);
void RegisterTagActions(ActionTable& table);
void RegisterDescribeActions(ActionTable& table);
void RegisterNetworkAclActions(ActionTable& table);

}  // namespace ec2sim::api

#endif  // EC2SIM_API_ACTION_TABLE_H_
