#pragma once
// Staff accounts: who may be added, and how. A member's user name, name, roles and offices
// are checked, their password is checked against the policy (length, repeats, runs, the
// user name, a list of common passwords) and kept only as an Argon2id hash, and the
// account is stored with the audit entry that names who added it.

#include <string>
#include <vector>

#include "crypto/password.hpp"
#include "domain/calendar.hpp"
#include "domain/deployment.hpp"
#include "domain/password_policy.hpp"
#include "domain/role.hpp"
#include "domain/staff_member.hpp"
#include "storage/staff_directory.hpp"
#include "util/error.hpp"

namespace redress::staff {

struct NewMember {
    std::string username;
    std::string display_name;
    std::vector<domain::Role> roles;
    std::vector<std::string> offices;
    std::string password;
};

struct AccountRules {
    const domain::Deployment& deployment;
    const domain::CommonPasswords& common_passwords;
    crypto::PasswordCost password_cost;
};

// What is wrong with `member`, for the person adding it; nothing when it may be added.
// Every problem is named: a user name's characters, an unknown office, a working role
// without an office, a password the policy refuses (and why).
std::vector<std::string> check_new_member(const NewMember& member, const AccountRules& rules);

// Checks, hashes the password (tens of milliseconds: never on an I/O thread) and stores
// the account; blocks until it is durable. Fails with invalid_input and every problem,
// or conflict when the user name is taken.
util::Expected<domain::StaffId> add_member(storage::StaffDirectory& directory,
                                           const NewMember& member, const AccountRules& rules,
                                           std::string actor, domain::Timestamp now);

}  // namespace redress::staff
