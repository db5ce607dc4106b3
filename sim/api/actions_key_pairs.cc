// Key pair actions: CreateKeyPair, ImportKeyPair, DeleteKeyPair, DescribeKeyPairs.
#include <algorithm>

#include "sim/api/action_table.h"
#include "sim/api/describe.h"
#include "sim/api/filters.h"
#include "sim/api/render.h"
#include "sim/model/key_pairs.h"
#include "sim/model/ssh_format.h"

namespace ec2sim::api {
namespace {

using model::KeyPairRecord;

Result<json> CreateKeyPairHandler(ApiContext& ctx, Params& p) {
  std::string name = p.String("KeyName");
  std::string type = p.OptString("KeyType").value_or("rsa");
  std::string format = p.OptString("KeyFormat").value_or("pem");
  model::TagList tags = p.TagSpecifications("key-pair");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  if (type != "rsa" && type != "ed25519") {
    return MakeError(ErrorCode::kInvalidParameterValue,
                     "Value (" + type +
                         ") for parameter KeyType is invalid. Valid values: rsa, "
                         "ed25519");
  }
  if (format != "pem" && format != "ppk") {
    return MakeError(ErrorCode::kInvalidParameterValue,
                     "Value (" + format +
                         ") for parameter KeyFormat is invalid. Valid values: "
                         "pem, ppk");
  }
  EC2SIM_ASSIGN_OR_RETURN(
      model::CreatedKeyPair created,
      model::CreateKeyPair(ctx.world, ctx.scope, name,
                           type == "rsa" ? model::KeyType::kRsa : model::KeyType::kEd25519,
                           format == "pem" ? model::KeyFormat::kPem : model::KeyFormat::kPpk,
                           tags));
  // EC2 returns the key text without a final newline.
  std::string material = created.key_material;
  while (!material.empty() && material.back() == '\n') material.pop_back();
  json out = {{"KeyFingerprint", created.record->fingerprint},
              {"KeyMaterial", material},
              {"KeyName", created.record->name},
              {"KeyPairId", created.record->key_pair_id}};
  if (!tags.empty()) out["Tags"] = TagsJson(tags);
  return out;
}

Result<json> ImportKeyPairHandler(ApiContext& ctx, Params& p) {
  std::string name = p.String("KeyName");
  std::string material = p.String("PublicKeyMaterial");
  model::TagList tags = p.TagSpecifications("key-pair");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  // PublicKeyMaterial is a blob: JSON requests may carry the OpenSSH line as text, or base64
  // of it as the CLI's --cli-input-json and the wire protocol do.
  if (material.rfind("ssh-", 0) != 0) {
    if (auto decoded = model::ssh::Base64Decode(material)) material = *decoded;
  }
  EC2SIM_ASSIGN_OR_RETURN(KeyPairRecord * k,
                          model::ImportKeyPair(ctx.world, ctx.scope, name, material, tags));
  json out = {
      {"KeyFingerprint", k->fingerprint}, {"KeyName", k->name}, {"KeyPairId", k->key_pair_id}};
  if (!tags.empty()) out["Tags"] = TagsJson(tags);
  return out;
}

Result<json> DeleteKeyPairHandler(ApiContext& ctx, Params& p) {
  std::string name = p.OptString("KeyName").value_or("");
  std::string id = p.OptString("KeyPairId").value_or("");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  if (name.empty() && id.empty()) {
    return MakeError(ErrorCode::kMissingParameter,
                     "The request must contain the parameter KeyName or KeyPairId");
  }
  auto found = model::FindKeyPair(ctx.scope, name, id);
  // Deleting an unknown key *name* succeeds, as EC2 treats the call as idempotent; an unknown
  // key pair id is an error (ec2-semantics.md §4; behaviour for names is [unverified]).
  if (!found.ok()) {
    if (!name.empty()) return json{{"Return", true}};
    return std::move(found).error();
  }
  std::string deleted_id = found.value()->key_pair_id;
  ctx.scope.key_pairs.Erase(found.value()->name);
  return json{{"Return", true}, {"KeyPairId", deleted_id}};
}

FilterSchema<KeyPairRecord> KeyPairFilters() {
  FilterSchema<KeyPairRecord> s;
  auto one = [](std::string v) { return std::vector<std::string>{std::move(v)}; };
  s.fields["key-name"] = [=](const KeyPairRecord& k) { return one(k.name); };
  s.fields["key-pair-id"] = [=](const KeyPairRecord& k) { return one(k.key_pair_id); };
  s.fields["fingerprint"] = [=](const KeyPairRecord& k) { return one(k.fingerprint); };
  s.fields["key-type"] = [=](const KeyPairRecord& k) { return one(k.type); };
  s.tags = [](const KeyPairRecord& k) -> const model::TagList& { return k.tags; };
  return s;
}

json KeyPairJson(const KeyPairRecord& k, bool include_public) {
  // The private key is never shown again after CreateKeyPair.
  json j = {{"KeyPairId", k.key_pair_id}, {"KeyFingerprint", k.fingerprint},
            {"KeyName", k.name},          {"KeyType", k.type},
            {"Tags", TagsJson(k.tags)},   {"CreateTime", FormatIsoTime(k.create_time)}};
  if (include_public) j["PublicKey"] = k.public_key;
  return j;
}

Result<json> DescribeKeyPairsHandler(ApiContext& ctx, Params& p) {
  const model::ResourceKind& kind = model::KindInfo(model::Kind::kKeyPair);
  DescribeQuery query;
  std::vector<std::string> names = p.StringList("KeyNames");
  query.ids = p.StringList(kind.ids_param);
  query.filters = p.Filters();
  bool include_public = p.OptBool("IncludePublicKey").value_or(false);
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  FilterSchema<KeyPairRecord> schema = KeyPairFilters();
  model::Scope& scope = ctx.scope;
  auto listed = [](const std::vector<std::string>& list, const std::string& v) {
    return list.empty() || std::find(list.begin(), list.end(), v) != list.end();
  };
  DescribeSpec<KeyPairRecord> spec;
  spec.schema = &schema;
  // Names first, then ids: the first unknown one is the answer.
  spec.check_ids = [&]() -> Status {
    for (const std::string& n : names) EC2SIM_RETURN_IF_ERROR(model::FindKeyPair(scope, n, ""));
    return model::CheckIds(kind, scope, query.ids);
  };
  // Names and ids both narrow the answer.
  spec.requested = [&](const KeyPairRecord& k) {
    return listed(names, k.name) && listed(query.ids, k.key_pair_id);
  };
  return DescribeList(scope, scope.key_pairs.values(), query, spec, kind.list_member,
                      [&](const KeyPairRecord& k) { return KeyPairJson(k, include_public); });
}

}  // namespace

void RegisterKeyPairActions(ActionTable& table) {
  table.Add("CreateKeyPair", CreateKeyPairHandler, kMutating);
  table.Add("ImportKeyPair", ImportKeyPairHandler, kMutating);
  table.Add("DeleteKeyPair", DeleteKeyPairHandler, kMutating);
  table.Add("DescribeKeyPairs", DescribeKeyPairsHandler, kStateDescribe);
}

}  // namespace ec2sim::api
