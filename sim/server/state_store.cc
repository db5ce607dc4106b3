#include "sim/server/state_store.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <optional>
#include <utility>

#include "sim/model/regions.h"

namespace ec2sim::server {
namespace {

using nlohmann::json;

constexpr const char* kJournal = "journal";
constexpr const char* kSnapshot = "snapshot";

const char* TimingName(Timing t) { return t == Timing::kInstant ? "instant" : "realistic"; }
const char* PricingName(PricingPolicy p) {
  return p == PricingPolicy::kLegacyEip ? "legacy-eip" : "public-ipv4-2024";
}

std::uint64_t NumberOf(const json& record) {
  auto it = record.find("n");
  return it != record.end() && it->is_number_unsigned() ? it->get<std::uint64_t>() : 0;
}

bool IsOp(const json& record, const char* op) {
  auto it = record.find("op");
  return it != record.end() && it->is_string() && *it == op;
}

// Why a journal whose damage is followed by intact records is not replayed: appends are
// sequential and a failed one stops the server, so a crash can only tear the last record.
std::string DamageInTheMiddle(const std::string& path, const ReadReport& report) {
  return path + ": record " + std::to_string(report.damage_at.index) + " at offset " +
         std::to_string(report.damage_at.offset) + " is damaged (" + report.damage + "), but " +
         std::to_string(report.intact_after_damage) +
         " intact records follow it (the first at offset " +
         std::to_string(report.first_intact_after) +
         "). A crash can only tear the last record, so this is not a crash's doing, and starting "
         "would lose acknowledged changes. Refusing to start; the file is left as it is. Restore "
         "it from a backup, or move the directory away to start afresh (docs/server.md, "
         "\"Durability\").";
}

// Absent from files written before opt-in regions were modelled, whose worlds had every region
// enabled.
bool ReadOptedInRegions(const json& j, std::vector<std::string>& out) {
  auto regions = j.find("opted_in_regions");
  if (regions == j.end()) {
    for (const model::RegionInfo& r : model::Regions()) {
      if (r.opt_in) out.push_back(r.code);
    }
    return true;
  }
  if (!regions->is_array()) return false;
  for (const json& code : *regions) {
    const model::RegionInfo* region =
        code.is_string() ? model::FindRegion(code.get<std::string>()) : nullptr;
    if (region == nullptr) return false;
    out.push_back(region->code);
  }
  return true;
}

}  // namespace

json OptionsToJson(const SandboxOptions& o) {
  return {{"seed", o.seed},
          {"start", o.start},
          {"timing", TimingName(o.timing)},
          {"pricing", PricingName(o.pricing)},
          {"free_tier", o.free_tier},
          {"accept_unknown_images", o.accept_unknown_images},
          {"quotas", {{"vcpus", o.quotas.vcpus}, {"elastic_ips", o.quotas.elastic_ips}}},
          {"opted_in_regions", o.opted_in_regions}};
}

Result<SandboxOptions> OptionsFromJson(const json& j) {
  SandboxOptions o;
  bool ok = j.is_object() && j.value("seed", json()).is_number_unsigned() &&
            j.value("start", json()).is_number_integer() && j.value("timing", json()).is_string() &&
            j.value("pricing", json()).is_string() && j.value("free_tier", json()).is_boolean();
  if (ok) {
    o.seed = j["seed"].get<std::uint64_t>();
    o.start = j["start"].get<SimTime>();
    std::string timing = j["timing"], pricing = j["pricing"];
    ok = (timing == "instant" || timing == "realistic") &&
         (pricing == "public-ipv4-2024" || pricing == "legacy-eip");
    o.timing = timing == "instant" ? Timing::kInstant : Timing::kRealistic;
    o.pricing =
        pricing == "legacy-eip" ? PricingPolicy::kLegacyEip : PricingPolicy::kPublicIpv4_2024;
    o.free_tier = j["free_tier"].get<bool>();
    // Absent from files written before the option existed, whose worlds accepted unknown images.
    const json& accept = j.value("accept_unknown_images", json(true));
    ok = ok && accept.is_boolean();
    o.accept_unknown_images = accept.is_boolean() && accept.get<bool>();
    // Absent from files written before quotas were configurable: the defaults.
    const json& quotas = j.value("quotas", json::object());
    ok = ok && quotas.is_object();
    for (auto [name, field] :
         {std::pair{"vcpus", &o.quotas.vcpus}, std::pair{"elastic_ips", &o.quotas.elastic_ips}}) {
      const json& v = quotas.is_object() ? quotas.value(name, json(*field)) : json(*field);
      ok = ok && v.is_number_integer() && v.get<std::int64_t>() >= 0 &&
           v.get<std::int64_t>() <= kMaxAccountQuota;
      if (ok) *field = v.get<int>();
    }
  }
  if (ok) ok = ReadOptedInRegions(j, o.opted_in_regions);
  if (!ok) return MakeError(ErrorCode::kSimInvalidInput, "bad world options " + j.dump());
  return o;
}

Result<std::unique_ptr<StateStore>> StateStore::Open(const std::string& dir,
                                                     const SandboxOptions& fresh,
                                                     std::uint64_t compact_every) {
  std::unique_ptr<StateStore> store(new StateStore());
  store->dir_ = dir;
  store->options_ = fresh;
  store->compact_every_ = compact_every < 1 ? 1 : compact_every;
  store->next_compaction_ = store->compact_every_;
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    return MakeError(ErrorCode::kSimInvalidInput,
                     "cannot create the state directory " + dir + ": " + ec.message());
  }
  std::string lock_path = store->Path("lock");
  store->lock_fd_ = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (store->lock_fd_ < 0 || ::flock(store->lock_fd_, LOCK_EX | LOCK_NB) != 0) {
    return MakeError(ErrorCode::kSimInvalidInput,
                     "cannot lock " + lock_path + " (" + std::strerror(errno) +
                         "): is another ec2sim serve using " + dir + "?");
  }
  // Leftovers of a write that a crash interrupted; the files they were to replace are intact.
  std::filesystem::remove(store->Path("journal.tmp"), ec);
  std::filesystem::remove(store->Path("snapshot.tmp"), ec);

