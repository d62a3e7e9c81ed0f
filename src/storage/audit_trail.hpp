#pragma once
// The audit trail as storage keeps it: entries appended only by the writer, each chained
// to the one before (domain/audit_event.hpp), and signed checkpoints of its head.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "domain/audit_event.hpp"
#include "storage/staff_directory.hpp"
#include "util/error.hpp"

namespace redress::storage {

// The head of the chain at a moment, signed by the deployment.
struct AuditCheckpoint {
    std::int64_t sequence = 0;
    domain::Timestamp at{};
    domain::ChainHash hash{};
    std::string key_id;     // the signing key's id (crypto::signing_key_id)
    std::string signature;  // base64 Ed25519 over domain::checkpoint_text
};

class AuditTrail {
  public:
    virtual ~AuditTrail() = default;

    // Appends an entry of its own (a view, an export: something that changes nothing else).
    // Answers its sequence number once durable.
    virtual void record_audit(domain::AuditEvent event, Done<std::int64_t> done) = 0;

    // Up to `max` entries after sequence `after`, in order, as stored (not checked).
    virtual void audit_entries(std::int64_t after, std::size_t max,
                               Done<std::vector<domain::AuditEntry>> done) = 0;

    // The last entry (sequence 0 when the trail is empty).
    virtual void audit_head(Done<domain::AuditEntry> done) = 0;

    // Keeps a signed checkpoint; fails (conflict) when one exists for that sequence.
    virtual void add_checkpoint(AuditCheckpoint checkpoint, Done<std::int64_t> done) = 0;
    // Every checkpoint, oldest first.
    virtual void audit_checkpoints(Done<std::vector<AuditCheckpoint>> done) = 0;
};

}  // namespace redress::storage
