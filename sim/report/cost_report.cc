#include "sim/report/cost_report.h"

#include "ec2sim/sim_time.h"

namespace ec2sim::report {
namespace {

using nlohmann::json;

// "$1,234.57": micro-USD rounded half up to the cent, thousands grouped.
std::string Usd(std::int64_t micro_usd) {
  bool negative = micro_usd < 0;
  std::int64_t cents = ((negative ? -micro_usd : micro_usd) + 5'000) / 10'000;
  std::string whole = std::to_string(cents / 100);
  for (int i = static_cast<int>(whole.size()) - 3; i > 0; i -= 3) whole.insert(i, ",");
  std::string c = std::to_string(cents % 100);
  return std::string(negative ? "-$" : "$") + whole + "." + (c.size() < 2 ? "0" : "") + c;
}

// "$0.7680": an hourly price with four decimals, as AWS's price pages show them.
std::string UsdRate(std::int64_t micro_usd) {
  std::string s = std::to_string((micro_usd + 50) / 100);
  while (s.size() < 5) s.insert(s.begin(), '0');
  return "$" + s.substr(0, s.size() - 4) + "." + s.substr(s.size() - 4);
}

double UsdNumber(std::int64_t micro_usd) {
  return static_cast<double>((micro_usd + 5'000) / 10'000) / 100.0;
}

// part/whole as "12.3%" (0 when whole is 0).
std::string Percent(std::int64_t part, std::int64_t whole) {
  std::int64_t permille = cost::Share(1000, part, whole);
  return std::to_string(permille / 10) + "." + std::to_string(permille % 10) + "%";
}

// "1 failure", "2 launches".
std::string Count(std::int64_t n, const std::string& noun) {
  std::string plural = noun.back() == 'h' ? noun + "es" : noun + "s";
  return std::to_string(n) + " " + (n == 1 ? noun : plural);
}

// Demand-unit milliseconds as unit-hours with two decimals.
std::string UnitHours(std::int64_t unit_ms) {
  std::int64_t centi = cost::Share(100, unit_ms, kHour);
  std::string c = std::to_string(centi % 100);
  return std::to_string(centi / 100) + "." + (c.size() < 2 ? "0" : "") + c;
}

// "9000h (1.0 years)": when the break-even comes, with years once it is a year or more away.
std::string When(Duration at, std::string_view years) {
  std::string text = FormatDuration(at / kHour * kHour);
  if (at >= 365 * kDay) {
    std::int64_t tenths = cost::Share(10, at, 365 * kDay);
    text += " (" + std::to_string(tenths / 10) + "." + std::to_string(tenths % 10);
    text += years;
    text += ")";
  }
  return text;
}

std::string BreakEvenText(const cost::BreakEven& be) {
  auto when = [](Duration at) { return When(at, " years"); };
  switch (be.kind) {
    case cost::BreakEven::Kind::kAt:
      return "cloud spend reaches on-premises spend after " + when(be.at);
    case cost::BreakEven::Kind::kBeyondLifetime:
      return "after " + when(be.at) + ", beyond the servers' lifetime: the cloud stays cheaper";
    case cost::BreakEven::Kind::kNever:
      return "never: the cloud costs less than just running the servers";
  }
  return "";
}

std::string_view BreakEvenKind(cost::BreakEven::Kind k) {
  switch (k) {
    case cost::BreakEven::Kind::kAt:
      return "at";
    case cost::BreakEven::Kind::kBeyondLifetime:
      return "beyond-lifetime";
    case cost::BreakEven::Kind::kNever:
      return "never";
  }
  return "";
}

json FleetJson(const cost::FleetResult& f, Duration horizon) {
  json costs = json::array();
  for (const auto& line : f.costs)
    costs.push_back({{"Name", line.name}, {"USD", UsdNumber(line.micro_usd)}});
  const cost::Usage& u = f.usage;
  return {
      {"TotalUSD", UsdNumber(f.total_micro_usd)},
      {"HourlyUSD", UsdNumber(cost::Share(f.total_micro_usd, kHour, horizon))},
      {"Costs", costs},
      {"IdleCapacityUSD", UsdNumber(f.idle_micro_usd)},
      {"DemandUnitHours", static_cast<double>(cost::Share(100, u.demand, kHour)) / 100},
      {"UnservedUnitHours", static_cast<double>(cost::Share(100, u.unserved, kHour)) / 100},
      {"PeakUnserved", u.peak_unserved_units},
      {"UnservedSeconds", u.unserved_time / kSecond},
      {"UtilizationPercent", static_cast<double>(cost::Share(1000, u.served, u.provisioned)) / 10}};
}

// The Korean names of the model's cost lines; "compute (TYPE, per second)" keeps its type.
std::string CostLineKo(const std::string& name) {
  if (name == "depreciation") return "감가상각";
  if (name == "power and cooling") return "전력과 냉각";
  if (name == "colocation") return "코로케이션";
  if (name == "admin") return "관리 인건비";
  if (name == "repairs") return "수리";
  constexpr std::string_view kCompute = "compute (", kPerSecond = ", per second)";
  if (name.rfind(kCompute, 0) == 0 && name.size() > kCompute.size() + kPerSecond.size() &&
      name.compare(name.size() - kPerSecond.size(), kPerSecond.size(), kPerSecond) == 0) {
    return "컴퓨팅 (" +
           name.substr(kCompute.size(), name.size() - kCompute.size() - kPerSecond.size()) +
           ", 초 단위 요금)";
  }
  return name;
}

std::string BreakEvenKo(const cost::BreakEven& be) {
  auto when = [](Duration at) { return When(at, "년"); };
  switch (be.kind) {
    case cost::BreakEven::Kind::kAt:
      return when(be.at) + " 뒤에 클라우드 지출이 온프레미스 지출과 같아집니다";
    case cost::BreakEven::Kind::kBeyondLifetime:
      return when(be.at) + " 뒤로, 서버 수명보다 늦습니다: 클라우드가 계속 더 저렴합니다";
    case cost::BreakEven::Kind::kNever:
      return "없음: 클라우드가 서버를 운영만 하는 비용보다도 저렴합니다";
  }
  return "";
}

// MakeComparisonTable's rows in Korean, in the same order.
ComparisonTable ComparisonTableKo(const cost::Comparison& c, const cost::CloudParams& params) {
  ComparisonTable t;
  const Duration h = c.profile.horizon();
  const cost::FleetResult& on = c.onprem;
  const cost::FleetResult& cl = c.cloud;
  t.heading = "클라우드와 온프레미스 비교, 프로필 " + c.profile.name + " (" + FormatDuration(h) +
              ", 수요 단위 " + c.profile.unit + ", 최대 " + std::to_string(c.profile.peak()) + ")";
  t.header = {"", "온프레미스", "클라우드"};
  auto& rows = t.rows;
  rows.push_back({"규모", "서버 " + std::to_string(c.onprem_servers) + "대",
                  params.instance_type + ", 시간당 " + UsdRate(c.cloud_price_micro_usd_per_hour) +
                      (c.cloud_price_estimated ? "*" : "") + ", " + params.region});
  rows.push_back({"총비용", Usd(on.total_micro_usd), Usd(cl.total_micro_usd)});
  rows.push_back({"시간당 비용", Usd(cost::Share(on.total_micro_usd, kHour, h)),
                  Usd(cost::Share(cl.total_micro_usd, kHour, h))});
  for (const auto& l : on.costs) rows.push_back({"  " + CostLineKo(l.name), Usd(l.micro_usd), ""});
  for (const auto& l : cl.costs) rows.push_back({"  " + CostLineKo(l.name), "", Usd(l.micro_usd)});
  auto idle = [](const cost::FleetResult& f) {
    return Usd(f.idle_micro_usd) + " (" + Percent(f.idle_micro_usd, f.total_micro_usd) + ")";
  };
  rows.push_back({"유휴 용량 비용", idle(on), idle(cl)});
  rows.push_back({"사용한 용량", Percent(on.usage.served, on.usage.provisioned),
                  Percent(cl.usage.served, cl.usage.provisioned)});
  auto unserved = [&](const cost::Usage& u) {
    return UnitHours(u.unserved) + " " + c.profile.unit + " x 시간 (" +
           Percent(u.unserved, u.demand) + ")";
  };
  rows.push_back({"처리하지 못한 수요", unserved(on.usage), unserved(cl.usage)});
  auto peak = [](const cost::Usage& u) {
    return std::to_string(u.peak_unserved_units) + ", " + FormatDuration(u.unserved_time);
  };
  rows.push_back({"  최대치, 처리 못 한 시간", peak(on.usage), peak(cl.usage)});
  rows.push_back(
      {"이벤트",
       "고장 " + std::to_string(on.failures) + "건, 서버 " + std::to_string(on.servers_ordered) +
           "대 주문",
       "시작 " + std::to_string(cl.launches) + "회, 중지 " + std::to_string(cl.stops) + "회"});
  t.notes.push_back("손익분기점: " + BreakEvenKo(c.break_even));
  if (c.cloud_price_estimated) t.notes.push_back("* 카탈로그의 규칙으로 추정한 가격");
  return t;
}
}  // namespace

json ComparisonJson(const cost::Comparison& c, const cost::CloudParams& cloud_params) {
  const Duration h = c.profile.horizon();
  json onprem = FleetJson(c.onprem, h);
  onprem["Servers"] = c.onprem_servers;
  onprem["ServersOrdered"] = c.onprem.servers_ordered;
  onprem["Failures"] = c.onprem.failures;
  onprem["PurchasesUSD"] = UsdNumber(c.onprem.purchases_micro_usd);
  json cloud = FleetJson(c.cloud, h);
  cloud["Region"] = cloud_params.region;
  cloud["InstanceType"] = cloud_params.instance_type;
  cloud["PriceUSDPerHour"] = static_cast<double>(c.cloud_price_micro_usd_per_hour) / 1e6;
  cloud["PriceEstimated"] = c.cloud_price_estimated;
  cloud["Launches"] = c.cloud.launches;
  cloud["Stops"] = c.cloud.stops;
  json be = {{"Kind", BreakEvenKind(c.break_even.kind)}};
  if (c.break_even.kind != cost::BreakEven::Kind::kNever)
    be["AfterHours"] = c.break_even.at / kHour;
  json out = {{"Profile",
               {{"Name", c.profile.name},
                {"Unit", c.profile.unit},
                {"StepSeconds", c.profile.step / kSecond},
                {"Steps", c.profile.demand.size()},
                {"HorizonHours", h / kHour},
                {"Peak", c.profile.peak()}}},
              {"OnPremises", onprem},
              {"Cloud", cloud},
              {"BreakEven", be}};
  return out;
}

ComparisonTable MakeComparisonTable(const cost::Comparison& c,
                                    const cost::CloudParams& cloud_params, Lang lang) {
  if (lang == Lang::kKo) return ComparisonTableKo(c, cloud_params);
  ComparisonTable t;
  const Duration h = c.profile.horizon();
  const cost::FleetResult& on = c.onprem;
  const cost::FleetResult& cl = c.cloud;
  t.heading = "Cloud vs on-premises, profile " + c.profile.name + " (" + FormatDuration(h) +
              ", demand in " + c.profile.unit + ", peak " + std::to_string(c.profile.peak()) + ")";
  t.header = {"", "ON-PREMISES", "CLOUD"};
  auto& rows = t.rows;
  rows.push_back({"fleet", std::to_string(c.onprem_servers) + " servers",
                  cloud_params.instance_type + " at " + UsdRate(c.cloud_price_micro_usd_per_hour) +
                      "/h" + (c.cloud_price_estimated ? "*" : "") + " in " + cloud_params.region});
  rows.push_back({"total cost", Usd(on.total_micro_usd), Usd(cl.total_micro_usd)});
  rows.push_back({"hourly cost", Usd(cost::Share(on.total_micro_usd, kHour, h)),
                  Usd(cost::Share(cl.total_micro_usd, kHour, h))});
  for (const auto& line : on.costs) rows.push_back({"  " + line.name, Usd(line.micro_usd), ""});
  for (const auto& line : cl.costs) rows.push_back({"  " + line.name, "", Usd(line.micro_usd)});
  rows.push_back(
      {"cost of idle capacity",
       Usd(on.idle_micro_usd) + " (" + Percent(on.idle_micro_usd, on.total_micro_usd) + ")",
       Usd(cl.idle_micro_usd) + " (" + Percent(cl.idle_micro_usd, cl.total_micro_usd) + ")"});
  rows.push_back({"capacity used", Percent(on.usage.served, on.usage.provisioned),
                  Percent(cl.usage.served, cl.usage.provisioned)});
  auto unserved = [&](const cost::Usage& u) {
    return UnitHours(u.unserved) + " " + c.profile.unit + " x h (" + Percent(u.unserved, u.demand) +
           ")";
  };
  rows.push_back({"unserved demand", unserved(on.usage), unserved(cl.usage)});
  rows.push_back(
      {"  peak, time unserved",
       std::to_string(on.usage.peak_unserved_units) + ", " + FormatDuration(on.usage.unserved_time),
       std::to_string(cl.usage.peak_unserved_units) + ", " +
           FormatDuration(cl.usage.unserved_time)});
  rows.push_back(
      {"events",
       Count(on.failures, "failure") + ", " + Count(on.servers_ordered, "server") + " ordered",
       Count(cl.launches, "launch") + ", " + Count(cl.stops, "stop")});
  t.notes.push_back("break-even: " + BreakEvenText(c.break_even));
  if (c.cloud_price_estimated) t.notes.push_back("* price estimated from the catalog's rule");
  return t;
}

std::string FormatUsd(std::int64_t micro_usd) { return Usd(micro_usd); }

}  // namespace ec2sim::report