  std::optional<SandboxOptions> found;
  for (const char* kind : {kSnapshot, kJournal}) {
    std::string path = store->Path(kind);
    if (!std::filesystem::exists(path, ec)) continue;
    EC2SIM_ASSIGN_OR_RETURN(ReadReport header, ReadStateFile(path, kind, nullptr, 0));
    Result<SandboxOptions> options = OptionsFromJson(header.header.value("options", json()));
    if (!options.ok()) {
      return MakeError(ErrorCode::kSimInvalidInput, path + ": " + options.error().message);
    }
    if (found && OptionsToJson(*found) != OptionsToJson(*options)) {
      return MakeError(ErrorCode::kSimInvalidInput,
                       store->Path(kJournal) + " and " + store->Path(kSnapshot) +
                           " were written with different world options; they do not belong "
                           "together");
    }
    found = *options;
    if (kind == std::string(kSnapshot)) {
      store->has_snapshot_ = true;
      store->snapshot_through_ = header.header.value("through", std::uint64_t{0});
      store->base_n_ = header.header.value("base", std::uint64_t{0});
    } else {
      store->has_journal_ = true;
      if (!store->has_snapshot_ && header.header.value("after", std::uint64_t{0}) > 0) {
        return MakeError(ErrorCode::kSimInvalidInput,
                         path + " continues a snapshot (it starts after record " +
                             std::to_string(header.header.value("after", std::uint64_t{0})) +
                             "), but " + store->Path(kSnapshot) + " is missing");
      }
    }
  }
  if (store->has_snapshot_ && !store->has_journal_) {
    // Compaction replaces the journal only after the snapshot is written, and never deletes it:
    // a snapshot alone means the journal was lost, with whatever it acknowledged after the
    // snapshot.
    return MakeError(ErrorCode::kSimInvalidInput,
                     store->Path(kSnapshot) + " is there but " + store->Path(kJournal) +
                         " is missing: the changes acknowledged after the snapshot (record " +
                         std::to_string(store->snapshot_through_) +
                         ") may be lost. Refusing to start; restore the journal from a backup, "
                         "or move the directory away to start afresh (docs/server.md, "
                         "\"Durability\").");
  }
  if (found) {
    store->options_ = *found;
    store->is_new_ = false;
  }
  return store;
}

