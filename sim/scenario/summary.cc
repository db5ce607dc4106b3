#include "sim/scenario/summary.h"

#include <algorithm>
#include <limits>
#include <string_view>

#include "sim/model/resource_kinds.h"

namespace ec2sim::scenario {
namespace {

constexpr size_t kMaxIdsShown = 4;

// Keys whose values identify the resources a call is about: each kind's id key (VPC and subnet
// ids are left out, ResourceKind::in_transcript says why), and Elastic IP associations.
const std::vector<std::string_view>& IdKeys() {
  static const std::vector<std::string_view> keys = [] {
    std::vector<std::string_view> out;
    for (const model::ResourceKind& kind : model::ResourceKinds()) {
      if (kind.in_transcript) out.push_back(kind.id_key);
    }
    out.push_back("AssociationId");
    return out;
  }();
  return keys;
}

// Request parameters that name resources: each kind's Describe id list and its id key (as the
// singular parameter of the actions on one resource), and AssociationId.
const std::vector<std::string_view>& ParamKeys() {
  static const std::vector<std::string_view> keys = [] {
    std::vector<std::string_view> out;
    for (const model::ResourceKind& kind : model::ResourceKinds()) {
      if (!kind.in_transcript) continue;
      out.push_back(kind.ids_param);
      out.push_back(kind.id_key);
    }
    out.push_back("AssociationId");
    return out;
  }();
  return keys;
}

bool IsIdKey(std::string_view key) {
  const auto& keys = IdKeys();
  return std::find(keys.begin(), keys.end(), key) != keys.end();
}

void AddId(const std::string& id, std::vector<std::string>& ids) {
  if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
}

// Depth-first in key order, so the order is stable. Only the ids nearest to the root are kept:
// they name the resources the call is about (an instance's InstanceId), while deeper ones name
// resources merely attached to them (its network interface, its security groups).
void Collect(const nlohmann::json& node, int depth, int& best_depth,
             std::vector<std::string>& ids) {
  if (node.is_array()) {
    for (const auto& item : node) Collect(item, depth + 1, best_depth, ids);
    return;
  }
  if (!node.is_object() || depth > best_depth) return;
  for (const auto& [key, value] : node.items()) {
    if (!value.is_string() || !IsIdKey(key)) continue;
    if (depth < best_depth) {
      ids.clear();
      best_depth = depth;
    }
    AddId(value.get<std::string>(), ids);
  }
  for (const auto& [key, value] : node.items()) {
    if (value.is_structured()) Collect(value, depth + 1, best_depth, ids);
  }
}

}  // namespace

std::string TranscriptTime(SimTime t) {
  std::string text = FormatIsoTimeXml(t);  // "2026-01-01T00:00:05.000Z"
  constexpr std::string_view kNoMillis = ".000Z";
  if (text.size() > kNoMillis.size() &&
      text.compare(text.size() - kNoMillis.size(), kNoMillis.size(), kNoMillis) == 0) {
    text.replace(text.size() - kNoMillis.size(), kNoMillis.size(), "Z");
  }
  return text;
}

std::vector<std::string> TouchedIds(const nlohmann::json& result, const nlohmann::json& params) {
  std::vector<std::string> ids;
  int best_depth = std::numeric_limits<int>::max();
  Collect(result, 0, best_depth, ids);
  if (!ids.empty() || !params.is_object()) return ids;
  for (std::string_view key : ParamKeys()) {
    auto it = params.find(std::string(key));
    if (it == params.end()) continue;
    if (it->is_string()) AddId(it->get<std::string>(), ids);
    if (it->is_array()) {
      for (const auto& item : *it) {
        if (item.is_string()) AddId(item.get<std::string>(), ids);
      }
    }
  }
  return ids;
}

std::string JoinIds(const std::vector<std::string>& ids) {
  std::string out;
  for (size_t i = 0; i < ids.size() && i < kMaxIdsShown; ++i) {
    if (i > 0) out += ", ";
    out += ids[i];
  }
  if (ids.size() > kMaxIdsShown) out += " +" + std::to_string(ids.size() - kMaxIdsShown) + " more";
  return out;
}

std::string StepDescription(const ScenarioStep& step) {
  std::string verb(VerbName(step.verb));
  auto field = [&step](const char* key) {
    auto it = step.args.find(key);
    return it != step.args.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  switch (step.verb) {
    case StepVerb::kCall:
      return verb + " " + step.action;
    case StepVerb::kAdvance:
      return verb + " " + step.text;
    case StepVerb::kWait:
      return verb + " " + field("instance") + " " + field("state");
    case StepVerb::kNote:
      return verb + ": " + OneLine(step.text);
    default:
      return verb;
  }
}

std::string OneLine(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  std::replace(text.begin(), text.end(), '\r', ' ');
  return text;
}

}  // namespace ec2sim::scenario
