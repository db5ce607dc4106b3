#include "sim/server/journal.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <optional>
#include <utility>

#include "sim/engine/json_depth.h"

namespace ec2sim::server {
namespace {

constexpr std::string_view kMagicPrefix = "EC2SIM-STATE ";
// Larger payloads are taken for a damaged length field (the HTTP body limit is 1 MiB).
constexpr std::uint64_t kMaxPayload = 64ull << 20;

Error FileError(const std::string& what, const std::string& path) {
  return MakeError(ErrorCode::kSimInvalidInput, what + " " + path + ": " + std::strerror(errno));
}

std::string Hex8(std::uint32_t v) {
  char buf[9];
  std::snprintf(buf, sizeof buf, "%08x", v);
  return buf;
}

// One record read from `in` at `offset`: its payload, or why it is damaged, or nothing at a
// clean end of file.
struct RawRecord {
  bool end = false;
  std::string damage;
  nlohmann::json payload;
  std::uint64_t size = 0;  // bytes taken, frame included
};

RawRecord ReadRecord(std::istream& in) {
  RawRecord r;
  std::string frame;
  if (!std::getline(in, frame)) {
    r.end = true;
    return r;
  }
  if (in.eof()) {
    r.damage = "cut short in its frame line";
    return r;
  }
  unsigned long long length = 0;
  char crc_text[16] = {};
  int taken = 0;
  if (std::sscanf(frame.c_str(), "R %llu %8[0-9a-f]%n", &length, crc_text, &taken) != 2 ||
      static_cast<std::size_t>(taken) != frame.size() || std::strlen(crc_text) != 8) {
    r.damage = "bad frame line (expected \"R <length> <crc32>\")";
    return r;
  }
  if (length > kMaxPayload) {
    r.damage = "implausible length " + std::to_string(length);
    return r;
  }
  std::string payload(length, '\0');
  in.read(payload.data(), static_cast<std::streamsize>(length));
  if (static_cast<std::uint64_t>(in.gcount()) != length) {
    r.damage = "cut short: " + std::to_string(in.gcount()) + " of " + std::to_string(length) +
               " payload bytes";
    return r;
  }
  char end = 0;
  if (!in.get(end) || end != '\n') {
    r.damage = "cut short after its payload (no record end)";
    return r;
  }
  std::uint32_t crc = Crc32(payload);
  if (Hex8(crc) != crc_text) {
    r.damage =
        "checksum mismatch (stored " + std::string(crc_text) + ", computed " + Hex8(crc) + ")";
    return r;
  }
  if (auto deep = engine::FindJsonTooDeep(payload)) {
    r.damage = "payload is " + deep->reason;
    return r;
  }
  r.payload = nlohmann::json::parse(payload, nullptr, /*allow_exceptions=*/false);
  if (r.payload.is_discarded() || !r.payload.is_object()) {
    r.damage = "payload is not a JSON object";
    r.payload = nullptr;
    return r;
  }
  r.size = frame.size() + 1 + length + 1;
  return r;
}

// The size of the intact record at the start of `data` (frame, payload and end), or 0.
std::uint64_t IntactRecordAt(std::string_view data) {
  // A frame line is at most "R " + 20 digits + " " + 8 hex digits.
  std::size_t eol = data.substr(0, 40).find('\n');
  if (eol == std::string_view::npos || data.substr(0, 2) != "R ") return 0;
  std::string frame(data.substr(0, eol));
  unsigned long long length = 0;
  char crc_text[16] = {};
  int taken = 0;
  if (std::sscanf(frame.c_str(), "R %llu %8[0-9a-f]%n", &length, crc_text, &taken) != 2 ||
      static_cast<std::size_t>(taken) != frame.size() || length > kMaxPayload ||
      data.size() < eol + 1 + length + 1 || data[eol + 1 + length] != '\n') {
    return 0;
  }
  std::string_view payload = data.substr(eol + 1, length);
  if (Hex8(Crc32(payload)) != crc_text) return 0;
  nlohmann::json parsed = nlohmann::json::parse(payload, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded() || !parsed.is_object()) return 0;
  return eol + 1 + length + 1;
}

// Counts the intact records in the file after the damaged record at `from`. Payloads are
// one-line JSON (no raw newline), so every record starts a line: each line start after the
// damage is tried. Only damage is scanned, so the cost does not touch a clean start.
void CountIntactAfterDamage(std::istream& in, std::uint64_t from, ReadReport& report) {
  in.clear();
  in.seekg(static_cast<std::streamoff>(from));
  std::string rest((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::string_view view(rest);
  std::size_t pos = view.find('\n');
  while (pos != std::string_view::npos && pos + 1 < view.size()) {
    std::uint64_t size = IntactRecordAt(view.substr(pos + 1));
    if (size == 0) {
      pos = view.find('\n', pos + 1);
      continue;
    }
    if (report.intact_after_damage++ == 0) report.first_intact_after = from + pos + 1;
    pos += size;  // the record's final newline
  }
}

}  // namespace

std::uint32_t Crc32(std::string_view data) {
  // zlib's crc32 takes its length as uInt; payloads are capped at kMaxPayload, far below 4 GiB.
  uLong c = crc32(0L, Z_NULL, 0);
  c = crc32(c, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size()));
  return static_cast<std::uint32_t>(c);
}

std::string StateFileMagic(std::string_view kind) {
  return std::string(kMagicPrefix) + std::string(kind) + " " + std::to_string(kStateFormat) + "\n";
}

std::string FrameRecord(std::string_view payload) {
  std::string out = "R " + std::to_string(payload.size()) + " " + Hex8(Crc32(payload)) + "\n";
  out.append(payload);
  out += '\n';
  return out;
}

Result<ReadReport> ReadStateFile(const std::string& path, std::string_view kind,
                                 const RecordSink& sink, std::uint64_t max_records) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return FileError("cannot open", path);
  ReadReport report;
  in.seekg(0, std::ios::end);
  report.file_size = static_cast<std::uint64_t>(in.tellg());
  in.seekg(0);

