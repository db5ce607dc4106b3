#include "sim/scenario/profile_file.h"

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "sim/engine/json_depth.h"
#include "sim/engine/text_position.h"

namespace ec2sim::scenario {
namespace {

using nlohmann::json;

Error FieldError(const std::string& source, const std::string& field, const std::string& why) {
  return MakeError(ErrorCode::kSimInvalidInput, source + ": field '" + field + "': " + why);
}

Result<std::int64_t> WholeNumber(const json& v, const std::string& source, const std::string& field,
                                 std::int64_t min) {
  if (!v.is_number_integer()) {
    return FieldError(source, field, "must be a whole number, got " + v.dump());
  }
  std::int64_t n = v.get<std::int64_t>();
  if (v.is_number_unsigned() && v.get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX)) {
    return FieldError(source, field, "is too large");
  }
  if (n < min) {
    return FieldError(source, field,
                      "must be >= " + std::to_string(min) + ", got " + std::to_string(n));
  }
  return n;
}

Result<Duration> DurationField(const json& v, const std::string& source, const std::string& field) {
  if (!v.is_string()) {
    return FieldError(source, field, "must be a duration string such as \"1h\", got " + v.dump());
  }
  auto d = ParseDuration(v.get<std::string>());
  if (!d.ok()) return FieldError(source, field, d.error().message);
  return *d;
}

Result<std::string> StringField(const json& v, const std::string& source,
                                const std::string& field) {
  if (!v.is_string()) return FieldError(source, field, "must be a string, got " + v.dump());
  return v.get<std::string>();
}

}  // namespace

Result<cost::LoadProfile> ParseProfileText(std::string_view text, const std::string& source) {
  if (auto deep = engine::FindJsonTooDeep(text)) {
    engine::TextPosition at = engine::PositionOfOffset(text, deep->offset);
    return MakeError(ErrorCode::kSimInvalidInput, source + ":" + std::to_string(at.line) + ":" +
                                                      std::to_string(at.column) + ": " +
                                                      deep->reason);
  }
  json root;
  try {
    root = json::parse(text);
  } catch (const json::parse_error& e) {
    engine::TextPosition at = engine::PositionOfParseError(text, e.byte);
    return MakeError(ErrorCode::kSimInvalidInput, source + ":" + std::to_string(at.line) + ":" +
                                                      std::to_string(at.column) + ": " +
                                                      engine::ParseErrorReason(e.what()));
  } catch (const json::exception& e) {
    return MakeError(ErrorCode::kSimInvalidInput, source + ": " + e.what());
  }
  if (!root.is_object()) {
    return MakeError(ErrorCode::kSimInvalidInput, source + ": a profile must be a JSON object");
  }
  cost::LoadProfile p;
  p.name = std::filesystem::path(source).stem().string();
  std::int64_t repeat = 1;
  bool have_demand = false;
  for (const auto& [key, v] : root.items()) {
    if (key == "name") {
      EC2SIM_ASSIGN_OR_RETURN(p.name, StringField(v, source, key));
    } else if (key == "description") {
      EC2SIM_ASSIGN_OR_RETURN(p.description, StringField(v, source, key));
    } else if (key == "unit") {
      EC2SIM_ASSIGN_OR_RETURN(p.unit, StringField(v, source, key));
    } else if (key == "step") {
      EC2SIM_ASSIGN_OR_RETURN(p.step, DurationField(v, source, key));
      if (p.step <= 0) return FieldError(source, key, "must be longer than 0s");
    } else if (key == "repeat") {
      EC2SIM_ASSIGN_OR_RETURN(repeat, WholeNumber(v, source, key, 1));
    } else if (key == "server_capacity") {
      EC2SIM_ASSIGN_OR_RETURN(p.server_capacity, WholeNumber(v, source, key, 1));
    } else if (key == "instance_capacity") {
      EC2SIM_ASSIGN_OR_RETURN(p.instance_capacity, WholeNumber(v, source, key, 1));
    } else if (key == "demand") {
      if (!v.is_array() || v.empty()) {
        return FieldError(source, key, "must be a non-empty array of whole numbers");
      }
      if (v.size() > kMaxProfileSteps) return FieldError(source, key, "has too many values");
      for (std::size_t i = 0; i < v.size(); ++i) {
        EC2SIM_ASSIGN_OR_RETURN(std::int64_t n,
                                WholeNumber(v[i], source, "demand[" + std::to_string(i) + "]", 0));
        p.demand.push_back(n);
      }
      have_demand = true;
    } else if (key == "failures") {
      if (!v.is_array()) return FieldError(source, key, "must be an array");
      for (std::size_t i = 0; i < v.size(); ++i) {
        const std::string at = "failures[" + std::to_string(i) + "]";
        if (!v[i].is_object()) return FieldError(source, at, "must be an object");
        cost::ScheduledFailure f;
        bool have_at = false;
        for (const auto& [fk, fv] : v[i].items()) {
          if (fk == "at") {
            EC2SIM_ASSIGN_OR_RETURN(f.at, DurationField(fv, source, at + ".at"));
            have_at = true;
          } else if (fk == "repair") {
            EC2SIM_ASSIGN_OR_RETURN(f.repair, DurationField(fv, source, at + ".repair"));
          } else {
            return FieldError(source, at + "." + fk, "unknown field (expected at, repair)");
          }
        }
        if (!have_at) return FieldError(source, at + ".at", "is required");
        p.failures.push_back(f);
      }
    } else {
      return FieldError(source, key,
                        "unknown field (expected name, description, unit, step, repeat, demand, "
                        "server_capacity, instance_capacity, failures)");
    }
  }
  if (!have_demand) return FieldError(source, "demand", "is required");
  if (static_cast<std::uint64_t>(repeat) > kMaxProfileSteps / p.demand.size()) {
    return FieldError(
        source, "repeat",
        "makes the profile longer than " + std::to_string(kMaxProfileSteps) + " steps");
  }
  if (p.step > kMaxProfileHorizon / static_cast<Duration>(p.demand.size() * repeat)) {
    return FieldError(source, "step", "makes the profile longer than 10 years");
  }
  const std::vector<std::int64_t> once = p.demand;
  for (std::int64_t i = 1; i < repeat; ++i)
    p.demand.insert(p.demand.end(), once.begin(), once.end());
  Status valid = cost::ValidateProfile(p);
  if (!valid.ok())
    return MakeError(ErrorCode::kSimInvalidInput, source + ": " + valid.error().message);
  return p;
}

Result<cost::LoadProfile> LoadProfileFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return MakeError(ErrorCode::kSimInvalidInput, path + ": cannot read the file");
  std::ostringstream text;
  text << in.rdbuf();
  return ParseProfileText(text.str(), path);
}

}  // namespace ec2sim::scenario
