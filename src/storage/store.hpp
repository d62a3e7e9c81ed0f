#pragma once
// The one storage interface. Implementations: sqlite/ (embedded, the default) and, later,
// postgresql/. Callers never see SQL or a database handle.

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "domain/received_filing.hpp"
#include "util/error.hpp"

namespace redress::storage {

using RecordDone =
    std::move_only_function<void(util::Expected<std::vector<domain::FiledComplaint>>)>;
using FindDone =
    std::move_only_function<void(util::Expected<std::optional<domain::ComplaintRecord>>)>;

// The check value of the key that seals a database's data (crypto::KeyCheck's bytes).
using KeyCheck = std::array<std::uint8_t, 32>;

// A filing stored before its account was sealed (by a redress older than the sealing of
// accounts), with its account in the clear.
struct UnsealedAccount {
    std::int64_t filing_id = 0;
    domain::Incident incident;  // without categories, which stay readable
    std::vector<domain::Subject> subjects;
};

// The same filing's account, sealed, to replace the clear one.
struct SealedAccount {
    std::int64_t filing_id = 0;
    std::vector<std::uint8_t> sealed;
    std::size_t subject_count = 0;
};

class Store {
  public:
    virtual ~Store() = default;

    // Stores the filing and one complaint per destination, numbering each reference per
    // office and year. `done` runs exactly once, after the data is durable (committed with
    // full fsync) or has failed to be; it runs on a thread of the store's and must neither
    // block nor do more than hand the result on (an exception it throws is logged and
    // dropped). Concurrent calls share commits.
    virtual void record(domain::ReceivedFiling filing, RecordDone done) = 0;

    // Finds the complaint with this exact reference (nullopt when there is none). The
    // search runs on a reading thread of the store's, never the caller's, and `done` runs
    // there, with the same rules as record()'s. Known and unknown references take the same
    // path and cost the same: a reference that matches nothing reads another complaint's
    // rows instead, which are dropped.
    virtual void find_complaint(std::string reference, FindDone done) = 0;

    // Whether the database answers; for /healthz. Safe from any thread; brief.
    virtual bool healthy() = 0;

    // The check value of the key this database's data is sealed with, as adopted earlier;
    // nullopt when none was adopted yet. For start-up, before serving.
    virtual util::Expected<std::optional<KeyCheck>> key_check() = 0;
    // Records `check` as this database's key. Fails (conflict) when another was adopted.
    virtual util::Expected<void> adopt_key_check(const KeyCheck& check) = 0;
    // Whether any filing is stored. For start-up.
    virtual util::Expected<bool> holds_filings() = 0;

    // Up to `max` filings whose account is still in the clear. For start-up.
    virtual util::Expected<std::vector<UnsealedAccount>> unsealed_accounts(std::size_t max) = 0;
    // Replaces the clear accounts of these filings by their sealed ones in one transaction,
    // overwriting what it removes. For start-up, before serving.
    virtual util::Expected<void> seal_accounts(const std::vector<SealedAccount>& sealed) = 0;
};

}  // namespace redress::storage
