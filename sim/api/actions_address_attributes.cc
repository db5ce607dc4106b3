// Elastic IP address attributes: the reverse DNS (PTR) record, read and changed by
// DescribeAddressesAttribute, ModifyAddressAttribute and ResetAddressAttribute.
// https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/elastic-ip-addresses-eip.html#Using_Elastic_Addressing_Reverse_DNS
#include <cctype>

#include "sim/api/action_table.h"
#include "sim/api/describe.h"
#include "sim/api/filters.h"
#include "sim/model/addresses.h"
#include "sim/model/resource_kinds.h"

namespace ec2sim::api {
namespace {

using model::Address;

json AddressAttributeJson(const Address& a) {
  json j(json::value_t::object);
  j["AllocationId"] = a.allocation_id;
  j["PublicIp"] = model::FormatIpv4(a.public_ip);
  if (!a.ptr_record.empty()) j["PtrRecord"] = a.ptr_record;
  return j;
}

// The answer of Modify/ResetAddressAttribute: the record as it was, and the update, which AWS
// reports PENDING; the model applies it at once, so a later DescribeAddressesAttribute shows it.
json PtrUpdateJson(const Address& before, const std::string& value) {
  json j = AddressAttributeJson(before);
  json update(json::value_t::object);
  if (!value.empty()) update["Value"] = value;
  update["Status"] = "PENDING";
  j["PtrRecordUpdate"] = std::move(update);
  json out(json::value_t::object);
  out["Address"] = std::move(j);
  return out;
}

Status CheckAttributeName(const std::string& attribute) {
  if (attribute == "domain-name") return OkStatus();
  return MakeError(ErrorCode::kInvalidParameterValue,
                   "Value (" + attribute + ") for parameter attribute is invalid.");
}

// A host name of dot-separated labels (letters, digits, hyphens; 1-63 characters each), at most
// 253 characters; answered with the root's trailing dot, as DNS writes PTR targets.
Result<std::string> NormalizeDomainName(std::string name) {
  if (!name.empty() && name.back() == '.') name.pop_back();
  bool ok = !name.empty() && name.size() <= 253;
  size_t label = 0;
  for (char c : name) {
    if (c == '.') {
      ok = ok && label > 0;
      label = 0;
    } else {
      ok = ok && (std::isalnum(static_cast<unsigned char>(c)) || c == '-') && ++label <= 63;
    }
  }
  if (!ok || label == 0) {
    return MakeError(ErrorCode::kInvalidParameterValue,
                     "Value (" + name + ") for parameter domainName is invalid.");
  }
  return name + ".";
}

Result<json> DescribeAddressesAttributeHandler(ApiContext& ctx, Params& p) {
  DescribeQuery query = ReadDescribeQuery(p, "AllocationIds", PageSizeRange{1, 1000});
  std::string attribute = p.OptString("Attribute").value_or("domain-name");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  EC2SIM_RETURN_IF_ERROR(CheckAttributeName(attribute));
  FilterSchema<Address> schema;
  const model::ResourceKind& kind = model::KindInfo(model::Kind::kAddress);
  DescribeSpec<Address> spec = KindSpec(schema, kind, IdMember<Address, &Address::allocation_id>);
  model::Scope& scope = ctx.scope;
  spec.check_ids = [&scope, &query]() -> Status {
    for (const std::string& id : query.ids) {
      EC2SIM_RETURN_IF_ERROR(model::FindAddress(scope, id, ""));
    }
    return OkStatus();
  };
  return DescribeList(scope, scope.addresses.values(), query, spec, "Addresses",
                      AddressAttributeJson);
}

Result<json> ModifyAddressAttributeHandler(ApiContext& ctx, Params& p) {
  std::string allocation_id = p.String("AllocationId");
  std::string domain = p.OptString("DomainName").value_or("");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  EC2SIM_ASSIGN_OR_RETURN(Address * a, model::FindAddress(ctx.scope, allocation_id, ""));
  EC2SIM_ASSIGN_OR_RETURN(std::string record, NormalizeDomainName(domain));
  json out = PtrUpdateJson(*a, record);
  a->ptr_record = record;
  return out;
}

Result<json> ResetAddressAttributeHandler(ApiContext& ctx, Params& p) {
  std::string allocation_id = p.String("AllocationId");
  std::string attribute = p.String("Attribute");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  EC2SIM_RETURN_IF_ERROR(CheckAttributeName(attribute));
  EC2SIM_ASSIGN_OR_RETURN(Address * a, model::FindAddress(ctx.scope, allocation_id, ""));
  json out = PtrUpdateJson(*a, "");
  a->ptr_record.clear();
  return out;
}

}  // namespace

void RegisterAddressAttributeActions(ActionTable& table) {
  table.Add("DescribeAddressesAttribute", DescribeAddressesAttributeHandler, kStateDescribe);
  table.Add("ModifyAddressAttribute", ModifyAddressAttributeHandler, kMutating);
  table.Add("ResetAddressAttribute", ResetAddressAttributeHandler, kMutating);
}

}  // namespace ec2sim::api
