// Tag actions: CreateTags, DeleteTags and DescribeTags over every taggable resource of the
// caller's scope. A resource is found by the prefix of its id ("i-", "vpc-", "sgr-", ...), as
// the kinds of sim/model/resource_kinds.h describe them.
#include <algorithm>
#include <optional>

#include "sim/api/action_table.h"
#include "sim/api/describe.h"
#include "sim/api/filters.h"
#include "sim/model/catalog.h"
#include "sim/model/resource_ids.h"
#include "sim/model/resource_kinds.h"

namespace ec2sim::api {
namespace {

using model::Scope;
using model::TagList;

// EC2's per-resource tag limit (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/
// Using_Tags.html, "Tag restrictions"); params.cc applies it to TagSpecifications too.
constexpr std::size_t kMaxTagsPerResource = 50;

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
  if (std::string_view(id).substr(0, dash) == "ami" && model::FindImage(scope.region->code, id)) {
    // Catalog images belong to their publishers; an account can tag only images it owns.
    return InvalidId(id, " (public catalog images cannot be tagged)");
  }
  const model::ResourceKind* kind = model::KindOfId(id);
  if (kind == nullptr) return InvalidId(id);
  if (TagList* tags = kind->find(scope, id)) return TagTarget{id, tags};
  return model::NotFoundError(*kind, id);
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

std::vector<TagRow> AllTagRows(const Scope& scope) {
  std::vector<TagRow> rows;
  std::vector<model::TaggedResource> resources;
  for (const model::ResourceKind& kind : model::ResourceKinds()) {
    resources.clear();
    kind.list(scope, resources);
    for (const model::TaggedResource& r : resources) {
      for (const model::Tag& t : *r.tags) {
        rows.push_back({std::string(r.id), kind.tag_type, r.tags, &t});
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
  DescribeQuery query = ReadDescribeQuery(p, "", PageSizeRange{5, 1000});
  EC2SIM_RETURN_IF_ERROR(p.Finish());
  const auto schema = TagRowFilters();
  DescribeSpec<TagRow> spec;
  spec.schema = &schema;
  return DescribeList(ctx.scope, AllTagRows(ctx.scope), query, spec, "Tags", [](const TagRow& r) {
    return json{{"Key", r.tag->key},
                {"ResourceId", r.resource_id},
                {"ResourceType", std::string(r.resource_type)},
                {"Value", r.tag->value}};
  });
}

}  // namespace

void RegisterTagActions(ActionTable& table) {
  table.Add("CreateTags", CreateTagsHandler, kMutating);
  table.Add("DeleteTags", DeleteTagsHandler, kMutating);
  table.Add("DescribeTags", DescribeTagsHandler, kStateDescribe);
}

}  // namespace ec2sim::api
