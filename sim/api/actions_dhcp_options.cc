// DHCP options set actions: CreateDhcpOptions, AssociateDhcpOptions, DeleteDhcpOptions and
// DescribeDhcpOptions, in boto3's shapes. The rules live in sim/model/vpc/dhcp_options.h.
#include "sim/api/actions_describe.h"
#include "sim/api/describe.h"
#include "sim/api/vpc_render.h"
#include "sim/model/vpc/dhcp_options.h"

namespace ec2sim::api {
namespace {

using model::DhcpOptions;

// DhcpConfigurations: [{"Key": "domain-name", "Values": ["example.com"]}].
std::vector<model::DhcpConfiguration> ReadDhcpConfigurations(Params& p) {
  std::vector<model::DhcpConfiguration> out;
  const json* list = p.List("DhcpConfigurations");
  if (list == nullptr) return out;
  for (std::size_t i = 0; i < list->size(); ++i) {
    Params item((*list)[i], "DhcpConfigurations[" + std::to_string(i) + "]", p);
    if (!item.ok()) return out;
    std::string key = item.String("Key");
    std::vector<std::string> values = item.StringList("Values");
    item.Done();
    out.emplace_back(std::move(key), std::move(values));
  }
  return out;
}

// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateDhcpOptions.html
Result<json> CreateDhcpOptionsHandler(ApiContext& ctx, Params& p) {
  std::vector<model::DhcpConfiguration> configs = ReadDhcpConfigurations(p);
  model::TagList tags = p.TagSpecifications("dhcp-options");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  EC2SIM_ASSIGN_OR_RETURN(DhcpOptions * d,
                          model::CreateDhcpOptions(ctx.world, ctx.scope, std::move(configs), tags));
  return json{{"DhcpOptions", DhcpOptionsJson(ctx.scope, *d)}};
}

// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_AssociateDhcpOptions.html
Result<json> AssociateDhcpOptionsHandler(ApiContext& ctx, Params& p) {
  std::string dopt = p.String("DhcpOptionsId");
  std::string vpc = p.String("VpcId");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  EC2SIM_RETURN_IF_ERROR(model::AssociateDhcpOptions(ctx.scope, dopt, vpc));
  return json::object();
}

// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DeleteDhcpOptions.html
Result<json> DeleteDhcpOptionsHandler(ApiContext& ctx, Params& p) {
  std::string dopt = p.String("DhcpOptionsId");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  EC2SIM_RETURN_IF_ERROR(model::DeleteDhcpOptions(ctx.scope, dopt));
  return json::object();
}

// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeDhcpOptions.html
FilterSchema<DhcpOptions> DhcpOptionsFilters(const model::Scope& scope) {
  FilterSchema<DhcpOptions> schema;
  auto& f = schema.fields;
  std::string account = scope.account;
  f["dhcp-options-id"] = [](const DhcpOptions& d) { return OneValue(d.id); };
  f["key"] = [](const DhcpOptions& d) {
    std::vector<std::string> keys;
    for (const auto& option : d.options) keys.push_back(option.first);
    return keys;
  };
  f["value"] = [](const DhcpOptions& d) {
    std::vector<std::string> values;
    for (const auto& option : d.options) {
      values.insert(values.end(), option.second.begin(), option.second.end());
    }
    return values;
  };
  f["owner-id"] = [account](const DhcpOptions&) { return OneValue(account); };
  schema.tags = [](const DhcpOptions& d) -> const model::TagList& { return d.tags; };
  return schema;
}

Result<json> DescribeDhcpOptionsHandler(ApiContext& ctx, Params& p) {
  const model::ResourceKind& kind = model::KindInfo(model::Kind::kDhcpOptions);
  DescribeQuery query = ReadDescribeQuery(p, kind.ids_param, PageSizeRange{5, 1000});
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  const auto schema = DhcpOptionsFilters(ctx.scope);
  DescribeSpec<DhcpOptions> spec = KindSpec(schema, kind, IdMember<DhcpOptions, &DhcpOptions::id>);
  return DescribeList(ctx.scope, ctx.scope.dhcp_options.values(), query, spec, kind.list_member,
                      [&](const DhcpOptions& d) { return DhcpOptionsJson(ctx.scope, d); });
}

}  // namespace

void RegisterDhcpOptionsActions(ActionTable& table) {
  table.Add("CreateDhcpOptions", CreateDhcpOptionsHandler, kMutating);
  table.Add("AssociateDhcpOptions", AssociateDhcpOptionsHandler, kMutating);
  table.Add("DeleteDhcpOptions", DeleteDhcpOptionsHandler, kMutating);
  table.Add("DescribeDhcpOptions", DescribeDhcpOptionsHandler, kStateDescribe);
}

}  // namespace ec2sim::api
