#include "sim/server/shared_world.h"

#include <cstdio>
#include <cstdlib>

#include "sim/model/key_cache.h"
#include "sim/server/journal.h"

namespace ec2sim::server {
namespace {

using nlohmann::json;

// A short fingerprint of an outcome, kept in its record so that a replay that comes out
// differently is noticed: the AWS code of an error, or the CRC-32 of the result's JSON.
std::string CheckOf(const Result<json>& outcome) {
  if (!outcome.ok()) return "!" + std::string(AwsCode(outcome.error().code));
  char hex[9];
  std::snprintf(hex, sizeof hex, "%08x", Crc32(outcome->dump()));
  return hex;
}

// Exit status of a server that stopped because its journal could not be written.
constexpr int kJournalFailureExit = 3;

[[noreturn]] void StopForJournal(const std::string& dir, const Error& error) {
  // Other threads may be answering requests; exit at once, acknowledging nothing more. What is
  // on disk is a valid prefix of what happened, and a restart replays it.
  std::fprintf(stderr,
               "ec2sim serve: cannot write the journal in %s (%s); stopping so that no change "
               "is acknowledged that a restart would not find\n",
               dir.c_str(), error.message.c_str());
  std::fflush(stderr);
  std::_Exit(kJournalFailureExit);
}

}  // namespace

SharedWorld::SharedWorld(const SandboxOptions& base, ServerClock& clock)
    : base_(base), clock_(clock), sandbox_(NewSandbox(base.start)) {}

SharedWorld::~SharedWorld() = default;

std::unique_ptr<Sandbox> SharedWorld::NewSandbox(SimTime start) {
  SandboxOptions options = base_;
  options.start = start;
  auto sandbox = std::make_unique<Sandbox>(options);
  sandbox->SetRecorder([this](const json& op, const Result<json>& outcome) {
    // Runs inside a Sandbox call, so under mu_.
    Journal(op, &outcome);
  });
  return sandbox;
}

void SharedWorld::CatchUp() {
  Duration lag = clock_.Now() - sandbox_->Now();
  if (lag > 0) sandbox_->Advance(lag);
}

bool SharedWorld::KnownLocked(const std::string& account) {
  if (access_keys_.count(account) > 0) return true;
  for (const std::string& a : sandbox_->Accounts()) {
    if (a == account) return true;
  }
  return false;
}

void SharedWorld::Journal(json record, const Result<json>* outcome) {
  if (store_ == nullptr) return;
  record["t"] = sandbox_->Now();
  if (clock_.mode() == ClockMode::kWall) record["w"] = ServerClock::HostMs();
  if (outcome != nullptr) record["check"] = CheckOf(*outcome);
  Result<std::uint64_t> n = store_->Append(std::move(record));
  if (!n.ok()) StopForJournal(store_->dir(), n.error());
  journaled_ = *n;
}

void SharedWorld::Finish(std::unique_lock<std::mutex>& lock) {
  if (store_ == nullptr) return;
  if (store_->WantsCompaction()) {
    Status compacted = store_->Compact();
    if (!compacted.ok()) {
      if (store_->broken()) StopForJournal(store_->dir(), compacted.error());
      std::fprintf(stderr, "ec2sim serve: compaction failed, the journal keeps growing: %s\n",
                   compacted.error().message.c_str());
    }
  }
  std::uint64_t wait_for = journaled_;
  lock.unlock();
  // Reads wait too: what they saw must survive a crash as well.
  Status synced = store_->SyncTo(wait_for);
  if (!synced.ok()) StopForJournal(store_->dir(), synced.error());
}

void SharedWorld::NoteAccessKey(const std::string& account, const std::string& access_key) {
  std::unique_lock<std::mutex> lock(mu_);
  if (access_keys_[account].insert(access_key).second) {
    CatchUp();
    Journal({{"op", "key"}, {"account", account}, {"access_key", access_key}}, nullptr);
  }
  Finish(lock);
}

std::vector<std::pair<std::string, std::vector<std::string>>> SharedWorld::Accounts() {
  std::lock_guard<std::mutex> lock(mu_);
  std::map<std::string, std::vector<std::string>> all;
  for (const std::string& account : sandbox_->Accounts()) all[account];
  for (const auto& [account, keys] : access_keys_) {
    all[account].assign(keys.begin(), keys.end());
  }
  return {all.begin(), all.end()};
}

void SharedWorld::ResetAll() {
  std::unique_lock<std::mutex> lock(mu_);
  sandbox_ = NewSandbox(clock_.Now());
  access_keys_.clear();
  Journal({{"op", "reset_all"}}, nullptr);
  Finish(lock);
}

bool SharedWorld::Reset(const std::string& account) {
  std::unique_lock<std::mutex> lock(mu_);
  CatchUp();
  bool had_keys = access_keys_.erase(account) > 0;
  // Journaled by the sandbox's recorder; replaying it forgets the keys too.
  bool had_resources = sandbox_->ResetAccount(account);
  Finish(lock);
  return had_keys || had_resources;
}

Status SharedWorld::AdvanceClock(Duration d) {
  std::unique_lock<std::mutex> lock(mu_);
  clock_.Advance(d);
  CatchUp();
  Journal({{"op", "clock"}}, nullptr);
  Finish(lock);
  return OkStatus();
}

Status SharedWorld::SetClock(SimTime t) {
  std::unique_lock<std::mutex> lock(mu_);
  EC2SIM_RETURN_IF_ERROR(clock_.AdvanceTo(t));
  CatchUp();
  Journal({{"op", "clock"}}, nullptr);
  Finish(lock);
  return OkStatus();
}

Status SharedWorld::Restore(StateStore& store, std::vector<std::string>& notes) {
  std::unique_lock<std::mutex> lock(mu_);
  last_time_ = sandbox_->Now();
  EC2SIM_RETURN_IF_ERROR(store.Replay([&](const json& record) { Apply(record, notes); }, notes));
  if (divergences_ > 1) {
    notes.push_back(std::to_string(divergences_) +
                    " replayed records in all came out differently from their first run");
  }
  clock_.Resume(last_time_, last_wall_);
  store_ = &store;
  journaled_ = store.last_n();
  return OkStatus();
}

void SharedWorld::Apply(const json& record, std::vector<std::string>& notes) {
  SimTime t = record.value("t", SimTime{0});
  std::string op = record.value("op", "");
  last_wall_ = record.contains("w") ? record.value("w", std::int64_t{-1}) : -1;
  if (op == "reset_all") {
    sandbox_ = NewSandbox(t);
    access_keys_.clear();
  } else if (t > sandbox_->Now()) {
    sandbox_->Advance(t - sandbox_->Now());
  }
  if (t > last_time_) last_time_ = t;
  std::string account = record.value("account", "");
  Result<json> outcome = json(nullptr);
  if (op == "key") {
    access_keys_[account].insert(record.value("access_key", ""));
    return;
  }
  if (op == "reset_all" || op == "clock") return;
  if (op == "reset_account") access_keys_.erase(account);
  outcome = sandbox_->Replay(record);
  if (record.contains("check") && record["check"] != CheckOf(outcome)) {
    // The simulation should be deterministic; say so loudly if it was not.
    if (divergences_++ == 0) {
      notes.push_back("record " + std::to_string(record.value("n", std::uint64_t{0})) + " (" + op +
                      " " + record.value("action", "") + " for " + account +
                      ") came out differently on replay: recorded " + record["check"].dump() +
                      ", now " + CheckOf(outcome));
    }
  }
}

void SharedWorld::PrepareKeyPair(const CallContext& ctx, const nlohmann::json& input) {
  // An RSA key takes about 200 ms to make; under the world's lock that stalls every account.
  // The key derives from the world's next random value: read it under the lock (cheap), make the
  // key outside, and the call finds it in the key cache. Should another call draw first, the
  // call makes its own key under the lock, as it always did; the answer is the same either way.
  // ED25519 keys take microseconds and are left to the call.
  auto text = [&input](const char* name, const char* absent) {
    auto it = input.find(name);
    return it == input.end() ? std::string(absent)
                             : (it->is_string() ? it->get<std::string>() : std::string());
  };
  const std::string name = text("KeyName", "");
  const std::string type = text("KeyType", "rsa");
  const std::string format = text("KeyFormat", "pem");
  if (name.empty() || type != "rsa" || (format != "pem" && format != "ppk")) return;
  const std::uint64_t seed = With(ctx.account, [&ctx](Sandbox& s) {
    // The call's first use of a region creates the account's default VPC there, drawing ids
    // before the key's seed. Opening the region now (a catalog action: cheap, and a no-op once
    // open) draws them first, in the same order, so the peeked value is the key's.
    (void)s.Call("DescribeRegions", nlohmann::json::object(), ctx);
    return s.PeekRandom();
  });
  (void)model::KeyPairFor({model::KeyType::kRsa,
                           format == "pem" ? model::KeyFormat::kPem : model::KeyFormat::kPpk, seed,
                           name});
}

}  // namespace ec2sim::server
