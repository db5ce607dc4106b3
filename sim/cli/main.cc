// The ec2sim command line: a thin layer over the library. Only this file picks exit codes.
#include <CLI/CLI.hpp>

#include <iostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ec2sim/scenario.h"
#include "sim/cli/table.h"
#include "sim/model/catalog.h"
#include "sim/model/regions.h"

namespace {

using nlohmann::json;

std::string Usd(std::int64_t micro_usd) {
  // Hourly prices are micro-USD; show them with four decimals as AWS's price pages do.
  std::string s = std::to_string(micro_usd / 100);
  while (s.size() < 5) s.insert(s.begin(), '0');
  return "$" + s.substr(0, s.size() - 4) + "." + s.substr(s.size() - 4);
}

int ListRegions(bool as_json) {
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
                    r.opt_in ? "opt-in" : "default"});
  }
  ec2sim::cli::PrintTable(std::cout, {"REGION", "NAME", "AZS", "ENABLED"}, rows);
  return 0;
}

int ListInstanceTypes(bool as_json, const std::string& region) {
  using namespace ec2sim::model;
  if (FindRegion(region) == nullptr) {
    std::cerr << "ec2sim: unknown region '" << region << "'; did you mean "
              << SimilarRegionCodes(region)[0] << "?\n";
    return 2;
  }
  json out = json::array();
  std::vector<std::vector<std::string>> rows;
  for (const InstanceTypeInfo& t : InstanceTypes()) {
    auto price = EstimatedPriceMicroUsd(region, t.name, OsFamily::kLinux);
    std::string shown = price ? Usd(price->micro_usd_per_hour) + (price->estimated() ? "*" : "")
                              : "-";
    rows.push_back({t.name, std::to_string(t.vcpus), std::to_string(t.memory_mib), t.architecture,
                    t.burstable ? "yes" : "no", t.free_tier_eligible ? "yes" : "no", shown});
    json j = {{"InstanceType", t.name},
              {"VCpus", t.vcpus},
              {"MemoryMiB", t.memory_mib},
              {"Architecture", t.architecture},
              {"Burstable", t.burstable},
              {"FreeTierEligible", t.free_tier_eligible}};
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
  ec2sim::cli::PrintTable(
      std::cout,
      {"TYPE", "VCPUS", "MEMORY_MIB", "ARCH", "BURSTABLE", "FREE_TIER", "LINUX_PER_HOUR"}, rows);
  std::cout << "\nPrices: on-demand Linux in " << region
            << "; * marks an estimate (see docs/catalog.md).\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"ec2sim: an offline, deterministic EC2 simulator and teaching sandbox"};
  app.set_version_flag("--version", std::string("ec2sim ") + EC2SIM_VERSION);
  app.require_subcommand(1);

  std::vector<std::string> files;
  std::string output = "table";
  auto* run = app.add_subcommand("run", "Run scenario files and print their transcript");
  run->add_option("files", files, "Scenario files (JSON, format 1)")->required();
  run->add_option("--output", output, "text transcript or json report")
      ->check(CLI::IsMember({"table", "text", "json"}));

  std::string regions_output = "table";
  auto* regions = app.add_subcommand("regions", "List the simulated regions");
  regions->add_option("--output", regions_output, "table or json")
      ->check(CLI::IsMember({"table", "json"}));

  std::string types_output = "table";
  std::string types_region = "us-east-1";
  auto* types = app.add_subcommand("instance-types", "List the instance-type catalog and prices");
  types->add_option("--output", types_output, "table or json")
      ->check(CLI::IsMember({"table", "json"}));
  types->add_option("--region", types_region, "Region whose prices to show");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }

  if (*run) return ec2sim::RunScenarioFiles(files, output == "json", std::cout, std::cerr);
  if (*regions) return ListRegions(regions_output == "json");
  if (*types) return ListInstanceTypes(types_output == "json", types_region);
  return 2;
}
