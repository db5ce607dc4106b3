// `ec2sim serve`: the EC2 Query API on a local port for the AWS CLI, boto3 and the SDKs.
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "sim/cli/commands.h"
#include "sim/cli/serve_latency_map.h"
#include "sim/cli/serve_lessons.h"
#include "sim/model/regions.h"
#include "sim/server/api_server.h"

namespace ec2sim::cli {
namespace {

struct ServeArgs {
  std::string host = "127.0.0.1";
  int port = 4566;
  std::string region = "us-east-1";
  std::string timing = "instant";
  std::string clock = "wall";
  std::int64_t speed = 1;
  std::uint64_t seed = 1;
  std::string start;  // empty: the host's time with the wall clock, kManualStart with manual
  bool accept_unknown_images = false;
  int vcpu_quota = AccountQuotas{}.vcpus;
  int elastic_ip_quota = AccountQuotas{}.elastic_ips;
  std::string ready_file;           // written once the port is bound: {"url": ..., "port": ...}
  std::vector<std::string> opt_in;  // opt-in regions every account has enabled
  bool quiet = false;
  std::string users;  // classroom mode's users file; empty: open mode
  std::string state;  // durable state directory; empty: in memory only
  std::uint64_t compact_every = 10000;
  bool no_response_cache = false;
  std::size_t cache_account_mib = 8;
  std::size_t cache_total_mib = 64;
  int max_connections_per_address = 256;
  int max_connections = 4096;
};

// Reads and checks the users file. Prints "FILE: reason" and returns null when it is unusable.
std::shared_ptr<const server::UserDirectory> LoadUsers(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << "ec2sim serve: " << path << ": cannot read the users file\n";
    return nullptr;
  }
  std::stringstream text;
  text << in.rdbuf();
  Result<server::UserDirectory> users = server::ParseUsersFile(text.str());
  if (!users.ok()) {
    std::cerr << "ec2sim serve: " << path << ": " << users.error().message << "\n";
    return nullptr;
  }
  return std::make_shared<const server::UserDirectory>(std::move(users).value());
}

// The ready file: JSON written to a temporary file and renamed, so a reader that sees the file
// sees all of it.
bool WriteReadyFile(const std::string& path, const std::string& host, int port) {
  std::string url_host = host.find(':') != std::string::npos ? "[" + host + "]" : host;
  if (host == "0.0.0.0") url_host = "127.0.0.1";
  if (host == "::") url_host = "[::1]";
  std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return false;
    out << "{\"url\": \"http://" << url_host << ":" << port << "\", \"port\": " << port
        << ", \"pid\": " << getpid() << "}\n";
    if (!out.flush()) return false;
  }
  return std::rename(tmp.c_str(), path.c_str()) == 0;
}

// A manual clock's default start: fixed, so a manual server's answers repeat from run to run.
constexpr const char* kManualStart = "2026-01-01T00:00:00Z";

// Where simulated time starts: --start when given; otherwise a wall clock starts at the host's
// time (to the second), so LaunchTimes are as recent as on AWS and code under test that cleans
// up by age sees real ages, and a manual clock starts at kManualStart.
Result<SimTime> StartTime(const ServeArgs& args) {
  if (!args.start.empty()) return ParseIsoTime(args.start);
  if (args.clock == "manual") return ParseIsoTime(kManualStart);
  return server::ServerClock::HostMs() / 1000 * 1000;
}

