// Reading an action's boto3-shaped JSON parameters with EC2's errors for missing, mistyped and
// unknown parameters.
#ifndef EC2SIM_API_PARAMS_H_
#define EC2SIM_API_PARAMS_H_

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "ec2sim/result.h"
#include "sim/model/scope.h"
#include "sim/model/world.h"

namespace ec2sim::api {

using nlohmann::json;

// EC2's bounds that every action gets from Params (sources in docs/hardening.md). Lists: ids per
// request, as TerminateInstances and CreateTags take them; tags: in Unicode characters.
inline constexpr std::size_t kMaxListItems = 1000;
inline constexpr std::size_t kMaxTagKeyChars = 128;
inline constexpr std::size_t kMaxTagValueChars = 256;

struct Filter {
  std::string name;
  std::vector<std::string> values;
};

// Reads parameters and remembers the first problem, so a handler reads everything it needs in
// a straight line and then checks Finish() once before it changes any state. Every key the
// handler does not read is reported by Finish() as kUnknownParameter, which catches typos such
// as "InstanceID" the way the SDKs' validation does; when the reader knows its action, a key
// that is a member of AWS's API for it is kSimParameterNotModeled instead, so that a caller
// tells "ec2sim does not do this" from its own typo (docs/model.md, "Requests").
class Params {
 public:
  explicit Params(const json& params);
  // Reads the parameters of `action`, whose AWS members decide how an unread key is reported.
  Params(const json& params, std::string_view action);
  // Reads one structure nested in a request, found at `where` (e.g. "IpPermissions[0]"): errors
  // name "where.Key" and go to `parent` (first error wins), and Done() reports a member nobody
  // read. A value that is not a structure is kInvalidParameterValue at once. `value` and
  // `parent` must outlive the reader.
  Params(const json& value, std::string where, Params& parent);
  Params(const Params&) = delete;
  Params& operator=(const Params&) = delete;

  // Whether the value read is a structure (false after the constructor reported it).
  bool ok() const { return params_.is_object(); }
  // Where a nested reader reads ("" for the request itself).
  const std::string& where() const { return where_; }
  // The whole value read, for a handler that rewrites the request before reading it again
  // (RunInstances with a launch template).
  const json& value() const { return params_; }

  bool Has(std::string_view key) const;
  std::optional<std::string> OptString(std::string_view key);
  std::string String(std::string_view key);  // required: kMissingParameter when absent
  std::optional<std::int64_t> OptInt(std::string_view key, std::int64_t min, std::int64_t max);
  // An integer of any value (the caller checks its range with its own error).
  std::optional<std::int64_t> OptInt(std::string_view key);
  std::optional<bool> OptBool(std::string_view key);
  // An AttributeBooleanValue member ({"Value": true}); a missing Value reads as false.
  std::optional<bool> OptAttributeBool(std::string_view key);
  // A list of strings; absent means empty. More than kMaxListItems: kInvalidParameterValue.
  std::vector<std::string> StringList(std::string_view key);
  // Any JSON value (object or list) for the handler to decode; nullptr when absent.
  const json* Raw(std::string_view key);
  // A list for the handler to decode; nullptr when absent or not a list (kInvalidParameterValue).
  const json* List(std::string_view key);
  // "Filters": [{"Name": ..., "Values": [...]}]; at most kMaxListItems filters and values each.
  std::vector<Filter> Filters(std::string_view key = "Filters");
  // Tags of "TagSpecifications" entries whose ResourceType is `resource_type`.
  model::TagList TagSpecifications(std::string_view resource_type);
  // "Tags": [{"Key": ..., "Value": ...}] (CreateTags style).
  model::TagList Tags(std::string_view key);

  // Records an error found while decoding a nested value (first error wins).
  void Fail(Error error);
  // Reads `key` and, when present, records kSimParameterNotModeled for it: for a member whose
  // every value asks for behaviour ec2sim does not model. Returns whether it was present.
  bool NotModeled(std::string_view key);
  // The error for a member of AWS's API that ec2sim does not model (`key` as sent).
  Error NotModeledError(std::string_view key) const;
  // The first error, or kUnknownParameter for a key nobody read.
  Status Finish();
  // For a nested reader: reports the first member nobody read to the parent (kUnknownParameter).
  void Done();

 private:
  const json* Take(std::string_view key);
  void TypeError(std::string_view key, std::string_view expected);
  // `key` as error messages name it: "where.key" in a nested reader.
  std::string Qualified(std::string_view key) const;
  // The first member nobody read, as kUnknownParameter; nullopt when every member was read.
  std::optional<Error> Unread() const;

  const json& params_;
  std::string where_;
  Params* parent_ = nullptr;
  std::string action_;  // "" when unknown (nested readers, verbs)
  const std::set<std::string, std::less<>>* aws_members_ = nullptr;  // of action_
  std::set<std::string, std::less<>> read_;
  std::optional<Error> error_;
};

// Checks a tag for EC2's limits: key 1..128 characters not starting with "aws:", value up to 256,
// counted in Unicode characters (UTF-8 code points), not bytes.
Status CheckTag(const model::Tag& tag);

}  // namespace ec2sim::api

#endif  // EC2SIM_API_PARAMS_H_
