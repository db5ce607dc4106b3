#include "ec2sim/sandbox.h"

#include <atomic>
#include <optional>

#include "sim/api/action_table.h"
#include "sim/api/key_use_json.h"
#include "sim/api/verbs.h"
#include "sim/model/billing/ledger.h"
#include "sim/model/instances.h"
#include "sim/model/key_cache.h"
#include "sim/model/regions.h"
#include "sim/model/resource_kinds.h"
#include "sim/model/world.h"

namespace ec2sim {

namespace {

// Each Sandbox numbers its versions from its own base, 2^40 apart, so no two Sandboxes of a
// process ever report the same version.
std::uint64_t NextVersionBase() {
  static std::atomic<std::uint64_t> next{1};
  return next.fetch_add(1) << 40;
}

// Whether calls of `action` leave the state as it was, so they move no version and are not
// journaled: every action its traits do not call mutating.
bool IsReadOnly(std::string_view action) {
  std::optional<api::ActionTraits> traits = api::ActionTable::Get().Traits(action);
  return traits.has_value() && !traits->mutating();
}

}  // namespace

struct Sandbox::Impl {
  explicit Impl(const SandboxOptions& options) : world(options), ledger(world) {}
  model::World world;
  // Listens to the world's resource events from the first one on.
  billing::Ledger ledger;
  std::uint64_t version_base = NextVersionBase();
  std::uint64_t changes = 0;  // calls that may have changed state
  Sandbox::Recorder recorder;
  bool replaying = false;

