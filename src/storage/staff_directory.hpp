#pragma once
// Staff accounts as storage keeps them: the member, their password hash and second factor.
// Every change is written with the audit entry that records it, in the same transaction:
// no change without its entry, no entry without its change.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "domain/audit_event.hpp"
#include "domain/staff_member.hpp"
#include "util/error.hpp"

namespace redress::storage {

// The message of the conflict a change answers when it would remove the last administrator.
inline constexpr std::string_view k_last_administrator = "last administrator";

struct StaffAccount {
    domain::StaffMember member;
    std::string password_hash;              // Argon2id, in libsodium's string form
    std::vector<std::uint8_t> sealed_totp;  // empty until enrolled
    std::int64_t totp_last_step = 0;
    // Set while password_hash is of a one-time set-up code (an account an administrator
    // created in the web interface): usable until then, and only to choose a password.
    std::optional<domain::Timestamp> set_up_until;
};

// What a write that answers nothing but success answers.
using Written = std::monostate;

template <typename T>
using Done = std::move_only_function<void(util::Expected<T>)>;

class StaffDirectory {
  public:
    virtual ~StaffDirectory() = default;

    // Adds the account (its member's id is ignored) and its audit entry; answers the new
    // id. Fails with conflict when the user name is taken. `done` runs on a thread of the
    // store's once durable, with the rules of Store::record.
    virtual void add_staff(StaffAccount account, domain::AuditEvent audit,
                           Done<domain::StaffId> done) = 0;

    // The account with this user name, disabled or not; nullopt when there is none. Runs on
    // a reading thread, and `done` there.
    virtual void find_account(std::string username, Done<std::optional<StaffAccount>> done) = 0;

    // Every member, by user name.
    virtual void list_staff(Done<std::vector<domain::StaffMember>> done) = 0;

    // The changes an administrator makes, each with its audit entry (whose `at` is the time
    // of the change). Each fails with not_found, changing nothing, when there is no member
    // `id`, and with conflict (message k_last_administrator), changing nothing, when it
    // would leave no administrator who is not disabled: checked inside the write, so that
    // two administrators removing each other at once cannot both succeed. A change that
    // changes nothing (enabling an enabled account) succeeds and writes no entry.

    // Replaces the member's roles (not empty) and offices.
    virtual void change_staff_access(domain::StaffId id, std::vector<domain::Role> roles,
                                     std::vector<std::string> offices, domain::AuditEvent audit,
                                     Done<Written> done) = 0;
    // Disables the account and ends every session of it, or enables it again.
    virtual void set_staff_disabled(domain::StaffId id, bool disabled, domain::AuditEvent audit,
                                    Done<Written> done) = 0;
    // Forgets the member's second factor and recovery codes and ends their sessions: they
    // enrol a new one at their next sign-in.
    virtual void reset_second_factor(domain::StaffId id, domain::AuditEvent audit,
                                     Done<Written> done) = 0;
    // Gives the member a new set-up code (its hash, good until `until`) in place of their
    // password, forgets their second factor and recovery codes and ends their sessions: they
    // sign in with the code, choose a password and enrol again, as a new member does.
    virtual void issue_set_up_code(domain::StaffId id, std::string code_hash,
                                   domain::Timestamp until, domain::AuditEvent audit,
                                   Done<Written> done) = 0;
    // Replaces a set-up code by the member's own password (its Argon2id hash). Fails with
    // conflict, changing nothing, unless the account still has a set-up code and is not
    // disabled.
    virtual void choose_password(domain::StaffId id, std::string password_hash,
                                 domain::AuditEvent audit, Done<Written> done) = 0;
};

}  // namespace redress::storage
