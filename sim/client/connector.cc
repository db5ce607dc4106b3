#include "sim/client/connector.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>
#include <utility>

#include "sim/client/endpoint.h"
#include "sim/wire/caller.h"

namespace ec2sim::client {
namespace {

using nlohmann::json;

// The account a classroom server maps `who` to: the owner of its security groups (every account
// has a default one in each region). Nullopt when the answer has none. Error: the server's
// refusal (401/403), such as a learner naming someone else's key, so that it is one message
// rather than every goal missed.
Result<std::optional<std::string>> AskAccount(AdminClient& client, const std::string& who) {
  Result<json> groups = client.Post(
      "/_ec2sim/call?" + who, {{"Action", "DescribeSecurityGroups"}, {"Params", json::object()}});
  if (!groups.ok()) {
    int status = HttpStatus(groups.error().code);
    if (status == 401 || status == 403 ||
        groups.error().code == ErrorCode::kInvalidParameterValue) {
      return std::move(groups).error();
    }
    return std::optional<std::string>();
  }
  if (!groups->is_object()) return std::optional<std::string>();
  auto list = groups->find("SecurityGroups");
  if (list == groups->end() || !list->is_array() || list->empty()) {
    return std::optional<std::string>();
  }
  std::optional<std::string> owner = StringMember(list->front(), "OwnerId");
  if (!owner || !IsAccountId(*owner)) return std::optional<std::string>();
  return owner;
}

}  // namespace

RemoteConnector::RemoteConnector(RemoteOptions options) : options_(std::move(options)) {}

Result<std::unique_ptr<HttpBackend>> RemoteConnector::ForAccessKey(const std::string& endpoint,
                                                                   const std::string& access_key) {
  if (access_key.empty() || std::any_of(access_key.begin(), access_key.end(),
                                        [](unsigned char c) { return c <= ' ' || c == 0x7f; })) {
    return MakeError(ErrorCode::kSimInvalidInput,
                     "an access key is a non-empty word without spaces, got '" + access_key + "'");
  }
  EC2SIM_ASSIGN_OR_RETURN(std::shared_ptr<AdminClient> client, Open(endpoint));
  std::string who = "access_key=" + PercentEncode(access_key);
  std::string account = wire::AccountForAccessKey(access_key);
  if (client->classroom()) {
    // A classroom server maps keys through its users file; the open-mode hash would be wrong.
    EC2SIM_ASSIGN_OR_RETURN(std::optional<std::string> asked, AskAccount(*client, who));
    if (asked) account = *asked;
  }
  return std::make_unique<HttpBackend>(client, account, who);
}

Result<std::unique_ptr<HttpBackend>> RemoteConnector::ForAccount(const std::string& endpoint,
                                                                 const std::string& account) {
  if (!IsAccountId(account)) {
    return MakeError(ErrorCode::kSimInvalidInput,
                     "an account id is 12 digits, got '" + account + "'");
  }
  EC2SIM_ASSIGN_OR_RETURN(std::vector<RemoteAccount> known, AccountsWithKeys(endpoint));
  bool found = std::any_of(known.begin(), known.end(),
                           [&](const RemoteAccount& a) { return a.account == account; });
  if (!found) {
    // A typed id that names nobody would otherwise be checked as an empty account.
    return MakeError(ErrorCode::kSimNotFound, "the server has no account " + account +
                                                  " (`ec2sim lesson progress --endpoint " +
                                                  endpoint + "` lists the accounts it has)");
  }
  EC2SIM_ASSIGN_OR_RETURN(std::shared_ptr<AdminClient> client, Open(endpoint));
  return std::make_unique<HttpBackend>(client, account, "account=" + account);
}

Result<std::unique_ptr<HttpBackend>> RemoteConnector::ForAnyAccount(const std::string& endpoint) {
  EC2SIM_ASSIGN_OR_RETURN(std::shared_ptr<AdminClient> client, Open(endpoint));
  return std::make_unique<HttpBackend>(client, "", "");
}

Result<std::vector<std::string>> RemoteConnector::Accounts(const std::string& endpoint) {
  EC2SIM_ASSIGN_OR_RETURN(std::vector<RemoteAccount> known, AccountsWithKeys(endpoint));
  std::vector<std::string> ids;
  for (RemoteAccount& a : known) ids.push_back(std::move(a.account));
  return ids;
}

Result<std::vector<RemoteAccount>> RemoteConnector::AccountsWithKeys(const std::string& endpoint) {
  EC2SIM_ASSIGN_OR_RETURN(std::shared_ptr<AdminClient> client, Open(endpoint));
  EC2SIM_ASSIGN_OR_RETURN(json listing, client->Get("/_ec2sim/accounts"));
  auto rows = listing.is_object() ? listing.find("accounts") : listing.end();
  if (rows == listing.end() || !rows->is_array()) {
    return MakeError(ErrorCode::kSimNotFound,
                     client->endpoint() + " answered /_ec2sim/accounts without a list");
  }
  std::vector<RemoteAccount> out;
  for (const json& row : *rows) {
    std::optional<std::string> id = StringMember(row, "account");
    if (!id || !IsAccountId(*id)) {
      return MakeError(ErrorCode::kSimNotFound, client->endpoint() +
                                                    " listed an account that is not a "
                                                    "12-digit id: " +
                                                    row.dump());
    }
    RemoteAccount account{*id, {}, {}};
    auto strings = [&row](const char* member, std::vector<std::string>& into) {
      auto list = row.find(member);
      if (list == row.end() || !list->is_array()) return;
      for (const json& item : *list) {
        if (item.is_string()) into.push_back(item);
      }
    };
    strings("access_keys", account.access_keys);
    strings("names", account.names);
    std::sort(account.access_keys.begin(), account.access_keys.end());
    out.push_back(std::move(account));
  }
  std::sort(out.begin(), out.end(),
            [](const RemoteAccount& a, const RemoteAccount& b) { return a.account < b.account; });
  return out;
}

// One verified client per endpoint, reused by every backend it hands out.
Result<std::shared_ptr<AdminClient>> RemoteConnector::Open(const std::string& endpoint) {
  EC2SIM_ASSIGN_OR_RETURN(std::string base, NormalizeEndpoint(endpoint));
  std::shared_ptr<AdminClient>& client = clients_[base];
  if (client == nullptr) client = std::make_shared<AdminClient>(base, options_);
  EC2SIM_RETURN_IF_ERROR(client->Verify());
  return client;
}

}  // namespace ec2sim::client
