#include "sim/server/account_pool.h"

#include <cstdint>

namespace ec2sim::server {
namespace {

std::uint64_t SeedFor(std::uint64_t base, const std::string& account) {
  if (account == kDefaultAccount) return base;
  std::uint64_t h = 14695981039346656037ull;  // FNV-1a 64
  for (unsigned char c : account) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return base ^ h;
}

}  // namespace

AccountPool::AccountPool(const SandboxOptions& base, ServerClock& clock)
    : base_(base), clock_(clock) {}

std::shared_ptr<AccountPool::Entry> AccountPool::Get(const std::string& account, bool create) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = accounts_.find(account);
  if (it != accounts_.end()) return it->second;
  if (!create) return nullptr;
  SandboxOptions options = base_;
  options.start = clock_.Now();
  options.seed = SeedFor(base_.seed, account);
  auto entry = std::make_shared<Entry>();
  entry->sandbox = std::make_unique<Sandbox>(options);
  accounts_.emplace(account, entry);
  return entry;
}

void AccountPool::CatchUp(Sandbox& sandbox) {
  Duration lag = clock_.Now() - sandbox.Now();
  if (lag > 0) sandbox.Advance(lag);
}

void AccountPool::NoteAccessKey(const std::string& account, const std::string& access_key) {
  std::shared_ptr<Entry> entry = Get(account, /*create=*/true);
  std::lock_guard<std::mutex> lock(mu_);
  entry->access_keys.insert(access_key);
}

std::vector<std::pair<std::string, std::vector<std::string>>> AccountPool::Accounts() {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<std::pair<std::string, std::vector<std::string>>> out;
  for (const auto& [account, entry] : accounts_) {
    out.emplace_back(
        account, std::vector<std::string>(entry->access_keys.begin(), entry->access_keys.end()));
  }
  return out;
}

void AccountPool::ResetAll() {
  std::lock_guard<std::mutex> lock(mu_);
  accounts_.clear();
}

bool AccountPool::Reset(const std::string& account) {
  std::lock_guard<std::mutex> lock(mu_);
  return accounts_.erase(account) > 0;
}

}  // namespace ec2sim::server
