// Instance attributes: DescribeInstanceAttribute, ModifyInstanceAttribute,
// ResetInstanceAttribute, ModifyInstanceMetadataOptions and GetConsoleOutput.
#include "sim/api/action_table.h"
#include "sim/api/instance_attribute_params.h"
#include "sim/api/render.h"
#include "sim/model/instance_attributes.h"
#include "sim/model/instances.h"
#include "sim/model/security_groups.h"
#include "sim/model/ssh_format.h"

namespace ec2sim::api {
namespace {

using model::Instance;

json AttrValueJson(json value) {
  json out(json::value_t::object);
  out["Value"] = std::move(value);
  return out;
}
// An AttributeValue with no value: AWS answers an empty element (kernel, ramdisk, userData).
json OptionalAttrJson(const std::string& value) {
  return value.empty() ? json::object() : AttrValueJson(value);
}

Error UnknownAttributeError(const std::string& attribute) {
  return MakeError(ErrorCode::kInvalidParameterValue,
                   "Value (" + attribute +
                       ") for parameter attribute is invalid. Unknown "
                       "attribute.");
}

// The member of DescribeInstanceAttribute's answer for one attribute name (InstanceAttributeName)
// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeInstanceAttribute.html
Result<std::pair<const char*, json>> AttributeMember(model::Scope& scope, const Instance& inst,
                                                     const std::string& attribute) {
  const model::NetworkInterface* eni = scope.interfaces.Find(inst.eni_id);
  if (attribute == "instanceType")
    return std::pair{"InstanceType", AttrValueJson(inst.instance_type)};
  if (attribute == "kernel") return std::pair{"KernelId", json::object()};
  if (attribute == "ramdisk") return std::pair{"RamdiskId", json::object()};
  if (attribute == "userData") return std::pair{"UserData", OptionalAttrJson(inst.user_data)};
  if (attribute == "disableApiTermination") {
    return std::pair{"DisableApiTermination", AttrValueJson(inst.disable_api_termination)};
  }
  if (attribute == "disableApiStop") {
    return std::pair{"DisableApiStop", AttrValueJson(inst.disable_api_stop)};
  }
  if (attribute == "instanceInitiatedShutdownBehavior") {
    return std::pair{"InstanceInitiatedShutdownBehavior", AttrValueJson(inst.shutdown_behavior)};
  }
  if (attribute == "rootDeviceName") {
    return std::pair{"RootDeviceName", AttrValueJson(inst.root_device_name)};
  }
  if (attribute == "blockDeviceMapping") {
    return std::pair{"BlockDeviceMappings", InstanceJson(scope, inst)["BlockDeviceMappings"]};
  }
  if (attribute == "productCodes") return std::pair{"ProductCodes", json::array()};
  if (attribute == "sourceDestCheck") {
    return std::pair{"SourceDestCheck", AttrValueJson(eni == nullptr || eni->source_dest_check)};
  }
  if (attribute == "groupSet") {
    return std::pair{"Groups", eni ? GroupIdentifiers(scope, eni->group_ids) : json::array()};
  }
  if (attribute == "ebsOptimized")
    return std::pair{"EbsOptimized", AttrValueJson(inst.ebs_optimized)};
  if (attribute == "sriovNetSupport") {
    return std::pair{"SriovNetSupport", OptionalAttrJson(inst.sriov_net_support)};
  }
  if (attribute == "enaSupport") return std::pair{"EnaSupport", AttrValueJson(inst.ena_support)};
  if (attribute == "enclaveOptions") {
    json enclave(json::value_t::object);
    enclave["Enabled"] = false;
    return std::pair{"EnclaveOptions", std::move(enclave)};
  }
  return UnknownAttributeError(attribute);
}

Result<json> DescribeInstanceAttributeHandler(ApiContext& ctx, Params& p) {
  std::string instance_id = p.String("InstanceId");
  std::string attribute = p.String("Attribute");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  EC2SIM_ASSIGN_OR_RETURN(Instance * inst, model::FindInstance(ctx.scope, instance_id));
  EC2SIM_ASSIGN_OR_RETURN(auto member, AttributeMember(ctx.scope, *inst, attribute));
  json out(json::value_t::object);
  out[member.first] = std::move(member.second);
  out["InstanceId"] = inst->id;
  return out;
}

// One change ModifyInstanceAttribute asks for: an attribute name (as the Attribute parameter
// spells it) and its value (string, boolean or, for groupSet, a list of ids).
struct AttributeChange {
  std::string attribute;
  json value;
};

// The structure members of ModifyInstanceAttribute and the attribute each sets.
// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifyInstanceAttribute.html
constexpr std::pair<const char*, const char*> kBoolMembers[] = {
    {"DisableApiTermination", "disableApiTermination"},
    {"DisableApiStop", "disableApiStop"},
    {"EbsOptimized", "ebsOptimized"},
    {"EnaSupport", "enaSupport"},
    {"SourceDestCheck", "sourceDestCheck"}};
constexpr std::pair<const char*, const char*> kValueMembers[] = {
    {"InstanceType", "instanceType"},
    {"InstanceInitiatedShutdownBehavior", "instanceInitiatedShutdownBehavior"},
    {"SriovNetSupport", "sriovNetSupport"},
    {"UserData", "userData"},
    {"Kernel", "kernel"},
    {"Ramdisk", "ramdisk"}};

// Reads the one change of a ModifyInstanceAttribute request; AWS takes a single attribute per
// call, either as Attribute + Value or as one of the structure members.
std::vector<AttributeChange> ReadAttributeChanges(Params& p) {
  std::vector<AttributeChange> changes;
  std::optional<std::string> attribute = p.OptString("Attribute");
  std::optional<std::string> value = p.OptString("Value");
  if (attribute) changes.push_back({*attribute, value ? json(*value) : json()});
  for (const auto& [member, name] : kBoolMembers) {
    if (std::optional<bool> b = p.OptAttributeBool(member)) changes.push_back({name, *b});
  }
  for (const auto& [member, name] : kValueMembers) {
    const json* v = p.Raw(member);
    if (v == nullptr) continue;
    if (!v->is_object() || !v->contains("Value") || !(*v)["Value"].is_string()) {
      p.Fail(MakeError(ErrorCode::kInvalidParameterValue,
                       std::string("The parameter ") + member + " must hold a Value"));
      continue;
    }
    changes.push_back({name, (*v)["Value"]});
  }
  if (p.Has("Groups")) changes.push_back({"groupSet", p.StringList("Groups")});
  if (const json* bdms = p.Raw("BlockDeviceMappings"))
    changes.push_back({"blockDeviceMapping", *bdms});
  return changes;
}

// A boolean change sent as Attribute + Value arrives as the string "true" or "false".
Result<bool> ChangeBool(const AttributeChange& change) {
  if (change.value.is_boolean()) return change.value.get<bool>();
  if (change.value.is_string()) {
    std::string s = change.value.get<std::string>();
    if (s == "true") return true;
    if (s == "false") return false;
  }
  return MakeError(ErrorCode::kInvalidParameterValue,
                   "Value for parameter " + change.attribute + " must be true or false");
}

// BlockDeviceMappings: only DeleteOnTermination of an attached volume can change.
Status ChangeDeleteOnTermination(model::Scope& scope, const Instance& inst, const json& list) {
  for (const json& bdm : list.is_array() ? list : json::array()) {
    if (!bdm.is_object() || !bdm.contains("DeviceName") || !bdm["DeviceName"].is_string()) {
      return MakeError(ErrorCode::kMissingParameter,
                       "The request must contain the parameter BlockDeviceMapping.DeviceName");
    }
    std::string device = bdm["DeviceName"].get<std::string>();
    model::Volume* root = scope.volumes.Find(inst.root_volume_id);
    if (root == nullptr || root->device != device) {
      return MakeError(ErrorCode::kInvalidParameterValue,
                       "The device '" + device + "' is not attached to the instance.");
    }
    if (bdm.contains("Ebs") && bdm["Ebs"].is_object() &&
        bdm["Ebs"].contains("DeleteOnTermination") &&
        bdm["Ebs"]["DeleteOnTermination"].is_boolean()) {
      root->delete_on_termination = bdm["Ebs"]["DeleteOnTermination"].get<bool>();
    }
  }
  return OkStatus();
}

Status ApplyBoolChange(model::Scope& scope, Instance& inst, const AttributeChange& change) {
  EC2SIM_ASSIGN_OR_RETURN(bool on, ChangeBool(change));
  const std::string& a = change.attribute;
  if (a == "disableApiTermination") {
    inst.disable_api_termination = on;
  } else if (a == "disableApiStop") {
    inst.disable_api_stop = on;
  } else if (a == "sourceDestCheck") {
    model::NetworkInterface* eni = model::PrimaryInterface(scope, inst);
    if (eni != nullptr) eni->source_dest_check = on;
  } else {
    // EBS optimization and ENA change only while the instance is stopped
    // (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ebs-optimized.html).
    EC2SIM_RETURN_IF_ERROR(model::RequireStopped(inst));
    (a == "ebsOptimized" ? inst.ebs_optimized : inst.ena_support) = on;
  }
  return OkStatus();
}

Status ApplyChange(model::Scope& scope, Instance& inst, const AttributeChange& change) {
  const std::string& a = change.attribute;
  if (a == "disableApiTermination" || a == "disableApiStop" || a == "sourceDestCheck" ||
      a == "ebsOptimized" || a == "enaSupport") {
    return ApplyBoolChange(scope, inst, change);
  }
  if (a == "groupSet") {
    model::NetworkInterface* eni = model::PrimaryInterface(scope, inst);
    if (eni == nullptr) {
      return MakeError(ErrorCode::kIncorrectInstanceState,
                       "The instance '" + inst.id +
                           "' is not in a state in which its security groups can be changed.");
    }
    std::vector<std::string> ids;
    if (change.value.is_string()) ids.push_back(change.value.get<std::string>());
    if (change.value.is_array()) ids = change.value.get<std::vector<std::string>>();
    return model::SetInterfaceGroups(scope, *eni, ids);
  }
  if (a == "blockDeviceMapping") return ChangeDeleteOnTermination(scope, inst, change.value);
  std::string value = change.value.is_string() ? change.value.get<std::string>() : "";
  if (a == "instanceType") return model::ChangeInstanceType(scope, inst, value);
  if (a == "userData") return model::ChangeUserData(inst, value);
  if (a == "instanceInitiatedShutdownBehavior") {
    if (value != "stop" && value != "terminate") {
      return MakeError(
          ErrorCode::kInvalidParameterValue,
          "Value (" + value + ") for parameter instanceInitiatedShutdownBehavior is invalid.");
    }
    inst.shutdown_behavior = value;
    return OkStatus();
  }
  if (a == "sriovNetSupport") {
    if (value != "simple") {
      return MakeError(ErrorCode::kInvalidParameterValue,
                       "Value (" + value + ") for parameter sriovNetSupport is invalid.");
    }
    EC2SIM_RETURN_IF_ERROR(model::RequireStopped(inst));
    inst.sriov_net_support = value;
    return OkStatus();
  }
  if (a == "kernel" || a == "ramdisk") {
    // Kernel and RAM disk ids belong to paravirtual images, which the catalog has none of.
    return MakeError(ErrorCode::kInvalidParameterValue,
                     "Value (" + value + ") for parameter " + a + " is invalid.");
  }
  if (a == "rootDeviceName" || a == "productCodes" || a == "enclaveOptions") {
    return MakeError(ErrorCode::kInvalidParameterValue,
                     "Value (" + a +
                         ") for parameter attribute is invalid. This attribute "
                         "cannot be modified.");
  }
  return UnknownAttributeError(a);
}

Result<json> ModifyInstanceAttributeHandler(ApiContext& ctx, Params& p) {
  std::string instance_id = p.String("InstanceId");
  std::vector<AttributeChange> changes = ReadAttributeChanges(p);
  if (changes.empty()) {
    p.Fail(MakeError(ErrorCode::kMissingParameter,
                     "The request must contain an attribute to modify, such as Groups"));
  } else if (changes.size() > 1) {
    p.Fail(MakeError(ErrorCode::kInvalidParameterCombination,
                     "Fields for multiple attribute types specified: " + changes[0].attribute +
                         ", " + changes[1].attribute));
  }
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  EC2SIM_ASSIGN_OR_RETURN(Instance * inst, model::FindInstance(ctx.scope, instance_id));
  EC2SIM_RETURN_IF_ERROR(ApplyChange(ctx.scope, *inst, changes[0]));
  return json::object();
}

// AWS resets only kernel, ramdisk and sourceDestCheck; kernel and ramdisk while stopped.
// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ResetInstanceAttribute.html
Result<json> ResetInstanceAttributeHandler(ApiContext& ctx, Params& p) {
  std::string instance_id = p.String("InstanceId");
  std::string attribute = p.String("Attribute");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  EC2SIM_ASSIGN_OR_RETURN(Instance * inst, model::FindInstance(ctx.scope, instance_id));
  if (attribute == "sourceDestCheck") {
    if (model::NetworkInterface* eni = model::PrimaryInterface(ctx.scope, *inst)) {
      eni->source_dest_check = true;
    }
  } else if (attribute == "kernel" || attribute == "ramdisk") {
    EC2SIM_RETURN_IF_ERROR(model::RequireStopped(*inst));
  } else {
    return MakeError(ErrorCode::kInvalidParameterValue,
                     "Value (" + attribute +
                         ") for parameter attribute is invalid. Only "
                         "kernel, ramdisk and sourceDestCheck can be reset.");
  }
  return json::object();
}

Result<json> ModifyInstanceMetadataOptionsHandler(ApiContext& ctx, Params& p) {
  std::string instance_id = p.String("InstanceId");
  MetadataChange c = ReadMetadataChange(p);
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  EC2SIM_ASSIGN_OR_RETURN(Instance * inst, model::FindInstance(ctx.scope, instance_id));
  if (inst->state == model::InstanceState::kTerminated ||
      inst->state == model::InstanceState::kShuttingDown) {
    return MakeError(ErrorCode::kIncorrectInstanceState, "The instance '" + inst->id +
                                                             "' is not in a valid state for this "
                                                             "operation.");
  }
  ApplyMetadataChange(c, inst->metadata);
  json out(json::value_t::object);
  out["InstanceId"] = inst->id;
  // The answer shows the change as pending; the model applies it at once, so DescribeInstances
  // already shows it applied.
  out["InstanceMetadataOptions"] = MetadataOptionsJson(*inst, "pending");
  return out;
}

// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_GetConsoleOutput.html
Result<json> GetConsoleOutputHandler(ApiContext& ctx, Params& p) {
  std::string instance_id = p.String("InstanceId");
  p.OptBool("Latest");  // the model keeps one boot log: the latest and the last are the same
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  EC2SIM_ASSIGN_OR_RETURN(Instance * inst, model::FindInstance(ctx.scope, instance_id));
  json out(json::value_t::object);
  out["InstanceId"] = inst->id;
  std::string log = model::ConsoleLog(ctx.scope, *inst);
  if (!log.empty()) out["Output"] = model::ssh::Base64Encode(log);
  out["Timestamp"] = FormatIsoTime(model::ConsoleLogTime(*inst));
  return out;
}

}  // namespace

void RegisterInstanceAttributeActions(ActionTable& table) {
  table.Add("DescribeInstanceAttribute", DescribeInstanceAttributeHandler, kStateDescribe);
  table.Add("ModifyInstanceAttribute", ModifyInstanceAttributeHandler, kMutating);
  table.Add("ResetInstanceAttribute", ResetInstanceAttributeHandler, kMutating);
  table.Add("ModifyInstanceMetadataOptions", ModifyInstanceMetadataOptionsHandler, kMutating);
  table.Add("GetConsoleOutput", GetConsoleOutputHandler, kStateDescribe);
}

}  // namespace ec2sim::api
