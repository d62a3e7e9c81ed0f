#pragma once
// Checks an audit trail offline: that every entry's hash is what its text and the previous
// hash give, that sequences run 1, 2, 3... without a gap, and that every signed checkpoint
// matches the entry it names and carries a valid signature of a known key. Names the first
// entry where the trail is broken, and how.
//
// What each kind of tampering looks like:
// - an entry changed: its hash no longer matches (`altered`);
// - an entry removed: a gap in the sequence, or the next entry's previous hash differs;
// - entries reordered: sequences out of order, or previous hashes that do not link;
// - the trail cut short: a checkpoint (or the head kept outside the database) names an
//   entry that is no longer there (`truncated`);
// - the whole chain rewritten from some entry on: the checkpoints after that entry no
//   longer match, and a new checkpoint cannot be signed without the deployment's key.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "crypto/signature.hpp"
#include "domain/audit_event.hpp"
#include "storage/audit_trail.hpp"

namespace redress::staff {

enum class AuditBreak {
    out_of_order,         // a sequence other than the one expected: removed or moved entries
    unlinked,             // its previous hash is not the hash of the entry before
    altered,              // its hash is not what its text gives
    checkpoint_differs,   // a checkpoint names an entry whose hash is not the signed one
    checkpoint_unsigned,  // a checkpoint whose signature no known key made
    truncated,            // a checkpoint names an entry past the end of the trail
};

std::string_view audit_break_text(AuditBreak kind);

// Whether the entry's hash is what its text and its previous hash give.
bool entry_matches_its_hash(const domain::AuditEntry& entry);

struct AuditFinding {
    std::int64_t sequence = 0;  // the first entry (or checkpoint's entry) found broken
    AuditBreak kind = AuditBreak::altered;
};

// Reads a trail in order, a batch at a time (a trail may be far larger than memory).
class AuditVerifier {
  public:
    // `checkpoints` in any order; `keys` the deployment's public signing keys.
    AuditVerifier(std::vector<storage::AuditCheckpoint> checkpoints,
                  std::vector<crypto::PublicKey> keys);

    // Checks the next entries; false once the trail is found broken (later entries are
    // then not checked: the first break is what an auditor needs).
    bool add(std::span<const domain::AuditEntry> entries);

    // Ends the check: the first break found, if any. Checkpoints past the last entry
    // mean the trail was cut short.
    std::optional<AuditFinding> finish();

    std::int64_t entries_checked() const { return m_last_sequence; }
    std::size_t checkpoints_checked() const { return m_next_checkpoint; }

  private:
    bool check_checkpoints(const domain::AuditEntry& entry);

    std::vector<storage::AuditCheckpoint> m_checkpoints;
    std::vector<crypto::PublicKey> m_keys;
    std::size_t m_next_checkpoint = 0;
    std::int64_t m_last_sequence = 0;
    domain::ChainHash m_last_hash{};
    std::optional<AuditFinding> m_finding;
};

// Whether a checkpoint's signature was made by one of `keys` (matched by key id).
bool checkpoint_signed(const storage::AuditCheckpoint& checkpoint,
                       std::span<const crypto::PublicKey> keys);

}  // namespace redress::staff
