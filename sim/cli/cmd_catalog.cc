// `ec2sim regions` and `ec2sim instance-types`: the built-in catalog.
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "sim/cli/commands.h"
#include "sim/cli/lang.h"
#include "sim/cli/table.h"
#include "sim/cli/words.h"
#include "sim/engine/spelling.h"
#include "sim/model/catalog.h"
#include "sim/model/regions.h"

namespace ec2sim::cli {
namespace {

using nlohmann::json;

std::string Usd(std::int64_t micro_usd) {
  // Hourly prices are micro-USD; show them with four decimals as AWS's price pages do.
  std::string s = std::to_string(micro_usd / 100);
  while (s.size() < 5) s.insert(s.begin(), '0');
  return "$" + s.substr(0, s.size() - 4) + "." + s.substr(s.size() - 4);
}

// Table headings and yes/no cells in the output language.
std::vector<std::string> Header(Lang lang, std::initializer_list<const char*> english) {
  std::vector<std::string> out;
  for (const char* h : english) out.push_back(Word(lang, h));
  return out;
}

int ListRegions(bool as_json, Lang lang) {
  using ec2sim::model::Regions;
  if (as_json) {
    json out = json::array();
    for (const auto& r : Regions()) {
      json azs = json::array();
      for (int i = 0; i < r.az_count; ++i) azs.push_back(ec2sim::model::AzName(r, i));
      out.push_back({{"RegionName", r.code},
                     {"DisplayName", r.display_name},
                     {"City", r.city},
                     {"Latitude", r.latitude},
                     {"Longitude", r.longitude},
                     {"AvailabilityZones", azs},
                     {"OptIn", r.opt_in}});
    }
    std::cout << out.dump(2) << "\n";
    return 0;
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& r : Regions()) {
    rows.push_back({r.code, r.display_name, std::to_string(r.az_count),
                    Word(lang, r.opt_in ? "opt-in" : "default")});
  }
  ec2sim::cli::PrintTable(std::cout, Header(lang, {"REGION", "NAME", "AZS", "ENABLED"}), rows);
  return 0;
}

int ListInstanceTypes(bool as_json, const std::string& region, Lang lang) {
  using namespace ec2sim::model;
  if (FindRegion(region) == nullptr) {
    std::cerr << "ec2sim: unknown region '" << region << "'"
              << engine::DidYouMean(region, RegionCodes()) << "\n";
    return 2;
  }
  json out = json::array();
  std::vector<std::vector<std::string>> rows;
  for (const InstanceTypeInfo& t : InstanceTypes()) {
    auto price = EstimatedPriceMicroUsd(region, t.name, OsFamily::kLinux);
    std::string shown =
        price ? Usd(price->micro_usd_per_hour) + (price->estimated() ? "*" : "") : "-";
    rows.push_back({t.name, std::to_string(t.vcpus), std::to_string(t.memory_mib), t.architecture,
                    Word(lang, t.burstable ? "yes" : "no"),
                    Word(lang, t.free_tier_eligible ? "yes" : "no"), shown});
    json j = {{"InstanceType", t.name},    {"VCpus", t.vcpus},
              {"MemoryMiB", t.memory_mib}, {"Architecture", t.architecture},
              {"Burstable", t.burstable},  {"FreeTierEligible", t.free_tier_eligible}};
    if (price) {
      j["LinuxOnDemandMicroUsdPerHour"] = price->micro_usd_per_hour;
      j["PriceRule"] = std::string(PriceRuleName(price->rule));
    }
    out.push_back(j);
  }
  if (as_json) {
    std::cout << json{{"Region", region}, {"InstanceTypes", out}}.dump(2) << "\n";
    return 0;
  }
  ec2sim::cli::PrintTable(std::cout,
                          Header(lang, {"TYPE", "VCPUS", "MEMORY_MIB", "ARCH", "BURSTABLE",
                                        "FREE_TIER", "LINUX_PER_HOUR"}),
                          rows);
  if (lang == Lang::kKo) {
    std::cout << "\n요금: " << region
              << "의 온디맨드 Linux 요금이며, *는 추정치입니다 (docs/catalog.md 참고).\n";
  } else {
    std::cout << "\nPrices: on-demand Linux in " << region
              << "; * marks an estimate (see docs/catalog.md).\n";
  }
  return 0;
}

}  // namespace

void AddCatalogCommands(CLI::App& app, Registry& commands) {
  auto regions_output = std::make_shared<std::string>("table");
  auto* regions = app.add_subcommand("regions", "List the simulated regions");
  regions->add_option("--output", *regions_output, "table or json")
      ->check(CLI::IsMember({"table", "json"}));
  auto regions_lang = std::make_shared<std::string>();
  AddLangOption(regions, *regions_lang);
  commands.push_back({regions, [regions_output, regions_lang] {
                        return ListRegions(*regions_output == "json", LangFor(*regions_lang));
                      }});

  auto types_output = std::make_shared<std::string>("table");
  auto types_region = std::make_shared<std::string>("us-east-1");
  auto* types = app.add_subcommand("instance-types", "List the instance-type catalog and prices");
  types->add_option("--output", *types_output, "table or json")
      ->check(CLI::IsMember({"table", "json"}));
  types->add_option("--region", *types_region, "Region whose prices to show");
  auto types_lang = std::make_shared<std::string>();
  AddLangOption(types, *types_lang);
  commands.push_back({types, [types_output, types_region, types_lang] {
                        return ListInstanceTypes(*types_output == "json", *types_region,
                                                 LangFor(*types_lang));
                      }});
}

}  // namespace ec2sim::cli
