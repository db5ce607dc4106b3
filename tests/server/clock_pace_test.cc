// Pausing a clock and changing its speed: the server clock (ServerClock) and, in classroom
// mode, one account's own clock (SharedWorld), live and after a restart from the journal. The
// host clock is a number the tests move by hand: nothing sleeps.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <string>
#include <vector>

#include "sim/server/server_clock.h"
#include "sim/server/shared_world.h"
#include "sim/server/state_store.h"

namespace ec2sim::server {
namespace {

constexpr SimTime kStart = 1'767'225'600'000;  // 2026-01-01T00:00:00Z

TEST(ServerClockPace, APausedClockStandsStillAndResumesWhereItStopped) {
  std::int64_t wall = 0;
  ServerClock clock(kStart, ClockMode::kWall, 60, [&] { return wall; });
  wall = 1000;
  EXPECT_EQ(clock.Now(), kStart + 60 * kSecond);
  clock.SetPaused(true);
  EXPECT_TRUE(clock.paused());
  wall = 5000;
  EXPECT_EQ(clock.Now(), kStart + 60 * kSecond) << "paused: time stands still";
  clock.Advance(kHour);
  EXPECT_EQ(clock.Now(), kStart + 60 * kSecond + kHour) << "a paused clock still moves on demand";
  clock.SetPaused(false);
  wall = 6000;
  EXPECT_EQ(clock.Now(), kStart + 120 * kSecond + kHour) << "resumes from the paused time";
}

TEST(ServerClockPace, ANewSpeedTakesEffectFromNowWithoutAJump) {
  std::int64_t wall = 0;
  ServerClock clock(kStart, ClockMode::kWall, 1, [&] { return wall; });
  wall = 2000;
  ASSERT_TRUE(clock.SetSpeed(3600).ok());
  EXPECT_EQ(clock.Now(), kStart + 2 * kSecond);
  wall = 3000;
  EXPECT_EQ(clock.Now(), kStart + 2 * kSecond + kHour);
  EXPECT_EQ(clock.speed(), 3600);
  EXPECT_TRUE(clock.changed());
  EXPECT_FALSE(clock.SetSpeed(0).ok());
  EXPECT_FALSE(clock.SetSpeed(kMaxClockSpeed + 1).ok());
  EXPECT_TRUE(clock.SetSpeed(kMaxClockSpeed).ok());
}

TEST(ServerClockPace, AManualClockIsAlwaysPaused) {
  std::int64_t wall = 0;
  ServerClock clock(kStart, ClockMode::kManual, 1, [&] { return wall; });
  EXPECT_TRUE(clock.paused());
  clock.SetPaused(false);
  wall = 10'000;
  EXPECT_TRUE(clock.paused());
  EXPECT_EQ(clock.Now(), kStart);
}

class AccountPaceTest : public ::testing::Test {
 protected:
  AccountPaceTest() {
    std::string pattern = (std::filesystem::temp_directory_path() / "ec2sim-test-XXXXXX").string();
    dir_ = mkdtemp(pattern.data());
  }
  ~AccountPaceTest() override { std::filesystem::remove_all(dir_); }

  std::unique_ptr<StateStore> Open() {
    Result<std::unique_ptr<StateStore>> store = StateStore::Open(dir_, options_, 1000);
    EXPECT_TRUE(store.ok()) << store.error().message;
    return store.ok() ? std::move(store).value() : nullptr;
  }

  std::string dir_;
  SandboxOptions options_ = [] {
    SandboxOptions o;
    o.seed = 7;
    o.start = kStart;
    o.timing = Timing::kInstant;
    return o;
  }();
  std::int64_t wall_ = 0;
  const std::string alice_ = "111111111111", bob_ = "222222222222";
};

TEST_F(AccountPaceTest, ALearnersPausedClockStandsStillWhileTheOthersRun) {
  ServerClock clock(kStart, ClockMode::kWall, 10, [&] { return wall_; });
  SharedWorld world(options_, clock, WorldScope::kPerAccount);
  ASSERT_TRUE(world.SetAccountPace(alice_, true, std::nullopt).ok());
  SimTime alice = world.Now(alice_);
  wall_ += 60'000;
  EXPECT_EQ(world.Now(alice_), alice);
  EXPECT_EQ(world.Now(bob_), kStart + 600 * kSecond) << "bob follows the server clock";
  EXPECT_TRUE(world.PaceOf(alice_).paused);
  EXPECT_FALSE(world.PaceOf(bob_).paused);
  EXPECT_EQ(world.Offset(alice_), alice - clock.Now()) << "behind the server clock now";
  // Her own moves still work; pausing then resuming never takes time back.
  ASSERT_TRUE(world.AdvanceAccountClock(alice_, kDay).ok());
  EXPECT_EQ(world.Now(alice_), alice + kDay);
  ASSERT_TRUE(world.SetAccountPace(alice_, false, 100).ok());
  wall_ += 1000;
  EXPECT_EQ(world.Now(alice_), alice + kDay + 100 * kSecond);
  EXPECT_FALSE(world.SetAccountPace(alice_, std::nullopt, 0).ok());
}

TEST_F(AccountPaceTest, PausesAndSpeedsComeBackAfterARestart) {
  SimTime alice = 0;
  {
    ServerClock clock(kStart, ClockMode::kWall, 10, [&] { return wall_; });
    SharedWorld world(options_, clock, WorldScope::kPerAccount);
    std::unique_ptr<StateStore> store = Open();
    std::vector<std::string> notes;
    ASSERT_TRUE(world.Restore(*store, notes).ok());
    ASSERT_TRUE(world.SetAccountPace(alice_, std::nullopt, 500).ok());
    wall_ += 1000;
    ASSERT_TRUE(world.SetAccountPace(alice_, true, std::nullopt).ok());
    ASSERT_TRUE(world.AdvanceAccountClock(alice_, kHour).ok());
    alice = world.Now(alice_);
    EXPECT_EQ(alice, kStart + 500 * kSecond + kHour);
    ASSERT_TRUE(world.SetServerPace(true, 20).ok());
  }
  ServerClock clock(kStart, ClockMode::kWall, 10, [&] { return wall_; });
  SharedWorld world(options_, clock, WorldScope::kPerAccount);
  std::unique_ptr<StateStore> store = Open();
  std::vector<std::string> notes;
  ASSERT_TRUE(world.Restore(*store, notes).ok());
  EXPECT_TRUE(notes.empty()) << notes[0];
  wall_ += 5000;
  EXPECT_EQ(world.Now(alice_), alice) << "still paused, at the same time";
  EXPECT_EQ(world.PaceOf(alice_).speed, 500);
  EXPECT_TRUE(clock.paused()) << "the server clock's pause is journaled too";
  EXPECT_EQ(clock.speed(), 20);
  EXPECT_EQ(clock.Now(), kStart + 10 * kSecond);
}

}  // namespace
}  // namespace ec2sim::server
