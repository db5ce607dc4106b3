// `ec2sim run FILE...`: run scenario files, each in a fresh Sandbox, or with --endpoint URL on a
// running `ec2sim serve`.
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ec2sim/scenario.h"
#include "sim/cli/commands.h"
#include "sim/cli/lang.h"
#include "sim/cli/remote.h"
#include "sim/cli/scenario_run.h"
#include "sim/client/connector.h"
#include "sim/client/endpoint.h"
#include "sim/lessons/learner_key.h"
#include "sim/scenario/files.h"

namespace ec2sim::cli {
namespace {

struct RunArgs {
  std::vector<std::string> files;
  std::string output = "table";
  std::string endpoint;
  std::string access_key;
  std::string profile;
  std::string account;
  std::string lang;  // "" = from the locale
  bool verbose = false;
  bool quiet = false;

  TranscriptDetail detail() const {
    if (quiet) return TranscriptDetail::kQuiet;
    return verbose ? TranscriptDetail::kVerbose : TranscriptDetail::kTeaching;
  }
};

// A server keeps one world with its own options; says which of the scenario's it cannot apply.
void NoteIgnoredOptions(const Scenario& scenario, const client::HttpBackend& server) {
  const SandboxOptions defaults;
  const SandboxOptions& asked = scenario.options;
  std::string ignored;
  auto add = [&ignored](const std::string& what) {
    ignored += (ignored.empty() ? "" : ", ") + what;
  };
  if (asked.seed != defaults.seed) add("seed " + std::to_string(asked.seed));
  if (asked.start != defaults.start) add("start " + FormatIsoTime(asked.start));
  std::string timing = asked.timing == Timing::kInstant ? "instant" : "realistic";
  if (timing != server.timing())
    add("timing " + timing + " (the server's is " + server.timing() + ")");
  if (asked.pricing != defaults.pricing) add("pricing legacy-eip");
  if (asked.free_tier != defaults.free_tier) add("free_tier true");
  if (asked.accept_unknown_images != defaults.accept_unknown_images) {
    add("accept_unknown_images true (ec2sim serve --accept-unknown-images)");
  }
  if (asked.quotas != defaults.quotas) {
    add("quotas (ec2sim serve --vcpu-quota N --elastic-ip-quota N)");
  }
  if (asked.opted_in_regions != defaults.opted_in_regions) {
    std::string regions;
    for (const std::string& r : asked.opted_in_regions) regions += (regions.empty() ? "" : ",") + r;
    add("opt_in_regions " + regions + " (ec2sim serve --opt-in " + regions + ")");
  }
  if (ignored.empty()) return;
  std::cerr << "ec2sim run: " << scenario.file << ": " << server.endpoint()
            << " keeps its own world, so these options of the file do not apply: " << ignored
            << "\n";
}

// The server's backend and the account scenarios run in: --account, else the account of the
// key the AWS CLI would use (--access-key, --profile, the environment, the credentials file).
// With none of them and no key configured, each scenario runs in its own accounts.
Result<std::unique_ptr<client::HttpBackend>> OpenServer(const RunArgs& args,
                                                        client::RemoteConnector& remote,
                                                        std::optional<std::string>& account) {
  if (!args.account.empty()) {
    if (!client::IsAccountId(args.account)) {
      return MakeError(ErrorCode::kSimInvalidInput,
                       "an account id is 12 digits, got '" + args.account + "'");
    }
    account = args.account;
    return remote.ForAnyAccount(args.endpoint);
  }
  Result<lessons::LearnerKey> key =
      lessons::FindLearnerKey(args.access_key, args.profile, Getenv, ReadWholeFile);
  if (!key.ok()) {
    if (!args.access_key.empty() || !args.profile.empty()) return std::move(key).error();
    return remote.ForAnyAccount(args.endpoint);
  }
  EC2SIM_ASSIGN_OR_RETURN(std::unique_ptr<client::HttpBackend> backend,
                          remote.ForAccessKey(args.endpoint, key->key));
  account = backend->account();
  return backend;
}

int RunOnServer(const RunArgs& args) {
  client::RemoteConnector remote(SigningOptions(args.profile, ""));
  std::optional<std::string> account;
  Result<std::unique_ptr<client::HttpBackend>> opened = OpenServer(args, remote, account);
  if (!opened.ok()) {
    std::cerr << "ec2sim: " << args.endpoint << ": " << opened.error().message << "\n";
    return 2;
  }
  std::shared_ptr<client::HttpBackend> server = std::move(*opened);
  ScenarioFilesSummary summary = scenario::RunScenarioFilesWith(
      args.files, args.output == "json", std::cout, std::cerr,
      [&server](std::string_view action) { return server->HasAction(action); },
      [&server, &account](Scenario& sc) -> std::shared_ptr<Backend> {
        if (account) sc.account = *account;
        NoteIgnoredOptions(sc, *server);
        return server;
      },
      args.detail(), LangFor(args.lang));
  return RunExitStatus(summary);
}

}  // namespace

void AddRunCommand(CLI::App& app, Registry& commands) {
  auto args = std::make_shared<RunArgs>();
  auto* run = app.add_subcommand("run", "Run scenario files and print their transcript");
  run->add_option("files", args->files, "Scenario files (JSON, format 1)")->required();
  run->add_option("--output", args->output, "text transcript (table) or json report")
      ->check(CLI::IsMember({"table", "text", "json"}));
  CLI::Option* verbose =
      run->add_flag("--verbose", args->verbose,
                    "Also print each step's whole result as JSON, and saved values in full");
  run->add_flag("--quiet", args->quiet,
                "Only one line per step and PASS/FAIL: no saved values, facts or closing summary")
      ->excludes(verbose);
  run->add_option("--endpoint", args->endpoint,
                  "Run on a running `ec2sim serve` at this URL instead of a fresh Sandbox");
  CLI::Option* key_opt = run->add_option(
      "--access-key", args->access_key,
      "With --endpoint: the access key whose account runs the scenarios (default: as the AWS "
      "CLI finds it)");
  run->add_option("--profile", args->profile,
                  "With --endpoint: AWS CLI profile whose key and secret to use (signs the "
                  "requests)");
  run->add_option("--account", args->account, "With --endpoint: the account id to run in")
      ->excludes(key_opt);
  AddLangOption(run, args->lang);
  commands.push_back(
      {run, [args] {
         if (!args->endpoint.empty()) return RunOnServer(*args);
         if (!args->access_key.empty() || !args->profile.empty() || !args->account.empty()) {
           std::cerr << "ec2sim run: --access-key, --profile and --account "
                        "need --endpoint\n";
           return 2;
         }
         return RunExitStatus(RunScenarioFiles(args->files, args->output == "json", std::cout,
                                               std::cerr, args->detail(), LangFor(args->lang)));
       }});
}

}  // namespace ec2sim::cli
