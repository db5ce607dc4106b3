// The state directory of `ec2sim serve --state DIR`: DIR/journal, DIR/snapshot and DIR/lock.
//
// Every state change of the server is one record (a JSON object with at least "n", its number,
// and "op"), appended to the journal in execution order and made durable before the change is
// acknowledged. At start the records are handed back in order and applied again; the simulation
// is deterministic, so that rebuilds the state. Compaction writes the snapshot: the records
// since the last full reset ("op": "reset_all"), with runs of moves of one clock ("op": "clock",
// the server's or, with "account", one account's) merged into their last one, so the snapshot is a
// shorter replay log, not a dump of the state. A journal record numbered at or below the snapshot's
// "through" is already in the snapshot (a crash between writing the snapshot and starting the new
// journal) and is skipped. File format: journal.h.
#ifndef EC2SIM_SERVER_STATE_STORE_H_
#define EC2SIM_SERVER_STATE_STORE_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "ec2sim/result.h"
#include "ec2sim/sandbox.h"
#include "sim/server/journal.h"

namespace ec2sim::server {

// The world options as the state files keep them, and back.
nlohmann::json OptionsToJson(const SandboxOptions& options);
Result<SandboxOptions> OptionsFromJson(const nlohmann::json& j);

class StateStore {
 public:
  // Opens `dir` (created when missing), locks it against a second server and reads the
  // headers of its files. A new directory takes `fresh` as its world options; an existing one
  // keeps those it was created with (world_options()). A journal is compacted into the snapshot
  // once it holds `compact_every` (>= 1) records. Errors: kSimUnsupported for a file of a newer
  // format; kSimInvalidInput for a directory that cannot be created or locked, a file that is
  // not an ec2sim state file, or a snapshot and journal that do not belong together.
  static Result<std::unique_ptr<StateStore>> Open(const std::string& dir,
                                                  const SandboxOptions& fresh,
                                                  std::uint64_t compact_every);
  ~StateStore();

  const std::string& dir() const { return dir_; }
  const SandboxOptions& world_options() const { return options_; }
  // True when the directory held no state.
  bool is_new() const { return is_new_; }

  // Hands every stored record to `apply` in order, the snapshot's then the journal's. A damaged
  // journal tail is reported in `notes` (file, record number, offset, reason) and cut off, the
  // valid prefix kept. Then opens the journal for appending. Call once, before Append(). Errors:
  // a damaged snapshot (written whole or not at all, so damage there is not a crash's cut), or
  // the files cannot be read or written.
  Status Replay(const std::function<void(const nlohmann::json& record)>& apply,
                std::vector<std::string>& notes);

  // Numbers `record` (sets "n") and appends it to the journal; it is durable once SyncTo(n)
  // returns. Callers append under one lock, in the order the changes were applied. Returns n.
  Result<std::uint64_t> Append(nlohmann::json record);
  // Returns once every record up to `n` is on disk. One fdatasync covers every record appended
  // before it started, so concurrent callers share syncs. Thread-safe; call without the lock
  // that orders Append().
  Status SyncTo(std::uint64_t n);
  // The number of the last record appended.
  std::uint64_t last_n() const { return written_n_.load(); }

  // True when the journal has grown enough to be compacted.
  bool WantsCompaction() const { return journal_records_ >= next_compaction_; }
  // Writes the snapshot and starts an empty journal, both atomically. Called under the lock
  // that orders Append(). On error the old files stay valid and appending continues; the next
  // attempt waits for another `compact_every` records.
  Status Compact();
  // True after a compaction failed half-way through replacing the journal: appends could be
  // lost, so the server must stop.
  bool broken() const { return broken_; }

  // Counters for the start-up report and tests.
  std::uint64_t snapshot_records() const { return snapshot_records_; }
  std::uint64_t journal_records() const { return journal_records_; }

 private:
  StateStore() = default;
  std::string Path(const char* name) const { return dir_ + "/" + name; }
  nlohmann::json Header(const char* kind) const;
  Status StartJournal();

  std::string dir_;
  SandboxOptions options_;
  bool is_new_ = true;
  bool has_snapshot_ = false;
  bool has_journal_ = false;
  std::uint64_t compact_every_ = 10000;
  int lock_fd_ = -1;

  AppendFile journal_;
  std::uint64_t snapshot_through_ = 0;  // last record number in the snapshot
  std::uint64_t base_n_ = 0;            // number of the last reset_all (0: none)
  std::uint64_t snapshot_records_ = 0;
  std::uint64_t journal_records_ = 0;
  std::uint64_t next_compaction_ = 0;
  bool broken_ = false;

  std::atomic<std::uint64_t> written_n_{0};
  std::atomic<std::uint64_t> durable_n_{0};
  std::mutex sync_mu_;  // one fdatasync at a time; held while Compact() swaps the journal
};

}  // namespace ec2sim::server

#endif  // EC2SIM_SERVER_STATE_STORE_H_
