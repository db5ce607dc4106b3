// CreateKeyPair's key made ahead of the call (as the API server does, outside its lock) or kept
// by the journal: the same key as made by the call itself, and a replay that makes none.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "ec2sim/sandbox.h"
#include "sim/api/key_use_json.h"
#include "sim/model/key_cache.h"

namespace ec2sim {
namespace {

using nlohmann::json;

const CallContext kCtx{"111122223333", "us-east-1"};

json Create(Sandbox& s, const std::string& name, const std::string& format = "pem") {
  Result<json> r = s.Call("CreateKeyPair", {{"KeyName", name}, {"KeyFormat", format}}, kCtx);
  EXPECT_TRUE(r.ok()) << r.error().message;
  return r.ok() ? *r : json();
}

// Makes the key the next CreateKeyPair of `name` will take, as the server's endpoint does.
void Prepare(Sandbox& s, const std::string& name) {
  ASSERT_TRUE(
      model::KeyPairFor({model::KeyType::kRsa, model::KeyFormat::kPem, s.PeekRandom(), name}).ok());
}

TEST(KeyReplay, AKeyMadeAheadIsTheKeyTheCallWouldMake) {
  SandboxOptions options{.seed = 42, .timing = Timing::kInstant};
  model::ForgetKeyPairs();
  Sandbox plain(options);
  Create(plain, "warm-up");  // opens the region: the next draw is the key's
  json made_by_call = Create(plain, "k");

  model::ForgetKeyPairs();
  Sandbox ahead(options);
  Create(ahead, "warm-up");
  Prepare(ahead, "k");
  std::uint64_t before = model::KeyPairsGenerated();
  json made_ahead = Create(ahead, "k");
  EXPECT_EQ(model::KeyPairsGenerated(), before);  // the call found it ready
  EXPECT_EQ(made_ahead["KeyMaterial"], made_by_call["KeyMaterial"]);
  EXPECT_EQ(made_ahead, made_by_call);
}

TEST(KeyReplay, AKeyMadeAheadForAStaleSeedIsNotTaken) {
  SandboxOptions options{.seed = 42, .timing = Timing::kInstant};
  model::ForgetKeyPairs();
  Sandbox plain(options);
  Create(plain, "warm-up");
  Create(plain, "other");
  json expected = Create(plain, "k");

  model::ForgetKeyPairs();
  Sandbox raced(options);
  Create(raced, "warm-up");
  Prepare(raced, "k");     // for the seed "other" then takes
  Create(raced, "other");  // another request draws first
  std::uint64_t before = model::KeyPairsGenerated();
  EXPECT_EQ(Create(raced, "k"), expected);
  EXPECT_EQ(model::KeyPairsGenerated(), before + 1);  // made under the call, as always
}

TEST(KeyReplay, ReplayingRecordedCallsMakesNoKey) {
  SandboxOptions options{.seed = 9, .timing = Timing::kInstant};
  std::vector<std::pair<json, json>> recorded;  // op, outcome
  {
    Sandbox s(options);
    s.SetRecorder([&](const json& op, const Result<json>& outcome) {
      recorded.push_back({op, outcome.ok() ? *outcome : json("error")});
    });
    Create(s, "a");
    Create(s, "b", "ppk");
    ASSERT_TRUE(s.Call("CreateKeyPair", {{"KeyName", "c"}, {"KeyType", "ed25519"}}, kCtx).ok());
  }
  ASSERT_EQ(recorded.size(), 3u);
  EXPECT_EQ(recorded[0].first["keys"].size(), 1u);
  // The record keeps the key file as made; the answer drops its final newline, as EC2 does.
  EXPECT_EQ(recorded[0].first["keys"][0]["material"].get<std::string>(),
            recorded[0].second["KeyMaterial"].get<std::string>() + "\n");

  model::ForgetKeyPairs();  // as in a new process
  Sandbox again(options);
  std::uint64_t before = model::KeyPairsGenerated();
  for (const auto& [op, outcome] : recorded) {
    Result<json> replayed = again.Replay(op);
    ASSERT_TRUE(replayed.ok()) << replayed.error().message;
    EXPECT_EQ(*replayed, outcome);
  }
  EXPECT_EQ(model::KeyPairsGenerated(), before);
}

TEST(KeyReplay, ARecordWithoutKeysStillReplaysByMakingTheKey) {
  SandboxOptions options{.seed = 9, .timing = Timing::kInstant};
  json op, outcome;
  {
    Sandbox s(options);
    s.SetRecorder([&](const json& o, const Result<json>& r) {
      op = o;
      outcome = *r;
    });
    Create(s, "a");
  }
  op.erase("keys");  // a journal written before records kept their keys
  model::ForgetKeyPairs();
  Sandbox again(options);
  std::uint64_t before = model::KeyPairsGenerated();
  EXPECT_EQ(*again.Replay(op), outcome);
  EXPECT_EQ(model::KeyPairsGenerated(), before + 1);
}

TEST(KeyReplay, AKeyUseSurvivesItsJsonForm) {
  model::KeyUse use{{model::KeyType::kRsa, model::KeyFormat::kPpk, 77, "name"},
                    {"private", "ssh-rsa AAAA name", "aa:bb"}};
  std::optional<model::KeyUse> back = api::KeyUseFromJson(api::KeyUseToJson(use));
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->spec, use.spec);
  EXPECT_EQ(back->key.key_material, "private");
  EXPECT_EQ(back->key.public_key_openssh, "ssh-rsa AAAA name");
  EXPECT_EQ(back->key.fingerprint, "aa:bb");
  EXPECT_FALSE(api::KeyUseFromJson({{"seed", 1}}).has_value());
}

}  // namespace
}  // namespace ec2sim