int RunServe(const ServeArgs& args) {
  Result<SimTime> start = StartTime(args);
  if (!start.ok()) {
    std::cerr << "ec2sim serve: --start: " << start.error().message << "\n";
    return 2;
  }
  server::ServerOptions options;
  options.host = args.host;
  options.port = args.port;
  options.region = args.region;
  options.sandbox.seed = args.seed;
  options.sandbox.start = *start;
  options.start_pinned = !args.start.empty() || args.clock == "manual";
  options.sandbox.accept_unknown_images = args.accept_unknown_images;
  options.sandbox.quotas.vcpus = args.vcpu_quota;
  options.sandbox.quotas.elastic_ips = args.elastic_ip_quota;
  options.sandbox.opted_in_regions = args.opt_in;
  options.sandbox.timing = args.timing == "realistic" ? Timing::kRealistic : Timing::kInstant;
  options.clock = args.clock == "manual" ? server::ClockMode::kManual : server::ClockMode::kWall;
  options.speed = args.speed;
  options.quiet = args.quiet;
  options.state_dir = args.state;
  options.compact_every = args.compact_every;
  options.response_cache = !args.no_response_cache;
  options.response_cache_limits.per_account_bytes = args.cache_account_mib << 20;
  options.response_cache_limits.total_bytes = args.cache_total_mib << 20;
  options.max_connections_per_address = args.max_connections_per_address;
  options.max_connections = args.max_connections;
  options.lessons = BuiltInLessonGuide();
  options.latency_map = BuiltInLatencyMap();
  if (!args.users.empty()) {
    options.users = LoadUsers(args.users);
    if (options.users == nullptr) return 2;
  }

  // SIGINT and SIGTERM are taken by one thread that stops the server, so the workers finish
  // their requests and the process exits normally. The mask is set before any thread starts.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  server::ApiServer api(options);
  if (Status loaded = api.LoadState(); !loaded.ok()) {
    std::cerr << "ec2sim serve: --state: " << loaded.error().message << "\n";
    return 2;
  }
  Result<int> port = api.Bind();
  if (!port.ok()) {
    std::cerr << "ec2sim serve: " << port.error().message << "\n";
    return 1;
  }
  // Before the stdout line, so a reader of either finds the other done.
  if (!args.ready_file.empty() && !WriteReadyFile(args.ready_file, args.host, *port)) {
    std::cerr << "ec2sim serve: --ready-file: cannot write " << args.ready_file << "\n";
    api.Stop();
    return 1;
  }
  // Tests and scripts read the port from this line (useful with --port 0).
  std::printf("ec2sim serve: listening on http://%s:%d (region %s, %s timing, %s clock)\n",
              args.host.c_str(), *port, args.region.c_str(), args.timing.c_str(),
              args.clock.c_str());
  std::fflush(stdout);
  if (options.users == nullptr) {
    std::fprintf(stderr,
                 "ec2sim serve: open mode, no authentication: any access key is accepted and "
                 "maps to its own account (--users FILE for classroom mode)\n");
  } else {
    std::size_t admins = 0;
    for (const server::User& u : options.users->users()) admins += u.admin ? 1 : 0;
    std::fprintf(
        stderr,
        "ec2sim serve: classroom mode: %zu users (%zu with admin rights); every request must be "
        "signed with AWS Signature Version 4\n",
        options.users->size(), admins);
  }

  std::thread waiter([&api, &stop_signals] {
    int signal_number = 0;
    sigwait(&stop_signals, &signal_number);
    api.Stop();
  });
  api.Run();
  // Run() also ends if the listening socket fails; wake the waiter so it can be joined.
  pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  std::fprintf(stderr, "ec2sim serve: stopped\n");
  return 0;
}

}  // namespace

