// Tag actions: CreateTags, DeleteTags and DescribeTags over every taggable resource of the
// caller's scope. A resource is found by the prefix of its id ("i-", "vpc-", "sgr-", ...).
#include <algorithm>
#include <optional>

#include "sim/api/action_table.h"
#include "sim/api/filters.h"
#include "sim/model/resource_ids.h"
#include "sim/model/security_groups.h"

namespace ec2sim::api {
namespace {

using model::Scope;
using model::TagList;

// EC2's per-resource tag limit (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/
// Using_Tags.html, "Tag restrictions"); params.cc applies it to TagSpecifications too.
constexpr std::size_t kMaxTagsPerResource = 50;

// One kind of taggable resource: how its ids start, what DescribeTags calls it, and how a
// well-formed id that does not exist is reported.
struct TaggableKind {
  std::string_view prefix;  // without the dash
  std::string_view resource_type;
  ErrorCode not_found;
  std::string_view not_found_noun;  // "The instance ID 'i-1' does not exist"
  TagList* (*find)(Scope& scope, const std::string& id);
};

template <typename T>
TagList* TagsOf(T* resource) {
  return resource == nullptr ? nullptr : &resource->tags;
}

// Adapts the model's lookup (a string_view parameter) to TaggableKind::find.
TagList* GroupOrRuleTags(Scope& scope, const std::string& id) {
  return model::FindGroupOrRuleTags(scope, id);
}

// Key pairs are keyed by name; CreateTags names them by key pair id.
TagList* FindKeyPairTags(Scope& scope, const std::string& id) {
  for (model::KeyPairRecord& key : scope.key_pairs.values()) {
    if (key.key_pair_id == id) return &key.tags;
  }
  return nullptr;
}

constexpr TaggableKind kKinds[] = {
    {"i", "instance", ErrorCode::kInvalidInstanceIdNotFound, "The instance ID",
     [](Scope& s, const std::string& id) { return TagsOf(s.instances.Find(id)); }},
    {"vpc", "vpc", ErrorCode::kInvalidVpcIdNotFound, "The vpc ID",
     [](Scope& s, const std::string& id) { return TagsOf(s.vpcs.Find(id)); }},
    {"subnet", "subnet", ErrorCode::kInvalidSubnetIdNotFound, "The subnet ID",
     [](Scope& s, const std::string& id) { return TagsOf(s.subnets.Find(id)); }},
    {"eni", "network-interface", ErrorCode::kInvalidNetworkInterfaceIdNotFound,
     "The networkInterface ID",
     [](Scope& s, const std::string& id) { return TagsOf(s.interfaces.Find(id)); }},
    // AWS answers InvalidVolume.NotFound, a code result.h does not have.
    {"vol", "volume", ErrorCode::kInvalidId, "The volume",
     [](Scope& s, const std::string& id) { return TagsOf(s.volumes.Find(id)); }},
    {"eipalloc", "elastic-ip", ErrorCode::kInvalidAllocationIdNotFound, "The allocation ID",
     [](Scope& s, const std::string& id) { return TagsOf(s.addresses.Find(id)); }},
    {"key", "key-pair", ErrorCode::kInvalidKeyPairNotFound, "The key pair", FindKeyPairTags},
    {"acl", "network-acl", ErrorCode::kInvalidNetworkAclIdNotFound, "The networkAcl ID",
     [](Scope& s, const std::string& id) { return TagsOf(s.acls.Find(id)); }},
    {"sg", "security-group", ErrorCode::kInvalidGroupNotFound, "The security group",
     GroupOrRuleTags},
    {"sgr", "security-group-rule", ErrorCode::kInvalidSecurityGroupRuleIdNotFound,
     "The security group rule ID", GroupOrRuleTags},
};

Error InvalidId(const std::string& id, std::string_view why = "") {
  return MakeError(ErrorCode::kInvalidId, "The ID '" + id + "' is not valid" + std::string(why));
}

struct TagTarget {
  std::string id;
  TagList* tags;
};

Result<TagTarget> FindTarget(Scope& scope, const std::string& id) {
  std::size_t dash = id.rfind('-');
  if (dash == std::string::npos || !model::IsIdHexDigits(std::string_view(id).substr(dash + 1))) {
    return InvalidId(id);
  }
  std::string_view prefix = std::string_view(id).substr(0, dash);
  if (prefix == "ami") {
    // Catalog images belong to their publishers; an account can tag only images it owns.
    return InvalidId(id, " (public catalog images cannot be tagged)");
  }
  for (const TaggableKind& kind : kKinds) {
    if (kind.prefix != prefix) continue;
    if (TagList* tags = kind.find(scope, id)) return TagTarget{id, tags};
    return MakeError(kind.not_found,
                     std::string(kind.not_found_noun) + " '" + id + "' does not exist");
  }
  return InvalidId(id);
}

// Every resource must exist before anything changes: one bad id fails the whole call.
Result<std::vector<TagTarget>> FindTargets(Scope& scope, const std::vector<std::string>& ids) {
  std::vector<TagTarget> targets;
  for (const std::string& id : ids) {
    EC2SIM_ASSIGN_OR_RETURN(TagTarget target, FindTarget(scope, id));
    targets.push_back(target);
  }
  return targets;
}

std::vector<std::string> RequiredResources(Params& p) {
  std::vector<std::string> resources = p.StringList("Resources");
  if (resources.empty()) {
    p.Fail(MakeError(ErrorCode::kMissingParameter,
                     "The request must contain the parameter Resources"));
  }
  return resources;
}

Result<json> CreateTagsHandler(ApiContext& ctx, Params& p) {
  std::vector<std::string> resources = RequiredResources(p);
  TagList tags = p.Tags("Tags");
  if (tags.empty()) {
    p.Fail(MakeError(ErrorCode::kMissingParameter, "The request must contain the parameter Tags"));
  }
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  EC2SIM_ASSIGN_OR_RETURN(std::vector<TagTarget> targets, FindTargets(ctx.scope, resources));
  for (const TagTarget& target : targets) {
    std::size_t added = std::count_if(tags.begin(), tags.end(), [&](const model::Tag& t) {
      return std::none_of(target.tags->begin(), target.tags->end(),
                          [&](const model::Tag& have) { return have.key == t.key; });
    });
    if (target.tags->size() + added > kMaxTagsPerResource) {
      return MakeError(ErrorCode::kTagLimitExceeded,
                       "The maximum number of tags per resource (50) has been exceeded for '" +
                           target.id + "'.");
    }
  }
  for (const TagTarget& target : targets) model::MergeTags(*target.tags, tags);
  return json::object();
}

// A DeleteTags entry: without a value the key goes whatever its value; with one (even "") only
// a tag holding exactly that value goes.
struct TagToDelete {
  std::string key;
  std::optional<std::string> value;
};

std::vector<TagToDelete> DecodeTagsToDelete(const json* list, Params& p) {
  std::vector<TagToDelete> out;
  if (list == nullptr) return out;
  if (!list->is_array()) {
    p.Fail(MakeError(ErrorCode::kInvalidParameterValue, "Tags must be a list of {Key, Value}"));
    return out;
  }
  for (const json& t : *list) {
    if (!t.is_object() || !t.contains("Key") || !t["Key"].is_string() ||
        (t.contains("Value") && !t["Value"].is_string())) {
      p.Fail(MakeError(ErrorCode::kInvalidParameterValue,
                       "Tags: each tag needs a string Key and, optionally, a string Value"));
      return {};
    }
    TagToDelete d{t["Key"].get<std::string>(), std::nullopt};
    if (t.contains("Value")) d.value = t["Value"].get<std::string>();
    if (Status s = CheckTag({d.key, d.value.value_or("")}); !s.ok()) {
      p.Fail(s.error());
      return {};
    }
    out.push_back(std::move(d));
  }
  return out;
}

Result<json> DeleteTagsHandler(ApiContext& ctx, Params& p) {
  std::vector<std::string> resources = RequiredResources(p);
  // Absent (or empty, which the wire cannot tell apart) means every tag of the resources.
  std::vector<TagToDelete> doomed = DecodeTagsToDelete(p.Raw("Tags"), p);
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  EC2SIM_ASSIGN_OR_RETURN(std::vector<TagTarget> targets, FindTargets(ctx.scope, resources));
  for (const TagTarget& target : targets) {
    if (doomed.empty()) {
      target.tags->clear();
      continue;
    }
    std::erase_if(*target.tags, [&](const model::Tag& have) {
      return std::any_of(doomed.begin(), doomed.end(), [&](const TagToDelete& d) {
        return d.key == have.key && (!d.value || *d.value == have.value);
      });
    });
  }
  return json::object();
}

// One row of DescribeTags: a tag and the resource that holds it.
struct TagRow {
  std::string resource_id;
  std::string_view resource_type;
  const TagList* resource_tags;
  const model::Tag* tag;
};

template <typename T, typename Key>
void AddRows(std::vector<TagRow>& rows, const model::IdMap<T, Key>& map, std::string_view type,
             std::string T::*id_field) {
  for (const T& item : map.values()) {
    for (const model::Tag& t : item.tags) rows.push_back({item.*id_field, type, &item.tags, &t});
  }
}

std::vector<TagRow> AllTagRows(const Scope& scope) {
  std::vector<TagRow> rows;
  AddRows(rows, scope.instances, "instance", &model::Instance::id);
  AddRows(rows, scope.vpcs, "vpc", &model::Vpc::id);
  AddRows(rows, scope.subnets, "subnet", &model::Subnet::id);
  AddRows(rows, scope.interfaces, "network-interface", &model::NetworkInterface::id);
  AddRows(rows, scope.volumes, "volume", &model::Volume::id);
  AddRows(rows, scope.addresses, "elastic-ip", &model::Address::allocation_id);
  AddRows(rows, scope.key_pairs, "key-pair", &model::KeyPairRecord::key_pair_id);
  AddRows(rows, scope.acls, "network-acl", &model::NetworkAcl::id);
  AddRows(rows, scope.groups, "security-group", &model::SecurityGroup::id);
  for (const model::SecurityGroup& g : scope.groups.values()) {
    for (const model::SgRule& rule : g.rules) {
      for (const model::Tag& t : rule.tags) {
        rows.push_back({rule.rule_id, "security-group-rule", &rule.tags, &t});
      }
    }
  }
  // Sorted by resource id, then key: stable whatever order resources were created in.
  std::sort(rows.begin(), rows.end(), [](const TagRow& a, const TagRow& b) {
    if (a.resource_id != b.resource_id) return a.resource_id < b.resource_id;
    return a.tag->key < b.tag->key;
  });
  return rows;
}

FilterSchema<TagRow> TagRowFilters() {
  FilterSchema<TagRow> schema;
  auto& f = schema.fields;
  f["key"] = [](const TagRow& r) { return std::vector<std::string>{r.tag->key}; };
  f["value"] = [](const TagRow& r) { return std::vector<std::string>{r.tag->value}; };
  f["resource-id"] = [](const TagRow& r) { return std::vector<std::string>{r.resource_id}; };
  f["resource-type"] = [](const TagRow& r) {
    return std::vector<std::string>{std::string(r.resource_type)};
  };
  // tag:KEY selects rows of resources that carry KEY with a matching value.
  schema.tags = [](const TagRow& r) -> const TagList& { return *r.resource_tags; };
  return schema;
}

Result<json> DescribeTagsHandler(ApiContext& ctx, Params& p) {
  std::vector<Filter> filters = p.Filters();
  auto max_results = p.OptInt("MaxResults", 5, 1000);
  auto token = p.OptString("NextToken");
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  const auto schema = TagRowFilters();
  EC2SIM_RETURN_IF_ERROR(CheckFilters(filters, schema));
  std::vector<TagRow> rows;
  for (TagRow& row : AllTagRows(ctx.scope)) {
    if (MatchesFilters(row, filters, schema)) rows.push_back(std::move(row));
  }
  EC2SIM_ASSIGN_OR_RETURN(Page page, Paginate(rows.size(), max_results, token));
  json list = json::array();
  for (std::size_t i = page.begin; i < page.end; ++i) {
    const TagRow& r = rows[i];
    list.push_back({{"Key", r.tag->key},
                    {"ResourceId", r.resource_id},
                    {"ResourceType", std::string(r.resource_type)},
                    {"Value", r.tag->value}});
  }
  json out = {{"Tags", list}};
  if (!page.next_token.empty()) out["NextToken"] = page.next_token;
  return out;
}

}  // namespace

void RegisterTagActions(ActionTable& table) {
  table.Add("CreateTags", CreateTagsHandler, kMutating);
  table.Add("DeleteTags", DeleteTagsHandler, kMutating);
  table.Add("DescribeTags", DescribeTagsHandler, kStateDescribe);
}

}  // namespace ec2sim::api
