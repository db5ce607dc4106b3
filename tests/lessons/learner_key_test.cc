#include "sim/lessons/learner_key.h"

#include <gtest/gtest.h>

#include <map>

namespace ec2sim::lessons {
namespace {

// A pretend environment and file system.
struct World {
  std::map<std::string, std::string> env;
  std::map<std::string, std::string> files;

  Result<LearnerKey> Find(const std::string& key = "", const std::string& profile = "") const {
    return FindLearnerKey(
        key, profile,
        [&](const char* name) -> std::optional<std::string> {
          auto it = env.find(name);
          if (it == env.end() || it->second.empty()) return std::nullopt;
          return it->second;
        },
        [&](const std::string& path) -> std::optional<std::string> {
          auto it = files.find(path);
          if (it == files.end()) return std::nullopt;
          return it->second;
        });
  }
};

constexpr const char* kCredentials =
    "# written by aws configure\n"
    "[default]\n"
    "aws_access_key_id = AKIDDEFAULT\n"
    "aws_secret_access_key = x\n"
    "\n"
    "[ec2sim]\n"
    "  aws_secret_access_key=anything\n"
    "  aws_access_key_id=AKIDCLASS  \n";

TEST(LearnerKey, TheFlagWinsOverEverything) {
  World w{{{"AWS_ACCESS_KEY_ID", "AKIDENV"}, {"HOME", "/h"}},
          {{"/h/.aws/credentials", kCredentials}}};
  auto key = w.Find("AKIDFLAG", "ec2sim");
  ASSERT_TRUE(key.ok());
  EXPECT_EQ(key->key, "AKIDFLAG");
  EXPECT_EQ(key->from, "--access-key");
}

TEST(LearnerKey, ProfileFlagReadsTheSharedCredentialsFileBeforeTheEnvironment) {
  World w{{{"AWS_ACCESS_KEY_ID", "AKIDENV"}, {"HOME", "/h"}},
          {{"/h/.aws/credentials", kCredentials}}};
  auto key = w.Find("", "ec2sim");
  ASSERT_TRUE(key.ok()) << key.error().message;
  EXPECT_EQ(key->key, "AKIDCLASS");
  EXPECT_EQ(key->from, "profile ec2sim in /h/.aws/credentials");
}

TEST(LearnerKey, EnvironmentKeyBeatsTheProfileInTheFile) {
  World w{{{"AWS_ACCESS_KEY_ID", "AKIDENV"}, {"AWS_PROFILE", "ec2sim"}, {"HOME", "/h"}},
          {{"/h/.aws/credentials", kCredentials}}};
  auto key = w.Find();
  ASSERT_TRUE(key.ok());
  EXPECT_EQ(key->key, "AKIDENV");
}

TEST(LearnerKey, AwsProfileAndCredentialsFileVariablesAreHonoured) {
  World w{{{"AWS_PROFILE", "ec2sim"}, {"AWS_SHARED_CREDENTIALS_FILE", "/c"}, {"HOME", "/h"}},
          {{"/c", kCredentials}}};
  auto key = w.Find();
  ASSERT_TRUE(key.ok()) << key.error().message;
  EXPECT_EQ(key->key, "AKIDCLASS");
}

TEST(LearnerKey, FallsBackToTheDefaultProfile) {
  World w{{{"HOME", "/h"}}, {{"/h/.aws/credentials", kCredentials}}};
  auto key = w.Find();
  ASSERT_TRUE(key.ok());
  EXPECT_EQ(key->key, "AKIDDEFAULT");
}

TEST(LearnerKey, NothingConfiguredIsAnErrorThatSaysWhatToDo) {
  World w{{{"HOME", "/h"}}, {}};
  auto key = w.Find();
  ASSERT_FALSE(key.ok());
  EXPECT_EQ(key.error().code, ErrorCode::kSimInvalidInput);
  EXPECT_NE(key.error().message.find("--access-key"), std::string::npos);
  EXPECT_NE(key.error().message.find("AWS_ACCESS_KEY_ID"), std::string::npos);
}

TEST(LearnerKey, AProfileFlagWithoutAKeyIsAnErrorNamingIt) {
  World w{{{"AWS_ACCESS_KEY_ID", "AKIDENV"}, {"HOME", "/h"}},
          {{"/h/.aws/credentials", kCredentials}}};
  auto key = w.Find("", "nobody");
  ASSERT_FALSE(key.ok());
  EXPECT_NE(key.error().message.find("profile nobody"), std::string::npos);
}

TEST(LearnerKey, CredentialsParserAcceptsConfigFileHeadersAndIgnoresComments) {
  const char* config =
      "; config file\n[profile ec2sim]\nregion = ap-northeast-2\naws_access_key_id = AKIDCFG\n"
      "[other]\n#aws_access_key_id = AKIDCOMMENTED\n";
  EXPECT_EQ(AccessKeyInCredentials(config, "ec2sim"), "AKIDCFG");
  EXPECT_EQ(AccessKeyInCredentials(config, "other"), std::nullopt);
  EXPECT_EQ(AccessKeyInCredentials(config, "missing"), std::nullopt);
  EXPECT_EQ(AccessKeyInCredentials("[a]\r\naws_access_key_id = K1\r\n", "a"), "K1");
}

TEST(LearnerKey, EnvironmentKeyComesWithTheEnvironmentSecret) {
  World w{{{"AWS_ACCESS_KEY_ID", "AKIDENV"}, {"AWS_SECRET_ACCESS_KEY", "env-secret"}}, {}};
  auto key = w.Find();
  ASSERT_TRUE(key.ok());
  EXPECT_EQ(key->key, "AKIDENV");
  EXPECT_EQ(key->secret, "env-secret");
}

TEST(LearnerKey, ProfileKeyComesWithTheSecretOfTheSameProfile) {
  World w{{{"HOME", "/h"}}, {{"/h/.aws/credentials", kCredentials}}};
  auto named = w.Find("", "ec2sim");
  ASSERT_TRUE(named.ok());
  // The secret line comes before the key line in this profile; order must not matter.
  EXPECT_EQ(named->secret, "anything");
  auto fallback = w.Find();
  ASSERT_TRUE(fallback.ok());
  EXPECT_EQ(fallback->secret, "x");
}

TEST(LearnerKey, AFlagKeyOrAProfileWithoutSecretHasNone) {
  World w{{{"AWS_SECRET_ACCESS_KEY", "env-secret"}, {"HOME", "/h"}},
          {{"/h/.aws/credentials", "[k]\naws_access_key_id = AKIDONLY\n"}}};
  auto flag = w.Find("AKIDFLAG");
  ASSERT_TRUE(flag.ok());
  EXPECT_EQ(flag->secret, "");
  auto only_key = w.Find("", "k");
  ASSERT_TRUE(only_key.ok());
  EXPECT_EQ(only_key->key, "AKIDONLY");
  EXPECT_EQ(only_key->secret, "");
}

TEST(LearnerKey, FieldInCredentialsReadsOnlyTheNamedProfile) {
  EXPECT_EQ(FieldInCredentials(kCredentials, "default", "aws_secret_access_key"), "x");
  EXPECT_EQ(FieldInCredentials(kCredentials, "ec2sim", "aws_secret_access_key"), "anything");
  EXPECT_EQ(FieldInCredentials(kCredentials, "other", "aws_secret_access_key"), std::nullopt);
  EXPECT_EQ(
      FieldInCredentials("[profile t]\naws_secret_access_key = s\n", "t", "aws_secret_access_key"),
      "s");
}

}  // namespace
}  // namespace ec2sim::lessons
