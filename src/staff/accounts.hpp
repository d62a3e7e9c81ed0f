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
#include "domain/form_problem.hpp"
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

// The checks of an account, shared by `redress user add` and the administrators' pages: each
// problem is a field ("username", "display_name", "roles", "offices", "password") and a
// code, said in words by problem_text() on the command line and by the staff catalogue
// ("staff.admin.error.<code>") on the web.

// The roles (at least one) and offices (each known, once; one at least for a working role).
std::vector<domain::FormProblem> check_access(const std::vector<domain::Role>& roles,
                                              const std::vector<std::string>& offices,
                                              const domain::Deployment& deployment);
// The user name, the name to show, then check_access().
std::vector<domain::FormProblem> check_account(const NewMember& member,
                                               const domain::Deployment& deployment);
// The password policy for `username`: "password_<domain::problem_code>", or nothing.
std::optional<domain::FormProblem> check_new_password(std::string_view password,
                                                      std::string_view username,
                                                      const domain::CommonPasswords& common);
// A problem in English, for the command line.
std::string problem_text(const domain::FormProblem& problem);

// What is wrong with `member`, for the person adding it; nothing when it may be added.
// Every problem is named: a user name's characters, an unknown office, a working role
// without an office, a password the policy refuses (and why).
std::vector<std::string> check_new_member(const NewMember& member, const AccountRules& rules);

// The roles of `roles` that are set, each once, in the order roles are listed to people.
std::vector<domain::Role> ordered_roles(const std::vector<domain::Role>& roles);
// "intake_officer,supervisor": as audit entries name them.
std::string roles_text(const std::vector<domain::Role>& roles);

// Checks, hashes the password (tens of milliseconds: never on an I/O thread) and stores
// the account; blocks until it is durable. Fails with invalid_input and every problem,
// or conflict when the user name is taken.
util::Expected<domain::StaffId> add_member(storage::StaffDirectory& directory,
                                           const NewMember& member, const AccountRules& rules,
                                           std::string actor, domain::Timestamp now);

}  // namespace redress::staff
