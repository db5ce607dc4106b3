// Detailed monitoring (MonitorInstances, UnmonitorInstances) and the account's EBS encryption
// defaults (Enable/Disable/GetEbsEncryptionByDefault, Get/Modify/ResetEbsDefaultKmsKeyId).
// Neither has a meter here: detailed monitoring is billed by CloudWatch, not EC2, and a KMS key
// is billed by KMS.
#include "sim/api/action_table.h"
#include "sim/model/instances.h"

namespace ec2sim::api {
namespace {

using model::Instance;

// Both answer each instance with the state the change passes through ("pending" when
// enabling, "disabling" when disabling); the model applies it at once, so DescribeInstances
// already shows "enabled" or "disabled".
// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_MonitorInstances.html
// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_UnmonitorInstances.html
Result<json> SetMonitoring(ApiContext& ctx, Params& p, bool enable) {
  std::vector<std::string> ids = p.StringList("InstanceIds");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  if (ids.empty()) {
    return MakeError(ErrorCode::kMissingParameter,
                     "The request must contain the parameter InstanceId");
  }
  // Every id is checked before any instance changes: one unknown id changes nothing.
  std::vector<Instance*> found;
  for (const std::string& id : ids) {
    EC2SIM_ASSIGN_OR_RETURN(Instance * inst, model::FindInstance(ctx.scope, id));
    found.push_back(inst);
  }
  json list = json::array();
  for (Instance* inst : found) {
    inst->monitoring = enable ? "enabled" : "disabled";
    list.push_back(
        {{"InstanceId", inst->id}, {"Monitoring", {{"State", enable ? "pending" : "disabling"}}}});
  }
  return json{{"InstanceMonitorings", std::move(list)}};
}

Result<json> MonitorInstancesHandler(ApiContext& ctx, Params& p) {
  return SetMonitoring(ctx, p, true);
}
Result<json> UnmonitorInstancesHandler(ApiContext& ctx, Params& p) {
  return SetMonitoring(ctx, p, false);
}

// The AWS managed key for EBS when the account names none: its alias ARN in the account and
// region ("If you have not specified a customer managed key, Amazon EBS uses the AWS managed
// key", https://docs.aws.amazon.com/ebs/latest/userguide/encryption-by-default.html).
std::string DefaultKmsKeyId(const ApiContext& ctx) {
  if (!ctx.scope.ebs_default_kms_key_id.empty()) return ctx.scope.ebs_default_kms_key_id;
  return "arn:aws:kms:" + ctx.scope.region->code + ":" + ctx.scope.account + ":alias/aws/ebs";
}

// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_EnableEbsEncryptionByDefault.html
Result<json> SetEbsEncryptionByDefault(ApiContext& ctx, Params& p, bool enable) {
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  ctx.scope.ebs_encryption_by_default = enable;
  return json{{"EbsEncryptionByDefault", enable}};
}
Result<json> EnableEbsEncryptionByDefaultHandler(ApiContext& ctx, Params& p) {
  return SetEbsEncryptionByDefault(ctx, p, true);
}
Result<json> DisableEbsEncryptionByDefaultHandler(ApiContext& ctx, Params& p) {
  return SetEbsEncryptionByDefault(ctx, p, false);
}
Result<json> GetEbsEncryptionByDefaultHandler(ApiContext& ctx, Params& p) {
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  return json{{"EbsEncryptionByDefault", ctx.scope.ebs_encryption_by_default}};
}

Result<json> GetEbsDefaultKmsKeyIdHandler(ApiContext& ctx, Params& p) {
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  return json{{"KmsKeyId", DefaultKmsKeyId(ctx)}};
}

// The key may be named by id, alias, or either's ARN; the simulator keeps no KMS keys, so it
// keeps the name as given.
// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifyEbsDefaultKmsKeyId.html
Result<json> ModifyEbsDefaultKmsKeyIdHandler(ApiContext& ctx, Params& p) {
  std::string key = p.String("KmsKeyId");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  ctx.scope.ebs_default_kms_key_id = key;
  return json{{"KmsKeyId", DefaultKmsKeyId(ctx)}};
}
Result<json> ResetEbsDefaultKmsKeyIdHandler(ApiContext& ctx, Params& p) {
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  ctx.scope.ebs_default_kms_key_id.clear();
  return json{{"KmsKeyId", DefaultKmsKeyId(ctx)}};
}

}  // namespace

void RegisterMonitoringActions(ActionTable& table) {
  table.Add("MonitorInstances", MonitorInstancesHandler, kMutating);
  table.Add("UnmonitorInstances", UnmonitorInstancesHandler, kMutating);
  table.Add("EnableEbsEncryptionByDefault", EnableEbsEncryptionByDefaultHandler, kMutating);
  table.Add("DisableEbsEncryptionByDefault", DisableEbsEncryptionByDefaultHandler, kMutating);
  table.Add("GetEbsEncryptionByDefault", GetEbsEncryptionByDefaultHandler, kStateDescribe);
  table.Add("GetEbsDefaultKmsKeyId", GetEbsDefaultKmsKeyIdHandler, kStateDescribe);
  table.Add("ModifyEbsDefaultKmsKeyId", ModifyEbsDefaultKmsKeyIdHandler, kMutating);
  table.Add("ResetEbsDefaultKmsKeyId", ResetEbsDefaultKmsKeyIdHandler, kMutating);
}

}  // namespace ec2sim::api
