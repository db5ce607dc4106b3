// `ec2sim cost compare`: a load profile served by an on-premises fleet and by a cloud fleet, in
// money and in behaviour; `ec2sim cost profiles` lists the built-in profiles. The model is in
// sim/model/cost (docs/cost.md); this file turns flags into its parameters and prints the report.
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "sim/cli/commands.h"
#include "sim/cli/lang.h"
#include "sim/cli/output_file.h"
#include "sim/cli/table.h"
#include "sim/cli/words.h"
#include "sim/engine/json_depth.h"
#include "sim/model/cost/compare.h"
#include "sim/report/cost_charts.h"
#include "sim/report/cost_report.h"
#include "sim/scenario/profile_file.h"

namespace ec2sim::cli {
namespace {

using nlohmann::json;

// Flags that carry decimals or durations are read as text and converted exactly.
struct CostOptions {
  std::string profile = "steady-office";
  // A profile given on the command line instead: "--demand 1,2,3 --step 1h --repeat 7".
  std::string demand, step, unit;
  std::int64_t repeat = 1;
  std::string output = "table";
  std::string svg;
  std::int64_t server_capacity = 0;  // 0: the profile's
  std::int64_t instance_capacity = 0;
  cost::OnPremParams onprem;
  cost::CloudParams cloud;
  std::string price, lifetime, pue, electricity, colo, admin_hours, admin_rate, lead_time,
      failure_rate, repair_time, repair_cost, instance_price, eval_interval, launch_delay,
      pending_time, scale_in_after, minimum_billed;
  bool no_reorder = false;
  std::string lang;  // "" = from the locale
};

// "12.5" with `scale` decimals as an integer (12.5 with scale 6 is 12'500'000). Rejects signs,
// exponents and more decimals than `scale`.
Result<std::int64_t> ParseDecimal(const std::string& flag, const std::string& text, int scale) {
  auto bad = [&](const std::string& why) {
    return MakeError(ErrorCode::kSimInvalidInput, flag + " '" + text + "': " + why);
  };
  if (text.empty()) return bad("empty value");
  if (text[0] == '-') return bad("must not be negative");
  std::int64_t whole = 0, frac = 0;
  int frac_digits = 0;
  bool dot = false, digits = false;
  for (char c : text) {
    if (c == '.' && !dot) {
      dot = true;
    } else if (c >= '0' && c <= '9') {
      digits = true;
      if (dot) {
        if (++frac_digits > scale) return bad("too many decimals");
        frac = frac * 10 + (c - '0');
      } else {
        if (whole > 1'000'000'000'000LL) return bad("too large");
        whole = whole * 10 + (c - '0');
      }
    } else {
      return bad("not a decimal number");
    }
  }
  if (!digits) return bad("not a decimal number");
  std::int64_t unit = 1;
  for (int i = 0; i < scale; ++i) unit *= 10;
  for (int i = frac_digits; i < scale; ++i) frac *= 10;
  return whole * unit + frac;
}

Status Decimal(const std::string& flag, const std::string& text, int scale, std::int64_t& out) {
  if (text.empty()) return OkStatus();
  EC2SIM_ASSIGN_OR_RETURN(out, ParseDecimal(flag, text, scale));
  return OkStatus();
}

Status DurationFlag(const std::string& flag, const std::string& text, Duration& out) {
  if (text.empty()) return OkStatus();
  auto d = ParseDuration(text);
  if (!d.ok()) {
    return MakeError(ErrorCode::kSimInvalidInput, flag + " '" + text + "': " + d.error().message);
  }
  out = *d;
  return OkStatus();
}

Status ApplyTextFlags(CostOptions& o) {
  cost::OnPremParams& op = o.onprem;
  cost::CloudParams& cl = o.cloud;
  std::int64_t admin_hours_centi = -1;
  EC2SIM_RETURN_IF_ERROR(Decimal("--onprem-price", o.price, 6, op.purchase_micro_usd));
  EC2SIM_RETURN_IF_ERROR(DurationFlag("--onprem-lifetime", o.lifetime, op.lifetime));
  EC2SIM_RETURN_IF_ERROR(Decimal("--pue", o.pue, 3, op.pue_milli));
  EC2SIM_RETURN_IF_ERROR(
      Decimal("--electricity-price", o.electricity, 6, op.electricity_micro_usd_per_kwh));
  EC2SIM_RETURN_IF_ERROR(Decimal("--colo-price", o.colo, 6, op.colo_micro_usd_per_u_month));
  EC2SIM_RETURN_IF_ERROR(Decimal("--admin-hours", o.admin_hours, 2, admin_hours_centi));
  if (admin_hours_centi >= 0) {
    if (admin_hours_centi % 100 * 60 % 100 != 0) {
      return MakeError(ErrorCode::kSimInvalidInput,
                       "--admin-hours '" + o.admin_hours + "': must be whole minutes");
    }
    op.admin_minutes_per_server_month = admin_hours_centi * 60 / 100;
  }
  EC2SIM_RETURN_IF_ERROR(Decimal("--admin-rate", o.admin_rate, 6, op.admin_micro_usd_per_hour));
  EC2SIM_RETURN_IF_ERROR(DurationFlag("--lead-time", o.lead_time, op.lead_time));
  EC2SIM_RETURN_IF_ERROR(Decimal("--failure-rate", o.failure_rate, 2, op.annual_failure_rate_bp));
  EC2SIM_RETURN_IF_ERROR(DurationFlag("--repair-time", o.repair_time, op.repair_time));
  EC2SIM_RETURN_IF_ERROR(Decimal("--repair-cost", o.repair_cost, 6, op.repair_micro_usd));
  EC2SIM_RETURN_IF_ERROR(
      Decimal("--instance-price", o.instance_price, 6, cl.price_micro_usd_per_hour));
  EC2SIM_RETURN_IF_ERROR(DurationFlag("--eval-interval", o.eval_interval, cl.evaluation_interval));
  EC2SIM_RETURN_IF_ERROR(DurationFlag("--launch-delay", o.launch_delay, cl.launch_delay));
  EC2SIM_RETURN_IF_ERROR(DurationFlag("--pending-time", o.pending_time, cl.pending_time));
  EC2SIM_RETURN_IF_ERROR(DurationFlag("--scale-in-after", o.scale_in_after, cl.scale_in_after));
  EC2SIM_RETURN_IF_ERROR(DurationFlag("--minimum-billed", o.minimum_billed, cl.minimum_billed));
  op.reorder = !o.no_reorder;
  return OkStatus();
}

Result<cost::LoadProfile> ResolveProfile(const CostOptions& o) {
  cost::LoadProfile p;
  if (!o.demand.empty()) {
    // Reuse the file format's checks and messages (field 'demand[2]': ...).
    std::string text = "[" + o.demand + "]";
    json list = engine::FindJsonTooDeep(text)
                    ? json(json::value_t::discarded)
                    : json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (list.is_discarded()) {
      return MakeError(ErrorCode::kSimInvalidInput,
                       "--demand '" + o.demand + "': not a comma-separated list of numbers");
    }
    json doc = {{"name", "command-line"}, {"demand", list}, {"repeat", o.repeat}};
    if (!o.step.empty()) doc["step"] = o.step;
    if (!o.unit.empty()) doc["unit"] = o.unit;
    EC2SIM_ASSIGN_OR_RETURN(p, scenario::ParseProfileText(doc.dump(), "command line"));
  } else if (const cost::LoadProfile* builtin = cost::FindBuiltinProfile(o.profile)) {
    p = *builtin;
  } else if (o.profile.find('.') == std::string::npos && o.profile.find('/') == std::string::npos) {
    std::string names;
    for (const auto& b : cost::BuiltinProfiles()) names += (names.empty() ? "" : ", ") + b.name;
    return MakeError(
        ErrorCode::kSimInvalidInput,
        "unknown profile '" + o.profile + "' (built-in: " + names + "; or give a JSON file)");
  } else {
    EC2SIM_ASSIGN_OR_RETURN(p, scenario::LoadProfileFile(o.profile));
  }
  if (o.server_capacity < 0 || o.instance_capacity < 0) {
    return MakeError(ErrorCode::kSimInvalidInput, "capacities must be positive");
  }
  if (o.server_capacity > 0) p.server_capacity = o.server_capacity;
  if (o.instance_capacity > 0) p.instance_capacity = o.instance_capacity;
  return p;
}

int RunCompare(CostOptions& o) {
  Status flags = ApplyTextFlags(o);
  if (!flags.ok()) {
    std::cerr << "ec2sim: " << flags.error().message << "\n";
    return 2;
  }
  auto profile = ResolveProfile(o);
  if (!profile.ok()) {
    std::cerr << "ec2sim: " << profile.error().message << "\n";
    return 2;
  }
  auto c = cost::Compare(*profile, o.onprem, o.cloud);
  if (!c.ok()) {
    std::cerr << "ec2sim: " << c.error().message << "\n";
    return 2;
  }
  if (o.output == "json") {
    std::cout << report::ComparisonJson(*c, o.cloud).dump(2) << "\n";
  } else {
    report::ComparisonTable t = report::MakeComparisonTable(*c, o.cloud, LangFor(o.lang));
    std::cout << t.heading << "\n\n";
    PrintTable(std::cout, t.header, t.rows);
    std::cout << "\n";
    for (const std::string& note : t.notes) std::cout << note << "\n";
  }
  if (!o.svg.empty()) {
    if (!WriteOutputFile(o.svg, report::RenderComparisonSvg(*c), "ec2sim")) return 2;
  }
  return 0;
}

int ListProfiles(const std::string& output, Lang lang) {
  if (output == "json") {
    json out = json::array();
    for (const auto& p : cost::BuiltinProfiles()) {
      out.push_back({{"Name", p.name},
                     {"Description", p.description},
                     {"Unit", p.unit},
                     {"HorizonHours", p.horizon() / kHour},
                     {"Peak", p.peak()}});
    }
    std::cout << out.dump(2) << "\n";
    return 0;
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& p : cost::BuiltinProfiles()) {
    rows.push_back({p.name, FormatDuration(p.horizon()), std::to_string(p.peak()) + " " + p.unit,
                    p.description});
  }
  std::vector<std::string> header;
  for (const char* h : {"PROFILE", "LENGTH", "PEAK", "DESCRIPTION"})
    header.push_back(Word(lang, h));
  PrintTable(std::cout, header, rows);
  return 0;
}

}  // namespace

void AddCostCommand(CLI::App& app, Registry& commands) {
  CLI::App* cost_app = app.add_subcommand("cost", "Cloud vs on-premises cost comparison");
  cost_app->require_subcommand(1);

  auto o = std::make_shared<CostOptions>();
  CLI::App* cmp = cost_app->add_subcommand(
      "compare", "Simulate an on-premises and a cloud fleet serving a load profile");
  cmp->add_option("--profile", o->profile, "Built-in profile name or a JSON profile file")
      ->capture_default_str();
  cmp->add_option("--demand", o->demand, "Demand per step, comma separated (instead of --profile)");
  cmp->add_option("--step", o->step, "With --demand: how long each value holds (default 1h)");
  cmp->add_option("--repeat", o->repeat, "With --demand: repeat the values this many times");
  cmp->add_option("--unit", o->unit, "With --demand: the unit of demand (default servers)");
  cmp->add_option("--output", o->output, "table or json")
      ->check(CLI::IsMember({"table", "json"}))
      ->capture_default_str();
  cmp->add_option("--svg", o->svg, "Also write the charts to this SVG file");
  cmp->add_option("--seed", o->onprem.seed, "Seed of random hardware failures")
      ->capture_default_str();
  cmp->add_option("--server-capacity", o->server_capacity,
                  "Demand units one server serves (default: the profile's)");
  cmp->add_option("--instance-capacity", o->instance_capacity,
                  "Demand units one instance serves (default: the profile's)");
  // On-premises.
  cmp->add_option("--onprem-servers", o->onprem.servers,
                  "Fleet size (default: enough for the peak)");
  cmp->add_option("--onprem-price", o->price, "Purchase price per server, USD (default 6000)");
  cmp->add_option("--onprem-lifetime", o->lifetime, "Depreciation period (default 1825d)");
  cmp->add_option("--watts-idle", o->onprem.watts_idle, "Idle server power, W")
      ->capture_default_str();
  cmp->add_option("--watts-busy", o->onprem.watts_busy, "Fully loaded server power, W")
      ->capture_default_str();
  cmp->add_option("--pue", o->pue, "Power usage effectiveness (default 1.58)");
  cmp->add_option("--electricity-price", o->electricity, "USD per kWh (default 0.13)");
  cmp->add_option("--rack-units", o->onprem.rack_units, "Rack units per server")
      ->capture_default_str();
  cmp->add_option("--colo-price", o->colo, "USD per rack unit per month (default 25)");
  cmp->add_option("--admin-hours", o->admin_hours, "Admin hours per server per month (default 2)");
  cmp->add_option("--admin-rate", o->admin_rate, "Loaded admin cost, USD per hour (default 60)");
  cmp->add_option("--lead-time", o->lead_time, "Procurement lead time (default 28d)");
  cmp->add_flag("--no-reorder", o->no_reorder, "Never order servers when demand exceeds the fleet");
  cmp->add_option("--failure-rate", o->failure_rate,
                  "Annual failure rate per server, % (default 8)");
  cmp->add_option("--repair-time", o->repair_time, "Time to repair a failed server (default 48h)");
  cmp->add_option("--repair-cost", o->repair_cost, "Cost per repair, USD (default 0)");
  // Cloud.
  cmp->add_option("--region", o->cloud.region, "Region for the price")->capture_default_str();
  cmp->add_option("--instance-type", o->cloud.instance_type, "Instance type")
      ->capture_default_str();
  cmp->add_option("--instance-price", o->instance_price, "USD per hour (default: the catalog's)");
  cmp->add_option("--target-utilization", o->cloud.target_utilization_percent, "Target tracking, %")
      ->capture_default_str();
  cmp->add_option("--eval-interval", o->eval_interval, "How often the rule runs (default 1m)");
  cmp->add_option("--launch-delay", o->launch_delay, "Launch decision to serving (default 5m)");
  cmp->add_option("--pending-time", o->pending_time, "Launch decision to billing (default 12s)");
  cmp->add_option("--scale-in-after", o->scale_in_after,
                  "Low demand needed before stopping (default 15m)");
  cmp->add_option("--min-instances", o->cloud.min_instances, "Fewest instances")
      ->capture_default_str();
  cmp->add_option("--max-instances", o->cloud.max_instances, "Most instances")
      ->capture_default_str();
  cmp->add_option("--minimum-billed", o->minimum_billed, "Minimum billed per start (default 1m)");
  AddLangOption(cmp, o->lang);
  commands.push_back({cmp, [o] { return RunCompare(*o); }});

  auto list_output = std::make_shared<std::string>("table");
  CLI::App* profiles = cost_app->add_subcommand("profiles", "List the built-in load profiles");
  profiles->add_option("--output", *list_output, "table or json")
      ->check(CLI::IsMember({"table", "json"}))
      ->capture_default_str();
  auto list_lang = std::make_shared<std::string>();
  AddLangOption(profiles, *list_lang);
  commands.push_back({profiles, [list_output, list_lang] {
                        return ListProfiles(*list_output, LangFor(*list_lang));
                      }});
}

}  // namespace ec2sim::cli
