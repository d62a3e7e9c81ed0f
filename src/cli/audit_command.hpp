#pragma once
// `redress audit verify`: checks the audit trail of a data folder offline (every entry's
// chain hash, the sequence, and each signed checkpoint, with the head file kept outside
// the database) and names the first broken entry.

#include <CLI/CLI.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "crypto/signature.hpp"
#include "staff/audit_verification.hpp"
#include "storage/audit_trail.hpp"

namespace redress::cli {

struct AuditOptions {
    std::string head_file;                 // default: <data>/audit-head when present
    std::vector<std::string> public_keys;  // base64; default: those of the key file
};

void add_audit_verify_options(CLI::App& command, AuditOptions& options);

struct AuditTrailCheck {
    std::int64_t entries = 0;                   // checked, in order
    std::size_t checkpoints = 0;                // signed checkpoints stored in the database
    std::optional<staff::AuditFinding> broken;  // the first break, if any
};

// Checks every entry's chain hash and sequence, and each checkpoint's signature by one of
// `keys` (and `head`, the head file's, when given).
util::Expected<AuditTrailCheck> check_audit_trail(
    storage::AuditTrail& trail, std::vector<crypto::PublicKey> keys,
    const std::optional<storage::AuditCheckpoint>& head);

// Prints what was checked, or the first break. 0: intact; 1: broken; 2: could not check.
int verify_audit(const config::Config& config, const AuditOptions& options);

}  // namespace redress::cli
