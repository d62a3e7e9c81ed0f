#include "staff/audit_verification.hpp"

#include <algorithm>

#include "crypto/chain_hash.hpp"

namespace redress::staff {

bool entry_matches_its_hash(const domain::AuditEntry& entry) {
    return crypto::chain_hash(entry.previous,
                              domain::audit_entry_text(entry.sequence, entry.event)) == entry.hash;
}

std::string_view audit_break_text(AuditBreak kind) {
    switch (kind) {
        case AuditBreak::out_of_order:
            return "an entry is missing or out of place (the sequence jumps)";
        case AuditBreak::unlinked:
            return "the entry does not follow the one before it (an entry removed or moved)";
        case AuditBreak::altered:
            return "the entry was changed after it was written";
        case AuditBreak::checkpoint_differs:
            return "a signed checkpoint does not match this entry (the chain was rewritten)";
        case AuditBreak::checkpoint_unsigned:
            return "a checkpoint of this entry is not signed by this deployment's key";
        case AuditBreak::truncated:
            return "a signed checkpoint names this entry, which is no longer in the trail "
                   "(the trail was cut short)";
    }
    return "the trail is broken";
}

bool checkpoint_signed(const storage::AuditCheckpoint& checkpoint,
                       std::span<const crypto::PublicKey> keys) {
    const auto text = domain::checkpoint_text(checkpoint.sequence, checkpoint.at, checkpoint.hash);
    return std::any_of(keys.begin(), keys.end(), [&](const crypto::PublicKey& key) {
        return crypto::signing_key_id(key) == checkpoint.key_id &&
               crypto::verify(key, text, checkpoint.signature);
    });
}

AuditVerifier::AuditVerifier(std::vector<storage::AuditCheckpoint> checkpoints,
                             std::vector<crypto::PublicKey> keys)
    : m_checkpoints(std::move(checkpoints)), m_keys(std::move(keys)) {
    std::sort(m_checkpoints.begin(), m_checkpoints.end(),
              [](const auto& a, const auto& b) { return a.sequence < b.sequence; });
}

bool AuditVerifier::check_checkpoints(const domain::AuditEntry& entry) {
    while (m_next_checkpoint < m_checkpoints.size() &&
           m_checkpoints[m_next_checkpoint].sequence <= entry.sequence) {
        const auto& checkpoint = m_checkpoints[m_next_checkpoint];
        if (!checkpoint_signed(checkpoint, m_keys)) {
            m_finding = AuditFinding{checkpoint.sequence, AuditBreak::checkpoint_unsigned};
            return false;
        }
        if (checkpoint.sequence != entry.sequence || checkpoint.hash != entry.hash) {
            m_finding = AuditFinding{checkpoint.sequence, AuditBreak::checkpoint_differs};
            return false;
        }
        ++m_next_checkpoint;
    }
    return true;
}

bool AuditVerifier::add(std::span<const domain::AuditEntry> entries) {
    if (m_finding) return false;
    for (const auto& entry : entries) {
        if (entry.sequence != m_last_sequence + 1) {
            m_finding = AuditFinding{m_last_sequence + 1, AuditBreak::out_of_order};
            return false;
        }
        if (entry.previous != m_last_hash) {
            m_finding = AuditFinding{entry.sequence, AuditBreak::unlinked};
            return false;
        }
        if (!entry_matches_its_hash(entry)) {
            m_finding = AuditFinding{entry.sequence, AuditBreak::altered};
            return false;
        }
        if (!check_checkpoints(entry)) return false;
        m_last_sequence = entry.sequence;
        m_last_hash = entry.hash;
    }
    return true;
}

std::optional<AuditFinding> AuditVerifier::finish() {
    if (!m_finding && m_next_checkpoint < m_checkpoints.size()) {
        m_finding = AuditFinding{m_checkpoints[m_next_checkpoint].sequence, AuditBreak::truncated};
    }
    return m_finding;
}

}  // namespace redress::staff
