// The state directory: records survive a restart, compaction keeps only what replay needs, and
// the server's world rebuilt from it is identical.
#include "sim/server/state_store.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "sim/model/key_cache.h"
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

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

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

TEST_F(StateStoreTest, AcceptingUnknownImagesIsAWorldOptionOlderFilesHadOn) {
  SandboxOptions options;
  options.accept_unknown_images = true;
  Result<SandboxOptions> back = OptionsFromJson(OptionsToJson(options));
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_TRUE(back->accept_unknown_images);
  // A file written before the option existed: its world launched unknown ids, so replaying it
  // must too.
  json older = OptionsToJson(SandboxOptions{});
  older.erase("accept_unknown_images");
  back = OptionsFromJson(older);
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_TRUE(back->accept_unknown_images);
  older["accept_unknown_images"] = "yes";
  EXPECT_FALSE(OptionsFromJson(older).ok());
}

TEST_F(StateStoreTest, QuotasAreAWorldOptionOlderFilesHadAtTheirDefaults) {
  SandboxOptions options;
  options.quotas = {96, 11};
  Result<SandboxOptions> back = OptionsFromJson(OptionsToJson(options));
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(back->quotas, options.quotas);
  json older = OptionsToJson(SandboxOptions{});
  older.erase("quotas");
  back = OptionsFromJson(older);
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(back->quotas, AccountQuotas{});
  older["quotas"] = {{"vcpus", -1}};
  EXPECT_FALSE(OptionsFromJson(older).ok());
}