StateStore::~StateStore() {
  if (lock_fd_ >= 0) ::close(lock_fd_);
}

json StateStore::Header(const char* kind) const {
  json h = {{"kind", kind},
            {"format", kStateFormat},
            {"created_by", "ec2sim " EC2SIM_VERSION},
            {"options", OptionsToJson(options_)}};
  if (kind == std::string(kSnapshot)) {
    h["through"] = written_n_.load();
    h["base"] = base_n_;
  } else {
    h["after"] = written_n_.load();
  }
  return h;
}

Status StateStore::StartJournal() {
  json header = Header(kJournal);
  EC2SIM_ASSIGN_OR_RETURN(AppendFile file,
                          WriteAtomically(dir_, kJournal, [&header](AppendFile& f) -> Status {
                            EC2SIM_RETURN_IF_ERROR(f.Append(StateFileMagic(kJournal)));
                            return f.Append(FrameRecord(header.dump()));
                          }));
  journal_ = std::move(file);
  journal_records_ = 0;
  next_compaction_ = compact_every_;
  return OkStatus();
}

Status StateStore::Replay(const std::function<void(const json& record)>& apply,
                          std::vector<std::string>& notes) {
  std::uint64_t last = 0;
  if (has_snapshot_) {
    std::string path = Path(kSnapshot);
    EC2SIM_ASSIGN_OR_RETURN(
        ReadReport report,
        ReadStateFile(path, kSnapshot, [&](json&& record, const RecordPosition&) -> Status {
          last = NumberOf(record);
          if (IsOp(record, "reset_all")) base_n_ = last;
          apply(record);
          return OkStatus();
        }));
    if (!report.damage.empty()) {
      return MakeError(ErrorCode::kSimInvalidInput,
                       path + ": record " + std::to_string(report.damage_at.index) + " at offset " +
                           std::to_string(report.damage_at.offset) + " is " + "damaged (" +
                           report.damage +
                           "). The snapshot is written whole or "
                           "not at all, so this is not a crash's doing; refusing to start.");
    }
    snapshot_records_ = report.records;
    last = std::max(last, snapshot_through_);
  }
  if (has_journal_) {
    std::string path = Path(kJournal);
    std::uint64_t kept = 0;
    EC2SIM_ASSIGN_OR_RETURN(
        ReadReport report,
        ReadStateFile(path, kJournal, [&](json&& record, const RecordPosition& where) -> Status {
          std::uint64_t n = NumberOf(record);
          if (n == 0) {
            return MakeError(ErrorCode::kSimInvalidInput,
                             path + ": record " + std::to_string(where.index) + " at offset " +
                                 std::to_string(where.offset) + " has no record number");
          }
          ++kept;
          if (n <= last) return OkStatus();  // already in the snapshot
          last = n;
          if (IsOp(record, "reset_all")) base_n_ = n;
          apply(record);
          return OkStatus();
        }));
    if (!report.damage.empty() && report.intact_after_damage > 0) {
      return MakeError(ErrorCode::kSimInvalidInput, DamageInTheMiddle(path, report));
    }
    if (!report.damage.empty()) {
      notes.push_back(path + ": record " + std::to_string(report.damage_at.index) + " at offset " +
                      std::to_string(report.damage_at.offset) + " is damaged (" + report.damage +
                      "); keeping the " + std::to_string(kept) +
                      " records before it and cutting off the last " +
                      std::to_string(report.file_size - report.valid_end) + " bytes");
      EC2SIM_RETURN_IF_ERROR(TruncateFile(path, report.valid_end));
    }
    journal_records_ = kept;
  }
  written_n_ = last;
  durable_n_ = last;
  if (has_journal_) {
    EC2SIM_ASSIGN_OR_RETURN(journal_, AppendFile::Open(Path(kJournal), /*create=*/false));
    next_compaction_ = compact_every_;
    return OkStatus();
  }
  return StartJournal();
}

