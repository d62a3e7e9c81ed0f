#pragma once
// What staff sign-in keeps: second factors and recovery codes, and sessions. A session is
// known by the keyed hash of its token only (the token itself lives in the member's
// cookie). Every step that signs someone in, enrols a second factor, uses a recovery code
// or ends a session is written with its audit entries in the same transaction.

#include <array>
#include <cstdint>
#include <optional>
#include <variant>
#include <vector>

#include "domain/audit_event.hpp"
#include "domain/staff_member.hpp"
#include "storage/staff_directory.hpp"

namespace redress::storage {

using TokenHash = std::array<std::uint8_t, 32>;

struct StaffSession {
    TokenHash token_hash{};
    domain::StaffId staff_id = 0;
    domain::Timestamp created_at{};
    domain::Timestamp last_seen_at{};
};

// A session that has not been ended, with its member as they are now (roles, offices,
// whether disabled), as a request needs it.
struct SessionRecord {
    StaffSession session;
    domain::StaffMember member;
};

// A session to start; its created_at and last_seen_at are both `at`.
struct NewSession {
    TokenHash token_hash{};
    domain::StaffId staff_id = 0;
    domain::Timestamp at{};
};

class StaffSessions {
  public:
    virtual ~StaffSessions() = default;

    // The account with this id, disabled or not; nullopt when there is none. Runs on a
    // reading thread, and `done` there.
    virtual void find_account_by_id(domain::StaffId id, Done<std::optional<StaffAccount>> done) = 0;

    // Takes the TOTP step `step` as the member's last used one and starts `session`, with
    // `audit`. Fails with conflict, changing nothing, unless `step` is after the last used
    // step (a code works once, even when two sign-ins race with the same code).
    virtual void sign_in_with_code(NewSession session, std::int64_t step,
                                   std::vector<domain::AuditEvent> audit, Done<Written> done) = 0;

    // Marks the member's unused recovery code with hash `code_hash` used and starts
    // `session`, with `audit`. Fails with not_found, changing nothing, when the member has
    // no unused code of that hash.
    virtual void sign_in_with_recovery_code(NewSession session, TokenHash code_hash,
                                            std::vector<domain::AuditEvent> audit,
                                            Done<Written> done) = 0;

    // Stores the member's first second factor (its sealed secret and the step of the code
    // that confirmed it) and recovery codes (keyed hashes), and starts `session`, with
    // `audit`. Fails with conflict, changing nothing, when the member has one already.
    virtual void enrol_and_sign_in(NewSession session, std::vector<std::uint8_t> sealed_totp,
                                   std::int64_t step, std::vector<TokenHash> recovery_codes,
                                   std::vector<domain::AuditEvent> audit, Done<Written> done) = 0;

    // The session of this token hash with its member, unless it was ended or is unknown.
    // Runs on a reading thread, and `done` there.
    virtual void find_session(TokenHash token_hash, Done<std::optional<SessionRecord>> done) = 0;

    // Notes that the session was used at `at` (for the idle timeout). No audit entry: it
    // changes nothing anyone acts on.
    virtual void touch_session(TokenHash token_hash, domain::Timestamp at, Done<Written> done) = 0;

    // Ends the session at `at` with `audit` (signed out, expired). Answers false, writing
    // no entry, when it had already ended or is unknown.
    virtual void end_session(TokenHash token_hash, domain::Timestamp at, domain::AuditEvent audit,
                             Done<bool> done) = 0;
};

}  // namespace redress::storage
