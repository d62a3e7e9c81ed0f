#pragma once
// Anchors the audit trail: signs its head (sequence and hash) with the deployment's
// signing key, keeps the signed checkpoint in the database and the latest one in a file
// outside it (`audit-head` in the data folder, which an office may also copy elsewhere).
// A trail rewritten from some entry on, or cut short, then no longer matches a checkpoint,
// and a new one cannot be made without the key.
//
// Blocking: for commands and a thread of its own, never an I/O thread.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "crypto/keys.hpp"
#include "storage/audit_trail.hpp"
#include "util/error.hpp"

namespace redress::staff {

// Signs and keeps a checkpoint of the trail's head when entries were added since the last
// one; answers the head's sequence (0 for an empty trail, where nothing is signed).
util::Expected<std::int64_t> anchor_audit_trail(storage::AuditTrail& trail,
                                                const crypto::SigningKey& key,
                                                const std::filesystem::path& head_file,
                                                domain::Timestamp now);

// The head file's text for a checkpoint, and back. A file that cannot be read as one is
// refused with what is wrong.
std::string head_file_text(const storage::AuditCheckpoint& checkpoint);
util::Expected<storage::AuditCheckpoint> parse_head_file(std::string_view text);

}  // namespace redress::staff