TEST_F(StateStoreTest, OptedInRegionsAreAWorldOptionOlderFilesHadAllOn) {
  SandboxOptions options;
  options.opted_in_regions = {"ap-east-1", "me-south-1"};
  Result<SandboxOptions> back = OptionsFromJson(OptionsToJson(options));
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(back->opted_in_regions, options.opted_in_regions);
  // Written before opt-in regions were modelled: every region was enabled then.
  json older = OptionsToJson(SandboxOptions{});
  older.erase("opted_in_regions");
  back = OptionsFromJson(older);
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(back->opted_in_regions.size(), 17u);
  older["opted_in_regions"] = json::array({"ap-east-9"});
  EXPECT_FALSE(OptionsFromJson(older).ok());
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

TEST_F(StateStoreTest, DamageInTheMiddleOfTheJournalStopsTheStartAndLeavesTheFileAlone) {
  {
    std::unique_ptr<StateStore> store = Open();
    std::vector<std::string> notes;
    ASSERT_TRUE(store->Replay([](const json&) {}, notes).ok());
    for (int i = 0; i < 40; ++i) ASSERT_TRUE(store->Append({{"op", "call"}}).ok());
    ASSERT_TRUE(store->SyncTo(40).ok());
  }
  std::string path = dir_ + "/journal";
  std::string bytes = ReadFile(path);
  std::size_t at = bytes.find("\"n\":19");
  ASSERT_NE(at, std::string::npos);
  bytes[at + 5] ^= 0x04;  // one bit, in record 19 of 40
  WriteFile(path, bytes);

  std::unique_ptr<StateStore> store = Open();
  std::vector<std::string> notes;
  Status replayed = store->Replay([](const json&) {}, notes);
  ASSERT_FALSE(replayed.ok());
  const std::string& message = replayed.error().message;
  EXPECT_NE(message.find(path + ": record 19 at offset "), std::string::npos) << message;
  EXPECT_NE(message.find("checksum mismatch"), std::string::npos) << message;
  EXPECT_NE(message.find("21 intact records follow it"), std::string::npos) << message;
  EXPECT_EQ(ReadFile(path), bytes);  // not cut, not rewritten
}

TEST_F(StateStoreTest, ATornLastRecordIsCutOffWithANote) {
  {
    std::unique_ptr<StateStore> store = Open();
    std::vector<std::string> notes;
    ASSERT_TRUE(store->Replay([](const json&) {}, notes).ok());
    for (int i = 0; i < 3; ++i) ASSERT_TRUE(store->Append({{"op", "call"}}).ok());
    ASSERT_TRUE(store->SyncTo(3).ok());
  }
  std::string path = dir_ + "/journal";
  std::string whole = ReadFile(path);
  WriteFile(path, whole.substr(0, whole.size() - 5));  // the crash tore record 3
  std::vector<std::string> notes;
  EXPECT_EQ(Ops(Replayed(&notes)), (std::vector<std::string>{"call1", "call2"}));
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_NE(notes[0].find("record 3 at offset"), std::string::npos) << notes[0];
  EXPECT_NE(notes[0].find("cutting off"), std::string::npos) << notes[0];
  EXPECT_EQ(ReadFile(path), whole.substr(0, whole.rfind("R ")));
}

TEST_F(StateStoreTest, ASnapshotWhoseJournalIsMissingStopsTheStart) {
  {
    std::unique_ptr<StateStore> store = Open();
    std::vector<std::string> notes;
    ASSERT_TRUE(store->Replay([](const json&) {}, notes).ok());
    ASSERT_TRUE(store->Append({{"op", "call"}}).ok());
    ASSERT_TRUE(store->Compact().ok());
    ASSERT_TRUE(store->Append({{"op", "call"}}).ok());
    ASSERT_TRUE(store->SyncTo(2).ok());
  }
  std::filesystem::remove(dir_ + "/journal");
  Result<std::unique_ptr<StateStore>> store = StateStore::Open(dir_, options_, 1000);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.error().message.find(dir_ + "/journal is missing"), std::string::npos)
      << store.error().message;
  EXPECT_FALSE(std::filesystem::exists(dir_ + "/journal"));
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

TEST_F(SharedWorldRestartTest, PerAccountWorldsComeBackEachAtItsOwnTime) {
  const std::string alice = "111111111111", bob = "222222222222";
  for (std::uint64_t compact_every : {1000u, 3u}) {
    SCOPED_TRACE(compact_every);
    std::filesystem::remove_all(dir_);
    std::map<std::string, json> before;
    SimTime alice_time = 0, bob_time = 0;
    {
      ServerClock clock(options_.start, ClockMode::kManual, 1);
      SharedWorld world(options_, clock, WorldScope::kPerAccount);
      std::unique_ptr<StateStore> store = Open(compact_every);
      std::vector<std::string> notes;
      ASSERT_TRUE(world.Restore(*store, notes).ok());
      Workload(world);  // server clock moves, a reset, three accounts
      Call(world, alice, "AllocateAddress", {{"Domain", "vpc"}});
      ASSERT_TRUE(world.AdvanceAccountClock(alice, 30 * kDay).ok());
      ASSERT_TRUE(world.AdvanceAccountClock(alice, kDay).ok());
      ASSERT_TRUE(world.AdvanceClock(kHour).ok());
      ASSERT_TRUE(world.SetAccountClock(bob, world.Now(bob) + 2 * kHour).ok());
      EXPECT_FALSE(world.SetAccountClock(bob, world.Now(bob) - 1).ok()) << "never back";
      alice_time = world.Now(alice);
      bob_time = world.Now(bob);
      EXPECT_EQ(alice_time, clock.Now() + 31 * kDay);
      EXPECT_EQ(bob_time, clock.Now() + 2 * kHour);
      before = States(world);
    }
    ServerClock clock(options_.start, ClockMode::kManual, 1);
    SharedWorld world(options_, clock, WorldScope::kPerAccount);
    std::unique_ptr<StateStore> store = Open(compact_every);
    std::vector<std::string> notes;
    ASSERT_TRUE(world.Restore(*store, notes).ok());
    EXPECT_TRUE(notes.empty()) << notes[0];
    EXPECT_EQ(world.Now(alice), alice_time);
    EXPECT_EQ(world.Now(bob), bob_time);
    EXPECT_EQ(States(world), before);
  }
}

TEST_F(SharedWorldRestartTest, EachAccountsWorldDrawsItsOwnAddresses) {
  ServerClock clock(options_.start, ClockMode::kManual, 1);
  SharedWorld world(options_, clock, WorldScope::kPerAccount);
  std::string a = Call(world, "111111111111", "AllocateAddress", {{"Domain", "vpc"}})["PublicIp"];
  std::string b = Call(world, "222222222222", "AllocateAddress", {{"Domain", "vpc"}})["PublicIp"];
  EXPECT_NE(a, b) << "the same steps in two accounts' worlds draw from different seeds";
}

TEST_F(SharedWorldRestartTest, ARestartMakesNoKeyPairs) {
  std::map<std::string, json> before;
  {
    ServerClock clock(options_.start, ClockMode::kManual, 1);
    SharedWorld world(options_, clock);
    std::unique_ptr<StateStore> store = Open(/*compact_every=*/4);  // some go to the snapshot
    std::vector<std::string> notes;
    ASSERT_TRUE(world.Restore(*store, notes).ok());
    for (int i = 0; i < 6; ++i) {
      Call(world, "111111111111", "CreateKeyPair", {{"KeyName", "k" + std::to_string(i)}});
    }
    before = States(world);
  }
  model::ForgetKeyPairs();  // a new process remembers nothing
  std::uint64_t generated = model::KeyPairsGenerated();
  ServerClock clock(options_.start, ClockMode::kManual, 1);
  SharedWorld world(options_, clock);
  std::unique_ptr<StateStore> store = Open(4);
  std::vector<std::string> notes;
  ASSERT_TRUE(world.Restore(*store, notes).ok());
  EXPECT_TRUE(notes.empty()) << notes[0];  // every outcome, key material included, as recorded
  EXPECT_EQ(model::KeyPairsGenerated(), generated);
  EXPECT_EQ(States(world), before);
}

}  // namespace
}  // namespace ec2sim::server