void AddServeCommand(CLI::App& app, Registry& commands) {
  auto args = std::make_shared<ServeArgs>();
  CLI::App* cmd = app.add_subcommand(
      "serve", "Serve the EC2 Query API (aws --endpoint-url http://127.0.0.1:4566 ec2 ...)");
  cmd->add_option("--host", args->host, "Address to listen on")->capture_default_str();
  cmd->add_option("--port", args->port, "Port to listen on; 0 picks a free one")
      ->capture_default_str()
      ->check(CLI::Range(0, 65535));
  cmd->add_option("--region", args->region, "Region for requests whose signature names none")
      ->capture_default_str();
  cmd->add_option("--timing", args->timing,
                  "instant: state changes complete before the next request; realistic: they "
                  "take simulated seconds")
      ->capture_default_str()
      ->check(CLI::IsMember({"instant", "realistic"}));
  cmd->add_option("--clock", args->clock,
                  "wall: simulated time follows the wall clock (times --speed); manual: it moves "
                  "only through POST /_ec2sim/clock")
      ->capture_default_str()
      ->check(CLI::IsMember({"wall", "manual"}));
  cmd->add_option("--speed", args->speed, "Simulated seconds per wall second (wall clock)")
      ->capture_default_str()
      ->check(CLI::Range(std::int64_t{1}, std::int64_t{1000000}));
  cmd->add_option("--seed", args->seed, "Seed of the simulated world")->capture_default_str();
  cmd->add_option("--start", args->start,
                  "Simulated time at start (ISO 8601, UTC); default: the host's current time "
                  "with --clock wall, 2026-01-01T00:00:00Z with --clock manual");
  cmd->add_flag("--accept-unknown-images", args->accept_unknown_images,
                "Launch a well-formed image id the catalog lacks as a generic Linux image "
                "instead of answering InvalidAMIID.NotFound as AWS does (for test suites that "
                "launch made-up ids)");
  cmd->add_option("--vcpu-quota", args->vcpu_quota,
                  "vCPUs of running On-Demand instances each account may hold per region "
                  "(VcpuLimitExceeded beyond; a users file may set a user's own)")
      ->capture_default_str()
      ->check(CLI::Range(0, kMaxAccountQuota));
  cmd->add_option("--elastic-ip-quota", args->elastic_ip_quota,
                  "Elastic IP addresses each account may hold per region (AddressLimitExceeded "
                  "beyond)")
      ->capture_default_str()
      ->check(CLI::Range(0, kMaxAccountQuota));
  cmd->add_option(
      "--ready-file", args->ready_file,
      "Once listening, write {\"url\": ..., \"port\": N, \"pid\": N} as JSON to this file "
      "(written whole, then renamed into place), for test harnesses using --port 0");
  cmd->add_option("--opt-in", args->opt_in,
                  "Opt-in regions (launched after 2019-03-20, e.g. ap-east-1) every account has "
                  "enabled, comma-separated; the others answer AuthFailure as in a new AWS "
                  "account")
      ->delimiter(',')
      ->check(CLI::Validator(
          [](std::string& code) -> std::string {
            const model::RegionInfo* region = model::FindRegion(code);
            if (region == nullptr) return "unknown region " + code;
            if (!region->opt_in) return code + " is enabled by default and needs no opting in";
            return "";
          },
          "REGION"));
  cmd->add_flag("--quiet", args->quiet, "Do not log one line per request on stderr");
  cmd->add_flag("--no-response-cache", args->no_response_cache,
                "Render every Describe answer afresh (to measure rendering; answers are the same)");
  cmd->add_option("--response-cache-account-mib", args->cache_account_mib,
                  "Bytes of cached Describe answers one account may hold, in MiB")
      ->capture_default_str()
      ->check(CLI::Range(std::size_t{0}, std::size_t{1} << 20));
  cmd->add_option("--response-cache-total-mib", args->cache_total_mib,
                  "Bytes of cached Describe answers every account together may hold, in MiB")
      ->capture_default_str()
      ->check(CLI::Range(std::size_t{0}, std::size_t{1} << 20));
  cmd->add_option("--users", args->users,
                  "Classroom mode: JSON file of users (access key, secret, account, admin); "
                  "every request must then be SigV4-signed by one of them");
  cmd->add_option("--state", args->state,
                  "Directory that keeps the state across restarts (journal and snapshot; "
                  "created if missing)");
  cmd->add_option("--compact-every", args->compact_every,
                  "With --state: compact the journal into the snapshot every N records")
      ->capture_default_str()
      ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{1} << 40));
  cmd->add_option("--max-connections-per-address", args->max_connections_per_address,
                  "Open connections one client address may hold; more are closed at once")
      ->capture_default_str()
      ->check(CLI::Range(1, 1 << 20));
  cmd->add_option("--max-connections", args->max_connections,
                  "Open connections in all (also kept below the open-file limit)")
      ->capture_default_str()
      ->check(CLI::Range(1, 1 << 20));
  commands.push_back({cmd, [args] { return RunServe(*args); }});
}

}  // namespace ec2sim::cli
