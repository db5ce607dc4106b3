// `ec2sim latency`: modelled round-trip times.
//   ec2sim latency --from Seoul [--to ap-northeast-2 ...] [--access fiber] [--requests 10]
//   ec2sim latency --matrix
// both with --output table|json and --svg FILE (a world map of the routes). Without --to, every
// region is ranked from nearest to farthest.
#include <cmath>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "ec2sim/sandbox.h"
#include "sim/cli/commands.h"
#include "sim/cli/lang.h"
#include "sim/cli/output_file.h"
#include "sim/cli/table.h"
#include "sim/cli/words.h"
#include "sim/lessons/text_width.h"
#include "sim/model/latency/latency.h"
#include "sim/model/latency/meaning.h"
#include "sim/model/regions.h"
#include "sim/report/latency_map.h"

namespace ec2sim::cli {
namespace {

using nlohmann::json;
namespace lat = ::ec2sim::latency;

struct LatencyOptions {
  std::string from;
  std::vector<std::string> to;
  bool matrix = false;
  std::string access = "fiber";
  int requests = 10;
  std::string output = "table";
  std::string svg;
  std::string lang;  // "" = from the locale
};

std::string Str(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end()) return "";
  return it->is_string() ? it->get<std::string>() : it->dump();
}

int Fail(const Error& e) {
  std::cerr << "ec2sim latency: " << AwsCode(e.code) << ": " << e.message << "\n";
  return 2;
}

// A wait given in milliseconds, as the model words it ("12.3 ms", "1.25 s").
std::string Wait(const json& ms) {
  return lat::FormatWait(std::llround(ms.get<double>() * 1000.0));
}

// The Korean of Meaning.Summary, from the same numbers.
std::string MeaningKo(const json& m) {
  return "HTTPS 첫 바이트 " + Wait(m["HttpsFirstByteMs"]) + ", 요청 " + Str(m, "PageRequests") +
         "개짜리 페이지 " + Wait(m["PageMs"]) + ", SSH 키 입력 에코 " + Wait(m["SshEchoMs"]) +
         " (" + Word(Lang::kKo, Str(m, "SshEchoFeels")) + ")";
}

std::vector<std::pair<std::string, std::string>> LinesKo(const json& r, const std::string& path) {
  const json& b = r["Breakdown"];
  return {
      {"출발지", Str(r, "From") + " (" + Word(Lang::kKo, Str(r, "FromKind")) +
                     (r.contains("Access") ? ", " + Word(Lang::kKo, Str(r, "Access")) : "") + ")"},
      {"목적지", Str(r, "To") + " (" + Word(Lang::kKo, Str(r, "ToKind")) + ")"},
      {"왕복 시간", Str(r, "RttMs") + " ms (광섬유 속 빛의 속도로는 " + Str(r, "GreatCircleKm") +
                        " km에 " + Str(r, "PhysicalLimitMs") + " ms가 한계)"},
      {"경로", path},
      {"구성", "전파 " + Str(b, "PropagationMs") + " ms (경로 " + Str(r, "RouteKm") +
                   " km), 교환 지점 " + Str(r, "ExchangesCrossed") + "곳 " + Str(b, "HopsMs") +
                   " ms, 양 끝 " + Str(b, "EndpointMs") + " ms, 액세스 망 " + Str(b, "AccessMs") +
                   " ms"},
      {"의미", MeaningKo(r["Meaning"])},
  };
}

void PrintOne(const json& r, Lang lang) {
  std::string path;
  for (const auto& stop : r["Path"]) path += (path.empty() ? "" : " > ") + stop.get<std::string>();
  if (lang == Lang::kKo) {
    for (const auto& [k, v] : LinesKo(r, path)) {
      std::cout << lessons::PadToWidth(k, 11) << v << "\n";
    }
    return;
  }
  const json& b = r["Breakdown"];
  std::vector<std::pair<std::string, std::string>> lines = {
      {"From", Str(r, "From") + " (" + Str(r, "FromKind") +
                   (r.contains("Access") ? ", " + Str(r, "Access") : "") + ")"},
      {"To", Str(r, "To") + " (" + Str(r, "ToKind") + ")"},
      {"RTT", Str(r, "RttMs") + " ms (the speed of light in fiber allows " +
                  Str(r, "PhysicalLimitMs") + " ms over " + Str(r, "GreatCircleKm") + " km)"},
      {"Path", path},
      {"Breakdown", "propagation " + Str(b, "PropagationMs") + " ms over " + Str(r, "RouteKm") +
                        " km, " + Str(r, "ExchangesCrossed") + " exchanges " + Str(b, "HopsMs") +
                        " ms, endpoints " + Str(b, "EndpointMs") + " ms, access " +
                        Str(b, "AccessMs") + " ms"},
      {"Meaning", Str(r["Meaning"], "Summary")},
  };
  for (const auto& [k, v] : lines) {
    std::cout << k << std::string(11 - k.size(), ' ') << v << "\n";
  }
}

void PrintRanked(const json& out, Lang lang) {
  std::vector<std::vector<std::string>> rows;
  for (const json& r : out["Results"]) {
    const json& m = r["Meaning"];
    rows.push_back({Str(r, "To"), Str(r, "RttMs"), Str(r, "PhysicalLimitMs"),
                    Str(m, "HttpsFirstByteMs"), Str(m, "PageMs"),
                    Word(lang, Str(m, "SshEchoFeels"))});
  }
  if (lang == Lang::kKo) {
    std::cout << "출발지 " << Str(out, "From") << ", 가장 가까운 리전: " << Str(out, "Nearest")
              << "\n\n";
  } else {
    std::cout << "From " << Str(out, "From") << "; nearest: " << Str(out, "Nearest") << "\n\n";
  }
  std::vector<std::string> header;
  for (const char* h :
       {"TO", "RTT_MS", "LIMIT_MS", "HTTPS_FIRST_BYTE_MS", "PAGE_MS", "SSH_ECHO_FEELS"}) {
    header.push_back(Word(lang, h));
  }
  PrintTable(std::cout, header, rows);
}

int RunMatrix(const LatencyOptions& o) {
  const auto& regions = model::Regions();
  auto micros = lat::RegionMatrixMicros();
  if (!o.svg.empty() &&
      !WriteOutputFile(
          o.svg, report::WorldMapSvg({}, "The ec2sim latency model: fiber routes and regions"),
          "ec2sim latency")) {
    return 1;
  }
  if (o.output == "json") {
    json names = json::array();
    json rows = json::array();
    for (size_t i = 0; i < regions.size(); ++i) {
      names.push_back(regions[i].code);
      json row = json::array();
      for (std::int64_t v : micros[i]) row.push_back(static_cast<double>((v + 50) / 100) / 10.0);
      rows.push_back(row);
    }
    std::cout << json{{"regions", names}, {"rtt_ms", rows}}.dump(2) << "\n";
    return 0;
  }
  Lang lang = LangFor(o.lang);
  std::vector<std::string> header = {Word(lang, "FROM\\TO")};
  for (const auto& r : regions) header.push_back(r.short_code);
  std::vector<std::vector<std::string>> rows;
  for (size_t i = 0; i < regions.size(); ++i) {
    std::vector<std::string> row = {regions[i].code};
    for (size_t j = 0; j < regions.size(); ++j) {
      std::int64_t v = micros[i][j];
      // Whole milliseconds, except the same-region cell, which is about one.
      std::int64_t tenths = (v + 50) / 100;
      row.push_back(i == j ? std::to_string(tenths / 10) + "." + std::to_string(tenths % 10)
                           : std::to_string((v + 500) / 1000));
    }
    rows.push_back(row);
  }
  PrintTable(std::cout, header, rows);
  std::cout
      << (lang == Lang::kKo
              ? "\n모델로 계산한 왕복 시간(ms)입니다(docs/latency.md). 열은 각 행 리전의 짧은 "
                "코드를 씁니다. 대각선은 같은 리전 안 가용 영역 사이의 왕복입니다.\n"
              : "\nRound-trip times in ms, modelled (docs/latency.md). Columns use the short "
                "codes of the rows' regions; the diagonal is a cross-AZ round trip.\n");
  return 0;
}

int RunRoutes(const LatencyOptions& o) {
  std::vector<std::string> targets = o.to;
  if (targets.empty()) {
    for (const auto& r : model::Regions()) targets.push_back(r.code);
  }
  json spec = {{"from", o.from}, {"access", o.access}, {"requests", o.requests}};
  spec["to"] = targets.size() == 1 && !o.to.empty() ? json(targets[0]) : json(targets);
  Sandbox sandbox;
  Result<json> out = sandbox.Latency(spec, CallContext{});
  if (!out.ok()) return Fail(out.error());
  if (!o.svg.empty()) {
    std::optional<lat::Access> access = lat::ParseAccess(o.access);
    Result<lat::Place> from = lat::ParsePlace(o.from, access.value_or(lat::Access::kFiber));
    if (!from.ok()) return Fail(from.error());
    std::vector<lat::Route> routes;
    // The map shows what was asked for; a ranking of every region draws its three nearest.
    const json& results = out->contains("Results") ? (*out)["Results"] : json::array({*out});
    for (size_t i = 0; i < results.size() && (!o.to.empty() || i < 3); ++i) {
      Result<lat::Place> to = lat::ParsePlace(Str(results[i], "To"));
      if (!to.ok()) return Fail(to.error());
      Result<lat::Route> route = lat::RoundTrip(*from, *to);
      if (!route.ok()) return Fail(route.error());
      routes.push_back(std::move(route).value());
    }
    if (!WriteOutputFile(o.svg, report::WorldMapSvg(routes, "Round-trip times from " + from->label),
                         "ec2sim latency")) {
      return 1;
    }
  }
  if (o.output == "json") {
    std::cout << out->dump(2) << "\n";
  } else if (out->contains("Results")) {
    PrintRanked(*out, LangFor(o.lang));
  } else {
    PrintOne(*out, LangFor(o.lang));
  }
  return 0;
}

}  // namespace

