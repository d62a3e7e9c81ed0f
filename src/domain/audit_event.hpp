#pragma once
// One entry of the audit trail: who did what, when, to what, and why. Entries are chained:
// each one's hash covers the previous entry's hash and the entry's own text, so that an
// entry changed, removed or moved breaks the chain from there on.

#include <array>
#include <cstdint>
#include <string>

#include "domain/calendar.hpp"

namespace redress::domain {

using ChainHash = std::array<std::uint8_t, 32>;

struct AuditEvent {
    Timestamp at{};
    std::string actor;    // "staff:<username>", "cli:<what>", "system"
    std::string action;   // a dotted name: "staff.added", "session.signed_in"
    std::string object;   // what it acted on: "staff:<username>", "complaint:<reference>"
    std::string reason;   // why, as the actor stated it; may be empty
    std::string details;  // further facts, never a complainant's personal data
};

struct AuditEntry {
    std::int64_t sequence = 0;  // 1, 2, 3... without gaps
    AuditEvent event;
    ChainHash previous{};  // the hash of entry sequence - 1; all zero for the first
    ChainHash hash{};
};

// The exact text an entry's hash covers, besides the previous hash: every field,
// each preceded by its length, so that no two different entries give the same text.
std::string audit_entry_text(std::int64_t sequence, const AuditEvent& event);

// The text a checkpoint's signature covers: the chain's head at a moment.
std::string checkpoint_text(std::int64_t sequence, Timestamp at, const ChainHash& hash);

}  // namespace redress::domain
