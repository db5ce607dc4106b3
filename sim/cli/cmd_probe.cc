// `ec2sim probe SCENARIO --from X --to Y --protocol P --port N`: run a scenario, then ask
// whether that traffic would get through in the state it ends in.
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "ec2sim/sandbox.h"
#include "ec2sim/scenario.h"
#include "sim/cli/commands.h"
#include "sim/cli/lang.h"
#include "sim/cli/scenario_run.h"
#include "sim/cli/table.h"
#include "sim/cli/words.h"
#include "sim/lessons/text_width.h"

namespace ec2sim::cli {
namespace {

using nlohmann::json;

struct ProbeOptions {
  std::string file;
  std::string from;
  std::string to;
  std::string protocol;
  std::optional<int> port;
  std::optional<int> code;
  std::optional<int> source_port;
  std::string client;
  std::string access;
  std::string region;
  std::string account;
  std::string output = "table";
  std::string lang;  // "" = from the locale
};

std::string Str(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end()) return "";
  return it->is_string() ? it->get<std::string>() : it->dump();
}

// "22" or "32768-60999" from {"From": .., "To": ..}.
std::string Range(const json& r) {
  if (!r.is_object()) return "";
  std::string from = Str(r, "From"), to = Str(r, "To");
  return from == to ? from : from + "-" + to;
}

// A JSON keyword (a type, direction, decision or state) in the output language.
std::string W(Lang lang, const std::string& english) { return Word(lang, english); }

std::string Detail(const json& c, Lang lang) {
  std::string type = Str(c, "Type");
  if (type == "network-acl") {
    std::string rule = Str(c, "RuleNumber");
    std::string text = rule.empty() ? ""
                                    : W(lang, "rule") + " " + (rule == "32767" ? "*" : rule) + " " +
                                          W(lang, Str(c, "RuleAction"));
    if (c.contains("Ports")) {
      std::string ports = Range(c["Ports"]);
      text += (text.empty() ? "" : ", ") +
              W(lang, ports.find('-') == std::string::npos ? "port" : "ports") + " " + ports;
    }
    return text + ", " + W(lang, "peer") + " " + Str(c, "Peer");
  }
  if (type == "security-group") {
    std::string text = !c.contains("RuleId") ? ""
                       : lang == Lang::kKo   ? Str(c, "Id") + "의 " + Str(c, "RuleId")
                                             : Str(c, "RuleId") + " in " + Str(c, "Id");
    return text + (text.empty() ? "" : ", ") + W(lang, "peer") + " " + Str(c, "Peer");
  }
  if (type == "internet-gateway") {
    return Str(c, "PrivateIpAddress") + " <-> " +
           (c.contains("PublicIpAddress") ? Str(c, "PublicIpAddress") : W(lang, "no public IP"));
  }
  if (type == "instance") return Str(c, "PrivateIpAddress") + " " + W(lang, Str(c, "State"));
  if (type == "route-table") {
    std::string where = Str(c, "SubnetId") + ": ";
    if (!c.contains("RouteDestination")) {
      return where + W(lang, "no route for") + " " + Str(c, "Destination");
    }
    return where + Str(c, "RouteDestination") + " -> " + Str(c, "Target");
  }
  if (type == "nat-gateway") {
    return Str(c, "PrivateIpAddress") + " <-> " +
           (c.contains("PublicIp") ? Str(c, "PublicIp") : W(lang, "no public IP"));
  }
  return "";
}

std::string Name(const json& c, Lang lang) {
  std::string type = Str(c, "Type");
  if (type == "internet") return W(lang, "internet") + " " + Str(c, "Address");
  if (type == "internet-gateway") {
    return lang == Lang::kKo ? Str(c, "VpcId") + "의 인터넷 게이트웨이"
                             : "internet gateway of " + Str(c, "VpcId");
  }
  return W(lang, type) + " " + Str(c, "Id");
}

// Breaks text into lines of at most `width` characters at spaces.
std::string Wrap(const std::string& text, std::size_t width) {
  std::istringstream words(text);
  std::string word, line, out;
  while (words >> word) {
    if (!line.empty() && line.size() + 1 + word.size() > width) {
      out += line + "\n";
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
  }
  return out + line + "\n";
}

void PrintProbe(const json& r, Lang lang, std::ostream& out) {
  const json& flow = r["Flow"];
  out << W(lang, "Verdict") << ": " << W(lang, Str(r, "Verdict")) << " (" << Str(flow, "Protocol");
  if (flow.contains("Port")) out << " " << W(lang, "port") << " " << Str(flow, "Port");
  if (flow.contains("IcmpType")) out << " " << W(lang, "type") << " " << Str(flow, "IcmpType");
  if (lang == Lang::kKo) {
    out << ", " << Str(flow, "From") << " -> " << Str(flow, "To") << ")\n\n";
  } else {
    out << " from " << Str(flow, "From") << " to " << Str(flow, "To") << ")\n\n";
  }
  std::vector<std::vector<std::string>> rows;
  for (const char* list : {"Components", "ReturnComponents"}) {
    for (const json& c : r[list]) {
      rows.push_back({W(lang, std::string(list) == "Components" ? "forward" : "return"),
                      Name(c, lang), c.contains("Direction") ? W(lang, Str(c, "Direction")) : "-",
                      W(lang, Str(c, "Decision")), Detail(c, lang)});
    }
  }
  if (!rows.empty()) {
    std::vector<std::string> header;
    for (const char* h : {"PATH", "COMPONENT", "DIRECTION", "DECISION", "DETAIL"}) {
      header.push_back(W(lang, h));
    }
    PrintTable(out, header, rows);
    out << "\n";
  }
  if (r.contains("BlockedBy")) {
    const json& b = r["BlockedBy"];
    out << W(lang, "Blocked by") << ": " << W(lang, Str(b, "Type")) << " "
        << (b.contains("Id") ? Str(b, "Id") : Str(b, "Address")) << " (" << Str(b, "Reason")
        << ")\n";
  }
  if (r.contains("RttMs")) out << W(lang, "Round trip") << ": " << Str(r, "RttMs") << " ms\n";
  if (r.contains("Connection")) {
    out << W(lang, "Connection") << " " << Str(r["Connection"], "Name") << ": "
        << W(lang, Str(r["Connection"], "State")) << "\n";
  }
  if (lang == Lang::kKo) {
    // Korean wraps by terminal columns (a syllable takes two).
    for (const std::string& line : lessons::WrapText(Str(r, "Explanation"), 100)) {
      out << line << "\n";
    }
  } else {
    out << Wrap(Str(r, "Explanation"), 100);
  }
}

std::string Listed(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
  return out.empty() ? "none" : out;
}

// The instances (not terminated) whose Name tag is `name`, in the context's region.
Result<std::vector<std::string>> InstancesNamed(Sandbox& sandbox, const std::string& name,
                                                const CallContext& ctx) {
  json filters =
      json::array({{{"Name", "tag:Name"}, {"Values", {name}}},
                   {{"Name", "instance-state-name"},
                    {"Values", {"pending", "running", "stopping", "stopped", "shutting-down"}}}});
  EC2SIM_ASSIGN_OR_RETURN(json found,
                          sandbox.Call("DescribeInstances", {{"Filters", filters}}, ctx));
  std::vector<std::string> ids;
  for (const json& reservation : found.value("Reservations", json::array())) {
    for (const json& instance : reservation.value("Instances", json::array())) {
      ids.push_back(Str(instance, "InstanceId"));
    }
  }
  return ids;
}

// An end of the probe as the user gave it: a name the scenario saved ("web" for ${web}), the
// Name tag of one instance, or else passed on as written (an instance id or an address, which
// the probe itself checks).
Result<std::string> ResolveEnd(const std::string& option, const std::string& text,
                               const FinishedScenario& run, const CallContext& ctx) {
  if (auto saved = run.saved.find(text); saved != run.saved.end()) {
    if (saved->second.is_string()) return saved->second.get<std::string>();
    return MakeError(ErrorCode::kSimInvalidInput,
                     option + " " + text + ": the scenario saved " + saved->second.dump() +
                         " as \"" + text +
                         "\", not one instance id or address (a path with "
                         "[*] or [?...] saves a list; add \"| [0]\" to save its first element)");
  }
  if (text.empty() || text.rfind("i-", 0) == 0 || (text[0] >= '0' && text[0] <= '9')) return text;
  EC2SIM_ASSIGN_OR_RETURN(std::vector<std::string> ids, InstancesNamed(*run.sandbox, text, ctx));
  if (ids.size() == 1) return ids[0];
  std::vector<std::string> names;
  for (const auto& [name, value] : run.saved) names.push_back(name);
  if (ids.empty()) {
    return MakeError(ErrorCode::kSimInvalidInput,
                     option + " " + text +
                         ": not an instance id, an IPv4 address, a name the scenario saved (" +
                         Listed(names) + ") or the Name tag of an instance in " + ctx.region);
  }
  return MakeError(ErrorCode::kSimInvalidInput,
                   option + " " + text + ": " + std::to_string(ids.size()) + " instances in " +
                       ctx.region + " have this Name tag (" + Listed(ids) +
                       "); give the instance id instead");
}

int RunProbe(const ProbeOptions& opts) {
  ScenarioRun run =
      RunScenarioFile(opts.file, /*failed_step_status=*/2, std::cerr, LangFor(opts.lang));
  if (!run.ok()) return run.exit_status;
  const Scenario& scenario = run.finished->scenario;
  CallContext ctx{opts.account.empty() ? scenario.account : opts.account,
                  opts.region.empty() ? scenario.region : opts.region};
  Result<std::string> from = ResolveEnd("--from", opts.from, *run.finished, ctx);
  Result<std::string> to = from.ok() ? ResolveEnd("--to", opts.to, *run.finished, ctx) : from;
  if (!to.ok()) {
    std::cerr << "ec2sim probe: " << to.error().message << "\n";
    return 2;
  }
  json spec = {{"from", *from}, {"to", *to}, {"protocol", opts.protocol}};
  if (opts.port) spec["port"] = *opts.port;
  if (opts.code) spec["code"] = *opts.code;
  if (opts.source_port) spec["source_port"] = *opts.source_port;
  if (!opts.client.empty()) spec["client"] = opts.client;
  if (!opts.access.empty()) spec["access"] = opts.access;
  Lang lang = LangFor(opts.lang);
  if (lang == Lang::kKo) spec["lang"] = "ko";
  Result<json> verdict = run.finished->sandbox->Probe(spec, ctx);
  if (!verdict.ok()) {
    std::cerr << "ec2sim probe: " << AwsCode(verdict.error().code) << ": "
              << verdict.error().message << "\n";
    return 2;
  }
  if (opts.output == "json") {
    std::cout << verdict->dump(2) << "\n";
  } else {
    PrintProbe(*verdict, lang, std::cout);
  }
  return Str(*verdict, "Verdict") == "allowed" ? 0 : 1;
}

}  // namespace

void AddProbeCommand(CLI::App& app, Registry& commands) {
  auto opts = std::make_shared<ProbeOptions>();
  auto* probe = app.add_subcommand(
      "probe",
      "Run a scenario, then ask whether traffic would get through at its end and why "
      "(exit 0 allowed, 1 blocked, 2 invalid input or failed scenario)");
  probe->add_option("scenario", opts->file, "Scenario file (JSON, format 1)")->required();
  probe
      ->add_option("--from", opts->from,
                   "Source: an instance id, an IPv4 address, a name the scenario saved (web "
                   "for ${web}) or an instance's Name tag")
      ->required();
  probe->add_option("--to", opts->to, "Destination: as --from")->required();
  probe->add_option("--protocol", opts->protocol, "tcp, udp, icmp or a protocol number")
      ->required();
  probe->add_option("--port", opts->port, "Destination port (TCP/UDP) or ICMP type");
  probe->add_option("--code", opts->code, "ICMP code (default 0)");
  probe->add_option("--source-port", opts->source_port,
                    "The client's port (default: any of its ephemeral range)");
  probe->add_option("--client", opts->client,
                    "Where the internet end is, for the round-trip time: a city or 'lat,lon' "
                    "(default: next to the instance's region)");
  probe->add_option("--access", opts->access,
                    "The internet end's last mile: fiber (default), cable, dsl or mobile");
  probe->add_option("--region", opts->region,
                    "Region for private addresses (default: the "
                    "scenario's)");
  probe->add_option("--account", opts->account, "Account (default: the scenario's)");
  probe->add_option("--output", opts->output, "table (default) or json")
      ->check(CLI::IsMember({"table", "json"}));
  AddLangOption(probe, opts->lang);
  commands.push_back({probe, [opts] { return RunProbe(*opts); }});
}

}  // namespace ec2sim::cli