void AddLatencyCommand(CLI::App& app, Registry& commands) {
  auto o = std::make_shared<LatencyOptions>();
  auto* cmd = app.add_subcommand("latency", "Modelled round-trip times between places and regions");
  cmd->add_option("--from", o->from, "City, 'lat,lon', region or AZ the traffic starts from");
  cmd->add_option("--to", o->to, "Region or AZ (repeatable); default: rank every region");
  cmd->add_flag("--matrix", o->matrix, "Every region to every region");
  cmd->add_option("--access", o->access, "The client's last mile: fiber, cable, dsl, mobile")
      ->check(CLI::IsMember({"fiber", "cable", "dsl", "mobile"}));
  cmd->add_option("--requests", o->requests, "Sequential requests of the example web page")
      ->check(CLI::Range(1, 1000));
  cmd->add_option("--output", o->output, "table or json")->check(CLI::IsMember({"table", "json"}));
  cmd->add_option("--svg", o->svg, "Also write a world map of the routes to this SVG file");
  AddLangOption(cmd, o->lang);
  commands.push_back({cmd, [o] {
                        if (o->matrix) return RunMatrix(*o);
                        if (o->from.empty()) {
                          std::cerr << (LangFor(o->lang) == Lang::kKo
                                            ? "ec2sim latency: --from 장소 또는 --matrix를 "
                                              "지정하세요\n"
                                            : "ec2sim latency: give --from PLACE or --matrix\n");
                          return 2;
                        }
                        return RunRoutes(*o);
                      }});
}

}  // namespace ec2sim::cli
