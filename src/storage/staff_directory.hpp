#pragma once
// Staff accounts as storage keeps them: the member, their password hash and second factor.
// Every change is written with the audit entry that records it, in the same transaction:
// no change without its entry, no entry without its change.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "domain/audit_event.hpp"
#include "domain/staff_member.hpp"
#include "util/error.hpp"

namespace redress::storage {

struct StaffAccount {
    domain::StaffMember member;
    std::string password_hash;              // Argon2id, in libsodium's string form
    std::vector<std::uint8_t> sealed_totp;  // empty until enrolled
    std::int64_t totp_last_step = 0;
};

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
};

}  // namespace redress::storage
