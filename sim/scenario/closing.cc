#include "sim/scenario/closing.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <utility>

#include "sim/engine/terminal_text.h"
#include "sim/model/billing/rates.h"
#include "sim/scenario/facts.h"

namespace ec2sim::scenario {
namespace {

using json = nlohmann::json;

// Every account and region the scenario's steps run in, its own first, without repeats.
std::vector<CallContext> Places(const Scenario& scenario) {
  std::vector<CallContext> places{{scenario.account, scenario.region}};
  for (const ScenarioStep& step : scenario.steps) {
    CallContext ctx{step.account.value_or(scenario.account), step.region.value_or(scenario.region)};
    auto same = [&ctx](const CallContext& c) {
      return c.account == ctx.account && c.region == ctx.region;
    };
    if (std::none_of(places.begin(), places.end(), same)) places.push_back(ctx);
  }
  return places;
}

std::string CannotTell(const Error& error) {
  return "cannot tell (" + std::string(AwsCode(error.code)) + ": " + error.message + ")";
}

std::string Text(const json& object, const char* key) { return TextOf(object, key); }

std::string StateOf(const json& instance) { return TextOf(MemberOf(instance, "State"), "Name"); }

// The items of the list at `key`; none when the answer has no such list.
json ListOf(const json& object, const char* key) {
  const json& list = MemberOf(object, key);
  return list.is_array() ? list : json::array();
}

std::string Plural(size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

class Closing {
 public:
  Closing(const Scenario& scenario, Backend& backend) : sc_(scenario), backend_(backend) {
    for (const CallContext& place : Places(scenario)) {
      if (std::find(accounts_.begin(), accounts_.end(), place.account) == accounts_.end()) {
        accounts_.push_back(place.account);
      }
      places_.push_back(place);
    }
  }

  std::vector<std::string> Lines() {
    lines_.push_back("-- left at the end");
    for (const std::string& account : accounts_) ReadBill(account);
    for (const CallContext& place : places_) {
      json instances = Instances(place);
      Addresses(place, instances);
    }
    for (const std::string& account : accounts_) {
      Add("bill so far" + ForAccount(account) + ": " + bills_[account]);
    }
    return std::move(lines_);
  }

 private:
  void Add(const std::string& line, int depth = 1) {
    lines_.push_back(std::string(4 + 2 * (depth - 1), ' ') + engine::ForTerminal(line));
  }

  std::string ForAccount(const std::string& account) const {
    return accounts_.size() > 1 ? " for account " + account : "";
  }

  std::string Where(const CallContext& place) const {
    return (accounts_.size() > 1 ? "account " + place.account + ", " : "") + place.region;
  }

  void ReadBill(const std::string& account) {
    CallContext ctx{account, sc_.region};
    for (const CallContext& place : places_) {
      if (place.account == account) {
        ctx = place;
        break;
      }
    }
    Result<json> bill = backend_.Bill(json::object(), ctx);
    if (!bill.ok()) {
      bills_[account] = CannotTell(bill.error());
      return;
    }
    std::vector<std::string> total = KeyFacts("bill", *bill);
    bills_[account] = total.empty() ? "cannot tell (no TotalUSD in the answer)" : total.front();
    std::string policy = Text(*bill, "PricingPolicy");
    if (!policy.empty()) policies_[account] = policy;
  }

  // Lists the instances not terminated; returns every instance of the answer (the Elastic IPs'
  // prices depend on their instances' states).
  json Instances(const CallContext& place) {
    Result<json> answer = backend_.Call("DescribeInstances", json::object(), place);
    if (!answer.ok()) {
      Add(Where(place) + ": instances: " + CannotTell(answer.error()));
      return json::array();
    }
    json all = json::array();
    json left = json::array();
    for (const json& reservation : ListOf(*answer, "Reservations")) {
      for (const json& instance : ListOf(reservation, "Instances")) {
        all.push_back(instance);
        if (instance.is_object() && StateOf(instance) != "terminated") left.push_back(instance);
      }
    }
    if (left.empty()) {
      Add(Where(place) + ": no instances left (none launched, or all terminated)");
      return all;
    }
    Add(Where(place) + ": " + Plural(left.size(), "instance", "instances") + " not terminated");
    for (const std::string& line : KeyFacts("RunInstances", {{"Instances", left}})) Add(line, 2);
    return all;
  }

  // An Elastic IP costs the public IPv4 rate every hour it is held, under the 2024 rule; under
  // the legacy rule it was free while associated with a running instance (docs/billing.md,
  // "Public IPv4 addresses").
  std::int64_t HourlyMicroUsd(const CallContext& place, const json& address,
                              const json& instances) {
    if (policies_[place.account] != "legacy-eip") return billing::kPublicIpv4MicroUsdPerHour;
    std::string on = Text(address, "InstanceId");
    for (const json& instance : instances) {
      if (!on.empty() && Text(instance, "InstanceId") == on && StateOf(instance) == "running") {
        return 0;
      }
    }
    return billing::kPublicIpv4MicroUsdPerHour;
  }

  void Addresses(const CallContext& place, const json& instances) {
    Result<json> answer = backend_.Call("DescribeAddresses", json::object(), place);
    if (!answer.ok()) {
      Add(Where(place) + ": Elastic IPs: " + CannotTell(answer.error()));
      return;
    }
    json addresses = ListOf(*answer, "Addresses");
    if (addresses.empty()) {
      Add(Where(place) + ": no Elastic IPs held");
      return;
    }
    std::int64_t total = 0;
    std::vector<std::string> items;
    for (const json& address : addresses) {
      std::int64_t rate = HourlyMicroUsd(place, address, instances);
      total += rate;
      if (items.size() < kMaxFactItems) {
        std::string on = Text(address, "InstanceId");
        if (on.empty()) on = Text(address, "NetworkInterfaceId");
        items.push_back(Text(address, "PublicIp") + " (" + Text(address, "AllocationId") + ") " +
                        (on.empty() ? "idle" : "on " + on) + ", " + UsdRate(rate) + "/h");
      }
    }
    if (addresses.size() > kMaxFactItems) {
      items.push_back("... and " + std::to_string(addresses.size() - kMaxFactItems) + " more");
    }
    Add(Where(place) + ": " + Plural(addresses.size(), "Elastic IP", "Elastic IPs") + " held, " +
        UsdRate(total) + "/h in all");
    for (const std::string& item : items) Add(item, 2);
  }

  const Scenario& sc_;
  Backend& backend_;
  std::vector<std::string> accounts_;
  std::vector<CallContext> places_;
  std::map<std::string, std::string> bills_;
  std::map<std::string, std::string> policies_;
  std::vector<std::string> lines_;
};

}  // namespace

std::vector<std::string> ClosingSummaryLines(const Scenario& scenario, Backend& backend) {
  return Closing(scenario, backend).Lines();
}

std::string UsdRate(std::int64_t micro_usd) {
  char text[32];
  std::snprintf(text, sizeof text, "$%lld.%06lld", static_cast<long long>(micro_usd / 1'000'000),
                static_cast<long long>(micro_usd % 1'000'000));
  std::string out = text;
  // Keep two decimals at least: "$0.005", "$0.01", "$0.00".
  while (out.size() > out.find('.') + 3 && out.back() == '0') out.pop_back();
  return out;
}

}  // namespace ec2sim::scenario
