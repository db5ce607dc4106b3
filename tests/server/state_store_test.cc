// The state directory: records survive a restart, compaction keeps only what replay needs, and
// the server's world rebuilt from it is identical.
#include "sim/server/state_store.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "sim/server/server_clock.h"
#include "sim/server/shared_world.h"

namespace ec2sim::server {
namespace {

using nlohmann::json;

class StateStoreTest : public ::testing::Test {
 protected:
  StateStoreTest() {
    std::string pattern = (std::filesystem::temp_directory_path() / "ec2sim-test-XXXXXX").string();
    dir_ = mkdtemp(pattern.data());
  }
  ~StateStoreTest() override { std::filesystem::remove_all(dir_); }

  std::unique_ptr<StateStore> Open(std::uint64_t compact_every = 1000) {
    Result<std::unique_ptr<StateStore>> store = StateStore::Open(dir_, options_, compact_every);
    EXPECT_TRUE(store.ok()) << store.error().message;
    return store.ok() ? std::move(store).value() : nullptr;
  }
  // Opens the directory and returns every record replayed from it.
  std::vector<json> Replayed(std::vector<std::string>* notes = nullptr) {
    std::unique_ptr<StateStore> store = Open();
    std::vector<json> out;
    std::vector<std::string> ignored;
    EXPECT_TRUE(store
                    ->Replay([&out](const json& r) { out.push_back(r); },
                             notes != nullptr ? *notes : ignored)
                    .ok());
    return out;
  }

  std::string dir_;
  SandboxOptions options_{.seed = 7, .timing = Timing::kInstant};
};

std::vector<std::string> Ops(const std::vector<json>& records) {
  std::vector<std::string> ops;
  for (const json& r : records)
    ops.push_back(r["op"].get<std::string>() + std::to_string(r["n"].get<int>()));
  return ops;
}

TEST_F(StateStoreTest, RecordsComeBackInOrderAfterARestart) {
  {
    std::unique_ptr<StateStore> store = Open();
    EXPECT_TRUE(store->is_new());
    std::vector<std::string> notes;
    ASSERT_TRUE(
        store->Replay([](const json&) { FAIL() << "a new directory has no records"; }, notes).ok());
    for (const char* op : {"clock", "call", "key"}) {
      Result<std::uint64_t> n = store->Append({{"op", op}});
      ASSERT_TRUE(n.ok());
      ASSERT_TRUE(store->SyncTo(*n).ok());
    }
  }
  EXPECT_EQ(Ops(Replayed()), (std::vector<std::string>{"clock1", "call2", "key3"}));
  EXPECT_FALSE(Open()->is_new());
}

TEST_F(StateStoreTest, TheWorldOptionsAreTheDirectorysNotTheCommandLines) {
  {
    std::vector<std::string> notes;
    ASSERT_TRUE(Open()->Replay([](const json&) {}, notes).ok());
  }
  options_.seed = 99;
  EXPECT_EQ(Open()->world_options().seed, 7u);
}

TEST_F(StateStoreTest, ASecondServerCannotOpenTheSameDirectory) {
  std::unique_ptr<StateStore> first = Open();
  Result<std::unique_ptr<StateStore>> second = StateStore::Open(dir_, options_, 1000);
  ASSERT_FALSE(second.ok());
  EXPECT_NE(second.error().message.find("another ec2sim serve"), std::string::npos);
}

TEST_F(StateStoreTest, CompactionKeepsWhatFollowsTheLastFullResetWithClockRunsMerged) {
  {
    std::unique_ptr<StateStore> store = Open(/*compact_every=*/7);
    std::vector<std::string> notes;
    ASSERT_TRUE(store->Replay([](const json&) {}, notes).ok());
    for (const char* op : {"call", "clock", "reset_all", "clock", "clock", "call", "clock"}) {
      ASSERT_TRUE(store->Append({{"op", op}}).ok());
    }
    ASSERT_TRUE(store->WantsCompaction());
    ASSERT_TRUE(store->Compact().ok());
    EXPECT_EQ(store->journal_records(), 0u);
    ASSERT_TRUE(store->Append({{"op", "call"}}).ok());
    ASSERT_TRUE(store->SyncTo(8).ok());
  }
  // reset_all3, clock5 (the last of clock4, clock5), call6, clock7; then the journal's call8.
  EXPECT_EQ(Ops(Replayed()),
            (std::vector<std::string>{"reset_all3", "clock5", "call6", "clock7", "call8"}));
}

TEST_F(StateStoreTest, JournalRecordsAlreadyInTheSnapshotAreNotReplayedTwice) {
  std::string journal = dir_ + "/journal";
  std::string kept = dir_ + "/journal.before";
  {
    std::unique_ptr<StateStore> store = Open();
    std::vector<std::string> notes;
    ASSERT_TRUE(store->Replay([](const json&) {}, notes).ok());
    ASSERT_TRUE(store->Append({{"op", "call"}}).ok());
    ASSERT_TRUE(store->Append({{"op", "key"}}).ok());
    ASSERT_TRUE(store->SyncTo(2).ok());
    std::filesystem::copy_file(journal, kept);
    ASSERT_TRUE(store->Compact().ok());
  }
  // As if the server died after renaming the snapshot and before starting the new journal.
  std::filesystem::rename(kept, journal);
  EXPECT_EQ(Ops(Replayed()), (std::vector<std::string>{"call1", "key2"}));
}

// A workload over two accounts through the server's world, then the same directory reopened.
class SharedWorldRestartTest : public StateStoreTest {
 protected:
  json Call(SharedWorld& world, const std::string& account, const std::string& action,
            const json& params) {
    CallContext ctx{account, "ap-northeast-2"};
    Result<json> r = world.With(account, [&](Sandbox& s) { return s.Call(action, params, ctx); });
    EXPECT_TRUE(r.ok()) << action << ": " << r.error().message;
    return r.ok() ? *r : json::object();
  }

