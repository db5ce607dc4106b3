// `ec2sim clock [advance DURATION | set TIME] --endpoint URL`: read or move the simulated clock
// of a running `ec2sim serve` with a signed request. On a classroom server every account has a
// clock of its own: a learner moves only theirs, an admin the server clock (every account) or,
// with --account, one account's (docs/server.md, "Each learner's own clock").
#include <iostream>
#include <memory>
#include <string>

#include "ec2sim/sim_time.h"
#include "sim/cli/commands.h"
#include "sim/cli/remote.h"
#include "sim/client/admin_client.h"
#include "sim/client/endpoint.h"
#include "sim/engine/terminal_text.h"

namespace ec2sim::cli {
namespace {

using nlohmann::json;

struct ClockArgs {
  std::string endpoint;
  std::string profile;
  std::string access_key;
  std::string secret_key;
  std::string account;
  std::string region;
  std::string value;  // the duration of `advance` or the time of `set`
  std::string output = "text";
};

// Signs with --access-key and --secret-key when given, else as the AWS CLI would (--profile,
// the environment, the credentials file); unsigned when no secret is found (open servers).
client::RemoteOptions OptionsOf(const ClockArgs& args) {
  if (args.access_key.empty()) return SigningOptions(args.profile, args.region);
  client::RemoteOptions options;
  options.access_key_id = args.access_key;
  options.secret_access_key = args.secret_key;
  options.region = args.region.empty() ? "us-east-1" : args.region;
  return options;
}

void Print(const json& answer, const ClockArgs& args) {
  if (args.output == "json") {
    std::cout << answer.dump(2) << "\n";
    return;
  }
  // Values come from a server: escaped, so none can carry terminal control sequences.
  auto text = [&answer](const char* key) {
    return engine::ForTerminal(client::StringMember(answer, key).value_or("-"));
  };
  std::cout << text("time");
  if (auto account = client::StringMember(answer, "account")) {
    Duration offset = answer.value("offset_ms", Duration{0});
    std::cout << "  (account " << engine::ForTerminal(*account) << "'s own clock, "
              << FormatDuration(offset) << " ahead of the server clock " << text("server_time")
              << ")";
  } else {
    std::cout << "  (the server clock, which every account follows)";
  }
  std::cout << "\n";
}

int RunClock(const ClockArgs& args, const std::string& verb) {
  auto fail = [](const std::string& message) {
    std::cerr << "ec2sim clock: " << message << "\n";
    return 2;
  };
  Result<std::string> endpoint = client::NormalizeEndpoint(args.endpoint);
  if (!endpoint.ok()) return fail(endpoint.error().message);
  if (!args.account.empty() && !client::IsAccountId(args.account)) {
    return fail("an account id is 12 digits, got '" + engine::ForTerminal(args.account) + "'");
  }
  client::AdminClient server(*endpoint, OptionsOf(args));
  if (Status verified = server.Verify(); !verified.ok()) return fail(verified.error().message);
  std::string target = "/_ec2sim/clock" + (args.account.empty() ? "" : "?account=" + args.account);
  Result<json> answer = MakeError(ErrorCode::kSimInvalidInput, "no verb");
  if (verb == "show") {
    answer = server.Get(target);
  } else if (verb == "advance") {
    if (Result<Duration> d = ParseDuration(args.value); !d.ok()) return fail(d.error().message);
    answer = server.Post(target, {{"advance", args.value}});
  } else {
    if (Result<SimTime> t = ParseIsoTime(args.value); !t.ok()) return fail(t.error().message);
    answer = server.Post(target, {{"to", args.value}});
  }
  if (!answer.ok()) return fail(*endpoint + ": " + answer.error().message);
  Print(*answer, args);
  return 0;
}

void Options(CLI::App* cmd, ClockArgs& args) {
  cmd->add_option("--endpoint", args.endpoint, "URL of a running `ec2sim serve`")->required();
  cmd->add_option("--profile", args.profile,
                  "AWS CLI profile whose key and secret sign the request");
  CLI::Option* key = cmd->add_option("--access-key", args.access_key,
                                     "Access key to sign with (with --secret-key)");
  CLI::Option* secret = cmd->add_option("--secret-key", args.secret_key, "Secret key to sign with");
  key->needs(secret);
  secret->needs(key);
  cmd->add_option("--account", args.account,
                  "Admins: the account whose own clock to read or move (default: the server "
                  "clock)");
  cmd->add_option("--region", args.region, "Region in the signature (default: as the AWS CLI)");
  cmd->add_option("--output", args.output, "text or json")->check(CLI::IsMember({"text", "json"}));
}

}  // namespace

void AddClockCommand(CLI::App& app, Registry& commands) {
  auto args = std::make_shared<ClockArgs>();
  CLI::App* clock = app.add_subcommand(
      "clock", "Read or move the simulated clock of a running `ec2sim serve` (signed)");
  Options(clock, *args);
  CLI::App* advance = clock->add_subcommand("advance", "Move the clock forward, e.g. 1d or 90s");
  advance->add_option("DURATION", args->value, "How far: 90s, 30m, 12h, 1d ...")->required();
  CLI::App* set = clock->add_subcommand("set", "Move the clock forward to a time");
  set->add_option("TIME", args->value, "ISO 8601 time, e.g. 2026-01-02T00:00:00Z")->required();
  clock->require_subcommand(0, 1);
  // The options may follow the verb: `ec2sim clock advance 1d --endpoint URL`.
  advance->fallthrough();
  set->fallthrough();
  commands.push_back(
      {clock, [args, advance, set] {
         std::string verb = advance->parsed() ? "advance" : set->parsed() ? "set" : "show";
         return RunClock(*args, verb);
       }});
}

}  // namespace ec2sim::cli
