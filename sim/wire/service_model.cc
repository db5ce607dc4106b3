#include "sim/wire/service_model.h"

#include <cctype>
#include <cstdlib>
#include <iostream>
#include <nlohmann/json.hpp>

#include "sim/engine/json_depth.h"

// Embedded by ec2sim_embed (sim/wire/sources.cmake).
extern const char kEc2simEc2ApiModel[];

namespace ec2sim::wire {
namespace {

// Ordered, so structure members keep the model's order, which the XML encoder follows.
using json = nlohmann::ordered_json;

Error ModelError(std::string message) {
  return MakeError(ErrorCode::kSimInvalidInput, "EC2 API model: " + std::move(message));
}

bool ParseType(std::string_view text, ShapeType* type) {
  static const std::map<std::string, ShapeType, std::less<>> kTypes = {
      {"structure", ShapeType::kStructure}, {"list", ShapeType::kList},
      {"string", ShapeType::kString},       {"integer", ShapeType::kInteger},
      {"long", ShapeType::kLong},           {"boolean", ShapeType::kBoolean},
      {"timestamp", ShapeType::kTimestamp}, {"blob", ShapeType::kBlob},
      {"double", ShapeType::kDouble},       {"float", ShapeType::kFloat},
  };
  auto it = kTypes.find(text);
  if (it == kTypes.end()) return false;
  *type = it->second;
  return true;
}

std::string StringField(const json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// botocore's EC2Serializer: queryName, else locationName with its first letter upper-cased,
// else the member name (ec2-semantics.md §2.1).
std::string QueryName(const std::string& member_name, const json& ref) {
  if (std::string q = StringField(ref, "queryName"); !q.empty()) return q;
  std::string loc = StringField(ref, "locationName");
  if (loc.empty()) return member_name;
  loc[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(loc[0])));
  return loc;
}

}  // namespace

const Member* Shape::FindMember(std::string_view boto_name) const {
  auto it = by_name.find(boto_name);
  return it == by_name.end() ? nullptr : &members[it->second];
}

const Member* Shape::FindQueryMember(std::string_view query_name) const {
  auto it = by_query_name.find(query_name);
  return it == by_query_name.end() ? nullptr : &members[it->second];
}

Result<std::unique_ptr<ServiceModel>> ServiceModel::Parse(std::string_view json_text) {
  if (auto deep = engine::FindJsonTooDeep(json_text)) return ModelError(deep->reason);
  json doc = json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object()) return ModelError("not a JSON object");
  auto shapes_it = doc.find("shapes");
  auto ops_it = doc.find("operations");
  auto meta_it = doc.find("metadata");
  if (shapes_it == doc.end() || !shapes_it->is_object() || ops_it == doc.end() ||
      !ops_it->is_object() || meta_it == doc.end() || !meta_it->is_object()) {
    return ModelError("needs \"metadata\", \"operations\" and \"shapes\" objects");
  }
  std::unique_ptr<ServiceModel> model(new ServiceModel());
  model->api_version_ = StringField(*meta_it, "apiVersion");
  model->xml_namespace_ = StringField(*meta_it, "xmlNamespace");
  if (!model->xml_namespace_.empty() && model->xml_namespace_.back() != '/') {
    model->xml_namespace_ += '/';
  }

  // Two passes: create every shape, then resolve references between them.
  for (auto it = shapes_it->begin(); it != shapes_it->end(); ++it) {
    auto shape = std::make_unique<Shape>();
    shape->name = it.key();
    if (!it->is_object() || !ParseType(StringField(*it, "type"), &shape->type)) {
      return ModelError("shape " + it.key() + " has no known type");
    }
    shape->flattened = it->value("flattened", false);
    model->shapes_.emplace(it.key(), std::move(shape));
  }
  auto resolve = [&](const json& ref, const std::string& where) -> Result<const Shape*> {
    std::string target = ref.is_object() ? StringField(ref, "shape") : "";
    auto found = model->shapes_.find(target);
    if (found == model->shapes_.end()) {
      return ModelError(where + " refers to unknown shape '" + target + "'");
    }
    return found->second.get();
  };
  for (auto it = shapes_it->begin(); it != shapes_it->end(); ++it) {
    Shape& shape = *model->shapes_.at(it.key());
    if (shape.type == ShapeType::kStructure) {
      auto members = it->find("members");
      if (members == it->end() || !members->is_object()) continue;
      for (auto m = members->begin(); m != members->end(); ++m) {
        EC2SIM_ASSIGN_OR_RETURN(const Shape* target, resolve(*m, it.key() + "." + m.key()));
        std::string loc = StringField(*m, "locationName");
        std::string xml = loc.empty() ? m.key() : loc;
        shape.members.push_back(Member{m.key(), QueryName(m.key(), *m), xml, target,
                                       "<" + xml + ">", "</" + xml + ">"});
      }
      for (std::size_t i = 0; i < shape.members.size(); ++i) {
        shape.by_name.emplace(shape.members[i].name, i);
        shape.by_query_name.emplace(shape.members[i].query_name, i);
      }
    } else if (shape.type == ShapeType::kList) {
      auto item = it->find("member");
      if (item == it->end()) return ModelError("list " + it.key() + " has no member");
      EC2SIM_ASSIGN_OR_RETURN(shape.item, resolve(*item, it.key() + ".member"));
      if (std::string loc = StringField(*item, "locationName"); !loc.empty()) {
        shape.item_xml_name = loc;
        shape.item_open = "<" + loc + ">";
        shape.item_close = "</" + loc + ">";
      }
    }
  }

  for (auto it = ops_it->begin(); it != ops_it->end(); ++it) {
    Operation op;
    op.name = it.key();
    if (!it->is_object()) return ModelError("operation " + it.key() + " is not an object");
    // Both the trimmed form ("input": "Shape") and botocore's ({"shape": "Shape"}) are read.
    for (const char* part : {"input", "output"}) {
      auto ref = it->find(part);
      if (ref == it->end()) continue;
      json as_ref = ref->is_string() ? json{{"shape", *ref}} : *ref;
      EC2SIM_ASSIGN_OR_RETURN(const Shape* shape, resolve(as_ref, it.key() + "." + part));
      (std::string_view(part) == "input" ? op.input : op.output) = shape;
    }
    model->operations_.emplace(op.name, op);
  }
  return model;
}

const ServiceModel& ServiceModel::Ec2() {
  static const ServiceModel* const kModel = [] {
    auto parsed = Parse(kEc2simEc2ApiModel);
    if (!parsed.ok()) {
      // The embedded file is part of the build; a broken one is a build defect.
      std::cerr << "ec2sim: " << parsed.error().message << "\n";
      std::abort();
    }
    return std::move(parsed).value().release();
  }();
  return *kModel;
}

const Operation* ServiceModel::FindOperation(std::string_view name) const {
  auto it = operations_.find(name);
  return it == operations_.end() ? nullptr : &it->second;
}

std::vector<std::string> ServiceModel::OperationNames() const {
  std::vector<std::string> names;
  for (const auto& [name, op] : operations_) names.push_back(name);
  return names;
}

}  // namespace ec2sim::wire