  void Workload(SharedWorld& world) {
    for (const std::string account : {"111111111111", "222222222222"}) {
      world.NoteAccessKey(account, "AKID" + account);
      Call(world, account, "CreateKeyPair", {{"KeyName", "k"}});
      json run = Call(world, account, "RunInstances",
                      {{"ImageId", "ami-0c9c942bd7bf113a2"}, {"MinCount", 2}, {"MaxCount", 2}});
      std::string id = run["Instances"][0]["InstanceId"];
      json eip = Call(world, account, "AllocateAddress", {{"Domain", "vpc"}});
      Call(world, account, "AssociateAddress",
           {{"AllocationId", eip["AllocationId"]}, {"InstanceId", id}});
      Call(world, account, "StopInstances", {{"InstanceIds", {id}}});
      ASSERT_TRUE(world.AdvanceClock(90 * kSecond).ok());
    }
    EXPECT_TRUE(world.Reset("111111111111"));
    Call(world, "333333333333", "DescribeInstances", json::object());  // opens a region
  }

  std::map<std::string, json> States(SharedWorld& world) {
    std::map<std::string, json> out;
    for (const auto& [account, keys] : world.Accounts()) {
      world.With(account, [&, a = account](Sandbox& s) { out[a] = s.Snapshot(a); });
      out[account]["keys"] = keys;
    }
    return out;
  }
};

TEST_F(SharedWorldRestartTest, ReplayingTheDirectoryRebuildsTheSameWorld) {
  for (std::uint64_t compact_every : {1000u, 3u}) {
    SCOPED_TRACE(compact_every);
    std::filesystem::remove_all(dir_);
    std::map<std::string, json> before;
    {
      ServerClock clock(options_.start, ClockMode::kManual, 1);
      SharedWorld world(options_, clock);
      std::unique_ptr<StateStore> store = Open(compact_every);
      std::vector<std::string> notes;
      ASSERT_TRUE(world.Restore(*store, notes).ok());
      Workload(world);
      before = States(world);
    }
    ServerClock clock(options_.start, ClockMode::kManual, 1);
    SharedWorld world(options_, clock);
    std::unique_ptr<StateStore> store = Open(compact_every);
    std::vector<std::string> notes;
    ASSERT_TRUE(world.Restore(*store, notes).ok());
    EXPECT_TRUE(notes.empty()) << notes[0];
    EXPECT_EQ(clock.Now(), options_.start + 2 * 90 * kSecond);
    std::map<std::string, json> after = States(world);
    EXPECT_EQ(after, before);
    ASSERT_EQ(after.count("111111111111"), 0u);  // reset: gone with its key
    EXPECT_EQ(after["222222222222"]["keys"], json::array({"AKID222222222222"}));
    EXPECT_EQ(after.count("333333333333"), 1u);
  }
}

}  // namespace
}  // namespace ec2sim::server
