// CPU credit options of burstable instances: DescribeInstanceCreditSpecifications,
// ModifyInstanceCreditSpecification, GetDefaultCreditSpecification and
// ModifyDefaultCreditSpecification.
#include "sim/api/action_table.h"
#include "sim/api/describe.h"
#include "sim/api/filters.h"
#include "sim/model/instance_attributes.h"
#include "sim/model/instances.h"
#include "sim/model/resource_kinds.h"

namespace ec2sim::api {
namespace {

using model::Instance;

json CreditSpecJson(model::Scope& scope, const Instance& inst) {
  json j(json::value_t::object);
  j["InstanceId"] = inst.id;
  j["CpuCredits"] = model::EffectiveCpuCredits(scope, inst);
  return j;
}

Status CheckCpuCredits(const std::string& mode) {
  if (mode == "standard" || mode == "unlimited") return OkStatus();
  return MakeError(ErrorCode::kInvalidParameterValue,
                   "Value (" + mode + ") for parameter CpuCredits is invalid.");
}

// Without ids AWS lists the burstable instances in unlimited mode; with ids, each named
// instance, and a type without credits is an error.
// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeInstanceCreditSpecifications.html
Result<json> DescribeCreditSpecificationsHandler(ApiContext& ctx, Params& p) {
  const model::ResourceKind& kind = model::KindInfo(model::Kind::kInstance);
  DescribeQuery query = ReadDescribeQuery(p, kind.ids_param, PageSizeRange{5, 1000});
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  FilterSchema<Instance> schema;
  schema.fields["instance-id"] = [](const Instance& i) { return std::vector<std::string>{i.id}; };
  DescribeSpec<Instance> spec = KindSpec(schema, kind, IdMember<Instance, &Instance::id>);
  spec.page_size_excludes_ids = PageSizeExcludesIds{"InstanceIds", "MaxResults"};
  model::Scope& scope = ctx.scope;
  bool named = !query.ids.empty();
  spec.also = [&scope, named](const Instance& inst) {
    if (named) return true;
    return inst.state != model::InstanceState::kTerminated &&
           model::BurstableFamily(inst.instance_type).has_value() &&
           model::EffectiveCpuCredits(scope, inst) == "unlimited";
  };
  EC2SIM_RETURN_IF_ERROR(CheckDescribe(scope, query, spec));
  for (const std::string& id : query.ids) {
    const Instance* inst = scope.instances.Find(id);
    if (inst != nullptr && !model::BurstableFamily(inst->instance_type)) {
      return MakeError(ErrorCode::kInvalidParameterValue,
                       "The instance '" + id + "' is not a burstable performance instance.");
    }
  }
  return DescribeList(scope, scope.instances.values(), query, spec, "InstanceCreditSpecifications",
                      [&](const Instance& inst) { return CreditSpecJson(scope, inst); });
}

struct CreditRequest {
  std::string instance_id;
  std::string cpu_credits;
};

std::vector<CreditRequest> ReadCreditRequests(Params& p) {
  std::vector<CreditRequest> out;
  const json* list = p.List("InstanceCreditSpecifications");
  if (!p.Has("InstanceCreditSpecifications")) {
    p.Fail(MakeError(ErrorCode::kMissingParameter,
                     "The request must contain the parameter InstanceCreditSpecifications"));
  }
  if (list == nullptr) return out;
  for (size_t i = 0; i < list->size(); ++i) {
    Params item((*list)[i], "InstanceCreditSpecifications[" + std::to_string(i) + "]", p);
    CreditRequest r;
    r.instance_id = item.String("InstanceId");
    r.cpu_credits = item.OptString("CpuCredits").value_or("");
    item.Done();
    if (Status s = CheckCpuCredits(r.cpu_credits); !s.ok()) p.Fail(s.error());
    out.push_back(std::move(r));
  }
  return out;
}

// Each instance succeeds or fails on its own, with the codes AWS lists:
// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_UnsuccessfulInstanceCreditSpecificationItemError.html
Result<json> ModifyCreditSpecificationHandler(ApiContext& ctx, Params& p) {
  p.OptString("ClientToken");
  std::vector<CreditRequest> requests = ReadCreditRequests(p);
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  json ok = json::array();
  json failed = json::array();
  auto fail = [&](const std::string& id, const std::string& code, const std::string& message) {
    json e(json::value_t::object);
    e["Code"] = code;
    e["Message"] = message;
    json item(json::value_t::object);
    item["InstanceId"] = id;
    item["Error"] = std::move(e);
    failed.push_back(std::move(item));
  };
  for (const CreditRequest& r : requests) {
    Result<Instance*> found = model::FindInstance(ctx.scope, r.instance_id);
    if (!found.ok()) {
      fail(r.instance_id, std::string(AwsCode(found.error().code)), found.error().message);
      continue;
    }
    Instance& inst = **found;
    if (inst.state == model::InstanceState::kTerminated ||
        inst.state == model::InstanceState::kShuttingDown) {
      fail(inst.id, "IncorrectInstanceState",
           "The instance '" + inst.id + "' is not in a valid state for this operation.");
    } else if (!model::BurstableFamily(inst.instance_type)) {
      fail(inst.id, "InstanceCreditSpecification.NotSupported",
           "The instance type " + inst.instance_type + " does not support CPU credits.");
    } else {
      inst.cpu_credits = r.cpu_credits;
      model::NoteCpuCreditsChanged(ctx.world, ctx.scope, inst);
      json item(json::value_t::object);
      item["InstanceId"] = inst.id;
      ok.push_back(std::move(item));
    }
  }
  json out(json::value_t::object);
  out["SuccessfulInstanceCreditSpecifications"] = std::move(ok);
  out["UnsuccessfulInstanceCreditSpecifications"] = std::move(failed);
  return out;
}

// The families with a default credit option (InstanceFamily of the API).
Status CheckInstanceFamily(const std::string& family) {
  for (const char* f : {"t2", "t3", "t3a", "t4g"}) {
    if (family == f) return OkStatus();
  }
  return MakeError(ErrorCode::kInvalidParameterValue,
                   "Value (" + family + ") for parameter InstanceFamily is invalid.");
}

json FamilyCreditJson(const model::Scope& scope, const std::string& family) {
  json spec(json::value_t::object);
  spec["InstanceFamily"] = family;
  spec["CpuCredits"] = model::DefaultCpuCredits(scope, family);
  json out(json::value_t::object);
  out["InstanceFamilyCreditSpecification"] = std::move(spec);
  return out;
}

// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_GetDefaultCreditSpecification.html
Result<json> GetDefaultCreditSpecificationHandler(ApiContext& ctx, Params& p) {
  std::string family = p.String("InstanceFamily");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  EC2SIM_RETURN_IF_ERROR(CheckInstanceFamily(family));
  return FamilyCreditJson(ctx.scope, family);
}

// The default applies per account and Region, to instances launched or started without their
// own option afterwards (the model reads it whenever an instance has none of its own).
// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifyDefaultCreditSpecification.html
Result<json> ModifyDefaultCreditSpecificationHandler(ApiContext& ctx, Params& p) {
  std::string family = p.String("InstanceFamily");
  std::string mode = p.String("CpuCredits");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  EC2SIM_RETURN_IF_ERROR(CheckInstanceFamily(family));
  EC2SIM_RETURN_IF_ERROR(CheckCpuCredits(mode));
  ctx.scope.default_cpu_credits[family] = mode;
  for (const model::Instance& inst : ctx.scope.instances.values()) {
    if (inst.cpu_credits.empty() && model::BurstableFamily(inst.instance_type) == family) {
      model::NoteCpuCreditsChanged(ctx.world, ctx.scope, inst);
    }
  }
  return FamilyCreditJson(ctx.scope, family);
}

}  // namespace

void RegisterCreditSpecificationActions(ActionTable& table) {
  table.Add("DescribeInstanceCreditSpecifications", DescribeCreditSpecificationsHandler,
            kStateDescribe);
  table.Add("ModifyInstanceCreditSpecification", ModifyCreditSpecificationHandler, kMutating);
  table.Add("GetDefaultCreditSpecification", GetDefaultCreditSpecificationHandler, kStateDescribe);
  table.Add("ModifyDefaultCreditSpecification", ModifyDefaultCreditSpecificationHandler, kMutating);
}

}  // namespace ec2sim::api