  std::string magic;
  std::getline(in, magic);
  std::string kind_text;
  long long format = 0;
  int taken = 0;
  char kind_buf[32] = {};
  bool parsed = magic.rfind(kMagicPrefix, 0) == 0 &&
                std::sscanf(magic.c_str() + kMagicPrefix.size(), "%31s %lld%n", kind_buf, &format,
                            &taken) == 2 &&
                static_cast<std::size_t>(taken) + kMagicPrefix.size() == magic.size() && !in.eof();
  if (!parsed) {
    return MakeError(ErrorCode::kSimInvalidInput,
                     path + " is not an ec2sim state file (its first line is not \"" +
                         std::string(kMagicPrefix) + std::string(kind) + " <format>\")");
  }
  if (kind_buf != kind) {
    return MakeError(ErrorCode::kSimInvalidInput,
                     path + " is an ec2sim " + kind_buf + " file, not a " + std::string(kind));
  }
  if (format > kStateFormat) {
    return MakeError(ErrorCode::kSimUnsupported,
                     path + " was written by a newer ec2sim (state format " +
                         std::to_string(format) + "; this ec2sim reads format " +
                         std::to_string(kStateFormat) +
                         " and older). Refusing to start rather than misread it: run the newer "
                         "ec2sim, or give another --state directory.");
  }
  if (format < 1) {
    return MakeError(ErrorCode::kSimInvalidInput,
                     path + " has an invalid state format " + std::to_string(format));
  }

  std::uint64_t offset = magic.size() + 1;
  for (std::uint64_t index = 0; index <= max_records; ++index) {
    RawRecord r = ReadRecord(in);
    if (r.end) break;
    RecordPosition where{index, offset};
    if (!r.damage.empty()) {
      if (index == 0) {
        return MakeError(ErrorCode::kSimInvalidInput,
                         path + ": the header record is damaged (" + r.damage + ")");
      }
      report.damage = r.damage;
      report.damage_at = where;
      CountIntactAfterDamage(in, offset, report);
      break;
    }
    offset += r.size;
    report.valid_end = offset;
    if (index == 0) {
      report.header = std::move(r.payload);
      continue;
    }
    ++report.records;
    if (sink) EC2SIM_RETURN_IF_ERROR(sink(std::move(r.payload), where));
  }
  if (report.header.is_null()) {
    return MakeError(ErrorCode::kSimInvalidInput, path + " has no header record");
  }
  return report;
}

AppendFile::~AppendFile() {
  if (fd_ >= 0) ::close(fd_);
}

AppendFile::AppendFile(AppendFile&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)), path_(std::move(other.path_)) {}

AppendFile& AppendFile::operator=(AppendFile&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = std::exchange(other.fd_, -1);
    path_ = std::move(other.path_);
  }
  return *this;
}

Result<AppendFile> AppendFile::Open(const std::string& path, bool create) {
  int flags = O_WRONLY | O_APPEND | O_CLOEXEC | (create ? O_CREAT | O_TRUNC : 0);
  int fd = ::open(path.c_str(), flags, 0644);
  if (fd < 0) return FileError("cannot open", path);
  AppendFile file;
  file.fd_ = fd;
  file.path_ = path;
  return Result<AppendFile>(std::move(file));
}

Status AppendFile::Append(std::string_view data) {
  while (!data.empty()) {
    ssize_t n = ::write(fd_, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return FileError("cannot write", path_);
    }
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return OkStatus();
}

Status AppendFile::Sync() {
  if (::fdatasync(fd_) != 0) return FileError("cannot sync", path_);
  return OkStatus();
}

Status SyncDirectory(const std::string& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return FileError("cannot open directory", dir);
  int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0) return FileError("cannot sync directory", dir);
  return OkStatus();
}

Status TruncateFile(const std::string& path, std::uint64_t size) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) return FileError("cannot open", path);
  int rc = ::ftruncate(fd, static_cast<off_t>(size));
  if (rc == 0) rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0) return FileError("cannot cut back", path);
  return OkStatus();
}

Result<AppendFile> WriteAtomically(const std::string& dir, const std::string& name,
                                   const std::function<Status(AppendFile&)>& fill) {
  std::string final_path = dir + "/" + name;
  std::string temp_path = final_path + ".tmp";
  EC2SIM_ASSIGN_OR_RETURN(AppendFile file, AppendFile::Open(temp_path, /*create=*/true));
  Status written = fill(file);
  if (written.ok()) written = file.Sync();
  if (!written.ok()) {
    ::unlink(temp_path.c_str());
    return written.error();
  }
  if (::rename(temp_path.c_str(), final_path.c_str()) != 0) {
    Error error = FileError("cannot rename " + temp_path + " to", final_path);
    ::unlink(temp_path.c_str());
    return error;
  }
  file.path_ = final_path;
  EC2SIM_RETURN_IF_ERROR(SyncDirectory(dir));
  return Result<AppendFile>(std::move(file));
}

}  // namespace ec2sim::server
