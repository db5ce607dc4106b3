#include "sim/server/shared_world.h"

#include <cstdio>
#include <cstdlib>

#include "sim/model/key_cache.h"
#include "sim/server/journal.h"

namespace ec2sim::server {
namespace {

using nlohmann::json;

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

std::string SharedWorld::CheckOf(const Result<json>& outcome) {
  if (!outcome.ok()) return "!" + std::string(AwsCode(outcome.error().code));
  char hex[9];
  std::snprintf(hex, sizeof hex, "%08x", Crc32(outcome->dump()));
  return hex;
}

SharedWorld::SharedWorld(const SandboxOptions& base, ServerClock& clock, WorldScope scope)
    : base_(base), clock_(clock), scope_(scope) {
  if (!per_account()) slots_[""].sandbox = NewSandbox("", base.start);
}

SharedWorld::~SharedWorld() = default;

std::unique_ptr<Sandbox> SharedWorld::NewSandbox(const std::string& key, SimTime start) {
  SandboxOptions options = base_;
  options.start = start;
  if (auto q = account_quotas_.find(key); q != account_quotas_.end()) options.quotas = q->second;
  if (auto r = account_opt_ins_.find(key); r != account_opt_ins_.end()) {
    options.opted_in_regions.insert(options.opted_in_regions.end(), r->second.begin(),
                                    r->second.end());
  }
  // An account's world draws from a stream of its own, so two learners doing the same steps get
  // different ids and, most likely, different public addresses (each world has its own pool).
  if (!key.empty())
    options.seed = base_.seed ^ (std::uint64_t{Crc32(key)} << 32 | Crc32(key + "#"));
  auto sandbox = std::make_unique<Sandbox>(options);
  sandbox->SetRecorder([this, key](const json& op, const Result<json>& outcome) {
    // Runs inside a Sandbox call, so under mu_.
    Journal(op, &outcome, &key);
  });
  return sandbox;
}

SharedWorld::Slot& SharedWorld::SlotOf(const std::string& account, SimTime start) {
  std::string key = KeyOf(account);
  auto it = slots_.find(key);
  if (it != slots_.end()) return it->second;
  Slot& slot = slots_[key];
  slot.sandbox = NewSandbox(key, start);
  return slot;
}

Sandbox& SharedWorld::Use(const std::string& account) {
  const std::string key = KeyOf(account);
  bool is_new = slots_.count(key) == 0;
  Slot& slot = SlotOf(account, clock_.Now());
  // The record carries the world's own start, so a replay starts it (and its bill) there.
  if (is_new) Journal({{"op", "world"}, {"account", account}}, nullptr, &key);
  CatchUp(slot);
  return *slot.sandbox;
}

void SharedWorld::CatchUp(Slot& slot) {
  Duration lag = TimeOf(slot) - slot.sandbox->Now();
  if (lag > 0) slot.sandbox->Advance(lag);
  // An own clock's distance from the server clock changes as either runs; records carry it.
  if (slot.own) slot.offset = slot.sandbox->Now() - clock_.Now();
}

bool SharedWorld::KnownLocked(const std::string& account) {
  if (access_keys_.count(account) > 0) return true;
  auto it = slots_.find(KeyOf(account));
  if (it == slots_.end()) return false;
  for (const std::string& a : it->second.sandbox->Accounts()) {
    if (a == account) return true;
  }
  return false;
}

void SharedWorld::Journal(json record, const Result<json>* outcome, const std::string* key) {
  if (store_ == nullptr) return;
  // "t" is the server clock's time; an account's world is "o" ahead of it.
  SimTime t = clock_.Now();
  if (key != nullptr) {
    const Slot& slot = slots_.at(*key);
    t = slot.sandbox->Now() - slot.offset;
    if (slot.offset != 0) record["o"] = slot.offset;
  }
  record["t"] = t;
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
    // The shared world is brought to the record's time, as its replay does.
    if (!per_account()) CatchUp(slots_.at(""));
    Journal({{"op", "key"}, {"account", account}, {"access_key", access_key}}, nullptr, nullptr);
  }
  Finish(lock);
}

std::vector<std::pair<std::string, std::vector<std::string>>> SharedWorld::Accounts() {
  std::lock_guard<std::mutex> lock(mu_);
  std::map<std::string, std::vector<std::string>> all;
  for (const auto& [key, slot] : slots_) {
    for (const std::string& account : slot.sandbox->Accounts()) all[account];
  }
  for (const auto& [account, keys] : access_keys_) {
    all[account].assign(keys.begin(), keys.end());
  }
  return {all.begin(), all.end()};
}

void SharedWorld::ResetAll() {
  std::unique_lock<std::mutex> lock(mu_);
  slots_.clear();
  if (!per_account()) slots_[""].sandbox = NewSandbox("", clock_.Now());
  access_keys_.clear();
  Journal({{"op", "reset_all"}}, nullptr, nullptr);
  Finish(lock);
}

bool SharedWorld::Reset(const std::string& account) {
  std::unique_lock<std::mutex> lock(mu_);
  bool had_keys = access_keys_.erase(account) > 0;
  bool had_resources = false;
  if (per_account()) {
    // The whole world goes, its clock offset with it: the account starts afresh.
    auto it = slots_.find(account);
    if (it != slots_.end()) {
      had_resources = !it->second.sandbox->Accounts().empty();
      slots_.erase(it);
    }
    Journal({{"op", "reset_world"}, {"account", account}}, nullptr, nullptr);
  } else {
    // Journaled by the sandbox's recorder; replaying it forgets the keys too.
    had_resources = Use(account).ResetAccount(account);
  }
  Finish(lock);
  return had_keys || had_resources;
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
