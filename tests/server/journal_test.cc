// The state files' framing: checksums, reading back, and damaged or newer files.
#include "sim/server/journal.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace ec2sim::server {
namespace {

using nlohmann::json;

// A fresh directory under the system's temporary directory, removed afterwards.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "ec2sim-test-XXXXXX").string();
    path_ = mkdtemp(pattern.data());
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

void WriteBytes(const std::string& path, const std::string& bytes, bool append = false) {
  std::ofstream out(path, std::ios::binary | (append ? std::ios::app : std::ios::trunc));
  out << bytes;
}

std::string JournalOf(const std::vector<std::string>& payloads, int format = kStateFormat) {
  std::string text = "EC2SIM-STATE journal " + std::to_string(format) + "\n";
  text += FrameRecord(R"({"kind":"journal"})");
  for (const std::string& p : payloads) text += FrameRecord(p);
  return text;
}

Result<ReadReport> ReadJournal(const std::string& path, std::vector<json>& out) {
  return ReadStateFile(path, "journal", [&out](json&& record, const RecordPosition&) {
    out.push_back(std::move(record));
    return OkStatus();
  });
}

TEST(Journal, Crc32MatchesTheStandardCheckValue) {
  // The CRC-32 check value of "123456789" (the catalogue of parametrised CRC algorithms).
  EXPECT_EQ(Crc32("123456789"), 0xCBF43926u);
  EXPECT_EQ(Crc32(""), 0u);
}

TEST(Journal, FramesARecordWithItsLengthAndChecksum) {
  EXPECT_EQ(FrameRecord("123456789"), "R 9 cbf43926\n123456789\n");
  EXPECT_EQ(StateFileMagic("journal"), "EC2SIM-STATE journal 1\n");
}

TEST(Journal, ReadsBackEveryRecordInOrder) {
  TempDir dir;
  std::string path = dir.path() + "/journal";
  std::string text = JournalOf({R"({"n":1})", R"({"n":2})", R"({"n":3})"});
  WriteBytes(path, text);
  std::vector<json> records;
  Result<ReadReport> report = ReadJournal(path, records);
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(report->header["kind"], "journal");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[2]["n"], 3);
  EXPECT_EQ(report->records, 3u);
  EXPECT_EQ(report->valid_end, text.size());
  EXPECT_TRUE(report->damage.empty());
}

TEST(Journal, ACutShortTailIsReportedWithItsRecordAndOffset) {
  TempDir dir;
  std::string path = dir.path() + "/journal";
  std::string text = JournalOf({R"({"n":1})", R"({"n":2})"});
  WriteBytes(path, text + "R 40 00000000\n{\"n\":3,");
  std::vector<json> records;
  Result<ReadReport> report = ReadJournal(path, records);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(records.size(), 2u);
  EXPECT_EQ(report->damage_at.index, 3u);  // header 0, records 1 and 2, then the cut one
  EXPECT_EQ(report->damage_at.offset, text.size());
  EXPECT_EQ(report->valid_end, text.size());
  EXPECT_NE(report->damage.find("cut short"), std::string::npos) << report->damage;
}

TEST(Journal, AFlippedBitFailsTheChecksumAndStopsTheReading) {
  TempDir dir;
  std::string path = dir.path() + "/journal";
  std::string text = JournalOf({R"({"n":1})", R"({"n":2})", R"({"n":3})"});
  std::string second = FrameRecord(R"({"n":2})");
  std::size_t at = text.find(second);
  text[at + second.size() - 3] = '3';  // {"n":2} becomes {"n":3} under the old checksum
  WriteBytes(path, text);
  std::vector<json> records;
  Result<ReadReport> report = ReadJournal(path, records);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(records.size(), 1u);
  EXPECT_EQ(report->damage_at.offset, at);
  EXPECT_NE(report->damage.find("checksum mismatch"), std::string::npos) << report->damage;
}