Result<std::uint64_t> StateStore::Append(json record) {
  std::uint64_t n = written_n_.load() + 1;
  record["n"] = n;
  EC2SIM_RETURN_IF_ERROR(journal_.Append(FrameRecord(record.dump())));
  if (IsOp(record, "reset_all")) base_n_ = n;
  ++journal_records_;
  written_n_.store(n);
  return n;
}

Status StateStore::SyncTo(std::uint64_t n) {
  if (durable_n_.load() >= n) return OkStatus();
  std::lock_guard<std::mutex> lock(sync_mu_);
  if (durable_n_.load() >= n) return OkStatus();
  std::uint64_t target = written_n_.load();
  EC2SIM_RETURN_IF_ERROR(journal_.Sync());
  durable_n_.store(target);
  return OkStatus();
}

Status StateStore::Compact() {
  std::lock_guard<std::mutex> lock(sync_mu_);
  // Until this succeeds the current files stay in use; try again after another batch.
  next_compaction_ = journal_records_ + compact_every_;
  EC2SIM_RETURN_IF_ERROR(journal_.Sync());
  durable_n_.store(written_n_.load());

  json header = Header(kSnapshot);
  std::uint64_t base = base_n_;
  std::uint64_t through = snapshot_through_;
  std::uint64_t copied = 0;
  auto fill = [&](AppendFile& out) -> Status {
    EC2SIM_RETURN_IF_ERROR(out.Append(StateFileMagic(kSnapshot)));
    EC2SIM_RETURN_IF_ERROR(out.Append(FrameRecord(header.dump())));
    std::optional<json> clock;  // the last of a run of clock moves
    auto flush_clock = [&]() -> Status {
      if (!clock) return OkStatus();
      ++copied;
      Status s = out.Append(FrameRecord(clock->dump()));
      clock.reset();
      return s;
    };
    auto copy = [&](json&& record, bool from_journal) -> Status {
      std::uint64_t n = NumberOf(record);
      if (n < base || (from_journal && n <= through)) return OkStatus();
      if (IsOp(record, "clock")) {
        // A run of moves of one clock keeps its last (each says where that clock is); a move of
        // another clock (the server's, or another account's) ends the run.
        if (clock && clock->value("account", "") != record.value("account", "")) {
          EC2SIM_RETURN_IF_ERROR(flush_clock());
        }
        clock = std::move(record);
        return OkStatus();
      }
      EC2SIM_RETURN_IF_ERROR(flush_clock());
      ++copied;
      return out.Append(FrameRecord(record.dump()));
    };
    for (const char* kind : {kSnapshot, kJournal}) {
      bool from_journal = kind == std::string(kJournal);
      if (!from_journal && !has_snapshot_) continue;
      EC2SIM_ASSIGN_OR_RETURN(
          ReadReport report,
          ReadStateFile(Path(kind), kind, [&](json&& record, const RecordPosition&) {
            return copy(std::move(record), from_journal);
          }));
      if (!report.damage.empty()) {
        return MakeError(ErrorCode::kSimInvalidInput, Path(kind) + " is damaged at offset " +
                                                          std::to_string(report.damage_at.offset) +
                                                          ": " + report.damage);
      }
    }
    return flush_clock();
  };
  EC2SIM_ASSIGN_OR_RETURN(AppendFile snapshot, WriteAtomically(dir_, kSnapshot, fill));
  (void)snapshot;
  has_snapshot_ = true;
  snapshot_through_ = written_n_.load();
  snapshot_records_ = copied;
  // From here a crash leaves journal records the snapshot holds; Replay() skips them.
  Status started = StartJournal();
  if (!started.ok()) broken_ = true;
  return started;
}

}  // namespace ec2sim::server
