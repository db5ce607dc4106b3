// The files of `ec2sim serve --state DIR` (docs/server.md, "Durability"): how records are
// framed and checked, read back and written safely. The meaning of the records belongs to
// state_store.h and shared_world.h; this file only moves checked bytes.
//
// A state file starts with one text line, "EC2SIM-STATE <kind> <format>\n", where kind is
// "journal" or "snapshot" and format is an integer that grows with incompatible changes. Then
// come records, the first of which is the file's header. A record is
//   "R <length> <crc>\n" <payload> "\n"
// with length the payload's size in bytes (decimal) and crc its CRC-32 (as zlib's crc32) in 8
// lowercase hex digits. Payloads are one-line JSON objects, so the file reads as text.
#ifndef EC2SIM_SERVER_JOURNAL_H_
#define EC2SIM_SERVER_JOURNAL_H_

#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "ec2sim/result.h"

namespace ec2sim::server {

// The format this build writes and the newest it reads.
inline constexpr int kStateFormat = 1;

// CRC-32 of the IEEE 802.3 polynomial, reflected, as zlib's crc32() and Python's zlib.crc32.
std::uint32_t Crc32(std::string_view data);

// The first line of a state file of `kind`.
std::string StateFileMagic(std::string_view kind);
// `payload` framed as one record.
std::string FrameRecord(std::string_view payload);

// Where a record sits in its file: its number (the header is 0) and its first byte.
struct RecordPosition {
  std::uint64_t index = 0;
  std::uint64_t offset = 0;
};

// What reading a state file found.
struct ReadReport {
  nlohmann::json header;        // record 0
  std::uint64_t records = 0;    // valid records after the header
  std::uint64_t valid_end = 0;  // offset just past the last valid record
  std::uint64_t file_size = 0;
  // Set when reading stopped before the end of the file: why, and where the damaged record
  // starts (the valid prefix ends there).
  std::string damage;
  RecordPosition damage_at;
  // With damage: how many intact records follow it (framed, checksummed JSON objects that start
  // a line), and where the first of them starts. A crash tears only the last record, so any
  // here means the file was damaged some other way.
  std::uint64_t intact_after_damage = 0;
  std::uint64_t first_intact_after = 0;
};

// Receives each record's payload after the header, in file order. An error stops the reading
// and is returned by ReadStateFile.
using RecordSink = std::function<Status(nlohmann::json&& payload, const RecordPosition& where)>;

// Reads the state file at `path`. Errors, the message naming the file: kSimUnsupported when
// its format is newer than kStateFormat ("written by a newer ec2sim"); kSimInvalidInput when it
// cannot be opened, its first line is not the magic line of `kind` or its header record is
// damaged; or the error of `sink`. A damaged record after the header (cut short, wrong
// checksum, not a JSON object) is not an error: reading stops there and the report says where
// and why, and counts the intact records after the damage. `max_records` stops the reading early
// (0: the header only).
Result<ReadReport> ReadStateFile(const std::string& path, std::string_view kind,
                                 const RecordSink& sink, std::uint64_t max_records = UINT64_MAX);

// A file open for appending, closed on destruction. Writes and syncs are all-or-error.
class AppendFile {
 public:
  AppendFile() = default;
  ~AppendFile();
  AppendFile(AppendFile&& other) noexcept;
  AppendFile& operator=(AppendFile&& other) noexcept;
  AppendFile(const AppendFile&) = delete;
  AppendFile& operator=(const AppendFile&) = delete;

  // Opens `path` for appending, creating it when `create`. Error: kSimInvalidInput with errno's
  // text.
  static Result<AppendFile> Open(const std::string& path, bool create);

  bool is_open() const { return fd_ >= 0; }
  const std::string& path() const { return path_; }
  // Appends every byte of `data` (retrying short writes).
  Status Append(std::string_view data);
  // Makes what was appended durable (fdatasync).
  Status Sync();

 private:
  friend Result<AppendFile> WriteAtomically(const std::string& dir, const std::string& name,
                                            const std::function<Status(AppendFile&)>& fill);

  int fd_ = -1;
  std::string path_;
};

// Writes `dir`/`name` so that a crash leaves either the old file or the whole new one: `fill`
// writes into `dir`/`name`.tmp, which is synced, renamed over the name, and the directory synced.
// Returns the renamed file, still open for appending. Errors: kSimInvalidInput naming the step.
Result<AppendFile> WriteAtomically(const std::string& dir, const std::string& name,
                                   const std::function<Status(AppendFile&)>& fill);

// Syncs a directory, so that a rename or a new file in it survives a crash.
Status SyncDirectory(const std::string& dir);
// Cuts `path` back to `size` bytes and syncs it.
Status TruncateFile(const std::string& path, std::uint64_t size);

}  // namespace ec2sim::server

#endif  // EC2SIM_SERVER_JOURNAL_H_
