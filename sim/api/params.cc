#include "sim/api/params.h"

#include <limits>
#include <utility>

#include "sim/api/aws_members.h"

namespace ec2sim::api {
namespace {

const char* TypeName(const json& v) {
  switch (v.type()) {
    case json::value_t::string:
      return "a string";
    case json::value_t::boolean:
      return "a boolean";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
      return "an integer";
    case json::value_t::number_float:
      return "a number";
    case json::value_t::array:
      return "a list";
    case json::value_t::object:
      return "a structure";
    case json::value_t::null:
      return "null";
    default:
      return "a value";
  }
}

// Unicode characters of UTF-8 text: every byte that does not continue a sequence starts one.
std::size_t CodePoints(std::string_view text) {
  std::size_t n = 0;
  for (char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

Error TooLong(std::string_view what, std::size_t size) {
  return MakeError(ErrorCode::kInvalidParameterValue,
                   std::string(what) + " has " + std::to_string(size) + " items; at most " +
                       std::to_string(kMaxListItems) + " are allowed");
}

// EC2's limit of tags per resource (also in actions_tags.cc for CreateTags' running total).
constexpr std::size_t kMaxTags = 50;

Error TooManyTags() {
  return MakeError(ErrorCode::kTagLimitExceeded,
                   "The maximum number of tags per resource (50) has been exceeded.");
}

}  // namespace

Params::Params(const json& params) : params_(params) {
  if (!params_.is_object()) {
    Fail(MakeError(ErrorCode::kInvalidParameterValue,
                   std::string("Parameters must be a structure, got ") + TypeName(params_)));
  }
}

Params::Params(const json& params, std::string_view action) : Params(params) {
  action_ = std::string(action);
  aws_members_ = AwsInputMembers(action);
}

Error Params::NotModeledError(std::string_view key) const {
  std::string of = action_.empty() ? std::string() : " of " + action_;
  return MakeError(ErrorCode::kSimParameterNotModeled,
                   "ec2sim does not model the parameter " + Qualified(key) + of);
}

bool Params::NotModeled(std::string_view key) {
  if (Take(key) == nullptr) return false;
  Fail(NotModeledError(key));
  return true;
}

Params::Params(const json& value, std::string where, Params& parent)
    : params_(value), where_(std::move(where)), parent_(&parent) {
  if (!params_.is_object()) {
    Fail(MakeError(ErrorCode::kInvalidParameterValue, "Invalid type for parameter " + where_ +
                                                          ": expected a structure, got " +
                                                          TypeName(params_)));
  }
}

std::string Params::Qualified(std::string_view key) const {
  return where_.empty() ? std::string(key) : where_ + "." + std::string(key);
}

bool Params::Has(std::string_view key) const {
  return params_.is_object() && params_.contains(key);
}

const json* Params::Take(std::string_view key) {
  if (!Has(key)) return nullptr;
  read_.emplace(key);
  return &params_.find(key).value();
}

void Params::Fail(Error error) {
  if (parent_ != nullptr) {
    parent_->Fail(std::move(error));
  } else if (!error_) {
    error_ = std::move(error);
  }
}

void Params::TypeError(std::string_view key, std::string_view expected) {
  const json& v = params_.find(key).value();
  Fail(MakeError(ErrorCode::kInvalidParameterValue, "Invalid type for parameter " + Qualified(key) +
                                                        ": expected " + std::string(expected) +
                                                        ", got " + TypeName(v)));
}

std::optional<std::string> Params::OptString(std::string_view key) {
  const json* v = Take(key);
  if (v == nullptr) return std::nullopt;
  if (!v->is_string()) {
    TypeError(key, "a string");
    return std::nullopt;
  }
  return v->get<std::string>();
}

std::string Params::String(std::string_view key) {
  if (!Has(key)) {
    Fail(MakeError(ErrorCode::kMissingParameter,
                   "The request must contain the parameter " + Qualified(key)));
    return "";
  }
  return OptString(key).value_or("");
}

std::optional<std::int64_t> Params::OptInt(std::string_view key, std::int64_t min,
                                           std::int64_t max) {
  const json* v = Take(key);
  if (v == nullptr) return std::nullopt;
  if (!v->is_number_integer()) {
    TypeError(key, "an integer");
    return std::nullopt;
  }
  std::int64_t n = v->get<std::int64_t>();
  if (n < min || n > max) {
    Fail(MakeError(ErrorCode::kInvalidParameterValue,
                   "Value (" + std::to_string(n) + ") for parameter " + Qualified(key) +
                       " is invalid. Expected a value between " + std::to_string(min) + " and " +
                       std::to_string(max) + "."));
    return std::nullopt;
  }
  return n;
}

std::optional<std::int64_t> Params::OptInt(std::string_view key) {
  return OptInt(key, std::numeric_limits<std::int64_t>::min(),
                std::numeric_limits<std::int64_t>::max());
}

std::optional<bool> Params::OptBool(std::string_view key) {
  const json* v = Take(key);
  if (v == nullptr) return std::nullopt;
  if (!v->is_boolean()) {
    TypeError(key, "a boolean");
    return std::nullopt;
  }
  return v->get<bool>();
}

std::optional<bool> Params::OptAttributeBool(std::string_view key) {
  const json* v = Raw(key);
  if (v == nullptr) return std::nullopt;
  Params value(*v, std::string(key), *this);
  if (!value.ok()) return std::nullopt;
  std::optional<bool> out = value.OptBool("Value");
  value.Done();
  return out.value_or(false);
}

std::vector<std::string> Params::StringList(std::string_view key) {
  std::vector<std::string> out;
  const json* v = Take(key);
  if (v == nullptr) return out;
  if (!v->is_array()) {
    TypeError(key, "a list of strings");
    return out;
  }
  if (v->size() > kMaxListItems) {
    Fail(TooLong(key, v->size()));
    return out;
  }
  for (const json& item : *v) {
    if (!item.is_string()) {
      TypeError(key, "a list of strings");
      return {};
    }
    out.push_back(item.get<std::string>());
  }
  return out;
}

const json* Params::Raw(std::string_view key) { return Take(key); }

const json* Params::List(std::string_view key) {
  const json* v = Take(key);
  if (v != nullptr && !v->is_array()) {
    TypeError(key, "a list");
    return nullptr;
  }
  return v;
}

std::vector<Filter> Params::Filters(std::string_view key) {
  std::vector<Filter> out;
  const json* v = Take(key);
  if (v == nullptr) return out;
  if (!v->is_array()) {
    TypeError(key, "a list of {Name, Values}");
    return out;
  }
  if (v->size() > kMaxListItems) {
    Fail(TooLong(key, v->size()));
    return out;
  }
  for (const json& f : *v) {
    if (!f.is_object() || !f.contains("Name") || !f["Name"].is_string()) {
      Fail(MakeError(ErrorCode::kInvalidParameterValue,
                     "Each filter needs a Name (string) and Values (list of strings)"));
      return {};
    }
    Filter filter{f["Name"].get<std::string>(), {}};
    if (f.contains("Values")) {
      if (!f["Values"].is_array()) {
        Fail(MakeError(ErrorCode::kInvalidParameterValue,
                       "Values of filter '" + filter.name + "' must be a list of strings"));
        return {};
      }
      if (f["Values"].size() > kMaxListItems) {
        Fail(TooLong("Values of filter '" + filter.name + "'", f["Values"].size()));
        return {};
      }
      for (const json& value : f["Values"]) {
        if (!value.is_string()) {
          Fail(MakeError(ErrorCode::kInvalidParameterValue,
                         "Values of filter '" + filter.name + "' must be strings"));
          return {};
        }
        filter.values.push_back(value.get<std::string>());
      }
    }
    for (auto it = f.begin(); it != f.end(); ++it) {
      if (it.key() != "Name" && it.key() != "Values") {
        Fail(MakeError(ErrorCode::kUnknownParameter,
                       "The parameter Filter." + it.key() + " is not recognized"));
      }
    }
    out.push_back(std::move(filter));
  }
  return out;
}

namespace {

// Decodes [{"Key": ..., "Value": ...}] and reports the first problem.
model::TagList DecodeTags(const json& list, std::string_view where, Params& p) {
  model::TagList tags;
  if (!list.is_array()) {
    p.Fail(MakeError(ErrorCode::kInvalidParameterValue,
                     std::string(where) + " must be a list of {Key, Value}"));
    return tags;
  }
  if (list.size() > kMaxListItems) {
    // Merging is quadratic; a list this long could never fit the 50-tag limit anyway.
    p.Fail(TooLong(where, list.size()));
    return tags;
  }
  for (const json& t : list) {
    if (!t.is_object() || !t.contains("Key") || !t["Key"].is_string() ||
        (t.contains("Value") && !t["Value"].is_string())) {
      p.Fail(MakeError(ErrorCode::kInvalidParameterValue,
                       std::string(where) + ": each tag needs a string Key and a string Value"));
      return {};
    }
    model::Tag tag{t["Key"].get<std::string>(), t.value("Value", "")};
    if (Status s = CheckTag(tag); !s.ok()) {
      p.Fail(s.error());
      return {};
    }
    model::MergeTags(tags, {tag});
  }
  if (tags.size() > kMaxTags) p.Fail(TooManyTags());
  return tags;
}

}  // namespace

model::TagList Params::TagSpecifications(std::string_view resource_type) {
  model::TagList out;
  if (!Has("TagSpecifications")) return out;
  const json& specs = params_.find("TagSpecifications").value();
  read_.emplace("TagSpecifications");
  if (!specs.is_array()) {
    TypeError("TagSpecifications", "a list of {ResourceType, Tags}");
    return out;
  }
  if (specs.size() > kMaxListItems) {
    Fail(TooLong("TagSpecifications", specs.size()));
    return out;
  }
  for (const json& spec : specs) {
    if (!spec.is_object() || !spec.contains("ResourceType") || !spec["ResourceType"].is_string()) {
      Fail(MakeError(ErrorCode::kInvalidParameterValue,
                     "Each TagSpecification needs a ResourceType"));
      return out;
    }
    if (spec["ResourceType"] != resource_type) continue;
    if (spec.contains("Tags")) model::MergeTags(out, DecodeTags(spec["Tags"], "Tags", *this));
  }
  if (out.size() > kMaxTags) Fail(TooManyTags());
  return out;
}

model::TagList Params::Tags(std::string_view key) {
  const json* v = Take(key);
  if (v == nullptr) return {};
  return DecodeTags(*v, key, *this);
}

std::optional<Error> Params::Unread() const {
  if (!params_.is_object()) return std::nullopt;
  for (auto it = params_.begin(); it != params_.end(); ++it) {
    if (read_.count(it.key()) > 0) continue;
    if (aws_members_ != nullptr && aws_members_->count(it.key()) > 0) {
      return NotModeledError(it.key());
    }
    if (where_.empty()) {
      return MakeError(ErrorCode::kUnknownParameter,
                       "The parameter " + it.key() + " is not recognized");
    }
    return MakeError(ErrorCode::kUnknownParameter,
                     "Unknown parameter in " + where_ + ": \"" + it.key() + "\"");
  }
  return std::nullopt;
}

Status Params::Finish() {
  if (error_) return *error_;
  if (std::optional<Error> unread = Unread()) return *unread;
  return OkStatus();
}

void Params::Done() {
  if (std::optional<Error> unread = Unread()) Fail(std::move(*unread));
}

Status CheckTag(const model::Tag& tag) {
  if (tag.key.empty() || CodePoints(tag.key) > kMaxTagKeyChars) {
    return MakeError(ErrorCode::kInvalidParameterValue,
                     "Tag keys must be between 1 and 128 characters long");
  }
  if (tag.key.rfind("aws:", 0) == 0) {
    return MakeError(ErrorCode::kInvalidParameterValue,
                     "Tag keys starting with 'aws:' are reserved for internal use");
  }
  if (CodePoints(tag.value) > kMaxTagValueChars) {
    return MakeError(ErrorCode::kInvalidParameterValue,
                     "Tag values may be at most 256 characters long");
  }
  return OkStatus();
}

}  // namespace ec2sim::api
