// `ec2sim bill SCENARIO`: run a scenario and print the account's invoice at its end.
#include <cmath>
#include <cstdio>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "ec2sim/sandbox.h"
#include "ec2sim/scenario.h"
#include "sim/cli/commands.h"
#include "sim/cli/lang.h"
#include "sim/cli/output_file.h"
#include "sim/cli/scenario_run.h"
#include "sim/cli/table.h"
#include "sim/cli/words.h"
#include "sim/model/billing/money.h"
#include "sim/report/bill_chart.h"

namespace ec2sim::cli {
namespace {

using nlohmann::json;

// Enough buckets for a smooth picture; each costs one invoice computation.
constexpr int kSvgBuckets = 60;

struct BillOptions {
  std::string file;
  std::string output = "table";
  std::string month;
  std::string region;
  std::string svg;
  std::string lang;  // "" = from the locale
};

// A JSON number as a short decimal: at most `digits` decimals, trailing zeros dropped.
std::string Decimal(const json& value, int digits) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", digits, value.get<double>());
  std::string s = buf;
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  return s;
}

// An amount in cents: "$12.30". The verb's amounts are whole cents, so rounding only undoes
// the binary fraction of the JSON number.
std::string Usd(const json& value) {
  return "$" + billing::FormatCents(std::llround(value.get<double>() * 100.0));
}

// A rate to the micro-dollar with at least two decimals: "$0.10", "$0.0116", "$0.005".
std::string Rate(const json& value) {
  return "$" + billing::FormatMicroUsd(std::llround(value.get<double>() * 1e6));
}

// The verb's messages begin with "bill: "; the command prints its own "ec2sim bill: ".
std::string WithoutVerbPrefix(const std::string& message) {
  constexpr std::string_view kPrefix = "bill: ";
  return message.starts_with(kPrefix) ? message.substr(kPrefix.size()) : message;
}

// The invoice's lines after the table, in Korean (PrintInvoice has the English).
void PrintFooterKo(const json& bill, bool estimated, std::ostream& out) {
  out << "\n합계 " << Usd(bill["TotalUSD"]) << " (줄마다 정확한 금액을 더한 뒤 반올림)\n";
  if (estimated)
    out << "* 추정 단가: 그 리전이나 OS에는 출처 있는 가격이 없습니다 (docs/billing.md)\n";
  const json& ft = bill["FreeTierRemaining"];
  if (ft["Active"].get<bool>()) {
    out << ft["Month"].get<std::string>() << " 프리 티어 남은 양: 인스턴스 시간 "
        << Decimal(ft["Ec2InstanceHours"], 6) << ", EBS GB-월 " << Decimal(ft["EbsGbMonths"], 6)
        << ", 퍼블릭 IPv4 시간 " << Decimal(ft["PublicIpv4Hours"], 6) << "\n";
  }
}

void PrintInvoice(const json& bill, Lang lang, std::ostream& out) {
  if (lang == Lang::kKo) {
    out << "계정 " << bill["AccountId"].get<std::string>() << ", "
        << bill["Period"]["Start"].get<std::string>() << " ~ "
        << bill["Period"]["End"].get<std::string>() << ", 요금 정책 "
        << bill["PricingPolicy"].get<std::string>() << "\n\n";
  } else {
    out << "Account " << bill["AccountId"].get<std::string>() << ", "
        << bill["Period"]["Start"].get<std::string>() << " to "
        << bill["Period"]["End"].get<std::string>() << ", pricing "
        << bill["PricingPolicy"].get<std::string>() << "\n\n";
  }
  std::vector<std::vector<std::string>> rows;
  bool estimated = false;
  for (const json& line : bill["Lines"]) {
    std::string rate = Rate(line["RateUSD"]);
    if (line["Estimated"].get<bool>()) {
      rate += " *";
      estimated = true;
    }
    rows.push_back({line["UsageType"].get<std::string>(), line["ResourceId"].get<std::string>(),
                    Decimal(line["Quantity"], 6) + " " + line["Unit"].get<std::string>(),
                    Decimal(line["FreeQuantity"], 6), rate, Usd(line["AmountUSD"])});
  }
  std::vector<std::string> header;
  for (const char* h : {"USAGE TYPE", "RESOURCE", "QUANTITY", "FREE", "RATE", "AMOUNT"}) {
    header.push_back(Word(lang, h));
  }
  PrintTable(out, header, rows);
  if (lang == Lang::kKo) return PrintFooterKo(bill, estimated, out);
  out << "\nTotal " << Usd(bill["TotalUSD"]) << " (exact line amounts summed, then rounded)\n";
  if (estimated)
    out << "* estimated rate: no sourced price for that region or OS (docs/billing.md)\n";
  const json& ft = bill["FreeTierRemaining"];
  if (ft["Active"].get<bool>()) {
    out << "Free tier left in " << ft["Month"].get<std::string>() << ": "
        << Decimal(ft["Ec2InstanceHours"], 6) << " instance-hours, "
        << Decimal(ft["EbsGbMonths"], 6) << " EBS GB-months, " << Decimal(ft["PublicIpv4Hours"], 6)
        << " public IPv4 hours\n";
  }
}

// The chart data carried by the bill's "Series".
report::CostChartData ChartData(const json& bill) {
  report::CostChartData data;
  data.account = bill["AccountId"].get<std::string>();
  data.total_usd = bill["TotalUSD"].get<double>();
  for (const json& e : bill["Series"]["Edges"]) {
    data.edges.push_back(*ParseIsoTime(e.get<std::string>()));
  }
  for (const auto& [type, values] : bill["Series"]["CostUSD"].items()) {
    data.costs.emplace_back(type, values.get<std::vector<double>>());
  }
  return data;
}

int RunBill(const BillOptions& opts) {
  Lang lang = LangFor(opts.lang);
  ScenarioRun run = RunScenarioFile(opts.file, /*failed_step_status=*/1, std::cerr, lang);
  if (!run.ok()) return run.exit_status;
  const Scenario& scenario = run.finished->scenario;
  json spec = json::object();
  if (!opts.month.empty()) spec["month"] = opts.month;
  if (!opts.region.empty()) spec["region"] = opts.region;
  if (!opts.svg.empty()) spec["series"] = kSvgBuckets;
  CallContext ctx{scenario.account, scenario.region};
  Result<json> bill = run.finished->sandbox->Bill(spec, ctx);
  if (!bill.ok()) {
    std::cerr << "ec2sim bill: " << WithoutVerbPrefix(bill.error().message) << "\n";
    return 2;
  }
  if (opts.output == "json") {
    std::cout << bill->dump(2) << "\n";
  } else {
    PrintInvoice(*bill, lang, std::cout);
  }
  if (!opts.svg.empty()) {
    if (!WriteOutputFile(opts.svg, report::RenderCostChart(ChartData(*bill)), "ec2sim bill")) {
      return 2;
    }
  }
  return 0;
}

}  // namespace

void AddBillCommand(CLI::App& app, Registry& commands) {
  auto opts = std::make_shared<BillOptions>();
  auto* bill = app.add_subcommand("bill", "Run a scenario and print the invoice at its end");
  bill->add_option("scenario", opts->file, "Scenario file (JSON, format 1)")->required();
  bill->add_option("--output", opts->output, "table (default) or json")
      ->check(CLI::IsMember({"table", "json"}));
  bill->add_option("--month", opts->month, "Bill one calendar month, e.g. 2026-01");
  bill->add_option("--region", opts->region, "Bill one region only");
  bill->add_option("--svg", opts->svg,
                   "Also write an SVG picture of the cost over time, stacked by usage type");
  AddLangOption(bill, opts->lang);
  commands.push_back({bill, [opts] { return RunBill(*opts); }});
}

}  // namespace ec2sim::cli
