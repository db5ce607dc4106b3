#include "sim/server/users.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <utility>

#include "sim/engine/json_depth.h"
#include "sim/engine/text_position.h"
#include "sim/model/regions.h"
#include "sim/wire/caller.h"

namespace ec2sim::server {
namespace {

using nlohmann::json;

Error Invalid(std::string message) {
  return MakeError(ErrorCode::kSimInvalidInput, std::move(message));
}

// "quotas": {"vcpus": N, "elastic_ips": N}, each optional: the account's own quotas.
Status ReadUserQuotas(const json& entry, const std::string& where, User& user) {
  auto it = entry.find("quotas");
  if (it == entry.end()) return OkStatus();
  if (!it->is_object()) return Invalid(where + ".quotas: must be an object");
  for (const auto& item : it->items()) {
    const std::string& key = item.key();
    std::optional<int>* field = key == "vcpus"         ? &user.vcpu_quota
                                : key == "elastic_ips" ? &user.elastic_ip_quota
                                                       : nullptr;
    if (field == nullptr) {
      return Invalid(where + ".quotas: unknown field '" + key + "' (fields: vcpus, elastic_ips)");
    }
    const json& v = item.value();
    if (!v.is_number_integer() || v.get<std::int64_t>() < 0 ||
        v.get<std::int64_t>() > kMaxAccountQuota) {
      return Invalid(where + ".quotas." + key + ": must be a whole number from 0 to " +
                     std::to_string(kMaxAccountQuota));
    }
    *field = v.get<int>();
  }
  return OkStatus();
}

// "line L, column C: " of `value` as written after the `nth` (0-based) "opt_in_regions" key of
// the file, or "" when it cannot be found: nlohmann's tree keeps no positions, so the value's
// spelling is looked up in the text.
std::string OptInPosition(std::string_view text, int nth, const json& value) {
  std::size_t at = 0;
  for (int i = 0; i <= nth; ++i) {
    at = text.find("\"opt_in_regions\"", i == 0 ? 0 : at + 1);
    if (at == std::string_view::npos) return "";
  }
  at = text.find(value.dump(), at);
  if (at == std::string_view::npos) return "";
  engine::TextPosition pos = engine::PositionOfOffset(text, at);
  return "line " + std::to_string(pos.line) + ", column " + std::to_string(pos.column) + ": ";
}

// "opt_in_regions": ["ap-east-1", ...], each a region that is opt-in on AWS (regions.csv).
// `nth`: how many users before this one list opt-in regions, to find the line of a bad one.
Status ReadUserOptIns(const json& entry, const std::string& where, std::string_view text, int nth,
                      User& user) {
  auto it = entry.find("opt_in_regions");
  if (it == entry.end()) return OkStatus();
  if (!it->is_array()) return Invalid(where + ".opt_in_regions: must be a list of region codes");
  for (std::size_t i = 0; i < it->size(); ++i) {
    const json& code = (*it)[i];
    const model::RegionInfo* region =
        code.is_string() ? model::FindRegion(code.get<std::string>()) : nullptr;
    if (region != nullptr && region->opt_in) {
      user.opt_in_regions.push_back(region->code);
      continue;
    }
    std::string reason =
        region != nullptr ? " is enabled by default and needs no opting in" : " is not a region";
    std::string opt_in;
    for (const model::RegionInfo& r : model::Regions()) {
      if (r.opt_in) opt_in += (opt_in.empty() ? "" : ", ") + r.code;
    }
    return Invalid(OptInPosition(text, nth, code) + where + ".opt_in_regions[" + std::to_string(i) +
                   "]: " + code.dump() + reason + " (opt-in regions: " + opt_in + ")");
  }
  return OkStatus();
}

Result<User> ReadUser(const json& entry, const std::string& where) {
  if (!entry.is_object()) return Invalid(where + ": must be an object");
  static const char* const kFields[] = {
      "access_key_id", "secret_access_key", "account_id", "name", "admin",
      "quotas",        "opt_in_regions"};
  for (const auto& item : entry.items()) {
    // A plain reference, not a structured binding: clang 14 (the sanitizer and fuzz builds)
    // cannot capture bindings in lambdas.
    const std::string& key = item.key();
    if (std::find_if(std::begin(kFields), std::end(kFields),
                     [&key](const char* f) { return key == f; }) == std::end(kFields)) {
      return Invalid(where + ": unknown field '" + key +
                     "' (fields: access_key_id, secret_access_key, account_id, name, admin, "
                     "quotas, opt_in_regions)");
    }
  }
  auto text = [&](const char* field, bool required) -> Result<std::string> {
    auto it = entry.find(field);
    if (it == entry.end()) {
      if (required) return Invalid(where + "." + field + ": missing");
      return std::string();
    }
    if (!it->is_string()) return Invalid(where + "." + field + ": must be a string");
    return it->get<std::string>();
  };
  User user;
  EC2SIM_ASSIGN_OR_RETURN(user.access_key_id, text("access_key_id", true));
  EC2SIM_ASSIGN_OR_RETURN(user.secret_access_key, text("secret_access_key", true));
  EC2SIM_ASSIGN_OR_RETURN(user.account_id, text("account_id", true));
  EC2SIM_ASSIGN_OR_RETURN(user.name, text("name", false));
  const std::string& key = user.access_key_id;
  if (!wire::IsWellFormedAccessKey(key)) {
    return Invalid(where +
                   ".access_key_id: must be 1 to 128 characters of A-Z a-z 0-9 _ . -, got '" + key +
                   "'");
  }
  if (user.secret_access_key.empty()) return Invalid(where + ".secret_access_key: is empty");
  if (user.account_id.size() != 12 ||
      user.account_id.find_first_not_of("0123456789") != std::string::npos) {
    return Invalid(where + ".account_id: must be exactly 12 digits, got '" + user.account_id + "'");
  }
  if (user.name.empty()) user.name = user.access_key_id;
  if (auto it = entry.find("admin"); it != entry.end()) {
    if (!it->is_boolean()) return Invalid(where + ".admin: must be true or false");
    user.admin = it->get<bool>();
  }
  EC2SIM_RETURN_IF_ERROR(ReadUserQuotas(entry, where, user));
  return user;
}

// Every user of one account must agree on its quotas (or leave them out).
Status CheckSharedAccountQuotas(const std::vector<User>& users) {
  std::map<std::string, std::size_t> first;
  for (std::size_t i = 0; i < users.size(); ++i) {
    if (!users[i].vcpu_quota && !users[i].elastic_ip_quota) continue;
    auto [it, fresh] = first.emplace(users[i].account_id, i);
    const User& a = users[it->second];
    if (!fresh &&
        (a.vcpu_quota != users[i].vcpu_quota || a.elastic_ip_quota != users[i].elastic_ip_quota)) {
      return Invalid("users[" + std::to_string(i) + "].quotas: differ from users[" +
                     std::to_string(it->second) + "]'s, of the same account " +
                     users[i].account_id);
    }
  }
  return OkStatus();
}

}  // namespace

UserDirectory::UserDirectory(std::vector<User> users) : users_(std::move(users)) {
  for (std::size_t i = 0; i < users_.size(); ++i) by_key_.emplace(users_[i].access_key_id, i);
}

const User* UserDirectory::Find(std::string_view access_key_id) const {
  auto it = by_key_.find(access_key_id);
  return it == by_key_.end() ? nullptr : &users_[it->second];
}

std::map<std::string, AccountQuotas> AccountQuotasOf(const UserDirectory& users,
                                                     const AccountQuotas& base) {
  std::map<std::string, AccountQuotas> out;
  for (const User& u : users.users()) {
    if (!u.vcpu_quota && !u.elastic_ip_quota) continue;
    AccountQuotas q = base;
    q.vcpus = u.vcpu_quota.value_or(base.vcpus);
    q.elastic_ips = u.elastic_ip_quota.value_or(base.elastic_ips);
    out.emplace(u.account_id, q);
  }
  return out;
}

std::map<std::string, std::vector<std::string>> AccountOptInsOf(const UserDirectory& users) {
  std::map<std::string, std::vector<std::string>> out;
  for (const User& u : users.users()) {
    if (u.opt_in_regions.empty()) continue;
    std::vector<std::string>& regions = out[u.account_id];
    regions.insert(regions.end(), u.opt_in_regions.begin(), u.opt_in_regions.end());
    std::sort(regions.begin(), regions.end());
    regions.erase(std::unique(regions.begin(), regions.end()), regions.end());
  }
  return out;
}

Result<UserDirectory> ParseUsersFile(std::string_view json_text) {
  if (auto deep = engine::FindJsonTooDeep(json_text)) {
    engine::TextPosition at = engine::PositionOfOffset(json_text, deep->offset);
    return Invalid("line " + std::to_string(at.line) + ", column " + std::to_string(at.column) +
                   ": " + deep->reason);
  }
  json doc;
  try {
    doc = json::parse(json_text.begin(), json_text.end());
  } catch (const json::parse_error& e) {
    engine::TextPosition at = engine::PositionOfParseError(json_text, e.byte);
    return Invalid("line " + std::to_string(at.line) + ", column " + std::to_string(at.column) +
                   ": " + engine::ParseErrorReason(e.what()));
  } catch (const json::exception& e) {
    return Invalid(engine::ParseErrorReason(e.what()));
  }
  if (!doc.is_object()) return Invalid("the file must be a JSON object {\"users\": [...]}");
  for (const auto& [key, value] : doc.items()) {
    if (key != "users") return Invalid("unknown top-level field '" + key + "' (only 'users')");
  }
  auto list = doc.find("users");
  if (list == doc.end()) return Invalid("users: missing");
  if (!list->is_array()) return Invalid("users: must be a list");
  if (list->empty()) return Invalid("users: the list is empty, so nobody could call the server");
  std::vector<User> users;
  std::map<std::string, std::size_t> seen;
  int opt_in_lists = 0;
  for (std::size_t i = 0; i < list->size(); ++i) {
    std::string where = "users[" + std::to_string(i) + "]";
    EC2SIM_ASSIGN_OR_RETURN(User user, ReadUser((*list)[i], where));
    EC2SIM_RETURN_IF_ERROR(ReadUserOptIns((*list)[i], where, json_text, opt_in_lists, user));
    if ((*list)[i].is_object() && (*list)[i].contains("opt_in_regions")) ++opt_in_lists;
    auto [it, fresh] = seen.emplace(user.access_key_id, i);
    if (!fresh) {
      return Invalid(where + ".access_key_id: duplicate of users[" + std::to_string(it->second) +
                     "] ('" + user.access_key_id + "')");
    }
    users.push_back(std::move(user));
  }
  EC2SIM_RETURN_IF_ERROR(CheckSharedAccountQuotas(users));
  return UserDirectory(std::move(users));
}

Result<AuthenticatedCaller> Authenticate(const UserDirectory& users, const sigv4::Request& request,
                                         std::int64_t now_ms, std::string_view service) {
  EC2SIM_ASSIGN_OR_RETURN(sigv4::Signature sig, sigv4::ParseSignature(request));
  const User* user = users.Find(sig.access_key_id);
  if (user == nullptr) {
    return MakeError(ErrorCode::kAuthFailure,
                     "AWS was not able to validate the provided access credentials (the access "
                     "key id is not a user of this classroom)");
  }
  if (sig.service != service) {
    return MakeError(ErrorCode::kSignatureDoesNotMatch,
                     "Credential should be scoped to correct service: '" + std::string(service) +
                         "', not '" + sig.service + "'");
  }
  EC2SIM_RETURN_IF_ERROR(sigv4::Verify(request, sig, user->secret_access_key, now_ms));
  return AuthenticatedCaller{user, sig.region};
}

Result<AuthenticatedCaller> Authenticate(const UserDirectory& users, const HttpRequest& request,
                                         std::int64_t now_ms) {
  sigv4::Request view{request.method, request.raw_path.empty() ? request.path : request.raw_path,
                      request.query, request.body, &request.headers};
  return Authenticate(users, view, now_ms);
}

std::int64_t WallClockMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace ec2sim::server