  void Record(const nlohmann::json& op, const Result<nlohmann::json>& outcome) const {
    if (recorder && !replaying) recorder(op, outcome);
  }
};

Sandbox::Sandbox(const SandboxOptions& options) : impl_(std::make_unique<Impl>(options)) {}
Sandbox::~Sandbox() = default;

const SandboxOptions& Sandbox::options() const { return impl_->world.options(); }

std::uint64_t Sandbox::StateVersion() const {
  return impl_->version_base + impl_->changes + impl_->world.sim().events_run();
}

bool Sandbox::HasAction(std::string_view action) const {
  return api::ActionTable::Get().Find(action) != nullptr;
}

std::vector<std::string> Sandbox::Actions() const { return api::ActionTable::Get().Names(); }

Result<nlohmann::json> Sandbox::Call(std::string_view action, const nlohmann::json& params,
                                     const CallContext& ctx) {
  api::Handler handler = api::ActionTable::Get().Find(action);
  if (handler == nullptr) {
    return MakeError(ErrorCode::kInvalidAction,
                     "The action " + std::string(action) + " is not valid for this web service.");
  }
  if (ctx.account.size() != 12 ||
      ctx.account.find_first_not_of("0123456789") != std::string::npos) {
    return MakeError(ErrorCode::kAuthFailure,
                     "Account '" + ctx.account + "' is not a 12-digit AWS account id");
  }
  model::World& world = impl_->world;
  // An opt-in region the account has not enabled holds none of its credentials, so AWS cannot
  // authenticate the call there: "AuthFailure ... AWS was not able to validate the provided
  // access credentials" (https://repost.aws/knowledge-center/iam-validate-access-credentials;
  // https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-regions.html).
  if (const model::RegionInfo* r = model::FindRegion(ctx.region);
      r != nullptr && !world.RegionEnabled(ctx.account, *r)) {
    return MakeError(ErrorCode::kAuthFailure,
                     "AWS was not able to validate the provided access credentials (region " +
                         ctx.region + " is not enabled for account " + ctx.account +
                         ": opt in to it first)");
  }
  world.sim().RunDue();
  // A first call in a region creates the account's default VPC there, drawing ids: that is a
  // change even for a Describe* call.
  bool new_scope = world.FindScope(ctx.account, ctx.region) == nullptr;
  EC2SIM_ASSIGN_OR_RETURN(model::Scope * scope, world.GetScope(ctx.account, ctx.region));
  static const nlohmann::json kNoParams = nlohmann::json::object();
  const nlohmann::json& body = params.is_null() ? kNoParams : params;
  const bool recording = impl_->recorder && !impl_->replaying;
  // Keys the call takes go into its record, so that a replay does not generate them again.
  std::optional<model::KeyUseLog> key_uses;
  if (recording) key_uses.emplace();
  Result<nlohmann::json> result = [&]() -> Result<nlohmann::json> {
    // DryRun answers whether the call would be allowed; every caller of a sandbox is.
    if (body.is_object() && body.contains("DryRun")) {
      nlohmann::json rest = body;
      bool dry = rest["DryRun"].is_boolean() && rest["DryRun"].get<bool>();
      rest.erase("DryRun");
      if (dry) {
        return MakeError(ErrorCode::kDryRunOperation,
                         "Request would have succeeded, but DryRun flag is set.");
      }
      api::ApiContext api_ctx{world, *scope, ctx};
      api::Params p(rest, action);
      return handler(api_ctx, p);
    }
    api::ApiContext api_ctx{world, *scope, ctx};
    api::Params p(body, action);
    return handler(api_ctx, p);
  }();
  // Zero-delay transitions (instant timing) complete before the caller sees the next state.
  world.sim().RunDue();
  if (new_scope || !IsReadOnly(action)) {
    ++impl_->changes;
    // Built only when someone records: the JSON costs as much as a small call.
    if (recording) {
      nlohmann::json op = {{"op", "call"},
                           {"account", ctx.account},
                           {"region", ctx.region},
                           {"action", action},
                           {"params", body}};
      for (const model::KeyUse& use : key_uses->uses()) {
        op["keys"].push_back(api::KeyUseToJson(use));
      }
      impl_->Record(op, result);
    }
  }
  return result;
}

SimTime Sandbox::Now() const { return impl_->world.now(); }

void Sandbox::Advance(Duration d) { impl_->world.sim().Advance(d < 0 ? 0 : d); }

Status Sandbox::AdvanceClock(Duration d) {
  Advance(d);
  return OkStatus();
}

Result<Duration> Sandbox::WaitForInstanceState(const CallContext& ctx, std::string_view instance_id,
                                               std::string_view state, Duration timeout) {
  auto wanted = model::ParseStateName(state);
  if (!wanted) {
    return MakeError(ErrorCode::kInvalidParameterValue,
                     "Unknown instance state '" + std::string(state) +
                         "' (expected pending, running, stopping, stopped, shutting-down or "
                         "terminated)");
  }
  model::World& world = impl_->world;
  world.sim().RunDue();
  EC2SIM_ASSIGN_OR_RETURN(model::Scope * scope, world.GetScope(ctx.account, ctx.region));
  SimTime begin = world.now();
  SimTime deadline = begin + timeout;
  for (;;) {
    EC2SIM_ASSIGN_OR_RETURN(model::Instance * inst, model::FindInstance(*scope, instance_id));
    if (inst->state == *wanted) return world.now() - begin;
    SimTime next = world.sim().NextEventTime();
    if (next < 0 || next > deadline) {
      world.sim().AdvanceTo(deadline);
      // A terminated record may have aged out while waiting.
      EC2SIM_ASSIGN_OR_RETURN(model::Instance * last, model::FindInstance(*scope, instance_id));
      if (last->state == *wanted) return world.now() - begin;
      return MakeError(ErrorCode::kSimExpectationFailed,
                       "Instance " + std::string(instance_id) + " did not reach state '" +
                           std::string(state) + "' within " + FormatDuration(timeout) + " (it is " +
                           model::StateName(last->state) + ")");
    }
    world.sim().AdvanceTo(next);
  }
}

Result<nlohmann::json> Sandbox::Probe(const nlohmann::json& spec, const CallContext& ctx) {
  impl_->world.sim().RunDue();
  ++impl_->changes;  // probes open tracked connections
  Result<nlohmann::json> result = api::ProbeVerb(impl_->world, spec, ctx);
  // A probe may open, re-check or close a named connection.
  nlohmann::json op = {
      {"op", "probe"}, {"account", ctx.account}, {"region", ctx.region}, {"spec", spec}};
  // Replay must resolve the ends as the caller saw them (a confined probe cannot open a
  // connection to another account's instance id).
  if (!ctx.sees_other_accounts) op["confined"] = true;
  impl_->Record(op, result);
  return result;
}

Result<nlohmann::json> Sandbox::Traffic(const nlohmann::json& spec, const CallContext& ctx) {
  impl_->world.sim().RunDue();
  ++impl_->changes;  // metered data changes the bill
  Result<nlohmann::json> result = api::TrafficVerb(impl_->world, spec, ctx);
  nlohmann::json op = {
      {"op", "traffic"}, {"account", ctx.account}, {"region", ctx.region}, {"spec", spec}};
  if (!ctx.sees_other_accounts) op["confined"] = true;
  impl_->Record(op, result);
  return result;
}

Result<nlohmann::json> Sandbox::Cpu(const nlohmann::json& spec, const CallContext& ctx) {
  impl_->world.sim().RunDue();
  ++impl_->changes;  // the declared load changes the bill
  Result<nlohmann::json> result = api::CpuVerb(impl_->world, impl_->ledger, spec, ctx);
  impl_->Record({{"op", "cpu"}, {"account", ctx.account}, {"region", ctx.region}, {"spec", spec}},
                result);
  return result;
}

Result<nlohmann::json> Sandbox::Bill(const nlohmann::json& spec, const CallContext& ctx) {
  impl_->world.sim().RunDue();
  return api::BillVerb(impl_->world, impl_->ledger, spec, ctx);
}

Result<nlohmann::json> Sandbox::Latency(const nlohmann::json& spec, const CallContext& ctx) {
  impl_->world.sim().RunDue();
  return api::LatencyVerb(impl_->world, spec, ctx);
}

std::vector<std::string> Sandbox::Accounts() const {
  std::vector<std::string> accounts;
  for (model::Scope* scope : impl_->world.AllScopes()) {
    // AllScopes() is ordered by (account, region), so equal accounts are adjacent.
    if (accounts.empty() || accounts.back() != scope->account) accounts.push_back(scope->account);
  }
  return accounts;
}

nlohmann::json Sandbox::Snapshot(const std::string& account) {
  impl_->world.sim().RunDue();
  nlohmann::json regions = nlohmann::json::object();
  for (model::Scope* scope : impl_->world.AllScopes()) {
    if (scope->account != account) continue;
    CallContext ctx{account, scope->region->code};
    nlohmann::json region = nlohmann::json::object();
    // Each kind's Describe with no parameters, under the member of its result that lists them.
    for (const model::ResourceKind& kind : model::ResourceKinds()) {
      if (!kind.in_snapshot) continue;
      std::string action(kind.describe_action);
      std::string member(kind.list_member);
      if (!HasAction(action)) continue;
      Result<nlohmann::json> r = Call(action, nlohmann::json::object(), ctx);
      if (!r.ok() || !r->contains(member)) continue;
      if (kind.kind == model::Kind::kInstance) {
        nlohmann::json instances = nlohmann::json::array();
        for (const auto& reservation : (*r)[member]) {
          for (const auto& inst : reservation.value("Instances", nlohmann::json::array())) {
            instances.push_back(inst);
          }
        }
        region["Instances"] = std::move(instances);
      } else {
        region[member] = std::move((*r)[member]);
      }
    }
    regions[scope->region->code] = std::move(region);
  }
  return {{"account", account}, {"time", FormatIsoTime(Now())}, {"regions", std::move(regions)}};
}

bool Sandbox::ResetAccount(const std::string& account) {
  impl_->world.sim().RunDue();
  bool existed = impl_->world.DropAccount(account);
  impl_->ledger.Forget(account);
  ++impl_->changes;
  impl_->Record({{"op", "reset_account"}, {"account", account}},
                nlohmann::json{{"existed", existed}});
  return existed;
}

void Sandbox::SetRecorder(Recorder recorder) { impl_->recorder = std::move(recorder); }

std::uint64_t Sandbox::PeekRandom() const {
  engine::Rng copy = impl_->world.rng();
  return copy.Next();
}

Result<nlohmann::json> Sandbox::Replay(const nlohmann::json& op) {
  auto text = [&op](const char* key) -> const std::string* {
    auto it = op.find(key);
    return it != op.end() && it->is_string() ? it->get_ptr<const std::string*>() : nullptr;
  };
  const std::string* kind = op.is_object() ? text("op") : nullptr;
  const std::string* account = kind != nullptr ? text("account") : nullptr;
  if (account == nullptr) {
    return MakeError(ErrorCode::kSimInvalidInput,
                     "Not a sandbox operation (needs \"op\" and \"account\"): " + op.dump());
  }
  struct Quiet {
    bool& flag;
    explicit Quiet(bool& f) : flag(f) { flag = true; }
    ~Quiet() { flag = false; }
  } quiet(impl_->replaying);
  if (*kind == "reset_account") return nlohmann::json{{"existed", ResetAccount(*account)}};
  // The keys the operation took when it first ran: the same keys, without generating them.
  if (auto keys = op.find("keys"); keys != op.end() && keys->is_array()) {
    for (const nlohmann::json& k : *keys) {
      if (std::optional<model::KeyUse> use = api::KeyUseFromJson(k)) {
        model::RememberKeyPair(use->spec, std::move(use->key));
      }
    }
  }
  const std::string* region = text("region");
  if (region != nullptr && *kind == "call" && text("action") != nullptr) {
    return Call(*text("action"), op.value("params", nlohmann::json::object()),
                CallContext{*account, *region});
  }
  if (region != nullptr && *kind == "probe" && op.contains("spec")) {
    auto flag = op.find("confined");
    bool confined = flag != op.end() && flag->is_boolean() && flag->get<bool>();
    return Probe(op["spec"], CallContext{*account, *region, !confined});
  }
  if (region != nullptr && *kind == "traffic" && op.contains("spec")) {
    auto flag = op.find("confined");
    bool confined = flag != op.end() && flag->is_boolean() && flag->get<bool>();
    return Traffic(op["spec"], CallContext{*account, *region, !confined});
  }
  if (region != nullptr && *kind == "cpu" && op.contains("spec")) {
    return Cpu(op["spec"], CallContext{*account, *region});
  }
  return MakeError(ErrorCode::kSimInvalidInput,
                   "Unknown or incomplete sandbox operation: " + op.dump());
}

}  // namespace ec2sim