TEST(Journal, DamageFollowedByIntactRecordsIsCountedAsSuch) {
  TempDir dir;
  std::string path = dir.path() + "/journal";
  std::string text = JournalOf({R"({"n":1})", R"({"n":2})", R"({"n":3})", R"({"n":4})"});
  std::string second = FrameRecord(R"({"n":2})");
  std::size_t at = text.find(second);
  text[at + second.size() - 3] ^= 0x01;  // one bit of record 2's payload
  WriteBytes(path, text);
  std::vector<json> records;
  Result<ReadReport> report = ReadJournal(path, records);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(records.size(), 1u);
  EXPECT_EQ(report->damage_at.offset, at);
  EXPECT_EQ(report->intact_after_damage, 2u);  // records 3 and 4
  EXPECT_EQ(report->first_intact_after, at + second.size());
}

TEST(Journal, ADamagedLengthThatSwallowsLaterRecordsStillFindsThem) {
  TempDir dir;
  std::string path = dir.path() + "/journal";
  std::string text = JournalOf({R"({"n":1})", R"({"n":2})", R"({"n":3})"});
  std::size_t at = text.find(FrameRecord(R"({"n":2})"));
  text[at + 2] = '9';  // "R 7 ..." claims 9 bytes: reads into record 3's frame
  WriteBytes(path, text);
  std::vector<json> records;
  Result<ReadReport> report = ReadJournal(path, records);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->damage_at.offset, at);
  EXPECT_EQ(report->intact_after_damage, 1u);
}

TEST(Journal, ATornTailHasNothingIntactAfterIt) {
  TempDir dir;
  std::string path = dir.path() + "/journal";
  std::string text = JournalOf({R"({"n":1})"});
  // A torn append, then the zeros some file systems leave in place of unwritten blocks.
  WriteBytes(path, text + "R 7 0ce5d5a5\n{\"n\"" + std::string(4096, '\0'));
  std::vector<json> records;
  Result<ReadReport> report = ReadJournal(path, records);
  ASSERT_TRUE(report.ok());
  EXPECT_FALSE(report->damage.empty());
  EXPECT_EQ(report->intact_after_damage, 0u);
}

TEST(Journal, AFileOfANewerFormatIsRefused) {
  TempDir dir;
  std::string path = dir.path() + "/journal";
  WriteBytes(path, JournalOf({R"({"n":1})"}, kStateFormat + 1));
  std::vector<json> records;
  Result<ReadReport> report = ReadJournal(path, records);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().code, ErrorCode::kSimUnsupported);
  EXPECT_NE(report.error().message.find("written by a newer ec2sim"), std::string::npos);
  EXPECT_TRUE(records.empty());
}

TEST(Journal, SomethingElseIsNotTakenForAJournal) {
  TempDir dir;
  std::string path = dir.path() + "/journal";
  WriteBytes(path, "hello\n");
  std::vector<json> records;
  EXPECT_FALSE(ReadJournal(path, records).ok());
  WriteBytes(path, "EC2SIM-STATE snapshot 1\n" + FrameRecord("{}"));
  Result<ReadReport> wrong_kind = ReadJournal(path, records);
  ASSERT_FALSE(wrong_kind.ok());
  EXPECT_NE(wrong_kind.error().message.find("not a journal"), std::string::npos);
  // A damaged header is not a tail to cut: the file is refused.
  WriteBytes(path, "EC2SIM-STATE journal 1\nR 5 00000000\n{}");
  EXPECT_FALSE(ReadJournal(path, records).ok());
}

TEST(Journal, WritesAtomicallyAndKeepsTheFileOpenForAppending) {
  TempDir dir;
  Result<AppendFile> file = WriteAtomically(
      dir.path(), "journal", [](AppendFile& f) { return f.Append(JournalOf({R"({"n":1})"})); });
  ASSERT_TRUE(file.ok()) << file.error().message;
  EXPECT_FALSE(std::filesystem::exists(dir.path() + "/journal.tmp"));
  ASSERT_TRUE(file->Append(FrameRecord(R"({"n":2})")).ok());
  ASSERT_TRUE(file->Sync().ok());
  std::vector<json> records;
  ASSERT_TRUE(ReadJournal(dir.path() + "/journal", records).ok());
  EXPECT_EQ(records.size(), 2u);
}

}  // namespace
}  // namespace ec2sim::server
